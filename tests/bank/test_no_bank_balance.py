"""A statement that gives no balance (no Balance column, an empty one, or formulas no program
calculated): the BRS must not reconcile to an invented 0.00. It runs from the books' balance to
the balance the bank should show, and the Integrity sheet says why."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import Any

import openpyxl
import pytest

from tests.bank.test_reconcile import HDFC_HEAD, ledger, statement
from xlbo.cli import main
from xlbo.jobs.reconcile import run_reconcile

BANK = [
    ["02/10/26", "NEFT CR-HDFC0001234-ACME TRADERS-INV101", "N1001", None, 50000],
    ["03/10/26", "CHQ PAID-000123-RAJ SUPPLIERS", "000123", 23456.50, None],
    ["20/10/26", "SMS CHARGES", "", 590, None],
]
BOOKS = [
    [date(2026, 10, 2), "Acme Traders", "Receipt", "N1001", 50000, None],
    [date(2026, 10, 3), "Raj Suppliers", "Payment", "000123", None, 23456.50],
]
# the books: 1,00,000.00 + 50,000.00 - 23,456.50 = 1,26,543.50; the bank should show that less
# the charge the books have not booked: 1,25,953.50


def rows(path: Path, sheet: str) -> list[list[Any]]:
    book = openpyxl.load_workbook(path, read_only=True)
    return [[v for v in r if v not in (None, "")] for r in book[sheet].iter_rows(values_only=True)]


def without_balances(body: list[list[Any]], how: str) -> list[list[Any]]:
    head, lines = body[: len(HDFC_HEAD)], body[len(HDFC_HEAD) : len(HDFC_HEAD) + len(BANK)]
    if how == "no column":
        head = [*head[:3], head[3][:6], head[4]]
        return [*head, *(line[:6] for line in lines)]
    first = len(HDFC_HEAD) + 1
    for k, line in enumerate(lines):
        n = first + k
        line[6] = (
            None
            if how == "empty"
            else f"=100000-N(E{n})+N(F{n})"
            if k == 0
            else f"=G{n - 1}-N(E{n})+N(F{n})"
        )
    return [*head, *lines]


@pytest.mark.parametrize("how", ["empty", "no column", "formulas"])
def test_a_statement_without_balances_reconciles_to_what_the_bank_should_show(
    xlsx: Callable[..., Path], tmp_path: Path, capsys: pytest.CaptureFixture[str], how: str
) -> None:
    bank = xlsx({"Statement": without_balances(statement(BANK), how)}, name="bank.xlsx")
    books = xlsx({"Ledger": ledger(BOOKS)}, name="books.xlsx")
    out = tmp_path / "brs.xlsx"
    code = main(["reconcile", "--bank", str(bank), "--ledger", str(books), "--out", str(out)])
    said = capsys.readouterr().out
    assert code == 1  # nothing to tie to: never 'The BRS ties'
    assert "BRS difference unknown" in said
    brs = rows(out, "BRS")
    assert ["Balance as per bank statement: the statement gives none (see Integrity)"] in brs
    assert brs[-1] == [
        "Balance the bank should show (the books' balance adjusted by the items above)",
        125953.5,
    ]
    assert not any(r and r[0] in ("Difference", "Balance as per bank statement") for r in brs)
    verdict = rows(out, "Summary")[4][0]
    assert verdict.startswith("The statement gives no balance, so the BRS cannot tie: the bank")
    assert "should show 1,25,953.50 Cr" in verdict
    (finding,) = rows(out, "Integrity")[1:]
    if how == "formulas":
        assert finding[1] == "Balance not calculated"
        assert finding[2].startswith("The Balance column (G) holds 3 formula(s) Excel never")
        assert "(G6: =100000-N(E6)+N(F6))" in finding[2]
        assert "Open the file in Excel (or LibreOffice) and save it" in finding[2]
    else:
        assert finding[1] == "No balance"
        assert "its lines could not be checked against a running balance" in finding[2]


def test_a_statement_with_balances_still_reconciles_to_its_own(xlsx: Callable[..., Path]) -> None:
    bank = xlsx({"Statement": statement(BANK)}, name="bank.xlsx")
    books = xlsx({"Ledger": ledger(BOOKS)}, name="books.xlsx")
    result = run_reconcile(bank, books)
    assert result.brs.bank_balance == 12595350
    assert result.brs.difference == 0
    assert not result.findings


def test_a_statement_without_balances_and_an_unreadable_line_says_the_difference_is_unknown(
    xlsx: Callable[..., Path], tmp_path: Path
) -> None:
    # no balance to tie to and a line left out: the Summary must not claim a difference of 0.00
    body = without_balances(statement(BANK), "empty")
    body.append(["21/10/26", "NEFT CR-KAVERI TRADERS", "N1002", "21/10/26", None, "12,3a4", None])
    bank = xlsx({"Statement": body}, name="bank.xlsx")
    books = xlsx({"Ledger": ledger(BOOKS)}, name="books.xlsx")
    out = tmp_path / "brs.xlsx"
    assert main(["reconcile", "--bank", str(bank), "--ledger", str(books), "--out", str(out)]) == 1
    verdict = rows(out, "Summary")[4][0]
    assert verdict == (
        "The BRS is not complete: 1 line(s) could not be read and were left out. The statement "
        "gives no closing balance, so the difference is not known."
    )
