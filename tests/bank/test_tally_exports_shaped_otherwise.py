"""Tally's Ledger Vouchers exported in layouts the other ledger tests do not write: the balance
lines written where the dates go, and one unsigned Amount column whose only sides are the To/By
before each name. Each is read to the month of `test_other_books` (opening 1,00,000.00 Dr,
Balaji Traders' cheque of 5,000.00 on 2 Nov, Kaveri Home Needs' 2,000.00 on 4 Nov, Om Sai
Logistics' 12,50,000.50 on 28 Nov) and reconciled through the CLI against its statement."""

from __future__ import annotations

import csv
from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import Any

import openpyxl
import pytest

from tests.bank.test_other_books import STATEMENT
from xlbo.cli import main
from xlbo.readers.ledger import read_ledger

TITLE = [
    ["Sahyadri Tradelinks Pvt Ltd"],
    ["Office 402, Pinnacle Business Park, Baner Road, Pune 411045"],
    ["Ledger: HDFC Bank A/c"],
    ["1-Nov-2026 to 30-Nov-2026"],
]


def write_csv(path: Path, rows: list[list[Any]]) -> Path:
    with path.open("w", newline="", encoding="utf-8") as handle:
        csv.writer(handle).writerows(rows)
    return path


def reconcile(
    tmp_path: Path, books: Path, statement: Path, capsys: pytest.CaptureFixture[str]
) -> tuple[int, str, dict[Any, Any]]:
    out = tmp_path / "brs.xlsx"
    code = main(["reconcile", "--bank", str(statement), "--ledger", str(books), "--out", str(out)])
    said = capsys.readouterr().out
    book = openpyxl.load_workbook(out)
    brs = {r[1]: r[4] for r in book["BRS"].iter_rows(values_only=True)}
    summary = " ".join(str(r[0]) for r in book["Summary"].iter_rows(values_only=True))
    return code, said + summary, brs


# -- the balance lines in the Date column ------------------------------------------------------
# Read as no balance at all, the BRS took the statement's opening for the books' and said so,
# and the ledger's own closing balance was never checked against its lines.

BALANCES_WHERE_THE_DATES_GO = [
    *TITLE,
    ["Date", "Particulars", "Vch Type", "Vch No.", "Debit", "Credit"],
    ["Opening Balance", "", "", "", "1,00,000.00", ""],
    ["02-11-26", "To Balaji Traders", "Receipt", "41", "5,000.00", ""],
    ["", "Ch. No. : 123456", "", "", "", ""],
    ["04-11-26", "By Kaveri Home Needs", "Payment", "17", "", "2,000.00"],
    ["28-11-26", "To Om Sai Logistics", "Receipt", "42", "12,50,000.50", ""],
    ["Closing Balance", "", "", "", "", "13,53,000.50"],
    ["Total", "", "", "", "13,55,000.50", "13,55,000.50"],
]


def test_balance_lines_written_where_the_dates_go_are_the_balances(
    tmp_path: Path, xlsx: Callable[..., Path], capsys: pytest.CaptureFixture[str]
) -> None:
    books = write_csv(tmp_path / "hdfc-ledger.csv", BALANCES_WHERE_THE_DATES_GO)
    lines = read_ledger(str(books))
    assert lines.issues == []
    assert (lines.opening, lines.closing) == (10000000, 135300050)
    assert lines.frame["voucher_no"].tolist() == ["41", "17", "42"]
    assert lines.frame["narration"].tolist() == ["Ch. No. : 123456", "", ""]
    assert lines.frame["date"].tolist() == [
        date(2026, 11, 2),
        date(2026, 11, 4),
        date(2026, 11, 28),
    ]
    bank = xlsx({"Statement": STATEMENT}, name="statement.xlsx")
    code, said, brs = reconcile(tmp_path, books, bank, capsys)
    assert "states no opening balance" not in said
    assert "2 matches, 1 bank and 1 ledger lines unmatched" in said
    assert brs["Balance as per books (ledger)"] == 1353000.50
    assert brs["Total receipts in the books not yet credited"] == 1250000.50
    assert brs["Difference"] == 0
    assert code == 0


def test_a_closing_balance_where_the_dates_go_checks_the_lines(
    tmp_path: Path, xlsx: Callable[..., Path], capsys: pytest.CaptureFixture[str]
) -> None:
    # Kaveri's payment left out of the export: the lines no longer make the stated closing, so
    # the BRS does not tie on them (read as no balance at all, it tied)
    short = [row for row in BALANCES_WHERE_THE_DATES_GO if "By Kaveri Home Needs" not in row]
    books = write_csv(tmp_path / "hdfc-ledger.csv", short)
    bank = xlsx({"Statement": STATEMENT}, name="statement.xlsx")
    code, said, brs = reconcile(tmp_path, books, bank, capsys)
    assert "BRS difference 2,000.00" in said
    assert "The ledger's own closing balance, 13,53,000.50, is not its opening balance" in said
    assert brs["Balance as per books (ledger)"] == 1353000.50
    assert code == 1


# -- one unsigned Amount column, To/By its only sides --------------------------------------------
# A transfer to the company's ICICI account (a Contra voucher) is money out: its `By` says so,
# its type does not.

ONE_AMOUNT_TO_BY = [
    *TITLE,
    ["Date", "Particulars", "Vch Type", "Vch No.", "Amount"],
    ["1-Nov-26", "Opening Balance", "", "", "1,00,000.00"],
    ["2-Nov-26", "To Balaji Traders", "Receipt", "41", "5,000.00"],
    ["4-Nov-26", "By Kaveri Home Needs", "Payment", "17", "2,000.00"],
    ["10-Nov-26", "By ICICI Bank A/c", "Contra", "5", "50,000.00"],
    ["20-Nov-26", "To Cash", "Contra", "6", "15,000.00"],
    ["25-Nov-26", "By Salary Payable", "Journal", "3", "8,000.00"],
    ["28-Nov-26", "To Om Sai Logistics", "Receipt", "42", "12,50,000.50"],
    ["", "Closing Balance", "", "", "13,10,000.50"],
]


def test_one_unsigned_amount_takes_its_side_from_to_and_by(
    tmp_path: Path, xlsx: Callable[..., Path], capsys: pytest.CaptureFixture[str]
) -> None:
    books = write_csv(tmp_path / "hdfc-ledger.csv", ONE_AMOUNT_TO_BY)
    lines = read_ledger(str(books))
    assert lines.issues == []
    by_voucher = lines.frame.set_index("voucher_no")
    assert by_voucher[["particulars", "debit", "credit"]].to_dict("index") == {
        "41": {"particulars": "Balaji Traders", "debit": 500000, "credit": 0},
        "17": {"particulars": "Kaveri Home Needs", "debit": 0, "credit": 200000},
        "5": {"particulars": "ICICI Bank A/c", "debit": 0, "credit": 5000000},
        "6": {"particulars": "Cash", "debit": 1500000, "credit": 0},
        "3": {"particulars": "Salary Payable", "debit": 0, "credit": 800000},
        "42": {"particulars": "Om Sai Logistics", "debit": 125000050, "credit": 0},
    }
    assert (lines.opening, lines.closing) == (10000000, 131000050)

    statement = [
        *STATEMENT[:6],
        [
            "10/11/26",
            "IB FUNDS TRANSFER DR-ICICI BANK-SAHYADRI",
            "",
            "10/11/26",
            50000,
            None,
            53000,
        ],
        ["20/11/26", "CASH DEPOSIT BY SELF-PUNE BANER", "", "20/11/26", None, 15000, 68000],
        [
            "25/11/26",
            "NEFT DR-SBIN0001234-RAMESH KULKARNI-SALARY",
            "",
            "25/11/26",
            8000,
            None,
            60000,
        ],
        ["30/11/26", "CREDIT INTEREST", "", "30/11/26", None, 812, 60812],
    ]
    bank = xlsx({"Statement": statement}, name="statement.xlsx")
    code, said, brs = reconcile(tmp_path, books, bank, capsys)
    assert "5 matches, 1 bank and 1 ledger lines unmatched" in said
    assert brs["Balance as per books (ledger)"] == 1310000.50
    assert brs["Total receipts in the books not yet credited"] == 1250000.50
    assert brs["Difference"] == 0
    assert code == 0


NAMES_THAT_BEGIN_WITH_DR = [
    *TITLE,
    ["Date", "Particulars", "Vch Type", "Vch No.", "Amount"],
    ["1-Nov-26", "Opening Balance", "", "", "1,00,000.00"],
    ["2-Nov-26", "Dr Reddy's Laboratories", "Payment", "17", "2,000.00"],
    ["3-Nov-26", "Balaji Traders", "Receipt", "41", "5,000.00"],
    ["28-Nov-26", "Om Sai Logistics", "Receipt", "42", "12,50,000.50"],
    ["", "Closing Balance", "", "", "13,53,000.50"],
]


def test_a_name_that_begins_with_dr_says_no_side(tmp_path: Path) -> None:
    lines = read_ledger(str(write_csv(tmp_path / "hdfc-ledger.csv", NAMES_THAT_BEGIN_WITH_DR)))
    by_voucher = lines.frame.set_index("voucher_no")
    assert by_voucher.loc["17", ["particulars", "debit", "credit"]].tolist() == [
        "Dr Reddy's Laboratories",
        0,
        200000,
    ]
    assert (lines.opening, lines.closing) == (10000000, 135300050)


# -- dates as a CSV saved from Excel writes them ---------------------------------------------------
# Tally's .xlsx opened in Excel and saved as CSV: a date column that lost its format keeps each
# day as its serial (46328 is 2 Nov 2026); one formatted `d-mmm` keeps no year.

HEADER = ["Date", "Particulars", "Vch Type", "Vch No.", "Debit", "Credit"]


def month_with_dates(days: list[str]) -> list[list[Any]]:
    return [
        *TITLE,
        HEADER,
        [days[0], "Opening Balance", "", "", "1,00,000.00", ""],
        [days[1], "To Balaji Traders", "Receipt", "41", "5,000.00", ""],
        [days[2], "By Kaveri Home Needs", "Payment", "17", "", "2,000.00"],
        [days[3], "To Om Sai Logistics", "Receipt", "42", "12,50,000.50", ""],
        ["", "Closing Balance", "", "", "13,53,000.50", ""],
    ]


@pytest.mark.parametrize(
    "days",
    [["46327", "46328", "46330", "46354"], ["1-Nov", "2-Nov", "4-Nov", "28-Nov"]],
    ids=["serials", "no-year"],
)
def test_dates_of_a_csv_saved_from_excel(
    tmp_path: Path,
    xlsx: Callable[..., Path],
    capsys: pytest.CaptureFixture[str],
    days: list[str],
) -> None:
    books = write_csv(tmp_path / "hdfc-ledger.csv", month_with_dates(days))
    lines = read_ledger(str(books))
    assert lines.issues == []
    assert lines.frame["date"].tolist() == [
        date(2026, 11, 2),
        date(2026, 11, 4),
        date(2026, 11, 28),
    ]
    assert (lines.opening, lines.closing) == (10000000, 135300050)
    bank = xlsx({"Statement": STATEMENT}, name="statement.xlsx")
    code, said, brs = reconcile(tmp_path, books, bank, capsys)
    assert "2 matches, 1 bank and 1 ledger lines unmatched" in said
    assert brs["Difference"] == 0
    assert code == 0


def test_a_date_without_its_year_takes_the_year_of_the_ledgers_period(tmp_path: Path) -> None:
    rows = [
        ["Sahyadri Tradelinks Pvt Ltd"],
        ["Ledger: HDFC Bank A/c"],
        ["1-Apr-2026 to 31-Mar-2027"],
        HEADER,
        ["1-Apr", "Opening Balance", "", "", "1,00,000.00", ""],
        ["28-Dec", "To Balaji Traders", "Receipt", "41", "5,000.00", ""],
        ["3-Jan", "By Kaveri Home Needs", "Payment", "17", "", "2,000.00"],
        ["", "Closing Balance", "", "", "1,03,000.00", ""],
    ]
    lines = read_ledger(str(write_csv(tmp_path / "hdfc-ledger.csv", rows)))
    assert lines.issues == []
    assert lines.frame["date"].tolist() == [date(2026, 12, 28), date(2027, 1, 3)]


# -- a workbook of several banks' Ledger Vouchers, a sheet each ---------------------------------
# `--account` names the one to reconcile; the first sheet was read whatever it named, and its
# BRS tied against the other bank's statement.


def bank_ledger(name: str, receipt: float) -> list[list[Any]]:
    """The month's ledger of the bank `name`, Balaji's receipt `receipt`."""
    closing = 100000 + receipt - 2000 + 1250000.50
    return [
        ["Sahyadri Tradelinks Pvt Ltd"],
        [f"Ledger: {name}"],
        ["1-Nov-2026 to 30-Nov-2026"],
        HEADER,
        [date(2026, 11, 1), "Opening Balance", None, None, 100000, None],
        [date(2026, 11, 2), "To Balaji Traders", "Receipt", "41", receipt, None],
        [date(2026, 11, 4), "By Kaveri Home Needs", "Payment", "17", None, 2000],
        [date(2026, 11, 28), "To Om Sai Logistics", "Receipt", "42", 1250000.50, None],
        [None, "By Closing Balance", None, None, None, closing],
        [None, "Total", None, None, closing + 2000, closing + 2000],
    ]


SEVERAL_BANKS = {
    "HDFC": bank_ledger("HDFC Bank A/c 50200012345678", 7000),
    "ICICI": bank_ledger("ICICI Bank A/c 000405012345", 5000),
}


def test_account_names_the_sheet_of_its_ledger(
    tmp_path: Path, xlsx: Callable[..., Path], capsys: pytest.CaptureFixture[str]
) -> None:
    books = xlsx(SEVERAL_BANKS, name="bank-ledgers.xlsx")
    lines = read_ledger(str(books), "ICICI Bank A/c")
    assert (lines.sheet, lines.account) == ("ICICI", "ICICI Bank A/c 000405012345")
    assert lines.frame["debit"].tolist() == [500000, 0, 125000050]
    assert read_ledger(str(books)).sheet == "HDFC"  # without --account, the first as before
    statement = [["ICICI BANK"], ["Account Number 000405012345"], *STATEMENT[1:]]
    bank = xlsx({"Statement": statement}, name="statement.xlsx")
    out = tmp_path / "brs.xlsx"
    args = ["--bank", str(bank), "--ledger", str(books), "--account", "ICICI Bank A/c"]
    code = main(["reconcile", *args, "--out", str(out)])
    said = capsys.readouterr().out
    assert "2 matches, 1 bank and 1 ledger lines unmatched" in said
    assert "BRS difference 0.00" in said
    brs = {r[1]: r[4] for r in openpyxl.load_workbook(out)["BRS"].iter_rows(values_only=True)}
    assert brs["Balance as per books (ledger)"] == 1353000.50
    assert code == 0


def test_without_account_the_sheet_naming_the_statements_account_is_read(
    tmp_path: Path, xlsx: Callable[..., Path], capsys: pytest.CaptureFixture[str]
) -> None:
    """ICICI's statement against the workbook of both banks' ledgers, HDFC's sheet first and no
    --account: the ICICI sheet, whose title names the statement's account, is read, and the
    Issues sheet says so. Before, HDFC's lines were reconciled against ICICI's statement."""
    books = xlsx(SEVERAL_BANKS, name="bank-ledgers.xlsx")
    statement = [["ICICI BANK"], ["Account Number 000405012345"], *STATEMENT[1:]]
    bank = xlsx({"Statement": statement}, name="statement.xlsx")
    out = tmp_path / "brs.xlsx"
    code = main(["reconcile", "--bank", str(bank), "--ledger", str(books), "--out", str(out)])
    said = capsys.readouterr().out
    assert "2 matches, 1 bank and 1 ledger lines unmatched" in said
    assert "BRS difference 0.00" in said and "1 reading note(s)" in said
    book = openpyxl.load_workbook(out)
    brs = {r[1]: r[4] for r in book["BRS"].iter_rows(values_only=True)}
    assert brs["Balance as per books (ledger)"] == 1353000.50
    assert book["BRS"]["A3"].value == "ICICI Bank A/c 000405012345"
    notes = list(book["Issues"].iter_rows(values_only=True))[1:]
    assert [(n[0], n[1]) for n in notes] == [("Info", "ICICI")]
    assert (
        "sheet 'ICICI' (ICICI Bank A/c 000405012345) was read, as its title names the "
        "statement's account"
    ) in notes[0][4]
    assert "not the first sheet 'HDFC'" in notes[0][4]
    assert code == 0  # the BRS ties: a note asks nothing of the user
    # the HDFC statement reads the first sheet, HDFC's own, with nothing to say
    hdfc = [["HDFC BANK"], ["Account Number 50200012345678"], *STATEMENT[1:]]
    bank = xlsx({"Statement": hdfc}, name="hdfc.xlsx")
    main(["reconcile", "--bank", str(bank), "--ledger", str(books), "--out", str(out)])
    assert "reading note" not in capsys.readouterr().out
    assert openpyxl.load_workbook(out)["BRS"]["A3"].value == "HDFC Bank A/c 50200012345678"


def test_without_account_the_sheet_of_the_statements_month_and_account_is_read(
    tmp_path: Path, xlsx: Callable[..., Path], capsys: pytest.CaptureFixture[str]
) -> None:
    """helper-114: a workbook of the books' months, a sheet each (`October 2026`, `November
    2026`), against November's statement. Before, the first sheet, October's, was read."""

    def month(when: str, number: int) -> list[list[Any]]:
        rows = bank_ledger("HDFC Bank A/c 50200012345678", 7000)
        dated = [
            [date(2026, number, r[0].day), *r[1:]] if isinstance(r[0], date) else r
            for r in rows[3:]
        ]
        return [rows[0], rows[1], [when], *dated]

    statement = [["HDFC BANK"], ["Account Number 50200012345678"], *STATEMENT[1:]]
    bank = xlsx({"Statement": statement}, name="statement.xlsx")
    sheets = {"Oct-26": month("October 2026", 10), "Nov-26": month("November 2026", 11)}
    books = xlsx(sheets, name="months.xlsx")
    out = tmp_path / "brs.xlsx"
    main(["reconcile", "--bank", str(bank), "--ledger", str(books), "--out", str(out)])
    assert "BRS difference 0.00" in capsys.readouterr().out
    book = openpyxl.load_workbook(out)
    notes = list(book["Issues"].iter_rows(values_only=True))[1:]
    assert [n[1] for n in notes] == ["Nov-26"]
    assert "as its dates are the statement's, not the first sheet 'Oct-26'" in notes[0][4]
    matches = list(book["Matches"].iter_rows(values_only=True))[1:]
    assert matches and all(r[9].month == 11 for r in matches)  # November's vouchers


def _chosen(
    tmp_path: Path,
    xlsx: Callable[..., Path],
    statement_heading: list[list[Any]],
    sheets: dict[str, list[list[Any]]],
    capsys: pytest.CaptureFixture[str],
) -> tuple[int, str, list[tuple[Any, ...]], str]:
    """Reconcile a statement under `statement_heading` against a workbook of `sheets`, no
    --account: (exit code, the sheet read as the BRS's heading names it, the Issues notes,
    what was printed)."""
    bank = xlsx({"Statement": [*statement_heading, *STATEMENT[1:]]}, name="statement.xlsx")
    books = xlsx(sheets, name="bank-ledgers.xlsx")
    out = tmp_path / "brs.xlsx"
    code = main(["reconcile", "--bank", str(bank), "--ledger", str(books), "--out", str(out)])
    book = openpyxl.load_workbook(out)
    notes = list(book["Issues"].iter_rows(values_only=True))[1:]
    return code, str(book["BRS"]["A3"].value), notes, capsys.readouterr().out


def test_without_account_numbers_the_sheet_of_the_statements_bank_is_read(
    tmp_path: Path, xlsx: Callable[..., Path], capsys: pytest.CaptureFixture[str]
) -> None:
    """helper-114 (c20e): no title gives a number, on either side; the statement is headed
    HDFC BANK Ltd. and the books' sheets are titled ICICI's, HDFC's and SBI's Current A/c.
    Before, the first, ICICI's, was read: 2,00,000.00 off."""
    sheets = {
        "ICICI": bank_ledger("ICICI Bank Current A/c", 5000),
        "HDFC": bank_ledger("HDFC Bank Current A/c", 7000),
        "SBI": bank_ledger("State Bank of India", 9000),
    }
    heading = [["HDFC BANK Ltd."], ["M/S. AXIS TRADERS PVT LTD"]]  # the holder names no bank
    code, read, notes, said = _chosen(tmp_path, xlsx, heading, sheets, capsys)
    assert read == "HDFC Bank Current A/c"
    assert "BRS difference 0.00" in said and code == 0
    assert [(n[0], n[1]) for n in notes] == [("Info", "HDFC")]
    assert (
        "as its title names the statement's bank, HDFC Bank, not the first sheet 'ICICI'"
        in (notes[0][4])
    )
    # an IFSC in the heading says the bank as well
    heading = [["Statement of account"], ["IFSC Code : SBIN0004567"]]
    assert _chosen(tmp_path, xlsx, heading, sheets, capsys)[1] == "State Bank of India"


def test_the_sheets_name_gives_its_account_number_and_its_bank(
    tmp_path: Path, xlsx: Callable[..., Path], capsys: pytest.CaptureFixture[str]
) -> None:
    """helper-114 (c21c, c22a): bank books whose titles say only `Bank Book`, the sheets named
    `ICICI 000405012345` and `HDFC 50200012345678`; and sheets named by bank alone whose
    numbers both end in the four digits a masked statement shows."""
    sheets = {
        "ICICI 000405012345": bank_ledger("Bank Book", 5000),
        "HDFC 50200012345678": bank_ledger("Bank Book", 7000),
    }
    heading = [["Account Statement"], ["Account Number 50200012345678"]]
    code, read, notes, _ = _chosen(tmp_path, xlsx, heading, sheets, capsys)
    assert code == 0 and [n[1] for n in notes] == ["HDFC 50200012345678"]
    assert "as its sheet's name names the statement's account, 50200012345678" in notes[0][4]
    sheets = {
        "ICICI": bank_ledger("ICICI Bank A/c 000405015678", 5000),
        "HDFC": bank_ledger("HDFC Bank A/c 50200012345678", 7000),
    }
    heading = [["HDFC BANK Ltd."], ["Account Number XXXXXXXXXX5678"]]
    code, read, notes, _ = _chosen(tmp_path, xlsx, heading, sheets, capsys)
    assert code == 0 and read.startswith("HDFC Bank A/c 50200012345678")
    assert "names the statement's bank, HDFC Bank" in notes[0][4]


def test_an_account_no_sheet_names_is_refused_naming_the_ledgers_found(
    tmp_path: Path, xlsx: Callable[..., Path], capsys: pytest.CaptureFixture[str]
) -> None:
    books = xlsx(SEVERAL_BANKS, name="bank-ledgers.xlsx")
    bank = xlsx({"Statement": STATEMENT}, name="statement.xlsx")
    args = ["--bank", str(bank), "--ledger", str(books), "--account", "Axis Bank A/c"]
    code = main(["reconcile", *args, "--out", str(tmp_path / "brs.xlsx")])
    said = capsys.readouterr()
    assert code == 2
    assert (
        "--account 'Axis Bank A/c' names no ledger account in bank-ledgers.xlsx; the accounts "
        "found are: 'HDFC Bank A/c 50200012345678', 'ICICI Bank A/c 000405012345'. Give the "
        "bank ledger's name as the books spell it."
    ) in said.out + said.err
    assert not (tmp_path / "brs.xlsx").exists()
    # a workbook of one ledger is read whatever its title says, as before
    one = xlsx({"HDFC": SEVERAL_BANKS["HDFC"]}, name="hdfc-ledger.xlsx")
    assert read_ledger(str(one), "Axis Bank A/c").account == "HDFC Bank A/c 50200012345678"


# -- an opening balance that cannot be read -------------------------------------------------------
# It was read as 0.00 and said nowhere: the BRS was 1,00,000.00 off with no cell to look at.


def test_an_unreadable_opening_balance_is_said_not_taken_as_nil(
    tmp_path: Path, xlsx: Callable[..., Path], capsys: pytest.CaptureFixture[str]
) -> None:
    rows = [
        *TITLE,
        HEADER,
        ["1-Nov-26", "To Opening Balance", "", "", "1,00,00O.00", ""],  # a letter O for a nought
        ["2-Nov-26", "To Balaji Traders", "Receipt", "41", "5,000.00", ""],
        ["4-Nov-26", "By Kaveri Home Needs", "Payment", "17", "", "2,000.00"],
        ["28-Nov-26", "To Om Sai Logistics", "Receipt", "42", "12,50,000.50", ""],
        ["", "By Closing Balance", "", "", "", "13,53,000.50"],
        ["", "Total", "", "", "13,55,000.50", "13,55,000.50"],
    ]
    books = write_csv(tmp_path / "hdfc-ledger.csv", rows)
    lines = read_ledger(str(books))
    assert lines.opening is None
    assert lines.closing == 135300050
    assert [(i.cell, i.value) for i in lines.issues] == [("E6", "1,00,00O.00")]
    assert "'1,00,00O.00' is not an amount" in lines.issues[0].problem
    assert len(lines.frame) == 3
    bank = xlsx({"Statement": STATEMENT}, name="statement.xlsx")
    code, said, brs = reconcile(tmp_path, books, bank, capsys)
    assert "1 unreadable cells" in said
    # the cell is on the Issues sheet and the run fails until it is fixed; the month's lines
    # still pair and the BRS stands on the statement's opening, saying so
    assert "2 matches, 1 bank and 1 ledger lines unmatched" in said
    assert "1 unreadable cells, 1 warning(s) on the Issues sheet; BRS difference 0.00" in said
    assert "The ledger states no opening balance" in said
    assert brs["Balance as per books (ledger)"] == 1353000.50
    assert code == 1


# -- a page break between a voucher and its narration -------------------------------------------
# Tally ends a page with `Carried Over` (the page's totals), writes the title and header again
# and opens the next page with `Brought Forward`; a voucher's narration may fall under that.
# It was attached to nothing: Balaji's cheque number never reached its line, and the cheque
# deposited was paired by amount alone where it is paired by its number.

PAGE_HEAD = [
    ["Sahyadri Tradelinks Pvt Ltd"],
    ["HDFC Bank A/c 50200012345678"],
    ["Ledger Account"],
    ["1-Nov-2026 to 30-Nov-2026"],
    HEADER,
]

NARRATION_OVER_THE_PAGE = [
    *PAGE_HEAD,
    ["1-Nov-2026", "Opening Balance", "", "", "1,00,000.00", ""],
    ["2-Nov-2026", "To Balaji Traders", "Receipt", "41", "5,000.00", ""],
    ["", "Carried Over", "", "", "1,05,000.00", ""],
    *PAGE_HEAD,
    ["", "Brought Forward", "", "", "1,05,000.00", ""],
    ["", "Ch. No. : 123456", "", "", "", ""],
    ["4-Nov-2026", "By Kaveri Home Needs", "Payment", "17", "", "2,000.00"],
    ["", "NEFT to Kaveri Home Needs UTR HDFCN52026110412345", "", "", "", ""],
    ["28-Nov-2026", "To Om Sai Logistics", "Receipt", "42", "12,50,000.50", ""],
    ["", "Carried Over", "", "", "13,55,000.50", "2,000.00"],
    *PAGE_HEAD,
    ["", "Brought Forward", "", "", "13,55,000.50", "2,000.00"],
    ["", "Being freight refund against Inv 77", "", "", "", ""],
    ["", "By Closing Balance", "", "", "", "13,53,000.50"],
    ["", "Total", "", "", "13,55,000.50", "13,55,000.50"],
]


def test_a_narration_under_brought_forward_is_the_voucher_above_carried_over(
    tmp_path: Path, xlsx: Callable[..., Path], capsys: pytest.CaptureFixture[str]
) -> None:
    books = write_csv(tmp_path / "hdfc-ledger.csv", NARRATION_OVER_THE_PAGE)
    lines = read_ledger(str(books))
    assert lines.issues == []
    # the Carried Over and Brought Forward rows are no lines, their totals not counted
    assert lines.frame["row"].tolist() == [7, 16, 18]
    assert lines.frame["voucher_no"].tolist() == ["41", "17", "42"]
    assert lines.frame["date"].tolist() == [
        date(2026, 11, 2),
        date(2026, 11, 4),
        date(2026, 11, 28),
    ]
    assert lines.frame["debit"].tolist() == [500000, 0, 125000050]
    assert lines.frame["credit"].tolist() == [0, 200000, 0]
    assert lines.frame["narration"].tolist() == [
        "Ch. No. : 123456",
        "NEFT to Kaveri Home Needs UTR HDFCN52026110412345",
        "Being freight refund against Inv 77",
    ]
    assert (lines.opening, lines.closing) == (10000000, 135300050)

    bank = xlsx({"Statement": STATEMENT}, name="statement.xlsx")
    code, said, brs = reconcile(tmp_path, books, bank, capsys)
    assert "2 matches, 1 bank and 1 ledger lines unmatched" in said
    with (tmp_path / "brs-matches.csv").open(encoding="utf-8-sig") as handle:
        why = {row["Particulars"]: row["Why"] for row in csv.DictReader(handle)}
    assert why["Balaji Traders"].startswith("reference 123456 on both sides")
    assert brs["Balance as per books (ledger)"] == 1353000.50
    assert brs["Difference"] == 0
    assert code == 0


# -- a closing balance with no Total line and no opening balance ----------------------------------
# A bank account opened this month: Tally writes no Opening Balance row for a nil opening, and
# this export no Total line, only the Closing Balance in the column of its side. It was read on
# the other side (as under a Total line): 3,000.00 in the bank by the books came out an
# overdraft of 3,000.00, and an overdraft a balance in hand.

NEW_ACCOUNT_HEAD = [
    ["Sahyadri Tradelinks Pvt Ltd"],
    ["ICICI Bank A/c 000405012345"],
    ["Ledger Account"],
    ["1-Nov-2026 to 30-Nov-2026"],
]


@pytest.mark.parametrize(
    ("header", "body", "closing"),
    [
        (
            HEADER,
            [
                ["2-Nov-2026", "To Balaji Traders", "Receipt", "41", "5,000.00", ""],
                ["4-Nov-2026", "By Kaveri Home Needs", "Payment", "17", "", "2,000.00"],
                ["", "Closing Balance", "", "", "3,000.00", ""],
            ],
            300000,
        ),
        (
            HEADER,
            [
                ["2-Nov-2026", "To Balaji Traders", "Receipt", "41", "5,000.00", ""],
                ["4-Nov-2026", "By Kaveri Home Needs", "Payment", "17", "", "12,000.00"],
                ["", "Closing Balance", "", "", "", "7,000.00"],
            ],
            -700000,
        ),
        (
            ["Date", "Particulars", "Vch Type", "Vch No.", "Amount"],
            [
                ["2-Nov-2026", "Balaji Traders", "Receipt", "41", "5,000.00 Dr"],
                ["4-Nov-2026", "Kaveri Home Needs", "Payment", "17", "2,000.00 Cr"],
                ["", "Closing Balance", "", "", "3,000.00 Dr"],
            ],
            300000,
        ),
    ],
    ids=["debit-balance", "overdraft", "one-amount-dr"],
)
def test_a_closing_balance_with_no_total_and_no_opening_is_on_its_columns_side(
    tmp_path: Path, header: list[str], body: list[list[str]], closing: int
) -> None:
    books = write_csv(tmp_path / "icici-ledger.csv", [*NEW_ACCOUNT_HEAD, header, *body])
    lines = read_ledger(str(books))
    assert lines.issues == []
    assert len(lines.frame) == 2
    assert lines.frame["particulars"].tolist() == ["Balaji Traders", "Kaveri Home Needs"]
    assert (lines.opening, lines.closing) == (None, closing)
    # a nil opening and the month's lines make the stated closing
    assert int(lines.frame["debit"].sum() - lines.frame["credit"].sum()) == closing


# -- cancelled vouchers -------------------------------------------------------------------------
# Tally keeps a cancelled voucher's date, type and number and writes `(cancelled)` for its party
# (or after the party or the voucher type), with no amount. One of the same day whose date the export leaves out was read
# as the narration of the voucher above it: Kaveri's NEFT payment took the spoilt cheque's number
# and could no longer pair with the bank's NEFT.

CANCELLED_VOUCHERS = [
    *PAGE_HEAD,
    ["1-Nov-2026", "Opening Balance", "", "", "1,00,000.00", ""],
    ["2-Nov-2026", "To Balaji Traders", "Receipt", "41", "5,000.00", ""],
    ["", "Ch. No. : 123456", "", "", "", ""],
    ["3-Nov-2026", "By (cancelled)", "Payment", "16", "", ""],
    ["4-Nov-2026", "By Kaveri Home Needs", "Payment", "17", "", "2,000.00"],
    ["", "(cancelled)", "Payment", "18", "", ""],
    ["", "Ch. No. : 000461", "", "", "", ""],
    ["", "Cheque spoilt while writing", "", "", "", ""],
    ["10-Nov-2026", "To Balaji Traders (cancelled)", "Receipt", "43", "", ""],
    ["28-Nov-2026", "To Om Sai Logistics", "Receipt", "42", "12,50,000.50", ""],
    ["", "By Ramesh Kulkarni", "Payment (Cancelled)", "19", "", ""],
    ["", "Ch. No. : 000462", "", "", "", ""],
    ["", "By Closing Balance", "", "", "", "13,53,000.50"],
    ["", "Total", "", "", "13,55,000.50", "13,55,000.50"],
]


def test_cancelled_vouchers_are_no_lines_and_lend_nothing_to_the_one_above(
    tmp_path: Path, xlsx: Callable[..., Path], capsys: pytest.CaptureFixture[str]
) -> None:
    books = write_csv(tmp_path / "hdfc-ledger.csv", CANCELLED_VOUCHERS)
    lines = read_ledger(str(books))
    assert lines.issues == []  # nothing the user can do about a cancelled voucher
    assert lines.frame["voucher_no"].tolist() == ["41", "17", "42"]
    assert lines.frame["narration"].tolist() == ["Ch. No. : 123456", "", ""]
    assert lines.frame["credit"].tolist() == [0, 200000, 0]
    assert (lines.opening, lines.closing) == (10000000, 135300050)

    bank = xlsx({"Statement": STATEMENT}, name="statement.xlsx")
    code, said, brs = reconcile(tmp_path, books, bank, capsys)
    assert "2 matches, 1 bank and 1 ledger lines unmatched" in said
    assert brs["Balance as per books (ledger)"] == 1353000.50
    assert brs["Difference"] == 0
    assert code == 0


# -- optional and memorandum vouchers -------------------------------------------------------------
# Tally posts neither to any ledger: its Closing Balance and Total leave them out. A Ledger
# Vouchers report asked to show optional vouchers writes them among the rest, an optional one
# with `(Optional)` after its voucher type, a memorandum one of type `Memorandum`. Read as book
# lines, the ledger's own opening and lines no longer made its closing, and the BRS listed a
# payment and a receipt that will never reach the bank.

OUTSIDE_THE_BOOKS = [
    *PAGE_HEAD,
    ["1-Nov-2026", "Opening Balance", "", "", "1,00,000.00", ""],
    ["2-Nov-2026", "To Balaji Traders", "Receipt", "41", "5,000.00", ""],
    ["", "Ch. No. : 123456", "", "", "", ""],
    ["3-Nov-2026", "By Shree Ganesh Stationers", "Payment (Optional)", "18", "", "3,000.00"],
    ["", "Ch. No. : 000460 to be handed over on delivery", "", "", "", ""],
    ["4-Nov-2026", "By Kaveri Home Needs", "Payment", "17", "", "2,000.00"],
    ["15-Nov-2026", "To Om Sai Logistics", "Memorandum", "1", "50,000.00", ""],
    ["", "Being advance expected against PO 77", "", "", "", ""],
    ["28-Nov-2026", "To Om Sai Logistics", "Receipt", "42", "12,50,000.50", ""],
    ["", "By Closing Balance", "", "", "", "13,53,000.50"],
    ["", "Total", "", "", "13,55,000.50", "13,55,000.50"],
]


def test_optional_and_memorandum_vouchers_are_left_out_and_named(
    tmp_path: Path, xlsx: Callable[..., Path], capsys: pytest.CaptureFixture[str]
) -> None:
    books = write_csv(tmp_path / "hdfc-ledger.csv", OUTSIDE_THE_BOOKS)
    lines = read_ledger(str(books))
    assert lines.frame["voucher_no"].tolist() == ["41", "17", "42"]
    assert lines.frame["particulars"].tolist() == [
        "Balaji Traders",
        "Kaveri Home Needs",
        "Om Sai Logistics",
    ]
    assert (lines.opening, lines.closing) == (10000000, 135300050)
    debits, credits = int(lines.frame["debit"].sum()), int(lines.frame["credit"].sum())
    assert lines.opening + debits - credits == lines.closing  # the ledger's own arithmetic
    assert [(i.severity, i.cell, i.value) for i in lines.issues] == [
        ("Warning", "C9", "Payment (Optional)"),
        ("Warning", "C12", "Memorandum"),
    ]
    assert lines.issues[0].problem.startswith(
        "Row 9: an optional voucher (Payment (Optional) 18, 3,000.00 Cr) is not in the books"
    )
    assert lines.issues[1].problem.startswith(
        "Row 12: a memorandum voucher (Memorandum 1, 50,000.00 Dr) is not in the books"
    )

    bank = xlsx({"Statement": STATEMENT}, name="statement.xlsx")
    code, said, brs = reconcile(tmp_path, books, bank, capsys)
    assert "2 matches, 1 bank and 1 ledger lines unmatched" in said
    assert "2 warning(s) on the Issues sheet" in said
    assert "is not its opening balance" not in said
    assert brs["Balance as per books (ledger)"] == 1353000.50
    assert brs["Total receipts in the books not yet credited"] == 1250000.50
    assert brs["Difference"] == 0
    assert code == 1  # the notes are to be looked at


def test_an_account_the_one_ledgers_title_does_not_name_is_warned_of(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """`--account "Indian Bank A/c"` against a one-sheet export titled `Ledger: HDFC Bank A/c`
    (helper-116, c12): the ledger is read (a title may be misread), but no longer in silence,
    and the run does not exit 0 as though all were well."""
    books = write_csv(tmp_path / "books.csv", BALANCES_WHERE_THE_DATES_GO)
    statement = tmp_path / "bank.xlsx"
    sheet = openpyxl.Workbook()
    for row in STATEMENT:
        sheet.active.append(row)
    sheet.save(statement)
    out = tmp_path / "brs.xlsx"
    argv = ["reconcile", "--bank", str(statement), "--ledger", str(books), "--out", str(out)]
    code = main([*argv, "--account", "Indian Bank A/c"])
    assert code == 1 and "1 warning(s) on the Issues sheet" in capsys.readouterr().out
    said = [
        " ".join(str(c) for c in row if c)
        for row in openpyxl.load_workbook(out)["Issues"].iter_rows(values_only=True)
    ]
    assert any(
        "--account 'Indian Bank A/c' was given, but the ledger's title names 'HDFC Bank A/c', "
        "the only ledger in books.csv: it was reconciled as that account's" in line
        for line in said
    ), said
    assert main([*argv, "--account", "HDFC Bank A/c"]) == 0
