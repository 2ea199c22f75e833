Attribute VB_Name = "XlboRibbon"
' Ribbon callbacks of the classic xlbo add-in (macros/ribbon.xml names them in onAction).
' Each runs one job on the workbook that is open, through xlwings' RunPython; the Python side
' is macros/xlbo_buttons.py. Nothing else belongs here: business rules live in the xlbo package.
Option Explicit

Sub Validate(control As IRibbonControl)
    RunPython "import xlbo_buttons; xlbo_buttons.validate_caller()"
End Sub

Sub Reconcile(control As IRibbonControl)
    RunPython "import xlbo_buttons; xlbo_buttons.reconcile_caller()"
End Sub

Sub RunPayroll(control As IRibbonControl)
    RunPython "import xlbo_buttons; xlbo_buttons.run_payroll_caller()"
End Sub

Sub Reports(control As IRibbonControl)
    RunPython "import xlbo_buttons; xlbo_buttons.reports_caller()"
End Sub

Sub Letters(control As IRibbonControl)
    RunPython "import xlbo_buttons; xlbo_buttons.letters_caller()"
End Sub

Sub Invoices(control As IRibbonControl)
    RunPython "import xlbo_buttons; xlbo_buttons.invoices_caller()"
End Sub

Sub FinalSettlement(control As IRibbonControl)
    RunPython "import xlbo_buttons; xlbo_buttons.final_settlement_caller()"
End Sub

Sub Stock(control As IRibbonControl)
    RunPython "import xlbo_buttons; xlbo_buttons.stock_caller()"
End Sub

Sub Calendar(control As IRibbonControl)
    RunPython "import xlbo_buttons; xlbo_buttons.calendar_caller()"
End Sub

Sub AuditVerify(control As IRibbonControl)
    RunPython "import xlbo_buttons; xlbo_buttons.audit_verify_caller()"
End Sub

Sub Payables(control As IRibbonControl)
    RunPython "import xlbo_buttons; xlbo_buttons.payables_caller()"
End Sub

Sub PayTicked(control As IRibbonControl)
    RunPython "import xlbo_buttons; xlbo_buttons.pay_ticked_caller()"
End Sub

Sub GstRecon(control As IRibbonControl)
    RunPython "import xlbo_buttons; xlbo_buttons.gst_recon_caller()"
End Sub

Sub Statements(control As IRibbonControl)
    RunPython "import xlbo_buttons; xlbo_buttons.statements_caller()"
End Sub
