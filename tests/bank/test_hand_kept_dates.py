"""Dates as a bank book or statement kept by hand writes them: the day of the month alone
(`1`, `2`, … `30`, numbers or text) under a title that names the month (`For the month of
November 2026`, `Bank Book - November 2026`) or on a sheet named for it (`Nov-26`), and a ditto
mark (`"`, `do`, `-do-`, `〃`, `,,`) for the date of the row above. Before, the day numbers were
read as Excel serials (3 January 1900: the BRS was 'as on 30 January 1900' and matched nothing),
a day number written as text and every ditto mark were 'not a date' and their lines left out.

Every book here holds the same November: opening 5,00,000.00; receipts of 2,50,000.00 (the 3rd)
and 45,000.00 (the 7th); payments of 8,432.75 (the 10th) and 62,500.00 (the 20th, a cheque not
yet presented); closing 7,24,067.25. The bank adds SMS charges of 17.70 on the 30th."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, datetime
from pathlib import Path
from typing import Any

import openpyxl
import pytest

from xlbo.cli import main
from xlbo.issues import Severity
from xlbo.readers.ledger import read_ledger
from xlbo.readers.statement import read_statement

NOVEMBER = (date(2026, 11, 1), date(2026, 11, 30))
HEADER = ["Date", "Particulars", "Receipts", "Payments"]


def book_rows(days: list[Any]) -> list[list[Any]]:
    """The bank book's rows under its header, dated by `days` (opening, four entries, c/d)."""
    entries = [
        ("To Balance b/d", 500000, None),
        ("To Om Sai Traders", 250000, None),
        ("To Sharma Enterprises", 45000, None),
        ("By BESCOM Electricity", None, 8432.75),
        ("By Lakshmi Steels Chq 000125", None, 62500),
        ("By Balance c/d", None, 724067.25),
    ]
    return [[day, *entry] for day, entry in zip(days, entries, strict=True)]


DAYS = [1, 3, "7", 10, "20", 30]  # numbers, and numbers typed as text


def statement_rows(days: list[Any]) -> list[list[Any]]:
    return [
        ["Date", "Narration", "Withdrawal", "Deposit", "Balance"],
        [days[0], "NEFT CR-OM SAI TRADERS-N305260012345", None, 250000, 750000],
        [days[1], "CHQ DEP 112233 SHARMA ENTERPRISES", None, 45000, 795000],
        [days[2], "NEFT DR-BESCOM-N314260098765", 8432.75, None, 786567.25],
        [days[3], "SMS CHARGES", 17.70, None, 786549.55],
    ]


def assert_novembers_book(lines: Any) -> None:
    frame = lines.frame
    assert frame["date"].tolist() == [
        date(2026, 11, 3),
        date(2026, 11, 7),
        date(2026, 11, 10),
        date(2026, 11, 20),
    ]
    assert frame["debit"].tolist() == [25000000, 4500000, 0, 0]
    assert frame["credit"].tolist() == [0, 0, 843275, 6250000]
    assert (lines.opening, lines.closing) == (50000000, 72406725)
    assert lines.issues == []


@pytest.mark.parametrize(
    "title", ["Bank Book - November 2026", "For the month of November 2026", "November 2026"]
)
def test_a_bank_books_day_numbers_are_days_of_the_month_its_title_names(
    xlsx: Callable[..., Path], title: str
) -> None:
    path = xlsx({"Bank Book": [["KAVERI TRADERS"], [title], HEADER, *book_rows(DAYS)]})
    lines = read_ledger(str(path))
    assert_novembers_book(lines)
    assert lines.period == NOVEMBER  # the title's month is the ledger's period


def test_a_bank_books_day_numbers_take_the_month_of_the_sheets_name(
    xlsx: Callable[..., Path],
) -> None:
    path = xlsx({"Nov-26": [["KAVERI TRADERS"], ["Bank Book"], HEADER, *book_rows(DAYS)]})
    assert_novembers_book(read_ledger(str(path)))


def test_day_numbers_without_a_month_anywhere_are_said_cell_by_cell_never_dated_1900(
    xlsx: Callable[..., Path],
) -> None:
    path = xlsx({"Bank Book": [["KAVERI TRADERS"], ["Bank Book"], HEADER, *book_rows(DAYS)]})
    lines = read_ledger(str(path))
    assert lines.frame.empty
    errors = [i for i in lines.issues if i.severity is Severity.ERROR]
    assert [i.cell for i in errors] == ["A5", "A6", "A7", "A8"]
    assert errors[1].problem == (
        "Row 6: '7' is a day of the month alone, and neither the sheet's title nor its name "
        "gives a month it falls in (For the month of November 2026, a sheet named Nov-26); "
        "write the month in the title above the table, or the dates in full (dd-mm-yyyy)"
    )
    assert errors[0].problem.startswith("Row 5: '3' is a day of the month alone")


def test_a_day_the_month_does_not_have_is_said(xlsx: Callable[..., Path]) -> None:
    days = [1, 3, 7, 10, 31, 30]  # no 31 November
    path = xlsx({"Bank Book": [["Bank Book - November 2026"], HEADER, *book_rows(days)]})
    lines = read_ledger(str(path))
    assert len(lines.frame) == 3
    [issue] = lines.issues
    assert issue.cell == "A7"
    assert issue.problem.startswith("Row 7: '31' is a day of the month alone")


def test_a_two_sided_books_day_numbers_under_a_first_date_without_its_year(
    xlsx: Callable[..., Path],
) -> None:
    """The hostile tester's c11b: `Nov 1` and `Nov 2` on the first row of each side, the days
    alone below, the month in the title."""
    rows = [
        ["KAVERI TRADERS"],
        ["Bank Book (HDFC Bank A/c 50200012345678)"],
        ["For the month of November 2026"],
        ["Dr.", None, None, None, None, None, None, "Cr."],
        ["Date", "Particulars", "V.No.", "Amount (Rs.)", "Date", "Particulars", "V.No.", "Amount (Rs.)"],
        ["Nov 1", "To Balance b/d", None, 500000, "Nov 2", "By Ramesh Properties (Rent)", "P1", 50000],
        [3, "To Om Sai Traders", "R1", 250000, 4, "By Cash (Self)", "C2", 15000],
        [18, "To Gupta & Sons", "R3", 120000.5, 30, "By Balance c/d", None, 805000.5],
        [None, None, None, 870000.5, None, None, None, 870000.5],
    ]  # fmt: skip
    lines = read_ledger(str(xlsx({"Bank Book": rows})))
    frame = lines.frame
    assert frame["date"].tolist() == [
        date(2026, 11, 3),
        date(2026, 11, 18),
        date(2026, 11, 2),
        date(2026, 11, 4),
    ]
    assert frame["debit"].tolist() == [25000000, 12000050, 0, 0]
    assert frame["credit"].tolist() == [0, 0, 5000000, 1500000]
    assert (lines.opening, lines.closing) == (50000000, 80500050)
    assert lines.period == NOVEMBER
    assert lines.issues == []


def test_a_statements_day_numbers_are_days_of_the_month_its_title_names(
    xlsx: Callable[..., Path],
) -> None:
    title = [["HDFC Bank - Account No 50200012345678"], ["For the month of November 2026"]]
    lines = read_statement(str(xlsx({"Statement": [*title, *statement_rows([3, "7", 10, 30])]})))
    assert lines.period == NOVEMBER
    assert lines.frame["date"].tolist() == [
        date(2026, 11, 3),
        date(2026, 11, 7),
        date(2026, 11, 10),
        date(2026, 11, 30),
    ]
    assert lines.frame["credit"].tolist() == [25000000, 4500000, 0, 0]
    assert lines.frame["debit"].tolist() == [0, 0, 843275, 1770]
    assert lines.closing == 78654955
    assert lines.issues == []


def test_a_statements_day_numbers_take_the_month_of_the_sheets_name(
    xlsx: Callable[..., Path],
) -> None:
    lines = read_statement(str(xlsx({"Nov 2026": statement_rows([3, 7, 10, 30])})))
    assert lines.frame["date"].tolist()[0] == date(2026, 11, 3)
    assert lines.frame["date"].tolist()[-1] == date(2026, 11, 30)


def test_a_statement_of_day_numbers_without_a_month_is_refused_naming_the_cell(
    xlsx: Callable[..., Path], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    bank = xlsx({"Sheet1": statement_rows([3, 7, 10, 30])}, name="passbook.xlsx")
    books = xlsx(
        {"Bank Book": [["Bank Book - November 2026"], HEADER, *book_rows(DAYS)]}, name="b.xlsx"
    )
    out = tmp_path / "brs.xlsx"
    code = main(["reconcile", "--bank", str(bank), "--ledger", str(books), "--out", str(out)])
    err = capsys.readouterr().err
    assert code == 2
    assert err.startswith(
        "xlbo: passbook.xlsx: no statement lines were read from sheet Sheet1; 4 line(s) could "
        "not be read, the first: Row 2: '3' is a day of the month alone, and neither the "
        "sheet's title nor its name gives a month it falls in"
    )
    assert "1900" not in err
    assert not out.exists()


def test_a_hand_kept_book_of_day_numbers_reconciles_as_on_the_months_end(
    xlsx: Callable[..., Path], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    title = [["HDFC Bank - Account No 50200012345678"], ["For the month of November 2026"]]
    bank = xlsx({"Statement": [*title, *statement_rows([3, 7, 10, 30])]}, name="bank.xlsx")
    books = xlsx(
        {
            "Bank Book": [
                ["KAVERI TRADERS"],
                ["Bank Book - November 2026"],
                HEADER,
                *book_rows(DAYS),
            ]
        },
        name="book.xlsx",
    )
    out = tmp_path / "brs.xlsx"
    code = main(["reconcile", "--bank", str(bank), "--ledger", str(books), "--out", str(out)])
    said = capsys.readouterr().out
    assert code == 0, said
    assert "3 matches, 1 bank and 1 ledger lines unmatched" in said
    assert "0 unreadable cells; BRS difference 0.00" in said
    brs = list(openpyxl.load_workbook(out)["BRS"].iter_rows(values_only=True))
    assert brs[1][0] == "Bank Reconciliation Statement as on 30 November 2026"
    totals = {row[1]: row[4] for row in brs if row[1]}
    assert totals["Balance as per bank statement"] == 786549.55
    assert totals["Balance as per books (ledger)"] == 724067.25
    assert totals["Difference"] == 0


# -- ditto marks ---------------------------------------------------------------------------


@pytest.mark.parametrize("mark", ['"', "do", "Do.", "-do-", "〃", ",,", "ditto"])
def test_a_ditto_mark_is_the_date_of_the_row_above(xlsx: Callable[..., Path], mark: str) -> None:
    days = [datetime(2026, 11, 1), datetime(2026, 11, 3), mark, datetime(2026, 11, 10), mark]
    path = xlsx({"Bank Book": [["Bank Book - HDFC Bank A/c"], HEADER, *book_rows([*days, None])]})
    lines = read_ledger(str(path))
    assert lines.frame["date"].tolist() == [
        date(2026, 11, 3),
        date(2026, 11, 3),
        date(2026, 11, 10),
        date(2026, 11, 10),
    ]
    assert lines.frame["particulars"].tolist()[1] == "Sharma Enterprises"
    assert lines.frame["credit"].tolist()[-1] == 6250000
    assert lines.issues == []


def test_ditto_marks_one_under_another_and_on_the_right_side_of_a_two_sided_book(
    xlsx: Callable[..., Path],
) -> None:
    """The hostile tester's c11c: `"` on the receipts side, `do` on the payments side, two in a
    row; each is the date of its own side's row above, never the other side's."""
    rows = [
        ["Bank Book (HDFC Bank A/c 50200012345678)"],
        ["Date", "Particulars", "V.No.", "Amount", "Date", "Particulars", "V.No.", "Amount"],
        [datetime(2026, 11, 1), "To Balance b/d", None, 500000, datetime(2026, 11, 10), "By BESCOM", "P2", 8432.75],
        [datetime(2026, 11, 3), "To Om Sai Traders", "R1", 250000, "do", "By Airtel", "P6", 1179],
        ['"', "To Nagaraj Stores", "R4", 18250, "do", "By Petty Cash", "C3", 5000],
        ['"', "To Vijaya Agencies", "R5", 7300, datetime(2026, 11, 30), "By Balance c/d", None, 760938.25],
        [None, None, None, 775550, None, None, None, 775550],
    ]  # fmt: skip
    lines = read_ledger(str(xlsx({"Bank Book": rows})))
    frame = lines.frame
    assert frame["particulars"].tolist() == [
        "Om Sai Traders",
        "Nagaraj Stores",
        "Vijaya Agencies",
        "BESCOM",
        "Airtel",
        "Petty Cash",
    ]
    assert frame["date"].tolist() == [date(2026, 11, 3)] * 3 + [date(2026, 11, 10)] * 3
    assert int(frame["debit"].sum()) == 27555000
    assert int(frame["credit"].sum()) == 1461175
    assert lines.closing == 76093825
    assert lines.issues == []


def test_a_ditto_mark_with_no_date_above_it_is_said(xlsx: Callable[..., Path]) -> None:
    rows = [
        ["Date", "Particulars", "Receipts", "Payments"],
        ["do", "To Om Sai Traders", 250000, None],
        ['"', "To Sharma Enterprises", 45000, None],
        [datetime(2026, 11, 10), "By BESCOM", None, 8432.75],
    ]
    lines = read_ledger(str(xlsx({"Bank Book": rows})))
    assert lines.frame["particulars"].tolist() == ["BESCOM"]
    assert [(i.cell, i.problem) for i in lines.issues] == [
        (
            "A2",
            "Row 2: 'do' is a ditto mark (the date of the row above), and no row above it has "
            "a date; write its date",
        ),
        (
            "A3",
            "Row 3: '\"' is a ditto mark (the date of the row above), and no row above it has "
            "a date; write its date",
        ),
    ]


def test_a_statements_ditto_mark_is_the_date_of_the_row_above(xlsx: Callable[..., Path]) -> None:
    rows = statement_rows(["03/11/2026", '"', "10/11/2026", "-do-"])
    lines = read_statement(str(xlsx({"Statement": rows})))
    assert lines.frame["date"].tolist() == [
        date(2026, 11, 3),
        date(2026, 11, 3),
        date(2026, 11, 10),
        date(2026, 11, 10),
    ]
    assert lines.issues == []
