"""A ledger the wrong way round: its Debit and Credit exchanged (the bank's statement given as the
bank ledger, a party's ledger, a bank book kept by hand with its columns headed the other way).

Each ledger line is set beside the bank's lines of its amount, on both sides, before any
matching: by a reference they share (a UTR, an RRN, a cheque number) at any distance; else on the
same day; else in the matching window. A line equals the bank *the other way round* when the
first of these that finds anything finds the bank's line of its amount on the other side only (a
receipt of ₹50,000 against the bank's ₹50,000 withdrawn), and *as it stands* when it finds one
on its own side. A ledger most of whose lines are the other way round, and several times more of
them than as they stand, is the wrong way round (`scoring.WRONG_WAY_SHARE`).

>>> from xlbo.bank.side import side
>>> bank = side(days=[10, 12, 15], signed=[5_000_00, -2_000_00, 7_000_00])
>>> books = side(days=[10, 12, 15], signed=[-5_000_00, 2_000_00, -7_000_00])
>>> found = wrong_way(bank, books)
>>> found.lines, found.other_way, found.as_they_stand, found.refused
(3, 3, 0, True)
>>> wrong_way(bank, side(days=[10, 12, 15], signed=[5_000_00, -2_000_00, 7_000_00])).refused
False
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import pandas as pd

from xlbo.bank.scoring import (
    MAX_WINDOW_DAYS,
    WRONG_WAY_LINES,
    WRONG_WAY_OVER,
    WRONG_WAY_SHARE,
)
from xlbo.bank.side import Side
from xlbo.bank.window import DAY_LIMIT, DEFAULT_WINDOW, Window


@dataclass(frozen=True)
class WrongWay:
    """How a ledger's lines stand against the bank's. Where the ledger is not the wrong way round
    and references could not have made it so, the lines are counted without them."""

    lines: int
    """Ledger lines with an amount (not 0)."""
    other_way: int
    """… that equal a bank line only the other way round (see the module)."""
    as_they_stand: int
    """… that equal a bank line as they stand."""
    examples: tuple[tuple[int, int], ...] = ()
    """(ledger position, bank position) of up to two lines the other way round and the bank
    line each equals."""

    @property
    def refused(self) -> bool:
        """Whether the ledger is the wrong way round: see scoring.WRONG_WAY_SHARE."""
        return (
            self.other_way >= max(WRONG_WAY_LINES, WRONG_WAY_SHARE * self.lines)
            and self.other_way > WRONG_WAY_OVER * self.as_they_stand
        )


def wrong_way(bank: Side, ledger: Side, window: Window = DEFAULT_WINDOW) -> WrongWay:
    """How many of `ledger`'s lines equal a line of `bank` only the other way round, and how many
    as they stand; with two examples when the ledger is the wrong way round. Joins on sorted
    keys (one sort of the bank's lines, binary searches), so a month of a million lines costs a
    fraction of a second."""
    bank_signed = bank.lines["signed"].to_numpy(dtype=np.int64)
    signed = ledger.lines["signed"].to_numpy(dtype=np.int64)
    live = signed != 0
    count = int(live.sum())
    if count < WRONG_WAY_LINES or not len(bank_signed):
        return WrongWay(count, 0, 0)
    keys = _Keys(bank, ledger)
    incoming = signed > 0
    # the bank's line on the ledger line's own side (`same`), or on the other (`other`)
    same_day, same_near = keys.found(incoming, window)
    other_day, other_near = keys.found(~incoming, window)
    # without references first: where they could not make the ledger the wrong way round
    # (every line carrying one taken for the other way round, none of them as it stands), they
    # are not looked for (most months: a sort of the references saved)
    other_way = ~same_day & (other_day | (other_near & ~same_near)) & live
    as_they_stand = (same_day | (~other_day & same_near)) & live
    referring = np.zeros(len(signed), dtype=bool)
    referring[ledger.tokens["position"].to_numpy(dtype=np.int64)] = True
    if not WrongWay(
        count, int((other_way | referring).sum()), int((as_they_stand & ~referring).sum())
    ).refused:
        return WrongWay(count, int(other_way.sum()), int(as_they_stand.sum()))
    same_ref, other_ref = keys.referred(bank, ledger, incoming)
    referred = same_ref | other_ref
    as_they_stand = (same_ref | (~referred & as_they_stand)) & live
    other_way = ((other_ref & ~same_ref) | (~referred & other_way)) & live
    found = WrongWay(count, int(other_way.sum()), int(as_they_stand.sum()))
    if not found.refused:
        return found
    examples = tuple(
        (g, keys.partner(g, ledger, bank, window, by_reference=bool(other_ref[g])))
        for g in np.flatnonzero(other_way & live)[:2].tolist()
    )
    return WrongWay(found.lines, found.other_way, found.as_they_stand, examples)


class _Keys:
    """Both sides' amounts numbered alike (equal amounts, equal codes, whatever their side) and
    the bank's lines sorted by (amount, side, day)."""

    def __init__(self, bank: Side, ledger: Side) -> None:
        self.bank_signed = bank.lines["signed"].to_numpy(dtype=np.int64)
        self.signed = ledger.lines["signed"].to_numpy(dtype=np.int64)
        codes, distinct = pd.factorize(np.abs(np.concatenate([self.bank_signed, self.signed])))
        codes = codes.astype(np.int64)
        self.amounts = len(distinct)
        self.bank_code, self.code = codes[: len(self.bank_signed)], codes[len(self.bank_signed) :]
        # a missing date's number (millions of years off) brought within DAY_LIMIT, so that the
        # keys keep within 63 bits and such a day stays as far from every real one
        self.bank_day = np.clip(bank.lines["day"].to_numpy(dtype=np.int64), -DAY_LIMIT, DAY_LIMIT)
        self.day = np.clip(ledger.lines["day"].to_numpy(dtype=np.int64), -DAY_LIMIT, DAY_LIMIT)
        days = np.concatenate([self.bank_day, self.day])
        pad = MAX_WINDOW_DAYS + 1  # a window never reaches into the next amount's days
        self.first = int(days.min()) - pad
        self.span = int(days.max()) - self.first + pad + 1
        live = self.bank_signed != 0
        self.sorted = np.sort(self._key(self.bank_code, self.bank_signed > 0, self.bank_day)[live])
        self.order = np.argsort(self._key(self.code, self.signed > 0, self.day))

    def _key(self, code: np.ndarray, incoming: np.ndarray, day: np.ndarray) -> np.ndarray:
        key = (code * 2 + incoming.astype(np.int64)) * self.span + (day - self.first)
        return np.asarray(key, dtype=np.int64)

    def found(self, incoming: np.ndarray, window: Window) -> tuple[np.ndarray, np.ndarray]:
        """For each ledger line: whether the bank has a line of its amount on the side
        `incoming` (True: money in) on the same day, and within the window (bank − books
        days from window.before to window.after)."""
        # searched in the ledger's own (amount, side, day) order, near enough to the keys'
        # order for the searches to run many times faster than at random
        key = self._key(self.code, incoming, self.day)[self.order]
        search = self.sorted.searchsorted
        on_day, near = np.empty(len(key), dtype=bool), np.empty(len(key), dtype=bool)
        on_day[self.order] = search(key, "right") > search(key)
        near[self.order] = search(key + window.after, "right") > search(key + window.before)
        return on_day, near

    def referred(
        self, bank: Side, ledger: Side, incoming: np.ndarray
    ) -> tuple[np.ndarray, np.ndarray]:
        """For each ledger line: whether a bank line of its amount carrying one of its
        references stands on its own side, and on the other (at any distance)."""
        same = np.zeros(len(self.signed), dtype=bool)
        other = np.zeros(len(self.signed), dtype=bool)
        bank_tokens, tokens = bank.tokens, ledger.tokens
        if not len(bank_tokens) or not len(tokens):
            return same, other
        words, _ = pd.factorize(
            np.concatenate(
                [
                    bank_tokens["token"].to_numpy(dtype=object),
                    tokens["token"].to_numpy(dtype=object),
                ]
            )
        )
        words = words.astype(np.int64)
        at_bank = bank_tokens["position"].to_numpy(dtype=np.int64)
        at = tokens["position"].to_numpy(dtype=np.int64)
        live = self.bank_signed[at_bank] != 0
        bank_key = np.sort(
            ((words[: len(at_bank)] * self.amounts + self.bank_code[at_bank]) * 2)[live]
            + (self.bank_signed[at_bank] > 0)[live]
        )
        if not len(bank_key):  # the bank's references only on lines of no amount
            return same, other
        key = (words[len(at_bank) :] * self.amounts + self.code[at]) * 2
        for flags, side in ((same, incoming[at]), (other, ~incoming[at])):
            wanted = key + side
            place = np.minimum(np.searchsorted(bank_key, wanted), len(bank_key) - 1)
            flags[at[bank_key[place] == wanted]] = True
        return same, other

    def partner(
        self, g: int, ledger: Side, bank: Side, window: Window, *, by_reference: bool
    ) -> int:
        """The bank line ledger line `g` equals the other way round (for the message): one
        carrying its reference, else the nearest in date."""
        candidates = (self.bank_code == self.code[g]) & (
            (self.bank_signed > 0) == (self.signed[g] < 0)
        )
        candidates &= self.bank_signed != 0
        if by_reference:
            mine = set(ledger.tokens.loc[ledger.tokens["position"] == g, "token"].tolist())
            carrying = bank.tokens.loc[bank.tokens["token"].isin(mine), "position"]
            referring = np.zeros(len(candidates), dtype=bool)
            referring[carrying.to_numpy(dtype=np.int64)] = True
            if (candidates & referring).any():
                candidates &= referring
        lag = self.bank_day - self.day[g]
        inside = candidates & window.holds(lag)
        if inside.any():
            candidates = inside
        positions = np.flatnonzero(candidates)
        return int(positions[np.argmin(np.abs(lag[positions]))])
