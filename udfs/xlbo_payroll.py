"""Payroll worksheet functions (classic add-in names: XLBO_…; in xlwings Lite: XLBO.…), on
xlbo's shipped rules for the current year."""

from typing import Any

import xlwings as xw

from xlbo.excel import payroll_functions as payroll


@xw.func
@xw.arg("pf_wage", ndim=2, doc="PF wages of the month (a cell or a column)")
@xw.arg("part", doc="EMPLOYEE (default), EMPLOYER, EPS, EPF, EDLI or ADMIN")
def XLBO_PF(pf_wage: Any, part: Any = None) -> Any:
    """PF on a month's PF wages: the employee's 12% by default, or another part."""
    return payroll.pf(pf_wage, part)


@xw.func
@xw.arg("gross", ndim=2, doc="Gross wages of the month (a cell or a column)")
@xw.arg("part", doc="EMPLOYEE (default) or EMPLOYER")
def XLBO_ESI(gross: Any, part: Any = None) -> Any:
    """ESI on a month's gross wages, rounded up; 0 above the ceiling."""
    return payroll.esi(gross, part)


@xw.func
@xw.arg("gross", ndim=2, doc="Gross wages of the month (a cell or a column)")
@xw.arg("month", doc="The month, e.g. 2026-10 or a date in it")
@xw.arg("gender", doc="Male or Female where the state has separate slabs")
def XLBO_PT(state: Any, gross: Any, month: Any, gender: Any = None) -> Any:
    """Professional tax for a month's gross in a state: =XLBO_PT("Maharashtra", 30000, "2027-02")."""
    return payroll.pt(state, gross, month, gender)


@xw.func
@xw.arg("annual_taxable", ndim=2, doc="Taxable salary of the year (a cell or a column)")
@xw.arg("regime", doc="New (default) or Old")
@xw.arg("year", doc="Financial year, e.g. 2026-27 (default: the current one)")
def XLBO_INCOME_TAX(annual_taxable: Any, regime: Any = None, year: Any = None) -> Any:
    """Income tax with 87A rebate, surcharge and 4% cess on a year's taxable salary."""
    return payroll.income_tax_for(annual_taxable, regime, year)


@xw.func
def XLBO_TDS_MONTHLY(annual_tax: Any, deducted_so_far: Any, months_remaining: Any) -> Any:
    """This month's TDS: (annual tax - TDS so far) / months remaining including this one."""
    return payroll.tds_monthly(annual_tax, deducted_so_far, months_remaining)
