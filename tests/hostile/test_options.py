"""Hostile options and edited inputs at the door of every command: months and periods that are
not, or lie outside 1900–2100 or outside the books; day counts, column maps and missing files
for reconcile; an edited Run sheet; a rule sheet with a broken row. Each gets exit 2, one or two
plain sentences, and nothing written.

Pure option checks run in this process through `xlbo.cli.main` (fast); a few run as the user
would, in a process of their own (tests/hostile/harness.py), which also bounds their memory.
"""

from __future__ import annotations

import shutil
from collections.abc import Callable
from pathlib import Path

import openpyxl
import pytest

from tests.conftest import write_xlsx
from tests.hostile.harness import MEMORY_LIMIT_MB, Folder, run_xlbo
from tests.reports.test_statements import ACCOUNTS, HEAD
from xlbo.cli import main
from xlbo.demo import build_demo
from xlbo.jobs.reconcile import run_reconcile, write_result

STATEMENT = "hdfc-statement-2026-10.xlsx"
LEDGER = "tally-hdfc-ledger-2026-10.xlsx"
BOOKS = "books-2026-10.xlsx"


@pytest.fixture(scope="module")
def demo(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The demo company's files (master, books, statement, ledger) and a BRS made from them."""
    folder = tmp_path_factory.mktemp("demo")
    build_demo(folder)
    result = run_reconcile(folder / STATEMENT, folder / LEDGER, report=folder / "brs.xlsx")
    write_result(result, folder / "brs.xlsx")
    return folder


@pytest.fixture
def files(demo: Path, tmp_path: Path) -> Callable[..., Path]:
    """Copy demo files into this case's folder; return the folder."""

    def copy(*names: str) -> Path:
        for name in names:
            shutil.copy2(demo / name, tmp_path / name)
        return tmp_path

    return copy


def refused(capsys: pytest.CaptureFixture[str], folder: Path, *args: str) -> str:
    """Run `xlbo ARGS` in this process; assert exit 2, a short plain message on stderr, nothing
    on stdout, and the folder exactly as it was. Return the message."""
    before = Folder(folder)
    code = main([*args])
    out, err = capsys.readouterr()
    assert code == 2, f"exit {code}\n{out}{err}"
    assert out == "" and err.startswith("xlbo: "), out + err
    assert "internal error" not in err and "Traceback" not in err, err
    assert err.count("\n") <= 2 and len(err) < 400, err  # one or two sentences
    before.unchanged()
    return err


# --- report: periods --------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("period", "said"),
    [
        ("9999-12", "the year 9999 is outside the years xlbo works with (1900 to 2100)"),
        ("0000-01", "the year 0 is outside the years xlbo works with"),
        ("FY9999-00", "the year 9999 is outside the years xlbo works with"),
        ("FY2026-99", "write FY2026-27"),
        ("2026-13", "'2026-13' is not a period; write YYYY-MM"),
        ("2026-10:2026-04", "it ends before it starts"),
        ("2027-10", "the books in books-2026-10.xlsx run from 01-10-2026 to 31-10-2026"),
        ("2026-09", "run from 01-10-2026 to 31-10-2026"),  # before the books begin
    ],
)
def test_report_period_not_in_the_books(
    capsys: pytest.CaptureFixture[str], files: Callable[..., Path], period: str, said: str
) -> None:
    folder = files(BOOKS, "master.xlsx")
    err = refused(
        capsys,
        folder,
        "report",
        "pack",
        str(folder / BOOKS),
        "--master",
        str(folder / "master.xlsx"),
        "--period",
        period,
        "--out",
        str(folder / "pack.xlsx"),
    )
    assert said in err


# --- payroll: months --------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("month", "said"),
    [
        ("9999-12", "--month 9999-12: the year 9999 is outside the years xlbo works with"),
        ("0000-01", "the year 0 is outside"),
        ("1899-12", "the year 1899 is outside"),
        ("2026-13", "--month '2026-13' is not a month; write it as YYYY-MM"),
        ("Oct-2026", "is not a month"),
    ],
)
def test_payroll_month_that_is_not_one(
    capsys: pytest.CaptureFixture[str], files: Callable[..., Path], month: str, said: str
) -> None:
    folder = files("master.xlsx")
    err = refused(
        capsys,
        folder,
        "payroll",
        str(folder / "master.xlsx"),
        "--month",
        month,
        "--out",
        str(folder / "payroll"),
    )
    assert said in err


# --- reconcile: options -----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("options", "said"),
    [
        (["--days-after", "99999999999"], "--days-after 99999999999 is not a number of days"),
        (["--days-before", "-1"], "--days-before -1 is not a number of days from 0 to 90"),
        (["--days-before", "1.5"], "from 0 to 90"),
        (["--map", "colour=Narration"], "'colour' is not a column role"),
        (["--map", "date="], "--map: 'date=' names no column; write ROLE=HEADER"),
        (  # the second used to win without a word
            ["--map", "date=Date,date=Value Dt"],
            "--map names the date column twice ('Date' and 'Value Dt'); give each role one",
        ),
        (  # a typo for deposit=Deposit Amt. gave a BRS of nothing matched
            ["--map", "date=Date,withdrawal=Debit,deposit=Debit"],
            "--map gives the column 'Debit' to both withdrawal and deposit",
        ),
        (["--sheet", "Nope"], "has no sheet named 'Nope'"),
    ],
)
def test_reconcile_option_out_of_range(
    capsys: pytest.CaptureFixture[str], files: Callable[..., Path], options: list[str], said: str
) -> None:
    folder = files(STATEMENT, LEDGER)
    err = refused(
        capsys,
        folder,
        "reconcile",
        "--bank",
        str(folder / STATEMENT),
        "--ledger",
        str(folder / LEDGER),
        *options,
        "--out",
        str(folder / "brs.xlsx"),
    )
    assert said in err


def test_reconcile_without_a_ledger(
    capsys: pytest.CaptureFixture[str], files: Callable[..., Path]
) -> None:
    folder = files(STATEMENT)
    err = refused(capsys, folder, "reconcile", "--bank", str(folder / STATEMENT))
    assert "Give --bank and --ledger" in err


# --- reconcile --confirm: an edited Run sheet -------------------------------------------------


def _edit_run(result: Path, edit: Callable[[openpyxl.worksheet.worksheet.Worksheet], None]) -> None:
    book = openpyxl.load_workbook(result)
    edit(book["Run"])
    book.save(result)


def _set(cell: str, value: object) -> Callable[[openpyxl.worksheet.worksheet.Worksheet], None]:
    def edit(sheet: openpyxl.worksheet.worksheet.Worksheet) -> None:
        sheet[cell] = value

    return edit


@pytest.mark.parametrize(
    ("edit", "said"),
    [
        (lambda sheet: sheet.delete_rows(1), "the Bank row is missing or blank"),
        (_set("B2", None), "the Ledger row is missing or blank"),
        (_set("B1", "{folder}/gone.xlsx"), "the bank file in B1 ('{folder}/gone.xlsx') is not"),
        (_set("B1", "{folder}"), "is a folder"),
        (_set("B1", "{folder}/brs.xlsx"), "B1 names brs.xlsx itself as the bank file"),
        (_set("B5", 1e300), "'1e+300' under Days After is not a number of days"),
        (_set("B6", "zip"), "'zip' in B6 is not a place for the long tables"),
        (_set("B8", "{folder}/old-master.xlsx"), "the master workbook in B8"),
    ],
)
def test_reconcile_confirm_with_an_edited_run_sheet(
    capsys: pytest.CaptureFixture[str],
    files: Callable[..., Path],
    edit: Callable[[openpyxl.worksheet.worksheet.Worksheet], None],
    said: str,
) -> None:
    folder = files(STATEMENT, LEDGER, "brs.xlsx")
    _edit_run(folder / "brs.xlsx", _set("B1", str(folder / STATEMENT)))
    _edit_run(folder / "brs.xlsx", _set("B2", str(folder / LEDGER)))

    def placed(sheet: openpyxl.worksheet.worksheet.Worksheet) -> None:
        edit(sheet)
        for row in sheet.iter_rows():
            for cell in row:
                if isinstance(cell.value, str):
                    cell.value = cell.value.replace("{folder}", str(folder))

    _edit_run(folder / "brs.xlsx", placed)
    err = refused(capsys, folder, "reconcile", "--confirm", str(folder / "brs.xlsx"))
    assert "brs.xlsx, sheet Run" in err
    assert said.replace("{folder}", str(folder)) in err


def test_reconcile_confirm_on_a_workbook_that_is_no_result(
    capsys: pytest.CaptureFixture[str], files: Callable[..., Path]
) -> None:
    folder = files(BOOKS)
    err = refused(capsys, folder, "reconcile", "--confirm", str(folder / BOOKS))
    assert "is not a reconciliation made by xlbo (it has no Run sheet)" in err


# --- in a process of their own, as the user runs them -----------------------------------------


def test_report_of_a_period_after_the_books_as_a_user_runs_it(files: Callable[..., Path]) -> None:
    folder = files(BOOKS, "master.xlsx")
    before = Folder(folder)
    outcome = run_xlbo(
        "report", "pack", BOOKS, "--master", "master.xlsx", "--period", "2027-10", cwd=folder
    )
    outcome.plain()
    assert "run from 01-10-2026 to 31-10-2026" in outcome.err
    assert outcome.peak_mb < MEMORY_LIMIT_MB
    before.unchanged()  # no all-zero report.xlsx


def test_payroll_with_a_broken_rule_row(files: Callable[..., Path]) -> None:
    folder = files("master.xlsx")
    book = openpyxl.load_workbook(folder / "master.xlsx")
    sheet = book["PF Rules"]
    header = next(r for r in range(1, 10) if sheet.cell(r, 1).value == "Effective From")
    rate = next(c for c in range(1, 20) if sheet.cell(header, c).value == "Employee Rate")
    sheet.cell(header + 1, rate).value = "twelve"  # the only PF row, set aside
    book.save(folder / "master.xlsx")
    before = Folder(folder)
    outcome = run_xlbo("payroll", "master.xlsx", "--month", "2026-10", "--out", "pay", cwd=folder)
    outcome.plain()
    assert "no PF Rules row is in force on 01-10-2026" in outcome.err
    assert outcome.peak_mb < MEMORY_LIMIT_MB
    before.unchanged()


def test_month_out_of_range_as_a_user_runs_it(files: Callable[..., Path]) -> None:
    folder = files("master.xlsx")
    before = Folder(folder)
    outcome = run_xlbo("payroll", "master.xlsx", "--month", "9999-12", cwd=folder)
    outcome.plain()
    assert "the year 9999 is outside" in outcome.err
    assert outcome.peak_mb < MEMORY_LIMIT_MB
    before.unchanged()


def test_report_of_books_with_no_journal_lines(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    write_xlsx(tmp_path / "books.xlsx", {"Accounts": ACCOUNTS, "Journal": [HEAD]})
    err = refused(
        capsys,
        tmp_path,
        "report",
        "trial-balance",
        str(tmp_path / "books.xlsx"),
        "--period",
        "2026-10",
        "--out",
        str(tmp_path / "tb.xlsx"),
    )
    assert "books.xlsx has no journal lines to report (its Journal sheet is empty)" in err


def test_report_with_a_chart_of_accounts_that_has_no_account(
    capsys: pytest.CaptureFixture[str], files: Callable[..., Path]
) -> None:
    folder = files(BOOKS, "master.xlsx")
    book = openpyxl.load_workbook(folder / "master.xlsx")
    book["Accounts"].delete_rows(2, book["Accounts"].max_row)
    book.save(folder / "master.xlsx")
    err = refused(
        capsys,
        folder,
        "report",
        "trial-balance",
        str(folder / BOOKS),
        "--master",
        str(folder / "master.xlsx"),
        "--period",
        "2026-10",
        "--out",
        str(folder / "tb.xlsx"),
    )
    assert "master.xlsx: the Accounts sheet has no account xlbo can use" in err


@pytest.mark.parametrize(
    ("sheet", "said"),
    [
        (
            "Income Tax Slabs",
            "The Income Tax Slabs sheet has no rows for the New regime in 2026-27",
        ),
        ("Income Tax Rules", "The Income Tax Rules sheet has no row for the New regime in 2026-27"),
    ],
)
def test_payroll_with_a_tax_sheet_emptied(
    capsys: pytest.CaptureFixture[str], files: Callable[..., Path], sheet: str, said: str
) -> None:
    folder = files("master.xlsx")
    book = openpyxl.load_workbook(folder / "master.xlsx")
    rules = book[sheet]
    header = next(r for r in range(1, 10) if rules.cell(r, 1).value == "Financial Year")
    rules.delete_rows(header + 1, rules.max_row)
    book.save(folder / "master.xlsx")
    err = refused(
        capsys,
        folder,
        "payroll",
        str(folder / "master.xlsx"),
        "--month",
        "2026-10",
        "--out",
        str(folder / "payroll"),
        "--no-payslips",
    )
    assert said in err
