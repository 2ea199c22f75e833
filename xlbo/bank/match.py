"""Matching bank lines to ledger lines in exact paise, in passes, each match with its rule,
score and reasons — and abstaining where two candidates are equally good.

1. reference: a UTR, RRN or cheque number on both sides (in a reference column, the narration,
   the narration row under a Tally voucher), the same amount, and no other line on either side
   sharing it at that amount — at any distance in time (a cheque is often presented 10–25 days
   after it is written);
2. amount and date: same amount, the bank date from 3 days before to 7 days after the books'
   date (a setting, 0–90), scored `fitness` = 70 + 0.3 × name likeness − 2 a day the bank is
   after the books (3 a day before); a pair is taken only when each line is the other's one
   best candidate, and the pass repeats on what is left; where two candidates are equally good
   it abstains and lists them (two a line) as suggestions. Two lines whose names are both known
   and differ are never matched on amount alone where either has another candidate or they
   are more than 2 days apart: that is a suggestion at most. The pairs taken so far teach
   which bank names pay for which parties (`xlbo.bank.payers`: the proprietor `SHINDE SACHIN`
   for `Bajwa Textiles`), and the pass runs again with them. A party's repeated equal amounts
   that tie are paired in the order of their dates (`_repeats`), and so, at the end, are the
   pairs of one party (or one bank name) and amount that this pass took crossed in time
   (`_in_date_order`). A returned payment (RETURN, REV in its narration) is never matched on
   its amount alone. A cheque whose number the books
   lack is matched up to 30 days later by amount and party, where no other such pair exists,
   and — once everything else is decided — by its amount alone where the cheque and the book
   line are each other's only open line of that amount in those 30 days (`_lone_cheques`);
3. combination: one line equal to the sum of 2–6 lines of one party and direction on the other
   side in the window, both ways (`xlbo.bank.combinations`); abstain (and suggest) when two
   sets fit. Last, a bank line still open that one set of its party's lines makes up, one of
   them paired on its amount alone with another bank line, takes the set, and that pair is
   undone, and so, the other way, a ledger line that one set of its party's bank lines makes
   up (`_sets_taken_back`). Then, across ledgers: a line that is several open lines of
   different ledgers of one day on the other side, where the words on both sides say what it
   is — an EMI as principal and interest, an FD closed, a challan for several TDS sections or
   GST heads, a day's every UPI credit as one collections receipt (`xlbo.bank.splits`);
4. bookings made late: what is still open, 15 days apart either way, where the names are the
   same party's (90 alike; 80 where the two are each other's only line of an amount that is
   no round hundred) and neither line has another candidate so far apart; then that
   party's own lines as a combination (`_late_bookings`: a receipt booked when the accountant saw
   the credit a week later);
5. suggestions, never matched: near amounts (digits transposed, bank charges, TDS) and the same
   reference with a different amount, within the window (`xlbo.bank.near_misses`).

Names are folded and compared in `xlbo.bank.parties`. Every score and threshold is in `xlbo.bank.scoring`, with its reason. Passes work on whole
columns (joins on amount, reference or party within the window — `band_join`), never a loop
over every line against every other. Money is compared in integer paise: "into the account" is
a credit on the statement and a debit in the books. Days are counted from 1 January 1970.

>>> bank = side(days=[10, 12], signed=[500000, -120050], party=["om sai", "kaveri"])
>>> books = side(days=[9, 12], signed=[500000, -120050], party=["om sai logistics", "kaveri"])
>>> found, suggestions = match_lines(bank, books)
>>> found[["bank", "ledger", "rule"]].values.tolist()
[[0, 0, 'Amount and date'], [1, 1, 'Amount and date']]
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from itertools import product
from typing import Any

import numpy as np
import pandas as pd

from xlbo.arrays import isin, order_by, within
from xlbo.bank.combinations import DAY_SPAN, Combination, find_combinations
from xlbo.bank.near_misses import TDS_DEDUCTED, near_misses, tds_deducted
from xlbo.bank.parties import (
    CHARGE_WORDS,
    CHARGES_SAID,
    CHEQUE_WORDS,
    COMMISSION_WORDS,
    RETURN_WORDS,
    TRANSFER_WORDS,
    Likeness,
    alike_names,
    bank_party_key,
    key_words,
    likeness,
    likenesses,
    narration_names,
)
from xlbo.bank.payers import PAYER_COLUMNS, cut_otherwise, habits, known_payers
from xlbo.bank.references import shown
from xlbo.bank.scoring import (
    AMOUNT_EVIDENCE,
    BATCH_CHARGES_DAYS,
    BATCH_PARTS,
    CHARGE_KINDS,
    CHARGES_PARTS,
    CHEQUE_DAYS_AFTER,
    COMBINATION_ALIKE,
    COMBINATION_SCORE,
    DAY_SET_PARTS,
    DAY_SET_SCORE,
    DAYS_BEFORE,
    GST_RATE,
    HELD_OUT,
    KEY_WORDS,
    LATE_ALIKE,
    LATE_ALIKE_ALONE,
    LATE_BOOKING_DAYS,
    LATE_PARTS_DAYS,
    LATE_SET_ALIKE,
    MAKE_WAY_ALIKE,
    MAX_PARTS,
    MIN_PARTS,
    NAMED_NEAREST,
    NAMES_DIFFER_BELOW,
    NAMESAKE_MARGIN,
    NEAREST,
    ONE_PARTY_ALIKE,
    OWN_PARTS,
    PARTS_BOOKED_DAYS,
    PAYER_ALIKE,
    PAYER_ROUNDS,
    RARE_AMOUNT_LINES,
    REFERENCE_EVIDENCE,
    ROUND,
    SALARY_REST_LINES,
    SAME_AMOUNT_APART_DAYS,
    SHORTLIST,
    SLIP_SCORE,
    SPLIT_SCORE,
    TDS_ALIKE,
    TDS_SCORE,
    TIED_SHOWN,
    UNLIKE_DAYS,
    UPI_OWNER_PAIRS,
    WHOLE_RUPEE,
    fitness,
    preference,
)
from xlbo.bank.side import Side, prepare_bank, prepare_ledger, side, with_notes
from xlbo.bank.slips import cash_days, slip_sets
from xlbo.bank.splits import (
    MDR_WORDS,
    SEVERAL_SETS,
    TERMINAL,
    card_month,
    several_sets,
    split_sets,
)
from xlbo.bank.window import (
    DEFAULT_WINDOW,
    Band,
    Window,
    amount_codes,
    band,
    band_join,
    bands,
)
from xlbo.columns import contains, contains_distinct, extract, matches, strings, text_lengths
from xlbo.columns import replace as replace_text
from xlbo.money import format_inr, from_paise

__all__ = [
    "DEFAULT_WINDOW",
    "MATCH_COLUMNS",
    "SUGGESTION_COLUMNS",
    "Decisions",
    "Rule",
    "Side",
    "Window",
    "fitness",
    "likeness",
    "match_lines",
    "narration_names",
    "prepare_bank",
    "prepare_ledger",
    "side",
]

MATCH_COLUMNS = ("match", "bank", "ledger", "rule", "score", "why")
SUGGESTION_COLUMNS = ("bank", "ledger", "kind", "why")
DAY_SET_OFFERED = "A party's day adds up"
"""The kind of suggestion of a set `_day_sets` finds and does not take."""


@dataclass(frozen=True)
class Rule:
    """A remembered decision: a bank narration containing `pattern` is the ledger party `party`."""

    pattern: str
    party: str


@dataclass(frozen=True)
class Decisions:
    """What the user decided on an earlier run: pairs confirmed, pairs rejected, and rules."""

    confirmed: tuple[tuple[int, int], ...] = ()
    """(bank position, ledger position) pairs accepted from Suggestions."""
    rejected: frozenset[tuple[int, int]] = frozenset()
    """(bank position, ledger position) pairs the user rejected; never matched again."""
    rules: tuple[Rule, ...] = ()


NO_DECISIONS = Decisions()


BOOK_CHEQUE_WORDS = r"(?i)\b(?:CHQ|CHEQUE|CH\.?\s*NO|CLG|INST(?:RUMENT)?)\b"
"""Words of a book line that make the number after them a cheque's (`Ch. No. : 000270`)."""


@dataclass(frozen=True)
class _Instruments:
    """What each line says of its instrument: its cheque number (-1 none, -2 several) — a
    bank line's from its narration or reference column, a book line's as `book_cheque_numbers`
    reads it (`Ch. No. : 000270` right after its word, or its reference column's number) — and
    whether it says it is a transfer (TRANSFER_WORDS; a book line that names a cheque does
    not)."""

    bank_number: np.ndarray
    ledger_number: np.ndarray
    bank_cheque: np.ndarray
    bank_transfer: np.ndarray
    ledger_transfer: np.ndarray
    ledger_says_transfer: np.ndarray
    """Book lines that name a transfer, cheque number or not (`Ch. No. : 000455 RTGS to
    Kaveri`: the cheque was the mandate for the RTGS)."""

    @classmethod
    def of(cls, bank: Side, ledger: Side, bank_cheque: np.ndarray) -> _Instruments:
        book_text = with_notes(ledger)
        book_cheque = contains(book_text, BOOK_CHEQUE_WORDS)
        book_transfer = contains(book_text, TRANSFER_WORDS)
        bank_transfer = contains(bank.lines["text"], TRANSFER_WORDS)
        number = (
            ledger.lines["cheque"].to_numpy(dtype=np.int64)
            if "cheque" in ledger.lines
            else np.full(len(ledger), -1, dtype=np.int64)
        )
        return cls(
            _cheque_numbers(bank.tokens, len(bank)),
            number,
            np.asarray(bank_cheque, dtype=bool) & ~bank_transfer,
            bank_transfer,
            book_transfer & ~book_cheque & (number < 0),
            book_transfer,
        )

    def differ(self, b: np.ndarray, g: np.ndarray) -> np.ndarray:
        """Which pairs are of two instruments, never matched on their amounts: cheques of two
        numbers (the bank's Sharada Stationers 000394 is not the books' cheque 000401 to Laxmi
        Narayan Traders), a book's cheque against a bank's transfer that shows no cheque number
        (the books' cheque 000270 for a deposit is not the bank's NEFT of the rent), and a
        bank's cheque against a book line that says it was a transfer (`IMPS`, `UPI`)."""
        bank_number, ledger_number = self.bank_number[b], self.ledger_number[g]
        return np.asarray(
            ((bank_number >= 0) & (ledger_number >= 0) & (bank_number != ledger_number))
            | (
                (ledger_number >= 0)
                & ~self.ledger_says_transfer[g]
                & self.bank_transfer[b]
                & (bank_number == -1)
            )
            | (self.bank_cheque[b] & self.ledger_transfer[g] & (ledger_number == -1)),
            dtype=bool,
        )

    def said(self, b: np.ndarray, g: np.ndarray) -> pd.Series:
        """How each pair's instruments differ, in words."""
        bank = pd.Series(self.bank_number[b]).astype(str).str.zfill(6)
        books = pd.Series(self.ledger_number[g]).astype(str).str.zfill(6)
        both = (self.bank_number[b] >= 0) & (self.ledger_number[g] >= 0)
        return pd.Series(
            np.where(
                both,
                "the bank's cheque is " + bank + ", the books' " + books,
                np.where(
                    self.ledger_number[g] >= 0,
                    "the books say cheque " + books + ", the bank a transfer",
                    "the bank says cheque, the books a transfer",
                ),
            ),
            dtype=object,
        )


def _cheque_numbers(tokens: pd.DataFrame, size: int) -> np.ndarray:
    """Each line's one reference of six digits or fewer (a cheque's number, leading zeros off),
    as a number: -1 where it has none, -2 where it has several."""
    numbers = np.full(size, -1, dtype=np.int64)
    token = strings(tokens["token"])
    short = np.flatnonzero(text_lengths(token) <= 6)
    if len(short):
        short = short[matches(token.iloc[short], "[0-9]+")]
    position = tokens["position"].to_numpy(dtype=np.int64)[short]
    numbers[position] = token.iloc[short].astype(np.int64).to_numpy()
    numbers[np.bincount(position, minlength=size) > 1] = -2
    return numbers


def _signed_days(days: np.ndarray) -> pd.Series:
    """`+2`, `-1`, `+0`: a day difference as the Why column shows it."""
    series = pd.Series(days, dtype=np.int64).astype(str)
    return pd.Series(np.where(days >= 0, "+", ""), dtype=object) + series


@dataclass
class _Matching:
    """The state of one run: which lines are still open and the matches taken so far."""

    bank: Side
    ledger: Side
    window: Window
    rejected: frozenset[tuple[int, int]]
    names: _Names | None = None
    """Each line's party numbered, and the pairs of names that count as alike; worked out once."""
    first_counts: tuple[np.ndarray, np.ndarray] | None = None
    """Same-amount candidates of each bank and ledger line before any was taken."""
    bank_open: np.ndarray = field(init=False)
    ledger_open: np.ndarray = field(init=False)
    returned: np.ndarray = field(init=False)
    """Bank lines that are a payment or cheque returned (RETURN_WORDS in the narration)."""
    books_return: np.ndarray = field(init=False)
    cheques: tuple[np.ndarray, np.ndarray] = field(init=False)
    """Which bank and which ledger lines name a cheque (CHEQUE_WORDS)."""
    instruments: _Instruments = field(init=False)
    """Each line's cheque number and whether it says it is a transfer (`_Instruments`)."""
    """Ledger lines that say they book a return (RETURN_WORDS in the particulars or narration:
    `Being NEFT returned - account closed`)."""
    bank_named: np.ndarray = field(init=False)
    """Bank lines whose name counts against another party's: those that name someone, and the
    returned ones (see `_amount_and_date`)."""
    ledger_named: np.ndarray = field(init=False)
    amounts: tuple[np.ndarray, np.ndarray] = field(init=False)
    """Each bank and ledger line's amount numbered (`window.amount_codes`)."""
    amount_lines: np.ndarray = field(init=False)
    """How many lines of each numbered amount the month has, both sides together."""
    taken: list[pd.DataFrame] = field(default_factory=list)
    made_way: np.ndarray = field(init=False)
    """Bank lines paired by `_making_way`: both of its pairs rest on every other line's choice,
    and `_torn_between_parties` leaves them be."""
    groups: list[tuple[int, list[tuple[int, int]], str, str, int]] = field(default_factory=list)
    """Combinations taken (match number, (bank, ledger) rows, rule, why, score), made a frame
    once."""
    next_id: int = 1

    def __post_init__(self) -> None:
        self.amounts = amount_codes(
            self.bank.lines["signed"].to_numpy(), self.ledger.lines["signed"].to_numpy()
        )
        bank_amount, ledger_amount = self.amounts
        size = max(int(bank_amount.max(initial=-1)), int(ledger_amount.max(initial=-1))) + 1
        self.amount_lines = np.bincount(bank_amount, minlength=size) + np.bincount(
            ledger_amount, minlength=size
        )
        self.bank_open = np.ones(len(self.bank), dtype=bool)
        self.made_way = np.zeros(len(self.bank), dtype=bool)
        self.ledger_open = np.ones(len(self.ledger), dtype=bool)
        text = self.bank.lines["text"].fillna("").astype(str)
        self.returned = text.str.contains(RETURN_WORDS, regex=True).to_numpy(dtype=bool)
        named = self.bank.lines["party"].fillna("").astype(str).to_numpy(dtype=object) != ""
        self.bank_named = named | self.returned
        self.ledger_named = (
            self.ledger.lines["party"].fillna("").astype(str).to_numpy(dtype=object) != ""
        )
        self.books_return = contains(self.ledger.lines["text"], RETURN_WORDS)
        if "note" in self.ledger.lines:
            self.books_return |= contains(self.ledger.lines["note"], RETURN_WORDS)
        self.cheques = (
            contains(self.bank.lines["text"], CHEQUE_WORDS),
            contains(self.ledger.lines["text"], CHEQUE_WORDS),
        )
        self.instruments = _Instruments.of(self.bank, self.ledger, self.cheques[0])

    def take(self, pairs: pd.DataFrame, rule: str, score: object, why: object) -> None:
        """Take 1:1 pairs (columns b, l)."""
        if pairs.empty:
            return
        count = len(pairs)
        ids = np.arange(self.next_id, self.next_id + count)
        self.next_id += count
        self.taken.append(
            pd.DataFrame(
                {
                    "match": ids,
                    "bank": pairs["b"].to_numpy(),
                    "ledger": pairs["l"].to_numpy(),
                    "rule": rule,
                    "score": np.broadcast_to(np.asarray(score, dtype=np.int64), count),
                    "why": np.asarray(why, dtype=object)
                    if not isinstance(why, str)
                    else np.full(count, why, dtype=object),
                }
            )
        )
        self.bank_open[pairs["b"].to_numpy()] = False
        self.ledger_open[pairs["l"].to_numpy()] = False

    def take_group(
        self,
        bank: Sequence[int],
        ledger: Sequence[int],
        rule: str,
        why: str,
        score: int = COMBINATION_SCORE,
        rows: Sequence[tuple[int, int]] | None = None,
    ) -> None:
        """Take one combination (several lines on one side) under one Match ID: every bank line
        with every ledger line, or the `rows` given (a month's card settlements, each with its
        own card sales and the month's MDR journal)."""
        rows = [(b, g) for b in bank for g in ledger] if rows is None else list(rows)
        self.groups.append((self.next_id, rows, rule, why, score))
        self.next_id += 1
        self.bank_open[list(bank)] = False
        self.ledger_open[list(ledger)] = False

    def refused(self, b: np.ndarray, g: np.ndarray, on_amount: bool = True) -> np.ndarray:
        """Which of the pairs (b[i], g[i]) the user rejected, or, `on_amount` (pairs that
        nothing but their amounts joins), whose instruments differ (`_Instruments.differ`)."""
        refused = self.instruments.differ(b, g) if on_amount else np.zeros(len(b), dtype=bool)
        if not self.rejected or not len(b):
            return refused
        width = len(self.ledger) + 1
        rejected = np.array([rb * width + rg for rb, rg in self.rejected], dtype=np.int64)
        return np.asarray(
            refused | isin(b.astype(np.int64) * width + g.astype(np.int64), rejected), dtype=bool
        )

    def without_rejected(self, pairs: pd.DataFrame, on_amount: bool = True) -> pd.DataFrame:
        """`pairs` (b, l) but those `refused`."""
        if pairs.empty or (not self.rejected and not on_amount):
            return pairs
        b = pairs["b"].to_numpy(dtype=np.int64)
        return pairs[~self.refused(b, pairs["l"].to_numpy(dtype=np.int64), on_amount)]

    def open_pairs(self, pairs: pd.DataFrame) -> pd.DataFrame:
        b = pairs["b"].to_numpy(dtype=np.int64)
        g = pairs["l"].to_numpy(dtype=np.int64)
        chosen: pd.DataFrame = pairs.loc[self.bank_open[b] & self.ledger_open[g]]
        return chosen

    def amount_pairs(
        self,
        bank_mask: np.ndarray | None = None,
        ledger_mask: np.ndarray | None = None,
        window: Window | None = None,
        on_amount: bool = True,
    ) -> pd.DataFrame:
        """Open bank and ledger lines of the same amount within the window (the run's, unless
        another is given): columns b, l, d (bank day − books day); see `band_join`; but those
        `refused` (`on_amount`: also those of two instruments)."""
        bank_mask = self.bank_open if bank_mask is None else bank_mask & self.bank_open
        ledger_mask = self.ledger_open if ledger_mask is None else ledger_mask & self.ledger_open
        b, g = np.flatnonzero(bank_mask), np.flatnonzero(ledger_mask)
        bank_day = self.bank.lines["day"].to_numpy()[b]
        ledger_day = self.ledger.lines["day"].to_numpy()[g]
        left, right = band_join(
            self.bank.lines["signed"].to_numpy()[b],
            bank_day,
            self.ledger.lines["signed"].to_numpy()[g],
            ledger_day,
            window or self.window,
        )
        pairs = pd.DataFrame({"b": b[left], "l": g[right], "d": bank_day[left] - ledger_day[right]})
        return self.without_rejected(pairs, on_amount)

    def frame(self) -> pd.DataFrame:
        taken = list(self.taken)
        if self.groups:
            taken.append(
                pd.DataFrame(
                    {
                        "match": [n for n, rows, *_ in self.groups for _ in rows],
                        "bank": [b for _, rows, *_ in self.groups for b, _ in rows],
                        "ledger": [g for _, rows, *_ in self.groups for _, g in rows],
                        "rule": [r for _, rows, r, *_ in self.groups for _ in rows],
                        "score": [c for _, rows, _, _, c in self.groups for _ in rows],
                        "why": [w for _, rows, _, w, _ in self.groups for _ in rows],
                    }
                )
            )
        if not taken:
            return pd.DataFrame(columns=list(MATCH_COLUMNS))
        return pd.concat(taken, ignore_index=True).sort_values("match", kind="stable")


def _reference_sets(run: _Matching, shared: pd.DataFrame) -> None:
    """A reference that one open line carries and two or more open lines of the other side
    carry too, whose amounts add up to its to the paisa: one NEFT whose UTR the books wrote on
    each invoice it paid, a GST challan whose CPIN is on its CGST and its SGST line. Taken as
    one match, however many lines, where no line of the set is in another such set. `shared` is
    every (b, l, token) a bank and a ledger line have in common."""
    if shared.empty:
        return
    shared = run.open_pairs(run.without_rejected(shared, on_amount=False))
    shared = shared.drop_duplicates(["b", "l"])
    bank_signed = run.bank.lines["signed"].to_numpy(dtype=np.int64)
    ledger_signed = run.ledger.lines["signed"].to_numpy(dtype=np.int64)
    for one_is_bank in (True, False):
        one, other = ("b", "l") if one_is_bank else ("l", "b")
        one_signed, other_signed = (
            (bank_signed, ledger_signed) if one_is_bank else (ledger_signed, bank_signed)
        )
        pairs = shared[
            run.bank_open[shared["b"].to_numpy(dtype=np.int64)]
            & run.ledger_open[shared["l"].to_numpy(dtype=np.int64)]
        ]
        target = pairs[one].to_numpy(dtype=np.int64)
        part = pairs[other].to_numpy(dtype=np.int64)
        same_way = ((one_signed[target] > 0) == (other_signed[part] > 0)) & (
            other_signed[part] != 0
        )
        smaller = np.abs(other_signed[part]) < np.abs(one_signed[target])
        pairs = pairs[same_way & smaller]
        if pairs.empty:
            continue
        amount = pd.Series(other_signed[pairs[other].to_numpy(dtype=np.int64)], index=pairs.index)
        sets = amount.groupby(pairs[one].to_numpy(dtype=np.int64), sort=True).agg(["size", "sum"])
        sets.columns = ["parts", "total"]
        whole = sets[(sets["parts"] >= MIN_PARTS) & (sets["total"] == one_signed[sets.index])]
        if whole.empty:
            continue
        chosen = pairs[pairs[one].isin(whole.index)]
        # a line of two sets belongs to neither
        alone = chosen.groupby(other)[one].transform("nunique") == 1
        spoilt = chosen.loc[~alone.to_numpy(dtype=bool), one].unique()
        chosen = chosen[~chosen[one].isin(spoilt)]
        for target_line, rows in chosen.groupby(one, sort=True):
            parts = rows[other].to_numpy(dtype=np.int64).tolist()
            token = str(rows["token"].iloc[0])
            bank, ledger = (
                ([int(target_line)], parts) if one_is_bank else (parts, [int(target_line)])
            )
            run.take_group(
                bank,
                ledger,
                "Reference",
                f"reference {token} on this line and on {len(parts)} "
                f"{'ledger' if one_is_bank else 'bank'} lines that add up to it to the paisa",
                100,
            )


def _unique_both_ways(pairs: pd.DataFrame) -> pd.DataFrame:
    """The pairs whose bank line has no other candidate and whose ledger line has no other."""
    once_b = pairs.groupby("b")["l"].transform("size") == 1
    once_l = pairs.groupby("l")["b"].transform("size") == 1
    return pairs[once_b & once_l]


def match_lines(
    bank: Side,
    ledger: Side,
    window: Window = DEFAULT_WINDOW,
    decisions: Decisions = NO_DECISIONS,
) -> tuple[pd.DataFrame, pd.DataFrame]:
    """The matches (one row per linked pair: match, bank, ledger, rule, score, why; a
    combination's rows share its match number) and the suggestions (bank, ledger, kind, why)."""
    run = _Matching(bank, ledger, window, decisions.rejected)
    bank_signed = bank.lines["signed"].to_numpy()
    ledger_signed = ledger.lines["signed"].to_numpy()
    bank_day = bank.lines["day"].to_numpy()
    ledger_day = ledger.lines["day"].to_numpy()

    for b, g in decisions.confirmed:
        if (
            run.bank_open[b]
            and run.ledger_open[g]
            and (bank_signed[b] > 0) == (ledger_signed[g] > 0)
        ):
            gap = int(ledger_signed[g] - bank_signed[b])
            why = "confirmed by the user" + (
                f"; {format_inr(from_paise(gap))} to book (the BRS lists it)" if gap else ""
            )
            run.take(pd.DataFrame({"b": [b], "l": [g]}), "Confirmed", 100, why)

    # 1. references
    # shown as the bank wrote it (cheque 000123, not 123)
    every_shared = bank.tokens.assign(shown=shown(bank.tokens))[["position", "token", "shown"]]
    every_shared = every_shared.merge(
        ledger.tokens[["position", "token"]], on="token", suffixes=("_b", "_l")
    )
    every_shared = every_shared.rename(columns={"position_b": "b", "position_l": "l"})
    every_shared = every_shared.assign(token=every_shared.pop("shown"))
    shared = every_shared[
        bank_signed[every_shared["b"].to_numpy(dtype=np.int64)]
        == ledger_signed[every_shared["l"].to_numpy(dtype=np.int64)]
    ]
    shared = run.open_pairs(run.without_rejected(shared, on_amount=False))
    if len(shared):
        shared = shared.sort_values(["b", "l", "token"], kind="stable").reset_index(drop=True)
        # a pair sharing several references names them all (joined only where there are several)
        pair = shared["b"].to_numpy(dtype=np.int64) * (len(ledger) + 1) + shared["l"].to_numpy()
        again = np.r_[False, pair[1:] == pair[:-1]]
        tokens = shared[~again].reset_index(drop=True)
        if again.any():
            several = shared[isin(pair, pair[again])]
            joined = several.groupby(["b", "l"], sort=False)["token"].agg(", ".join)
            at = tokens.set_index(["b", "l"]).index.get_indexer(joined.index)
            tokens.loc[at, "token"] = joined.to_numpy()
        chosen = _unique_both_ways(tokens)
        days = bank_day[chosen["b"]] - ledger_day[chosen["l"]]
        reasons = (
            "reference "
            + chosen["token"].reset_index(drop=True)
            + " on both sides; same amount; "
            + _signed_days(days)
            + " days"
        )
        run.take(chosen, "Reference", 100, reasons.to_numpy())
    _reference_sets(run, every_shared)

    # 2. amount and date: rules the user taught first, then every line
    bank_text = bank.lines["text"].fillna("").astype(str)
    for rule in decisions.rules:
        says = bank_text.str.contains(rule.pattern, case=False, regex=False).to_numpy(dtype=bool)
        theirs = (ledger.lines["party"] == bank_party_key(rule.party)).to_numpy(dtype=bool)
        chosen = _unique_both_ways(run.amount_pairs(says, theirs))
        reasons = (
            f"rule: narrations with '{rule.pattern}' are {rule.party}; same amount; "
            + _signed_days(chosen["d"].to_numpy())
            + " days"
        )
        run.take(chosen, "Rule", 95, reasons.to_numpy())
    # the days whose cash deposited and cash booked agree, before any deposit is paired on its
    # amount with one Contra of the day that another set of the day's deposits makes up as well
    _cash_days(run)
    _amount_and_date(run, lone_pairs=False, abstain=False)
    for _ in range(PAYER_ROUNDS):  # what the sure pairs taught, tried on what is left
        learnt = _learn_payers(run)
        if not _upi_owners(run) and not len(learnt):
            break
        _amount_and_date(run, lone_pairs=False, abstain=False)
    _repeats(run)
    _copied_narrations(run)
    _identical_lines(run)
    late = _late_cheques(run)

    # 3. combinations, both ways, over what is left
    undecided = _combinations(run)
    # then the pairs whose names differ but that have no one else, and what they teach
    abstained = _amount_and_date(run)
    learnt = _learn_payers(run)
    if (_upi_owners(run) or len(learnt)) and run.names is not None:
        _amount_and_date(run, lone_pairs=False, abstain=False)
        _repeats(run)
        # combinations again: the payers' lines, and sets the pairs taken since have settled
        undecided = pd.concat([undecided, _combinations(run)], ignore_index=True)
        abstained = _amount_and_date(run)

    freed = _sets_taken_back(run, bank_target=True)
    if _sets_taken_back(run, bank_target=False) or freed:
        # the lines the sets freed pair by amount and date as any other (names never differing)
        _amount_and_date(run, lone_pairs=False, abstain=False)
    _lone_cheques(run)
    splits = _splits(run)
    _batches(run)
    slips = _slips(run)
    _in_date_order(run, by_bank_name=False)
    _in_date_order(run, by_bank_name=True)
    day_sets = _day_sets(run)
    _day_runs(run)
    _payers_day_sets(run)
    _own_parts_and_a_strangers(run)
    parts = _parts_of_one_payer(run)
    _late_bookings(run)
    _making_way(run)
    _tds_short_receipts(run)
    torn = _torn_between_parties(run)
    held = pd.concat(
        [
            abstained,
            late,
            undecided,
            splits,
            slips,
            _other_instruments(run),
            torn,
            day_sets,
            parts,
            _far_apart(run),
        ],
        ignore_index=True,
    )
    suggestions = held[
        run.bank_open[held["b"].to_numpy(dtype=np.int64)]
        & run.ledger_open[held["l"].to_numpy(dtype=np.int64)]
    ]
    near = near_misses(bank, ledger, run.bank_open, run.ledger_open, window)
    suggestions = pd.concat([suggestions, near], ignore_index=True)
    suggestions = _in_statement_order(suggestions.drop_duplicates(["b", "l"])).rename(
        columns={"b": "bank", "l": "ledger"}
    )
    # line numbers stay whole numbers where a pass found none of its kind (an empty frame's
    # columns are objects, and concat makes floats of them)
    suggestions = suggestions.astype({"bank": np.int64, "ledger": np.int64})
    return run.frame(), suggestions[list(SUGGESTION_COLUMNS)].reset_index(drop=True)


def _in_statement_order(suggestions: pd.DataFrame) -> pd.DataFrame:
    """The suggestions in the order of their bank lines, as a user goes down the statement:
    each bank line's choices together, of every kind, in the order the passes found them;
    the bank lines of a set that adds up to one ledger line (`Several sets add up`) together
    at the first of them."""
    b = suggestions["b"].to_numpy(dtype=np.int64)
    key = b.copy()
    sets = (suggestions["kind"] == SEVERAL_SETS).to_numpy(dtype=bool)
    if sets.any():
        of_sets = suggestions[sets]
        key[sets] = of_sets.groupby("l")["b"].transform("min").to_numpy(dtype=np.int64)
    return suggestions.iloc[np.argsort(key, kind="stable")]


@dataclass(frozen=True)
class _Names:
    """Names as the amount-and-date pass pairs them, worked out once per run: each line's key
    words (see `parties.key_words`), each line's party numbered among its side's distinct
    names, and their likeness, scored once per distinct pair of names."""

    bank_words: tuple[np.ndarray, np.ndarray]
    ledger_words: tuple[np.ndarray, np.ndarray]
    bank: np.ndarray
    ledger: np.ndarray
    likeness: Likeness
    payers: pd.DataFrame = field(default_factory=lambda: pd.DataFrame(columns=PAYER_COLUMNS))
    """Bank names learnt as payers of a ledger party (see `xlbo.bank.payers`)."""
    payer_keys: np.ndarray = field(default_factory=lambda: np.zeros(0, dtype=np.int64))
    """The same as sorted (bank name code, ledger name code) keys."""
    cache: dict[str, Any] = field(default_factory=dict)
    """What is worked out once a run (`combinable`)."""
    habit_keys: np.ndarray = field(default_factory=lambda: np.zeros(0, dtype=np.int64))
    """(bank name code, ledger name code) keys, sorted, of the party each bank name's taken
    pairs point to (`xlbo.bank.payers.habits`): of two parties equally alike and equally near,
    the one its earlier lines paid."""
    upi_ids: np.ndarray = field(default_factory=lambda: np.zeros(0, dtype=np.int64))
    """Each bank line's UPI ID (the handle and its `@` part, digits and all) numbered, or for a
    line that shows none its name as the bank writes it (folded); -1 for a line of neither."""
    named_ids: np.ndarray = field(default_factory=lambda: np.zeros(0, dtype=bool))
    """Which of those are a name, not a UPI ID (one name may be two namesakes')."""
    accounts: np.ndarray = field(default_factory=lambda: np.zeros(0, dtype=np.int64))
    """Each ledger line's account numbered as the books write it (`Ashok Joshi (Aurangabad)`
    and `Ashok Joshi` are two accounts, of one folded name)."""
    owners: np.ndarray = field(default_factory=lambda: np.zeros(0, dtype=np.int64))
    """Each UPI ID's account (-1: not known): learnt from the month's sure pairs (`_upi_owners`)."""
    account_names: np.ndarray = field(default_factory=lambda: np.zeros(0, dtype=np.int64))
    """Each account's name as `ledger` numbers it."""
    owned: np.ndarray = field(default_factory=lambda: np.zeros((2, 1), dtype=bool))
    """Which accounts some ID pays (row 0) and some name standing in for an ID pays (row 1),
    from `owners` (`with_owners`); the last place stands for no account (-1)."""

    @classmethod
    def of(cls, bank: Side, ledger: Side) -> _Names:
        pos_b, word_b, pos_g, word_g = key_words(
            bank.lines["party"], ledger.lines["party"], KEY_WORDS
        )
        bank_codes, bank_names = pd.factorize(bank.lines["party"].fillna("").astype(str))
        ledger_codes, ledger_names = pd.factorize(ledger.lines["party"].fillna("").astype(str))
        # the names read from a UPI handle as the payer typed it (on any line they name)
        typed = np.zeros(len(bank_names), dtype=bool)
        if "handle" in bank.lines:
            named = bank_codes >= 0
            typed[bank_codes[named & bank.lines["handle"].to_numpy(dtype=bool)]] = True
        scores = Likeness(np.asarray(bank_names, object), np.asarray(ledger_names, object), typed)
        upi_ids, named_ids = _payer_ids(bank)
        accounts, account_names = _named_accounts(ledger.lines["text"], ledger_codes, ledger_names)
        names = cls(
            (pos_b, word_b),
            (pos_g, word_g),
            bank_codes,
            ledger_codes,
            scores,
            upi_ids=upi_ids,
            named_ids=named_ids,
            accounts=accounts,
            account_names=account_names,
        )
        # the lines' own key words (known payers' lines gain their party's later), kept for
        # `name_words`: references, no work
        names.cache["own words"] = (pos_b, word_b, pos_g, word_g)
        return names

    def name_words(self) -> tuple[pd.DataFrame, pd.DataFrame]:
        """(name, word) of each bank name's own key words and (party, word) of each ledger
        party's, as numbers: worked out when first asked for (`_parties_named`), once a run."""
        if "name words" not in self.cache:
            pos_b, word_b, pos_g, word_g = self.cache["own words"]
            self.cache["name words"] = (
                _words_of_names(self.bank, pos_b, word_b, "name"),
                _words_of_names(self.ledger, pos_g, word_g, "party"),
            )
        words: tuple[pd.DataFrame, pd.DataFrame] = self.cache["name words"]
        return words

    def _key(self, bank_code: np.ndarray, ledger_code: np.ndarray) -> np.ndarray:
        width = len(self.likeness.right) + 1
        return np.asarray(bank_code.astype(np.int64) * width + ledger_code, dtype=np.int64)

    def codes(self, bank_names: Any, ledger_names: Any) -> tuple[np.ndarray, np.ndarray]:
        """The numbers of names of each side among this run's distinct names (-1: not there)."""
        left, right = self.likeness.places()
        return (left.get_indexer(pd.Index(bank_names)), right.get_indexer(pd.Index(ledger_names)))

    def with_payers(self, payers: pd.DataFrame) -> _Names:
        """These names, where each known payer's lines also carry its party's key words (so
        they meet that party's lines of the same amount) and count as fully alike to them."""
        bank_code, ledger_code = self.codes(payers["bank"], payers["ledger"])
        known = (bank_code >= 0) & (ledger_code >= 0)
        bank_code, ledger_code = bank_code[known], ledger_code[known]
        party_words = self.name_words()[1].rename(columns={"party": "ledger"})
        lines = pd.DataFrame({"position": np.arange(len(self.bank)), "bank": self.bank})
        extra = (
            pd.DataFrame({"bank": bank_code, "ledger": ledger_code})
            .merge(party_words, on="ledger")
            .merge(lines, on="bank")
        )
        pos_b, word_b = self.bank_words
        return replace(
            self,
            bank_words=(
                np.concatenate([pos_b, extra["position"].to_numpy(dtype=np.int64)]),
                np.concatenate([word_b, extra["word"].to_numpy(dtype=np.int64)]),
            ),
            payers=payers,
            payer_keys=np.sort(self._key(bank_code, ledger_code)),
        )

    def with_habits(self, learnt: pd.DataFrame) -> _Names:
        """These names with each bank name's habitual party (`habits`, names as their numbers)."""
        keys = self._key(
            learnt["bank"].to_numpy(dtype=np.int64), learnt["ledger"].to_numpy(dtype=np.int64)
        )
        return replace(self, habit_keys=np.sort(keys))

    def habits_among(self, bank_code: np.ndarray, ledger_code: np.ndarray) -> np.ndarray:
        """Whether each (bank name code, ledger name code) is a bank name and its habitual
        party."""
        if not len(self.habit_keys):
            return np.zeros(len(bank_code), dtype=bool)
        return isin(
            self._key(bank_code.astype(np.int64), ledger_code.astype(np.int64)), self.habit_keys
        )

    def habitual(self, b: np.ndarray, g: np.ndarray) -> np.ndarray:
        """Whether ledger line `g`'s party is the one bank line `b`'s name habitually pays."""
        return self.habits_among(self.bank[b], self.ledger[g])

    def combinable(self, bank_open: np.ndarray, ledger_open: np.ndarray) -> pd.DataFrame:
        """(bank, ledger, alike): the pairs of names alike enough to make up a combination (at
        least COMBINATION_ALIKE), worked out once a run for the names of the lines open then
        (later calls see fewer lines), and the known payers (PAYER_ALIKE)."""
        if "alike" not in self.cache:
            bank_names = np.asarray(self.likeness.left, dtype=object)
            ledger_names = np.asarray(self.likeness.right, dtype=object)
            self.cache["alike"] = alike_names(
                bank_names[np.unique(self.bank[bank_open])],
                ledger_names[np.unique(self.ledger[ledger_open])],
                COMBINATION_ALIKE,
                self.likeness,
            ).rename(columns={"left": "bank", "right": "ledger"})
        alike: pd.DataFrame = self.cache["alike"]
        if not len(self.payers):
            return alike
        known = self.payers[["bank", "ledger"]].assign(alike=PAYER_ALIKE)
        return (
            pd.concat([known, alike], ignore_index=True)
            .drop_duplicates(["bank", "ledger"])
            .reset_index(drop=True)
        )

    def known_payer(self, b: np.ndarray, g: np.ndarray) -> np.ndarray:
        """Whether bank line `b`'s name is a known payer of ledger line `g`'s party."""
        if not len(self.payer_keys):
            return np.zeros(len(b), dtype=bool)
        return isin(self._key(self.bank[b], self.ledger[g]), self.payer_keys)

    def raw(self, b: np.ndarray, g: np.ndarray) -> np.ndarray:
        """How alike the names of bank lines `b` and ledger lines `g` are as written."""
        return self.likeness.of(self.bank[b], self.ledger[g])

    def alike(self, b: np.ndarray, g: np.ndarray) -> np.ndarray:
        """How alike the names of bank lines `b` and ledger lines `g` are, pair by pair
        (PAYER_ALIKE for a known payer); 0 where they are less than NAMES_DIFFER_BELOW alike
        (they count as no name in common)."""
        score = self.raw(b, g)
        score = np.where(self.known_payer(b, g), np.maximum(score, PAYER_ALIKE), score)
        if self.owners.max(initial=-1) >= 0:
            # a UPI ID is one payer's: the account it is known to pay is its line's party (a
            # name standing in for an ID says only whose namesake's it is not: its habit,
            # `habitual`, weighs no more than a better-named party's line), and an account
            # another ID pays, that its name fits little better, is a namesake's
            owner = self.owner_of(b)
            by_id = (self.upi_ids[b] >= 0) & ~self.by_name(b)
            mine = by_id & (owner >= 0) & (owner == self.accounts[g])
            score = np.where(mine, np.maximum(score, PAYER_ALIKE), score)
            score = np.where(self.namesakes(b, g), 0, score)
        return np.where(score >= NAMES_DIFFER_BELOW, score, 0).astype(np.int64)

    def namesakes(self, b: np.ndarray, g: np.ndarray) -> np.ndarray:
        """Whether bank line `b`'s UPI ID is known to pay another account than ledger line
        `g`'s, `g`'s account is known to be paid by another ID (by another name the bank writes
        otherwise, where the line's ID is its name), and the line's name fits `g`'s not
        NAMESAKE_MARGIN better than its own account's: `Rajesh Reddy (Surat)` beside `Rajesh
        Reddy (Thane)`, `Khan Pooja (Pune)` beside `Pooja Khan`, `Banerjee Deepak` beside
        `Deepak N. Banerjee`. An account no ID is known to pay (a proprietor's loan account),
        or one the name fits far better (his own, where the ID pays his firm), is no
        namesake's."""
        found = np.zeros(len(b), dtype=bool)
        if self.owners.max(initial=-1) < 0:
            return found
        owner = self.owner_of(b)
        account = self.accounts[g]
        # a name may be two namesakes' (the bank writes both THOMAS REDDY): a name's account
        # makes a namesake only of an account another name the bank writes otherwise pays
        ask = np.flatnonzero(
            (owner >= 0)
            & (owner != account)
            & self.owned[self.by_name(b).astype(np.int64), account]
        )
        if len(ask):
            names = self.bank[b[ask]]
            found[ask] = self.likeness.of(names, self.ledger[g[ask]]) < NAMESAKE_MARGIN + (
                self.likeness.of(names, self.account_names[owner[ask]])
            )
        return found

    def with_owners(self, owners: np.ndarray) -> _Names:
        """These names with each UPI ID's account (`owners`, -1: none known) and the accounts
        they make owned (`owned`)."""
        # accounts some ID pays, and those some name the bank writes one way pays (the last
        # place stands for no account, -1)
        owned = np.zeros((2, len(self.account_names) + 1), dtype=bool)
        known = owners >= 0
        owned[0, owners[known]] = True
        owned[1, owners[known & self.named_ids[: len(owners)]]] = True
        return replace(self, owners=owners, owned=owned)

    def by_name(self, b: np.ndarray) -> np.ndarray:
        """Whether each bank line's ID is a name standing in for a UPI ID (`named_ids`)."""
        upi = self.upi_ids[b]
        return np.asarray((upi >= 0) & self.named_ids[np.maximum(upi, 0)], dtype=bool)

    def owner_of(self, b: np.ndarray) -> np.ndarray:
        """The account each bank line's UPI ID is known to pay (-1: none known)."""
        if self.owners.max(initial=-1) < 0:
            return np.full(len(b), -1, dtype=np.int64)
        upi = self.upi_ids[b]
        return np.where(upi >= 0, self.owners[np.maximum(upi, 0)], -1).astype(np.int64)


def _words_of_names(
    codes: np.ndarray, positions: np.ndarray, words: np.ndarray, column: str
) -> pd.DataFrame:
    """(`column`: name code, word) of each name's key words, for lines of names `codes` whose
    key words are (`positions`, `words`): the rows, order and index that `drop_duplicates` of
    every line's rows gives, read off each name's first line alone (`key_words` gives every line
    of a name that name's words, in one order, lines in order): a million lines' rows took a
    second to deduplicate."""
    line_of = codes[positions]
    opening = ~pd.Series(line_of).duplicated().to_numpy(dtype=bool)  # a name's first row
    first_line = np.full(int(codes.max(initial=-1)) + 2, -1, dtype=np.int64)
    first_line[line_of[opening]] = positions[opening]
    first = np.flatnonzero(first_line[line_of] == positions)
    return pd.DataFrame({column: line_of[first], "word": words[first]}, index=first)


def _upi_ids(narrations: pd.Series) -> np.ndarray:
    """Each narration's UPI ID (`ashokjosh20` of `…/ashokjosh20@/…`, `7301345086` of
    `…-7301345086@axl-…`: what comes before the `@`, in small letters) numbered; -1 where the
    narration shows none."""
    ids = np.full(len(narrations), -1, dtype=np.int64)
    texts = strings(narrations.fillna("").astype(str))
    at = np.flatnonzero(contains(texts, f"@|{_UPI_ID_CUT}"))
    if not len(at):
        return ids
    found = extract(texts.iloc[at], _UPI_ID)
    cut = np.flatnonzero((found == "").to_numpy(dtype=bool))
    if len(cut):
        found.iloc[cut] = extract(texts.iloc[at[cut]], _UPI_ID_CUT).to_numpy()
    codes, _ = pd.factorize(found.str.lower().replace("", None))
    ids[at] = codes
    return ids


_UPI_ID = r"(?P<found>[A-Za-z0-9][A-Za-z0-9._]{3,}@[A-Za-z]*)(?:[^.A-Za-z]|$)"
"""A UPI ID as the narration shows it, its app's part after the `@` as far as it goes
(`rajeshredd76@okaxis` and `rajeshredd76@ybl` are two IDs); an e-mail address (`accounts@
sharmatraders.in`: a dot after the `@` part) is none."""

_UPI_ID_CUT = r"(?:^|[-/*:])(?P<found>[a-z][a-z._]{4,}[0-9]{1,4})(?:[-/*:]|$)"
"""A UPI ID the narration cut at its `@` (SBI keeps twelve characters: `…/CNRB/rajeshredd76/P`):
a piece of small letters ending in a few digits, as the payer typed it."""


def _payer_ids(bank: Side) -> tuple[np.ndarray, np.ndarray]:
    """Each bank line's payer as the statement shows it, numbered (`_Names.upi_ids`; -1: none),
    and which of those are a name standing in for a UPI ID (`_Names.named_ids`)."""
    upi_ids = _upi_ids(bank.lines["text"])
    # a line that shows no UPI ID is known by its name as the bank writes it (ICICI shows a
    # payer's name on some lines and the ID on others): two namesakes the bank writes alike
    # are one such ID, which is then no one's (see `_upi_owners`)
    named_ids = np.zeros(int(upi_ids.max(initial=-1)) + 1, dtype=bool)
    party = bank.lines["party"].fillna("").astype(str).to_numpy(dtype=object)
    alone = np.flatnonzero((upi_ids < 0) & (party != ""))
    codes, _ = pd.factorize(party[alone])
    upi_ids[alone] = len(named_ids) + codes
    named_ids = np.r_[named_ids, np.ones(int(codes.max(initial=-1)) + 1, dtype=bool)]
    # … each way apart: HIND INDUSTRIES LLP's receipts and our payments to M/s Hind Industries
    # (one folded name) are two relations, as a payer's ID and a refund to it are
    into = (bank.lines["signed"].to_numpy(dtype=np.int64) > 0).astype(np.int64)
    return np.where(upi_ids >= 0, 2 * upi_ids + into, -1), np.repeat(named_ids, 2)


def _named_accounts(
    particulars: pd.Series, ledger_codes: np.ndarray, ledger_names: pd.Index
) -> tuple[np.ndarray, np.ndarray]:
    """Each ledger line's account numbered (`_accounts`; -1 for an account that names no one,
    Suspense, or several, `(as per details)`, whose narrations name the party), and each
    account's name as `ledger_codes` number them (`_Names.account_names`)."""
    accounts = _accounts(particulars)
    # each (account, name) once, as one number: the accounts of more than one name
    width = np.int64(int(ledger_codes.max(initial=-1)) + 1)
    relations = pd.unique(accounts * width + ledger_codes.astype(np.int64))
    several = np.flatnonzero(np.bincount(relations // width) > 1)
    accounts[isin(accounts, several)] = -1
    if "" in ledger_names:
        accounts[ledger_codes == ledger_names.get_loc("")] = -1
    account_names = np.full(int(accounts.max(initial=-1)) + 1, -1, dtype=np.int64)
    account_names[accounts[accounts >= 0]] = ledger_codes[accounts >= 0]
    return accounts, account_names


def _accounts(particulars: pd.Series) -> np.ndarray:
    """Each ledger line's account numbered as the books write it, but for case, spaces and
    `To`/`By` (Tally writes `To Ashok Joshi (Aurangabad)` for a receipt). Each distinct text
    is folded once (a million lines name a few thousand accounts); numbered in the order the
    lines first show them, as when every line's text is folded."""
    written, distinct = pd.factorize(particulars.fillna("").astype(str))
    texts = strings(pd.Series(distinct, dtype=object)).str.lower().str.strip()
    texts = replace_text(replace_text(texts, r"^(to|by)\s+", ""), r"\s+", " ")
    codes, _ = pd.factorize(texts)
    return np.asarray(codes, dtype=np.int64)[written]


_ON_AMOUNT = ("Amount and date", "Repeated amount")
"""The rules of 1:1 pairs taken on their amount and date alone (whatever names say)."""

_EVIDENCE = {
    "Confirmed": REFERENCE_EVIDENCE,
    "Reference": REFERENCE_EVIDENCE,
    "Rule": REFERENCE_EVIDENCE,
    "Amount and date": AMOUNT_EVIDENCE,
    "Repeated amount": AMOUNT_EVIDENCE,
}


def _evidence(rules: pd.Series) -> np.ndarray:
    """Each pair's evidence (`_EVIDENCE`, 0 for other rules) by its rule, looked up once per
    distinct rule: a million pairs have a dozen rules, and `Series.map` over their texts took
    ten times as long."""
    codes, distinct = pd.factorize(rules)
    found = np.array([_EVIDENCE.get(rule, 0) for rule in distinct] + [0], dtype=np.int64)
    return found[codes]  # a missing rule (code -1) reads the last: 0


def _learn_payers(run: _Matching) -> pd.DataFrame:
    """Learn known payers and each bank name's habitual party from the pairs taken so far (see
    `xlbo.bank.payers`); returns those the run's names gained (bank, ledger, evidence)."""
    none = pd.DataFrame(columns=PAYER_COLUMNS)
    if run.names is None or not run.taken:
        return none
    taken = pd.concat([t[["bank", "ledger", "rule"]] for t in run.taken], ignore_index=True)
    evidence = _evidence(taken["rule"])
    b = taken["bank"].to_numpy(dtype=np.int64)
    g = taken["ledger"].to_numpy(dtype=np.int64)
    names = run.names
    left = np.asarray(names.likeness.left, dtype=object)
    right = np.asarray(names.likeness.right, dtype=object)
    bank_name, ledger_name = names.bank[b], names.ledger[g]
    # the names as their numbers (grouped far faster than as text); blank names teach nothing
    useful = (
        (evidence > 0)
        & ~isin(bank_name, np.flatnonzero(left == ""))
        & ~isin(ledger_name, np.flatnonzero(right == ""))
    )
    usual = habits(bank_name[useful], ledger_name[useful], evidence[useful])
    habit_keys = names._key(
        usual["bank"].to_numpy(dtype=np.int64), usual["ledger"].to_numpy(dtype=np.int64)
    )
    new_habits = usual[~isin(habit_keys, names.habit_keys)]
    names = names.with_habits(usual)
    run.names = names
    learnt = known_payers(
        bank_name[useful], ledger_name[useful], evidence[useful], names.raw(b[useful], g[useful])
    )
    learnt["bank"] = left[learnt["bank"].to_numpy(dtype=np.int64)]
    learnt["ledger"] = right[learnt["ledger"].to_numpy(dtype=np.int64)]
    learnt = pd.concat([learnt, cut_otherwise(learnt, left)], ignore_index=True)
    before = set(zip(names.payers["bank"], names.payers["ledger"], strict=True))
    new = learnt[
        [pair not in before for pair in zip(learnt["bank"], learnt["ledger"], strict=True)]
    ]
    if len(new):
        run.names = names.with_payers(learnt)
    # what the names gained: payers and habits alike (a habit changes only which of two
    # equally fit candidates a line prefers)
    gained = new_habits.assign(
        bank=left[new_habits["bank"].to_numpy(dtype=np.int64)],
        ledger=right[new_habits["ledger"].to_numpy(dtype=np.int64)],
    )
    return pd.concat([new, gained], ignore_index=True)[PAYER_COLUMNS]


def _upi_owners(run: _Matching) -> bool:
    """Learn which account each UPI ID pays from the pairs taken so far: the account most of its
    sure pairs (`_EVIDENCE`) are with, UPI_OWNER_PAIRS or more and more than all the others
    together (for a line's name that stands in for an ID, all of them: two namesakes the bank
    writes alike share it), is the ID's (`_Names.alike` counts it as its party, and the accounts of its
    namesakes, paid from other IDs, as none of its: `_Names.namesakes`). An account that names
    no one (`(as per details)`, Suspense) is no ID's. Then a pair taken on amount and date
    alone with a namesake's line moves to the line of the ID's account in the window:
    `rajeshredd76@` of Rajesh Reddy (Thane) had taken Rajesh Reddy (Surat)'s 4,999.00, a day
    nearer than his own, while Surat's is paid from `rajeshredd89@`. Whether anything was
    learnt or moved."""
    names = run.names
    if names is None or not run.taken or not len(names.upi_ids) or names.upi_ids.max() < 0:
        return False
    taken = pd.concat([t[["bank", "ledger", "rule"]] for t in run.taken], ignore_index=True)
    evidence = _evidence(taken["rule"])
    b = taken["bank"].to_numpy(dtype=np.int64)
    g = taken["ledger"].to_numpy(dtype=np.int64)
    sure = np.flatnonzero((evidence > 0) & (names.upi_ids[b] >= 0) & (names.accounts[g] >= 0))
    b, g = b[sure], g[sure]
    # each ID's account: the one most of its sure pairs are with, more than all the others
    paid = pd.DataFrame({"upi": names.upi_ids[b], "account": names.accounts[g]})
    counts = paid.value_counts().reset_index(name="pairs")  # most first
    counts["all"] = counts.groupby("upi")["pairs"].transform("sum")
    top = counts.drop_duplicates("upi")
    named = names.named_ids[top["upi"].to_numpy(dtype=np.int64)]
    known = top[
        (top["pairs"] >= UPI_OWNER_PAIRS)
        & (2 * top["pairs"] > top["all"])
        & (~named | (top["pairs"] == top["all"]).to_numpy(dtype=bool))
    ]
    owners = np.full(int(names.upi_ids.max()) + 1, -1, dtype=np.int64)
    owners[known["upi"].to_numpy(dtype=np.int64)] = known["account"].to_numpy(dtype=np.int64)
    if owners.max(initial=-1) < 0 or np.array_equal(owners, names.owners):
        return False
    names = names.with_owners(owners)
    run.names = names
    # the pairs taken on amount alone with another account than their ID's
    taken_b, taken_g = _on_amount_pairs(run)
    astray = names.namesakes(taken_b, taken_g)
    owner = names.owner_of(taken_b)
    taken_b, taken_g, owner = taken_b[astray], taken_g[astray], owner[astray]
    if not len(taken_b):
        return True
    # their account's lines of the amount in the window: open, or taken by another such pair
    # (two namesakes' lines of one day, each taken by the other's)
    pool = np.union1d(np.flatnonzero(run.ledger_open), taken_g)
    signed_b, signed_g = (
        run.bank.lines["signed"].to_numpy(),
        run.ledger.lines["signed"].to_numpy(),
    )
    day_b, day_g = run.bank.lines["day"].to_numpy(), run.ledger.lines["day"].to_numpy()
    left, right = band_join(
        signed_b[taken_b], day_b[taken_b], signed_g[pool], day_g[pool], run.window
    )
    ours = names.accounts[pool[right]] == owner[left]
    left, g = left[ours], pool[right[ours]]
    keep = ~run.refused(taken_b[left], g)
    left, g = left[keep], g[keep]
    if not len(left):
        return True
    days = day_b[taken_b[left]] - day_g[g]
    # each line its own account's nearest line; a line wanted by two, the nearer's
    order = np.lexsort((np.abs(days), left))
    first = np.r_[True, left[order][1:] != left[order][:-1]]
    chosen = order[first]
    chosen = chosen[np.argsort(np.abs(days[chosen]), kind="stable")]
    _, once = np.unique(g[chosen], return_index=True)
    chosen = chosen[np.sort(once)]
    moved_b, moved_g, days = taken_b[left[chosen]], g[chosen], days[chosen]
    # the pairs the moved lines leave, and those whose ledger line they take, are undone
    undone = np.union1d(taken_g[left[chosen]], moved_g[isin(moved_g, taken_g)])
    _take_back(run, undone.tolist())
    alike = names.alike(moved_b, moved_g)
    run.take(
        pd.DataFrame({"b": moved_b, "l": moved_g}),
        "Amount and date",
        fitness(days, alike),
        (
            "same amount; "
            + _signed_days(days)
            + " days; the payer's UPI ID paid this account's other lines this month, and its "
            "namesake's account is paid from another ID"
        ).to_numpy(),
    )
    return True


def _candidates(
    run: _Matching, amounts: np.ndarray | None = None
) -> tuple[pd.DataFrame, np.ndarray, np.ndarray]:
    """The same-amount pairs of open lines in the window that can decide the amount-and-date
    pass: the pairs whose names share a key word (each line's NAMED_NEAREST nearest in date per
    key word, on each side of its date), and for every line its NEAREST in date on each side
    whatever the names; with how alike their names are; and how many same-amount pairs in the
    window each bank and ledger line has in all. Busy days of one amount stay bounded.

    `amounts` (codes, as `run.amounts`): only the open lines of those amounts. A line's pairs,
    their order among its pairs and its counts are the same as among all open lines: every join
    is of one amount."""
    bank_open, ledger_open = run.bank_open, run.ledger_open
    if amounts is not None:
        of = np.zeros(len(run.amount_lines), dtype=bool)
        of[amounts] = True
        bank_open, ledger_open = bank_open & of[run.amounts[0]], ledger_open & of[run.amounts[1]]
    bank_at, ledger_at = np.flatnonzero(bank_open), np.flatnonzero(ledger_open)
    bank_amount, ledger_amount = run.amounts[0][bank_at], run.amounts[1][ledger_at]
    bank_day = run.bank.lines["day"].to_numpy()[bank_at]
    ledger_day = run.ledger.lines["day"].to_numpy()[ledger_at]
    forth, back = bands(bank_amount, bank_day, ledger_amount, ledger_day, run.window, coded=True)
    near_b, near_g = forth.pairs(NEAREST)
    back_g, back_b = back.pairs(NEAREST)
    # a bank line with NEAREST candidates or fewer has them all among its own pairs already
    again = forth.counts[back_b] <= NEAREST
    back_g, back_b = back_g[~again], back_b[~again]
    if run.names is None:
        run.names = _Names.of(run.bank, run.ledger)
    (word_pos_b, word_b), (word_pos_g, word_g) = run.names.bank_words, run.names.ledger_words
    index_b = np.full(len(run.bank), -1)
    index_b[bank_at] = np.arange(len(bank_at))
    index_g = np.full(len(run.ledger), -1)
    index_g[ledger_at] = np.arange(len(ledger_at))
    rows_b, rows_g = index_b[word_pos_b], index_g[word_pos_g]
    word_b, rows_b = word_b[rows_b >= 0], rows_b[rows_b >= 0]
    word_g, rows_g = word_g[rows_g >= 0], rows_g[rows_g >= 0]
    words = np.int64(max(int(word_b.max(initial=0)), int(word_g.max(initial=0))) + 1)
    key_b = bank_amount[rows_b] * words + word_b
    key_g = ledger_amount[rows_g] * words + word_g
    # per key word, each line's NAMED_NEAREST nearest in date on each side
    named_forth, named_back = bands(
        key_b, bank_day[rows_b], key_g, ledger_day[rows_g], run.window, coded=True
    )
    named_b, named_g = named_forth.pairs(NAMED_NEAREST)
    back_named_g, back_named_b = named_back.pairs(NAMED_NEAREST)
    named = len(named_b) + len(back_named_b)
    b = np.concatenate([rows_b[named_b], rows_b[back_named_b], near_b, back_b])
    g = np.concatenate([rows_g[named_g], rows_g[back_named_g], near_g, back_g])
    key = b.astype(np.int64) * (len(ledger_at) + 1) + g
    # a named pair keeps its first (named) place
    first = np.flatnonzero(~pd.Series(key).duplicated(keep="first").to_numpy(dtype=bool))
    is_named = first < named
    b, g = bank_at[b[first]], ledger_at[g[first]]
    kept = ~run.refused(b, g)  # before the frame is made: at 1M lines, millions of pairs
    b, g, is_named = b[kept], g[kept], is_named[kept]
    alike = np.zeros(len(b), dtype=np.int64)
    alike[is_named] = run.names.alike(b[is_named], g[is_named])
    pairs = pd.DataFrame(
        {
            "b": b,
            "l": g,
            "d": run.bank.lines["day"].to_numpy()[b] - run.ledger.lines["day"].to_numpy()[g],
            "alike": alike,
        }
    )
    count_b = np.zeros(len(run.bank), dtype=np.int64)
    count_b[bank_at] = forth.counts
    count_g = np.zeros(len(run.ledger), dtype=np.int64)
    count_g[ledger_at] = back.counts
    return pairs, count_b, count_g


def _first_counts(run: _Matching) -> tuple[np.ndarray, np.ndarray]:
    """How many same-amount lines of the other side each bank and each ledger line had in the
    window before any line was taken."""
    if run.first_counts is None:
        bank_amount, ledger_amount = run.amounts
        bank_day = run.bank.lines["day"].to_numpy()
        ledger_day = run.ledger.lines["day"].to_numpy()
        forth, back = bands(
            bank_amount, bank_day, ledger_amount, ledger_day, run.window, coded=True
        )
        run.first_counts = (
            np.asarray(forth.counts, dtype=np.int64),
            np.asarray(back.counts, dtype=np.int64),
        )
    return run.first_counts


def _ranks(groups: np.ndarray, fit: np.ndarray) -> np.ndarray:
    """Each pair's place (0 = best) among the pairs of its group (bank or ledger line)."""
    if not len(groups):
        return np.zeros(0, dtype=np.int64)
    low = int(fit.min())
    span = int(fit.max()) - low + 1
    order = np.argsort(groups * span + (span - 1 - (fit - low)), kind="stable")
    ordered = groups[order]
    starts = np.ones(len(order), dtype=bool)
    starts[1:] = ordered[1:] != ordered[:-1]
    index = np.arange(len(order))
    rank = np.empty(len(order), dtype=np.int64)
    rank[order] = index - np.maximum.accumulate(np.where(starts, index, 0))
    return rank


def _best(groups: np.ndarray, fit: np.ndarray, size: int) -> tuple[np.ndarray, np.ndarray]:
    """For each pair: is it its line's best, and how many pairs tie for that line's best."""
    top = np.full(size, np.iinfo(np.int64).min, dtype=np.int64)
    np.maximum.at(top, groups, fit)
    is_top = fit == top[groups]
    ties = np.bincount(groups[is_top], minlength=size)[groups]
    return is_top, ties


def _amount_and_date(run: _Matching, lone_pairs: bool = True, abstain: bool = True) -> pd.DataFrame:
    """Pass 2: take each pair whose lines are each other's one best candidate, again and again
    on what is left; return what it abstained on: tied candidates, and best pairs whose names
    differ where another candidate exists (never matched on amount alone). Two lines whose names
    differ are matched only with `lone_pairs`, and only where neither line had another candidate
    in the window to begin with (before any line was taken) and they are at most UNLIKE_DAYS
    apart: the run takes such pairs last, after the combinations, which may need the lines.

    Where many lines share an amount (plan prices, rent, EMIs) a line can have hundreds of
    same-amount candidates in the window; decisions are made on each line's SHORTLIST best,
    which is exact while a line keeps at least two of its own shortlisted candidates (whatever
    was left out fits no better); a line that runs short has its shortlist drawn again.
    Without `abstain` (a caller that wants only the pairs taken) nothing is returned."""
    nb, ng = len(run.bank), len(run.ledger)
    _only_each_other(run, lone_pairs)
    # a line's decision rests on the open lines of its amount only: after the first round the
    # candidates are drawn again for the amounts of the lines taken in the last (the others'
    # would decide as they did), and once more for all when a round takes none, for the
    # abstentions
    redraw: np.ndarray | None = None
    while True:
        pairs, count_b, count_g = _candidates(run, redraw)
        assert run.names is not None  # _candidates works them out
        party_g = run.names.ledger
        b = pairs["b"].to_numpy(dtype=np.int64)
        g = pairs["l"].to_numpy(dtype=np.int64)
        d = pairs["d"].to_numpy(dtype=np.int64)
        alike = pairs["alike"].to_numpy(dtype=np.int64)
        fit = fitness(d, alike)
        prefer = preference(fit, alike, run.names.habitual(b, g))
        lone_now = (count_b[b] == 1) & (count_g[g] == 1)
        unlike = _names_differ(run, b, g, d, alike, lone_pairs, lone_now)
        live = np.arange(len(b))
        if not len(live) and redraw is not None:  # none of those amounts left: all again
            redraw = None
            continue
        if not len(live):
            return pd.DataFrame(columns=["b", "l", "kind", "why"])
        own_b = _ranks(b[live], prefer[live]) < SHORTLIST
        own_g = _ranks(g[live], prefer[live]) < SHORTLIST
        whole_b = count_b <= SHORTLIST  # every same-amount pair of the line is listed
        whole_g = count_g <= SHORTLIST
        keep = own_b | own_g
        kept, own_b, own_g = live[keep], own_b[keep], own_g[keep]
        progressed = False
        taken: list[np.ndarray] = []
        while len(kept):
            still = run.bank_open[b[kept]] & run.ledger_open[g[kept]]
            kept, own_b, own_g = kept[still], own_b[still], own_g[still]
            kb, kg, kf = b[kept], g[kept], prefer[kept]
            top_b, ties_b = _best(kb, kf, nb)
            top_g, ties_g = _best(kg, kf, ng)
            sure_b = whole_b[kb] | (np.bincount(kb, weights=own_b, minlength=nb)[kb] >= 2)
            sure_g = whole_g[kg] | (np.bincount(kg, weights=own_g, minlength=ng)[kg] >= 2)
            best = top_b & top_g & (ties_b == 1) & (ties_g == 1) & sure_b & sure_g
            # names outweigh dates: where the bank line's name fits another party's line of
            # this amount better, the nearer date does not decide between the parties
            named_better = _other_party_alike(kb, party_g[kg], alike[kept], nb) > alike[kept]
            chosen = kept[best & ~unlike[kept] & ~named_better]
            # a bank line that names no one (CLG CHQ DEP 730819) has only its amount and date to
            # go on: where open lines of two named parties or more fit it, the nearer date is a
            # guess between them (CASH DEPOSIT beside the books' Cash is no guess)
            chosen = chosen[~_guessed(run, b[chosen], g[chosen], party_g)]
            if not lone_pairs and len(chosen):  # asked only of the pairs about to be taken
                held = _left_for_combinations(run, b[chosen], g[chosen], alike[chosen])
                unlike[chosen[held]] = True
                chosen = chosen[~held]
            if not len(chosen):
                break
            progressed = True
            taken.append(run.amounts[0][b[chosen]])
            names = _names_why(run, b[chosen], g[chosen], alike[chosen])
            why = (
                "same amount; "
                + _signed_days(d[chosen])
                + " days; "
                + pd.Series(names, dtype=object)
            )
            run.take(
                pd.DataFrame({"b": b[chosen], "l": g[chosen]}),
                "Amount and date",
                fit[chosen],
                why.to_numpy(),
            )
        if not progressed and (redraw is None or not abstain):
            break
        redraw = np.unique(np.concatenate(taken)) if progressed else None
    if not abstain:
        return pd.DataFrame(columns=["b", "l", "kind", "why"])
    lb, lg, lf = b[live], g[live], prefer[live]
    top_b, ties_b = _best(lb, lf, nb)
    top_g, ties_g = _best(lg, lf, ng)
    doubtful = (top_b & (ties_b > 1)) | (top_g & (ties_g > 1))
    # a few choices per line are enough to show the doubt (200 like cash deposits would
    # otherwise list 40,000 pairs)
    shown = np.flatnonzero(doubtful)
    first_b = _ranks(lb[shown], -shown.astype(np.int64)) < TIED_SHOWN
    first_g = _ranks(lg[shown], -shown.astype(np.int64)) < TIED_SHOWN
    doubtful[shown[~(first_b & first_g)]] = False
    lone_best = top_b & top_g & (ties_b == 1) & (ties_g == 1) & ~doubtful
    other_party = lone_best & unlike[live]
    rival = _other_party_alike(lb, party_g[lg], alike[live], nb)
    torn = lone_best & ~unlike[live] & (rival > alike[live])
    tied = pd.DataFrame(
        {
            "b": lb[doubtful],
            "l": lg[doubtful],
            "kind": "Ambiguous",
            "why": np.where(
                ties_b[doubtful] > 1,
                "two ledger lines fit this bank line equally well; choose one",
                "another bank line fits this ledger line as well; choose one",
            ),
        }
    )
    days = _signed_days(d[live][other_party])
    differ = pd.DataFrame(
        {
            "b": lb[other_party],
            "l": lg[other_party],
            "kind": "Same amount, other party",
            "why": (
                "same amount; "
                + days
                + " days; but the names share nothing and "
                + pd.Series(
                    np.select(
                        [
                            np.abs(d[live][other_party]) > UNLIKE_DAYS,
                            run.returned[lb[other_party]] & ~run.books_return[lg[other_party]],
                        ],
                        [
                            f"they are more than {UNLIKE_DAYS} days apart",
                            "the bank line is a payment returned that the books do not say "
                            "they book",
                        ],
                        "another line of this amount is (or was) in the window",
                    ),
                    dtype=object,
                )
                + ": check the party"
            ).to_numpy(dtype=object),
        }
    )
    # each torn bank line's nearest pair, and its pairs with the party its name fits better
    rival_of = np.zeros(nb, dtype=np.int64)
    rival_of[lb[torn]] = rival[torn]
    fits_better = ~torn & (rival_of[lb] > 0) & (alike[live] == rival_of[lb])
    listed = np.flatnonzero(fits_better)
    fits_better[listed[_ranks(lb[listed], lf[listed]) >= TIED_SHOWN]] = False
    torn_why = pd.DataFrame(
        {
            "b": np.concatenate([lb[torn], lb[fits_better]]),
            "l": np.concatenate([lg[torn], lg[fits_better]]),
            "kind": "Same amount, other party",
            "why": np.concatenate(
                [
                    (
                        "same amount; "
                        + _signed_days(d[live][torn])
                        + " days; names "
                        + pd.Series(alike[live][torn].astype(str), dtype=object)
                        + "% alike, but the bank's name is "
                        + pd.Series(rival[torn].astype(str), dtype=object)
                        + "% alike to another party's line of this amount in the window: choose"
                    ).to_numpy(dtype=object),
                    (
                        "same amount; "
                        + _signed_days(d[live][fits_better])
                        + " days; names "
                        + pd.Series(alike[live][fits_better].astype(str), dtype=object)
                        + "% alike, the best of this amount in the window, but another party's"
                        " line is nearer in date: choose"
                    ).to_numpy(dtype=object),
                ]
            ),
        }
    )
    # each bank line that names no one between two parties' lines (and is not listed as tied
    # already): its likeliest TIED_SHOWN candidates, the likeliest first
    between = np.unique(lb[_guessed(run, lb, lg, party_g)])
    between = between[~isin(between, lb[doubtful])]
    unnamed = np.flatnonzero(isin(lb, between))
    rank = _ranks(lb[unnamed], lf[unnamed])
    shown, rank = unnamed[rank < TIED_SHOWN], rank[rank < TIED_SHOWN]
    unnamed = shown[np.lexsort((rank, lb[shown]))]
    guesses = pd.DataFrame(
        {
            "b": lb[unnamed],
            "l": lg[unnamed],
            "kind": "Ambiguous",
            "why": (
                "same amount; "
                + _signed_days(d[live][unnamed])
                + " days; the bank line names no one and lines of other parties of this "
                "amount fit it too: choose one"
            ).to_numpy(dtype=object),
        }
    )
    return pd.concat([tied, differ, torn_why, guesses], ignore_index=True)


def _names_differ(
    run: _Matching,
    b: np.ndarray,
    g: np.ndarray,
    d: np.ndarray,
    alike: np.ndarray,
    lone_pairs: bool,
    lone_now: np.ndarray | bool = True,
) -> np.ndarray:
    """Pairs never matched on amount and date: two known names that share nothing (less than
    NAMES_DIFFER_BELOW alike), where either line had another candidate to begin with (`_rival`),
    they are more than UNLIKE_DAYS apart or the bank line is a return the book line does not
    say it books (a payment returned from the payee's closed account names the proprietor; the
    books reverse it against the firm, `Being NEFT returned`) — or always, without
    `lone_pairs`. `lone_now`: each pair's lines are each other's only candidate as the lines
    stand now."""
    differ: np.ndarray = run.bank_named[b] & run.ledger_named[g] & (alike < NAMES_DIFFER_BELOW)
    if lone_pairs:
        differ &= (
            _rival(run, b, g, lone_now)
            | ((np.abs(d) > UNLIKE_DAYS) & ~_one_of_a_kind(run, b))
            | (run.returned[b] & ~run.books_return[g])
        )
        taken = np.flatnonzero(
            run.bank_named[b] & run.ledger_named[g] & (alike < NAMES_DIFFER_BELOW) & ~differ
        )
        differ[taken] = _namesake_further(run, b[taken], g[taken])
    return differ


def _kept_from_sets(run: _Matching, alike_pairs: pd.DataFrame) -> np.ndarray:
    """The bank lines of `alike_pairs` (same amount, names COMBINATION_ALIKE alike) that their
    same-amount line keeps from making up a set: all but those whose every such line is less
    than LATE_ALIKE alike and whose name is another party's (`_left_for_combinations`), which
    may be that party's lines added up."""
    b = alike_pairs["b"].to_numpy(dtype=np.int64)
    g = alike_pairs["l"].to_numpy(dtype=np.int64)
    alike = alike_pairs["alike"].to_numpy(dtype=np.int64)
    weak = np.flatnonzero((alike < LATE_ALIKE) & run.bank_named[b])
    spared = np.zeros(len(b), dtype=bool)
    spared[weak] = _another_partys(run, b[weak], g[weak], alike[weak])
    kept = np.unique(b[~spared])
    return np.setdiff1d(np.unique(b), np.setdiff1d(np.unique(b[spared]), kept)) if len(b) else b


def _left_for_combinations(
    run: _Matching, b: np.ndarray, g: np.ndarray, alike: np.ndarray
) -> np.ndarray:
    """Pairs the passes before the combinations leave alone: names alike but not surely one
    party's (below LATE_ALIKE) where the bank's name is another party's (LATE_ALIKE alike, or
    a known payer of it) with an open line in the bank line's window. `nileshagar`, Nilesh
    Agarwal's UPI handle, is 72 alike to Nilesh Mohan Hegde, whose 4,999.00 is of the same
    day; Nilesh Agarwal's three invoices of that day add up to it. After the combinations the
    pair is weighed again with what is left."""
    held = np.zeros(len(b), dtype=bool)
    asked = np.flatnonzero((alike > 0) & (alike < LATE_ALIKE) & run.bank_named[b])
    if not len(asked):
        return held
    asked = asked[_another_partys(run, b[asked], g[asked], alike[asked])]
    held[asked] = _another_partys_open(run, b[asked])
    return held


def _namesake_further(run: _Matching, b: np.ndarray, g: np.ndarray) -> np.ndarray:
    """Which pairs of lines whose names differ have, for either line, an open line of its amount
    beyond the window but within LATE_BOOKING_DAYS whose name is its own (LATE_ALIKE): Kiran
    Kulkarni's 2,499.00 of the 1st, which the books took on the 11th, is not the bank's
    `venkateshkama33` of the 12th though the two are each other's only line in the window. Such
    a line is left to `_late_bookings`, which takes the pair of one name."""
    found = np.zeros(len(b), dtype=bool)
    if not len(b) or run.names is None or run.window.narrowed:
        return found  # no late bookings then (`_late_bookings`)
    wide = Window(-LATE_BOOKING_DAYS, LATE_BOOKING_DAYS)
    bank_day, ledger_day = run.bank.lines["day"].to_numpy(), run.ledger.lines["day"].to_numpy()
    open_g, open_b = np.flatnonzero(run.ledger_open), np.flatnonzero(run.bank_open)
    for bank_first in (True, False):  # the bank line's namesakes, then the ledger line's
        lines, partner = (b, g) if bank_first else (g, b)
        ours, theirs = (0, 1) if bank_first else (1, 0)
        days = (bank_day, ledger_day) if bank_first else (ledger_day, bank_day)
        others = open_g if bank_first else open_b
        near = band(
            run.amounts[ours][lines],
            days[0][lines],
            run.amounts[theirs][others],
            days[1][others],
            wide,
            coded=True,
        )
        at, other = _few(near).pairs()
        other = others[other]
        keep = other != partner[at]
        at, other = at[keep], other[keep]
        pair = (lines[at], other) if bank_first else (other, lines[at])
        found[at[run.names.alike(*pair) >= LATE_ALIKE]] = True
    return found


def _few(lines: Band, most: int = NAMED_NEAREST * NEAREST) -> Band:
    """The band of each line where it holds at most `most` lines (else none): a pair whose
    lines each had no other in the window is seldom of an amount so common."""
    return Band(
        lines.order,
        lines.low,
        np.where(lines.counts <= most, lines.high, lines.low),
        lines.same_day,
    )


def _one_of_a_kind(run: _Matching, b: np.ndarray) -> np.ndarray:
    """Whether each bank line's amount is no round hundred and the month's only one of it on
    each side (1,50,798.27 from NILESHKUMA and Sri Rajlaxmi Polymers' receipt of three days
    later): two such lines are each other's whatever their names and days in the window."""
    amount = run.bank.lines["signed"].to_numpy(dtype=np.int64)[b]
    return np.asarray(
        (amount % ROUND != 0) & (run.amount_lines[run.amounts[0][b]] == 2), dtype=bool
    )


def _rival(run: _Matching, b: np.ndarray, g: np.ndarray, lone_now: np.ndarray | bool) -> np.ndarray:
    """Which pairs had a rival: either line had another same-amount line in the window before
    any line was taken — unless the rivals have all been taken since and the amount is rare: no
    round hundred, and no more than RARE_AMOUNT_LINES lines of it in the month, both sides
    together (87,738.00 from GANESHSHAN, a proprietor, for Jai Sai Agencies the next day,
    beside a customer's 87,738.00 paired by its UTR: amounts like it meet by chance seldom;
    ₹10,000 and a plan's ₹2,499 often)."""
    first_b, first_g = _first_counts(run)
    had: np.ndarray = (first_b[b] > 1) | (first_g[g] > 1)
    rare = (run.bank.lines["signed"].to_numpy(dtype=np.int64)[b] % ROUND != 0) & (
        run.amount_lines[run.amounts[0][b]] <= RARE_AMOUNT_LINES
    )
    rival: np.ndarray = had & ~(lone_now & rare)
    return rival


def _only_each_other(run: _Matching, lone_pairs: bool) -> None:
    """The pairs of open lines that are each other's only same-amount line in the window, taken
    as the amount-and-date pass would take them, before its candidates are drawn (at 1M lines a
    side most lines are such pairs, and the candidates of the rest are a third of the work).
    Each such pair is its lines' one best candidate and no other line's, and no other party's
    line fits it better: it is taken unless its names differ (`unlike` in `_amount_and_date`).
    Names count as alike only where they share a key word, as the candidates' joins see them."""
    if run.names is None:
        run.names = _Names.of(run.bank, run.ledger)
    bank_at, ledger_at = np.flatnonzero(run.bank_open), np.flatnonzero(run.ledger_open)
    bank_amount, ledger_amount = run.amounts[0][bank_at], run.amounts[1][ledger_at]
    bank_day = run.bank.lines["day"].to_numpy()[bank_at]
    ledger_day = run.ledger.lines["day"].to_numpy()[ledger_at]
    forth = band(bank_amount, bank_day, ledger_amount, ledger_day, run.window, coded=True)
    lone = np.flatnonzero(forth.counts == 1)
    partner = forth.order[forth.low[lone]]
    back = band(
        ledger_amount[partner],
        ledger_day[partner],
        bank_amount,
        bank_day,
        run.window.mirrored,
        coded=True,
    )
    mutual = back.counts == 1
    pairs = run.without_rejected(
        pd.DataFrame({"b": bank_at[lone[mutual]], "l": ledger_at[partner[mutual]]})
    )
    if pairs.empty:
        return
    b = pairs["b"].to_numpy(dtype=np.int64)
    g = pairs["l"].to_numpy(dtype=np.int64)
    # names alike only where the two share a key word (else the joins never paired them)
    (word_pos_b, word_b), (word_pos_g, word_g) = run.names.bank_words, run.names.ledger_words
    pair_of_b = np.full(len(run.bank), -1, dtype=np.int64)
    pair_of_b[b] = np.arange(len(b))
    pair_of_g = np.full(len(run.ledger), -1, dtype=np.int64)
    pair_of_g[g] = np.arange(len(g))
    words = np.int64(max(int(word_b.max(initial=0)), int(word_g.max(initial=0))) + 1)
    in_b, in_g = pair_of_b[word_pos_b], pair_of_g[word_pos_g]
    pair_b = in_b[in_b >= 0]
    key_b = pair_b * words + word_b[in_b >= 0]
    key_g = in_g[in_g >= 0] * words + word_g[in_g >= 0]
    named = np.zeros(len(b), dtype=bool)
    named[pair_b[pd.Series(key_b).isin(key_g).to_numpy(dtype=bool)]] = True  # by hashing
    # … or where the bank line's UPI ID is known to pay an account (`_upi_owners`)
    shared = np.flatnonzero(named | (run.names.owner_of(b) >= 0))
    alike = np.zeros(len(b), dtype=np.int64)
    alike[shared] = run.names.alike(b[shared], g[shared])
    d = run.bank.lines["day"].to_numpy()[b] - run.ledger.lines["day"].to_numpy()[g]
    take = ~_names_differ(run, b, g, d, alike, lone_pairs)
    if not lone_pairs:
        take[take] = ~_left_for_combinations(run, b[take], g[take], alike[take])
    why = (
        "same amount; "
        + _signed_days(d[take])
        + " days; "
        + pd.Series(_names_why(run, b[take], g[take], alike[take]), dtype=object)
    )
    run.take(
        pd.DataFrame({"b": b[take], "l": g[take]}),
        "Amount and date",
        fitness(d[take], alike[take]),
        why.to_numpy(),
    )


def _guessed(run: _Matching, b: np.ndarray, g: np.ndarray, party_g: np.ndarray) -> np.ndarray:
    """For each pair (bank line `b`, ledger line `g`): whether the bank line names no one, the
    ledger line names a party, and an open ledger line of the bank line's amount in its window
    names another (`_one_party`): whose cheque it is, only the date would say."""
    asked = np.flatnonzero(~run.bank_named[b] & run.ledger_named[g])
    guessed = np.zeros(len(b), dtype=bool)
    if not len(asked):
        return guessed
    mask = np.zeros(len(run.bank), dtype=bool)
    mask[b[asked]] = True
    # the named ledger lines of those amounts only (at 1M lines a side, not all of them joined)
    wanted = np.zeros(len(run.amount_lines), dtype=bool)
    wanted[run.amounts[0][b[asked]]] = True
    rivals = run.amount_pairs(mask, run.ledger_named & wanted[run.amounts[1]])
    # each asked pair beside each named line its bank line could be, where that is another's
    asked_pairs = pd.DataFrame({"at": asked, "b": b[asked], "g": g[asked]})
    met = asked_pairs.merge(rivals[["b", "l"]], on="b")
    mine = party_g[met["g"].to_numpy(dtype=np.int64)]
    theirs = party_g[met["l"].to_numpy(dtype=np.int64)]
    other = np.flatnonzero(mine != theirs)
    if len(other):
        one = _one_party(run, mine[other], theirs[other])
        guessed[met["at"].to_numpy(dtype=np.int64)[other[~one]]] = True
    return guessed


def _one_party(run: _Matching, left: np.ndarray, right: np.ndarray) -> np.ndarray:
    """Whether each two ledger parties (numbered as `run.names.ledger`) are one party's name
    written two ways, ONE_PARTY_ALIKE alike or more; each distinct two scored once a run."""
    assert run.names is not None
    names = run.names.likeness.right
    key = left.astype(np.int64) * (len(names) + 1) + right
    distinct, back = np.unique(key, return_inverse=True)
    known: dict[int, bool] = run.names.cache.setdefault("one party", {})
    new = [k for k in distinct.tolist() if k not in known]
    if new:
        first, second = np.divmod(np.asarray(new, dtype=np.int64), len(names) + 1)
        alike = likenesses(
            np.asarray([names[i] for i in first], dtype=object),
            np.asarray([names[i] for i in second], dtype=object),
        )
        known.update(zip(new, (alike >= ONE_PARTY_ALIKE).tolist(), strict=True))
    return np.asarray([known[k] for k in distinct.tolist()], dtype=bool)[back]


def _other_party_alike(
    b: np.ndarray, party: np.ndarray, alike: np.ndarray, size: int
) -> np.ndarray:
    """For each pair (bank line `b`, a ledger line of `party`, names `alike`): how alike the bank
    line's name is to its best-named candidate of another party (0 where it has none)."""
    order = order_by(b, -alike)
    first = np.ones(len(order), dtype=bool)
    first[1:] = b[order][1:] != b[order][:-1]
    top = np.zeros(size, dtype=np.int64)
    top_party = np.full(size, -1, dtype=np.int64)
    top[b[order][first]] = alike[order][first]
    top_party[b[order][first]] = party[order][first]
    other = party != top_party[b]
    second = np.zeros(size, dtype=np.int64)
    np.maximum.at(second, b[other], alike[other])
    rival: np.ndarray = np.where(party == top_party[b], second[b], top[b])
    return rival


def _names_why(run: _Matching, b: np.ndarray, g: np.ndarray, alike: np.ndarray) -> np.ndarray:
    """What the names say about pairs, as the Why column shows it."""
    said = np.where(
        alike > 0,
        "party names " + alike.astype(str).astype(object) + "% alike",
        "no name in common",
    )
    if run.names is not None and len(run.names.payers):
        known = run.names.known_payer(b, g) & (run.names.raw(b, g) < alike)
        said[known] = (
            "the bank's name is a known payer of this party (learnt from this month's sure matches)"
        )
    if run.names is not None and len(run.names.owners):
        by_id = (run.names.owner_of(b) == run.names.accounts[g]) & (run.names.raw(b, g) < alike)
        said[by_id] = "the payer's UPI ID paid this account's other lines this month"
    return np.asarray(said, dtype=object)


def _repeats(run: _Matching) -> None:
    """One party's repeated amounts, in turn. Where a party paid (or was paid) the same amount
    more than once in the window — ₹1,000 on the 1st, the 1st and the 4th — the amount-and-date
    pass finds ties it cannot break: two lines of one day, alike in everything it can see. Such
    lines are interchangeable, and the bank clears them in the order the books wrote them: each
    party's open lines of one amount are paired first with first, the bank's in date order with
    the books' in date order (and in the order of the lines within a day), each pair within the
    window. A bank line counts as the party's when that party's name is the most alike to its own
    (at least COMBINATION_ALIKE, or it is a known payer), and no other party's is as alike."""
    pairs, _, _ = _candidates(run)
    if pairs.empty or run.names is None:
        return
    b = pairs["b"].to_numpy(dtype=np.int64)
    g = pairs["l"].to_numpy(dtype=np.int64)
    alike = pairs["alike"].to_numpy(dtype=np.int64)
    party = run.names.ledger[g]
    keep = alike >= COMBINATION_ALIKE
    b, g, alike, party = b[keep], g[keep], alike[keep], party[keep]
    if not len(b):
        return
    # each bank name's party: the one most alike to it, where no other is as alike, and it
    # the bank name most alike to that party (`K H PATEL` is not Ketan H. Patel's when
    # `KETAN H PATEL` is in the window too), or its name but for spaces
    name = run.names.bank[b]
    per = pd.DataFrame({"name": name, "party": party, "alike": alike})
    per = per.groupby(["name", "party"], sort=False)["alike"].max().reset_index()
    top_name = per.groupby("name")["alike"].transform("max")
    top_party = per.groupby("party")["alike"].transform("max")
    best = per[(per["alike"] == top_name) & (per["alike"] == top_party)]
    single = (best.groupby("name")["party"].transform("size") == 1) & (
        (best.groupby("party")["name"].transform("size") == 1)
        | _one_name_spaced_apart(run.names, best["name"], best["party"])
    )
    best = best[single.to_numpy(dtype=bool)][["name", "party"]]
    # or the party its taken pairs point to (`habits`), of those most alike to it: KARTHIK
    # NATARAJAN, as alike to Karthik N. as to Karthik Natarajan, has paid Karthik N. all month;
    # a name whose habit and most alike party differ is neither's, whether or not another
    # name is as alike to that party (K NATARAJAN, who paid Karthik Natarajan HUF, 90 alike,
    # all month, is not the HUF's where Karthik Natarajan, 100 alike, has that amount too)
    habitual = run.names.habits_among(per["name"].to_numpy(), per["party"].to_numpy())
    most_alike = (per["alike"] == top_name).to_numpy(dtype=bool)
    astray = per.loc[habitual & ~most_alike, "name"].to_numpy()
    best = pd.concat([best, per.loc[habitual & most_alike, ["name", "party"]]]).drop_duplicates()
    best = best[
        (best.groupby("name")["party"].transform("size").to_numpy() == 1)
        & ~isin(best["name"].to_numpy(dtype=np.int64), astray.astype(np.int64))
    ]
    owner = pd.DataFrame({"b": b, "name": name}).drop_duplicates("b").merge(best, on="name")
    if owner.empty:
        return
    signed_b = run.bank.lines["signed"].to_numpy(dtype=np.int64)
    signed_g = run.ledger.lines["signed"].to_numpy(dtype=np.int64)
    day_b = run.bank.lines["day"].to_numpy(dtype=np.int64)
    day_g = run.ledger.lines["day"].to_numpy(dtype=np.int64)
    bank_side = pd.DataFrame(
        {
            "party": owner["party"].to_numpy(dtype=np.int64),
            "amount": signed_b[owner["b"].to_numpy(dtype=np.int64)],
            "line": owner["b"].to_numpy(dtype=np.int64),
            "bank": True,
        }
    )
    groups = bank_side[["party", "amount"]].drop_duplicates()
    # every open ledger line of those parties and amounts, whether paired above or not
    open_g = np.flatnonzero(run.ledger_open)
    ledger_side = pd.DataFrame(
        {
            "party": run.names.ledger[open_g],
            "amount": signed_g[open_g],
            "line": open_g,
            "bank": False,
        }
    ).merge(groups, on=["party", "amount"])
    lines = pd.concat([bank_side, ledger_side], ignore_index=True)
    at_line = lines["line"].to_numpy(dtype=np.int64)
    is_bank_line = lines["bank"].to_numpy(dtype=bool)
    day = np.empty(len(lines), dtype=np.int64)
    day[is_bank_line] = day_b[at_line[is_bank_line]]
    day[~is_bank_line] = day_g[at_line[~is_bank_line]]
    lines["day"] = day
    lines = lines.sort_values(["party", "amount", "bank", "day", "line"], kind="stable")
    size = lines.groupby(["party", "amount"], sort=False)["bank"].agg(["sum", "size"])
    wanted = size[(size["sum"] >= 1) & (size["size"] - size["sum"] >= 1) & (size["size"] > 2)]
    lines = lines.set_index(["party", "amount"]).loc[wanted.index]
    before, after = run.window.before, run.window.after
    taken_b: list[int] = []
    taken_g: list[int] = []
    # each (party, amount) a run of rows: its book lines, then its bank lines, each by date
    party_of = lines.index.get_level_values(0).to_numpy(dtype=np.int64)
    amount_of = lines.index.get_level_values(1).to_numpy(dtype=np.int64)
    starts = np.flatnonzero(
        np.concatenate(
            [[True], (party_of[1:] != party_of[:-1]) | (amount_of[1:] != amount_of[:-1])]
        )
    ).tolist()
    is_bank_all = lines["bank"].to_numpy(dtype=bool).tolist()
    line_all = lines["line"].to_numpy(dtype=np.int64).tolist()
    day_all = lines["day"].to_numpy(dtype=np.int64).tolist()
    for start, end in zip(starts, [*starts[1:], len(line_all)], strict=True):
        middle = start
        while middle < end and not is_bank_all[middle]:
            middle += 1
        books, book_days = line_all[start:middle], day_all[start:middle]
        at = 0
        for line, day in zip(line_all[middle:end], day_all[middle:end], strict=True):
            while at < len(books) and day - book_days[at] > after:
                at += 1  # a book line too early for this bank line is too early for the rest
            if at < len(books) and day - book_days[at] >= before:
                taken_b.append(line)
                taken_g.append(books[at])
                at += 1
    if not taken_b:
        return
    chosen = run.without_rejected(pd.DataFrame({"b": taken_b, "l": taken_g}))
    chosen_b = chosen["b"].to_numpy(dtype=np.int64)
    chosen_g = chosen["l"].to_numpy(dtype=np.int64)
    days = day_b[chosen_b] - day_g[chosen_g]
    alike_chosen = run.names.alike(chosen_b, chosen_g)
    run.take(
        chosen,
        "Repeated amount",
        fitness(days, alike_chosen),
        (
            "same amount; "
            + _signed_days(days)
            + " days; "
            + pd.Series(_names_why(run, chosen_b, chosen_g, alike_chosen), dtype=object)
            + "; one of the party's lines of this amount, paired in the order of their dates"
        ).to_numpy(),
    )


def _one_name_spaced_apart(names: _Names, bank: pd.Series, party: pd.Series) -> np.ndarray:
    """Which bank names are their party's name but for spaces (`NAIRPRINTERS` as IMPS writes
    `Nair Printers`, `NAIR PRINTERS` as UPI does): however many such names a party has, each
    is the party's."""
    bank_name = names.likeness.left_squashed[bank.to_numpy(dtype=np.int64)]
    party_name = names.likeness.right_squashed[party.to_numpy(dtype=np.int64)]
    return np.asarray(bank_name == party_name, dtype=bool)


def _copied_narrations(run: _Matching) -> None:
    """Book lines whose narration is the bank's own, word for word (an accountant who copies
    the statement's words into each voucher: `Gst @18% On Rtgs Chgs Incl Gst` for `GST @18% ON
    RTGS CHGS INCL GST`), of the same amount in the window: the bank's and the books' lines of
    one such narration, amount and day are paired first with first, in the order of the lines;
    one of another day only where neither line has another such candidate. Three RTGS charges'
    GST of 4.50 booked so on the 1st are told from the bank's NEFT one of the same 4.50 that the
    books lack, where the books' particulars alone (`Bank Charges`) tell none apart (see
    `_identical_lines`). Names that differ keep a pair apart, and so does the user's Reject."""
    note = run.ledger.lines.get("note")
    if note is None or not run.bank_open.any() or not run.ledger_open.any():
        return
    ledger_at = np.flatnonzero(run.ledger_open & note.notna().to_numpy(dtype=bool))
    if not len(ledger_at):
        return
    books = _word_runs(note, ledger_at)
    worded = np.asarray(contains(pd.Series(books, dtype=object), "[a-z]{3}"), dtype=bool)
    ledger_at, books = ledger_at[worded], books[worded]
    bank_at = np.flatnonzero(run.bank_open)
    said = _word_runs(run.bank.lines["text"], bank_at)
    # one number for each narration and amount, the same on both sides
    codes, _ = pd.factorize(
        pd.MultiIndex.from_arrays(
            [
                np.concatenate([run.amounts[0][bank_at], run.amounts[1][ledger_at]]),
                np.concatenate([said, books]),
            ]
        )
    )
    bank_code, ledger_code = codes[: len(bank_at)], codes[len(bank_at) :]
    shared = np.intersect1d(bank_code, ledger_code)
    keep_b, keep_g = isin(bank_code, shared), isin(ledger_code, shared)
    bank_at, bank_code = bank_at[keep_b], bank_code[keep_b].astype(np.int64)
    ledger_at, ledger_code = ledger_at[keep_g], ledger_code[keep_g].astype(np.int64)
    if not len(bank_at):
        return
    bank_day = run.bank.lines["day"].to_numpy(dtype=np.int64)
    ledger_day = run.ledger.lines["day"].to_numpy(dtype=np.int64)
    # only the pairs within the window are formed: a year's identical charges are no pairs
    # across its months
    left, right = band_join(
        bank_code, bank_day[bank_at], ledger_code, ledger_day[ledger_at], run.window
    )
    b, g = bank_at[left], ledger_at[right]
    if run.names is None:
        run.names = _Names.of(run.bank, run.ledger)
    differ = run.bank_named[b] & run.ledger_named[g] & (run.names.alike(b, g) < NAMES_DIFFER_BELOW)
    pairs = pd.DataFrame(
        {"b": b, "l": g, "key": bank_code[left], "d": bank_day[b] - ledger_day[g]}
    )[~differ]
    pairs = run.without_rejected(pairs)
    # one day's lines of one narration and amount, first with first
    same_day = pairs[pairs["d"] == 0]
    same_day = same_day.assign(day=bank_day[same_day["b"].to_numpy(dtype=np.int64)])
    keys = ["key", "day"]
    bank_lines = same_day.drop_duplicates("b").sort_values("b", kind="stable")
    book_lines = same_day.drop_duplicates("l").sort_values("l", kind="stable")
    first = bank_lines.assign(rank=bank_lines.groupby(keys).cumcount())[[*keys, "rank", "b"]]
    first = first.merge(
        book_lines.assign(rank=book_lines.groupby(keys).cumcount())[[*keys, "rank", "l"]],
        on=[*keys, "rank"],
    )
    # a pair the user rejected is no pair, whatever its place
    first = first.merge(same_day[["b", "l"]], on=["b", "l"])
    run.take(
        first[["b", "l"]],
        "Amount and date",
        fitness(np.zeros(len(first), dtype=np.int64), np.zeros(len(first), dtype=np.int64)),
        "same amount; +0 days; the books' narration is the bank's, word for word",
    )
    # then another day's, where neither line has another such candidate
    still = pairs[run.bank_open[pairs["b"].to_numpy()] & run.ledger_open[pairs["l"].to_numpy()]]
    lone = _unique_both_ways(still)
    days = lone["d"].to_numpy(dtype=np.int64)
    run.take(
        lone[["b", "l"]],
        "Amount and date",
        fitness(days, np.zeros(len(lone), dtype=np.int64)),
        (
            "same amount; "
            + _signed_days(days)
            + " days; the books' narration is the bank's, word for word"
        ).to_numpy(),
    )


def _word_runs(texts: pd.Series, positions: np.ndarray) -> np.ndarray:
    """The texts at `positions`, lower case, their runs of letters and digits one space apart
    (`GST @18% ON RTGS CHGS` → `gst 18 on rtgs chgs`)."""
    runs = replace_text(_lower(texts, positions), r"[^a-z0-9]+", " ").str.strip()
    return np.asarray(runs.to_numpy(dtype=object), dtype=object)


def _identical_lines(run: _Matching) -> None:
    """Book lines that cannot be told apart — the same day, amount and particulars (three
    `Professional Fees` of 15,000 paid on one day to three consultants) — are interchangeable:
    a bank line whose best candidates are all one such group of lines (any other candidate fits
    worse, or names another party) takes one — the one whose narration copies the bank line's
    words or numbers, else in the order of the lines (`_same_words_first`) — so long as the group
    has a line for each bank line that chose it and the bank's name does not differ from the
    books' (the amount-and-date pass abstains on them, since no name tells them apart)."""
    if not run.bank_open.any() or not run.ledger_open.any():
        return
    pairs, _, _ = _candidates(run)
    if pairs.empty or run.names is None:
        return
    ledger = run.ledger.lines
    # the particulars, not the narration: `Being payment made against bill no. 1234` tells the
    # books' lines apart but not which bank line is whose (a reference in it would have paired
    # them in the first pass)
    text, _ = pd.factorize(ledger["text"].fillna("").astype(str))
    day = ledger["day"].to_numpy(dtype=np.int64)
    day = day - int(day.min(initial=0))
    amount = run.amounts[1]
    # one number for each day, amount and particulars (numbered in the order first seen)
    twins_all, _ = pd.factorize(
        (text.astype(np.int64) * (int(amount.max(initial=0)) + 1) + amount)
        * (int(day.max(initial=0)) + 1)
        + day
    )
    twins = np.where(run.ledger_open, twins_all, -1)
    size = np.bincount(twins[twins >= 0], minlength=int(twins_all.max(initial=-1)) + 1)
    b = pairs["b"].to_numpy(dtype=np.int64)
    g = pairs["l"].to_numpy(dtype=np.int64)
    alike = pairs["alike"].to_numpy(dtype=np.int64)
    differ = run.bank_named[b] & run.ledger_named[g] & (alike < NAMES_DIFFER_BELOW)
    b, g, d, alike = b[~differ], g[~differ], pairs["d"].to_numpy()[~differ], alike[~differ]
    if not len(b):
        return
    fit = fitness(d, alike)
    top = np.full(len(run.bank), np.iinfo(np.int64).min, dtype=np.int64)
    np.maximum.at(top, b, fit)
    best = fit == top[b]
    chosen = pd.DataFrame({"b": b[best], "twin": twins[g[best]]})
    groups = chosen.groupby("b")["twin"].agg(["nunique", "first"])
    single = groups[(groups["nunique"] == 1) & (size[groups["first"].to_numpy()] >= 2)]
    if single.empty:
        return
    table = pd.DataFrame({"b": single.index.to_numpy(), "twin": single["first"].to_numpy()})
    table = _the_nearest_for_the_room(table, top, size, run.bank.lines["text"])
    if table.empty:
        return
    # each group's open members in the order of the lines
    order = np.flatnonzero(twins >= 0)
    order = order[np.argsort(twins[order], kind="stable")]
    members = pd.DataFrame({"twin": twins[order], "l": order})
    members = members[members["twin"].isin(table["twin"])]
    pairs = run.without_rejected(_same_words_first(run, table[["b", "twin"]], members))
    days = run.bank.lines["day"].to_numpy()[pairs["b"]] - ledger["day"].to_numpy()[pairs["l"]]
    run.take(
        pairs,
        "Identical lines",
        fitness(days, np.zeros(len(pairs), dtype=np.int64)),
        (
            "same amount; "
            + _signed_days(days)
            + " days; its best candidates are identical book lines (same day, amount and "
            "particulars), one taken for each bank line that chose them"
        ).to_numpy(),
    )


def _the_nearest_for_the_room(
    table: pd.DataFrame, fit: np.ndarray, size: np.ndarray, texts: pd.Series
) -> pd.DataFrame:
    """(b, twin): the bank lines that chose each group of identical book lines (`table`), those
    the group holds a line for, in the order of the bank lines. Where more chose it than it
    holds and all of them say the same (`texts`: the bank's narrations; not nothing: cheques
    told apart by their numbers alone are three cheques), the ones that fit it better (`fit`:
    each bank line's best fitness) than any left out: three `NEFT CHGS INCL GST` of 29.50 on
    the 27th take the books' three identical lines of the 27th, and the 28th's, a day further,
    is left for its own. Where the nearest tie past what the group holds, or the bank lines
    name different payees (three consultants' NEFTs for two `Professional Fees` of a day, each
    may be booked on another), none is taken."""
    b = table["b"].to_numpy(dtype=np.int64)
    table = table.assign(fit=fit[b]).sort_values(
        ["twin", "fit", "b"], ascending=[True, False, True], kind="stable"
    )
    twin = table["twin"].to_numpy(dtype=np.int64)
    room = size[twin]
    rank = table.groupby("twin").cumcount().to_numpy()
    kept = rank < room
    over = np.flatnonzero(np.isin(twin, twin[rank == room]))  # the groups wanted by too many
    if len(over):
        lines = table["b"].to_numpy(dtype=np.int64)[over]
        said = texts.iloc[lines].fillna("").astype(str).str.strip().to_numpy(dtype=object)
        group = pd.DataFrame({"twin": twin[over], "said": said})
        alike = (group.groupby("twin")["said"].transform("nunique") == 1).to_numpy() & (said != "")
        # the fitness of the first each group cannot hold
        cut = pd.Series(table["fit"].to_numpy()[rank == room], index=twin[rank == room])
        kept[over] &= alike & (table["fit"].to_numpy()[over] > cut.reindex(twin[over]).to_numpy())
    chosen: pd.DataFrame = table[kept].sort_values(["twin", "b"], kind="stable")
    return chosen[["b", "twin"]]


def _same_words_first(run: _Matching, wanted: pd.DataFrame, members: pd.DataFrame) -> pd.DataFrame:
    """(b, l): each bank line of `wanted` (b, twin: the group of identical book lines it chose)
    given a member of its group (`members`: twin, l, in the order of the lines) — first the
    member whose narration is the bank line's own narration, word for word (an accountant who
    copies the bank's words into the voucher: `Imps P2A Chgs Incl Gst` is the bank's `IMPS P2A
    CHGS INCL GST`, not its `SMS CHGS FOR OCT 2026`), then one whose narration carries the same
    numbers (`Cheque return charges 234501` is `CHQ RET CHGS INCL GST 234501`), then the rest in
    the order of the lines."""
    note = run.ledger.lines.get("note", pd.Series("", index=run.ledger.lines.index))
    bank_text = _lower(run.bank.lines["text"], wanted["b"].to_numpy(dtype=np.int64))
    book_text = _lower(note, members["l"].to_numpy(dtype=np.int64))
    keys = {"words": r"[a-z0-9]+", "numbers": r"[0-9]{4,}"}
    wanted = wanted.assign(**{key: _runs(bank_text, pattern) for key, pattern in keys.items()})
    members = members.assign(**{key: _runs(book_text, pattern) for key, pattern in keys.items()})
    taken: list[pd.DataFrame] = []
    for key in keys:  # the same words, then the same numbers
        wanted = wanted.assign(rank=wanted.groupby(["twin", key]).cumcount())
        members = members.assign(rank=members.groupby(["twin", key]).cumcount())
        same = wanted[wanted[key] != ""].merge(members, on=["twin", key, "rank"])
        taken.append(same[["b", "l"]])
        wanted = wanted[~wanted["b"].isin(same["b"])]
        members = members[~members["l"].isin(same["l"])]
    wanted = wanted.assign(place=wanted.groupby("twin").cumcount())
    members = members.assign(place=members.groupby("twin").cumcount())
    taken.append(wanted.merge(members, on=["twin", "place"])[["b", "l"]])
    return pd.concat(taken, ignore_index=True).astype(np.int64)


def _lower(texts: pd.Series, positions: np.ndarray) -> pd.Series:
    """The texts at `positions`, lower case."""
    return texts.iloc[positions].fillna("").astype(str).str.lower()


def _runs(texts: pd.Series, pattern: str) -> np.ndarray:
    """Each text's runs of `pattern`, one space apart ("" for none)."""
    found = texts.str.findall(pattern).str.join(" ").fillna("")
    return np.asarray(found.to_numpy(dtype=object), dtype=object)


def _late_cheques(run: _Matching) -> pd.DataFrame:
    """Cheques presented after the window: an open bank line that is a cheque (CHQ, CLG,
    CLEARING, CTS in its narration: SBI writes `TO CLEARING-<payee>`) and an open ledger line
    of the same amount up to CHEQUE_DAYS_AFTER days earlier, whose names are at least
    COMBINATION_ALIKE alike, where neither has another such candidate (the reference pass took
    those whose number the books carry); returns the cheques that had two such candidates, for
    the user to choose."""
    cheque = run.cheques[0]
    none = pd.DataFrame(columns=["b", "l", "kind", "why"])
    pairs = run.amount_pairs(cheque, None, Window(0, CHEQUE_DAYS_AFTER))
    if pairs.empty:
        return none
    if run.names is None:
        run.names = _Names.of(run.bank, run.ledger)
    alike = run.names.alike(pairs["b"].to_numpy(), pairs["l"].to_numpy())
    pairs = pairs[alike >= COMBINATION_ALIKE].assign(alike=alike[alike >= COMBINATION_ALIKE])
    chosen = _unique_both_ways(pairs)
    why = (
        "cheque; same amount; "
        + _signed_days(chosen["d"].to_numpy())
        + " days; party names "
        + chosen["alike"].astype(str).reset_index(drop=True)
        + "% alike; no other cheque of this amount and party"
    )
    run.take(
        chosen,
        "Amount and date",
        fitness(chosen["d"].to_numpy(), chosen["alike"].to_numpy()),
        why.to_numpy(),
    )
    doubtful = pairs[~pairs.index.isin(chosen.index)]
    first = doubtful.groupby("b").cumcount() < TIED_SHOWN
    doubtful = doubtful[first.to_numpy(dtype=bool)]
    return pd.DataFrame(
        {
            "b": doubtful["b"].to_numpy(),
            "l": doubtful["l"].to_numpy(),
            "kind": "Ambiguous",
            "why": "a cheque; more than one line of this amount and party fits it: choose one",
        }
    )


IN_ORDER_RULES = ("Amount and date", "Repeated amount")
"""The 1:1 rules whose pairs of one party's equal amounts are put in date order."""


def _in_date_order(run: _Matching, by_bank_name: bool) -> None:
    """One party's equal amounts, paired on amount and date, in the order they were sent: where
    a party paid ₹2,000 on the 2nd and the 3rd (books) and the bank shows the 3rd and the 4th,
    the nearest pair (3rd–3rd) leaves the 2nd to the 4th (each bank line's name is as alike to
    either book line, both being the party's). Money arrives in the order it was sent: the pairs
    taken on amount and date, or as a party's repeated amount, of each ledger party and amount
    are paired again first with first, the bank's lines in date order with the books' in date
    order, each pair within the window and none a pair the user rejected (else the group stays
    as it was). (Paired so, the days between add up to no more than
    before, and no pair is further apart than the furthest before: so each stays in the window
    whenever all were.) The same holds
    for the pairs of one bank name and amount (`by_bank_name`): R SENTHIL's two UPIs of 250.00,
    paired with Senthil R. and Senthil Raghavan, are each as alike to either."""
    if not run.taken or run.names is None:
        return
    taken = pd.concat(run.taken, ignore_index=True)
    is_pair = taken["rule"].isin(IN_ORDER_RULES).to_numpy(dtype=bool)
    pairs = taken[is_pair]
    if len(pairs) < 2:
        return
    b = pairs["bank"].to_numpy(dtype=np.int64)
    g = pairs["ledger"].to_numpy(dtype=np.int64)
    day_b = run.bank.lines["day"].to_numpy(dtype=np.int64)
    day_g = run.ledger.lines["day"].to_numpy(dtype=np.int64)
    signed = run.ledger.lines["signed"].to_numpy(dtype=np.int64)
    party = run.names.bank[b] if by_bank_name else run.names.ledger[g]
    named = (run.bank_named & ~run.returned)[b] if by_bank_name else run.ledger_named[g]
    frame = pd.DataFrame(
        {"row": np.flatnonzero(is_pair), "party": party, "amount": signed[g], "b": b, "g": g}
    )[named]
    size = frame.groupby(["party", "amount"])["b"].transform("size")
    frame = frame[size.to_numpy() >= 2]
    if frame.empty:
        return
    # each group's bank lines and book lines, each in date order (then in the order read)
    banks = frame.assign(day=day_b[frame["b"].to_numpy()]).sort_values(
        ["party", "amount", "day", "b"], kind="stable"
    )
    books = frame.assign(day=day_g[frame["g"].to_numpy()]).sort_values(
        ["party", "amount", "day", "g"], kind="stable"
    )
    new_b = banks["b"].to_numpy(dtype=np.int64)
    new_g = books["g"].to_numpy(dtype=np.int64)
    rows = books["row"].to_numpy(dtype=np.int64)  # each book line keeps its match
    new_d = day_b[new_b] - day_g[new_g]
    group = books.groupby(["party", "amount"], sort=False).ngroup().to_numpy()
    bad = np.zeros(int(group.max()) + 1, dtype=bool)
    outside = (new_d < run.window.before) | (new_d > run.window.after)
    # nor a pair of a UPI ID and a namesake of the account it pays (`_upi_owners`)
    namesakes = run.names.namesakes(new_b, new_g)
    np.logical_or.at(bad, group, outside | run.refused(new_b, new_g) | namesakes)
    moved = ~bad[group] & (new_b != books["b"].to_numpy(dtype=np.int64))
    if not moved.any():
        return
    rows, new_b, new_g, new_d = rows[moved], new_b[moved], new_g[moved], new_d[moved]
    alike = run.names.alike(new_b, new_g)
    taken.loc[rows, "bank"] = new_b
    taken.loc[rows, "score"] = fitness(new_d, alike)
    taken.loc[rows, "why"] = (
        "same amount; "
        + _signed_days(new_d)
        + " days; "
        + pd.Series(_names_why(run, new_b, new_g, alike), dtype=object)
        + (
            "; the bank name's lines of this amount paired in the order of their dates"
            if by_bank_name
            else "; the party's lines of this amount paired in the order of their dates"
        )
    ).to_numpy()
    run.taken = [taken]


def _lone_cheques(run: _Matching) -> None:
    """Cheques whose names do not say (`CHQ PAID-MICR CTS-MU-AND CO`: the bank kept the end of
    the payee's name; a proprietor's own name for his firm's), once everything else is
    decided: an open bank line that is a cheque (CHEQUE_WORDS, not returned) and an open
    ledger line of the same amount up to CHEQUE_DAYS_AFTER days earlier are taken when each is
    the other's only open line of that amount — the cheque has no other book line in those
    days, and the book line no other bank line from DAYS_BEFORE days before it to
    CHEQUE_DAYS_AFTER after."""
    cheque = run.cheques[0] & ~run.returned
    if not (cheque & run.bank_open).any():
        return
    wide = Window(-DAYS_BEFORE, CHEQUE_DAYS_AFTER)
    pairs = run.amount_pairs(cheque, None, Window(0, CHEQUE_DAYS_AFTER))
    if pairs.empty:
        return
    # each line's every open same-amount line in the wide window, on the other side
    theirs = np.zeros(len(run.ledger), dtype=bool)
    theirs[pairs["l"].to_numpy(dtype=np.int64)] = True
    mine = np.zeros(len(run.bank), dtype=bool)
    mine[pairs["b"].to_numpy(dtype=np.int64)] = True
    of_books = run.amount_pairs(None, theirs, wide)
    of_bank = run.amount_pairs(mine, None, wide)
    books_count = np.bincount(of_books["l"].to_numpy(dtype=np.int64), minlength=len(run.ledger))
    bank_count = np.bincount(of_bank["b"].to_numpy(dtype=np.int64), minlength=len(run.bank))
    b = pairs["b"].to_numpy(dtype=np.int64)
    g = pairs["l"].to_numpy(dtype=np.int64)
    lone = pairs[(bank_count[b] == 1) & (books_count[g] == 1)]
    if lone.empty:
        return
    if run.names is None:
        run.names = _Names.of(run.bank, run.ledger)
    lb, lg = lone["b"].to_numpy(dtype=np.int64), lone["l"].to_numpy(dtype=np.int64)
    alike = run.names.alike(lb, lg)
    days = lone["d"].to_numpy(dtype=np.int64)
    run.take(
        lone,
        "Amount and date",
        fitness(days, alike),
        (
            "cheque; same amount; "
            + _signed_days(days)
            + " days; "
            + pd.Series(_names_why(run, lb, lg, alike), dtype=object)
            + f"; the only open line of this amount on either side in {CHEQUE_DAYS_AFTER} days"
        ).to_numpy(),
    )


def _other_instruments(run: _Matching) -> pd.DataFrame:
    """Suggestions: open lines of the same amount, up to CHEQUE_DAYS_AFTER days apart, that
    nothing paired because their instruments differ (`_Instruments.differ`): a cheque number
    typed wrong in the books, or a payment made otherwise than the books say."""
    pairs = run.amount_pairs(window=Window(-DAYS_BEFORE, CHEQUE_DAYS_AFTER), on_amount=False)
    if pairs.empty:
        return pd.DataFrame(columns=["b", "l", "kind", "why"])
    b, g = pairs["b"].to_numpy(dtype=np.int64), pairs["l"].to_numpy(dtype=np.int64)
    pairs = pairs[run.instruments.differ(b, g)]
    pairs = pairs[(pairs.groupby("b").cumcount() < TIED_SHOWN).to_numpy(dtype=bool)]
    b, g = pairs["b"].to_numpy(dtype=np.int64), pairs["l"].to_numpy(dtype=np.int64)
    return pd.DataFrame(
        {
            "b": b,
            "l": g,
            "kind": "Same amount, other instrument",
            "why": (
                "same amount; "
                + _signed_days(pairs["d"].to_numpy(dtype=np.int64))
                + " days; but "
                + run.instruments.said(b, g)
                + ": check which it was"
            ).to_numpy(dtype=object),
        }
    )


_GST = r"(?:[CSI]|UT)?GST"
"""GST as a bank writes it on the line of the GST on its charge, beside the charge: `GST`,
`CGST`, `SGST`, `IGST`, `UTGST`."""
_GST_OF = rf"(?i)^\W*(?:{_GST}\b\W*(?:@\s*[\d.]+\s*%?\W*)?(?:ON\b|OF\b)?\W*)+"
"""The start of a GST line that names its charge (`CGST ON NEFT CHGS`, `IGST @18% ON SMS
CHARGES`): what is left is the charge's own kind."""


def _charges_journal(text: pd.Series) -> np.ndarray:
    """Which book texts are a journal of the bank's charges (`Bank Charges`, `Being NEFT
    charges for Oct`): CHARGE_WORDS, and not the acquirer's MDR (`MDR Charges`, `MDR on card
    settlement incl GST`, a card settlement's part, no NEFT charges' total)."""
    return np.asarray(
        contains_distinct(text, CHARGE_WORDS) & ~contains_distinct(text, MDR_WORDS), dtype=bool
    )


_NO_PAYEE = r"(?i)\b(?:commission|commn|comm|on|of|for|gst|cgst|sgst|igst|neft|rtgs|imps)\b"
"""Words of a commission line's party that name no payee (`NEFT COMMISSION` reads `commission`)."""


def _bank_charges(bank: Side, lines: np.ndarray) -> np.ndarray:
    """Which of the bank's `lines` are charges: a charge (CHARGE_WORDS: `NEFT CHGS`, `SMS
    CHARGES`), the GST on one (`CGST ON CHARGES`, `IGST ON NEFT CHGS`), and a GST line that
    names nothing but GST (`GST`, `CGST`) dated the day of a charge — a charge's GST goes with
    its charge, into the journal that books both.

    >>> from xlbo.bank.side import side
    >>> texts = ["CHARGES", "CGST ON CHARGES", "SGST", "GST PAYMENT CPIN 261027000123", "GST"]
    >>> bank = side([31, 31, 31, 31, 12], [-1500, -135, -135, -27000, -270], text=texts)
    >>> _bank_charges(bank, np.arange(5)).tolist()
    [True, True, True, False, False]
    """
    text = bank.lines["text"].iloc[lines].fillna("").astype(str)
    charge = contains(text, CHARGE_WORDS)
    # COMMISSION sent to someone by a transfer is an agent's, no bank charge; the bank's own
    # (`NEFT COMMISSION`, `STOP PAYMENT COMMISSION`, `GST ON NEFT COMMISSION`) names no one
    # but the commission
    party = bank.lines["party"].iloc[lines].fillna("").astype(str)
    someone = party.str.replace(_NO_PAYEE, "", regex=True).str.strip() != ""
    agent = (
        contains(text, COMMISSION_WORDS)
        & ~contains(text, CHARGES_SAID)
        & contains(text, TRANSFER_WORDS)
        & someone.to_numpy(dtype=bool)
    )
    charge &= ~agent
    bare_gst = contains(text, rf"(?i)^\W*(?:{_GST}\b\W*)+$")
    day = bank.lines["day"].to_numpy(dtype=np.int64)[lines]
    charge_days = np.unique(day[charge])
    return np.asarray(charge | (bare_gst & np.isin(day, charge_days)), dtype=bool)


def _splits(run: _Matching) -> pd.DataFrame:
    """One line that is several open lines of different ledgers of one day on the other side,
    where the words on both sides say what it is (`xlbo.bank.splits`: an EMI as principal and
    interest, an FD closed, a challan for several TDS sections, a day's UPI collections as one
    receipt); returns the suggestions for the lines in two such sets."""
    found, doubted = split_sets(
        run.bank, run.ledger, run.window, run.rejected, run.bank_open, run.ledger_open
    )
    for split in found:
        run.take_group(split.bank, split.ledger, "Split", split.why, SPLIT_SCORE)
    for split in card_month(
        run.bank, run.ledger, run.window, run.rejected, run.bank_open, run.ledger_open
    ):
        run.take_group(split.bank, split.ledger, "Split", split.why, SPLIT_SCORE, split.rows)
    return doubted


def _slips(run: _Matching) -> pd.DataFrame:
    """One line that the one set of several parties' open lines adds up to, where its channel's
    words say so (`xlbo.bank.slips`: a pay-in slip of cheques, NACH collections settled as one
    credit, cash deposited in parts); returns the suggestions for the lines that two or more
    sets fit."""
    found, doubted = slip_sets(
        run.bank, run.ledger, run.window, run.rejected, run.bank_open, run.ledger_open
    )
    for slip in found:
        run.take_group(slip.bank, slip.ledger, "Batch", slip.why, SLIP_SCORE)
    return doubted


def _cash_days(run: _Matching) -> None:
    """Every open cash deposit of a day and every open Contra from Cash of that day, whose
    totals agree: one match (`xlbo.bank.slips.cash_days`)."""
    for day in cash_days(run.bank, run.ledger, run.rejected, run.bank_open, run.ledger_open):
        run.take_group(day.bank, day.ledger, "Batch", day.why, SLIP_SCORE, rows=day.rows)


def _batches(run: _Matching) -> None:
    """Batches, once everything else is decided: a line that names no one (`Salary Payable`,
    `Bank Charges`, a bank's `BULK UPLOAD`) and is to the paisa the total of every open line of
    the other side, in its direction, of its day (or of its window) — at least BATCH_PARTS of
    them, the salaries of one upload (or every open line of one channel: the NEFTs of the upload,
    beside a cheque presented that day; every open line that says salary, SALARY_WORDS: the
    salaries' NEFTs beside a vendor's); and a ledger line of bank charges that is the total of
    the bank's open charges and the GST on them (`_bank_charges`) of the BATCH_CHARGES_DAYS
    before it, at least CHARGES_PARTS of them. No subset is searched: a batch is all the lines
    there are, or nothing."""
    window = run.window  # bank − books
    # the bank's charges among the lines still open (a batch only ever takes open lines)
    still_open = np.flatnonzero(run.bank_open)
    bank_charges = still_open[_bank_charges(run.bank, still_open)]
    open_text = run.bank.lines["text"].iloc[still_open].fillna("").astype(str)
    salaries = still_open[contains(open_text, SALARY_WORDS)]
    for one_is_bank in (False, True):
        one, other = (run.bank, run.ledger) if one_is_bank else (run.ledger, run.bank)
        one_open = run.bank_open if one_is_bank else run.ledger_open
        other_open = run.ledger_open if one_is_bank else run.bank_open
        named = run.bank_named if one_is_bank else run.ledger_named
        signed = one.lines["signed"].to_numpy(dtype=np.int64)
        days = one.lines["day"].to_numpy(dtype=np.int64)
        targets = np.flatnonzero(one_open & ~named & (signed != 0))
        if not one_is_bank:  # an MDR journal is a card settlement's part, no day's total
            text = one.lines["text"].iloc[targets].fillna("").astype(str)
            targets = targets[~contains(text, MDR_WORDS)]
        fewest = BATCH_PARTS if one_is_bank else min(BATCH_PARTS, CHARGES_PARTS)
        if not len(targets) or other_open.sum() < fewest:
            continue
        # the other side's days as seen from a target's: its own day, then its window
        spans = [
            (0, 0),
            (-window.after, -window.before) if one_is_bank else (window.before, window.after),
        ]
        # each way: the other side's lines it may take (their positions, in order), the days
        # from a target's, and the targets
        every = np.arange(len(other), dtype=np.int64)
        ways = [(every, low, high, targets, BATCH_PARTS, "") for low, high in spans]
        if not one_is_bank:
            # the bank's lines of one channel (a NEFT upload, beside a cheque presented that day)
            channels = _channels(run.bank, run.bank_open)
            crowded = [_crowded(channels, run.bank, high - low + 1) for low, high in spans]
            ways += [
                (channel, low, high, targets, BATCH_PARTS, "")
                for at, channel in enumerate(channels)
                for (low, high), crowd in zip(spans, crowded, strict=True)
                if crowd[at]
            ]
            # the lines that say they pay salaries (`…-RAMESH PATIL-…-OCT SALARY`), a channel
            # of their own: an upload of salaries beside a vendor's NEFT of the same day
            ways += [
                (salaries, low, high, targets, BATCH_PARTS, " that says salary,")
                for low, high in spans
                if len(salaries) >= BATCH_PARTS
            ]
            # a charges journal: the month's charges before it
            text = one.lines["text"].iloc[targets].fillna("").astype(str)
            charges = _charges_journal(text)
            ways.append((bank_charges, -BATCH_CHARGES_DAYS, 0, targets[charges], CHARGES_PARTS, ""))
        for lines, low, high, some, least, what in ways:
            allowed = lines[other_open[lines]]  # open now: earlier batches took theirs
            found = _batch_targets(other, allowed, some, signed, days, low, high, least)
            for target in found.tolist():
                if not one_open[target]:
                    continue
                amount, day = int(signed[target]), int(days[target])
                allowed = allowed[other_open[allowed]]
                parts = _batch_parts(other, allowed, amount, day + low, day + high, least)
                if parts is None:
                    continue
                bank, ledger = ([target], parts) if one_is_bank else (parts, [target])
                if any((b, g) in run.rejected for b in bank for g in ledger):
                    continue
                if low == high == 0:
                    where = "of its day"
                elif low == -BATCH_CHARGES_DAYS:
                    where = (
                        "of the bank's charges, and the GST on them, in the "
                        f"{BATCH_CHARGES_DAYS} days before it"
                    )
                else:
                    where = f"from {low:+d} to {high:+d} days from it"
                run.take_group(
                    bank,
                    ledger,
                    "Batch",
                    f"{len(parts)} {'ledger' if one_is_bank else 'bank'} lines add up to this "
                    f"line to the paisa: every open one{what} {where}",
                )
    _charges_of_some_kinds(run)
    _charges_with_their_gst(run)
    _batches_of_one_narration(run)
    _salary_batches(run)
    _salary_batches_in_part(run)
    _salaries_and_the_rest(run)


BATCH_WORDS = r"(?i)\b(?:BULK|BATCH|SALARY|SALARIES|PAYROLL|WAGES|UPLOAD)\b"
"""Words with which a bank line that names someone still says it is a batch."""
SALARY_WORDS = r"(?i)\b(?:SALARY|SALARIES|SAL|WAGES|PAYROLL|STIPEND)\b"
"""Words of a line that pays salaries, however the rest is worded: a voucher's `Being salary
for Oct 2026 paid incl arrears`, a bank's `NEFT DR-…-RAMESH PATIL-…-OCT SALARY`."""


def _salary_batches(run: _Matching) -> None:
    """A bank line that names no one, or says it is a batch (BATCH_WORDS: `BIL/BULK/SALARY
    OCT26/SAHYADRI`, `BULK SALARY UPLOAD OCT26`), that is to the paisa the total of every open
    salary voucher (SALARY_WORDS in its narration or particulars, however worded: one says
    `… incl arrears`) in its direction in the window of its date, at least BATCH_PARTS of them:
    the books paid each employee by a voucher of their own, some dated the 30th and some the
    31st, and the bank debited one upload. No subset is searched: every salary voucher of the
    window, or nothing."""
    ledger = run.ledger.lines
    if "note" not in ledger:
        return
    bank_signed = run.bank.lines["signed"].to_numpy(dtype=np.int64)
    bank_text = run.bank.lines["text"].fillna("").astype(str)
    targets = np.flatnonzero(run.bank_open & (bank_signed != 0))
    if not len(targets):
        return
    targets = targets[~run.bank_named[targets] | contains(bank_text.iloc[targets], BATCH_WORDS)]
    ledger_signed = ledger["signed"].to_numpy(dtype=np.int64)
    # a salary voucher paired on its amount alone with a bank line that names someone else (a
    # cheque to SHAKTI TRADERS of the same 50,058.00 ten days on) is asked for too: an upload
    # that it and every open salary voucher of the window make up to the paisa takes it back
    weak = _paired_on_amount_alone(run)
    # … and on its own day, any voucher taken on its amount alone: three of an upload's 250
    # vouchers taken with UPI payments to others of their amounts no longer keep it apart
    of_its_day = _taken_on_amount(run)
    vouchers = _salary_vouchers(run, (run.ledger_open | weak | of_its_day) & (ledger_signed != 0))
    if not len(targets) or len(vouchers) < BATCH_PARTS:
        return
    # the ledger's days as seen from a bank line's: its own day, then bank − books from before
    # to after (an upload of the 5th is every salary voucher of the 5th, where a voucher of
    # the 2nd or the 9th is another's)
    days = run.bank.lines["day"].to_numpy(dtype=np.int64)
    spans = [(0, 0), (-run.window.after, -run.window.before)]
    for taking_back, (low, high) in product((False, True), spans):
        # the open vouchers first: a pair stands if it can
        weak_now = weak | of_its_day if low == high == 0 else weak
        allowed = vouchers[run.ledger_open[vouchers] | (weak_now[vouchers] & taking_back)]
        for target in _batch_targets(
            run.ledger, allowed, targets, bank_signed, days, low, high
        ).tolist():
            if not run.bank_open[target]:
                continue
            still = allowed[run.ledger_open[allowed] | (weak_now[allowed] & taking_back)]
            amount, day = int(bank_signed[target]), int(days[target])
            parts = _batch_parts(run.ledger, still, amount, day + low, day + high)
            if parts is None or any((target, part) in run.rejected for part in parts):
                continue
            back = [part for part in parts if not run.ledger_open[part]]
            if back:
                _take_back(run, back)
                weak[back] = of_its_day[back] = weak_now[back] = False
            run.take_group(
                [target],
                parts,
                "Batch",
                f"{len(parts)} ledger lines add up to this line to the paisa: every open salary "
                + (
                    "voucher of its day"
                    if low == high == 0
                    else f"voucher from {low:+d} to {high:+d} days from it"
                )
                + (
                    f"; {len(back)} of them first paired with another bank line on the amount "
                    "alone, taken back"
                    if back
                    else ""
                ),
            )


def _salaries_and_the_rest(run: _Matching) -> None:
    """A salary voucher of the books that names no one (`Salary Payable`, `Being salary for Oct
    2026 paid`) that is to the paisa the total of the bank's open lines of one day in its window
    that say salary (SALARY_WORDS, at least BATCH_PARTS: the upload's `…/SAL OCT26` NEFTs) and
    of one set of that day's other open lines that name a person (the employees paid by IMPS,
    `MOB/IMPS/…/NAGARAJANJ/FDRL`), beside a vendor's payment and the day's charges, which are
    no part of it. The set is:
    - among at most SALARY_REST_LINES such lines, the only set of the window that makes up the
      rest, of at least MIN_PARTS: one payment alone that makes up the rest is as likely a
      vendor's whose name IMPS cut (`SHARMATRAD`) as an employee's;
    - among more, every one of some of the day's channels, or all of them but the one set of
      one or two (HELD_OUT) whose amounts are the difference (a vendor's proprietor paid that
      day): no subset search, as with an upload (`_salary_batches_in_part`) (`_every_or_all_but`).
    Where no day of the window has an upload, a day's payments to persons of which none says
    salary (Kotak's NEFTs and IMPS to each employee), at least BATCH_PARTS: every one of some of
    the day's channels, or nothing (a day's truck hire of nine payments, eight of which make up
    the voucher by chance, is no payroll); of more than SALARY_REST_LINES, all but one or two
    too (fifty employees' NEFTs beside a vendor's proprietor paid that day)."""
    ledger, bank = run.ledger.lines, run.bank.lines
    ledger_signed = ledger["signed"].to_numpy(dtype=np.int64)
    targets = np.flatnonzero(run.ledger_open & ~run.ledger_named & (ledger_signed != 0))
    targets = targets[contains(ledger["text"].iloc[targets].fillna("").astype(str), SALARY_WORDS)]
    opened = np.flatnonzero(run.bank_open & run.bank_named)
    if not len(targets) or len(opened) < BATCH_PARTS:
        return
    bank_signed = bank["signed"].to_numpy(dtype=np.int64)
    bank_day = bank["day"].to_numpy(dtype=np.int64)
    text = bank["text"].iloc[opened].fillna("").astype(str)
    said = np.zeros(len(bank), dtype=bool)
    said[opened] = contains(text, SALARY_WORDS)
    # named, a person's: no charge, no firm's (the remitting bank's own `ICICI BANK LIMITED` in
    # an NEFT's narration is no firm paid)
    payee = text.str.replace(_BANK_LIMITED, "BANK", regex=True)
    other = np.zeros(len(bank), dtype=bool)
    other[opened] = ~said[opened] & ~contains(text, CHARGE_WORDS) & ~contains(payee, _A_FIRM)
    # each payment's channel, the narration's first word (IMPS, NEFT, UPI), numbered
    channel = np.full(len(bank), -1, dtype=np.int64)
    paid = (other | said)[opened]
    words = text[paid].str.upper().str.extract(r"^\W*([A-Z]+)", expand=False).fillna("")
    channel[opened[paid]] = pd.factorize(words)[0]
    ledger_day = ledger["day"].to_numpy(dtype=np.int64)
    for target in targets.tolist():
        amount, day = int(ledger_signed[target]), int(ledger_day[target])
        way = run.bank_open & (np.sign(bank_signed) == np.sign(amount))
        found: list[tuple[np.ndarray, np.ndarray]] = []
        # the days with an upload first (at least BATCH_PARTS lines that say salary: one or two
        # such lines may be another month's held salary), then the days where none says it,
        # whose payments to persons (truck hire, a proprietor's bills) are all of some of the
        # day's channels or nothing: no subset, no lines left out
        for with_upload in (True, False):
            persons = other if with_upload else other | said
            for on in range(day + run.window.before, day + run.window.after + 1):
                found += _salary_day_sets(
                    bank_signed, channel, way & (bank_day == on), said, persons, amount, with_upload
                )
            if len({tuple(lines.tolist()) for _, lines in found}) == 1:
                found = found[:1]  # one set, found in more than one of its day's pools
            if found:
                break
        if len(found) != 1 or len(found[0][1]) < MIN_PARTS:
            continue  # one payment alone making up the rest is as likely a vendor's (helper-149)
        upload, rest_lines = found[0]
        if len(upload) + len(rest_lines) < BATCH_PARTS:
            continue
        parts = sorted([*upload.tolist(), *rest_lines.tolist()])
        if any((part, target) in run.rejected for part in parts):
            continue
        how = (
            f"the {len(upload)} of their day that say salary and {len(rest_lines)} other "
            "payment(s) of that day to persons"
            if len(upload)
            else "payments of one day to persons, none of which says salary"
        )
        run.take_group(
            parts,
            [target],
            "Batch",
            f"{len(parts)} bank lines add up to this line to the paisa: {how}, the only set that "
            "makes up the rest",
        )


def _salary_day_sets(
    signed: np.ndarray,
    channel: np.ndarray,
    day_lines: np.ndarray,
    said: np.ndarray,
    persons: np.ndarray,
    amount: int,
    with_upload: bool,
) -> list[tuple[np.ndarray, np.ndarray]]:
    """`_salaries_and_the_rest`'s sets of one day (`day_lines`, a mask of its open lines of the
    voucher's direction): (the upload, the rest's lines) for each set that makes up `amount`.
    With an upload, only where BATCH_PARTS lines or more say salary; without, only where fewer
    do, and those few are payments as any other (`persons`)."""
    upload = np.flatnonzero(day_lines & said)
    if (len(upload) >= BATCH_PARTS) != with_upload:
        return []
    if not with_upload:
        upload = upload[:0]
    rest = amount - int(signed[upload].sum())
    if rest == 0 or (rest > 0) != (amount > 0):
        return []  # all of them alone: `_batches`' (or none)
    others = np.flatnonzero(day_lines & persons)
    others = others[np.abs(signed[others]) <= abs(rest)]
    if len(upload) + len(others) < BATCH_PARTS:
        return []
    if with_upload and len(others) <= SALARY_REST_LINES:
        return [(upload, others[pick]) for pick in _sets_adding_up(signed[others], rest)]
    held_out = with_upload or len(others) > SALARY_REST_LINES
    return [(upload, lines) for lines in _every_or_all_but(signed, channel, others, rest, held_out)]


def _every_or_all_but(
    signed: np.ndarray, channel: np.ndarray, lines: np.ndarray, total: int, held_out: bool = True
) -> list[np.ndarray]:
    """The sets of `lines` (one day's payments to persons, their `signed` amounts and `channel`
    numbers) that add up to `total` as a whole: every one of a pool, or all of it but one or two
    (`_all_but`), where a pool is the lines of some of the day's channels (the narration's
    first word: its IMPS and NEFTs, beside its UPIs and RTGS), SALARY_CHANNELS at most, and of
    each, those in whole rupees (a payroll's net pay is rounded to the rupee; a vendor's bill is
    not). No subset of lines is searched: a total, and one lookup of the difference a pool
    whose total is within HELD_OUT of its largest lines of `total`."""
    channel = channel[lines]
    kinds, counts = np.unique(channel, return_counts=True)
    if len(kinds) > SALARY_CHANNELS:  # the busiest, and the rest as one
        busiest = kinds[np.argsort(-counts, kind="stable")[: SALARY_CHANNELS - 1]]
        channel = np.where(isin(channel, busiest), channel, -1)
        kinds = np.unique(channel)
    whole = signed[lines] % WHOLE_RUPEE == 0
    found: dict[tuple[int, ...], np.ndarray] = {}
    for chosen in range(1, 1 << len(kinds)):
        mine = isin(channel, kinds[(chosen >> np.arange(len(kinds))) & 1 == 1])
        for pool in (lines[mine], lines[mine & whole]):
            if len(pool) < MIN_PARTS:
                continue
            values = signed[pool]
            over = int(values.sum()) - total
            if over == 0:
                found.setdefault(tuple(pool.tolist()), pool)
                continue
            most = np.sort(np.abs(values))[-HELD_OUT:].sum()
            if not held_out or (over > 0) != (total > 0) or abs(over) > most:
                continue  # no one or two of its lines can be the difference
            held = _all_but(pool, values, total)
            if held is not None:
                found.setdefault(tuple(held), np.asarray(held, dtype=np.int64))
    return list(found.values())


SALARY_CHANNELS = 4
"""Channels of a day's payments to persons (IMPS, NEFT, UPI, RTGS; the rest counted as one) whose
every union is a pool a salary's rest may be all of (`_every_or_all_but`): 15 pools, and as many
of their lines in whole rupees."""

_BANK_LIMITED = r"(?i)\bBANK\s+(?:LTD|LIMITED)\b"
"""A remitting bank's name as an NEFT's narration writes it (`/ICICI BANK LIMITED/`)."""


_A_FIRM = (
    r"(?i)\b(?:TRADERS?|TRADING|STORES?|ENTERPRISES?|AGENC(?:Y|IES)|INDUSTRIES|CO|LLP|PVT|LTD"
    r"|LIMITED|CORPORATION|SONS|BROTHERS|BROS|TEXTILES|MILLS|EXPORTS|SUPPLIERS|DISTRIBUTORS"
    r"|MARKETING|SALES|SERVICES|SOLUTIONS|LOGISTICS|TRANSPORT|MOTORS|HARDWARE|ELECTRICALS)\b"
)
"""Words of a firm's name: a payment to one is no employee's salary (`match._salaries_and_the_rest`)."""


def _subsets(count: int) -> np.ndarray:
    """Every non-empty set of `count` places, a row each of 0s and 1s (set × place)."""
    return (np.arange(1, 1 << count, dtype=np.int64)[:, None] >> np.arange(count)) & 1


def _sets_adding_up(values: np.ndarray, total: int) -> list[np.ndarray]:
    """Every set of `values` (positions) adding up to `total`, all 2^n sets tried at once."""
    bits = _subsets(len(values))
    return [np.flatnonzero(row) for row in bits[bits @ values.astype(np.int64) == total]]


def _salary_batches_in_part(run: _Matching) -> None:
    """A salary upload (a bank line that says BATCH_WORDS) that is not every open salary voucher
    of its window, as `_salary_batches` takes, but:
    - a run of them in the order the books entered them, at least BATCH_PARTS: a portal takes
      so many a file, and `BULK SALARY UPLOAD BATCH 1` is the first 25 vouchers, `BATCH 2` the
      other 15 — the one such run of the window;
    - or all of them but one or two (HELD_OUT) whose amounts are the difference: a salary held,
      an employee paid by cheque — the one such set, left open for the BRS.
    Each found by totals (running sums, a lookup of the difference), no search of subsets."""
    if "note" not in run.ledger.lines:
        return
    bank_signed = run.bank.lines["signed"].to_numpy(dtype=np.int64)
    bank_text = run.bank.lines["text"].fillna("").astype(str)
    targets = np.flatnonzero(run.bank_open & (bank_signed != 0))
    targets = targets[contains(bank_text.iloc[targets], BATCH_WORDS)]
    if not len(targets):
        return
    ledger = run.ledger.lines
    ledger_signed = ledger["signed"].to_numpy(dtype=np.int64)
    vouchers = _salary_vouchers(run, run.ledger_open & (ledger_signed != 0))
    if len(vouchers) < BATCH_PARTS:
        return
    low, high = -run.window.after, -run.window.before  # the books' days from the bank's
    bank_day = run.bank.lines["day"].to_numpy(dtype=np.int64)
    ledger_day = ledger["day"].to_numpy(dtype=np.int64)
    for in_runs in (True, False):
        for target in targets.tolist():
            if not run.bank_open[target]:
                continue
            amount, day = int(bank_signed[target]), int(bank_day[target])
            mine = vouchers[
                run.ledger_open[vouchers]
                & (ledger_day[vouchers] >= day + low)
                & (ledger_day[vouchers] <= day + high)
                & ((ledger_signed[vouchers] > 0) == (amount > 0))
            ]
            if len(mine) < BATCH_PARTS:
                continue
            values = ledger_signed[mine]
            if int(values.sum()) == amount:  # the rest, once another upload took its run
                parts: list[int] | None = [int(line) for line in mine]
            elif in_runs:
                parts = _one_run(mine, values, amount)
                # a run that leaves a few out is the upload less a held salary: the other rule's
                # (which takes it only where one set is the rest), unless the others are
                # another upload's
                others = targets[
                    run.bank_open[targets]
                    & (targets != target)
                    & (np.abs(bank_day[targets] - day) <= high - low)
                ]
                rest = int(values.sum()) - amount
                if (
                    parts is not None
                    and len(mine) - len(parts) < BATCH_PARTS
                    and rest not in bank_signed[others].tolist()
                ):
                    parts = None
            else:
                parts = _all_but(mine, values, amount)
            if parts is None or any((target, part) in run.rejected for part in parts):
                continue
            left, days = len(mine) - len(parts), f"from {low:+d} to {high:+d} days from it"
            if left == 0:
                which = f"every open salary voucher {days}, the others taken by another upload"
            elif in_runs:
                which = (
                    f"a run of the salary vouchers {days}, in the order the books entered them; "
                    f"{left} other(s) of those days are not in it"
                )
            else:
                which = (
                    f"every open salary voucher {days} but {left}, whose amount is the rest: "
                    "paid otherwise, or held?"
                )
            run.take_group(
                [target],
                parts,
                "Batch",
                f"{len(parts)} ledger lines add up to this line to the paisa: {which}",
            )


def _salary_vouchers(run: _Matching, lines: np.ndarray) -> np.ndarray:
    """The positions of the ledger's `lines` (a mask) that pay salaries: SALARY_WORDS in their
    narration or particulars, however worded; not the TDS on them, booked to a ledger of its own
    (SALARY_TDS_LEDGER)."""
    ledger = run.ledger.lines
    at = np.flatnonzero(lines)
    note = ledger["note"].iloc[at].fillna("").astype(str)
    text = ledger["text"].iloc[at].fillna("").astype(str)
    says = contains(note, SALARY_WORDS) | contains(text, SALARY_WORDS)
    return np.asarray(at[says & ~contains(text, SALARY_TDS_LEDGER)], dtype=np.int64)


SALARY_TDS_LEDGER = r"(?i)\b(?:TDS|CHALLAN|ITNS\s*281|U/S\s*192)\b"
"""Words of a voucher's particulars (the ledger it is booked to) that make it the tax deducted
from salaries, paid by challan (`TDS on Salary (192)`), no employee's pay. Its narration may
say TDS of a salary voucher too (`Salary Oct 2026 (net of TDS)`), which is still pay."""


def _one_run(lines: np.ndarray, values: np.ndarray, amount: int) -> list[int] | None:
    """The one run of `lines` (in order) of at least BATCH_PARTS, and not all of them, whose
    `values` add up to `amount`; None where there is none or more than one."""
    running = np.r_[0, np.cumsum(values)].tolist()
    found: list[tuple[int, int]] = []
    starts: dict[int, list[int]] = {}  # running total → the starts it is at, BATCH_PARTS back
    for end in range(BATCH_PARTS, len(running)):
        starts.setdefault(running[end - BATCH_PARTS], []).append(end - BATCH_PARTS)
        found += [(start, end) for start in starts.get(running[end] - amount, [])]
        if len(found) > 1:
            return None
    if len(found) != 1 or found[0][1] - found[0][0] == len(lines):
        return None
    start, end = found[0]
    return [int(line) for line in lines[start:end]]


def _all_but(lines: np.ndarray, values: np.ndarray, amount: int) -> list[int] | None:
    """`lines` but the one set of one or two (HELD_OUT) whose `values` add up to the lines'
    total less `amount`; None where there is no such set, or several."""
    rest = int(values.sum()) - amount
    if rest == 0 or (rest > 0) != (amount > 0):
        return None
    held: list[list[int]] = [[int(at)] for at in np.flatnonzero(values == rest)]
    seen: dict[int, list[int]] = {}
    for at, value in enumerate(values.tolist()):
        if HELD_OUT >= 2:
            held += [[other, at] for other in seen.get(rest - value, [])]
        if len(held) > 1:
            return None
        seen.setdefault(value, []).append(at)
    if len(held) != 1 or len(lines) - len(held[0]) < BATCH_PARTS:
        return None
    return [int(line) for line in np.delete(lines, held[0])]


def _paired_on_amount_alone(
    run: _Matching, ledger_side: bool = True, names_differ: bool = True
) -> np.ndarray:
    """Which lines of one side (the ledger's, or the bank's) are taken in a pair of amount and
    date alone, with `names_differ` only those whose other line's name is not alike to theirs
    (below COMBINATION_ALIKE): pairs a set of lines adding up to the paisa may take back."""
    weak = np.zeros(len(run.ledger if ledger_side else run.bank), dtype=bool)
    if not run.taken or run.names is None:
        return weak
    taken = pd.concat(run.taken, ignore_index=True)
    by_amount = taken[taken["rule"] == "Amount and date"]
    b = by_amount["bank"].to_numpy(dtype=np.int64)
    g = by_amount["ledger"].to_numpy(dtype=np.int64)
    lines = g if ledger_side else b
    weak[lines[run.names.alike(b, g) < COMBINATION_ALIKE] if names_differ else lines] = True
    return weak


def _take_back(run: _Matching, lines: list[int], ledger_side: bool = True) -> None:
    """Undo the 1:1 pairs, and the combinations, that took `lines` (the ledger's, or the
    bank's): every line of each is open again."""
    column, partner = ("ledger", "bank") if ledger_side else ("bank", "ledger")
    if run.taken:
        taken = pd.concat(run.taken, ignore_index=True)
        undone = taken[column].isin(lines).to_numpy(dtype=bool)
        partners = taken.loc[undone, partner].to_numpy(dtype=np.int64)
        (run.bank_open if ledger_side else run.ledger_open)[partners] = True
        run.taken = [taken[~undone]]
    wanted = set(lines)
    side = 1 if ledger_side else 0
    kept = []
    for group in run.groups:
        if any(pair[side] in wanted for pair in group[1]):
            run.bank_open[[b for b, _ in group[1]]] = True
            run.ledger_open[[g for _, g in group[1]]] = True
        else:
            kept.append(group)
    run.groups = kept
    (run.ledger_open if ledger_side else run.bank_open)[lines] = True


def _taken_on_amount(run: _Matching) -> np.ndarray:
    """Which ledger lines are taken on their amount (and date) alone, however alike the names:
    1:1 pairs of amount and date (`_paired_on_amount_alone` without names), among identical
    book lines, and combinations of two or three bank lines for one. An upload whose every
    salary voucher of its day adds up to it to the paisa outweighs any of them."""
    weak = _paired_on_amount_alone(run, names_differ=False)
    if run.taken:
        taken = pd.concat(run.taken, ignore_index=True)
        weak[taken.loc[taken["rule"] == "Identical lines", "ledger"].to_numpy(dtype=np.int64)] = (
            True
        )
    for _, rows, rule, *_ in run.groups:
        ledger = {g for _, g in rows}
        if rule == "Combination" and len(ledger) == 1 and len(rows) <= MAX_PARTS:
            weak[list(ledger)] = True
    return weak


def _batches_of_one_narration(run: _Matching) -> None:
    """A bank line that is to the paisa the total of every open ledger line of one day in its
    direction that shares one narration (its long numbers aside), at least BATCH_PARTS of them:
    a salary upload (`BIL/BULK/SALARY OCT26/DECCAN`) the books took per employee, each `Being
    salary for Oct 2026 paid`, beside the day's other payments. Taken where the bank line is the
    only open one of that amount in the day's window that such lines add up to, and theirs the
    only such group it fits."""
    if "note" not in run.ledger.lines:
        return
    ledger_signed = run.ledger.lines["signed"].to_numpy(dtype=np.int64)
    lines = np.flatnonzero(run.ledger_open & (ledger_signed != 0))
    kind = _kind_of(run.ledger.lines["note"].iloc[lines])
    # a narration of words (`BEING SALARY FOR OCT PAID`), not a cheque number's or a UTR's
    # leftovers (`CH. NO. :`, `HDFCN`)
    worded = contains(kind, r"[A-Z]{3,}\W+[A-Z]{3,}")
    lines, kind = lines[worded], kind[worded]
    if len(lines) < BATCH_PARTS:
        return
    code = pd.factorize(kind)[0].astype(np.int64)
    lines, starts, sizes, b, at = _groups_adding_up(run, lines, code, BATCH_PARTS, len(lines))
    # the bank line names no one, or a batch (`BIL/BULK/SALARY OCT26/DECCAN`): NEFT CR from
    # Sharma Enterprises is no total of eight parents' fees, whatever it adds up to
    text = run.bank.lines["text"].iloc[b].fillna("").astype(str)  # the targets' only
    batch_like = ~run.bank_named[b] | contains(text, BATCH_WORDS)
    for target, group in zip(b[batch_like].tolist(), at[batch_like].tolist(), strict=True):
        parts = lines[starts[group] : starts[group] + sizes[group]].tolist()
        if any((target, part) in run.rejected for part in parts):
            continue
        said = str(run.ledger.lines["note"].iat[parts[0]])
        run.take_group(
            [target],
            parts,
            "Batch",
            f"{len(parts)} ledger lines add up to this line to the paisa: every open one of "
            f"their day that says `{said}`",
        )


def _charges_of_some_kinds(run: _Matching) -> None:
    """A ledger line of bank charges that is not the total of all the bank's open charges of
    the BATCH_CHARGES_DAYS before it, but is to the paisa the total of every one of some kinds
    (a kind: the narration without its numbers of three digits or more): the books took the
    month's NEFT, IMPS and SMS charges in one journal and each cheque-return charge apart, on
    its own day. Taken where one choice of kinds alone adds up (at most CHARGE_KINDS kinds
    searched), with at least BATCH_PARTS lines."""
    ledger_text = run.ledger.lines["text"].fillna("").astype(str)
    ledger_signed = run.ledger.lines["signed"].to_numpy(dtype=np.int64)
    targets = np.flatnonzero(
        run.ledger_open & ~run.ledger_named & (ledger_signed != 0) & _charges_journal(ledger_text)
    )
    if not len(targets):
        return
    bank_text = run.bank.lines["text"].fillna("").astype(str)
    bank_signed = run.bank.lines["signed"].to_numpy(dtype=np.int64)
    bank_day = run.bank.lines["day"].to_numpy(dtype=np.int64)
    ledger_day = run.ledger.lines["day"].to_numpy(dtype=np.int64)
    charges = _bank_charges(run.bank, np.arange(len(bank_text)))
    # the GST on a charge is of the charge's kind (`CGST ON NEFT CHGS` is `NEFT CHGS`): the two
    # are booked together, or neither
    kind_code, kinds = pd.factorize(_kind_of(bank_text.str.replace(_GST_OF, "", regex=True)))
    for target in targets.tolist():
        amount, day = int(ledger_signed[target]), int(ledger_day[target])
        lines = np.flatnonzero(
            run.bank_open
            & charges
            & (bank_day >= day - BATCH_CHARGES_DAYS)
            & (bank_day <= day)
            & ((bank_signed > 0) == (amount > 0))
            & (bank_signed != 0)
        )
        present, kind = np.unique(kind_code[lines], return_inverse=True)
        if not 1 < len(present) <= CHARGE_KINDS:
            continue
        totals = np.bincount(kind, weights=bank_signed[lines]).astype(np.int64)
        counts = np.bincount(kind)
        # every choice of kinds (but all of them, which the batch pass tried) as a row of bits
        chosen = (np.arange(1, 2 ** len(present) - 1)[:, None] >> np.arange(len(present))) & 1
        fits = np.flatnonzero((chosen @ totals == amount) & (chosen @ counts >= BATCH_PARTS))
        if len(fits) != 1:
            continue
        picked = np.flatnonzero(chosen[fits[0]])
        parts = lines[np.isin(kind, picked)].tolist()
        if any((b, target) in run.rejected for b in parts):
            continue
        named = ", ".join(f"`{kinds[present[k]]}`" for k in picked)
        run.take_group(
            parts,
            [target],
            "Batch",
            f"{len(parts)} bank lines add up to this line to the paisa: every open charge of "
            f"the {BATCH_CHARGES_DAYS} days before it of the kinds {named} (the others, "
            "booked apart, are not in it)",
        )


def _charges_with_their_gst(run: _Matching) -> None:
    """A bank charge and the GST on it (the bank's two or three lines of one day: `SMS ALERT
    CHGS QTR SEP-NOV` 45.00 and `IGST ON SMS ALERT CHGS` 8.10; or CGST and SGST of 4.05 each)
    against the books' one charges journal of their total (53.10), where the month's other
    charges are booked apart, or not yet. The GST lines are the charge's: of its day and way,
    their words after `IGST ON` all the charge's (or none, a bare `GST`), and GST_RATE of it to
    the paisa (half each, CGST and SGST). Taken where the charge and its GST are the journal's
    one such set in its window (the books' day up to BATCH_CHARGES_DAYS after the bank's, or
    the window before), and the journal the set's one."""
    bank_text = run.bank.lines["text"].fillna("").astype(str)
    bank_signed = run.bank.lines["signed"].to_numpy(dtype=np.int64)
    bank_day = run.bank.lines["day"].to_numpy(dtype=np.int64)
    open_lines = np.flatnonzero(run.bank_open & (bank_signed < 0))
    if len(open_lines) < MIN_PARTS:
        return
    text = bank_text.iloc[open_lines]
    gst = contains(text, _GST_OF)
    charge = contains(text, CHARGE_WORDS) & ~gst
    if not charge.any() or not gst.any():
        return
    gst_lines, charge_lines = open_lines[gst], open_lines[charge]
    gst_of = bank_text.iloc[gst_lines].str.replace(_GST_OF, "", regex=True)
    of_day: dict[int, list[tuple[int, set[str]]]] = {}  # each day's GST lines, with their words
    for g, rest in zip(gst_lines.tolist(), gst_of.tolist(), strict=True):
        of_day.setdefault(int(bank_day[g]), []).append((int(g), _charge_words(rest)))
    sets: list[tuple[int, list[int]]] = []  # (the charge, its GST lines)
    for line in charge_lines.tolist():
        words = _charge_words(str(bank_text.iat[line]))
        mine = [g for g, named in of_day.get(int(bank_day[line]), []) if named <= words]
        tax = -int(bank_signed[line]) * GST_RATE
        fits = [
            group
            for group in ([g] for g in mine)
            if abs(-int(bank_signed[group[0]]) * 100 - tax) <= 100
        ] + [
            [one, other]
            for at, one in enumerate(mine)
            for other in mine[at + 1 :]
            if all(abs(-int(bank_signed[g]) * 200 - tax) <= 200 for g in (one, other))
        ]
        if len(fits) == 1:
            sets.append((line, fits[0]))
    if not sets:
        return
    ledger_text = run.ledger.lines["text"].fillna("").astype(str)
    ledger_signed = run.ledger.lines["signed"].to_numpy(dtype=np.int64)
    ledger_day = run.ledger.lines["day"].to_numpy(dtype=np.int64)
    journals = np.flatnonzero(run.ledger_open & (ledger_signed < 0) & _charges_journal(ledger_text))
    found = []
    for line, taxes in sets:
        total = int(bank_signed[[line, *taxes]].sum())
        gap = ledger_day[journals] - bank_day[line]  # books − bank
        mine = journals[
            (ledger_signed[journals] == total)
            & (gap >= -run.window.after)
            & (gap <= max(BATCH_CHARGES_DAYS, -run.window.before))
        ]
        if len(mine) == 1:
            found.append((line, taxes, int(mine[0])))
    counts = Counter(journal for _, _, journal in found)
    for line, taxes, journal in found:
        bank = [line, *taxes]
        if counts[journal] != 1 or any((b, journal) in run.rejected for b in bank):
            continue
        said = " + ".join(f"{format_inr(from_paise(-int(bank_signed[b])))}" for b in bank)
        run.take_group(
            bank,
            [journal],
            "Batch",
            f"a charge and the GST on it ({said}) add up to this line to the paisa: the bank's "
            f"lines of one day, the GST {GST_RATE}% of the charge",
        )


def _charge_words(text: str) -> set[str]:
    """A charge's words, or those a GST line names its charge by (`GST @18% ON SMS CHGS`, its
    GST words taken off: SMS, CHGS), of two letters or more but the joining ON and OF."""
    return set(re.findall(r"[A-Z]{2,}", text.upper())) - {"ON", "OF"}


def _channels(bank: Side, open_lines: np.ndarray) -> list[np.ndarray]:
    """The open bank lines of each channel that has at least BATCH_PARTS of them, each as their
    positions in order. A channel is the narration's first word (NEFT, RTGS, IMPS, UPI, CHQ),
    and, apart, its words before the first with a digit in it (SBI's `TO TRANSFER-INB NEFT`;
    a payee's name where a bank writes it before the first number, so there may be thousands of
    channels: each is only its own lines)."""
    lines = np.flatnonzero(open_lines)
    text = bank.lines["text"].iloc[lines].fillna("").astype(str).str.upper()
    channels = []
    for pattern in (r"^\W*([A-Z]+)", r"^\W*((?:[A-Z]+\W+){1,4})(?:[A-Z]*[0-9]|$)"):
        words = text.str.extract(pattern, expand=False).fillna("")
        words = words.str.replace(r"\W+", " ", regex=True).str.strip()
        codes, names = pd.factorize(words)
        counts = np.bincount(codes[codes >= 0], minlength=len(names))
        big = np.flatnonzero((counts >= BATCH_PARTS) & (names != ""))
        if not len(big):
            continue
        # the lines of every big channel at once, grouped by channel, in order within each
        mine = np.flatnonzero(np.isin(codes, big))
        order = np.argsort(codes[mine], kind="stable")
        ends = np.cumsum(counts[big])
        channels += np.split(lines[mine[order]], ends[:-1])
    return channels


def _crowded(channels: list[np.ndarray], bank: Side, days: int) -> np.ndarray:
    """Which `channels` have at least BATCH_PARTS lines within some `days` days running: only
    they can be a batch of a window that long (thousands of channels of a few lines each, a
    payee's name where a bank writes it first, are passed over at once)."""
    if not channels:
        return np.zeros(0, dtype=bool)
    sizes = np.array([len(c) for c in channels], dtype=np.int64)
    day = bank.lines["day"].to_numpy(dtype=np.int64)[np.concatenate(channels)]
    first = int(day.min())
    key = np.repeat(np.arange(len(channels), dtype=np.int64), sizes) * (
        int(day.max()) - first + days + 1
    ) + (day - first)
    key.sort()
    within = np.searchsorted(key, key + days - 1, side="right") - np.arange(len(key))
    densest = np.maximum.reduceat(within, np.r_[0, np.cumsum(sizes)[:-1]])
    return np.asarray(densest >= BATCH_PARTS, dtype=bool)


def _batch_targets(
    side_: Side,
    allowed: np.ndarray,
    targets: np.ndarray,
    signed: np.ndarray,
    days: np.ndarray,
    low: int,
    high: int,
    least: int = BATCH_PARTS,
) -> np.ndarray:
    """The `targets` that the `allowed` lines of `side_` (positions, in order) in their
    direction, dated `low`–`high` days from theirs, number at least `least` and add up to
    (all at once, by running totals over the lines in date order)."""
    if not len(targets) or len(allowed) < least:
        return targets[:0]
    value = side_.lines["signed"].to_numpy(dtype=np.int64)[allowed]
    day = side_.lines["day"].to_numpy(dtype=np.int64)[allowed]
    hits = np.zeros(len(targets), dtype=bool)
    for money_in in (True, False):
        lines = np.flatnonzero(((value > 0) == money_in) & (value != 0))
        mine = (signed[targets] > 0) == money_in
        if len(lines) < least or not mine.any():
            continue
        order = np.argsort(day[lines], kind="stable")
        sorted_days = day[lines][order]
        running = np.r_[0, np.cumsum(value[lines][order])]
        first = np.searchsorted(sorted_days, days[targets] + low, side="left")
        last = np.searchsorted(sorted_days, days[targets] + high, side="right")
        hits |= mine & (last - first >= least) & (running[last] - running[first] == signed[targets])
    return targets[hits]


def _batch_parts(
    side_: Side, allowed: np.ndarray, amount: int, first: int, last: int, least: int = BATCH_PARTS
) -> list[int] | None:
    """The `allowed` lines of `side_` (positions, in order) of `amount`'s direction and dated
    `first`–`last`, when there are at least `least` of them and they add up to `amount`; else
    None."""
    day = side_.lines["day"].to_numpy(dtype=np.int64)[allowed]
    signed = side_.lines["signed"].to_numpy(dtype=np.int64)[allowed]
    taken = (day >= first) & (day <= last) & ((signed > 0) == (amount > 0)) & (signed != 0)
    if np.count_nonzero(taken) < least or int(signed[taken].sum()) != amount:
        return None
    return [int(line) for line in allowed[taken]]


def _sets_taken_back(run: _Matching, bank_target: bool) -> bool:
    """A transfer against several invoices, or a payment made in parts, one line of whose set
    went to another line that only shares its amount. With `bank_target`: a customer's transfer
    against several invoices, one of which an unbooked receipt of 5,200.00 from the same
    customer took; without: a supplier's bill of 2,05,073.00 paid by UPI in three parts, the
    first 1,00,000.00 of which the books' nameless Rent of that day took. Once everything else
    is decided, an open line that names a party, whose amount is not a round hundred (ROUND),
    that is no cheque or return and had no line of its amount in the window, is searched again
    among that party's open lines on the other side and those paired on amount and date alone;
    where exactly one set adds up to it, and it holds at most one such paired line, that pair
    is undone (its other line is open again) and the set is taken. The set explains every line
    of it to the paisa; the pair, one. Returns whether a pair was undone."""
    if not run.taken or run.names is None:
        return False
    names = run.names
    one, other = (run.bank, run.ledger) if bank_target else (run.ledger, run.bank)
    one_open, other_open = (
        (run.bank_open, run.ledger_open) if bank_target else (run.ledger_open, run.bank_open)
    )
    one_code, other_code = (names.bank, names.ledger) if bank_target else (names.ledger, names.bank)
    other_column = "ledger" if bank_target else "bank"
    cheque = run.cheques[0 if bank_target else 1]
    signed = one.lines["signed"].to_numpy(dtype=np.int64)
    first = _first_counts(run)[0 if bank_target else 1]
    named, returned = (
        (run.bank_named, run.returned) if bank_target else (run.ledger_named, run.books_return)
    )
    targets = (
        one_open
        & named
        & ~returned
        & ~cheque
        & (signed % ROUND != 0)
        & (first == 0)  # a line of the same amount on the other side was the better explanation
    )
    if not targets.any():
        return False
    # the other side's lines paired on amount and date: with a bank target, any (a ledger line
    # of the customer's paired with an unbooked receipt of its amount); else only bank lines
    # paired with a ledger line that names someone else, or no one (the Rent): one paired with
    # its own party's ledger line of its amount is that line's
    paired = _paired_on_amount_alone(run, ledger_side=bank_target, names_differ=not bank_target)
    one_names, other_names = (
        np.asarray(side, dtype=object)
        for side in (
            (names.likeness.left, names.likeness.right)
            if bank_target
            else (names.likeness.right, names.likeness.left)
        )
    )
    # a set all of whose lines were open is the combinations' to find (they found it, or two
    # sets fitted): only parties with a line so paired and a line still open are searched
    searched = np.zeros(len(other_names) + 1, dtype=bool)
    searched[other_code[other_open]] = True
    has_paired = np.zeros(len(other_names) + 1, dtype=bool)
    has_paired[other_code[paired]] = True
    searched &= has_paired
    pool = (other_open | paired) & searched[other_code]
    alike = names.combinable(run.bank_open, run.ledger_open)  # as pass 3 had them
    alike = alike[alike[other_column].isin(set(other_names[searched[:-1]]))]
    if alike.empty:
        return False
    # the targets whose names are alike to a party's, and those parties' lines (by name code)
    known = names.codes(pd.unique(alike["bank"]), pd.unique(alike["ledger"]))
    known_one, known_other = known if bank_target else known[::-1]
    one_known = np.zeros(len(one_names) + 1, dtype=bool)
    one_known[known_one[known_one >= 0]] = True
    other_known = np.zeros(len(other_names) + 1, dtype=bool)
    other_known[known_other[known_other >= 0]] = True
    targets &= one_known[one_code]
    pool &= other_known[other_code]
    if not targets.any():
        return False
    rejected = run.rejected if bank_target else frozenset((g, b) for b, g in run.rejected)
    undone: list[int] = []
    sets: list[tuple[Combination, bool]] = []
    for found in find_combinations(
        one, other, run.window, rejected, bank_target, targets, pool, None, alike, True
    ):
        again = [part for part in found.parts if paired[part]]
        if len(again) <= 1:
            undone += again
            sets.append((found, bool(again)))
    if undone:
        _take_back(run, undone, ledger_side=bank_target)
    for found, was_paired in sets:
        parts = "ledger lines of the same party" if bank_target else "bank lines of the party"
        why = f"{len(found.parts)} {parts} ({found.alike}% alike) add up to this " + (
            "bank line" if bank_target else "ledger line"
        )
        why += found.why_nearest
        if was_paired:
            why += (
                "; one of them, first paired with another "
                + ("bank" if bank_target else "ledger")
                + " line on its amount alone, is this set's"
            )
        if bank_target:
            run.take_group([found.target], found.parts, "Combination", why)
        else:
            run.take_group(found.parts, [found.target], "Combination", why)
    return bool(undone)


def _day_sets(run: _Matching) -> pd.DataFrame:
    """A bank line left open that all of one party's open ledger lines of one day, two to
    DAY_SET_PARTS of them (MAX_PARTS where the bank names another), add up to: a customer's transfer against the invoices the books took in
    one by one the day it came, a payment of a vendor's bills passed together. The combination
    search looks at a line's nearest candidates; this finds the day's lines by their total, at
    any size of month (a hash join on amount and window, no search).

    Where the bank's name is like the party's (COMBINATION_ALIKE) the set is its. Where it is
    not, the bank line is an owner's or director's own account paying for the firm
    (`SNEHAMOHAN` for four invoices of Shri Prabhat Packaging), taken only where the amount is
    no round hundred (ROUND: ₹25,000 is ₹15,000 and ₹10,000 of anyone by chance) and the name
    is not (LATE_ALIKE) another party's that has an open line in the window: that may be the
    other party's money. A name merely like a namesake's (SNEHAMOHAN and the customer Sneha M.
    Rao, all of whose lines are paired) does not stand in the way: in outsiders' 50,000-line
    months, refusing those too left 100 more pairs open and saved no false one. Each set is
    taken only where it is the bank line's one such day and the day's one such bank line.

    A set whose bank name is not its party's and that is not taken (more than MAX_PARTS lines,
    another party's name with a line open) is returned as a suggestion where its amount is no
    round hundred: GIRISH DESAI's RTGS of 4,24,519.00 and Rajlaxmi Distributors' three bills of
    that day. (A round ₹7,700 was two other customers' 5,000.00 and 2,700.00 in the realistic
    months.)"""
    assert run.names is not None  # the combinations worked them out
    names = run.names
    ledger_signed = run.ledger.lines["signed"].to_numpy(dtype=np.int64)
    lines = np.flatnonzero(run.ledger_open & run.ledger_named & (ledger_signed != 0))
    lines, starts, sizes, b, at = _groups_adding_up(
        run, lines, names.ledger[lines].astype(np.int64), MIN_PARTS, DAY_SET_PARTS
    )
    if not len(b):  # one set per bank line and one bank line per set (`_groups_adding_up`)
        return pd.DataFrame(columns=["b", "l", "kind", "why"])
    bank_signed = run.bank.lines["signed"].to_numpy(dtype=np.int64)
    party = names.ledger[lines[starts[at]]]
    alike = names.likeness.of(names.bank[b], party)
    alike = np.where(names.known_payer(b, lines[starts[at]]), PAYER_ALIKE, alike)
    own = alike >= COMBINATION_ALIKE
    keep = own | ((bank_signed[b] % ROUND != 0) & (sizes[at] <= MAX_PARTS))
    strangers = np.flatnonzero(keep & ~own)
    # a person's name that is also a party's (PANKAJ ARORA, a customer, paying a vendor's
    # bills as its owner) stands in the way only where the amount is in whole rupees: one with
    # paise that a vendor's bills of one day add up to is theirs
    keep[strangers] = ~_another_partys_open(
        run, b[strangers], firms_only=bank_signed[b[strangers]] % WHOLE_RUPEE != 0
    )
    left = np.flatnonzero(~keep & (bank_signed[b] % ROUND != 0))  # chance makes round sums
    offered = pd.DataFrame(
        {
            "b": np.repeat(b[left], sizes[at[left]]),
            "l": lines[np.repeat(starts[at[left]], sizes[at[left]]) + within(sizes[at[left]])],
            "kind": DAY_SET_OFFERED,
            "why": "all of one party's open lines of one day add up to this bank line, whose "
            "name is not the party's: the owner's own account paying for the firm? Check",
        }
    )
    b, at, alike, own = b[keep], at[keep], alike[keep], own[keep]
    # a line with an open same-amount line of an alike name in its window is that line's (or
    # a doubt between such lines), neither a set's target nor its part (as in `_combinations`)
    keep = _twinless(run, b, lines, starts[at], sizes[at], bank_targets=True)
    b, at, alike, own = b[keep], at[keep], alike[keep], own[keep]
    for target, group, like, named in zip(
        b.tolist(), at.tolist(), alike.tolist(), own.tolist(), strict=True
    ):
        parts = lines[starts[group] : starts[group] + sizes[group]].tolist()
        if any((target, part) in run.rejected for part in parts):
            continue
        said = (
            f"{like}% alike"
            if named
            else "the bank's name is not this party's: the owner's own account paying for the "
            "firm? Check"
        )
        run.take_group(
            [target],
            parts,
            "Combination",
            f"the {len(parts)} ledger lines of one party on one day add up to this bank line; "
            + said,
            score=COMBINATION_SCORE if named else DAY_SET_SCORE,
        )
    return offered


def _day_runs(run: _Matching) -> None:
    """A bank line left open that a run of one party's open ledger lines of one day, booked one
    after another, adds up to (two to MAX_PARTS of them): a customer's transfer against the
    invoices the books took in one by one, on a day the customer has more lines than the
    transfer's (`_day_sets` takes the whole day only; the combination search the nearest lines
    only: a busy customer's thirty lines of the 3rd, its four invoices among them, paid on the
    5th). Found by the runs' totals (a hash join on amount and window, no search) and taken on
    `_day_sets`' terms, where the names are alike (COMBINATION_ALIKE, or a known payer): the run
    is the bank line's one line or run of that amount in its window and the bank line the run's
    one, and no line of either has an alike twin of its amount."""
    assert run.names is not None
    names = run.names
    ledger_signed = run.ledger.lines["signed"].to_numpy(dtype=np.int64)
    ledger_day = run.ledger.lines["day"].to_numpy(dtype=np.int64)
    lines = np.flatnonzero(run.ledger_open & run.ledger_named & (ledger_signed != 0))
    if len(lines) < MIN_PARTS:
        return
    party = names.ledger[lines].astype(np.int64)
    day = ledger_day[lines] - int(ledger_day.min())
    key = (party * DAY_SPAN + day) * 2 + (ledger_signed[lines] > 0)
    order = order_by(key, lines)  # each party's day, a direction at a time, as booked
    lines, key = lines[order], key[order]
    summed = np.r_[0, np.cumsum(ledger_signed[lines])]
    first, size = [], []
    for count in range(MIN_PARTS, min(MAX_PARTS, len(key)) + 1):
        starts = np.flatnonzero(key[: len(key) - count + 1] == key[count - 1 :])
        first.append(starts)
        size.append(np.full(len(starts), count, dtype=np.int64))
    first_at, sizes = np.concatenate(first), np.concatenate(size)
    if not len(first_at):
        return
    total = summed[first_at + sizes] - summed[first_at]
    bank_signed = run.bank.lines["signed"].to_numpy(dtype=np.int64)
    targets = np.flatnonzero(run.bank_open & run.bank_named & (bank_signed != 0))
    where, found = _one_to_one(
        bank_signed[targets],
        run.bank.lines["day"].to_numpy(dtype=np.int64)[targets],
        total,
        ledger_day[lines[first_at]],
        run.window,
    )
    b, first_at, sizes = targets[where], first_at[found], sizes[found]
    alike = names.likeness.of(names.bank[b], names.ledger[lines[first_at]])
    alike = np.where(names.known_payer(b, lines[first_at]), PAYER_ALIKE, alike)
    keep = (alike >= COMBINATION_ALIKE) & _twinless(
        run, b, lines, first_at, sizes, bank_targets=True
    )
    for target, begin, count, like in zip(
        b[keep].tolist(),
        first_at[keep].tolist(),
        sizes[keep].tolist(),
        alike[keep].tolist(),
        strict=True,
    ):
        chosen = lines[begin : begin + count].tolist()
        if not run.ledger_open[chosen].all() or any(
            (target, part) in run.rejected for part in chosen
        ):
            continue  # a run beside one taken, sharing its lines
        run.take_group(
            [target],
            chosen,
            "Combination",
            f"{count} ledger lines of one party, booked one after another on one day, add up "
            f"to this bank line; {like}% alike",
            score=COMBINATION_SCORE,
        )


def _payers_day_sets(run: _Matching) -> None:
    """The mirror of `_day_sets`: an open ledger line that all of one payer's open bank lines
    of one day, two to MAX_PARTS of them, add up to, where the payer's name is not the party's
    (a receipt the books took whole and the owner sent in parts: JOSEPH MALHOTRA's two NEFTs
    of 1,93,097.00 for Sri Sai Traders' 3,86,194.00; where the names are alike the combination
    search finds it). Taken on the same terms: the amount no round hundred, the payer no other
    party with an open line nearby (`_another_partys_open`), one set per line and one line per
    set, no line in it with an alike twin of its amount."""
    for spread in (False, True):
        _payers_sets(run, spread)


def _payers_sets(run: _Matching, spread: bool) -> None:
    """`_payers_day_sets` of one day, or (`spread`) of days in a row: all of a payer's open
    lines of two or more days, each a day at most from the one before and all within
    LATE_PARTS_DAYS (GANESH KULKARNI's 96,801.00 of the 3rd and 96,802.00 of the 4th for
    Vishwakarma Polymers' 1,93,603.00 of the 3rd: a receipt credited in parts over a day or
    two)."""
    assert run.names is not None
    names = run.names
    bank_signed = run.bank.lines["signed"].to_numpy(dtype=np.int64)
    lines = np.flatnonzero(
        run.bank_open & run.bank_named & ~run.returned & (bank_signed != 0) & (names.bank >= 0)
    )
    code = names.bank[lines].astype(np.int64)
    group_days = None
    if spread:
        lines, code, group_days = _days_in_a_row(
            lines, code, run.bank.lines["day"].to_numpy(dtype=np.int64)[lines], bank_signed[lines]
        )
    lines, starts, sizes, g, at = _groups_adding_up(
        run, lines, code, MIN_PARTS, MAX_PARTS, bank_parts=True, group_days=group_days
    )
    if not len(g):  # one set per ledger line and one ledger line per set
        return
    ledger_signed = run.ledger.lines["signed"].to_numpy(dtype=np.int64)
    first = lines[starts[at]]
    alike = names.likeness.of(names.bank[first], names.ledger[g])
    alike = np.where(names.known_payer(first, g), PAYER_ALIKE, alike)
    keep = (
        (alike < COMBINATION_ALIKE)
        & run.ledger_named[g]
        & (ledger_signed[g] % ROUND != 0)
        & ~_another_partys_open(run, first)
    )
    g, at = g[keep], at[keep]
    keep = _twinless(run, g, lines, starts[at], sizes[at], bank_targets=False)
    for target, group in zip(g[keep].tolist(), at[keep].tolist(), strict=True):
        parts_of = lines[starts[group] : starts[group] + sizes[group]].tolist()
        if any((part, target) in run.rejected for part in parts_of):
            continue
        run.take_group(
            parts_of,
            [target],
            "Combination",
            f"the {len(parts_of)} bank lines of one payer "
            + ("on days in a row" if spread else "on one day")
            + " add up to this ledger line; the bank's name is not this party's: the owner's "
            "own account paying for the firm? Check",
            score=DAY_SET_SCORE,
        )


def _open_parts(run: _Matching) -> np.ndarray:
    """The open bank lines that may be a part of a receipt or payment in parts
    (`_own_parts_and_a_strangers`, `_parts_of_one_payer`): naming someone, no return, not an
    acquirer's settlement of a card terminal (`EDC/SETTL/MID27504669/111026`: TERMINAL), however
    its amount falls, for the month's card settlements are their terminals' sales
    (`card_month`)."""
    assert run.names is not None
    bank_signed = run.bank.lines["signed"].to_numpy(dtype=np.int64)
    lines = np.flatnonzero(
        run.bank_open & run.bank_named & ~run.returned & (bank_signed != 0) & (run.names.bank >= 0)
    )
    text = run.bank.lines["text"].iloc[lines].fillna("").astype(str)
    return np.asarray(lines[~contains_distinct(text, TERMINAL)], dtype=np.int64)


def _own_parts_and_a_strangers(run: _Matching) -> None:
    """An open ledger line of a party that one to OWN_PARTS of its own name's open bank lines in
    the parts' window (PARTS_BOOKED_DAYS before the books' date to the window's after) and one
    open line of a name not alike to it add up to: a receipt credited in parts, some from the
    firm's account and the rest from its owner's (SAKTHI TRANSPORT's two NEFTs and GOMATHIN's
    IMPS for M/s Sakthi Transport's 3,33,238.50). Found by totals: each set of the party's
    lines leaves a rest, looked up by amount, no search of the other lines. Taken where the rest
    has paise (one in whole rupees is met by chance), its line's name is no other party's with
    an open line near or of its amount (`_another_partys_open`, `_its_own_later`), the ledger
    line has one set and one rest, the rest's line is no other ledger line's, and no line is in
    two sets; never where the user narrowed the window."""
    assert run.names is not None
    names = run.names
    bank, ledger = run.bank.lines, run.ledger.lines
    bank_signed = bank["signed"].to_numpy(dtype=np.int64)
    ledger_signed = ledger["signed"].to_numpy(dtype=np.int64)
    bank_day = bank["day"].to_numpy(dtype=np.int64)
    ledger_day = ledger["day"].to_numpy(dtype=np.int64)
    targets = np.flatnonzero(run.ledger_open & run.ledger_named & (ledger_signed != 0))
    lines = _open_parts(run)
    if not len(targets) or len(lines) < MIN_PARTS or run.window.narrowed:
        return  # (the user who narrowed the window asked for near dates only)
    window = Window(-PARTS_BOOKED_DAYS, run.window.after)  # bank − books
    # a part is no line the books have an open line of its amount for (its own, undecided)
    own = _party_lines(run, targets, lines[~_its_own_later(run, lines)], window)
    has = (own >= 0).any(axis=1)
    own_targets, own = targets[has], own[has]
    if not len(own_targets):
        return
    value = np.where(own >= 0, np.abs(bank_signed[np.maximum(own, 0)]), 0)
    masks = _subsets(OWN_PARTS)
    usable = (own[:, None, :] >= 0) | (masks[None, :, :] == 0)  # a set of present lines only
    usable = usable.all(axis=2)
    rest = np.abs(ledger_signed[own_targets])[:, None] - value @ masks.T
    # a rest in whole rupees is met by chance: at 100,000 lines a side, eight such sets of
    # another month were all a customer's receipt the books had not taken and another's parts
    target_at, set_at = np.nonzero(usable & (rest > 0) & (rest % WHOLE_RUPEE != 0))
    if not len(target_at):
        return
    rest = rest[target_at, set_at]
    g_rest = own_targets[target_at]
    # the rest: an open line of that amount, its direction, in the window, of a name unlike
    b_at, r_at = band_join(
        np.abs(bank_signed[lines]) * 2 + (bank_signed[lines] > 0),
        bank_day[lines],
        rest * 2 + (ledger_signed[g_rest] > 0),
        ledger_day[g_rest],
        window,
    )
    stranger, found = lines[b_at], r_at
    # of a name unlike the party's, and no line of another party's: none with an open line
    # near (`_another_partys_open`), and no open line of the books of its amount in the month
    # (a proprietor's receipt for his firm, or one the books took late, is of that amount by
    # chance: at 100,000 lines a side, a hundred such sets)
    free = names.alike(stranger, g_rest[found]) < COMBINATION_ALIKE
    stranger, found = stranger[free], found[free]
    free = ~_another_partys_open(run, stranger) & ~_its_own_later(run, stranger)
    stranger, found = stranger[free], found[free]
    if not len(found):
        return
    solutions = g_rest[found]
    # one set and one rest a ledger line, one ledger line a rest's line
    one = (np.bincount(solutions, minlength=len(ledger))[solutions] == 1) & (
        np.bincount(stranger, minlength=len(bank))[stranger] == 1
    )
    stranger, found = stranger[one], found[one]
    chosen: list[tuple[list[int], int, int]] = []
    used: Counter[int] = Counter()
    for line, at in zip(stranger.tolist(), found.tolist(), strict=True):
        target, places = int(g_rest[at]), masks[set_at[at]]
        parts = own[target_at[at]][places == 1].tolist()
        chosen.append(([*parts, line], target, line))
        used.update([*parts, line])
    text = bank["text"].fillna("").astype(str).tolist()
    for parts, target, line in chosen:
        if any(used[part] > 1 for part in parts) or any(
            (part, target) in run.rejected for part in parts
        ):
            continue
        run.take_group(
            sorted(parts),
            [target],
            "Combination",
            f"{len(parts) - 1} bank line(s) of this party's name and one of another name "
            f"({text[line][:40]}) add up to this ledger line: "
            + (
                "a receipt in parts, the rest from the owner's own account? Check"
                if ledger_signed[target] > 0
                else "a payment in parts, the rest to the owner's own account? Check"
            ),
            score=DAY_SET_SCORE,
        )


def _parts_of_one_payer(run: _Matching) -> pd.DataFrame:
    """An open ledger line of a party that two to STRANGER_PARTS open bank lines of one payer
    whose name is not the party's, with up to OWN_PARTS of the party's own name, add up to over
    the parts' days (PARTS_BOOKED_DAYS before the books' date to the window's after): a receipt
    credited in parts from the owner's account (PARIKH K P's three credits of the 12th to the
    14th for Shree Gokul Printers' 2,93,784.60), or some from the firm's and the rest from the
    owner's (SRI KAMAKSHI LABELS's NEFT and PMURUGESAN's two IMPS). `_payers_day_sets` and
    `_own_parts_and_a_strangers` take the sets of one day, of days in a row, and of one line of
    another name; these are spread wider, or of more lines. Found by totals: each set of the
    party's lines leaves a rest, joined on amount to the sums of each payer's lines near in
    date, no search. Taken where some of the payer's lines have paise (sums of whole rupees meet
    by chance); the payer is a person (no firm's words, `_A_FIRM`: a firm's account is its own)
    with few open lines near the books' date (PAYER_NEAR_LINES), all of them from the set's
    first day to its last; the party's own lines are of one name; no part has an open ledger
    line of its own amount (`_its_own_near`); the ledger line has one set, and no bank line is
    in two sets. The party's own lines alone make a set too where they are its name as two
    channels cut it (UPI's MODI MAHESH A and IMPS's MODIMAHE, 80 alike, for Mahesh A Modi),
    one the start of the other, some with paise: the combination search takes a party as its
    best-named lines (PARTY_MARGIN) and sees only some of them."""
    assert run.names is not None
    names = run.names
    bank, ledger = run.bank.lines, run.ledger.lines
    bank_signed = bank["signed"].to_numpy(dtype=np.int64)
    ledger_signed = ledger["signed"].to_numpy(dtype=np.int64)
    bank_day = bank["day"].to_numpy(dtype=np.int64)
    ledger_day = ledger["day"].to_numpy(dtype=np.int64)
    targets = np.flatnonzero(
        run.ledger_open & run.ledger_named & (ledger_signed != 0) & (ledger_signed % ROUND != 0)
    )
    lines = _open_parts(run)
    none = pd.DataFrame(columns=["b", "l", "kind", "why"])
    if not len(targets) or len(lines) < MIN_PARTS or run.window.narrowed:
        return none
    window = Window(-PARTS_BOOKED_DAYS, run.window.after)  # bank − books
    lines = lines[~_its_own_near(run, lines)]  # a part has no open line of its own amount
    if not len(lines):
        return none
    # the party's own lines: of a name alike to its own, each worth less (-1: none)
    own = _party_lines(run, targets, lines, window)
    # each payer's sets: a line and up to STRANGER_PARTS - 1 of the next STRANGER_NEXT lines of
    # its name and direction within PARTS_BOOKED_DAYS of it, one payer however the channel cut
    # the name (UPI's `DSUBRAMA`, IMPS's `DSUBRAMANI`, NEFT's `D SUBRAMANI`): the name's first
    # PAYER_LETTERS letters, the rest checked below
    written = pd.Series(np.asarray(names.likeness.left, dtype=object)).str.replace(
        r"[^a-z]", "", regex=True
    )
    letters = written.to_numpy(dtype=object)
    payer_key, _ = pd.factorize(written.str.slice(0, PAYER_LETTERS))
    code = np.asarray(payer_key, dtype=np.int64)[names.bank[lines]] * 2 + (bank_signed[lines] > 0)
    order = order_by(code, bank_day[lines], lines)
    lines, code = lines[order], code[order]
    day = bank_day[lines]
    members = _payer_sets(code, day)  # places in `lines`, -1 for none
    first_at = members[:, 0]
    got = members >= 0
    value = np.where(got, np.abs(bank_signed[lines[np.maximum(members, 0)]]), 0)
    paise = (np.where(got, value % WHOLE_RUPEE, 0) != 0).any(axis=1)
    sums = value.sum(axis=1)
    span_low = day[first_at]
    span_high = np.where(got, day[np.maximum(members, 0)], span_low[:, None]).max(axis=1)
    own_masks = np.r_[np.zeros((1, OWN_PARTS), dtype=np.int64), _subsets(OWN_PARTS)]
    usable = ((own[:, None, :] >= 0) | (own_masks[None, :, :] == 0)).all(axis=2)
    own_value = np.where(own >= 0, np.abs(bank_signed[np.maximum(own, 0)]), 0)
    rest_of = np.abs(ledger_signed[targets])[:, None] - own_value @ own_masks.T
    target_at, set_at = np.nonzero(usable & (rest_of > 0))
    rest = rest_of[target_at, set_at]
    into_g = ledger_signed[targets[target_at]] > 0
    # the rests joined to the payers' sums of that amount and direction
    set_into = bank_signed[lines[first_at]] > 0
    joined = pd.DataFrame({"key": sums * 2 + set_into, "s": np.arange(len(sums))}).merge(
        pd.DataFrame({"key": rest * 2 + into_g, "r": np.arange(len(rest))}), on="key"
    )
    s = joined["s"].to_numpy(dtype=np.int64)
    r = joined["r"].to_numpy(dtype=np.int64)
    g = targets[target_at[r]]
    own_parts = own_masks[set_at[r]].sum(axis=1)
    stranger_parts = got[s].sum(axis=1)
    first = lines[first_at[s]]
    keep = (
        (own_parts + stranger_parts >= MIN_PARTS)
        & (own_parts + stranger_parts <= MAX_PARTS)
        & (span_low[s] - ledger_day[g] >= window.before)
        & (span_high[s] - ledger_day[g] <= window.after)
        & paise[s]
        & (names.alike(first, g) < COMBINATION_ALIKE)
    )
    s, r, g = s[keep], r[keep], g[keep]
    # a payer of few open lines near the books' date (PAYER_NEAR_LINES), the set all of them
    # from its first day to its last: in a month of a million lines a busy payer's lines, some
    # of them left out, make up some other party's line by chance
    placed = code * DAY_SPAN + (day - int(day.min()))
    payer = code[first_at[s]] * DAY_SPAN - int(day.min())
    near = _between(
        placed, payer + ledger_day[g] + window.before, payer + ledger_day[g] + window.after
    )
    # the set's own days: none of the payer's lines between its first and last left out
    inside = _between(placed, payer + span_low[s], payer + span_high[s])
    keep = (inside == got[s].sum(axis=1)) & (near <= PAYER_NEAR_LINES)
    s, r, g = s[keep], r[keep], g[keep]
    sets = []
    text = bank["text"].fillna("").astype(str).to_numpy(dtype=object)
    for one_s, one_r, target in zip(s.tolist(), r.tolist(), g.tolist(), strict=True):
        theirs = lines[members[one_s][members[one_s] >= 0]].tolist()
        ours = own[target_at[one_r]][own_masks[set_at[one_r]] == 1].tolist()
        if not _one_name(letters[names.bank[theirs]]) or not _one_name(letters[names.bank[ours]]):
            continue  # two payers whose names begin alike; two of the party's namesakes
        if re.search(_A_FIRM, text[theirs[0]]):
            continue  # a firm's account is its own, no owner's
        sets.append((target, sorted(ours + theirs), len(ours), theirs[0]))
    # the party's own lines alone, its name as each channel cuts it (UPI's MODI MAHESH A,
    # IMPS's MODIMAHE, 80 alike): the combination search takes a party as its best-named lines
    at, mask = np.nonzero(usable & (rest_of == 0) & (own_masks.sum(axis=1) >= MIN_PARTS)[None, :])
    for row, chosen in zip(at.tolist(), mask.tolist(), strict=True):
        ours = own[row][own_masks[chosen] == 1].tolist()
        spelt = names.bank[ours]
        if len(np.unique(spelt)) < 2 or not _one_name(letters[spelt]):
            continue  # one spelling: the combination search's; two names: two payers
        if not (np.abs(bank_signed[ours]) % WHOLE_RUPEE != 0).any():
            continue  # sums of whole rupees meet by chance
        sets.append((int(targets[row]), sorted(ours), len(ours), -1))
    per_target = Counter(target for target, *_ in sets)
    used = Counter(part for _, parts, *_ in sets for part in set(parts))
    doubted: list[tuple[int, int]] = []
    for target, parts, ours, payer in sets:
        if per_target[target] > 1 or any(used[part] > 1 for part in parts):
            doubted += [(part, target) for part in parts]  # the user chooses
            continue
        if any((part, target) in run.rejected for part in parts):
            continue
        if not run.ledger_open[target] or not run.bank_open[parts].all():
            continue
        if payer < 0:
            run.take_group(
                parts,
                [target],
                "Combination",
                f"{len(parts)} bank lines of this party's name, as each channel cuts it ("
                + ", ".join(sorted({str(name).upper() for name in bank["party"].iloc[parts]}))
                + "), add up to this ledger line",
                score=COMBINATION_SCORE,
            )
            continue
        money = (
            "a receipt in parts, from the owner's own account? Check"
            if ledger_signed[target] > 0
            else "a payment in parts, to the owner's own account? Check"
        )
        run.take_group(
            parts,
            [target],
            "Combination",
            f"{len(parts) - ours} bank lines of one payer whose name is not this party's "
            f"({text[payer][:40]})"
            + (f" and {ours} of the party's own name" if ours else "")
            + f" add up to this ledger line: {money}",
            score=DAY_SET_SCORE,
        )
    return several_sets(
        [(b, g) for b, g in doubted if run.bank_open[b] and run.ledger_open[g]],
        "more than one set of one payer's lines (the owner's, as the bank writes the name) adds "
        "up to the other line, or a line is in two sets (this is one): choose",
    )


def _payer_sets(code: np.ndarray, day: np.ndarray) -> np.ndarray:
    """`_parts_of_one_payer`'s sets of one payer's lines (`code`, sorted with its lines by
    payer and `day`): each line with up to STRANGER_PARTS - 1 of its payer's next
    STRANGER_NEXT lines within PARTS_BOOKED_DAYS of it, a row each of places (the line's
    first, -1 for none)."""
    nexts = np.full((len(code), STRANGER_NEXT), -1, dtype=np.int64)
    for step in range(1, STRANGER_NEXT + 1):
        at = np.arange(len(code) - step)
        ok = (code[at + step] == code[at]) & (day[at + step] - day[at] <= PARTS_BOOKED_DAYS)
        nexts[at[ok], step - 1] = at[ok] + step
    masks = np.r_[np.zeros((1, STRANGER_NEXT), dtype=np.int64), _subsets(STRANGER_NEXT)]
    masks = masks[masks.sum(axis=1) <= STRANGER_PARTS - 1]
    present = ((nexts[:, None, :] >= 0) | (masks[None, :, :] == 0)).all(axis=2)
    first_at, mask_at = np.nonzero(present)
    members = np.c_[first_at, np.where(masks[mask_at] == 1, nexts[first_at], -1)]
    return np.asarray(members, dtype=np.int64)


def _between(placed: np.ndarray, low: np.ndarray, high: np.ndarray) -> np.ndarray:
    """How many of the sorted `placed` keys lie from each `low` to its `high`, both in."""
    counts = np.searchsorted(placed, high, "right") - np.searchsorted(placed, low, "left")
    return np.asarray(counts, dtype=np.int64)


def _one_name(spelt: np.ndarray) -> bool:
    """Whether names written as letters alone (`goyalde`, `goyaldeepak`) may be one name cut
    at different lengths: each the start of the longest."""
    longest = max(spelt.tolist(), key=len, default="")
    return all(longest.startswith(one) for one in spelt.tolist())


STRANGER_PARTS = 3
"""Lines of one payer at most in a set of `_parts_of_one_payer`: a receipt credited in two or three
parts."""
PAYER_LETTERS = 7
"""Letters of a payer's name that `_parts_of_one_payer` groups its lines by, the name cut as a
channel cuts it (UPI's `GOYAL DE`, IMPS's `GOYALDEEPA`); the whole names must then be one the
start of the other."""
PAYER_NEAR_LINES = 6
"""A payer's open lines at most in the window of a books' line that `_parts_of_one_payer` takes
some of: at a million lines a side, 28 sets of busier payers' lines (and of firms', and of a
party's namesakes') were 71 false pairs in 100, 16 sets of these 22 in 51. The outsider's
months at 10,000 lines lost 5–25 true pairs of 100–180 to the limit."""
STRANGER_NEXT = 5
"""A payer's next lines in date looked at from each of its lines for `_parts_of_one_payer`'s sets:
16 sets a line."""


def _party_lines(
    run: _Matching, targets: np.ndarray, lines: np.ndarray, window: Window
) -> np.ndarray:
    """For each ledger line of `targets`, its party's own bank lines among `lines`: of a name
    alike to its party's (or a known payer of it), its direction, in the `window` of its date,
    each worth less, the OWN_PARTS nearest in date, as a row of a matrix (-1: none)."""
    assert run.names is not None
    names = run.names
    bank_signed = run.bank.lines["signed"].to_numpy(dtype=np.int64)
    ledger_signed = run.ledger.lines["signed"].to_numpy(dtype=np.int64)
    bank_day = run.bank.lines["day"].to_numpy(dtype=np.int64)
    ledger_day = run.ledger.lines["day"].to_numpy(dtype=np.int64)
    own = np.full((len(targets), OWN_PARTS), -1, dtype=np.int64)
    alike = names.combinable(run.bank_open, run.ledger_open)
    left, right = names.codes(alike["bank"], alike["ledger"])
    known = (left >= 0) & (right >= 0)
    relation = pd.DataFrame({"name": left[known], "party": right[known]})
    wanted = pd.DataFrame({"at": np.arange(len(targets)), "party": names.ledger[targets]}).merge(
        relation, on="party"
    )
    at = wanted["at"].to_numpy(dtype=np.int64)
    b_at, t_at = band_join(
        names.bank[lines].astype(np.int64) * 2 + (bank_signed[lines] > 0),
        bank_day[lines],
        wanted["name"].to_numpy(dtype=np.int64) * 2 + (ledger_signed[targets[at]] > 0),
        ledger_day[targets[at]],
        window,
    )
    b, row = lines[b_at], at[t_at]
    g = targets[row]
    keep = np.abs(bank_signed[b]) < np.abs(ledger_signed[g])
    b, g, row = b[keep], g[keep], row[keep]
    if not len(b):
        return own
    order = order_by(row, np.abs(bank_day[b] - ledger_day[g]), b)
    b, row = b[order], row[order]
    rank = within(np.diff(np.r_[np.flatnonzero(np.r_[True, row[1:] != row[:-1]]), len(row)]))
    near = rank < OWN_PARTS
    own[row[near], rank[near]] = b[near]
    return own


def _its_own_near(run: _Matching, b: np.ndarray) -> np.ndarray:
    """Whether each bank line has an open ledger line of its amount and direction in its window
    (`_its_own_later` over the whole month, for lines with paise: a round ₹76,000.00 has an
    open line of its amount somewhere in a busy month by chance)."""
    bank_signed = run.bank.lines["signed"].to_numpy(dtype=np.int64)
    near = np.asarray(_its_own_later(run, b) & (bank_signed[b] % WHOLE_RUPEE != 0), dtype=bool)
    still = np.flatnonzero(run.ledger_open)
    found, _ = band_join(
        bank_signed[b],
        run.bank.lines["day"].to_numpy(dtype=np.int64)[b],
        run.ledger.lines["signed"].to_numpy(dtype=np.int64)[still],
        run.ledger.lines["day"].to_numpy(dtype=np.int64)[still],
        run.window,
    )
    near[found] = True
    return near


def _its_own_later(run: _Matching, b: np.ndarray) -> np.ndarray:
    """Whether each bank line has an open ledger line of its amount and direction anywhere in
    the month, whoever's: its own, booked late or under the firm a proprietor paid for."""
    ledger_signed = run.ledger.lines["signed"].to_numpy(dtype=np.int64)
    bank_signed = run.bank.lines["signed"].to_numpy(dtype=np.int64)
    return isin(bank_signed[b], ledger_signed[run.ledger_open])


def _days_in_a_row(
    lines: np.ndarray, code: np.ndarray, day: np.ndarray, signed: np.ndarray
) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Of `lines` (their payer's `code`, `day` and `signed` amount), those in runs of one
    payer's lines of one direction over two or more days, each a day at most after the one
    before, all within LATE_PARTS_DAYS of the first: the lines, their codes and each run's
    first day (the day the run is grouped by)."""
    if not len(lines):
        return lines, code, day
    into = signed > 0
    order = np.lexsort((day, into, code))
    lines, code, day, into = lines[order], code[order], day[order], into[order]
    same = np.r_[False, (code[1:] == code[:-1]) & (into[1:] == into[:-1])]
    begins = ~same | (np.r_[0, np.diff(day)] > 1)
    run = np.cumsum(begins) - 1
    first = day[np.flatnonzero(begins)][run]
    last = np.maximum.reduceat(day, np.flatnonzero(begins))[run]
    keep = (last > first) & (last - first <= LATE_PARTS_DAYS)
    return lines[keep], code[keep], first[keep]


def _groups_adding_up(
    run: _Matching,
    lines: np.ndarray,
    code: np.ndarray,
    fewest: int,
    most: int,
    bank_parts: bool = False,
    group_days: np.ndarray | None = None,
) -> tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray, np.ndarray]:
    """Ledger `lines` (bank lines, with `bank_parts`) grouped by `code` (a party's, a
    narration's, a payer's name), day and direction, and the open lines of the other side each
    group of `fewest` to `most` lines adds up to in the window: the lines in group order, each
    group's first place and size, and the (line of the other side, group) pairs. With
    `group_days`, each line is grouped by that day instead of its own (`_days_in_a_row`)."""
    parts, other = (run.bank, run.ledger) if bank_parts else (run.ledger, run.bank)
    part_signed = parts.lines["signed"].to_numpy(dtype=np.int64)
    part_day = parts.lines["day"].to_numpy(dtype=np.int64)
    none = np.zeros(0, dtype=np.int64)
    if not len(lines):
        return lines, none, none, none, none
    line_day = part_day[lines] if group_days is None else group_days
    day = line_day - int(part_day.min())
    key = (code * DAY_SPAN + day) * 2 + (part_signed[lines] > 0)
    order = order_by(key, lines)
    lines, key, line_day = lines[order], key[order], line_day[order]
    starts = np.flatnonzero(np.r_[True, key[1:] != key[:-1]])
    sizes = np.diff(np.r_[starts, len(key)])
    groups = np.flatnonzero((sizes >= fewest) & (sizes <= most))
    if not len(groups):
        return lines, starts, sizes, none, none
    total = np.add.reduceat(part_signed[lines], starts)[groups]
    other_signed = other.lines["signed"].to_numpy(dtype=np.int64)
    other_day = other.lines["day"].to_numpy(dtype=np.int64)
    targets = np.flatnonzero(
        (run.ledger_open if bank_parts else run.bank_open) & (other_signed != 0)
    )
    group_day = line_day[starts[groups]]
    if bank_parts:  # the window runs bank day − ledger day
        found, where = _one_to_one(
            total, group_day, other_signed[targets], other_day[targets], run.window
        )
    else:
        where, found = _one_to_one(
            other_signed[targets], other_day[targets], total, group_day, run.window
        )
    return lines, starts, sizes, targets[where], groups[found]


def _one_to_one(
    bank_amount: np.ndarray,
    bank_day: np.ndarray,
    ledger_amount: np.ndarray,
    ledger_day: np.ndarray,
    window: Window,
) -> tuple[np.ndarray, np.ndarray]:
    """(bank index, ledger index) of the pairs of one amount in the window that are each
    other's only one, found by counting (`band`), never by listing every pair: a day of 8,000
    deposits of one amount against 8,000 sets of it is 64 million pairs, and no one-to-one."""
    forth, back = bands(bank_amount, bank_day, ledger_amount, ledger_day, window)
    lone = np.flatnonzero(forth.counts == 1)
    partner = forth.order[forth.low[lone]]
    mutual = back.counts[partner] == 1
    return lone[mutual], partner[mutual]


def _kind_of(texts: pd.Series) -> pd.Series:
    """Each narration's kind: in capitals, without its numbers of three digits or more (a
    cheque's, a reference's, a year), spaces closed up (`CHQ RET CHGS INCL GST 827668` is
    `CHQ RET CHGS INCL GST`, `IMPS P2A CHGS` stays itself).

    >>> _kind_of(pd.Series(["CHQ RET CHGS INCL GST 827668", "Being salary for Oct 2026 paid"])).tolist()
    ['CHQ RET CHGS INCL GST', 'BEING SALARY FOR OCT PAID']
    """
    kinds = replace_text(strings(texts).str.upper(), r"[0-9]{3,}", " ")
    return replace_text(kinds, r"\s+", " ").str.strip()


def _twinless(
    run: _Matching,
    targets: np.ndarray,
    lines: np.ndarray,
    first: np.ndarray,
    sizes: np.ndarray,
    bank_targets: bool,
) -> np.ndarray:
    """Which sets (each target and its parts: `sizes` lines of `lines` from `first`) have no
    line with an alike twin (`_alike_twin`): a line with an open same-amount line of an alike
    name in its window is that line's (or a doubt between such lines), neither a set's target
    nor its part (as in `_combinations`). `bank_targets`: the targets are bank lines, the parts
    ledger lines (else the other way round)."""
    keep = ~_alike_twin(run, targets, bank_side=bank_targets)
    in_set = np.repeat(np.arange(len(targets)), sizes)
    parts = lines[first[in_set] + within(sizes)]
    keep[in_set[_alike_twin(run, parts, bank_side=not bank_targets)]] = False
    return keep


def _alike_twin(run: _Matching, lines: np.ndarray, bank_side: bool) -> np.ndarray:
    """Which of `lines` (bank lines, or ledger lines) has an open line of the same amount on
    the other side in its window whose name is at least COMBINATION_ALIKE like its own."""
    assert run.names is not None
    bank_signed = run.bank.lines["signed"].to_numpy(dtype=np.int64)
    bank_day = run.bank.lines["day"].to_numpy(dtype=np.int64)
    ledger_signed = run.ledger.lines["signed"].to_numpy(dtype=np.int64)
    ledger_day = run.ledger.lines["day"].to_numpy(dtype=np.int64)
    twin = np.zeros(len(lines), dtype=bool)
    if bank_side:
        other = np.flatnonzero(run.ledger_open)
        mine, theirs = band_join(
            bank_signed[lines], bank_day[lines], ledger_signed[other], ledger_day[other], run.window
        )
        alike = run.names.alike(lines[mine], other[theirs])
    else:
        other = np.flatnonzero(run.bank_open)
        theirs, mine = band_join(
            bank_signed[other], bank_day[other], ledger_signed[lines], ledger_day[lines], run.window
        )
        alike = run.names.alike(other[theirs], lines[mine])
    twin[mine[alike >= COMBINATION_ALIKE]] = True
    return twin


def _parties_named(names: _Names, bank_names: np.ndarray) -> pd.DataFrame:
    """(name, party): the ledger parties each of the bank's names (codes) is LATE_ALIKE alike
    to, or a known payer of. A name's parties are those sharing a key word with it (the run's
    key words, `_Names.of`) and LATE_ALIKE alike, scored when the name is first asked about
    (scoring every name at once costs seconds at 100k lines) and kept for the run, as numbers."""
    width = len(names.likeness.right) + 1
    asked = np.unique(np.asarray(bank_names, dtype=np.int64))
    known = names.cache.get("late alike asked", pd.DataFrame({"name": np.zeros(0, np.int64)}))
    new = asked[~isin(asked, known["name"].to_numpy(dtype=np.int64))]
    if len(new) or "late alike" not in names.cache:
        words = names.name_words()
        mine = words[0][isin(words[0]["name"].to_numpy(dtype=np.int64), new)]
        shared = mine.merge(words[1], on="word")[["name", "party"]].drop_duplicates()
        name = shared["name"].to_numpy(dtype=np.int64)
        party = shared["party"].to_numpy(dtype=np.int64)
        keep = names.likeness.at_least(name, party, LATE_ALIKE)
        found = pd.DataFrame({"key": name[keep] * width + party[keep]})
        names.cache["late alike"] = pd.concat(
            [names.cache.get("late alike", found.iloc[:0]), found], ignore_index=True
        )
        names.cache["late alike asked"] = pd.DataFrame(
            {"name": np.concatenate([known["name"].to_numpy(dtype=np.int64), new])}
        )
    keys = np.concatenate(
        [names.cache["late alike"]["key"].to_numpy(dtype=np.int64), names.payer_keys]
    )
    keys = np.unique(keys[isin(keys // width, asked)])
    return pd.DataFrame({"name": keys // width, "party": keys % width})


def _another_partys_open(
    run: _Matching, b: np.ndarray, firms_only: np.ndarray | None = None
) -> np.ndarray:
    """Whether each bank line's name is another party's (LATE_ALIKE alike, or a known payer
    of it) that has an open ledger line in the bank line's window; for the lines `firms_only`
    marks, only a party whose name is a firm's (`_A_FIRM`) counts."""
    assert run.names is not None
    names = run.names
    knows = np.zeros(len(b), dtype=bool)
    named = np.flatnonzero(run.bank_named[b] & (names.bank[b] >= 0))
    if not len(named):
        return knows
    relation = _parties_named(names, names.bank[b[named]])
    expanded = pd.DataFrame({"i": named, "name": names.bank[b[named]]}).merge(relation, on="name")
    if firms_only is not None and len(expanded):
        party_names = pd.Series(np.asarray(names.likeness.right, dtype=object))
        firm = contains(party_names, _A_FIRM)
        i = expanded["i"].to_numpy(dtype=np.int64)
        party = expanded["party"].to_numpy(dtype=np.int64)
        expanded = expanded[~firms_only[i] | firm[party]]
    if expanded.empty:
        return knows
    i = expanded["i"].to_numpy(dtype=np.int64)
    still = np.flatnonzero(run.ledger_open)
    found, _ = band_join(
        expanded["party"].to_numpy(dtype=np.int64),
        run.bank.lines["day"].to_numpy(dtype=np.int64)[b[i]],
        names.ledger[still].astype(np.int64),
        run.ledger.lines["day"].to_numpy(dtype=np.int64)[still],
        run.window,
        1,
    )
    knows[i[found]] = True
    return knows


def _carried(run: _Matching, b: np.ndarray, g: np.ndarray) -> np.ndarray:
    """Whether either line of each pair is an item of last month's BRS (--last-brs), which
    `xlbo.bank.brought_forward` clears on its own terms."""
    bank, ledger = run.bank.lines, run.ledger.lines
    carried = np.zeros(len(b), dtype=bool)
    if "carried" in bank.columns:
        carried |= bank["carried"].to_numpy(dtype=bool)[b]
    if "carried" in ledger.columns:
        carried |= ledger["carried"].to_numpy(dtype=bool)[g]
    return carried


def _another_partys(run: _Matching, b: np.ndarray, g: np.ndarray, alike: np.ndarray) -> np.ndarray:
    """Whether each bank line's name, not alike to its pair's party (below LATE_ALIKE), is
    another party's of the books (LATE_ALIKE alike, or a known payer of it): NAIR AGENC's
    7,230.00 is Nair Agencies' money the books have yet to take, not Mahavir Constructions'
    receipt of a week later, though no other line of the month has that amount."""
    assert run.names is not None
    names = run.names
    found = np.zeros(len(b), dtype=bool)
    asked = np.flatnonzero((alike < LATE_ALIKE) & run.bank_named[b] & (names.bank[b] >= 0))
    if not len(asked):
        return found
    relation = _parties_named(names, names.bank[b[asked]])
    lines = pd.DataFrame(
        {"i": asked, "name": names.bank[b[asked]], "own": names.ledger[g[asked]]}
    ).merge(relation, on="name")
    found[lines["i"].to_numpy(dtype=np.int64)[(lines["party"] != lines["own"]).to_numpy()]] = True
    return found


def _far_apart(run: _Matching) -> pd.DataFrame:
    """Suggestions: the only open bank line of an amount and the only open ledger line of it
    (the same direction), further apart than the window but within SAME_AMOUNT_APART_DAYS:
    MMT/IMPS/…/MAHESHSHAN of the 1st and M/s. Om Hind Traders' receipt of the 11th, 98,465.00
    each, both else left for the BRS (a proprietor pays for his firm). Not a round hundred
    (₹10,000 meets another ₹10,000 by chance), nor a returned payment (its own reversal is
    booked, or not). Names are no bar: the user sees both beside each other. Outsider months of
    100,000 lines: 175 of 180 offered are true pairs; the realistic months: 1 of 16 (a customer's
    IMPS not yet booked beside another's receipt of that amount). Never matched."""
    bank_at = np.flatnonzero(run.bank_open & ~run.returned)
    ledger_at = np.flatnonzero(run.ledger_open)
    bank_signed = run.bank.lines["signed"].to_numpy(dtype=np.int64)[bank_at]
    ledger_signed = run.ledger.lines["signed"].to_numpy(dtype=np.int64)[ledger_at]
    codes, _ = pd.factorize(np.concatenate([bank_signed, ledger_signed]))
    bank_code, ledger_code = codes[: len(bank_at)], codes[len(bank_at) :]
    size = int(codes.max(initial=-1)) + 1
    lone = (np.bincount(bank_code, minlength=size) == 1) & (
        np.bincount(ledger_code, minlength=size) == 1
    )
    line_of = np.full(size, -1, dtype=np.int64)
    line_of[ledger_code] = ledger_at
    b = bank_at[lone[bank_code]]
    g = line_of[bank_code[lone[bank_code]]]
    days = run.bank.lines["day"].to_numpy()[b] - run.ledger.lines["day"].to_numpy()[g]
    amount = run.bank.lines["signed"].to_numpy(dtype=np.int64)[b]
    far = ~run.window.holds(days) & (np.abs(days) <= SAME_AMOUNT_APART_DAYS)
    far &= (amount % ROUND != 0) & ~run.refused(b, g)
    b, g, days, amount = b[far], g[far], days[far], amount[far]
    return pd.DataFrame(
        {
            "b": b,
            "l": g,
            "kind": "Same amount, days apart",
            "why": [
                f"the only open lines of {format_inr(from_paise(abs(a)))} on either side: the "
                f"bank's is {abs(d)} days {'before' if d < 0 else 'after'} the books' (the window "
                f"is {-run.window.before} days before to {run.window.after} after)"
                for a, d in zip(amount.tolist(), days.tolist(), strict=True)
            ],
        }
    )


def _late_bookings(run: _Matching) -> None:
    """Pass 4, last: vouchers the books wrote late (or early), beyond the window but within
    LATE_BOOKING_DAYS either way. A pair of one amount is taken where the names are at least
    LATE_ALIKE alike and neither line has any other open line of that amount so far apart that
    its name does not rule out (a name COMBINATION_ALIKE alike, or a line naming no one) —
    looked for by names, not by amount alone, where an amount is common (`_crowded_late_pairs`)
    — or where the two are each other's only line of an amount that is no round hundred and
    their names are LATE_ALIKE_ALONE alike. Then each party's own
    lines (never alike parties' lines as one) make up a line of the other side that has no such
    pair, as the combinations do, from parties at least LATE_SET_ALIKE alike, where the lines of the
    set were written within LATE_PARTS_DAYS of each other (invoices booked together). Not run
    when the user narrowed the window (`--days-before 0`): they asked for near dates only."""
    wide = run.window.widened(LATE_BOOKING_DAYS)
    if (
        run.window.narrowed
        or wide == run.window
        or not (run.bank_open.any() and run.ledger_open.any())
    ):
        return  # a window narrower than the default is the user's wish to be strict
    if run.names is None:
        run.names = _Names.of(run.bank, run.ledger)
    # each open line's same-amount open lines so far apart; only lines with few (SHORTLIST)
    # are looked at pair by pair (a round ₹10,000 has hundreds in a month of a million lines)
    at_b, at_g = np.flatnonzero(run.bank_open), np.flatnonzero(run.ledger_open)
    amount_b, amount_g = run.amounts[0][at_b], run.amounts[1][at_g]
    day_b = run.bank.lines["day"].to_numpy()[at_b]
    day_g = run.ledger.lines["day"].to_numpy()[at_g]
    forth, back = bands(amount_b, day_b, amount_g, day_g, wide, coded=True)
    total_g = back.counts
    few_b = forth.counts <= SHORTLIST
    left, right = Band(
        forth.order, forth.low, np.where(few_b, forth.high, forth.low), forth.same_day
    ).pairs()
    # a ledger line's candidates are all looked at where it has no bank line of many
    whole = np.bincount(right, minlength=len(at_g)) == total_g
    pairs = run.without_rejected(
        pd.DataFrame(
            {
                "b": at_b[left],
                "l": at_g[right],
                "d": day_b[left] - day_g[right],
                "left": left,
                "right": right,
            }
        )
    )
    left = pairs["left"].to_numpy(dtype=np.int64)  # as the pairs the user did not refuse
    right = pairs["right"].to_numpy(dtype=np.int64)
    b = pairs["b"].to_numpy(dtype=np.int64)
    g = pairs["l"].to_numpy(dtype=np.int64)
    alike = run.names.alike(b, g)
    # a line its name does not rule out: alike enough to be the same party written otherwise
    # (as the combinations' parties are), or either line names no one
    could = (alike >= COMBINATION_ALIKE) | ~run.bank_named[b] | ~run.ledger_named[g]
    count_b = np.bincount(b[could], minlength=len(run.bank))
    count_g = np.bincount(g[could], minlength=len(run.ledger))
    count_g[at_g[~whole]] = SHORTLIST + 1
    sure = (alike >= LATE_ALIKE) & (count_b[b] == 1) & (count_g[g] == 1) & ~run.returned[b]
    # each other's only line of an amount that is no round hundred so far apart, either way:
    # names that account for all but a middle name or initial are enough (`rahulkulk` of
    # `rahulkulk24@upi` for Rahul P. Kulkarni, 8,783.00 booked eleven days later)
    alone = (
        (alike >= LATE_ALIKE_ALONE)
        & (forth.counts[left] == 1)
        & whole[right]
        & (total_g[right] == 1)
        & (run.bank.lines["signed"].to_numpy(dtype=np.int64)[b] % ROUND != 0)
        & ~run.returned[b]
    )
    # the month's only line of an amount that is no round hundred on each side, whatever the
    # names: MAHESHPRAS (the proprietor) pays 1,35,715.22 on the 3rd, the books take it from
    # Shree Siddhivinayak Sales Corporation on the 7th (as `_one_of_a_kind` in the window)
    odd = ~(sure | alone) & _one_of_a_kind(run, b) & ~run.returned[b] & ~_carried(run, b, g)
    odd[odd] = ~_another_partys(run, b[odd], g[odd], alike[odd])
    if odd.any():
        days = pairs["d"].to_numpy(dtype=np.int64)[odd]
        said = alike[odd]
        run.take(
            pairs[odd][["b", "l"]],
            "Amount and date",
            fitness(days, said),
            (
                "same amount; "
                + _signed_days(days)
                + " days, booked late; the month's only line of this amount on each side; "
                + pd.Series(_names_why(run, b[odd], g[odd], said), dtype=object)
                + np.where(
                    (said < NAMES_DIFFER_BELOW) & run.bank_named[b[odd]] & run.ledger_named[g[odd]],
                    ": check the party",
                    "",
                )
            ).to_numpy(),
        )
    chosen = pd.concat(
        [pairs[sure | alone], _crowded_late_pairs(run, wide, at_b, at_g, ~few_b, ~whole)]
    )
    chosen = chosen[["b", "l", "d"]].astype(np.int64).drop_duplicates(["b", "l"])
    chosen = chosen[
        run.bank_open[chosen["b"].to_numpy(dtype=np.int64)]
        & run.ledger_open[chosen["l"].to_numpy(dtype=np.int64)]
    ]
    if len(chosen):
        days = chosen["d"].to_numpy(dtype=np.int64)
        said = run.names.alike(chosen["b"].to_numpy(), chosen["l"].to_numpy())
        reasons = (
            "same amount; "
            + _signed_days(days)
            + " days, booked late; party names "
            + pd.Series(said).astype(str)
            + f"% alike; no other line of this amount either way within {LATE_BOOKING_DAYS} days "
            "that could be either's"
        )
        run.take(chosen[["b", "l"]], "Amount and date", fitness(days, said), reasons.to_numpy())
    # a line with an open same-amount line of an alike name is that line's (or a doubt), not
    # part of a set; a line naming no one has no party to be one of
    doubt = could & (alike > 0)
    bank_open = run.bank_open & run.bank_named & ~run.returned
    ledger_open = run.ledger_open & run.ledger_named
    bank_open[b[doubt]] = False
    ledger_open[g[doubt]] = False
    bank_open[at_b[~few_b]] = False  # many lines of its amount: one may be its own
    ledger_open[at_g[~whole]] = False
    names = run.names.combinable(run.bank_open, run.ledger_open)
    names = names[names["alike"].to_numpy() >= LATE_SET_ALIKE]
    if not len(names):
        return
    ledger_days = run.ledger.lines["day"].to_numpy()
    bank_days = run.bank.lines["day"].to_numpy()
    for found in find_combinations(
        run.bank, run.ledger, wide, run.rejected, True, bank_open, ledger_open, None, names, True
    ):
        if np.ptp(ledger_days[list(found.parts)]) > LATE_PARTS_DAYS:
            continue
        run.take_group(
            [found.target],
            found.parts,
            "Combination",
            f"{len(found.parts)} ledger lines of one party ({found.alike}% alike) add up to this "
            f"bank line; booked up to {LATE_BOOKING_DAYS} days apart{found.why_nearest}",
        )
    refused = frozenset((g, b) for b, g in run.rejected)
    for found in find_combinations(
        run.ledger,
        run.bank,
        wide,
        refused,
        False,
        ledger_open & run.ledger_open,
        bank_open & run.bank_open,
        None,
        names,
        True,
    ):
        if np.ptp(bank_days[list(found.parts)]) > LATE_PARTS_DAYS:
            continue
        run.take_group(
            found.parts,
            [found.target],
            "Combination",
            f"{len(found.parts)} bank lines of one party add up to this ledger line; booked up "
            f"to {LATE_BOOKING_DAYS} days apart{found.why_nearest}",
        )


def _on_amount_pairs(run: _Matching) -> tuple[np.ndarray, np.ndarray]:
    """(bank lines, ledger lines) of the 1:1 pairs taken so far on amount and date alone."""
    taken = pd.concat(run.taken, ignore_index=True)
    alone = taken["rule"].isin(list(_ON_AMOUNT)).to_numpy(dtype=bool)
    return (
        taken["bank"].to_numpy(dtype=np.int64)[alone],
        taken["ledger"].to_numpy(dtype=np.int64)[alone],
    )


def _named_pairs(
    run: _Matching, bank: np.ndarray, ledger: np.ndarray, window: Window
) -> tuple[np.ndarray, np.ndarray]:
    """(bank line, ledger line) of `bank` and `ledger` of one amount in the window whose names
    share a key word (`parties.key_words`), each bank line's NAMED_NEAREST nearest in date per
    word on each side of its date: the pairs whose names can be alike, as `_candidates` draws
    them, without asking how alike millions of others are."""
    assert run.names is not None
    amount_b, amount_g = run.amounts
    # only the lines of amounts on both sides can meet
    codes = len(run.amount_lines)
    bank = bank[np.bincount(amount_g[ledger], minlength=codes)[amount_b[bank]] > 0]
    ledger = ledger[np.bincount(amount_b[bank], minlength=codes)[amount_g[ledger]] > 0]
    (pos_b, word_b), (pos_g, word_g) = run.names.bank_words, run.names.ledger_words
    in_b = np.zeros(len(run.bank), dtype=bool)
    in_b[bank] = True
    in_g = np.zeros(len(run.ledger), dtype=bool)
    in_g[ledger] = True
    pos_b, word_b = pos_b[in_b[pos_b]], word_b[in_b[pos_b]]
    pos_g, word_g = pos_g[in_g[pos_g]], word_g[in_g[pos_g]]
    words = np.int64(max(int(word_b.max(initial=0)), int(word_g.max(initial=0))) + 1)
    day_b = run.bank.lines["day"].to_numpy()
    day_g = run.ledger.lines["day"].to_numpy()
    left, right = band_join(
        amount_b[pos_b].astype(np.int64) * words + word_b,
        day_b[pos_b],
        amount_g[pos_g].astype(np.int64) * words + word_g,
        day_g[pos_g],
        window,
        NAMED_NEAREST,
        coded=True,
    )
    met = pd.DataFrame({"b": pos_b[left], "l": pos_g[right]}).drop_duplicates()
    return met["b"].to_numpy(dtype=np.int64), met["l"].to_numpy(dtype=np.int64)


def _making_way(run: _Matching) -> None:
    """Pass 4, after the bookings made late: a pair of amount and date alone makes way where
    it kept a bank line from the one line its name fits. A bank line left open (`x`) whose
    best same-amount line in the window, of a name at least MAKE_WAY_ALIKE alike, was taken on
    amount and date by another bank line (`B`), while `x` has no open line that could be its
    (none as fit, none in the window named as alike): where `B`'s name fits an open line of
    the same amount (`L'`, within LATE_BOOKING_DAYS either way) at least as well as the one it
    took, and no other open bank line fits `L'` as well, `x` takes its line and `B` takes `L'`.
    Two pairs for one, each as well named: of two customers named Rajesh Tiwari, the handle
    `rajeshtiwa3` of the 1st has only the Mumbai one's 10,000.00 of the 2nd, which `RAJESH
    TIWARI` of the 2nd had taken; `RAJESH TIWARI` fits the Kolhapur one's of the 6th as well.
    Not run when the user narrowed the window."""
    if run.window.narrowed or run.names is None or not run.taken or not run.ledger_open.any():
        return
    wide = run.window.widened(LATE_BOOKING_DAYS)
    taken_b, taken_g = _on_amount_pairs(run)
    nb, ng = len(run.bank), len(run.ledger)
    amount_b, amount_g = run.amounts
    day_b = run.bank.lines["day"].to_numpy()
    day_g = run.ledger.lines["day"].to_numpy()

    def joined(b: np.ndarray, g: np.ndarray, window: Window) -> tuple[np.ndarray, np.ndarray]:
        """(index into b, index into g) of every same-amount pair in the window."""
        left, right = band_join(amount_b[b], day_b[b], amount_g[g], day_g[g], window, coded=True)
        return left, right

    # each open bank line's best line taken on amount alone, of a name that fits it
    open_b = np.flatnonzero(run.bank_open & run.bank_named & ~run.returned)
    x, g = _named_pairs(run, open_b, taken_g, run.window)
    taker = np.full(len(run.ledger), -1, dtype=np.int64)
    taker[taken_g] = taken_b
    b = taker[g]
    alike = run.names.alike(x, g)
    keep = (alike >= MAKE_WAY_ALIKE) & ~run.refused(x, g)
    x, g, b, alike = x[keep], g[keep], b[keep], alike[keep]
    fit = fitness(day_b[x] - day_g[g], alike)
    top_x, ties_x = _best(x, fit, nb)
    top_g, ties_g = _best(g, fit, ng)
    keep = top_x & (ties_x == 1) & top_g & (ties_g == 1)
    x, g, b, alike, fit = x[keep], g[keep], b[keep], alike[keep], fit[keep]
    if not len(x):
        return
    # … which has no open line as fit, nor one in the window named as alike (its own party's,
    # which it would rather take than make another line move)
    open_g = np.flatnonzero(run.ledger_open)
    left, right = joined(x, open_g, wide)
    other = open_g[right]
    days = day_b[x[left]] - day_g[other]
    said = run.names.alike(x[left], other)
    near = run.window.holds(days)
    rather = (fitness(days, said) >= fit[left]) | (near & (said >= alike[left]))
    free = np.bincount(left[rather], minlength=len(x)) == 0
    x, g, b, alike, fit = x[free], g[free], b[free], alike[free], fit[free]
    # the taker's best open line named at least as alike as the one it took
    took = run.names.alike(b, g)
    left, right = joined(b, open_g, wide)
    instead = open_g[right]
    said = run.names.alike(b[left], instead)
    keep = (said >= np.maximum(took[left], MAKE_WAY_ALIKE)) & ~run.refused(b[left], instead)
    left, instead, said = left[keep], instead[keep], said[keep]
    fit_instead = fitness(day_b[b[left]] - day_g[instead], said)
    top_x, ties_x = _best(left, fit_instead, len(x))
    top_g, ties_g = _best(instead, fit_instead, ng)
    keep = top_x & (ties_x == 1) & top_g & (ties_g == 1)
    left, instead, said, fit_instead = left[keep], instead[keep], said[keep], fit_instead[keep]
    if not len(left):
        return
    # … which no other open bank line fits as well
    open_b = np.flatnonzero(run.bank_open)
    rival_at, at = joined(open_b, instead, wide)
    rival = open_b[rival_at]
    rival_fit = fitness(day_b[rival] - day_g[instead[at]], run.names.alike(rival, instead[at]))
    rivals = (rival_fit >= fit_instead[at]) & (rival != x[left][at])
    free = np.bincount(at[rivals], minlength=len(left)) == 0
    left, instead, said = left[free], instead[free], said[free]
    if not len(left):
        return
    x, g, b, alike = x[left], g[left], b[left], alike[left]
    _take_back(run, g.tolist())
    run.made_way[x] = True
    run.made_way[b] = True

    _take_on_amount(
        run,
        x,
        g,
        alike,
        "% alike; this name's one line of this amount in the window, which another bank line "
        "had taken: that one fits another open line as well, and is paired with it",
    )
    _take_on_amount(
        run,
        b,
        instead,
        said,
        "% alike, as alike as the line it first took, which it gave up to a bank line whose "
        "one line of this amount in the window that was",
    )


def _take_on_amount(
    run: _Matching, bank: np.ndarray, ledger: np.ndarray, alike: np.ndarray, said: str
) -> None:
    """Take 1:1 pairs of one amount as the amount-and-date pass does, scored by their days and
    names (`fitness`), the Why saying the days (booked late, beyond the window), how alike the
    names are and then `said` (which begins with `% alike`)."""
    days = run.bank.lines["day"].to_numpy()[bank] - run.ledger.lines["day"].to_numpy()[ledger]
    late = ~run.window.holds(days)
    run.take(
        pd.DataFrame({"b": bank, "l": ledger}),
        "Amount and date",
        fitness(days, alike),
        (
            "same amount; "
            + _signed_days(days)
            + np.where(late, " days, booked late; party names ", " days; party names ")
            + pd.Series(alike.astype(str), dtype=object)
            + said
        ).to_numpy(),
    )


def _tds_short_receipts(run: _Matching) -> None:
    """A receipt the bank shows less the TDS the customer deducted, at 1, 2 or 10 percent of
    the books' amount or of its value before GST, to the paisa or to the rupee (`near_misses.
    _tds`), against the books' receipt of the whole invoice: taken where the names are the
    same party's (TDS_ALIKE, or a payer the month's sure pairs taught, however unlike its
    name) and the two are each other's only such line in the window among those whose names
    do not differ (a line naming no one, a cheque, counts; Om Sai's invoice of the amount
    Kaveri's also is does not, where the bank names Kaveri). The difference is the BRS's, to be
    booked (Senthil Logistics' 6,71,640.00 for the books' 6,83,220.00: TDS of 11,580.00, 2% of
    5,79,000.00 before GST at 18%). A payer's name unlike the party's stays a suggestion."""
    if run.names is None:
        return
    found = tds_deducted(run.bank, run.ledger, run.bank_open, run.ledger_open, run.window)
    if found.empty:
        return
    b = found["b"].to_numpy(dtype=np.int64)
    g = found["l"].to_numpy(dtype=np.int64)
    bank_signed = run.bank.lines["signed"].to_numpy(dtype=np.int64)
    ledger_signed = run.ledger.lines["signed"].to_numpy(dtype=np.int64)
    # this pair of each line's candidates whose names do not differ (a known payer's do not,
    # however unlike): one line's TDS at two rates, or two invoices' less TDS of one amount,
    # is a doubt, left to the user
    alike = run.names.alike(b, g)
    # a person's name run together without its initials is the same name (IMPS's MUKESHSHAH
    # for Mukesh K Shah, 88 alike by the letters alone)
    alike = np.where(
        _run_together_but_initials(run.names, b, g), np.maximum(alike, TDS_ALIKE), alike
    )
    named = (run.bank.lines["party"].fillna("").to_numpy(dtype=object)[b] != "") & (
        run.ledger.lines["party"].fillna("").to_numpy(dtype=object)[g] != ""
    )
    fits = (alike > 0) | ~named
    alone = (np.bincount(b[fits], minlength=len(run.bank))[b] == 1) & (
        np.bincount(g[fits], minlength=len(run.ledger))[g] == 1
    )
    keep = fits & alone & (bank_signed[b] > 0) & (alike >= TDS_ALIKE) & ~run.refused(b, g)
    if not keep.any():
        return
    chosen = found[keep]
    gap = ledger_signed[g[keep]] - bank_signed[b[keep]]
    why = [
        f"{said}; {format_inr(from_paise(int(owed)))} to book (the BRS lists it)"
        for said, owed in zip(chosen["why"].tolist(), gap.tolist(), strict=True)
    ]
    run.take(chosen[["b", "l"]].reset_index(drop=True), TDS_DEDUCTED, TDS_SCORE, why)


def _run_together_but_initials(names: _Names, b: np.ndarray, g: np.ndarray) -> np.ndarray:
    """Which pairs' bank name is the party's two or three words but its initials, run together
    in their order or the other way round (`MUKESHSHAH` or `SHAHMUKESH` for Mukesh K Shah)."""
    found = np.zeros(len(b), dtype=bool)
    bank_code, party_code = names.bank[b], names.ledger[g]
    asked = np.flatnonzero((bank_code >= 0) & (party_code >= 0))
    if not len(asked):
        return found
    # each party's name asked once: its words but the initials, run together both ways
    parties, at = np.unique(party_code[asked], return_inverse=True)
    words = [
        [w for w in str(names.likeness.right[party]).split() if len(w) > 1]
        for party in parties.tolist()
    ]
    forward = np.array(["".join(w) if 2 <= len(w) <= 3 else "" for w in words], dtype=object)
    backward = np.array(["".join(w[::-1]) if 2 <= len(w) <= 3 else "" for w in words], dtype=object)
    written = names.likeness.left_squashed[bank_code[asked]]
    run = np.ravel(at)
    found[asked] = (forward[run] != "") & ((written == forward[run]) | (written == backward[run]))
    return found


def _torn_between_parties(run: _Matching) -> pd.DataFrame:
    """Last: two pairs taken on amount and date alone, of two parties, that fit as well the
    other way round (the `preference` of the two pairs crossed, names, days and the parties the
    bank names paid before, adds up to theirs; each bank name alike to the other party's) are a
    coin the names and the dates toss, not a
    match: both are taken back and their four pairs listed for the user to choose. `S DESAI` of
    the 2nd and of the 3rd, Shobha Desai's 4,999.00 of the 3rd and Salim Desai's of the 5th:
    one day and two days apart, or three days and none. Only bank names that share a key word
    with the other party's are asked (namesakes). Returns the suggestions."""
    none = pd.DataFrame(columns=["b", "l", "kind", "why"])
    if run.names is None or not run.taken:
        return none
    taken_b, taken_g = _on_amount_pairs(run)
    # only an amount taken twice or more can be torn
    code = run.amounts[0][taken_b]
    twice = np.bincount(code, minlength=len(run.amount_lines))[code] >= 2
    taken_b, taken_g = taken_b[twice], taken_g[twice]
    if len(taken_b) < 2:
        return none
    day_b = run.bank.lines["day"].to_numpy()
    day_g = run.ledger.lines["day"].to_numpy()
    partner_of_b = np.full(len(run.bank), -1, dtype=np.int64)
    partner_of_b[taken_b] = taken_g
    partner_of_g = np.full(len(run.ledger), -1, dtype=np.int64)
    partner_of_g[taken_g] = taken_b
    # each bank line of such a pair with the other pairs' ledger lines of its amount in the
    # window whose party shares a key word with its name
    b1, g2 = _named_pairs(run, taken_b, taken_g, run.window)
    g1, b2 = partner_of_b[b1], partner_of_g[g2]
    party = run.names.ledger
    crossed_days = day_b[b2] - day_g[g1]
    # the crossed pair is in the window, or as late as the pair it crosses was booked:
    # rajeshtiwa3 of the 1st taken late with Rajesh S. Tiwari of the 6th (−5 days) beside
    # RAJESH TIWARI of the 2nd with Rajesh B. Tiwari of the 2nd is the handle with Rajesh B.
    # Tiwari (−1) and RAJESH TIWARI with Rajesh S. Tiwari (−4) as well
    late_taken = ~run.window.holds(day_b[b1] - day_g[g1])
    keep = (
        (b2 != b1)
        & (party[g1] != party[g2])
        & (
            run.window.holds(crossed_days)
            | (late_taken & run.window.widened(LATE_BOOKING_DAYS).holds(crossed_days))
        )
        & ~run.made_way[b1]
        & ~run.made_way[b2]
    )
    b1, g1, b2, g2 = b1[keep], g1[keep], b2[keep], g2[keep]
    # a crossed pair the user rejected, or of two instruments, is no way round at all
    keep = ~run.refused(b1, g2) & ~run.refused(b2, g1)
    b1, g1, b2, g2 = b1[keep], g1[keep], b2[keep], g2[keep]
    if not len(b1):
        return none
    names = run.names

    def preferred(b: np.ndarray, g: np.ndarray, alike: np.ndarray) -> np.ndarray:
        return preference(fitness(day_b[b] - day_g[g], alike), alike, names.habitual(b, g))

    other_1, other_2 = names.alike(b1, g2), names.alike(b2, g1)
    now = preferred(b1, g1, names.alike(b1, g1)) + preferred(b2, g2, names.alike(b2, g2))
    crossed = preferred(b1, g2, other_1) + preferred(b2, g1, other_2)
    torn = (crossed >= now) & (other_1 >= NAMES_DIFFER_BELOW) & (other_2 >= NAMES_DIFFER_BELOW)
    b1, g1, b2, g2 = b1[torn], g1[torn], b2[torn], g2[torn]
    other_1, other_2 = other_1[torn], other_2[torn]
    if not len(b1):
        return none
    # where one of the two was taken beyond the window (booked late) and crossed both are
    # inside it, the crossed pairs are the ones: a late booking is the explanation of last
    # resort (MAHESH KHANNA of the 2nd with Mahesh Khanna of the 5th, maheshkhan79 of the 6th
    # with Mahesh S. Khanna of the 6th; not the handle with Mahesh Khanna and MAHESH KHANNA
    # four days before Mahesh S. Khanna), where each of the four lines is in no other such
    # doubt
    late = (
        ~run.window.holds(day_b[b1] - day_g[g1]) | ~run.window.holds(day_b[b2] - day_g[g2])
    ) & run.window.holds(day_b[b2] - day_g[g1])
    # each doubt once (it is found from either of its two pairs)
    first = np.zeros(len(b1), dtype=bool)
    first[
        np.unique(np.minimum(b1, b2) * len(run.bank) + np.maximum(b1, b2), return_index=True)[1]
    ] = True
    lines_b = np.concatenate([b1[first], b2[first]])
    lines_g = np.concatenate([g1[first], g2[first]])
    alone = np.zeros(len(b1), dtype=bool)
    alone[first] = (
        (
            (np.bincount(lines_b, minlength=len(run.bank))[lines_b] == 1)
            & (np.bincount(lines_g, minlength=len(run.ledger))[lines_g] == 1)
        )
        .reshape(2, -1)
        .all(axis=0)
    )
    swap = late & alone
    # the doubt's other reading goes with it
    taken_back = np.zeros(len(run.bank), dtype=bool)
    taken_back[b1[swap]] = taken_back[b2[swap]] = True
    swap_too = taken_back[b1] | taken_back[b2]
    if swap.any():
        _take_back(run, np.concatenate([g1[swap], g2[swap]]).tolist())
        _take_on_amount(  # both inside the window: the crossed pairs
            run,
            np.concatenate([b1[swap], b2[swap]]),
            np.concatenate([g2[swap], g1[swap]]),
            np.concatenate([other_1[swap], other_2[swap]]),
            "% alike; the other way round one of the two would be booked late",
        )
    b1, g1, b2, g2 = b1[~swap_too], g1[~swap_too], b2[~swap_too], g2[~swap_too]
    if not len(b1):
        return none
    _take_back(run, np.unique(np.concatenate([g1, g2])).tolist())
    # each bank line's choices in the order of their ledger lines (`_in_statement_order` puts
    # the bank lines in the statement's)
    return (
        pd.DataFrame(
            {
                "b": np.concatenate([b1, b1, b2, b2]),
                "l": np.concatenate([g1, g2, g1, g2]),
                "kind": "Ambiguous",
                "why": "same amount; two bank lines fit two parties' lines as well either way "
                "round, by their names and their dates: choose which is whose",
            }
        )
        .sort_values(["b", "l"], kind="stable")
        .drop_duplicates(["b", "l"])
    )


def _crowded_late_pairs(
    run: _Matching,
    wide: Window,
    at_b: np.ndarray,
    at_g: np.ndarray,
    crowded_b: np.ndarray,
    crowded_g: np.ndarray,
) -> pd.DataFrame:
    """(b, l, d): pairs booked late among open lines with more same-amount lines so far apart
    than are looked at pair by pair (`crowded_b`, `crowded_g`, by place in `at_b`, `at_g`: a
    round ₹2,499 has dozens in a month): found by joining on alike names (COMBINATION_ALIKE or
    a known payer) and amount, not on amount alone. A pair is taken where its names are
    LATE_ALIKE alike and neither line has another line of that amount so far apart that is
    alike to its own name or names no one."""
    if run.names is None or not (crowded_b.any() or crowded_g.any()):
        return pd.DataFrame(columns=["b", "l", "d"])
    names = run.names
    alike = names.combinable(run.bank_open, run.ledger_open)
    bank_code, ledger_code = names.codes(alike["bank"], alike["ledger"])
    known = (bank_code >= 0) & (ledger_code >= 0)
    relation = pd.DataFrame(
        {
            "bank_name": bank_code[known],
            "ledger_name": ledger_code[known],
            "alike": alike["alike"].to_numpy(dtype=np.int64)[known],
        }
    ).drop_duplicates(["bank_name", "ledger_name"])
    named_b = at_b[run.bank_named[at_b]]
    named_g = at_g[run.ledger_named[at_g]]
    day_b, day_g = run.bank.lines["day"].to_numpy(), run.ledger.lines["day"].to_numpy()
    lines_b = pd.DataFrame(
        {"b": named_b, "bank_name": names.bank[named_b], "amount": run.amounts[0][named_b]}
    )
    lines_g = pd.DataFrame(
        {"l": named_g, "ledger_name": names.ledger[named_g], "amount": run.amounts[1][named_g]}
    )
    crowded = np.zeros(len(run.bank), dtype=bool)
    crowded[at_b[crowded_b]] = True
    crowded_l = np.zeros(len(run.ledger), dtype=bool)
    crowded_l[at_g[crowded_g]] = True

    def joined(bank_lines: pd.DataFrame, ledger_lines: pd.DataFrame, least: int) -> pd.DataFrame:
        """(b, l, d): lines of names at least `least` alike, of one amount, so far apart."""
        found = bank_lines.merge(relation[relation["alike"] >= least], on="bank_name").merge(
            ledger_lines, on=["ledger_name", "amount"]
        )
        b = found["b"].to_numpy(dtype=np.int64)
        g = found["l"].to_numpy(dtype=np.int64)
        d = day_b[b] - day_g[g]
        inside = wide.holds(d)
        return pd.DataFrame({"b": b[inside], "l": g[inside], "d": d[inside]})

    # the pairs that may be sure (LATE_ALIKE, a crowded line in them); then, for their lines
    # only, the lines alike enough to be either's (COMBINATION_ALIKE)
    pairs = joined(lines_b, lines_g, LATE_ALIKE)
    pairs = pairs[crowded[pairs["b"].to_numpy()] | crowded_l[pairs["l"].to_numpy()]]
    if pairs.empty:
        return pd.DataFrame(columns=["b", "l", "d"])
    b = pairs["b"].to_numpy(dtype=np.int64)
    g = pairs["l"].to_numpy(dtype=np.int64)
    rivals = relation[relation["alike"] >= COMBINATION_ALIKE]
    # how many lines of the other side, so far apart, are of one amount and a name alike
    # enough to be each line's (counted in bands, never paired: a payer's name cut short is
    # alike to dozens, each with dozens of lines of a plan's price)
    asking_b = lines_b[lines_b["b"].isin(b)].merge(rivals, on="bank_name")
    asking_g = lines_g[lines_g["l"].isin(g)].merge(rivals, on="ledger_name")
    width = np.int64(
        max(int(run.amounts[0].max(initial=0)), int(run.amounts[1].max(initial=0))) + 1
    )

    def rivals_of(
        asking: pd.DataFrame, line: str, name: str, lines: pd.DataFrame, other: str, w: Window
    ) -> np.ndarray:
        """Per line of one side, how many `lines` of the other, in its window `w`, have the
        amount and one of the names (`name`) that `asking` lists for it."""
        at = asking[line].to_numpy(dtype=np.int64)
        days = (day_b, day_g) if line == "b" else (day_g, day_b)
        counts = band(
            asking[name].to_numpy(dtype=np.int64) * width + asking["amount"].to_numpy(np.int64),
            days[0][at],
            lines[name].to_numpy(dtype=np.int64) * width + lines["amount"].to_numpy(np.int64),
            days[1][lines[other].to_numpy(dtype=np.int64)],
            w,
            coded=True,
        ).counts
        size = len(run.bank) if line == "b" else len(run.ledger)
        return np.bincount(at, weights=counts, minlength=size).astype(np.int64)

    could_b = rivals_of(asking_b, "b", "ledger_name", lines_g, "l", wide)
    could_g = rivals_of(asking_g, "l", "bank_name", lines_b, "b", wide.mirrored)
    # and lines naming no one of the same amount so far apart, which could be either line's
    unnamed_b = at_b[~run.bank_named[at_b]]
    unnamed_g = at_g[~run.ledger_named[at_g]]
    blank_b = band(
        run.amounts[0][b], day_b[b], run.amounts[1][unnamed_g], day_g[unnamed_g], wide, coded=True
    ).counts
    blank_g = band(
        run.amounts[1][g],
        day_g[g],
        run.amounts[0][unnamed_b],
        day_b[unnamed_b],
        wide.mirrored,
        coded=True,
    ).counts
    sure = (
        (run.names.alike(b, g) >= LATE_ALIKE)
        & (could_b[b] + blank_b == 1)
        & (could_g[g] + blank_g == 1)
        & ~run.returned[b]
    )
    return run.without_rejected(pairs[sure].astype(np.int64))


def _combinations(run: _Matching) -> pd.DataFrame:
    """Pass 3 over the open lines: a bank line that is 2–6 ledger lines, then the reverse;
    returns the suggestions for the lines it abstained on (two sets fit)."""
    undecided: list[Combination] = []
    if run.names is None:
        run.names = _Names.of(run.bank, run.ledger)
    names = run.names.combinable(run.bank_open, run.ledger_open)
    # a line with an open same-amount line of an alike name in its window is that line's
    # (or a doubt between such lines), not part of a set
    pairs, _, _ = _candidates(run)
    alike_pairs = pairs[pairs["alike"].to_numpy() >= COMBINATION_ALIKE]
    bank_open, ledger_open = run.bank_open.copy(), run.ledger_open.copy()
    bank_open[_kept_from_sets(run, alike_pairs)] = False
    ledger_open[alike_pairs["l"].to_numpy(dtype=np.int64)] = False
    for found in find_combinations(
        run.bank,
        run.ledger,
        run.window,
        run.rejected,
        True,
        bank_open,
        ledger_open,
        undecided,
        names,
    ):
        run.take_group(
            [found.target],
            found.parts,
            "Combination",
            f"{len(found.parts)} ledger lines of the same party ({found.alike}% alike) add up "
            f"to this bank line{found.why_nearest}",
        )
    suggested = [(c.target, part) for c in undecided for part in c.parts]
    undecided = []
    refused = frozenset((g, b) for b, g in run.rejected)
    bank_day = run.bank.lines["day"].to_numpy(dtype=np.int64)
    ledger_day = run.ledger.lines["day"].to_numpy(dtype=np.int64)
    # the acquirer's MDR journal is a card settlement's part (`xlbo.bank.splits`), no total of
    # the bank's lines: the day's NEFT charge and its GST may happen to make it up
    mdr = contains_distinct(run.ledger.lines["text"], MDR_WORDS)
    for found in find_combinations(
        run.ledger,
        run.bank,
        run.window,
        refused,
        False,
        ledger_open & run.ledger_open & ~mdr,
        bank_open & run.bank_open,
        undecided,
        names,
    ):
        # parts before the window's reach: the books took the receipt whole when the last came
        early = int(ledger_day[found.target] - bank_day[found.parts].min())
        when = (
            f"the first {early} days before the books' date (booked whole when the last came)"
            if early > -run.window.before
            else "within the window"
        )
        run.take_group(
            found.parts,
            [found.target],
            "Combination",
            f"{len(found.parts)} bank lines add up to this ledger line; same direction; "
            f"{when}{found.why_nearest}",
        )
    suggested += [(part, c.target) for c in undecided for part in c.parts]
    return several_sets(
        suggested,
        "more than one set of one party's lines adds up to the other line (this is one of "
        "them): choose",
    )
