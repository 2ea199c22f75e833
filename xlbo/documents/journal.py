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

from collections.abc import Iterable, Sequence
from decimal import Decimal

import pandas as pd

from xlbo.cells import percent_text
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
    DocumentType.REVISED_INVOICE: "Sales",
}
TAXABLE_NOTE = "Taxable at GST "
"""A sales line's narration, before its rate."""


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
        lines.append((account, -taxable, "", f"{TAXABLE_NOTE}{percent_text(rate)}"))
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
    advance = document.advance
    if advance is not None:  # the advance settles the debt, its tax paid already (txpd)
        lines.append((DEBTORS, -advance.total, party, f"Advance on {advance.number} adjusted"))
        lines.append((ADVANCES, advance.taxable, party, f"Advance on {advance.number} adjusted"))
        for account, tax in (
            (OUTPUT["cgst"], advance.cgst),
            (OUTPUT["utgst"] if advance.utgst else OUTPUT["sgst"], advance.sgst),
            (OUTPUT["igst"], advance.igst),
            (OUTPUT["cess"], advance.cess),
        ):
            if tax:
                lines.append((account, tax, "", f"Tax paid on the advance on {advance.number}"))
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


def revision(document: Document, original: Iterable[Sequence[object]]) -> list[list[object]]:
    """A revised invoice's journal lines (Rule 53): what it posts less what its `original`
    invoice's lines posted, account by account (sales by rate), so the books move by the
    difference only; an account the revision leaves as it was gets no line.

    The original's 1,18,000 revised to 1,41,600 (taxable 1,00,000 → 1,20,000 at 18%) posts
    Trade Receivables Dr 23,600, Sales Cr 20,000, Output IGST Cr 3,600. The revision of an
    invoice that adjusted an advance carries the advance (`Document.advance`), so the advance's
    lines, in both, net out."""
    at = {h: i for i, h in enumerate(HEADERS)}
    net: dict[tuple[str, str, str], Decimal] = {}
    notes: dict[tuple[str, str, str], str] = {}
    for sign, rows in ((1, voucher(document)), (-1, original)):
        for row in rows:
            note = str(row[at["Narration"]] or "")
            key = (
                str(row[at["Account"]]),
                str(row[at["Party"]] or ""),
                note if note.startswith(TAXABLE_NOTE) else "",
            )
            debit, credit = row[at["Debit"]], row[at["Credit"]]
            amount = (debit if isinstance(debit, Decimal) else Decimal(0)) - (
                credit if isinstance(credit, Decimal) else Decimal(0)
            )
            net[key] = net.get(key, Decimal(0)) + sign * amount
            notes.setdefault(key, note)
    narration = (
        f"{document.kind.value} {document.number} to {document.customer.name} against "
        f"{document.original}: the difference"
    )
    return [
        [
            document.date,
            document.number,
            VOUCHER_TYPE[document.kind],
            account,
            amount if amount > 0 else None,
            -amount if amount < 0 else None,
            party,
            "",
            note or narration,
        ]
        for (account, party, note), amount in net.items()
        if amount
    ]


def journal_frame(
    documents: Iterable[Document], earlier: pd.DataFrame | None = None
) -> pd.DataFrame:
    """Every document's journal lines as a frame with the Journal's headers. A revised
    invoice posts its difference from its original's lines, found in `earlier` (the Journal
    of earlier runs) or among these documents'."""
    rows: list[list[object]] = []
    for document in documents:
        if document.kind is DocumentType.REVISED_INVOICE:
            posted = (
                earlier.loc[earlier["Voucher No"] == document.original, list(HEADERS)]
                .to_numpy()
                .tolist()
                if earlier is not None and len(earlier)
                else []
            )
            posted += [row for row in rows if row[1] == document.original]
            rows += revision(document, posted)
        else:
            rows += voucher(document)
    return pd.DataFrame(rows, columns=list(HEADERS), dtype=object)
