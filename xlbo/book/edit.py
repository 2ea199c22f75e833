"""Add result sheets to an existing workbook with openpyxl (the file side of "write the result
into the workbook I have open").

The input is never changed in place unless the caller passes the same path as `out`: the
workbook is loaded, result sheets of the same name are replaced, and the whole is saved to `out`
atomically. Macros in an `.xlsm` are kept.

A figure gets its column's one number format (`Column.excel_format`, money with a minus sign or
in brackets); conditional formats are added only for colour highlights.
"""

from __future__ import annotations

import zipfile
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import numpy as np
import openpyxl
from openpyxl.comments import Comment
from openpyxl.formatting.rule import CellIsRule, FormulaRule
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.worksheet.datavalidation import DataValidation
from openpyxl.worksheet.table import Table as ExcelTable
from openpyxl.worksheet.table import TableStyleInfo

from xlbo.book.atomic import atomic_path
from xlbo.book.display import (
    FIGURES,
    WRAPPED,
    Colour,
    Figure,
    Kind,
    Link,
    ResultSheet,
    excel_value,
    page_footer,
    page_heading,
    row_heights,
)
from xlbo.book.files import check_readable
from xlbo.book.sheet_xml import MAX_CELL_TEXT
from xlbo.book.table import column_letter
from xlbo.book.xlsx import VALIDATION_ROWS, WIDE_COLUMNS, fitted_width
from xlbo.errors import FileProblem

_HEADER_FILL = PatternFill("solid", fgColor=Colour.HEADER.value.lstrip("#"))
_FONT = "Calibri"
"""The font of the rest of the workbook (what xlsxwriter writes), so an added sheet matches."""
_HEADER_FONT = Font(name=_FONT, bold=True, color=Colour.HEADER_TEXT.value.lstrip("#"))
_LINK_FONT = Font(color="0563C1", underline="single")


def _fill(colour: Colour) -> PatternFill:
    return PatternFill("solid", fgColor=colour.value.lstrip("#"), bgColor=colour.value.lstrip("#"))


def _alignment(kind: Kind) -> Alignment:
    """A data cell's alignment, as `write_workbook` sets it: at the top of its row, figures
    right-aligned one space in, dates left-aligned, long text wrapped."""
    if kind in FIGURES:
        return Alignment(vertical="top", horizontal="right", indent=1)
    if kind is Kind.DATE:
        return Alignment(vertical="top", horizontal="left")
    return Alignment(vertical="top", wrap_text=kind in WRAPPED)


def _put(ws: Any, row: int, col: int, value: Any, number_format: str, kind: Kind) -> None:
    if isinstance(value, Figure):  # a number in a format of its own (a balance with its side)
        number_format, value = value.number_format, value.value
    value = excel_value(value)
    if value is None:
        return
    cell = ws.cell(row=row, column=col)
    if isinstance(value, Link):
        cell.value = str(value.text)
        cell.hyperlink = f"{value.file}#{value.location}"
        cell.font = _LINK_FONT
        cell.alignment = Alignment(vertical="top", horizontal="left", indent=1)
        return
    cell.alignment = _alignment(kind)
    if isinstance(value, str):
        cell.value = value if len(value) <= MAX_CELL_TEXT else value[: MAX_CELL_TEXT - 1] + "…"
        cell.data_type = "s"  # text, never a formula
    else:
        cell.value = value
    cell.number_format = number_format


def _write_sheet(book: Any, sheet: ResultSheet) -> None:
    if sheet.name in book.sheetnames:
        del book[sheet.name]
    ws = book.create_sheet(sheet.name)
    headers = [str(h) for h in sheet.frame.columns]
    columns = [sheet.column(h) for h in headers]
    top = sheet.header_row + 1  # 1-based
    for index, line in enumerate(sheet.heading):
        ws.cell(row=index + 1, column=1, value=line).font = Font(
            name=_FONT, bold=index == 0, size=14 if index == 0 else 11
        )
    for col, (header, column) in enumerate(zip(headers, columns, strict=True), start=1):
        cell = ws.cell(row=top, column=col, value=header)
        cell.fill, cell.font = _HEADER_FILL, _HEADER_FONT
        cell.alignment = Alignment(
            wrap_text=True,
            vertical="center",
            horizontal="right" if column.kind in FIGURES else None,
            indent=1 if column.kind in FIGURES else 0,  # as write_workbook sets it
        )
        if column.comment:
            cell.comment = Comment(column.comment, "xlbo")
        ws.column_dimensions[column_letter(col - 1)].width = fitted_width(sheet, header, column)
        for offset, value in enumerate(sheet.frame[header].tolist(), start=1):
            _put(ws, top + offset, col, value, column.excel_format, sheet.shown_kind(column))
    n_rows = len(sheet.frame)
    heights = row_heights(sheet)
    if heights is not None:  # rows tall enough for their wrapped text
        for offset in np.flatnonzero(heights).tolist():
            ws.row_dimensions[top + 1 + offset].height = float(heights[offset])
    last = top + max(n_rows + sheet.spare_rows, 1 if sheet.excel_table else 0)
    span = f"A{top}:{column_letter(len(headers) - 1)}{max(last, top)}"
    if sheet.excel_table and headers:
        table = ExcelTable(displayName=sheet.excel_table, ref=span)
        table.tableStyleInfo = TableStyleInfo(name="TableStyleMedium2", showRowStripes=True)
        ws.add_table(table)
    elif sheet.autofilter and headers:
        ws.auto_filter.ref = span
    for col, column in enumerate(columns):
        if column.choices:
            listed = ",".join(column.choices)
            if len(listed) > 250:
                continue  # long lists need a list sheet; edits keep to short inline lists
            dropdown = DataValidation(type="list", formula1=f'"{listed}"', allow_blank=True)
            letter = column_letter(col)
            end = max(last, top + VALIDATION_ROWS) if sheet.spare_rows else last
            dropdown.add(f"{letter}{top + 1}:{letter}{end}")
            ws.add_data_validation(dropdown)
    for highlight in sheet.highlights:
        if highlight.column not in headers or n_rows == 0:
            continue
        col = headers.index(highlight.column)
        value = highlight.value
        criteria = f'"{value}"' if isinstance(value, str) else str(value)
        letter = column_letter(col)
        end = top + n_rows
        if highlight.whole_row:
            area = f"A{top + 1}:{column_letter(len(headers) - 1)}{end}"
            rule: Any = FormulaRule(  # type: ignore[no-untyped-call]
                formula=[f"${letter}{top + 1}={criteria}"], fill=_fill(highlight.colour)
            )
        else:
            area = f"{letter}{top + 1}:{letter}{end}"
            rule = CellIsRule(  # type: ignore[no-untyped-call]
                operator="equal", formula=[criteria], fill=_fill(highlight.colour)
            )
        ws.conditional_formatting.add(area, rule)
    if sheet.freeze:
        ws.freeze_panes = f"A{top + 1}"
    if sheet.tab_colour:
        ws.sheet_properties.tabColor = sheet.tab_colour.lstrip("#")
    if not sheet.headerless:
        _print_set_up(ws, sheet, top, len(headers))
    if sheet.hidden:
        ws.sheet_state = "hidden"


def _print_set_up(ws: Any, sheet: ResultSheet, top: int, width: int) -> None:
    """Printed as `write_workbook` prints a sheet: A4, one page wide (landscape when wide), the
    header row on every page, the sheet's title and page numbers in the margins."""
    ws.page_setup.paperSize = ws.PAPERSIZE_A4
    if sheet.landscape or width > WIDE_COLUMNS:
        ws.page_setup.orientation = ws.ORIENTATION_LANDSCAPE
    ws.sheet_properties.pageSetUpPr.fitToPage = True
    ws.page_setup.fitToWidth, ws.page_setup.fitToHeight = 1, 1 if sheet.one_page else 0
    ws.print_title_rows = f"{1 if sheet.title_on_every_page else top}:{top}"
    ws.oddHeader.left.text = "&B" + page_heading(sheet)
    ws.oddHeader.right.text = "&A"
    ws.oddFooter.left.text, ws.oddFooter.left.size = page_footer(sheet), 8
    ws.oddFooter.right.text, ws.oddFooter.right.size = "Page &P of &N", 8


def write_into(source: str | Path, sheets: Sequence[ResultSheet], out: str | Path) -> Path:
    """Copy workbook `source` with `sheets` added (same-named sheets replaced) to `out`."""
    source, target = Path(source), Path(out)
    if check_readable(source) != "zip" or source.suffix.lower() not in {".xlsx", ".xlsm"}:
        raise FileProblem(f"{source.name}: xlbo can add sheets only to .xlsx and .xlsm workbooks.")
    try:
        book = openpyxl.load_workbook(source, keep_vba=source.suffix.lower() == ".xlsm")
    except (zipfile.BadZipFile, KeyError, OSError, ValueError) as error:
        raise FileProblem(
            f"{source.name} is damaged or incomplete and cannot be opened ({type(error).__name__})."
        ) from None
    for sheet in sheets:
        _write_sheet(book, sheet)
    with atomic_path(target) as temporary:
        book.save(temporary)
    return target
