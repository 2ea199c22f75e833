"""Receivables and payables ageing: what each party owes (or is owed) as at a date, by how old
the unpaid invoices are — 0–30, 31–60, 61–90, 91–180 and over 180 days.

Invoices are the Journal's debits to Trade Receivables (credits to Trade Payables) with a Party;
payments are the other side. A payment whose narration names an invoice's voucher number settles
that invoice first; the rest settles the party's oldest invoices first (first in, first out).

What each party owed on the day the books begin is in the books workbook's `Opening Bills` sheet
(Account, Party, Bill No, Bill Date, Amount), bill by bill as Tally keeps opening balances: the
control accounts' opening balances on the Accounts sheet are their totals. A negative amount is an
advance (money received from a customer, or paid to a vendor, before the bill). The sheet ends
with a check: each side's total against the control account in the trial balance, saying
whether they tie and by how much they differ when they do not. A party whose balance is the other way round (a customer who paid more
than was billed) is labelled an advance or on-account payment.
"""

from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date

import pandas as pd

from xlbo.money import format_inr, from_paise

BUCKETS = (
    ("0–30", 0, 30),
    ("31–60", 31, 60),
    ("61–90", 61, 90),
    ("91–180", 91, 180),
    (">180", 181, None),
)
NO_PARTY = "(no party)"
CONTROL_ACCOUNTS = {"Trade Receivables": "Receivable", "Trade Payables": "Payable"}
ADVANCE = {
    "Receivable": "Advance from the customer (paid more than billed): owed to them",
    "Payable": "Advance to the vendor (paid more than billed): owed by them",
}


@dataclass
class Invoice:
    voucher: str
    day: date
    open: int


@dataclass
class _PartyLedger:
    """One party's invoices in date order, found by voucher number, with the first one still
    open (so settling first in, first out never walks over paid invoices again)."""

    invoices: list[Invoice] = field(default_factory=list)
    by_voucher: dict[str, list[Invoice]] = field(default_factory=lambda: defaultdict(list))
    first_open: int = 0
    advances: list[Invoice] = field(default_factory=list)

    def add(self, invoice: Invoice) -> None:
        self.invoices.append(invoice)
        if invoice.voucher:
            self.by_voucher[invoice.voucher.casefold()].append(invoice)

    def settle(self, amount: int, narration: str) -> int:
        """Apply a payment: to the invoices its narration names, then oldest first. Returns
        what is left over (an advance)."""
        for token in _TOKEN.findall(narration):
            if token.isdigit():  # "2 cheques", a cheque number: not an invoice's name
                continue
            for invoice in self.by_voucher.get(token.rstrip(".").casefold(), ()):
                used = min(invoice.open, amount)
                invoice.open -= used
                amount -= used
        while amount and self.first_open < len(self.invoices):
            invoice = self.invoices[self.first_open]
            used = min(invoice.open, amount)
            invoice.open -= used
            amount -= used
            if not invoice.open:
                self.first_open += 1
        return amount


_TOKEN = re.compile(r"[^\s,;:()\[\]]+")
"""Words of a narration that may be a voucher number (SAL/31, INV-2026-0042). Bare numbers are
not taken as naming an invoice: narrations are full of counts and cheque numbers."""


def outstanding(lines: pd.DataFrame, account: str, as_at: date) -> dict[str, list[Invoice]]:
    """Unpaid invoices by party for a control account, as at a date (advances as negative
    amounts dated `as_at`)."""
    mine = lines[(lines["account"] == account) & (lines["date"] <= as_at)]
    receivable = CONTROL_ACCOUNTS[account] == "Receivable"
    ledgers: dict[str, _PartyLedger] = defaultdict(_PartyLedger)
    payments: list[tuple[str, int, str]] = []
    ordered = mine.sort_values(["date", "row"])
    grows = (ordered["debit"] if receivable else ordered["credit"]).tolist()
    settles = (ordered["credit"] if receivable else ordered["debit"]).tolist()
    for party, voucher, day, narration, up, down in zip(
        ordered["party"].tolist(),
        ordered["voucher"].tolist(),
        ordered["date"].tolist(),
        ordered["narration"].tolist(),
        grows,
        settles,
        strict=True,
    ):
        party = str(party) or NO_PARTY  # shown, so the ageing ties to the control account
        if up:
            ledgers[str(party)].add(Invoice(str(voucher), day, int(up)))
        if down:
            payments.append((str(party), int(down), str(narration)))
    for party, amount, narration in payments:
        ledger = ledgers[party]
        left = ledger.settle(amount, narration)
        if left:  # paid in advance: a credit waiting for invoices
            ledger.advances.append(Invoice("advance", as_at, -left))
    return {party: [*ledger.invoices, *ledger.advances] for party, ledger in ledgers.items()}


def ageing(
    lines: pd.DataFrame,
    as_at: date,
    openings: pd.DataFrame | None = None,
    balances: dict[str, int] | None = None,
) -> pd.DataFrame:
    """The ageing as at `as_at` (a party a row: Party, Side, Outstanding, a column a bucket,
    Note; in rupees) from the journal `lines` and the `openings` (opening bills as lines). With `balances` (each control account's debit-positive balance in the trial
    balance as at `as_at`, in paise) each side ends with a check against it."""
    every = lines if openings is None or openings.empty else pd.concat([openings, lines])
    rows = []
    for account, side in CONTROL_ACCOUNTS.items():
        sums = [0] * len(BUCKETS)
        for party, invoices in sorted(outstanding(every, account, as_at).items()):
            buckets = [0] * len(BUCKETS)
            for invoice in invoices:
                if not invoice.open:
                    continue
                age = (as_at - invoice.day).days
                for index, (_, low, high) in enumerate(BUCKETS):
                    if age >= low and (high is None or age <= high):
                        buckets[index] += invoice.open
                        break
            total = sum(buckets)
            if total:
                note = ADVANCE[side] if total < 0 else ""
                if party == NO_PARTY:
                    note = f"Lines on {account} with no Party: name the party in the Journal"
                rows.append(
                    [party, side, from_paise(total), *(from_paise(b) for b in buckets), note]
                )
                sums = [a + b for a, b in zip(sums, buckets, strict=True)]
        if balances is None:
            continue
        aged = sum(sums)
        ledger = balances.get(account, 0) * (1 if side == "Receivable" else -1)
        if not aged and not ledger and not any(row[1] == side for row in rows):
            continue  # nothing on this side to check
        gap = aged - ledger
        verdict = (
            "Ties to the trial balance"
            if gap == 0
            else f"Does not tie: the ageing is {format_inr(from_paise(abs(gap)), symbol=True)} "
            f"{'more' if gap > 0 else 'less'} than {account} in the trial balance"
        )
        rows.append(
            [f"Total {side.lower()}s", side, from_paise(aged), *map(from_paise, sums), verdict]
        )
        rows.append(
            [f"{account} per trial balance", side, from_paise(ledger), *[None] * len(BUCKETS), ""]
        )
    frame = pd.DataFrame(
        rows,
        columns=["Party", "Side", "Outstanding", *(b[0] for b in BUCKETS), "Note"],
        dtype=object,
    )
    return frame
