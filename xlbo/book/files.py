"""The file side of the workbook port: read tables from `.xlsx`, `.xlsm`, `.xls`, `.ods` and
`.csv` files, and from the `.xls` files that are no workbook but Excel opens all the same, as
banks' "Excel" downloads often are: tab-separated text (SBI) or a web page's tables (ICICI's
Detailed Statement).

Reads go through calamine (Rust), which is several times faster than openpyxl. Before a file is
read it is checked, so that each way a file can be wrong gets its own plain message instead of a
traceback: missing, a folder, not a spreadsheet at all, damaged, password-protected, held open by
another program — and, before calamine allocates anything, against the limits of
`xlbo.book.limits` (a zip bomb, a lone value at XFD1048576, XML entity declarations). Every
command reads untrusted workbooks through `FileBook`, so this is the one sandbox they pass.
Nothing here writes to the input.

    >>> book = FileBook("master.xlsx")                          # doctest: +SKIP
    >>> employees = book.read_table("Employees", headers=["Employee ID", "Name"])  # doctest: +SKIP
"""

from __future__ import annotations

import codecs
import csv
import io
import re
import shutil
import tempfile
import weakref
import zipfile
from collections import Counter
from collections.abc import Sequence
from functools import lru_cache
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

import numpy as np
import olefile
import pandas as pd
import python_calamine as calamine

from xlbo.arrow import pa, pc
from xlbo.book.hidden_rows import (
    HIDDEN_MARKS,
    HiddenRows,
    hidden_rows,
    ods_hidden_rows,
    xls_hidden_rows,
)
from xlbo.book.limits import (
    SHEET_MARKS,
    Survey,
    check_parquet,
    check_text_grid,
    check_text_size,
    check_xls,
    survey_zip,
    too_large,
)
from xlbo.book.spreadsheet_2003 import (
    NotSpreadsheet2003,
    Spreadsheet2003,
    is_spreadsheet_2003,
    parse_spreadsheet_2003,
)
from xlbo.book.table import Table, column_letter, find_header_row, header_key, header_text
from xlbo.dates import FORCED_TEXT
from xlbo.errors import FileProblem, SheetProblem

EXCEL_SUFFIXES = frozenset({".xlsx", ".xlsm", ".xlsb", ".xls", ".ods"})
TEXT_SUFFIXES = frozenset({".csv", ".txt", ".tsv"})
PARQUET_SUFFIXES = frozenset({".parquet", ".pq"})
SUFFIXES = EXCEL_SUFFIXES | TEXT_SUFFIXES | PARQUET_SUFFIXES

_ZIP = b"PK\x03\x04"
_OLE = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
_ERROR_CELL = re.compile(
    rb'<c r="([A-Z]{1,3})(\d+)"[^>]*?\bt="e"[^>]*>(?:<f[^>]*>.*?</f>|<f/>)?<v>([^<]*)</v>'
)


_HTML_START = re.compile(
    rb"<(?:!doctype\s+html|html|head|body|meta|style|title|link|script|div|table|span|font|"
    rb"center|form|p|b|h[1-6])[\s/>]"
)
"""The tags a web page saved as `.xls` may begin with: not only `<html>` — portals write the
table under a bare `<div>` (xlrd issue #350's "AccountTransaction.xls": `<div>\\r\\n\\t<table>`),
a `<meta>` naming the encoding, or a `<style>` of Excel's number formats first."""


def _looks_like(head: bytes) -> str:
    """What a file is, by its first bytes (after a byte-order mark and spaces), in words for a
    message: a web page is told by the tag it begins with, or by `<html` anywhere in them (an
    XHTML page begins with an XML prolog and a comment)."""
    sample = head.removeprefix(b"\xef\xbb\xbf").lstrip().lower()
    if sample.startswith(b"%pdf"):
        return "a PDF document"
    if _HTML_START.match(sample) or b"<html" in sample or b"<!doctype html" in sample:
        return "a web page (HTML) saved with a spreadsheet name"
    if sample.startswith(b"<?xml"):
        return "an XML file"
    if not head:
        return "an empty file"
    try:
        head.decode("utf-8")
    except UnicodeDecodeError:
        return "not a spreadsheet"
    return "a text file"


TEXT_SAMPLE = 65536
"""Bytes of a file looked at to tell a table of text from other files."""


def _delimited_text(path: Path) -> bool:
    """Whether a file is a table of delimited text: SBI's "Excel" download is tab-separated
    text named `.xls`, its account block above the table (Excel opens it). Two lines or more
    (the header and a line: a month of one transaction) split into the same number of fields,
    three or more, by one separator, or three lines into two; a web page or an XML file is not
    text xlbo reads."""
    with path.open("rb") as handle:
        raw = handle.read(TEXT_SAMPLE)
    text = decode_text(raw)  # UTF-16 and Windows-1252 too
    if "\x00" in text or _looks_like(text.lstrip("\ufeff")[:512].encode("utf-8")) != "a text file":
        return False
    separator = sniff_delimiter(text)
    widths = Counter(
        len(row)
        for row in csv.reader(io.StringIO(_QUOTED.sub('""', text), newline=""), delimiter=separator)
        if len(row) > 1
    )
    return any(
        (width >= 3 and lines >= 2) or (width >= 2 and lines >= 3)
        for width, lines in widths.items()
    )


MAX_COLSPAN = 64
"""The most columns a web page's cell is taken to span: each column a span claims becomes a
blank cell of its row, so `colspan="999999999"` would make a billion cells of one row. A bank's
or a ledger's page has a few dozen columns at most, so a title cell that claims
`colspan="100"` to span "all" is still wider than its table at 64; a wider span is cut to 64
columns (HTML itself allows 1,000)."""
MAX_ROWSPAN = 1000
"""The most rows a web page's cell is taken to span: each row a span claims is walked when the
date in it is given to the lines below (`_dated_by_merges`), so a page's `rowspan="999999999"`
would be walked a billion times for each such cell; a longer span ends at this row, the rows
below it read as under no span."""


class _TableRows(HTMLParser):
    """The rows of a web page's tables as Excel shows them when it opens the page: each `<tr>`
    a row of its `<td>`/`<th>` cells' text (a cell spanning columns followed by blank cells, a
    cell spanning rows a blank cell in each row below it, the span kept in `merges` as Excel
    merges it; a `<br>` a space; a row or cell left open ends where the next begins). An empty
    `<tr></tr>` gives no row, but a cell above spanning rows counts it as one of its rows, as a
    browser does: `<td rowspan="2">` over a line and an empty `<tr>` spans that line alone, and
    the next line keeps its own (blank) date. A table inside a cell gives its own rows. Nothing is fetched and no entity but HTML's own is
    known."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.rows: list[list[str]] = []
        self.merges: list[tuple[tuple[int, int], tuple[int, int]]] = []
        """Cells spanning rows, as calamine gives a workbook's merged cells: ((first row,
        first column), (last row, last column)), from 0."""
        self._depth = 0
        """How many tables are open."""
        self._open: list[_OpenRow] = []
        """The rows begun and not ended, innermost last (a table in a cell opens one inside
        another)."""
        self._below: dict[int, dict[int, int]] = {}
        """For each depth of table, the columns a cell above spans into: how many rows more."""
        self._spanned_by: dict[int, dict[int, int]] = {}
        """For each depth of table, the columns a cell above spans into: that cell's merge
        (its place in `merges`)."""

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "table":
            self._depth += 1
        elif tag == "tr":
            while self._open and self._open[-1].depth >= self._depth:
                self._end_row()
            self._open.append(_OpenRow(self._depth, self._below.setdefault(self._depth, {})))
        elif tag in ("td", "th") and self._open:
            row = self._open[-1]
            row.end_cell()
            span = next((value for name, value in attrs if name == "colspan"), None) or "1"
            down = next((value for name, value in attrs if name == "rowspan"), None) or "1"
            row.text, row.span = [], max(1, min(int(span) if span.isdigit() else 1, MAX_COLSPAN))
            row.down = max(1, min(int(down) if down.isdigit() else 1, MAX_ROWSPAN))
        elif tag == "br":
            self.handle_data(" ")

    def handle_endtag(self, tag: str) -> None:
        if tag in ("td", "th") and self._open:
            self._open[-1].end_cell()
        elif tag == "tr" and self._open and self._open[-1].depth >= self._depth:
            self._end_row()
        elif tag == "table" and self._depth:
            while self._open and self._open[-1].depth >= self._depth:
                self._end_row()
            self._depth -= 1

    def handle_data(self, data: str) -> None:
        if self._open and self._open[-1].text is not None:
            self._open[-1].text.append(data)

    def _end_row(self) -> None:
        row = self._open.pop()
        row.end_cell()
        below = self._below.get(row.depth, {})
        spanned_by = self._spanned_by.setdefault(row.depth, {})
        if row.cells:
            at = len(self.rows)
            self.rows.append(row.cells)
            for column, width, down in row.spanning:
                for each in range(column, column + width):
                    spanned_by[each] = len(self.merges)
                self.merges.append(((at, column), (at + down - 1, column + width - 1)))
        else:  # an empty `<tr>`: a row no line is read from, which a cell above spans all the same
            for merge in {spanned_by[c] for c in below if c in spanned_by}:
                (top, left), (bottom, right) = self.merges[merge]
                self.merges[merge] = ((top, left), (bottom - 1, right))
        for column in [c for c in below if c not in row.started]:  # a row further down
            below[column] -= 1
            if not below[column]:
                del below[column]

    def close(self) -> None:
        super().close()
        while self._open:
            self._end_row()


class _OpenRow:
    """A `<tr>` being read: its cells so far, the text of the cell being read (None between
    cells) and that cell's column and row spans, how many tables were open where it began, and
    its table's columns that cells of rows above span into (`below`: how many rows more), which
    it leaves blank."""

    def __init__(self, depth: int, below: dict[int, int]) -> None:
        self.depth = depth
        self.cells: list[str] = []
        self.text: list[str] | None = None
        self.span = 1
        self.down = 1
        self.below = below
        self.spanning: list[tuple[int, int, int]] = []
        """The cells of this row spanning rows: (column, columns, rows)."""
        self.started: set[int] = set()
        """The columns of this row's own cells spanning rows (not yet counted down)."""

    def end_cell(self) -> None:
        if self.text is not None:
            while len(self.cells) in self.below and len(self.cells) not in self.started:
                self.cells.append("")  # under a cell of a row above that spans this one
            if self.down > 1:
                self.spanning.append((len(self.cells), self.span, self.down))
                for column in range(len(self.cells), len(self.cells) + self.span):
                    self.below[column] = self.down - 1
                    self.started.add(column)
            self.cells.append(" ".join("".join(self.text).split()))
            self.cells.extend([""] * (self.span - 1))
            self.text, self.span, self.down = None, 1, 1


def _html_tables(path: Path) -> _TableRows:
    """The tables of a web page saved as `.xls`, read (`_TableRows`): each page's text parsed
    once (telling a web page from a CSV, its rows and its cells spanning rows all ask)."""
    check_text_size(path)
    return _parsed_html(decode_text(path.read_bytes()))


@lru_cache(maxsize=2)
def _parsed_html(text: str) -> _TableRows:
    """`_html_tables` of a page's text (the cache's key: reading the file again costs little
    beside parsing it)."""
    parser = _TableRows()
    parser.feed(text)
    parser.close()
    return parser


def _html_rows(path: Path) -> list[list[Any]]:
    """The rows of the tables of a web page saved as `.xls`, padded to one width."""
    parser = _html_tables(path)
    width = max((len(row) for row in parser.rows), default=0)
    check_text_grid(path.name, len(parser.rows), width)
    return [row + [""] * (width - len(row)) for row in parser.rows]


HTML_SAMPLE = 1024
"""Bytes of a file looked at for the start of a web page (an XHTML page's prolog, comment and
doctype come before its `<html>`)."""


def _html_table(path: Path) -> bool:
    """Whether a file is a web page holding a table of two rows or more of two cells or more
    (a bank's statement download), not a page that only says something went wrong."""
    with path.open("rb") as handle:
        head = handle.read(HTML_SAMPLE)
    if "web page" not in _looks_like(decode_text(head).lstrip("\ufeff").encode("utf-8")):
        return False
    return sum(len([c for c in row if c]) >= 2 for row in _html_rows(path)) >= 2


DEFAULT_PASSWORD = "VelvetSweatshop"
"""The password Excel encrypts a workbook with when the user chose none (an .xls whose workbook
structure is protected; some programs' exports): Excel opens such a file without asking, and so
does xlbo, into a private temporary copy (the file itself is never changed)."""


def _remove(folder: Path) -> None:
    """Remove a decrypted copy's private folder (quietly: a copy another program still holds
    open on Windows is left to the system's temporary files)."""
    shutil.rmtree(folder, ignore_errors=True)


def without_default_password(path: Path, *, decrypt: bool = True) -> bytes | None:
    """The workbook `path` decrypted with Excel's default password; None where that is not its
    password (the user chose one) or it cannot be decrypted so. With `decrypt` False the
    password is only checked (b"" where it opens the file): `check_readable` asks that much,
    `FileBook` decrypts once."""
    try:
        import msoffcrypto  # only for an encrypted file
    except ImportError:  # pragma: no cover — a dependency of xlbo
        return None
    try:
        with path.open("rb") as handle:
            office = msoffcrypto.OfficeFile(handle)
            if office.format == "ooxml":
                office.load_key(password=DEFAULT_PASSWORD, verify_password=True)
            else:  # an .xls's load_key checks the password itself
                office.load_key(password=DEFAULT_PASSWORD)
            if not decrypt:
                return b""
            plain = io.BytesIO()
            office.decrypt(plain)
    except Exception:  # msoffcrypto's own errors for another password or an unknown scheme
        return None
    content = plain.getvalue()
    return content if content.startswith((_ZIP, _OLE)) else None


def _encrypted_package(path: Path) -> bool:
    """Whether an encrypted OLE file holds an .xlsx (its EncryptedPackage), not an .xls."""
    with olefile.OleFileIO(str(path)) as ole:
        return bool(ole.exists("EncryptedPackage"))


def _encrypted_ole(path: Path) -> bool:
    """Whether an OLE file is password-protected: an .xlsx saved with a password (its package
    inside EncryptionInfo and EncryptedPackage), or an old .xls whose workbook stream says so
    in a FILEPASS record at its head (its other records scrambled: read as they are, its
    dimensions said it held 3,789,140,607 cells)."""
    try:
        with olefile.OleFileIO(str(path)) as ole:
            if ole.exists("EncryptionInfo") or ole.exists("EncryptedPackage"):
                return True
            stream = next((n for n in ("Workbook", "Book") if ole.exists(n)), None)
            return stream is not None and _file_pass(ole.openstream(stream).read(4096))
    except OSError:
        return False
    except Exception as error:  # olefile's own errors on a broken file: ValueError, struct.error …
        raise FileProblem(
            f"{path.name} is damaged or incomplete (an old-style Excel file that cannot be "
            "opened). Download or export it again, then run again."
        ) from error


_FILEPASS, _BOUNDSHEET, _EOF = 0x002F, 0x0085, 0x000A


def _file_pass(head: bytes) -> bool:
    """Whether an .xls workbook stream's globals (its first records, before the first sheet's
    or their end) hold a FILEPASS record: the workbook is encrypted."""
    at = 0
    while at + 4 <= len(head):
        kind, size = (
            int.from_bytes(head[at : at + 2], "little"),
            int.from_bytes(head[at + 2 : at + 4], "little"),
        )
        if kind == _FILEPASS:
            return True
        if kind in (_BOUNDSHEET, _EOF):
            return False
        at += 4 + size
    return False


def panicked(error: BaseException) -> bool:
    """Whether `error` is a Rust panic come up through python-calamine: pyo3's PanicException,
    which is a BaseException (not an Exception), raised where calamine meets what it did not
    expect in a damaged file (a fuzzed .xls's directory: `range end index 64 out of range`)."""
    return type(error).__name__ == "PanicException"


def _failed(error: BaseException) -> bool:
    """Whether calamine failed on the file (an error, or a panic), not the user stopping."""
    return isinstance(error, Exception) or panicked(error)


def _open_calamine(path: Path, tables: bool) -> calamine.CalamineWorkbook:
    """The workbook opened by calamine, with its Excel Tables if `tables`. A workbook whose
    Table part calamine cannot read (a broken xl/tables/tableN.xml) is opened again without
    its Tables: its sheets are still read, and only a Table's name as a range is unknown.
    A workbook that cannot be opened without them raises as calamine raises."""
    if tables:
        try:
            return calamine.CalamineWorkbook.from_path(str(path), load_tables=True)
        except BaseException as error:  # calamine's own types; opening again tells what is wrong
            if not _failed(error):
                raise
    return calamine.CalamineWorkbook.from_path(str(path), load_tables=False)


def _xls_hidden(path: Path) -> dict[str, HiddenRows]:
    """Each sheet's hidden rows in an .xls (`xls_hidden_rows`); none for a stream that cannot
    be opened: the sheets were read, whether rows are shown is only told."""
    try:
        with olefile.OleFileIO(str(path)) as ole:
            stream = next((n for n in ("Workbook", "Book") if ole.exists(n)), None)  # BIFF8, 5
            if stream is None:
                return {}
            return xls_hidden_rows(ole.openstream(stream).read())
    except Exception:  # olefile's own errors on a broken file: ValueError, struct.error …
        return {}


def check_readable(path: Path) -> str:
    """Raise FileProblem unless `path` is a spreadsheet xlbo can read; return its real kind
    (`zip`, `ole`, `text`, `parquet`, `html` or `xml2003`)."""
    if not path.exists():
        raise FileProblem(f"{path} was not found. Check the name and folder, then run again.")
    if path.is_dir():
        raise FileProblem(f"{path} is a folder, not a workbook. Give the workbook's file name.")
    suffix = path.suffix.lower()
    if suffix not in SUFFIXES:
        raise FileProblem(
            f"{path.name} is not a file xlbo reads; use an Excel workbook (.xlsx, .xlsm, .xls), "
            "a .csv file or, past Excel's million rows, a .parquet file."
        )
    try:
        with path.open("rb") as handle:
            head = handle.read(512)
    except PermissionError:
        raise FileProblem(
            f"{path} is locked by another program (Excel?) or you may not read it. "
            "Close it there and run again."
        ) from None
    except OSError as error:
        raise FileProblem(f"{path} cannot be read ({error.strerror}).") from None
    if suffix in PARQUET_SUFFIXES:
        if not head.startswith(b"PAR1"):
            raise FileProblem(
                f"{path.name} is not a Parquet file (it is {_looks_like(head)}); export it again."
            )
        return "parquet"
    if suffix in TEXT_SUFFIXES:
        if not head:
            raise FileProblem(f"{path.name} is empty (0 bytes). Export it again.")
        if head.startswith((_ZIP, _OLE)):
            raise FileProblem(
                f"{path.name} is an Excel workbook with a .csv name; rename it .xlsx."
            )
        return "html" if _html_table(path) else "text"  # a portal's web page named .csv
    if head.startswith(_OLE):
        if _encrypted_ole(path):
            if without_default_password(path, decrypt=False) is not None:
                return "zip" if _encrypted_package(path) else "ole"
            raise FileProblem(
                f"{path.name} is password-protected. Open it in Excel, remove the password "
                "(File > Info > Protect Workbook > Encrypt with Password, clear it), save, and run again."
            )
        return "ole"
    if head.startswith(_ZIP):
        return "zip"
    if not head:
        raise FileProblem(f"{path.name} is empty (0 bytes). Export or save the workbook again.")
    if suffix == ".xls" and _delimited_text(path):  # as Excel opens it (not a text .xlsx)
        return "text"
    if _html_table(path):  # ICICI's and others' "Excel" download, named .xls (or .xlsx)
        return "html"
    if is_spreadsheet_2003(head):  # NetSuite's and Ujjivan's "Excel" download, named .xls
        return "xml2003"
    raise FileProblem(
        f"{path.name} is not an Excel workbook: it is {_looks_like(head)}. "
        "Open it in Excel and use Save As > Excel Workbook (.xlsx), then run again."
    )


_CELL_LIMIT = re.compile(r"Cell limit exceeded \((\d+) cells")


def _damaged(path: Path, error: BaseException) -> FileProblem:
    if isinstance(error, calamine.PasswordError):
        return FileProblem(
            f"{path.name} is password-protected. Remove the password in Excel, save, and run again."
        )
    cells = _CELL_LIMIT.search(str(error))
    if cells:  # calamine's own cap on an .ods sheet's repeated cells
        return too_large(path.name, None, unpacked=path.stat().st_size, cells=int(cells.group(1)))
    repair = (
        "Export it again."
        if path.suffix.lower() in PARQUET_SUFFIXES
        else "Open it in Excel to repair it, or export it again."
    )
    return FileProblem(
        f"{path.name} is damaged or incomplete and cannot be read ({type(error).__name__}). "
        + repair
    )


_QUOTED = re.compile(r'"[^"]*"')


def sniff_delimiter(sample: str) -> str:
    r"""The field separator of a CSV export: of `,` `;` tab `|`, the one that splits the most
    lines into the same number of fields (title lines above the table do not fool it). What is
    inside quotes does not count: Axis Bank writes every amount as `"\t3,932.20"`, and that tab
    is not a separator.

    >>> sniff_delimiter('Date,Amount\n01/10/2026,"\t3,932.20"\n02/10/2026,"\t1.00"\n')
    ','
    """
    unquoted = _QUOTED.sub('""', sample)
    lines = [line for line in unquoted.splitlines()[:200] if line.strip()]
    best, best_score = ",", (0, 0)
    for candidate in (",", ";", "\t", "|"):
        counts = Counter(line.count(candidate) for line in lines)
        counts.pop(0, None)
        if not counts:
            continue
        fields, lines_with = max(counts.items(), key=lambda item: (item[1], item[0]))
        if (lines_with, fields) > best_score:
            best, best_score = candidate, (lines_with, fields)
    return best


_BOMS = (
    (b"\xef\xbb\xbf", "utf-8-sig"),
    (b"\xff\xfe", "utf-16"),
    (b"\xfe\xff", "utf-16"),
)


def _stray_as_cp1252(error: UnicodeError) -> tuple[str, int]:
    """A codecs error handler: bytes that are no UTF-8 read as Windows-1252 (a byte it leaves
    undefined, 0x81, as Latin-1)."""
    if not isinstance(error, UnicodeDecodeError):
        raise error
    stray = error.object[error.start : error.end]
    text = "".join(bytes([byte]).decode("cp1252", errors="ignore") or chr(byte) for byte in stray)
    return text, error.end


_STRAY_AS_CP1252 = "xlbo-stray-as-cp1252"
codecs.register_error(_STRAY_AS_CP1252, _stray_as_cp1252)


def decode_text(raw: bytes) -> str:
    r"""The text of an exported file, whichever encoding the bank or Excel chose: a byte-order
    mark says UTF-8 or UTF-16; UTF-16 without one shows as a NUL byte beside most ASCII
    characters; else UTF-8, each byte that is no UTF-8 read as Windows-1252 (what Excel's "CSV"
    saves on Windows: é, ’ and – are single bytes there). A file wholly in Windows-1252 reads
    the same either way; a UTF-8 export with ₹ before every figure and one narration typed on
    Windows (an en dash, byte 0x96) keeps its ₹s — read wholly as Windows-1252 they became `â‚¹`.

    >>> decode_text("₹45,000.00,OM SAI FREIGHT ".encode() + b"\x96 OCT")
    '₹45,000.00,OM SAI FREIGHT – OCT'
    """
    for mark, encoding in _BOMS:
        if raw.startswith(mark):
            return raw.decode(encoding, errors="replace")
    head = raw[:4096]
    if len(head) >= 2 and head.count(0) * 3 >= len(head):
        even, odd = head[0::2].count(0), head[1::2].count(0)
        return raw.decode("utf-16-le" if odd > even else "utf-16-be", errors="replace")
    return raw.decode("utf-8", errors=_STRAY_AS_CP1252)


def _csv_text(path: Path) -> tuple[str, str]:
    """The text of a CSV export (see `decode_text`) and its field separator."""
    check_text_size(path)
    text = decode_text(path.read_bytes())
    return text, sniff_delimiter(text[:65536])


_OPEN_QUOTE = re.compile(r"EOF inside string starting at row (\d+)")


def _read_csv_frame(path: Path) -> pd.DataFrame:
    """A CSV file's cells as text (blank cells ""), title lines and all, in one pandas read."""
    text, delimiter = _csv_text(path)
    sample = text[:65536]
    width = max(
        (len(r) for r in csv.reader(io.StringIO(sample, newline=""), delimiter=delimiter)),
        default=1,
    )
    check_text_grid(path.name, text.count("\n") + 1, width)
    try:
        # Bytes parse faster than a str, and object cells then one conversion to text faster
        # than the parser's own `dtype=str` (the cells are the same).
        frame = pd.read_csv(
            io.BytesIO(text.encode("utf-8")),
            sep=delimiter,
            header=None,
            names=range(width),
            dtype=object,
            keep_default_na=False,
            skip_blank_lines=False,
            engine="c",
            encoding="utf-8",
        )
        return _excel_texts(frame.astype(str)) if '="' in text else frame.astype(str)
    except (pd.errors.ParserError, ValueError) as error:  # a later line wider than the sample's
        opened = _OPEN_QUOTE.search(str(error))
        if opened:
            raise FileProblem(
                f'{path.name}: a quote (") opened on line {int(opened.group(1)) + 1} is never '
                "closed, so everything after it would read as one cell. Correct that line, or "
                "export the file again."
            ) from None
        return _excel_texts(pd.DataFrame(_csv_rows(path.name, text, delimiter), dtype=object))


def _read_parquet(path: Path) -> pd.DataFrame:
    check_parquet(path)
    try:
        frame = pd.read_parquet(path)
    except ImportError:
        raise FileProblem(
            f"{path.name} is a Parquet file; reading it needs pyarrow (pip install pyarrow)."
        ) from None
    except Exception as error:
        raise _damaged(path, error) from None
    frame.columns = [str(c) for c in frame.columns]
    return frame.reset_index(drop=True)


def _csv_rows(file: str, text: str, delimiter: str) -> list[list[Any]]:
    """The rows of a CSV text, padded to one width with blank cells."""
    try:
        rows: list[list[Any]] = [
            list(r) for r in csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
        ]
    except csv.Error as error:  # a cell past the csv module's limit (131,072 characters)
        raise FileProblem(
            f"{file} cannot be read as CSV ({error}): one cell is longer than any statement's "
            '(a quote (") left open makes the rest of the file one cell). Check the export, or '
            "export it again."
        ) from None
    width = max((len(r) for r in rows), default=0)
    check_text_grid(file, len(rows), width)
    for row in rows:
        if len(row) < width:
            row.extend([""] * (width - len(row)))
    return rows


def _read_csv_rows(path: Path) -> list[list[Any]]:
    rows = _csv_rows(path.name, *_csv_text(path))
    return [[FORCED_TEXT.sub(r"\1", c) if c.startswith('="') else c for c in r] for r in rows]


def _excel_texts(frame: pd.DataFrame) -> pd.DataFrame:
    """The frame with each `="…"` cell read as the text inside it, as Excel opens it
    (`FORCED_TEXT`: Canara's CSV writes its cheque and account numbers so)."""
    for column in frame.columns:
        cells = frame[column]
        if cells.str.startswith('="').any():
            frame[column] = cells.str.replace(FORCED_TEXT, r"\1", regex=True)
    return frame


class FileBook:
    """A workbook file opened for reading tables.

    One calamine handle serves every read; sheets are read whole (calamine is fastest that way)
    and cut to the table under the header row.
    """

    def __init__(self, path: str | Path) -> None:
        self.path = Path(path)
        self.kind = check_readable(self.path)
        self.name = self.path.name
        if self._encrypted():  # with Excel's default password: read from a private copy
            self.path = self._decrypted_copy()
        self._workbook: Any = None
        self._sheets: dict[str, Any] = {}
        self._sheet_names: list[str]
        self._survey = Survey()
        self._hidden: dict[str, HiddenRows] | None = None
        """An .ods's or .xls's hidden rows, sheet → rows: all sheets' are read at once."""
        self._xml2003: Spreadsheet2003 | None = None
        if self.kind == "xml2003":  # every sheet read at once: it is one XML document
            check_text_size(self.path)
            try:
                self._xml2003 = parse_spreadsheet_2003(decode_text(self.path.read_bytes()))
            except NotSpreadsheet2003 as error:
                raise FileProblem(
                    f"{self.name} is an XML Spreadsheet 2003 that cannot be read: {error}. Open "
                    "it in Excel and use Save As > Excel Workbook (.xlsx), then run again."
                ) from None
            self._sheet_names = list(self._xml2003.names)
            return
        if self.kind in ("text", "parquet", "html"):
            self._sheet_names = [self.path.stem]
            return
        if self.kind == "zip":  # the limits, before calamine allocates anything
            self._survey = survey_zip(self.path)
            if self._survey.opened_whole:  # calamine reads every sheet of an .ods on opening
                for sheet in self._survey.sheet_parts:
                    self._survey.check_sheet(self.name, sheet)
        else:
            check_xls(self.path)
        suffix = self.path.suffix.lower()
        content_matches_name = (self.kind == "zip") == (
            suffix in {".xlsx", ".xlsm", ".xlsb", ".ods"}
        )
        try:
            if content_matches_name:
                self._workbook = _open_calamine(self.path, suffix in {".xlsx", ".xlsm"})
            else:  # an .xls saved with an .xlsx name, or the reverse: let calamine sniff it
                with self.path.open("rb") as handle:
                    self._workbook = calamine.CalamineWorkbook.from_filelike(
                        io.BytesIO(handle.read()), load_tables=False
                    )
        except PermissionError:
            raise FileProblem(
                f"{self.path} is locked by another program. Close it there and run again."
            ) from None
        except (calamine.CalamineError, ValueError, OSError, zipfile.BadZipFile) as error:
            raise _damaged(self.path, error) from None
        except BaseException as error:  # calamine raises its own exception types for bad files
            if (
                type(error).__module__.startswith("python_calamine")
                or "calamine" in repr(error)
                or panicked(error)
            ):
                raise _damaged(self.path, error) from None
            raise
        self._sheet_names = list(self._workbook.sheet_names)

    def _encrypted(self) -> bool:
        """Whether the file is an OLE container holding an encrypted workbook (one that
        `check_readable` found opens with Excel's default password)."""
        with self.path.open("rb") as handle:
            ole = handle.read(len(_OLE)) == _OLE
        return ole and _encrypted_ole(self.path)

    def _decrypted_copy(self) -> Path:
        """The workbook decrypted into a file of a private temporary folder, removed when this
        FileBook is; its messages still name the user's file (`name`)."""
        plain = without_default_password(self.path)
        if plain is None:  # pragma: no cover — check_readable refused it already
            raise FileProblem(f"{self.name} is password-protected.")
        folder = Path(tempfile.mkdtemp(prefix="xlbo-"))
        weakref.finalize(self, _remove, folder)
        copy = folder / f"decrypted{'.xlsx' if plain.startswith(_ZIP) else '.xls'}"
        copy.write_bytes(plain)
        return copy

    # -- what the workbook holds ------------------------------------------------------------

    def sheet_names(self) -> list[str]:
        return list(self._sheet_names)

    def hidden_sheets(self) -> list[str]:
        """The sheets Excel does not show (hidden or very hidden)."""
        if self._xml2003 is not None:
            return list(self._xml2003.hidden)
        if self._workbook is None:
            return []
        try:
            metadata = list(self._workbook.sheets_metadata)
        except Exception:  # a format whose sheets carry no visibility
            return []
        shown = calamine.SheetVisibleEnum.Visible
        return [sheet.name for sheet in metadata if sheet.visible != shown]

    def table_names(self) -> list[str]:
        if self._workbook is None:
            return []
        try:
            return list(self._workbook.table_names or [])
        except Exception:  # tables not loaded or not supported for this format
            return []

    def resolve(self, name: str) -> str:
        """The sheet's real name for a name the user may have typed with other case/spaces."""
        if name in self._sheet_names:
            return name
        wanted = header_key(name)
        for sheet in self._sheet_names:
            if header_key(sheet) == wanted:
                return sheet
        return ""

    def has(self, name: str) -> bool:
        return bool(self.resolve(name)) or name in self.table_names()

    # -- reading ----------------------------------------------------------------------------

    def _sheet(self, sheet: str) -> Any:
        """calamine parses a sheet when it is fetched: fetch each sheet once."""
        if sheet not in self._sheets:
            self._survey.check_sheet(self.name, sheet)
            try:
                self._sheets[sheet] = self._workbook.get_sheet_by_name(sheet)
            except BaseException as error:
                if not _failed(error):
                    raise
                raise _damaged(self.path, error) from None
        return self._sheets[sheet]

    def sheet_frame(self, sheet: str) -> tuple[pd.DataFrame, bool]:
        """All cells of a sheet from A1 as a frame, and whether its columns are already named
        (a Parquet file's are; then row 1 is the header). CSV and Parquet files are read in bulk
        (pandas, pyarrow), so a file past Excel's million rows is read as fast as the disk allows."""
        if self.kind == "parquet":
            return _read_parquet(self.path), True
        if self.kind == "text":
            return _read_csv_frame(self.path), False
        if self.kind == "html":
            return pd.DataFrame(_html_rows(self.path), dtype=object), False
        return pd.DataFrame(self.sheet_rows(sheet), dtype=object), False  # and XML 2003

    def sheet_rows(self, sheet: str) -> list[list[Any]]:
        """All cells of a sheet from A1, as a list of rows (blank cells are "")."""
        if self.kind == "parquet":
            frame = _read_parquet(self.path)
            return [list(frame.columns), *frame.astype(object).values.tolist()]
        if self.kind == "html":
            return _html_rows(self.path)
        if self._xml2003 is not None:
            return [list(row) for row in self._xml2003.rows[self.resolve(sheet) or sheet]]
        if self._workbook is None:
            return _read_csv_rows(self.path)
        sheet = self.resolve(sheet) or sheet
        try:
            rows: list[list[Any]] = self._sheet(sheet).to_python(skip_empty_area=False)
        except FileProblem:
            raise
        except BaseException as error:
            if not _failed(error):
                raise
            raise _damaged(self.path, error) from None
        self._fill_error_cells(sheet, rows)
        return rows

    def merged_ranges(self, sheet: str) -> list[tuple[tuple[int, int], tuple[int, int]]]:
        """The sheet's merged cells, ((first row, first column), (last row, last column)) from
        0; a web page's cells spanning rows."""
        if self.kind == "html":
            return list(_html_tables(self.path).merges)
        if self._xml2003 is not None:
            return list(self._xml2003.merges.get(self.resolve(sheet) or sheet, []))
        if self._workbook is None:
            return []
        try:
            return list(self._sheet(sheet).merged_cell_ranges or [])
        except FileProblem:
            raise
        except Exception:
            return []

    def hidden_rows(self, sheet: str) -> HiddenRows:
        """The rows Excel does not show on a sheet (hidden, or filtered out) of an .xlsx/.xlsm,
        .ods, .xls or XML Spreadsheet 2003; none for other formats (an .xlsb, a CSV, a web page), whose rows calamine
        cannot tell shown or not, and none for a file whose records cannot be followed."""
        sheet = self.resolve(sheet) or sheet
        if self._xml2003 is not None:
            return HiddenRows(
                rows=tuple(self._xml2003.hidden_rows.get(sheet, ())),
                columns=tuple(self._xml2003.hidden_columns.get(sheet, ())),
            )
        if self.kind == "ole":
            if self._hidden is None:
                self._hidden = _xls_hidden(self.path)
            return self._hidden.get(sheet, HiddenRows())
        part = self._survey.sheet_parts.get(sheet, "")
        if self.kind != "zip" or not part:
            return HiddenRows()
        try:
            with zipfile.ZipFile(self.path) as archive:
                if self._survey.opened_whole:  # an .ods: every sheet in content.xml
                    if self._hidden is None:
                        last_rows = {
                            name: self._survey.sizes[each].rows
                            for name, each in self._survey.sheet_parts.items()
                            if each in self._survey.sizes
                        }
                        self._hidden = ods_hidden_rows(archive.read("content.xml"), last_rows)
                    return self._hidden.get(sheet, HiddenRows())
                if not part.endswith(".xml") or not any(
                    self._mentions(archive, part, mark) for mark in HIDDEN_MARKS
                ):
                    return HiddenRows()  # an .xlsb sheet, or (most sheets) none hidden
                return hidden_rows(archive, part)
        except (KeyError, zipfile.BadZipFile, OSError):
            return HiddenRows()

    def _mentions(self, archive: zipfile.ZipFile, part: str, needle: bytes) -> bool:
        """Whether sheet XML `part` holds `needle`: as the survey saw it inflating the file
        (SHEET_MARKS), else searched for in chunks."""
        seen = self._survey.mentions.get(part)
        if seen is not None and needle in SHEET_MARKS:
            return needle in seen
        return _mentions(archive, part, needle)

    def _fill_error_cells(self, sheet: str, rows: list[list[Any]]) -> None:
        """calamine reads error cells (#N/A, #REF!) as blanks; put the error text back so that a
        broken formula is reported as such, not as a missing value."""
        if self.kind != "zip" or self.path.suffix.lower() == ".ods":
            return
        try:
            with zipfile.ZipFile(self.path) as archive:
                part = self._survey.sheet_parts[sheet]
                if not self._mentions(archive, part, b't="e"'):
                    return
                xml = archive.read(part)
        except (KeyError, zipfile.BadZipFile, OSError):
            return
        for letters, number, text in _ERROR_CELL.findall(xml):
            row, col = int(number) - 1, _column_index(letters.decode())
            if row < len(rows) and col < len(rows[row]):
                rows[row][col] = text.decode("utf-8", "replace")

    def read_table(
        self, name: str, headers: Sequence[str] | None = None, *, title: str | None = None
    ) -> Table:
        """The table on sheet (or Excel Table) `name`, under its header row.

        `headers` are the headers the caller expects: they guide the search for the header row,
        and found headers that differ only in case or spacing are renamed to them. Missing or
        extra columns are not an error here; the caller decides (see `require_columns`).
        """
        sheet = self.resolve(name)
        if sheet:
            rows = self.sheet_rows(sheet)
            header_index = find_header_row(rows, headers)
            merged = self.merged_ranges(sheet)
        elif name in self.table_names():
            self._survey.check_table(self.name, name)
            listobject = self._workbook.get_table_by_name(name)
            sheet = listobject.sheet
            rows = self.sheet_rows(sheet)
            header_index = listobject.start[0] - 1
            end_row = listobject.end[0] + 1
            first_col, last_col = listobject.start[1], listobject.end[1] + 1
            rows = [
                ([""] * first_col + r[first_col:last_col]) if i >= header_index else []
                for i, r in enumerate(rows[:end_row])
            ]
            merged = []
        else:
            where = ", ".join(self._sheet_names) or "no sheets"
            raise SheetProblem(
                f"{self.name} has no sheet named '{name}' (it has: {where}). "
                f"Add a '{name}' sheet or choose the right workbook."
            )
        return build_table(self.name, sheet, rows, header_index, headers, merged)


def _mentions(archive: zipfile.ZipFile, part: str, needle: bytes) -> bool:
    """True when `needle` occurs in a zip member, read in chunks (a 1M-row sheet's XML never
    sits in memory whole just to be searched)."""
    tail = b""
    with archive.open(part) as stream:
        while chunk := stream.read(1 << 22):
            if needle in tail + chunk[: len(needle)] or needle in chunk:
                return True
            tail = chunk[-len(needle) :]
    return False


def _column_index(letters: str) -> int:
    index = 0
    for char in letters:
        index = index * 26 + ord(char) - 64
    return index - 1


def _blank_cells(cells: np.ndarray) -> np.ndarray:
    """Where an object array holds a blank cell: None, "" or only spaces.

    None and "" are found in one vectorised pass; the rarer spaces-only text is looked for only
    in rows that are nearly empty already (a row of spaces must still count as blank), and is
    otherwise left to the cell readers, which read it as blank too.
    """
    if cells.size == 0:
        return np.zeros(cells.shape, dtype=bool)
    empty = np.asarray((cells == None) | (cells == ""), dtype=bool)  # noqa: E711 (elementwise)
    nearly = np.flatnonzero((~empty).sum(axis=1) <= 2)
    for row in nearly.tolist():
        for col in np.flatnonzero(~empty[row]).tolist():
            value = cells[row, col]
            if isinstance(value, str) and not value.strip():
                empty[row, col] = True
    return empty


def _column_names(
    header_cells: Sequence[Any],
    width: int,
    has_values: Any,
    expected: Sequence[str] | None,
) -> tuple[list[str], list[int], dict[str, str]]:
    """Names of a table's columns from its header cells: expected headers matched loosely,
    blank headers over filled columns named `Column F`, repeats numbered; columns with neither
    header nor values left out. Returns the names, the kept column indexes and the renames."""
    wanted = {header_key(h): h for h in expected or ()}
    names: list[str] = []
    keep: list[int] = []
    renamed: dict[str, str] = {}
    seen: dict[str, int] = {}
    for index in range(width):
        raw = header_cells[index] if index < len(header_cells) else ""
        text = header_text(raw) or None
        if text is None:
            if not has_values(index):
                continue
            text = f"Column {column_letter(index)}"
        canonical = wanted.get(header_key(text), text)
        if canonical != text:
            renamed[text] = canonical
        if canonical in seen:
            seen[canonical] += 1
            canonical = f"{canonical} ({seen[canonical]})"
        else:
            seen[canonical] = 1
        names.append(canonical)
        keep.append(index)
    return names, keep, renamed


def _blank_column(column: pd.Series) -> np.ndarray:
    """Where a column of cells is blank: missing, or text of nothing but spaces."""
    missing = column.isna().to_numpy(dtype=bool)
    if column.dtype != object and not pd.api.types.is_string_dtype(column.dtype):
        return missing
    if isinstance(column.dtype, pd.StringDtype):  # text already (a CSV read): strip in bulk
        return missing | column.str.strip().eq("").fillna(True).to_numpy(dtype=bool)
    # numbers and dates are never blank; text is looked at in one loop (pandas' strip of a
    # column made text first took three times as long: 270 ms of a 185,000-row Tally ledger)
    values = column.to_numpy(dtype=object)
    spaces = np.fromiter(
        (type(value) is str and not value.strip() for value in values),
        dtype=bool,
        count=len(values),
    )
    return np.asarray(missing | spaces, dtype=bool)


def _masked(frame: pd.DataFrame, blanks: np.ndarray) -> pd.DataFrame:
    """`frame.mask(blanks, None)`: blank cells made missing. A column of Arrow text (a CSV read)
    is masked by pyarrow in one pass (pandas' mask of a million lines takes a second a column)."""
    rest = blanks.copy()
    for index in range(frame.shape[1]):
        cells = frame.iloc[:, index].array
        if (
            isinstance(cells, pd.arrays.ArrowStringArray)
            and pc is not None
            and rest[:, index].any()
        ):
            values = pa.array(cells)  # the Arrow text itself, not copied
            kept = pc.if_else(pa.array(rest[:, index]), pa.scalar(None, values.type), values)
            masked = pd.arrays.ArrowStringArray(kept, dtype=cells.dtype)  # type: ignore[call-arg]
            frame.isetitem(index, masked)
            rest[:, index] = False
    return frame.mask(rest, None) if rest.any() else frame


def frame_table(
    source: str,
    sheet: str,
    cells: pd.DataFrame,
    header_index: int,
    expected: Sequence[str] | None = None,
) -> Table:
    """A Table from a frame of cells (`FileBook.sheet_frame`): the header at row `header_index`
    of `cells`, or -1 when the frame's columns are the headers (Parquet). Columns keep their
    types; wholly blank lines are dropped; the index is each line's row number (as Excel would
    show it, the header being row 1 of a Parquet file)."""
    if header_index < 0:
        header_cells: list[Any] = list(cells.columns)
        body = cells
        first_row = 2
    else:
        header_cells = cells.iloc[header_index].tolist() if header_index < len(cells) else []
        body = cells.iloc[header_index + 1 :]
        first_row = header_index + 2
    blank = pd.DataFrame(
        {index: _blank_column(body.iloc[:, index]) for index in range(body.shape[1])},
        index=body.index,
    )
    names, keep, _ = _column_names(
        header_cells, body.shape[1], lambda index: not bool(blank.iloc[:, index].all()), expected
    )
    filled = ~blank.iloc[:, keep].all(axis=1).to_numpy() if keep else np.zeros(len(body), bool)
    frame = body.iloc[:, keep].copy()
    frame.columns = pd.Index(names)
    if blank.to_numpy().any():
        frame = _masked(frame, blank.iloc[:, keep].to_numpy())
    frame.index = pd.Index(np.arange(first_row, first_row + len(body)), name="Row")
    frame = frame if filled.all() else frame[filled]  # a copy of every line is no use
    return Table(
        source=source,
        sheet=sheet,
        frame=frame,
        header_row=first_row - 1,
        letters={n: column_letter(i) for n, i in zip(names, keep, strict=True)},
    )


def build_table(
    source: str,
    sheet: str,
    rows: list[list[Any]],
    header_index: int,
    expected: Sequence[str] | None = None,
    merged: Sequence[tuple[tuple[int, int], tuple[int, int]]] = (),
) -> Table:
    """Cut `rows` (all cells from A1) into a Table under the header at `header_index`.

    Used by every adapter (files here, xlwings in Excel), so tables look the same whichever door
    they came through.
    """
    header_cells = rows[header_index] if header_index < len(rows) else []
    body = rows[header_index + 1 :]
    width = max((len(r) for r in rows[header_index:]), default=0)
    names, keep, renamed = _column_names(
        header_cells,
        width,
        lambda index: any(index < len(r) and r[index] not in ("", None) for r in body),
        expected,
    )
    first_row = header_index + 2
    if any(len(r) != width for r in body):
        body = [[*r, *[""] * (width - len(r))] for r in body]
    cells = np.empty((len(body), width), dtype=object)
    if body:
        cells[:] = body
    if keep != list(range(width)):
        cells = cells[:, keep]
    empty = _blank_cells(cells)
    cells[empty] = None
    filled = ~empty.all(axis=1) if len(keep) else np.zeros(len(cells), dtype=bool)
    numbers = np.arange(first_row, first_row + len(cells))
    last = int(numbers[filled][-1]) if filled.any() else 0
    blank = [int(n) for n in numbers[~filled] if n < last]
    frame = pd.DataFrame(
        cells[filled], columns=names, index=pd.Index(numbers[filled], name="Row"), dtype=object
    )
    header_row = header_index + 1
    merged_cells = tuple(
        f"{column_letter(c0)}{r0 + 1}:{column_letter(c1)}{r1 + 1}"
        for (r0, c0), (r1, c1) in merged
        if r0 <= header_index <= r1
    )
    return Table(
        source=source,
        sheet=sheet,
        frame=frame,
        header_row=header_row,
        letters={n: column_letter(i) for n, i in zip(names, keep, strict=True)},
        merged_header_cells=merged_cells,
        blank_rows=tuple(blank),
        renamed_headers=renamed,
    )
