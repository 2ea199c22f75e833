"""The vouchers of purchases and payments, in the Journal's layout (`xlbo.journal_layout`).

A purchase (Voucher Type Purchase, Voucher No `VENDOR/BILL`): the expense debited with the
taxable value, each input GST head with its tax, the vendor (Trade Payables, Party) credited with
what it is owed; a reverse-charge bill credits its GST to the output heads instead, as the
company pays that tax itself:

    Rent                 50,000.00
    Input CGST            4,500.00
    Input SGST            4,500.00
    Trade Payables                  59,000.00   Shree Properties

A payment (Voucher Type Payment): the vendor debited with all that is settled, TDS Payable
credited with the tax deducted (by the account of its rule), the bank with the rest:

    Trade Payables       59,000.00              Shree Properties
    TDS Payable - Rent (194I)        5,000.00
    HDFC Bank Current A/c           54,000.00
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import date

import pandas as pd

from xlbo.journal_layout import HEADERS
from xlbo.master.records import PurchaseBill, Vendor
from xlbo.money import format_inr, from_paise, to_paise
from xlbo.vendors.run import OpenBill
from xlbo.vendors.settle import owed

PAYABLES = "Trade Payables"
INPUT = {"igst": "Input IGST", "cgst": "Input CGST", "sgst": "Input SGST", "cess": "Input Cess"}
REVERSE = {
    "igst": "Output IGST",
    "cgst": "Output CGST",
    "sgst": "Output SGST",
    "cess": "Output Cess",
}
"""Where a reverse-charge bill's GST is owed: the company pays it to the government."""


def _row(
    day: date, voucher: str, kind: str, account: str, amount: int, party: str, narration: str
) -> list[object]:
    """One journal line; `amount` in paise, positive a debit, negative a credit."""
    return [
        day,
        voucher,
        kind,
        account,
        from_paise(amount) if amount > 0 else None,
        from_paise(-amount) if amount < 0 else None,
        party,
        "",
        narration,
    ]


def purchase_voucher(bill: PurchaseBill, vendor: Vendor) -> list[list[object]]:
    """The purchase voucher of one bill."""
    voucher = f"{vendor.vendor_code}/{bill.bill_no}"
    narration = f"Bill {bill.bill_no} of {vendor.name}" + (
        f": {bill.description}" if bill.description else ""
    )
    rows = [
        _row(
            bill.bill_date,
            voucher,
            "Purchase",
            bill.expense_account,
            to_paise(bill.taxable_value),
            "",
            narration,
        )
    ]
    for head in ("igst", "cgst", "sgst", "cess"):
        tax = to_paise(getattr(bill, head))
        if tax:
            rows.append(_row(bill.bill_date, voucher, "Purchase", INPUT[head], tax, "", narration))
            if bill.reverse_charge:
                note = f"{narration} (reverse charge)"
                rows.append(
                    _row(bill.bill_date, voucher, "Purchase", REVERSE[head], -tax, "", note)
                )
    rows.append(
        _row(bill.bill_date, voucher, "Purchase", PAYABLES, -owed(bill), vendor.name, narration)
    )
    return rows


@dataclass(frozen=True)
class CreditNote:
    """A vendor's credit note as the Purchases sheet holds it (a row of negative amounts),
    its amounts here in positive paise."""

    vendor_code: str
    number: str
    day: date
    expense_account: str
    description: str
    taxable: int
    heads: Mapping[str, int]
    """igst, cgst, sgst, cess."""
    reverse_charge: bool = False

    @property
    def voucher(self) -> str:
        """Its voucher number in the Journal, as a bill's: `V02/CN-4`."""
        return f"{self.vendor_code}/{self.number}"

    @property
    def credit(self) -> int:
        """What it takes off the vendor's dues: the taxable value, and the GST unless the
        company pays that itself (reverse charge)."""
        return self.taxable + (0 if self.reverse_charge else sum(self.heads.values()))


def credit_note_voucher(note: CreditNote, vendor: Vendor) -> list[list[object]]:
    """The voucher of a vendor's credit note: the purchase voucher turned round (Trade
    Payables debited, the expense and the input tax credited)."""
    narration = f"Credit note {note.number} of {vendor.name}" + (
        f": {note.description}" if note.description else ""
    )
    kind = "Credit Note"
    rows = [_row(note.day, note.voucher, kind, PAYABLES, note.credit, vendor.name, narration)]
    rows.append(
        _row(note.day, note.voucher, kind, note.expense_account, -note.taxable, "", narration)
    )
    for head, tax in note.heads.items():
        if tax:
            rows.append(_row(note.day, note.voucher, kind, INPUT[head], -tax, "", narration))
            if note.reverse_charge:
                rows.append(_row(note.day, note.voucher, kind, REVERSE[head], tax, "", narration))
    return rows


def purchase_journal(
    bills: Sequence[tuple[PurchaseBill, Vendor]],
    notes: Sequence[tuple[CreditNote, Vendor]] = (),
) -> pd.DataFrame:
    """The purchase vouchers of the bills, and of the vendors' credit notes, as a frame with
    the Journal's headers."""
    rows = [row for bill, vendor in bills for row in purchase_voucher(bill, vendor)]
    rows += [row for note, vendor in notes for row in credit_note_voucher(note, vendor)]
    return pd.DataFrame(rows, columns=list(HEADERS), dtype=object)


def payment_voucher(
    paid: Sequence[OpenBill], bank: str, day: date, voucher: str
) -> list[list[object]]:
    """One vendor's payment of the bills `paid` (all of one vendor) from the ledger `bank`."""
    vendor = paid[0].vendor
    gross = sum(b.outstanding for b in paid)
    tds: dict[str, int] = {}
    for b in paid:
        if b.tds_now:
            tds[b.tds.account] = tds.get(b.tds.account, 0) + b.tds_now
    net = gross - sum(tds.values())
    bills = ", ".join(b.bill.bill_no for b in paid)
    narration = f"Payment to {vendor.name}, bills {bills}"
    if tds:
        narration += f"; TDS ₹{format_inr(from_paise(sum(tds.values())))}"
    rows = [_row(day, voucher, "Payment", PAYABLES, gross, vendor.name, narration)]
    for account, amount in sorted(tds.items()):
        rows.append(_row(day, voucher, "Payment", account, -amount, "", narration))
    rows.append(_row(day, voucher, "Payment", bank, -net, "", narration))
    return rows


def payment_journal(
    runs: Sequence[tuple[str, Sequence[OpenBill]]], bank: str, day: date
) -> pd.DataFrame:
    """The payment vouchers (voucher number, that vendor's bills paid), as a Journal frame."""
    rows = [row for number, paid in runs for row in payment_voucher(paid, bank, day, number)]
    return pd.DataFrame(rows, columns=list(HEADERS), dtype=object)
