"""What each bill still owes: the bills' totals less the payments to the vendor in the Journal.

A payment is a Journal debit to Trade Payables whose Party is the vendor (its name or code).
A payment whose narration names a bill of that vendor (a word of it is the bill number) goes
to that bill first; the rest settles
the vendor's bills oldest first (the way a vendor's statement reads it). The vendor is owed the
taxable value plus GST, but for a reverse-charge bill, whose GST the company pays itself.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
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


_TOKEN = re.compile(r"[^\s,;:()\[\]]+")
"""Words of a narration that may be a bill number (AC/101, INV-2026-0042)."""


@dataclass
class _VendorBills:
    """One vendor's bills oldest first, found by number, with the first one still open (so
    settling oldest first never walks over paid bills again)."""

    order: list[int] = field(default_factory=list)
    by_number: dict[str, list[int]] = field(default_factory=dict)
    first_open: int = 0


def settled(
    bills: Sequence[PurchaseBill],
    vendors: Mapping[str, Vendor],
    payments: Sequence[Payment],
    as_on: date,
) -> list[int]:
    """Paise paid against each bill (in the order given) by the payments up to `as_on`.
    Payments beyond every bill of a vendor are an advance and settle nothing here."""
    return _settle(bills, vendors, payments, as_on)[0]


def advances(
    bills: Sequence[PurchaseBill],
    vendors: Mapping[str, Vendor],
    payments: Sequence[Payment],
    as_on: date,
) -> dict[str, int]:
    """Paise each vendor (by its code, as on Vendors) holds of the payments up to `as_on`
    beyond every bill dated up to `as_on`: an advance (or a debit note) not yet set against a
    bill. Vendors with none are left out.

        bills 50,000 (01-10) and 20,000 (01-11); payments 60,000 (05-10) and 30,000 (10-11)
        → an advance of 20,000 on 30-11; on 20-10, 10,000 (the November bill not yet come).
    """
    upto = [b for b in bills if b.bill_date <= as_on]
    left = _settle(upto, vendors, payments, as_on)[1]
    return {vendors[code].vendor_code: paise for code, paise in left.items() if paise > 0}


def _settle(
    bills: Sequence[PurchaseBill],
    vendors: Mapping[str, Vendor],
    payments: Sequence[Payment],
    as_on: date,
) -> tuple[list[int], dict[str, int]]:
    """Paise paid against each bill, and what each vendor's payments left over (by folded
    code)."""
    left_over: dict[str, int] = {}
    paid = [0] * len(bills)
    due = [owed(b) for b in bills]
    by_vendor: dict[str, _VendorBills] = {}
    for i, bill in enumerate(bills):
        by_vendor.setdefault(bill.vendor_code.casefold(), _VendorBills()).order.append(i)
    for book in by_vendor.values():
        book.order.sort(key=lambda i: (bills[i].bill_date, i))
        for i in book.order:
            book.by_number.setdefault(bills[i].bill_no.casefold(), []).append(i)
    names: dict[str, str] = {}
    for code, vendor in vendors.items():
        names[vendor.name.casefold()] = code
        names[code] = code
    for payment in sorted(payments, key=lambda p: p.day):
        if payment.day > as_on:
            continue
        payee = names.get(payment.party.strip().casefold())
        if payee is None:
            continue
        ledger = by_vendor.get(payee)
        if ledger is None:  # no bill of this vendor yet: all of it is an advance
            left_over[payee] = left_over.get(payee, 0) + payment.amount
            continue
        left = payment.amount
        for token in _TOKEN.findall(payment.narration.casefold()):
            for i in ledger.by_number.get(token.rstrip("."), ()):
                take = min(left, due[i] - paid[i])
                if take > 0:
                    paid[i] += take
                    left -= take
        while left > 0 and ledger.first_open < len(ledger.order):
            i = ledger.order[ledger.first_open]
            take = min(left, due[i] - paid[i])
            if take > 0:
                paid[i] += take
                left -= take
            if paid[i] >= due[i]:
                ledger.first_open += 1
        if left > 0:
            left_over[payee] = left_over.get(payee, 0) + left
    return paid, left_over
