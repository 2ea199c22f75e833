"""Receivables and payables ageing: what each party owes (or is owed) as at a date, by how old
the unpaid invoices are — 0–30, 31–60, 61–90, 91–180 and over 180 days.

Invoices are the Journal's debits to Trade Receivables (credits to Trade Payables) with a Party;
payments are the other side. A payment whose narration names an invoice's voucher number settles
that invoice first; the rest settles the party's oldest invoices first (first in, first out).
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from datetime import date
from typing import Any, cast

import pandas as pd

from xlbo.book.display import Colour, Column, Highlight, Kind, ResultSheet
from xlbo.money import from_paise

BUCKETS = (
    ("0–30", 0, 30),
    ("31–60", 31, 60),
    ("61–90", 61, 90),
    ("91–180", 91, 180),
    (">180", 181, None),
)
CONTROL_ACCOUNTS = {"Trade Receivables": "Receivable", "Trade Payables": "Payable"}


@dataclass
class Invoice:
    voucher: str
    day: date
    open: int


def outstanding(lines: pd.DataFrame, account: str, as_at: date) -> dict[str, list[Invoice]]:
    """Unpaid invoices by party for a control account, as at a date."""
    mine = lines[(lines["account"] == account) & (lines["date"] <= as_at) & (lines["party"] != "")]
    receivable = CONTROL_ACCOUNTS[account] == "Receivable"
    invoices: dict[str, list[Invoice]] = defaultdict(list)
    payments: list[tuple[str, date, int, str]] = []
    ordered = cast(list[dict[str, Any]], mine.sort_values(["date", "row"]).to_dict("records"))
    for row in ordered:
        grows = int(row["debit"]) if receivable else int(row["credit"])
        settles = int(row["credit"]) if receivable else int(row["debit"])
        party = str(row["party"])
        if grows:
            invoices[party].append(Invoice(str(row["voucher"]), row["date"], grows))
        if settles:
            payments.append((party, row["date"], settles, str(row["narration"])))
    for party, _, amount, narration in payments:
        queue = invoices[party]
        named = [i for i in queue if i.voucher and i.voucher in narration and i.open]
        for invoice in [*named, *[i for i in queue if i not in named]]:
            if not amount:
                break
            used = min(invoice.open, amount)
            invoice.open -= used
            amount -= used
        if amount:  # paid in advance: a credit waiting for invoices
            queue.append(Invoice("advance", as_at, -amount))
    return invoices


def ageing_sheet(lines: pd.DataFrame, as_at: date) -> ResultSheet:
    rows = []
    for account, side in CONTROL_ACCOUNTS.items():
        for party, invoices in sorted(outstanding(lines, account, as_at).items()):
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
                rows.append([party, side, from_paise(total), *(from_paise(b) for b in buckets)])
    frame = pd.DataFrame(
        rows, columns=["Party", "Side", "Outstanding", *(b[0] for b in BUCKETS)], dtype=object
    )
    money = Column(kind=Kind.MONEY)
    return ResultSheet(
        "Ageing",
        frame,
        columns={"Party": Column(width=34), "Outstanding": money, **{b[0]: money for b in BUCKETS}},
        title=(f"Receivables and payables ageing as at {as_at:%d-%m-%Y}",),
        highlights=(Highlight(">180", 0, Colour.GOOD),),
    )
