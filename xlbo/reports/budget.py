"""Budget against actual, by account and month.

The `Budget` sheet: `Account`, `Month` (YYYY-MM), `Amount` — what each account was expected to
spend (expenses) or earn (income) in the month. Actual is the Journal's movement in that month,
on the same side. Variance = Actual − Budget; Variance % is of the budget. An overrun is an
expense above its budget or income below it, and is highlighted.
"""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pandas as pd

from xlbo.book import Reader
from xlbo.book.display import Colour, Column, Highlight, Kind, ResultSheet
from xlbo.cells import clean_text
from xlbo.issues import Issue, Severity
from xlbo.master.fields import Nature
from xlbo.master.records import Account
from xlbo.money import from_paise, parse_money
from xlbo.periods import Period
from xlbo.readers.attendance import month_key
from xlbo.reports.journal import monthly_movement

HEADERS = ("Account", "Month", "Amount")


def budget_sheet(
    reader: Reader, accounts: tuple[Account, ...], lines: pd.DataFrame, period: Period
) -> tuple[ResultSheet | None, list[Issue]]:
    if not reader.has("Budget"):
        return None, []
    table = reader.read_table("Budget", HEADERS)
    nature = {a.account.casefold(): (a.account, a.nature) for a in accounts}
    issues: list[Issue] = []
    rows = []
    months = {(d.year, d.month) for d in pd.date_range(period.start, period.end, freq="MS").date}
    movement = monthly_movement(lines, period)
    budgets: dict[tuple[str, str], Decimal] = {}
    natures: dict[str, Nature] = {}
    for row, cells in zip(table.frame.index.tolist(), table.frame.to_dict("records"), strict=True):
        number = int(row)
        header = "Account"
        try:
            name = clean_text(cells.get("Account")) or ""  # an Excel error (#REF!) raises
            found = nature.get(name.casefold())
            header = "Month"
            key = month_key(cells.get("Month"))
            header = "Amount"
            amount = parse_money(cells.get("Amount"))
        except ValueError as error:
            issues.append(
                Issue(
                    severity=Severity.ERROR,
                    sheet=table.sheet,
                    cell=table.cell(number, header),
                    value=cells.get(header),
                    problem=f"Budget row {number}: {error}",
                    hint="The row was left out.",
                    file=reader.name,
                )
            )
            continue
        if found is None:
            issues.append(
                Issue(
                    severity=Severity.ERROR,
                    sheet=table.sheet,
                    cell=table.cell(number, "Account"),
                    value=name,
                    problem=f"Budget: '{name}' is not in the chart of accounts",
                    hint="The row was left out.",
                    file=reader.name,
                )
            )
            continue
        if key is None or amount is None:
            continue
        year, month = int(key[:4]), int(key[5:])
        if (year, month) not in months:
            continue
        account, account_nature = found
        budgets[(account, key)] = budgets.get((account, key), Decimal(0)) + amount
        natures[account] = account_nature
    # several rows for one account and month (a budget split by line item) add up
    for (account, key), amount in budgets.items():
        account_nature = natures[account]
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
    money = Column(kind=Kind.MONEY)
    sheet = ResultSheet(
        "Budget vs Actual",
        frame,
        columns={
            "Account": Column(width=32),
            "Budget": money,
            "Actual": money,
            "Variance": money,
            "Variance %": Column(kind=Kind.PERCENT),
            "Overrun": Column(width=9),
        },
        highlights=(Highlight("Overrun", "Yes", Colour.ERROR, whole_row=True),),
    )
    return sheet, issues
