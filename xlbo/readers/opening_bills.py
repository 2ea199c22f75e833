"""The books workbook's `Opening Bills` sheet: what each party owed on the day the books begin,
bill by bill, as journal-like lines for the ageing (`xlbo.reports.ageing`).

Headers: `Account` (Trade Receivables or Trade Payables), `Party`, `Bill No`, `Bill Date`,
`Amount` (negative: an advance). A bad row is an Issue and is left out of the ageing.
"""

from __future__ import annotations

from datetime import date

import pandas as pd

from xlbo.book import Reader
from xlbo.cells import text_cells
from xlbo.dates import parse_date
from xlbo.issues import Issue, Severity
from xlbo.journal_layout import LINE_COLUMNS
from xlbo.money import parse_amount, to_paise
from xlbo.reports.ageing import CONTROL_ACCOUNTS

OPENING_BILLS = "Opening Bills"
OPENING_HEADERS = ("Account", "Party", "Bill No", "Bill Date", "Amount")


def opening_bills(reader: Reader, begins: date | None) -> tuple[pd.DataFrame, list[Issue]]:
    """The `Opening Bills` sheet of the books as journal-like lines (a bill a line: a debit to
    Trade Receivables, a credit to Trade Payables; an advance the other way), for the ageing
    only — the trial balance has them already, in the Accounts sheet's opening balances. Bad
    rows are issues and left out. No sheet: no lines."""
    if not reader.has(OPENING_BILLS):
        return pd.DataFrame(columns=list(LINE_COLUMNS)), []
    table = reader.read_table(OPENING_BILLS, OPENING_HEADERS)
    issues: list[Issue] = []

    def issue(row: int, header: str, value: object, problem: str, hint: str) -> None:
        issues.append(
            Issue(
                severity=Severity.ERROR,
                sheet=table.sheet,
                cell=table.cell(row, header) if header in table.frame.columns else f"A{row}",
                value=value,
                problem=problem,
                hint=f"{hint} The bill was left out of the ageing.".strip(),
                file=reader.name,
            )
        )

    missing = [h for h in ("Account", "Party", "Amount") if h not in table.frame.columns]
    if missing:
        issue(
            table.header_row,
            "",
            "",
            f"The {OPENING_BILLS} sheet has no {', '.join(missing)} column",
            f"Its headers are {', '.join(OPENING_HEADERS)}.",
        )
        return pd.DataFrame(columns=list(LINE_COLUMNS)), issues
    out = []
    for row, cells in zip(table.frame.index.tolist(), table.frame.to_dict("records"), strict=True):
        number = int(row)
        texts, bad = text_cells(cells, ("Account", "Party", "Bill No"))
        if bad is not None:  # an Excel error (#REF!, #N/A) where text should be
            header, error = bad
            issue(number, header, cells.get(header), f"{header}: {error}", "")
            continue
        account, party = texts["Account"], texts["Party"]
        try:
            amount = parse_amount(cells.get("Amount"))
        except ValueError as error:
            issue(number, "Amount", cells.get("Amount"), f"Amount: {error}", "Type the amount.")
            continue
        try:
            day = parse_date(cells.get("Bill Date"))
        except ValueError as error:
            issue(number, "Bill Date", cells.get("Bill Date"), f"Bill Date: {error}", "")
            continue
        if day is None and (account or party or amount):
            issue(number, "Bill Date", "", "Bill Date is blank", "Give the bill's date.")
            continue
        if not account and not party and not amount:
            continue
        side = next((a for a in CONTROL_ACCOUNTS if a.casefold() == account.casefold()), None)
        if side is None:
            issue(
                number,
                "Account",
                account,
                f"'{account}' is not a control account the ageing follows",
                f"Write {' or '.join(CONTROL_ACCOUNTS)}.",
            )
            continue
        if not party:
            issue(number, "Party", "", "Party is blank", "Name the customer or vendor.")
            continue
        if day is None:
            continue  # a blank row
        if begins is not None and day >= begins:
            issue(
                number,
                "Bill Date",
                f"{day:%d-%m-%Y}",
                f"An opening bill dated {day:%d-%m-%Y} is not before the books begin "
                f"({begins:%d-%m-%Y})",
                "Bills from that day on belong in the Journal.",
            )
            continue
        paise = to_paise(amount) if amount else 0  # a bill grows the side; an advance, less
        owed, paid = (paise, 0) if paise >= 0 else (0, -paise)
        debit, credit = (owed, paid) if side == "Trade Receivables" else (paid, owed)
        out.append(
            {
                "row": number,
                "date": day,
                "voucher": texts["Bill No"] or f"Opening {number}",
                "type": "Opening",
                "account": side,
                "debit": debit,
                "credit": credit,
                "party": party,
                "cost_centre": "",
                "narration": "",
            }
        )
    return pd.DataFrame(out, columns=list(LINE_COLUMNS)), issues
