"""Which sheets of a statement workbook are read, and as what: hidden sheets are left unread
and said so, sheets of one account are joined in the order their dates run, sheets that are no
one statement are refused. What the user sees: the exit code, the run's line, the BRS and the
Issues and Integrity sheets."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import Any

import openpyxl
import pytest

from tests.bank.test_no_bank_balance import BANK, BOOKS
from tests.bank.test_reconcile import ledger, statement
from xlbo.cli import main

# the bank: 1,00,000.00 + 50,000.00 - 23,456.50 - 590.00 = 1,25,953.50; the books 1,26,543.50
SEPTEMBER = [["03/09/26", "NEFT CR-OLD SEPTEMBER LINE", "S0903", None, 777]]


def rows(path: Path, sheet: str) -> list[list[Any]]:
    book = openpyxl.load_workbook(path, read_only=True)
    return [[v for v in r if v not in (None, "")] for r in book[sheet].iter_rows(values_only=True)]


def reconciled(
    bank: Path, books: Path, capsys: pytest.CaptureFixture[str], *options: str
) -> tuple[int, str, Path]:
    out = bank.parent / "brs.xlsx"
    code = main(
        ["reconcile", "--bank", str(bank), "--ledger", str(books), "--out", str(out), *options]
    )
    return code, capsys.readouterr().out, out


@pytest.mark.parametrize("state", ["hidden", "veryHidden"])
def test_a_hidden_sheet_is_left_unread_and_the_run_says_so(
    xlsx: Callable[..., Path], capsys: pytest.CaptureFixture[str], state: str
) -> None:
    # October on the sheet shown (one of its rows hidden: still read), September's statement
    # on a sheet someone hid: its line and its balance are no part of October's BRS
    bank = xlsx(
        {"Statement": statement(BANK), "Old": statement(SEPTEMBER, opening=5000.0)},
        name="bank.xlsx",
    )
    book = openpyxl.load_workbook(bank)
    book["Old"].sheet_state = state
    book["Statement"].row_dimensions[7].hidden = True  # the cheque's row
    book.save(bank)
    books = xlsx({"Ledger": ledger(BOOKS)}, name="books.xlsx")

    code, said, out = reconciled(bank, books, capsys)
    assert code == 1  # the BRS ties, but there is a note to read
    assert "0 unreadable cells, 2 warning(s) on the Issues sheet" in said
    assert "BRS difference 0.00" in said
    brs = rows(out, "BRS")
    assert ["Balance as per bank statement", 125953.5] in brs
    assert ["Difference", 0] in brs
    hidden_row, note = rows(out, "Issues")[1:]
    assert hidden_row[:3] == ["Warning", "Statement", "A7"]  # statements3: the row is named
    assert "(hidden: row 7) were read" in hidden_row[3]
    assert note == [
        "Warning",
        "Old",
        "the sheet is hidden and holds 1 statement line(s), 03-09-2026 to 03-09-2026: they "
        "were not read",
        'If they belong to this statement, unhide the sheet, or give --sheet "Old" to reconcile '
        "that sheet alone.",
    ]

    code, said, out = reconciled(bank, books, capsys, "--sheet", "Old")
    assert code == 1
    assert ["Balance as per bank statement", 5777] in rows(out, "BRS")


NOVEMBER = [["05/11/26", "NEFT CR-HDFC0001234-ACME TRADERS-INV102", "N1002", None, 10000]]
NOVEMBER_BOOKS = [[date(2026, 11, 5), "Acme Traders", "Receipt", "N1002", 10000, None]]


def test_a_workbook_keeping_november_before_october_reconciles_to_novembers_balance(
    xlsx: Callable[..., Path], capsys: pytest.CaptureFixture[str]
) -> None:
    # one account's months, the newest sheet first: joined in the order their dates run, the
    # balance runs on from October's 1,25,953.50 to November's 1,35,953.50, the BRS uses that
    bank = xlsx(
        {"Nov": statement(NOVEMBER, opening=125953.50), "Oct": statement(BANK)},
        name="bank.xlsx",
    )
    books = xlsx({"Ledger": ledger([*BOOKS, *NOVEMBER_BOOKS])}, name="books.xlsx")
    code, said, out = reconciled(bank, books, capsys)
    assert code == 0, said
    assert "0 integrity findings" in said and "BRS difference 0.00" in said
    brs = rows(out, "BRS")
    assert ["Balance as per bank statement", 135953.5] in brs
    assert ["Total debits in the bank not yet in the books", 590] in brs
    assert ["Difference", 0] in brs
    assert rows(out, "Integrity")[0][0].startswith("No integrity findings")


def without_line_balances(body: list[list[Any]]) -> list[list[Any]]:
    """A statement's rows with its lines' Closing Balance cells left empty."""
    return [[*r[:6], None] if len(r) == 7 and r[0][2:3] == "/" else r for r in body]


def test_a_last_sheet_without_balances_gives_no_closing_balance(
    xlsx: Callable[..., Path], capsys: pytest.CaptureFixture[str]
) -> None:
    # October with its balances, November's sheet with its Closing Balance column empty: the
    # bank's balance at November's end is not October's 1,25,953.50; the BRS says what the
    # bank should show, the Integrity sheet says why
    bank = xlsx(
        {
            "Oct": statement(BANK),
            "Nov": without_line_balances(statement(NOVEMBER, opening=125953.50)),
        },
        name="bank.xlsx",
    )
    books = xlsx({"Ledger": ledger([*BOOKS, *NOVEMBER_BOOKS])}, name="books.xlsx")
    code, said, out = reconciled(bank, books, capsys)
    assert code == 1
    assert "BRS difference unknown" in said
    brs = rows(out, "BRS")
    assert ["Balance as per bank statement: the statement gives none (see Integrity)"] in brs
    assert brs[-1] == [
        "Balance the bank should show (the books' balance adjusted by the items above)",
        135953.5,
    ]
    assert not any(r and r[0] in ("Difference", "Balance as per bank statement") for r in brs)
    assert "the bank should show 1,35,953.50 Cr" in rows(out, "Summary")[4][0]
    ((row, check, finding),) = rows(out, "Integrity")[1:]
    assert (row, check) == (6, "No balance")
    assert finding.startswith("Sheet 'Nov', the statement's last, gives no balance")
    assert "the balance an earlier sheet ends with is no closing balance" in finding


SUMMARY = [
    [],
    ["STATEMENT SUMMARY  :-"],
    ["Opening Balance", None, None, None, "Debits", "Credits", "Closing Bal"],
    [100000, None, None, None, 24046.5, 50000, 125953.5],
]


@pytest.mark.parametrize("opening", [True, False])
def test_an_empty_balance_column_with_a_summary_reconciles_to_the_summarys_closing(
    xlsx: Callable[..., Path], capsys: pytest.CaptureFixture[str], opening: bool
) -> None:
    # the lines' Closing Balance cells empty, the summary below them gives the closing
    # balance: the BRS ties to it; Integrity does not claim a running balance it never saw
    summary = [*SUMMARY[:3], SUMMARY[3] if opening else [None, *SUMMARY[3][1:]]]
    body = without_line_balances(statement(BANK))[: len(BANK) + 5]
    bank = xlsx({"Statement": [*body, *summary]}, name="bank.xlsx")
    books = xlsx({"Ledger": ledger(BOOKS)}, name="books.xlsx")
    code, said, out = reconciled(bank, books, capsys)
    assert code == 0, said
    assert "BRS difference 0.00" in said
    brs = rows(out, "BRS")
    assert ["Balance as per bank statement", 125953.5] in brs and ["Difference", 0] in brs
    (verdict,) = rows(out, "Integrity")[0]
    assert verdict.startswith(
        "No integrity findings, but the statement's lines give no running balance (its Balance "
        "column is empty or missing), so they could not be checked one by one. The balance as "
        "per bank statement on the BRS, 1,25,953.50, is the closing balance its summary gives"
    )
    assert ("from the summary's opening balance, 1,00,000.00" in verdict) is opening
    assert ("the summary gives no opening balance" in verdict) is not opening


# -- a sheet of the user's own beside the bank's ------------------------------------------------
# hostile tester (helper-116, c16, c16b, c16c): the user's own sheet in the statement's workbook
# was read as more statement lines: the day's totals doubled every line on the BRS; an account
# summary sheet was read as a page of the statement, its closing balance a debit not in the books.


@pytest.mark.parametrize(
    ("name", "sheet"),
    [
        (
            "Daily totals",
            [
                ["Date", "Withdrawals", "Deposits"],
                ["02/10/26", None, 50000],
                ["03/10/26", 23456.50, None],
                ["20/10/26", 590, None],
            ],
        ),
        (
            "Pending",
            [
                ["Date", "Particulars", "Chq No", "Amount"],
                ["29/10/26", "Velan Agencies", "7788", 6725],
            ],
        ),
        (
            "Account Summary",  # no header the statement's words know: read as a page before
            [
                ["Account Summary"],
                ["Date", "Opening Balance", "Total Debits", "Total Credits", "Closing Balance"],
                ["31/10/2026", 100000, 24046.5, 50000, 125953.5],
            ],
        ),
    ],
)
def test_a_sheet_of_the_users_own_beside_the_statement_is_not_read_as_its_lines(
    xlsx: Callable[..., Path], capsys: pytest.CaptureFixture[str], name: str, sheet: list[Any]
) -> None:
    bank = xlsx({name: sheet, "Statement": statement(BANK)}, name="bank.xlsx")
    books = xlsx({"Ledger": ledger(BOOKS)}, name="books.xlsx")
    code, said, out = reconciled(bank, books, capsys)
    assert "2 matches, 1 bank and 0 ledger lines unmatched" in said, said
    assert "BRS difference 0.00" in said and code == 0
    brs = rows(out, "BRS")
    assert ["Balance as per bank statement", 125953.5] in brs
    ((severity, where, _, problem, hint),) = rows(out, "Issues")[1:]
    assert (severity, where) == ("Info", name)
    assert "it was not read as lines of the statement (a sheet of your own beside it?)" in problem
    assert hint == f'To reconcile that sheet instead, give --sheet "{name}".'
