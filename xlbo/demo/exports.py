"""Write the demo's bank statement and bank ledger in the layouts real systems export:
HDFC Bank's net-banking statement and Tally's Ledger Vouchers report. Both carry title lines above
the table and summary lines below it, as the real ones do, so every reader is tested against
what users actually download."""

from __future__ import annotations

from datetime import datetime
from decimal import Decimal
from pathlib import Path
from typing import Any

import xlsxwriter

from xlbo.book.atomic import atomic_path
from xlbo.demo.books import BANK_LEDGER, MONTH_END, MONTH_START, BankTxn, Books
from xlbo.demo.parties import COMPANY_NAME
from xlbo.money import INR_NUMBER_FORMAT

_OPTIONS = {"strings_to_formulas": False, "strings_to_numbers": False, "strings_to_urls": False}
_FIXED_TIME = datetime(2026, 11, 1, 10, 15, 32)

HDFC_HEADERS = (
    "Date",
    "Narration",
    "Chq./Ref.No.",
    "Value Dt",
    "Withdrawal Amt.",
    "Deposit Amt.",
    "Closing Balance",
)
"""The header row of HDFC's net-banking statement download."""


def _book(path: Path) -> Any:
    book = xlsxwriter.Workbook(str(path), _OPTIONS)
    book.set_properties({"created": _FIXED_TIME})
    return book


def write_hdfc_statement(books: Books, target: Path) -> Path:
    """The HDFC account as HDFC's net banking exports it: dates as dd/mm/yy text, separate
    withdrawal and deposit columns, a running closing balance, asterisk rules, a summary."""
    lines = sorted(
        (t for t in books.bank if t.bank_day is not None), key=lambda t: t.bank_day or MONTH_START
    )
    with atomic_path(target) as temporary:
        book = _book(temporary)
        ws = book.add_worksheet("Statement")
        bold = book.add_format({"bold": True})
        money = book.add_format({"num_format": "0.00"})
        title = [
            ("HDFC BANK Ltd.", "Page No .: 1"),
            (COMPANY_NAME.upper(), "Account Branch : BANER, PUNE"),
            ("OFFICE 402 PINNACLE BUSINESS PARK", "Address : SHOP NO 3, BANER ROAD, PUNE 411045"),
            ("BANER ROAD", "City : PUNE 411045"),
            ("PUNE 411045", "Account Type : CURRENT ACCOUNT"),
            ("JOINT HOLDERS :", "Account No : 50200012345678"),
            ("", "IFSC : HDFC0001234     MICR : 411240012"),
            (f"Statement From : {MONTH_START:%d/%m/%Y} To : {MONTH_END:%d/%m/%Y}", ""),
        ]
        for row, (left, right) in enumerate(title):
            ws.write_string(row, 0, left, bold if row == 0 else None)
            if right:
                ws.write_string(row, 4, right)
        header_row = len(title) + 1
        for col, text in enumerate(HDFC_HEADERS):
            ws.write_string(header_row, col, text, bold)
        rule = ["*" * 8, "*" * 40, "*" * 16, "*" * 8, "*" * 14, "*" * 14, "*" * 14]
        for col, text in enumerate(rule):
            ws.write_string(header_row + 1, col, text)
        balance = books.opening_balance
        debits = credits = Decimal(0)
        row = header_row + 2
        for txn in lines:
            day = txn.bank_day or MONTH_START
            balance += txn.amount if txn.receipt else -txn.amount
            if txn.receipt:
                credits += txn.amount
            else:
                debits += txn.amount
            ws.write_string(row, 0, f"{day:%d/%m/%y}")
            ws.write_string(row, 1, txn.narration)
            ws.write_string(row, 2, txn.reference.zfill(16) if txn.reference else "0" * 16)
            ws.write_string(row, 3, f"{day:%d/%m/%y}")
            ws.write_number(row, 5 if txn.receipt else 4, float(txn.amount), money)
            ws.write_number(row, 6, float(balance), money)
            row += 1
        for col, text in enumerate(rule):
            ws.write_string(row, col, text)
        summary = row + 2
        ws.write_string(summary, 0, "STATEMENT SUMMARY  :-", bold)
        for col, text in enumerate(
            ["Opening Balance", "Dr Count", "Cr Count", "Debits", "Credits", "Closing Bal"]
        ):
            ws.write_string(summary + 1, col, text, bold)
        figures: list[Decimal | int] = [
            books.opening_balance,
            sum(1 for t in lines if not t.receipt),
            sum(1 for t in lines if t.receipt),
            debits,
            credits,
            balance,
        ]
        for col, value in enumerate(figures):
            ws.write_number(
                summary + 2, col, float(value), money if col != 1 and col != 2 else None
            )
        ws.write_string(summary + 4, 0, f"Generated On: {_FIXED_TIME:%d-%b-%Y %H:%M:%S}")
        ws.write_string(
            summary + 5, 0, "This is a computer generated statement and does not require signature."
        )
        ws.set_column(0, 0, 10)
        ws.set_column(1, 1, 70)
        ws.set_column(2, 6, 18)
        book.close()
    return target


def _cheque(txn: BankTxn) -> str:
    """The cheque number of a movement by cheque ('' for transfers)."""
    by_cheque = txn.narration.startswith(("CHQ", "CLG")) or (not txn.narration and txn.reference)
    return txn.reference if by_cheque and txn.reference else ""


def write_tally_ledger(books: Books, target: Path) -> Path:
    """The bank ledger as Tally's Ledger Vouchers report exports it to Excel: title lines
    (company, address, ledger, `Ledger Account`, period), `Particulars` over two columns (To/By,
    then the other ledger), each voucher's cheque number and narration on the rows under it,
    and the closing balance on the other side to total the ledger."""
    lines = sorted(
        (t for t in books.bank if t.voucher), key=lambda t: (t.book_day or MONTH_START, t.voucher)
    )
    notes = {line.voucher: line.narration for line in books.journal}
    with atomic_path(target) as temporary:
        book = _book(temporary)
        ws = book.add_worksheet("Ledger")
        bold = book.add_format({"bold": True})
        centre = book.add_format({"bold": True, "align": "center"})
        day_format = book.add_format({"num_format": "d-mmm-yy"})
        note_format = book.add_format({"italic": True})
        money = book.add_format({"num_format": INR_NUMBER_FORMAT})
        money_bold = book.add_format({"num_format": INR_NUMBER_FORMAT, "bold": True})
        for row, text in enumerate(
            [
                COMPANY_NAME,
                "Office 402, Pinnacle Business Park, Baner Road, Pune",
                BANK_LEDGER,
                "Ledger Account",
                f"{MONTH_START.day}-{MONTH_START:%b-%Y} to {MONTH_END.day}-{MONTH_END:%b-%Y}",
            ]
        ):
            ws.merge_range(row, 0, row, 6, text, centre)
        header_row = 6
        for col, text in enumerate(["Date", "Particulars", "", "Vch Type", "Vch No.", "Debit"]):
            if text:
                ws.write_string(header_row, col, text, bold)
        ws.merge_range(header_row, 1, header_row, 2, "Particulars", bold)
        ws.write_string(header_row, 6, "Credit", bold)
        row = header_row + 1
        ws.write_datetime(row, 0, datetime.combine(MONTH_START, datetime.min.time()), day_format)
        ws.write_string(row, 2, "Opening Balance", bold)
        ws.write_number(row, 5, float(books.opening_balance), money_bold)
        debit = books.opening_balance
        credit = Decimal(0)
        for txn in lines:
            row += 1
            ws.write_datetime(
                row,
                0,
                datetime.combine(txn.book_day or MONTH_START, datetime.min.time()),
                day_format,
            )
            ws.write_string(row, 1, "To" if txn.receipt else "By")
            ws.write_string(row, 2, txn.particulars)
            ws.write_string(row, 3, txn.kind)
            ws.write_string(row, 4, txn.voucher)
            ws.write_number(row, 5 if txn.receipt else 6, float(txn.amount), money)
            if txn.receipt:
                debit += txn.amount
            else:
                credit += txn.amount
            cheque = _cheque(txn)
            for text in (f"Ch. No. : {cheque}" if cheque else "", notes.get(txn.voucher, "")):
                if text:
                    row += 1
                    ws.write_string(row, 2, text, note_format)
        closing = debit - credit
        ws.write_string(row + 1, 1, "By" if closing >= 0 else "To")
        ws.write_string(row + 1, 2, "Closing Balance", bold)
        ws.write_number(row + 1, 6 if closing >= 0 else 5, float(abs(closing)), money_bold)
        ws.write_string(row + 2, 2, "Total", bold)
        ws.write_number(row + 2, 5, float(max(debit, credit)), money_bold)
        ws.write_number(row + 2, 6, float(max(debit, credit)), money_bold)
        ws.set_column(0, 0, 11)
        ws.set_column(1, 1, 4)
        ws.set_column(2, 2, 48)
        ws.set_column(3, 4, 16)
        ws.set_column(5, 6, 16)
        book.close()
    return target
