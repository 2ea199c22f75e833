"""A bank ledger whose Debit and Credit are the wrong way round (the bank's statement given as
the ledger, a bank book kept by hand headed the other way) is refused, not reconciled: every
line would sit on the BRS twice and the BRS would still "tie"."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import Any

import pandas as pd
import pytest

from tests.bank.test_reconcile import ledger, statement
from xlbo.bank.side import Side, side
from xlbo.bank.wrong_way import wrong_way
from xlbo.cli import main
from xlbo.jobs.reconcile import run_reconcile
from xlbo.journal_layout import HEADERS

HEADERS_TALLY = ("Date", "Particulars", "Vch Type", "Vch No.", "Debit", "Credit")

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


def refused(capsys: pytest.CaptureFixture[str], *argv: str) -> str:
    """What the CLI said on a run refused (exit 2), no traceback and no BRS written."""
    out = Path(argv[argv.index("--out") + 1])
    code = main(["reconcile", *argv])
    said = capsys.readouterr().err
    assert code == 2, said
    assert "Traceback" not in said
    assert not out.exists()
    return said


# -- xlbo's Journal sheet with --account: each receipt and payment a voucher of two lines -------

JOURNAL_HEAD = list(HEADERS)
JOURNAL = [
    [date(2026, 10, 2), "R/1", "Receipt", "HDFC Bank A/c", 50000, None, "", "", "NEFT N1001"],
    [date(2026, 10, 2), "R/1", "Receipt", "Trade Receivables", None, 50000, "Acme Traders", "", ""],
    [
        date(2026, 10, 3),
        "P/1",
        "Payment",
        "Trade Payables",
        23456.50,
        None,
        "Raj Suppliers",
        "",
        "",
    ],
    [date(2026, 10, 3), "P/1", "Payment", "HDFC Bank A/c", None, 23456.50, "", "", "Chq 000123"],
    [date(2026, 10, 5), "R/2", "Receipt", "HDFC Bank A/c", 123456.78, None, "", "", "UPI U2002"],
    [
        date(2026, 10, 5),
        "R/2",
        "Receipt",
        "Trade Receivables",
        None,
        123456.78,
        "Customer One",
        "",
        "",
    ],
    [date(2026, 10, 9), "J/1", "Journal", "Rent", 41000, None, "", "", "October rent"],
    [date(2026, 10, 9), "J/1", "Journal", "Rent Payable", None, 41000, "", "", ""],
    [date(2026, 10, 12), "P/2", "Payment", "Trade Payables", 250000, None, "Big Vendor", "", ""],
    [date(2026, 10, 12), "P/2", "Payment", "HDFC Bank A/c", None, 250000, "", "", "RTGS R3003"],
    [date(2026, 10, 20), "R/3", "Receipt", "HDFC Bank A/c", 7300, None, "", "", "NEFT N1005"],
    [
        date(2026, 10, 20),
        "R/3",
        "Receipt",
        "Trade Receivables",
        None,
        7300,
        "Kaveri Traders",
        "",
        "",
    ],
]


def exchanged(rows: list[list[Any]]) -> list[list[Any]]:
    """The Journal with its Debit and Credit columns the other way round (every voucher still
    balances: only the bank's side gives it away)."""
    return [[*row[:4], row[5], row[4], *row[6:]] for row in rows]


def test_a_journal_the_wrong_way_round_is_refused_for_the_account_named(
    xlsx: Callable[..., Path], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    bank = xlsx({"Statement": statement(BANK)}, name="bank.xlsx")
    journal = xlsx({"Journal": [JOURNAL_HEAD, *exchanged(JOURNAL)]}, name="journal.xlsx")
    said = refused(
        capsys,
        *("--bank", str(bank), "--ledger", str(journal), "--account", "HDFC Bank A/c"),
        *("--out", str(tmp_path / "brs.xlsx")),
    )
    assert "journal.xlsx: its Debit and Credit look the wrong way round" in said
    assert "5 of its 5 lines equal a bank line of the same amount only on the other side" in said
    assert "and 0 equal one as they stand" in said
    assert "50,000.00 Credit, where the bank shows 02-10-2026" in said
    assert "debited with receipts (money in) and credited with payments" in said
    # the right way round, the same Journal reconciles: every line paired, the BRS ties
    right = xlsx({"Journal": [JOURNAL_HEAD, *JOURNAL]}, name="journal-right.xlsx")
    result = run_reconcile(bank, right, account="HDFC Bank A/c")
    assert result.match_count == 5 and result.brs.difference == 0


# -- a ledger with one signed Amount column (plus: money into the bank) -------------------------


def signed_ledger(rows: list[list[Any]], sign: int) -> list[list[Any]]:
    return [
        ["HDFC Bank A/c"],
        ["Date", "Particulars", "Vch No.", "Amount"],
        [date(2026, 10, 1), "Opening Balance", None, sign * 100000],
        *(
            [day, name, number, sign * ((debit or 0) - (credit or 0))]
            for day, name, _, number, debit, credit in rows
        ),
    ]


def test_a_signed_amount_ledger_the_wrong_way_round_is_refused(
    xlsx: Callable[..., Path], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    bank = xlsx({"Statement": statement(BANK)}, name="bank.xlsx")
    books = xlsx({"Ledger": signed_ledger(BOOKS, -1)}, name="amounts.xlsx")
    said = refused(
        capsys, "--bank", str(bank), "--ledger", str(books), "--out", str(tmp_path / "brs.xlsx")
    )
    assert "amounts.xlsx: its Debit and Credit look the wrong way round" in said
    assert "5 of its 5 lines equal a bank line" in said
    right = xlsx({"Ledger": signed_ledger(BOOKS, 1)}, name="amounts-right.xlsx")
    result = run_reconcile(bank, right)
    assert result.match_count == 5 and result.brs.difference == 0


# -- cheques cleared days after the books' date: their numbers say which way round -------------


def test_cheques_cleared_late_are_known_the_wrong_way_round_by_their_numbers(
    xlsx: Callable[..., Path], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    # every cheque clears 10 to 12 days after the books' date, past the window's 7 days: only
    # the cheque numbers tie the lines (a hand-kept bank book with its columns the other way)
    bank_rows = [
        ["13/10/26", "CLG CHQ DEP 000451 DECCAN MART", "000451", None, 12000],
        ["14/10/26", "CHQ PAID-000811-RAJ SUPPLIERS", "000811", 8850, None],
        ["15/10/26", "CLG CHQ DEP 000452 OM SAI LOGISTICS", "000452", None, 31500],
        ["16/10/26", "CHQ PAID-000812-SHREE GANESH", "000812", 4720, None],
        ["20/10/26", "CLG CHQ DEP 000453 VARDHAMAN RETAIL", "000453", None, 67250],
    ]
    book_rows = [
        [date(2026, 10, 3), "Deccan Mart", "Receipt", "Chq 000451", 12000, None],
        [date(2026, 10, 4), "Raj Suppliers", "Payment", "Chq 000811", None, 8850],
        [date(2026, 10, 5), "Om Sai Logistics", "Receipt", "Chq 000452", 31500, None],
        [date(2026, 10, 6), "Shree Ganesh", "Payment", "Chq 000812", None, 4720],
        [date(2026, 10, 8), "Vardhaman Retail", "Receipt", "Chq 000453", 67250, None],
    ]
    bank = xlsx({"Statement": statement(bank_rows)}, name="bank.xlsx")
    books = xlsx({"Ledger": ledger(swapped(book_rows))}, name="bankbook.xlsx")
    said = refused(
        capsys, "--bank", str(bank), "--ledger", str(books), "--out", str(tmp_path / "brs.xlsx")
    )
    assert "bankbook.xlsx: its Debit and Credit look the wrong way round" in said
    assert "5 of its 5 lines equal a bank line" in said
    assert "03-10-2026 'Deccan Mart' 12,000.00 Credit, where the bank shows 13-10-2026" in said
    result = run_reconcile(bank, xlsx({"Ledger": ledger(book_rows)}, name="right.xlsx"))
    assert result.match_count == 5 and result.brs.difference == 0


# -- a month of 30 lines with its genuine reversals -------------------------------------------

PARTIES = [  # day, name, reference, amount, in (True) or out
    (1, "ACME TRADERS", "N4001", 50000, True),
    (1, "RAJ SUPPLIERS", "N4002", 23456.50, False),
    (2, "CUSTOMER ONE", "U4003", 1234.56, True),
    (2, "BIG VENDOR", "R4004", 250000, False),
    (3, "KAVERI TRADERS", "N4005", 7300, True),
    (5, "DECCAN MART", "N4006", 18250, True),
    (6, "OM SAI LOGISTICS", "N4007", 9440, False),
    (6, "VARDHAMAN RETAIL", "N4008", 64800, True),
    (7, "SHREE GANESH", "I4009", 4720, False),
    (8, "MEHTA AND CO", "N4010", 11800, False),
    (9, "PATIL ENTERPRISES", "N4011", 27500, True),
    (10, "LAXMI STORES", "U4012", 3150, True),
    (12, "SAHYADRI STEEL", "R4013", 212400, False),
    (13, "JOSHI AGENCIES", "N4014", 15340, True),
    (14, "NAIK TRANSPORT", "N4015", 8260, False),
    (15, "GOKUL DAIRY", "N4016", 42000, True),
    (16, "RAO ELECTRICALS", "N4017", 5900, False),
    (19, "DESAI PACKAGING", "N4018", 33040, False),
    (20, "KULKARNI TRADERS", "N4019", 19999, True),
    (21, "BALAJI TRADERS", "N4020", 76700, True),
    (22, "INDIRA TEXTILES", "N4021", 14160, False),
    (23, "PRIME MOTORS", "R4022", 185000, False),
    (26, "SHAH AND SONS", "N4023", 26550, True),
    (28, "GANGA FOODS", "N4024", 9100, True),
]
REVERSALS_BANK = [  # a payment returned, a cheque deposited and returned, a payment reversed
    ["08/10/26", "NEFT DR-OM SAI TRANSPORT-N4031", "N4031", 18500, None],
    ["09/10/26", "NEFT RETURN-OM SAI TRANSPORT-N4031-ACCOUNT CLOSED", "N4031", None, 18500],
    ["14/10/26", "CLG CHQ DEP 000452 DECCAN MART", "000452", None, 12000],
    ["17/10/26", "CHQ RETURN 000452 DECCAN MART FUNDS INSUFFICIENT", "000452", 12000, None],
    ["24/10/26", "IMPS-P4033-SHREE GANESH", "P4033", 4200, None],
    ["24/10/26", "REV-IMPS-P4033-SHREE GANESH", "P4033", None, 4200],
]
REVERSALS_BOOKS = [  # the books' side of each: the return and the bounced cheque booked,
    # the reversed payment not yet (it stays on the BRS)
    [date(2026, 10, 8), "Om Sai Transport", "Payment", "N4031", None, 18500],
    [date(2026, 10, 9), "Om Sai Transport (NEFT returned)", "Receipt", "N4031", 18500, None],
    [date(2026, 10, 14), "Deccan Mart", "Receipt", "Chq 000452", 12000, None],
    [date(2026, 10, 17), "Deccan Mart (cheque returned)", "Journal", "Chq 000452", None, 12000],
    [date(2026, 10, 24), "Shree Ganesh", "Payment", "P4033", None, 4200],
]


def test_a_month_of_30_lines_with_three_reversals_runs_as_before(
    xlsx: Callable[..., Path], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    bank_rows = [
        [
            f"{day:02d}/10/26",
            f"{'NEFT CR' if money_in else 'NEFT DR'}-{name}-{ref}",
            ref,
            None if money_in else amount,
            amount if money_in else None,
        ]
        for day, name, ref, amount, money_in in PARTIES
    ] + REVERSALS_BANK
    book_rows = [
        [
            date(2026, 10, day),
            name.title(),
            "Receipt" if money_in else "Payment",
            ref,
            amount if money_in else None,
            None if money_in else amount,
        ]
        for day, name, ref, amount, money_in in PARTIES
    ] + REVERSALS_BOOKS
    assert len(bank_rows) == 30
    bank = xlsx({"Statement": statement(bank_rows)}, name="bank.xlsx")
    books = xlsx({"Ledger": ledger(book_rows)}, name="books.xlsx")
    out = tmp_path / "brs.xlsx"
    code = main(["reconcile", "--bank", str(bank), "--ledger", str(books), "--out", str(out)])
    said = capsys.readouterr()
    assert "wrong way round" not in said.err + said.out
    assert code != 2 and out.exists()
    result = run_reconcile(bank, books)
    # every book line paired; only the bank's reversal of the IMPS, not yet booked, is left
    assert result.match_count == 29 and result.ledger_open == []
    assert [str(result.bank.loc[b, "narration"]) for b in result.bank_open] == [
        "REV-IMPS-P4033-SHREE GANESH"
    ]
    assert result.brs.difference == 0


def test_a_month_with_three_lines_the_other_way_round_among_30_runs_as_before(
    xlsx: Callable[..., Path], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    # the same month with the REV of the SMS charges credited to the bank in the books (booked on
    # the wrong side), and two cheques issued, not yet presented, whose amounts happen to equal
    # receipts of their days: three ledger lines of 32 equal a bank line only the other way
    # round; a slip or chance, not a ledger the wrong way round
    bank_rows = [
        [
            f"{day:02d}/10/26",
            f"{'NEFT CR' if money_in else 'NEFT DR'}-{name}-{ref}",
            ref,
            None if money_in else amount,
            amount if money_in else None,
        ]
        for day, name, ref, amount, money_in in PARTIES
    ] + [*REVERSALS_BANK, ["27/10/26", "REV-SMS CHARGES", "", None, 17.70]]
    slips = [
        [date(2026, 10, 13), "Naik Hardware", "Payment", "Chq 000811", None, 15340],
        [date(2026, 10, 27), "Bank Charges", "Journal", "JV/9", None, 17.70],
        [date(2026, 10, 28), "Sai Printers", "Payment", "Chq 000812", None, 9100],
    ]
    book_rows = [
        [
            date(2026, 10, day),
            name.title(),
            "Receipt" if money_in else "Payment",
            ref,
            amount if money_in else None,
            None if money_in else amount,
        ]
        for day, name, ref, amount, money_in in PARTIES
    ] + [*REVERSALS_BOOKS, *slips]
    bank = xlsx({"Statement": statement(bank_rows)}, name="bank.xlsx")
    books = xlsx({"Ledger": ledger(book_rows)}, name="books.xlsx")
    out = tmp_path / "brs.xlsx"
    code = main(["reconcile", "--bank", str(bank), "--ledger", str(books), "--out", str(out)])
    said = capsys.readouterr()
    assert "wrong way round" not in said.err + said.out
    assert code != 2 and out.exists()
    result = run_reconcile(bank, books)
    # the 29 pairs as before; the three slips and the bank's two REVs left for the BRS
    assert result.match_count == 29
    assert sorted(str(result.ledger.loc[p, "particulars"]) for p in result.ledger_open) == [
        "Bank Charges",
        "Naik Hardware",
        "Sai Printers",
    ]
    assert sorted(str(result.bank.loc[b, "narration"]) for b in result.bank_open) == [
        "REV-IMPS-P4033-SHREE GANESH",
        "REV-SMS CHARGES",
    ]


def test_references_only_on_bank_lines_of_no_amount_are_no_reference_at_all() -> None:
    # the bank's only references sit on lines of 0.00 (a stop-payment note): the ledger's
    # cheque numbers find nothing, and its lines are set beside the bank's by date (this
    # raised IndexError on an empty join)
    bank = side(days=[10, 11, 12, 15], signed=[0, 5_000_00, -2_000_00, 7_000_00])
    bank = Side(bank.lines, pd.DataFrame({"position": [0], "token": ["000124"], "written": [""]}))
    books = side(
        days=[11, 12, 15],
        signed=[-5_000_00, 2_000_00, -7_000_00],
        tokens=[(0, "000121"), (1, "000122"), (2, "000123")],
    )
    found = wrong_way(bank, books)
    assert (found.lines, found.other_way, found.as_they_stand, found.refused) == (3, 3, 0, True)
    assert found.examples == ((0, 1), (1, 2))


def _month_with_balances(
    headings: tuple[str, str], *, overdraft: bool = False, words: bool = True
) -> tuple[list[list[Any]], list[list[Any]]]:
    """24 lines of an HDFC statement with its running balance, the money-out and money-in
    columns headed `headings`, and the Tally ledger of the same vouchers the right way round.
    `overdraft`: the balance is what the company owes, written without Dr (it rises with each
    withdrawal); without `words` the narrations say no side (no NEFT DR or CR)."""
    rows: list[list[Any]] = [
        ["Date", "Narration", "Chq./Ref.No.", "Value Dt", *headings, "Closing Balance"]
    ]
    books = [[date(2026, 10, 1), "Opening Balance", None, None, 500000.00, None]]
    balance = 500000.00
    for day in range(1, 25):
        amount = 1000.00 * day + 0.50
        paid = day % 3 == 0
        balance += -amount if paid else amount
        text = f"NEFT {'DR' if paid else 'CR'}-PARTY {day}-N{day:04d}"
        rows.append(
            [f"{day:02d}/10/26", text if words else f"PARTY {day} N{day:04d}", f"N{day:04d}"]
            + [f"{day:02d}/10/26"]
            + ([amount, None] if paid else [None, amount])
            + [round(1_000_000.00 - balance if overdraft else balance, 2)]
        )
        books.append(
            [date(2026, 10, day), f"Party {day}", "Payment" if paid else "Receipt", f"N{day:04d}"]
            + ([None, amount] if paid else [amount, None])
        )
    return rows, books


def test_a_statement_whose_columns_are_headed_the_other_way_is_named_not_the_ledger(
    xlsx: Callable[..., Path], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """A statement whose money-out column is headed Deposit (and money-in Withdrawal): the
    refusal blamed the ledger, which was right, and told the user to give another. The
    statement's own running balance rises by every 'withdrawal' there, so it is the statement
    that is named. A ledger the wrong way round beside a statement whose balance agrees with
    its columns is still the ledger's fault."""
    rows, vouchers = _month_with_balances(("Deposit Amt.", "Withdrawal Amt."))
    bank = xlsx({"Statement": rows}, name="bank.xlsx")
    books = xlsx({"Ledger": [list(HEADERS_TALLY), *vouchers]}, name="books.xlsx")
    out = tmp_path / "brs.xlsx"
    code = main(["reconcile", "--bank", str(bank), "--ledger", str(books), "--out", str(out)])
    said = capsys.readouterr().err
    assert code == 2, said
    assert "bank.xlsx: its withdrawal and deposit columns look headed the other way round" in said
    assert (
        "rises by its withdrawals and falls by its deposits (23 of the 23 lines it tells)" in said
    )
    assert "books.xlsx: its Debit and Credit" not in said
    assert not out.exists()

    rows, vouchers = _month_with_balances(("Withdrawal Amt.", "Deposit Amt."))
    bank = xlsx({"Statement": rows}, name="bank.xlsx")
    books = xlsx({"Ledger": [list(HEADERS_TALLY), *swapped(vouchers)]}, name="books.xlsx")
    code = main(["reconcile", "--bank", str(bank), "--ledger", str(books), "--out", str(out)])
    said = capsys.readouterr().err
    assert code == 2, said
    assert "books.xlsx: its Debit and Credit look the wrong way round" in said
    assert "withdrawal and deposit columns" not in said


@pytest.mark.parametrize(
    ("words", "blamed"),
    [
        (True, "books.xlsx: its Debit and Credit look the wrong way round"),
        (False, "bank.xlsx and books.xlsx disagree on which way the money went"),
    ],
)
def test_an_overdraft_written_without_dr_does_not_take_the_blame_for_the_ledger(
    xlsx: Callable[..., Path],
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    words: bool,
    blamed: str,
) -> None:
    """An overdraft account's statement that writes what the company owes without Dr: its
    balance rises with each withdrawal, as a statement headed the other way round does. Beside
    a ledger that is the wrong way round, its narrations' words (NEFT DR under Withdrawal)
    show its columns are right, and the ledger is named; where its narrations say no side,
    both causes are named, not the statement alone."""
    rows, vouchers = _month_with_balances(
        ("Withdrawal Amt.", "Deposit Amt."), overdraft=True, words=words
    )
    bank = xlsx({"Statement": rows}, name="bank.xlsx")
    books = xlsx({"Ledger": [list(HEADERS_TALLY), *swapped(vouchers)]}, name="books.xlsx")
    out = tmp_path / "brs.xlsx"
    code = main(["reconcile", "--bank", str(bank), "--ledger", str(books), "--out", str(out)])
    said = capsys.readouterr().err
    assert code == 2, said
    assert blamed in said
    assert "bank.xlsx: its withdrawal and deposit columns" not in said
    if not words:
        assert "The statement's own running balance rises by its withdrawals" in said
        assert "or it is an overdraft account whose balances it writes without Dr" in said
    # with the ledger the right way round, the overdraft reconciles as before
    books = xlsx({"Ledger": [list(HEADERS_TALLY), *vouchers]}, name="books.xlsx")
    code = main(["reconcile", "--bank", str(bank), "--ledger", str(books), "--out", str(out)])
    assert code in (0, 1), capsys.readouterr().err
