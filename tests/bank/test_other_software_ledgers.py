"""Bank ledgers exported from software other than Tally, in their own layouts (helper-136: of
32 exports, SAP's four were refused, Miracle's `Day Total` and Sage Intacct's `Total for …` rows
were read as entries, Vyapar's `Payment-In` as a payment, and the BRS's company line was the
report's own name: `Account Transactions`, `General Ledger`, `Date: 02/12/2026 … Page: 1`).

Each ledger is one month of an HDFC current account: a receipt of 45,000.00 from Jay Ambe
Traders, a payment of 12,500.00 to Mehta & Co."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from pathlib import Path
from typing import Any

import openpyxl
import pytest

from xlbo.readers.ledger import read_ledger

COMPANY = "Shreeji Polymers Pvt Ltd"


def read(xlsx: Callable[..., Path], rows: list[list[Any]], name: str = "ledger.xlsx") -> Any:
    return read_ledger(str(xlsx({"Sheet1": rows}, name=name)))


def amounts(lines: Any) -> tuple[list[int], list[int]]:
    return lines.frame["debit"].tolist(), lines.frame["credit"].tolist()


def test_sap_fbl3n_line_items_signed_with_the_minus_after(xlsx: Callable[..., Path]) -> None:
    """SAP's G/L Account Line Item Display (FBL3N) as its list saves it: the page header, short
    ALV labels, dd.mm.yyyy, the minus after a credit, `*` and `**` total lines."""
    rows = [
        [COMPANY, "G/L Account Line Item Display", None, "Time 10:15:32", "Date 02.12.2026"],
        ["G/L Account", "200110", "HDFC Bank Current A/c"],
        [],
        ["St", "Assignment", "DocumentNo", "Type", "Doc. Date", "Pstng Date", "PK",
         "Amount in local cur.", "LCurr", "Text", "Offst.acct"],
        [None, "20261102", "1400000110", "DZ", "02.11.2026", "02.11.2026", "40", "45,000.00 ",
         "INR", "Jay Ambe Traders Inv 231", "100231"],
        [None, "20261103", "1500000011", "KZ", "03.11.2026", "03.11.2026", "50", "12,500.00-",
         "INR", "Mehta & Co chq 000452", "300114"],
        ["*", None, None, None, None, None, None, "32,500.00 ", "INR", None, None],
        ["**", None, None, None, None, None, None, "32,500.00 ", "INR", None, None],
    ]  # fmt: skip
    lines = read(xlsx, rows)
    assert lines.frame["particulars"].tolist() == [
        "Jay Ambe Traders Inv 231",
        "Mehta & Co chq 000452",
    ]
    assert lines.frame["voucher_no"].tolist() == ["1400000110", "1500000011"]
    assert amounts(lines) == ([4_500_000, 0], [0, 1_250_000])
    assert lines.company == COMPANY
    assert lines.account == "G/L Account 200110 HDFC Bank Current A/c"


def test_sap_day_subtotals_dated_in_the_posting_date_are_no_entries(
    xlsx: Callable[..., Path],
) -> None:
    """FBL3N sorted and subtotalled by posting date writes each day's `*` line with its day."""
    rows = [
        ["St", "Document Number", "Document Type", "Posting Date", "Amount in Local Currency",
         "Local Currency", "Text"],
        [None, "1400000110", "DZ", datetime(2026, 11, 2), 45000, "INR", "Jay Ambe Traders"],
        ["*", None, None, datetime(2026, 11, 2), 45000, "INR", None],
        [None, "1500000011", "KZ", datetime(2026, 11, 3), -12500, "INR", "Mehta & Co"],
        ["*", None, None, datetime(2026, 11, 3), -12500, "INR", None],
        ["**", None, None, None, 32500, "INR", None],
    ]  # fmt: skip
    assert amounts(read(xlsx, rows)) == ([4_500_000, 0], [0, 1_250_000])


@pytest.mark.parametrize(
    ("money_headers", "money"),
    [
        (["Debit/Credit (LC)"], [["45,000.00"], ["-12,500.00"]]),
        (["Debit (LC)", "Credit (LC)"], [["45,000.00", None], [None, "12,500.00"]]),
    ],
)
def test_sap_business_one_general_ledger_opens_in_its_cumulative_balance(
    money_headers: list[str], money: list[list[Any]], xlsx: Callable[..., Path]
) -> None:
    """Business One's grid copied out: `General Ledger`, the selection, the account's row, an
    `Opening Balance` row whose figure stands only under `Cumulative Balance (LC)` (it was read
    as 0.00, without a word)."""
    blank = [None] * len(money_headers)
    rows = [
        ["General Ledger"],
        ["Posting Date", "From", "01.11.26", "To", "30.11.26"],
        [],
        ["#", "Posting Date", "Origin", "Origin No.", "Details", "Offset Account", *money_headers,
         "Cumulative Balance (LC)"],
        [None, "1110102 - HDFC Bank Current A/c"],
        [None, None, None, None, "Opening Balance", None, *blank, "5,00,000.00"],
        [1, "02.11.26", "RC", "141", "Incoming Payments - Jay Ambe Traders", "C0031", *money[0],
         "5,45,000.00"],
        [2, "03.11.26", "PS", "142", "Outgoing Payments - Mehta & Co", "V0012", *money[1],
         "5,32,500.00"],
    ]  # fmt: skip
    lines = read(xlsx, rows)
    assert amounts(lines) == ([4_500_000, 0], [0, 1_250_000])
    assert lines.opening == 50_000_000
    assert lines.company == ""  # not `General Ledger`: the statement's holder is taken


def test_xero_account_transactions_name_the_company_below_the_reports_name_and_the_account(
    xlsx: Callable[..., Path],
) -> None:
    """The account is named on a row over the lines and in the Total row under them; the BRS's
    account line read `A/c No. 50200098765432` alone, without it (helper-136, 04a)."""
    rows = [
        ["Account Transactions"],
        [COMPANY],
        ["For the period 1 November 2026 to 30 November 2026"],
        [],
        ["Date", "Source", "Contact", "Description", "Reference", "Debit", "Credit",
         "Running Balance"],
        ["HDFC Bank Current A/c"],
        [None, None, None, "Opening Balance", None, None, None, "5,00,000.00"],
        ["02 Nov 2026", "Receive Money", "Jay Ambe Traders", "Inv 231", "UTR88", "45,000.00",
         None, "5,45,000.00"],
        ["03 Nov 2026", "Spend Money", "Mehta & Co", "Bill 77", "000452", None, "12,500.00",
         "5,32,500.00"],
        ["Total HDFC Bank Current A/c", None, None, None, None, "45,000.00", "12,500.00", None],
        [None, None, None, "Closing Balance", None, None, None, "5,32,500.00"],
    ]  # fmt: skip
    lines = read(xlsx, rows)
    assert (lines.company, lines.account) == (COMPANY, "HDFC Bank Current A/c")
    assert lines.frame["particulars"].tolist() == ["Jay Ambe Traders", "Mehta & Co"]
    assert amounts(lines) == ([4_500_000, 0], [0, 1_250_000])
    assert (lines.opening, lines.closing) == (50_000_000, 53_250_000)


def test_sage_nominal_activity_page_header_and_account_line(xlsx: Callable[..., Path]) -> None:
    rows = [
        ["Date: 02/12/2026", None, COMPANY, None, "Page: 1"],
        ["Time: 10:15:32", None, "Nominal Activity"],
        [],
        ["Date From:", "01/11/2026"],
        ["Date To:", "30/11/2026"],
        [],
        ["N/C:", "1200", "Name:", "HDFC Bank Current A/c", "Account Balance:", "532,500.00", "DR"],
        [],
        ["No", "Type", "Date", "Account", "Ref", "Details", "Debit", "Credit"],
        ["1", "SR", "02/11/2026", "JAYAMB01", "UTR88", "Jay Ambe Traders", "45,000.00", None],
        ["2", "PP", "03/11/2026", "MEHTA01", "000452", "Mehta & Co", None, "12,500.00"],
    ]  # fmt: skip
    lines = read(xlsx, rows)
    assert (lines.company, lines.account) == (COMPANY, "HDFC Bank Current A/c")
    assert amounts(lines) == ([4_500_000, 0], [0, 1_250_000])


@pytest.mark.parametrize(
    ("number", "total"),
    [
        ("Vr.No.", "Day Total"),  # Miracle's bank book: a day's total under its entries
        ("Document", "Total for 1010 - HDFC Bank Current A/c"),  # Sage Intacct
    ],
)
def test_total_lines_worded_otherwise_are_no_entries(
    number: str, total: str, xlsx: Callable[..., Path]
) -> None:
    rows = [
        [COMPANY],
        ["Date", number, "Particulars", "Debit", "Credit"],
        ["02-11-2026", "R-1", "Jay Ambe Traders", "45,000.00", None],
        [None, None, total, "45,000.00", None],
        ["03-11-2026", "P-1", "Mehta & Co", None, "12,500.00"],
        [None, None, total, None, "12,500.00"],
    ]
    lines = read(xlsx, rows)
    assert lines.frame["voucher_no"].tolist() == ["R-1", "P-1"]
    assert amounts(lines) == ([4_500_000, 0], [0, 1_250_000])


def test_vyapars_payment_in_is_a_receipt_and_its_expense_a_payment(
    xlsx: Callable[..., Path],
) -> None:
    """One unsigned Amount, the way in the app's own words (`Payment-In` was read as money
    out, every receipt printed under payments not yet debited)."""
    rows = [
        [COMPANY],
        ["Bank Account : HDFC Bank Current A/c"],
        ["Duration : 01/11/2026 To 30/11/2026"],
        [],
        ["Date", "Transaction Type", "Ref No.", "Party Name", "Description", "Amount"],
        ["01/11/2026", "Opening Balance", None, None, None, "5,00,000.00"],
        ["02/11/2026", "Payment-In", "1", "Jay Ambe Traders", "Inv 231", "45,000.00"],
        ["03/11/2026", "Payment-Out", "2", "Mehta & Co", "Bill 77", "12,500.00"],
        ["05/11/2026", "Expense", "3", "Raj Properties", "Rent", "30,000.00"],
        ["06/11/2026", "Payment In", "4", "Om Sai Agencies", None, "1,000.00"],
        ["07/11/2026", "Other Income", "5", "HDFC Bank", "Interest", "500.00"],
    ]
    lines = read(xlsx, rows)
    assert amounts(lines) == (
        [4_500_000, 0, 0, 100_000, 50_000],
        [0, 1_250_000, 3_000_000, 0, 0],
    )
    assert lines.account == "HDFC Bank Current A/c"


def test_a_ledger_that_states_no_opening_is_a_warning_not_a_tie(
    tmp_path: Path, xlsx: Callable[..., Path], capsys: pytest.CaptureFixture[str]
) -> None:
    """SAP's line items, Business Central's entries and Sage's nominal activity carry no opening
    balance: the books were taken to open at the statement's, the BRS 'tied' with exit 0, and
    last month's cheque presented this month was listed as an item to book (booked twice)."""
    from tests.bank.test_other_books import STATEMENT
    from xlbo.cli import main

    books = xlsx(
        {
            "Sheet1": [
                ["Document Number", "Posting Date", "Amount in Local Currency", "Text"],
                ["1400000110", "03.11.2026", "5,000.00", "Balaji Traders"],
            ]
        },
        name="fbl3n.xlsx",
    )
    bank = xlsx({"Statement": STATEMENT}, name="statement.xlsx")
    out = tmp_path / "brs.xlsx"
    code = main(["reconcile", "--bank", str(bank), "--ledger", str(books), "--out", str(out)])
    assert code == 1
    assert "1 warning(s)" in capsys.readouterr().out
    issues = list(openpyxl.load_workbook(out)["Issues"].iter_rows(values_only=True))
    said = [row for row in issues if row[0] == "Warning"]
    assert len(said) == 1
    assert "The ledger states no opening balance" in said[0][4]
    assert "--last-brs" in said[0][5]
    summary = " ".join(
        str(c)
        for r in openpyxl.load_workbook(out)["Summary"].iter_rows(values_only=True)
        for c in r
    )
    assert (
        "It ties on an opening balance taken from the statement, the ledger stating none" in summary
    )


def test_a_report_grouped_by_month_names_no_account_by_its_month(
    xlsx: Callable[..., Path],
) -> None:
    """helper-141: `Nov 2026` … `Total for Nov 2026` around the lines named the account 'Nov
    2026' on the BRS."""
    rows = [
        [COMPANY],
        ["Transaction Detail by Account"],
        [],
        [None, "Date", "Transaction Type", "Num", "Name", "Debit", "Credit", "Balance"],
        ["Nov 2026"],
        [None, "02/11/2026", "Payment", "UTR88", "Jay Ambe Traders", "45,000.00", None,
         "5,45,000.00"],
        [None, "03/11/2026", "Expense", "000452", "Mehta & Co", None, "12,500.00", "5,32,500.00"],
        ["Total for Nov 2026", None, None, None, None, "45,000.00", "12,500.00", None],
    ]  # fmt: skip
    lines = read(xlsx, rows)
    assert lines.account == ""
    assert amounts(lines) == ([4_500_000, 0], [0, 1_250_000])
