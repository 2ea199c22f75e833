"""Form 26AS Part I (Part A in the older layout): the TDS deducted from the company's receipts,
as TRACES gives it.

The text download (View Tax Credit → Export as Text) is `^`-delimited, a block per deductor:
its summary row, then a header and the rows of its transactions:

    PART-I - Details of Tax Deducted at Source
    Sr. No.^Name of Deductor^TAN of Deductor^^^^^Total Amount Paid / Credited(Rs.)^Total Tax Deducted(Rs.)^Total TDS Deposited(Rs.)
    1^KAVERI FOODS PRIVATE LIMITED^PNEK12345C^^^^^1,50,000.00^15,000.00^15,000.00
    ^Sr. No.^Section^Transaction Date^Status of Booking^Date of Booking^Remarks^Amount Paid / Credited(Rs.)^Tax Deducted(Rs.)^TDS Deposited(Rs.)
    ^1^194J^15-Jun-2026^F^20-Aug-2026^-^1,00,000.00^10,000.00^10,000.00

Workbooks and CSV files are read as one flat table with the same headers (a transaction a row,
the deductor's name and TAN on each), the way the text is usually pasted into Excel.

Columns are found by their headers, so a layout with a column more or less (Remarks) reads too.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import pandas as pd

from xlbo.book import FileBook
from xlbo.book.files import decode_text
from xlbo.book.table import header_key
from xlbo.dates import parse_date
from xlbo.errors import FileProblem, SheetProblem
from xlbo.issues import Issue, Severity
from xlbo.money import parse_amount, to_paise

COLUMNS = (
    "deductor",
    "tan",
    "section",
    "transaction_date",
    "status",
    "booking_date",
    "remarks",
    "amount",
    "tds",
    "deposited",
    "ref",
)
"""The frame `read_26as` gives: money in paise, dates as dates, `ref` the line or cell."""

_FIELDS = {
    "name of deductor": "deductor",
    "tan of deductor": "tan",
    "section": "section",
    "section code": "section",
    "transaction date": "transaction_date",
    "date of transaction": "transaction_date",
    "status of booking": "status",
    "booking status": "status",
    "date of booking": "booking_date",
    "remarks": "remarks",
    "amount paid / credited": "amount",
    "amount paid/credited": "amount",
    "tax deducted": "tds",
    "tds deposited": "deposited",
}
"""Headers (folded, without the `(Rs.)` tail) → the frame's columns."""

_PART_ONE = re.compile(r"^\^*\s*PART[\s-]*(I|A)\b(?![\s-]*[I12])", re.IGNORECASE)
_ANY_PART = re.compile(r"^\^*\s*PART[\s-]*[A-Z0-9]+", re.IGNORECASE)
EXPORT = "export it again from TRACES (View Tax Credit (Form 26AS) → Export as Text)"


def _field(header: Any) -> str | None:
    text = re.sub(r"\(\s*rs\.?\s*\)|\(₹\)", "", header_key(header)).strip()
    text = re.sub(r"^total\s+", "", text)
    return _FIELDS.get(text)


def read_26as(path: Path) -> tuple[pd.DataFrame, list[Issue]]:
    """The Part I transactions of a Form 26AS file (.txt from TRACES, or .xlsx/.csv as a flat
    table), and an Issue for each row that cannot be read."""
    if not path.exists():
        raise FileProblem(f"{path} was not found. Check the name and folder, then run again.")
    if path.suffix.lower() == ".txt":
        return _from_text(path)
    return _from_table(path)


class _Rows:
    def __init__(self, source: str, sheet: str) -> None:
        self.source, self.sheet = source, sheet
        self.rows: list[dict[str, Any]] = []
        self.issues: list[Issue] = []

    def add(self, cells: dict[str, Any], where: str, cell: str) -> None:
        row: dict[str, Any] = {"ref": where}
        try:
            for name in ("amount", "tds", "deposited"):
                amount = parse_amount(cells.get(name))
                row[name] = to_paise(amount) if amount is not None else 0
            for name in ("transaction_date", "booking_date"):
                value = cells.get(name)
                blank = value is None or str(value).strip() in ("", "-")
                row[name] = None if blank else parse_date(value)
        except ValueError as error:
            self.issues.append(
                Issue(
                    severity=Severity.ERROR,
                    sheet=self.sheet,
                    cell=cell,
                    value=str(cells)[:80],
                    problem=f"The 26AS row cannot be read: {error}",
                    hint="The row was left out; " + EXPORT + ".",
                    file=self.source,
                )
            )
            return
        for name in ("deductor", "tan", "section", "status", "remarks"):
            text = cells.get(name)
            row[name] = "" if text is None else " ".join(str(text).split())
        row["tan"] = row["tan"].upper()
        row["status"] = row["status"].upper()
        row["remarks"] = "" if row["remarks"] == "-" else row["remarks"]
        self.rows.append(row)

    def frame(self) -> pd.DataFrame:
        frame = pd.DataFrame(self.rows, columns=list(COLUMNS))
        for name in ("amount", "tds", "deposited"):
            frame[name] = frame[name].astype("int64")
        return frame


def _from_text(path: Path) -> tuple[pd.DataFrame, list[Issue]]:
    try:
        text = decode_text(path.read_bytes())
    except OSError as error:
        raise FileProblem(f"{path} cannot be read ({error.strerror}).") from None
    lines = text.splitlines()
    rows = _Rows(path.name, "Part I")
    inside = found_part = False
    deductor: dict[str, Any] = {}
    summary: list[str | None] = []
    detail: list[str | None] = []
    for number, line in enumerate(lines, start=1):
        if _PART_ONE.match(line):
            inside = found_part = True
            continue
        if _ANY_PART.match(line):
            inside = False
            continue
        if not inside or not line.strip("^ \t"):
            continue
        cells = [c.strip() for c in line.split("^")]
        if not cells[0] and len(cells) > 1 and header_key(cells[1]) in ("sr. no", "sr no"):
            detail = [_field(c) for c in cells]
            continue
        if header_key(cells[0]) in ("sr. no", "sr no"):
            summary = [_field(c) for c in cells]
            continue
        if cells[0] and cells[0].isdigit() and summary:  # a deductor's summary row
            deductor = {n: v for n, v in zip(summary, cells, strict=False) if n}
            continue
        if not cells[0] and len(cells) > 1 and cells[1].isdigit() and detail:
            values = {n: v for n, v in zip(detail, cells, strict=False) if n}
            values["deductor"] = deductor.get("deductor", "")
            values["tan"] = deductor.get("tan", "")
            rows.add(values, f"{path.name} line {number}", f"line {number}")
    if not found_part:
        raise FileProblem(
            f"{path.name} has no 'PART-I - Details of Tax Deducted at Source': it is not the "
            f"text Form 26AS; {EXPORT}."
        )
    return rows.frame(), rows.issues


def _from_table(path: Path) -> tuple[pd.DataFrame, list[Issue]]:
    book = FileBook(path)
    wanted: Sequence[str] = (
        "Name of Deductor",
        "TAN of Deductor",
        "Section",
        "Transaction Date",
        "Status of Booking",
        "Amount Paid / Credited",
        "Tax Deducted",
    )
    for sheet in book.sheet_names():
        table = book.read_table(sheet, wanted)
        names = {str(c): _field(c) for c in table.frame.columns}
        have = set(names.values())
        if {"tan", "section", "transaction_date", "amount", "tds"} <= have:
            rows = _Rows(path.name, table.sheet)
            for row, record in zip(
                table.frame.index.tolist(), table.frame.to_dict("records"), strict=True
            ):
                cells: dict[str, Any] = {}
                for header, value in record.items():
                    field = names.get(str(header))
                    if field:
                        cells[field] = value
                first = next(iter(table.letters.values()), "A")
                rows.add(cells, f"{table.sheet}!{first}{row}", f"{first}{row}")
            return rows.frame(), rows.issues
    raise SheetProblem(
        f"{path.name} has no Form 26AS table (headers: {', '.join(wanted)}). Give the text "
        f"file TRACES exports, or a sheet with those headers; {EXPORT}."
    )
