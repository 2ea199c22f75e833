"""Row hashes of the books as a job left them, and what changed since.

After each logged run the books' Journal and master sheets are kept in
`BOOK.xlbo-snapshot.json`: every non-blank row's Excel row number, its SHA-256 and its cells as
text. The log's entry holds the snapshot's hash, and the snapshot holds the entry's, so neither
can be changed alone. `compare` tells what a later look at the books finds different:

    >>> old = {"Journal": rows_of([["Date", "Debit"], ["2026-10-01", "100.00"]])}
    >>> new = {"Journal": rows_of([["Date", "Debit"], ["2026-10-01", "1000.00"]])}
    >>> [(c.change.value, c.cells) for c in compare(old, new)]
    [('changed', (('Journal!B2', '100.00', '1000.00'),))]
"""

from __future__ import annotations

import contextlib
import functools
import gc
import hashlib
import json
import math
from collections import Counter
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path
from typing import Any

from xlbo.audit.records import MONEY_HEADERS, AuditRecord, Change, amount_cell, cell_text
from xlbo.book.table import column_letter
from xlbo.journal_layout import SHEET as JOURNAL

SNAPSHOT_SUFFIX = ".xlbo-snapshot.json"

Rows = list[tuple[int, str, list[Any]]]
"""A sheet's rows: (Excel row number, SHA-256 of the cells, the cells as read)."""


def snapshot_path(books: Path) -> Path:
    return books.with_name(books.stem + SNAPSHOT_SUFFIX)


def watched_sheets() -> frozenset[str]:
    """The sheets whose rows are kept: the Journal and every sheet of the master workbook."""
    from xlbo.master.schema import DOCUMENT_TABLES, MASTER_TABLES, VENDOR_TABLES

    tables = (*MASTER_TABLES, *DOCUMENT_TABLES, *VENDOR_TABLES)
    return frozenset({JOURNAL, "Invoice Journal", *(t.sheet for t in tables)})


@functools.lru_cache(maxsize=4096)
def _day_text(value: date) -> str:
    return cell_text(value)


def _jsonable(value: Any) -> str:
    """A cell JSON has no type for (a date, a time, a Decimal) as its text; a Journal's few
    hundred dates are worked out once each, not once a line."""
    if type(value) is datetime or type(value) is date:
        return _day_text(value)
    return cell_text(value)


_text = json.encoder.encode_basestring  # what json.dumps(ensure_ascii=False) writes a str as


def _json_line(cells: Sequence[Any]) -> str:
    return json.dumps(cells, default=_jsonable, ensure_ascii=False, separators=(",", ":"))


def _row_line(cells: Sequence[Any]) -> str:
    """The cells as `_json_line` writes them, byte for byte (row hashes kept in logs depend on
    it), built here for the cells a sheet holds (text, numbers, dates, blanks): a Journal of
    100,000 lines is hashed in a second instead of three. Anything else goes to json.dumps."""
    parts = []
    for value in cells:
        kind = type(value)
        if kind is str:
            parts.append(_text(value))
        elif value is None:
            parts.append("null")
        elif kind is float and math.isfinite(value):
            parts.append(float.__repr__(value))
        elif kind is int:
            parts.append(int.__repr__(value))
        elif kind is bool:
            parts.append("true" if value else "false")
        elif kind is datetime or kind is date:
            parts.append(_text(_day_text(value)))
        else:
            return _json_line(cells)
    return "[" + ",".join(parts) + "]"


def row_hash(cells: Sequence[Any]) -> str:
    """A row's SHA-256, of its cells as JSON (text, numbers, dates as ISO text)."""
    return hashlib.sha256(_row_line(cells).encode("utf-8")).hexdigest()


def _blank(value: Any) -> bool:
    return value is None or (type(value) is str and not value.strip())


def rows_of(grid: Sequence[Sequence[Any]], first_row: int = 1) -> Rows:
    """A sheet's cells (from A1) as its non-blank rows, trailing blank cells dropped. The cells
    are kept as read (one JSON call a row hashes them: a Journal of 100,000 lines is nearly a
    million cells); `cell_text` shows them."""
    rows: Rows = []
    for number, values in enumerate(grid, first_row):
        end = len(values)
        while end and _blank(values[end - 1]):
            end -= 1
        if end:
            cells = list(values[:end])
            rows.append((number, row_hash(cells), cells))
    return rows


def take(books: Path) -> dict[str, Rows]:
    """The watched sheets of a books workbook as they stand (none for a CSV or Parquet file)."""
    from xlbo.book.files import FileBook
    from xlbo.book.limits import zip_sheet_names

    watched = watched_sheets()
    listed = zip_sheet_names(books)
    if listed is not None and not watched.intersection(listed):
        return {}  # a bank's export or a Tally ledger: not read again merely to find that out
    book = FileBook(books)
    if book.kind not in ("zip", "ole"):
        return {}
    with _bulk():
        return {
            sheet: rows_of(book.sheet_rows(sheet))
            for sheet in book.sheet_names()
            if sheet in watched
        }


@contextlib.contextmanager
def _bulk() -> Iterator[None]:
    """Python's cycle collector paused while a sheet's rows are built: it would otherwise walk
    the whole growing heap again and again (a Journal of 100,000 lines is a million objects;
    rows hold no cycles), a third of the time of reading them."""
    collecting = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if collecting:
            gc.enable()


def digest(sheets: Mapping[str, Rows]) -> str:
    """The hash of a snapshot's rows (what the log's entry holds): every sheet's name, and each
    row's number and hash."""
    whole = hashlib.sha256()
    for name in sorted(sheets):
        whole.update(f"{len(name)}:{name}\n".encode())
        whole.update("".join(f"{n}:{h}\n" for n, h, _ in sheets[name]).encode())
    return whole.hexdigest()


def file_sha256(path: Path) -> str:
    """The SHA-256 of a file's bytes, read in blocks of 1 MB."""
    whole = hashlib.sha256()
    with path.open("rb") as handle:
        for block in iter(lambda: handle.read(1 << 20), b""):
            whole.update(block)
    return whole.hexdigest()


def books_match(recorded: Mapping[str, Any], books: Path, sha256: str | None = None) -> bool:
    """Whether `books` are those a log entry's `snapshot` describes, so that no row can differ
    from the snapshot's: byte for byte (`books_sha256`, kept by an entry that left the books as
    it found them; `sha256` when already worked out), or in every part but the head
    (`books_content`, kept by an entry that wrote and stamped them). False when unsure."""
    if "books_sha256" in recorded:
        return bool(recorded["books_sha256"] == (sha256 or file_sha256(books)))
    if "books_content" in recorded:
        from xlbo.audit.stamp import unstamped_sha256

        content = unstamped_sha256(books)
        return content is not None and content == recorded["books_content"]
    return False


def _header(seq: int, head: str) -> bytes:
    """The snapshot's first keys, as `save` writes them: `{"seq":…,"head":"…"`."""
    return json.dumps({"seq": seq, "head": head}, separators=(",", ":")).encode()[:-1]


_ROWS_KEY = b',"rows":'
_SHEETS_KEY = b',"sheets":'


def _replace(path: Path, data: bytes, seq: int) -> None:
    temporary = path.with_name(f".{path.name}.{seq}.tmp")
    temporary.write_bytes(data)
    temporary.replace(path)


def save(path: Path, sheets: Mapping[str, Rows], seq: int, head: str) -> None:
    """Write the snapshot (atomically: a temporary file moved into place). The keys come in the
    order seq, head, rows, sheets: `restamp` and `load_head` rely on it."""
    # written as json.dumps would write {"rows": …, "sheets": {name: [[n, cells], …]}}, each
    # row's cells by `_row_line`
    sheets_text = ",".join(
        _text(name) + ":[" + ",".join(f"[{n},{_row_line(cells)}]" for n, _, cells in rows) + "]"
        for name, rows in sheets.items()
    )
    text = f'"rows":{_text(digest(sheets))},"sheets":{{{sheets_text}}}}}'
    _replace(path, _header(seq, head) + b"," + text.encode("utf-8"), seq)


def restamp(path: Path, seq: int, head: str) -> None:
    """The same rows, under a later entry: only the snapshot's seq and head are rewritten (a
    100,000-line Journal's rows are neither parsed nor written again)."""
    data = path.read_bytes()
    cut = data.find(_ROWS_KEY, 0, 4096)
    if not data.startswith(b'{"seq":') or cut < 0:  # not as `save` writes it: write it anew
        saved = load(path)
        if saved is None:
            raise OSError(f"the snapshot {path.name} cannot be read")
        save(path, saved.sheets, seq, head)
        return
    _replace(path, _header(seq, head) + data[cut:], seq)


@dataclass(frozen=True)
class Saved:
    seq: int
    head: str
    rows: str
    """The digest recorded in the snapshot."""
    sheets: dict[str, Rows]


@dataclass(frozen=True)
class Head:
    """A snapshot's entry and rows digest, read from its first bytes without its rows."""

    seq: int
    head: str
    rows: str


def load_head(path: Path) -> Head | None:
    """The seq, head and rows digest at the start of the snapshot; None when there is none or
    it does not start as `save` writes it."""
    try:
        with path.open("rb") as handle:
            start = handle.read(4096)
        cut = start.find(_SHEETS_KEY)
        if cut < 0:
            return None
        body = json.loads(start[:cut] + b"}")
        return Head(int(body["seq"]), str(body["head"]), str(body["rows"]))
    except (OSError, ValueError, KeyError, TypeError, AttributeError, RecursionError):
        return None


def load(path: Path) -> Saved | None:
    """The snapshot beside the books; None when there is none or it cannot be read."""
    try:
        with _bulk():
            body = json.loads(path.read_bytes())
            sheets = {
                str(name): [(int(n), row_hash(cells), list(cells)) for n, cells in rows]
                for name, rows in body["sheets"].items()
            }
        return Saved(int(body["seq"]), str(body["head"]), str(body["rows"]), sheets)
    except (OSError, ValueError, KeyError, TypeError, AttributeError, RecursionError):
        return None  # AttributeError: "sheets" (or the whole) no object, as a hand edit leaves it


@dataclass(frozen=True)
class RowChange:
    """A row of the books added, changed or removed since the snapshot."""

    change: Change
    sheet: str
    row: int
    old: tuple[str, ...]
    new: tuple[str, ...]
    cells: tuple[tuple[str, str, str], ...] = ()
    """(address, old, new) of each cell that differs, for a changed row."""

    @property
    def where(self) -> str:
        return f"{self.sheet}!A{self.row}"

    def sentence(self) -> str:
        if self.change is Change.CHANGED:
            return "; ".join(f"{a}: {o or '(blank)'} → {n or '(blank)'}" for a, o, n in self.cells)
        shown = " | ".join(c for c in (self.new or self.old) if c)
        if len(shown) > 160:
            shown = shown[:157] + "…"
        return f"{self.where} {self.change.value}: {shown}"

    def record(self, headers: Sequence[str] = ()) -> AuditRecord:
        """The change as an audit record (cells named by the sheet's headers where known)."""

        def named(cells: Sequence[str]) -> dict[str, str]:
            shown: dict[str, str] = {}
            for i, cell in enumerate(cells):
                header = headers[i] if i < len(headers) and headers[i] else column_letter(i)
                shown[header] = amount_cell(cell) if header in MONEY_HEADERS else cell
            return shown

        return AuditRecord(self.change, self.sheet, self.where, named(self.new), named(self.old))

    def logged(self, headers: Sequence[str] = ()) -> dict[str, Any]:
        """The change as the log keeps it in an entry's `outside`: its record, with each
        changed cell's address, old and new (`[["Journal!E5", "30000.5", "3000.5"]]`)."""
        plain = self.record(headers).plain()
        if self.cells:
            plain["cells"] = [list(cell) for cell in self.cells]
        return plain


def _cell_changes(sheet: str, row: int, old: Sequence[str], new: Sequence[str]) -> tuple:  # type: ignore[type-arg]
    width = max(len(old), len(new))
    return tuple(
        (f"{sheet}!{column_letter(i)}{row}", o, n)
        for i in range(width)
        if (o := old[i] if i < len(old) else "") != (n := new[i] if i < len(new) else "")
    )


def compare(old: Mapping[str, Rows], new: Mapping[str, Rows]) -> list[RowChange]:
    """Each row added, changed or removed between two snapshots. A row whose cells are found
    unchanged elsewhere (rows moved up after a deletion) counts as unchanged; what is left is
    paired by row number (changed), else added or removed."""
    changes: list[RowChange] = []
    for sheet in sorted(set(old) | set(new)):
        before, after = old.get(sheet, []), new.get(sheet, [])
        common = Counter(h for _, h, _ in before) & Counter(h for _, h, _ in after)
        left_old = _unmatched(before, Counter(common))
        left_new = _unmatched(after, Counter(common))
        for row in sorted(set(left_old) | set(left_new)):
            was, now = left_old.get(row), left_new.get(row)
            before_text = tuple(cell_text(c) for c in was) if was is not None else ()
            after_text = tuple(cell_text(c) for c in now) if now is not None else ()
            if was is not None and now is not None:
                cells = _cell_changes(sheet, row, before_text, after_text)
                if cells:  # the same cells read another way (a date as text): unchanged
                    changes.append(
                        RowChange(Change.CHANGED, sheet, row, before_text, after_text, cells)
                    )
            elif now is not None:
                changes.append(RowChange(Change.ADDED, sheet, row, (), after_text))
            elif was is not None:
                changes.append(RowChange(Change.REMOVED, sheet, row, before_text, ()))
    return changes


def _unmatched(rows: Rows, common: Counter[str]) -> dict[int, list[Any]]:
    left: dict[int, list[Any]] = {}
    for number, digest_, cells in rows:
        if common[digest_] > 0:
            common[digest_] -= 1
        else:
            left[number] = cells
    return left


def headers_of(rows: Rows) -> list[str]:
    """A sheet's first non-blank row (its headers, for naming cells in records)."""
    return [cell_text(c) for c in rows[0][2]] if rows else []
