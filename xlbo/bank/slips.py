"""One line that is several lines of *other parties* on the other side, where the words of the
one line's channel say so: what the combination search, which groups lines by party, never
finds. Three kinds (KINDS):
- a pay-in slip: several customers' cheques deposited together, which the bank credits as one
  line (`BY CLG 3 CHQS SLIP 004512`, `CHQ DEP PAY-IN SLIP 4512`), while the books hold one
  receipt for each cheque, each of its own customer;
- NACH collections: the dealers' mandates settled as one credit (`NACH CR SETTLEMENT 21/11
  BATCH 556 UMRN CNT 4`), one receipt each in the books from the breakup;
- cash deposited in parts: the books' one Contra from `Cash` for the bank's two or three cash
  deposits (a deposit machine takes so much at a time; a cashier goes on two days).

A set is taken only where the words say so and the amounts leave no choice:
- the one line says its kind (the bank's `SLIP` with `CHQS` or `CLG`, or how many cheques;
  `NACH` or `ECS` with `SETTLEMENT`, `BATCH` or a count; the books' `Cash`), and the parts are
  of it (the books' receipts that say they were cheques — a number or `Chq` —, receipts that
  were no cheques, the bank's credits that say cash);
- the parts are open, in the one line's direction, each smaller, dated within the window of
  it (a slip's and a settlement's on its day or up to the window's days before it);
- first the parts of each one day are searched (a slip is one visit to the bank), for sets of
  the stated count, or of MIN_PARTS to MAX_PARTS where none is stated; where a count is stated,
  or the kind's parts may be days apart (cash), and no day holds a set, the whole window is;
- exactly one set adding up to the paisa is a match (or sets that differ only in lines nothing
  tells apart — two `BY CASH` of one amount and day —, of which the first); two or more and no
  set is taken: every line of them is a suggestion, and the user chooses. More than SLIP_CANDIDATES lines to
  search is not searched: so many sets would reach some total by chance.

>>> from xlbo.bank.side import side
>>> bank = side([18], [15_025_000], text=["BY CLG 3 CHQS SLIP 004512"])
>>> books = side(
...     [17, 17, 17, 17],
...     [5_000_000, 6_025_000, 4_000_000, 2_750_000],
...     text=["Chq no 334455", "Chq no 778812", "Chq no 909090", "NEFT recd"],
... )
>>> found, doubted = slip_sets(bank, books, Window(), frozenset())
>>> [(s.bank, s.ledger) for s in found]
[([0], [0, 1, 2])]
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta
from itertools import combinations

import numpy as np
import pandas as pd

from xlbo.bank.scoring import MAX_PARTS, MIN_PARTS, SLIP_CANDIDATES
from xlbo.bank.side import Side, with_notes
from xlbo.bank.splits import Split, facing
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
NACH_WORDS = r"(?i)\b(?:NACH|ECS)\b"
"""A credit of mandates collected: `NACH CR SETTLEMENT …`, `ECS CR BATCH …`."""
NACH_BATCH_WORDS = r"(?i)\b(?:SETTLEMENT|SETTLED|BATCH|BULK|COLLECTIONS?|CONSOLIDATED|CNT)\b"
"""… of several mandates at once (a customer's own NACH credit names the customer instead)."""
NACH_COUNT = r"(?i)\b(?:CNT|COUNT|NO\.?\s*OF\s*TXNS?)\W{0,3}(?P<count>\d{1,2})\b"
"""How many mandates the settlement says it holds (`UMRN CNT 4`)."""
CHEQUE_OR_DRAFT_WORDS = r"(?i)\b(?:CHQ|CHEQUE|CH\.?\s*NO|CLG|DD|DEMAND\s+DRAFT)\b"
"""Words of a receipt in the books that was a cheque (or a draft, deposited alike)."""
CASH_LEDGER = r"(?i)^\W*(?:(?:TO|BY)\s+)?CASH(?:\s+(?:A/?C|ACCOUNT|IN\s+HAND|ON\s+HAND|BOOK))?\W*$"
"""The books' cash account, whose Contra is money the company deposited: `Cash`, `Cash A/c`,
`Cash in Hand`."""
BANK_CASH_WORDS = r"(?i)\b(?:CASH|CDM|CSH)\b"
"""A bank credit of cash deposited: `CASH DEP COIMBATORE MAIN`, `BY CASH`, `CDM DEP 4567`."""
SPREAD_LINES = 6
"""Parts at most in a window searched across its days for a set (cash deposited on two days):
of the outsider's months at 10,000 lines (Central Bank, PNB), every such set found among 9 to 15
deposits of round amounts was another Contra's or none's; 15 false pairs at seed 1, 14 at seed
2, one true pair."""
CASH_DAYS_AFTER = 1
"""Days at most the bank credits cash after the day the books say it was deposited (a deposit
machine's, counted the next day); never days later (`combinations._cash_deposited_later`)."""
EPOCH = date(1970, 1, 1)
"""Day 0 of a side's `day` numbers."""
SLIP_KIND = "Several parties' lines: choose"
"""The kind of suggestion where two or more sets add up to one slip, settlement or deposit."""


@dataclass(frozen=True)
class Kind:
    """One kind of line that several lines of other parties make up, and how it is known."""

    name: str
    target_is_bank: bool
    target_words: tuple[str, ...]
    """Each a pattern the one line's text must say."""
    count: str = ""
    """A pattern whose `count` group says how many parts (and makes the line one, alone)."""
    part_words: str = ""
    """A pattern each part must say ("": any)."""
    cheques: bool | None = None
    """The parts must be cheques in the books (True), must not be (False), or either (None)."""
    spread: bool = False
    """The parts may be days apart: the window is searched where no one day holds a set, and
    the window holds SPREAD_LINES at most."""
    parts_named: str = ""
    """How the why names the parts."""
    parts_after: int | None = None
    """Days at most a part may be after the one line (None: the window's): cash is deposited
    by the day the books say it was, or the next (a deposit machine's), never days later."""


KINDS = (
    Kind(
        "pay-in slip",
        True,
        (SLIP_WORDS, SLIP_CHEQUE_WORDS),
        count=SLIP_COUNT,
        cheques=True,
        parts_named="cheque receipts in the books",
    ),
    Kind(
        "NACH collections",
        True,
        (NACH_WORDS, NACH_BATCH_WORDS),
        count=NACH_COUNT,
        cheques=False,
        parts_named="receipts in the books",
    ),
    Kind(
        "cash deposited in parts",
        False,
        (CASH_LEDGER,),
        part_words=BANK_CASH_WORDS,
        spread=True,
        parts_after=CASH_DAYS_AFTER,
        parts_named="cash deposits in the bank",
    ),
)


def slip_sets(
    bank: Side,
    ledger: Side,
    window: Window,
    rejected: frozenset[tuple[int, int]],
    bank_open: np.ndarray | None = None,
    ledger_open: np.ndarray | None = None,
) -> tuple[list[Split], pd.DataFrame]:
    """The sets found (one set each) and the suggestions (b, l, kind, why) of the lines that
    two or more sets fit, among the open lines."""
    opened = (
        np.ones(len(bank), dtype=bool) if bank_open is None else bank_open.copy(),
        np.ones(len(ledger), dtype=bool) if ledger_open is None else ledger_open.copy(),
    )
    found: list[Split] = []
    doubted: list[pd.DataFrame] = []
    for kind in KINDS:
        one, other, one_open, other_open, seen = facing(  # seen: one − other
            kind.target_is_bank, bank, ledger, *opened, window
        )
        # the parts' days from the one line's: a slip's on its day or before
        earliest = max(0, seen.before) if kind.target_is_bank else seen.before
        if kind.parts_after is not None and not kind.target_is_bank:  # books − bank
            earliest = max(earliest, -kind.parts_after)
        for target, parts, count in _kind_sets(
            kind, one, other, one_open, other_open, earliest, seen.after, rejected, doubted
        ):
            pair = ([target], parts) if kind.target_is_bank else (parts, [target])
            found.append(Split(*pair, _why(kind, other, parts, count)))
            one_open[target] = False
            other_open[parts] = False
    return found, _suggestions(doubted)


def cash_days(
    bank: Side,
    ledger: Side,
    rejected: frozenset[tuple[int, int]],
    bank_open: np.ndarray,
    ledger_open: np.ndarray,
) -> list[Split]:
    """A day's cash, whole: every open cash deposit the bank credits on a day (BANK_CASH_WORDS)
    and every open Contra from the books' cash account of that day (CASH_LEDGER), two or more a
    side, whose totals agree to the paisa. The cashier deposits the day's cash in several
    visits, at the counter and a deposit machine (`BY CASH-TIRUPPUR MAIN`, `BY CASH DEPOSIT-CDM
    1234`), and the books take it in a Contra or two: which deposits make which Contra nothing
    tells (thirteen deposits of round amounts for five Contras), and the search of one Contra's
    set finds some set by chance, or several. The day's totals agreeing leave nothing to
    reconcile: one match of all of them, its rows each deposit beside the day's first Contra
    and each other Contra beside the day's first deposit. A day whose totals differ (a deposit
    credited the next day) is left to the search of sets (`slip_sets`); one whose every
    deposit is a Contra of its amount, to the pairs of amount and date."""
    bank_text = bank.lines["text"].fillna("").astype(str)
    bank_signed = bank.lines["signed"].to_numpy(dtype=np.int64)
    ledger_signed = ledger.lines["signed"].to_numpy(dtype=np.int64)
    deposits = np.flatnonzero(bank_open & (bank_signed > 0))
    deposits = deposits[contains(bank_text.iloc[deposits], BANK_CASH_WORDS)]
    contras = np.flatnonzero(ledger_open & (ledger_signed > 0))
    contras = contras[
        contains(ledger.lines["text"].iloc[contras].fillna("").astype(str), CASH_LEDGER)
    ]
    if len(deposits) < 2 or len(contras) < 2:
        return []
    bank_day = bank.lines["day"].to_numpy(dtype=np.int64)[deposits]
    ledger_day = ledger.lines["day"].to_numpy(dtype=np.int64)[contras]
    found: list[Split] = []
    for day in np.intersect1d(bank_day, ledger_day).tolist():
        paid_in = deposits[bank_day == day]
        booked = contras[ledger_day == day]
        if len(paid_in) < 2 or len(booked) < 2:
            continue
        total = int(bank_signed[paid_in].sum())
        if total != int(ledger_signed[booked].sum()):
            continue
        if len(paid_in) == len(booked) and np.array_equal(
            np.sort(bank_signed[paid_in]), np.sort(ledger_signed[booked])
        ):
            continue  # each deposit is a Contra of its amount: pairs, as the day's other lines
        rows = [(int(b), int(booked[0])) for b in paid_in] + [
            (int(paid_in[0]), int(g)) for g in booked[1:]
        ]
        if any((b, g) in rejected for b in paid_in.tolist() for g in booked.tolist()):
            continue
        when = (EPOCH + timedelta(days=day)).strftime("%d-%m-%Y")
        why = (
            f"the day's cash: {len(paid_in)} cash deposits in the bank and {len(booked)} "
            f"Contras from Cash in the books, every open one of {when}, add up alike to "
            f"{format_inr(from_paise(total))}; which deposits make which Contra nothing tells"
        )
        found.append(Split(paid_in.tolist(), booked.tolist(), why, rows))
    return found


def _kind_sets(
    kind: Kind,
    one: Side,
    other: Side,
    one_open: np.ndarray,
    other_open: np.ndarray,
    earliest: int,
    latest: int,
    rejected: frozenset[tuple[int, int]],
    doubted: list[pd.DataFrame],
) -> list[tuple[int, list[int], int]]:
    """Each (target, its one set, the count stated) of `kind`; the targets that several sets
    fit go to `doubted`."""
    one_signed = one.lines["signed"].to_numpy(dtype=np.int64)
    other_signed = other.lines["signed"].to_numpy(dtype=np.int64)
    candidates = np.flatnonzero(one_open & (one_signed > 0))
    text = one.lines["text"].iloc[candidates].fillna("").astype(str)
    says = np.ones(len(candidates), dtype=bool)
    for words in kind.target_words:
        says &= contains(text, words)
    counts = _stated_counts(text, kind.count)
    if kind.count and kind.cheques:  # `3 CHQS` says a slip alone
        says |= counts >= MIN_PARTS
    targets = candidates[says]
    if not len(targets):
        return []
    count_of = dict(zip(candidates.tolist(), counts.tolist(), strict=True))
    parts_ok = _parts(kind, other)
    other_day = other.lines["day"].to_numpy(dtype=np.int64)
    one_day = one.lines["day"].to_numpy(dtype=np.int64)
    sets_found = []
    for target in sorted(targets.tolist(), key=lambda t: (int(one_day[t]), t)):
        amount, day, count = int(one_signed[target]), int(one_day[target]), count_of[target]
        usable = np.flatnonzero(
            other_open
            & parts_ok
            & (other_signed > 0)
            & (other_signed < amount)
            & (other_day >= day - latest)
            & (other_day <= day - earliest)
        )
        pairs = [(target, g) if kind.target_is_bank else (g, target) for g in usable.tolist()]
        usable = np.array(
            [g for g, pair in zip(usable.tolist(), pairs, strict=True) if pair not in rejected],
            dtype=np.int64,
        )
        sizes = [count] if count >= MIN_PARTS else list(range(MIN_PARTS, MAX_PARTS + 1))
        sets = [
            parts
            for one_day_ in np.unique(other_day[usable]).tolist()
            for parts in _sets(usable[other_day[usable] == one_day_], other_signed, amount, sizes)
        ]
        if not sets and (count >= MIN_PARTS or (kind.spread and len(usable) <= SPREAD_LINES)):
            sets = _sets(usable, other_signed, amount, sizes)
        if sets and len({_alike(other, parts) for parts in sets}) == 1:
            # one set, or sets that differ only in lines nothing tells apart (two `BY CASH`
            # of 41,000.00 of one day: either completes the Contra): the first is taken
            sets_found.append((target, sets[0], count))
            other_open[sets[0]] = False
        elif sets:
            lines = sorted({g for parts in sets for g in parts})
            b, g = (
                ([target] * len(lines), lines)
                if kind.target_is_bank
                else (lines, [target] * len(lines))
            )
            doubted.append(
                pd.DataFrame(
                    {
                        "b": b,
                        "l": g,
                        "kind": SLIP_KIND,
                        "why": f"{len(sets)} sets of the {kind.parts_named} add up to this "
                        f"{kind.name} of {format_inr(from_paise(amount))}: tick its own",
                    }
                )
            )
    return sets_found


def _alike(side: Side, parts: list[int]) -> tuple[tuple[int, int, str, int], ...]:
    """What tells a set's lines from others: each one's day, amount, words (with a voucher's
    narration) and cheque number, in order. Two sets alike so are one choice: two `BY CASH` of
    41,000.00, not two cheques of 41,000.00 numbered 000111 and 000222 (helper-149)."""
    lines = side.lines.iloc[parts]
    cheques = lines["cheque"] if "cheque" in lines else pd.Series(-1, index=lines.index)
    return tuple(
        sorted(
            zip(
                lines["day"].to_numpy(dtype=np.int64).tolist(),
                lines["signed"].to_numpy(dtype=np.int64).tolist(),
                with_notes(side).iloc[parts].tolist(),
                cheques.to_numpy(dtype=np.int64).tolist(),
                strict=True,
            )
        )
    )


def _stated_counts(text: pd.Series, pattern: str) -> np.ndarray:
    """How many parts each text says it holds (0 where it says none, or `pattern` is "")."""
    if not pattern or not len(text):
        return np.zeros(len(text), dtype=np.int64)
    found = text.str.extract(pattern)
    count = found["count"]
    if "after" in found:
        count = count.fillna(found["after"])
    return count.fillna("0").astype(np.int64).to_numpy()


def _parts(kind: Kind, other: Side) -> np.ndarray:
    """Which of `other`'s lines may be parts of `kind`: its words said, a cheque or not."""
    text = with_notes(other)
    ok = contains(text, kind.part_words) if kind.part_words else np.ones(len(text), dtype=bool)
    if kind.cheques is not None:
        cheque = contains(text, CHEQUE_OR_DRAFT_WORDS)
        if "cheque" in other.lines:
            cheque |= other.lines["cheque"].to_numpy(dtype=np.int64) >= 0
        ok &= cheque if kind.cheques else ~cheque
    return np.asarray(ok, dtype=bool)


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


def _why(kind: Kind, other: Side, parts: list[int], count: int) -> str:
    """The Matches sheet's why: the kind, how many parts of which days, and the count stated."""
    days = sorted({int(d) for d in other.lines["day"].to_numpy(dtype=np.int64)[parts]})
    when = ", ".join(f"{EPOCH + timedelta(days=day):%d-%m-%Y}" for day in days)
    return (
        f"{kind.name}: the {len(parts)} {kind.parts_named} of {when} add up to this line to "
        "the paisa"
        + (f", as many as the bank's count of {count}" if count else "")
        + "; the only such set"
    )


def _suggestions(doubted: list[pd.DataFrame]) -> pd.DataFrame:
    if not doubted:
        return pd.DataFrame({"b": [], "l": [], "kind": [], "why": []}).astype(
            {"b": np.int64, "l": np.int64, "kind": object, "why": object}
        )
    return pd.concat(doubted, ignore_index=True)
