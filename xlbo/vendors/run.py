"""The payment run as on a day: every open bill with its due date, lateness, s.43B(h) risk, TDS
and the net to pay, worst first (MSME and most overdue on top), for the user to tick.

    >>> # bill of 01-10-2026 from a micro supplier, no agreement, 59,000 with GST, 194C 2%
    >>> # as on 31-10-2026: due 16-10-2026, 15 days overdue, TDS 1,000, net 58,000
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import date
from decimal import ROUND_HALF_UP, Decimal

from xlbo.master.records import PurchaseBill, Vendor
from xlbo.money import format_inr, from_paise
from xlbo.vendors.certificates import TDSCertificate
from xlbo.vendors.due import Due, days_overdue, due_date, section_43bh_risk
from xlbo.vendors.rules import TDSRule
from xlbo.vendors.settle import Payment, owed, settled
from xlbo.vendors.tds import BillTDS, tds_on_bills


@dataclass(frozen=True)
class BillProblem:
    """A bill that could not be proposed as it stands: which bill, which column, what is wrong."""

    index: int
    header: str
    value: object
    problem: str
    hint: str


@dataclass(frozen=True)
class OpenBill:
    """One row of the payment run."""

    index: int
    """The bill's position among the Purchases sheet's bills read."""
    bill: PurchaseBill
    vendor: Vendor
    due: Due
    overdue: int
    risk: str
    total: int
    """Paise the bill owes the vendor in all (reverse-charge GST excluded)."""
    paid: int
    outstanding: int
    tds: BillTDS
    tds_now: int
    """TDS to deduct from this payment (paise)."""
    tds_why: str
    net: int

    @property
    def key(self) -> tuple[str, str]:
        """(vendor code, bill no) folded: how a ticked row finds its bill again."""
        return (self.bill.vendor_code.casefold(), self.bill.bill_no.casefold())


def _tds_now(tds: BillTDS, total: int, paid: int, outstanding: int) -> tuple[int, str]:
    if not tds.amount:
        return 0, tds.why
    if paid == 0:
        amount, why = tds.amount, tds.why
    else:
        rupees = Decimal(tds.amount) * outstanding / total / 100 if total else Decimal(0)
        amount = int(rupees.quantize(Decimal(1), rounding=ROUND_HALF_UP)) * 100
        why = (
            f"{tds.why}; part paid (₹{format_inr(from_paise(paid))}): TDS in proportion to "
            "what is left"
        )
    if amount > outstanding:
        return outstanding, f"{why}; cut to what is left to pay"
    return amount, why


def propose(
    bills: Sequence[PurchaseBill],
    vendors: Mapping[str, Vendor],
    rules: Sequence[TDSRule],
    payments: Sequence[Payment],
    as_on: date,
    turnover: Decimal | None = None,
    certificates: Sequence[TDSCertificate] = (),
) -> tuple[list[OpenBill], list[BillProblem]]:
    """The open bills as on `as_on` (bills dated after it wait) and the bills set aside;
    `certificates`: the vendors' lower-deduction certificates (`xlbo.vendors.certificates`)."""
    problems: list[BillProblem] = []
    seen: dict[tuple[str, str], int] = {}
    kept: list[int] = []
    for i, bill in enumerate(bills):
        if bill.vendor_code.casefold() not in vendors:
            problems.append(
                BillProblem(
                    i,
                    "Vendor Code",
                    bill.vendor_code,
                    f"Vendor {bill.vendor_code} is not on the Vendors sheet; the bill was set aside",
                    "Add the vendor to Vendors, or correct the code.",
                )
            )
            continue
        key = (bill.vendor_code.casefold(), bill.bill_no.casefold())
        if key in seen:
            problems.append(
                BillProblem(
                    i,
                    "Bill No",
                    bill.bill_no,
                    f"Bill {bill.bill_no} of {bill.vendor_code} appears again (first in bill "
                    f"{seen[key] + 1}); this row was set aside",
                    "Delete the repeated row, or give the bill its own number.",
                )
            )
            continue
        seen[key] = i
        kept.append(i)
    chosen = [bills[i] for i in kept]
    taxes = tds_on_bills(chosen, vendors, rules, turnover, certificates)
    paid = settled(chosen, vendors, payments, as_on)
    rows: list[OpenBill] = []
    for position, i in enumerate(kept):
        bill, tds = chosen[position], taxes[position]
        if tds.problem:
            problems.append(
                BillProblem(
                    i,
                    "TDS Section",
                    tds.section,
                    f"{tds.problem}; the bill cannot be paid until it is settled",
                    "Write the section on the bill (or the vendor), or add its row to the TDS "
                    "Rules sheet.",
                )
            )
        if bill.bill_date > as_on:
            continue
        total = owed(bill)
        outstanding = total - paid[position]
        if outstanding <= 0:
            continue
        vendor = vendors[bill.vendor_code.casefold()]
        due = due_date(bill, vendor)
        now, why = _tds_now(tds, total, paid[position], outstanding)
        rows.append(
            OpenBill(
                index=i,
                bill=bill,
                vendor=vendor,
                due=due,
                overdue=days_overdue(due.day, as_on),
                risk=section_43bh_risk(bill, vendor, due.day, as_on),
                total=total,
                paid=paid[position],
                outstanding=outstanding,
                tds=tds,
                tds_now=now,
                tds_why=why,
                net=outstanding - now,
            )
        )
    rows.sort(key=lambda r: (not r.vendor.msme_protected, r.due.day, r.vendor.name, r.index))
    return rows, problems
