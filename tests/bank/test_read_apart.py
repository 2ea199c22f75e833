"""A big ledger is read in a process of its own beside the statement (`APART_FROM`): the job's
answer, its notes and its refusals are those of a ledger read in a thread. Here every ledger is
"big", so that small literal workbooks take that road; the same runs with it closed compare."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from python_calamine import CalamineWorkbook

import xlbo.jobs.reconcile as job
from tests.bank.test_ledger_sections import BUSY_GROUP
from tests.bank.test_other_books import STATEMENT
from tests.bank.test_tally_exports_shaped_otherwise import SEVERAL_BANKS
from xlbo.cli import main
from xlbo.together import at_once


def _run(
    monkeypatch: pytest.MonkeyPatch, apart: bool, args: list[str], out: Path
) -> tuple[int, list[bool], dict[str, list[list[Any]]]]:
    """Exit code, whether each `at_once` was asked to read apart, and the result's sheets."""
    asked: list[bool] = []

    def watched(first: Any, second: Any, *, apart: bool = False) -> Any:
        asked.append(apart)
        return at_once(first, second, apart=apart)

    monkeypatch.setattr(job, "APART_FROM", 0 if apart else 10**12)
    monkeypatch.setattr(job, "at_once", watched)
    code = main(["reconcile", *args, "--out", str(out)])
    book = CalamineWorkbook.from_path(str(out)) if out.exists() else None
    sheets = {n: book.get_sheet_by_name(n).to_python() for n in book.sheet_names} if book else {}
    return code, asked, sheets


@pytest.mark.parametrize("case", ["group ledger", "a sheet a bank"])
def test_a_ledger_read_apart_gives_the_answer_of_one_read_in_a_thread(
    case: str,
    tmp_path: Path,
    xlsx: Callable[..., Path],
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    """The export of several accounts (its choice is made from the statement after both are
    read) and the workbook of a sheet a bank (the statement's sheet, not the first, is read
    again): the same matches, BRS and note both ways."""
    if case == "group ledger":
        titled = [["HDFC BANK Ltd."], ["Account No : 50200012345678"], *STATEMENT[1:]]
        books = xlsx({"Ledger": BUSY_GROUP}, name="busy.xlsx")
        note = "only the 6 rows of 'HDFC Bank A/c 50200012345678' were read"
    else:
        titled = [["ICICI BANK"], ["Account Number 000405012345"], *STATEMENT[1:]]
        books = xlsx(SEVERAL_BANKS, name="bank-ledgers.xlsx")
        note = "sheet 'ICICI' (ICICI Bank A/c 000405012345) was read"
    bank = xlsx({"Statement": titled}, name="statement.xlsx")
    args = ["--bank", str(bank), "--ledger", str(books)]
    code, asked, apart = _run(monkeypatch, True, args, tmp_path / "apart.xlsx")
    said = capsys.readouterr().out
    assert asked[0] is True and code == 0, said
    assert "2 matches, 1 bank and 1 ledger lines unmatched" in said
    assert any(note in str(row[4]) for row in apart["Issues"])
    code, asked, threads = _run(monkeypatch, False, args, tmp_path / "threads.xlsx")
    assert asked[0] is False and code == 0
    for name in ("Summary", "BRS", "Matches", "Unmatched Bank", "Unmatched Ledger", "Issues"):
        assert apart[name] == threads[name], name


def test_a_ledger_that_cannot_be_read_apart_is_refused_as_in_a_thread(
    tmp_path: Path,
    xlsx: Callable[..., Path],
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    bank = xlsx({"Statement": STATEMENT}, name="statement.xlsx")
    books = xlsx({"Notes": [["Prepared by accounts"], ["Checked", "yes"]]}, name="notes.xlsx")
    args = ["--bank", str(bank), "--ledger", str(books)]
    messages = []
    for apart in (True, False):
        code, asked, _ = _run(monkeypatch, apart, args, tmp_path / "brs.xlsx")
        captured = capsys.readouterr()
        assert code == 2 and asked == [apart]
        assert "Traceback" not in captured.err
        messages.append(captured.err.strip())
    assert messages[0] == messages[1]
    assert "notes.xlsx" in messages[0]
