"""A customer's statement of account from the Journal, as a customer's accountant checks it:

    Opening balance on 01-04-2026                           1,18,000.00 Dr
    05-10-2026  INV/26-27/0012  Invoice         59,000.00   1,77,000.00 Dr
    20-10-2026  RCT/0007        Receipt                     1,16,000.00  61,000.00 Dr
    20-10-2026  RCT/0007        TDS deducted                     2,000.00  59,000.00 Dr
    Closing balance on 31-10-2026                              59,000.00 Dr

Its lines are the Journal's lines on Trade Receivables whose Party is the customer (its name or
code), with the Opening Bills the books begin with. A receipt from which the customer deducted
TDS (the voucher also debits TDS Receivable) shows the money and the TDS apart. The closing
balance is the customer's balance in the ledger. Below it: the ageing of the unpaid invoices
(0–30, 31–60, 61–90, over 90 days, settled first in, first out, or by the invoice a receipt's
narration names), advances not yet applied, and a breach of the credit limit.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, timedelta

import pandas as pd

from xlbo.master.records import Customer
from xlbo.money import format_inr, from_paise, to_paise
from xlbo.reports.ageing import outstanding

RECEIVABLES = "Trade Receivables"
TDS_RECEIVABLE = "TDS Receivable"
BUCKETS = (("0–30", 0, 30), ("31–60", 31, 60), ("61–90", 61, 90), ("> 90", 91, None))
KINDS = {
    "sales": "Invoice",
    "invoice": "Invoice",
    "tax invoice": "Invoice",
    "bill of supply": "Invoice",
    "credit note": "Credit Note",
    "debit note": "Debit Note",
    "receipt": "Receipt",
    "receipt voucher": "Advance Receipt",
    "refund voucher": "Refund",
    "journal": "Journal",
    "opening": "Opening Bill",
}


@dataclass(frozen=True)
class StatementLine:
    day: date
    voucher: str
    kind: str
    particulars: str
    debit: int
    credit: int
    balance: int
    """Paise, debit positive: what the customer owes after this line."""


@dataclass(frozen=True)
class OpenInvoice:
    voucher: str
    day: date
    due: date
    days_overdue: int
    amount: int


@dataclass(frozen=True)
class Statement:
    customer: Customer
    start: date
    end: date
    opening: int
    lines: tuple[StatementLine, ...]
    closing: int
    buckets: tuple[int, ...]
    """Unpaid invoices by age on `end` (BUCKETS), paise."""
    advances: int
    """Paid ahead of invoices and not yet applied (paise, positive)."""
    overdue: tuple[OpenInvoice, ...]
    """Invoices past the customer's credit days on `end`, oldest first."""
    limit_breach: str

    @property
    def invoiced(self) -> int:
        return sum(line.debit for line in self.lines)

    @property
    def received(self) -> int:
        return sum(line.credit for line in self.lines if line.kind != "TDS deducted")

    @property
    def tds(self) -> int:
        return sum(line.credit for line in self.lines if line.kind == "TDS deducted")


def _kind(voucher_type: str) -> str:
    return KINDS.get(voucher_type.strip().casefold(), voucher_type.strip() or "Entry")


def customer_lines(lines: pd.DataFrame, customer: Customer) -> pd.DataFrame:
    """The customer's lines on Trade Receivables (by name or code, any case)."""
    names = {customer.name.casefold(), customer.customer_code.casefold()}
    party = lines["party"].astype(str).str.strip().str.casefold()
    return lines[(lines["account"] == RECEIVABLES) & party.isin(names)]


def statement(customer: Customer, lines: pd.DataFrame, start: date, end: date) -> Statement:
    """The statement of `customer` for `start` to `end` from journal `lines` (LINE_COLUMNS,
    paise; opening bills among them as lines)."""
    mine = customer_lines(lines, customer).sort_values(["date", "row"])
    before = mine[mine["date"] < start]
    opening = int(before["debit"].sum() - before["credit"].sum())
    period = mine[(mine["date"] >= start) & (mine["date"] <= end)]
    tds_by_voucher = (
        lines[(lines["account"] == TDS_RECEIVABLE) & lines["voucher"].isin(set(period["voucher"]))]
        .groupby("voucher")["debit"]
        .sum()
        .to_dict()
    )
    balance = opening
    rows: list[StatementLine] = []
    for day, voucher, kind, narration, debit, credit in zip(
        period["date"], period["voucher"], period["type"], period["narration"],
        period["debit"], period["credit"], strict=True,
    ):  # fmt: skip
        debit, credit = int(debit), int(credit)
        tds = min(int(tds_by_voucher.get(voucher, 0)), credit)
        parts = [(_kind(str(kind)), debit, credit - tds)]
        if tds:
            parts.append(("TDS deducted", 0, tds))
        for name, up, down in parts:
            if not up and not down:
                continue
            balance += up - down
            rows.append(StatementLine(day, str(voucher), name, str(narration), up, down, balance))
    invoices = outstanding(mine, RECEIVABLES, end)  # it keeps the lines up to `end` itself
    buckets = [0] * len(BUCKETS)
    advances = 0
    overdue: list[OpenInvoice] = []
    for invoice in [i for party in invoices.values() for i in party]:
        if invoice.open < 0:
            advances += -invoice.open
            continue
        if not invoice.open:
            continue
        age = (end - invoice.day).days
        for index, (_, low, high) in enumerate(BUCKETS):
            if age >= low and (high is None or age <= high):
                buckets[index] += invoice.open
        due = invoice.day + timedelta(days=customer.credit_days)
        if end > due:
            overdue.append(
                OpenInvoice(invoice.voucher, invoice.day, due, (end - due).days, invoice.open)
            )
    breach = ""
    if customer.credit_limit is not None and balance > to_paise(customer.credit_limit):
        breach = (
            f"Owes ₹{format_inr(from_paise(balance))}, above the credit limit of "
            f"₹{format_inr(customer.credit_limit)}"
        )
    return Statement(
        customer=customer,
        start=start,
        end=end,
        opening=opening,
        lines=tuple(rows),
        closing=balance,
        buckets=tuple(buckets),
        advances=advances,
        overdue=tuple(sorted(overdue, key=lambda o: (o.day, o.voucher))),
        limit_breach=breach,
    )


def reminders(statements: Sequence[Statement]) -> list[tuple[Customer, OpenInvoice]]:
    """Every overdue invoice of every customer, most overdue first."""
    found = [(s.customer, o) for s in statements for o in s.overdue]
    return sorted(found, key=lambda pair: (-pair[1].days_overdue, pair[0].customer_code))
