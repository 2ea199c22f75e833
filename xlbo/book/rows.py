"""The row protocol: a workbook that hands over a sheet's cells row by row, whether a file on
disk (`FileBook`) or the workbook open in Excel (`ExcelBook`). Readers of sheets whose header
row must first be found (a bank statement under its title lines, a Tally export) take a
`RowSource` and read through `sheet_table`.

    rows = book.sheet_rows("Statement")   # [["HDFC BANK Ltd."], [], ["Date", "Narration", ...], ...]
    table = sheet_table(book, "Statement", find_header, expected=("Date", "Narration"))
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any, Protocol

from xlbo.book import FileBook, Reader, Table, build_table
from xlbo.book.files import frame_table
from xlbo.book.table import HEADER_SCAN_ROWS


class RowSource(Reader, Protocol):
    """A workbook that hands over a sheet's cells (a file, or the workbook open in Excel)."""

    def sheet_rows(self, sheet: str) -> list[list[Any]]: ...

    def hidden_sheets(self) -> list[str]: ...


def sheet_table(
    book: RowSource,
    name: str,
    find: Callable[[list[list[Any]]], int],
    expected: Sequence[str] | None = None,
) -> Table:
    """The sheet's table under the header row `find(first rows)` picks (headers matching
    `expected` but for case and spacing renamed to it); files are read in bulk."""
    if isinstance(book, FileBook):
        cells, named = book.sheet_frame(name)
        if named:
            return frame_table(book.name, name, cells, -1, expected)
        head = cells.head(HEADER_SCAN_ROWS).astype(object)
        first_rows = head.where(head.notna(), "").values.tolist()
        return frame_table(book.name, name, cells, find(first_rows), expected)
    rows = book.sheet_rows(name)
    return build_table(book.name, name, rows, find(rows), expected)
