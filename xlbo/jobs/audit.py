"""The audit job: `xlbo audit verify BOOK.xlsx` and `xlbo audit report BOOK.xlsx --from DATE
--to DATE --out audit.xlsx`.

`verify` checks the log beside the books (`BOOK.xlbo-log.jsonl`): its chain entry by entry,
the head the workbook carries (when a job wrote it), and the books' Journal and master rows
against the snapshot the last logged run left, listing each row added, changed or removed with
its cell (`Journal!E12: 52378.00 → 52387.00`). All holds: exit 0; anything else: a plain message
and exit 2.

`report` writes the auditor's workbook: `Audit Trail` (who, when, which job, what, old → new,
one row per record, including the changes found made outside xlbo), `Runs` (one row per entry:
its inputs and outputs with their SHA-256) and `Chain` (the verification's outcome).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from datetime import date, datetime
from pathlib import Path
from typing import Any

import pandas as pd

from xlbo.audit import log, verify
from xlbo.audit.records import AuditRecord, Change, from_plain
from xlbo.book import Column, Kind, Reader, ResultSheet, write_workbook
from xlbo.book.atomic import check_output_file, result_set
from xlbo.errors import FileProblem, UserError
from xlbo.jobs.registry import (
    EXIT_OK,
    AuditSettings,
    JobResult,
    Source,
    workbook_out,
)

SHOWN = 30
"""Changes listed in the message; the report lists them all."""

TRAIL_HEADERS = (
    "Entry",
    "Time (UTC)",
    "User",
    "Job",
    "Change",
    "Sheet",
    "Record",
    "What",
    "Old",
    "New",
)


def audit_job(inputs: Mapping[str, Source], settings: AuditSettings) -> JobResult:
    books = inputs["book"]
    if not isinstance(books, Path):
        if settings.action == "verify":
            return _verify_open(books)
        raise UserError("The audit log sits beside a books file: run xlbo audit on the file.")
    if not books.is_file():
        raise FileProblem(f"{books}: no such file. Name the books whose log to check.")
    if settings.action == "verify":
        return _verify(books)
    if settings.action == "report":
        return _report(books, settings)
    raise TypeError(f"audit has no action {settings.action!r}")


def _verify(books: Path) -> JobResult:
    verdict = verify.check(books)
    if verdict.holds and verdict.chain is not None:
        said = (
            f"The audit log of {books.name} holds: {_entries(verdict.chain.entries)} chained, "
            f"head {verdict.chain.head[:16]}…; the books match the last run's snapshot."
        )
        logged = verdict.logged_outside()  # edits found (and logged) by the runs after them
        if len(logged) > SHOWN:
            logged = [*logged[:SHOWN], "  … xlbo audit report lists them all."]
        return JobResult(EXIT_OK, (said, *logged), headline=said, value=verdict)
    lines = list(verdict.problems)
    if verdict.changes:
        count = len(verdict.changes)
        lines.append(
            f"{books.name} was changed outside xlbo since the last logged run "
            f"(entry {verdict.chain.entries if verdict.chain else '?'}): {count} "
            + ("row" if count == 1 else "rows")
            + " added, changed or removed:"
        )
        lines += [f"  {c.sentence()}" for c in verdict.changes[:SHOWN]]
        if count > SHOWN:
            lines.append(f"  … and {count - SHOWN} more: xlbo audit report lists them all.")
    raise UserError("\n".join(lines))


def _verify_open(book: Reader) -> JobResult:
    """A workbook open in Excel (the Verify button): the chain of its hidden `xlbo log` sheet,
    where the buttons log their runs. Its last entry and the rows edited since are not checked:
    the head hash and the snapshot are kept beside a saved file (checked on the file)."""
    from xlbo.audit.hook import LITE_SHEET, log_sheet_rows

    if not book.has(LITE_SHEET):
        raise UserError(
            f"This workbook has no '{LITE_SHEET}' sheet: no button has run a job on it yet, or "
            "the sheet was deleted."
        )
    rows, bad = log_sheet_rows(book)
    if bad and bad[0] == (None, None):
        raise UserError(
            f"The {LITE_SHEET} sheet lost its Seq, Part and Entry columns: the log was edited."
        )
    if bad:
        seq, part = bad[0]
        raise UserError(
            f"The {LITE_SHEET} sheet has a row that is not xlbo's (Seq {seq!r}, Part "
            f"{part!r}): the log was edited."
        )
    parts: dict[int, list[tuple[int, str]]] = {}
    for seq, part, text in rows:
        parts.setdefault(seq, []).append((part, text))
    lines = ["".join(t for _, t in sorted(parts[s])).encode("utf-8") for s in sorted(parts)]
    chain = log.verify_chain(lines)
    if not chain.intact:
        raise UserError(
            f"The {LITE_SHEET} sheet is broken at entry {chain.broken_at}: {chain.problem}."
        )
    said = (
        f"The {LITE_SHEET} sheet of {Path(book.name).name} holds: {_entries(chain.entries)} "
        f"chained, head {chain.head[:16]}…"
    )
    return JobResult(EXIT_OK, (said,), headline=said, value=chain)


def _day(stamp: Any) -> date | None:
    try:
        return datetime.strptime(str(stamp)[:10], "%Y-%m-%d").date()
    except ValueError:
        return None


def _what(record: AuditRecord) -> tuple[str, str, str]:
    """What changed, the old values and the new, as an auditor reads them."""
    if record.change is Change.CHANGED:
        fields = [k for k in {**record.old, **record.new} if record.old.get(k) != record.new.get(k)]
        return (
            ", ".join(fields),
            "; ".join(f"{k}: {record.old.get(k, '')}" for k in fields),
            "; ".join(f"{k}: {record.new.get(k, '')}" for k in fields),
        )
    values = record.new if record.change is Change.ADDED else record.old
    shown = "; ".join(f"{k}: {v}" for k, v in values.items() if v)
    return (
        "row added" if record.change is Change.ADDED else "row removed",
        "" if record.change is Change.ADDED else shown,
        shown if record.change is Change.ADDED else "",
    )


def _trail_rows(entry: Mapping[str, Any]) -> Iterable[list[Any]]:
    who = [
        entry.get("seq"),
        verify.shown_time(entry.get("time")).removesuffix(" UTC"),
        entry.get("user"),
        entry.get("job"),
    ]
    for key, by in (("outside", "outside xlbo"), ("records", "by xlbo")):  # found, then posted
        for plain in entry.get(key) or []:
            record = from_plain(plain)
            what, old, new = _what(record)
            if plain.get("cells"):  # a cell changed outside xlbo: its address
                what = ", ".join(str(c[0]) for c in plain["cells"])
            yield [
                *who,
                f"{record.change.value} {by}",
                record.sheet,
                record.key,
                what,
                old,
                new,
            ]


def _files_text(files: Any) -> str:
    return "; ".join(
        f"{f.get('file', f.get('workbook', ''))} ({str(f.get('sha256', ''))[:12]}…)"
        for f in files or []
        if isinstance(f, dict)
    )


def _report(books: Path, settings: AuditSettings) -> JobResult:
    out = settings.out or books.with_name(f"{books.stem}-audit.xlsx")
    workbook_out(out, "the audit report")
    check_output_file(out, books)
    if settings.start and settings.end and settings.start > settings.end:
        raise UserError(
            f"--from {settings.start:%d-%m-%Y} is after --to {settings.end:%d-%m-%Y}; swap them."
        )
    verdict = verify.check(books)
    log_file = log.log_path(books)
    trail: list[list[Any]] = []
    runs: list[list[Any]] = []
    if log_file.is_file():
        for entry in log.iter_entries(log_file):
            day = _day(entry.get("time"))
            if day is None or (settings.start and day < settings.start):
                continue
            if settings.end and day > settings.end:
                continue
            trail.extend(_trail_rows(entry))
            runs.append(
                [
                    entry.get("seq"),
                    verify.shown_time(entry.get("time")).removesuffix(" UTC"),
                    entry.get("user"),
                    entry.get("job"),
                    entry.get("version"),
                    _files_text(entry.get("inputs")),
                    _files_text(entry.get("outputs")),
                    len(entry.get("records") or []),
                    len(entry.get("outside") or []),
                ]
            )
    for change in verdict.changes:  # found now, since the last run
        what, old, new = _what(change.record(verdict.headers.get(change.sheet, ())))
        if change.change is Change.CHANGED:
            what = ", ".join(a for a, _, _ in change.cells)
        trail.append(
            [
                "now",
                "",
                "",
                "",
                f"{change.change.value} outside xlbo",
                change.sheet,
                change.where,
                what,
                old,
                new,
            ]
        )
    chain_rows = [
        ["Books", books.name],
        ["Log", log_file.name],
        ["Period", f"{_or(settings.start)} to {_or(settings.end)}"],
        ["Entries", verdict.chain.entries if verdict.chain else 0],
        ["Chain", verdict.status()],
        *(["Problem", p] for p in verdict.problems[1:]),
        ["Changed outside xlbo since the last run", len(verdict.changes)],
        ["Outcome", "holds" if verdict.holds else "does NOT hold: see above"],
    ]
    text = Column(kind=Kind.LONG_TEXT, width=50)
    sheets = [
        ResultSheet(
            "Audit Trail",
            pd.DataFrame(trail, columns=list(TRAIL_HEADERS), dtype=object),
            columns={"Old": text, "New": text, "What": Column(width=30)},
            title=(f"Audit trail of {books.name}", f"{_or(settings.start)} to {_or(settings.end)}"),
            landscape=True,
        ),
        ResultSheet(
            "Runs",
            pd.DataFrame(
                runs,
                columns=[
                    "Entry",
                    "Time (UTC)",
                    "User",
                    "Job",
                    "Version",
                    "Inputs",
                    "Outputs",
                    "Records",
                    "Changed outside xlbo",
                ],
                dtype=object,
            ),
            columns={"Inputs": text, "Outputs": text},
            landscape=True,
        ),
        ResultSheet(
            "Chain",
            pd.DataFrame(chain_rows, columns=["What", "Finding"], dtype=object),
            columns={"What": Column(width=36), "Finding": Column(kind=Kind.LONG_TEXT, width=90)},
        ),
    ]
    with result_set(out.parent):
        write_workbook(out, sheets, title=f"Audit trail of {books.name}")
    said = (
        f"{len(trail)} record changes in {len(runs)} runs; chain {verdict.status()}. Report: {out}"
    )
    return JobResult(
        EXIT_OK if verdict.holds else 1,
        (said,),
        files=(out,),
        headline=said,
        sheets=tuple(sheets),
        value=verdict,
    )


def _entries(count: int) -> str:
    return f"{count} entry" if count == 1 else f"{count} entries"


def _or(day: date | None) -> str:
    return f"{day:%d-%m-%Y}" if day else "all"
