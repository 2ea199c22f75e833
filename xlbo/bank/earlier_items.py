"""Which of a year-to-date ledger's earlier entries were still outstanding when the statement
began, found without last month's BRS.

Tally's Ledger Vouchers from 1 April, reconciled against October's statement alone: the April to
September entries that nothing in October's statement clears were cleared by earlier statements,
save those still outstanding on 30 September (a cheque of 28 September not yet presented on 31
October). Their amount is told by the two balances of 30 September: the books' (the ledger's
opening and its entries to that day) less the bank's (the statement's opening balance), less the
earlier entries this statement clears. The entries that make up exactly that amount, in paise,
are the ones still outstanding: the one set of one, two or three of the latest
`NEAREST_EARLIER` that does, where no other such set does (one holding it and a cheque and its
cancellation is no other) and no latest run of entries that does says otherwise, else the
latest run of entries that does (a month-end's many cheques), else the one set of the latest
`SEARCHED_WHOLE` of the amount's way (the cheques issued of those last days, the receipts among
them credited sooner), or of all, that does, else the latest run of those of the amount's way.

>>> still_outstanding(np.array([100_000, -60_000, -50_000, 20_000]), -50_000).tolist()
[False, False, True, False]
>>> still_outstanding(np.array([-70_000, -1_000, -2_000, -4_000, -8_000]), -15_000).tolist()
[False, True, True, True, True]
>>> still_outstanding(np.array([-5_000, -5_000]), -5_000).tolist()  # which one? none said
[False, False]
>>> still_outstanding(np.array([-10_000, -5_000, 2_000, -5_000]), -10_000).tolist()  # nor here
[False, False, False, False]
>>> still_outstanding(np.array([-10_000, 6_000, -5_000, -5_000]), -10_000).tolist()  # the 1st, or the last two?
[False, False, False, False]
>>> still_outstanding(np.array([-500, 500, -3_000]), -3_000).tolist()  # a cheque and its cancellation
[False, False, True]
>>> still_outstanding(np.array([-1_007, 500, -2_007, 1_500, -4_007, 2_500, -8_007]), -15_028).tolist()
[True, False, True, False, True, False, True]
"""

from __future__ import annotations

from itertools import combinations

import numpy as np

NEAREST_EARLIER = 30
"""The latest earlier entries searched for the fewest that make up the amount outstanding.
Why 30: it bounds the search to 4,525 sets (30 + 435 + 4,060 of one, two and three entries),
and every entry more adds sets that may add up by chance, and two sets that add up leave the
amount unexplained (none found), so the search stays among the latest entries, those a
statement's start finds still outstanding (a cheque of 28 September not yet presented)."""

FEWEST_AT_MOST = 3
"""The most entries of such a set; past it, the latest run of entries is tried, then every set
of the latest SEARCHED_WHOLE."""

SEARCHED_WHOLE = 20
"""The latest earlier entries whose every set is searched (in two halves of 2**10 sums each)
for the one set that makes up the amount outstanding. Why 20: every set of them is 2**20
(about a million) sums, met as two halves of 1,024 each (`_only_subset`); each entry more
doubles a half's sums and adds sets that may add up by chance (then none is found)."""


def still_outstanding(signed: np.ndarray, outstanding: int) -> np.ndarray:
    """Which of `signed` (paise into the bank, of earlier entries nothing in the statement
    clears, in date order) make up `outstanding` (paise, the same sign): the one set of up to
    FEWEST_AT_MOST that does, where no other such set that holds no smaller one does (none
    where two do) and the latest run of entries that does, if any, is that set; else the
    latest run of entries (the last, the last two, …) that does; else the one set of the
    latest SEARCHED_WHOLE of its way (money out for an amount out) that does, then of the
    latest SEARCHED_WHOLE, where one alone does; else the latest run of
    those of its way; else none (the amount is not told by these entries alone)."""
    found = np.zeros(len(signed), dtype=bool)
    if not outstanding or not len(signed):
        return found
    run = np.flatnonzero(np.cumsum(signed[::-1]) == outstanding)
    latest = np.zeros(len(signed), dtype=bool)  # the latest run of entries that adds up
    if len(run):
        latest[len(signed) - 1 - int(run[0]) :] = True
    start = max(0, len(signed) - NEAREST_EARLIER)
    amounts = dict(enumerate(signed[start:].tolist(), start))
    # the sets of up to FEWEST_AT_MOST that add up, none holding a smaller one (a cheque and
    # its cancellation added to the set are no other answer): one alone is the answer; two,
    # of any sizes, are a doubt (a cheque of 10,000.00 of August, or the month's last two of
    # 5,000.00 each)
    sets = _sets_adding_up(amounts, outstanding)
    if len(sets) > 1:
        return found  # the amount does not say which
    if sets:
        found[sorted(sets[0])] = True
        if 0 < latest.sum() <= NEAREST_EARLIER and (found != latest).any():
            # a cheque of the 15th, or the month's last two of half its amount each: the
            # amount does not say which (a run of months that adds up is no rival)
            return np.zeros(len(signed), dtype=bool)
        return found
    if latest.any():
        return latest
    # the one set of the latest entries of the amount's way (cheques issued, for an amount out),
    # else of the latest entries
    way = np.flatnonzero((signed < 0) == (outstanding < 0))
    for among in (way, np.arange(len(signed))):
        latest = among[-SEARCHED_WHOLE:]
        chosen = _only_subset(signed[latest], outstanding)
        if chosen is not None:
            found[latest[chosen]] = True
            return found
    # the latest run of those of the amount's way: the cheques issued, the receipts among them
    # credited sooner
    at = np.flatnonzero(np.cumsum(signed[way[::-1]]) == outstanding)
    if len(at):
        found[way[::-1][: int(at[0]) + 1]] = True
    return found


def _sets_adding_up(amounts: dict[int, int], total: int) -> list[set[int]]:
    """The sets of up to FEWEST_AT_MOST of `amounts` (position → paise) that add up to
    `total`, none holding a smaller one; at most two (two are a doubt already)."""
    sets: list[set[int]] = []
    for size in range(1, FEWEST_AT_MOST + 1):
        for picked in combinations(amounts, size):
            if sum(amounts[at] for at in picked) == total and not any(
                smaller <= set(picked) for smaller in sets
            ):
                sets.append(set(picked))
                if len(sets) > 1:
                    return sets
    return sets


def booked_since(signed: np.ndarray, amount: int) -> np.ndarray:
    """Which of `signed` (paise into the bank: the books' entries of the bank's own charges and
    interest in a statement's first days that it does not hold, in date order) make up `amount`
    (paise: what the bank's opening balance differs from the books' of the day before, the
    books' way): the one set of up to FEWEST_AT_MOST of the first NEAREST_EARLIER that does,
    none where two do. The bank's charges of 30 September, on September's statement, that the
    books took on 2 October.

    >>> booked_since(np.array([-59_000, -10_620, 25_000]), -69_620).tolist()
    [True, True, False]
    >>> booked_since(np.array([-5_900, -5_900]), -5_900).tolist()  # which one? none said
    [False, False]
    """
    found = np.zeros(len(signed), dtype=bool)
    if not amount or not len(signed):
        return found
    sets = _sets_adding_up(dict(enumerate(signed[:NEAREST_EARLIER].tolist())), amount)
    if len(sets) == 1:
        found[sorted(sets[0])] = True
    return found


def _only_subset(amounts: np.ndarray, total: int) -> np.ndarray | None:
    """The positions of the one set of `amounts` (SEARCHED_WHOLE at most) that adds up to
    `total`, or None where none or several do: the sums of every set of each half, met."""
    half = len(amounts) // 2
    first, second = amounts[:half], amounts[half:]
    first_sums, second_sums = _set_sums(first), _set_sums(second)
    order = np.argsort(second_sums, kind="stable")
    ordered = second_sums[order]
    wanted = total - first_sums
    low = np.searchsorted(ordered, wanted, side="left")
    high = np.searchsorted(ordered, wanted, side="right")
    if int((high - low).sum()) != 1:
        return None
    mask_first = int(np.flatnonzero(high > low)[0])
    mask_second = int(order[low[mask_first]])
    bits = [at for at in range(half) if mask_first >> at & 1]
    bits += [half + at for at in range(len(second)) if mask_second >> at & 1]
    return np.asarray(bits, dtype=np.int64)


def _set_sums(amounts: np.ndarray) -> np.ndarray:
    """The sum of each set of `amounts`, by its mask (bit k: the k-th amount in it)."""
    sums = np.zeros(1, dtype=np.int64)
    for amount in amounts.tolist():
        sums = np.concatenate([sums, sums + amount])
    return sums
