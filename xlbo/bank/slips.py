"""A pay-in slip: several customers' cheques deposited together on one slip, which the bank
credits as one line (`BY CLG 3 CHQS SLIP 004512`, `CHQ DEP PAY-IN SLIP 4512`), while the books
hold one receipt for each cheque, each of its own customer. The combination search never finds
it: it groups lines by party, and the slip's cheques are of as many parties as cheques.

A set is taken only where the words say so and the amounts leave no choice:
- the bank's line is a credit that says it is a slip (SLIP_WORDS) of cheques or clearing
  (CHEQUE_WORDS), or says how many cheques it holds (`3 CHQS`, `NO OF CHQS 3`);
- its parts are open receipts in the books that say they are cheques (a cheque number, or
  `Chq`, `Cheque`, `Ch. No.`), each smaller than the slip, booked on the slip's day or up to the
  window's days before it (the books date a cheque when it is deposited or received, the bank
  when it clears);
- first the receipts of each one day of the books are searched (a slip is one visit to the
  bank), for sets of the stated count, or of MIN_PARTS to MAX_PARTS where the bank states none;
  where the bank states the count and no day holds such a set, the whole window is searched;
- exactly one set adding up to the paisa is a match; two or more and no set is taken: every
  line of them is a suggestion, and the user chooses. A day of more than SLIP_CANDIDATES cheque
  receipts is not searched: so many sets would reach some total by chance.

>>> from xlbo.bank.side import side
>>> bank = side([18], [15_025_000], text=["BY CLG 3 CHQS SLIP 004512"])
>>> books = side(
...     [17, 17, 17, 17],
...     [5_000_000, 6_025_000, 4_000_000, 2_750_000],
...     text=["Chq no 334455", "Chq no 778812", "Chq no 909090", "NEFT recd"],
... )
>>> found, doubted = slip_sets(bank, books, Window(), frozenset())
>>> [(s.bank, s.ledger) for s in found]
[(0, [0, 1, 2])]
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta
from itertools import combinations

import numpy as np
import pandas as pd

from xlbo.bank.scoring import MAX_PARTS, MIN_PARTS, SLIP_CANDIDATES
from xlbo.bank.side import Side
from xlbo.bank.window import Window
from xlbo.columns import contains
from xlbo.money import format_inr, from_paise

SLIP_WORDS = r"(?i)\b(?:SLIP|PAY[\s-]?IN|PAYIN)\b"
"""Words of a bank line that credits a deposit slip."""
SLIP_CHEQUE_WORDS = r"(?i)\b(?:CHQS?|CHEQUES?|CLG|CLEARING|CTS|MICR|INSTRUMENTS?)\b"
"""… and of its cheques (one of these beside SLIP_WORDS: a cash deposit's slip is no cheques')."""
SLIP_COUNT = (
    r"(?i)(?:\b(?P<count>\d{1,2})\s*(?:CHQS?|CHEQUES?|INSTRUMENTS?|INSTS?)\b"
    r"|\bNO\.?\s*OF\s*(?:CHQS?|CHEQUES?|INSTRUMENTS?)\W{0,3}(?P<after>\d{1,2})\b)"
)
"""How many cheques the bank says the slip holds (`3 CHQS`, `NO OF CHQS: 3`)."""
BOOK_CHEQUE_WORDS = r"(?i)\b(?:CHQ|CHEQUE|CH\.?\s*NO|CLG|DD|DEMAND\s+DRAFT)\b"
"""Words of a receipt in the books that was a cheque (or a draft, deposited alike)."""
EPOCH = date(1970, 1, 1)
"""Day 0 of a side's `day` numbers."""
SLIP_KIND = "Pay-in slip: choose"
"""The kind of suggestion where two or more sets of cheques add up to one slip."""


@dataclass(frozen=True)
class Slip:
    """A slip's bank line, the book receipts it holds, and why."""

    bank: int
    ledger: list[int]
    why: str


def slip_sets(
    bank: Side,
    ledger: Side,
    window: Window,
    rejected: frozenset[tuple[int, int]],
    bank_open: np.ndarray | None = None,
    ledger_open: np.ndarray | None = None,
) -> tuple[list[Slip], pd.DataFrame]:
    """The slips found (one set each) and the suggestions (b, l, kind, why) of the slips that
    two or more sets fit, among the open lines."""
    bank_open = np.ones(len(bank), dtype=bool) if bank_open is None else bank_open.copy()
    ledger_open = np.ones(len(ledger), dtype=bool) if ledger_open is None else ledger_open.copy()
    bank_signed = bank.lines["signed"].to_numpy(dtype=np.int64)
    open_credits = np.flatnonzero(bank_open & (bank_signed > 0))
    text = bank.lines["text"].iloc[open_credits].fillna("").astype(str)
    says = contains(text, SLIP_WORDS) & contains(text, SLIP_CHEQUE_WORDS)
    counts = _stated_counts(text)
    targets = open_credits[says | (counts >= MIN_PARTS)]
    count_of = dict(zip(open_credits.tolist(), counts.tolist(), strict=True))
    found: list[Slip] = []
    doubted: list[pd.DataFrame] = []
    if not len(targets):
        return found, _suggestions(doubted)
    cheques = _cheque_receipts(ledger)
    ledger_signed = ledger.lines["signed"].to_numpy(dtype=np.int64)
    ledger_day = ledger.lines["day"].to_numpy(dtype=np.int64)
    bank_day = bank.lines["day"].to_numpy(dtype=np.int64)
    earliest, latest = max(0, window.before), window.after  # bank − books
    for target in sorted(targets.tolist(), key=lambda t: (int(bank_day[t]), t)):
        amount, day, count = int(bank_signed[target]), int(bank_day[target]), count_of[target]
        usable = np.flatnonzero(
            ledger_open
            & cheques
            & (ledger_signed > 0)
            & (ledger_signed < amount)
            & (ledger_day >= day - latest)
            & (ledger_day <= day - earliest)
        )
        usable = np.array(
            [g for g in usable.tolist() if (target, g) not in rejected], dtype=np.int64
        )
        sizes = [count] if count >= MIN_PARTS else list(range(MIN_PARTS, MAX_PARTS + 1))
        sets = [
            parts
            for one_day in np.unique(ledger_day[usable]).tolist()
            for parts in _sets(usable[ledger_day[usable] == one_day], ledger_signed, amount, sizes)
        ]
        if not sets and count >= MIN_PARTS:
            sets = _sets(usable, ledger_signed, amount, sizes)
        if len(sets) == 1:
            parts = sets[0]
            found.append(Slip(target, parts, _why(ledger, parts, count)))
            ledger_open[parts] = False
        elif sets:
            lines = sorted({g for parts in sets for g in parts})
            doubted.append(
                pd.DataFrame(
                    {
                        "b": target,
                        "l": lines,
                        "kind": SLIP_KIND,
                        "why": f"{len(sets)} sets of the books' cheques add up to this slip "
                        f"of {format_inr(from_paise(amount))}: tick the slip's own",
                    }
                )
            )
    return found, _suggestions(doubted)


def _stated_counts(text: pd.Series) -> np.ndarray:
    """How many cheques each narration says its slip holds (0 where it says none)."""
    found = text.str.extract(SLIP_COUNT)
    count = found["count"].fillna(found["after"]).fillna("0")
    return count.astype(np.int64).to_numpy()


def _cheque_receipts(ledger: Side) -> np.ndarray:
    """Book lines that say they were a cheque: a cheque number read, or its words."""
    text = ledger.lines["text"].fillna("").astype(str)
    if "note" in ledger.lines:
        text = text + " " + ledger.lines["note"].fillna("").astype(str)
    said = contains(text, BOOK_CHEQUE_WORDS)
    if "cheque" in ledger.lines:
        said |= ledger.lines["cheque"].to_numpy(dtype=np.int64) >= 0
    return np.asarray(said, dtype=bool)


def _sets(lines: np.ndarray, signed: np.ndarray, amount: int, sizes: list[int]) -> list[list[int]]:
    """Every set of `lines` of one of `sizes` whose amounts add up to `amount`; none where the
    lines are more than SLIP_CANDIDATES."""
    if len(lines) < min(sizes) or len(lines) > SLIP_CANDIDATES:
        return []
    values = signed[lines]
    if int(values.sum()) < amount:
        return []
    sets: list[list[int]] = []
    for size in sizes:
        if size > len(lines):
            continue
        picks = np.array(list(combinations(range(len(lines)), size)), dtype=np.int64)
        hits = picks[values[picks].sum(axis=1) == amount]
        sets += [lines[hit].tolist() for hit in hits]
    return sets


def _why(ledger: Side, parts: list[int], count: int) -> str:
    """The Matches sheet's why: how many cheques, of which day, and the bank's count."""
    days = sorted({int(d) for d in ledger.lines["day"].to_numpy(dtype=np.int64)[parts]})
    when = ", ".join(f"{EPOCH + timedelta(days=day):%d-%m-%Y}" for day in days)
    return (
        f"pay-in slip: the {len(parts)} cheque receipts in the books of {when} add up to this "
        "credit to the paisa"
        + (f", as many as the bank's {count} cheques" if count else "")
        + "; the only such set"
    )


def _suggestions(doubted: list[pd.DataFrame]) -> pd.DataFrame:
    if not doubted:
        return pd.DataFrame({"b": [], "l": [], "kind": [], "why": []}).astype(
            {"b": np.int64, "l": np.int64, "kind": object, "why": object}
        )
    return pd.concat(doubted, ignore_index=True)
