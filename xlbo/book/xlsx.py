"""Write new workbooks with xlsxwriter: fast for large results, and every display rule of the
`ResultSheet` spec (formats, widths, frozen header, filters, Excel Tables, dropdowns, fills,
hyperlinks, print set-up).

Each column's cells carry one plain number format (`Column.excel_format`); conditional formats
are laid only for colours (`Highlight`), never to change how a number is written.

User text is always written as text: a value starting with `=`, `+`, `-` or `@` never becomes a
formula, and no string is turned into a number or a link.
"""

from __future__ import annotations

import io
from collections.abc import Sequence
from datetime import datetime
from functools import partial
from pathlib import Path
from typing import Any

import xlsxwriter

from xlbo.book.atomic import atomic_path
from xlbo.book.display import (
    FIGURES,
    WRAPPED,
    Chart,
    ChartKind,
    Colour,
    Column,
    Figure,
    Kind,
    Link,
    ResultSheet,
    excel_value,
    figure_formats,
    figure_width,
    page_footer,
    page_heading,
    row_heights,
)
from xlbo.book.sheet_xml import MAX_CELL_TEXT, SheetBody, cell_kind, fill_bodies
from xlbo.book.table import column_letter
from xlbo.money import INR_WHOLE_FORMAT

TEXT_WIDTH_SAMPLE = 300
"""Rows looked at to size a text column."""
VALIDATION_ROWS = 2000
"""How far below the header a template's dropdowns reach."""
STREAM_CELLS = 200_000
"""Above this many cells (and with no Excel Tables, which need the whole sheet in memory), rows
are streamed to disk as they are written."""
BULK_ROWS = 500
"""From this many rows a sheet's data rows are written in bulk (`sheet_xml`), not cell by cell."""
MAX_LINKS = 65530
"""Excel's limit on hyperlinks in one worksheet; cells past it show their text without a link."""


def _text(value: str) -> str:
    return value if len(value) <= MAX_CELL_TEXT else value[: MAX_CELL_TEXT - 1] + "…"


def fitted_width(sheet: ResultSheet, header: str, column: Column) -> float:
    """Width of a column: the spec's, or for text the longest of header and sampled values; a
    column of figures is widened past either when its widest figure needs it (never ###)."""
    if column.kind in FIGURES and header in sheet.frame:
        given = column.width or max(column.excel_width, float(len(header) + 3))
        return max(given, figure_width(sheet.frame[header], column))
    if column.width:
        return column.width
    longest = len(header) + 3
    if column.kind in (Kind.TEXT, Kind.ID) and header in sheet.frame:
        for value in sheet.frame[header].head(TEXT_WIDTH_SAMPLE):
            if value is not None:
                longest = max(longest, len(str(value.text if isinstance(value, Link) else value)))
        return float(min(max(longest + 1, 8), 60))
    return max(column.excel_width, float(longest))


class _Styles:
    """Format objects, made once per workbook."""

    def __init__(self, book: Any) -> None:
        self.book = book
        header = {
            "bold": True,
            "font_color": Colour.HEADER_TEXT.value,
            "bg_color": Colour.HEADER.value,
            "text_wrap": True,
            "valign": "vcenter",
            "border": 1,
        }
        self.header = book.add_format(header)
        # right-aligned over the figures, one space in: clear of the next header, and over
        # the last digit of a figure that leaves room for a bracket
        self.figures_header = book.add_format({**header, "align": "right", "indent": 1})
        self.title = book.add_format({"bold": True, "font_size": 14})
        self.subtitle = book.add_format({"italic": True, "font_color": "#595959"})
        # a heading line longer than the table is wide, wrapped over the table's columns
        self.long_subtitle = book.add_format(
            {"italic": True, "font_color": "#595959", "text_wrap": True, "valign": "top"}
        )
        self._cache: dict[tuple[str, Kind | None], Any] = {}

    def cell(self, number_format: str, kind: Kind | None = None) -> Any:
        """The format of a data cell: its number format, at the top of its row (a row made tall
        for wrapped text reads from the top), and by `kind`: figures right-aligned one space in
        (as their header; never touching the text of the next cell), dates left-aligned (as
        their header), long text wrapped; a
        link (`kind` None) blue, underlined, left-aligned one space in (clear of a figure in
        the cell before it)."""
        key = (number_format, kind)
        if key not in self._cache:
            spec: dict[str, Any] = {"num_format": number_format, "valign": "top"}
            if kind is None:
                spec.update({"font_color": "#0563C1", "underline": 1, "align": "left", "indent": 1})
            elif kind in FIGURES:
                spec.update({"align": "right", "indent": 1})
            elif kind is Kind.DATE:  # under its header, clear of a figure or text before it
                spec["align"] = "left"
            elif kind in WRAPPED:
                spec["text_wrap"] = True
            self._cache[key] = self.book.add_format(spec)
        return self._cache[key]

    def fill(self, colour: Colour) -> Any:
        key = (f"fill:{colour.value}", Kind.TEXT)
        if key not in self._cache:
            self._cache[key] = self.book.add_format({"bg_color": colour.value})
        return self._cache[key]


class _Lists:
    """A hidden `Lists` sheet, written last, holding dropdown choices too long to write inline."""

    def __init__(self, book: Any) -> None:
        self.book = book
        self.ranges: dict[tuple[str, ...], str] = {}

    def source(self, choices: tuple[str, ...]) -> str | list[str]:
        if len(",".join(choices)) <= 250 and not any("," in c for c in choices):
            return list(choices)
        if choices not in self.ranges:
            letter = column_letter(len(self.ranges))
            self.ranges[choices] = f"=Lists!${letter}$1:${letter}${len(choices)}"
        return self.ranges[choices]

    def finish(self) -> None:
        if not self.ranges:
            return
        sheet = self.book.add_worksheet("Lists")
        for col, choices in enumerate(self.ranges):
            for row, choice in enumerate(choices):
                sheet.write_string(row, col, choice)
        sheet.hide()


def _write_value(
    ws: Any, row: int, col: int, value: Any, fmt: Any, link_fmt: Any, styles: _Styles, kind: Kind
) -> None:
    """One cell, its kind decided as the bulk writer decides it (`sheet_xml.cell_kind`); a
    `Figure` in its own number format."""
    if isinstance(value, Figure):
        number = excel_value(value.value)
        if number is not None:
            ws.write_number(row, col, number, styles.cell(value.number_format, kind))
        return
    value = excel_value(value)
    kind_of_cell = cell_kind(value)
    if kind_of_cell == "link":
        target = (
            f"external:{value.file}#{value.location}"
            if value.file
            else (f"internal:{value.location}")
        )
        ws.write_url(row, col, target, link_fmt, string=str(value.text))
        if isinstance(value.text, int) and not isinstance(value.text, bool):
            ws.write_number(row, col, value.text, link_fmt)  # a row number stays a number
    elif kind_of_cell == "text":
        ws.write_string(row, col, _text(value if isinstance(value, str) else str(value)), fmt)
    elif kind_of_cell == "bool":
        ws.write_boolean(row, col, bool(value), fmt)
    elif kind_of_cell == "number":
        ws.write_number(row, col, value, fmt)
    elif kind_of_cell == "date":
        ws.write_datetime(row, col, value, fmt)


HEADING_ROW_POINTS = 15
"""The height of one line of a heading's text (11-point type), in points."""


def _write_heading(ws: Any, styles: _Styles, heading: Sequence[str], widths: list[float]) -> None:
    """The sheet's title and the lines under it, one a row. A line longer than the table is
    wide (a Summary's note of two sentences) is wrapped over the table's columns, its row made
    tall enough: written on one row, it runs far past the table, and a printout fitted to the
    page's width shrinks the whole sheet to fit it."""
    across = sum(widths)
    for index, line in enumerate(heading):
        if index and len(widths) > 1 and len(line) > across:
            ws.merge_range(index, 0, index, len(widths) - 1, line, styles.long_subtitle)
            lines = -(-len(line) // max(int(across) - 2, 1))
            ws.set_row(index, HEADING_ROW_POINTS * lines)
        else:
            ws.write_string(index, 0, line, styles.title if index == 0 else styles.subtitle)


def _write_sheet(book: Any, styles: _Styles, lists: _Lists, sheet: ResultSheet) -> SheetBody | None:
    ws = book.add_worksheet(sheet.name)
    headers = [str(h) for h in sheet.frame.columns]
    columns = [sheet.column(h) for h in headers]
    top = sheet.header_row
    n_rows = len(sheet.frame)
    last = top + max(n_rows + sheet.spare_rows, 1 if sheet.excel_table else 0)
    width = max(len(headers), 1)
    formats = [styles.cell(c.excel_format, sheet.shown_kind(c)) for c in columns]
    widths = [fitted_width(sheet, h, c) for h, c in zip(headers, columns, strict=True)]
    for col, column_width in enumerate(widths):
        ws.set_column(col, col, column_width, formats[col])
    _write_heading(ws, styles, sheet.heading, widths)
    if sheet.excel_table:
        ws.add_table(
            top,
            0,
            last,
            width - 1,
            {
                "name": sheet.excel_table,
                "style": "Table Style Medium 2",
                "columns": [
                    {"header": h, "format": f} for h, f in zip(headers, formats, strict=True)
                ],
            },
        )
    for col, header in enumerate(headers):
        if sheet.headerless:
            break
        header_style = styles.figures_header if columns[col].kind in FIGURES else styles.header
        ws.write_string(top, col, header, header_style)
        if columns[col].comment:
            ws.write_comment(top, col, columns[col].comment, {"x_scale": 2, "y_scale": 1.5})
    link_format = styles.cell("General")
    links = 0
    body = None
    if n_rows >= BULK_ROWS and not sheet.charts:  # rows written in bulk after closing
        body = SheetBody(
            part=f"xl/worksheets/sheet{len(book.worksheets())}.xml",
            frame=sheet.frame,
            first_row=top + 2,
            styles=[f._get_xf_index() for f in formats],
            link_style=link_format._get_xf_index(),
            max_links=MAX_LINKS,
            figure_styles={
                headers.index(header): {
                    f: styles.cell(f, columns[headers.index(header)].kind)._get_xf_index()
                    for f in sorted(found)
                }
                for header, found in figure_formats(sheet).items()
            },
            heights=partial(row_heights, sheet),
        )
    else:
        heights = row_heights(sheet)
        kinds = [sheet.shown_kind(c) for c in columns]
        for offset, cells in enumerate(sheet.frame.itertuples(index=False, name=None)):
            row = top + 1 + offset  # row by row, so large sheets can stream (constant memory)
            if heights is not None and heights[offset]:
                ws.set_row(row, heights[offset])  # its wrapped text shown whole
            for col, value in enumerate(cells):
                if isinstance(value, Link):
                    links += 1
                    if (
                        links > MAX_LINKS
                    ):  # Excel keeps at most 65,530 links a sheet: the rest as text
                        value = value.text  # (a number stays a number)
                _write_value(ws, row, col, value, formats[col], link_format, styles, kinds[col])
    validation_last = max(last, top + VALIDATION_ROWS) if sheet.spare_rows else last
    for col, column in enumerate(columns):
        if column.choices and validation_last > top:
            ws.data_validation(
                top + 1,
                col,
                validation_last,
                col,
                {
                    "validate": "list",
                    "source": lists.source(column.choices),
                    "error_title": headers[col],
                    "error_message": "Choose a value from the list.",
                },
            )
    data_last = max(top + n_rows, top + 1)
    for highlight in sheet.highlights:
        if highlight.column not in headers or n_rows == 0:
            continue
        col = headers.index(highlight.column)
        value = highlight.value
        criteria = f'"{value}"' if isinstance(value, str) else str(value)
        if highlight.whole_row:
            letter = column_letter(col)
            ws.conditional_format(
                top + 1,
                0,
                data_last,
                width - 1,
                {
                    "type": "formula",
                    "criteria": f"=${letter}{top + 2}={criteria}",
                    "format": styles.fill(highlight.colour),
                },
            )
        else:
            ws.conditional_format(
                top + 1,
                col,
                data_last,
                col,
                {
                    "type": "cell",
                    "criteria": "==",
                    "value": criteria,
                    "format": styles.fill(highlight.colour),
                },
            )
    for button in sheet.buttons:
        ws.insert_button(
            button.cell,
            {
                "macro": button.macro,
                "caption": button.caption,
                "width": button.width,
                "height": button.height,
            },
        )
    if sheet.headerless:
        if sheet.hidden:
            ws.hide()
        return body
    ws.set_row(top, 30)
    if sheet.freeze:
        ws.freeze_panes(top + 1, 0)
    if sheet.autofilter and not sheet.excel_table and headers:
        ws.autofilter(top, 0, max(top + n_rows, top), width - 1)
    if sheet.tab_colour:
        ws.set_tab_color(sheet.tab_colour)
    if sheet.landscape or width > WIDE_COLUMNS:
        ws.set_landscape()
    ws.set_paper(9)
    ws.fit_to_pages(1, 1 if sheet.one_page else 0)
    ws.repeat_rows(0 if sheet.title_on_every_page else top, top)
    ws.set_header(f"&L&B{page_heading(sheet)}&R&A")
    ws.set_footer(f"&L&8{page_footer(sheet)}&R&8Page &P of &N")
    for index, chart in enumerate(sheet.charts):
        _insert_chart(book, ws, sheet, chart, index)
    if sheet.hidden:
        ws.hide()
    return body


CHART_HEIGHT_ROWS = 20
WIDE_COLUMNS = 8


def _chart_series(
    sheet: ResultSheet, chart: Chart, headers: list[str], category: int, first: int, last: int
) -> list[dict[str, Any]]:
    """Each series of `chart` as xlsxwriter wants it: ranges on the sheet's own cells."""
    top = sheet.header_row
    if chart.across:
        columns = [headers.index(h) for h in chart.across if h in headers]
        if not columns:
            return []
        left, right = min(columns), max(columns)
        labels = [str(v) for v in sheet.frame[chart.categories].tolist()]
        return [
            {
                "name": [sheet.name, top + 1 + labels.index(name), category],
                "categories": [sheet.name, top, left, top, right],
                "values": [
                    sheet.name,
                    top + 1 + labels.index(name),
                    left,
                    top + 1 + labels.index(name),
                    right,
                ],
            }
            for name in chart.values
            if name in labels
        ]
    return [
        {
            "name": [sheet.name, top, headers.index(name)],
            "categories": [sheet.name, first, category, last, category],
            "values": [sheet.name, first, headers.index(name), last, headers.index(name)],
        }
        for name in chart.values
        if name in headers
    ]


def _insert_chart(book: Any, ws: Any, sheet: ResultSheet, chart: Chart, index: int) -> None:
    """Add `chart`, its series pointing at the sheet's own cells, to the right of the table."""
    headers = [str(h) for h in sheet.frame.columns]
    if chart.categories not in headers or not len(sheet.frame):
        return
    top = sheet.header_row
    available = len(sheet.frame) - chart.skip
    rows = available if chart.rows is None else min(chart.rows, available)
    if rows <= 0:
        return
    first = top + 1 + chart.skip
    last = first + rows - 1
    category = headers.index(chart.categories)
    all_series = _chart_series(sheet, chart, headers, category, first, last)
    if not all_series:
        return
    drawn = book.add_chart({"type": chart.kind.value})
    for series in all_series:
        if chart.kind is ChartKind.PIE:
            series["data_labels"] = {"percentage": True}
        drawn.add_series(series)
    drawn.set_title({"name": chart.title})
    if chart.kind is not ChartKind.PIE:
        drawn.set_legend({"position": "bottom"})
        drawn.set_y_axis({"num_format": INR_WHOLE_FORMAT, "name": chart.y_title or None})
    drawn.set_size({"width": 640, "height": 360})
    if len(headers) > WIDE_COLUMNS:  # a wide table: the chart goes below it, not off the page
        ws.insert_chart(top + len(sheet.frame) + 2 + index * CHART_HEIGHT_ROWS, 0, drawn)
    else:
        ws.insert_chart(top + index * CHART_HEIGHT_ROWS, len(headers) + 1, drawn)


def write_workbook(
    path: str | Path,
    sheets: Sequence[ResultSheet],
    *,
    title: str = "",
    created: datetime | None = None,
    active: str | None = None,
    vba_project: bytes | None = None,
) -> Path:
    """Write `sheets` to a new workbook at `path`, atomically; return the path.

    `created` fixes the document's creation time (for builds that must not change from run to
    run); by default it is now. `vba_project` (the bytes of a `vbaProject.bin`) makes an `.xlsm`
    with those macros; its document modules must be ThisWorkbook and Sheet1, Sheet2, … in order.
    """
    target = Path(path)
    with atomic_path(target) as temporary:
        cells = sum(sheet.frame.size for sheet in sheets)
        streaming = cells > STREAM_CELLS and not any(sheet.excel_table for sheet in sheets)
        book = xlsxwriter.Workbook(
            str(temporary),
            {
                "strings_to_formulas": False,
                "strings_to_numbers": False,
                "strings_to_urls": False,
                "default_date_format": "dd-mm-yyyy",
                "constant_memory": streaming,
            },
        )
        book.set_properties(
            {
                "title": title or target.stem,
                "author": "xlbo",
                "comments": "Made with xlbo",
                "created": created or datetime.now(),
            }
        )
        if vba_project is not None:
            book.add_vba_project(io.BytesIO(vba_project), is_stream=True)
            book.set_vba_name("ThisWorkbook")
        styles, lists = _Styles(book), _Lists(book)
        bodies = []
        for number, sheet in enumerate(sheets, start=1):
            body = _write_sheet(book, styles, lists, sheet)
            if body is not None:
                bodies.append(body)
            if vba_project is not None:
                book.get_worksheet_by_name(sheet.name).set_vba_name(f"Sheet{number}")
        lists.finish()
        if active:
            book.get_worksheet_by_name(active).activate()
        book.close()
        fill_bodies(temporary, bodies)
    return target
