"""How much of a workbook xlbo reads, checked before any reader allocates.

A workbook file is a zip of XML parts (`.xlsx`, `.xlsm`, `.ods`; binary parts in `.xlsb`) or an
OLE file holding a BIFF stream (`.xls`), and what it costs to read is not what it weighs on
disk: 88 KB whose one cell sits at XFD1048576 make calamine allocate the whole
17-billion-cell grid and abort the process; 5 MB of deflated zeros unpack to 5 GB. So before
calamine opens a zip workbook, `survey_zip` reads the zip's end record (how many parts) and
directory (their declared sizes), then inflates every part calamine may read in chunks with a
running cap (the directory may lie), and while it does so follows each sheet to its furthest
value — the grid calamine will allocate (`xlbo.book.sheet_reach`) — and looks for XML entity
declarations, which Excel never writes and which only serve to attack a parser. A sheet's
declared `<dimension>` is where that search starts, never trusted: a real export whose
dimension is a little wrong reads as it always did. `check_xls`, `check_parquet`,
`check_text_size` and `check_text_grid` do the same for the other kinds of file.

A file past a limit gets one sentence:

    statement.xlsx: Sheet1 is larger than xlbo reads (17,179,869,184 cells / under 0.1 MB
    unpacked; its last cell is XFD1048576), but holds little: the cell at XFD1048576 lies far
    past the data. Press Ctrl+End in Excel to find it, delete the rows and columns beyond your
    data, save, and run again.

A sheet that really is that full is told to come as CSV if it is a statement or ledger (the
only inputs xlbo reads as CSV); a master or books workbook, to be split.

The limits are the module's settings below, each with its reason.
"""

from __future__ import annotations

import html
import posixpath
import re
import struct
import zipfile
import zlib
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from xlbo.book.hidden_rows import HIDDEN_MARKS
from xlbo.book.sheet_reach import (
    OdsReach,
    SheetSize,
    XmlSheetReach,
    biff_grid,
    column_number,
    place_cells,
    xlsb_grid,
    xlsb_sheet_parts,
)
from xlbo.book.table import column_letter
from xlbo.errors import FileProblem

MAX_SHEET_CELLS = 12_000_000
"""Cells of one sheet's grid (rows x columns from A1 to its furthest value). A sheet is read
whole: calamine holds 32 bytes a cell of the grid and Python a list slot more, and a real cell
costs some 160 bytes all told, so 12 million cells (a full 1,048,576-row export of 11 columns)
keep the reading under 2 GB. Past that, CSV or Parquet read in bulk."""
MAX_UNPACKED_MB = 400
"""Megabytes all parts of a workbook may unpack to. A sheet's XML turns into some four times
its size in memory (measured on a 200,000-row sheet: 83 MB of XML, 324 MB read), so 400 MB
bounds a read at about 1.6 GB (a 380 MB string in the shared strings peaks at 1.3 GB); a
genuine workbook that size is a million rows of eight columns, better exported as CSV."""
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
MAX_TEXT_MB = 600
"""Megabytes of a CSV file on disk. A CSV is read whole (bytes, then text, then cells), some
three times its size in memory: 600 MB (four million statement lines) stays under 2 GB. Past
that, Parquet: its columns are read typed, not as text."""
MAX_TEXT_CELLS = 50_000_000
"""Cells of a CSV file's grid (lines x its widest line). Every line is padded to the widest,
and a blank costs a pointer (8 bytes) in the frame: 50 million keep the padding under 400 MB,
whatever the file's real cells cost (those are bounded by the file's own size). One line of
a million commas under a hundred thousand ordinary lines would otherwise ask for 100 billion."""
MAX_XLS_MB = 200
"""Megabytes of an old-style `.xls` workbook's BIFF stream (Excel 97-2003 stops at 65,536 rows
of 256 columns, some 100 MB of records)."""

_MB = 1 << 20
_EXCEL_97_GRID = 65_536 * 256
_CHUNK = 1 << 20
_WORKBOOK_PARTS = ("xl/workbook.xml", "xl/workbook.bin", "content.xml")
# parts calamine may read (XML, relationships, an .xlsb's binary parts): each is inflated with
# the running cap; pictures, printer settings and the like it never opens are only counted
_READ_BY_CALAMINE = (".xml", ".rels", ".vml", ".bin")
_WORKSHEET = re.compile(r"xl/worksheets/[^/]+\.(?:xml|bin)")
_DECLARATION = re.compile(rb"<!(?:DOCTYPE|ENTITY)", re.IGNORECASE)


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
    tables: dict[str, tuple[str, int, str]] = field(default_factory=dict)
    """Excel Table name → (its sheet, the cells of its range, the range as written)."""
    mentions: dict[str, set[bytes]] = field(default_factory=dict)
    """zip path of a sheet's XML → which of SHEET_MARKS it holds (seen as it was inflated, so
    a reader need not inflate a large sheet again just to find there is nothing to look for)."""

    def check_table(self, file: str, table: str) -> None:
        """Raise FileProblem when reading Excel Table `table` would pass MAX_SHEET_CELLS:
        calamine reads its sheet whole, then allocates the table's declared range."""
        if table not in self.tables:
            return
        sheet, cells, ref = self.tables[table]
        self.check_sheet(file, sheet)
        if cells > MAX_SHEET_CELLS:
            raise too_large(file, f"table {table} ({ref}) on {sheet}", unpacked=None, cells=cells)

    def check_sheet(self, file: str, sheet: str) -> None:
        """Raise FileProblem when reading `sheet` would pass MAX_SHEET_CELLS. A sheet whose
        part was not found (a workbook.xml this survey could not follow) is held to the
        largest of the sheets it did size."""
        size = self.sizes.get(self.sheet_parts.get(sheet, ""))
        if size is None and sheet not in self.sheet_parts and self.sizes:
            size = max(self.sizes.values(), key=lambda each: each.grid)
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
    unpacked: int | None,
    cells: int | None = None,
    last_cell: str = "",
    about: bool = False,
) -> FileProblem:
    """The one sentence for a workbook past the limits (`about` when the cells are an
    estimate: then the last cell is the furthest seen, and there may be a little more)."""
    measures = ""
    if unpacked is not None:
        megabytes = unpacked / _MB
        measures = f"{megabytes:,.1f} MB" if megabytes >= 0.1 else "under 0.1 MB"
        measures += " unpacked"
    if cells is not None:
        counted = f"{'about ' if about else ''}{cells:,} cells"
        measures = f"{counted} / {measures}" if measures else counted
    if last_cell:
        measures += f"; {'it reaches' if about else 'its last cell is'} {last_cell}"
    where = f"{file}: {sheet}" if sheet else file
    if unpacked is not None and cells is not None and unpacked < cells:
        # under a byte a cell: a stray cell far past the data, which no CSV would cure
        far = f"the cell at {last_cell}" if last_cell and not about else "a cell"
        return FileProblem(
            f"{where} is larger than xlbo reads ({measures}), but holds little: {far} lies far "
            "past the data. Press Ctrl+End in Excel to find it, delete the rows and columns "
            "beyond your data, save, and run again."
        )
    return FileProblem(
        f"{where} is larger than xlbo reads ({measures}); if it is a real bank statement or "
        "ledger, export it as CSV (which xlbo reads at any length); a master or books workbook "
        "this large has to be split (by year)."
    )


def _damaged(file: str, why: str) -> FileProblem:
    return FileProblem(
        f"{file} is damaged or incomplete and cannot be read ({why}). "
        "Open it in Excel to repair it, or export it again."
    )


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


def _tags(local: bytes, xml: bytes) -> Iterator[bytes]:
    """Each start tag `<local …>` (any prefix) of `xml`, whole: a quoted attribute value may
    hold a `>` (a sheet named `Sales > North`, written so by some programs), which ends no tag.

    >>> list(_tags(b"sheet", b'<sheets><sheet name="A>B" r:id="rId1"/></sheets>'))
    [b'<sheet name="A>B" r:id="rId1"/>']
    """
    pattern = rb"<(?:\w+:)?" + local + rb"""\b(?:[^>"']|"[^"]*"|'[^']*')*>"""
    for found in re.finditer(pattern, xml):
        yield found.group(0)


def _attribute(tag: bytes, name: bytes) -> bytes | None:
    r"""The value of attribute `name` (any prefix where `name` has none: `r:id`) in a start tag,
    as written (entities unexpanded); None where the tag has none. A value in double quotes may
    hold an apostrophe (a sheet named `Sep'26`, as Excel writes it), one in single quotes a
    double quote.

    >>> _attribute(b'<sheet name="Sep\'26" r:id="rId1"/>', b"name")
    b"Sep'26"
    >>> _attribute(b"<sheet r:id='rId1'/>", b"id")
    b'rId1'
    """
    found = re.search(rb"""\s(?:\w+:)?""" + name + rb"""\s*=\s*(?:"([^"]*)"|'([^']*)')""", tag)
    if found is None:
        return None
    return found.group(1) if found.group(1) is not None else found.group(2)


def _relationships(rels_xml: bytes) -> dict[str, str]:
    """Relationship id → the zip path it targets, from a workbook's .rels part."""
    targets: dict[str, str] = {}
    for rel in _tags(b"Relationship", rels_xml):
        rid, target = _attribute(rel, b"Id"), _attribute(rel, b"Target")
        if rid is not None and target is not None:
            path = html.unescape(target.decode("utf-8", "replace")).lstrip("/")
            targets[html.unescape(rid.decode("utf-8", "replace"))] = (
                path if path.startswith("xl/") else f"xl/{path}"
            )
    return targets


def _sheet_parts(workbook_xml: bytes, rels_xml: bytes) -> dict[str, str]:
    """Sheet name → zip path of its XML, read from workbook.xml and its relationships by
    pattern (no XML parser, so no entity is ever expanded)."""
    targets = _relationships(rels_xml)
    parts: dict[str, str] = {}
    for tag in _tags(b"sheet", workbook_xml):
        name, rid = _attribute(tag, b"name"), _attribute(tag, b"id")
        if name is not None and rid is not None:
            sheet_part = targets.get(html.unescape(rid.decode("utf-8", "replace")))
            if sheet_part:
                parts[html.unescape(name.decode("utf-8", "replace"))] = sheet_part
    return parts


SURVEYS_KEPT = 8
"""How many surveys of files that passed are kept (`survey_zip`)."""
_surveyed: dict[tuple[object, ...], Survey] = {}


def survey_zip(path: Path) -> Survey:
    """Check a zip workbook against the limits before calamine opens it; return what it holds.

    Raises FileProblem for a zip that is no workbook, damaged or encrypted, that declares or
    inflates past MAX_PARTS / MAX_UNPACKED_MB, or whose XML declares entities.

    A file that passed is not surveyed again while it is the same file (its device, inode,
    size and change times): one job opens a result up to five times (its Run sheet, its
    decisions, its notes, the audit trail before and after), some 0.6 s each at 100,000
    matches. A survey is never changed once made; only the last SURVEYS_KEPT are kept."""
    try:
        seen = path.stat()
        key: tuple[object, ...] | None = (
            str(path.absolute()),
            seen.st_dev,
            seen.st_ino,
            seen.st_size,
            seen.st_mtime_ns,
            seen.st_ctime_ns,
            MAX_PARTS,  # and the limits it was held to
            MAX_UNPACKED_MB,
            MAX_SHEET_CELLS,
        )
    except OSError:
        key = None
    if key is not None and key in _surveyed:
        return _surveyed[key]
    survey = _survey_zip(path)
    if key is not None:
        while len(_surveyed) >= SURVEYS_KEPT:
            _surveyed.pop(next(iter(_surveyed)))
        _surveyed[key] = survey
    return survey


def _survey_zip(path: Path) -> Survey:
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
                survey.sheet_parts = xlsb_sheet_parts(
                    _read_small(archive, "xl/workbook.bin"),
                    _relationships(_read_small(archive, "xl/_rels/workbook.bin.rels")),
                )
            survey.tables = _tables(archive, names, survey.sheet_parts)
            sheets = set(survey.sheet_parts.values()) | {
                name for name in names if _WORKSHEET.fullmatch(name)
            }
            ods = OdsReach() if "content.xml" in names and "xl/workbook.xml" not in names else None
            survey.opened_whole = ods is not None
            for info in infos:
                if info.filename.endswith(_READ_BY_CALAMINE) or info.filename in sheets:
                    content = ods if info.filename == "content.xml" else None
                    _inflate(archive, info, survey, info.filename in sheets, file, content)
            if ods is not None:
                for sheet, size in ods.sizes.items():
                    survey.sheet_parts[sheet] = size.part
                    survey.sizes[size.part] = size
            return survey
    except (zipfile.BadZipFile, zlib.error, EOFError, NotImplementedError) as error:
        raise _damaged(file, str(error) or type(error).__name__) from None


def _tables(
    archive: zipfile.ZipFile, names: set[str], sheet_parts: dict[str, str]
) -> dict[str, tuple[str, int, str]]:
    """Each Excel Table's sheet and declared range, through each sheet's relationships."""
    tables: dict[str, tuple[str, int, str]] = {}
    for sheet, part in sheet_parts.items():
        folder, _, base = part.rpartition("/")
        rels = f"{folder}/_rels/{base}.rels"
        if rels not in names:
            continue
        for target in re.findall(
            rb"""\bTarget\s*=\s*["']([^"']*table[^"']*)["']""", _read_small(archive, rels)
        ):
            path = target.decode("utf-8", "replace")
            path = path.lstrip("/") if path.startswith("/") else posixpath.join(folder, path)
            path = posixpath.normpath(path)
            if path not in names:
                continue
            root = next(_tags(b"table", _read_small(archive, path)), None)
            if root is None:
                continue
            ref = re.fullmatch(
                rb"([A-Za-z]+)0*(\d+):([A-Za-z]+)0*(\d+)", _attribute(root, b"ref") or b""
            )
            if ref is None:
                continue
            rows = abs(int(ref.group(4)) - int(ref.group(2))) + 1
            columns = abs(column_number(ref.group(3)) - column_number(ref.group(1))) + 1
            written = b"".join((ref.group(1), ref.group(2), b":", ref.group(3), ref.group(4)))
            for attribute in (rb"name", rb"displayName"):
                name = _attribute(root, attribute)
                if name is not None:
                    table = html.unescape(name.decode("utf-8", "replace"))
                    tables[table] = (sheet, rows * columns, written.decode("ascii", "replace"))
    return tables


def _read_small(archive: zipfile.ZipFile, name: str) -> bytes:
    """A part that is small in any real workbook (workbook.xml, its relationships)."""
    with archive.open(name) as stream:
        data = stream.read(16 * _MB + 1)
    if len(data) > 16 * _MB:
        raise too_large(Path(archive.filename or "workbook").name, None, unpacked=len(data))
    return data


def zip_sheet_names(path: Path, tables: bool = False) -> list[str] | None:
    """The sheet names an .xlsx/.xlsm's workbook.xml lists, read without inflating a sheet (a
    caller that only needs to know whether a sheet is there); None for any other file, or one
    this cannot read or that lists no sheet (FileBook then says what is wrong with it). With `tables`, None also
    where the workbook holds an Excel Table, which may be named as a sheet is asked for."""
    try:
        declared = _declared_entries(path)  # a zip of a million parts: its directory unread
        if declared is None or declared > MAX_PARTS:
            return None
        with zipfile.ZipFile(path) as archive:
            if tables and any(name.startswith("xl/tables/") for name in archive.namelist()):
                return None
            names = list(
                _sheet_parts(
                    _read_small(archive, "xl/workbook.xml"),
                    _read_small(archive, "xl/_rels/workbook.xml.rels"),
                )
            )
            # no sheet found (a workbook.xml emptied, or not UTF-8): unknown, for FileBook to say
            return names or None
    except (KeyError, FileProblem, zipfile.BadZipFile, OSError, ValueError, RuntimeError):
        return None


def _sheet_of(archive: zipfile.ZipFile, part: str) -> str | None:
    try:
        parts = _sheet_parts(
            _read_small(archive, "xl/workbook.xml"),
            _read_small(archive, "xl/_rels/workbook.xml.rels"),
        )
    except (KeyError, FileProblem):
        return None
    return next((sheet for sheet, target in parts.items() if target == part), None)


SHEET_MARKS = (*HIDDEN_MARKS, b't="e"')
"""What a sheet's XML is searched for as it is inflated: hidden rows and rows of no height
(`xlbo.book.hidden_rows`) and error cells (`FileBook._fill_error_cells`); none holds a `<`, so none is cut across
the pieces `_inflate` looks at."""
_MARK_TAILS = tuple(sorted({mark.lstrip() for mark in SHEET_MARKS}))
"""The marks without their leading white space: four, where SHEET_MARKS are eleven. A piece
of XML is searched for these first (each search reads the whole piece: 0.9 s of eleven searches
on a 100,000-line month's two sheets), and for a whole mark only where its tail is there."""


def sheet_marks(data: bytes) -> set[bytes]:
    """Which of SHEET_MARKS the XML `data` holds."""
    tails = [tail for tail in _MARK_TAILS if tail in data]
    if not tails:
        return set()
    return {mark for mark in SHEET_MARKS if mark.lstrip() in tails and mark in data}


def _inflate(
    archive: zipfile.ZipFile,
    info: zipfile.ZipInfo,
    survey: Survey,
    is_sheet: bool,
    file: str,
    ods: OdsReach | None = None,
) -> None:
    """Inflate one part in chunks, counting what it really unpacks to against the cap, and
    follow a sheet's reach as it goes."""
    binary_sheet = is_sheet and info.filename.endswith(".bin")
    xml = not info.filename.endswith(".bin")
    reach: XmlSheetReach | OdsReach | None = ods
    if is_sheet and not binary_sheet:
        reach = XmlSheetReach(SheetSize(info.filename), trust_up_to=MAX_SHEET_CELLS)
    records = bytearray()
    carry = b""
    marks = survey.mentions.setdefault(info.filename, set()) if is_sheet and xml else set()
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
            _look(data, reach, file)
            if is_sheet:
                marks.update(sheet_marks(data))
        if carry:
            _look(carry, reach, file)
            if is_sheet:
                marks.update(sheet_marks(carry))
    if binary_sheet:
        rows, columns = xlsb_grid(bytes(records))
        survey.sizes[info.filename] = SheetSize(
            info.filename, rows, columns, info.file_size, seen=(rows, columns)
        )
    if isinstance(reach, OdsReach):
        for size in reach.sizes.values():
            size.unpacked = info.file_size
    if isinstance(reach, XmlSheetReach):
        size = reach.size
        size.unpacked = info.file_size
        if reach.without_refs:  # placed one after another, as calamine places them
            with archive.open(info) as stream:
                rows, columns = place_cells(stream.read())
            size.rows, size.columns = max(size.rows, rows), max(size.columns, columns)
            size.seen = (max(size.seen[0], rows), max(size.seen[1], columns))
        survey.sizes[info.filename] = size


def _look(data: bytes, reach: XmlSheetReach | OdsReach | None, file: str) -> None:
    if b"!" in data and _DECLARATION.search(data):
        raise FileProblem(
            f"{file} holds XML entity declarations (<!DOCTYPE or <!ENTITY), which Excel never "
            "writes and xlbo does not read. Open it in Excel and save it again if you trust it."
        )
    if reach is not None:
        reach.feed(data)


def check_xls(path: Path) -> None:
    """Refuse an old-style workbook that is no workbook, whose BIFF stream is past MAX_XLS_MB,
    whose cells would make a grid past MAX_SHEET_CELLS (a cell record may name any of
    65,536 x 65,536 cells, whatever Excel's 256 columns) or whose DIMENSIONS record declares
    more than Excel 97's whole grid (calamine reserves room for what it declares)."""
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
    rows, columns, declared = biff_grid(data)
    if rows * columns > MAX_SHEET_CELLS:
        raise too_large(
            path.name,
            None,
            unpacked=len(data),
            cells=rows * columns,
            last_cell=f"{column_letter(columns - 1)}{rows}",
        )
    if declared > max(MAX_SHEET_CELLS, _EXCEL_97_GRID):  # never written by Excel: refused
        raise too_large(path.name, None, unpacked=len(data), cells=declared)


def check_parquet(path: Path) -> None:
    """Refuse a Parquet file whose footer declares more than MAX_PARQUET_CELLS cells or
    MAX_PARQUET_MB unpacked (counting at least 8 bytes a cell), before any column is read. A
    footer that cannot be read is left to the reader, which says the file is damaged."""
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


def check_text_grid(file: str, lines: int, widest: int) -> None:
    """Refuse a CSV text whose lines, padded to the widest, pass MAX_TEXT_CELLS."""
    if lines * widest > MAX_TEXT_CELLS:
        raise FileProblem(
            f"{file} is larger than xlbo reads ({lines:,} lines of up to {widest:,} fields = "
            f"{lines * widest:,} cells); a line that long is not a statement's: check the "
            "separator, or export the file again."
        )


def check_text_size(path: Path) -> None:
    """Refuse a CSV file past MAX_TEXT_MB before it is read."""
    size = path.stat().st_size
    if size > MAX_TEXT_MB * _MB:
        raise FileProblem(
            f"{path.name} is larger than xlbo reads as CSV ({size / _MB:,.0f} MB; the limit is "
            f"{MAX_TEXT_MB:,} MB). Export it as Parquet, or split it by month."
        )


_CELL = re.compile(rb"<c\b([^>]*?)(?:/>|>(.*?)</c>)", re.DOTALL)
_FORMULA = re.compile(rb"<f\b[^>]*?(?:/>|>(.*?)</f>)", re.DOTALL)
_VALUE = re.compile(rb"<v\b[^>]*?(?:/>|>(.*?)</v>)", re.DOTALL)
_TEXT_RESULT = re.compile(rb"""\bt\s*=\s*["'](?:str|s|inlineStr|b|e)["']""")


def uncalculated_formulas(
    path: Path, sheet: str, column: str | Sequence[str]
) -> list[tuple[str, str]]:
    """The cells of `column` (letters; or of several columns, the sheet read once) on `sheet`
    of the .xlsx `path` that hold a formula with no value: what a tool that does not calculate
    (openpyxl, a script) writes. Excel, LibreOffice and calamine would read them as empty.
    (cell, formula) pairs, in sheet order; none for a workbook that is not a zip of XML, or
    whose sheet is not found."""
    columns = [column] if isinstance(column, str) else list(column)
    if not columns:
        return []
    letters = b"|".join(re.escape(letter.upper().encode()) for letter in columns)
    wanted = re.compile(rb"""\br\s*=\s*["'](""" + letters + rb""")(\d+)["']""")
    found: list[tuple[str, str]] = []
    try:
        with zipfile.ZipFile(path) as archive:
            names = set(archive.namelist())
            if "xl/workbook.xml" not in names or "xl/_rels/workbook.xml.rels" not in names:
                return []
            part = _sheet_parts(
                _read_small(archive, "xl/workbook.xml"),
                _read_small(archive, "xl/_rels/workbook.xml.rels"),
            ).get(sheet)
            if part is None or part not in names:
                return []
            tail = b""
            with archive.open(part) as stream:
                while block := stream.read(_CHUNK):
                    data = tail + block
                    cut = data.rfind(b"</row>") + len(b"</row>")
                    if cut < len(b"</row>"):
                        tail = data
                        continue
                    body, tail = data[:cut], data[cut:]
                    if b"<f" in body:
                        found += _formulas_without_values(body, wanted)
            if tail and b"<f" in tail:
                found += _formulas_without_values(tail, wanted)
    except (OSError, zipfile.BadZipFile, KeyError, ValueError):
        return []
    return found


def _formulas_without_values(xml: bytes, wanted: re.Pattern[bytes]) -> list[tuple[str, str]]:
    found = []
    for cell in _CELL.finditer(xml):
        attributes, inner = cell.group(1), cell.group(2) or b""
        where = wanted.search(attributes)
        if where is None:
            continue
        formula = _FORMULA.search(inner)
        if formula is None:
            continue
        value = _VALUE.search(inner)
        empty = value is None or not (value.group(1) or b"").strip()
        if value is None or (empty and not _TEXT_RESULT.search(attributes)):
            text = html.unescape((formula.group(1) or b"").decode("utf-8", "replace"))
            found.append((f"{where.group(1).decode()}{where.group(2).decode()}", f"={text}"))
    return found
