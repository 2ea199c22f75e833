"""When a vendor's bill falls due, how late it is, and what paying late costs in income tax.

A micro or small enterprise (Udyam class Micro or Small; a medium one is outside) must be paid
by the day agreed in writing, which may not be more than 45 days after the goods or services
were accepted; with no written agreement, within 15 days of acceptance (MSMED Act s.15, s.2(b)).
Every other vendor is due by the vendor's payment terms, counted from the bill date, unless a
due date was agreed on the bill.

    agreed 30-11-2026, accepted 01-10-2026, micro  → due 15-11-2026 (capped at 45 days)
    no agreement,      accepted 01-10-2026, small  → due 16-10-2026 (15 days)
    no agreement,      bill 01-10-2026, 30 days    → due 31-10-2026 (payment terms)

Sums owed to a micro or small enterprise and unpaid past their s.15 day are deductible only in
the year they are paid (Income-tax Act 1961 s.43B(h), from FY 2023-24): a bill due on or before
31 March and still unpaid then moves its expense out of that year.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

from xlbo.master.records import PurchaseBill, Vendor
from xlbo.periods import TAX_YEAR_START, financial_year

MSME_CAP_DAYS = 45
"""MSMED Act s.15: the agreed period may not exceed 45 days from acceptance."""
MSME_NO_AGREEMENT_DAYS = 15
"""MSMED Act s.2(b): the 'appointed day' without a written agreement."""


@dataclass(frozen=True)
class Due:
    """A bill's due date and the rule that set it."""

    day: date
    accepted: date
    why: str


def due_date(bill: PurchaseBill, vendor: Vendor) -> Due:
    """The day `bill` must be paid by, and why."""
    accepted = bill.accepted_date or bill.bill_date
    if vendor.msme_protected:
        cap = accepted + timedelta(days=MSME_CAP_DAYS)
        if bill.agreed_due_date is not None:
            if bill.agreed_due_date > cap:
                return Due(
                    cap,
                    accepted,
                    f"capped at 45 days from acceptance (agreed {bill.agreed_due_date:%d-%m-%Y}; "
                    "MSMED s.15)",
                )
            return Due(bill.agreed_due_date, accepted, "agreed due date (MSME, within 45 days)")
        return Due(
            accepted + timedelta(days=MSME_NO_AGREEMENT_DAYS),
            accepted,
            "15 days from acceptance: no agreed date (MSMED s.15)",
        )
    if bill.agreed_due_date is not None:
        return Due(bill.agreed_due_date, accepted, "agreed due date")
    return Due(
        bill.bill_date + timedelta(days=vendor.payment_terms),
        accepted,
        f"payment terms: {vendor.payment_terms} days from the bill date",
    )


def days_overdue(due: date, as_on: date) -> int:
    """Days past the due date as on a day (0 when not yet due)."""
    return max(0, (as_on - due).days)


def section_43bh_risk(bill: PurchaseBill, vendor: Vendor, due: date, as_on: date) -> str:
    """What s.43B(h) says about an unpaid bill as on `as_on`: blank when it does not apply."""
    if not vendor.msme_protected:
        return ""
    year = financial_year(bill.bill_date, TAX_YEAR_START)
    if due > year.end:
        return ""
    if as_on > year.end:
        return f"Disallowed in {year.label}; deductible in the year paid"
    if as_on > due:
        return f"At risk in {year.label}: overdue; pay by {year.end:%d-%m-%Y}"
    return f"Pay by {due:%d-%m-%Y} to keep it in {year.label}"
