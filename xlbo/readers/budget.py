"""The `Budget` sheet: what each account was expected to spend (expenses) or earn (income) in a
month, for the budget against actual (`xlbo.reports.budget`).

Headers: `Account`, `Month` (YYYY-MM), `Amount`. Rows outside the period are skipped; several
rows for one account and month (a budget split by line item) add up. An account not in the chart
or a cell that cannot be read is an Issue and the row is left out.
"""

from __future__ import annotations

from decimal import Decimal

import pandas as pd

from xlbo.book import Reader
from xlbo.cells import clean_text
from xlbo.issues import Issue, Severity
from xlbo.master.fields import Nature
from xlbo.master.records import Account
from xlbo.money import parse_money
from xlbo.periods import Period
from xlbo.readers.attendance import month_key
from xlbo.reports.budget import Budgeted

HEADERS = ("Account", "Month", "Amount")


def read_budget(
    reader: Reader, accounts: tuple[Account, ...], period: Period
) -> tuple[Budgeted | None, list[Issue]]:
    """The budget of each account in each month of `period`, and issues for the rows left out;
    None when the workbook has no Budget sheet."""
    if not reader.has("Budget"):
        return None, []
    table = reader.read_table("Budget", HEADERS)
    nature = {a.account.casefold(): (a.account, a.nature) for a in accounts}
    issues: list[Issue] = []
    months = {(d.year, d.month) for d in pd.date_range(period.start, period.end, freq="MS").date}
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
    return Budgeted(budgets, natures), issues
