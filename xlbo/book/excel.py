"""The xlwings side of the workbook port: the same reads and writes as the file side, on a
live `xw.Book` — Excel on Windows or macOS through classic xlwings, or Excel anywhere through
xlwings Lite.

Only the part of the Book API both runtimes provide is used: sheets by name, adding and clearing
sheets, range values as 2-D lists, number formats, fills, fonts, column autofit and Excel Tables.
Nothing is read back but values (Lite cannot read formats, colours or formulas), no threads, no
local paths. Results are written in blocks, so 100,000 rows do not stall Excel; the book is
passed in, never looked up, so tests hand it a double.
"""

from __future__ import annotations

import contextlib
from collections.abc import Iterable, Sequence
from decimal import Decimal
from typing import Any

from xlbo.book.display import (
    FORMULA_STARTS,
    Colour,
    Figure,
    Link,
    ResultSheet,
    excel_value,
    figure_formats,
)
from xlbo.book.files import build_table
from xlbo.book.table import Table, find_header_row, header_key
from xlbo.errors import SheetProblem
from xlbo.issues import Issue, Severity

BLOCK_ROWS = 5000
"""Rows written to Excel in one call."""
MARK_COLOURS = {Severity.ERROR: Colour.ERROR, Severity.WARNING: Colour.WARNING}


def as_text_cell(value: Any) -> Any:
    """A value as Excel should receive it: text that looks like a formula, or starts with an
    apostrophe, gets Excel's text marker (a leading apostrophe), so user text is never run as
    a formula and keeps its own apostrophe."""
    value = excel_value(value)
    if isinstance(value, Link):
        value = str(value.text)
    if isinstance(value, str) and (
        (value.startswith(FORMULA_STARTS) and len(value) > 1) or value.startswith("'")
    ):  # Excel takes a leading apostrophe as its text marker and hides it: keep the user's
        return "'" + value
    if isinstance(value, Decimal):
        return float(value)
    return value


class ExcelBook:
    """A live workbook seen through the port."""

    def __init__(self, book: Any) -> None:
        self.book = book
        self.name = str(getattr(book, "name", "workbook"))

    # -- reading ---------------------------------------------------------------------------

    def sheet_names(self) -> list[str]:
        return [sheet.name for sheet in self.book.sheets]

    def hidden_sheets(self) -> list[str]:
        """The sheets Excel does not show (hidden or very hidden). xlwings gives `visible` as
        True/False, or on Windows as Excel's own XlSheetVisibility: -1 shown, 0 hidden, 2 very
        hidden (which is true, yet not shown)."""
        return [s.name for s in self.book.sheets if _unshown(getattr(s, "visible", True))]

    def resolve(self, name: str) -> str:
        """The sheet's real name for a name typed with other case or spaces ("" when none)."""
        wanted = header_key(name)
        return next((s for s in self.sheet_names() if header_key(s) == wanted), "")

    def has(self, name: str) -> bool:
        return bool(self.resolve(name))

    def sheet_rows(self, sheet: str) -> list[list[Any]]:
        """All cells of a sheet from A1 as rows (values only; errors as their text)."""
        used = self.book.sheets[sheet].used_range
        values = used.options(ndim=2, err_to_str=True).value or []
        top, left = int(used.row), int(used.column)
        pad = [None] * (left - 1)
        return [[] for _ in range(top - 1)] + [[*pad, *row] for row in values]

    def read_table(
        self, name: str, headers: Sequence[str] | None = None, *, title: str | None = None
    ) -> Table:
        sheet = self.resolve(name)
        if not sheet:
            raise SheetProblem(
                f"This workbook has no sheet named '{name}' (it has: {', '.join(self.sheet_names())})."
            )
        rows = self.sheet_rows(sheet)
        return build_table(self.name, sheet, rows, find_header_row(rows, headers), headers)

    # -- writing ---------------------------------------------------------------------------

    def write(self, sheets: Iterable[ResultSheet]) -> None:
        """Write result sheets into the book, replacing earlier results of the same name."""
        for result in sheets:
            self._write_sheet(result)

    def _target(self, name: str) -> Any:
        if name in self.sheet_names():
            sheet = self.book.sheets[name]
            sheet.clear()
            return sheet
        return self.book.sheets.add(name, after=self.book.sheets[len(self.book.sheets) - 1])

    def _write_sheet(self, result: ResultSheet) -> None:
        sheet = self._target(result.name)
        if result.hidden:  # the log, a run's settings: Lite hides too (very hidden it cannot)
            sheet.visible = False
        if result.headerless:
            rows = result.frame.to_numpy(dtype=object).tolist()
            if rows:
                sheet.range((1, 1)).value = [[as_text_cell(v) for v in row] for row in rows]
            return
        headers = [str(h) for h in result.frame.columns]
        top = result.header_row + 1  # Excel row of the header
        for index, line in enumerate(result.heading):
            cell = sheet.range((index + 1, 1))
            cell.value = as_text_cell(line)
            cell.font.bold = index == 0
        header = sheet.range((top, 1), (top, max(len(headers), 1)))
        header.value = [[as_text_cell(h) for h in headers]]
        header.color = Colour.HEADER.value
        header.font.bold = True
        header.font.color = Colour.HEADER_TEXT.value
        columns = [result.column(h) for h in headers]
        rows = result.frame.to_numpy(dtype=object).tolist()
        last = top + len(rows)
        if rows:  # formats first: a text column keeps 0012345 as typed, not the number 12345
            for col, column in enumerate(columns, start=1):
                sheet.range((top + 1, col), (last, col)).number_format = column.excel_format
        for start in range(0, len(rows), BLOCK_ROWS):
            block = [[as_text_cell(v) for v in row] for row in rows[start : start + BLOCK_ROWS]]
            sheet.range((top + 1 + start, 1)).value = block
        if rows:
            self._links(sheet, result, headers, top)
            self._figures(sheet, result, headers, top)
            self._highlights(sheet, result, headers, top)
        if result.excel_table and headers:
            sheet.tables.add(
                source=sheet.range((top, 1), (max(last, top + 1), len(headers))),
                name=result.excel_table,
            )
        sheet.autofit("c")

    def _links(self, sheet: Any, result: ResultSheet, headers: list[str], top: int) -> None:
        for col, header in enumerate(headers, start=1):
            for offset, value in enumerate(result.frame[header].tolist(), start=1):
                if isinstance(value, Link) and not value.file:
                    cell = sheet.range((top + offset, col))
                    cell.add_hyperlink(f"#{value.location}", str(value.text))

    def _figures(self, sheet: Any, result: ResultSheet, headers: list[str], top: int) -> None:
        """Each `Figure` in its own number format (a balance with its side)."""
        for header in figure_formats(result):
            col = headers.index(header) + 1
            for offset, value in enumerate(result.frame[header].tolist(), start=1):
                if isinstance(value, Figure):
                    sheet.range((top + offset, col)).number_format = value.number_format

    def _highlights(self, sheet: Any, result: ResultSheet, headers: list[str], top: int) -> None:
        for highlight in result.highlights:
            if highlight.column not in headers:
                continue
            col = headers.index(highlight.column) + 1
            for offset, value in enumerate(result.frame[highlight.column].tolist(), start=1):
                if value == highlight.value:
                    row = top + offset
                    target = (
                        sheet.range((row, 1), (row, len(headers)))
                        if highlight.whole_row
                        else sheet.range((row, col))
                    )
                    target.color = highlight.colour.value

    def mark(self, issues: Iterable[Issue]) -> int:
        """Fill each bad cell lightly and put the problem in its note; values are not touched.
        Returns how many cells were marked."""
        marked = 0
        names = set(self.sheet_names())
        for issue in issues:
            colour = MARK_COLOURS.get(issue.severity)
            if colour is None or not issue.cell or issue.sheet not in names:
                continue
            cell = self.book.sheets[issue.sheet].range(issue.cell)
            cell.color = colour.value
            # a cell with a note already (the user's, or an earlier run's) keeps it
            with contextlib.suppress(ValueError):
                cell.add_note(f"xlbo: {issue.problem}. {issue.hint}".strip())
            marked += 1
        return marked


def _unshown(visible: Any) -> bool:
    """Whether a sheet's `visible` says Excel does not show it (False, 0 hidden, 2 very hidden)."""
    if isinstance(visible, bool):
        return not visible
    return isinstance(visible, int) and visible in (0, 2)
