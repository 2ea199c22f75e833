"""A statement joined from several sheets (a month a sheet) has a row 7 on each: a finding of
the Integrity sheet names the sheet of the row it speaks of, so the user looks in the right
place. A statement of one sheet says 'Row 7' as before."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import Any

import openpyxl
import pytest

from tests.bank.test_reconcile import hdfc_head, ledger
from xlbo.cli import main

SEPTEMBER = [
    ["10/09/26", "NEFT CR-HDFC0001234-ACME TRADERS-INV099", "N0901", None, 20000, 120000.00],
    ["15/09/26", "CHQ PAID-000120-RAJ SUPPLIERS", "000120", 5000, None, 115000.00],
]
OCTOBER = [
    ["02/10/26", "NEFT CR-HDFC0001234-ACME TRADERS-INV101", "N1001", None, 50000, 165000.00],
    # a line lost from the download here: 10,000.00 out on 04/10
    ["05/10/26", "CHQ PAID-000123-RAJ SUPPLIERS", "000123", 23456.50, None, 131543.50],
    ["20/10/26", "SMS CHARGES", "", 590, None, 130953.50],
]
BOOKS = [
    [date(2026, 9, 10), "Acme Traders", "Receipt", "N0901", 20000, None],
    [date(2026, 9, 15), "Raj Suppliers", "Payment", "000120", None, 5000],
    [date(2026, 10, 2), "Acme Traders", "Receipt", "N1001", 50000, None],
    [date(2026, 10, 5), "Raj Suppliers", "Payment", "000123", None, 23456.50],
]


def sheet(lines: list[list[Any]]) -> list[list[Any]]:
    """HDFC's layout, its title giving the period of its own lines (a line dated outside the
    title's period is a finding of its own)."""
    return [
        *hdfc_head([d for d, *_ in lines]),
        *([d, text, ref, d, out, into, bal] for d, text, ref, out, into, bal in lines),
    ]


def integrity(
    xlsx: Callable[..., Path], capsys: pytest.CaptureFixture[str], sheets: dict[str, Any]
) -> list[list[Any]]:
    bank = xlsx(sheets, name="bank.xlsx")
    books = xlsx({"Ledger": ledger(BOOKS)}, name="books.xlsx")
    out = bank.parent / "brs.xlsx"
    main(["reconcile", "--bank", str(bank), "--ledger", str(books), "--out", str(out)])
    assert "1 integrity findings" in capsys.readouterr().out
    book = openpyxl.load_workbook(out, read_only=True)
    return [
        [v for v in r if v not in (None, "")] for r in book["Integrity"].iter_rows(values_only=True)
    ]


def test_a_balance_break_on_a_months_sheet_names_the_sheet(
    xlsx: Callable[..., Path], capsys: pytest.CaptureFixture[str]
) -> None:
    (finding,) = integrity(xlsx, capsys, {"Sep": sheet(SEPTEMBER), "Oct": sheet(OCTOBER)})[1:]
    assert finding == [
        7,
        "Balance break",
        "Sheet 'Oct', row 7: the balance should be 1,41,543.50 after this line but the "
        "statement shows 1,31,543.50 (difference -10,000.00)",
    ]


def test_a_line_downloaded_on_two_sheets_names_both(
    xlsx: Callable[..., Path], capsys: pytest.CaptureFixture[str]
) -> None:
    # September's download ran to 2 October: its last line is October's first
    september = [*SEPTEMBER, OCTOBER[0]]
    october = [OCTOBER[0], [*OCTOBER[1][:5], 141543.50], [*OCTOBER[2][:5], 140953.50]]
    (finding,) = integrity(xlsx, capsys, {"Sep": sheet(september), "Oct": sheet(october)})[1:]
    assert finding == [
        6,
        "Duplicate line",
        "Sheet 'Oct', row 6 repeats sheet 'Sep', row 8 (same date, narration, reference, amount "
        "and balance): an overlapping download, or a line printed again after a page break. "
        "It was left out of matching.",
    ]


def test_a_statement_of_one_sheet_says_row_as_before(
    xlsx: Callable[..., Path], capsys: pytest.CaptureFixture[str]
) -> None:
    (finding,) = integrity(xlsx, capsys, {"Statement": sheet(SEPTEMBER + OCTOBER)})[1:]
    assert finding[2].startswith("Row 9: the balance should be 1,41,543.50 after this line")
