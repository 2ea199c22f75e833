"""Receipts in the books: the Receipt Register, what each receipt settled, and its Journal lines.

A receipt debits the bank (or Cash in Hand) with the money and TDS Receivable with the tax the
payer deducted, and credits the customer in Trade Receivables with both, so the ageing sees the
invoices it settles:

    Voucher No      Voucher Type  Account                 Debit      Credit     Party
    RCT/26-27/0001  Receipt       HDFC Bank Current A/c   26,550.00
    RCT/26-27/0001  Receipt       TDS Receivable           2,950.00
    RCT/26-27/0001  Receipt       Trade Receivables                  29,500.00  Kaveri Foods

The register in the output folder is the record of receipts issued: the next run numbers after
it, issues no receipt twice for the same payment, and takes what they settled off the invoices.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from datetime import date
from decimal import Decimal
from typing import Any

import pandas as pd

from xlbo.documents.journal import DEBTORS
from xlbo.documents.receipts import Earlier, Receipt
from xlbo.journal_layout import HEADERS
from xlbo.master.records import ReceiptMode
from xlbo.money import format_inr, from_paise, to_paise

SHEET = "Receipt Register"
HEADERS_OF_REGISTER = (
    "Receipt No",
    "Date",
    "Customer Code",
    "Customer",
    "Amount",
    "TDS Deducted",
    "TDS Section",
    "Mode",
    "UTR/Cheque No",
    "Bank Account",
    "Settles",
    "On Account",
    "Narration",
    "From",
)
MONEY = frozenset({"Amount", "TDS Deducted", "On Account"})
ALLOCATIONS = "Receipt Allocations"
ALLOCATION_HEADERS = ("Receipt No", "Date", "Customer Code", "Mode", "Document No", "Amount")
TDS_RECEIVABLE = "TDS Receivable"
VOUCHER_TYPE = "Receipt"


def settles_text(receipt: Receipt) -> str:
    """`INV/26-27/0001 29,500.00; INV/26-27/0004 1,000.00`."""
    return "; ".join(f"{s.document} {format_inr(from_paise(s.amount))}" for s in receipt.settles)


def receipt_row(receipt: Receipt) -> dict[str, Any]:
    """A receipt as a Receipt Register row (money as Decimal rupees)."""
    return {
        "Receipt No": receipt.number,
        "Date": receipt.date,
        "Customer Code": receipt.customer.customer_code,
        "Customer": receipt.customer.name,
        "Amount": from_paise(receipt.amount),
        "TDS Deducted": from_paise(receipt.tds),
        "TDS Section": receipt.tds_section,
        "Mode": receipt.mode.value,
        "UTR/Cheque No": receipt.reference,
        "Bank Account": receipt.bank,
        "Settles": settles_text(receipt),
        "On Account": from_paise(receipt.on_account),
        "Narration": receipt.narration,
        "From": receipt.source or f"Receipts row {receipt.row}",
    }


def allocation_rows(receipt: Receipt) -> list[dict[str, Any]]:
    return [
        {
            "Receipt No": receipt.number,
            "Date": receipt.date,
            "Customer Code": receipt.customer.customer_code,
            "Mode": receipt.mode.value,
            "Document No": s.document,
            "Amount": from_paise(s.amount),
        }
        for s in receipt.settles
    ]


def earlier_receipts(
    rows: Iterable[Mapping[str, Any]], allocations: Iterable[Mapping[str, Any]]
) -> list[Earlier]:
    """The receipts an earlier register lists, with the cash each settled per document."""
    cash: dict[str, list[tuple[str, int]]] = {}
    for allocation in allocations:
        if str(allocation.get("Mode")) == ReceiptMode.CASH.value:
            cash.setdefault(str(allocation["Receipt No"]), []).append(
                (str(allocation["Document No"]), to_paise(allocation["Amount"]))
            )
    found = []
    for row in rows:
        number, when = row.get("Receipt No"), row.get("Date")
        if not isinstance(number, str) or not isinstance(when, date):
            continue
        found.append(
            Earlier(
                number=number,
                date=when,
                customer_code=str(row.get("Customer Code") or ""),
                amount=to_paise(row.get("Amount") or Decimal(0)),
                mode=str(row.get("Mode") or ""),
                reference=str(row.get("UTR/Cheque No") or ""),
                cash_settles=tuple(cash.get(number, ())),
            )
        )
    return found


def settled_by(allocations: Iterable[Mapping[str, Any]]) -> list[tuple[str, int]]:
    """(document, paise) each earlier receipt settled."""
    return [(str(a["Document No"]), to_paise(a["Amount"])) for a in allocations]


def receipt_voucher_lines(receipt: Receipt) -> list[list[object]]:
    """The receipt's journal lines (rows in `HEADERS` order), debits equal to credits."""
    party = receipt.customer.name
    paid = f"{receipt.mode.value}" + (f" {receipt.reference}" if receipt.reference else "")
    narration = f"Receipt {receipt.number} from {party}, {paid}"
    if receipt.settles:
        narration += " against " + ", ".join(s.document for s in receipt.settles)
    lines: list[tuple[str, int, str]] = [(receipt.bank, receipt.amount, "")]
    if receipt.tds:
        section = f" u/s {receipt.tds_section}" if receipt.tds_section else ""
        lines.append((TDS_RECEIVABLE, receipt.tds, f"TDS deducted by {party}{section}"))
    lines.append((DEBTORS, -(receipt.amount + receipt.tds), ""))
    return [
        [
            receipt.date,
            receipt.number,
            VOUCHER_TYPE,
            account,
            from_paise(amount) if amount > 0 else None,
            from_paise(-amount) if amount < 0 else None,
            party if account == DEBTORS else "",
            "",
            note or narration,
        ]
        for account, amount, note in lines
    ]


def receipts_journal(receipts: Iterable[Receipt]) -> pd.DataFrame:
    rows = [row for receipt in receipts for row in receipt_voucher_lines(receipt)]
    return pd.DataFrame(rows, columns=list(HEADERS), dtype=object)


def register_frame(rows: Iterable[Mapping[str, Any]]) -> pd.DataFrame:
    return pd.DataFrame(
        [[row.get(h) for h in HEADERS_OF_REGISTER] for row in rows],
        columns=list(HEADERS_OF_REGISTER),
        dtype=object,
    )


def allocations_frame(rows: Iterable[Mapping[str, Any]]) -> pd.DataFrame:
    return pd.DataFrame(
        [[row.get(h) for h in ALLOCATION_HEADERS] for row in rows],
        columns=list(ALLOCATION_HEADERS),
        dtype=object,
    )
