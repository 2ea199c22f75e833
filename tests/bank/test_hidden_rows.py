"""Rows of a statement sheet that Excel does not show: hidden by the user, or filtered out by an
AutoFilter left on. Every row of the bank's statement is its transaction, so they are read and
reconciled; but a user who hid rows to leave them out must learn that they were not left out.
Before: read silently."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any

import openpyxl

from tests.bank.test_more_banks import first_and_last, totals
from xlbo.cli import main
from xlbo.readers.statement import read_statement

ROWS: list[list[Any]] = [
    ["HDFC BANK Ltd."],
    ["Account No : 50100012345678"],
    ["Statement From : 01/10/2026 To : 31/10/2026"],
    [],
    [
        "Date",
        "Narration",
        "Chq./Ref.No.",
        "Value Dt",
        "Withdrawal Amt.",
        "Deposit Amt.",
        "Closing Balance",
    ],
    ["01/10/26", "NEFT CR-KAVERI TRADERS", "SBIN1", "01/10/26", None, 45000, 145000],
    ["05/10/26", "CHQ PAID-SHARMA ENTERPRISES", "000451", "05/10/26", 12500, None, 132500],
    ["12/10/26", "UPI/631212345678/OM SAI", "631212345678", "12/10/26", 500, None, 132000],
    ["31/10/26", "SMS CHARGES", "0", "31/10/26", 17.70, None, 131982.30],
]


def statement(path: Path, hidden: tuple[int, ...], autofilter: str = "") -> Path:
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "Statement"
    for row in ROWS:
        sheet.append(row)
    for number in (*hidden, 2):  # a hidden title row is no line
        sheet.row_dimensions[number].hidden = True
    if autofilter:
        sheet.auto_filter.ref = autofilter
    book.save(path)
    return path


def test_hidden_rows_are_read_and_the_user_is_told(tmp_path: Path) -> None:
    lines = read_statement(str(statement(tmp_path / "hidden.xlsx", (7, 8))))
    assert totals(lines) == (4, 1250000 + 50000 + 1770, 4500000)
    assert first_and_last(lines) == [
        (date(2026, 10, 1), "NEFT CR-KAVERI TRADERS", 4500000),
        (date(2026, 10, 31), "SMS CHARGES", -1770),
    ]
    assert [(i.severity.value, i.sheet, i.cell, i.problem, i.hint) for i in lines.issues] == [
        (
            "Warning",
            "Statement",
            "A7",
            "2 line(s) on rows Excel does not show (hidden: rows 7, 8) were read and "
            "reconciled: every row of the statement is the bank's transaction",
            "If you hid them to leave them out, delete those rows in a copy of the statement "
            "and reconcile the copy; unhide them to see them.",
        )
    ]


def test_rows_an_autofilter_leaves_out_are_read_and_the_filter_named(tmp_path: Path) -> None:
    lines = read_statement(str(statement(tmp_path / "filtered.xlsx", (7,), "A5:G9")))
    assert totals(lines)[0] == 4
    assert [i.problem for i in lines.issues] == [
        "1 line(s) on rows Excel does not show (filtered out by the AutoFilter: row 7) were "
        "read and reconciled: every row of the statement is the bank's transaction"
    ]
    assert lines.issues[0].hint.endswith("clear the filter to see them.")


def test_a_sheet_without_hidden_rows_says_nothing(tmp_path: Path) -> None:
    assert read_statement(str(statement(tmp_path / "shown.xlsx", ()))).issues == []


def test_reconcile_ties_with_the_hidden_rows_and_says_so(tmp_path: Path, capsys: Any) -> None:
    """The BRS ties with every line; the note keeps the exit at 1 (something to look at)."""
    bank = statement(tmp_path / "hidden.xlsx", (7,))
    books = tmp_path / "books.csv"
    books.write_text(
        "Date,Particulars,Vch Type,Vch No.,Debit,Credit\n"
        "01-10-2026,Opening Balance,,,100000.00,\n"
        "01-10-2026,Kaveri Traders,Receipt,R1,45000.00,\n"
        "05-10-2026,Sharma Enterprises,Payment,P1,,12500.00\n"
        "12-10-2026,Om Sai,Payment,P2,,500.00\n"
        "31-10-2026,Bank Charges,Journal,J1,,17.70\n",
        encoding="utf-8",
    )
    out = tmp_path / "brs.xlsx"
    assert main(["reconcile", "--bank", str(bank), "--ledger", str(books), "--out", str(out)]) == 1
    said = capsys.readouterr().out
    assert "4 matches, 0 bank and 0 ledger lines unmatched" in said
    assert "1 reading note(s) on the Issues sheet; BRS difference 0.00" in said
