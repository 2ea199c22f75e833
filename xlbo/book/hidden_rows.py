"""Rows and columns Excel does not show on a sheet: hidden by the user, or rows filtered out by
an AutoFilter.

calamine hands over every row's cells, shown or not; whether a row is shown is in each format's
own records, read here: an .xlsx sheet's XML (`<row r="7" hidden="1">`, its `<autoFilter>`),
an .ods content.xml (`<table:table-row table:visibility="collapse">` for a row hidden by hand,
`"filter"` for one a filter hides) and an .xls Workbook stream (a ROW record's fDyZero flag, the
sheet's FILTERMODE record, the `_FilterDatabase` name giving the filter's range, its AUTOFILTER
records: `xlbo.book.xls_filter`). A reader that reads such rows says so: the user who hid rows
to leave them out should know they were read, and whether a filter or their own hand hid them
tells them where to look.

    hidden_rows(archive, "xl/worksheets/sheet1.xml")  # HiddenRows(rows=(3, 7), filtered=(7,))

A hidden row is filtered out only when a filter with criteria is on, the row lies under its
header within its range, and one of its cells fails a criterion (`xlbo.book.filter_criteria`
judges the criteria on the row's cells; an .xls's are read as the same `<customFilters>`): a
row hidden outside that range, on a sheet whose AutoFilter only shows its drop-down buttons
(no criteria), or whose cells pass every criterion, was hidden by hand. Where the criteria
cannot be judged (a top-10 or colour filter, a number in a format not reproduced — any number
of an .xls compared with a text, its formats not being read — or an .xls that also holds
Excel 2007's AUTOFILTER12 records), the row is `under_filter`: the filter or the user hid it,
and the user is told both.

An Excel 95 (BIFF5) .xls, whose stream is `Book`, is read the same way for its hidden rows
and columns and its filter's range (its names written in its code page); its AutoFilter's
criteria are not judged: its hidden rows in the filter's range stay under the filter.

Hidden columns are read too (`<col hidden="1">` or of width 0, `<table:table-column
table:visibility="collapse">`, a COLINFO record's fHidden), as spans: a reader names those it
read from.
"""

from __future__ import annotations

import codecs
import posixpath
import re
import struct
import zipfile
from dataclasses import dataclass
from typing import Any

from defusedxml import ElementTree

from xlbo.book.filter_criteria import (
    BLANK,
    Cell,
    Formats,
    Lookups,
    column_number,
    judge,
    local_name,
    row_cells,
)
from xlbo.book.sheet_reach import ods_sheet_name
from xlbo.book.xls_filter import (
    AUTOFILTER,
    AUTOFILTER12,
    NoFormats,
    autofilter,
    records,
    shared_strings,
    sheet_cells,
)

HIDDEN_MARKS = (
    b'hidden="',
    *(space + size for space in (b" ", b"\t", b"\n", b"\r") for size in (b'ht="0', b'width="0')),
)
"""What a sheet's XML holds if any row or column is unseen: `hidden="1"`, or a height or width
of zero (a `<row ht="0" customHeight="1">` or `<col width="0">` some programs write for what
they hide, which Excel shows as hidden though no `hidden` is set). The white space before `ht`
and `width` (a space as Excel writes it, or a tab or line break, as XML allows) keeps out the
`right="0.7"` of the `<pageMargins>` Excel writes on every sheet, which would send every sheet
to the slow path of reading its XML whole."""
_HIDDEN_ROW = re.compile(
    rb'<row\b(?=[^>]*\b(?:hidden="(?:1|true)"|ht="0*(?:\.0*)?"))[^>]*?\br="(\d+)"'
)
_FILTER = re.compile(
    rb"<autoFilter\b[^>]*?\bref=\"\$?([A-Za-z]{1,3})\$?(\d+)(?::\$?[A-Za-z]{1,3}\$?(\d+))?\""
    rb"[^>]*?(/?)>"
)
_FILTER_COLUMN = re.compile(rb"<filterColumn\b")
_FILTER_END = b"</autoFilter>"
_TABLE_PARTS = b"<tableParts"  # the sheet holds Excel Tables (ListObjects), each its own filter
_RELATIONSHIPS = "{http://schemas.openxmlformats.org/package/2006/relationships}Relationship"
_TABLE_RELATIONSHIP = "/table"  # how a relationship's Type ends for a sheet's Table part
_SHEET_MAIN = "{http://schemas.openxmlformats.org/spreadsheetml/2006/main}"
_CELL_RANGE = re.compile(r"\$?([A-Za-z]{1,3})\$?(\d+)(?::\$?[A-Za-z]{1,3}\$?(\d+))?")
_PREFIXED_TAG = re.compile(rb"<(/?)[A-Za-z_][\w.-]*:")
_PREFIXED_ATTRIBUTE = re.compile(rb"(\s)[A-Za-z_][\w.-]*:([A-Za-z_][\w.-]*\s*=)")
_SHEET_DATA = b"<sheetData"
_COLUMN = re.compile(rb"<col\b([^>]*)>")
_COLUMN_HIDDEN = re.compile(rb"""\bhidden\s*=\s*["'](?:1|true)["']""")
_COLUMN_WIDTH = re.compile(rb"""\bwidth\s*=\s*["']([-+.\deE]{1,30})["']""")
_COLUMN_MIN = re.compile(rb"""\bmin\s*=\s*["'](\d{1,12})["']""")
_COLUMN_MAX = re.compile(rb"""\bmax\s*=\s*["'](\d{1,12})["']""")
LAST_COLUMN = 16384  # Excel's last column, XFD: a span past it is cut there


@dataclass(frozen=True)
class HiddenRows:
    """A sheet's rows and columns Excel does not show (Excel's numbers, 1 the first; column 1
    is A). Of the hidden rows: those an AutoFilter left out (`filtered`, a criterion of it
    fails on the row's cells), those under a filter whose criteria could not be judged on the
    row (`under_filter`: a top-10, colour or dynamic filter, a number shown in a format not
    reproduced here), and the rest, hidden by hand (`by_hand`). `columns` are the hidden
    columns as spans (first, last), never expanded: a `<col max="16384">` is one span."""

    rows: tuple[int, ...] = ()
    filtered: tuple[int, ...] = ()
    under_filter: tuple[int, ...] = ()
    columns: tuple[tuple[int, int], ...] = ()

    @property
    def by_hand(self) -> tuple[int, ...]:
        """The hidden rows no filter hides: unhiding them shows them, clearing a filter does not."""
        left_out = set(self.filtered) | set(self.under_filter)
        return tuple(row for row in self.rows if row not in left_out)

    def column_hidden(self, column: int) -> bool:
        """Whether column `column` (1 is A) is hidden."""
        return any(first <= column <= last for first, last in self.columns)


def _under_filter(rows: tuple[int, ...], header: int, last: int) -> tuple[int, ...]:
    """The rows a filter whose header is row `header` and whose range ends at row `last`
    can hide: those below its header, within its range."""
    return tuple(row for row in rows if header < row <= last)


def hidden_rows(archive: zipfile.ZipFile, part: str) -> HiddenRows:
    """The hidden rows and columns of the worksheet XML `part` of an .xlsx/.xlsm; none for a
    part missing or unreadable (the sheet was read; whether rows are shown is only told). A
    hidden row under the sheet's AutoFilter or an Excel Table's own filter, either with
    criteria, is judged on its cells (`_judged`): filtered out, hidden by hand, or, where the
    criteria cannot be judged here, hidden under the filter."""
    try:
        xml = archive.read(part)
    except (KeyError, zipfile.BadZipFile, OSError):
        return HiddenRows()
    if not any(mark in xml for mark in HIDDEN_MARKS):
        return HiddenRows()
    columns = _hidden_columns(xml)
    starts = {int(found.group(1)): found.start() for found in _HIDDEN_ROW.finditer(xml)}
    rows = tuple(starts)
    if not rows:
        return HiddenRows(columns=columns)
    filters = _sheet_filter(xml)
    if _TABLE_PARTS in xml:
        filters += _table_filters(archive, part)
    if not filters:
        return HiddenRows(rows, columns=columns)
    filtered, unsure = _judged(xml, starts, filters, Lookups(archive, part))
    return HiddenRows(rows, filtered, unsure, columns)


def _hidden_columns(xml: bytes) -> tuple[tuple[int, int], ...]:
    """The sheet's hidden columns, (first, last) from 1, as its `<cols>` (before the cells)
    gives them: `<col min="3" max="3" hidden="1">`, or of width 0. A span is cut at Excel's
    last column (Excel writes `max="16384"` for the columns past the used ones)."""
    head = xml.find(_SHEET_DATA)
    spans = []
    for found in _COLUMN.finditer(xml, 0, head if head >= 0 else len(xml)):
        attributes = found.group(1)
        if not (_COLUMN_HIDDEN.search(attributes) or _zero_width(attributes)):
            continue
        first, last = _COLUMN_MIN.search(attributes), _COLUMN_MAX.search(attributes)
        if first is None:
            continue
        low = max(int(first.group(1)), 1)
        high = min(int(last.group(1)) if last else low, LAST_COLUMN)
        if low <= high:
            spans.append((low, high))
    return tuple(spans)


def _zero_width(attributes: bytes) -> bool:
    """Whether a `<col>`'s width is 0: not seen, though not marked hidden."""
    width = _COLUMN_WIDTH.search(attributes)
    try:
        return width is not None and float(width.group(1)) == 0
    except ValueError:
        return False


@dataclass(frozen=True)
class _Filter:
    """An AutoFilter with criteria: its header row and last row, and each filtered column
    (from 1) with its `<filterColumn>` element; `judged` False for a filter whose criteria
    could not be read (XML broken, a column not named): rows under it are not judged."""

    header: int
    last: int
    columns: tuple[tuple[int, Any], ...] = ()
    judged: bool = True


def _filter(span: tuple[str, str, str | None], element: Any) -> _Filter:
    """The filter over `span` (first column's letters, header row, last row) with the criteria
    of `element` (an `<autoFilter>`, tags with or without their namespace; None unreadable).
    `<filterColumn colId="N">` counts from the range's first column."""
    letters, header, last = span
    first_row, last_row = int(header), int(last or header)
    if element is None:
        return _Filter(first_row, last_row, judged=False)
    first_column = column_number(letters)
    columns = []
    for each in element:
        if local_name(each.tag) != "filterColumn":
            continue
        offset = _offset(each.get("colId"))
        if offset is None or first_column + offset > LAST_COLUMN:
            return _Filter(first_row, last_row, judged=False)
        columns.append((first_column + offset, each))
    return _Filter(first_row, last_row, tuple(columns))


def _offset(text: str | None) -> int | None:
    """A `colId` as a column offset; None for one that is no number or is negative."""
    try:
        offset = int(text or "")
    except ValueError:
        return None
    return offset if offset >= 0 else None


def _sheet_filter(xml: bytes) -> list[_Filter]:
    """The sheet's AutoFilter if it has criteria; none otherwise. Its XML is read alone, the
    namespace prefixes of Excel 2010's additions (`x14:`) taken off, as the sheet's
    declarations are not in it."""
    found = _FILTER.search(xml)
    if found is None or found.group(4):  # no filter, or one with no criteria
        return []
    end = xml.find(_FILTER_END, found.end())
    if end < 0 or not _FILTER_COLUMN.search(xml, found.end(), end):
        return []
    span = (
        found.group(1).decode(),
        found.group(2).decode(),
        found.group(3).decode() if found.group(3) else None,
    )
    text = xml[found.start() : end + len(_FILTER_END)]
    text = _PREFIXED_ATTRIBUTE.sub(rb"\1\2", _PREFIXED_TAG.sub(rb"<\1", text))
    try:
        element = ElementTree.fromstring(text)
    except (ElementTree.ParseError, ValueError):  # ValueError: defusedxml's refusals
        element = None
    return [_filter(span, element)]


def _table_filters(archive: zipfile.ZipFile, part: str) -> list[_Filter]:
    """Each Excel Table on the sheet `part` whose own AutoFilter has criteria: the sheet's
    relationships name its Table parts (xl/tables/tableN.xml), small parts read whole. A
    relationship or Table part missing or broken gives none for it: its hidden rows are then
    called hidden, not filtered (nothing is claimed that was not read)."""
    folder, name = posixpath.split(part)
    try:
        relationships = ElementTree.fromstring(
            archive.read(posixpath.join(folder, "_rels", name + ".rels"))
        )
    except (KeyError, zipfile.BadZipFile, OSError, ElementTree.ParseError, ValueError):
        return []
    filters = []
    for relationship in relationships.iter(_RELATIONSHIPS):
        if not relationship.get("Type", "").endswith(_TABLE_RELATIONSHIP):
            continue
        target = relationship.get("Target", "")
        table = (
            target.lstrip("/")
            if target.startswith("/")
            else posixpath.normpath(posixpath.join(folder, target))
        )
        try:
            root = ElementTree.fromstring(archive.read(table))
        except (KeyError, zipfile.BadZipFile, OSError, ElementTree.ParseError, ValueError):
            continue
        found = root.find(_SHEET_MAIN + "autoFilter")
        if found is None or found.find(_SHEET_MAIN + "filterColumn") is None:
            continue
        span = _CELL_RANGE.fullmatch(found.get("ref", "") or root.get("ref", ""))
        if span is not None:
            filters.append(_filter((span.group(1), span.group(2), span.group(3)), found))
    return filters


def _judged(
    xml: bytes, starts: dict[int, int], filters: list[_Filter], lookups: Lookups
) -> tuple[tuple[int, ...], tuple[int, ...]]:
    """Of the hidden rows (row → where its `<row>` starts in `xml`), those a filter over them
    left out (a criterion fails on the row's cells) and those it may have (a criterion
    cannot be judged, none fails); the others pass every criterion: hidden by hand. Only
    these rows' cells in the filtered columns are read."""
    filtered, unsure = [], []
    for row, start in starts.items():
        over = [each for each in filters if each.header < row <= each.last]
        if not over:
            continue
        wanted = {column for each in over for column, _ in each.columns}
        cells = row_cells(_row_body(xml, start), row, wanted, lookups) if wanted else {}
        verdicts = [_verdict(each, cells, lookups) for each in over]
        if False in verdicts:
            filtered.append(row)
        elif None in verdicts:
            unsure.append(row)
    return tuple(filtered), tuple(unsure)


def _verdict(over: _Filter, cells: dict[int, Cell], lookups: Formats) -> bool | None:
    """Whether a row's cells pass every criterion of the filter `over` them: False as soon as
    one fails (the filter hides the row, whatever else is unknown), None if one cannot be
    judged and none fails, True if all pass."""
    if not over.judged:
        return None
    verdict: bool | None = True
    for column, criteria in over.columns:
        passes = judge(criteria, cells.get(column, BLANK), lookups)
        if passes is False:
            return False
        if passes is None:
            verdict = None
    return verdict


def _row_body(xml: bytes, start: int) -> bytes:
    """The content of the `<row>` element starting at `start`; empty for `<row …/>`."""
    tag_end = xml.find(b">", start)
    if tag_end < 0 or xml[tag_end - 1 : tag_end] == b"/":
        return b""
    end = xml.find(b"</row>", tag_end)
    return xml[tag_end + 1 : end] if end >= 0 else b""


# -- .ods -----------------------------------------------------------------------------------

_ODS_TAG = re.compile(rb"<table:(table|table-row|table-column)(?=[\s/>])([^>]*)>")
_ODS_REPEAT = re.compile(rb"""\btable:number-rows-repeated\s*=\s*["']0*(\d{1,12})["']""")
_ODS_COLUMNS_REPEAT = re.compile(rb"""\btable:number-columns-repeated\s*=\s*["']0*(\d{1,12})["']""")
_ODS_VISIBILITY = re.compile(rb"""\btable:visibility\s*=\s*["'](collapse|filter)["']""")


@dataclass
class _OdsTable:
    """One table's hidden rows, those of them a filter hides, and its hidden column spans, as
    they are counted."""

    rows: list[int]
    filtered: list[int]
    columns: list[tuple[int, int]]


def ods_hidden_rows(content: bytes, last_rows: dict[str, int]) -> dict[str, HiddenRows]:
    """Each table's hidden rows and columns in an .ods content.xml, counted as calamine counts
    rows (every `<table:table-row>` from row 1, `table:number-rows-repeated` times; a row
    inside a header or group element counts where it stands). A run of repeated hidden rows
    is counted only up to the table's last row holding a value (`last_rows`, table name →
    row; absent, none): LibreOffice writes the million empty rows below the data as one run,
    which may be hidden. The .ods says which rows a filter hides (`table:visibility="filter"`)
    and which the user hid (`"collapse"`): nothing is left to judge. Columns are counted the
    same way (`table:number-columns-repeated`), as spans, cut at Excel's last column."""
    if b"table:visibility" not in content:  # most workbooks: every row shown
        return {}
    found: dict[str, _OdsTable] = {}
    table: _OdsTable | None = None
    sheet, row, column = "", 0, 0
    for match in _ODS_TAG.finditer(content):
        kind, attributes = match.group(1), match.group(2)
        if kind == b"table":
            sheet = ods_sheet_name(attributes)
            table = found.setdefault(sheet, _OdsTable([], [], []))
            row = column = 0
            continue
        visibility = _ODS_VISIBILITY.search(attributes)
        if kind == b"table-column":
            repeat = _ODS_COLUMNS_REPEAT.search(attributes)
            count = int(repeat.group(1)) if repeat else 1
            if visibility is not None and table is not None and column < LAST_COLUMN:
                table.columns.append((column + 1, min(column + count, LAST_COLUMN)))
            column += count
            continue
        repeat = _ODS_REPEAT.search(attributes)
        count = int(repeat.group(1)) if repeat else 1
        if visibility is not None and table is not None:
            shown_up_to = last_rows.get(sheet, 0)
            numbers = range(row + 1, min(row + count, shown_up_to) + 1)
            table.rows.extend(numbers)
            if visibility.group(1) == b"filter":
                table.filtered.extend(numbers)
        row += count
    return {
        sheet: HiddenRows(tuple(t.rows), tuple(t.filtered), columns=tuple(t.columns))
        for sheet, t in found.items()
        if t.rows or t.columns
    }


# -- .xls (BIFF8) ---------------------------------------------------------------------------

_BOUNDSHEET = 0x0085
_NAME = 0x0018
_FILEPASS = 0x002F  # the stream is encrypted: its records cannot be read
_EOF = 0x000A
_ROW = 0x0208
_ROW_HIDDEN = 0x20  # fDyZero in the ROW record's option flags: the row's height is zero
_FILTERMODE = 0x009B  # the sheet's AutoFilter has criteria that hide rows
_FILTER_DATABASE = 0x0D  # the built-in name `_FilterDatabase`: the AutoFilter's range
_PTG_AREA_3D = frozenset({0x3B, 0x5B, 0x7B})
_COLINFO = 0x007D  # a span of columns' width and options
_COLINFO_HIDDEN = 0x0001  # fHidden in COLINFO's option flags
_BOF = b"\x09\x08"  # the stream's first record, BOF, its version after its length
_BIFF5 = 0x0500
_CODEPAGE = 0x0042  # BIFF5's code page for its text
_SST = 0x00FC  # the workbook's shared strings
_CONTINUE = 0x003C  # the rest of the record before it


def xls_hidden_rows(stream: bytes) -> dict[str, HiddenRows]:
    """Each worksheet's hidden rows in an .xls Workbook stream (BIFF8): the globals' BOUNDSHEET
    records give each sheet's name and where its records start; a ROW record with fDyZero is
    a hidden row (its first field the row, 0 the first); a sheet with a FILTERMODE record has
    a filter with criteria on, over the range its `_FilterDatabase` name gives: its hidden
    rows there are judged on the criteria of its AUTOFILTER records (`_xls_judged`). A
    COLINFO record with fHidden is a span of hidden columns. An encrypted or broken stream
    gives none."""
    try:
        return _xls_hidden_rows(stream)
    except (struct.error, IndexError, UnicodeDecodeError, ValueError):
        return {}


def _xls_hidden_rows(stream: bytes) -> dict[str, HiddenRows]:
    # BIFF5 (Excel 5 and 95): sheet names and the filter's name written otherwise, its
    # AutoFilter's criteria not judged (its rows stay under the filter)
    biff5 = stream[:2] == _BOF and struct.unpack_from("<H", stream, 4)[0] == _BIFF5
    codec = "cp1252"  # BIFF5's text, until its CODEPAGE record says otherwise
    sheets: list[tuple[str, int]] = []  # name, offset of its BOF, in BOUNDSHEET order
    ranges: dict[int, tuple[int, int, int]] = {}  # sheet index (0 the first) → its filter's
    # first and last row and first column, 0-based
    strings: list[tuple[int, int]] = []  # the SST's body and its CONTINUE records'
    for kind, body, length in records(stream):
        if kind == _FILEPASS:
            return {}
        if kind == _EOF:
            break
        if kind == _SST or (
            kind == _CONTINUE and strings and strings[-1][0] + strings[-1][1] + 4 == body
        ):
            strings.append((body, length))
            continue
        if kind == _CODEPAGE and length >= 2:
            codec = _codec(struct.unpack_from("<H", stream, body)[0])
        elif kind == _BOUNDSHEET and biff5 and length >= 7:
            offset, sheet_type, characters = struct.unpack_from("<IxBB", stream, body)
            name = stream[body + 7 : body + 7 + characters].decode(codec, "replace")
            sheets.append((name if sheet_type == 0 else "", offset))
        elif kind == _BOUNDSHEET and length >= 8:
            offset, sheet_type, characters, wide = struct.unpack_from("<IxBBB", stream, body)
            text = stream[body + 8 : body + 8 + characters * (2 if wide & 1 else 1)]
            name = text.decode("utf-16-le" if wide & 1 else "latin-1")
            if sheet_type == 0:  # a worksheet (not a chart or macro sheet)
                sheets.append((name, offset))
            else:
                sheets.append(("", offset))
        elif kind == _NAME and length >= 17:
            record = stream[body : body + length]
            area = _filter_database5(record) if biff5 else _filter_database(record)
            if area is not None:
                ranges[area[0]] = area[1]
    found: dict[str, HiddenRows] = {}
    for index, (name, offset) in enumerate(sheets):
        if not name:
            continue
        rows: list[int] = []
        columns: list[tuple[int, int]] = []
        filter_on = False
        criteria: list[bytes] = []  # the AUTOFILTER records' bodies
        newer = False  # an AUTOFILTER12 record: criteria not judged here
        for kind, body, length in records(stream, offset):
            if kind == _EOF:
                break
            if kind == AUTOFILTER:
                criteria.append(stream[body : body + length])
            elif kind == AUTOFILTER12:
                newer = True
            elif kind == _FILTERMODE:
                filter_on = True
            elif kind == _ROW and length >= 16:
                row, flags = struct.unpack_from("<H10xH", stream, body)
                if flags & _ROW_HIDDEN:
                    rows.append(row + 1)
            elif kind == _COLINFO and length >= 10:
                first, last, flags = struct.unpack_from("<HH4xH", stream, body)
                if flags & _COLINFO_HIDDEN and first <= last:
                    columns.append((first + 1, min(last + 1, LAST_COLUMN)))
        if not rows and not columns:
            continue
        hidden = tuple(rows)
        span = ranges.get(index)
        under = _under_filter(hidden, span[0] + 1, span[1] + 1) if filter_on and span else ()
        filtered: tuple[int, ...] = ()
        if under and criteria and not newer and span and not biff5:
            judged = _xls_judged(stream, offset, under, span[2], criteria, strings)
            if judged is not None:
                filtered, under = judged
        found[name] = HiddenRows(hidden, filtered, under, tuple(columns))
    return found


def _xls_judged(
    stream: bytes,
    offset: int,
    rows: tuple[int, ...],
    first_column: int,
    criteria: list[bytes],
    strings: list[tuple[int, int]],
) -> tuple[tuple[int, ...], tuple[int, ...]] | None:
    """Of hidden `rows` (Excel's numbers) under a sheet's AutoFilter whose range starts at
    column `first_column` (0 is A), those its criteria (AUTOFILTER records) leave out, and
    those they may (one cannot be judged, none fails); the others pass every criterion: hidden
    by hand. None where a record cannot be read: every row is then under the filter."""
    try:
        columns = []
        for body in criteria:
            column, element = autofilter(body)
            if element is None:
                return None
            columns.append((first_column + column, element))
        wanted = {(row - 1, column) for row in rows for column, _ in columns}
        cells = sheet_cells(stream, offset, wanted, lambda: shared_strings(stream, strings))
    except (struct.error, IndexError, UnicodeDecodeError, ValueError):
        return None
    by_row: dict[int, dict[int, Cell]] = {}
    for (row, column), cell in cells.items():
        by_row.setdefault(row + 1, {})[column] = cell
    over = _Filter(0, 0, tuple(columns))  # its rows are `rows`, already under it
    filtered, unsure = [], []
    for row in rows:
        verdict = _verdict(over, by_row.get(row, {}), NoFormats())
        if verdict is False:
            filtered.append(row)
        elif verdict is None:
            unsure.append(row)
    return tuple(filtered), tuple(unsure)


def _filter_database(record: bytes) -> tuple[int, tuple[int, int, int]] | None:
    """(sheet index from 0, (first row, last row, first column) from 0) of a NAME record that
    is a sheet's `_FilterDatabase`; None for any other name. BIFF8 NAME: option flags (fBuiltin
    0x20), key, name length, formula length, two indexes (the second the sheet's, from 1), four
    text lengths, the name (a flag byte, then its characters), then the formula: a ptgArea3d
    with its sheet reference, first and last row, first and last column."""
    flags, characters, formula, sheet = struct.unpack_from("<HxBH2xH", record, 0)
    if not flags & 0x20 or characters != 1 or sheet == 0:
        return None
    wide = record[14] & 1
    name = struct.unpack_from("<H" if wide else "<B", record, 15)[0]
    at = 15 + (2 if wide else 1)
    if name != _FILTER_DATABASE or formula < 11 or record[at] not in _PTG_AREA_3D:
        return None
    first, last, column = struct.unpack_from("<2xHHH", record, at + 1)
    return sheet - 1, (first, last, column & 0x3FFF)


def _filter_database5(record: bytes) -> tuple[int, tuple[int, int, int]] | None:
    """`_filter_database` of a BIFF5 NAME record: option flags, key, name length, formula
    length, the sheet's index from 1 at offset 8, four text lengths, the name's bytes (no flags
    byte), then a ptgArea3d of BIFF5: its sheet reference and 12 more bytes, first and last row
    (their top two bits flags), first and last column (a byte each)."""
    flags, characters, formula, sheet = struct.unpack_from("<HxBH2xH", record, 0)
    if not flags & 0x20 or characters != 1 or sheet == 0 or formula < 21:
        return None
    if record[14] != _FILTER_DATABASE or record[15] not in _PTG_AREA_3D:
        return None
    first, last, column = struct.unpack_from("<HHB", record, 16 + 14)
    return sheet - 1, (first & 0x3FFF, last & 0x3FFF, column)


def _codec(code_page: int) -> str:
    """The Python codec of a BIFF5 CODEPAGE (1252 → cp1252; Mac Roman; cp1252 if unknown)."""
    name = {32768: "mac_roman", 32769: "cp1252", 367: "ascii", 1200: "utf-16-le"}.get(
        code_page, f"cp{code_page}"
    )
    try:
        codecs.lookup(name)
    except LookupError:
        return "cp1252"
    return name
