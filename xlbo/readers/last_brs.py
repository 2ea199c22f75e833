"""Last month's BRS, made by `xlbo reconcile`, read back for this month (`--last-brs OCT.xlsx`):
the items it left outstanding, which this month's statement and ledger may clear.

Its Unmatched Ledger sheet holds the book entries the bank had not yet cleared (cheques issued
and not presented, deposits not credited), under `Ledger Row, Date, Particulars, Vch Type,
Vch No., Reference, Debit, Credit` (Reference, the cheque or UTR number, may be missing in an
older result); its Unmatched Bank sheet the bank lines the books had not yet recorded
(charges, interest, a customer's credit), under `Bank Row, Date, Narration, Reference,
Withdrawal, Deposit`; its Matches sheet the pairs whose amounts differ (confirmed by the user,
or a receipt less TDS), whose differences its BRS listed to be booked: each comes back as a
bank line the books have yet to record. When the long tables were written beside the workbook
(`--detail csv`), they are `NAME-unmatched-ledger.csv` and `NAME-unmatched-bank.csv` (or
`.parquet`). Its BRS sheet's title says the day it was made up to: `Bank Reconciliation
Statement as on 31 October 2026`.

Each item comes back as a line of its side, in the frames the statement and ledger readers
make (`xlbo.bank.lines`), with `row` its row on the October sheet (or file), `sheet` that
sheet's name and `file` the October workbook's (or detail file's) name, so a link from this
month's result leads to it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from datetime import date
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd

from xlbo.bank.brs import EARLIER_SUBTOTALS, SUBTOTALS, Section
from xlbo.bank.near_misses import TDS_DEDUCTED
from xlbo.book import FileBook, Table
from xlbo.columns import date_column, has_date, paise_column, text_column
from xlbo.errors import SheetProblem, UserError

UNMATCHED_LEDGER = "Unmatched Ledger"
UNMATCHED_BANK = "Unmatched Bank"
LEDGER_HEADERS = ("Ledger Row", "Date", "Particulars", "Vch Type", "Vch No.", "Debit", "Credit")
BANK_HEADERS = ("Bank Row", "Date", "Narration", "Reference", "Withdrawal", "Deposit")
"""The headers xlbo writes on a result's Unmatched sheets (`xlbo.jobs.reconcile`)."""
MATCHES = "Matches"
MATCH_HEADERS = ("Rule", "Bank Date", "Narration", "Bank Amount", "Particulars", "Ledger Amount")
"""The headers of a result's Matches sheet that its confirmed differences are read from."""

BROUGHT_FORWARD = " (brought forward)"
"""What this month's result adds to the text of an item carried from last month's BRS; taken
off again when that result is itself read as last month's."""

_AS_ON = re.compile(r"as on (\d{1,2} [A-Za-z]+ \d{4})")


@dataclass(frozen=True)
class LastBrs:
    """The items last month's BRS left outstanding, as lines of their sides."""

    source: str
    """The workbook's file name."""
    as_on: date | None
    """The day last month's BRS was made up to (its BRS sheet's title)."""
    ledger: pd.DataFrame
    """Book entries not yet cleared by the bank: the ledger reader's columns, plus `sheet`,
    `file`."""
    bank: pd.DataFrame
    """Bank lines not yet in the books: the statement reader's columns, plus `sheet`, `file`."""

    @property
    def as_on_text(self) -> str:
        """`31-10-2026`, or `last month` when the BRS names no day."""
        return f"{self.as_on:%d-%m-%Y}" if self.as_on else "last month"


def read_last_brs(path: Path) -> LastBrs:
    """The outstanding items of the xlbo result `path`; a SheetProblem naming the file, the
    sheet and what to do when it is no xlbo result, a sheet is missing, a header renamed, or a
    cell holds no date or amount."""
    book = FileBook(path)  # a missing, empty, locked or corrupt file: FileProblem, naming it
    if not book.has("BRS") or not book.has("Run"):
        found = ", ".join(f"'{name}'" for name in book.sheet_names()[:8]) or "none"
        raise SheetProblem(
            f"--last-brs {path.name} is not a reconciliation made by xlbo (it has no "
            f"{'BRS' if not book.has('BRS') else 'Run'} sheet; its sheets: {found}). Give last "
            "month's result of xlbo reconcile, or leave --last-brs out."
        )
    ledger_table = _table(book, path, UNMATCHED_LEDGER, LEDGER_HEADERS, ("Reference",))
    bank_table = _table(book, path, UNMATCHED_BANK, BANK_HEADERS)
    items = _items(path.name, _as_on(book, "BRS"), ledger_table, bank_table)
    if not _matched_differences(book, "BRS"):  # the Matches, a million rows maybe, unread
        return items
    return _with_differences(items, _table(book, path, MATCHES, MATCH_HEADERS))


def _with_differences(items: LastBrs, matches: Table, file: str | None = None) -> LastBrs:
    """`items` with the differences on the pairs of DIFFERING_RULES (the result's Matches, the
    pairs the user confirmed and the receipts less TDS, whose amounts differ: TDS a customer
    deducted, charges the bank took), which its BRS listed to be booked, as bank lines the
    books have not yet recorded: each is this month's entry that books it (`TDS Receivable`
    2,360.00 for Patil's 1,18,000.00 paid as 1,15,640.00)."""
    differences = _differences(matches)
    if differences.empty:
        return items
    if file is not None:
        differences["file"] = file
    return replace(items, bank=pd.concat([items.bank, differences], ignore_index=True))


DIFFERING_RULES = ("Confirmed", TDS_DEDUCTED)
"""The rules of a Matches row whose two lines may differ, each row its own pair: a pair the
user confirmed, and a receipt less TDS (`xlbo.bank.match._tds_short_receipts`)."""


def _differences(table: Table) -> pd.DataFrame:
    """The differences of the pairs of DIFFERING_RULES in the Matches `table` (see
    `_with_differences`)."""
    rows = table.frame[text_column(table.frame["Rule"]).isin(DIFFERING_RULES).to_numpy(dtype=bool)]
    gap = _paise(replace(table, frame=rows), "Ledger Amount") - _paise(
        replace(table, frame=rows), "Bank Amount"
    )  # books − bank
    rows, gap = rows[gap != 0], gap[gap != 0]
    if rows.empty:
        return pd.DataFrame()
    chosen = replace(table, frame=rows)
    days = _dates(chosen, "Bank Date")
    narration = (
        "Difference on a match, to be booked: "
        + _texts(chosen, "Narration", unmark=True)
        + " / "
        + _texts(chosen, "Particulars", unmark=True)
    )
    return pd.DataFrame(
        {
            "row": rows.index.to_numpy(dtype=np.int64),
            "date": pd.Series(days, dtype=object),
            "value_date": pd.Series(days, dtype=object),
            "narration": narration.to_numpy(dtype=object),
            "reference": "",
            "debit": np.where(gap > 0, gap, 0),  # the books took more in: the bank paid less
            "credit": np.where(gap < 0, -gap, 0),
            "balance": pd.array([None] * len(rows), dtype="Int64"),
            "sheet": table.sheet,
            "file": table.source,
        }
    )


def _matched_differences(book: Any, brs: str) -> bool:
    """Whether the result's BRS (the sheet `brs`) lists differences on matches (its
    subtotal line is not 0.00)."""
    labels = {
        subtotals[section]
        for subtotals in (SUBTOTALS, EARLIER_SUBTOTALS)
        for section in (Section.MATCHED_DIFFERENCES, Section.MATCHED_EXCESS)
    }
    for row in book.sheet_rows(book.resolve(brs)):
        texts = [str(cell).strip() for cell in row if cell not in (None, "")]
        if labels & set(texts):
            figures = [cell for cell in row if isinstance(cell, int | float)]
            return bool(figures) and any(figure != 0 for figure in figures)
    return False


def last_brs_in(
    book: Any, bank_sheet: str, ledger_sheet: str, as_on_sheet: str, before: date | None = None
) -> LastBrs:
    """The items a BRS kept in the workbook open in Excel left outstanding: its sheets
    `bank_sheet` and `ledger_sheet` (in the Unmatched sheets' layouts), made up to the day
    `as_on_sheet`'s title gives, and — where `as_on_sheet` is a result's BRS that lists them,
    made up to a day before `before` (the statement's first, where given) — the differences on
    the matches the user confirmed, from its Matches sheet (as `read_last_brs` reads them): a
    BRS of this month, clicked again, is no earlier BRS, and its Matches (a hundred thousand
    rows, read through Excel) are not read. Their rows are on sheets this run writes over, so
    they are no links (`file` is UNLINKED)."""
    tables = []
    for sheet, headers, optional in (
        (ledger_sheet, LEDGER_HEADERS, ("Reference",)),
        (bank_sheet, BANK_HEADERS, ()),
    ):
        table = book.read_table(sheet, (*headers, *optional))
        tables.append(_whole(table, headers, f"Sheet {table.sheet}", "."))
    items = _items("", _as_on(book, as_on_sheet), tables[0], tables[1], file=UNLINKED)
    if before is not None and (items.as_on is None or items.as_on >= before):
        return items  # this month's own result: the caller sets it aside
    if not book.has(MATCHES) or not _matched_differences(book, as_on_sheet):
        return items
    matches = book.read_table(MATCHES, MATCH_HEADERS)
    matches = _whole(matches, MATCH_HEADERS, f"Sheet {matches.sheet}", ".")
    return _with_differences(items, matches, file=UNLINKED)


UNLINKED = "<no link>"
"""The file of a line whose row number is no link (its row is shown plain): one held in a file
no spreadsheet opens (Parquet), or on a sheet this run writes over. No file is so named
(Windows refuses < and > in names)."""


def _items(
    source: str, as_on: date | None, ledger_table: Table, bank_table: Table, file: str = ""
) -> LastBrs:
    """The items of the Unmatched tables of a BRS as lines of their sides."""
    ledger_days = _dates(ledger_table)
    bank_days = _dates(bank_table)
    ledger = pd.DataFrame(
        {
            "row": ledger_table.frame.index.to_numpy(dtype=np.int64),
            "date": pd.Series(ledger_days, dtype=object),
            "particulars": _texts(ledger_table, "Particulars", unmark=True),
            "voucher_type": _texts(ledger_table, "Vch Type"),
            "voucher_no": _texts(ledger_table, "Vch No."),
            "narration": "",
            "reference": _texts(ledger_table, "Reference")
            if "Reference" in ledger_table.frame.columns  # written since 3 Dec 2026
            else "",
            "debit": _paise(ledger_table, "Debit"),
            "credit": _paise(ledger_table, "Credit"),
            "sheet": ledger_table.sheet,
            "file": file or ledger_table.source,
        }
    )
    bank = pd.DataFrame(
        {
            "row": bank_table.frame.index.to_numpy(dtype=np.int64),
            "date": pd.Series(bank_days, dtype=object),
            "value_date": pd.Series(bank_days, dtype=object),
            "narration": _texts(bank_table, "Narration", unmark=True),
            "reference": _texts(bank_table, "Reference"),
            "debit": _paise(bank_table, "Withdrawal"),
            "credit": _paise(bank_table, "Deposit"),
            "balance": pd.array([None] * len(bank_table.frame), dtype="Int64"),
            "sheet": bank_table.sheet,
            "file": file or bank_table.source,
        }
    )
    return LastBrs(source, as_on, ledger, bank)


def _table(
    book: FileBook,
    path: Path,
    sheet: str,
    headers: tuple[str, ...],
    optional: tuple[str, ...] = (),
) -> Table:
    """The sheet `sheet` of the result, or the detail file beside it that holds it, with every
    header xlbo writes there."""
    if book.has(sheet):
        table = book.read_table(sheet, (*headers, *optional))
    else:
        stem = f"{path.stem}-{sheet.lower().replace(' ', '-')}"
        beside = [path.with_name(f"{stem}.{kind}") for kind in ("csv", "parquet")]
        found = [p for p in beside if p.is_file()]
        if not found:
            raise SheetProblem(
                f"--last-brs {path.name} has no {sheet} sheet, and no {beside[0].name} (or "
                f".parquet) lies beside it in {path.parent.absolute()}. If you renamed the sheet, "
                f"name it {sheet} again; if the workbook keeps its {sheet.lower()} lines in "
                f"{beside[0].name}, put that file back beside it."
            )
        detail = FileBook(found[0])
        table = detail.read_table(detail.sheet_names()[0], (*headers, *optional))
    return _whole(
        table,
        headers,
        f"--last-brs {table.source}, sheet {table.sheet}",
        ". Name the columns back, or reconcile last month again.",
    )


def _whole(table: Table, headers: tuple[str, ...], where: str, then: str) -> Table:
    """`table` without its blank rows, refused (`where` names it, `then` says what to do) where
    a header xlbo writes there is missing."""
    missing = [h for h in headers if h not in table.frame.columns]
    if missing:
        raise SheetProblem(
            f"{where}: no {', '.join(missing)} column (row {table.header_row} should read "
            f"{', '.join(headers)}, as xlbo wrote it){then}"
        )
    rows = table.frame
    return replace(table, frame=rows[~rows.isna().all(axis=1).to_numpy(dtype=bool)])


def _bad_cell(table: Table, row: Any, column: str, value: Any, wanted: str) -> UserError:
    return SheetProblem(
        f"--last-brs {table.source}, sheet {table.sheet}, cell {table.cell(int(row), column)}: "
        f"'{str(value)[:40]}' is not {wanted}. Put back what xlbo wrote there, or reconcile last "
        "month again."
    )


def _dates(table: Table, column: str = "Date") -> list[date]:
    cells = table.frame[column]
    days, _ = date_column(cells)
    bad = np.flatnonzero(~has_date(days))
    if len(bad):
        raise _bad_cell(table, cells.index[bad[0]], column, cells.iloc[bad[0]], "a date")
    return [day for day in days if day is not None]


def _texts(table: Table, column: str, unmark: bool = False) -> pd.Series:
    texts = text_column(table.frame[column])
    if unmark:
        texts = texts.str.removesuffix(BROUGHT_FORWARD)
    return pd.Series(texts.to_numpy(dtype=object), dtype=object)


def _paise(table: Table, column: str) -> np.ndarray:
    cells = table.frame[column]
    paise, problems = paise_column(cells)
    if problems:
        at = min(problems)
        raise _bad_cell(table, cells.index[at], column, cells.iloc[at], "an amount")
    return paise


def _as_on(book: Any, sheet: str) -> date | None:
    for row in book.sheet_rows(book.resolve(sheet))[:6]:
        for cell in row:
            found = _AS_ON.search(str(cell or ""))
            if found:
                try:
                    return pd.to_datetime(found.group(1), format="%d %B %Y").date()
                except ValueError:
                    return None
    return None
