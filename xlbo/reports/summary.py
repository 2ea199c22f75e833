"""Monthly and annual summaries: the profit and loss month by month.

`monthly` shows each income and expense account across the months of the period; `annual` shows
the Schedule III lines (revenue from operations, other income, each expense by nature) across
the months of the financial year up to the end of the period (all twelve for FY2026-27). Both carry total income, total
expenses and profit rows, a Total column, and a chart of income, expenses and profit by month.
Income is shown credit-positive, expenses debit-positive, so every figure reads as a plain amount.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from datetime import date

import pandas as pd

from xlbo.master.fields import Nature
from xlbo.money import from_paise
from xlbo.periods import APRIL, Period, financial_year
from xlbo.reports.journal import monthly_movement
from xlbo.reports.statements import PL_EXPENSES, Books

INCOME_LINES = ("Revenue from Operations", "Other Income")
TOTAL_INCOME = "Total income"
TOTAL_EXPENSES = "Total expenses"
PROFIT = "Profit"


def months_of(period: Period) -> list[date]:
    """First day of each month in the period."""
    return [d.date() for d in pd.date_range(period.start, period.end, freq="MS")]


@dataclass(frozen=True)
class ProfitByMonth:
    """The profit and loss month by month: `frame` has a line a row (`Line` in the annual
    summary, `Account` in the monthly), its Type (Income, Expense, Total), a column a month
    (Oct 2026) and a Total column, in rupees; the income lines come first, then Total income,
    the expense lines, Total expenses and Profit."""

    frame: pd.DataFrame
    annual: bool
    span: Period
    """The months shown: the period, or in the annual summary the year so far."""
    incomes: int
    """How many income lines (before Total income)."""
    expenses: int
    """How many expense lines (after Total income, before Total expenses)."""


def profit_by_month(
    books: Books, period: Period, *, annual: bool, fy_start: int = APRIL
) -> ProfitByMonth:
    """The month-by-month profit and loss (`annual` groups by Schedule III line over the
    financial year, starting in month `fy_start`, in which the period ends; otherwise by account
    over the period)."""
    # the year so far: never past the period, or later entries would show beside the P&L
    year = financial_year(period.end, fy_start)
    span = Period(year.start, period.end, year.label) if annual else period
    months = months_of(span)
    moved = monthly_movement(books.lines, span)
    rows_income: dict[str, dict[date, int]] = defaultdict(lambda: defaultdict(int))
    rows_expense: dict[str, dict[date, int]] = defaultdict(lambda: defaultdict(int))
    for account in books.accounts:
        if account.nature not in (Nature.INCOME, Nature.EXPENSE):
            continue
        label = account.sub_group if annual else account.account
        target = rows_income if account.nature is Nature.INCOME else rows_expense
        sign = -1 if account.nature is Nature.INCOME else 1
        for month in months:
            value = moved.get((account.account, month), 0)
            if value:
                target[label][month] += sign * value
    income_order = [x for x in INCOME_LINES if x in rows_income] if annual else sorted(rows_income)
    expense_order = (
        [x for x in (*PL_EXPENSES, "Tax Expense") if x in rows_expense]
        if annual
        else sorted(rows_expense)
    )
    if annual:  # anything outside Schedule III's names still shows, after the known lines
        income_order += sorted(set(rows_income) - set(income_order))
        expense_order += sorted(set(rows_expense) - set(expense_order))
    labels = [f"{m:%b %Y}" for m in months]
    first = "Line" if annual else "Account"
    records: list[list[object]] = []

    def add(name: str, kind: str, values: list[int]) -> None:
        records.append([name, kind, *(from_paise(v) for v in values), from_paise(sum(values))])

    income_total = [0] * len(months)
    for name in income_order:
        values = [rows_income[name][m] for m in months]
        income_total = [a + b for a, b in zip(income_total, values, strict=True)]
        add(name, "Income", values)
    add(TOTAL_INCOME, "Total", income_total)
    expense_total = [0] * len(months)
    for name in expense_order:
        values = [rows_expense[name][m] for m in months]
        expense_total = [a + b for a, b in zip(expense_total, values, strict=True)]
        add(name, "Expense", values)
    add(TOTAL_EXPENSES, "Total", expense_total)
    add(PROFIT, "Total", [a - b for a, b in zip(income_total, expense_total, strict=True)])
    frame = pd.DataFrame(records, columns=[first, "Type", *labels, "Total"], dtype=object)
    return ProfitByMonth(frame, annual, span, len(income_order), len(expense_order))
