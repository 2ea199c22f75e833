"""Checking the audit trail of a books workbook: the log's chain, the head the workbook
carries, the snapshot, and the books' rows against it.

    >>> verdict = check(Path("books.xlsx"))  # doctest: +SKIP
    >>> verdict.holds, verdict.problems[:1]  # doctest: +SKIP
    (False, ['Journal!E12: 52378.00 → 52387.00'])
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import Any

from xlbo.audit import log, snapshot, stamp
from xlbo.audit.snapshot import RowChange
from xlbo.errors import FileProblem


@dataclass(frozen=True)
class Verdict:
    """What `check` found."""

    books: Path
    chain: log.ChainCheck | None
    """None when there is no log."""
    problems: list[str] = field(default_factory=list)
    """What does not hold about the log itself (a changed entry, a cut or deleted log)."""
    changes: list[RowChange] = field(default_factory=list)
    """Rows of the books added, changed or removed since the last logged run."""
    headers: dict[str, list[str]] = field(default_factory=dict)
    """Each watched sheet's headers (its first row in the snapshot), to name changed cells."""

    def logged_outside(self) -> list[str]:
        """The rows the log says were changed outside xlbo before a run (each entry that found
        them, then each row: `Journal!E5: 30000.5 → 3000.5`), oldest first."""
        said: list[str] = []
        for entry in self.chain.outside if self.chain else ():
            found = [record_sentence(r) for r in entry.get("outside") or [] if isinstance(r, dict)]
            count = len(found)
            said.append(
                f"{count} {'row' if count == 1 else 'rows'} changed outside xlbo before entry "
                f"{entry.get('seq')} ({entry.get('job')}, {shown_time(entry.get('time'))}, "
                f"{entry.get('user')}):"
            )
            said += [f"  {line}" for line in found]
        return said

    @property
    def holds(self) -> bool:
        return not self.problems and not self.changes

    def status(self) -> str:
        """The chain's state in one sentence."""
        if self.chain is None:
            return "no log"
        if self.problems:
            return self.problems[0]
        count = self.chain.entries
        return (
            f"intact: {count} {'entry' if count == 1 else 'entries'}, head {self.chain.head[:16]}…"
        )


def shown_time(stamp: Any) -> str:
    """An entry's UTC time as `02-12-2026 11:25:31 UTC` (as written when it is not ISO)."""
    text = str(stamp)
    try:
        moment = datetime.strptime(text[:19], "%Y-%m-%dT%H:%M:%S")
    except ValueError:
        return text
    return f"{moment:%d-%m-%Y %H:%M:%S} UTC"


def record_sentence(plain: dict[str, Any]) -> str:
    """A logged outside change as `RowChange.sentence` says it: each changed cell with its
    address, old → new; a row added or removed with its cells."""
    cells = plain.get("cells")
    if isinstance(cells, list) and cells:
        return "; ".join(
            f"{a}: {o or '(blank)'} → {n or '(blank)'}"
            for a, o, n in (c for c in cells if isinstance(c, list) and len(c) == 3)
        )
    values = plain.get("new") or plain.get("old") or {}
    shown = " | ".join(str(v) for v in dict(values).values() if v)
    if len(shown) > 160:
        shown = shown[:157] + "…"
    return f"{plain.get('key', '?')} {plain.get('change', '?')}: {shown}"


def _head_problem(head: stamp.Head, lines: list[bytes], name: str) -> str:
    if head.seq > len(lines):
        return (
            f"{name} says xlbo logged entry {head.seq} when it last wrote it, but the log has "
            f"{len(lines)} entries: the log was cut back or replaced. Restore it from a backup."
        )
    if log.entry_hash(lines[head.seq - 1].rstrip(b"\r\n")) != head.head:
        return (
            f"entry {head.seq} of the log is not the one {name} says wrote it (its hash "
            "differs): the entry was changed or the log replaced."
        )
    return ""


def check(books: Path) -> Verdict:
    """Check the log beside `books`, the head it carries and its rows against the snapshot."""
    log_file = log.log_path(books)
    snap_file = snapshot.snapshot_path(books)
    head = stamp.read_head(books) if books.suffix.lower() in (".xlsx", ".xlsm") else None
    saved = snapshot.load(snap_file)
    if head is not None and head.log and head.log.casefold() != log_file.name.casefold():
        problem = (
            f"{books.name} carries the head of entry {head.seq} of the log {head.log}, not of "
            f"its own ({log_file.name}): it is a copy of the books that log belongs to, or was "
            f"renamed from them. Their trail is in {head.log}; verify those books, or, for a "
            "copy that starts books of its own, run a job that writes it (its head is then its "
            "own log's)."
        )
        if not log_file.exists():
            return Verdict(books, None, [problem])
        foreign: list[str] = [problem]
        head = None
    else:
        foreign = []
    if not log_file.exists():
        if head is not None:
            problem = (
                f"The log {log_file.name} is missing, but {books.name} carries the head of entry "
                f"{head.seq} ({head.head[:16]}…): the log was deleted or moved. Put it back "
                "beside the books (from a backup)."
            )
        elif saved is not None:
            problem = (
                f"The log {log_file.name} is missing, but the snapshot {snap_file.name} was taken "
                f"at entry {saved.seq}: the log was deleted or moved. Put it back beside the "
                "books (from a backup)."
            )
        else:
            problem = (
                f"There is no audit log beside {books.name} ({log_file.name}): xlbo has run no "
                "job on these books yet, or the log was deleted."
            )
        return Verdict(books, None, [problem])
    try:
        lines = log.read_lines(log_file)
    except OSError as error:
        raise FileProblem(
            f"The log {log_file.name} cannot be read ({error.strerror or error}); let xlbo read "
            "it (permissions, another program holding it) and run again."
        ) from None
    chain = log.verify_chain(lines)
    problems: list[str] = list(foreign)
    if not chain.intact:
        problems.append(
            f"The log {log_file.name} is broken at entry {chain.broken_at}: {chain.problem}."
        )
        return Verdict(books, chain, problems)
    if not lines:
        problems.append(f"The log {log_file.name} is empty: its entries were deleted.")
    problems += [  # a chain that holds after entries lost or changed: the anchors tell
        f"In the log {log_file.name}, {gap}. What it held before can be read only from a "
        "backup of the log."
        for gap in chain.gaps
    ]
    if head is not None:
        said = _head_problem(head, lines, books.name)
        if said:
            problems.append(said)
    changes: list[RowChange] = []
    last: dict[str, Any] = dict(chain.last or {})
    recorded = last.get("snapshot") if isinstance(last.get("snapshot"), dict) else None
    if recorded:
        if saved is None:
            problems.append(
                f"The snapshot {snap_file.name} is missing or damaged: the books cannot be "
                "compared with the last run (the next run takes a new one)."
            )
        elif saved.seq != chain.entries or saved.head != chain.head:
            problems.append(
                f"The log's last entry ({chain.entries}) is not the one the snapshot was taken "
                f"with (entry {saved.seq}): the last entry was changed, or entries removed."
            )
        elif saved.rows != recorded.get("rows") or snapshot.digest(saved.sheets) != saved.rows:
            problems.append(
                f"The snapshot {snap_file.name} was changed after entry {saved.seq} wrote it."
            )
        elif not snapshot.books_match(recorded, books):
            changes = snapshot.compare(saved.sheets, snapshot.take(books))
        # else the books are those the last entry recorded (byte for byte, or in every part
        # but the head it wrote): no row changed
    headers = {n: snapshot.headers_of(r) for n, r in saved.sheets.items()} if saved else {}
    return Verdict(books, chain, problems, changes, headers)
