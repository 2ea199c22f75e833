"""The Journal lines of sales documents, in the Journal sheet's layout (`xlbo.journal_layout`).

An invoice (or a debit note) debits the customer and credits sales by GST rate and the output
taxes (none on reverse charge: the recipient pays the tax); a credit note the other way round. The round-off goes to Round Off on whichever side
balances the voucher:

    Voucher No      Voucher Type  Account            Debit       Credit      Party
    INV/26-27/0001  Sales         Trade Receivables  1,18,000.00             Kaveri Foods
    INV/26-27/0001  Sales         Sales - Goods                  1,00,000.00 Kaveri Foods
    INV/26-27/0001  Sales         Output CGST                    9,000.00
    INV/26-27/0001  Sales         Output SGST                    9,000.00
"""

from __future__ import annotations

from collections.abc import Iterable
from decimal import Decimal

import pandas as pd

from xlbo.documents.model import Document
from xlbo.journal_layout import HEADERS
from xlbo.master.records import DocumentType
from xlbo.money import from_paise

DEBTORS = "Trade Receivables"
SALES_GOODS = "Sales - Goods"
SALES_SERVICES = "Sales - Services"
OUTPUT = {
    "cgst": "Output CGST",
    "sgst": "Output SGST",
    "utgst": "Output UTGST",
    "igst": "Output IGST",
    "cess": "Output Cess",
}
ROUND_OFF = "Round Off"
ADVANCES = "Advance from Customers"
BANK = "Bank"
"""A voucher's bank ledger when the master names no bank account."""
ACCOUNTS = (DEBTORS, SALES_GOODS, SALES_SERVICES, *OUTPUT.values(), ROUND_OFF, ADVANCES)
"""The ledgers the sales journal posts to; the chart of accounts must hold them."""

VOUCHER_TYPE = {
    DocumentType.TAX_INVOICE: "Sales",
    DocumentType.BILL_OF_SUPPLY: "Sales",
    DocumentType.DEBIT_NOTE: "Debit Note",
    DocumentType.CREDIT_NOTE: "Credit Note",
    DocumentType.RECEIPT_VOUCHER: "Receipt",
    DocumentType.REFUND_VOUCHER: "Payment",
}


def _percent(rate: Decimal) -> str:
    return f"{(rate * 100).normalize():f}%"


def voucher(document: Document) -> list[list[object]]:
    """The document's journal lines (rows in `HEADERS` order), debits equal to credits.

    A receipt voucher (Rule 50) records the advance as it comes in: the bank is debited with
    the money, Advance from Customers credited with its value and the output tax with the tax
    in it (s.31(3)(d): tax is due on an advance for services when it is received); a refund
    voucher (Rule 51) reverses those lines for the money returned."""
    sign = -1 if document.kind in (DocumentType.CREDIT_NOTE, DocumentType.REFUND_VOUCHER) else 1
    kind = VOUCHER_TYPE[document.kind]
    party = document.customer.name
    lines: list[tuple[str, int, str, str]]
    if document.voucher:
        lines = [
            (document.bank or BANK, document.total, "", ""),
            (ADVANCES, -document.taxable, party, ""),
        ]
    else:
        lines = [(DEBTORS, document.total, party, "")]
    sales: dict[tuple[str, Decimal], int] = {}
    for line in [] if document.voucher else document.lines:
        account = SALES_SERVICES if line.service else SALES_GOODS
        sales[(account, line.gst_rate)] = sales.get((account, line.gst_rate), 0) + line.taxable
    for (account, rate), taxable in sorted(sales.items()):
        lines.append((account, -taxable, "", f"Taxable at GST {_percent(rate)}"))
    sgst = OUTPUT["utgst"] if document.utgst else OUTPUT["sgst"]
    output = not document.reverse_charge  # on reverse charge the recipient pays the tax
    for account, credit in (
        (OUTPUT["cgst"], document.cgst if output else 0),
        (sgst, document.sgst if output else 0),
        (OUTPUT["igst"], document.igst if output else 0),
        (OUTPUT["cess"], document.cess if output else 0),
        (ROUND_OFF, document.round_off),  # rounded up: a credit; down: a debit
    ):
        if credit:
            lines.append((account, -credit, "", ""))
    narration = f"{document.kind.value} {document.number} to {party}"
    if document.kind is DocumentType.RECEIPT_VOUCHER:
        narration = f"Advance received from {party}, {document.kind.value} {document.number}"
    if document.original:
        narration += f" against {document.original}"
    rows: list[list[object]] = []
    for account, amount, line_party, note in lines:
        signed = amount * sign
        rows.append(
            [
                document.date,
                document.number,
                kind,
                account,
                from_paise(signed) if signed > 0 else None,
                from_paise(-signed) if signed < 0 else None,
                line_party,
                "",
                note or narration,
            ]
        )
    return rows


def journal_frame(documents: Iterable[Document]) -> pd.DataFrame:
    """Every document's journal lines as a frame with the Journal's headers."""
    rows = [row for document in documents for row in voucher(document)]
    return pd.DataFrame(rows, columns=list(HEADERS), dtype=object)
