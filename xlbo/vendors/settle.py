"""What each bill still owes: the bills' totals less the payments to the vendor in the Journal.

A payment is a Journal debit to Trade Payables whose Party is the vendor (its name or code).
A payment whose narration names a bill of that vendor goes to that bill first; the rest settles
the vendor's bills oldest first (the way a vendor's statement reads it). The vendor is owed the
taxable value plus GST, but for a reverse-charge bill, whose GST the company pays itself.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import date

from xlbo.master.records import PurchaseBill, Vendor
from xlbo.money import to_paise


@dataclass(frozen=True)
class Payment:
    """A payment to a vendor as the Journal holds it (a debit to Trade Payables)."""

    day: date
    party: str
    amount: int
    """Paise: the gross settled (the bank transfer plus the TDS deducted from it)."""
    narration: str = ""


def owed(bill: PurchaseBill) -> int:
    """What the vendor is owed for the bill, in paise."""
    tax = 0 if bill.reverse_charge else to_paise(bill.gst)
    return to_paise(bill.taxable_value) + tax


def settled(
    bills: Sequence[PurchaseBill],
    vendors: Mapping[str, Vendor],
    payments: Sequence[Payment],
    as_on: date,
) -> list[int]:
    """Paise paid against each bill (in the order given) by the payments up to `as_on`.
    Payments beyond every bill of a vendor are an advance and settle nothing here."""
    paid = [0] * len(bills)
    by_vendor: dict[str, list[int]] = {}
    for i, bill in enumerate(bills):
        by_vendor.setdefault(bill.vendor_code.casefold(), []).append(i)
    names: dict[str, str] = {}
    for code, vendor in vendors.items():
        names[vendor.name.casefold()] = code
        names[code] = code
    for positions in by_vendor.values():
        positions.sort(key=lambda i: (bills[i].bill_date, i))
    for payment in sorted(payments, key=lambda p: p.day):
        if payment.day > as_on:
            continue
        payee = names.get(payment.party.strip().casefold())
        if payee is None or payee not in by_vendor:
            continue
        left = payment.amount
        narration = payment.narration.casefold()
        named = [i for i in by_vendor[payee] if bills[i].bill_no.casefold() in narration]
        for i in [*named, *by_vendor[payee]]:
            if left <= 0:
                break
            take = min(left, owed(bills[i]) - paid[i])
            if take > 0:
                paid[i] += take
                left -= take
    return paid
