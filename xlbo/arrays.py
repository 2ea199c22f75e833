"""Whole-column operations on numpy arrays that numpy itself does slowly at a million rows.

`order_by(primary, secondary, …)` is `np.lexsort((…, secondary, primary))` — a stable order by the
first key, then the next — made of stable sorts of single int64s: the keys, offset to start at
zero, are packed into as few 63-bit integers as their ranges allow, and sorted least significant
first (a radix sort each: at 3M rows and three keys about twenty times faster than `np.lexsort`).

`isin(values, within)` is `np.isin` by hashing (pandas) instead of sorting both arrays: at 3.5M
values against 0.8M about ten times faster.

>>> order_by(np.array([2, 1, 2, 1]), np.array([0, 5, -1, 5])).tolist()
[1, 3, 2, 0]
>>> isin(np.array([3, 1, 4, 1, 5]), np.array([1, 5])).tolist()
[False, True, False, True, True]
"""

from __future__ import annotations

import numpy as np
import pandas as pd

PACKED_BITS = 63


def order_by(*keys: np.ndarray) -> np.ndarray:
    """The stable order of rows by `keys` (arrays of one length), the first deciding; keys
    other than signed integers are left to `np.lexsort`."""
    if not keys:
        raise ValueError("order_by needs at least one key")
    size = len(keys[0])
    if size == 0:
        return np.zeros(0, dtype=np.int64)
    if not all(np.issubdtype(key.dtype, np.signedinteger) for key in keys):
        return np.lexsort(tuple(reversed(keys)))  # floats, unsigned: as numpy sorts them
    lows = [int(key.min()) for key in keys]
    widths = [int(key.max()) - low for key, low in zip(keys, lows, strict=True)]
    # the keys in packs that fit in PACKED_BITS, the least significant pack first
    packs: list[list[int]] = [[]]
    used = 0
    for at in reversed(range(len(keys))):
        bits = widths[at].bit_length()
        if packs[-1] and used + bits > PACKED_BITS:
            packs.append([])
            used = 0
        packs[-1].append(at)
        used += bits
    order: np.ndarray | None = None
    for pack in packs:
        if len(pack) == 1 and widths[pack[0]].bit_length() > PACKED_BITS:
            packed = keys[pack[0]].astype(np.int64)  # as it is: int64 sorts itself
        else:
            packed = np.zeros(size, dtype=np.int64)
            for at in reversed(pack):  # most significant first
                packed <<= np.int64(widths[at].bit_length())
                packed += keys[at].astype(np.int64) - np.int64(lows[at])
        if order is None:
            order = np.argsort(packed, kind="stable")
        else:
            order = order[np.argsort(packed[order], kind="stable")]
    assert order is not None
    return order


def merge_runs(keys: list[np.ndarray]) -> np.ndarray:
    """The stable order by key of the arrays of `keys` one after another, each already in order
    (integers): among equal keys the earlier array's rows first. NumPy's stable sort of them
    one after another is as quick as runs already in order allow: at 3.4M rows in four runs
    0.05 s, where counting them into place (bincounts, then a scatter) took 0.09-0.6 s.

    >>> merge_runs([np.array([0, 2, 2]), np.array([1, 2])]).tolist()
    [0, 3, 1, 2, 4]
    """
    if not keys:
        return np.zeros(0, dtype=np.int64)
    return np.asarray(np.argsort(np.concatenate(keys), kind="stable"), dtype=np.int64)


def isin(values: np.ndarray, within: np.ndarray) -> np.ndarray:
    """Which of `values` are among `within` (`np.isin`, by hashing)."""
    if not len(values) or not len(within):
        return np.zeros(len(values), dtype=bool)
    found: np.ndarray = pd.Series(values).isin(within).to_numpy(dtype=bool)
    return found


def within(counts: np.ndarray) -> np.ndarray:
    """0, 1, … within each run of `counts` items, all runs one after another.

    >>> within(np.array([2, 3])).tolist()
    [0, 1, 0, 1, 2]
    """
    starts = np.repeat(np.cumsum(counts) - counts, counts)
    return np.asarray(np.arange(len(starts)) - starts, dtype=np.int64)
