"""Hostile inputs for `xlbo reconcile` from issue #11's loose ends, each in its own process: a
ledger with only its header, an amount with a third decimal, a date column a user typed over in
Excel, and two Accepts on one bank line. Each asserts the exit code, the words a user reads, the
memory bound, the inputs unchanged and the files left."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import openpyxl

from tests.hostile.harness import MEMORY_LIMIT_MB, Folder, run_xlbo
from xlbo.dates import to_excel_serial

BANK = (
    "Date,Narration,Withdrawal Amt.,Deposit Amt.,Closing Balance\n"
    "01/10/2026,NEFT CR-VARDHAMAN RETAIL,,50000.00,150000.00\n"
    "02/10/2026,NEFT DR-KAVERI HOME,12000.50,,137999.50\n"
)
BOOKS_HEADER = "Date,Particulars,Vch Type,Vch No.,Debit,Credit\n"
BOOKS = (
    BOOKS_HEADER + "01/10/2026,Opening Balance,,,100000.00,\n"
    "01/10/2026,Vardhaman Retail,Receipt,1,50000.00,\n"
    "02/10/2026,Kaveri Home,Payment,2,,12000.50\n"
)
RESULT = ["brs-matches.csv", "brs-suggestions.csv", "brs-unmatched-bank.csv"]
RESULT += ["brs-unmatched-ledger.csv", "brs.xlsx"]


def test_a_ledger_with_only_its_header_is_refused(tmp_path: Path) -> None:
    (tmp_path / "bank.csv").write_text(BANK)
    (tmp_path / "books.csv").write_text(BOOKS_HEADER)
    before = Folder(tmp_path)
    outcome = run_xlbo("reconcile", "--bank", "bank.csv", "--ledger", "books.csv", cwd=tmp_path)
    outcome.plain()
    assert "books.csv" in outcome.err and "no ledger lines were read" in outcome.err
    assert outcome.peak_mb < MEMORY_LIMIT_MB
    before.unchanged()


def test_a_third_decimal_leaves_the_line_out_and_says_so(tmp_path: Path) -> None:
    (tmp_path / "bank.csv").write_text(BANK.replace("50000.00,150000.00", "50000.005,150000.01"))
    (tmp_path / "books.csv").write_text(BOOKS)
    before = Folder(tmp_path)
    outcome = run_xlbo("reconcile", "--bank", "bank.csv", "--ledger", "books.csv", cwd=tmp_path)
    assert outcome.code == 1, outcome.said  # finished, with a cell to fix
    assert "1 unreadable cells" in outcome.out and "Traceback" not in outcome.said
    assert outcome.peak_mb < MEMORY_LIMIT_MB
    assert before.inputs_unchanged() == RESULT
    issues = list(openpyxl.load_workbook(tmp_path / "brs.xlsx")["Issues"].values)
    assert [row[:4] for row in issues[1:]] == [("Error", "bank", "D2", "50000.005")]
    assert "more than two decimal places" in str(issues[1][4])


def test_a_serial_date_typed_among_text_dates_is_read(tmp_path: Path) -> None:
    book = openpyxl.Workbook()
    sheet = book.active
    assert sheet is not None
    for row in [
        ["Date", "Narration", "Withdrawal Amt.", "Deposit Amt.", "Closing Balance"],
        ["01/10/2026", "NEFT CR-VARDHAMAN RETAIL", None, 50000.00, 150000.00],
        [to_excel_serial(date(2026, 10, 2)), "NEFT DR-KAVERI HOME", 12000.50, None, 137999.50],
    ]:
        sheet.append(row)
    book.save(tmp_path / "bank.xlsx")
    (tmp_path / "books.csv").write_text(BOOKS)
    before = Folder(tmp_path)
    outcome = run_xlbo(
        "reconcile",
        "--bank",
        "bank.xlsx",
        "--ledger",
        "books.csv",
        "--out",
        "brs.xlsx",
        cwd=tmp_path,
    )
    assert outcome.code == 0, outcome.said
    assert "2 matches, 0 bank and 0 ledger lines unmatched" in outcome.out
    assert "0 unreadable cells" in outcome.out
    assert outcome.peak_mb < MEMORY_LIMIT_MB
    assert before.inputs_unchanged() == RESULT
