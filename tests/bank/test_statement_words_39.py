"""Statements whose header words, dates and balance lines were not read (helper-137: of 36
downloads of 20 more banks, a `Post Dt` column was passed over and the lines dated by their value
date — a credit of the 30th valued the 1st left the BRS, which 'tied' — HSBC India's `02NOV2026`
dates were refused, Cosmos Bank's `Balance Dr/Cr` column not read as the balance's side, and
Deutsche Bank's `Old balance:` and `Account balance` not read as the opening and closing)."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, datetime
from pathlib import Path

import pytest

from xlbo.issues import Severity
from xlbo.readers.statement import read_statement


@pytest.mark.parametrize("header", ["Post Dt", "Trxn Date", "Post Date"])
def test_the_posting_date_under_its_short_names_dates_the_lines(
    header: str, xlsx: Callable[..., Path]
) -> None:
    rows = [
        ["Statement of Account"],
        ["Period : 01/11/2026 To 01/12/2026"],
        [header, "Value Dt", "Details", "Chq.No.", "Debit", "Credit", "Balance"],
        ["03/11/2026", "03/11/2026", "NEFT CR-SHARMA TRADERS", "", "", "1,25,000.00", "3,25,000.00"],
        ["30/11/2026", "01/12/2026", "CLG CR 778899 LAXMI STORES", "778899", "", "15,000.00",
         "3,40,000.00"],
    ]  # fmt: skip
    lines = read_statement(str(xlsx({"Sheet1": rows}, name="indian.xlsx")))
    assert lines.frame["date"].tolist() == [date(2026, 11, 3), date(2026, 11, 30)]
    assert lines.closing == 34_000_000


def test_hsbc_indias_dates_written_without_separators(xlsx: Callable[..., Path]) -> None:
    rows = [
        ["HSBC India"],
        ["Date", "Transaction Details", "Deposits", "Withdrawals", "Balance"],
        ["02NOV2026", "BALANCE BROUGHT FORWARD", "", "", "2,00,000.00"],
        ["03NOV2026", "NEFT CR SHARMA TRADERS", "1,25,000.00", "", "3,25,000.00"],
        ["28NOV2026", "SMS CHARGES", "", "17.70", "3,24,982.30"],
    ]
    lines = read_statement(str(xlsx({"Sheet1": rows}, name="hsbc.xlsx")))
    assert lines.frame["date"].tolist() == [date(2026, 11, 3), date(2026, 11, 28)]
    assert (lines.opening, lines.closing) == (20_000_000, 32_498_230)


def test_a_balance_dr_cr_column_is_the_balances_side(xlsx: Callable[..., Path]) -> None:
    """Cosmos Bank's cash credit account: every balance a debit, its side under `Balance
    Dr/Cr`. It was read as a credit: ten 'debit shown as a credit' findings."""
    rows = [
        ["THE COSMOS CO-OPERATIVE BANK LTD."],
        ["Sr.No", "Tran Date", "Chq No", "Particulars", "Debit", "Credit", "Balance",
         "Balance Dr/Cr"],
        [None, None, None, "Opening Balance", None, None, 500000.0, "Dr"],
        [1, datetime(2026, 11, 3), None, "NEFT CR-SHARMA TRADERS", None, 125000.0, 375000.0, "Dr"],
        [2, datetime(2026, 11, 5), "000456", "CHQ PAID RAJ SUPPLIERS", 48250.0, None, 423250.0,
         "Dr"],
    ]  # fmt: skip
    lines = read_statement(str(xlsx({"Sheet1": rows}, name="cosmos.xlsx")))
    assert (lines.opening, lines.closing) == (-50_000_000, -42_325_000)
    assert not [i for i in lines.issues if i.severity is not Severity.INFO]
    assert not lines.findings


def test_deutsche_banks_old_balance_and_account_balance(tmp_path: Path) -> None:
    path = tmp_path / "statement.csv"
    path.write_text(
        "Transactions Current Account (4001234-00);;;;;\n"
        "11/01/2026 - 11/30/2026;;;;;\n"
        "Old balance:;;;;200,000.00;INR\n"
        "Booking date;Value date;Beneficiary / Originator;Payment Details;Debit;Credit;Currency\n"
        "11/03/2026;11/03/2026;SHARMA TRADERS;NEFT CR SHARMA TRADERS;;125,000.00;INR\n"
        "11/28/2026;11/28/2026;;SMS CHARGES;-17.70;;INR\n"
        "Account balance;11/30/2026;;;;324,982.30;INR\n",
        encoding="utf-8",
    )
    lines = read_statement(str(path))
    assert lines.frame["date"].tolist() == [date(2026, 11, 3), date(2026, 11, 28)]
    assert lines.frame["narration"].tolist() == ["NEFT CR SHARMA TRADERS", "SMS CHARGES"]
    assert (lines.opening, lines.closing) == (20_000_000, 32_498_230)
    assert not [i for i in lines.issues if i.severity is not Severity.INFO]


def test_a_us_csv_whose_dates_no_cell_decides_is_dated_by_the_ledgers_period(
    tmp_path: Path, xlsx: Callable[..., Path]
) -> None:
    """helper-137's V2: a statement a US-set Excel saved as CSV, no title, the first fortnight
    of November (every day 12 or less): read day first, 11 February to 11 December, its lines
    'reconciled with the books of their own month'. The ledger's period says month first."""
    from xlbo.jobs.reconcile import run_reconcile

    bank = tmp_path / "statement.csv"
    bank.write_text(
        "Txn Date,Description,Debit,Credit,Balance\n"
        '11/2/2026,NEFT CR-SHREE BALAJI TRADERS,,"118,000.00","430,450.75"\n'
        '11/4/2026,CLG/000452/KAVERI PACKAGING,"35,400.00",,"395,050.75"\n'
        '11/10/2026,SMS CHARGES,17.70,,"395,033.05"\n',
        encoding="utf-8",
    )
    books = xlsx(
        {
            "Ledger": [
                ["Sahyadri Tradelinks Pvt Ltd"],
                ["HDFC Bank A/c"],
                ["1-Nov-2026 to 30-Nov-2026"],
                ["Date", "Particulars", "Vch Type", "Vch No.", "Debit", "Credit"],
                [date(2026, 11, 1), "Opening Balance", None, None, 312450.75, None],
                [date(2026, 11, 2), "Shree Balaji Traders", "Receipt", "R/1", 118000, None],
                [date(2026, 11, 4), "Kaveri Packaging", "Payment", "P/1", None, 35400],
            ]
        },
        name="books.xlsx",
    )
    result = run_reconcile(bank, books)
    assert (result.match_count, len(result.bank_open), len(result.ledger_open)) == (2, 1, 0)
    assert result.bank["date"].tolist() == [date(2026, 11, d) for d in (2, 4, 10)]
    assert any("read month first" in issue.problem for issue in result.issues)


def test_a_marathi_statement_of_a_cooperative_bank(xlsx: Callable[..., Path]) -> None:
    """helper-137's 17b: Maharashtra's co-operative banks print नावे (not Hindi's नामे) for
    debit, शिल्लक for balance, तपशील for particulars, मागील शिल्लक for the balance brought
    forward and एकूण for the total: refused, and with --map its total row an Error."""
    rows = [
        ["दिनांक", "तपशील", "धनादेश क्र.", "नावे", "जमा", "शिल्लक"],
        ["01/11/2026", "मागील शिल्लक", "", "", "", "2,00,000.00"],
        ["03/11/2026", "NEFT CR-SHARMA TRADERS", "", "", "1,25,000.00", "3,25,000.00"],
        ["05/11/2026", "CHQ PAID RAJ SUPPLIERS", "000456", "48,250.00", "", "2,76,750.00"],
        ["", "एकूण", "", "48,250.00", "1,25,000.00", ""],
    ]
    lines = read_statement(str(xlsx({"Sheet1": rows}, name="coop.xlsx")))
    assert lines.frame["narration"].tolist() == ["NEFT CR-SHARMA TRADERS", "CHQ PAID RAJ SUPPLIERS"]
    assert lines.frame["reference"].tolist()[1] == "000456"
    assert lines.closing == 27_675_000
    assert not [i for i in lines.issues if i.severity is Severity.ERROR]


def test_a_balance_dr_cr_beside_one_unsigned_amount_is_still_the_balances(
    xlsx: Callable[..., Path],
) -> None:
    """helper-139: with one unsigned Amount, `Balance Dr/Cr` was taken for each line's side,
    and every payment of a credit balance read as a deposit."""
    rows = [
        ["Tran Date", "Particulars", "Amount", "Balance", "Balance Dr/Cr"],
        [datetime(2026, 11, 1), "Opening Balance", None, 500000.0, "Cr"],
        [datetime(2026, 11, 3), "NEFT CR-SHARMA TRADERS", 125000.0, 625000.0, "Cr"],
        [datetime(2026, 11, 5), "CHQ PAID RAJ SUPPLIERS", 48250.0, 576750.0, "Cr"],
    ]
    lines = read_statement(str(xlsx({"Sheet1": rows}, name="cosmos.xlsx")))
    assert lines.frame["credit"].tolist() == [12_500_000, 0]
    assert lines.frame["debit"].tolist() == [0, 4_825_000]
    assert not lines.findings
