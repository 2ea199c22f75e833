"""How much of a workbook xlbo reads, checked before any reader allocates.

A workbook file is a zip of XML parts (or, for `.xls`, an OLE file holding a BIFF stream), and
what it costs to read is not what it weighs on disk: 88 KB whose one cell sits at XFD1048576
make calamine allocate the whole 17-billion-cell grid and abort the process; 5 MB of deflated
zeros unpack to 5 GB. So before calamine opens a workbook, `survey_zip` reads the zip's own
directory (its declared part count and sizes), then inflates every part in chunks with a running
cap (the directory may lie), and while it does so looks at each sheet's XML for the furthest
cell that holds a value — the grid calamine will allocate — and for XML entity declarations,
which Excel never writes and which only serve to attack a parser. A sheet's declared
`<dimension>` is where that search starts, never trusted: a real export whose dimension is a
little wrong reads as it always did.

A file past a limit gets one sentence:

    statement.xlsx: Sheet1 is larger than xlbo reads (17,179,869,184 cells / 0.1 MB unpacked;
    its last cell is XFD1048576); if it is a real statement export it as CSV.

The limits are the module's settings below, each with its reason.
"""

from __future__ import annotations

import html
import re
import struct
import zipfile
import zlib
from collections.abc import Iterator
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from xlbo.errors import FileProblem

MAX_SHEET_CELLS = 12_000_000
"""Cells of one sheet's grid (rows x columns from A1 to its furthest value). A sheet is read
whole: calamine holds 32 bytes a cell of the grid and Python a list slot more, and a real cell
costs some 160 bytes all told, so 12 million cells (a full 1,048,576-row export of 11 columns)
keep the reading under 2 GB. Past that, CSV or Parquet read in bulk."""
MAX_UNPACKED_MB = 400
"""Megabytes of XML all parts of a workbook may unpack to. A sheet's XML turns into some three
times its size in memory (measured on a 200,000-row sheet: 83 MB of XML, 324 MB read), so 400 MB
bounds a read at about 1.3 GB; a genuine workbook that size is a million rows of eight columns,
which are better exported as CSV anyway."""
MAX_PARTS = 10_000
"""Parts in a workbook's zip. Excel writes a few dozen (a sheet, a drawing, a comment each);
Python's zipfile holds every directory entry in memory, so the count is checked from the zip's
end record before the directory is read."""
MAX_PARQUET_MB = 1024
"""Megabytes a Parquet file's columns unpack to, as its own footer says (pyarrow then holds
about that, and pandas as much again). A million lines of a statement take some 100 MB; a
file of repeated zeros is a few kilobytes whatever it unpacks to."""
MAX_PARQUET_CELLS = 30_000_000
"""Cells (rows x columns) of a Parquet file: three million lines of ten columns, past which a
frame of Python values would not fit in 2 GB."""
MAX_XLS_MB = 200
"""Megabytes of an old-style `.xls` workbook's BIFF stream (Excel 97-2003 stops at 65,536 rows
of 256 columns, some 100 MB of records)."""

_MB = 1 << 20
_CHUNK = 1 << 20
_WORKBOOK_PARTS = ("xl/workbook.xml", "xl/workbook.bin", "content.xml")
_DECLARATION = re.compile(rb"<!(?:DOCTYPE|ENTITY)", re.IGNORECASE)
_DIMENSION = re.compile(
    rb"<(?:\w+:)?dimension\s[^>]*?\bref=[\"']([A-Za-z]*)(\d*):?([A-Za-z]*)(\d*)"
)
_CELL_REF = re.compile(rb"([A-Za-z]+)0*(\d+)")
# a cell tag without an r attribute: calamine places it after the cell before it
_ODD_CELL = re.compile(rb'<c(?! r=")[\s/>]')
_PREFIXED_CELL = re.compile(rb":c[\s/>]")
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
        return f"{_letters(columns)}{rows}" if self.grid else ""

    @property
    def exact(self) -> bool:
        return self.seen == (self.rows, self.columns)


@dataclass
class Survey:
    """A zip workbook as `survey_zip` found it: part names, unpacked bytes, each sheet's size."""

    unpacked: int = 0
    sheet_parts: dict[str, str] = field(default_factory=dict)
    """sheet name → the zip path of its XML (from the workbook's relationships)."""
    sizes: dict[str, SheetSize] = field(default_factory=dict)
    """zip path of a sheet's XML → its size."""
    opened_whole: bool = False
    """An .ods: calamine reads all its sheets when it opens the file, so all are checked then."""

    def check_sheet(self, file: str, sheet: str) -> None:
        """Raise FileProblem when reading `sheet` would pass MAX_SHEET_CELLS."""
        size = self.sizes.get(self.sheet_parts.get(sheet, ""))
        if size is not None and size.grid > MAX_SHEET_CELLS:
            raise too_large(
                file,
                sheet,
                unpacked=size.unpacked,
                cells=size.grid,
                last_cell=size.last_cell,
                about=not size.exact,
            )


def too_large(
    file: str,
    sheet: str | None,
    *,
    unpacked: int,
    cells: int | None = None,
    last_cell: str = "",
    about: bool = False,
) -> FileProblem:
    """The one sentence for a workbook past the limits (`about` when the cells are an
    estimate: then the last cell is the furthest seen, and there may be a little more)."""
    megabytes = unpacked / _MB
    measures = f"{megabytes:,.1f} MB unpacked" if megabytes >= 0.1 else "under 0.1 MB unpacked"
    if cells is not None:
        measures = f"{'about ' if about else ''}{cells:,} cells / {measures}"
    if last_cell:
        measures += f"; {'it reaches' if about else 'its last cell is'} {last_cell}"
    where = f"{file}: {sheet}" if sheet else file
    return FileProblem(
        f"{where} is larger than xlbo reads ({measures}); if it is a real statement export it "
        "as CSV."
    )


def _damaged(file: str, why: str) -> FileProblem:
    return FileProblem(
        f"{file} is damaged or incomplete and cannot be read ({why}). "
        "Open it in Excel to repair it, or export it again."
    )


def _letters(column: int) -> str:
    letters = ""
    while column > 0:
        column, rest = divmod(column - 1, 26)
        letters = chr(65 + rest) + letters
    return letters


def _column_number(letters: bytes) -> int:
    number = 0
    for char in letters.upper():
        number = number * 26 + char - 64
    return number


def _declared_entries(path: Path) -> int | None:
    """The number of parts the zip's end record declares (zip64 too), or None without one."""
    with path.open("rb") as handle:
        handle.seek(0, 2)
        size = handle.tell()
        span = min(size, 65_557)
        handle.seek(size - span)
        tail = handle.read(span)
        at = tail.rfind(b"PK\x05\x06")
        if at < 0 or at + 22 > len(tail):
            return None
        entries = struct.unpack_from("<H", tail, at + 10)[0]
        locator = at - 20
        if entries == 0xFFFF and locator >= 0 and tail[locator : locator + 4] == b"PK\x06\x07":
            offset = struct.unpack_from("<Q", tail, locator + 8)[0]
            if offset + 56 > size:
                return None
            handle.seek(offset)
            record = handle.read(56)
            if record[:4] != b"PK\x06\x06":
                return None
            entries = struct.unpack_from("<Q", record, 32)[0]
        return int(entries)


def _relationships(rels_xml: bytes) -> dict[str, str]:
    """Relationship id → the zip path it targets, from a workbook's .rels part."""
    targets: dict[str, str] = {}
    for rel in re.finditer(rb"<(?:\w+:)?Relationship\b[^>]*>", rels_xml):
        rid = re.search(rb"""\bId\s*=\s*["']([^"']*)["']""", rel.group(0))
        target = re.search(rb"""\bTarget\s*=\s*["']([^"']*)["']""", rel.group(0))
        if rid and target:
            path = target.group(1).decode("utf-8", "replace").lstrip("/")
            targets[rid.group(1).decode("utf-8", "replace")] = (
                path if path.startswith("xl/") else f"xl/{path}"
            )
    return targets


def _sheet_parts(workbook_xml: bytes, rels_xml: bytes) -> dict[str, str]:
    """Sheet name → zip path of its XML, read from workbook.xml and its relationships by
    pattern (no XML parser, so no entity is ever expanded)."""
    targets = _relationships(rels_xml)
    parts: dict[str, str] = {}
    for tag in re.finditer(rb"<(?:\w+:)?sheet\b[^>]*>", workbook_xml):
        name = re.search(rb"""\bname\s*=\s*["']([^"']*)["']""", tag.group(0))
        rid = re.search(rb"""\b(?:\w+:)?id\s*=\s*["']([^"']*)["']""", tag.group(0))
        if name and rid:
            sheet_part = targets.get(rid.group(1).decode("utf-8", "replace"))
            if sheet_part:
                parts[html.unescape(name.group(1).decode("utf-8", "replace"))] = sheet_part
    return parts


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
    letters = _letters(column) if column > 0 else ""
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
    """Cell tags whose reference lies outside rows x columns from A1. `plain` when every cell
    tag of the text is written `<c r="…"` (as Excel and every library write them): a pattern
    that starts with that literal is several times faster than the general one, which allows a
    namespace prefix, other attributes first, spaces around `=` and single quotes."""
    outside = f"(?:{_letters_above(columns)}[0-9]+|[A-Za-z]+{_number_above(rows)})"
    if plain:
        return re.compile(rf"""<c r="{outside}"[^>]*>""".encode())
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


class _SheetScan:
    """Follows one sheet's XML chunk by chunk: counts cell tags and widens a box from A1 to
    every value found outside it (a rare event: the box starts at the declared dimension and
    grows by a quarter at a time, so a sheet without one costs a few dozen passes of the
    pattern, each over what is left of a chunk)."""

    def __init__(self, size: SheetSize) -> None:
        self.size = size
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
                columns = _column_number(declared.group(3) or declared.group(1) or b"A")
                if 0 < rows * columns <= MAX_SHEET_CELLS:
                    self.rows, self.columns = rows, columns
                    size.rows, size.columns = rows, columns
                    size.seen = (rows, columns)
        plain = not _ODD_CELL.search(data) and not (b":" in data and _PREFIXED_CELL.search(data))
        if not plain and not self.without_refs and _NO_REF.search(data):
            self.without_refs = True
        at = 0
        while match := _beyond(self.rows, self.columns, plain=plain).search(data, at):
            at = match.end()
            if not _holds_value(data, at, match.group(0)):
                continue
            ref = _REF_ATTR.search(match.group(0))
            cell = _CELL_REF.fullmatch(ref.group(1)) if ref else None
            if cell is None:  # a reference calamine cannot place either: let it say so
                continue
            row, column = int(cell.group(2)), _column_number(cell.group(1))
            size.seen = (max(size.seen[0], row), max(size.seen[1], column))
            if row > self.rows:
                self.rows = max(row, self.rows + self.rows // 4)
            if column > self.columns:
                self.columns = max(column, self.columns + self.columns // 4)
        # the box, grown past a sheet's values by at most a quarter: never less than the grid
        size.rows, size.columns = self.rows, self.columns


def _place_cells(data: bytes) -> tuple[int, int]:
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
            row_here, column = int(cell.group(2)), _column_number(cell.group(1))
        else:
            row_here, column = max(row, 1), column + 1
        if _holds_value(data, match.end(), match.group(0)):
            last_row, last_column = max(last_row, row_here), max(last_column, column)
    return last_row, last_column


_ODS_TAG = re.compile(
    rb"<table:(table-row|table-cell|covered-table-cell|table)(?=[\s/>])([^>]*?)(/?)>"
    rb"|</table:(table-row)>"
)
_ODS_NAME = re.compile(rb"""\btable:name\s*=\s*["']([^"']*)["']""")
_ODS_REPEAT = re.compile(rb"""number-(rows|columns)-repeated\s*=\s*["']0*(\d{1,12})["']""")


class _OdsScan:
    """Follows an .ods content.xml: each table's grid from A1 to its furthest value, with the
    repeats (`number-rows-repeated`, `number-columns-repeated`) that LibreOffice uses for runs of
    equal cells counted out; runs of empty cells (self-closing, no value type) are free, as
    they are for calamine. Python work per tag: .ods inputs are rare and small."""

    def __init__(self, survey: Survey) -> None:
        self.survey = survey
        self.size: SheetSize | None = None
        self.row = self.column = 0
        self.row_repeat = 1
        self.row_has_value = False

    def feed(self, data: bytes) -> None:
        for match in _ODS_TAG.finditer(data):
            kind, attributes, closed = match.group(1), match.group(2) or b"", match.group(3)
            repeats = dict(_ODS_REPEAT.findall(attributes))
            if kind == b"table":
                name = _ODS_NAME.search(attributes)
                sheet = html.unescape(name.group(1).decode("utf-8", "replace")) if name else ""
                self.size = SheetSize(f"content.xml#{sheet}")
                self.survey.sizes[self.size.part] = self.size
                self.survey.sheet_parts[sheet] = self.size.part
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


def survey_zip(path: Path) -> Survey:
    """Check a zip workbook against the limits before calamine opens it; return what it holds.

    Raises FileProblem for a zip that is no workbook, damaged or encrypted, that declares or
    inflates past MAX_PARTS / MAX_UNPACKED_MB, or whose XML declares entities."""
    file = path.name
    entries = _declared_entries(path)
    if entries is None:
        raise _damaged(file, "its zip directory is missing: the file was cut short")
    if entries > MAX_PARTS:
        raise FileProblem(
            f"{file} holds {entries:,} parts, more than xlbo reads ({MAX_PARTS:,}); a workbook "
            "has a few dozen. Open it in Excel and save it again, or export it as CSV."
        )
    try:
        with zipfile.ZipFile(path) as archive:
            infos = archive.infolist()
            names = {info.filename for info in infos}
            if not names & set(_WORKBOOK_PARTS):
                shown = ", ".join(sorted(names)[:3]) or "nothing"
                raise FileProblem(
                    f"{file} is a zip archive, not an Excel workbook (it holds {shown}). "
                    "Unzip it, or give the workbook itself."
                )
            if any(info.flag_bits & 0x1 for info in infos):
                raise FileProblem(
                    f"{file} is password-protected. Remove the password, save, and run again."
                )
            declared = sum(info.file_size for info in infos)
            if declared > MAX_UNPACKED_MB * _MB:
                largest = max(infos, key=lambda info: info.file_size)
                if largest.file_size > MAX_UNPACKED_MB * _MB:  # one part alone: name its sheet
                    sheet = _sheet_of(archive, largest.filename)
                    raise too_large(file, sheet, unpacked=largest.file_size)
                raise too_large(file, None, unpacked=declared)
            survey = Survey()
            if "xl/workbook.xml" in names and "xl/_rels/workbook.xml.rels" in names:
                survey.sheet_parts = _sheet_parts(
                    _read_small(archive, "xl/workbook.xml"),
                    _read_small(archive, "xl/_rels/workbook.xml.rels"),
                )
            elif "xl/workbook.bin" in names and "xl/_rels/workbook.bin.rels" in names:
                survey.sheet_parts = _xlsb_sheet_parts(
                    _read_small(archive, "xl/workbook.bin"),
                    _read_small(archive, "xl/_rels/workbook.bin.rels"),
                )
            sheets = set(survey.sheet_parts.values())
            ods = "content.xml" in names and "xl/workbook.xml" not in names
            survey.opened_whole = ods
            for info in infos:
                scan = _OdsScan(survey) if ods and info.filename == "content.xml" else None
                _inflate(archive, info, survey, info.filename in sheets, file, scan)
            return survey
    except (zipfile.BadZipFile, zlib.error, EOFError, NotImplementedError) as error:
        raise _damaged(file, str(error) or type(error).__name__) from None


def _read_small(archive: zipfile.ZipFile, name: str) -> bytes:
    """A part that is small in any real workbook (workbook.xml, its relationships)."""
    with archive.open(name) as stream:
        data = stream.read(16 * _MB + 1)
    if len(data) > 16 * _MB:
        raise too_large(Path(archive.filename or "workbook").name, None, unpacked=len(data))
    return data


def _sheet_of(archive: zipfile.ZipFile, part: str) -> str | None:
    try:
        parts = _sheet_parts(
            _read_small(archive, "xl/workbook.xml"),
            _read_small(archive, "xl/_rels/workbook.xml.rels"),
        )
    except (KeyError, FileProblem):
        return None
    return next((sheet for sheet, target in parts.items() if target == part), None)


def _inflate(
    archive: zipfile.ZipFile,
    info: zipfile.ZipInfo,
    survey: Survey,
    is_sheet: bool,
    file: str,
    ods: _OdsScan | None = None,
) -> None:
    """Inflate one part in chunks, counting what it really unpacks to against the cap."""
    binary_sheet = is_sheet and info.filename.endswith(".bin")
    xml = info.filename.endswith((".xml", ".rels", ".vml")) or (is_sheet and not binary_sheet)
    scan: _SheetScan | _OdsScan | None = ods
    if is_sheet and not binary_sheet:
        scan = _SheetScan(SheetSize(info.filename))
    records = bytearray()
    carry = b""
    with archive.open(info) as stream:
        while chunk := stream.read(_CHUNK):
            survey.unpacked += len(chunk)
            if survey.unpacked > MAX_UNPACKED_MB * _MB:
                sheet = next((s for s, p in survey.sheet_parts.items() if p == info.filename), None)
                raise too_large(file, sheet, unpacked=survey.unpacked)
            if binary_sheet:
                records += chunk
            if not xml:
                continue
            data = carry + chunk
            cut = data.rfind(b"<")
            if cut <= 0 or len(data) - cut > 64 * 1024:
                cut = len(data)
            data, carry = data[:cut], data[cut:]
            _look(data, scan, file)
        if carry:
            _look(carry, scan, file)
    if binary_sheet:
        rows, columns = xlsb_grid(bytes(records))
        survey.sizes[info.filename] = SheetSize(
            info.filename, rows, columns, info.file_size, seen=(rows, columns)
        )
    if isinstance(scan, _OdsScan):
        for size in survey.sizes.values():
            size.unpacked = info.file_size
    if isinstance(scan, _SheetScan):
        scan.size.unpacked = info.file_size
        if scan.without_refs:
            with archive.open(info) as stream:
                rows, columns = _place_cells(stream.read())
            scan.size.rows, scan.size.columns = (
                max(scan.size.rows, rows),
                max(scan.size.columns, columns),
            )
            scan.size.seen = (max(scan.size.seen[0], rows), max(scan.size.seen[1], columns))
        survey.sizes[info.filename] = scan.size


def _look(data: bytes, scan: _SheetScan | _OdsScan | None, file: str) -> None:
    if b"!" in data and _DECLARATION.search(data):
        raise FileProblem(
            f"{file} holds XML entity declarations (<!DOCTYPE or <!ENTITY), which Excel never "
            "writes and xlbo does not read. Open it in Excel and save it again if you trust it."
        )
    if scan is not None:
        scan.feed(data)


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


def _xlsb_sheet_parts(workbook: bytes, rels_xml: bytes) -> dict[str, str]:
    """Sheet name → zip path of its .bin, from workbook.bin's BrtBundleSh records."""
    relations = _relationships(rels_xml)
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
_BOF = frozenset({0x0809, 0x0409, 0x0209, 0x0009})


def biff_grid(stream: bytes) -> tuple[int, int]:
    """The largest grid from A1 (rows, columns) any sheet of a BIFF workbook stream fills: the
    furthest row and column of its value records (the DIMENSIONS record may lie)."""
    best = (0, 0)
    rows = columns = 0
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
        elif kind in _BOF:
            if rows * columns > best[0] * best[1]:
                best = (rows, columns)
            rows = columns = 0
        at = body + length
    return best if best[0] * best[1] >= rows * columns else (rows, columns)


def check_xls(path: Path) -> None:
    """Refuse an old-style workbook that is no workbook, whose BIFF stream is past MAX_XLS_MB
    or whose cells would make a grid past MAX_SHEET_CELLS (a cell record may name any of
    65,536 x 65,536 cells, whatever Excel's 256 columns)."""
    import olefile

    try:
        with olefile.OleFileIO(str(path)) as ole:
            stream = next((name for name in ("Workbook", "Book") if ole.exists(name)), None)
            if stream is None:
                raise FileProblem(
                    f"{path.name} is an Office file but not an Excel workbook (perhaps a Word "
                    "or Outlook file given an Excel name). Give the Excel workbook."
                )
            size = ole.get_size(stream)
            if size > MAX_XLS_MB * _MB:
                raise too_large(path.name, None, unpacked=size)
            data = ole.openstream(stream).read()
    except FileProblem:
        raise
    except Exception as error:  # olefile's own errors on a broken file
        raise _damaged(path.name, type(error).__name__) from None
    rows, columns = biff_grid(data)
    if rows * columns > MAX_SHEET_CELLS:
        raise too_large(
            path.name,
            None,
            unpacked=len(data),
            cells=rows * columns,
            last_cell=f"{_letters(columns)}{rows}",
        )


def check_parquet(path: Path) -> None:
    """Refuse a Parquet file whose footer declares more than MAX_PARQUET_CELLS cells or
    MAX_PARQUET_MB unpacked (counting at least 8 bytes a cell), before any column is read. A footer that cannot be read is left
    to the reader, which says the file is damaged."""
    try:
        import pyarrow.parquet as parquet
    except ImportError:  # the reader says what to install
        return
    try:
        metadata = parquet.ParquetFile(path).metadata
    except Exception:  # pyarrow's errors on a damaged file; the reader reports them
        return
    cells = int(metadata.num_rows) * max(int(metadata.num_columns), 1)
    encoded = sum(
        int(metadata.row_group(index).total_byte_size) for index in range(metadata.num_row_groups)
    )
    unpacked = max(encoded, 8 * cells)  # a run of zeros encodes to nothing, unpacks to 8 bytes
    if cells > MAX_PARQUET_CELLS or unpacked > MAX_PARQUET_MB * _MB:
        raise too_large(path.name, None, unpacked=unpacked, cells=cells)
