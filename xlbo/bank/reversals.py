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
    positions on `bank`."""
    text = bank.lines["text"].fillna("").astype(str)
    signed = bank.lines["signed"].to_numpy(dtype=np.int64)
    day = bank.lines["day"].to_numpy(dtype=np.int64)
    open_at = np.flatnonzero(open_lines & (signed != 0))
    reversals = open_at[contains(text.iloc[open_at], REVERSING_WORDS)]
    if not len(reversals):
        return []
    tokens = bank.tokens.groupby("position")["token"].agg(set).to_dict()
    taken: set[int] = set()
    pairs = []
    for line in sorted(reversals.tolist(), key=lambda at: (int(day[at]), at)):
        if line in taken:
            continue
        candidates = open_at[
            (signed[open_at] == -signed[line]) & (np.abs(day[open_at] - day[line]) <= REVERSAL_DAYS)
        ]
        words = _words(text.iat[line])
        fits = [
            int(other)
            for other in candidates.tolist()
            if other not in taken
            and (
                tokens.get(line, set()) & tokens.get(other, set())
                or (words and words <= _words(text.iat[other], keep_all=True))
            )
        ]
        if not fits:
            continue
        gaps = [abs(int(day[other]) - int(day[line])) for other in fits]
        nearest = [other for other, gap in zip(fits, gaps, strict=True) if gap == min(gaps)]
        if len(nearest) != 1:
            continue
        pairs.append((line, nearest[0]))
        taken |= {line, nearest[0]}
    return pairs


def _words(text: str, keep_all: bool = False) -> set[str]:
    """A narration's words of three letters or more, upper case; but those that say nothing
    of what a reversal reverses (`_PLAIN`), unless `keep_all`."""
    words = set(re.findall(r"[A-Z]{3,}", text.upper()))
    return words if keep_all else words - _PLAIN
