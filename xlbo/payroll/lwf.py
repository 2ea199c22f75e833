"""Labour welfare fund: fixed employee and employer contributions in the state's deduction
months (Maharashtra: June and December; Karnataka: December)."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from decimal import Decimal

from xlbo.master.rules import LWFRule


def labour_welfare_fund(
    rules: Sequence[LWFRule], state: str, month: date
) -> tuple[Decimal, Decimal]:
    """(employee, employer) LWF deducted in `month` for someone working in `state`."""
    mine = [r for r in rules if r.state == state and r.effective_from <= month]
    if not mine:
        return Decimal(0), Decimal(0)
    rule = max(mine, key=lambda r: r.effective_from)
    if month.month not in rule.deduction_months:
        return Decimal(0), Decimal(0)
    return rule.employee, rule.employer
