"""Pass 3: one line that is the sum of 2–6 lines of one party on the other side — a customer's
single transfer against four invoices booked as four receipts (N:1), or one receipt in the books
that the bank credited in parts (1:N).

The rule, for each open target line (bank lines first, then ledger lines):
- candidates are the other side's open lines in the window, in the same direction, each smaller
  than the target, not rejected with it by the user;
- a line that has an open same-amount line of an alike name (COMBINATION_ALIKE) in its window is
  neither a target nor a part (`match._combinations`): it is that line's, or a doubt between such
  lines, and ₹5,000 from MEENAKSHI beside Meenakshi Foods' ₹5,000 is not its ₹2,000 and ₹3,000;
- they are grouped by their party; for a target that names a party, only the parties most like
  its own count (at least COMBINATION_ALIKE alike, and within PARTY_MARGIN of the most alike
  name open on the other side); for a bank line that names no one (CASH DEPOSIT, CLG) every
  party does, while a ledger line that names no one (Rent) is made up only of bank lines that
  name no one either (each named bank line is its own payee's); a target whose name is like no
  one's with a line in its window (a proprietor paying for his firm) counts as naming no one,
  where its amount has paise (WHOLE_RUPEE); a group counts when it has two lines or more;
- in each group the COMBINATION_CANDIDATES nearest in date are searched, exactly, for sets of
  MIN_PARTS–MAX_PARTS lines adding up to the target;
- one set in all is a match; two or more, and the pass abstains (the user decides), unless
  they differ only in lines of one party and one amount (its two ₹1,00,000 transfers of the 4th
  and the 5th): then the nearest set is the match (`_one_shape`), and its why says so; lines
  that name no one, or of two ledgers whose names fold alike, are no one party's;
- where no party's own lines make up a named ledger line, all its alike bank lines are searched
  as one group (the bank writes `NAIR` on one part and `NAIR ADVANCE` on another), by the same
  rule; a bank line is never made up of two ledgers' lines (each ledger is its own party);
- targets are taken in turn, those with paise first, then those in whole rupees, then those in
  hundreds, each in order: sums of round amounts meet a round target by chance, hardly one with
  paise, so a receipt of 2,47,627.28 keeps its invoices from a 76,200.00 not yet booked that two
  of them also add up to.

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
[(0, [0, 1])]
"""

from __future__ import annotations

from dataclasses import dataclass
from itertools import combinations
from typing import NamedTuple

import numpy as np
import pandas as pd

from xlbo.arrays import isin, merge_runs, order_by, within
from xlbo.bank.parties import alike_names
from xlbo.bank.scoring import (
    COMBINATION_ALIKE,
    COMBINATION_CANDIDATES,
    LATE_ALIKE,
    MAX_PARTS,
    MIN_PARTS,
    NEAREST_LINES,
    PARTS_BOOKED_DAYS,
    PARTY_MARGIN,
    ROUND,
    WHOLE_RUPEE,
)
from xlbo.bank.side import Side
from xlbo.bank.slips import BANK_CASH_WORDS, CASH_DAYS_AFTER, CASH_LEDGER
from xlbo.bank.splits import CARD_SALES_LEDGER, MDR_WORDS, TERMINAL
from xlbo.bank.window import Window, band_join
from xlbo.columns import contains_distinct


@dataclass(frozen=True)
class Combination:
    """A target line (position on its side) and the positions of the lines that add up to it."""

    target: int
    parts: list[int]
    alike: int
    """How alike the parts' parties are to the target's, the least of them (0 when the target
    names no one)."""
    sets: int = 1
    """How many sets add up to the target: more than one where they differ only in equal lines
    of one party (`_one_shape`) and the nearest in date was taken."""

    @property
    def why_nearest(self) -> str:
        """What the Matches sheet's `why` adds where the set was chosen by date alone ("" where
        it was the only one): the user sees another set would have done."""
        if self.sets == 1:
            return ""
        return (
            f"; the nearest in date of {self.sets} sets that differ only in equal lines of one "
            "party (the other lines stay open)"
        )


def find_combinations(
    one: Side,
    other: Side,
    window: Window,
    rejected: frozenset[tuple[int, int]],
    one_is_bank: bool,
    one_open: np.ndarray | None = None,
    other_open: np.ndarray | None = None,
    undecided: list[Combination] | None = None,
    names: pd.DataFrame | None = None,
    own_lines_only: bool = False,
) -> list[Combination]:
    """The combinations found for the open lines of `one` among the open lines of `other`
    (`rejected` holds (one position, other position) pairs the user refused). `window` is
    bank − books; the open masks (all open when None) are updated as lines are taken. Where two
    sets fit, the first is added to `undecided` (for the user to choose), none is taken.
    `names` (bank, ledger, alike: every pair of names at least COMBINATION_ALIKE alike, known
    payers among them; see `xlbo.bank.payers`) saves working them out on each call; without it
    they are worked out from the lines. With `own_lines_only`, only each party's own lines are
    searched (its nearest, and a busy party's lines of one day), never alike parties' lines as
    one."""
    one_open = np.ones(len(one), dtype=bool) if one_open is None else one_open
    other_open = np.ones(len(other), dtype=bool) if other_open is None else other_open
    seen = window if one_is_bank else window.mirrored
    # a receipt credited in parts and booked whole when its last part came: its party's parts
    # reach back PARTS_BOOKED_DAYS from the books' date (never where the user narrowed the window)
    named_seen = seen
    if not one_is_bank and not window.narrowed:
        named_seen = Window(seen.before, max(seen.after, PARTS_BOOKED_DAYS))
    groups = _groups(
        one,
        other,
        seen,
        rejected,
        one_open,
        other_open,
        one_is_bank,
        names,
        own_lines_only,
        named_seen,
    )
    if not len(groups.t):
        return []
    other_signed = np.abs(other.lines["signed"].to_numpy(dtype=np.int64))
    # the values searched again one group at a time, summed as floats where that is exact
    # (`_hits`)
    searched = _exact_floats(other_signed)
    one_signed = np.abs(one.lines["signed"].to_numpy(dtype=np.int64))
    other_party, other_names = other.parties
    other_named = (other_names.to_numpy(dtype=object) != "")[other_party]
    # the books' accounts as written: two ledgers whose names fold to one party (Om Sai Traders
    # (Nagpur), Om Sai Traders - Pune) are two customers (`_one_shape`)
    other_account = other.texts if one_is_bank else None
    # every group searched at once, as the lines stand now (its nearest lines, a matrix row
    # each); a group that loses a line to an earlier target is searched again when its turn comes
    o = groups.o
    key = groups.group
    starts = np.flatnonzero(np.r_[True, key[1:] != key[:-1]])
    sizes = np.diff(np.r_[starts, len(key)])
    group_target = groups.t[starts]
    counts, first = _sets_of_groups(
        one_signed[group_target], starts, np.minimum(sizes, COMBINATION_CANDIDATES), o, other_signed
    )
    # a target none of whose groups has a set, and none more lines than are searched (so none can
    # come in when others are taken), never will: only the others are gone through in turn
    hopeful_group = (counts > 0) | (sizes > COMBINATION_CANDIDATES)
    hopeful = np.zeros(len(one), dtype=bool)
    hopeful[group_target[hopeful_group]] = True
    alike = groups.alike[starts]
    tiers = groups.tier[starts]
    # the blocks of groups of one target and tier, in order (a target's tiers come in order)
    block = np.flatnonzero(
        np.r_[True, (group_target[1:] != group_target[:-1]) | (tiers[1:] != tiers[:-1])]
    )
    block_end = np.r_[block[1:], len(group_target)]
    block_target = group_target[block]
    # a row is among its group's nearest (the lines searched)
    row_start, row_end = starts[block], starts[block_end - 1] + sizes[block_end - 1]
    hopeful_blocks = np.flatnonzero(hopeful[block_target])
    # the targets chance can hardly reach first: a set of the books' lines that adds up to
    # 2,47,627.28 is that receipt's, where 76,200.00 is met by many sums of round amounts (a
    # receipt not yet booked taking a busy customer's invoices from the receipt they make up)
    amounts = one_signed[block_target[hopeful_blocks]]
    hopeful_blocks = hopeful_blocks[np.argsort(_roundness(amounts), kind="stable")]
    hopeful_block = hopeful_blocks.tolist()
    block_target_of, first_group, end_group = (
        block_target.tolist(),
        block.tolist(),
        block_end.tolist(),
    )
    rows_from, rows_to = row_start.tolist(), row_end.tolist()
    state = _Search(o, starts, sizes, counts, first, one_signed[group_target], other_signed)
    closed = np.zeros(len(other), dtype=bool)
    """Lines taken by this call's targets."""
    taken_lately = np.zeros(len(other), dtype=bool)
    """Lines taken since the blocks ahead were searched (`_Search.ahead`)."""
    lately: list[int] = []
    found: list[Combination] = []
    decided_target = -1
    for index, at in enumerate(hopeful_block):
        if index % LOOK_AHEAD == 0:
            coming = hopeful_blocks[index : index + LOOK_AHEAD]
            state.ahead(block[coming], block_end[coming], closed)
            taken_lately[lately] = False
            lately = []
        target = block_target_of[at]
        if target == decided_target or not one_open[target]:
            continue  # each party's own lines first; a later tier only where no earlier fits
        a, z = first_group[at], end_group[at]
        if lately and taken_lately[o[rows_from[at] : rows_to[at]]].any():
            fits = state.again(a, z, closed, other_open, int(one_signed[target]), searched)
        else:  # none of its lines taken since it was searched ahead: that search stands
            fits = state.as_now(a, z)
        if not fits:
            continue
        decided_target = target
        total = sum(count for count, _, _ in fits)
        _, at_group, parts = fits[0]
        least = int(alike[at_group])
        chosen_of = 1
        if total > 1 and len(fits) == 1:
            sets = state.every_set(at_group, int(one_signed[target]), searched, other_open)
            if _one_shape(sets, other_signed, other_party, other_named, other_account):
                total, parts, chosen_of = 1, sets[0], len(sets)
        if total == 1:
            found.append(Combination(target, parts, least, chosen_of))
            one_open[target] = False
            other_open[parts] = False
            closed[parts] = True
            taken_lately[parts] = True
            lately += parts
        elif undecided is not None:  # two sets fit: the user decides
            undecided.append(Combination(target, parts, least))
    return found


def _roundness(amounts: np.ndarray) -> np.ndarray:
    """0 for an amount with paise, 1 in whole rupees, 2 in hundreds of rupees: how easily sums
    of other amounts meet it by chance."""
    level = np.zeros(len(amounts), dtype=np.int64)
    level[amounts % WHOLE_RUPEE == 0] += 1
    level[amounts % ROUND == 0] += 1
    return level


LOOK_AHEAD = 256
"""Blocks (a target's groups of one tier) searched again at once, as the lines stand when the
first of them comes up (`_Search.ahead`); one whose lines are taken before its turn is searched
again alone (`_Search.again`), so that each block sees the lines as they stand at its turn."""


class _Search:
    """The groups' sets as first searched (every group at once), and each group searched again
    where a line among its nearest was taken since: the blocks coming up next all at once
    (`ahead`), a block some of whose lines were taken after that alone (`again`)."""

    def __init__(
        self,
        lines: np.ndarray,
        starts: np.ndarray,
        sizes: np.ndarray,
        counts: np.ndarray,
        first: np.ndarray,
        targets: np.ndarray,
        values: np.ndarray,
    ) -> None:
        self.lines = lines
        self.starts, self.sizes = starts.tolist(), sizes.tolist()
        self.counts, self.first = counts.tolist(), first.tolist()
        self._starts, self._sizes, self._counts, self._first = starts, sizes, counts, first
        self._targets, self._values = targets, values
        self._now: dict[int, tuple[int, int, int, int]] = {}
        """Groups searched again ahead: (sets, first set, where its nearest open lines begin
        and end in `_now_lines`)."""
        self._now_lines: list[int] = []

    def ahead(self, first_group: np.ndarray, end_group: np.ndarray, closed: np.ndarray) -> None:
        """Search again at once the groups of the blocks `first_group`..`end_group` that
        `again` would search again with the lines `closed` as they are now; `as_now` reads the
        answers while none of a block's lines is taken since."""
        groups = np.repeat(first_group, end_group - first_group) + within(end_group - first_group)
        starts, sizes = self._starts[groups], self._sizes[groups]
        count, chosen = self._counts[groups], self._first[groups]
        near = np.minimum(sizes, COMBINATION_CANDIDATES)
        # which of each group's nearest lines are taken (a row each, COMBINATION_CANDIDATES wide)
        taken = np.zeros((len(groups), COMBINATION_CANDIDATES), dtype=bool)
        place = within(near)
        taken[np.repeat(np.arange(len(groups)), near), place] = closed[
            self.lines[np.repeat(starts, near) + place]
        ]
        # as `again`: with no line further off to come in, taking lines away leaves no set
        # where there was none, and a single set whose lines are all still open stands
        lone_set_stands = (count == 1) & ~(taken & _PICK[np.maximum(chosen, 0)].astype(bool)).any(
            axis=1
        )
        stands = (sizes <= COMBINATION_CANDIDATES) & ((count == 0) | lone_set_stands)
        again = np.flatnonzero(taken.any(axis=1) & ~stands)
        # their lines still open, in order, the nearest COMBINATION_CANDIDATES of each
        rows = np.repeat(starts[again], sizes[again]) + within(sizes[again])
        still = ~closed[self.lines[rows]]
        group_of = np.repeat(np.arange(len(again)), sizes[again])
        open_count = np.bincount(group_of[still], minlength=len(again))
        rank = within(open_count)
        kept = self.lines[rows[still]][rank < COMBINATION_CANDIDATES]
        nearest = np.minimum(open_count, COMBINATION_CANDIDATES)
        begins = np.cumsum(nearest) - nearest
        counts, firsts = _sets_of_groups(
            self._targets[groups[again]], begins, nearest, np.arange(len(kept)), self._values[kept]
        )
        ends = begins + nearest
        self._now = dict(
            zip(
                groups[again].tolist(),
                zip(counts.tolist(), firsts.tolist(), begins.tolist(), ends.tolist(), strict=True),
                strict=True,
            )
        )
        self._now_lines = kept.tolist()

    def as_now(self, a: int, z: int) -> list[tuple[int, int, list[int]]]:
        """(sets, group, first set's lines) of the groups a..z that have a set: as first
        searched, or as `ahead` searched them again."""
        fits = []
        now, counts, first = self._now, self.counts, self.first
        for at in range(a, z):
            again = now.get(at)
            if again is None:
                if counts[at]:
                    fits.append((counts[at], at, self._parts(at, first[at])))
                continue
            count, chosen, begin, end = again
            if count:
                fits.append((count, at, self._parts(at, chosen, self._now_lines[begin:end])))
        return fits

    def _parts(self, at: int, chosen: int, nearest: list[int] | None = None) -> list[int]:
        if nearest is None:
            begin = self.starts[at]
            return [int(self.lines[begin + place]) for place in SETS[chosen]]
        return [nearest[place] for place in SETS[chosen]]

    def every_set(
        self, at: int, target: int, values: np.ndarray, still_open: np.ndarray
    ) -> list[list[int]]:
        """Every set of group `at`'s nearest lines still open that adds up to the target, the
        nearest first (as SETS runs: the first takes the nearest lines it can)."""
        begin, size = self.starts[at], self.sizes[at]
        lines = self.lines[begin : begin + size]
        nearest = lines[still_open[lines]][:COMBINATION_CANDIDATES].tolist()
        return [[nearest[place] for place in SETS[at]] for at in _hits(target, nearest, values)]

    def again(
        self,
        a: int,
        z: int,
        closed: np.ndarray,
        still_open: np.ndarray,
        target: int,
        values: np.ndarray,
    ) -> list[tuple[int, int, list[int]]]:
        """`as_now`, for groups some of whose nearest lines were taken since: each such group
        searched again among its lines still open."""
        fits = []
        for at in range(a, z):
            begin, size = self.starts[at], self.sizes[at]
            lines = self.lines[begin : begin + size]
            nearest_now = lines[:COMBINATION_CANDIDATES]
            count, chosen = self.counts[at], self.first[at]
            if not closed[nearest_now].any():  # lines further off change nothing
                if count:
                    fits.append((count, at, self._parts(at, chosen)))
                continue
            still = lines[still_open[lines]].tolist()
            # with no line further off to come in, taking lines away leaves no set where there
            # was none, and a single set whose lines are all still open stands
            if size <= COMBINATION_CANDIDATES and (
                count == 0 or (count == 1 and not closed[nearest_now[list(SETS[chosen])]].any())
            ):
                if count:
                    fits.append((count, at, self._parts(at, chosen)))
                continue
            count, chosen = _search_again(target, still[:COMBINATION_CANDIDATES], values)
            if count:
                fits.append((count, at, self._parts(at, chosen, still)))
        return fits


def _one_shape(
    sets: list[list[int]],
    values: np.ndarray,
    party: np.ndarray,
    named: np.ndarray,
    account: np.ndarray | None = None,
) -> bool:
    """Whether the sets differ only in lines of one party and one amount: the party's two
    ₹1,00,000 transfers of the 4th and the 5th, either of which completes the set. Nothing
    tells such sets apart but their dates, so the nearest is as right as any (the other line
    stays open for its own match); sets of other amounts or parties are a choice for the user.
    Lines that name no one (not `named`) are no one party's (a cash deposit, a cheque of
    anyone's): sets with such a line are the user's choice too. `party`: each line's party as
    a number (`Side.parties`); with `account` (the books' lines' particulars as written,
    numbered: `Side.texts`), lines of two ledgers whose names fold to one party are two
    parties'."""
    written = account if account is not None else party
    shapes = {
        tuple(
            sorted(
                zip(
                    party[lines].tolist(),
                    written[lines].tolist(),
                    values[lines].tolist(),
                    strict=True,
                )
            )
        )
        for lines in sets
    }
    return len(sets) > 1 and len(shapes) == 1 and bool(named[sets[0]].all())


DAY_SPAN = np.int64(1) << np.int64(24)
"""Days a group key keeps apart (party × DAY_SPAN + day): far more than any statement spans."""
_RUNS = np.int64(64)
"""Runs of a crowded day a group key keeps apart (day key × _RUNS + run): a party's day of up to
768 lines; a day of more searches its last run's first lines only."""


def _search_again(target: int, nearest: list[int], values: np.ndarray) -> tuple[int, int]:
    """`sets_adding_up` for one group, skipped where no set can reach the target: its largest
    MAX_PARTS values fall short, or its smallest MIN_PARTS already overshoot."""
    ordered = sorted(int(values[line]) for line in nearest)
    if (
        len(ordered) < MIN_PARTS
        or sum(ordered[-MAX_PARTS:]) < target
        or sum(ordered[:MIN_PARTS]) > target
    ):
        return 0, -1
    hits = _hits(target, nearest, values)
    return len(hits), int(hits[0]) if len(hits) else -1


def _hits(target: int, nearest: list[int], values: np.ndarray) -> np.ndarray:
    """The sets (indexes into SETS) of the `nearest` lines that add up to the target, in
    SETS' order: the first takes the nearest lines it can. `values` as `_exact_floats` gives
    them: float64 (a BLAS product, three times faster) where every sum is exact."""
    by_size = _BY_SIZE_FLOAT if values.dtype == np.float64 else _BY_SIZE
    return _FITS[len(nearest)][np.flatnonzero(values[nearest] @ by_size[len(nearest)] == target)]


def _exact_floats(values: np.ndarray) -> np.ndarray:
    """`values` (paise, int64) as float64 where every sum of MAX_PARTS of them is below
    FLOAT_EXACT, and so exact (a target at or above it then equals no sum, as it should not);
    else as they are."""
    if int(values.max(initial=0)) * MAX_PARTS < FLOAT_EXACT:
        return values.astype(np.float64)
    return values


SETS = [
    places
    for size in range(MIN_PARTS, MAX_PARTS + 1)
    for places in combinations(range(COMBINATION_CANDIDATES), size)
]
"""Every set of MIN_PARTS–MAX_PARTS places among a group's COMBINATION_CANDIDATES nearest lines
(2,497 of them): a group's sums are one matrix product."""
_PICK = np.zeros((len(SETS), COMBINATION_CANDIDATES), dtype=np.int64)
for _row, _places in enumerate(SETS):
    _PICK[_row, list(_places)] = 1
_LAST = np.array([max(places) for places in SETS], dtype=np.int64)
_FITS = {size: np.flatnonzero(size > _LAST) for size in range(COMBINATION_CANDIDATES + 1)}
"""The sets a group of each size can make."""
_BY_SIZE = {size: _PICK[_FITS[size], :size].T.copy() for size in range(COMBINATION_CANDIDATES + 1)}
"""For a group of each size, which of its lines (rows) each set it can make (columns) takes."""
_BY_SIZE_FLOAT = {size: pick.astype(np.float64) for size, pick in _BY_SIZE.items()}
BLOCK = 256
"""Groups whose sums are compared with their targets at once (256 × 2,497 sums: 5 MB, near
the processor's caches; 2,048 at once, 41 MB, went through memory)."""
ONE_THREAD_PRODUCT = 1 << 19
"""Multiplications (groups × lines × sets) in one matrix product of `_sets_of_groups`: OpenBLAS
runs a product this small on one thread. A larger one is shared between the cores, and where
another process keeps a core busy (Excel, a second job) that made the products of a 1M-line
month 3-7 times slower than one thread (58,000 groups of 12 lines a second instead of 650,000)."""
FLOAT_EXACT = 1 << 53
"""Whole numbers below this, and their sums below it, are exact in float64."""


def sets_adding_up(targets: np.ndarray, values: list[np.ndarray]) -> tuple[np.ndarray, np.ndarray]:
    """For each group (its lines' values, nearest first, at most COMBINATION_CANDIDATES): how
    many sets of its lines add up to its target, and the first such set (an index into SETS;
    -1 where none). Two equal lines that could each complete a set make two sets. Groups of
    one size are summed together, against the sets that fit that size."""
    sizes = np.array([len(v) for v in values], dtype=np.int64)
    starts = np.r_[0, np.cumsum(sizes)[:-1]].astype(np.int64)
    flat = np.concatenate(values).astype(np.int64) if len(values) else np.zeros(0, np.int64)
    return _sets_of_groups(targets, starts, sizes, np.arange(len(flat)), flat)


def _sets_of_groups(
    targets: np.ndarray,
    starts: np.ndarray,
    sizes: np.ndarray,
    lines: np.ndarray,
    values: np.ndarray,
) -> tuple[np.ndarray, np.ndarray]:
    """`sets_adding_up` for groups laid out in `lines` (group i: its `sizes[i]` nearest lines
    from `starts[i]`), with each line's value in `values`; the matrices built without a loop
    over groups."""
    counts = np.zeros(len(starts), dtype=np.int64)
    first = np.full(len(starts), -1, dtype=np.int64)
    # the sums as a float64 product (BLAS: five times faster than in integers), exact while
    # every sum of MAX_PARTS values and every target is below 2**53 paise (₹90 lakh crore)
    largest = max(
        int(np.abs(values).max(initial=0)) * MAX_PARTS, int(np.abs(targets).max(initial=0))
    )
    kind = np.float64 if largest < FLOAT_EXACT else np.int64
    for size in range(MIN_PARTS, COMBINATION_CANDIDATES + 1):
        rows = np.flatnonzero(sizes == size)
        if not len(rows):
            continue
        usable = _FITS[size]
        pick = _PICK[usable, :size].T.astype(kind)
        matrix = values[lines[starts[rows, None] + np.arange(size)]].astype(kind)
        wanted = targets[rows, None].astype(kind)
        found = np.zeros(len(rows), dtype=np.int64)
        place = np.zeros(len(rows), dtype=np.int64)
        step = max(1, ONE_THREAD_PRODUCT // (size * len(usable)))  # rows a product on one thread
        block = max(step, BLOCK)
        sums = np.empty((block, len(usable)), dtype=kind)
        for begin in range(0, len(rows), block):
            end = min(begin + block, len(rows))
            for at in range(begin, end, step):
                upto = min(at + step, end)
                np.matmul(matrix[at:upto], pick, out=sums[at - begin : upto - begin])
            hit = sums[: end - begin] == wanted[begin:end]
            found[begin:end] = np.count_nonzero(hit, axis=1)
            place[begin:end] = hit.argmax(axis=1)
        counts[rows] = found
        first[rows] = np.where(found > 0, usable[place], -1)
    return counts, first


class _Rows(NamedTuple):
    """The (target t, candidate o) rows of `_groups`: each row's group, how alike its group's party
    is to the target's, and its tier."""

    t: np.ndarray
    o: np.ndarray
    group: np.ndarray
    alike: np.ndarray
    tier: np.ndarray


_NO_ROWS = _Rows(*(np.zeros(0, dtype=np.int64) for _ in range(5)))


def _groups(
    one: Side,
    other: Side,
    window: Window,
    rejected: frozenset[tuple[int, int]],
    one_open: np.ndarray,
    other_open: np.ndarray,
    one_is_bank: bool,
    names: pd.DataFrame | None = None,
    own_lines_only: bool = False,
    named_window: Window | None = None,
) -> _Rows:
    """Every (target t, candidate o) pair that can take part, with o's group (target and party),
    how alike the party is, sorted by target, group, days apart and position; only groups that
    can reach their target (two lines or more, enough money in all). A named target's own
    party's lines are looked for in `named_window` (`window` where None)."""
    targets = np.flatnonzero(one_open & (one.lines["signed"].to_numpy() != 0))
    others = np.flatnonzero(other_open & (other.lines["signed"].to_numpy() != 0))
    if not len(targets) or len(others) < MIN_PARTS:
        return _NO_ROWS
    one_code, one_names = one.parties
    other_code, other_names = other.parties
    one_day = one.lines["day"].to_numpy(dtype=np.int64)
    other_day = other.lines["day"].to_numpy(dtype=np.int64)
    one_in = one.lines["signed"].to_numpy(dtype=np.int64) > 0
    other_in = other.lines["signed"].to_numpy(dtype=np.int64) > 0

    pieces: list[tuple[np.ndarray, np.ndarray, np.ndarray]] = []
    # named targets: joined to the parties alike to theirs, then to those parties' lines
    one_named = (one_names.to_numpy(dtype=object) != "")[one_code]
    other_blank = (other_names.to_numpy(dtype=object) == "")[other_code]
    named = targets[one_named[targets]]
    if names is None:
        alike = alike_names(
            one_names.to_numpy(dtype=object)[one_code[named]],
            other_names.to_numpy(dtype=object)[other_code[others]],
            COMBINATION_ALIKE,
        )
    else:
        alike = names.rename(
            columns={"bank": "left", "ledger": "right"}
            if one_is_bank
            else {"ledger": "left", "bank": "right"}
        )[["left", "right", "alike"]]
    # the names as their numbers on each side, only those of the lines looked at
    left = one_names.get_indexer(pd.Index(alike["left"]))
    right = other_names.get_indexer(pd.Index(alike["right"]))
    present_left = np.zeros(len(one_names) + 1, dtype=bool)
    present_left[one_code[named]] = True
    present_right = np.zeros(len(other_names) + 1, dtype=bool)
    present_right[other_code[others]] = True
    kept = present_left[left] & present_right[right]  # -1 (no such name) reads the last: False
    alike = alike[kept].assign(name=left[kept], party=right[kept])
    # a target's party is the name (or names) most like its own: beside SHREE BALAJI
    # ENTERPRISES, SHREE BALAJI TRADERS is someone else
    best = alike.groupby("left")["alike"].transform("max") if len(alike) else alike["alike"]
    alike = alike[alike["alike"] >= best - PARTY_MARGIN]
    if len(named) and not alike.empty:
        relation = alike[["name", "party", "alike"]].astype(np.int64)
        expanded = pd.DataFrame({"t": named, "name": one_code[named]}).merge(relation, on="name")
        t = expanded["t"].to_numpy(dtype=np.int64)
        party = expanded["party"].to_numpy(dtype=np.int64)
        left, right = band_join(
            party * 2 + one_in[t],
            one_day[t],
            other_code[others] * 2 + other_in[others],
            other_day[others],
            window if named_window is None else named_window,
            NEAREST_LINES,
        )
        how_alike = expanded["alike"].to_numpy(dtype=np.int64)[left]
        # beyond the window only names decide (LATE_ALIKE): the party's own lines, as the bank
        # writes its name, not a namesake's (at a million lines a side, 245 false pairs more)
        beyond = ~window.holds(one_day[t[left]] - other_day[others[right]])
        near = ~beyond | (how_alike >= LATE_ALIKE)
        pieces.append((t[left][near], others[right][near], how_alike[near]))
    # a name like no one's with a line in the window (a proprietor paying for his firm: BRAR
    # AMANDEEP for Sunrise Polymers' invoices) says nothing: such a target names no one, where
    # its amount has paise (sums of whole rupees meet by chance: 15,000 + 15,000)
    joined = np.zeros(len(one), dtype=bool)
    if pieces:
        joined[pieces[0][0]] = True
    unknown = named[~joined[named]]
    unknown = unknown[one.lines["signed"].to_numpy(dtype=np.int64)[unknown] % WHOLE_RUPEE != 0]
    one_named = one_named.copy()
    one_named[unknown] = False
    # targets that name no one: every party's lines in the window
    nameless = targets[~one_named[targets]]
    # a ledger line that names no one (Rent, Salary Payable) is not made up of bank lines that
    # each name their own payee; a bank line that names no one (CASH DEPOSIT) may be made up of
    # one party's receipts in the books
    parts = others if one_is_bank else others[other_blank[others]]
    if len(nameless) and len(parts):
        left, right = band_join(
            one_in[nameless].astype(np.int64),
            one_day[nameless],
            other_in[parts].astype(np.int64),
            other_day[parts],
            window,
            NEAREST_LINES,
        )
        pieces.append((nameless[left], parts[right], np.zeros(len(left), dtype=np.int64)))
    if not pieces or not sum(len(piece[0]) for piece in pieces):
        return _NO_ROWS
    t = np.concatenate([piece[0] for piece in pieces]).astype(np.int64)
    o = np.concatenate([piece[1] for piece in pieces]).astype(np.int64)
    target_value = np.abs(one.lines["signed"].to_numpy(dtype=np.int64))[t]
    value = np.abs(other.lines["signed"].to_numpy(dtype=np.int64))[o]
    keep = value < target_value
    if rejected:
        width = len(other) + 1
        refused = np.array([a * width + b for a, b in rejected], dtype=np.int64)
        keep &= ~isin(t * width + o, refused)
    keep[keep] = ~_cash_deposited_later(one, other, t[keep], o[keep], one_is_bank)
    keep[keep] = ~_card_settlement_elsewhere(one, other, t[keep], o[keep], one_is_bank)
    t, o = t[keep], o[keep]
    alike_of = np.concatenate([piece[2] for piece in pieces]).astype(np.int64)[keep]
    if not len(t):
        return _NO_ROWS
    party = other_code[o]
    # a party with more lines in the window than are searched: its lines of each day, as groups
    # of their own, searched where its nearest make no set (a receipt's invoices are booked
    # together, the day it came: a busy customer's three invoices of the 1st, behind seventeen
    # other lines of the 4th)
    # (only the days with a line beyond the party's nearest: a day whose lines are all among
    # them has no set its party's nearest lack)
    names_span = np.int64(len(other_names) + 1)
    target_party = t * names_span + party
    days = np.abs(one_day[t] - other_day[o])
    order = order_by(target_party, days, o)  # by target, party, days apart and position
    ordered = target_party[order]
    place = np.arange(len(order))
    new_party = np.r_[True, ordered[1:] != ordered[:-1]]
    rank = np.empty(len(order), dtype=np.int64)
    rank[order] = place - np.maximum.accumulate(np.where(new_party, place, 0))
    day_low = int(other_day.min()) if len(other_day) else 0
    target_day = target_party * DAY_SPAN + (other_day[o] - day_low)
    crowded = np.flatnonzero(isin(target_day, target_day[rank >= COMBINATION_CANDIDATES]))
    day_party = party[crowded] * DAY_SPAN + (other_day[o[crowded]] - day_low)
    crowded_order = order_by(t[crowded], day_party, days[crowded], o[crowded])
    crowded, day_party = crowded[crowded_order], day_party[crowded_order]
    # a day of more lines than are searched, in runs of COMBINATION_CANDIDATES in the order
    # they were booked, each a group: a receipt's invoices are booked one after another, and a
    # busy customer's day of twenty-four lines holds them among its last twelve as often as
    # among its first; then, where no run has a set, the runs begun half a run later, which
    # hold a set that straddles two
    crowded_target = t[crowded]
    day_begins = np.r_[
        True,
        (crowded_target[1:] != crowded_target[:-1]) | (day_party[1:] != day_party[:-1]),
    ][: len(crowded)]
    day_size = np.bincount(np.cumsum(day_begins) - 1)
    day_rank = within(day_size)  # each line's place in its day, as booked
    run = np.minimum(day_rank // COMBINATION_CANDIDATES, _RUNS - 1)
    straddling = np.flatnonzero(np.repeat(day_size, day_size) > COMBINATION_CANDIDATES)
    half_run = np.minimum(
        (day_rank[straddling] + COMBINATION_CANDIDATES // 2) // COMBINATION_CANDIDATES, _RUNS - 1
    )
    shifted, shifted_party = crowded[straddling], day_party[straddling] * _RUNS + half_run
    day_party = day_party * _RUNS + run
    # a named ledger line's second chance: every bank line alike to it as one group (the bank's
    # NAIR and NAIR ADVANCE), where its candidates carry more than one party; never a bank
    # line's among the books' ledgers, each its own party's (UDUPI & CO's NEFT is not Udupi
    # Printers' invoice and Udupi Fabricators' together: at 1M lines 90 such sets, all false)
    parties = np.bincount(t[order[new_party]], minlength=len(one))
    second = np.flatnonzero(
        one_named[t] & (parties[t] > 1) & (not own_lines_only) & (not one_is_bank)
    )
    second = second[order_by(t[second], days[second], o[second])]
    # the four tiers, each in order, merged by target (a target's tiers in turn)
    rows = np.concatenate([order, crowded, shifted, second])
    tier = np.repeat(
        np.arange(4, dtype=np.int64), [len(order), len(crowded), len(shifted), len(second)]
    )
    party = np.concatenate(
        [party[order], day_party, shifted_party, np.full(len(second), -1, dtype=np.int64)]
    )
    merged = merge_runs([t[order], t[crowded], t[shifted], t[second]])
    rows, tier, party = rows[merged], tier[merged], party[merged]
    t, o, alike_of = t[rows], o[rows], alike_of[rows]
    starts = np.r_[True, (t[1:] != t[:-1]) | (tier[1:] != tier[:-1]) | (party[1:] != party[:-1])]
    group = np.cumsum(starts) - 1
    first = np.flatnonzero(starts)
    size = np.diff(np.r_[first, len(t)])
    values = np.abs(other.lines["signed"].to_numpy(dtype=np.int64))[o]
    money = np.add.reduceat(values, first) if len(first) else np.zeros(0, np.int64)
    least = np.minimum.reduceat(alike_of, first) if len(first) else np.zeros(0, np.int64)
    target_value = np.abs(one.lines["signed"].to_numpy(dtype=np.int64))[t[first]]
    reach = np.flatnonzero(((size >= MIN_PARTS) & (money >= target_value))[group])
    group = group[reach]
    return _Rows(t[reach], o[reach], group, least[group], tier[reach])


def _card_settlement_elsewhere(
    one: Side, other: Side, t: np.ndarray, o: np.ndarray, one_is_bank: bool
) -> np.ndarray:
    """Which (target, candidate) pairs are an acquirer's card settlement (its terminal's number
    in the narration: `BY TRANSFER-POS SETTLEMENT 13429377`, splits.TERMINAL) and a books'
    line of no card sales ledger nor MDR (`Sree Kamakshi Exports`): a customer's receipt is
    never made of the acquirer's credits (three settlements of three terminals added up to one
    of Central Bank's invoices at 10,000 lines, and the month's card sales then did not tie to
    its MDR journal). The books' `Cash` Contras keep them as candidates: no settlement is cash
    deposited, but taken out they left fewer sets of a crowded day's round deposits, and more
    of the sets left were taken, falsely (Central Bank seed 2 at 10,000 lines: 45 fewer true
    pairs of cash, 25 more false)."""
    bank, ledger = (one, other) if one_is_bank else (other, one)
    b, g = (t, o) if one_is_bank else (o, t)
    settled = np.zeros(len(b), dtype=bool)
    if not len(b):
        return settled
    ask = np.flatnonzero(contains_distinct(bank.lines["text"].iloc[b], TERMINAL))
    if not len(ask):
        return settled
    texts = ledger.lines["text"].iloc[g[ask]]
    settled[ask] = ~(
        contains_distinct(texts, CARD_SALES_LEDGER)
        | contains_distinct(texts, MDR_WORDS)
        | contains_distinct(texts, CASH_LEDGER)
    )
    return settled


def _cash_deposited_later(
    one: Side, other: Side, t: np.ndarray, o: np.ndarray, one_is_bank: bool
) -> np.ndarray:
    """Which (target, candidate) pairs are the books' cash deposited (`Cash`, CASH_LEDGER) and
    the bank's cash deposit (BANK_CASH_WORDS) more than CASH_DAYS_AFTER after it, or after the
    Monday where the books' day is a Saturday (a bank's second and fourth Saturdays are
    holidays, and a deposit machine's Saturday is credited on Monday): cash is paid in by the
    day the books say, or the next, never days later; a deposit three days on is another day's
    cash (at 10,000 lines, 44 of 44 such sets were false; Friday's cash counted to Monday made
    27 more false at 10,000 lines of PNB)."""
    bank, ledger = (one, other) if one_is_bank else (other, one)
    b, g = (t, o) if one_is_bank else (o, t)
    books_day = ledger.lines["day"].to_numpy(dtype=np.int64)[g]
    weekday = (books_day + 3) % 7  # Monday 0: 1 January 1970 was a Thursday
    to_monday = np.where(weekday == 5, 1, 0)
    late = np.asarray(
        bank.lines["day"].to_numpy(dtype=np.int64)[b] - books_day > CASH_DAYS_AFTER + to_monday,
        dtype=bool,
    )
    if not late.any():
        return late
    ask = np.flatnonzero(late)
    cash = contains_distinct(ledger.lines["text"].iloc[g[ask]], CASH_LEDGER)
    ask = ask[cash]
    late[:] = False
    late[ask[contains_distinct(bank.lines["text"].iloc[b[ask]], BANK_CASH_WORDS)]] = True
    return late
