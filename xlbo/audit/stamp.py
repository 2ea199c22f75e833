"""The chain's head inside the books: a very hidden, protected sheet `xlbo audit` that says
which entry of the log last wrote the workbook and that entry's hash. A log deleted or cut back
past that entry is found by `xlbo audit verify` from the workbook alone.

Written only into books a job wrote (an input workbook is never rewritten), and not into a
workbook with charts or pictures (openpyxl would drop them): the log's entry says whether it was.
"""

from __future__ import annotations

import zipfile
from dataclasses import dataclass
from pathlib import Path

SHEET = "xlbo audit"


@dataclass(frozen=True)
class Head:
    seq: int
    head: str
    log: str
    """The log's file name."""


def can_stamp(books: Path) -> bool:
    """Whether the head can be written into `books` without losing anything in it."""
    if books.suffix.lower() not in (".xlsx", ".xlsm"):
        return False
    try:
        with zipfile.ZipFile(books) as archive:
            names = archive.namelist()
    except (OSError, zipfile.BadZipFile):
        return False
    return not any(n.startswith(("xl/charts/", "xl/drawings/", "xl/pivot")) for n in names)


def write_head(books: Path, head: Head) -> None:
    """Put the head into `books` (the sheet replaced if there), written to a temporary file and
    moved into place."""
    import openpyxl

    book = openpyxl.load_workbook(books, keep_vba=books.suffix.lower() == ".xlsm")
    if SHEET in book.sheetnames:
        del book[SHEET]
    sheet = book.create_sheet(SHEET)
    rows = [
        ("What", "Value"),
        ("Entry", head.seq),
        ("SHA-256", head.head),
        ("Log", head.log),
        ("Note", "Written by xlbo after each run that wrote these books; do not edit."),
    ]
    for row in rows:
        sheet.append(row)
    sheet.sheet_state = "veryHidden"
    sheet.protection.sheet = True
    sheet.protection.enable()
    temporary = books.with_name(f".{books.name}.audit.tmp")
    book.save(temporary)
    temporary.replace(books)
    from xlbo.book.atomic import stamp as mark_written

    mark_written(books)  # still as xlbo wrote it: a later run may replace it without a copy


def read_head(books: Path) -> Head | None:
    """The head the workbook carries; None when it has none (or it cannot be read)."""
    from xlbo.book.files import FileBook

    try:
        book = FileBook(books)
        if SHEET not in book.sheet_names():
            return None
        cells = {str(r[0]): r[1] for r in book.sheet_rows(SHEET) if len(r) > 1}
        seq = cells.get("Entry")
        return Head(int(seq), str(cells.get("SHA-256", "")), str(cells.get("Log", "")))  # type: ignore[arg-type]
    except (ValueError, TypeError, OSError):
        return None
