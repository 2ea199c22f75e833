"""The BRS within the period the ledger states (hostile tester helper-116, c04h, c05, c06a,
c08c): a statement downloaded to date, a statement of two months, a statement that states no
period, and one of another month. Before, the BRS date and the bank's lines came from the
statement alone: as on 6 December against November's books (two items gone, a December receipt
'not in the books'), October's lines listed as not in the books, a BRS as on the 25th with the
books' last five days left out — each exit 0, 'ties'."""

from __future__ import annotations

import csv
from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import Any

import openpyxl
import pytest

from tests.bank.test_reconcile import statement
from xlbo.cli import main

NOVEMBER_BANK = [
    ["03/11/26", "NEFT CR-SBIN0001234-ARUL TEXTILES-N307", "N307", None, 118000],
    ["05/11/26", "CHQ PAID-100201-LAKSHMI ESTATES", "100201", 35000, None],
    ["25/11/26", "CHARGES FOR NEFT INCL GST", "", 354, None],
]
DECEMBER_BANK = [["02/12/26", "CHQ PAID-100202-GANESH PACKAGING", "100202", 28900, None]]
OCTOBER_BANK = [["20/10/26", "NEFT CR-HDFC0000001-VELAN AGENCIES-N201", "N201", None, 40000]]


def ledger(rows: list[list[Any]], period: str = "1-Nov-2026 to 30-Nov-2026") -> list[list[Any]]:
    """Tally's Ledger Vouchers for November from 1,00,000.00, its title's period `period`."""
    return [
        ["Nilgiri Agro Foods Pvt Ltd"],
        ["HDFC Bank Current A/c"],
        ["Ledger Account"],
        [period],
        ["Date", "Particulars", "Vch Type", "Vch No.", "Debit", "Credit"],
        [date(2026, 11, 1), "Opening Balance", None, None, 100000, None],
        *rows,
    ]


NOVEMBER_BOOKS = [
    [date(2026, 11, 3), "Arul Textiles", "Receipt", "1", 118000, None],
    [date(2026, 11, 5), "Lakshmi Estates Chq 100201", "Payment", "2", None, 35000],
    [date(2026, 11, 27), "Ganesh Packaging Chq 100202", "Payment", "3", None, 28900],
]
# the bank on 30 November: 1,00,000 + 1,18,000 - 35,000 - 354 = 1,82,646.00; the books
# 1,54,100.00: the cheque of the 27th not presented, the charges not booked


def run(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], bank: Path, books: Path
) -> tuple[int, str, list[list[Any]], list[str]]:
    out = tmp_path / "brs.xlsx"
    code = main(["reconcile", "--bank", str(bank), "--ledger", str(books), "--out", str(out)])
    said = capsys.readouterr()
    if code == 2:
        return code, said.out + said.err, [], []
    book = openpyxl.load_workbook(out)
    brs = [[v for v in r if v not in (None, "")] for r in book["BRS"].iter_rows(values_only=True)]
    summary = [str(r[0]) for r in book["Summary"].iter_rows(values_only=True) if r[0]]
    return code, said.out, brs, summary


def test_a_statement_downloaded_to_date_is_reconciled_as_on_the_books_last_day(
    tmp_path: Path, xlsx: Callable[..., Path], capsys: pytest.CaptureFixture[str]
) -> None:
    bank = xlsx({"Statement": statement([*NOVEMBER_BANK, *DECEMBER_BANK])}, name="bank.xlsx")
    books = xlsx({"Ledger": ledger(NOVEMBER_BOOKS)}, name="books.xlsx")
    code, said, brs, summary = run(tmp_path, capsys, bank, books)
    assert "BRS difference 0.00" in said and code == 0, said
    assert brs[1] == ["Bank Reconciliation Statement as on 30 November 2026"]
    assert ["Balance as per bank statement", 182646] in brs
    # the cheque of the 27th, presented on 2 December, is unpresented on the 30th
    assert ["Total payments in the books not yet debited", 28900] in brs
    assert any(
        "The statement runs to 31-12-2026 (its last line dated 02-12-2026), past the ledger's period "
        "(30-11-2026): the BRS is as "
        "on 30-11-2026, and the statement's 1 line(s) after that day belong to the next BRS" in s
        for s in summary
    )


def test_a_statement_of_two_months_against_one_months_books_leaves_out_the_earlier(
    tmp_path: Path, xlsx: Callable[..., Path], capsys: pytest.CaptureFixture[str]
) -> None:
    # October's receipt of 40,000.00 took the bank to 1,40,000.00 before November's lines
    bank = xlsx({"Statement": statement([*OCTOBER_BANK, *NOVEMBER_BANK], 60000)}, name="b.xlsx")
    books = xlsx({"Ledger": ledger(NOVEMBER_BOOKS)}, name="books.xlsx")
    code, said, brs, summary = run(tmp_path, capsys, bank, books)
    assert "1 bank and 1 ledger lines unmatched" in said, said
    assert "BRS difference 0.00" in said and code == 0
    assert not any("VELAN" in str(cell) for row in brs for cell in row)
    assert any("its 1 line(s) before that day were reconciled" in s for s in summary)


def test_a_statement_without_a_period_is_as_on_the_end_of_the_books_month(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """HDFC's delimited download: no title, the last line of the 25th."""
    bank = tmp_path / "bank.csv"
    with bank.open("w", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(["Date", "Narration", "Chq./Ref.No.", "Value Dt", "Withdrawal Amt.",
                         "Deposit Amt.", "Closing Balance"])  # fmt: skip
        balance = 100000.0
        for day, narration, ref, out, into in NOVEMBER_BANK:
            balance += (into or 0) - (out or 0)
            writer.writerow([day, narration, ref, day, out or "", into or "", f"{balance:.2f}"])
    book = openpyxl.Workbook()
    for row in ledger(NOVEMBER_BOOKS):
        book.active.append(row)
    books = tmp_path / "books.xlsx"
    book.save(books)
    code, said, brs, summary = run(tmp_path, capsys, bank, books)
    assert "BRS difference 0.00" in said and code == 0, said
    assert brs[1] == ["Bank Reconciliation Statement as on 30 November 2026"]
    assert ["Total payments in the books not yet debited", 28900] in brs  # the 27th's cheque
    assert any("the BRS is as on 30-11-2026, the end of the ledger's period" in s for s in summary)


def test_a_statement_of_another_month_than_the_books_is_refused(
    tmp_path: Path, xlsx: Callable[..., Path], capsys: pytest.CaptureFixture[str]
) -> None:
    bank = xlsx({"Statement": statement(OCTOBER_BANK)}, name="october.xlsx")
    books = xlsx({"Ledger": ledger(NOVEMBER_BOOKS)}, name="books.xlsx")
    code, said, _, _ = run(tmp_path, capsys, bank, books)
    assert code == 2
    assert (
        "october.xlsx's lines are of 20-10-2026 to 20-10-2026, books.xlsx's period 01-11-2026 "
        "to 30-11-2026: they have no day in common"
    ) in said
    assert not (tmp_path / "brs.xlsx").exists()


def test_a_ledger_for_the_year_changes_nothing(
    tmp_path: Path, xlsx: Callable[..., Path], capsys: pytest.CaptureFixture[str]
) -> None:
    """Tally's period left at the financial year: the statement's month is the BRS's."""
    bank = xlsx({"Statement": statement(NOVEMBER_BANK)}, name="bank.xlsx")
    books = xlsx({"Ledger": ledger(NOVEMBER_BOOKS, "1-Apr-2026 to 31-Mar-2027")}, name="books.xlsx")
    code, said, brs, summary = run(tmp_path, capsys, bank, books)
    assert brs[1] == ["Bank Reconciliation Statement as on 30 November 2026"]
    assert "BRS difference 0.00" in said and code == 0, said
    assert not any("ledger's period" in s for s in summary)


def test_a_ledger_whose_entries_run_past_its_titles_month_is_taken_to_their_months_end(
    tmp_path: Path, xlsx: Callable[..., Path], capsys: pytest.CaptureFixture[str]
) -> None:
    """A bank book of October and November on one sheet, titled October's (hostile tester's
    c08a): November's statement is of its period, not refused, and its charges of the 25th,
    after the book's last entry (the 5th), are on the BRS as on 30 November, not cut off."""
    october = [[date(2026, 10, 20), "Velan Agencies", "Receipt", "0", 40000, None]]
    books = xlsx(
        {"Ledger": ledger([*october, *NOVEMBER_BOOKS[:2]], "1-Oct-2026 to 31-Oct-2026")},
        name="books.xlsx",
    )
    bank = xlsx({"Statement": statement(NOVEMBER_BANK, 140000)}, name="bank.xlsx")
    code, said, brs, _ = run(tmp_path, capsys, bank, books)
    assert brs[1] == ["Bank Reconciliation Statement as on 30 November 2026"]
    assert "BRS difference 0.00" in said and code == 0, said
    assert ["Total debits in the bank not yet in the books", 354] in brs


def test_a_back_dated_line_among_the_months_lines_is_kept(
    tmp_path: Path, xlsx: Callable[..., Path], capsys: pytest.CaptureFixture[str]
) -> None:
    """Reviewer's finding: October's interest credited among November's lines is November's
    statement's; only the runs of lines before and after the books' period are cut (it was cut
    out of the middle: a balance break of 500.00)."""
    interest = ["04/11/26", "INT.PD 31-10-2026", "", None, 500]
    rows = [*NOVEMBER_BANK[:1], ["31/10/26", *interest[1:]], *NOVEMBER_BANK[1:]]
    bank = xlsx({"Statement": statement(rows)}, name="bank.xlsx")
    books = xlsx({"Ledger": ledger(NOVEMBER_BOOKS)}, name="books.xlsx")
    code, said, brs, _ = run(tmp_path, capsys, bank, books)
    assert "BRS difference 0.00" in said and code == 0, said
    assert ["Balance as per bank statement", 183146] in brs
    assert any(r[:1] == ["    INT.PD 31-10-2026"] or "INT.PD 31-10-2026" in str(r) for r in brs)


HDFC_NO_TRANSACTIONS = [
    ["HDFC BANK Ltd.", None, None, None, None, None, "Page No .: 1"],
    ["M/S. NILGIRI AGRO FOODS PRIVATE LIMITED", None, None, None, "Account Branch : OOTY"],
    [None, None, None, None, "Account No : 50200012345678   OTHER"],
    ["Statement From : 01/11/2026 To : 30/11/2026"],
    [],
    ["Date", "Narration", "Chq./Ref.No.", "Value Dt", "Withdrawal Amt.", "Deposit Amt.",
     "Closing Balance"],
    ["********", "*" * 40, "*" * 16, "********", "*" * 14, "*" * 14, "*" * 14],
    ["No transactions found for the selected period"],
    ["********", "*" * 40, "*" * 16, "********", "*" * 14, "*" * 14, "*" * 14],
    [],
    ["STATEMENT SUMMARY  :-"],
    [],
    ["Opening Balance", None, "Dr Count", "Cr Count", "Debits", "Credits", "Closing Bal"],
    [100000, None, 0, 0, 0, 0, 100000],
    ["This is a computer generated statement and does not require signature."],
]  # fmt: skip


def test_a_month_without_bank_transactions_lists_every_book_entry(
    tmp_path: Path, xlsx: Callable[..., Path], capsys: pytest.CaptureFixture[str]
) -> None:
    """HDFC's export of a month with no transactions (helper-116, c04q): the header, 'No
    transactions found', a summary whose opening equals its closing. Before, exit 2 'no
    statement lines were read'; the BRS is the bank's balance and every book entry of the
    month, outstanding."""
    bank = xlsx({"Sheet1": HDFC_NO_TRANSACTIONS}, name="bank.xlsx")
    books = xlsx({"Ledger": ledger(NOVEMBER_BOOKS)}, name="books.xlsx")
    code, said, brs, _ = run(tmp_path, capsys, bank, books)
    assert code == 0 and "0 bank and 3 ledger lines unmatched" in said, said
    assert brs[1] == ["Bank Reconciliation Statement as on 30 November 2026"]
    assert ["Balance as per bank statement", 100000] in brs
    assert ["Total receipts in the books not yet credited", 118000] in brs
    assert ["Total payments in the books not yet debited", 63900] in brs
    assert ["Balance as per books (ledger)", 154100] in brs
    issues = openpyxl.load_workbook(tmp_path / "brs.xlsx")["Issues"]
    assert any(
        "the statement has no transactions from 01-11-2026 to 30-11-2026: its opening and "
        "closing balance are both 1,00,000.00" in str(c.value)
        for row in issues.iter_rows()
        for c in row
    )


def test_a_statement_without_lines_whose_balances_differ_is_still_refused(
    tmp_path: Path, xlsx: Callable[..., Path], capsys: pytest.CaptureFixture[str]
) -> None:
    """No lines read but a summary that moved (opening 1,00,000, closing 1,18,000): lines were
    lost, not absent, and no BRS is made of it."""
    rows = [list(r) for r in HDFC_NO_TRANSACTIONS]
    rows[13] = [100000, None, 0, 1, 0, 18000, 118000]
    bank = xlsx({"Sheet1": rows}, name="bank.xlsx")
    books = xlsx({"Ledger": ledger(NOVEMBER_BOOKS)}, name="books.xlsx")
    code, said, _, _ = run(tmp_path, capsys, bank, books)
    assert code == 2 and "bank.xlsx: no statement lines were read from sheet Sheet1" in said
