"""Button handlers of the classic xlwings add-in.

Each job has a handler that takes the workbook (`def validate(book)`) — testable with any
book — and an entry point the ribbon's VBA calls through RunPython, which hands over the calling
workbook and shows the outcome (or what to fix) to the user:

    RunPython "import xlbo_buttons; xlbo_buttons.validate_caller()"
"""

from collections.abc import Callable
from typing import Any

import xlwings as xw

from xlbo.errors import UserError
from xlbo.excel import buttons


def validate(book: Any) -> str:
    """Validate the master workbook `book`; results go into new sheets of it."""
    return buttons.validate(book)


def reconcile(book: Any) -> str:
    """Reconcile the Bank Statement and Ledger sheets of `book`; results go into new sheets."""
    return buttons.reconcile(book)


def run_payroll(book: Any) -> str:
    """Run the latest Attendance month's payroll; the register goes into new sheets of `book`."""
    return buttons.run_payroll(book)


def reports(book: Any) -> str:
    """Build the month's report pack from the Journal; sheets go into `book`, the pack beside it."""
    return buttons.reports(book)


def letters(book: Any) -> str:
    """Merge the letters ticked on the Letters sheet; their text goes into `book`, files beside it."""
    return buttons.letters(book)


def invoices(book: Any) -> str:
    """Issue the Invoices and Receipts sheets' documents; they go into new sheets of `book`."""
    return buttons.invoices(book)


def final_settlement(book: Any) -> str:
    """Draw up the full-and-final of the employee on the Final Settlement sheet into `book`."""
    return buttons.final_settlement(book)


def stock(book: Any) -> str:
    """Draw up the stock register, reorder list and purchase requests into `book`."""
    return buttons.stock(book)


def calendar(book: Any) -> str:
    """Write the Due sheet and the year's calendar into `book` (the .ics: xlbo calendar)."""
    return buttons.calendar(book)


def audit_verify(book: Any) -> str:
    """Check the audit trail of `book` (its log sheet, and the log file beside it when saved)."""
    return buttons.audit_verify(book)


def payables(book: Any) -> str:
    """Propose the payment run as on today; the Payment Run sheet goes into `book`."""
    return buttons.payables(book)


def pay_ticked(book: Any) -> str:
    """Pay the bills ticked on the Payment Run sheet of `book`; payments go into new sheets."""
    return buttons.pay_ticked(book)


def gst_recon(book: Any) -> str:
    """Match the Purchases sheet with the GSTR-2B JSON files in the gstr2b folder beside `book`."""
    return buttons.gst_recon(book)


def statements(book: Any) -> str:
    """Draw up each customer's statement of account as on today into `book`."""
    return buttons.statements(book)


def _from_excel(handler: Callable[[Any], str]) -> None:
    book = xw.Book.caller()
    try:
        book.app.status_bar = handler(book)
    except UserError as problem:  # bad input: say what to fix, never a traceback
        book.app.alert(problem.message, title="xlbo")


def validate_caller() -> None:
    """RunPython entry point of the Validate button."""
    _from_excel(validate)


def reconcile_caller() -> None:
    """RunPython entry point of the Reconcile button."""
    _from_excel(reconcile)


def run_payroll_caller() -> None:
    """RunPython entry point of the Run Payroll button."""
    _from_excel(run_payroll)


def reports_caller() -> None:
    """RunPython entry point of the Reports button."""
    _from_excel(reports)


def letters_caller() -> None:
    """RunPython entry point of the Letters button."""
    _from_excel(letters)


def invoices_caller() -> None:
    """RunPython entry point of the Invoices button."""
    _from_excel(invoices)


def final_settlement_caller() -> None:
    """RunPython entry point of the Final Settlement button."""
    _from_excel(final_settlement)


def stock_caller() -> None:
    """RunPython entry point of the Stock button."""
    _from_excel(stock)


def calendar_caller() -> None:
    """RunPython entry point of the Calendar button."""
    _from_excel(calendar)


def audit_verify_caller() -> None:
    """RunPython entry point of the Audit Verify button."""
    _from_excel(audit_verify)


def payables_caller() -> None:
    """RunPython entry point of the Payables button."""
    _from_excel(payables)


def pay_ticked_caller() -> None:
    """RunPython entry point of the Pay Ticked button."""
    _from_excel(pay_ticked)


def gst_recon_caller() -> None:
    """RunPython entry point of the GST Recon button."""
    _from_excel(gst_recon)


def statements_caller() -> None:
    """RunPython entry point of the Statements button."""
    _from_excel(statements)
