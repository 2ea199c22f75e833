"""The window in which a bank line may meet a ledger line, and the join that finds every pair
of lines with equal keys (an amount, a party) inside it without comparing every line with every
other.

>>> band_join(np.array([5, 5, 7]), np.array([10, 20, 10]), np.array([5, 7]), np.array([9, 11]), Window())
(array([0, 2]), array([0, 1]))
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import pandas as pd

from xlbo.bank.scoring import DAYS_AFTER, DAYS_BEFORE, MAX_WINDOW_DAYS


@dataclass(frozen=True)
class Window:
    """How far the bank's date may be from the books' date, in days (bank − books): from
    `before` (zero or negative) to `after` (zero or positive), each at most MAX_WINDOW_DAYS."""

    before: int = -DAYS_BEFORE
    after: int = DAYS_AFTER

    def __post_init__(self) -> None:
        if not (-MAX_WINDOW_DAYS <= self.before <= 0 <= self.after <= MAX_WINDOW_DAYS):
            raise ValueError(
                f"days before and after must each be 0 to {MAX_WINDOW_DAYS} "
                f"(got {-self.before} before and {self.after} after)"
            )

    @property
    def mirrored(self) -> Window:
        """The same window seen from the books' side (books − bank)."""
        return Window(-self.after, -self.before)

    @property
    def narrowed(self) -> bool:
        """Narrower than the default on either side: the user asked for near dates only, and
        nothing beyond the window is looked for (bookings made late)."""
        return self.before > -DAYS_BEFORE or self.after < DAYS_AFTER

    def widened(self, days: int) -> Window:
        """This window reaching at least `days` either way."""
        return Window(min(self.before, -days), max(self.after, days))

    def holds(self, days: np.ndarray) -> np.ndarray:
        """Which of `days` (bank − books) are inside the window."""
        return np.asarray((days >= self.before) & (days <= self.after), dtype=bool)


DEFAULT_WINDOW = Window()
DAY_LIMIT = 1 << 31
"""Days from 1 January 1970 beyond which no statement's dates lie (5.8 million years)."""


@dataclass(frozen=True)
class Band:
    """Ledger lines in (amount, day) order, and for each bank line where its same-amount lines
    in the window begin and end in that order, and where the bank's own day falls."""

    order: np.ndarray
    low: np.ndarray
    high: np.ndarray
    same_day: np.ndarray

    @property
    def counts(self) -> np.ndarray:
        """How many same-amount ledger lines each bank line has in the window."""
        return np.asarray(self.high - self.low, dtype=np.int64)

    def pairs(self, nearest: int | None = None) -> tuple[np.ndarray, np.ndarray]:
        """(bank index, ledger index) of every pair; with `nearest`, only the ledger lines
        within `nearest` places of the bank's own day in date order (a superset of the
        `nearest` closest in date)."""
        low, high = self.low, self.high
        if nearest is not None:
            low = np.maximum(low, self.same_day - nearest)
            high = np.minimum(high, self.same_day + nearest)
        counts = np.maximum(high - low, 0)
        left = np.repeat(np.arange(len(low)), counts)
        starts = np.repeat(low - (np.cumsum(counts) - counts), counts)
        return left, self.order[starts + np.arange(int(counts.sum()))]


def band(
    bank_amount: np.ndarray,
    bank_day: np.ndarray,
    ledger_amount: np.ndarray,
    ledger_day: np.ndarray,
    window: Window,
    coded: bool = False,
) -> Band:
    """The band of each bank line among the ledger lines. With `coded`, the amounts are already
    non-negative codes (`amount_codes`, or any key of small numbers: equal keys, equal codes) and
    are not numbered again."""
    bank_key, ledger_key = _keys(bank_amount, bank_day, ledger_amount, ledger_day, coded)
    order = np.argsort(ledger_key, kind="stable")
    return _band(bank_key, np.argsort(bank_key), order, ledger_key[order], window)


def bands(
    bank_amount: np.ndarray,
    bank_day: np.ndarray,
    ledger_amount: np.ndarray,
    ledger_day: np.ndarray,
    window: Window,
    coded: bool = False,
) -> tuple[Band, Band]:
    """`band` both ways: the bank lines' bands among the ledger lines, and the ledger lines'
    among the bank lines (the window mirrored), from one sort of each side's keys (two bands
    apart sort each side twice)."""
    bank_key, ledger_key = _keys(bank_amount, bank_day, ledger_amount, ledger_day, coded)
    bank_order = np.argsort(bank_key, kind="stable")
    ledger_order = np.argsort(ledger_key, kind="stable")
    forth = _band(bank_key, bank_order, ledger_order, ledger_key[ledger_order], window)
    back = _band(ledger_key, ledger_order, bank_order, bank_key[bank_order], window.mirrored)
    return forth, back


def _keys(
    bank_amount: np.ndarray,
    bank_day: np.ndarray,
    ledger_amount: np.ndarray,
    ledger_day: np.ndarray,
    coded: bool,
) -> tuple[np.ndarray, np.ndarray]:
    """Each line's amount code and day as one number: lines of one amount in the order of
    their days, a window's days apart never reaching into the next amount's."""
    if coded:
        bank_code = bank_amount.astype(np.int64, copy=False)
        ledger_code = ledger_amount.astype(np.int64, copy=False)
    else:
        bank_code, ledger_code = amount_codes(bank_amount, ledger_amount)
    bank_day, bank_first, bank_last = _days(bank_day)
    ledger_day, ledger_first, ledger_last = _days(ledger_day)
    first_day, last_day = min(bank_first, ledger_first), max(bank_last, ledger_last)
    if first_day > last_day:  # no lines
        first_day = last_day = 0
    pad = MAX_WINDOW_DAYS + 1  # a line's window never reaches into the next code's days
    span = last_day - first_day + 2 * pad + 1
    if max(int(bank_code.max(initial=0)), int(ledger_code.max(initial=0))) >= (1 << 62) // span:
        bank_code, ledger_code = amount_codes(bank_code, ledger_code)
    bank_key = bank_code * span + (bank_day - first_day + pad)
    ledger_key = ledger_code * span + (ledger_day - first_day + pad)
    return bank_key, ledger_key


def _days(day: np.ndarray) -> tuple[np.ndarray, int, int]:
    """The days as int64 within ±DAY_LIMIT, their first and last (none: an empty range).
    A day millions of years off (a missing date's number) is as far from every real day when
    brought within DAY_LIMIT, and keeps the keys within 63 bits."""
    day = day.astype(np.int64, copy=False)
    if not len(day):
        return day, DAY_LIMIT, -DAY_LIMIT
    first, last = int(day.min()), int(day.max())
    if first < -DAY_LIMIT or last > DAY_LIMIT:
        day = np.clip(day, -DAY_LIMIT, DAY_LIMIT)
        first, last = max(first, -DAY_LIMIT), min(last, DAY_LIMIT)
    return day, first, last


def _band(
    asking: np.ndarray, asked: np.ndarray, order: np.ndarray, ordered: np.ndarray, window: Window
) -> Band:
    """The band of each line of keys `asking` among the lines whose keys in `order` are
    `ordered`; `asked`: the asking lines in the order of their keys (searched in that order,
    ten times faster than at random, the answers put back in the lines' order)."""
    keys = asking[asked]
    low, high, same_day = (np.empty(len(asking), dtype=np.int64) for _ in range(3))
    # the other line's day from the asking day − after to the asking day − before
    low[asked] = np.searchsorted(ordered, keys - window.after, side="left")
    high[asked] = np.searchsorted(ordered, keys - window.before, side="right")
    same_day[asked] = np.searchsorted(ordered, keys, side="left")
    return Band(order, low, high, np.clip(same_day, low, high))


def amount_codes(
    bank_amount: np.ndarray, ledger_amount: np.ndarray
) -> tuple[np.ndarray, np.ndarray]:
    """Each line's amount numbered (0, 1, …: equal amounts on either side, equal numbers), for
    `band(..., coded=True)`: worked out once a run instead of on every join."""
    codes, _ = pd.factorize(np.concatenate([bank_amount, ledger_amount]))
    codes = codes.astype(np.int64)
    return codes[: len(bank_amount)], codes[len(bank_amount) :]


def band_join(
    bank_amount: np.ndarray,
    bank_day: np.ndarray,
    ledger_amount: np.ndarray,
    ledger_day: np.ndarray,
    window: Window,
    nearest: int | None = None,
    coded: bool = False,
) -> tuple[np.ndarray, np.ndarray]:
    """Every (bank index, ledger index) with the same amount and the bank's day within the
    window of the ledger's, found with one sort and binary searches: the work grows with the
    pairs found, not with bank lines × ledger lines. With `nearest`, only the ledger lines
    within `nearest` places of the bank's own day (see `Band.pairs`), so that lines sharing
    one amount on busy days stay few a line. `coded`: see `band`."""
    return band(bank_amount, bank_day, ledger_amount, ledger_day, window, coded).pairs(nearest)
