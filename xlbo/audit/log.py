"""The audit log: `BOOK.xlbo-log.jsonl` beside the books, one JSON object a line, each chained
to the one before it.

An entry is written as canonical JSON (keys sorted, no spaces, UTF-8, no floats: money and
numbers are decimal strings) and holds `prev`, the SHA-256 of the previous entry's canonical
JSON (64 zeros for the first), and `seq`, its line number. Changing one byte of an entry changes
its hash, so the next entry's `prev` no longer matches and `verify_chain` names the entry:

    >>> lines = [canonical({"seq": 1, "prev": ZERO, "job": "payroll"})]
    >>> lines.append(canonical({"seq": 2, "prev": entry_hash(lines[0]), "job": "report"}))
    >>> verify_chain(lines).intact
    True
    >>> verify_chain([lines[0].replace(b"payroll", b"paYroll"), lines[1]]).broken_at
    1

Appending takes a lock on the log (so two runs at once cannot interleave), reads the last line
for `prev`, writes the new line with one write in append mode and fsyncs it; earlier lines are
never rewritten.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
import sys
from collections.abc import Callable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any, BinaryIO

ZERO = "0" * 64
"""The `prev` of the first entry."""

LOG_SUFFIX = ".xlbo-log.jsonl"


def log_path(books: Path) -> Path:
    """The log of a books workbook: `books.xlsx` → `books.xlbo-log.jsonl` beside it."""
    return books.with_name(books.stem + LOG_SUFFIX)


def canonical(entry: Mapping[str, Any]) -> bytes:
    """An entry's canonical JSON: sorted keys, no spaces, UTF-8 (a float is a bug: money and
    figures go in as decimal strings, so the same entry always gives the same bytes)."""
    return json.dumps(
        entry, sort_keys=True, separators=(",", ":"), ensure_ascii=False, allow_nan=False
    ).encode("utf-8")


def entry_hash(line: bytes) -> str:
    """The SHA-256 (hex) of an entry's canonical JSON."""
    return hashlib.sha256(line).hexdigest()


# -- checking a chain ---------------------------------------------------------------------------


@dataclass(frozen=True)
class ChainCheck:
    """What `verify_chain` found."""

    entries: int
    """How many lines the log has."""
    head: str
    """The hash of the last entry (ZERO for an empty log)."""
    broken_at: int | None = None
    """The first entry (1-based line number) that is not as xlbo wrote it; None when intact."""
    problem: str = ""
    last: Mapping[str, Any] | None = None
    """The last entry, read."""
    outside: tuple[Mapping[str, Any], ...] = ()
    """The entries that logged rows changed outside xlbo before their run (`outside`)."""
    gaps: tuple[str, ...] = ()
    """What `anchor_problem` says of each entry written after the log lost or changed entries
    (the chain after them holds, so only their anchors tell)."""

    @property
    def intact(self) -> bool:
        return self.broken_at is None


def _describe(entry: Mapping[str, Any] | None) -> str:
    if not entry:
        return ""
    return f" (the {entry.get('job', '?')} run of {entry.get('time', '?')} by {entry.get('user', '?')})"


def anchor_problem(entry: Mapping[str, Any]) -> str:
    """What an entry's `anchor` (the entry the snapshot beside the books was taken at when it
    ran) says the log had lost or changed before it was written; "" when the anchor agrees
    with the entry's `seq` and `prev`, or there is none (the first run, a deleted snapshot).

    A log deleted, emptied or cut back and then appended to is a chain that holds: the entry
    after it starts at 1 (or where the cut left off) with a `prev` that matches. Only the
    snapshot knew better, and the run replaces it; its anchor keeps it.

    >>> anchor_problem({"seq": 1, "prev": ZERO, "anchor": {"seq": 4, "sha256": "ab" * 32}})[:58]
    'entries 1 to 4 of the log were gone before this entry was '
    >>> anchor_problem({"seq": 5, "prev": "cd" * 32, "anchor": {"seq": 4, "sha256": "cd" * 32}})
    ''
    """
    anchor, seq, prev = entry.get("anchor"), entry.get("seq"), entry.get("prev")
    if not isinstance(anchor, Mapping) or not isinstance(seq, int):
        return ""
    at = anchor.get("seq")
    if not isinstance(at, int) or isinstance(at, bool) or at < seq - 1:
        return ""  # an older snapshot (one that could not be written): nothing lost
    if at >= seq:
        gone = (
            f"entry {seq} of the log was" if at == seq else f"entries {seq} to {at} of the log were"
        )
        return (
            f"{gone} gone before this entry was written (xlbo had last seen the books at entry "
            f"{at}): the log was deleted, emptied or cut back"
        )
    if seq > 1 and anchor.get("sha256") != prev:
        return (
            f"entry {seq - 1} was changed before this entry was written (its hash is not the "
            "one xlbo had last seen the books with)"
        )
    return ""


def verify_chain(lines: Sequence[bytes]) -> ChainCheck:
    """Check every entry's `seq` and `prev`; stop at the first entry that does not hold. A
    changed entry shows at the next one, whose `prev` is the hash of its bytes as written (the
    last entry has no next one: the snapshot and the head in the books hold its hash)."""
    prev, previous = ZERO, None
    last: Mapping[str, Any] | None = None
    outside: list[Mapping[str, Any]] = []
    gaps: list[str] = []
    for number, raw in enumerate(lines, 1):
        line = raw.rstrip(b"\r\n")
        try:
            entry = json.loads(line.decode("utf-8"))
            if not isinstance(entry, dict):
                raise ValueError("not an object")
        except (ValueError, UnicodeDecodeError, RecursionError):  # nested past Python's limit too
            return ChainCheck(
                number - 1,
                prev,
                number,
                f"entry {number} cannot be read (it is not the JSON xlbo wrote): it was changed "
                "or cut after it was written",
            )
        if entry.get("prev") != prev:
            changed = number - 1
            return ChainCheck(
                number - 1,
                prev,
                changed if changed else number,
                (
                    f"entry {changed} was changed after it was written{_describe(previous)}: "
                    f"entry {number}'s prev no longer matches its hash"
                    if changed
                    else f"entry 1's prev is not {ZERO[:8]}…: the start of the log was cut"
                ),
            )
        if entry.get("seq") != number:
            return ChainCheck(
                number - 1,
                prev,
                number,
                f"entry {number} says it is entry {entry.get('seq')}: entries were removed or "
                "moved",
            )
        prev, previous, last = entry_hash(line), entry, entry
        if entry.get("outside"):
            outside.append(entry)
        gap = anchor_problem(entry)
        if gap:
            gaps.append(f"entry {number}{_describe(entry)}: {gap}")
    return ChainCheck(len(lines), prev, last=last, outside=tuple(outside), gaps=tuple(gaps))


def read_lines(path: Path) -> list[bytes]:
    """The log's lines (a last line without its newline is kept: verify says it was cut)."""
    data = path.read_bytes()
    lines = data.split(b"\n")
    if lines and lines[-1] == b"":
        lines.pop()
    return lines


def iter_entries(path: Path) -> Iterator[dict[str, Any]]:
    """The log's entries, read one line at a time (unreadable lines skipped)."""
    with path.open("rb") as handle:
        for line in handle:
            with contextlib.suppress(ValueError, UnicodeDecodeError, RecursionError):
                entry = json.loads(line)
                if isinstance(entry, dict):
                    yield entry


# -- appending ----------------------------------------------------------------------------------


@contextlib.contextmanager
def _locked(handle: BinaryIO) -> Iterator[None]:
    """Hold an exclusive lock on the open log while the next entry is read and written."""
    if sys.platform == "win32":  # pragma: no cover - Windows only
        import msvcrt

        handle.seek(0)
        msvcrt.locking(handle.fileno(), msvcrt.LK_LOCK, 1)
        try:
            yield
        finally:
            handle.seek(0)
            msvcrt.locking(handle.fileno(), msvcrt.LK_UNLCK, 1)
    else:
        import fcntl

        fcntl.flock(handle.fileno(), fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(handle.fileno(), fcntl.LOCK_UN)


def _last_line(handle: BinaryIO) -> bytes:
    """The log's last line, read from the end (a log of 100,000 entries is not read whole)."""
    handle.seek(0, os.SEEK_END)
    end = handle.tell()
    if end == 0:
        return b""
    chunk, data, position = 1 << 16, b"", end
    while position > 0:
        step = min(chunk, position)
        position -= step
        handle.seek(position)
        data = handle.read(step) + data
        body = data.rstrip(b"\n")
        cut = body.rfind(b"\n")
        if cut >= 0:
            return body[cut + 1 :]
    return data.rstrip(b"\n")


def last_entry(path: Path) -> tuple[dict[str, Any] | None, str]:
    """The log's last entry and its hash, read from the end without the lock (a look before a
    run: the entry appended later is chained under the lock). (None, ZERO) for an empty log,
    (None, hash) for a last line that is not an entry."""
    with path.open("rb") as handle:
        line = _last_line(handle)
    if not line:
        return None, ZERO
    try:
        entry = json.loads(line)
    except (ValueError, UnicodeDecodeError, RecursionError):
        return None, entry_hash(line)
    return (entry if isinstance(entry, dict) else None), entry_hash(line)


@dataclass(frozen=True)
class Appended:
    """The entry just written: its line number, its hash and the entry."""

    seq: int
    head: str
    entry: Mapping[str, Any]
    after_damage: bool = False
    """The log's last line was not an entry xlbo wrote (cut short, or changed): this entry was
    written after it, and `verify` shows where the log breaks."""


def append_entry(
    path: Path,
    build: Callable[[int, str, Mapping[str, Any] | None], Mapping[str, Any]],
    after: Callable[[Appended], None] | None = None,
) -> Appended:
    """Append the entry `build(seq, prev, last_entry)` to the log at `path` under its lock, then
    call `after` (the snapshot, the head in the books) while the lock is still held."""
    with path.open("a+b") as handle, _locked(handle):
        last = _last_line(handle)
        seq, prev, last_entry, damaged = 1, ZERO, None, False
        if last:
            prev = entry_hash(last)
            try:
                last_entry = json.loads(last)
                seq = int(last_entry["seq"]) + 1
            except (ValueError, KeyError, TypeError, RecursionError):  # damaged: verify says so
                handle.seek(0)
                seq = sum(1 for _ in handle) + 1
                last_entry, damaged = None, True
        entry = dict(build(seq, prev, last_entry))
        entry["seq"], entry["prev"] = seq, prev
        line = canonical(entry)
        handle.seek(0, os.SEEK_END)
        if handle.tell() and _ends_without_newline(handle):
            line = b"\n" + line  # a cut last line stays as it is; the new entry starts afresh
        os.write(handle.fileno(), line + b"\n")
        os.fsync(handle.fileno())
        appended = Appended(seq, entry_hash(canonical(entry)), entry, damaged)
        if after is not None:
            after(appended)
        return appended


def _ends_without_newline(handle: BinaryIO) -> bool:
    handle.seek(-1, os.SEEK_END)
    ends = handle.read(1) != b"\n"
    handle.seek(0, os.SEEK_END)
    return ends
