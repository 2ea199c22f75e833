"""Matching bank lines to ledger lines in exact paise, in passes, each match with its rule,
score and reasons — and abstaining where two candidates are equally good.

1. reference: a UTR, RRN or cheque number on both sides, same amount, and no other line on
   either side sharing it at that amount;
2. amount and date: same amount, the bank date from 3 days before to 7 days after the books'
   date (a setting), scored `fitness` = 70 + 0.3 × name likeness − 2 per day apart; a pair is
   taken only when each line is the other's one best candidate, and the pass repeats on what
   is left; where two candidates are equally good it abstains and lists them (two a line) as
   suggestions;
3. combination: one bank line equal to the sum of 2–6 ledger lines of one party and direction
   in the window (and the reverse), by an exact bounded search per party; abstain when two sets
   fit;
4. suggestions, never matched: near amounts (digits transposed, bank charges, TDS) and the same
   reference with a different amount, within the window.

Passes 1, 2 and 4 work on whole columns (joins on amount or reference within the window —
`band_join` — not a loop over lines); the combination search runs only over the lines the
exact passes left open. Where thousands of lines share one amount on the same days (plan
prices), pass 2 lists only the pairs whose names share a rare word and each line's nearest in
date, so it stays bounded; the combination search is still a Python loop per open line, which
is what a very large residue costs (see benchmarks and the README).
Money is compared in integer paise: "into the account" is a credit on the statement and a debit
in the books. Days are counted from 1 January 1970.

>>> bank = side(days=[10, 12], signed=[500000, -120050], party=["om sai", "kaveri"])
>>> books = side(days=[9, 12], signed=[500000, -120050], party=["om sai logistics", "kaveri"])
>>> found, suggestions = match_lines(bank, books)
>>> found[["bank", "ledger", "rule"]].values.tolist()
[[0, 0, 'Amount and date'], [1, 1, 'Amount and date']]
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

import numpy as np
import pandas as pd
from rapidfuzz import fuzz
from rapidfuzz.process import cpdist

from xlbo.bank.references import reference_frame
from xlbo.columns import contains, day_numbers, first_of_each, matches, split_words, strings
from xlbo.master.quality import party_key

COMBINATION_CANDIDATES = 12
"""Lines (nearest in date) searched for a combination; keeps the search exact and bounded."""
TYPICAL_CHARGES = (590, 1180, 1770, 2360, 2950, 5900, 11800, 17700)
"""Bank charges with 18% GST, in paise (₹5.90, ₹11.80 …), that explain a small difference."""
TDS_RATES = (1, 2, 10)
MATCH_COLUMNS = ("match", "bank", "ledger", "rule", "score", "why")
SUGGESTION_COLUMNS = ("bank", "ledger", "kind", "why")


@dataclass(frozen=True)
class Window:
    """How far the bank's date may be from the books' date, in days (bank − books)."""

    before: int = -3
    after: int = 7


DEFAULT_WINDOW = Window()


@dataclass(frozen=True)
class Side:
    """One side's lines as the matcher sees them, by position (0, 1, … in the order read)."""

    lines: pd.DataFrame
    """`day` (days since 1970-01-01), `signed` (paise into the account), `party` (folded name),
    `text` (the narration or particulars, for the user's rules)."""
    tokens: pd.DataFrame
    """(`position`, `token`): the references each line carries."""

    def __len__(self) -> int:
        return len(self.lines)


def side(
    days: Sequence[int],
    signed: Sequence[int],
    party: Sequence[str] | None = None,
    tokens: Sequence[tuple[int, str]] = (),
    text: Sequence[str] | None = None,
) -> Side:
    """A side from plain lists (tests, and callers that already hold the figures)."""
    parties = list(party) if party is not None else [""] * len(days)
    lines = pd.DataFrame(
        {
            "day": np.asarray(days, dtype=np.int64),
            "signed": np.asarray(signed, dtype=np.int64),
            "party": parties,
            "text": list(text) if text is not None else parties,
        }
    )
    found = pd.DataFrame(list(tokens), columns=["position", "token"])
    return Side(lines, found.astype({"position": np.int64, "token": object}))


_CHANNEL = r"(?i)^\s*(NEFT|RTGS|IMPS|UPI|CHQ|CLG|ACH|NACH|MMT)\b"


def narration_names(narrations: pd.Series) -> pd.Series:
    """The counterparty's name in each narration (NEFT CR-IFSC-NAME-…, UPI-NAME-…, CHQ PAID-…-NAME):
    the longest piece between `-` or `/` that has three letters in a row, no run of four digits,
    no `@` and is not the channel; the whole narration where no piece qualifies."""
    texts = narrations.fillna("").astype(str)
    positions, pieces = split_words(texts, r"[-/]")
    named = (
        contains(pieces, "[A-Za-z]{3}")
        & ~contains(pieces, "[0-9]{4}")
        & ~contains(pieces, _CHANNEL)
        & ~contains(pieces, "@")
        & ~matches(pieces, r"\s*")
    )
    positions, pieces = positions[named], pieces[named].reset_index(drop=True)
    best = first_of_each(positions, pieces.str.len().to_numpy(), len(texts))
    names = texts.to_numpy(dtype=object).copy()
    found = best >= 0
    names[found] = pieces.to_numpy(dtype=object)[best[found]]
    return pd.Series(names, index=narrations.index, dtype=object)


def party_keys(names: pd.Series) -> pd.Series:
    """`party_key` of each name, worked out once per distinct name."""
    codes, uniques = pd.factorize(names.fillna("").astype(str))
    keys = np.array([party_key(str(u)) for u in uniques] + [""], dtype=object)
    return pd.Series(keys[codes], index=names.index, dtype=object)


def prepare_bank(lines: pd.DataFrame) -> Side:
    """Statement lines for the matcher (a deposit is money in)."""
    frame = pd.DataFrame(
        {
            "day": day_numbers(lines["date"]),
            "signed": (lines["credit"] - lines["debit"]).to_numpy(dtype=np.int64),
            "party": party_keys(narration_names(lines["narration"])).to_numpy(),
            "text": lines["narration"].to_numpy(dtype=object),
        }
    )
    return Side(frame, reference_frame(lines["narration"], lines["reference"]))


def prepare_ledger(lines: pd.DataFrame) -> Side:
    """Ledger lines for the matcher (a debit to the bank ledger is money in)."""
    frame = pd.DataFrame(
        {
            "day": day_numbers(lines["date"]),
            "signed": (lines["debit"] - lines["credit"]).to_numpy(dtype=np.int64),
            "party": party_keys(lines["particulars"]).to_numpy(),
            "text": lines["particulars"].to_numpy(dtype=object),
        }
    )
    texts = (
        lines["narration"].fillna("").astype(str) + " " + lines["voucher_no"].fillna("").astype(str)
    )
    return Side(frame, reference_frame(texts))


LIKENESS = (fuzz.token_set_ratio, fuzz.partial_ratio)
"""How alike two names are: the better of these two scores (word sets, and a name inside the
other, which forgives the truncation UPI and IMPS apply)."""


def similarity(bank_party: str, ledger_party: str) -> int:
    """0–100: how alike the narration's name and the ledger's party are (truncation forgiven)."""
    if not bank_party or not ledger_party:
        return 0
    return int(max(scorer(bank_party, ledger_party) for scorer in LIKENESS))


def similarities(bank_parties: np.ndarray, ledger_parties: np.ndarray) -> np.ndarray:
    """`similarity` of each pair, worked out once per distinct pair of names."""
    if not len(bank_parties):
        return np.zeros(0, dtype=np.int64)
    left_codes, left_names = pd.factorize(pd.Series(bank_parties, dtype=object))
    right_codes, right_names = pd.factorize(pd.Series(ledger_parties, dtype=object))
    pairs, back = np.unique(
        left_codes.astype(np.int64) * len(right_names) + right_codes, return_inverse=True
    )
    left = [str(n) for n in np.asarray(left_names, dtype=object)[pairs // len(right_names)]]
    right = [str(n) for n in np.asarray(right_names, dtype=object)[pairs % len(right_names)]]
    score = np.max(
        [cpdist(left, right, scorer=scorer, dtype=np.float64) for scorer in LIKENESS], axis=0
    ).astype(np.int64)
    empty = np.array([not a or not b for a, b in zip(left, right, strict=True)], dtype=bool)
    score[empty] = 0
    return np.asarray(score[back], dtype=np.int64)


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
    words: tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray] | None = None
    """Each line's name words, numbered (see `_word_codes`), worked out once."""
    bank_open: np.ndarray = field(init=False)
    ledger_open: np.ndarray = field(init=False)
    taken: list[pd.DataFrame] = field(default_factory=list)
    next_id: int = 1

    def __post_init__(self) -> None:
        self.bank_open = np.ones(len(self.bank), dtype=bool)
        self.ledger_open = np.ones(len(self.ledger), dtype=bool)

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

    def take_group(self, bank: Sequence[int], ledger: Sequence[int], rule: str, why: str) -> None:
        """Take one combination (several lines on one side) under one Match ID."""
        rows = [(b, g) for b in bank for g in ledger]
        self.taken.append(
            pd.DataFrame(
                {
                    "match": self.next_id,
                    "bank": [b for b, _ in rows],
                    "ledger": [g for _, g in rows],
                    "rule": rule,
                    "score": 80,
                    "why": why,
                }
            )
        )
        self.next_id += 1
        self.bank_open[list(bank)] = False
        self.ledger_open[list(ledger)] = False

    def without_rejected(self, pairs: pd.DataFrame) -> pd.DataFrame:
        if not self.rejected or pairs.empty:
            return pairs
        width = len(self.ledger) + 1
        refused = np.array([b * width + g for b, g in self.rejected], dtype=np.int64)
        keys = pairs["b"].to_numpy(dtype=np.int64) * width + pairs["l"].to_numpy(dtype=np.int64)
        return pairs[~np.isin(keys, refused)]

    def open_pairs(self, pairs: pd.DataFrame) -> pd.DataFrame:
        b = pairs["b"].to_numpy(dtype=np.int64)
        g = pairs["l"].to_numpy(dtype=np.int64)
        chosen: pd.DataFrame = pairs.loc[self.bank_open[b] & self.ledger_open[g]]
        return chosen

    def amount_pairs(
        self, bank_mask: np.ndarray | None = None, ledger_mask: np.ndarray | None = None
    ) -> pd.DataFrame:
        """Open bank and ledger lines of the same amount within the window: columns b, l, d
        (bank day − books day); see `band_join`."""
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
            self.window,
        )
        pairs = pd.DataFrame({"b": b[left], "l": g[right], "d": bank_day[left] - ledger_day[right]})
        return self.without_rejected(pairs)

    def frame(self) -> pd.DataFrame:
        if not self.taken:
            return pd.DataFrame(columns=list(MATCH_COLUMNS))
        return pd.concat(self.taken, ignore_index=True)


@dataclass(frozen=True)
class _Band:
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


def _band(
    bank_amount: np.ndarray,
    bank_day: np.ndarray,
    ledger_amount: np.ndarray,
    ledger_day: np.ndarray,
    window: Window,
) -> _Band:
    codes, _ = pd.factorize(np.concatenate([bank_amount, ledger_amount]))
    span = np.int64(1) << np.int64(32)
    offset = np.int64(1) << np.int64(31)  # days may be negative (before 1970) or shifted
    bank_key = codes[: len(bank_amount)].astype(np.int64) * span + offset + bank_day
    ledger_key = codes[len(bank_amount) :].astype(np.int64) * span + offset + ledger_day
    order = np.argsort(ledger_key, kind="stable")
    ordered = ledger_key[order]
    # ledger day from bank day − after to bank day − before
    low = np.searchsorted(ordered, bank_key - window.after, side="left")
    high = np.searchsorted(ordered, bank_key - window.before, side="right")
    same_day = np.clip(np.searchsorted(ordered, bank_key, side="left"), low, high)
    return _Band(order, low, high, same_day)


def band_join(
    bank_amount: np.ndarray,
    bank_day: np.ndarray,
    ledger_amount: np.ndarray,
    ledger_day: np.ndarray,
    window: Window,
    nearest: int | None = None,
) -> tuple[np.ndarray, np.ndarray]:
    """Every (bank index, ledger index) with the same amount and the bank's day within the
    window of the ledger's, found with one sort and binary searches: the work grows with the
    pairs found, not with bank lines × ledger lines. With `nearest`, only the ledger lines
    within `nearest` places of the bank's own day (see `_Band.pairs`), so that lines sharing
    one amount on busy days stay few a line.

    >>> band_join(np.array([5, 5, 7]), np.array([10, 20, 10]), np.array([5, 7]), np.array([9, 11]), Window())
    (array([0, 2]), array([0, 1]))
    """
    return _band(bank_amount, bank_day, ledger_amount, ledger_day, window).pairs(nearest)


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
                f"; {gap / 100:,.2f} to book (the BRS lists it)" if gap else ""
            )
            run.take(pd.DataFrame({"b": [b], "l": [g]}), "Confirmed", 100, why)

    # 1. references
    shared = bank.tokens.merge(ledger.tokens, on="token", suffixes=("_b", "_l"))
    shared = shared.rename(columns={"position_b": "b", "position_l": "l"})
    shared = shared[
        bank_signed[shared["b"].to_numpy(dtype=np.int64)]
        == ledger_signed[shared["l"].to_numpy(dtype=np.int64)]
    ]
    shared = run.open_pairs(run.without_rejected(shared))
    if len(shared):
        shared = shared.sort_values(["b", "l", "token"], kind="stable")
        tokens = shared.groupby(["b", "l"], sort=False)["token"].agg(", ".join).reset_index()
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

    # 2. amount and date: rules the user taught first, then every line
    bank_text = bank.lines["text"].fillna("").astype(str)
    for rule in decisions.rules:
        says = bank_text.str.contains(rule.pattern, case=False, regex=False).to_numpy(dtype=bool)
        theirs = (ledger.lines["party"] == party_key(rule.party)).to_numpy(dtype=bool)
        chosen = _unique_both_ways(run.amount_pairs(says, theirs))
        reasons = (
            f"rule: narrations with '{rule.pattern}' are {rule.party}; same amount; "
            + _signed_days(chosen["d"].to_numpy())
            + " days"
        )
        run.take(chosen, "Rule", 95, reasons.to_numpy())
    abstained = _amount_and_date(run)

    # 3. combinations, both ways, over what is left
    _combinations(run)

    suggestions = abstained[
        run.bank_open[abstained["b"].to_numpy(dtype=np.int64)]
        & run.ledger_open[abstained["l"].to_numpy(dtype=np.int64)]
    ]
    suggestions = pd.concat([suggestions, _near_misses(run)], ignore_index=True)
    suggestions = suggestions.drop_duplicates(["b", "l"]).rename(
        columns={"b": "bank", "l": "ledger"}
    )
    return run.frame(), suggestions[list(SUGGESTION_COLUMNS)].reset_index(drop=True)


SHORTLIST = 4
"""Candidates kept per line while the amount-and-date pass decides (see `_shortlist`)."""


def fitness(days: np.ndarray, alike: np.ndarray) -> np.ndarray:
    """How well a same-amount pair fits: 70, plus up to 30 for alike names, less 2 a day apart.
    Names outweigh dates: banks credit a receipt a day or two after the books record it, but
    a narration naming someone else is strong evidence against the pair."""
    return np.asarray(70 + (3 * alike) // 10 - 2 * np.abs(days), dtype=np.int64)


NEAREST = 8
"""Same-amount candidates kept per line and side of its date when the names share no word (the
pass decides on each line's SHORTLIST best, and these are always among them)."""


KEY_WORDS = 2
"""Words of a name that pair it with others: its rarest (a shared SHARMA or TRADERS says
little, and pairing on it would pair half the book)."""


def _word_codes(run: _Matching) -> tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray]:
    """Each line's KEY_WORDS rarest name words (by their first four letters, so a name UPI cut
    short still shares them; rarest among the distinct names of both files), numbered alike on
    both sides: bank positions and codes, then ledger positions and codes."""
    parties = [strings(run.bank.lines["party"]), strings(run.ledger.lines["party"])]
    names, distinct = pd.factorize(pd.concat(parties, ignore_index=True))
    owner, pieces = split_words(strings(pd.Series(np.asarray(distinct, dtype=object))), " ")
    words, _ = pd.factorize(pieces.str.slice(0, 4))
    pairs = pd.DataFrame({"name": owner, "word": words}).drop_duplicates()
    rarity = np.bincount(pairs["word"].to_numpy(), minlength=int(words.max(initial=-1)) + 1)
    pairs["rarity"] = rarity[pairs["word"].to_numpy()]
    kept = pairs.sort_values(["name", "rarity", "word"]).groupby("name").head(KEY_WORDS)
    # each line takes its name's key words
    lines = pd.DataFrame({"position": np.arange(len(names)), "name": names})
    line_words = lines.merge(kept[["name", "word"]], on="name")
    positions = line_words["position"].to_numpy(dtype=np.int64)
    codes = line_words["word"].to_numpy(dtype=np.int64)
    split = len(parties[0])
    bank = positions < split
    return positions[bank], codes[bank], positions[~bank] - split, codes[~bank]


def _candidates(run: _Matching) -> tuple[pd.DataFrame, np.ndarray, np.ndarray]:
    """The same-amount pairs of open lines in the window that can decide the amount-and-date
    pass: every pair whose names share a key word (with how alike the names are; see
    KEY_WORDS), and for every line its NEAREST in date on each side (names unlike: 0); and how
    many same-amount pairs in the window each bank and ledger line has in all. Busy days of one
    amount stay bounded."""
    bank_at, ledger_at = np.flatnonzero(run.bank_open), np.flatnonzero(run.ledger_open)
    bank_signed = run.bank.lines["signed"].to_numpy()[bank_at]
    ledger_signed = run.ledger.lines["signed"].to_numpy()[ledger_at]
    bank_day = run.bank.lines["day"].to_numpy()[bank_at]
    ledger_day = run.ledger.lines["day"].to_numpy()[ledger_at]
    mirror = Window(-run.window.after, -run.window.before)
    forth = _band(bank_signed, bank_day, ledger_signed, ledger_day, run.window)
    back = _band(ledger_signed, ledger_day, bank_signed, bank_day, mirror)
    near_b, near_g = forth.pairs(NEAREST)
    back_g, back_b = back.pairs(NEAREST)
    if run.words is None:
        run.words = _word_codes(run)
    word_pos_b, word_b, word_pos_g, word_g = run.words
    index_b = np.full(len(run.bank), -1)
    index_b[bank_at] = np.arange(len(bank_at))
    index_g = np.full(len(run.ledger), -1)
    index_g[ledger_at] = np.arange(len(ledger_at))
    rows_b, rows_g = index_b[word_pos_b], index_g[word_pos_g]
    word_b, rows_b = word_b[rows_b >= 0], rows_b[rows_b >= 0]
    word_g, rows_g = word_g[rows_g >= 0], rows_g[rows_g >= 0]
    amount, _ = pd.factorize(np.concatenate([bank_signed, ledger_signed]))
    words = np.int64(max(int(word_b.max(initial=0)), int(word_g.max(initial=0))) + 1)
    key_b = amount[: len(bank_at)][rows_b].astype(np.int64) * words + word_b
    key_g = amount[len(bank_at) :][rows_g].astype(np.int64) * words + word_g
    named_b, named_g = band_join(key_b, bank_day[rows_b], key_g, ledger_day[rows_g], run.window)
    pairs = pd.DataFrame(
        {
            "b": np.concatenate([rows_b[named_b], near_b, back_b]),
            "l": np.concatenate([rows_g[named_g], near_g, back_g]),
            "named": np.concatenate(
                [np.ones(len(named_b), bool), np.zeros(len(near_b) + len(back_b), bool)]
            ),
        }
    ).drop_duplicates(["b", "l"])  # a named pair keeps its first (named) row
    b, g = bank_at[pairs["b"].to_numpy()], ledger_at[pairs["l"].to_numpy()]
    pairs = pd.DataFrame(
        {
            "b": b,
            "l": g,
            "d": run.bank.lines["day"].to_numpy()[b] - run.ledger.lines["day"].to_numpy()[g],
            "alike": _names_alike(run, b, g, pairs["named"].to_numpy()),
        }
    )
    count_b = np.zeros(len(run.bank), dtype=np.int64)
    count_b[bank_at] = forth.counts
    count_g = np.zeros(len(run.ledger), dtype=np.int64)
    count_g[ledger_at] = back.counts
    return run.without_rejected(pairs), count_b, count_g


def _names_alike(run: _Matching, b: np.ndarray, g: np.ndarray, named: np.ndarray) -> np.ndarray:
    """Name similarity of each pair (bank position, ledger position) whose names share a key word,
    worked out once per distinct pair of names; 0 for the others (a narration naming someone
    else counts as no name)."""
    alike = np.zeros(len(b), dtype=np.int64)
    if not named.any():
        return alike
    bank_names = run.bank.lines["party"].to_numpy(dtype=object)[b[named]]
    ledger_names = run.ledger.lines["party"].to_numpy(dtype=object)[g[named]]
    alike[named] = similarities(bank_names, ledger_names)
    return alike


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


def _amount_and_date(run: _Matching) -> pd.DataFrame:
    """Pass 2: take each pair whose lines are each other's one best candidate, again and again
    on what is left; return the tied candidates it abstained on.

    Where many lines share an amount (plan prices, rent, EMIs) a line can have hundreds of
    same-amount candidates in the window; decisions are made on each line's SHORTLIST best,
    which is exact while a line keeps at least two of its own shortlisted candidates (whatever
    was left out fits no better); a line that runs short has its shortlist drawn again."""
    nb, ng = len(run.bank), len(run.ledger)
    while True:
        pairs, count_b, count_g = _candidates(run)
        b = pairs["b"].to_numpy(dtype=np.int64)
        g = pairs["l"].to_numpy(dtype=np.int64)
        d = pairs["d"].to_numpy(dtype=np.int64)
        alike = pairs["alike"].to_numpy(dtype=np.int64)
        fit = fitness(d, alike)
        live = np.arange(len(b))
        if not len(live):
            return pd.DataFrame(columns=["b", "l", "kind", "why"])
        own_b = _ranks(b[live], fit[live]) < SHORTLIST
        own_g = _ranks(g[live], fit[live]) < SHORTLIST
        whole_b = count_b <= SHORTLIST  # every same-amount pair of the line is listed
        whole_g = count_g <= SHORTLIST
        keep = own_b | own_g
        kept, own_b, own_g = live[keep], own_b[keep], own_g[keep]
        progressed = False
        while len(kept):
            still = run.bank_open[b[kept]] & run.ledger_open[g[kept]]
            kept, own_b, own_g = kept[still], own_b[still], own_g[still]
            kb, kg, kf = b[kept], g[kept], fit[kept]
            top_b, ties_b = _best(kb, kf, nb)
            top_g, ties_g = _best(kg, kf, ng)
            sure_b = whole_b[kb] | (np.bincount(kb, weights=own_b, minlength=nb)[kb] >= 2)
            sure_g = whole_g[kg] | (np.bincount(kg, weights=own_g, minlength=ng)[kg] >= 2)
            chosen = kept[top_b & top_g & (ties_b == 1) & (ties_g == 1) & sure_b & sure_g]
            if not len(chosen):
                break
            progressed = True
            likeness = alike[chosen]
            names = np.where(
                likeness > 0,
                "party names " + likeness.astype(str).astype(object) + "% alike",
                "no name in common",
            )
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
        if not progressed:
            break
    lb, lg, lf = b[live], g[live], fit[live]
    top_b, ties_b = _best(lb, lf, nb)
    top_g, ties_g = _best(lg, lf, ng)
    doubtful = (top_b & (ties_b > 1)) | (top_g & (ties_g > 1))
    # two choices per line are enough to show the doubt (200 like cash deposits would
    # otherwise list 40,000 pairs)
    shown = np.flatnonzero(doubtful)
    first_b = _ranks(lb[shown], -shown.astype(np.int64)) < 2
    first_g = _ranks(lg[shown], -shown.astype(np.int64)) < 2
    doubtful[shown[~(first_b & first_g)]] = False
    return pd.DataFrame(
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


def _combinations(run: _Matching) -> None:
    """Pass 3 over the open lines: a bank line that is 2–6 ledger lines, then the reverse."""
    bank, ledger = run.bank.lines, run.ledger.lines
    for one_side, other_side, one_open, other_open, bank_side in (
        (bank, ledger, run.bank_open, run.ledger_open, True),
        (ledger, bank, run.ledger_open, run.bank_open, False),
    ):
        signed = other_side["signed"].to_numpy()
        days = other_side["day"].to_numpy()
        parties = other_side["party"].to_numpy(dtype=object)
        by_day: dict[int, list[int]] = {}
        for position in np.flatnonzero(other_open).tolist():
            by_day.setdefault(int(days[position]), []).append(position)
        one_signed = one_side["signed"].to_numpy()
        one_day = one_side["day"].to_numpy()
        one_party = one_side["party"].to_numpy(dtype=object)
        for position in np.flatnonzero(one_open).tolist():
            refused = frozenset(
                (g if bank_side else b)
                for b, g in run.rejected
                if (b if bank_side else g) == position
            )
            found = _combination(
                int(one_signed[position]),
                int(one_day[position]),
                str(one_party[position]),
                signed,
                parties,
                other_open,
                by_day,
                run.window,
                bank_side,
                refused,
            )
            if found is None:
                continue
            parts, alike = found
            if bank_side:
                run.take_group(
                    [position],
                    parts,
                    "Combination",
                    f"{len(parts)} ledger lines of the same party ({alike}% alike) add up to this bank line",
                )
            else:
                run.take_group(
                    parts,
                    [position],
                    "Combination",
                    f"{len(parts)} bank lines add up to this ledger line; same direction; within the window",
                )


def _combination(
    target_signed: int,
    day: int,
    party: str,
    signed: np.ndarray,
    parties: np.ndarray,
    pool: np.ndarray,
    by_day: dict[int, list[int]],
    window: Window,
    bank_side: bool,
    blocked: frozenset[int] = frozenset(),
) -> tuple[list[int], int] | None:
    """The one set of 2–6 open lines of one party that adds up to `target_signed`, or None
    (none, or several); `blocked` lines were rejected with this line by the user.

    The candidates in the window are grouped by party (a party unlike this line's named one,
    under 60% alike, is passed over); in each group the nearest in date are searched depth
    first, largest first, pruning sums that overshoot — so a busy day of other parties' lines
    does not crowd out the right ones."""
    groups: dict[str, list[tuple[int, int]]] = {}
    for offset in range(window.before, window.after + 1):
        other_day = day - offset if bank_side else day + offset
        for other in by_day.get(other_day, ()):
            value = int(signed[other])
            if (
                pool[other]
                and other not in blocked
                and value
                and (value > 0) == (target_signed > 0)
                and abs(value) < abs(target_signed)
            ):
                groups.setdefault(str(parties[other]), []).append((abs(offset), other))
    solutions: list[tuple[list[int], int]] = []
    for group_party, candidates in groups.items():
        if len(candidates) < 2:
            continue
        alike = similarity(party, group_party) if party else 0
        if party and alike < 60:
            continue
        nearest = [other for _, other in sorted(candidates)[:COMBINATION_CANDIDATES]]
        for parts in _subsets(abs(target_signed), nearest, signed, 2 - len(solutions)):
            solutions.append((parts, alike))
        if len(solutions) > 1:
            return None  # two sets fit: abstain
    return solutions[0] if solutions else None


def _subsets(target: int, nearest: list[int], signed: np.ndarray, wanted: int) -> list[list[int]]:
    """Up to `wanted` sets of 2–6 of the lines `nearest` whose amounts add up to `target`."""
    values = sorted(((abs(int(signed[p])), p) for p in nearest), reverse=True)
    if sum(v for v, _ in values) < target:
        return []
    solutions: list[list[int]] = []
    suffix = [0] * (len(values) + 1)
    for i in range(len(values) - 1, -1, -1):
        suffix[i] = suffix[i + 1] + values[i][0]

    def search(start: int, remaining: int, chosen: list[int]) -> None:
        if len(solutions) >= wanted:
            return
        if remaining == 0:
            if len(chosen) >= 2:
                solutions.append(list(chosen))
            return
        if len(chosen) == 6 or start == len(values) or suffix[start] < remaining:
            return
        for i in range(start, len(values)):
            value, position = values[i]
            if value <= remaining:
                chosen.append(position)
                search(i + 1, remaining - value, chosen)
                chosen.pop()
                if len(solutions) >= wanted:
                    return

    search(0, target, [])
    return solutions


def _transposed(a: int, b: int) -> bool:
    x, y = str(abs(a)), str(abs(b))
    return (
        a != b
        and len(x) == len(y)
        and sorted(x) == sorted(y)
        and sum(c != d for c, d in zip(x, y, strict=True)) == 2
    )


def _rupees(paise: int) -> str:
    return f"{abs(paise) / 100:,.2f}"


def _near_misses(run: _Matching) -> pd.DataFrame:
    """Near matches among the open lines, found by window joins (`band_join`) on the reference,
    on the digits, and on the amount shifted by a bank charge or by TDS — only pairs within the
    window are ever listed, never every open line against every other."""
    bank_at = np.flatnonzero(run.bank_open)
    ledger_at = np.flatnonzero(run.ledger_open)
    bank_signed = run.bank.lines["signed"].to_numpy()[bank_at]
    ledger_signed = run.ledger.lines["signed"].to_numpy()[ledger_at]
    bank_day = run.bank.lines["day"].to_numpy()[bank_at]
    ledger_day = run.ledger.lines["day"].to_numpy()[ledger_at]
    found: list[pd.DataFrame] = []

    def join(
        bank_key: np.ndarray, ledger_key: np.ndarray, rows: np.ndarray | None = None
    ) -> tuple[np.ndarray, np.ndarray]:
        """(open bank index, open ledger index) pairs with equal keys within the window;
        `rows` says which open bank line each bank key belongs to (several keys a line)."""
        rows = np.arange(len(bank_at)) if rows is None else rows
        left, right = band_join(bank_key, bank_day[rows], ledger_key, ledger_day, run.window)
        return rows[left], right

    def add(left: np.ndarray, right: np.ndarray, kind: str, why: list[str]) -> None:
        found.append(
            pd.DataFrame({"b": bank_at[left], "l": ledger_at[right], "kind": kind, "why": why})
        )

    # the same reference with another amount
    index_b = np.full(len(run.bank), -1)
    index_b[bank_at] = np.arange(len(bank_at))
    index_l = np.full(len(run.ledger), -1)
    index_l[ledger_at] = np.arange(len(ledger_at))
    tokens_b = run.bank.tokens[index_b[run.bank.tokens["position"].to_numpy(dtype=np.int64)] >= 0]
    tokens_l = run.ledger.tokens[
        index_l[run.ledger.tokens["position"].to_numpy(dtype=np.int64)] >= 0
    ]
    codes, names = pd.factorize(pd.concat([tokens_b["token"], tokens_l["token"]]))
    codes_b, codes_l = codes[: len(tokens_b)], codes[len(tokens_b) :]
    rows_b = index_b[tokens_b["position"].to_numpy(dtype=np.int64)]
    rows_l = index_l[tokens_l["position"].to_numpy(dtype=np.int64)]
    entry_b, entry_l = band_join(codes_b, bank_day[rows_b], codes_l, ledger_day[rows_l], run.window)
    left, right = rows_b[entry_b], rows_l[entry_l]
    token_of = np.asarray(names, dtype=object)[codes_b[entry_b]]
    ours, theirs = bank_signed[left], ledger_signed[right]
    keep = (ours != theirs) & ((ours > 0) == (theirs > 0))
    add(
        left[keep],
        right[keep],
        "Same reference, other amount",
        [
            f"reference {t} on both sides but the amounts differ by {_rupees(int(o - h))}"
            for t, o, h in zip(token_of[keep], ours[keep], theirs[keep], strict=True)
        ],
    )

    # digits transposed: same digits, same direction, another amount
    def digit_key(values: np.ndarray) -> list[str]:
        return [("+" if v > 0 else "-") + "".join(sorted(str(abs(int(v))))) for v in values]

    keys, _ = pd.factorize(pd.Series(digit_key(bank_signed) + digit_key(ledger_signed)))
    left, right = join(keys[: len(bank_at)], keys[len(bank_at) :])
    ours, theirs = bank_signed[left], ledger_signed[right]
    keep = np.array([_transposed(int(o), int(h)) for o, h in zip(ours, theirs, strict=True)], bool)
    add(
        left[keep],
        right[keep],
        "Digits transposed",
        [
            f"{_rupees(int(o))} and {_rupees(int(h))} have the same digits in another order"
            for o, h in zip(ours[keep], theirs[keep], strict=True)
        ],
    )

    # bank charges: the amount shifted by a typical charge
    sign = np.where(bank_signed > 0, 1, -1)
    charges = np.array([c * d for c in TYPICAL_CHARGES for d in (1, -1)], dtype=np.int64)
    rows = np.tile(np.arange(len(bank_at)), len(charges))
    shift = np.repeat(charges, len(bank_at))
    left, right = join(bank_signed[rows] + sign[rows] * shift, ledger_signed, rows)
    charge = np.abs(ledger_signed[right] - bank_signed[left])
    add(
        left,
        right,
        "Bank charges",
        [f"differs by {c / 100:.2f}, a typical bank charge with GST" for c in charge],
    )

    # TDS: the books' amount less TDS at 1, 2 or 10 percent is what the bank shows
    for rate in TDS_RATES:
        # the books' amount W with W − TDS = what the bank shows, TDS to the paisa or, as
        # section 288B has it, rounded to the rupee
        received = np.abs(bank_signed)
        books = np.rint(received * 100 / (100 - rate)).astype(np.int64)
        steps = np.array([-1, 0, 1], dtype=np.int64)
        rows = np.tile(np.arange(len(bank_at)), len(steps))
        whole = books[rows] + np.repeat(steps, len(bank_at))
        paisa = whole - received[rows] == np.rint(whole * rate / 100).astype(np.int64)
        tds = np.rint(books * rate / 10_000).astype(np.int64)[rows] * 100
        tds += np.repeat(steps, len(bank_at)) * 100
        rupee_whole = received[rows] + tds
        rupee = tds == np.rint(rupee_whole * rate / 10_000).astype(np.int64) * 100
        rows = np.concatenate([rows[paisa], rows[rupee]])
        whole = np.concatenate([whole[paisa], rupee_whole[rupee]])
        left, right = join(sign[rows] * whole, ledger_signed, rows)
        gaps = np.abs(ledger_signed[right]) - np.abs(bank_signed[left])
        add(
            left,
            right,
            "TDS deducted",
            [f"differs by {_rupees(int(g))}: TDS at {rate}% of the books' amount" for g in gaps],
        )
    if not found:
        return pd.DataFrame(columns=["b", "l", "kind", "why"])
    frame = pd.concat(found, ignore_index=True)
    return frame.drop_duplicates(["b", "l"]).sort_values("b", kind="stable")
