"""The reconcile and CLI findings of the hostile review of #12 (F1, F2, F5, F9, F11, F17, F18,
F19, F20), each as the reviewer's failing test, now passing. The demo's files are the inputs."""

from __future__ import annotations

import errno
import io
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any

import openpyxl
import pytest

from tests.hostile.harness import AUDIT, Folder
from tests.hostile.test_review import _in_process, day_book, marked_brs, reconcile
from xlbo.cli import main
from xlbo.demo import DemoFiles, build_demo


@pytest.fixture(scope="module")
def demo(tmp_path_factory: pytest.TempPathFactory) -> DemoFiles:
    return build_demo(tmp_path_factory.mktemp("demo"))


def _reject_m2(book: Any) -> None:
    book["Matches"]["M2"] = "Reject"


def test_f1_running_twice_keeps_the_marked_up_brs(demo: DemoFiles, tmp_path: Path) -> None:
    """F1: the second run used to replace 'brs (previous).xlsx', the only marked copy. Now a
    (previous) the user changed is kept as 'brs (previous 2).xlsx', and the terminal says so;
    a third run drops only the copy xlbo wrote and nobody touched."""
    brs = marked_brs(demo, tmp_path, _reject_m2)
    marked = brs.read_bytes()
    said = [reconcile(demo, tmp_path, "--out", str(brs)) for _ in range(3)]
    assert [code for code, _ in said] == [0, 0, 0], said
    assert "Kept your earlier brs.xlsx as brs (previous).xlsx" in said[0][1]
    assert "kept as brs (previous 2).xlsx" in said[1][1], said[1][1]
    assert "previous 2" not in said[2][1], said[2][1]
    assert (tmp_path / "brs (previous 2).xlsx").read_bytes() == marked
    # (and the BRS's audit log, which lives beside it)
    names = sorted(p.name for p in tmp_path.iterdir() if not p.name.endswith(AUDIT))
    assert names == ["brs (previous 2).xlsx", "brs (previous).xlsx", "brs.xlsx"], names


def test_f2_a_reject_formula_without_a_value_is_an_issue_naming_its_cell(
    demo: DemoFiles, tmp_path: Path
) -> None:
    """F2: '=IF(I2<0,"Reject","")' saved by openpyxl (no value) used to read as empty, silently."""

    def formulas(book: Any) -> None:
        for row in range(2, 6):
            book["Matches"].cell(row, 13).value = f'=IF(I{row}<0,"Reject","")'

    brs = marked_brs(demo, tmp_path, formulas)
    code, said = reconcile(demo, tmp_path, "--confirm", str(brs))
    assert code == 1, said
    assert "4 decisions not applied" in said, said
    assert "Matches!M2: Reject holds a formula Excel has not calculated" in said, said
    assert "Open and save the file in Excel" in said
    issues = list(openpyxl.load_workbook(brs)["Issues"].values)
    assert [row[2] for row in issues if row[1] == "Matches"] == ["M2", "M3", "M4", "M5"], issues


@pytest.mark.parametrize(
    ("kind", "said_of_it"),
    [
        ("empty", "m.xlsx is empty (0 bytes)"),
        ("csv", "m.xlsx is not an Excel workbook: it is a text file"),
        ("no-company", "--master m.xlsx has no Company sheet (its sheets: 'Journal'"),
    ],
)
def test_f5_a_master_reconcile_cannot_read_is_refused(
    demo: DemoFiles, tmp_path: Path, kind: str, said_of_it: str
) -> None:
    """F5: a --master that is empty, a CSV named .xlsx, or a workbook with no Company sheet was
    ignored (the BRS lost its company line, exit 0). Now: exit 2 before any work, naming it."""
    master = tmp_path / "m.xlsx"
    if kind == "empty":
        master.write_bytes(b"")
    elif kind == "csv":
        master.write_text("Name,Code\nx,y\n")
    else:
        shutil.copyfile(demo.books, master)
    folder = Folder(tmp_path)
    code, said = reconcile(
        demo, tmp_path, "--ledger", str(demo.books), "--account", "HDFC Bank Current A/c",
        "--master", str(master), "--out", str(tmp_path / "b.xlsx"),
    )  # fmt: skip
    assert code == 2, said
    assert said_of_it in said, said
    folder.unchanged()


def test_f9_a_closed_pipe_keeps_the_jobs_exit_code(demo: DemoFiles, tmp_path: Path) -> None:
    """F9: `xlbo validate … | head -0` ended in 'internal error', exit 70, after the report was
    written. Now the job's own code (1: the demo master has errors) and the report in place."""
    run = subprocess.Popen(
        [sys.executable, "-m", "xlbo", "validate", str(demo.master), "--out", "v.xlsx"],
        cwd=tmp_path, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
    )  # fmt: skip
    assert run.stdout is not None
    run.stdout.close()  # the reader went away (| head -0)
    _, err = run.communicate(timeout=120)
    assert run.returncode == 1, err.decode()
    assert b"internal error" not in err and b"Traceback" not in err, err.decode()
    assert (tmp_path / "v.xlsx").is_file()


class _FullDisk(io.StringIO):
    """A stdout on a full disk (`> /dev/full`): every write or flush fails with ENOSPC."""

    def write(self, text: str) -> int:
        raise OSError(errno.ENOSPC, "No space left on device")

    def flush(self) -> None:
        raise OSError(errno.ENOSPC, "No space left on device")


def test_f9_a_full_stdout_keeps_the_jobs_exit_code(
    demo: DemoFiles, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """F9: `xlbo validate … > /dev/full` (in this process: a stdout whose writes fail)."""
    monkeypatch.chdir(tmp_path)
    monkeypatch.setattr(sys, "stdout", _FullDisk())
    assert main(["validate", str(demo.master), "--out", "v.xlsx"]) == 1
    assert (tmp_path / "v.xlsx").is_file()


def test_f11_a_renamed_matches_sheet_is_named(demo: DemoFiles, tmp_path: Path) -> None:
    """F11: a Reject on a Matches sheet the user renamed 'Matches (2)' was silently ignored."""

    def rename(book: Any) -> None:
        book["Matches"].title = "Matches (2)"
        book["Matches (2)"]["M2"] = "Reject"

    brs = marked_brs(demo, tmp_path, rename)
    folder = Folder(tmp_path)
    code, said = reconcile(demo, tmp_path, "--confirm", str(brs))
    assert code == 2, said
    assert "brs.xlsx has no Matches sheet (its sheets: 'Summary', 'BRS', 'Matches (2)'" in said, (
        said
    )
    assert "name it Matches again" in said
    folder.unchanged()


def test_f17_a_csv_detail_brs_moved_without_its_csv_files_is_refused(
    demo: DemoFiles, tmp_path: Path
) -> None:
    """F17: a BRS whose matches are in brs-matches.csv, mailed or moved alone: --confirm undid
    the earlier Rejects silently. Now exit 2, naming the file expected and the folder."""
    code, said = reconcile(demo, tmp_path, "--detail", "csv", "--out", "brs.xlsx")
    assert code == 0, said
    assert (tmp_path / "brs-matches.csv").is_file()
    moved = tmp_path / "mv"
    moved.mkdir()
    shutil.copyfile(tmp_path / "brs.xlsx", moved / "brs.xlsx")
    folder = Folder(moved)
    code, said = reconcile(demo, moved, "--confirm", "brs.xlsx")
    assert code == 2, said
    assert "no brs-matches.csv (or .parquet) lies beside it in" in said and str(moved) in said
    assert "put that file back beside it" in said
    folder.unchanged()


@pytest.mark.parametrize("job", ["validate", "report", "import-tally"])
def test_f18_a_workbook_out_with_another_extension_is_refused(
    demo: DemoFiles, tmp_path: Path, job: str
) -> None:
    """F18: `validate --out v.csv` wrote an .xlsx named v.csv (Excel shows its bytes)."""
    argv = {
        "validate": ["validate", str(demo.master)],
        "report": ["report", "trial-balance", str(demo.books), "--master", str(demo.master),
                   "--period", "2026-10"],
        "import-tally": ["import-tally", str(day_book(tmp_path))],
    }[job]  # fmt: skip
    folder = Folder(tmp_path)
    code, said = _in_process([*argv, "--out", "out.csv"], tmp_path)
    assert code == 2, said
    assert "--out out.csv:" in said and "name it with .xlsx (e.g. --out out.xlsx)" in said, said
    folder.unchanged()


@pytest.mark.parametrize("account", ["Trade Receivables", "Sales - Goods"])
def test_f19_an_account_that_is_no_bank_ledger_is_refused(
    demo: DemoFiles, tmp_path: Path, account: str
) -> None:
    """F19: a BRS of the HDFC statement against Trade Receivables 'tied', exit 0. Without a
    master: no bank word in the name and no line matched: refused, naming the bank accounts."""
    folder = Folder(tmp_path)
    code, said = reconcile(
        demo, tmp_path, "--ledger", str(demo.books), "--account", account, "--out", "b.xlsx"
    )
    assert code == 2, said
    assert f"--account '{account}' is not a bank account of books-2026-10.xlsx" in said, said
    assert "no bank word" in said and "'HDFC Bank Current A/c'" in said
    folder.unchanged()


def test_f19_the_masters_bank_accounts_decide(demo: DemoFiles, tmp_path: Path) -> None:
    """F19 with --master: an account its Bank Accounts (or Cash and Cash Equivalents) do not
    list is refused, however bank-like its name (a term loan from HDFC Bank)."""
    folder = Folder(tmp_path)
    code, said = reconcile(
        demo, tmp_path, "--ledger", str(demo.books), "--account", "Term Loan - HDFC Bank",
        "--master", str(demo.master), "--out", "b.xlsx",
    )  # fmt: skip
    assert code == 2, said
    assert "master.xlsx lists it under neither Bank Accounts nor Cash and Cash" in said, said
    assert "'HDFC Bank Current A/c', 'ICICI Bank Current A/c'." in said, said
    folder.unchanged()


def test_f19_a_brs_where_almost_nothing_matched_never_just_ties(
    demo: DemoFiles, tmp_path: Path
) -> None:
    """F19: the HDFC statement against the ICICI bank ledger (a bank word, but the wrong bank):
    difference 0.00, yet the Summary and the terminal warn, and the exit is 1."""
    code, said = reconcile(
        demo, tmp_path, "--ledger", str(demo.books), "--account", "ICICI Bank Current A/c",
        "--out", "b.xlsx",
    )  # fmt: skip
    assert code == 1, said
    assert "BRS difference 0.00" in said
    assert "Hardly any line matched (0 of 56 bank lines" in said, said
    assert "this ledger may not be this bank account's" in said
    summary = [row[0] for row in openpyxl.load_workbook(tmp_path / "b.xlsx")["Summary"].values]
    assert "Do not trust this BRS: hardly any line matched (see below)." in summary, summary
    assert not any("The BRS ties" in str(line) for line in summary)


def test_f20_a_master_with_a_stray_far_cell_is_told_to_delete_it(
    demo: DemoFiles, tmp_path: Path
) -> None:
    """F20: a master with one cell at XFD1048576 was told to 'export it as CSV', which a
    many-sheet master cannot be. Now: find the far cell with Ctrl+End and delete it."""
    book = openpyxl.load_workbook(demo.master)
    book["Employees"]["XFD1048576"] = "x"
    master = tmp_path / "farm.xlsx"
    book.save(master)
    folder = Folder(tmp_path)
    code, said = _in_process(["validate", str(master)], tmp_path)
    assert code == 2, said
    assert "farm.xlsx: Employees is larger than xlbo reads" in said, said
    assert "the cell at XFD1048576 lies far past the data" in said and "Ctrl+End" in said
    assert "CSV" not in said
    folder.unchanged()


def test_f19_a_tally_day_book_knows_which_ledgers_are_banks(tmp_path: Path) -> None:
    """F19 with a Tally Day Book (XML) that carries its ledger masters: a party ledger Tally
    keeps under Sundry Debtors is refused as --account; the bank ledger reads as before."""
    from tests.bank.test_ledger_layouts import DAY_BOOK
    from xlbo.errors import SheetProblem
    from xlbo.readers.ledger import read_ledger

    masters = (
        '<LEDGER NAME="Balaji Traders"><PARENT>Sundry Debtors</PARENT></LEDGER>'
        '<LEDGER NAME="HDFC Bank A/c"><PARENT>Bank Accounts</PARENT></LEDGER>'
    )
    text = DAY_BOOK.replace('encoding="UTF-16"', 'encoding="UTF-8"')
    text = text.replace("<TALLYMESSAGE", f"<TALLYMESSAGE>{masters}</TALLYMESSAGE><TALLYMESSAGE", 1)
    path = tmp_path / "DayBook.xml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(SheetProblem) as raised:
        read_ledger(str(path), "Balaji Traders")
    message = str(raised.value)
    assert "--account 'Balaji Traders' is not a bank account of DayBook.xml" in message
    assert "Tally keeps it under Sundry Debtors, not Bank Accounts" in message
    assert "'HDFC Bank A/c'" in message
    assert len(read_ledger(str(path), "HDFC Bank A/c").frame) == 5
