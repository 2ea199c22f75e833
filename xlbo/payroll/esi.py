"""ESI for one employee and one month (ESI Act; rates from 1-Jul-2019).

Coverage: wages up to the ceiling (₹21,000; ₹25,000 for a person with disability), overtime
left out of the test. Contribution periods run April–September and October–March: an employee
covered at the start of a period stays covered to its end, contributing on full wages even after
crossing the ceiling. Each share is rounded up to the next rupee. No employee share when the
average daily wage is at most ₹176 (the employer's share is still due).

    >>> from xlbo.master.defaults import esi_rules
    >>> result = employees_state_insurance(Decimal("53494.67"), Decimal("53494.67"), 26, esi_rules()[0], covered_at_period_start=True)
    >>> result.employee, result.employer
    (Decimal('402'), Decimal('1739'))
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from xlbo.master.rules import ESIRule
from xlbo.money import format_inr
from xlbo.payroll.rules import apply_rounding


def period_start(month: date) -> date:
    """First day of the ESI contribution period a month belongs to (1 April or 1 October)."""
    if 4 <= month.month <= 9:
        return date(month.year, 4, 1)
    return date(month.year if month.month >= 10 else month.year - 1, 10, 1)


@dataclass(frozen=True)
class ESIResult:
    covered: bool
    reason: str
    employee: Decimal
    employer: Decimal
    wage: Decimal


def employees_state_insurance(
    gross: Decimal,
    coverage_wage: Decimal,
    paid_days: int,
    rule: ESIRule,
    *,
    disabled: bool = False,
    covered_at_period_start: bool | None = None,
) -> ESIResult:
    """ESI on `gross` wages of the month; `coverage_wage` is the monthly wage without overtime
    that decides coverage. `covered_at_period_start`: whether the employee was covered in the
    period's first month (None: decide from this month, as in April and October)."""
    ceiling = rule.disability_ceiling if disabled else rule.wage_ceiling
    if coverage_wage <= ceiling:
        reason = f"wages {format_inr(coverage_wage)} within the ceiling {format_inr(ceiling)}"
    elif covered_at_period_start:
        reason = "covered at the start of the contribution period: stays covered to its end"
    else:
        return ESIResult(
            False,
            f"wages {format_inr(coverage_wage)} above the ceiling {format_inr(ceiling)}",
            Decimal(0),
            Decimal(0),
            gross,
        )
    daily = gross / paid_days if paid_days else Decimal(0)
    employee = (
        Decimal(0)
        if paid_days and daily <= rule.exempt_daily_wage
        else apply_rounding(gross * rule.employee_rate, rule.rounding)
    )
    if employee == 0 and paid_days:
        reason += (
            f"; average daily wage {format_inr(daily)} at most "
            f"{format_inr(rule.exempt_daily_wage)}: no employee share"
        )
    employer = apply_rounding(gross * rule.employer_rate, rule.rounding)
    return ESIResult(True, reason, employee, employer, gross)
