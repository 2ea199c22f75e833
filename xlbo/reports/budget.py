"""Budget against actual, by account and month.

The budget (read from the `Budget` sheet by `xlbo.readers.budget`) is what each account was
expected to spend (expenses) or earn (income) in the month. Actual is the Journal's movement in
that month, on the same side. Variance = Actual − Budget; Variance % is of the budget. An overrun
is an expense above its budget or income below it.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from decimal import Decimal

import pandas as pd

from xlbo.master.fields import Nature
from xlbo.money import from_paise
from xlbo.periods import Period
from xlbo.reports.journal import monthly_movement


@dataclass(frozen=True)
class Budgeted:
    """The budget: `amounts` by (account, month as YYYY-MM) in rupees, and each budgeted
    account's nature (income or expense), which says on which side an overrun lies."""

    amounts: dict[tuple[str, str], Decimal]
    natures: dict[str, Nature]


def budget_vs_actual(budgeted: Budgeted, lines: pd.DataFrame, period: Period) -> pd.DataFrame:
    """A row per account and month budgeted: Account, Month, Budget, Actual, Variance,
    Variance %, Overrun (Yes or blank), from the journal `lines` of `period`."""
    movement = monthly_movement(lines, period)
    rows = []
    # several rows for one account and month (a budget split by line item) add up
    for (account, key), amount in budgeted.amounts.items():
        account_nature = budgeted.natures[account]
        moved = movement.get((account, date(int(key[:4]), int(key[5:]), 1)), 0)
        actual = from_paise(-moved if account_nature is Nature.INCOME else moved)
        variance = actual - amount
        percent = (variance / amount).quantize(Decimal("0.0001")) if amount else None
        overrun = variance > 0 if account_nature is not Nature.INCOME else variance < 0
        rows.append([account, key, amount, actual, variance, percent, "Yes" if overrun else ""])
    frame = pd.DataFrame(
        rows,
        columns=["Account", "Month", "Budget", "Actual", "Variance", "Variance %", "Overrun"],
        dtype=object,
    )
    return frame
