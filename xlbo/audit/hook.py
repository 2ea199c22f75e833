"""The one place every door's job run is logged: `xlbo.jobs.registry.run` calls `record_run`
after a job succeeds (a job that raised wrote nothing it could be held to, so it logs nothing),
and `before_run` before it: a job that writes the books themselves (`import-tally --out BOOKS`)
would take edits made in them outside xlbo into its own snapshot unseen, so they are found
before it runs and logged in its entry's `outside`, each changed cell with its address.

Which file is "the books" of a run, beside which the log lives (`books_of`): the company's own
workbook, never someone else's file, so an input's folder does not fill with xlbo's files:

- `import-tally`: the books it writes (`--out`);
- the first of the inputs `book`, `books`, `purchases`, `master` (`payroll MASTER` logs beside
  the master, `invoices BOOK` beside the book);
- a result xlbo wrote and the user filled in (`run`, `earlier`): the books its hidden Run sheet
  names (Book, else Master), so `payables --confirm RUN` logs beside the books the proposal was
  logged beside; a result naming none (a reconciliation of files alone) is its own books;
- a run whose inputs are all someone else's files (a bank's statement, Tally's ledger export,
  TRACES' Form 26AS): the workbook it wrote, the one the user named (`reconcile --out brs.xlsx`
  logs in `brs.xlbo-log.jsonl` beside it, and `reconcile --confirm brs.xlsx` in the same log);
  `xlbo audit verify brs.xlsx` checks it. Only a run with no such workbook logs beside the first
  of those files (`ledger`, `data`, `daybook`, `form26as`, `bank`).

A job with no input file (`workbooks`, `demo`) and the `audit` job itself (it reads the log)
are not logged; nor is a run that wrote and posted nothing. A workbook open in Excel (the
buttons, Lite, where there is no file system) keeps its log as rows of a hidden sheet
`xlbo log` written back with the job's sheets.
"""

from __future__ import annotations

import dataclasses
import getpass
import os
import stat
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, time
from decimal import Decimal
from enum import Enum
from pathlib import Path
from typing import TYPE_CHECKING, Any

import pandas as pd

from xlbo.audit import log, snapshot, stamp
from xlbo.audit.records import cell_text
from xlbo.errors import UserError

if TYPE_CHECKING:
    from xlbo.jobs.registry import JobResult, Source

OWN_BOOKS = ("book", "books", "purchases", "master")
"""Inputs that are the company's books or master workbook: the first found is the run's books."""
RESULTS = ("run", "earlier")
"""Inputs that are a result xlbo wrote and the user filled in (a payment run, a reconciliation):
logged with the books their Run sheet names (`RUN_NAMES`), else as books themselves."""
THEIR_FILES = ("ledger", "data", "daybook", "form26as", "bank")
"""Inputs that are someone else's file (a bank's statement, Tally's export, TRACES' Form 26AS,
rows to merge): xlbo writes nothing beside them while the run wrote a workbook of its own."""
BOOKS_INPUTS = (*OWN_BOOKS, *RESULTS, *THEIR_FILES)
"""The inputs that may be a run's books, in the order they are looked for."""
RUN_SHEET = "Run"
RUN_NAMES = ("Book", "Master")
"""The rows of a result's hidden Run sheet (Key, Value) that name the books it was made from."""

NOT_LOGGED = frozenset({"audit"})
"""Jobs that are not logged: `audit` reads the log and writes nothing into the books."""

LITE_SHEET = "xlbo log"
"""The hidden sheet that holds the log of a workbook open in Excel."""
LITE_CHUNK = 32_000
"""Characters of an entry per cell (Excel holds 32,767 in one)."""

USER_VARIABLE = "XLBO_AUDIT_USER"
"""Names the user in the log instead of the login name (tests; a shared service account)."""


def user() -> str:
    """Who ran the job: the login name (or XLBO_AUDIT_USER when set)."""
    named = os.environ.get(USER_VARIABLE, "").strip()
    if named:
        return named
    try:
        return getpass.getuser()
    except (OSError, KeyError, ImportError):  # no login name in a bare container
        return "unknown"


def now() -> str:
    """UTC time, ISO 8601 with Z."""
    return datetime.now(UTC).strftime("%Y-%m-%dT%H:%M:%S.%fZ")


def plain(value: Any) -> Any:
    """Settings and figures as plain JSON (no floats: decimal strings)."""
    if value is None or isinstance(value, bool | int | str):
        return value
    if isinstance(value, Enum):
        return plain(value.value)
    if isinstance(value, Path):
        return str(value)
    if isinstance(value, float | Decimal | date | datetime | time):
        return cell_text(value)
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return {f.name: plain(getattr(value, f.name)) for f in dataclasses.fields(value)}
    if isinstance(value, Mapping):
        return {str(plain(k)): plain(v) for k, v in value.items()}
    if isinstance(value, list | tuple | set | frozenset):
        items = [plain(v) for v in value]
        return sorted(items, key=str) if isinstance(value, set | frozenset) else items
    return str(value)


file_sha256 = snapshot.file_sha256


class _Resolver:
    """Files resolved as `Path.resolve` would, each folder once: a run may write 10,000
    documents into one folder, and resolving each (a system call per part of its path) cost
    more than hashing them."""

    def __init__(self) -> None:
        self._folders: dict[Path, Path] = {}

    def file(self, path: Path) -> Path | None:
        """The file resolved; None when it is not a file (one `lstat`, a second for a link)."""
        try:
            mode = os.lstat(path).st_mode
        except (OSError, ValueError):
            return None
        if stat.S_ISLNK(mode):
            return path.resolve() if path.is_file() else None
        if not stat.S_ISREG(mode):
            return None
        parent = path.parent
        real = self._folders.get(parent)
        if real is None:
            real = self._folders[parent] = parent.resolve()
        return real / path.name


def _named(whole: Path, folder: Path) -> str:
    """A file (resolved) as the log names it: relative to the log's folder (resolved) where it
    lies under it."""
    try:
        return whole.relative_to(folder).as_posix()
    except ValueError:
        return str(whole)


def _files(paths: Any, folder: Path, resolve: _Resolver | None = None) -> list[dict[str, str]]:
    listed = []
    resolve = resolve or _Resolver()
    where = folder.resolve()
    for path in paths:
        whole = resolve.file(path) if isinstance(path, Path) else None
        if whole is not None:
            listed.append({"file": _named(whole, where), "sha256": file_sha256(path)})
    return listed


def books_of(job: str, inputs: Mapping[str, Source], settings: Any) -> Source | None:
    """The run's books (see the module's docstring); None when it has none."""
    out = getattr(settings, "out", None)
    if job == "import-tally":
        return out if isinstance(out, Path) else None
    for name in OWN_BOOKS:
        source = inputs.get(name)
        if source is not None:
            return source
    for name in RESULTS:
        source = inputs.get(name)
        if source is not None:
            return (_named_books(source) if isinstance(source, Path) else None) or source
    if isinstance(out, Path) and out.suffix.lower() in (".xlsx", ".xlsm"):
        return out  # the workbook the user named, not the folder of the files it was made from
    for name in THEIR_FILES:
        source = inputs.get(name)
        if source is not None:
            return source
    return None


def _named_books(result: Path) -> Path | None:
    """The books a result's hidden Run sheet names (Book, else Master) where that file is;
    None for a result that names none, or cannot be read (the job says why)."""
    from xlbo.book.files import FileBook

    try:
        book = FileBook(result)
        if not book.has(RUN_SHEET):
            return None
        rows = book.sheet_rows(book.resolve(RUN_SHEET))
    except (OSError, UserError):
        return None
    named = {
        str(row[0]).strip(): str(row[1]).strip()
        for row in rows
        if len(row) > 1 and row[0] is not None and row[1] is not None
    }
    for key in RUN_NAMES:
        if named.get(key) and Path(named[key]).is_file():
            return Path(named[key])
    return None


@dataclass(frozen=True)
class Before:
    """The books as `before_run` found them, before a job that writes them ran."""

    seq: int
    """The entry whose snapshot they were compared with (0: none could be)."""
    outside: list[dict[str, Any]] = field(default_factory=list)
    """Each row added, changed or removed since that entry, as the log keeps it."""
    problem: str = ""
    """Why they could not be compared (said as a warning of the run)."""


def before_run(job: str, inputs: Mapping[str, Source], settings: Any) -> Before | None:
    """Before a job that writes the books (its books are its output, not one of its inputs:
    `import-tally --out BOOKS`), what was changed in them outside xlbo since the last logged
    run; `record_run` logs it in the job's entry. After the job it is gone: the job's own
    lines would look like outside edits, and an edit it replaced would be in no entry.

    Cheap when nothing changed (the usual case): the books are those the last entry recorded
    (`snapshot.books_match`: their SHA-256, or every part but the head for books the entry
    stamped), and no row is read. None for any other run (`record_run` compares the books it
    read after the job) and for books with no log yet."""
    if job in NOT_LOGGED:
        return None
    books = books_of(job, inputs, settings)
    if not isinstance(books, Path) or any(source is books for source in inputs.values()):
        return None
    log_file, snap_path = log.log_path(books), snapshot.snapshot_path(books)
    try:
        if not books.is_file() or not (log_file.is_file() or snap_path.is_file()):
            return None  # no log yet: nothing to compare with
        # a log deleted with its snapshot kept: the edits since are still found (the entry
        # this run writes says the log was lost, `anchor_problem`)
        last, last_hash = log.last_entry(log_file) if log_file.is_file() else (None, log.ZERO)
        recorded = (last or {}).get("snapshot")
        head = snapshot.load_head(snap_path)
        if (
            last is not None
            and isinstance(recorded, dict)
            and head is not None
            and (head.seq, head.head, head.rows)
            == (last.get("seq"), last_hash, recorded.get("rows"))
            and snapshot.books_match(recorded, books)
        ):
            return Before(head.seq)  # as the last entry left them: no row read
        earlier = snapshot.load(snap_path)
        if earlier is None:
            return Before(0, problem=f"there is no snapshot {snap_path.name} to compare with")
        rows = snapshot.take(books)
    except (OSError, UserError) as error:
        why = error.message if isinstance(error, UserError) else f"{type(error).__name__}: {error}"
        return Before(0, problem=why)
    headers = {name: snapshot.headers_of(r) for name, r in earlier.sheets.items()}
    return Before(
        earlier.seq,
        [
            change.logged(headers.get(change.sheet, ()))
            for change in snapshot.compare(earlier.sheets, rows)
        ],
    )


def record_run(
    job: str,
    inputs: Mapping[str, Source],
    settings: Any,
    result: JobResult,
    before: Before | None = None,
) -> JobResult:
    """Log the run of `job` (see the module's docstring), with what `before_run` found before
    it; returns the result, with the hidden log sheet added for a workbook open in Excel."""
    if job in NOT_LOGGED:
        return result
    books = books_of(job, inputs, settings)
    if books is None:
        return result
    if not isinstance(books, Path):  # the door writes the sheets into the open workbook
        if not (result.sheets or result.records):
            return result
        return _record_in_workbook(job, inputs, settings, result, books)
    if not books.is_file() or not (result.files or result.records):
        return result
    if before is not None and before.problem:
        said = (
            f"{books.name} could not be compared with the last logged run before {job} replaced "
            f"it ({before.problem}): edits made in it outside xlbo since then are not in the "
            "audit trail."
        )
        result = dataclasses.replace(result, warnings=(*result.warnings, said))
    try:
        appended = _record_in_file(job, inputs, settings, result, books, before)
    except (OSError, UserError) as error:  # the run is done: say loudly that it is not logged
        why = error.message if isinstance(error, UserError) else f"{type(error).__name__}: {error}"
        said = (
            f"The audit log beside {books.name} could not be written ({why}); this run is not "
            "in the audit trail. Make the folder writable and run the job again."
        )
        return dataclasses.replace(result, warnings=(*result.warnings, said))
    gap = log.anchor_problem(appended.entry)
    if gap:
        log_name = log.log_path(books).name
        said = (
            f"The audit log {log_name} beside {books.name}: {gap}. This run is entry "
            f"{appended.seq}, and `xlbo audit verify {books.name}` will say so from now on. Put "
            "the earlier log back from a backup (keep this one too) so your auditor can read "
            "its entries."
        )
        result = dataclasses.replace(result, warnings=(*result.warnings, said))
    if appended.after_damage:
        log_name = log.log_path(books).name
        said = (
            f"The audit log {log_name} beside {books.name} was damaged before this run: its "
            f"last line is not an entry xlbo wrote (cut short, or changed). This run is entry "
            f"{appended.seq}, written after it. `xlbo audit verify {books.name}` shows where the "
            "log breaks; keep a copy of the log as it is for your auditor."
        )
        return dataclasses.replace(result, warnings=(*result.warnings, said))
    return result


def _entry(
    job: str, settings: Any, result: JobResult, inputs: list[dict[str, str]]
) -> dict[str, Any]:
    from xlbo import __version__

    return {
        "time": now(),
        "user": user(),
        "job": job,
        "version": __version__,
        "settings": plain(settings),
        "inputs": inputs,
        "exit_code": result.exit_code,
        "records": [r.plain() for r in result.records],
    }


def _carried_head(books: Path) -> stamp.Head | None:
    """The head stamped books carry (None for others, or books that cannot be read: the job
    that read them said why)."""
    if not stamp.can_stamp(books):
        return None
    try:
        return stamp.read_head(books)
    except UserError:
        return None


def _record_in_file(
    job: str,
    inputs: Mapping[str, Source],
    settings: Any,
    result: JobResult,
    books: Path,
    before: Before | None = None,
) -> log.Appended:
    folder = books.parent
    resolve = _Resolver()
    real_books = resolve.file(books)
    books_real = real_books or books.resolve()
    wrote_books = any(
        isinstance(f, Path) and f.name == books.name and resolve.file(f) == real_books
        for f in result.files
    )  # a job writes the books under their own name: only such a file is resolved
    inputs_listed = [
        {"input": name, **listed}
        for name, source in inputs.items()
        if isinstance(source, Path)
        for listed in _files([source], folder, resolve)
    ]
    books_sha256 = next(
        (i["sha256"] for i in inputs_listed if i["file"] == _named(books_real, folder.resolve())),
        None,
    ) or file_sha256(books)
    snap_path = snapshot.snapshot_path(books)
    taken: list[dict[str, snapshot.Rows]] = []
    """The rows read from the books, when they had to be (left empty when unchanged)."""

    def build(seq: int, prev: str, last: Mapping[str, Any] | None) -> dict[str, Any]:
        entry = _entry(job, settings, result, inputs_listed)
        head = snapshot.load_head(snap_path)
        entry["anchor"] = {"seq": head.seq, "sha256": head.head} if head is not None else None
        if head is None and seq == 1 and not wrote_books:  # the snapshot gone with the log:
            carried = _carried_head(books)  # the head the books carry still says, if it
            # is this log's (a copy of other books, `2027.xlsx` of `2026.xlsx`, carries theirs)
            if (
                carried is not None
                and carried.log.casefold() == log.log_path(books).name.casefold()
            ):
                entry["anchor"] = {"seq": carried.seq, "sha256": carried.head}
        recorded = (last or {}).get("snapshot")
        if (
            not wrote_books
            and isinstance(recorded, dict)
            and head is not None
            and (head.seq, head.head, head.rows) == (seq - 1, prev, recorded.get("rows"))
            and snapshot.books_match(recorded, books, books_sha256)
        ):
            # the books are those of the last entry (byte for byte, or but for the head it
            # wrote), and the snapshot is that entry's: no row can have changed, so none is
            # read, hashed or compared
            entry["outside"] = []
            rows_digest, counts = str(recorded["rows"]), dict(recorded.get("sheets") or {})
        else:
            rows = snapshot.take(books)
            taken.append(rows)
            earlier = None if wrote_books else snapshot.load(snap_path)
            if earlier is not None and entry["anchor"] is None:
                entry["anchor"] = {"seq": earlier.seq, "sha256": earlier.head}
            outside: list[dict[str, Any]] = []
            if earlier is not None:  # edits made since the last run
                headers = {name: snapshot.headers_of(r) for name, r in earlier.sheets.items()}
                outside = [
                    change.logged(headers.get(change.sheet, ()))
                    for change in snapshot.compare(earlier.sheets, rows)
                ]
            elif wrote_books and before is not None:  # found before the job replaced them
                outside = before.outside
            entry["outside"] = outside
            rows_digest = snapshot.digest(rows)
            counts = {name: len(r) for name, r in sorted(rows.items())}
        entry["books"] = _named(books_real, folder.resolve())
        entry["outputs"] = _files(result.files, folder, resolve)
        # the head goes into books (a workbook holding the Journal or master sheets) a job
        # wrote, never into a result such as a BRS, which stays as its job wrote it
        entry["stamped"] = wrote_books and bool(counts) and stamp.can_stamp(books)
        entry["snapshot"] = {"file": snap_path.name, "rows": rows_digest, "sheets": counts}
        if not entry["stamped"]:
            entry["snapshot"]["books_sha256"] = books_sha256
        else:  # a stamped book's bytes change after the entry: its parts but the head are kept
            content = stamp.unstamped_sha256(books)
            if content is not None:
                entry["snapshot"]["books_content"] = content
        return entry

    def after(appended: log.Appended) -> None:
        if taken:
            snapshot.save(snap_path, taken[0], appended.seq, appended.head)
        else:
            snapshot.restamp(snap_path, appended.seq, appended.head)
        if appended.entry.get("stamped"):
            stamp.write_head(
                books, stamp.Head(appended.seq, appended.head, log.log_path(books).name)
            )

    return log.append_entry(log.log_path(books), build, after)


LOG_COLUMNS = ("Seq", "Part", "Entry")


def log_sheet_rows(book: Any) -> tuple[list[tuple[int, int, str]], list[tuple[Any, Any]]]:
    """The rows (seq, part, text) of a workbook's `xlbo log` sheet, and the (Seq, Part) of the
    rows that are not xlbo's (all of them, when the sheet lost its columns)."""
    frame = book.read_table(LITE_SHEET, LOG_COLUMNS).frame
    if not set(LOG_COLUMNS) <= set(frame.columns):
        return [], [(None, None)]
    rows: list[tuple[int, int, str]] = []
    bad: list[tuple[Any, Any]] = []
    for seq, part, text in frame[list(LOG_COLUMNS)].itertuples(index=False):
        try:
            rows.append((int(seq), int(part), "" if text is None else str(text)))
        except (TypeError, ValueError):
            bad.append((seq, part))
    return rows, bad


def _record_in_workbook(
    job: str, inputs: Mapping[str, Source], settings: Any, result: JobResult, book: Any
) -> JobResult:
    """Lite and the buttons: the log as rows (Seq, Part, Entry) of the hidden `xlbo log`
    sheet, the earlier rows read back and the new entry chained to the last."""
    from xlbo.book.display import ResultSheet

    earlier, _ = log_sheet_rows(book) if book.has(LITE_SHEET) else ([], [])
    lines: dict[int, str] = {}
    earlier.sort()
    for seq, _, text in earlier:
        lines[seq] = lines.get(seq, "") + text
    last = lines[max(lines)].encode("utf-8") if lines else b""
    seq = max(lines) + 1 if lines else 1
    entry = _entry(job, settings, result, [{"input": "book", "workbook": str(book.name)}])
    entry["seq"], entry["prev"] = seq, log.entry_hash(last) if last else log.ZERO
    text = log.canonical(entry).decode("utf-8")
    rows = earlier + [
        (seq, part, text[start : start + LITE_CHUNK])
        for part, start in enumerate(range(0, len(text), LITE_CHUNK), 1)
    ]
    sheet = ResultSheet(
        LITE_SHEET, pd.DataFrame(rows, columns=["Seq", "Part", "Entry"]), hidden=True
    )
    kept = tuple(s for s in result.sheets if s.name != LITE_SHEET)
    return dataclasses.replace(result, sheets=(*kept, sheet))
