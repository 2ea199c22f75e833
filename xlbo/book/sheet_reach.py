"""How far a sheet reaches — the grid from A1 to its furthest value — read from each format's
own records without building the sheet.

calamine allocates a sheet as one dense grid from its first to its last value, and xlbo pads
it to A1, so what a sheet costs is that grid, not the number of cells written: one value at
XFD1048576 costs 17 billion cells. The declared extent (`<dimension>` in XML, DIMENSIONS in
BIFF, BrtWsDim in .xlsb) is what the writer claims and may lie either way; calamine ignores
it, and so does this module, but for where a search starts. Cells calamine does not keep cost
nothing here either: a formatted cell without a value, a formula without a cached value, a
BIFF blank, a run of empty .ods cells.

    >>> reach = XmlSheetReach(SheetSize("xl/worksheets/sheet1.xml"), trust_up_to=1_000)
    >>> reach.feed(b'<dimension ref="A1:B2"/><sheetData><row r="1"><c r="B1"><v>1</v></c>'
    ...            b'</row><row r="9"><c r="XFD9"><v>2</v></c></row></sheetData>')
    >>> reach.size.last_cell, reach.size.grid
    ('XFD9', 147456)
"""

from __future__ import annotations

import html
import re
import struct
from collections.abc import Iterator
from dataclasses import dataclass
from functools import lru_cache

from xlbo.book.table import column_letter

_DIMENSION = re.compile(
    rb"<(?:\w+:)?dimension\s[^>]*?\bref=[\"']([A-Za-z]*)(\d*):?([A-Za-z]*)(\d*)"
)
_CELL_REF = re.compile(rb"([A-Za-z]+)0*(\d+)")
_PREFIXED_CELL = re.compile(rb":c[\s/>]")
# a cell tag without an r attribute: calamine places it after the cell before it
_NO_REF = re.compile(rb"<(?:\w+:)?c(?:/?>|\s(?![^>]*\br\s*=)[^>]*>)")
_ROW_OR_CELL = re.compile(rb"<(?:\w+:)?(row|c)(?=[\s/>])([^>]*)>")
_REF_ATTR = re.compile(rb"""\br\s*=\s*["']([^"']*)["']""")


@dataclass
class SheetSize:
    """What reading one sheet part will cost: the grid from A1 to its furthest value."""

    part: str
    rows: int = 0
    columns: int = 0
    unpacked: int = 0
    declared: str = ""
    """The `<dimension>` the sheet declares, as written (informative only)."""
    seen: tuple[int, int] = (0, 0)
    """The furthest row and column a value was seen at (rows, columns hold at least that, and
    at most a quarter more where the search widened its box in steps)."""

    @property
    def grid(self) -> int:
        return self.rows * self.columns

    @property
    def last_cell(self) -> str:
        rows, columns = max(self.seen[0], 1), max(self.seen[1], 1)
        return f"{column_letter(columns - 1)}{rows}" if self.grid else ""

    @property
    def exact(self) -> bool:
        return self.seen == (self.rows, self.columns)


def column_number(letters: bytes) -> int:
    """Column letters (either case) to their number: A → 1, XFD → 16384."""
    number = 0
    for char in letters.upper():
        number = number * 26 + char - 64
    return number


def _number_above(limit: int) -> str:
    """A pattern for decimal numbers (leading zeros allowed) greater than `limit`."""
    digits = str(limit)
    choices = [f"[1-9][0-9]{{{len(digits)},}}"]
    for index, digit in enumerate(digits):
        if digit != "9":
            rest = len(digits) - index - 1
            choices.append(f"{digits[:index]}[{int(digit) + 1}-9][0-9]{{{rest}}}")
    return "0*(?:" + "|".join(choices) + ")"


def _either_case(low: str, high: str) -> str:
    """A character class for the letters low..high in either case."""
    return f"[{low}-{high}{low.lower()}-{high.lower()}]"


def _letters_above(column: int) -> str:
    """A pattern for column letters (either case) after column number `column` (A is 1)."""
    letters = column_letter(column - 1) if column > 0 else ""
    any_letter = _either_case("A", "Z")
    choices = [f"{any_letter}{{{len(letters) + 1},}}"]
    for index, letter in enumerate(letters):
        if letter != "Z":
            rest = len(letters) - index - 1
            same = "".join(_either_case(char, char) for char in letters[:index])
            choices.append(f"{same}{_either_case(chr(ord(letter) + 1), 'Z')}{any_letter}{{{rest}}}")
    return "(?:" + "|".join(choices) + ")"


@lru_cache(maxsize=256)
def _beyond(rows: int, columns: int, *, plain: bool) -> re.Pattern[bytes]:
    """Cell tags whose reference lies outside rows x columns from A1.

    `plain` for text whose cell tags are all written `<c r="…"` (as Excel and every library
    write them): a pattern that starts with that literal is several times faster than the
    general one, which allows a namespace prefix, other attributes first, spaces around `=`
    and single quotes. The plain pattern also finds (group `odd`) the first tag not written
    so, in the same pass: from there the text needs the general one."""
    outside = f"(?:{_letters_above(columns)}[0-9]+|[A-Za-z]+{_number_above(rows)})"
    if plain:
        return re.compile(rf"""<c(?: r="{outside}"[^>]*>|(?P<odd>(?! r=")[\s/>]))""".encode())
    return re.compile(rf"""<(?:\w+:)?c\s[^>]*?\br\s*=\s*["']{outside}["'][^>]*>""".encode())


def _holds_value(data: bytes, tag_end: int, tag: bytes) -> bool:
    """Whether the cell whose tag ends at `tag_end` holds a value calamine keeps (a `<v>` with
    text or an inline string); a cell cut off by the chunk's end counts as holding one."""
    if tag.endswith(b"/>"):
        return False
    close = data.find(b"</", tag_end)
    while close >= 0 and not re.match(rb"</(?:\w+:)?c>", data[close : close + 12]):
        close = data.find(b"</", close + 2)
    if close < 0:
        return True
    body = data[tag_end:close]
    return bool(re.search(rb"<(?:\w+:)?is[\s>]|<(?:\w+:)?v(?:\s[^>]*)?>[^<]", body))


class XmlSheetReach:
    """Follows one sheet's XML chunk by chunk and widens a box from A1 to every value found
    outside it. That is a rare event: the box starts at the declared dimension (when it is no
    larger than `trust_up_to` cells) and grows by a quarter at a time, so even a sheet without
    one costs a few dozen searches, each over what is left of a chunk. Chunks must end before
    a `<`, so that no tag is cut in two."""

    def __init__(self, size: SheetSize, trust_up_to: int) -> None:
        self.size = size
        self.trust_up_to = trust_up_to
        self.rows = self.columns = 1
        self.first = True
        self.without_refs = False

    def feed(self, data: bytes) -> None:
        size = self.size
        if self.first:
            self.first = False
            declared = _DIMENSION.search(data[:4096])
            if declared:
                first = b"".join(declared.group(1, 2)).decode("ascii", "replace")
                last = b"".join(declared.group(3, 4)).decode("ascii", "replace")
                size.declared = f"{first}:{last}" if last else first
                rows = int(declared.group(4) or declared.group(2) or 1)
                columns = column_number(declared.group(3) or declared.group(1) or b"A")
                if 0 < rows * columns <= self.trust_up_to:
                    self.rows, self.columns = rows, columns
                    size.rows, size.columns = rows, columns
                    size.seen = (rows, columns)
        plain = not (b":" in data and _PREFIXED_CELL.search(data))
        at = 0
        while match := _beyond(self.rows, self.columns, plain=plain).search(data, at):
            if plain and match.group("odd") is not None:  # the rest of the text, in general
                plain = False
                if not self.without_refs and _NO_REF.search(data, match.start()):
                    self.without_refs = True
                at = match.start()
                continue
            at = match.end()
            if not _holds_value(data, at, match.group(0)):
                continue
            ref = _REF_ATTR.search(match.group(0))
            cell = _CELL_REF.fullmatch(ref.group(1)) if ref else None
            if cell is None:  # a reference calamine cannot place either: let it say so
                continue
            row, column = int(cell.group(2)), column_number(cell.group(1))
            size.seen = (max(size.seen[0], row), max(size.seen[1], column))
            if row > self.rows:
                self.rows = max(row, self.rows + self.rows // 4)
            if column > self.columns:
                self.columns = max(column, self.columns + self.columns // 4)
        # the box, grown past a sheet's values by at most a quarter: never less than the grid
        size.rows, size.columns = self.rows, self.columns


def place_cells(data: bytes) -> tuple[int, int]:
    """The furthest row and column holding a value, placing cells as calamine does when some
    have no reference (each after the one before it in its row). Slow: only for such sheets."""
    last_row = last_column = 0
    row = 0
    column = 0
    for match in _ROW_OR_CELL.finditer(data):
        kind, attributes = match.group(1), match.group(2)
        ref = _REF_ATTR.search(attributes)
        if kind == b"row":
            row = int(ref.group(1)) if ref and ref.group(1).isdigit() else row + 1
            column = 0
            continue
        cell = _CELL_REF.fullmatch(ref.group(1)) if ref else None
        if cell is not None:
            row_here, column = int(cell.group(2)), column_number(cell.group(1))
        else:
            row_here, column = max(row, 1), column + 1
        if _holds_value(data, match.end(), match.group(0)):
            last_row, last_column = max(last_row, row_here), max(last_column, column)
    return last_row, last_column


_ODS_TAG = re.compile(
    rb"<table:(table-row|table-cell|covered-table-cell|table)(?=[\s/>])([^>]*?)(/?)>"
    rb"|</table:(table-row)>"
)
_ODS_NAME = re.compile(rb"""\btable:name\s*=\s*(?:"([^"]*)"|'([^']*)')""")


def ods_sheet_name(attributes: bytes) -> str:
    """The sheet name a `<table:table …>` tag's attributes give ("" for none): in double quotes
    it may hold an apostrophe as it is (`Oct'26`), which LibreOffice writes `&apos;`.

    >>> ods_sheet_name(b''' table:name="Oct'26" table:style-name="ta1"''')
    "Oct'26"
    """
    found = _ODS_NAME.search(attributes)
    if found is None:
        return ""
    written = found.group(1) if found.group(1) is not None else found.group(2)
    return html.unescape(written.decode("utf-8", "replace"))


_ODS_REPEAT = re.compile(rb"""number-(rows|columns)-repeated\s*=\s*["']0*(\d{1,12})["']""")


class OdsReach:
    """Follows an .ods content.xml: each table's grid from A1 to its furthest value, with the
    repeats (`number-rows-repeated`, `number-columns-repeated`) that LibreOffice uses for runs of
    equal cells counted out; runs of empty cells (self-closing, no value type) are free, as
    they are for calamine. Python work per tag: .ods inputs are rare and small."""

    def __init__(self) -> None:
        self.sizes: dict[str, SheetSize] = {}
        """table name → its size"""
        self.size: SheetSize | None = None
        self.row = self.column = 0
        self.row_repeat = 1
        self.row_has_value = False

    def feed(self, data: bytes) -> None:
        for match in _ODS_TAG.finditer(data):
            kind, attributes, closed = match.group(1), match.group(2) or b"", match.group(3)
            repeats = dict(_ODS_REPEAT.findall(attributes))
            if kind == b"table":
                sheet = ods_sheet_name(attributes)
                self.size = SheetSize(f"content.xml#{sheet}")
                self.sizes[sheet] = self.size
                self.row = 0
            elif kind == b"table-row":
                self.row_repeat = int(repeats.get(b"rows", b"1"))
                self.column, self.row_has_value = 0, False
                if closed:
                    self.row += self.row_repeat
            elif kind is None:  # </table:table-row>
                self.row += self.row_repeat
                if self.row_has_value and self.size is not None:
                    self.size.rows = max(self.size.rows, self.row)
                    self.size.seen = (self.size.rows, self.size.columns)
            else:
                self.column += int(repeats.get(b"columns", b"1"))
                if (b"value-type" in attributes or not closed) and self.size is not None:
                    self.row_has_value = True
                    self.size.columns = max(self.size.columns, self.column)
                    self.size.seen = (self.size.rows, self.size.columns)


# BIFF12 (.xlsb) records: BrtRowHdr (0) starts with its row (u32); the cell records BrtCellRk
# … BrtFmlaError (2-11) and BrtCellRString (62) start with their column (u32); blanks (1) hold
# nothing calamine keeps
_XLSB_ROW = 0
_XLSB_CELLS = frozenset({2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 62})
_XLSB_SHEET = 156  # BrtBundleSh in workbook.bin: a sheet's relationship id and name


def _xlsb_records(data: bytes) -> Iterator[tuple[int, int, int]]:
    """(record type, start of its body, its length) for each BIFF12 record."""
    at, end = 0, len(data)
    while at < end:
        kind = data[at]
        at += 1
        if kind & 0x80 and at < end:
            kind = (kind & 0x7F) | ((data[at] & 0x7F) << 7)
            at += 1
        length = shift = 0
        for _ in range(4):
            if at >= end:
                return
            byte = data[at]
            at += 1
            length |= (byte & 0x7F) << shift
            shift += 7
            if not byte & 0x80:
                break
        yield kind, at, length
        at += length


def xlsb_grid(data: bytes) -> tuple[int, int]:
    """The grid from A1 (rows, columns) an .xlsb sheet's value records fill."""
    row = rows = columns = 0
    for kind, body, length in _xlsb_records(data):
        if body + 4 > len(data) or length < 4:
            continue
        if kind == _XLSB_ROW:
            row = struct.unpack_from("<I", data, body)[0]
        elif kind in _XLSB_CELLS:
            column = struct.unpack_from("<I", data, body)[0]
            rows, columns = max(rows, row + 1), max(columns, column + 1)
    return rows, columns


def xlsb_sheet_parts(workbook: bytes, relations: dict[str, str]) -> dict[str, str]:
    """Sheet name → zip path of its .bin, from workbook.bin's BrtBundleSh records and the
    workbook's relationships (id → path)."""
    parts: dict[str, str] = {}
    for kind, body, length in _xlsb_records(workbook):
        if kind != _XLSB_SHEET or length < 12:
            continue
        record = workbook[body : body + length]
        texts: list[str] = []
        at = 8
        for _ in range(2):
            if at + 4 > len(record):
                break
            count = struct.unpack_from("<I", record, at)[0]
            at += 4
            if count == 0xFFFFFFFF:
                texts.append("")
                continue
            texts.append(record[at : at + 2 * count].decode("utf-16-le", "replace"))
            at += 2 * count
        if len(texts) == 2 and texts[0] in relations:
            parts[texts[1]] = relations[texts[0]]
    return parts


# BIFF records that place a value in a cell, each starting with its row and column (u16 each);
# MULRK gives its last column in its last two bytes
_BIFF_CELLS = frozenset({0x0002, 0x0003, 0x0004, 0x0006, 0x00D6, 0x00FD, 0x0203, 0x0204, 0x0205})
_BIFF_CELLS |= {0x027E, 0x0406}
_MULRK = 0x00BD
_DIMENSIONS = 0x0200
_BOF = frozenset({0x0809, 0x0409, 0x0209, 0x0009})


def biff_grid(stream: bytes) -> tuple[int, int, int]:
    """The largest grid from A1 (rows, columns) any sheet of a BIFF workbook stream fills —
    the furthest row and column of its value records — and the most cells any sheet's
    DIMENSIONS record declares (calamine reserves room for those before reading a cell)."""
    best = (0, 0)
    rows = columns = declared = 0
    at, end = 0, len(stream) - 4
    unpack = struct.unpack_from
    while at <= end:
        kind, length = unpack("<HH", stream, at)
        body = at + 4
        if kind in _BIFF_CELLS and length >= 4:
            row, column = unpack("<HH", stream, body)
            rows, columns = max(rows, row + 1), max(columns, column + 1)
        elif kind == _MULRK and length >= 6:
            row = unpack("<H", stream, body)[0]
            last = unpack("<H", stream, body + length - 2)[0]
            rows, columns = max(rows, row + 1), max(columns, last + 1)
        elif kind == _DIMENSIONS and length >= 10:
            if length >= 14:  # BIFF8: first row, last row + 1 (u32); first, last + 1 column
                first_row, end_row, first_column, end_column = unpack("<IIHH", stream, body)
            else:
                first_row, end_row, first_column, end_column = unpack("<HHHH", stream, body)
            span = max(end_row - first_row, 0) * max(end_column - first_column, 0)
            declared = max(declared, span)
        elif kind in _BOF:
            if rows * columns > best[0] * best[1]:
                best = (rows, columns)
            rows = columns = 0
        at = body + length
    if rows * columns > best[0] * best[1]:
        best = (rows, columns)
    return best[0], best[1], declared
