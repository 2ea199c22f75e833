"""Provident fund for one employee and one month (EPF & MP Act; EPF, EPS and EDLI schemes).

    >>> from xlbo.master.defaults import pf_rules
    >>> pf = provident_fund(Decimal(6600), Decimal(6600), pf_rules()[0], eps_eligible=True)
    >>> pf.employee, pf.eps, pf.epf_employer
    (Decimal('792'), Decimal('550'), Decimal('242'))

The employer's 12% is computed once and rounded; EPS is 8.33% of wages up to the ceiling,
rounded; employer EPF is the difference of the two rounded amounts (so 549.78 becomes an EPS of
550 and an EPF of 242, never 551 + 241).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal

from xlbo.master.rules import PFRule, PFWageDefinition
from xlbo.money import format_inr
from xlbo.payroll.rules import apply_rounding

HALF = Decimal("0.5")


def pf_wage(basic_da: Decimal, gross: Decimal, rule: PFRule) -> Decimal:
    """PF wages: basic + DA; under the Labour Code definition, plus whatever the excluded
    allowances exceed half of the total pay by."""
    if rule.wage_definition is PFWageDefinition.LABOUR_CODE_50:
        excluded = gross - basic_da
        excess = excluded - gross * HALF
        return basic_da + max(excess, Decimal(0))
    return basic_da


@dataclass(frozen=True)
class PFResult:
    wage: Decimal
    """PF wages for the month (after proration)."""
    contribution_wage: Decimal
    """Wages contributions are computed on: capped at the ceiling unless on actual wages."""
    pension_wage: Decimal
    """Wages EPS and EDLI are computed on (always capped at the ceiling)."""
    employee: Decimal
    vpf: Decimal
    employer: Decimal
    eps: Decimal
    epf_employer: Decimal
    edli: Decimal
    admin: Decimal
    working: tuple[str, ...] = field(default=())
    """How each figure came about, for the Working sheet."""


def provident_fund(
    wage: Decimal,
    gross: Decimal,
    rule: PFRule,
    *,
    eps_eligible: bool = True,
    on_actual: bool = False,
    voluntary_rate: Decimal = Decimal(0),
) -> PFResult:
    """PF of one month on PF wages `wage` (already prorated). `eps_eligible` is False for
    members past the EPS age limit or who joined after the cut-off date above the ceiling."""
    ceiling = rule.wage_ceiling
    contribution_wage = wage if on_actual else min(wage, ceiling)
    pension_wage = min(wage, ceiling)
    employee = apply_rounding(contribution_wage * rule.employee_rate, rule.rounding)
    vpf = apply_rounding(wage * voluntary_rate, rule.rounding)  # a % of PF wages, uncapped
    employer = apply_rounding(contribution_wage * rule.employer_rate, rule.rounding)
    eps = (
        apply_rounding(pension_wage * rule.eps_rate, rule.rounding) if eps_eligible else Decimal(0)
    )
    eps = min(eps, employer)
    edli = apply_rounding(pension_wage * rule.edli_rate, rule.rounding)
    admin = apply_rounding(contribution_wage * rule.admin_rate, rule.rounding)
    rule_row = f"PF Rules from {rule.effective_from:%d-%m-%Y}"
    working = (
        f"PF wage {format_inr(wage)}; contributions on {format_inr(contribution_wage)} "
        f"({'actual wages' if on_actual else f'capped at {format_inr(ceiling)}'}); {rule_row}",
        f"Employee {rule.employee_rate:%} of {format_inr(contribution_wage)} = "
        f"{format_inr(employee)} ({rule.rounding.value})",
        f"Employer {rule.employer_rate:%} of {format_inr(contribution_wage)} = "
        f"{format_inr(employer)}",
        f"EPS {rule.eps_rate:%} of {format_inr(pension_wage)} = {format_inr(eps)}"
        if eps_eligible
        else "EPS nil: not eligible (age limit, or joined after the cut-off above the ceiling)",
        f"Employer EPF = {format_inr(employer)} - {format_inr(eps)} = {format_inr(employer - eps)}",
        f"EDLI {rule.edli_rate:%} of {format_inr(pension_wage)} = {format_inr(edli)}",
    )
    return PFResult(
        wage=wage,
        contribution_wage=contribution_wage,
        pension_wage=pension_wage,
        employee=employee,
        vpf=vpf,
        employer=employer,
        eps=eps,
        epf_employer=employer - eps,
        edli=edli,
        admin=admin,
        working=working,
    )
