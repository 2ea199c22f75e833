"""A bank ledger whose Debit and Credit are the wrong way round (the bank's statement given as
the ledger, a bank book kept by hand headed the other way) is refused, not reconciled: every
line would sit on the BRS twice and the BRS would still "tie"."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import Any

import pytest

from tests.bank.test_reconcile import ledger, statement
from xlbo.cli import main
from xlbo.jobs.reconcile import run_reconcile

BANK = [
    ["02/10/26", "NEFT CR-HDFC0001234-ACME TRADERS-INV101", "N1001", None, 50000],
    ["03/10/26", "CHQ PAID-000123-RAJ SUPPLIERS", "000123", 23456.50, None],
    ["05/10/26", "UPI-CUSTOMER ONE-cust1@okhdfc-U2002", "U2002", None, 123456.78],
    ["12/10/26", "RTGS DR-BIG VENDOR-R3003", "R3003", 250000, None],
    ["20/10/26", "NEFT CR-KAVERI TRADERS-INV 7", "N1005", None, 7300],
]
BOOKS = [
    [date(2026, 10, 2), "Acme Traders", "Receipt", "N1001", 50000, None],
    [date(2026, 10, 3), "Raj Suppliers", "Payment", "000123", None, 23456.50],
    [date(2026, 10, 5), "Customer One", "Receipt", "U2002", 123456.78, None],
    [date(2026, 10, 12), "Big Vendor", "Payment", "R3003", None, 250000],
    [date(2026, 10, 20), "Kaveri Traders", "Receipt", "N1005", 7300, None],
]


def swapped(rows: list[list[Any]]) -> list[list[Any]]:
    return [[*row[:4], row[5], row[4]] for row in rows]


def test_a_ledger_with_debit_and_credit_the_wrong_way_round_is_refused(
    xlsx: Callable[..., Path], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    bank = xlsx({"Statement": statement(BANK)}, name="bank.xlsx")
    books = xlsx({"Ledger": ledger(swapped(BOOKS))}, name="books.xlsx")
    out = tmp_path / "brs.xlsx"
    code = main(["reconcile", "--bank", str(bank), "--ledger", str(books), "--out", str(out)])
    said = capsys.readouterr().err
    assert code == 2
    assert "books.xlsx: its Debit and Credit look the wrong way round" in said
    assert "5 of its 5 lines equal a bank line of the same amount only on the other side" in said
    assert "02-10-2026 'Acme Traders' 50,000.00 Credit, where the bank shows 02-10-2026" in said
    assert "debited with receipts (money in) and credited with payments" in said
    assert "Traceback" not in said
    assert not out.exists()  # nothing written that looks like a BRS


def test_the_same_ledger_the_right_way_round_reconciles(xlsx: Callable[..., Path]) -> None:
    bank = xlsx({"Statement": statement(BANK)}, name="bank.xlsx")
    books = xlsx({"Ledger": ledger(BOOKS)}, name="books.xlsx")
    result = run_reconcile(bank, books)
    assert result.match_count == 5 and result.brs.difference == 0


def test_a_month_with_a_few_reversals_is_not_taken_for_one_the_wrong_way_round(
    xlsx: Callable[..., Path],
) -> None:
    # a returned NEFT and a reversed charge, booked by the books the other way round, beside
    # lines that match as they stand: nothing refused, the reversals paired or left for the BRS
    bank_rows = [
        *BANK,
        ["21/10/26", "NEFT RETURN-KAVERI TRADERS-ACCOUNT CLOSED", "N1005", 7300, None],
        ["25/10/26", "REV-SMS CHARGES", "", None, 17.70],
    ]
    book_rows = [
        *BOOKS,
        [date(2026, 10, 21), "Kaveri Traders (NEFT returned)", "Payment", "N1005", None, 7300],
        [date(2026, 10, 25), "Bank Charges", "Journal", "JV/4", None, 17.70],  # booked wrongly
    ]
    bank = xlsx({"Statement": statement(bank_rows)}, name="bank.xlsx")
    books = xlsx({"Ledger": ledger(book_rows)}, name="books.xlsx")
    result = run_reconcile(bank, books)
    assert result.match_count >= 6


def test_a_few_lines_the_other_way_in_a_ledger_that_matches_nothing_are_no_proof(
    xlsx: Callable[..., Path],
) -> None:
    # another account's ledger (nothing matches) where one line happens to mirror a bank line:
    # the run goes on, warned as before, not refused as the wrong way round
    other = [
        [date(2026, 10, 2), "Acme Traders", "Payment", "X1", None, 50000],
        [date(2026, 10, 6), "Rent", "Payment", "X2", None, 41000],
        [date(2026, 10, 9), "Deccan Mart", "Receipt", "X3", 9100, None],
        [date(2026, 10, 14), "Salary", "Payment", "X4", None, 120000],
    ]
    bank = xlsx({"Statement": statement(BANK)}, name="bank.xlsx")
    books = xlsx({"Ledger": ledger(other)}, name="books.xlsx")
    result = run_reconcile(bank, books)
    assert result.match_count == 0
