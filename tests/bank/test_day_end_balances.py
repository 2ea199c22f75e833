"""A statement whose Balance column is blank on some lines (banks that print the balance once a
day, on the day's last line): the lines without a balance still move it. The running-balance
check carries their amounts to the next balance written, so it reports no break that is not
there and still finds a line that is missing; the opening balance undoes the lines before the
first balance written."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import Any

import openpyxl
import pytest

from tests.bank.test_reconcile import HDFC_HEAD, TALLY_HEAD, ledger
from xlbo.cli import main

# 1,00,000.00 + 50,000.00 - 23,456.50 - 10,000.00 - 590.00: the day's balance on its last line
BANK = [
    ["02/10/26", "NEFT CR-HDFC0001234-ACME TRADERS-INV101", "N1001", None, 50000, None],
    ["02/10/26", "CHQ PAID-000123-RAJ SUPPLIERS", "000123", 23456.50, None, 126543.50],
    ["05/10/26", "NEFT DR-HDFC0009876-KIRAN ELECTRICALS", "N2002", 10000, None, None],
    ["05/10/26", "SMS CHARGES", "", 590, None, 115953.50],
]
BOOKS = [
    [date(2026, 10, 2), "Acme Traders", "Receipt", "N1001", 50000, None],
    [date(2026, 10, 2), "Raj Suppliers", "Payment", "000123", None, 23456.50],
    [date(2026, 10, 5), "Kiran Electricals", "Payment", "N2002", None, 10000],
]
# the books: 1,00,000.00 + 50,000.00 - 23,456.50 - 10,000.00 = 1,16,543.50; the bank's
# 1,15,953.50 and the charge of 590.00 not yet booked make it


def statement(lines: list[list[Any]]) -> list[list[Any]]:
    return [
        *HDFC_HEAD,
        *([day, text, ref, day, out, into, bal] for day, text, ref, out, into, bal in lines),
    ]


def rows(path: Path, sheet: str) -> list[list[Any]]:
    book = openpyxl.load_workbook(path, read_only=True)
    return [[v for v in r if v not in (None, "")] for r in book[sheet].iter_rows(values_only=True)]


def reconciled(
    xlsx: Callable[..., Path],
    capsys: pytest.CaptureFixture[str],
    bank_lines: list[list[Any]],
    books: list[list[Any]],
) -> tuple[int, str, Path]:
    bank = xlsx({"Statement": statement(bank_lines)}, name="bank.xlsx")
    ledger_file = xlsx({"Ledger": books}, name="books.xlsx")
    out = bank.parent / "brs.xlsx"
    code = main(["reconcile", "--bank", str(bank), "--ledger", str(ledger_file), "--out", str(out)])
    return code, capsys.readouterr().out, out


def test_lines_without_a_balance_of_their_own_are_no_balance_break(
    xlsx: Callable[..., Path], capsys: pytest.CaptureFixture[str]
) -> None:
    code, said, out = reconciled(xlsx, capsys, BANK, ledger(BOOKS))
    assert "0 integrity findings" in said
    assert "BRS difference 0.00" in said
    assert code == 0
    brs = rows(out, "BRS")
    assert ["Balance as per bank statement", 115953.5] in brs
    assert ["Difference", 0] in brs
    (said_on_integrity,) = rows(out, "Integrity")[0]
    assert said_on_integrity.startswith("No integrity findings: the running balance follows")


def test_a_missing_line_among_lines_without_a_balance_is_still_a_break(
    xlsx: Callable[..., Path], capsys: pytest.CaptureFixture[str]
) -> None:
    without_kiran = [line for line in BANK if "KIRAN" not in line[1]]  # lost from the download
    code, said, out = reconciled(xlsx, capsys, without_kiran, ledger(BOOKS[:2]))
    assert code == 1
    assert "1 integrity findings" in said
    (finding,) = rows(out, "Integrity")[1:]
    assert finding == [
        8,
        "Balance break",
        "Row 8: the balance should be 1,25,953.50 after this line but the statement shows "
        "1,15,953.50 (difference -10,000.00)",
    ]


def test_the_opening_balance_undoes_the_lines_before_the_first_balance_written(
    xlsx: Callable[..., Path], capsys: pytest.CaptureFixture[str]
) -> None:
    # a ledger that states no opening balance: the BRS takes the statement's, 1,00,000.00,
    # and warns that it then ties whatever the books' balance is
    books = [*TALLY_HEAD, *BOOKS, [None, "Closing Balance", None, None, None, 0.0]]
    code, said, out = reconciled(xlsx, capsys, BANK, books)
    assert code == 1
    assert "1 warning(s)" in said
    assert "BRS difference 0.00" in said
    brs = rows(out, "BRS")
    assert ["Balance as per books (computed)", 116543.5] in brs
    assert ["Difference", 0] in brs
    assert [
        "The ledger states no opening balance; the statement's opening balance was taken as the "
        "books' (as when last month reconciled with nothing outstanding)."
    ] in rows(out, "Summary")
