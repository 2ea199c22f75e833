"""Excel's XML Spreadsheet 2003 (SpreadsheetML), which NetSuite, Ujjivan Small Finance Bank's
portal and other systems write and name `.xls`: one XML file, its sheets `<Worksheet>`, their
rows `<Row>`, cells `<Cell>` and values `<Data ss:Type=…>`. Read without resolving entities
(defusedxml refuses a file that declares any).

>>> text = '''<?xml version="1.0"?><?mso-application progid="Excel.Sheet"?>
... <Workbook xmlns="urn:schemas-microsoft-com:office:spreadsheet"
...  xmlns:ss="urn:schemas-microsoft-com:office:spreadsheet">
... <Worksheet ss:Name="GL"><Table>
... <Row><Cell><Data ss:Type="String">Date</Data></Cell><Cell><Data ss:Type="String">Amount</Data></Cell></Row>
... <Row><Cell><Data ss:Type="DateTime">2026-11-02T00:00:00.000</Data></Cell>
...  <Cell ss:Index="3"><Data ss:Type="Number">45000</Data></Cell></Row>
... </Table></Worksheet></Workbook>'''
>>> book = parse_spreadsheet_2003(text)
>>> book.names, book.rows["GL"]
(['GL'], [['Date', 'Amount', ''], [datetime.datetime(2026, 11, 2, 0, 0), '', 45000]])
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from typing import Any
from xml.etree.ElementTree import Element, ParseError

import defusedxml
import defusedxml.ElementTree as SafeTree

from xlbo.book.limits import MAX_TEXT_CELLS

SS = "{urn:schemas-microsoft-com:office:spreadsheet}"
EXCEL = "{urn:schemas-microsoft-com:office:excel}"
NAMESPACE = b"urn:schemas-microsoft-com:office:spreadsheet"
"""What the first bytes of such a file hold (its `<Workbook xmlns=…>`)."""
LAST_ROW, LAST_COLUMN = 1_048_576, 16_384
"""Excel's last row and column: an `ss:Index` or a merge past them is no workbook's (a file of
450 bytes asked for a hundred million cells)."""


class NotSpreadsheet2003(ValueError):
    """The file is no XML Spreadsheet 2003 that can be read (broken XML, entities declared)."""


@dataclass
class Spreadsheet2003:
    names: list[str] = field(default_factory=list)
    rows: dict[str, list[list[Any]]] = field(default_factory=dict)
    hidden: list[str] = field(default_factory=list)
    merges: dict[str, list[tuple[tuple[int, int], tuple[int, int]]]] = field(default_factory=dict)
    hidden_rows: dict[str, list[int]] = field(default_factory=dict)
    """Each sheet's rows marked `ss:Hidden="1"` (Excel's numbers, 1 the first)."""
    hidden_columns: dict[str, list[tuple[int, int]]] = field(default_factory=dict)
    """Each sheet's hidden columns as spans (first, last; 1 is A)."""


def is_spreadsheet_2003(head: bytes) -> bool:
    """Whether a file's first bytes (a few KB) are an XML Spreadsheet 2003's."""
    sample = head.removeprefix(b"\xef\xbb\xbf").lstrip()
    if sample.startswith((b"\xff\xfe", b"\xfe\xff")):  # UTF-16, as some systems write it
        sample = sample.decode("utf-16", errors="ignore").encode("utf-8")
    return sample.startswith(b"<?xml") and NAMESPACE in sample


def parse_spreadsheet_2003(text: str) -> Spreadsheet2003:
    """Every sheet's rows (blank cells are ""), padded to one width, its merged cells and
    which sheets are hidden."""
    try:
        root = SafeTree.fromstring(text)
    except defusedxml.DefusedXmlException:
        raise NotSpreadsheet2003("it declares entities, which xlbo does not expand") from None
    except ParseError as error:
        raise NotSpreadsheet2003(f"its XML is broken ({error})") from None
    book = Spreadsheet2003()
    for sheet in root.iter(f"{SS}Worksheet"):
        name = sheet.get(f"{SS}Name") or f"Sheet{len(book.names) + 1}"
        book.names.append(name)
        table = sheet.find(f"{SS}Table")
        rows, merges = _rows(table)
        book.rows[name] = rows
        book.merges[name] = merges
        book.hidden_rows[name], book.hidden_columns[name] = _hidden(table)
        visible = sheet.find(f"{EXCEL}WorksheetOptions/{EXCEL}Visible")
        if visible is not None and (visible.text or "").strip() in (
            "SheetHidden",
            "SheetVeryHidden",
        ):
            book.hidden.append(name)
    return book


def _rows(
    table: Element | None,
) -> tuple[list[list[Any]], list[tuple[tuple[int, int], tuple[int, int]]]]:
    """A `<Table>`'s cells by row and column from A1: `ss:Index` skips to a row or a column,
    `ss:MergeAcross`/`ss:MergeDown` spread a cell (its value in its first cell only)."""
    rows: list[list[Any]] = []
    merges: list[tuple[tuple[int, int], tuple[int, int]]] = []
    if table is None:
        return rows, merges
    for row in table.iter(f"{SS}Row"):
        at = _index(row, len(rows), LAST_ROW)
        rows.extend([] for _ in range(at - len(rows)))
        cells: list[Any] = []
        for cell in row.iter(f"{SS}Cell"):
            column = _index(cell, len(cells), LAST_COLUMN)
            cells.extend("" for _ in range(column - len(cells)))
            cells.append(_value(cell.find(f"{SS}Data")))
            across = _count(cell.get(f"{SS}MergeAcross"))
            down = _count(cell.get(f"{SS}MergeDown"))
            if column + across >= LAST_COLUMN or at + down >= LAST_ROW:
                raise NotSpreadsheet2003("a merged cell reaches past Excel's last row or column")
            if across or down:
                merges.append(((at, column), (at + down, column + across)))
            cells.extend("" for _ in range(across))
        rows.append(cells)
    width = max((len(r) for r in rows), default=0)
    if width * len(rows) > MAX_TEXT_CELLS:  # before the rows are padded to one width
        raise NotSpreadsheet2003(
            f"it holds {len(rows):,} rows of up to {width:,} cells, more than xlbo reads"
        )
    return [r + [""] * (width - len(r)) for r in rows], merges


def _hidden(table: Element | None) -> tuple[list[int], list[tuple[int, int]]]:
    """The rows and the columns (as spans) a `<Table>` marks `ss:Hidden="1"`, placed as
    `_rows` places them (`ss:Index`, else after the last; a column's `ss:Span` more)."""
    rows: list[int] = []
    columns: list[tuple[int, int]] = []
    if table is None:
        return rows, columns
    at = -1
    for column in table.iter(f"{SS}Column"):
        at = _index(column, at + 1, LAST_COLUMN)
        span = _count(column.get(f"{SS}Span"))
        if column.get(f"{SS}Hidden") == "1":
            columns.append((at + 1, min(at + 1 + span, LAST_COLUMN)))
        at += span
    at = -1
    for row in table.iter(f"{SS}Row"):
        at = _index(row, at + 1, LAST_ROW)
        if row.get(f"{SS}Hidden") == "1":
            rows.append(at + 1)
    return rows, columns


def _index(element: Element, next_at: int, last: int) -> int:
    """Where a row or cell goes (from 0): its `ss:Index` (from 1), else after the last; one
    past Excel's `last` row or column is refused."""
    written = _count(element.get(f"{SS}Index"))
    at = written - 1 if written > next_at else next_at
    if at >= last:
        raise NotSpreadsheet2003("a cell lies past Excel's last row or column")
    return at


def _count(text: str | None) -> int:
    try:
        return max(int(text or 0), 0)
    except ValueError:
        return 0


def _value(data: Element | None) -> Any:
    """A cell's value as its type says: a Number a number, a DateTime a datetime, a Boolean a
    bool, anything else its text (formatting inside it, `<B>`, is left out)."""
    if data is None:
        return ""
    text = "".join(data.itertext())
    kind = data.get(f"{SS}Type", "String")
    try:
        if kind == "Number":
            number = float(text)
            return int(number) if number.is_integer() and abs(number) < 2**53 else number
        if kind == "DateTime":
            return datetime.fromisoformat(text.strip().rstrip("Z")[:26])
        if kind == "Boolean":
            return text.strip() == "1"
    except ValueError:
        return text
    return text
