"""An export longer than a sheet is cut off at the sheet's last row by the program that wrote
it, without a word: Tally's Ledger Vouchers of a busy period (its narration rows count too),
a bank's .xls download past 65,536 rows, a big CSV opened in Excel and saved again. Every
line after the cut is missing from the BRS, so the reader says so, naming the file, sheet and
row, rather than reconcile half a ledger in silence (seen on an outsider's month of 1,000,000
vouchers, of which 565,053 fitted in the .xlsx)."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import openpyxl
import pytest

from xlbo.bank.lines import Lines
from xlbo.cli import main
from xlbo.issues import Severity
from xlbo.readers.ledger import read_ledger
from xlbo.readers.statement import read_statement

TALLY_TOP = [
    ["Deccan Polymers Private Limited"],
    ["HDFC Bank A/c"],
    ["Ledger Account"],
    ["1-Oct-2026 to 31-Oct-2026"],
    ["Date", "Particulars", "Vch Type", "Vch No.", "Debit", "Credit"],
    ["01-10-2026", "Opening Balance", None, None, 100000.00, None],
    ["02-10-2026", "Balaji Traders", "Receipt", "1", 45000.00, None],
]


def tally_ledger(path: Path, last_row: int, narration_last: bool = True) -> Path:
    """A Tally Ledger Vouchers export whose last voucher sits on row `last_row` - 1 and its
    narration on `last_row` (or the voucher itself on `last_row`)."""
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "Ledger"
    for row in TALLY_TOP:
        sheet.append(row)
    at = last_row - 1 if narration_last else last_row
    for column, value in enumerate(("30-10-2026", "Kaveri & Co", "Payment", "999"), start=1):
        sheet.cell(at, column, value)
    sheet.cell(at, 6, 1200.0)
    if narration_last:
        sheet.cell(last_row, 2, "Being payment against bill 12")
    book.save(path)
    return path


def errors(lines: Lines) -> list[tuple[str, str, str, str]]:
    return [
        (issue.file, issue.sheet, issue.cell, issue.problem)
        for issue in lines.issues
        if issue.severity == Severity.ERROR
    ]


def test_a_ledger_filling_the_sheet_to_its_last_row_is_said_to_be_cut_off(
    tmp_path: Path,
) -> None:
    lines = read_ledger(str(tally_ledger(tmp_path / "ledger.xlsx", 1_048_576)))
    assert len(lines.frame) == 2  # what the file holds is read
    assert errors(lines) == [
        (
            "ledger.xlsx",
            "Ledger",
            "A1048576",
            "the ledger fills the sheet to row 1,048,576, the last row a sheet has: the export "
            "was most likely cut off there, and its lines after that row are missing from this "
            "reconciliation",
        )
    ]
    (issue,) = [i for i in lines.issues if i.severity == Severity.ERROR]
    assert issue.hint.startswith("Export the ledger in parts (a fortnight or a month each) or as")


def test_a_ledger_ending_a_row_short_of_the_last_is_whole(tmp_path: Path) -> None:
    """A row short of the last, nothing says the export was cut: no error."""
    lines = read_ledger(str(tally_ledger(tmp_path / "ledger.xlsx", 1_048_575)))
    assert len(lines.frame) == 2
    assert errors(lines) == []


def test_a_statement_xls_filling_its_65536_rows_is_said_to_be_cut_off(
    tmp_path: Path, libreoffice: Callable[[Path, str], Path]
) -> None:
    """The old .xls holds 65,536 rows: a bank's .xls download of a busy quarter ends there."""
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "Statement"
    sheet.append(
        ["Date", "Narration", "Chq./Ref.No.", "Withdrawal Amt.", "Deposit Amt.", "Balance"]
    )
    sheet.append(["01/10/26", "NEFT CR-KAVERI TRADERS", "N123", None, 45000.00, 145000.00])
    for column, value in enumerate(
        ("02/10/26", "UPI-BALAJI TRADERS", "U456", 1200.00, None, 143800.00), start=1
    ):
        sheet.cell(65_536, column, value)
    source = tmp_path / "statement.xlsx"
    book.save(source)
    lines = read_statement(str(libreoffice(source, "xls") / "statement.xls"))
    assert len(lines.frame) == 2
    assert errors(lines) == [
        (
            "statement.xls",
            "Statement",
            "A65536",
            "the statement fills the sheet to row 65,536, the last row an .xls has: the export "
            "was most likely cut off there, and its lines after that row are missing from this "
            "reconciliation",
        )
    ]


def test_a_csv_of_as_many_lines_as_a_sheet_has_rows_is_said_to_be_cut_off(
    tmp_path: Path,
) -> None:
    """A statement opened in Excel (which loads 1,048,576 rows of a longer CSV and says so only
    then) and saved as CSV again ends on that line; one line more or fewer is a file of its own
    length."""
    header = "Date,Narration,Reference,Debit,Credit,Balance\n"
    line = "05/10/2026,UPI-KAVERI TRADERS,U1,,1.00,\n"
    cut = tmp_path / "statement.csv"
    cut.write_text(header + line * (1_048_576 - 1), encoding="utf-8")
    lines = read_statement(str(cut))
    assert len(lines.frame) == 1_048_575
    ((*_, problem),) = errors(lines)
    assert problem.startswith(
        "the statement ends on line 1,048,576, the last row a sheet has: the export was most "
        "likely cut off there"
    )
    # a CSV of a sheet's length was saved from a sheet: 'export it as CSV' would not mend it
    (issue,) = [i for i in lines.issues if i.severity == Severity.ERROR]
    assert issue.hint.startswith(
        "It was most likely opened in Excel (which loads 1,048,576 rows) and saved again. Take "
        "the statement from the program that made it, as CSV and not through Excel"
    )
    whole = tmp_path / "longer.csv"
    whole.write_text(header + line * 1_048_576, encoding="utf-8")
    assert errors(read_statement(str(whole))) == []


def test_the_summary_says_first_that_the_ledger_was_cut_off(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """The BRS of what was read may tie; the summary still says first that the ledger is cut
    off (not an unreadable cell among others), and the run does not exit 0."""
    books = tally_ledger(tmp_path / "ledger.xlsx", 1_048_576)
    bank = tmp_path / "statement.csv"
    bank.write_text(
        "Date,Narration,Reference,Debit,Credit,Balance\n"
        "02/10/2026,NEFT CR-BALAJI TRADERS,N1,,45000.00,145000.00\n"
        "30/10/2026,CHQ PAID-KAVERI,999,1200.00,,143800.00\n",
        encoding="utf-8",
    )
    out = tmp_path / "brs.xlsx"
    assert main(["reconcile", "--bank", str(bank), "--ledger", str(books), "--out", str(out)]) == 1
    said = capsys.readouterr().out
    assert said.startswith(
        "ledger.xlsx, sheet Ledger: the ledger fills the sheet to row 1,048,576, the last row a "
        "sheet has: the export was most likely cut off there"
    )
    assert "0 unreadable cells" in said
    # the Summary sheet says the same: no cell to fix, the lines after the cut were never read
    summary = [
        str(cell)
        for row in openpyxl.load_workbook(out, read_only=True)["Summary"].iter_rows(
            values_only=True
        )
        for cell in row
        if cell is not None
    ]
    cut_said = (
        "ledger.xlsx, sheet Ledger: the ledger fills the sheet to row 1,048,576, the last row a "
        "sheet has: the export was most likely cut off there, and its lines after that row are "
        "missing from this reconciliation."
    )
    assert "The BRS is not complete: " + cut_said + " Difference " in "".join(summary)
    assert not [text for text in summary if "could not be read" in text]
    assert "ledger.xlsx was cut off: Export the ledger in parts" in "".join(summary)


def test_a_journal_filling_its_sheet_is_said_to_be_cut_off(tmp_path: Path) -> None:
    """The Journal a user pasted from another program to the last row is cut off too."""
    book = openpyxl.Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.title = "Journal"
    sheet.append(["Date", "Voucher No", "Voucher Type", "Account", "Debit", "Credit", "Party"])
    sheet.append(["02-10-2026", "RCT/1", "Receipt", "HDFC Bank Current A/c", 11800, None, None])
    sheet.append(["02-10-2026", "RCT/1", "Receipt", "Trade Receivables", None, 11800, "Balaji"])
    for column, value in enumerate(
        ("31-10-2026", "PMT/9", "Payment", "HDFC Bank Current A/c", None, 500), start=1
    ):
        sheet.cell(1_048_575, column, value)
    for column, value in enumerate(("31-10-2026", "PMT/9", "Payment", "Rent", 500, None), start=1):
        sheet.cell(1_048_576, column, value)
    path = tmp_path / "books.xlsx"
    book.save(path)
    lines = read_ledger(str(path), "HDFC Bank Current A/c")
    assert len(lines.frame) == 2
    assert [e[2] for e in errors(lines)] == ["A1048576"]


def cut_day_book(path: Path) -> Path:
    """A Tally Day Book whose last voucher's second ledger is on the sheet's last row."""
    book = openpyxl.Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.title = "Day Book"
    for row in [
        ["Sahyadri Tradelinks Pvt Ltd"],
        ["Day Book"],
        ["1-Nov-2026 to 30-Nov-2026"],
        ["Date", "Particulars", "Vch Type", "Vch No.", "Debit Amount", "Credit Amount"],
        ["02-11-2026", "HDFC Bank A/c", "Receipt", "41", 5000, None],
        [None, "Balaji Traders", None, None, None, 5000],
    ]:
        sheet.append(row)
    for column, value in enumerate(("30-11-2026", "Rent", "Payment", "16", 4500), start=1):
        sheet.cell(1_048_575, column, value)
    sheet.cell(1_048_576, 2, "HDFC Bank A/c")
    sheet.cell(1_048_576, 6, 4500)
    book.save(path)
    return path


def test_a_day_book_filling_its_sheet_is_said_to_be_cut_off(tmp_path: Path) -> None:
    """Tally's Day Book of a busy year fills a sheet soonest: every voucher of the company."""
    lines = read_ledger(str(cut_day_book(tmp_path / "daybook.xlsx")), "HDFC Bank A/c")
    assert len(lines.frame) == 2
    assert [e[2] for e in errors(lines)] == ["A1048576"]


def test_books_imported_from_a_cut_off_day_book_say_so_first(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """`import-tally` of a Day Book cut off at the sheet's last row writes the books it holds,
    but says first that the vouchers after that row are missing from them, on the screen and in
    the Issues sheet, and does not exit 0 (before, '0 left out', exit 0)."""
    day_book = cut_day_book(tmp_path / "daybook.xlsx")
    out = tmp_path / "books.xlsx"
    assert main(["import-tally", str(day_book), "--out", str(out)]) == 1
    said = capsys.readouterr().out
    cut = (
        "daybook.xlsx, sheet Day Book: the Day Book fills the sheet to row 1,048,576, the last "
        "row a sheet has: the export was most likely cut off there, and its lines after that "
        "row are missing from these books. "
    )
    assert said.startswith(cut + "2 vouchers, 4 journal lines; 0 left out")
    _, *rows = openpyxl.load_workbook(out, read_only=True)["Issues"].values
    assert [(row[0], row[1], row[2], row[4]) for row in rows] == [
        ("Error", "Day Book", "A1048576", cut[len("daybook.xlsx, sheet Day Book: ") : -2])
    ]
