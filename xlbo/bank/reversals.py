"""The bank's own reversals: a line the bank reversed (a charge taken back, a credit reversed and
credited again), both lines left unmatched because the books never saw either. They cancel, so
they are no items of the BRS: an auditor strikes out a debit and a credit of one amount that the
bank put through and took back.

A pair is taken only where the bank says so:
- one line says it reverses or returns (`REV NEFT CR SBIN326111222333 KAVERI MILLS`, `REVERSAL
  OF CASH HANDLING CHGS`, `CHQ RET`: REVERSING_WORDS);
- the other is open, of the same amount the other way, within REVERSAL_DAYS of it;
- they share a reference (the UTR), or every word of the reversal's other than its reversing,
  channel and joining words is in the other's narration (`CASH HANDLING CHGS`);
- of such lines the nearest in date, where one only is nearest; each line in one pair.

>>> from xlbo.bank.side import side
>>> bank = side(
...     [10, 12], [-23_600, 23_600],
...     text=["CASH HANDLING CHGS INCL GST", "REVERSAL OF CASH HANDLING CHGS"],
... )
>>> reversed_pairs(bank, np.array([True, True]))
[(1, 0)]
"""

from __future__ import annotations

import re

import numpy as np
import pandas as pd

from xlbo.bank.scoring import REVERSAL_DAYS
from xlbo.bank.side import Side
from xlbo.columns import contains

REVERSING_WORDS = r"(?i)\b(?:REV|REVERSAL|REVERSED|REVERSE|RETURN|RETURNED|RTN|RET)\b"
"""A line that says it takes back another (a bounced cheque's `CHQ RET` is one too: its
re-presentment, left open beside it, cancels it)."""
_PLAIN = frozenset(
    {
        "REV", "REVERSAL", "REVERSED", "REVERSE", "RETURN", "RETURNED", "RTN", "RET", "OF", "FOR",
        "THE", "AND", "TO", "BY", "FROM", "NEFT", "RTGS", "IMPS", "UPI", "CR", "DR", "TRF",
        "TXN", "REF", "NO", "INCL", "GST", "ON", "AGAINST", "AGST", "WRONG", "ENTRY", "DEBIT",
        "CREDIT", "DEBITED", "CREDITED", "BEING", "AMT", "AMOUNT",
    }
)  # fmt: skip
"""Words of a reversal's narration that say nothing of what it reverses."""


def reversed_pairs(bank: Side, open_lines: np.ndarray) -> list[tuple[int, int]]:
    """The (reversal, reversed) pairs among the `open_lines` (a mask of `bank`'s lines),
    positions on `bank`. The candidates come from a join on the amount (a month of a million
    lines has thousands of open reversals), the words are compared for them alone."""
    text = bank.lines["text"].fillna("").astype(str)
    signed = bank.lines["signed"].to_numpy(dtype=np.int64)
    day = bank.lines["day"].to_numpy(dtype=np.int64)
    open_at = np.flatnonzero(open_lines & (signed != 0))
    reversals = open_at[contains(text.iloc[open_at], REVERSING_WORDS)]
    if not len(reversals):
        return []
    pairs = pd.DataFrame({"r": reversals, "amount": -signed[reversals]}).merge(
        pd.DataFrame({"o": open_at, "amount": signed[open_at]}), on="amount"
    )
    gap = np.abs(day[pairs["r"].to_numpy()] - day[pairs["o"].to_numpy()])
    pairs = pairs.assign(gap=gap)[(gap <= REVERSAL_DAYS) & (pairs["r"] != pairs["o"])]
    if pairs.empty:
        return []
    tokens = bank.tokens[["position", "token"]]
    shared = (
        pairs[["r", "o"]]
        .merge(tokens.rename(columns={"position": "r"}), on="r")
        .merge(tokens.rename(columns={"position": "o"}), on=["o", "token"])
        .drop_duplicates(["r", "o"])
    )
    by_reference = set(zip(shared["r"].tolist(), shared["o"].tolist(), strict=True))
    words: dict[tuple[int, bool], set[str]] = {}

    def said(at: int, keep_all: bool = False) -> set[str]:
        if (at, keep_all) not in words:
            words[(at, keep_all)] = _words(str(text.iat[at]), keep_all)
        return words[(at, keep_all)]

    fits = [
        (r, o, g)
        for r, o, g in zip(
            pairs["r"].tolist(), pairs["o"].tolist(), pairs["gap"].tolist(), strict=True
        )
        if (r, o) in by_reference or (said(r) and said(r) <= said(o, keep_all=True))
    ]
    of: dict[int, list[tuple[int, int]]] = {}  # each reversal's fits: (line, days apart)
    for r, o, g in fits:
        of.setdefault(r, []).append((o, g))
    taken: set[int] = set()
    chosen = []
    for line in sorted(of, key=lambda at: (int(day[at]), at)):
        mine = [(o, g) for o, g in of[line] if o not in taken]
        if line in taken or not mine:
            continue
        nearest = [o for o, g in mine if g == min(g for _, g in mine)]
        if len(nearest) != 1:
            continue
        chosen.append((line, nearest[0]))
        taken |= {line, nearest[0]}
    return chosen


def _words(text: str, keep_all: bool = False) -> set[str]:
    """A narration's words of three letters or more, upper case; but those that say nothing
    of what a reversal reverses (`_PLAIN`), unless `keep_all`."""
    words = set(re.findall(r"[A-Z]{3,}", text.upper()))
    return words if keep_all else words - _PLAIN
