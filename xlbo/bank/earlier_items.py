"""Which of a year-to-date ledger's earlier entries were still outstanding when the statement
began, found without last month's BRS.

Tally's Ledger Vouchers from 1 April, reconciled against October's statement alone: the April to
September entries that nothing in October's statement clears were cleared by earlier statements,
save those still outstanding on 30 September (a cheque of 28 September not yet presented on 31
October). Their amount is told by the two balances of 30 September: the books' (the ledger's
opening and its entries to that day) less the bank's (the statement's opening balance), less the
earlier entries this statement clears. The entries that make up exactly that amount, in paise,
are the ones still outstanding: the fewest that do (one, two or three of the latest
`NEAREST_EARLIER`, where one set alone does), else the latest run of entries that does (a
month-end's many cheques).

>>> still_outstanding(np.array([100_000, -60_000, -50_000, 20_000]), -50_000).tolist()
[False, False, True, False]
>>> still_outstanding(np.array([-70_000, -1_000, -2_000, -4_000, -8_000]), -15_000).tolist()
[False, True, True, True, True]
>>> still_outstanding(np.array([-5_000, -5_000]), -5_000).tolist()  # which one? none said
[False, False]
"""

from __future__ import annotations

from itertools import combinations

import numpy as np

NEAREST_EARLIER = 30
"""The latest earlier entries searched for the fewest that make up the amount outstanding."""

FEWEST_AT_MOST = 3
"""The most entries of such a set; past it, only the latest run of entries is tried."""


def still_outstanding(signed: np.ndarray, outstanding: int) -> np.ndarray:
    """Which of `signed` (paise into the bank, of earlier entries nothing in the statement
    clears, in date order) make up `outstanding` (paise, the same sign): the fewest that do,
    where one set alone does; else the latest run of entries (the last, the last two, …) that
    does; else none (the amount is not told by these entries alone)."""
    found = np.zeros(len(signed), dtype=bool)
    if not outstanding or not len(signed):
        return found
    start = max(0, len(signed) - NEAREST_EARLIER)
    amounts = dict(enumerate(signed[start:].tolist(), start))
    for size in range(1, FEWEST_AT_MOST + 1):
        sets = [
            chosen
            for chosen in combinations(amounts, size)
            if sum(amounts[at] for at in chosen) == outstanding
        ]
        if len(sets) == 1:
            found[list(sets[0])] = True
            return found
        if sets:
            return found  # two sets of as few entries: the amount does not say which
    run = np.cumsum(signed[::-1])
    at = np.flatnonzero(run == outstanding)
    if len(at):
        found[len(signed) - 1 - int(at[0]) :] = True
    return found
