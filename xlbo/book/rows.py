"""The row protocol: a workbook that hands over a sheet's cells row by row, whether a file on
disk (`FileBook`) or the workbook open in Excel (`ExcelBook`). Readers of sheets whose header
row must first be found (a bank statement under its title lines, a Tally export) take a
`RowSource` and read through `sheet_table`.

    rows = book.sheet_rows("Statement")   # [["HDFC BANK Ltd."], [], ["Date", "Narration", ...], ...]
    table = sheet_table(book, "Statement", find_header, expected=("Date", "Narration"))
"""

from __future__ import annotations

from collections.abc import Callable, Collection, Sequence
from typing import Any, Protocol, overload

import numpy as np
import pandas as pd

from xlbo.book import FileBook, Reader, Table, build_table
from xlbo.book.files import frame_table
from xlbo.book.table import HEADER_SCAN_ROWS, header_key
from xlbo.columns import is_text, replace, strings


class RowSource(Reader, Protocol):
    """A workbook that hands over a sheet's cells (a file, or the workbook open in Excel)."""

    def sheet_rows(self, sheet: str) -> list[list[Any]]: ...

    def hidden_sheets(self) -> list[str]: ...


class FrameRows(Sequence[list[Any]]):
    """The rows of a frame of cells as lists (blank cells ""), made only as far down as they
    are asked for: the header row is looked for in the first rows of a million-line CSV without
    turning the million into lists, and further down only when it is not there."""

    def __init__(self, cells: pd.DataFrame) -> None:
        self._cells = cells
        self._rows: list[list[Any]] = []

    def __len__(self) -> int:
        return len(self._cells)

    def _make(self, stop: int) -> None:
        """Make the rows up to `stop`, in blocks that double (a deep search stays cheap)."""
        while len(self._rows) < min(stop, len(self)):
            start = len(self._rows)
            block = self._cells.iloc[start : start + max(HEADER_SCAN_ROWS, start)].astype(object)
            self._rows.extend(block.where(block.notna(), "").values.tolist())

    def first_naming(self, keys: Collection[str], start: int) -> int:
        """The first row from `start` with a cell that `header_key` reads as one of `keys`, or
        -1. Each column's text is folded as `header_key` folds it (case, spaces, a trailing `*`,
        `:` or `.`) in bulk, so a million lines are searched in a second or two; the rows so
        found are read cell by cell to be sure."""
        found: set[int] = set()
        for column in range(self._cells.shape[1]):
            values = self._cells.iloc[start:, column]
            where = np.flatnonzero(is_text(values))
            if not len(where):
                continue
            text = strings(pd.Series(values.to_numpy(dtype=object)[where], dtype=object))
            spaced = replace(text.str.replace("\u00a0", " ", regex=False).str.lower(), r"\s+", " ")
            folded = replace(spaced, r"[\s*:.]+$", "").str.strip()
            found.update((start + where[folded.isin(list(keys)).to_numpy(dtype=bool)]).tolist())
        for index in sorted(found):
            if any(header_key(c) in keys for c in self._cells.iloc[index] if isinstance(c, str)):
                return index
        return -1

    @overload
    def __getitem__(self, index: int) -> list[Any]: ...

    @overload
    def __getitem__(self, index: slice) -> list[list[Any]]: ...

    def __getitem__(self, index: int | slice) -> list[Any] | list[list[Any]]:
        if isinstance(index, slice):
            self._make(index.indices(len(self))[1])
            return self._rows[index]
        self._make(index + 1 if index >= 0 else len(self))
        return self._rows[index]


def sheet_table(
    book: RowSource,
    name: str,
    find: Callable[[Sequence[Sequence[Any]]], int],
    expected: Sequence[str] | None = None,
) -> Table:
    """The sheet's table under the header row `find(rows)` picks (headers matching `expected`
    but for case and spacing renamed to it); files are read in bulk, and their rows handed to
    `find` as far down as it looks (`FrameRows`)."""
    if isinstance(book, FileBook):
        cells, named = book.sheet_frame(name)
        if named:
            return frame_table(book.name, name, cells, -1, expected)
        return frame_table(book.name, name, cells, find(FrameRows(cells)), expected)
    rows = book.sheet_rows(name)
    return build_table(book.name, name, rows, find(rows), expected)
