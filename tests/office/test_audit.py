"""The audit trail: every run that writes or posts is logged beside the books, chained by
SHA-256; `xlbo audit verify` finds a changed byte of the log, a Journal cell edited outside
xlbo and a deleted log; `xlbo audit report` lists who changed what, old → new."""

from __future__ import annotations

import hashlib
import json
import threading
import zipfile
from collections.abc import Callable
from datetime import datetime
from pathlib import Path

import openpyxl
import pytest
from python_calamine import CalamineWorkbook

from tests.reports.test_statements import ACCOUNTS
from xlbo.audit import log
from xlbo.cli import main

DAY_BOOK = [
    ["Sahyadri Tradelinks Private Limited"],
    ["Day Book"],
    ["Date", "Particulars", "Vch Type", "Vch No.", "Debit Amount", "Credit Amount"],
    [datetime(2026, 10, 3), "Vardhaman Agencies", "Sales", "S/101", 118000, None],
    [None, "Sales - Goods", None, None, None, 100000],
    [None, "Output IGST", None, None, None, 18000],
    ["07-10-2026", "Rent", "Payment", "P/55", "30,000.50", None],
    [None, "HDFC Bank Current A/c", None, None, None, "30,000.50"],
]
"""Two vouchers: five Journal lines, in rows 2 to 6 of the books' Journal."""


@pytest.fixture
def books(xlsx: Callable[..., Path], tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Books written by `xlbo import-tally` (entry 1 of the log), run by 'asha'."""
    monkeypatch.setenv("XLBO_AUDIT_USER", "asha")
    day_book = xlsx({"Day Book": DAY_BOOK}, name="daybook.xlsx")
    out = tmp_path / "books.xlsx"
    assert main(["import-tally", str(day_book), "--out", str(out)]) == 0
    return out


def entries(books: Path) -> list[dict[str, object]]:
    return [json.loads(line) for line in log.read_lines(log.log_path(books))]


def second_run(books: Path, tmp_path: Path, xlsx: Callable[..., Path]) -> None:
    """A trial balance from the books: entry 2 (it reads them, writes tb.xlsx)."""
    master = xlsx({"Accounts": ACCOUNTS}, name="master.xlsx")
    code = main(
        ["report", "trial-balance", str(books), "--period", "2026-10", "--master", str(master),
         "--out", str(tmp_path / "tb.xlsx")]
    )  # fmt: skip
    assert code in (0, 1)


RENT_CUT_TO_3000 = [
    {
        "change": "changed",
        "sheet": "Journal",
        "key": "Journal!A5",
        "cells": [["Journal!E5", "30000.5", "3000.5"]],
        "old": {"Date": "2026-10-07", "Voucher No": "P/55", "Voucher Type": "Payment",
                "Account": "Rent", "Debit": "30000.50"},
        "new": {"Date": "2026-10-07", "Voucher No": "P/55", "Voucher Type": "Payment",
                "Account": "Rent", "Debit": "3000.50"},
    }
]  # fmt: skip
"""The outside edit the tests make: Journal E5, rent of 30,000.50 cut to 3,000.50."""


def test_two_jobs_are_chained_and_the_log_verifies(
    books: Path, tmp_path: Path, xlsx: Callable[..., Path], capsys: pytest.CaptureFixture[str]
) -> None:
    second_run(books, tmp_path, xlsx)
    first, second = entries(books)
    assert (first["seq"], first["prev"]) == (1, "0" * 64)
    raw = log.read_lines(log.log_path(books))
    assert second["seq"] == 2 and second["prev"] == hashlib.sha256(raw[0]).hexdigest()
    assert first["job"] == "import-tally" and second["job"] == "report"
    assert first["user"] == "asha" and str(first["time"]).endswith("Z")
    day_book = (tmp_path / "daybook.xlsx").read_bytes()
    assert first["inputs"] == [
        {"input": "daybook", "file": "daybook.xlsx", "sha256": hashlib.sha256(day_book).hexdigest()}
    ]
    assert second["outputs"] == [
        {
            "file": "tb.xlsx",
            "sha256": hashlib.sha256((tmp_path / "tb.xlsx").read_bytes()).hexdigest(),
        }
    ]
    assert second["settings"]["period"] == "2026-10"  # type: ignore[index]
    posted = first["records"]
    assert isinstance(posted, list) and len(posted) == 5  # every Journal line posted
    assert posted[3]["key"] == "P/55 line 1"
    assert posted[3]["new"]["Debit"] == "30000.50"  # money as a decimal string
    assert posted[3]["new"]["Date"] == "2026-10-07"
    capsys.readouterr()
    assert main(["audit", "verify", str(books)]) == 0
    assert "holds: 2 entries chained" in capsys.readouterr().out


def test_one_byte_changed_breaks_the_chain_at_that_entry(
    books: Path, tmp_path: Path, xlsx: Callable[..., Path], capsys: pytest.CaptureFixture[str]
) -> None:
    second_run(books, tmp_path, xlsx)
    second_run(books, tmp_path, xlsx)
    path = log.log_path(books)
    original = path.read_bytes()
    lines = original.split(b"\n")
    lines[1] = lines[1].replace(b'"exit_code":1', b'"exit_code":3', 1)  # one byte of entry 2
    assert lines[1] != original.split(b"\n")[1]
    path.write_bytes(b"\n".join(lines))
    assert main(["audit", "verify", str(books)]) == 2
    said = capsys.readouterr().err
    assert "broken at entry 2" in said and "the report run of" in said
    # the last entry has no next one to betray it: the snapshot's head does
    lines = original.split(b"\n")
    lines[2] = lines[2].replace(b'"user":"asha"', b'"user":"ashA"', 1)
    path.write_bytes(b"\n".join(lines))
    assert main(["audit", "verify", str(books)]) == 2
    assert "last entry (3) is not the one the snapshot was taken with" in capsys.readouterr().err


def test_journal_cells_edited_outside_xlbo_are_listed_with_their_address(
    books: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    workbook = openpyxl.load_workbook(books)
    journal = workbook["Journal"]
    assert journal["E5"].value == 30000.5 and journal["B5"].value == "P/55"
    journal["E5"] = 3000.5
    journal["I3"] = "typed later"
    workbook.save(books)
    assert main(["audit", "verify", str(books)]) == 2
    said = capsys.readouterr().err
    assert "books.xlsx was changed outside xlbo since the last logged run (entry 1)" in said
    assert "Journal!E5: 30000.5 → 3000.5" in said
    assert "Journal!I3: (blank) → typed later" in said
    assert "Traceback" not in said


def test_a_deleted_or_cut_log_is_found_from_the_hidden_sheet(
    books: Path, xlsx: Callable[..., Path], capsys: pytest.CaptureFixture[str]
) -> None:
    workbook = openpyxl.load_workbook(books)
    hidden = workbook["xlbo audit"]
    assert hidden.sheet_state == "veryHidden" and hidden.protection.sheet
    kept = log.log_path(books).read_bytes()
    log.log_path(books).unlink()
    books.with_name("books.xlbo-snapshot.json").unlink()
    assert main(["audit", "verify", str(books)]) == 2
    said = capsys.readouterr().err
    assert "books.xlbo-log.jsonl is missing, but books.xlsx carries the head of entry 1" in said
    # import again: entry 2 writes the books; then the log is cut back to entry 1
    log.log_path(books).write_bytes(kept)
    day_book = books.with_name("daybook.xlsx")
    assert main(["import-tally", str(day_book), "--out", str(books)]) == 0
    log.log_path(books).write_bytes(kept)
    assert main(["audit", "verify", str(books)]) == 2
    said = capsys.readouterr().err
    assert "books.xlsx says xlbo logged entry 2" in said and "the log has 1 entries" in said


def _lose(books: Path, how: str) -> None:
    """Lose entries of the books' log as a user might: delete it (the snapshot kept), empty it
    and delete the snapshot too (the head in the books is left), cut it back to its first
    entry, or change its last entry so it still reads (a new user)."""
    path, snap = log.log_path(books), books.with_name("books.xlbo-snapshot.json")
    lines = path.read_bytes().split(b"\n")
    if how == "deleted":
        path.unlink()
    elif how == "emptied":
        path.write_bytes(b"")
        snap.unlink()
    elif how == "cut back":
        path.write_bytes(lines[0] + b"\n")
    else:
        lines[1] = lines[1].replace(b'"user":"asha"', b'"user":"ravi"', 1)
        path.write_bytes(b"\n".join(lines))


@pytest.mark.parametrize(
    ("how", "entry", "said"),
    [
        ("deleted", 1, "entries 1 to 2 of the log were gone before this entry was written"),
        # the snapshot deleted too: the head entry 1 stamped in the books still tells
        ("emptied", 1, "entry 1 of the log was gone before this entry was written"),
        ("cut back", 2, "entry 2 of the log was gone before this entry was written"),
        ("changed", 3, "entry 2 was changed before this entry was written"),
    ],
)
def test_a_log_that_lost_or_changed_entries_says_so_after_the_next_run(
    books: Path,
    tmp_path: Path,
    xlsx: Callable[..., Path],
    capsys: pytest.CaptureFixture[str],
    how: str,
    entry: int,
    said: str,
) -> None:
    """Found by review (F2): a log deleted, emptied or cut back, then run on, was a new chain
    that held: `verify` said all was well, the lost entries unmentioned. The entry written
    after the loss keeps what the snapshot (or the head in the books) knew: the run warns, and
    `verify` says it from then on."""
    second_run(books, tmp_path, xlsx)  # entry 2: a report, the books stamped by entry 1
    _lose(books, how)
    capsys.readouterr()
    second_run(books, tmp_path, xlsx)
    warned = capsys.readouterr().err
    assert "The audit log books.xlbo-log.jsonl beside books.xlsx: " + said in warned
    assert f"This run is entry {entry}" in warned
    assert "Put the earlier log back from a backup" in warned
    assert main(["audit", "verify", str(books)]) == 2
    told = " ".join(capsys.readouterr().err.split())
    assert f"In the log books.xlbo-log.jsonl, entry {entry} (the report run of " in told
    assert f"by asha): {said}" in told
    assert "can be read only from a backup of the log" in told


def test_a_copy_of_stamped_books_is_said_to_be_a_copy_and_starts_its_own_log(
    books: Path, tmp_path: Path, xlsx: Callable[..., Path], capsys: pytest.CaptureFixture[str]
) -> None:
    """Books copied under another name carry the head of the original's log: verify says so
    (not that their own log was deleted), and the copy's first run starts its own log without
    saying entries were lost."""
    copy = tmp_path / "books 2027.xlsx"
    copy.write_bytes(books.read_bytes())
    capsys.readouterr()
    assert main(["audit", "verify", str(copy)]) == 2
    told = " ".join(capsys.readouterr().err.split())
    assert (
        "books 2027.xlsx carries the head of entry 1 of the log books.xlbo-log.jsonl, not of its "
        "own (books 2027.xlbo-log.jsonl): it is a copy of the books that log belongs to" in told
    )
    assert "missing" not in told
    second_run(copy, tmp_path, xlsx)  # the copy's first run: its own log's entry 1
    assert "gone before" not in capsys.readouterr().err
    (first,) = entries(copy)
    assert first["anchor"] is None


def test_runs_on_a_whole_log_say_nothing_of_lost_entries(
    books: Path, tmp_path: Path, xlsx: Callable[..., Path], capsys: pytest.CaptureFixture[str]
) -> None:
    second_run(books, tmp_path, xlsx)
    assert main(["import-tally", str(books.with_name("daybook.xlsx")), "--out", str(books)]) == 0
    second_run(books, tmp_path, xlsx)
    assert "gone before" not in capsys.readouterr().err
    assert [e.get("anchor", {}) and e["anchor"]["seq"] for e in entries(books)] == [None, 1, 2, 3]  # type: ignore[index]
    assert main(["audit", "verify", str(books)]) == 0


@pytest.mark.parametrize(("damage", "entry"), [("cut", 2), ("garbage", 3)])
def test_a_run_after_the_log_was_damaged_says_so_and_keeps_the_damage(
    books: Path, capsys: pytest.CaptureFixture[str], damage: str, entry: int
) -> None:
    kept = log.log_path(books).read_bytes()
    damaged = kept[:40] if damage == "cut" else kept + b"\x00\xff not xlbo's\n"
    log.log_path(books).write_bytes(damaged)
    capsys.readouterr()
    assert main(["import-tally", str(books.with_name("daybook.xlsx")), "--out", str(books)]) == 0
    said = capsys.readouterr().err
    assert (
        "The audit log books.xlbo-log.jsonl beside books.xlsx was damaged before this run" in said
    )
    assert f"This run is entry {entry}, written after it" in said
    assert "xlbo audit verify books.xlsx" in said
    # the damage stays for the auditor to see, the new entry after it
    assert log.log_path(books).read_bytes().startswith(damaged)
    assert main(["audit", "verify", str(books)]) == 2
    assert "is broken at entry" in capsys.readouterr().err


def test_a_run_after_an_intact_log_says_nothing_of_damage(
    books: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    capsys.readouterr()
    assert main(["import-tally", str(books.with_name("daybook.xlsx")), "--out", str(books)]) == 0
    assert "damaged" not in capsys.readouterr().err


@pytest.mark.parametrize("damage", ["emptied", "utf-16"])
def test_books_whose_workbook_xml_is_damaged_are_said_damaged_not_every_row_removed(
    books: Path, capsys: pytest.CaptureFixture[str], damage: str
) -> None:
    """Found by review: a workbook.xml listing no sheet to the quick look at it (emptied, or
    re-encoded as UTF-16) made the snapshot of the books empty, and the next run logged every
    Journal row "removed outside xlbo"."""
    with zipfile.ZipFile(books) as archive:
        parts = {info.filename: archive.read(info.filename) for info in archive.infolist()}
    xml = parts["xl/workbook.xml"]
    parts["xl/workbook.xml"] = b"" if damage == "emptied" else xml.decode().encode("utf-16")
    with zipfile.ZipFile(books, "w") as archive:
        for name, data in parts.items():
            archive.writestr(name, data)
    capsys.readouterr()
    main(["import-tally", str(books.with_name("daybook.xlsx")), "--out", str(books)])
    assert "could not be compared with the last logged run" in capsys.readouterr().err
    assert entries(books)[-1]["outside"] == []


@pytest.mark.parametrize("damage", ["sheets-no-object", "nested-log-line"])
def test_a_snapshot_or_log_damaged_so_it_still_parses_is_said_not_an_internal_error(
    books: Path, capsys: pytest.CaptureFixture[str], damage: str
) -> None:
    """Found by review: a snapshot whose "sheets" is a list, or a log line of JSON nested past
    Python's recursion limit, ended import-tally and audit verify in "internal error", exit 70."""
    snapshot = books.with_name("books.xlbo-snapshot.json")
    if damage == "sheets-no-object":
        body = json.loads(snapshot.read_text())
        body["sheets"] = []
        snapshot.write_text(json.dumps(body))
    else:
        with log.log_path(books).open("ab") as handle:
            handle.write(b"[" * 100_000 + b"\n")
    capsys.readouterr()
    assert main(["import-tally", str(books.with_name("daybook.xlsx")), "--out", str(books)]) == 0
    said = capsys.readouterr().err
    assert "internal error" not in said
    assert ("could not be compared" if damage == "sheets-no-object" else "was damaged") in said
    if damage == "nested-log-line":
        assert main(["audit", "verify", str(books)]) == 2
        assert "is broken at entry 2" in capsys.readouterr().err


def test_a_failed_run_logs_nothing(xlsx: Callable[..., Path], tmp_path: Path) -> None:
    book = xlsx({"Journal": [["Date", "Voucher No"]]}, name="journal.xlsx")
    assert main(["report", "trial-balance", str(book), "--period", "2026-10",
                 "--out", str(tmp_path / "tb.xlsx")]) == 2  # fmt: skip
    assert not log.log_path(book).exists()


def test_the_report_has_a_row_per_record_change(
    books: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    workbook = openpyxl.load_workbook(books)
    workbook["Journal"]["E2"] = 118001
    workbook.save(books)
    out = tmp_path / "audit.xlsx"
    assert main(["audit", "report", str(books), "--from", "01-04-2026", "--out", str(out)]) == 1
    report = CalamineWorkbook.from_path(str(out))
    trail = report.get_sheet_by_name("Audit Trail").to_python()
    header = trail.index(next(r for r in trail if r[0] == "Entry"))
    rows = [dict(zip(trail[header], r, strict=True)) for r in trail[header + 1 :]]
    assert len(rows) == 6  # five lines posted, one cell changed since
    assert [r["Change"] for r in rows] == ["added by xlbo"] * 5 + ["changed outside xlbo"]
    assert {r["User"] for r in rows[:5]} == {"asha"} and rows[0]["Job"] == "import-tally"
    assert rows[0]["Record"] == "S/101 line 1" and "Debit: 118000.00" in rows[0]["New"]
    assert rows[5]["Record"] == "Journal!A2" and rows[5]["What"] == "Journal!E2"
    assert (rows[5]["Old"], rows[5]["New"]) == ("Debit: 118000.00", "Debit: 118001.00")
    chain = dict(r[:2] for r in report.get_sheet_by_name("Chain").to_python()[1:])
    assert str(chain["Chain"]).startswith("intact: 1 entry")
    assert chain["Outcome"] == "does NOT hold: see above"
    # a period with no run: no rows of entries, the change found now still listed
    later = tmp_path / "later.xlsx"
    assert main(["audit", "report", str(books), "--from", "01-01-2099", "--out", str(later)]) == 1
    trail = CalamineWorkbook.from_path(str(later)).get_sheet_by_name("Audit Trail").to_python()
    assert [r[0] for r in trail if r and r[0] not in ("", "Entry")][-1:] == ["now"]


def test_runs_at_once_do_not_interleave(tmp_path: Path) -> None:
    path = tmp_path / "books.xlbo-log.jsonl"

    def write(worker: int) -> None:
        for number in range(25):
            log.append_entry(path, lambda seq, prev, last, n=number: {"job": f"w{worker}", "n": n})

    threads = [threading.Thread(target=write, args=(w,)) for w in range(6)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    check = log.verify_chain(log.read_lines(path))
    assert check.intact and check.entries == 150


def test_a_workbook_open_in_excel_keeps_its_log_on_a_hidden_sheet(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from tests.xlwings_double import Book
    from xlbo.audit.hook import LITE_SHEET
    from xlbo.book.excel import ExcelBook
    from xlbo.jobs.registry import ReportSettings, run
    from xlbo.jobs.report import ReportKind

    monkeypatch.setenv("XLBO_AUDIT_USER", "asha")
    journal = [
        ["Date", "Voucher No", "Voucher Type", "Account", "Debit", "Credit"],
        ["07-10-2026", "P/55", "Payment", "Rent", 30000.5, None],
        ["07-10-2026", "P/55", "Payment", "HDFC Bank Current A/c", None, 30000.5],
    ]
    excel = ExcelBook(Book.from_tables({"Journal": journal, "Accounts": ACCOUNTS}, "books.xlsx"))
    for _ in range(2):
        result = run("report", {"book": excel}, ReportSettings(ReportKind.TRIAL_BALANCE, "2026-10"))
        excel.write(result.sheets)
    sheet = next(s for s in result.sheets if s.name == LITE_SHEET)
    assert sheet.hidden
    lines = [str(e).encode() for e in sheet.frame["Entry"]]
    check = log.verify_chain(lines)
    assert check.intact and check.entries == 2
    assert json.loads(lines[1])["user"] == "asha"


def test_an_edit_found_by_the_next_run_stays_in_the_log(
    books: Path, tmp_path: Path, xlsx: Callable[..., Path], capsys: pytest.CaptureFixture[str]
) -> None:
    workbook = openpyxl.load_workbook(books)
    workbook["Journal"]["E5"] = 3000.5
    workbook.save(books)
    second_run(books, tmp_path, xlsx)  # the next run takes the books as they are now
    assert entries(books)[1]["outside"] == RENT_CUT_TO_3000
    capsys.readouterr()
    assert main(["audit", "verify", str(books)]) == 0  # the log holds the change


def test_what_cannot_be_checked_is_said_plainly(
    xlsx: Callable[..., Path], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    book = xlsx({"Journal": [["Date", "Voucher No"]]}, name="journal.xlsx")
    assert main(["audit", "verify", str(book)]) == 2
    assert "There is no audit log beside journal.xlsx" in capsys.readouterr().err
    assert main(["audit", "verify", str(tmp_path / "gone.xlsx")]) == 2
    assert "gone.xlsx: no such file" in capsys.readouterr().err
    out = ["--out", str(tmp_path / "a.xlsx")]
    assert (
        main(["audit", "report", str(book), "--from", "31-03-2027", "--to", "01-04-2026", *out])
        == 2
    )
    assert "--from 31-03-2027 is after --to 01-04-2026" in capsys.readouterr().err
    assert main(["audit", "report", str(book), "--out", str(tmp_path / "a.csv")]) == 2
    assert not (tmp_path / "a.xlsx").exists() and not log.log_path(book).exists()


def test_books_unchanged_since_the_last_entry_are_not_read_again_and_an_edit_is_still_found(
    books: Path,
    tmp_path: Path,
    xlsx: Callable[..., Path],
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from xlbo.audit import snapshot

    second_run(books, tmp_path, xlsx)  # entry 2: a report on the stamped books keeps their hash
    recorded = entries(books)[1]["snapshot"]
    assert isinstance(recorded, dict)
    assert recorded["books_sha256"] == hashlib.sha256(books.read_bytes()).hexdigest()

    def no_reading(path: Path) -> None:
        raise AssertionError("the books' rows were read again")

    with monkeypatch.context() as patched:
        patched.setattr(snapshot, "take", no_reading)
        second_run(books, tmp_path, xlsx)  # entry 3: the same bytes, no row read
        assert main(["audit", "verify", str(books)]) == 0
    third = entries(books)[2]
    assert third["outside"] == [] and third["snapshot"] == recorded
    saved = snapshot.load(snapshot.snapshot_path(books))
    assert saved is not None and (saved.seq, saved.rows) == (3, recorded["rows"])
    capsys.readouterr()
    workbook = openpyxl.load_workbook(books)
    workbook["Journal"]["E5"] = 3000.5
    workbook.save(books)
    assert main(["audit", "verify", str(books)]) == 2
    assert "Journal!E5: 30000.5 → 3000.5" in capsys.readouterr().err
    second_run(books, tmp_path, xlsx)  # entry 4 reads the changed books and logs the edit
    [edit] = entries(books)[3]["outside"]  # type: ignore[misc]
    assert edit["key"] == "Journal!A5" and edit["new"]["Debit"] == "3000.50"


def test_a_rows_json_is_written_byte_for_byte_as_json_dumps_writes_it(tmp_path: Path) -> None:
    """Row hashes already kept in logs and snapshots depend on the exact bytes."""
    from datetime import date, time
    from decimal import Decimal

    from xlbo.audit import snapshot

    rows = [
        ["Date", "Voucher No", "Debit", "Credit", "Narration"],
        [datetime(2026, 10, 7), "P/55", 30000.5, None, 'Rent "Oct" — ₹ \\ \n 2'],
        [date(2026, 10, 8), "P/56", 12, 0.1 + 0.2, True, False, -0.0, 1e21, 2**70],
        [datetime(2026, 10, 9, 13, 5), Decimal("10.50"), time(9, 30), float("nan"), "=1+1"],
        ["\u00a0", "", " ", "१२", "\x00\x1f", "😀"],
    ]
    for cells in rows:
        assert snapshot._row_line(cells) == snapshot._json_line(cells)
    sheets = {"Journal": snapshot.rows_of(rows)}
    path = tmp_path / "books.xlbo-snapshot.json"
    snapshot.save(path, sheets, 7, "ab" * 32)
    body = {
        "seq": 7,
        "head": "ab" * 32,
        "rows": snapshot.digest(sheets),
        "sheets": {"Journal": [[n, cells] for n, _, cells in sheets["Journal"]]},
    }
    written = json.dumps(
        body, default=snapshot._jsonable, ensure_ascii=False, separators=(",", ":")
    )
    assert path.read_text("utf-8") == written
    snapshot.restamp(path, 8, "cd" * 32)
    head = snapshot.load_head(path)
    saved = snapshot.load(path)
    assert head is not None and (head.seq, head.head, head.rows) == (8, "cd" * 32, body["rows"])
    assert saved is not None and snapshot.digest(saved.sheets) == body["rows"]


def test_an_edit_made_before_a_run_that_writes_the_books_is_logged_with_its_cell(
    books: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """`import-tally --out BOOKS` writes the books themselves (entry 1 and entry 2 here): the
    Journal cell a user changed in Excel between the two runs is logged by entry 2, found
    before the job replaced the books, and shown by verify and the report."""
    workbook = openpyxl.load_workbook(books)
    workbook["Journal"]["E5"] = 3000.5
    workbook.save(books)
    day_book = tmp_path / "daybook.xlsx"
    assert main(["import-tally", str(day_book), "--out", str(books)]) == 0
    second = entries(books)[1]
    assert second["job"] == "import-tally" and second["stamped"] is True
    assert second["outside"] == RENT_CUT_TO_3000
    capsys.readouterr()
    assert main(["audit", "verify", str(books)]) == 0  # the books are the job's; the log holds
    said = capsys.readouterr().out
    assert "holds: 2 entries chained" in said
    assert "1 row changed outside xlbo before entry 2 (import-tally, " in said
    assert " UTC, asha):\n  Journal!E5: 30000.5 → 3000.5" in said
    assert "Journal!E5: 30000.5 → 3000.5" in said
    out = tmp_path / "audit.xlsx"
    assert main(["audit", "report", str(books), "--out", str(out)]) == 0
    trail = CalamineWorkbook.from_path(str(out)).get_sheet_by_name("Audit Trail").to_python()
    header = trail.index(next(r for r in trail if r[0] == "Entry"))
    rows = [dict(zip(trail[header], r, strict=True)) for r in trail[header + 1 :]]
    assert [r["Change"] for r in rows if r["Entry"] == 2] == ["changed outside xlbo"] + [
        "added by xlbo"
    ] * 5  # found before the run, then what it posted
    [edit] = [r for r in rows if r["Change"] == "changed outside xlbo"]
    assert (edit["Entry"], edit["Job"], edit["Record"], edit["What"]) == (
        2, "import-tally", "Journal!A5", "Journal!E5"
    )  # fmt: skip
    assert (edit["Old"], edit["New"]) == ("Debit: 30000.50", "Debit: 3000.50")


def test_an_edit_made_after_the_log_was_deleted_is_still_logged_by_the_next_import(
    books: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """The log deleted, its snapshot kept, a Journal cell changed in Excel, then `import-tally`
    replaces the books: the edit is found against the snapshot and logged by the new log's
    first entry, which also says the log was lost (before, neither: the new log began as if
    nothing had been)."""
    log.log_path(books).unlink()
    workbook = openpyxl.load_workbook(books)
    workbook["Journal"]["E5"] = 3000.5
    workbook.save(books)
    capsys.readouterr()
    assert main(["import-tally", str(tmp_path / "daybook.xlsx"), "--out", str(books)]) == 0
    assert "entry 1 of the log was gone before this entry was written" in capsys.readouterr().err
    (first,) = entries(books)
    assert first["outside"] == RENT_CUT_TO_3000
    assert main(["audit", "verify", str(books)]) == 2
    told = " ".join(capsys.readouterr().err.split())
    assert "In the log books.xlbo-log.jsonl, entry 1 (the import-tally run of" in told


def test_stamped_books_left_unchanged_are_not_read_before_or_after_a_run(
    books: Path,
    tmp_path: Path,
    xlsx: Callable[..., Path],
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """Books the last entry wrote and stamped are known unchanged by the SHA-256 of every part
    but the head: import again over them reads only its own new books; a report, verify none."""
    from xlbo.audit import snapshot

    read: list[Path] = []
    take = snapshot.take
    monkeypatch.setattr(snapshot, "take", lambda path: read.append(path) or take(path))
    with monkeypatch.context() as runs:
        runs.setattr(snapshot, "load", lambda path: pytest.fail("the snapshot's rows compared"))
        day_book = tmp_path / "daybook.xlsx"
        assert main(["import-tally", str(day_book), "--out", str(books)]) == 0  # entry 2
        assert read == [books]  # the books it wrote, once, for the new snapshot
        second = entries(books)[1]
        assert second["outside"] == [] and second["stamped"] is True
        assert "books_content" in second["snapshot"]  # type: ignore[operator]
        second_run(books, tmp_path, xlsx)  # entry 3: a report on the stamped books
    assert main(["audit", "verify", str(books)]) == 0
    assert read == [books] and entries(books)[2]["outside"] == []
    assert "changed outside xlbo" not in capsys.readouterr().out


def test_rows_added_and_removed_before_a_run_that_writes_the_books_are_logged(
    books: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    workbook = openpyxl.load_workbook(books)
    journal = workbook["Journal"]
    assert journal["B3"].value == "S/101" and journal["D3"].value == "Sales - Goods"
    journal.delete_rows(3)  # a line of S/101 deleted; the rows below move up
    journal.append(["2026-10-31", "J/9", "Journal", "Suspense", 1, None])
    workbook.save(books)
    assert main(["import-tally", str(tmp_path / "daybook.xlsx"), "--out", str(books)]) == 0
    outside = entries(books)[1]["outside"]
    assert isinstance(outside, list)
    assert [(o["change"], o["key"]) for o in outside] == [
        ("removed", "Journal!A3"),
        ("added", "Journal!A6"),
    ]
    assert outside[0]["old"]["Account"] == "Sales - Goods"
    assert outside[0]["old"]["Credit"] == "100000.00" and outside[1]["new"]["Debit"] == "1.00"
    capsys.readouterr()
    assert main(["audit", "verify", str(books)]) == 0
    said = capsys.readouterr().out
    assert "2 rows changed outside xlbo before entry 2 (import-tally" in said
    assert (
        "Journal!A3 removed: " in said
        and "Journal!A6 added: Suspense | 2026-10-31 | 1.00 | J/9" in said
    )


def test_books_that_cannot_be_read_before_they_are_replaced_are_said_plainly(
    books: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    books.write_bytes(b"PK\x03\x04 not a workbook any more")
    assert main(["import-tally", str(tmp_path / "daybook.xlsx"), "--out", str(books)]) == 0
    said = capsys.readouterr()
    assert "books.xlsx could not be compared with the last logged run before import-tally" in (
        said.out + said.err
    )
    assert "Traceback" not in said.err
    assert entries(books)[1]["outside"] == []
    assert main(["audit", "verify", str(books)]) == 0  # the new books are the job's own


# -- where a run's log lives (issue #11: an input's folder does not fill with xlbo's files) ----


def test_a_reconciliation_of_other_peoples_files_is_logged_beside_its_workbook(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """A bank's statement and Tally's export are not the company's books: their folder gets
    nothing; the BRS the user named carries the log, --confirm adds to the same log, and the
    BRS is not rewritten with a head (it stays as reconcile wrote it)."""
    from tests.bank.test_workbook_view import KOTAK, LEDGER

    inputs, results = tmp_path / "downloads", tmp_path / "brs"
    inputs.mkdir()
    results.mkdir()
    (inputs / "kotak.csv").write_text(KOTAK, encoding="utf-8")
    (inputs / "ledger.csv").write_text(LEDGER, encoding="utf-8")
    out = results / "brs.xlsx"
    assert main(["reconcile", "--bank", str(inputs / "kotak.csv"), "--ledger",
                 str(inputs / "ledger.csv"), "--out", str(out)]) == 0  # fmt: skip
    assert sorted(p.name for p in inputs.iterdir()) == ["kotak.csv", "ledger.csv"]
    assert {"brs.xlbo-log.jsonl", "brs.xlbo-snapshot.json"} <= {p.name for p in results.iterdir()}
    [entry] = entries(out)
    assert entry["books"] == "brs.xlsx"
    assert {i["input"]: i["file"] for i in entry["inputs"]} == {  # type: ignore[union-attr]
        "bank": str((inputs / "kotak.csv").resolve()),
        "ledger": str((inputs / "ledger.csv").resolve()),
    }
    assert "xlbo audit" not in openpyxl.load_workbook(out).sheetnames
    assert main(["reconcile", "--confirm", str(out)]) == 0
    assert [e["seq"] for e in entries(out)] == [1, 2]
    capsys.readouterr()
    assert main(["audit", "verify", str(out)]) == 0
    assert "holds: 2 entries chained" in capsys.readouterr().out
    assert sorted(p.name for p in inputs.iterdir()) == ["kotak.csv", "ledger.csv"]


def test_a_confirmed_payment_run_is_logged_beside_the_books_it_was_made_from(
    tmp_path: Path,
) -> None:
    """The proposal is logged beside the books; its confirmation goes into the same log (the
    run's Run sheet names the books), not into a log of its own beside the run file."""
    from tests.vendors.books import books as vendor_books
    from tests.vendors.test_payables_job import tick

    book = vendor_books(tmp_path)
    runs = tmp_path / "runs"
    runs.mkdir()
    run = runs / "run.xlsx"
    assert main(["payables", str(book), "--as-on", "30-11-2026", "--out", str(run)]) == 0
    tick(run, {"AC/101": "Yes"})
    assert main(["payables", "--confirm", str(run), "--date", "02-12-2026"]) == 0
    assert [(e["seq"], e["job"]) for e in entries(book)] == [(1, "payables"), (2, "payables")]
    assert not any(p.name.endswith((".xlbo-log.jsonl", ".xlbo-snapshot.json")) for p in
                   runs.rglob("*"))  # fmt: skip
    assert main(["audit", "verify", str(book)]) == 0
