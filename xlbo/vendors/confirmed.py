"""Payments confirmed earlier and not yet in the books: a bill is never paid twice.

`xlbo payables --confirm` writes a bank file and a payment journal; the bills it paid stay open
in the books until that journal is posted into the Journal. Until then, a run confirmed again
(another day, another folder, Pay Ticked clicked again) would find the same bills open and pay
them a second time. A confirmed payment is one row of a `Payments` sheet (`payments.xlsx` of a
`payments-*` folder, or the open workbook's own sheet): its voucher, day, vendor and bills.

A bill that such a payment covers is *awaiting posting* while the Journal holds no payment for
it since: no debit to Trade Payables of that vendor, dated on or after the confirmation, whose
narration names the bill (the payment journal xlbo writes names every bill it pays). A payment
posted as written settles the bill, so it is no longer open at all; one posted under another
voucher number still names its bills.

    payments-2026-11-30/payments.xlsx: PMT/20261130/001, V01, bills AC/101
    Journal: no payment to Annapurna Caterers since 30-11-2026
    → AC/101 awaits posting: not paid again on 01-12-2026, and not ticked again by a new run.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date

from xlbo.vendors.run import OpenBill
from xlbo.vendors.settle import Payment


@dataclass(frozen=True)
class ConfirmedPayment:
    """One vendor's payment as a confirmed run wrote it (a row of its Payments sheet)."""

    where: str
    """Where it was confirmed, as the user finds it: `payments-2026-11-30`, or
    `payments-2026-11-30 (previous)/payments.xlsx`, or `this workbook's Payments sheet`."""
    voucher: str
    """Its voucher number in the payment journal (PMT/20261130/001)."""
    day: date | None
    """The payment day (the bank file's value date); None when it could not be read."""
    vendor_code: str
    bills: str
    """The bill numbers it paid, as the Payments sheet lists them (`AC/101, AC/102`)."""
    folder: bool = True
    """True when it was read from a folder xlbo wrote (delete the folder to undo it), False
    for the open workbook's Payments sheet."""

    def covers(self, vendor_code: str, bill_no: str) -> bool:
        """Whether this payment paid the bill `bill_no` of `vendor_code` (any case)."""
        if self.vendor_code.strip().casefold() != vendor_code.strip().casefold():
            return False
        listed = f", {self.bills.strip().casefold()}, "
        return f", {bill_no.strip().casefold()}, " in listed

    @property
    def when(self) -> str:
        return f"on {self.day:%d-%m-%Y}" if self.day else "earlier"


_WORD = re.compile(r"[^\s,;:()\[\]]+")
"""Words of a narration that may be a bill number, as `xlbo.vendors.settle` reads them."""


def posted_since(confirmed: ConfirmedPayment, bill: OpenBill, payments: Sequence[Payment]) -> bool:
    """Whether the Journal (`payments`: its debits to Trade Payables) holds a payment to the
    bill's vendor, dated on or after the confirmation, whose narration names the bill."""
    return _posted(confirmed, bill, _by_party(payments))


_Posted = dict[str, list[tuple[date, frozenset[str]]]]
"""The Journal's payments by party (folded): each one's day and the words of its narration."""


def _by_party(payments: Sequence[Payment]) -> _Posted:
    """The payments as `_posted` looks them up, each narration read once."""
    index: _Posted = {}
    for payment in payments:
        words = frozenset(w.rstrip(".") for w in _WORD.findall(payment.narration.casefold()))
        index.setdefault(payment.party.strip().casefold(), []).append((payment.day, words))
    return index


def _posted(confirmed: ConfirmedPayment, bill: OpenBill, index: _Posted) -> bool:
    """`posted_since`, with the payments read once (`_by_party`)."""
    vendor = bill.vendor
    number = bill.bill.bill_no.strip().casefold()
    return any(
        (confirmed.day is None or day >= confirmed.day) and number in words
        for party in {vendor.name.strip().casefold(), vendor.vendor_code.strip().casefold()}
        for day, words in index.get(party, ())
    )


def awaiting_posting(
    bills: Sequence[OpenBill],
    confirmed: Sequence[ConfirmedPayment],
    payments: Sequence[Payment],
) -> dict[tuple[str, str], ConfirmedPayment]:
    """The open bills (by `OpenBill.key`) that a payment confirmed earlier covers and the
    Journal holds no payment for since: each with that payment (the latest, if several). A
    payment confirmed before a bill's date did not pay it: the vendor's number used again in
    a later year (books begun afresh, the old folders still beside the run)."""
    latest = sorted(confirmed, key=lambda c: c.day or date.min, reverse=True)
    index = _by_party(payments)
    found: dict[tuple[str, str], ConfirmedPayment] = {}
    for bill in bills:
        earlier = next(
            (
                c
                for c in latest
                if c.covers(bill.vendor.vendor_code, bill.bill.bill_no)
                and (c.day is None or c.day >= bill.bill.bill_date)
            ),
            None,
        )
        if earlier is not None and not _posted(earlier, bill, index):
            found[bill.key] = earlier
    return found


def not_paid_again(confirmed: ConfirmedPayment, bill_no: str) -> tuple[str, str]:
    """The problem and hint said at the Pay cell of a ticked bill awaiting posting."""
    undo = (
        "delete that folder if its bank file was never uploaded"
        if confirmed.folder
        else "delete the Payments and Bank File sheets if that bank file was never uploaded"
    )
    problem = (
        f"Not paid again: bill {bill_no} was confirmed for payment {confirmed.when} in "
        f"{confirmed.where} ({confirmed.voucher}); not yet in the Journal: post that payment "
        f"journal, or {undo}, then confirm again"
    )
    hint = (
        "Post the payment journal of that run into the books' Journal (the bill is then paid), "
        f"or {undo}; then confirm again."
    )
    return problem, hint


def awaiting_note(confirmed: ConfirmedPayment) -> str:
    """What the payment run says beside a bill awaiting posting (its tick is not kept)."""
    return (
        f"Confirmed for payment {confirmed.when} in {confirmed.where} ({confirmed.voucher}): "
        "awaiting posting, do not tick"
    )
