"""Rows Excel does not show on a sheet: hidden by the user, or filtered out by an AutoFilter.

calamine hands over every row's cells, shown or not; whether a row is shown is in each format's
own records, read here: an .xlsx sheet's XML (`<row r="7" hidden="1">`, its `<autoFilter>`),
an .ods content.xml (`<table:table-row table:visibility="collapse">` for a row hidden by hand,
`"filter"` for one a filter hides) and an .xls Workbook stream (a ROW record's fDyZero flag, the
sheet's FILTERMODE record and the `_FilterDatabase` name giving the filter's range). A reader
that reads such rows says so: the user who hid rows to leave them out should know they were
read, and whether a filter or their own hand hid them tells them where to look.

    hidden_rows(archive, "xl/worksheets/sheet1.xml")  # HiddenRows(rows=(3, 7), filtered=(7,))

A row is counted as filtered out only when a filter with criteria is on and the row lies under
its header within its range: a row hidden outside that range, or on a sheet whose
AutoFilter only shows its drop-down buttons (no criteria), was hidden by hand.
"""

from __future__ import annotations

import html
import posixpath
import re
import struct
import zipfile
from collections.abc import Iterator
from dataclasses import dataclass

from defusedxml import ElementTree

HIDDEN_MARKS = (b'hidden="', b'ht="0')
"""What a sheet's XML holds if any row is unseen: `hidden="1"`, or a height of zero (a
`<row ht="0" customHeight="1">` some programs write for a row they hide, which Excel shows
as hidden though no `hidden` is set)."""
_HIDDEN_ROW = re.compile(
    rb'<row\b(?=[^>]*\b(?:hidden="(?:1|true)"|ht="0*(?:\.0*)?"))[^>]*?\br="(\d+)"'
)
_FILTER = re.compile(
    rb"<autoFilter\b[^>]*?\bref=\"\$?[A-Za-z]{1,3}\$?(\d+)(?::\$?[A-Za-z]{1,3}\$?(\d+))?\""
    rb"[^>]*?(/?)>"
)
_FILTER_COLUMN = re.compile(rb"<filterColumn\b")
_FILTER_END = b"</autoFilter>"
_TABLE_PARTS = b"<tableParts"  # the sheet holds Excel Tables (ListObjects), each its own filter
_RELATIONSHIPS = "{http://schemas.openxmlformats.org/package/2006/relationships}Relationship"
_TABLE_RELATIONSHIP = "/table"  # how a relationship's Type ends for a sheet's Table part
_SHEET_MAIN = "{http://schemas.openxmlformats.org/spreadsheetml/2006/main}"
_CELL_RANGE = re.compile(r"\$?[A-Za-z]{1,3}\$?(\d+)(?::\$?[A-Za-z]{1,3}\$?(\d+))?")


@dataclass(frozen=True)
class HiddenRows:
    """A sheet's rows Excel does not show (Excel's numbers, 1 the first), and which of them
    an AutoFilter left out (the rest the user hid by hand)."""

    rows: tuple[int, ...] = ()
    filtered: tuple[int, ...] = ()

    @property
    def by_hand(self) -> tuple[int, ...]:
        """The hidden rows no filter hides: unhiding them shows them, clearing a filter does not."""
        left_out = set(self.filtered)
        return tuple(row for row in self.rows if row not in left_out)


def _under_filter(rows: tuple[int, ...], header: int, last: int) -> tuple[int, ...]:
    """The rows a filter whose header is row `header` and whose range ends at row `last`
    can hide: those below its header, within its range."""
    return tuple(row for row in rows if header < row <= last)


def hidden_rows(archive: zipfile.ZipFile, part: str) -> HiddenRows:
    """The hidden rows of the worksheet XML `part` of an .xlsx/.xlsm; none for a part missing
    or unreadable (the sheet was read; whether rows are shown is only told). A row is filtered
    out when it lies under the sheet's AutoFilter or under an Excel Table's own filter, either
    with criteria."""
    try:
        xml = archive.read(part)
    except (KeyError, zipfile.BadZipFile, OSError):
        return HiddenRows()
    if not any(mark in xml for mark in HIDDEN_MARKS):
        return HiddenRows()
    rows = tuple(int(number) for number in _HIDDEN_ROW.findall(xml))
    if not rows:
        return HiddenRows()
    spans = _sheet_filter(xml)
    if _TABLE_PARTS in xml:
        spans += _table_filters(archive, part)
    if not spans:
        return HiddenRows(rows)
    filtered = {row for header, last in spans for row in _under_filter(rows, header, last)}
    return HiddenRows(rows, tuple(row for row in rows if row in filtered))


def _sheet_filter(xml: bytes) -> list[tuple[int, int]]:
    """(header row, last row) of the sheet's AutoFilter if it has criteria; none otherwise."""
    found = _FILTER.search(xml)
    if found is None or found.group(3):  # no filter, or one with no criteria
        return []
    end = xml.find(_FILTER_END, found.end())
    if end < 0 or not _FILTER_COLUMN.search(xml, found.end(), end):
        return []
    return [(int(found.group(1)), int(found.group(2) or found.group(1)))]


def _table_filters(archive: zipfile.ZipFile, part: str) -> list[tuple[int, int]]:
    """(header row, last row) of each Excel Table on the sheet `part` whose own AutoFilter has
    criteria: the sheet's relationships name its Table parts (xl/tables/tableN.xml), small
    parts read whole. A relationship or Table part missing or broken gives none for it: its
    hidden rows are then called hidden, not filtered (nothing is claimed that was not read)."""
    folder, name = posixpath.split(part)
    try:
        relationships = ElementTree.fromstring(
            archive.read(posixpath.join(folder, "_rels", name + ".rels"))
        )
    except (KeyError, zipfile.BadZipFile, OSError, ElementTree.ParseError):
        return []
    spans = []
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
        except (KeyError, zipfile.BadZipFile, OSError, ElementTree.ParseError):
            continue
        found = root.find(_SHEET_MAIN + "autoFilter")
        if found is None or found.find(_SHEET_MAIN + "filterColumn") is None:
            continue
        span = _CELL_RANGE.fullmatch(found.get("ref", "") or root.get("ref", ""))
        if span is not None:
            spans.append((int(span.group(1)), int(span.group(2) or span.group(1))))
    return spans


# -- .ods -----------------------------------------------------------------------------------

_ODS_TAG = re.compile(rb"<table:(table|table-row)(?=[\s/>])([^>]*)>")
_ODS_NAME = re.compile(rb"""\btable:name\s*=\s*["']([^"']*)["']""")
_ODS_REPEAT = re.compile(rb"""\btable:number-rows-repeated\s*=\s*["']0*(\d{1,12})["']""")
_ODS_VISIBILITY = re.compile(rb"""\btable:visibility\s*=\s*["'](collapse|filter)["']""")


def ods_hidden_rows(content: bytes, last_rows: dict[str, int]) -> dict[str, HiddenRows]:
    """Each table's hidden rows in an .ods content.xml, counted as calamine counts rows (every
    `<table:table-row>` from row 1, `table:number-rows-repeated` times; a row inside a header
    or group element counts where it stands). A run of repeated hidden rows is counted only
    up to the table's last row holding a value (`last_rows`, table name → row; absent, none):
    LibreOffice writes the million empty rows below the data as one run, which may be hidden."""
    if b"table:visibility" not in content:  # most workbooks: every row shown
        return {}
    found: dict[str, tuple[list[int], list[int]]] = {}
    rows = filtered = None
    sheet, row = "", 0
    for match in _ODS_TAG.finditer(content):
        kind, attributes = match.group(1), match.group(2)
        if kind == b"table":
            name = _ODS_NAME.search(attributes)
            sheet = html.unescape(name.group(1).decode("utf-8", "replace")) if name else ""
            rows, filtered = found.setdefault(sheet, ([], []))
            row = 0
            continue
        repeat = _ODS_REPEAT.search(attributes)
        count = int(repeat.group(1)) if repeat else 1
        visibility = _ODS_VISIBILITY.search(attributes)
        if visibility is not None and rows is not None and filtered is not None:
            shown_up_to = last_rows.get(sheet, 0)
            numbers = range(row + 1, min(row + count, shown_up_to) + 1)
            rows.extend(numbers)
            if visibility.group(1) == b"filter":
                filtered.extend(numbers)
        row += count
    return {
        sheet: HiddenRows(tuple(rows), tuple(filtered))
        for sheet, (rows, filtered) in found.items()
        if rows
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


def _records(stream: bytes, at: int = 0) -> Iterator[tuple[int, int, int]]:
    """(record id, start of its body, its length) for each BIFF record from offset `at`."""
    end = len(stream) - 4
    while 0 <= at <= end:
        kind, length = struct.unpack_from("<HH", stream, at)
        yield kind, at + 4, length
        at += 4 + length


def xls_hidden_rows(stream: bytes) -> dict[str, HiddenRows]:
    """Each worksheet's hidden rows in an .xls Workbook stream (BIFF8): the globals' BOUNDSHEET
    records give each sheet's name and where its records start; a ROW record with fDyZero is
    a hidden row (its first field the row, 0 the first); a sheet with a FILTERMODE record has
    a filter with criteria on, over the range its `_FilterDatabase` name gives. An encrypted
    or broken stream gives none."""
    try:
        return _xls_hidden_rows(stream)
    except (struct.error, UnicodeDecodeError, ValueError):
        return {}


def _xls_hidden_rows(stream: bytes) -> dict[str, HiddenRows]:
    sheets: list[tuple[str, int]] = []  # name, offset of its BOF, in BOUNDSHEET order
    ranges: dict[int, tuple[int, int]] = {}  # sheet index (0 the first) → filter rows, 0-based
    for kind, body, length in _records(stream):
        if kind == _FILEPASS:
            return {}
        if kind == _EOF:
            break
        if kind == _BOUNDSHEET and length >= 8:
            offset, sheet_type, characters, wide = struct.unpack_from("<IxBBB", stream, body)
            text = stream[body + 8 : body + 8 + characters * (2 if wide & 1 else 1)]
            name = text.decode("utf-16-le" if wide & 1 else "latin-1")
            if sheet_type == 0:  # a worksheet (not a chart or macro sheet)
                sheets.append((name, offset))
            else:
                sheets.append(("", offset))
        elif kind == _NAME and length >= 17:
            area = _filter_database(stream[body : body + length])
            if area is not None:
                ranges[area[0]] = area[1]
    found: dict[str, HiddenRows] = {}
    for index, (name, offset) in enumerate(sheets):
        if not name:
            continue
        rows: list[int] = []
        filter_on = False
        for kind, body, length in _records(stream, offset):
            if kind == _EOF:
                break
            if kind == _FILTERMODE:
                filter_on = True
            elif kind == _ROW and length >= 16:
                row, flags = struct.unpack_from("<H10xH", stream, body)
                if flags & _ROW_HIDDEN:
                    rows.append(row + 1)
        if not rows:
            continue
        hidden = tuple(rows)
        span = ranges.get(index)
        if filter_on and span is not None:
            found[name] = HiddenRows(hidden, _under_filter(hidden, span[0] + 1, span[1] + 1))
        else:
            found[name] = HiddenRows(hidden)
    return found


def _filter_database(record: bytes) -> tuple[int, tuple[int, int]] | None:
    """(sheet index from 0, (first row, last row) from 0) of a NAME record that is a sheet's
    `_FilterDatabase`; None for any other name. BIFF8 NAME: option flags (fBuiltin 0x20), key,
    name length, formula length, two indexes (the second the sheet's, from 1), four text
    lengths, the name (a flag byte, then its characters), then the formula: a ptgArea3d with
    its sheet reference, first and last row, first and last column."""
    flags, characters, formula, sheet = struct.unpack_from("<HxBH2xH", record, 0)
    if not flags & 0x20 or characters != 1 or sheet == 0:
        return None
    wide = record[14] & 1
    name = struct.unpack_from("<H" if wide else "<B", record, 15)[0]
    at = 15 + (2 if wide else 1)
    if name != _FILTER_DATABASE or formula < 11 or record[at] not in _PTG_AREA_3D:
        return None
    first, last = struct.unpack_from("<2xHH", record, at + 1)
    return sheet - 1, (first, last)
