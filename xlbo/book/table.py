"""A table read from a workbook, keeping every row's Excel row number.

`Table.frame` holds the cells as they were (text, numbers, dates, booleans; `None` for blanks,
error values such as `#N/A` as text). Its index is the Excel row number of each line, so any
issue or match can point back at the cell: `table.cell(17, "PAN")` → `"J17"`.

Header rows are found, not assumed: bank and Tally exports start with title lines (bank name,
address, period), so `find_header_row` looks through the first rows for the line that reads like
a header — the one holding most of the expected headers when the caller names them.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Any

import pandas as pd

EXCEL_ROWS = 1_048_576
"""Rows in a sheet of Excel since 2007 (.xlsx, .xlsm, .xlsb) and of LibreOffice (.ods)."""
XLS_ROWS = 65_536
"""Rows in a sheet of the old .xls format (Excel 97–2003)."""
HEADER_SCAN_ROWS = 40
"""How many rows from the top are searched for the header row: the one that reads most like a
header among them is taken."""
HEADER_SEARCH_ROWS = 1000
"""How far down a statement's header row is looked for when none is in the first
HEADER_SCAN_ROWS rows (a PDF's first page of account summary and terms puts it on row 46); the
first row that reads like a header there is taken, with the best of the HEADER_SCAN_ROWS rows
from it. Columns named with --map are looked for however far down they are."""


def column_letter(index: int) -> str:
    """0-based column index to Excel letters: 0 → A, 27 → AB."""
    letters = ""
    index += 1
    while index:
        index, remainder = divmod(index - 1, 26)
        letters = chr(65 + remainder) + letters
    return letters


def sheet_name(text: str, taken: set[str]) -> str:
    """`text` as a sheet name Excel takes (31 characters, none of []:*?/\\'), and distinct (any
    case) from the names in `taken`, to which it is added: vendor codes A/1 and A:1, or two long
    codes alike in their first 24 characters, would otherwise name one sheet twice."""
    base = re.sub(r"[\[\]:*?/\\']", "-", text)[:31]
    name, number = base, 2
    while name.casefold() in taken:
        suffix = f" ({number})"
        name, number = base[: 31 - len(suffix)] + suffix, number + 1
    taken.add(name.casefold())
    return name


def header_text(value: Any) -> str:
    """A header cell as text: spaces (line breaks, non-breaking) folded, never an error."""
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    return " ".join(str(value).replace("\u00a0", " ").split())


def written_header(name: Any) -> str:
    """A table's column name as its header cell wrote it, without the ` (2)` a header written
    twice is numbered with the second time (`Ps. (2)` is `Ps.`)."""
    return re.sub(r" \([0-9]+\)$", "", header_text(name))


def cell_parts(cell: str) -> tuple[str, int]:
    """A cell reference's column letters and row (`AB12` → `('AB', 12)`)."""
    letters = cell.rstrip("0123456789")
    return letters, int(cell[len(letters) :])


def header_key(text: Any) -> str:
    """How headers are compared: case, spaces, a trailing `*`, `:` or `.` do not matter."""
    return re.sub(r"[\s*:.]+$", "", header_text(text).casefold()).strip()


@dataclass(frozen=True)
class Table:
    """Rows of one sheet (or Excel Table) under their header, with Excel row numbers."""

    source: str
    """File name (for messages)."""
    sheet: str
    frame: pd.DataFrame
    header_row: int
    """Excel row number of the header row."""
    letters: dict[str, str]
    """Column header → Excel column letter."""
    merged_header_cells: tuple[str, ...] = ()
    """Ranges (`F1:G1`) of merged cells that touch the header row."""
    blank_rows: tuple[int, ...] = ()
    """Excel row numbers of blank rows inside the table (skipped)."""
    renamed_headers: dict[str, str] = field(default_factory=dict)
    """Header as found → the expected header it was matched to (case, spaces)."""

    def cell(self, row: int, column: str) -> str:
        """A1 address of a column in a given Excel row (the row's first cell if unknown)."""
        return f"{self.letters.get(column, 'A')}{row}"

    @property
    def rows(self) -> int:
        return len(self.frame)


def _is_texty(value: Any) -> bool:
    if not isinstance(value, str):
        return False
    text = value.strip()
    if not text:
        return False
    return not re.fullmatch(r"[-+()₹,.\d\s/:]+", text)


def find_header_row(rows: Sequence[Sequence[Any]], expected: Sequence[str] | None = None) -> int:
    """Index (0-based) of the header row among `rows`.

    With `expected` headers: the row holding most of them (first such row). Otherwise, or when no
    row holds any: the first row with the most text cells and no numbers or dates — title lines
    hold one or two cells, data rows hold numbers and dates.
    """
    window = rows[:HEADER_SCAN_ROWS]
    if expected:
        wanted = {header_key(h) for h in expected}
        best, best_hits = -1, 0
        for index, row in enumerate(window):
            hits = len(wanted.intersection(header_key(c) for c in row if isinstance(c, str)))
            if hits > best_hits:
                best, best_hits = index, hits
        if best >= 0:
            return best
    best, best_score = -1, 1
    for index, row in enumerate(window):
        if any(isinstance(c, int | float | date | datetime) and c != "" for c in row):
            continue
        score = sum(1 for c in row if _is_texty(c))
        if score > best_score:
            best, best_score = index, score
    if best >= 0:
        return best
    for index, row in enumerate(window):
        if any(c not in ("", None) for c in row):
            return index
    return 0
