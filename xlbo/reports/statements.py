"""Trial balance, statement of profit and loss and balance sheet (Schedule III to the Companies
Act, 2013), with the previous period beside the current one.

Balances are debit-positive paise. The balance sheet carries the profit to date (income less
expenses since the books began) in Other Equity, so assets equal equity and liabilities whenever
the trial balance agrees.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from datetime import date, timedelta

import pandas as pd

from xlbo.master.accounts import SUB_GROUPS, AccountGroup
from xlbo.master.fields import Nature
from xlbo.master.records import Account
from xlbo.money import from_paise, to_paise
from xlbo.periods import Period

PL_EXPENSES = (
    "Cost of Materials Consumed",
    "Purchases of Stock-in-Trade",
    "Changes in Inventories",
    "Employee Benefits Expense",
    "Finance Costs",
    "Depreciation and Amortisation Expense",
    "Other Expenses",
)


@dataclass(frozen=True)
class Books:
    accounts: tuple[Account, ...]
    lines: pd.DataFrame

    def balances(self, until: date, since: date | None = None) -> dict[str, int]:
        """Debit-positive balance of each account: openings plus lines up to `until` (or only the
        movement from `since` to `until` when `since` is given)."""
        result: dict[str, int] = defaultdict(int)
        if since is None:
            for account in self.accounts:
                result[account.account] = to_paise(account.opening_debit) - to_paise(
                    account.opening_credit
                )
        mask = self.lines["date"] <= until
        if since is not None:
            mask &= self.lines["date"] >= since
        moved = self.lines[mask].groupby("account")[["debit", "credit"]].sum()
        for name, debit, credit in zip(moved.index, moved["debit"], moved["credit"], strict=True):
            result[str(name)] += int(debit) - int(credit)
        return result

    def movement(self, period: Period) -> dict[str, tuple[int, int]]:
        """(debits, credits) of each account within the period."""
        mask = (self.lines["date"] >= period.start) & (self.lines["date"] <= period.end)
        sums = self.lines[mask].groupby("account")[["debit", "credit"]].sum()
        return {
            str(name): (int(d), int(c))
            for name, d, c in zip(sums.index, sums["debit"], sums["credit"], strict=True)
        }


def trial_balance(books: Books, period: Period) -> tuple[pd.DataFrame, tuple[int, int]]:
    """The trial balance (an account a row, in rupees, a Total row last) and its (debit, credit)
    closing totals in paise."""
    opening = books.balances(period.start - timedelta(days=1))
    movement = books.movement(period)
    rows = []
    totals = [0, 0, 0, 0, 0]
    for account in books.accounts:
        name = account.account
        debit, credit = movement.get(name, (0, 0))
        start = opening.get(name, 0)
        closing = start + debit - credit
        if not (start or debit or credit):
            continue
        closing_debit, closing_credit = max(closing, 0), max(-closing, 0)
        rows.append(
            [
                name,
                account.group.value,
                from_paise(start),
                from_paise(debit),
                from_paise(credit),
                from_paise(closing_debit),
                from_paise(closing_credit),
            ]
        )
        for index, value in enumerate((start, debit, credit, closing_debit, closing_credit)):
            totals[index] += value
    rows.append(
        [
            "Total",
            "",
            from_paise(totals[0]),
            from_paise(totals[1]),
            from_paise(totals[2]),
            from_paise(totals[3]),
            from_paise(totals[4]),
        ]
    )
    frame = pd.DataFrame(
        rows,
        columns=[
            "Account",
            "Group",
            "Opening",
            "Debit",
            "Credit",
            "Closing Debit",
            "Closing Credit",
        ],
        dtype=object,
    )
    return frame, (totals[3], totals[4])


def _by_sub_group(books: Books, balances: dict[str, int]) -> dict[str, int]:
    result: dict[str, int] = defaultdict(int)
    for account in books.accounts:
        result[account.sub_group] += balances.get(account.account, 0)
    return result


@dataclass(frozen=True)
class Statement:
    """A financial statement: its name, its lines (Particulars, this period, the previous one,
    in rupees) and the key figures a caller checks."""

    name: str
    frame: pd.DataFrame
    figures: dict[str, tuple[int, int]]
    """Key line → (current, previous) in paise."""


def profit_and_loss(books: Books, period: Period) -> Statement:
    current = _by_sub_group(books, books.balances(period.end, period.start))
    previous_period = period.previous()
    previous = _by_sub_group(books, books.balances(previous_period.end, previous_period.start))
    rows: list[list[object]] = []
    figures: dict[str, tuple[int, int]] = {}

    def line(label: str, now: int, before: int, key: str = "") -> None:
        rows.append([label, from_paise(now), from_paise(before)])
        if key:
            figures[key] = (now, before)

    revenue = (-current["Revenue from Operations"], -previous["Revenue from Operations"])
    other = (-current["Other Income"], -previous["Other Income"])
    line("I. Revenue from operations", *revenue, key="revenue")
    line("II. Other income", *other)
    income = (revenue[0] + other[0], revenue[1] + other[1])
    line("III. Total income (I + II)", *income, key="income")
    rows.append(["IV. Expenses", None, None])
    spent = [0, 0]
    for name in PL_EXPENSES:
        now, before = current[name], previous[name]
        if now or before:
            line(f"    {name}", now, before)
        spent[0] += now
        spent[1] += before
    line("    Total expenses (IV)", spent[0], spent[1], key="expenses")
    before_tax = (income[0] - spent[0], income[1] - spent[1])
    line("V. Profit before tax (III − IV)", *before_tax)
    tax = (current["Tax Expense"], previous["Tax Expense"])
    line("VI. Tax expense", *tax)
    line(
        "VII. Profit for the period (V − VI)",
        before_tax[0] - tax[0],
        before_tax[1] - tax[1],
        key="profit",
    )
    frame = pd.DataFrame(
        rows, columns=["Particulars", period.label, previous_period.label], dtype=object
    )
    return Statement("Profit and Loss", frame, figures)


GROUP_ORDER = (
    (
        "EQUITY AND LIABILITIES",
        (
            (AccountGroup.EQUITY, "1. Shareholders' funds"),
            (AccountGroup.NON_CURRENT_LIABILITIES, "2. Non-current liabilities"),
            (AccountGroup.CURRENT_LIABILITIES, "3. Current liabilities"),
        ),
    ),
    (
        "ASSETS",
        (
            (AccountGroup.NON_CURRENT_ASSETS, "1. Non-current assets"),
            (AccountGroup.CURRENT_ASSETS, "2. Current assets"),
        ),
    ),
)


def balance_sheet(books: Books, period: Period) -> Statement:
    at = period.end
    before = period.previous().end
    rows: list[list[object]] = []
    figures: dict[str, tuple[int, int]] = {}
    balances = (books.balances(at), books.balances(before))
    profits = tuple(
        -sum(
            b.get(a.account, 0)
            for a in books.accounts
            if a.nature in (Nature.INCOME, Nature.EXPENSE)
        )
        for b in balances
    )
    by_sub = tuple(_by_sub_group(books, b) for b in balances)
    for side, groups in GROUP_ORDER:
        rows.append([side, None, None])
        side_total = [0, 0]
        for group, label in groups:
            rows.append([label, None, None])
            for sub, owner in SUB_GROUPS.items():
                if owner is not group:
                    continue
                values = [by_sub[i][sub] for i in (0, 1)]
                if group in (
                    AccountGroup.EQUITY,
                    AccountGroup.NON_CURRENT_LIABILITIES,
                    AccountGroup.CURRENT_LIABILITIES,
                ):
                    values = [-v for v in values]
                if sub == "Other Equity":
                    values = [values[i] + profits[i] for i in (0, 1)]
                if values[0] or values[1]:
                    rows.append([f"    {sub}", from_paise(values[0]), from_paise(values[1])])
                side_total = [side_total[i] + values[i] for i in (0, 1)]
        key = "equity_and_liabilities" if side.startswith("EQUITY") else "assets"
        rows.append([f"TOTAL {side}", from_paise(side_total[0]), from_paise(side_total[1])])
        figures[key] = (side_total[0], side_total[1])
    figures["profit_to_date"] = (profits[0], profits[1])
    frame = pd.DataFrame(
        rows,
        columns=["Particulars", f"As at {at:%d-%m-%Y}", f"As at {before:%d-%m-%Y}"],
        dtype=object,
    )
    return Statement("Balance Sheet", frame, figures)
