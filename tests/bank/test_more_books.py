"""More bank ledgers as other books export them, each written in its layout: Busy's Account
Ledger with `Opening Bal.`/`Closing Bal.` and a Short Narration, Vyapar's bank statement
(`Withdrawal Amount`, `Deposit Amount`, `Balance Amount`), Tally with the narration in a column
of its own and with Dr/Cr after the figures in Debit and Credit, Marg with a `CHQ.NO` column and
the balance's side in a `DR/CR` column after it, and Zoho Books' Account Transactions to CSV.

Every one holds the same October: opening 1,00,000.00 Dr; a receipt of 5,000.00 from Balaji
Traders on 2 October (cheque 123456); a payment of 2,000.00 to Kaveri Home Needs on 4 October; a
receipt of 12,50,000.50 from Om Sai Logistics on 28 October; closing 13,53,000.50 Dr."""

from __future__ import annotations

import csv
from collections.abc import Callable
from datetime import date, datetime
from pathlib import Path
from typing import Any

import openpyxl
import pytest

from tests.bank.test_ledger_layouts import first_and_last, totals
from xlbo.cli import main
from xlbo.readers.ledger import read_ledger

OPENING, CLOSING = 10000000, 135300050

BUSY = [
    ["SAHYADRI TRADELINKS PVT LTD"],
    ["Account Ledger"],
    ["HDFC BANK A/C"],
    ["From 01-10-2026 to 31-10-2026"],
    [
        "Date",
        "Vch/Bill No",
        "Account",
        "Debit(Rs.)",
        "Credit(Rs.)",
        "Balance(Rs.)",
        "Short Narration",
    ],
    ["01-10-2026", None, "Opening Bal.", None, None, "1,00,000.00 Dr", None],
    [
        "02-10-2026",
        "Rcpt/41",
        "Balaji Traders",
        "5,000.00",
        None,
        "1,05,000.00 Dr",
        "Chq No 123456",
    ],
    ["04-10-2026", "Pymt/17", "Kaveri Home Needs", None, "2,000.00", "1,03,000.00 Dr", "NEFT"],
    ["28-10-2026", "Rcpt/42", "Om Sai Logistics", "12,50,000.50", None, "13,53,000.50 Dr", None],
    [None, None, "Closing Bal.", None, None, "13,53,000.50 Dr", None],
]
BUSY_BALANCES_IN_NARRATION = [
    # Busy with Particulars before Short Narration, and its balance lines' words in the Short
    # Narration column, the Particulars cell blank (before: neither the opening nor the closing
    # balance was read, and `Closing Bal.` became Om Sai's narration)
    ["SAHYADRI TRADELINKS PVT LTD"],
    ["Account Ledger"],
    ["HDFC BANK A/C"],
    ["From 01-10-2026 to 31-10-2026"],
    [
        "Date",
        "Vch/Bill No",
        "Particulars",
        "Short Narration",
        "Debit(Rs.)",
        "Credit(Rs.)",
        "Balance(Rs.)",
    ],
    ["01-10-2026", None, None, "Opening Bal.", None, None, "1,00,000.00 Dr"],
    [
        "02-10-2026",
        "Rcpt/41",
        "Balaji Traders",
        "Chq No 123456",
        "5,000.00",
        None,
        "1,05,000.00 Dr",
    ],
    ["04-10-2026", "Pymt/17", "Kaveri Home Needs", "NEFT", None, "2,000.00", "1,03,000.00 Dr"],
    ["28-10-2026", "Rcpt/42", "Om Sai Logistics", None, "12,50,000.50", None, "13,53,000.50 Dr"],
    [None, None, None, "Closing Bal.", None, None, "13,53,000.50 Dr"],
]
VYAPAR = [
    ["Sahyadri Tradelinks"],
    ["Bank Statement - HDFC Bank"],
    ["Duration: 01/10/2026 to 31/10/2026"],
    ["Date", "Description", "Withdrawal Amount", "Deposit Amount", "Balance Amount"],
    ["01/10/2026", "Opening Balance", None, None, 100000],
    ["02/10/2026", "Payment-In from Balaji Traders (Cheque 123456)", None, 5000, 105000],
    ["04/10/2026", "Payment-Out to Kaveri Home Needs", 2000, None, 103000],
    ["28/10/2026", "Payment-In from Om Sai Logistics", None, 1250000.50, 1353000.50],
]
TALLY_NARRATION_COLUMN = [
    ["Sahyadri Tradelinks Pvt Ltd"],
    ["HDFC Bank A/c"],
    ["Ledger Account"],
    ["1-Oct-2026 to 31-Oct-2026"],
    ["Date", "Particulars", "Vch Type", "Vch No.", "Narration", "Debit", "Credit"],
    [datetime(2026, 10, 1), "Opening Balance", None, None, None, 100000, None],
    [datetime(2026, 10, 2), "To Balaji Traders", "Receipt", "41", "Ch. No. 123456", 5000, None],
    [
        datetime(2026, 10, 4),
        "By Kaveri Home Needs",
        "Payment",
        "17",
        "NEFT for bill 88",
        None,
        2000,
    ],
    [datetime(2026, 10, 28), "To Om Sai Logistics", "Receipt", "42", None, 1250000.50, None],
    [None, "By Closing Balance", None, None, None, None, 1353000.50],
    [None, "Total", None, None, None, 1355000.50, 1355000.50],
]
TALLY_DR_CR_IN_COLUMNS = [
    ["Sahyadri Tradelinks Pvt Ltd"],
    ["HDFC Bank A/c"],
    ["1-Oct-2026 to 31-Oct-2026"],
    ["Date", "Particulars", "Vch Type", "Vch No.", "Debit", "Credit"],
    ["01-10-2026", "Opening Balance", None, None, "1,00,000.00 Dr", None],
    ["02-10-2026", "Balaji Traders", "Receipt", "41", "5,000.00 Dr", None],
    [None, "Ch. No. : 123456", None, None, None, None],
    ["04-10-2026", "Kaveri Home Needs", "Payment", "17", None, "2,000.00 Cr"],
    ["28-10-2026", "Om Sai Logistics", "Receipt", "42", "12,50,000.50 Dr", None],
    [None, "Closing Balance", None, None, None, "13,53,000.50 Cr"],
]
MARG = [
    ["SAHYADRI TRADELINKS PVT LTD"],
    ["LEDGER OF HDFC BANK FROM 01/10/2026 TO 31/10/2026"],
    ["DATE", "VCH.NO", "PARTICULARS", "CHQ.NO", "DEBIT", "CREDIT", "BALANCE", "DR/CR"],
    [None, None, "OPENING BALANCE", None, None, None, "100000.00", "Dr"],
    ["02/10/2026", "R/41", "BALAJI TRADERS", "123456", "5000.00", None, "105000.00", "Dr"],
    ["04/10/2026", "P/17", "KAVERI HOME NEEDS", None, None, "2000.00", "103000.00", "Dr"],
    ["28/10/2026", "R/42", "OM SAI LOGISTICS", None, "1250000.50", None, "1353000.50", "Dr"],
    [None, None, "CLOSING BALANCE", None, None, None, "1353000.50", "Dr"],
]
ZOHO_CSV = [
    line.split(",")
    for line in (
        "Date,Account,Transaction Details,Transaction Type,Transaction#,Reference#,Debit,Credit,Amount",
        ",Opening Balance,,,,,,,100000.00",
        "2026-10-02,HDFC Bank,Balaji Traders,Customer Payment,PMT-41,123456,5000.00,,5000.00",
        "2026-10-04,HDFC Bank,Kaveri Home Needs,Vendor Payment,VP-17,,,2000.00,-2000.00",
        "2026-10-28,HDFC Bank,Om Sai Logistics,Customer Payment,PMT-42,,1250000.50,,1250000.50",
        ",Closing Balance,,,,,,,1353000.50",
    )
]
STATEMENT = [
    ["Statement From : 01/10/2026 To : 31/10/2026"],
    ["Date", "Narration", "Chq./Ref.No.", "Withdrawal Amt.", "Deposit Amt.", "Closing Balance"],
    ["03/10/26", "CHQ DEP-MICR CLG-BALAJI TRADERS", "123456", None, 5000, 105000],
    ["04/10/26", "NEFT DR-KKBK0000123-KAVERI HOME NEEDS-HDFCN520261004123", "", 2000, None, 103000],
    ["30/10/26", "CREDIT INTEREST", "", None, 812, 103812],
]
LAYOUTS: dict[str, tuple[list[list[Any]], int | None]] = {
    # the file's rows, and the closing balance it states
    "busy.xlsx": (BUSY, CLOSING),
    "busy-balances-in-narration.xlsx": (BUSY_BALANCES_IN_NARRATION, CLOSING),
    "vyapar.xlsx": (VYAPAR, None),
    "tally-narration-column.xlsx": (TALLY_NARRATION_COLUMN, CLOSING),
    "tally-dr-cr-in-columns.xlsx": (TALLY_DR_CR_IN_COLUMNS, CLOSING),
    "marg.xlsx": (MARG, CLOSING),
    "zoho.csv": (ZOHO_CSV, CLOSING),
}


def written(tmp_path: Path, name: str) -> Path:
    rows, _ = LAYOUTS[name]
    path = tmp_path / name
    if name.endswith(".csv"):
        with path.open("w", newline="", encoding="utf-8") as handle:
            csv.writer(handle).writerows(rows)
    else:
        book = openpyxl.Workbook()
        for row in rows:
            book.active.append(row)
        book.save(path)
    return path


@pytest.mark.parametrize("name", list(LAYOUTS))
def test_each_books_october_is_read(tmp_path: Path, name: str) -> None:
    # Busy's `Opening Bal.` was no opening (the statement's was taken) and its `Closing Bal.`
    # was read as Om Sai's narration; Vyapar's header was not found at all
    lines = read_ledger(str(written(tmp_path, name)))
    assert lines.issues == []
    assert len(lines.frame) == 3
    assert totals(lines) == (125500050, 200000)
    assert (lines.opening, lines.closing) == (OPENING, LAYOUTS[name][1])
    first, last = first_and_last(lines)
    assert (first["date"], first["debit"], last["date"], last["debit"]) == (
        date(2026, 10, 2),
        500000,
        date(2026, 10, 28),
        125000050,
    )
    assert last["narration"] == ""
    assert "balaji traders" in first["particulars"].casefold()


@pytest.mark.parametrize("name", list(LAYOUTS))
def test_each_books_october_reconciles(
    tmp_path: Path, xlsx: Callable[..., Path], capsys: pytest.CaptureFixture[str], name: str
) -> None:
    bank = xlsx({"Statement": STATEMENT}, name="statement.xlsx")
    out = tmp_path / "brs.xlsx"
    books = written(tmp_path, name)
    code = main(["reconcile", "--bank", str(bank), "--ledger", str(books), "--out", str(out)])
    said = capsys.readouterr().out
    assert code == 0, said
    assert "2 matches, 1 bank and 1 ledger lines unmatched" in said
    assert "BRS difference 0.00" in said
    brs = {r[1]: r[4] for r in openpyxl.load_workbook(out)["BRS"].iter_rows(values_only=True)}
    assert brs["Total receipts in the books not yet credited"] == 1250000.50


UTR_31, UTR_32 = "HDFCN52026100612345", "HDFCN52026100612399"


@pytest.mark.parametrize(
    "header", ["Chq/DD No.", "Cheque/DD No.", "UTR Number", "Cheque/Reference No.", "Inst. No."]
)
def test_a_cheque_or_utr_column_under_other_words_pairs_by_reference(
    tmp_path: Path, xlsx: Callable[..., Path], capsys: pytest.CaptureFixture[str], header: str
) -> None:
    """Two payments of 7,000.00 to Balaji Traders on one day, each bill by its own NEFT; the
    bank debits one that day and one two days later. Only the UTRs in the books' `Chq/DD No.`
    column tell them apart (the column was not read: no references, a guess by date)."""
    books = xlsx(
        {
            "Ledger": [
                ["Sahyadri Tradelinks Pvt Ltd"],
                ["HDFC Bank A/c"],
                ["1-Oct-2026 to 31-Oct-2026"],
                ["Date", "Particulars", "Vch Type", "Vch No.", header, "Debit", "Credit"],
                [datetime(2026, 10, 1), "Opening Balance", None, None, None, 100000, None],
                [datetime(2026, 10, 6), "Balaji Traders", "Payment", "31", UTR_31, None, 7000],
                [datetime(2026, 10, 6), "Balaji Traders", "Payment", "32", UTR_32, None, 7000],
                [datetime(2026, 10, 12), "Cash", "Contra", "33", "000455", None, 20000],
            ]
        },
        name="books.xlsx",
    )
    lines = read_ledger(str(books))
    assert lines.frame["reference"].tolist() == [
        "HDFCN52026100612345",
        "HDFCN52026100612399",
        "000455",
    ]
    statement = [
        *STATEMENT[:2],
        ["06/10/26", "NEFT DR-SBIN0000123-BALAJI TRADERS-HDFCN52026100612399", "", 7000, None],
        ["08/10/26", "NEFT DR-SBIN0000123-BALAJI TRADERS-HDFCN52026100612345", "", 7000, None],
        ["12/10/26", "CHQ PAID-MICR CTS-SELF", "000455", 20000, None],
    ]
    balance = 100000
    for row in statement[2:]:
        balance -= row[3]
        row.append(balance)
    bank = xlsx({"Statement": statement}, name="bank.xlsx")
    out = tmp_path / "brs.xlsx"
    code = main(["reconcile", "--bank", str(bank), "--ledger", str(books), "--out", str(out)])
    said = capsys.readouterr().out
    assert code == 0, said
    assert "3 matches, 0 bank and 0 ledger lines unmatched" in said
    matches = openpyxl.load_workbook(out)["Matches"].iter_rows(min_row=2, values_only=True)
    assert {(r[1], r[2], r[3]) for r in matches} == {
        (3, 7, "Reference"),  # bank row 3 (UTR …399) is the books' row 7
        (4, 6, "Reference"),
        (5, 8, "Reference"),
    }


def test_tallys_cash_bank_book_is_refused_saying_what_to_export(
    xlsx: Callable[..., Path], capsys: pytest.CaptureFixture[str]
) -> None:
    """Tally's Cash/Bank Book lists each bank and cash ledger's totals: no vouchers. It was
    refused as 'no ledger lines were read for the account Cash/Bank Book', each total 'an
    amount with no date and no voucher'."""
    books = xlsx(
        {
            "Cash Bank Book": [
                ["Sahyadri Tradelinks Pvt Ltd"],
                ["Cash/Bank Book"],
                ["1-Oct-2026 to 31-Oct-2026"],
                ["Date", "Particulars", "Vch Type", "Vch No.", "Debit", "Credit"],
                [None, "HDFC Bank A/c", None, None, "2,50,000.00", "60,000.00"],
                [None, "ICICI Bank A/c", None, None, "10,000.00", "5,000.00"],
                [None, "Cash", None, None, "1,000.00", "500.00"],
                [None, "Grand Total", None, None, "2,61,000.00", "65,500.00"],
            ]
        },
        name="cash-bank-book.xlsx",
    )
    bank = xlsx({"Statement": STATEMENT}, name="statement.xlsx")
    out = bank.parent / "brs.xlsx"
    code = main(["reconcile", "--bank", str(bank), "--ledger", str(books), "--out", str(out)])
    said = capsys.readouterr()
    assert code == 2
    assert (
        "xlbo: cash-bank-book.xlsx, sheet Cash Bank Book is Tally's Cash/Bank Book: each bank "
        "and cash ledger's totals, not one bank account's vouchers. Export the bank's own "
        "ledger (Display > Account Books > Ledger, then the bank account)"
    ) in said.out + said.err
    assert "Traceback" not in said.out + said.err
