"""Statements under the header rows a public tool lists for 20 Indian banks, co-operative banks
among them: github.com/Amit49/Bank-Statement-to-csv-form, All_Bank_Header_List.md. Only the
header words and their order were taken from it (and, where its header says so, the side
written beside an amount); the lines are made up. Each is three lines under a title: a deposit
of 50,000.00 and two withdrawals, 12,500.00 and 500.00. Before session 24 the Kotak layout
whose date column is headed `TRANSACTION` alone was refused: no date column."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import Any

import openpyxl
import pytest

from tests.bank.test_more_banks import first_and_last, totals
from xlbo.readers.statement import read_statement

LINES = [
    ("01/10/2026", "NEFT CR KAVERI TRADERS", "N123", 0.0, 50000.00, 150000.00),
    ("05/10/2026", "CHQ PAID SHARMA", "000451", 12500.00, 0.0, 137500.00),
    ("12/10/2026", "UPI OM SAI", "631212345678", 500.00, 0.0, 137000.00),
]
Row = Callable[[int, str, str, str, float, float, float], list[Any]]


def _two(order: str) -> Row:
    """A row of the columns named by letters: d date, n narration, r reference, w withdrawal,
    p deposit (blank where none), b balance, s serial, v value date, x something else."""

    def row(
        i: int, day: str, text: str, ref: str, out: float, into: float, bal: float
    ) -> list[Any]:
        cells = {"d": day, "n": text, "r": ref, "w": out or None, "p": into or None, "b": bal}
        cells.update({"s": i + 1, "v": day, "x": "00123"})
        return [cells[letter] for letter in order]

    return row


def _side(amount: float, side: str, style: str) -> str:
    return style.format(f"{amount:,.2f}", side)


LAYOUTS: dict[str, tuple[list[str], Row]] = {
    "Akhand Anand": (
        ["Balance", "Credit", "Debit", "Chq No.", "Particulars", "Date"],
        _two("bpwrnd"),
    ),
    "Axis": (
        ["Tran Date", "Chq No", "Particulars", "Debit", "Credit", "Balance", "Init. br"],
        _two("drnwpbx"),
    ),
    "Bank of Baroda 1": (
        ["S.No", "Date", "Description", "Cheque No", "Debit", "Credit", "Balance", "Value Date"],
        _two("sdnrwpbv"),
    ),
    "Bank of Baroda 14": (
        ["NARRATION", "DEPOSIT(CR)", "DATE", "CHQ.NO.", "WITHDRAWAL(DR)", "BALANCE(INR)"],
        _two("npdrwb"),
    ),
    "Bank of Baroda 20": (
        [
            "Serial No",
            "Transaction Date",
            "Value Date",
            "Description",
            "Cheque Number",
            "Debit",
            "Credit",
            "Balance",
        ],
        _two("sdvnrwpb"),
    ),
    "Bank of Baroda 21": (
        ["Date", "Description", "Amount", "Type"],
        lambda i, d, n, r, w, p, b: [d, n, w or p, "DR" if w else "CR"],
    ),
    "Bank of India": (
        ["Transaction Date", "Instrument Id", "Narration", "Debit", "Credit", "Balance"],
        _two("drnwpb"),
    ),
    "Canara": (
        [
            "TRANS DATE",
            "VALUE DATE",
            "BRANCH",
            "REF/CHQ.NO",
            "DESCRIPTION",
            "WITHDRAWS",
            "DEPOSIT",
            "BALANCE",
        ],
        _two("dvxrnwpb"),
    ),
    "Federal 19": (
        [
            "Date",
            "Value Date",
            "Particulars",
            "TranType",
            "Cheque Details",
            "Withdrawals",
            "Deposits",
            "Balance",
        ],
        _two("dvnxrwpb"),
    ),
    "Federal": (
        [
            "Date",
            "Value Date",
            "Particulars",
            "TranType",
            "Tran ID",
            "Cheque Details",
            "Withdrawals",
            "Deposits",
            "Balance",
            "Dr/Cr",
        ],
        lambda i, d, n, r, w, p, b: [d, d, n, "TBI", f"S{i}", r, w or None, p or None, b, "Cr"],
    ),
    "ICICI 22": (
        [
            "Sr No",
            "Value Date",
            "Transaction Date",
            "Cheque Number",
            "Transaction Remarks",
            "Debit Amount",
            "Credit Amount",
            "Balance(INR)",
        ],
        lambda i, d, n, r, w, p, b: [i + 1, d, d, r, n, w, p, b],
    ),
    "IDBI": (
        ["Date", "Particulars", "Chq. no", "Withdrawals", "Deposits", "Balance"],
        _two("dnrwpb"),
    ),
    "IndusInd": (
        ["Date", "Particulars", "Chq./Ref.No.", "Withdrawl", "Deposit", "Balance"],
        _two("dnrwpb"),
    ),
    "Kotak 10": (
        ["Date", "Narration", "Chq/Ref No.", "Withdrawal (Dr)", "Deposit (Cr)", "Balance"],
        _two("dnrwpb"),
    ),
    "Kotak 11": (
        ["#", "TRANSACTION", "TRANSACTION DETAILS", "CHQ / REF NO.", "DEBIT", "CREDIT", "BALANCE"],
        _two("sdnrwpb"),
    ),
    "Kotak 12": (
        ["Date", "Narration", "Chq/Ref No", "Withdrawal (Dr)/Deposit (Cr)", "Balance"],
        lambda i, d, n, r, w, p, b: [
            d,
            n,
            r,
            _side(w or p, "Dr" if w else "Cr", "{}({})"),
            _side(b, "Cr", "{}({})"),
        ],
    ),
    "Kotak 13": (
        [
            "Sl.No.",
            "Date",
            "Description",
            "Chq / Ref number",
            "Amount",
            "Dr / Cr",
            "Balance",
            "Dr / Cr",
        ],
        lambda i, d, n, r, w, p, b: [i + 1, d, n, r, w or p, "DR" if w else "CR", b, "CR"],
    ),
    "Mehsana Co-op": (
        ["S.No.", "Date", "Description", "Debit", "Credit", "Cheque No", "Balance"],
        _two("sdnwprb"),
    ),
    "Paytm": (
        ["DATE & TIME", "TRANSACTION DETAILS", "AMOUNT", "AVAILABLE BALANCE"],
        lambda i, d, n, r, w, p, b: [
            f"{d} 10:15:00",
            n,
            f"- Rs.{w:,.2f}" if w else f"+ Rs.{p:,.2f}",
            f"Rs.{b:,.2f}",
        ],
    ),
    "Punjab National": (
        ["Transaction Date", "Cheque Number", "Withdrawal", "Deposit", "Balance", "Narration"],
        lambda i, d, n, r, w, p, b: [d, r, w or None, p or None, _side(b, "Cr.", "{} {}"), n],
    ),
    "Sarvoday": (
        ["Date", "Particulars", "Chq No.", "Value Date", "Debit", "Credit", "Balance"],
        _two("dnrvwpb"),
    ),
    "State Bank of India": (
        [
            "Txn Date",
            "Value Date",
            "Description",
            "Ref No./Cheque No.",
            "Branch Code",
            "Debit",
            "Credit",
            "Balance",
        ],
        _two("dvnrxwpb"),
    ),
    "Surat People's": (["Date", "Particulars", "Withdrawal", "Deposit", "Balance"], _two("dnwpb")),
    "Ujjivan": (
        ["Date", "Particular", "Chq./Ref.no.", "Withdrawal", "Deposit", "Balance", "Amount"],
        lambda i, d, n, r, w, p, b: [d, n, r, w or None, p or None, b, None],
    ),
    "Union": (
        ["Tran Id", "Tran Date", "Remarks", "Amount (Rs.)", "Balance (Rs.)"],
        lambda i, d, n, r, w, p, b: [
            f"S{100 + i}",
            d,
            n,
            _side(w or p, "Dr" if w else "Cr", "{} ({})"),
            _side(b, "Cr", "{} ({})"),
        ],
    ),
    "Varachha Co-op": (
        ["TRN.  Date", "Value  Date", "Narration", "Chq/Ref.No", "Debit", "Credit", "Closing  Bal"],
        _two("dvnrwpb"),
    ),
}


@pytest.mark.parametrize("bank", LAYOUTS)
def test_a_listed_header_row_is_read(tmp_path: Path, bank: str) -> None:
    header, row = LAYOUTS[bank]
    book = openpyxl.Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.append([f"{bank} - Statement of Account"])
    sheet.append([])
    sheet.append(header)
    for i, line in enumerate(LINES):
        sheet.append(row(i, *line))
    path = tmp_path / "statement.xlsx"
    book.save(path)
    lines = read_statement(str(path))
    assert totals(lines) == (3, 1250000 + 50000, 5000000)
    assert first_and_last(lines) == [
        (date(2026, 10, 1), "NEFT CR KAVERI TRADERS", 5000000),
        (date(2026, 10, 12), "UPI OM SAI", -50000),
    ]
    assert not [issue for issue in lines.issues if issue.severity.value == "Error"]
