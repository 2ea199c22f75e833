"""Bank ledgers from books other than our demo's: Tally exports shaped otherwise (two-digit
years, pages with Carried Over / Brought Forward and the header again, one Amount column with
Dr/Cr), ERPNext's General Ledger, Zoho Books' Account Transactions, QuickBooks' Transaction
Detail by Account and Busy's Account Ledger. Each fixture is written in the layout the export
has (header words, title rows, balance and total lines, how amounts and signs are written);
each is read to the same month, and reconciled through the CLI against a small statement.

In every one the bank ledger is an asset account: a debit (Dr, or a plus where the file writes
one signed Amount) is money into the bank, a credit money out."""

from __future__ import annotations

import csv
from collections.abc import Callable
from datetime import date, datetime
from pathlib import Path
from typing import Any

import openpyxl
import pandas as pd
import pytest

from tests.bank.test_ledger_layouts import first_and_last, totals
from tests.bank.test_reconcile import HDFC_HEAD
from xlbo.cli import main
from xlbo.errors import SheetProblem
from xlbo.readers.ledger import read_ledger

# The month every fixture holds: opening 1,00,000.00 Dr; a receipt of 5,000.00 from Balaji
# Traders on 2 Nov (cheque 123456); a payment of 2,000.00 to Kaveri Home Needs on 4 Nov; a
# receipt of 12,50,000.50 from Om Sai Logistics on 28 Nov; closing 13,53,000.50 Dr.
OPENING, CLOSING = 10000000, 135300050
DEBITS, CREDITS = 500000 + 125000050, 200000
FIRST = {"date": date(2026, 11, 2), "particulars": "Balaji Traders", "debit": 500000, "credit": 0}
LAST = {
    "date": date(2026, 11, 28),
    "particulars": "Om Sai Logistics",
    "debit": 125000050,
    "credit": 0,
}


def write_csv(path: Path, rows: list[list[Any]]) -> Path:
    with path.open("w", newline="", encoding="utf-8") as handle:
        csv.writer(handle).writerows(rows)
    return path


def read_month(path: Path, closing: int | None = CLOSING) -> Any:
    """The ledger read from `path`, checked against the month every fixture holds (`closing`
    None where the export writes no closing balance)."""
    lines = read_ledger(str(path))
    assert lines.issues == []
    assert len(lines.frame) == 3
    assert totals(lines) == (DEBITS, CREDITS)
    assert (lines.opening, lines.closing) == (OPENING, closing)
    first, last = first_and_last(lines)
    assert {k: first[k] for k in FIRST} == FIRST
    assert {k: last[k] for k in LAST} == LAST
    return lines


# -- Tally to CSV, two-digit years, printed in pages ---------------------------------------------
# A Ledger Vouchers report exported page by page: `Carried Over` at the foot of a page, the
# header again, `Brought Forward` at the head of the next; dates `2-Nov-26`.

TALLY_HEADER = ["Date", "Particulars", "Vch Type", "Vch No.", "Debit", "Credit"]
TALLY_PAGES = [
    ["Sahyadri Tradelinks Pvt Ltd"],
    ["HDFC Bank A/c 50200012345678"],
    ["Ledger Account"],
    ["1-Nov-26 to 30-Nov-26"],
    TALLY_HEADER,
    ["1-Nov-26", "Opening Balance", "", "", "1,00,000.00", ""],
    ["2-Nov-26", "To Balaji Traders", "Receipt", "41", "5,000.00", ""],
    ["", "Ch. No. : 123456", "", "", "", ""],
    ["4-Nov-26", "By Kaveri Home Needs", "Payment", "17", "", "2,000.00"],
    ["", "Carried Over", "", "", "1,05,000.00", "2,000.00"],
    ["Sahyadri Tradelinks Pvt Ltd"],
    TALLY_HEADER,
    ["", "Brought Forward", "", "", "1,05,000.00", "2,000.00"],
    ["28-Nov-26", "To Om Sai Logistics", "Receipt", "42", "12,50,000.50", ""],
    ["", "By Closing Balance", "", "", "", "13,53,000.50"],
    ["", "Total", "", "", "13,55,000.50", "13,55,000.50"],
]


def test_tally_pages_with_carried_over_and_two_digit_years(tmp_path: Path) -> None:
    lines = read_month(write_csv(tmp_path / "hdfc-ledger.csv", TALLY_PAGES))
    assert lines.frame["narration"].tolist() == ["Ch. No. : 123456", "", ""]
    assert lines.frame["voucher_no"].tolist() == ["41", "17", "42"]
    assert lines.period == (date(2026, 11, 1), date(2026, 11, 30))


# -- Tally with one Amount column, Dr/Cr after the figure ----------------------------------------

TALLY_ONE_AMOUNT = [
    ["Sahyadri Tradelinks Pvt Ltd"],
    ["HDFC Bank A/c 50200012345678"],
    ["Ledger Account"],
    ["1-Nov-2026 to 30-Nov-2026"],
    ["Date", "Particulars", "Vch Type", "Vch No.", "Amount"],
    [datetime(2026, 11, 1), "Opening Balance", None, None, "1,00,000.00 Dr"],
    [datetime(2026, 11, 2), "Balaji Traders", "Receipt", "41", "5,000.00 Dr"],
    [datetime(2026, 11, 4), "Kaveri Home Needs", "Payment", "17", "2,000.00 Cr"],
    [datetime(2026, 11, 28), "Om Sai Logistics", "Receipt", "42", "12,50,000.50 Dr"],
    [None, "Closing Balance", None, None, "13,53,000.50 Dr"],
]


def test_tally_one_amount_column_with_dr_and_cr(xlsx: Callable[..., Path]) -> None:
    lines = read_month(xlsx({"Ledger": TALLY_ONE_AMOUNT}, name="ledger.xlsx"))
    assert lines.frame["credit"].tolist() == [0, 200000, 0]  # Cr: money out of the bank


def test_one_amount_column_with_its_side_in_a_column_of_its_own(tmp_path: Path) -> None:
    # `Amount | Dr/Cr`: the 2,000.00 marked Cr is money out of the bank, though unsigned (was
    # read as money in, and the BRS still said 0.00)
    path = tmp_path / "ledger.csv"
    path.write_text(
        "Date,Particulars,Vch No.,Amount,Dr/Cr\n"
        "03-11-2026,Acme Traders,1,5000.00,Dr\n"
        "04-11-2026,Rent,2,2000.00,Cr\n",
        encoding="utf-8",
    )
    lines = read_ledger(str(path))
    assert lines.frame["debit"].tolist() == [500000, 0]
    assert lines.frame["credit"].tolist() == [0, 200000]


# -- ERPNext: General Ledger report, filtered to the bank account, to CSV ------------------------
# Columns as the report shows them (`Posting Date`, `Account`, `Debit (INR)` ...); the opening,
# total and closing rows carry `'Opening'`, `'Total'`, `'Closing (Opening + Total)'` in Account
# and no date. `Party` is blank on a Journal Entry; its `Against Account` names the other side.

ERPNEXT_HEADER = [
    "Posting Date",
    "Account",
    "Debit (INR)",
    "Credit (INR)",
    "Balance (INR)",
    "Voucher Type",
    "Voucher No",
    "Against Account",
    "Party Type",
    "Party",
    "Cost Center",
    "Against Voucher Type",
    "Against Voucher",
    "Remarks",
]
BANK = "HDFC Bank - STPL"


def erpnext(
    day: str,
    debit: str,
    credit: str,
    kind: str,
    no: str,
    against: str,
    party: str,
    remarks: str = "",
) -> list[str]:
    party_type = "Customer" if debit != "0.00" else "Supplier" if party else ""
    return [
        day,
        BANK,
        debit,
        credit,
        "",
        kind,
        no,
        against,
        party_type,
        party,
        "Main - STPL",
        "",
        "",
        remarks,
    ]


ERPNEXT_GL = [
    ERPNEXT_HEADER,
    ["", "'Opening'", "1,00,000.00", "0.00", "1,00,000.00", *[""] * 9],
    erpnext(
        "02-11-2026",
        "5,000.00",
        "0.00",
        "Payment Entry",
        "ACC-PAY-2026-00041",
        "Debtors - STPL",
        "Balaji Traders",
        "Amount INR 5,000.00 received from Balaji Traders\n"
        "Transaction reference no 123456 dated 02-11-2026",
    ),
    erpnext(
        "04-11-2026",
        "0.00",
        "2,000.00",
        "Journal Entry",
        "ACC-JV-2026-00017",
        "Kaveri Home Needs",
        "",
    ),
    erpnext(
        "28-11-2026",
        "12,50,000.50",
        "0.00",
        "Payment Entry",
        "ACC-PAY-2026-00042",
        "Debtors - STPL",
        "Om Sai Logistics",
    ),
    ["", "'Total'", "12,55,000.50", "2,000.00", "12,53,000.50", *[""] * 9],
    ["", "'Closing (Opening + Total)'", "13,55,000.50", "2,000.00", "13,53,000.50", *[""] * 9],
]


def test_erpnext_general_ledger(tmp_path: Path) -> None:
    lines = read_month(write_csv(tmp_path / "General Ledger.csv", ERPNEXT_GL))
    frame = lines.frame
    assert frame["particulars"].tolist()[1] == "Kaveri Home Needs"  # from Against Account
    assert frame["voucher_type"].tolist()[0] == "Payment Entry"
    assert frame["voucher_no"].tolist()[2] == "ACC-PAY-2026-00042"
    assert "Transaction reference no 123456" in frame["narration"].tolist()[0]


# -- Zoho Books: Accountant > Account Transactions, filtered to the bank, to XLSX ----------------
# Title rows, then `Date | Account | Transaction Details | Transaction Type | Transaction# |
# Reference# | Debit | Credit | Amount`; the opening and closing balance rows have their figure
# in Amount only; amounts written with `Rs.`.

ZOHO = [
    ["Sahyadri Tradelinks Pvt Ltd"],
    ["Account Transactions"],
    ["Basis: Accrual"],
    ["From 01/11/2026 To 30/11/2026"],
    [],
    [
        "Date",
        "Account",
        "Transaction Details",
        "Transaction Type",
        "Transaction#",
        "Reference#",
        "Debit",
        "Credit",
        "Amount",
    ],
    [None, "Opening Balance", None, None, None, None, None, None, "Rs.1,00,000.00"],
    [
        "02/11/2026",
        "HDFC Bank",
        "Balaji Traders",
        "Customer Payment",
        "41",
        "123456",
        "Rs.5,000.00",
        None,
        "Rs.5,000.00",
    ],
    [
        "04/11/2026",
        "HDFC Bank",
        "Kaveri Home Needs",
        "Vendor Payment",
        "17",
        None,
        None,
        "Rs.2,000.00",
        "-Rs.2,000.00",
    ],
    [
        "28/11/2026",
        "HDFC Bank",
        "Om Sai Logistics",
        "Customer Payment",
        "42",
        None,
        "Rs.12,50,000.50",
        None,
        "Rs.12,50,000.50",
    ],
    [None, "Closing Balance", None, None, None, None, None, None, "Rs.13,53,000.50"],
]


def test_zoho_books_account_transactions(xlsx: Callable[..., Path]) -> None:
    lines = read_month(xlsx({"Account Transactions": ZOHO}, name="Account Transactions.xlsx"))
    assert lines.frame["reference"].tolist()[0] == "123456"
    assert lines.frame["voucher_type"].tolist()[1] == "Vendor Payment"


# -- QuickBooks Online India: Transaction Detail by Account, to Excel ------------------------------
# The account's name on a row of its own in the first (unnamed) column, one signed `Amount`
# (plus: a deposit, into the bank; a cheque or bill payment in brackets or with a minus), a
# running `Balance`, and `Total for HDFC Bank` at the foot.

QUICKBOOKS = [
    ["Sahyadri Tradelinks Pvt Ltd"],
    ["Transaction Detail by Account"],
    ["November 2026"],
    [],
    [
        None,
        "Date",
        "Transaction Type",
        "No.",
        "Name",
        "Memo/Description",
        "Split",
        "Amount",
        "Balance",
    ],
    ["HDFC Bank", None, None, None, None, None, None, None, None],
    [None, None, "Beginning Balance", None, None, None, None, None, "1,00,000.00"],
    [
        None,
        "02/11/2026",
        "Payment",
        "41",
        "Balaji Traders",
        "Cheque 123456",
        "Accounts Receivable (Debtors)",
        "5,000.00",
        "1,05,000.00",
    ],
    [
        None,
        "04/11/2026",
        "Bill Payment (Cheque)",
        "17",
        "Kaveri Home Needs",
        None,
        "Accounts Payable (Creditors)",
        "(2,000.00)",
        "1,03,000.00",
    ],
    [
        None,
        "28/11/2026",
        "Deposit",
        "42",
        "Om Sai Logistics",
        None,
        "Sales",
        "12,50,000.50",
        "13,53,000.50",
    ],
    ["Total for HDFC Bank", None, None, None, None, None, None, "12,53,000.50", None],
    [None, None, "Ending Balance", None, None, None, None, None, "13,53,000.50"],
]


def test_quickbooks_transaction_detail_by_account(xlsx: Callable[..., Path]) -> None:
    lines = read_month(xlsx({"Sheet1": QUICKBOOKS}, name="Transaction Detail by Account.xlsx"))
    assert lines.frame["narration"].tolist()[0] == "Cheque 123456"
    assert lines.frame["credit"].tolist() == [0, 200000, 0]  # (2,000.00): out of the bank


# -- Busy: Display > Account Books > Ledger, to Excel ---------------------------------------------
# `Date | Vch/Bill No | Particulars | Debit(Rs.) | Credit(Rs.) | Balance(Rs.)`, the balance with
# Dr/Cr after it; the opening balance written only in the balance column.

BUSY = [
    ["SAHYADRI TRADELINKS PVT LTD"],
    ["Account Ledger"],
    ["HDFC BANK A/C"],
    ["From 01-11-2026 to 30-11-2026"],
    ["Date", "Vch/Bill No", "Particulars", "Debit(Rs.)", "Credit(Rs.)", "Balance(Rs.)"],
    ["01-11-2026", None, "Opening Balance", None, None, "1,00,000.00 Dr"],
    ["02-11-2026", "Rcpt/41", "Balaji Traders", "5,000.00", None, "1,05,000.00 Dr"],
    ["04-11-2026", "Pymt/17", "Kaveri Home Needs", None, "2,000.00", "1,03,000.00 Dr"],
    ["28-11-2026", "Rcpt/42", "Om Sai Logistics", "12,50,000.50", None, "13,53,000.50 Dr"],
    [None, None, "Closing Balance", None, None, "13,53,000.50 Dr"],
    [None, None, "Total", "12,55,000.50", "2,000.00", None],
]


def test_busy_account_ledger(xlsx: Callable[..., Path]) -> None:
    lines = read_month(xlsx({"Ledger": BUSY}, name="busy-ledger.xlsx"))
    assert lines.frame["voucher_no"].tolist() == ["Rcpt/41", "Pymt/17", "Rcpt/42"]


# -- Marg ERP: Ledger, to Excel -----------------------------------------------------------------
# Capitals throughout, the ledger and the period on one title line, `VCH.NO`, the opening balance
# in the BALANCE column only with Dr after it, TOTAL above CLOSING BALANCE.

MARG = [
    ["SAHYADRI TRADELINKS PVT LTD"],
    ["LEDGER OF HDFC BANK A/C FROM 01/11/2026 TO 30/11/2026"],
    [],
    ["DATE", "VCH.NO", "PARTICULARS", "DEBIT", "CREDIT", "BALANCE"],
    [None, None, "OPENING BALANCE", None, None, "1,00,000.00 Dr"],
    ["02/11/2026", "R/41", "Balaji Traders", "5,000.00", None, "1,05,000.00 Dr"],
    ["04/11/2026", "P/17", "Kaveri Home Needs", None, "2,000.00", "1,03,000.00 Dr"],
    ["28/11/2026", "R/42", "Om Sai Logistics", "12,50,000.50", None, "13,53,000.50 Dr"],
    [None, None, "TOTAL", "12,55,000.50", "2,000.00", None],
    [None, None, "CLOSING BALANCE", None, None, "13,53,000.50 Dr"],
]


def test_marg_ledger(xlsx: Callable[..., Path]) -> None:
    lines = read_month(xlsx({"Sheet1": MARG}, name="marg-ledger.xlsx"))
    assert lines.account == "HDFC BANK A/C"
    assert lines.period == (date(2026, 11, 1), date(2026, 11, 30))


# -- Odoo: Accounting > Reporting > General Ledger, to Excel, India (dates day first) ------------
# The account's heading with its totals written where the dates go (`101401 HDFC Bank`), then
# `Initial Balance`, then its lines; `Communication` holds the entry's reference, `Partner` the
# party. No closing line.

ODOO = [
    ["General Ledger"],
    [],
    ["Date", "Communication", "Partner", "Currency", "Debit", "Credit", "Balance"],
    ["101401 HDFC Bank", None, None, None, "12,55,000.50", "2,000.00", "12,53,000.50"],
    [None, "Initial Balance", None, None, "1,00,000.00", None, "1,00,000.00"],
    [
        "02/11/2026",
        "BNK1/2026/00041 - 123456",
        "Balaji Traders",
        None,
        "5,000.00",
        "0.00",
        "1,05,000.00",
    ],
    ["04/11/2026", "BNK1/2026/00017", "Kaveri Home Needs", None, "0.00", "2,000.00", "1,03,000.00"],
    [
        "28/11/2026",
        "BNK1/2026/00042",
        "Om Sai Logistics",
        None,
        "12,50,000.50",
        "0.00",
        "13,53,000.50",
    ],
]


def test_odoo_general_ledger(xlsx: Callable[..., Path]) -> None:
    lines = read_month(xlsx({"General Ledger": ODOO}, name="General Ledger.xlsx"), closing=None)
    # the Partner names the other ledger; the Communication (the move and the cheque) is the
    # line's narration, where its cheque number and UTR are found
    assert lines.frame["particulars"].tolist()[0] == "Balaji Traders"
    assert lines.frame["narration"].tolist() == [
        "BNK1/2026/00041 - 123456",
        "BNK1/2026/00017",
        "BNK1/2026/00042",
    ]


@pytest.mark.parametrize(
    ("first", "numbers"),
    [
        (
            ["BNK1/2026/00041", "BNK1/2026/00017", "BNK1/2026/00042"],
            ["BNK1/2026/00041", "BNK1/2026/00017", "BNK1/2026/00042"],
        ),
        (["HO/1", "HO/1", "HO/1"], ["", "", ""]),  # a branch's code on every line: no number
        (["To", "By", "To"], ["", "", ""]),
    ],
)
def test_a_column_with_no_header_is_the_voucher_number_only_where_it_numbers_each_entry(
    xlsx: Callable[..., Path], first: list[str], numbers: list[str]
) -> None:
    # Odoo's US layout: the account's heading and `Initial Balance` in the first column too
    rows = [
        [None, *ODOO[2]],
        ["101401 HDFC Bank", None, *ODOO[3][1:]],
        ["Initial Balance", None, None, *ODOO[4][2:]],
    ]
    rows += [[number, *line] for number, line in zip(first, ODOO[5:], strict=True)]
    lines = read_ledger(str(xlsx({"General Ledger": [ODOO[0], [], *rows]}, name="gl.xlsx")))
    assert lines.frame["voucher_no"].tolist() == numbers
    assert totals(lines) == (DEBITS, CREDITS)
    assert (lines.opening, lines.closing) == (OPENING, None)
    assert lines.frame["particulars"].tolist() == [
        "Balaji Traders",
        "Kaveri Home Needs",
        "Om Sai Logistics",
    ]
    said = [i.problem for i in lines.issues]
    assert said == (
        [
            "the ledger's column A, which has no header, holds a number for each entry "
            "(such as BNK1/2026/00041): read as the voucher number"
        ]
        if numbers[0]
        else []
    )


def test_a_book_dated_once_a_day_keeps_each_numbered_entry(xlsx: Callable[..., Path]) -> None:
    """helper-143: a bank book kept by hand, its entries numbered in a column with no header
    and the date written once a day, lost the day's later entries once the numbers were read
    as the voucher numbers; and a column of GSTINs is no entry numbers."""
    day = [datetime(2026, 11, d) for d in (2, 4, 8)]
    rows = [
        [None, "Date", "Particulars", "Debit", "Credit", "Balance", None],
        [None, None, "Opening Balance", 100000, None, 100000, None],
        ["RV/123", day[0], "Balaji Traders", 5000, None, 105000, "27AAACB1234C1Z5"],
        ["RV/124", None, "Kaveri Home Needs", 2000, None, 107000, "27AAACK2345D1Z6"],
        ["PV/301", day[1], "Om Sai Logistics", None, 7000, 100000, "27AAACO3456E1Z7"],
        ["PV/302", None, "Deccan Motors", None, 3000, 97000, "27AAACD4567F1Z8"],
        ["RV/125", day[2], "Meenakshi Foods", 4000, None, 101000, "27AAACM5678G1Z9"],
        [None, None, "Closing Balance", None, None, 101000, None],
    ]
    lines = read_ledger(str(xlsx({"Bank Book": rows}, name="bank-book.xlsx")))
    assert lines.frame["voucher_no"].tolist() == ["RV/123", "RV/124", "PV/301", "PV/302", "RV/125"]
    assert lines.frame["particulars"].tolist()[1] == "Kaveri Home Needs"
    assert lines.frame["date"].tolist()[1] == date(2026, 11, 2)
    assert (lines.opening, lines.closing) == (10_000_000, 10_100_000)
    assert [i.cell for i in lines.issues] == ["A1"]  # the numbers' column, said; not the GSTINs'


def test_odoo_communication_pairs_by_its_utr(
    tmp_path: Path, xlsx: Callable[..., Path], capsys: pytest.CaptureFixture[str]
) -> None:
    """Odoo's `Communication` (`Receipt HDFCN26306123456`) beside its `Partner` was left unread:
    the UTR both sides carry did not pair the lines, and a cheque's number was not shown."""
    ledger = xlsx(
        {
            "General Ledger": [
                ["Shree Ganesh Traders"],
                ["General Ledger"],
                ["From: 01/11/2026 To: 30/11/2026"],
                [],
                [None, "Date", "Communication", "Partner", "Currency", "Debit", "Credit", "Balance"],
                ["100101 HDFC Bank", None, None, None, None, 45000.0, 5432.1, 164567.9],
                ["Initial Balance", None, None, None, None, 125000.0, 0.0, 125000.0],
                ["BNK1/2026/00001", "02/11/2026", "Receipt HDFCN26306123456", "Jay Ambe Traders",
                 None, 45000.0, 0.0, 170000.0],
                ["BNK1/2026/00104", "15/11/2026", "Payment 000124", "Kaveri Suppliers", None, 0.0,
                 5432.1, 164567.9],
                ["Total 100101 HDFC Bank", None, None, None, None, 45000.0, 5432.1, 164567.9],
            ]
        },
        name="ledger.xlsx",
    )  # fmt: skip
    bank = xlsx(
        {
            "Statement": [
                HDFC_HEAD[3],
                ["03/11/26", "NEFT CR-HDFCN26306123456-JAY AMBE", "HDFCN26306123456", "03/11/26",
                 None, 45000.0, 170000.0],
            ]
        },
        name="bank.xlsx",
    )  # fmt: skip
    out = tmp_path / "brs.xlsx"
    main(["reconcile", "--bank", str(bank), "--ledger", str(ledger), "--out", str(out)])
    matches = pd.read_excel(out, sheet_name="Matches", engine="calamine")
    assert matches["Rule"].tolist() == ["Reference"]
    assert "HDFCN26306123456" in matches["Why"].iat[0]
    unmatched = pd.read_excel(out, sheet_name="Unmatched Ledger", engine="calamine")
    assert unmatched["Particulars"].tolist() == ["Kaveri Suppliers"]
    # the move number in the column Odoo heads with nothing is the voucher number, said so
    assert unmatched["Vch No."].tolist() == ["BNK1/2026/00104"]
    brs = pd.read_excel(out, sheet_name="BRS", header=None, engine="calamine").astype(str)
    assert brs.apply(lambda row: row.str.contains("BNK1/2026/00104").any(), axis=1).sum() == 1
    issues = pd.read_excel(out, sheet_name="Issues", engine="calamine")
    said = issues[issues["Problem"].str.contains("has no header", na=False)]
    assert said["Cell"].tolist() == ["A5"]
    assert "BNK1/2026/00001" in said["Problem"].iat[0]


# -- Tally: Banking > Bank Reconciliation, to Excel ----------------------------------------------
# Only the vouchers not yet reconciled, with `Transaction Type`, `Instrument No.`, `Instrument
# Date` and `Bank Date`; the report's own balance lines are not vouchers.

TALLY_BRS = [
    ["Sahyadri Tradelinks Pvt Ltd"],
    ["HDFC Bank A/c 50200012345678"],
    ["Bank Reconciliation"],
    ["1-Nov-2026 to 30-Nov-2026"],
    [
        "Date",
        "Particulars",
        "Vch Type",
        "Transaction Type",
        "Instrument No.",
        "Instrument Date",
        "Bank Date",
        "Debit",
        "Credit",
    ],
    [None, "Balance as per Company Books", None, None, None, None, None, 1353000.50, None],
    [
        datetime(2026, 11, 4),
        "Kaveri Home Needs",
        "Payment",
        "Cheque",
        "000453",
        datetime(2026, 11, 4),
        None,
        None,
        2000,
    ],
    [
        datetime(2026, 11, 28),
        "Om Sai Logistics",
        "Receipt",
        "e-Fund Transfer",
        None,
        None,
        None,
        1250000.50,
        None,
    ],
    [None, "Amounts not reflected in Bank", None, None, None, None, None, 1250000.50, 2000],
    [None, "Balance as per Bank", None, None, None, None, None, 104999.50 - 2000, None],
]


def test_tally_bank_reconciliation_report_is_refused_as_no_ledger(
    xlsx: Callable[..., Path],
) -> None:
    """An earlier session read its open vouchers as the ledger's lines; against a month's statement
    that BRS lists every cleared bank line as not in the books, and a hostile run (helper-116,
    c03f) saw it end 'ties', exit 0. It is the books' unreconciled items, not the ledger: it is
    refused, saying what to export."""
    with pytest.raises(SheetProblem, match="is a bank reconciliation .* Ledger Vouchers"):
        read_ledger(str(xlsx({"Bank Reconciliation": TALLY_BRS}, name="brs.xlsx")))


# -- Tally to Excel with the header over two rows and merged title cells --------------------------
# `Transactions` merged over the two amount columns, `Debit` and `Credit` on the row below; the
# company's name merged across the page; a narration that runs over two rows.

TALLY_TWO_ROW_HEADER = [
    ["Sahyadri Tradelinks Pvt Ltd", None, None, None, None, None],
    ["HDFC Bank A/c 50200012345678", None, None, None, None, None],
    ["Ledger Account", None, None, None, None, None],
    ["1-Nov-2026 to 30-Nov-2026", None, None, None, None, None],
    ["Date", "Particulars", "Vch Type", "Vch No.", "Transactions", None],
    [None, None, None, None, "Debit", "Credit"],
    [datetime(2026, 11, 1), "Opening Balance", None, None, 100000, None],
    [datetime(2026, 11, 2), "To Balaji Traders", "Receipt", "41", 5000, None],
    [None, "Being cheque no. 123456 deposited against", None, None, None, None],
    [None, "bill 232 of October", None, None, None, None],
    [datetime(2026, 11, 4), "By Kaveri Home Needs", "Payment", "17", None, 2000],
    [datetime(2026, 11, 28), "To Om Sai Logistics", "Receipt", "42", 1250000.50, None],
    [None, "By Closing Balance", None, None, None, 1353000.50],
    [None, "Total", None, None, 1355000.50, 1355000.50],
]


def test_tally_header_over_two_rows_and_merged_titles(xlsx: Callable[..., Path]) -> None:
    path = xlsx(
        {"Ledger": TALLY_TWO_ROW_HEADER},
        name="ledger.xlsx",
        merged={"Ledger": ["A1:F1", "A2:F2", "E5:F5"]},
    )
    lines = read_month(path)
    assert lines.frame["narration"].tolist()[0] == (
        "Being cheque no. 123456 deposited against bill 232 of October"
    )
    assert (lines.company, lines.account) == (
        "Sahyadri Tradelinks Pvt Ltd",
        "HDFC Bank A/c 50200012345678",
    )


def test_header_split_with_credit_left_on_the_row_above(tmp_path: Path) -> None:
    """`Debit | Credit` above `Date | Particulars | ... | Debit |`, the Credit cell of the lower
    row empty (a report printed with its money headings on their own row and converted back).
    The lower row alone has Date and Debit: it was taken for the header, and the ledger
    refused as having no Credit column (the statement reader read this layout)."""
    rows = [
        ["Sahyadri Tradelinks Pvt Ltd"],
        ["HDFC Bank A/c 50200012345678"],
        ["Ledger Account"],
        ["1-Nov-26 to 30-Nov-26"],
        ["", "", "", "", "Debit", "Credit"],
        ["Date", "Particulars", "Vch Type", "Vch No.", "Debit", ""],
        *TALLY_PAGES[5:9],
        *TALLY_PAGES[13:],
    ]
    lines = read_month(write_csv(tmp_path / "split-header.csv", rows))
    assert lines.frame["credit"].tolist() == [0, 200000, 0]
    assert lines.company == "Sahyadri Tradelinks Pvt Ltd"


# -- QuickBooks Desktop: the bank account's register, exported to Excel --------------------------
# `Date | Number | Payee | Account | Memo | Payment | C | Deposit | Balance`: Payment is money
# out of the bank (a credit to its ledger), Deposit money in (a debit); `C` the cleared mark.

QUICKBOOKS_REGISTER = [
    ["Date", "Number", "Payee", "Account", "Memo", "Payment", "C", "Deposit", "Balance"],
    [
        "02/11/2026",
        "123456",
        "Balaji Traders",
        "Accounts Receivable",
        "Chq 123456",
        None,
        "X",
        "5,000.00",
        "1,05,000.00",
    ],
    [
        "04/11/2026",
        "17",
        "Kaveri Home Needs",
        "Accounts Payable",
        None,
        "2,000.00",
        None,
        None,
        "1,03,000.00",
    ],
    [
        "28/11/2026",
        None,
        "Om Sai Logistics",
        "Sales",
        None,
        None,
        None,
        "12,50,000.50",
        "13,53,000.50",
    ],
]


def test_quickbooks_desktop_register(xlsx: Callable[..., Path]) -> None:
    lines = read_ledger(str(xlsx({"Register": QUICKBOOKS_REGISTER}, name="register.xlsx")))
    # a register states no opening row: its running balance gives it, and a note says so
    [note] = lines.issues
    assert note.problem.startswith("the ledger states no opening balance; its running balance")
    assert (lines.opening, lines.closing) == (OPENING, CLOSING)
    assert totals(lines) == (DEBITS, CREDITS)
    first, last = first_and_last(lines)
    assert {k: first[k] for k in FIRST} == FIRST
    assert {k: last[k] for k in LAST} == LAST
    assert (first["voucher_no"], first["narration"]) == ("123456", "Chq 123456")
    assert lines.frame["credit"].tolist() == [0, 200000, 0]  # Payment: out of the bank


# -- a bank book kept by hand, and a ledger whose only name column is `Account` ------------------


@pytest.mark.parametrize(
    ("header", "names"),
    [
        (["Date", "Narration", "Chq No.", "Dr", "Cr"], "narration"),
        (["Date", "Account", "Voucher No", "Debit", "Credit"], "account"),
    ],
)
def test_a_bank_book_with_narration_or_account_as_its_names(
    xlsx: Callable[..., Path], header: list[str], names: str
) -> None:
    rows = [
        ["HDFC Bank A/c - Bank Book, November 2026"],
        header,
        ["01/11/2026", "Opening Balance", None, "1,00,000.00", None],
        ["02/11/2026", "Balaji Traders", "123456", "5,000.00", None],
        ["04/11/2026", "Kaveri Home Needs", "17", None, "2,000.00"],
        ["28/11/2026", "Om Sai Logistics", None, "12,50,000.50", None],
        [None, "Closing Balance", None, None, "13,53,000.50"],
    ]
    lines = read_month(xlsx({"Bank Book": rows}, name=f"bank-book-{names}.xlsx"))
    first = first_and_last(lines)[0]
    assert (first["reference"], first["voucher_no"]) == (
        ("123456", "") if names == "narration" else ("", "123456")
    )


# -- Tally's Day Book to Excel, two banks' vouchers among the rest -------------------------------
# Every voucher of the company: its first ledger on the dated row, the others below, the
# narration last. `--account` names the bank; the contra from ICICI into HDFC is HDFC's receipt.

DAY_BOOK = [
    ["Sahyadri Tradelinks Pvt Ltd"],
    ["Day Book"],
    ["1-Nov-2026 to 30-Nov-2026"],
    ["Date", "Particulars", "Vch Type", "Vch No.", "Debit Amount", "Credit Amount"],
    [datetime(2026, 11, 2), "HDFC Bank A/c", "Receipt", "41", 5000, None],
    [None, "Balaji Traders", None, None, None, 5000],
    [None, "Ch. No. 123456", None, None, None, None],
    [datetime(2026, 11, 3), "Rent", "Payment", "16", 45000, None],
    [None, "ICICI Bank A/c", None, None, None, 45000],
    [datetime(2026, 11, 4), "Kaveri Home Needs", "Payment", "17", 2000, None],
    [None, "HDFC Bank A/c", None, None, None, 2000],
    [datetime(2026, 11, 10), "Vardhaman Agencies", "Sales", "S/7", 59000, None],
    [None, "Sales - Goods", None, None, None, 50000],
    [None, "Output IGST", None, None, None, 9000],
    [datetime(2026, 11, 28), "HDFC Bank A/c", "Contra", "5", 1250000.50, None],
    [None, "ICICI Bank A/c", None, None, None, 1250000.50],
    [None, "Grand Total", None, None, 1361000.50, 1361000.50],
]


def test_tally_day_book_with_two_banks(xlsx: Callable[..., Path]) -> None:
    path = xlsx({"Day Book": DAY_BOOK}, name="daybook.xlsx")
    lines = read_ledger(str(path), account="hdfc bank a/c")
    assert lines.issues == []
    assert totals(lines) == (500000 + 125000050, 200000)
    assert first_and_last(lines) == [
        {
            "date": date(2026, 11, 2),
            "particulars": "Balaji Traders",
            "voucher_type": "Receipt",
            "voucher_no": "41",
            "narration": "Ch. No. 123456",
            "reference": "",
            "debit": 500000,  # money into HDFC
            "credit": 0,
        },
        {
            "date": date(2026, 11, 28),
            "particulars": "ICICI Bank A/c",
            "voucher_type": "Contra",
            "voucher_no": "5",
            "narration": "",
            "reference": "",
            "debit": 125000050,
            "credit": 0,
        },
    ]
    assert lines.frame["row"].tolist() == [5, 10, 15]  # the rows each voucher starts on
    icici = read_ledger(str(path), account="ICICI Bank A/c")
    assert totals(icici) == (0, 4500000 + 125000050)
    with pytest.raises(
        SheetProblem,
        match=r"--account \(bank accounts found: 'HDFC Bank A/c', "
        r"'ICICI Bank A/c'\)",
    ):
        read_ledger(str(path))


def test_day_book_vouchers_of_two_types_with_one_number(tmp_path: Path) -> None:
    """Tally numbers each voucher type on its own: Payment 1 and Receipt 1 are two vouchers.
    HDFC's receipt from Balaji Traders was named after Payment 1's other ledger (Rent): the
    vouchers were told apart by their number alone."""
    rows = [
        *DAY_BOOK[:4],
        ["2-Nov-26", "Rent", "Payment", "1", "45,000.00", ""],
        ["", "HDFC Bank A/c", "", "", "", "45,000.00"],
        ["3-Nov-26", "HDFC Bank A/c", "Receipt", "1", "5,000.00", ""],
        ["", "Balaji Traders", "", "", "", "5,000.00"],
    ]
    lines = read_ledger(str(write_csv(tmp_path / "daybook.csv", rows)), account="HDFC Bank A/c")
    assert lines.issues == []
    assert lines.frame[["row", "particulars", "voucher_type", "debit", "credit"]].to_dict(
        "records"
    ) == [
        {"row": 5, "particulars": "Rent", "voucher_type": "Payment", "debit": 0, "credit": 4500000},
        {
            "row": 7,
            "particulars": "Balaji Traders",
            "voucher_type": "Receipt",
            "debit": 500000,
            "credit": 0,
        },
    ]


def test_day_book_with_a_bad_amount_names_the_cell(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """A Day Book whose bank voucher has an amount that is no amount (`5,000.0O`): the voucher
    is left out and, that being the bank's only one, the run stops naming the file, the sheet,
    the cell, its column and what is written there (was: "--account names no ledger account",
    as if the bank were not in the file)."""
    rows = [
        *DAY_BOOK[:4],
        ["2-Nov-26", "HDFC Bank A/c", "Receipt", "41", "5,000.0O", ""],
        ["", "Balaji Traders", "", "", "", "5,000.00"],
        ["3-Nov-26", "Rent", "Payment", "16", "45,000.00", ""],
        ["", "ICICI Bank A/c", "", "", "", "45,000.00"],
    ]
    books = write_csv(tmp_path / "daybook.csv", rows)
    with pytest.raises(SheetProblem) as raised:
        read_ledger(str(books), account="HDFC Bank A/c")
    said = str(raised.value)
    assert said.startswith("daybook.csv, sheet daybook: no line of HDFC Bank A/c could be read")
    assert "cell E5 (Debit Amount): '5,000.0O' is not an amount" in said
    assert "names no ledger account" not in said
    bank = tmp_path / "statement.csv"
    bank.write_text(
        "Date,Narration,Withdrawal,Deposit,Balance\n03/11/2026,CHQ DEP,,5000.00,5000.00\n"
    )
    argv = ["reconcile", "--bank", str(bank), "--ledger", str(books), "--account", "HDFC Bank A/c"]
    code = main([*argv, "--out", str(tmp_path / "brs.xlsx")])
    assert code == 2
    assert "cell E5 (Debit Amount)" in capsys.readouterr().err


# -- through the CLI: a statement of the same month, each ledger, a BRS that ties ----------------

STATEMENT = [
    ["HDFC BANK Ltd."],
    ["Statement From : 01/11/2026 To : 30/11/2026"],
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
    ["03/11/26", "CHQ DEP-MICR CLG-BALAJI TRADERS", "123456", "03/11/26", None, 5000, 105000],
    [
        "04/11/26",
        "NEFT DR-KKBK0000123-KAVERI HOME NEEDS-HDFCN52026110412345",
        "HDFCN52026110412345",
        "04/11/26",
        2000,
        None,
        103000,
    ],
    ["30/11/26", "CREDIT INTEREST", "", "30/11/26", None, 812, 103812],
]


@pytest.mark.parametrize(
    "layout",
    [
        "tally-pages.csv",
        "tally-one-amount.xlsx",
        "erpnext.csv",
        "zoho.xlsx",
        "quickbooks.xlsx",
        "busy.xlsx",
        "marg.xlsx",
        "odoo.xlsx",
        "tally-two-row-header.xlsx",
    ],
)
def test_each_ledger_reconciles_through_the_cli(
    tmp_path: Path,
    xlsx: Callable[..., Path],
    capsys: pytest.CaptureFixture[str],
    layout: str,
) -> None:
    rows = {
        "tally-pages.csv": TALLY_PAGES,
        "tally-one-amount.xlsx": TALLY_ONE_AMOUNT,
        "erpnext.csv": ERPNEXT_GL,
        "zoho.xlsx": ZOHO,
        "quickbooks.xlsx": QUICKBOOKS,
        "busy.xlsx": BUSY,
        "marg.xlsx": MARG,
        "odoo.xlsx": ODOO,
        "tally-two-row-header.xlsx": TALLY_TWO_ROW_HEADER,
    }[layout]
    books = (
        write_csv(tmp_path / layout, rows)
        if layout.endswith(".csv")
        else xlsx({"Ledger": rows}, name=layout)
    )
    bank = xlsx({"Statement": STATEMENT}, name="statement.xlsx")
    out = tmp_path / "brs.xlsx"
    code = main(["reconcile", "--bank", str(bank), "--ledger", str(books), "--out", str(out)])
    said = capsys.readouterr().out
    assert code == 0
    # Balaji's cheque and Kaveri's NEFT pair; Om Sai's receipt of 28 Nov is not yet in the bank,
    # the interest not yet in the books
    assert "2 matches, 1 bank and 1 ledger lines unmatched" in said
    assert "BRS difference 0.00" in said
    brs = {r[1]: r[4] for r in openpyxl.load_workbook(out)["BRS"].iter_rows(values_only=True)}
    assert brs["Balance as per books (ledger)"] == 1353000.50
    assert brs["Total receipts in the books not yet credited"] == 1250000.50
    assert brs["Total credits in the bank not yet in the books"] == 812
    assert brs["Difference"] == 0


def test_day_book_reconciles_through_the_cli(
    tmp_path: Path, xlsx: Callable[..., Path], capsys: pytest.CaptureFixture[str]
) -> None:
    books = xlsx({"Day Book": DAY_BOOK}, name="daybook.xlsx")
    bank = xlsx({"Statement": STATEMENT}, name="statement.xlsx")
    out = tmp_path / "brs.xlsx"
    args = ["--bank", str(bank), "--ledger", str(books), "--account", "HDFC Bank A/c"]
    code = main(["reconcile", *args, "--out", str(out)])
    said = capsys.readouterr().out
    assert code == 1  # a day book states no opening balance: the BRS warns it ties regardless
    assert "2 matches, 1 bank and 1 ledger lines unmatched" in said
    assert "1 warning(s) on the Issues sheet" in said
    assert "BRS difference 0.00" in said


# Tally's Day Book shown with optional vouchers writes them among the rest (`Payment
# (Optional)`), and memorandum ones (`Memorandum`); Tally posts neither to HDFC's ledger. Read as
# the bank's lines, the BRS listed a payment and a receipt that will never reach the bank.
OUTSIDE_THE_BOOKS = [
    *DAY_BOOK[:7],
    [datetime(2026, 11, 3), "Shree Ganesh Stationers", "Payment (Optional)", "18", 3000, None],
    [None, "HDFC Bank A/c", None, None, None, 2950],
    [None, "TDS Payable", None, None, None, 50],
    [None, "Ch. No. 000460 to be handed over on delivery", None, None, None, None],
    *DAY_BOOK[7:11],
    [datetime(2026, 11, 5), "(cancelled)", "Payment", "19", None, None],
    [datetime(2026, 11, 15), "HDFC Bank A/c", "Memorandum", "1", 50000, None],
    [None, "Om Sai Logistics", None, None, None, 50000],
    [None, "Being advance expected against PO 77", None, None, None, None],
    *DAY_BOOK[11:],
]


def test_day_book_optional_and_memorandum_vouchers_are_no_bank_lines(
    tmp_path: Path, xlsx: Callable[..., Path], capsys: pytest.CaptureFixture[str]
) -> None:
    path = xlsx({"Day Book": OUTSIDE_THE_BOOKS}, name="daybook.xlsx")
    lines = read_ledger(str(path), account="HDFC Bank A/c")
    plain = read_ledger(str(xlsx({"Day Book": DAY_BOOK}, name="plain.xlsx")), "HDFC Bank A/c")
    columns = ["date", "particulars", "voucher_type", "voucher_no", "narration", "debit", "credit"]
    assert lines.frame[columns].equals(plain.frame[columns])  # nothing else changes
    assert lines.frame["voucher_no"].tolist() == ["41", "17", "5"]
    assert totals(lines) == (500000 + 125000050, 200000)
    assert [(i.severity, i.cell, i.value) for i in lines.issues] == [
        ("Warning", "C8", "Payment (Optional)"),
        ("Warning", "C17", "Memorandum"),
    ]
    assert lines.issues[0].problem.startswith(
        "an optional voucher (Payment (Optional) 18 of 03-11-2026, 3,000.00) is not in the books"
    )
    assert lines.issues[1].problem.startswith(
        "a memorandum voucher (Memorandum 1 of 15-11-2026, 50,000.00) is not in the books"
    )

    bank = xlsx({"Statement": STATEMENT}, name="statement.xlsx")
    out = tmp_path / "brs.xlsx"
    args = ["--bank", str(bank), "--ledger", str(path), "--account", "HDFC Bank A/c"]
    code = main(["reconcile", *args, "--out", str(out)])
    said = capsys.readouterr().out
    assert "2 matches, 1 bank and 1 ledger lines unmatched" in said
    assert "3 warning(s) on the Issues sheet" in said  # and the day book's want of an opening
    assert "BRS difference 0.00" in said
    assert code == 1  # the notes are to be looked at


def test_day_book_whose_bank_has_only_an_optional_voucher_says_so(
    xlsx: Callable[..., Path],
) -> None:
    rows = [*DAY_BOOK[:4], *OUTSIDE_THE_BOOKS[7:11], *DAY_BOOK[7:9]]
    path = xlsx({"Day Book": rows}, name="daybook.xlsx")
    with pytest.raises(SheetProblem) as raised:
        read_ledger(str(path), account="HDFC Bank A/c")
    said = str(raised.value)
    assert said.startswith(
        "daybook.xlsx, sheet Day Book: no voucher of HDFC Bank A/c is in the books: cell C5: "
        "an optional voucher (Payment (Optional) 18 of 03-11-2026, 3,000.00)"
    )
    assert said.endswith("mark it Regular) and export the Day Book again.")
    assert "could not be read" not in said


def test_erpnexts_remark_gives_an_outstanding_items_cheque_number_on_the_brs(
    tmp_path: Path, xlsx: Callable[..., Path], capsys: pytest.CaptureFixture[str]
) -> None:
    """helper-125's F5: `Transaction reference no 778899 dated …` in ERPNext's remarks matched,
    but the BRS and Unmatched Ledger showed no cheque number for the item still outstanding."""
    rows = [list(row) for row in ERPNEXT_GL]
    rows[4][-1] = (
        "Amount INR 12,50,000.50 received\nTransaction reference no 778899 dated 28-11-2026"
    )
    books = write_csv(tmp_path / "General Ledger.csv", rows)
    bank = xlsx({"Statement": STATEMENT}, name="statement.xlsx")
    out = tmp_path / "brs.xlsx"
    code = main(["reconcile", "--bank", str(bank), "--ledger", str(books), "--out", str(out)])
    assert code == 0, capsys.readouterr().out
    # (a CSV ledger's long tables go to CSV files beside the workbook)
    with (tmp_path / "brs-unmatched-ledger.csv").open(encoding="utf-8-sig") as handle:
        sheet = list(csv.reader(handle))
    reference = sheet[0].index("Reference")
    assert [row[reference] for row in sheet[1:]] == ["778899"]


def test_a_condensed_day_book_is_refused_saying_how_to_export_it(tmp_path: Path) -> None:
    """helper-125's F4: each voucher on one line, its party's, the bank never shown: the refusal
    said the --account named 'no ledger account; the accounts found are: none'."""
    rows = [
        ["Sahyadri Tradelinks Pvt Ltd"],
        ["Day Book"],
        ["1-Nov-2026 to 30-Nov-2026"],
        ["Date", "Particulars", "Vch Type", "Vch No.", "Debit Amount", "Credit Amount"],
        ["2-Nov-2026", "Balaji Traders", "Receipt", "41", "", "5,000.00"],
        ["4-Nov-2026", "Kaveri Home Needs", "Payment", "17", "2,000.00", ""],
    ]
    path = write_csv(tmp_path / "DayBook.csv", rows)
    with pytest.raises(SheetProblem) as refused:
        read_ledger(str(path), account="HDFC Bank A/c")
    assert "is Tally's Day Book exported condensed" in str(refused.value)
    assert "Export it in detailed format (Alt+F5 in Tally)" in str(refused.value)


# -- The six-column ledger of the textbooks, kept by hand ----------------------------------------
# `Date | Particulars | LF | Amount (Debit | Credit) | Balance (Dr. / Cr. | Amount)`: a header over
# two rows, the ledger folio in LF, To/By before the names, `In the books of …` over it.

SIX_COLUMN = [
    ["In the books of Sahyadri Tradelinks Pvt Ltd"],
    ["Ledger account of HDFC Bank Current A/c for November 2026"],
    ["Date", "Particulars", "LF", "Amount", None, "Balance", None],
    [None, None, None, "Debit", "Credit", "Dr. / Cr.", "Amount"],
    [datetime(2026, 11, 1), "To Balance b/d", None, None, None, "Dr.", 100000.0],
    [datetime(2026, 11, 2), "To Balaji Traders (Chq 123456)", "RV/11", 5000.0, None, "Dr.", 105000.0],
    [datetime(2026, 11, 4), "By Kaveri Home Needs", "PV/7", None, 2000.0, "Dr.", 103000.0],
    [datetime(2026, 11, 28), "To Om Sai Logistics", "RV/12", 1250000.5, None, "Dr.", 1353000.5],
]  # fmt: skip


def test_six_column_ledger_kept_by_hand(xlsx: Callable[..., Path]) -> None:
    path = xlsx({"Ledger": SIX_COLUMN}, name="six-column.xlsx")
    lines = read_ledger(str(path))
    assert len(lines.frame) == 3
    assert totals(lines) == (DEBITS, CREDITS)
    assert lines.opening == OPENING
    # the ledger folio is each voucher's number; the title's `In the books of` is no name
    assert lines.frame["voucher_no"].tolist() == ["RV/11", "PV/7", "RV/12"]
    assert lines.frame["particulars"].tolist()[1:] == ["Kaveri Home Needs", "Om Sai Logistics"]
    assert lines.company == "Sahyadri Tradelinks Pvt Ltd"
    assert lines.account == "HDFC Bank Current A/c"


def test_a_hand_kept_book_with_its_folio_left_blank_reads_every_entry(
    xlsx: Callable[..., Path],
) -> None:
    """The date written once a day and the LF column blank (helper-142): LF read as the voucher
    number made the day's second and third entries details of the first, left out unsaid."""
    rows = [
        ["HDFC Bank A/c"],
        ["Date", "Particulars", "LF", "Debit", "Credit", "Balance"],
        [datetime(2026, 11, 1), "To Balance b/d", None, None, None, 100000],
        [datetime(2026, 11, 2), "To Balaji Traders", 12, 5000, None, 105000],
        [None, "By Kaveri Home Needs", None, None, 2000, 103000],
        [None, "To Om Sai Logistics", 7, 1000, None, 104000],
        [datetime(2026, 11, 4), "By Bank Charges", None, None, 100, 103900],
    ]
    lines = read_ledger(str(xlsx({"Ledger": rows}, name="bank-book.xlsx")))
    assert lines.frame["particulars"].tolist() == [
        "Balaji Traders",
        "Kaveri Home Needs",
        "Om Sai Logistics",
        "Bank Charges",
    ]
    assert [d.day for d in lines.frame["date"]] == [2, 2, 2, 4]
    assert lines.frame["voucher_no"].tolist() == ["12", "", "7", ""]


@pytest.mark.parametrize(
    ("title", "company"),
    [
        ("In the books of Shah & Co", "Shah & Co"),
        ("Books of Account", "Books of Account"),
        ("BOOKS OF SHAH & CO", "BOOKS OF SHAH & CO"),
    ],
)
def test_only_in_the_books_of_is_no_part_of_the_company(
    xlsx: Callable[..., Path], title: str, company: str
) -> None:
    rows = [
        [title],
        ["HDFC Bank A/c"],
        ["Date", "Particulars", "Vch No.", "Debit", "Credit"],
        [datetime(2026, 11, 2), "Balaji Traders", "1", 5000, None],
    ]
    assert read_ledger(str(xlsx({"Ledger": rows}, name="titled.xlsx"))).company == company
