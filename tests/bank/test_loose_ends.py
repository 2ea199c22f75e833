"""The reconciliation's loose ends a reviewer found (issue #11): two Accepts on one line, amounts
with a third decimal, a real Excel date among text dates, a ledger with no lines. Each case is a
literal file and what a user would check: the lines read, the Issue's cell and words, the exit
code, the Matches and the BRS."""

from __future__ import annotations

import re
from collections.abc import Callable
from datetime import date, datetime
from pathlib import Path
from typing import Any

import openpyxl
import pytest

from tests.conftest import write_xlsx
from xlbo.cli import main
from xlbo.dates import to_excel_serial
from xlbo.errors import SheetProblem
from xlbo.issues import Severity
from xlbo.readers.ledger import read_ledger
from xlbo.readers.roles import Role
from xlbo.readers.statement import read_statement

HDFC = ["Date", "Narration", "Chq./Ref.No.", "Value Dt", "Withdrawal Amt.", "Deposit Amt."]
HDFC_BALANCE = [*HDFC, "Closing Balance"]
TALLY = ["Date", "Particulars", "Vch Type", "Vch No.", "Debit", "Credit"]
KAVERI = "CLG CHQ 441111 HDFC BANK"  # Kaveri Home Needs' cheque: the bank names no one


def reconcile(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = main(["reconcile", *args])
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def _accept_all(result: Path) -> None:
    """Type Accept on every row of the Suggestions sheet, as a user ticking down the column."""
    book = openpyxl.load_workbook(result)
    sheet = book["Suggestions"]
    column = [c.value for c in sheet[1]].index("Accept") + 1
    for row in range(2, sheet.max_row + 1):
        sheet.cell(row, column, "Accept")
    book.save(result)


def _rows(result: Path, name: str) -> list[tuple[Any, ...]]:
    return list(openpyxl.load_workbook(result)[name].iter_rows(values_only=True))


def _reconciled(
    xlsx: Callable[..., Path],
    capsys: pytest.CaptureFixture[str],
    bank_lines: list[list[Any]],
    vouchers: list[list[Any]],
) -> Path:
    """The result of reconciling an HDFC statement of `bank_lines` against a Tally ledger that
    opens at 1,00,000 and holds `vouchers`."""
    bank = xlsx({"Statement": [HDFC_BALANCE, *bank_lines]}, name="bank.xlsx")
    opening = [date(2026, 10, 1), "Opening Balance", None, None, 100000.00, None]
    books = xlsx({"Ledger": [TALLY, opening, *vouchers]}, name="books.xlsx")
    out = bank.parent / "brs.xlsx"
    reconcile(capsys, "--bank", str(bank), "--ledger", str(books), "--out", str(out))
    return out


# -- 1. two Accepts on one line --------------------------------------------------------------


@pytest.fixture
def two_for_one_bank_line(xlsx: Callable[..., Path], capsys: pytest.CaptureFixture[str]) -> Path:
    """One receipt of 9,900 from Kaveri, and two Kaveri receipts in the books it could be with
    TDS deducted (10,000 at 1%, 11,000 at 10%): two suggestions for bank row 2."""
    out = _reconciled(
        xlsx,
        capsys,
        [
            ["06/10/26", KAVERI, "", "06/10/26", None, 9900.00, 109900.00],
            ["08/10/26", "NEFT CR-OM SAI LOGISTICS", "", "08/10/26", None, 5000.00, 114900.00],
        ],
        [
            [date(2026, 10, 6), "Kaveri Home Needs", "Receipt", "RCT/2", 10000.00, None],
            [date(2026, 10, 6), "Kaveri Home Needs", "Receipt", "RCT/4", 11000.00, None],
            [date(2026, 10, 8), "Om Sai Logistics", "Receipt", "RCT/3", 5000.00, None],
        ],
    )
    suggested = [(r[0], r[1]) for r in _rows(out, "Suggestions")[1:]]
    assert suggested == [(2, 3), (2, 4)]  # what the test is about: both for bank row 2
    return out


def test_two_accepts_on_one_bank_line_apply_the_first_and_report_the_second(
    two_for_one_bank_line: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    result = two_for_one_bank_line
    _accept_all(result)
    code, _, err = reconcile(capsys, "--confirm", str(result))
    assert code == 1  # the run finished, with an Issue to read
    confirmed = [(r[1], r[2]) for r in _rows(result, "Matches")[1:] if r[3] == "Confirmed"]
    assert confirmed == [(2, 3)]  # the first Accept, and only it
    issues = [r for r in _rows(result, "Issues")[1:] if r[1] == "Suggestions"]
    assert [(r[0], r[2]) for r in issues] == [("Error", "K3")]
    problem = str(issues[0][4])
    assert "Accept in K3 pairs bank row 2 with ledger row 4" in problem
    assert "bank row 2 is paired already by the Accept in K2" in problem
    assert "the Accept in K2 was applied and this one was not" in problem
    assert [r[0] for r in _rows(result, "Unmatched Ledger")[1:]] == [4]  # open for the BRS
    assert "K2" in err and "K3" in err


def test_an_accept_on_a_ledger_line_accepted_elsewhere_is_reported(
    xlsx: Callable[..., Path], capsys: pytest.CaptureFixture[str]
) -> None:
    """Two Kaveri receipts at the bank (9,900 and 9,000) and one of 10,000 in the books: each is
    suggested with it (TDS at 1% and at 10%); both accepted, the ledger line is matched once."""
    other = KAVERI.replace("1111", "3333")
    out = _reconciled(
        xlsx,
        capsys,
        [
            ["06/10/26", KAVERI, "", "06/10/26", None, 9900.00, 109900.00],
            ["06/10/26", other, "", "06/10/26", None, 9000.00, 118900.00],
        ],
        [[date(2026, 10, 6), "Kaveri Home Needs", "Receipt", "RCT/2", 10000.00, None]],
    )
    assert [(r[0], r[1]) for r in _rows(out, "Suggestions")[1:]] == [(2, 3), (3, 3)]
    _accept_all(out)
    code, _, _ = reconcile(capsys, "--confirm", str(out))
    assert code == 1
    confirmed = [(r[1], r[2]) for r in _rows(out, "Matches")[1:] if r[3] == "Confirmed"]
    assert confirmed == [(2, 3)]
    issues = [r for r in _rows(out, "Issues")[1:] if r[1] == "Suggestions"]
    assert [r[2] for r in issues] == ["K3"]
    assert "ledger row 3 is paired already by the Accept in K2" in str(issues[0][4])


def test_an_accept_of_lines_that_go_opposite_ways_is_reported_not_dropped(
    xlsx: Callable[..., Path], capsys: pytest.CaptureFixture[str]
) -> None:
    """A Suggestions row edited to pair the Kaveri receipt with a payment in the books: the
    matcher never pairs money in with money out, and the user is told so (it was dropped)."""
    out = _reconciled(
        xlsx,
        capsys,
        [["06/10/26", KAVERI, "", "06/10/26", None, 9900.00, 109900.00]],
        [
            [date(2026, 10, 6), "Kaveri Home Needs", "Receipt", "RCT/2", 10000.00, None],
            [date(2026, 10, 7), "Annapurna Caterers", "Payment", "PMT/1", None, 7500.00],
        ],
    )
    book = openpyxl.load_workbook(out)
    sheet = book["Suggestions"]
    headers = [c.value for c in sheet[1]]
    assert [c.value for c in sheet[2]][:2] == [2, 3]
    sheet.cell(2, headers.index("Ledger Row") + 1, 4)  # the payment, its date and amount
    sheet.cell(2, headers.index("Ledger Date") + 1, datetime(2026, 10, 7))
    sheet.cell(2, headers.index("Ledger Amount") + 1, -7500)
    sheet.cell(2, headers.index("Particulars") + 1, "Annapurna Caterers")
    sheet.cell(2, headers.index("Accept") + 1, "Yes")
    book.save(out)
    code, _, _ = reconcile(capsys, "--confirm", str(out))
    assert code == 1
    assert [r[3] for r in _rows(out, "Matches")[1:]] == []  # nothing confirmed
    issues = [r for r in _rows(out, "Issues")[1:] if r[1] == "Suggestions"]
    assert [(r[2], r[3]) for r in issues] == [("K2", "Yes")]
    assert "bank row 2 (money in) with ledger row 4 (money out)" in str(issues[0][4])
    assert "was not applied" in str(issues[0][4])


@pytest.mark.parametrize("sheet_name", ["Suggestions", "Matches"])
def test_a_decision_on_lines_that_have_changed_since_is_reported_not_applied(
    sheet_name: str, xlsx: Callable[..., Path], capsys: pytest.CaptureFixture[str]
) -> None:
    """A decision names its lines by row. When the statement under those rows has changed (the
    next month pasted over, rows sorted), the decision is about other lines: applying it would
    confirm, or break up, a pair the user never saw."""
    out = _reconciled(
        xlsx,
        capsys,
        [
            ["06/10/26", KAVERI, "", "06/10/26", None, 9900.00, 109900.00],
            ["07/10/26", "NEFT DR-ANNAPURNA CATERERS", "", "07/10/26", 7500.00, None, 102400.0],
        ],
        [
            [date(2026, 10, 6), "Kaveri Home Needs", "Receipt", "RCT/2", 10000.00, None],
            [date(2026, 10, 7), "Annapurna Caterers", "Payment", "PMT/1", None, 7500.00],
        ],
    )
    book = openpyxl.load_workbook(out)
    sheet = book[sheet_name]
    headers = [c.value for c in sheet[1]]
    column = "Accept" if sheet_name == "Suggestions" else "Reject"
    sheet.cell(2, headers.index(column) + 1, "Yes")
    book.save(out)
    # the statement's rows now hold other lines of the same amounts
    xlsx(
        {
            "Statement": [
                HDFC_BALANCE,
                ["16/10/26", KAVERI, "", "16/10/26", None, 9900.00, 109900.00],
                ["17/10/26", "NEFT DR-ANNAPURNA CATERERS", "", "17/10/26", 7500.00, None, 102400],
            ]
        },
        name="bank.xlsx",
    )
    reconcile(capsys, "--confirm", str(out))
    issues = [r for r in _rows(out, "Issues")[1:] if r[1] == sheet_name]
    assert len(issues) == 1, issues
    said = str(issues[0][4])
    assert re.search(rf"{column} is not applied: bank row (2|3) is dated 1(6|7)-10-2026 now", said)
    assert "not 06-10-2026 as when it was decided" in said or "not 07-10-2026 as" in said
    rules = [r[3] for r in _rows(out, "Matches")[1:]]
    assert "Confirmed by you" not in rules


def test_an_accept_whose_ledger_row_now_holds_another_partys_entry_is_not_applied(
    xlsx: Callable[..., Path], capsys: pytest.CaptureFixture[str]
) -> None:
    """helper-138 (c06/A): the ledger exported again (a late voucher above, the day's vouchers
    in another order) put Deshmukh's entry of the same day and amount on the row where Patil's
    was; the Accept was applied to Deshmukh's, and a rule learnt from it, without a word."""
    deposit = ["22/10/26", "CASH DEPOSIT-BRANCH PUNE CAMP", "", "22/10/26", None, 15000.00, 115000]
    out = _reconciled(
        xlsx,
        capsys,
        [deposit],
        [
            [date(2026, 10, 22), "Patil Brothers", "Receipt", "R/8", 15000.00, None],
            [date(2026, 10, 22), "Deshmukh Traders", "Receipt", "R/9", 15000.00, None],
        ],
    )
    book = openpyxl.load_workbook(out)
    sheet = book["Suggestions"]
    headers = [c.value for c in sheet[1]]
    row = next(r for r in range(2, sheet.max_row + 1) if sheet.cell(r, 2).value == 3)  # Patil's
    sheet.cell(row, headers.index("Accept") + 1, "Accept")
    book.save(out)
    opening = [date(2026, 10, 1), "Opening Balance", None, None, 100000.00, None]
    xlsx(  # exported again, the day's vouchers in another order
        {
            "Ledger": [
                TALLY,
                opening,
                [date(2026, 10, 22), "Deshmukh Traders", "Receipt", "R/9", 15000.00, None],
                [date(2026, 10, 22), "Patil Brothers", "Receipt", "R/8", 15000.00, None],
            ]
        },
        name="books.xlsx",
    )
    code, _, _ = reconcile(capsys, "--confirm", str(out))
    assert code == 1
    assert [r[3] for r in _rows(out, "Matches")[1:]] == []  # nothing confirmed
    issues = [str(r[4]) for r in _rows(out, "Issues")[1:] if r[1] == "Suggestions"]
    assert issues == [
        "Accept is not applied: ledger row 3 reads 'Deshmukh Traders' now, not 'Patil Brothers'. "
        "The statement or the ledger changed since this result was written (a new month pasted "
        "in, rows added or sorted), so the decision may be about other lines"
    ]
    assert _rows(out, "Rules")[1:] == []


# -- 2. a third decimal ----------------------------------------------------------------------


def test_an_amount_with_a_third_decimal_is_an_issue_naming_the_cell(tmp_path: Path) -> None:
    path = tmp_path / "bank.csv"
    path.write_text(
        "Date,Narration,Withdrawal Amt.,Deposit Amt.,Closing Balance\n"
        "01/10/2026,NEFT CR-VARDHAMAN RETAIL,,50000.005,150000.01\n"
        "02/10/2026,NEFT DR-KAVERI HOME,12000.000,,138000.01\n"
        "03/10/2026,NEFT CR-OM SAI LOGISTICS,,7000.50,145000.51\n",
        encoding="utf-8",
    )
    lines = read_statement(str(path))
    assert lines.frame["row"].tolist() == [3, 4]  # the line with 50000.005 left out
    assert lines.frame["debit"].tolist() == [1200000, 0]  # 12000.000 read exactly
    assert lines.frame["credit"].tolist() == [0, 700050]
    [issue] = lines.issues
    assert (issue.severity, issue.cell, issue.value) == (Severity.ERROR, "D2", "50000.005")
    assert "'50000.005' has more than two decimal places" in issue.problem


def test_a_third_decimal_in_a_real_number_cell_of_the_ledger_is_not_rounded(
    xlsx: Callable[..., Path],
) -> None:
    path = xlsx(
        {
            "Ledger": [
                TALLY,
                [date(2026, 10, 1), "Vardhaman Retail", "Receipt", "1", 50000.005, None],
                [date(2026, 10, 2), "Kaveri Home", "Payment", "2", None, 12000.5],
                [date(2026, 10, 3), "Om Sai Logistics", "Receipt", "3", 0.1 + 0.2, None],
            ]
        },
        name="books.xlsx",
    )
    lines = read_ledger(str(path))
    assert lines.frame["particulars"].tolist() == ["Kaveri Home", "Om Sai Logistics"]
    assert lines.frame["debit"].tolist() == [0, 30]  # binary noise is no third decimal
    [issue] = lines.issues
    assert (issue.cell, issue.value) == ("E2", "50000.005")
    assert "more than two decimal places" in issue.problem


def test_a_number_cell_too_long_to_hold_its_paise_is_an_issue_not_a_paisa_off(
    xlsx: Callable[..., Path],
) -> None:
    """A statement cell of ₹98,765,432,109,876.54 (16 digits) comes back from the workbook as
    …876.55; read as such it was a false balance break of one paisa."""
    path = xlsx(
        {
            "Statement": [
                HDFC_BALANCE,
                ["01/10/2026", "NEFT CR-VARDHAMAN RETAIL", "", "", None, 98765432109876.54, 0],
                ["02/10/2026", KAVERI, "", "", 12000.5, None, 50000.00],
            ]
        },
        name="bank.xlsx",
    )
    lines = read_statement(str(path))
    assert lines.frame["row"].tolist() == [3]
    assert lines.frame["debit"].tolist() == [1200050]
    [issue] = lines.issues
    assert (issue.severity, issue.cell) == (Severity.ERROR, "F2")
    assert "more digits than a spreadsheet number keeps exactly" in issue.problem


def test_a_line_left_out_for_a_third_decimal_makes_the_brs_say_it_is_not_complete(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    bank = tmp_path / "bank.csv"
    bank.write_text(
        "Date,Narration,Withdrawal Amt.,Deposit Amt.,Closing Balance\n"
        "01/10/2026,NEFT CR-VARDHAMAN RETAIL,,50000.00,150000.00\n"
        "02/10/2026,NEFT DR-KAVERI HOME,12000.50,,137999.50\n",
        encoding="utf-8",
    )
    books = tmp_path / "books.csv"
    books.write_text(
        "Date,Particulars,Vch Type,Vch No.,Debit,Credit\n"
        "01/10/2026,Opening Balance,,,100000.00,\n"
        "01/10/2026,Vardhaman Retail,Receipt,1,50000.00,\n"
        "02/10/2026,Kaveri Home,Payment,2,,12000.495\n",
        encoding="utf-8",
    )
    out = tmp_path / "brs.xlsx"
    code, _, _ = reconcile(capsys, "--bank", str(bank), "--ledger", str(books), "--out", str(out))
    assert code == 1
    issues = [r[:4] for r in _rows(out, "Issues")[1:]]
    assert issues == [("Error", "books", "F4", "12000.495")]
    summary = " ".join(str(c) for r in _rows(out, "Summary") for c in r if c is not None)
    assert "1 line(s) could not be read and were left out" in summary


# -- 3. a real Excel date among text dates ---------------------------------------------------


@pytest.mark.parametrize("number_format", ["dd/mm/yyyy", "d-mmm-yy", "General"])
def test_a_real_date_among_day_first_text_dates_is_read_right(
    number_format: str, tmp_path: Path
) -> None:
    """Text dates day first (04/10/26 is 4 October), and two cells a user typed over in Excel:
    real dates, or (General) the serial number a date becomes when its format is lost."""
    book = openpyxl.Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.title = "Statement"
    edited: list[Any] = [datetime(2026, 10, 2), datetime(2026, 10, 12)]
    if number_format == "General":
        edited = [to_excel_serial(d.date()) for d in edited]
    rows: list[list[Any]] = [
        HDFC_BALANCE,
        ["01/10/26", "NEFT CR-A", "", "01/10/26", None, 1000.00, 11000.00],
        [edited[0], "NEFT DR-B", "", "02/10/26", 500.00, None, 10500.00],
        ["04/10/26", "NEFT CR-C", "", "04/10/26", None, 200.00, 10700.00],
        [edited[1], "NEFT DR-D", "", "12/10/26", 100.00, None, 10600.00],
        ["13/10/26", "NEFT DR-E", "", "13/10/26", 100.00, None, 10500.00],
    ]
    for row in rows:
        sheet.append(row)
    for cell in ("A3", "A5"):
        sheet[cell].number_format = number_format
    path = tmp_path / "bank.xlsx"
    book.save(path)
    lines = read_statement(str(path))
    assert lines.issues == []
    assert lines.frame["date"].tolist() == [
        date(2026, 10, 1),
        date(2026, 10, 2),
        date(2026, 10, 4),
        date(2026, 10, 12),
        date(2026, 10, 13),
    ]


def _tally_ledger(path: Path, vouchers: list[list[Any]]) -> Path:
    """A Tally ledger of `vouchers` under its header, saved by openpyxl: its real dates (the
    cells Excel holds as dates) formatted as dates, its text dates as text."""
    book = openpyxl.Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.title = "Ledger"
    for row in [TALLY, *vouchers]:
        sheet.append(row)
    for (cell,) in sheet.iter_rows(min_row=2, max_col=1):
        if isinstance(cell.value, datetime):
            cell.number_format = "dd/mm/yyyy"
    book.save(path)
    return path


def test_a_real_date_among_text_dates_in_a_tally_ledger(tmp_path: Path) -> None:
    vouchers = [
        ["01/10/2026", "Vardhaman Retail", "Receipt", "1", 1000.00, None],
        [datetime(2026, 10, 3), "Kaveri Home", "Payment", "2", None, 500.00],
        ["05/10/2026", "Om Sai Logistics", "Receipt", "3", 200.00, None],
    ]
    lines = read_ledger(str(_tally_ledger(tmp_path / "books.xlsx", vouchers)))
    assert lines.issues == []
    assert lines.frame["date"].tolist() == [date(2026, 10, 1), date(2026, 10, 3), date(2026, 10, 5)]


def test_a_figure_in_the_date_column_far_from_its_dates_is_still_no_date(
    xlsx: Callable[..., Path],
) -> None:
    """HDFC's summary writes its opening balance under Date: as a serial, 13399.36 would be
    6 September 1936, far from the statement's dates, so it is a figure, not a line."""
    path = xlsx(
        {
            "Statement": [
                HDFC_BALANCE,
                ["01/10/26", "NEFT CR-A", "", "01/10/26", None, 1000.00, 14399.36],
                ["02/10/26", "NEFT DR-B", "", "02/10/26", 500.00, None, 13899.36],
                [],
                ["STATEMENT SUMMARY :-"],
                ["Opening Balance", "Dr Count", "Cr Count", "Debits", "Credits", "Closing Bal"],
                [13399.36, 1, 1, 500.00, 1000.00, 13899.36],
            ]
        },
        name="bank.xlsx",
    )
    lines = read_statement(str(path))
    assert len(lines.frame) == 2
    assert (lines.opening, lines.closing) == (1339936, 1389936)
    assert [i for i in lines.issues if i.severity is Severity.ERROR] == []


@pytest.mark.parametrize("typed", ["31/12/9999", "01/01/0001"])
def test_a_date_at_the_end_of_the_calendar_is_said_not_a_crash(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], typed: str
) -> None:
    """A voucher typed as of 31/12/9999 (or 01/01/0001) among a ledger's real dates ended the
    run with "internal error (OverflowError: date value out of range)", exit 70: the date
    column's reach around its dates went past the calendar's end. Then (the review's F5) it was
    read at that date without a word, matched by its reference 739,889 days away and written
    as a date cell Excel cannot show. A bank line or voucher of a year outside 1900 to 2100 is
    a typing slip: an Error at its cell, the line left out."""
    vouchers = [
        [datetime(2026, 10, 1), "Opening Balance", None, None, 100000.00, None],
        [datetime(2026, 10, 2), "Vardhaman Retail", "Receipt", "1", 1000.00, None],
        [typed, "Kaveri Home", "Payment", "2", None, 500.00],
        [46300, "Om Sai Logistics", "Receipt", "3", 200.00, None],
    ]
    books = _tally_ledger(tmp_path / "books.xlsx", vouchers)
    lines = read_ledger(str(books))
    year = int(typed.split("/")[2])
    assert lines.frame["date"].tolist() == [
        date(2026, 10, 2),
        date(2026, 10, 5),  # a serial among the dates is still one
    ]
    said = f"Row 4: '{typed}' is a date of the year {year}, outside the years xlbo works with"
    assert [(i.cell, i.severity) for i in lines.issues] == [("A4", Severity.ERROR)]
    assert lines.issues[0].problem.startswith(said)
    bank = write_xlsx(
        tmp_path / "bank.xlsx",
        {
            "Statement": [
                HDFC,
                ["02/10/26", "NEFT CR-VARDHAMAN RETAIL", "", "02/10/26", None, 1000],
                [typed, "NEFT DR-KAVERI HOME", "", "02/10/26", 500, None],
            ]
        },
    )
    out = tmp_path / "brs.xlsx"
    code, _, err = reconcile(capsys, "--bank", str(bank), "--ledger", str(books), "--out", str(out))
    assert code == 1, err
    assert "internal error" not in err
    problems = [str(row[4]) for row in _rows(out, "Issues")[1:]]
    assert sum(p.startswith("Row 3: " + said[7:]) for p in problems) == 1, problems  # the bank's
    assert sum(p.startswith(said) for p in problems) == 1, problems  # the ledger's


def test_a_reference_on_the_brs_is_broken_between_its_parts_not_inside_a_utr() -> None:
    """`752 / MAHBR408403023715` (a voucher number and a UTR, 23 characters) was printed as
    `752 / MAHBR40840302371` over a lone `5`: the UTR cut in two, which no one can search for.
    A reference goes on to the next line at any break it has, however early; only a run with no
    break at all is cut at the width."""
    from xlbo.jobs.reconcile import BRS_REFERENCE, printed_lines

    assert printed_lines("752 / MAHBR408403023715", BRS_REFERENCE, whole=True) == [
        "752 /",
        "MAHBR408403023715",
    ]
    assert printed_lines("752 / MAHBR408403023715", BRS_REFERENCE) == [  # particulars as before
        "752 / MAHBR40840302371",
        "5",
    ]
    no_break = "X" * 30
    assert printed_lines(no_break, BRS_REFERENCE, whole=True) == ["X" * 22, "X" * 8]


def test_what_is_no_amount_on_a_narration_row_is_said(xlsx: Callable[..., Path]) -> None:
    """Tally leaves Debit and Credit blank on a voucher's narration row. `1 234,00` (a decimal
    comma among decimal points) or `@SUM(A1)` typed there was read as nothing and said nowhere:
    the row passed for narration, and an amount could be lost without a word. Each is now an
    Error at its cell, saying how the row was read; the voucher above is read as before."""
    path = xlsx(
        {
            "Ledger": [
                TALLY,
                [date(2026, 10, 1), "Opening Balance", None, None, 100000.00, None],
                [date(2026, 10, 2), "To Vardhaman Retail", "Receipt", "1", 1000.00, None],
                [None, "IMPS Ref 512379001469", None, None, "1 234,00", None],
                [date(2026, 10, 3), "By Kaveri Home", "Payment", "2", None, 500.00],
                [None, "Ch. No. : 472294", None, None, None, "@SUM(A1)"],
                [date(2026, 10, 4), "To Om Sai Logistics", "Receipt", "3", 200.00, None],
                [None, "Being amt recd against Inv No. 7", None, None, None, None],
                # Tally's detailed view: the entries under `(as per details)`, a side word
                # beside each amount, are the voucher's ledgers still, and nothing is said
                [date(2026, 10, 5), "By (as per details)", "Payment", "4", None, 23958.60],
                [None, "Salaries Payable", None, None, "Cr", 20000.00],
                [None, "TDS Payable", None, None, "Cr", 3958.60],
            ]
        },
        name="books.xlsx",
    )
    lines = read_ledger(str(path))
    assert lines.frame["particulars"].tolist() == [
        "Vardhaman Retail",
        "Kaveri Home",
        "Om Sai Logistics",
        "Salaries Payable, TDS Payable",
    ]
    assert lines.frame["narration"].tolist() == [
        "IMPS Ref 512379001469",
        "Ch. No. : 472294",
        "Being amt recd against Inv No. 7",
        "",
    ]
    said = [(i.cell, i.value, i.severity) for i in lines.issues]
    assert said == [("E4", "1 234,00", Severity.ERROR), ("F6", "@SUM(A1)", Severity.ERROR)]
    assert "'1 234,00' is not an amount" in lines.issues[0].problem
    assert "read as the narration of the voucher above" in lines.issues[0].hint


@pytest.mark.parametrize(("side", "missing"), [("Debit", "deposits"), ("Credit", "withdrawals")])
def test_a_statement_with_one_amount_column_says_which_is_missing(
    xlsx: Callable[..., Path], side: str, missing: str
) -> None:
    """A statement whose Credit (or Debit) column was deleted was told "no header row with a
    date and amount columns was found in the first 1,000 rows", though its header is there:
    now the row and the column that is missing."""
    path = xlsx(
        {
            "Statement": [
                [],
                ["Date", "Narration", side, "Balance"],
                ["01/10/2026", "NEFT", 100, 900],
            ]
        },
        name="bank.xlsx",
    )
    with pytest.raises(SheetProblem) as refused:
        read_statement(str(path))
    assert str(refused.value).startswith(
        f"bank.xlsx, sheet Statement: row 2 has the headers of a statement but only one amount "
        f"column ('{side}', no column of {missing} beside it)"
    )
    # a Notes sheet beside it does not hide it behind "none of its sheets holds a statement"
    path = xlsx(
        {
            "Statement": [[], ["Date", "Narration", side, "Balance"], ["01/10/2026", "NEFT", 1, 9]],
            "Notes": [["Downloaded from net banking"]],
        },
        name="bank2.xlsx",
    )
    with pytest.raises(SheetProblem) as refused:
        read_statement(str(path))
    assert str(refused.value).startswith("bank2.xlsx, sheet Statement: row 2 has the headers")


def test_an_amount_column_under_a_header_not_known_is_named_for_map(
    xlsx: Callable[..., Path],
) -> None:
    """`Deposits in Rs.` beside `Withdrawal Amt.`: the deposits are there, under a header xlbo
    does not know. The message names it, and the --map that reads it (review F7)."""
    path = xlsx(
        {
            "Statement": [
                ["Date", "Narration", "Withdrawal Amt.", "Deposits in Rs.", "Closing Balance"],
                ["01/10/2026", "NEFT CR-A", None, 1000, 11000],
            ]
        },
        name="bank.xlsx",
    )
    with pytest.raises(SheetProblem) as refused:
        read_statement(str(path))
    assert str(refused.value) == (
        "bank.xlsx, sheet Statement: row 1 has the headers of a statement, but of its amount "
        "columns only 'Withdrawal Amt.' is known, and none of the row's other headers "
        "('Deposits in Rs.') is known as the deposits; name that column with --map (e.g. --map "
        '"withdrawal=Withdrawal Amt.,deposit=Deposits in Rs."), or export the statement with '
        "both withdrawals and deposits."
    )
    mapped = read_statement(
        str(path), mapping={Role.WITHDRAWAL: "Withdrawal Amt.", Role.DEPOSIT: "Deposits in Rs."}
    )
    assert mapped.frame["credit"].tolist() == [100000]


# -- 4. a ledger with no lines ---------------------------------------------------------------


def test_a_ledger_csv_with_only_its_header_is_a_plain_error(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    bank = tmp_path / "bank.csv"
    bank.write_text(
        "Date,Narration,Withdrawal Amt.,Deposit Amt.,Closing Balance\n"
        "01/10/2026,NEFT CR-VARDHAMAN RETAIL,,50000.00,150000.00\n",
        encoding="utf-8",
    )
    books = tmp_path / "books.csv"
    books.write_text("Date,Particulars,Vch Type,Vch No.,Debit,Credit\n", encoding="utf-8")
    code, printed, err = reconcile(
        capsys, "--bank", str(bank), "--ledger", str(books), "--out", str(tmp_path / "brs.xlsx")
    )
    assert code == 2
    assert "books.csv" in err and "no ledger lines were read" in err
    assert "Traceback" not in err and printed == ""
    assert sorted(p.name for p in tmp_path.iterdir()) == ["bank.csv", "books.csv"]


def test_a_ledger_whose_every_line_is_bad_names_the_first_problem(tmp_path: Path) -> None:
    books = tmp_path / "books.csv"
    books.write_text(
        "Date,Particulars,Vch Type,Vch No.,Debit,Credit\n"
        "01/10/2026,Vardhaman Retail,Receipt,1,50000.00.00,\n",
        encoding="utf-8",
    )
    with pytest.raises(SheetProblem, match=r"books.csv.*no ledger lines were read; 1 line\(s\)"):
        read_ledger(str(books))


def test_a_ledger_with_its_opening_balance_and_no_vouchers_is_still_read(tmp_path: Path) -> None:
    """A quiet month: the books have only the opening balance; the BRS lists what the bank did."""
    books = tmp_path / "books.csv"
    books.write_text(
        "Date,Particulars,Vch Type,Vch No.,Debit,Credit\n01/10/2026,Opening Balance,,,100000.00,\n",
        encoding="utf-8",
    )
    lines = read_ledger(str(books))
    assert (len(lines.frame), lines.opening) == (0, 10000000)


def test_a_confirmed_match_holds_on_the_next_confirm(
    xlsx: Callable[..., Path], capsys: pytest.CaptureFixture[str]
) -> None:
    """Patil Engineering Works paid 1,18,000.00 less 2,000.00 TDS by a cheque the bank names no
    one on (so it is a suggestion, not taken as a receipt less TDS); the user accepts the
    suggestion and runs --confirm (Matches: Confirmed; the BRS lists 2,000.00 to be booked),
    then runs --confirm again on that result, to apply a later decision. The second run dropped
    the confirmed pair: a suggestion again, both lines on the BRS and the difference gone."""
    bank = xlsx(
        {
            "Statement": [
                ["Statement From : 01/10/2026 To : 31/10/2026"],
                ["Date", "Narration", "Chq./Ref.No.", "Withdrawal Amt.", "Deposit Amt.",
                 "Closing Balance"],
                ["15/10/26", "CLG CHQ 004521 SBIN", "004521", None, 116000.0, 216000.0],
            ]
        },
        name="bank.xlsx",
    )  # fmt: skip
    books = xlsx(
        {
            "Ledger": [
                ["HDFC Bank Current A/c"],
                ["Date", "Particulars", "Vch Type", "Vch No.", "Debit", "Credit"],
                [date(2026, 10, 1), "Opening Balance", None, None, 100000.0, None],
                [date(2026, 10, 15), "Patil Engineering Works", "Receipt", "R-1", 118000.0, None],
            ]
        },
        name="books.xlsx",
    )
    out = bank.parent / "brs.xlsx"
    assert main(["reconcile", "--bank", str(bank), "--ledger", str(books), "--out", str(out)]) == 0
    book = openpyxl.load_workbook(out)
    headers = [cell.value for cell in book["Suggestions"][1]]
    book["Suggestions"].cell(2, headers.index("Accept") + 1).value = "Accept"
    book.save(out)
    for run in (1, 2):
        assert main(["reconcile", "--confirm", str(out)]) == 0
        said = capsys.readouterr().out
        assert "1 matches, 0 bank and 0 ledger lines unmatched, 0 suggestions" in said, (run, said)
        rules = [row[3] for row in _rows(out, "Matches")[1:]]
        assert rules == ["Confirmed"], run
    # the statement corrected since: the confirmation is about other money, and says so
    statement = openpyxl.load_workbook(bank)
    statement["Statement"]["E3"] = 115000.0
    statement["Statement"]["F3"] = 215000.0
    statement.save(bank)
    assert main(["reconcile", "--confirm", str(out)]) == 1
    issues = [row for row in _rows(out, "Issues")[1:] if row[1] == "Matches"]
    assert len(issues) == 1 and str(issues[0][4]).startswith(
        "The match you confirmed is not applied: bank row 3 is 1,15,000.00 now, not 1,16,000.00"
    ), issues
