"""Payroll worksheet functions: the same engines as the payroll job, on xlbo's shipped rules
(the current financial year's defaults from the master template).

    =XLBO.PF(15000)                       → 1800   (employee 12%)
    =XLBO.PF(6600, "EPS")                 → 550
    =XLBO.ESI(18000.10)                   → 136    (employee 0.75%, rounded up)
    =XLBO.PT("Maharashtra", 30000, "2027-02", "Male") → 300
    =XLBO.INCOME_TAX(1210000)             → 10400  (87A marginal relief, cess)
    =XLBO.TDS_MONTHLY(120000, 50000, 6)   → 11667
"""

from __future__ import annotations

from datetime import date, datetime
from decimal import Decimal
from typing import Any

from xlbo.cells import is_blank, parse_choice
from xlbo.dates import parse_date
from xlbo.excel.cells import each_cell, readable, worksheet_function
from xlbo.master import defaults
from xlbo.master.fields import Gender, TaxRegime
from xlbo.money import parse_amount
from xlbo.payroll.esi import employees_state_insurance
from xlbo.payroll.pf import provident_fund
from xlbo.payroll.pt import professional_tax
from xlbo.payroll.rules import in_force
from xlbo.payroll.tax import TaxTables, income_tax, monthly_tds
from xlbo.periods import TAX_YEAR_START, financial_year
from xlbo.states import find_state

PF_PARTS = ("EMPLOYEE", "EMPLOYER", "EPS", "EPF", "EDLI", "ADMIN")
ESI_PARTS = ("EMPLOYEE", "EMPLOYER")


def _amount(value: Any, what: str) -> Decimal:
    amount = parse_amount(value)
    if amount is None:
        raise ValueError(f"the {what} is blank")
    return amount


def _part(value: Any, parts: tuple[str, ...]) -> str:
    part = "EMPLOYEE" if is_blank(value) else str(value).strip().upper()
    if part not in parts:
        raise ValueError(f"part '{value}' is not one of {', '.join(parts)}")
    return part


def _number(value: Decimal) -> float | int:
    return int(value) if value == value.to_integral_value() else float(value)


@worksheet_function
def pf(pf_wage: Any, part: Any = None) -> Any:
    """PF on a month's PF wages: the employee's 12% by default, or EMPLOYER, EPS, EPF, EDLI, ADMIN."""
    which = _part(part, PF_PARTS)
    rule = in_force(defaults.pf_rules(), date.today(), "PF")

    def one(value: Any) -> Any:
        try:
            wage = _amount(value, "PF wage")
        except ValueError as error:
            return readable(str(error))
        result = provident_fund(wage, wage, rule)
        figure = {
            "EMPLOYEE": result.employee,
            "EMPLOYER": result.employer,
            "EPS": result.eps,
            "EPF": result.epf_employer,
            "EDLI": result.edli,
            "ADMIN": result.admin,
        }[which]
        return _number(figure)

    return each_cell(one, pf_wage)


@worksheet_function
def esi(gross: Any, part: Any = None) -> Any:
    """ESI on a month's gross wages (0 above the ₹21,000 ceiling): EMPLOYEE (0.75%) or EMPLOYER (3.25%), rounded up."""
    which = _part(part, ESI_PARTS)
    rule = in_force(defaults.esi_rules(), date.today(), "ESI")

    def one(value: Any) -> Any:
        try:
            wage = _amount(value, "gross wage")
        except ValueError as error:
            return readable(str(error))
        result = employees_state_insurance(wage, wage, 0, rule)
        return _number(result.employee if which == "EMPLOYEE" else result.employer)

    return each_cell(one, gross)


def _month(value: Any) -> date:
    if isinstance(value, datetime | date):
        return (
            value if isinstance(value, date) and not isinstance(value, datetime) else value.date()
        )
    text = str(value).strip()
    if len(text) == 7 and text[4] == "-":
        return date(int(text[:4]), int(text[5:]), 1)
    parsed = parse_date(value)
    if parsed is None:
        raise ValueError("the month is blank; give it like 2026-10")
    return parsed


@worksheet_function
def pt(state: Any, gross: Any, month: Any, gender: Any = None) -> Any:
    """Professional tax for a month's gross in a state (Feb 300 in MH and KA; women's slab in MH): =XLBO.PT("Maharashtra", 30000, "2027-02")."""
    found = find_state(state)
    if found is None:
        raise ValueError("the state is blank")
    when = _month(month)
    sex = (
        parse_choice(gender, Gender, {"M": Gender.MALE, "F": Gender.FEMALE})
        if not is_blank(gender)
        else None
    )

    def one(value: Any) -> Any:
        try:
            wage = _amount(value, "gross")
        except ValueError as error:
            return readable(str(error))
        return _number(professional_tax(defaults.pt_slabs(), found.name, wage, when, sex))

    return each_cell(one, gross)


@worksheet_function
def income_tax_for(annual_taxable: Any, regime: Any = None, year: Any = None) -> Any:
    """Income tax with 87A rebate, surcharge and 4% cess on a year's taxable salary: =XLBO.INCOME_TAX(1210000, "New", "2026-27")."""
    chosen = TaxRegime.NEW if is_blank(regime) else parse_choice(regime, TaxRegime)
    fy = (
        financial_year(date.today(), TAX_YEAR_START).code
        if is_blank(year)
        else str(year).strip().removeprefix("FY").strip()
    )
    tables = TaxTables.shipped()

    def one(value: Any) -> Any:
        try:
            income = _amount(value, "taxable income")
        except ValueError as error:
            return readable(str(error))
        return _number(income_tax(income, chosen or TaxRegime.NEW, fy, tables).total)

    return each_cell(one, annual_taxable)


@worksheet_function
def tds_monthly(annual_tax: Any, deducted_so_far: Any, months_remaining: Any) -> Any:
    """This month's TDS: (annual tax − TDS deducted so far) ÷ months remaining including this one."""
    months = int(_amount(months_remaining, "months remaining"))
    return _number(
        monthly_tds(
            _amount(annual_tax, "annual tax"),
            _amount(deducted_so_far, "TDS deducted so far")
            if not is_blank(deducted_so_far)
            else Decimal(0),
            months,
        )
    )
