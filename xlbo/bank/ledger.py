"""The bank account as the books have it: a ledger exported from Tally, or the xlbo Journal
filtered to the bank's ledger account.
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from xlbo.bank.lines import Lines, RowSource, _issues_for, _sheet_table, _undated
from xlbo.book import FileBook
from xlbo.book.table import find_header_row
from xlbo.columns import date_column, has_date, paise_column, text_column
from xlbo.errors import SheetProblem

LEDGER_COLUMNS = (
    "row",
    "date",
    "particulars",
    "voucher_type",
    "voucher_no",
    "narration",
    "reference",
    "debit",
    "credit",
)
"""The columns of a ledger-lines frame, whichever file it came from."""
LEDGER_HEADERS = ["Date", "Particulars", "Vch Type", "Vch No.", "Debit", "Credit"]


def read_ledger(
    source: str | RowSource, account: str | None = None, sheet: str | None = None
) -> Lines:
    """The bank account as the books have it: a Tally ledger export (Date, Particulars,
    Vch Type, Vch No., Debit, Credit, with Opening and Closing Balance lines), or an xlbo
    Journal sheet filtered to the bank ledger `account`."""
    book = FileBook(source) if isinstance(source, str) else source
    if book.has("Journal") and account:
        return _journal_lines(book, account)
    name = sheet or book.sheet_names()[0]
    table = _sheet_table(
        book, name, lambda rows: find_header_row(rows, LEDGER_HEADERS), LEDGER_HEADERS
    )
    frame = table.frame.reset_index()
    for needed in ("Date", "Particulars", "Debit", "Credit"):
        if needed not in frame.columns:
            raise SheetProblem(
                f"{book.name} has no '{needed}' column under row {table.header_row}; "
                "export the ledger from Tally with Date, Particulars, Vch Type, Vch No., Debit, Credit."
            )
    count = len(frame)

    def column(header: str) -> pd.Series:
        return frame[header] if header in frame.columns else pd.Series([None] * count, dtype=object)

    dates, _ = date_column(frame["Date"])
    particulars = text_column(frame["Particulars"])
    debit, bad_debit = paise_column(frame["Debit"])
    credit, bad_credit = paise_column(frame["Credit"])
    debit, credit = np.abs(debit), np.abs(credit)
    rows = frame["Row"].to_numpy(dtype=np.int64)
    issues = _issues_for(bad_debit, rows, book.name, table.sheet, table.letters["Debit"])
    issues += _issues_for(bad_credit, rows, book.name, table.sheet, table.letters["Credit"])
    folded = particulars.str.casefold()
    opening = closing = None
    opening_rows = np.flatnonzero((folded == "opening balance").to_numpy(dtype=bool))
    closing_rows = np.flatnonzero((folded == "closing balance").to_numpy(dtype=bool))
    if len(opening_rows):
        opening = int(debit[opening_rows[-1]] - credit[opening_rows[-1]])
    if len(closing_rows):  # shown on the other side to total the ledger
        closing = int(credit[closing_rows[-1]] - debit[closing_rows[-1]])
    dated = has_date(dates)
    balances = folded.isin(["opening balance", "closing balance"]).to_numpy(dtype=bool)
    moves = ((debit != 0) | (credit != 0)) & ~balances
    undated = _undated(dates, frame["Date"], moves, rows)
    issues += _issues_for(undated, rows, book.name, table.sheet, table.letters["Date"])
    keep = dated & moves & ~np.isin(np.arange(count), [*bad_debit, *bad_credit])
    lines = pd.DataFrame(
        {
            "row": rows,
            "date": pd.Series(dates, dtype=object),
            "particulars": particulars.array,
            "voucher_type": text_column(column("Vch Type")).array,
            "voucher_no": text_column(column("Vch No.")).array,
            "narration": "",
            "reference": "",
            "debit": debit,
            "credit": credit,
        }
    )[keep].reset_index(drop=True)
    return Lines(
        lines[list(LEDGER_COLUMNS)],
        book.name,
        table.sheet,
        dict(table.letters),
        issues,
        opening,
        closing,
    )


def _journal_lines(book: RowSource, account: str) -> Lines:
    """The bank account's lines of an xlbo Journal; each line's party is its own Party, else the
    first Party (else Account) on the other lines of its voucher."""
    from xlbo.reports.journal import HEADERS

    table = book.read_table("Journal", HEADERS)
    frame = table.frame.reset_index()
    accounts = text_column(frame["Account"]).str.casefold()
    is_bank = (accounts == account.casefold()).to_numpy(dtype=bool)
    voucher = text_column(frame["Voucher No"])
    party = text_column(frame["Party"]) if "Party" in frame.columns else voucher.map(lambda _: "")
    others = pd.DataFrame(
        {
            "voucher": voucher[~is_bank],
            "party": party[~is_bank],
            "account": text_column(frame["Account"])[~is_bank],
        }
    )
    named = others[others["party"] != ""].drop_duplicates("voucher").set_index("voucher")["party"]
    first_account = others.drop_duplicates("voucher").set_index("voucher")["account"]
    mine = frame[is_bank]
    own_party = party[is_bank]
    their_party = voucher[is_bank].map(named).fillna(voucher[is_bank].map(first_account)).fillna("")
    dates, _ = date_column(mine["Date"])
    debit, bad_debit = paise_column(mine["Debit"])
    credit, bad_credit = paise_column(mine["Credit"])
    debit, credit = np.abs(debit), np.abs(credit)
    rows = mine["Row"].to_numpy(dtype=np.int64)
    issues = _issues_for(bad_debit, rows, book.name, table.sheet, table.letters["Debit"])
    issues += _issues_for(bad_credit, rows, book.name, table.sheet, table.letters["Credit"])
    moves = (debit != 0) | (credit != 0)
    issues += _issues_for(
        _undated(dates, mine["Date"], moves, rows),
        rows,
        book.name,
        table.sheet,
        table.letters["Date"],
    )
    lines = pd.DataFrame(
        {
            "row": mine["Row"].to_numpy(dtype=np.int64),
            "date": pd.Series(dates, dtype=object),
            "particulars": np.where(own_party != "", own_party, their_party).astype(object),
            "voucher_type": text_column(mine["Voucher Type"]).to_numpy(dtype=object),
            "voucher_no": voucher[is_bank].to_numpy(dtype=object),
            "narration": text_column(mine["Narration"]).to_numpy(dtype=object),
            "reference": "",
            "debit": debit,
            "credit": credit,
        }
    )
    dated = has_date(dates)
    failed = np.isin(np.arange(len(mine)), [*bad_debit, *bad_credit])
    lines = lines[dated & moves & ~failed].reset_index(drop=True)
    return Lines(lines[list(LEDGER_COLUMNS)], book.name, table.sheet, dict(table.letters), issues)
