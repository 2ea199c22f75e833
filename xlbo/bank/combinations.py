"""Pass 3: one line that is the sum of 2–6 lines of one party on the other side — a customer's
single transfer against four invoices booked as four receipts (N:1), or one receipt in the books
that the bank credited in parts (1:N).

The rule, for each open target line in order (bank lines first, then ledger lines):
- candidates are the other side's open lines in the window, in the same direction, each smaller
  than the target, not rejected with it by the user;
- they are grouped by their party; for a target that names a party, only the parties most like
  its own count (at least COMBINATION_ALIKE alike, and within PARTY_MARGIN of the most alike
  name open on the other side); for one that names no one (CASH DEPOSIT, CLG) every party does;
  a group counts when it has two lines or more;
- in each group the COMBINATION_CANDIDATES nearest in date are searched, exactly, for sets of
  MIN_PARTS–MAX_PARTS lines adding up to the target;
- one set in all is a match; two or more, and the pass abstains (the user decides);
- where no party's own lines make up a named target, all its alike lines are searched as one
  group (the bank writes `NAIR` on one part and `NAIR ADVANCE` on another), by the same rule.

A target looks at no more than NEAREST_LINES lines on either side of its date in each join (a
CLG deposit among 3,000 open receipts in its window compares with the nearest, not all).
Candidates come from joins, not from a loop over lines: target lines are joined to the parties
alike to theirs (names pair through their key words, see `parties.key_words`), then to those
parties' lines in the window (`band_join` keyed on party and direction). Only the groups that can
reach their target (enough lines, enough money) are searched, one small exact search each.

>>> from xlbo.bank.side import side
>>> books = side([10, 10, 10], [50_000, 70_000, 30_000], ["kaveri", "kaveri", "om sai"])
>>> bank = side([11], [120_000], ["kaveri"])
>>> [(f.target, f.parts) for f in find_combinations(bank, books, Window(), frozenset(), True)]
[(0, [1, 0])]
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from itertools import combinations, product

import numpy as np
import pandas as pd

from xlbo.bank.parties import alike_names
from xlbo.bank.scoring import (
    COMBINATION_ALIKE,
    COMBINATION_CANDIDATES,
    MAX_PARTS,
    MIN_PARTS,
    NEAREST_LINES,
    PARTY_MARGIN,
)
from xlbo.bank.side import Side
from xlbo.bank.window import Window, band_join


@dataclass(frozen=True)
class Combination:
    """A target line (position on its side) and the positions of the lines that add up to it."""

    target: int
    parts: list[int]
    alike: int
    """How alike the parts' parties are to the target's, the least of them (0 when the target
    names no one)."""


def find_combinations(
    one: Side,
    other: Side,
    window: Window,
    rejected: frozenset[tuple[int, int]],
    one_is_bank: bool,
    one_open: np.ndarray | None = None,
    other_open: np.ndarray | None = None,
) -> list[Combination]:
    """The combinations found for the open lines of `one` among the open lines of `other`
    (`rejected` holds (one position, other position) pairs the user refused). `window` is
    bank − books; the open masks (all open when None) are updated as lines are taken."""
    one_open = np.ones(len(one), dtype=bool) if one_open is None else one_open
    other_open = np.ones(len(other), dtype=bool) if other_open is None else other_open
    seen = window if one_is_bank else window.mirrored
    groups = _groups(one, other, seen, rejected, one_open, other_open)
    if groups.empty:
        return []
    other_signed = np.abs(other.lines["signed"].to_numpy(dtype=np.int64))
    one_signed = np.abs(one.lines["signed"].to_numpy(dtype=np.int64))
    found: list[Combination] = []
    for target, candidates in _by_target(groups):
        if not one_open[target]:
            continue
        solutions: list[tuple[list[int], int]] = []
        for tier in (0, 1):  # each party's own lines first; then all alike lines as one
            for lines, alike, group_tier in candidates:
                if group_tier != tier:
                    continue
                nearest = [line for line in lines if other_open[line]][:COMBINATION_CANDIDATES]
                if len(nearest) < MIN_PARTS:
                    continue
                for parts in subsets(
                    int(one_signed[target]), nearest, other_signed, 2 - len(solutions)
                ):
                    solutions.append((parts, alike))
                if len(solutions) > 1:
                    break
            if solutions:
                break
        if len(solutions) == 1:
            parts, alike = solutions[0]
            found.append(Combination(target, parts, alike))
            one_open[target] = False
            other_open[parts] = False
    return found


def _by_target(
    groups: pd.DataFrame,
) -> Iterator[tuple[int, list[tuple[list[int], int, int]]]]:
    """(target, [(candidate lines nearest first, alike, tier) for each of its groups]) in
    target order."""
    targets = groups["t"].to_numpy(dtype=np.int64)
    keys = groups["group"].to_numpy(dtype=np.int64)
    lines = groups["o"].to_numpy(dtype=np.int64)
    alike = groups["alike"].to_numpy(dtype=np.int64)
    tiers = groups["tier"].to_numpy(dtype=np.int64)
    starts = np.flatnonzero(np.r_[True, keys[1:] != keys[:-1]])
    ends = np.r_[starts[1:], len(keys)]
    current = -1
    pending: list[tuple[list[int], int, int]] = []
    for start, end in zip(starts.tolist(), ends.tolist(), strict=True):
        target = int(targets[start])
        if target != current:
            if pending:
                yield current, pending
            current, pending = target, []
        pending.append((lines[start:end].tolist(), int(alike[start]), int(tiers[start])))
    if pending:
        yield current, pending


def _groups(
    one: Side,
    other: Side,
    window: Window,
    rejected: frozenset[tuple[int, int]],
    one_open: np.ndarray,
    other_open: np.ndarray,
) -> pd.DataFrame:
    """Every (target t, candidate o) pair that can take part, with o's group (target and party),
    how alike the party is, sorted by target, group, days apart and position; only groups that
    can reach their target (two lines or more, enough money in all)."""
    targets = np.flatnonzero(one_open & (one.lines["signed"].to_numpy() != 0))
    others = np.flatnonzero(other_open & (other.lines["signed"].to_numpy() != 0))
    if not len(targets) or len(others) < MIN_PARTS:
        return pd.DataFrame(columns=["t", "o", "group", "alike"])
    one_party = one.lines["party"].fillna("").astype(str).to_numpy(dtype=object)
    other_party = other.lines["party"].fillna("").astype(str).to_numpy(dtype=object)
    codes, uniques = pd.factorize(np.concatenate([one_party, other_party]))
    index = pd.Index(uniques)
    one_code, other_code = codes[: len(one)], codes[len(one) :]
    one_day = one.lines["day"].to_numpy(dtype=np.int64)
    other_day = other.lines["day"].to_numpy(dtype=np.int64)
    one_in = one.lines["signed"].to_numpy(dtype=np.int64) > 0
    other_in = other.lines["signed"].to_numpy(dtype=np.int64) > 0

    pieces: list[pd.DataFrame] = []
    # named targets: joined to the parties alike to theirs, then to those parties' lines
    named = targets[one_party[targets] != ""]
    alike = alike_names(one_party[named], other_party[others], COMBINATION_ALIKE)
    # a target's party is the name (or names) most like its own: beside SHREE BALAJI
    # ENTERPRISES, SHREE BALAJI TRADERS is someone else
    best = alike.groupby("left")["alike"].transform("max") if len(alike) else alike["alike"]
    alike = alike[alike["alike"] >= best - PARTY_MARGIN]
    if len(named) and not alike.empty:
        relation = pd.DataFrame(
            {
                "name": index.get_indexer(alike["left"]),
                "party": index.get_indexer(alike["right"]),
                "alike": alike["alike"].to_numpy(dtype=np.int64),
            }
        )
        expanded = pd.DataFrame({"t": named, "name": one_code[named]}).merge(relation, on="name")
        t = expanded["t"].to_numpy(dtype=np.int64)
        party = expanded["party"].to_numpy(dtype=np.int64)
        left, right = band_join(
            party * 2 + one_in[t],
            one_day[t],
            other_code[others] * 2 + other_in[others],
            other_day[others],
            window,
            NEAREST_LINES,
        )
        pieces.append(
            pd.DataFrame(
                {
                    "t": t[left],
                    "o": others[right],
                    "alike": expanded["alike"].to_numpy(dtype=np.int64)[left],
                }
            )
        )
    # targets that name no one: every party's lines in the window
    nameless = targets[one_party[targets] == ""]
    if len(nameless):
        left, right = band_join(
            one_in[nameless].astype(np.int64),
            one_day[nameless],
            other_in[others].astype(np.int64),
            other_day[others],
            window,
            NEAREST_LINES,
        )
        pieces.append(pd.DataFrame({"t": nameless[left], "o": others[right], "alike": 0}))
    pairs = pd.concat(pieces, ignore_index=True) if pieces else pd.DataFrame()
    if pairs.empty:
        return pd.DataFrame(columns=["t", "o", "group", "alike"])
    t = pairs["t"].to_numpy(dtype=np.int64)
    o = pairs["o"].to_numpy(dtype=np.int64)
    target_value = np.abs(one.lines["signed"].to_numpy(dtype=np.int64))[t]
    value = np.abs(other.lines["signed"].to_numpy(dtype=np.int64))[o]
    keep = value < target_value
    if rejected:
        width = len(other) + 1
        refused = np.array([a * width + b for a, b in rejected], dtype=np.int64)
        keep &= ~np.isin(t * width + o, refused)
    pairs = pairs[keep].assign(
        party=other_code[o[keep]],
        tier=0,
        days=np.abs(one_day[t[keep]] - other_day[o[keep]]),
        value=value[keep],
        target=target_value[keep],
    )
    # a named target's second chance: every line alike to it as one group (the bank's NAIR
    # and NAIR ADVANCE), where its candidates carry more than one party
    named_rows = pairs[one_party[pairs["t"].to_numpy(dtype=np.int64)] != ""]
    parties = named_rows.groupby("t")["party"].transform("nunique").to_numpy()
    merged = named_rows[parties > 1].assign(party=-1, tier=1)
    pairs = pd.concat([pairs, merged], ignore_index=True)
    pairs = pairs.sort_values(["t", "tier", "party", "days", "o"], kind="stable")
    pairs["group"] = pairs.groupby(["t", "tier", "party"], sort=False).ngroup()
    pairs["alike"] = pairs.groupby("group")["alike"].transform("min")
    size = pairs.groupby("group")["o"].transform("size").to_numpy()
    money = pairs.groupby("group")["value"].transform("sum").to_numpy()
    reach = (size >= MIN_PARTS) & (money >= pairs["target"].to_numpy())
    chosen: pd.DataFrame = pairs[reach].reset_index(drop=True)
    return chosen


def subsets(target: int, nearest: list[int], values: np.ndarray, wanted: int) -> list[list[int]]:
    """Up to `wanted` sets of MIN_PARTS–MAX_PARTS of the lines `nearest` whose `values` add up
    to `target`. Lines of equal value are searched as one value taken 0, 1, 2 … times (plan
    prices repeat), largest values first, pruning sums that overshoot or cannot reach; a set of
    values that two equal lines could each complete counts as two sets (the pass abstains)."""
    by_value: dict[int, list[int]] = {}
    for line in nearest:
        by_value.setdefault(int(values[line]), []).append(line)
    distinct = sorted(by_value, reverse=True)
    if sum(value * len(by_value[value]) for value in distinct) < target:
        return []
    suffix = [0] * (len(distinct) + 1)
    for i in range(len(distinct) - 1, -1, -1):
        suffix[i] = suffix[i + 1] + distinct[i] * len(by_value[distinct[i]])
    solutions: list[list[int]] = []

    def search(i: int, remaining: int, parts: int, chosen: list[tuple[int, int]]) -> None:
        if len(solutions) >= wanted:
            return
        if remaining == 0:
            if parts >= MIN_PARTS:
                ways = [combinations(by_value[distinct[at]], k) for at, k in chosen]
                for picked in product(*ways):
                    solutions.append([line for lines in picked for line in lines])
                    if len(solutions) >= wanted:
                        return
            return
        if parts == MAX_PARTS or i == len(distinct) or suffix[i] < remaining:
            return
        value = distinct[i]
        most = min(len(by_value[value]), MAX_PARTS - parts, remaining // value)
        for k in range(most, -1, -1):
            if k:
                chosen.append((i, k))
            search(i + 1, remaining - k * value, parts + k, chosen)
            if k:
                chosen.pop()
            if len(solutions) >= wanted:
                return

    search(0, target, 0, [])
    return solutions
