"""Matching bank lines to ledger lines in exact paise, in passes, each match with its rule,
score and reasons — and abstaining where two candidates are equally good.

1. reference: a UTR, RRN or cheque number on both sides, same amount;
2. amount and date: same amount, the bank date from 3 days before to 7 days after the books'
   date (a setting), ties broken by date distance and party-name similarity; abstain on a tie;
3. combination: one bank line equal to the sum of 2–6 ledger lines of the same direction in the
   window (and the reverse), found by an exact bounded search; abstain when two sets fit;
4. suggestions, never matched: near amounts (digits transposed, bank charges, TDS) and the same
   reference with a different amount.

Money is compared in integer paise: "into the account" is a credit on the statement and a debit
in the books.
"""

from __future__ import annotations

import itertools
import re
from dataclasses import dataclass, field
from datetime import date

import pandas as pd
from rapidfuzz import fuzz

from xlbo.bank.references import reference_tokens
from xlbo.master.quality import party_key

COMBINATION_CANDIDATES = 12
"""Ledger lines (nearest in date) searched for a combination; keeps the search exact and bounded."""
TYPICAL_CHARGES = (590, 1180, 1770, 2360, 2950, 5900, 11800, 17700)
"""Bank charges with 18% GST, in paise (₹5.90, ₹11.80 …), that explain a small difference."""
TDS_RATES = (1, 2, 10)


@dataclass(frozen=True)
class Window:
    """How far the bank's date may be from the books' date, in days (bank − books)."""

    before: int = -3
    after: int = 7


@dataclass
class Side:
    """One side's open lines: position → (row, date, signed paise, text, tokens, party)."""

    frame: pd.DataFrame
    open: set[int] = field(default_factory=set)


@dataclass(frozen=True)
class Match:
    bank: tuple[int, ...]
    """Positions of bank lines (one, or several for a combination)."""
    ledger: tuple[int, ...]
    rule: str
    score: int
    why: str


@dataclass(frozen=True)
class Suggestion:
    bank: int
    ledger: int
    kind: str
    why: str


def prepare_bank(lines: pd.DataFrame) -> pd.DataFrame:
    frame = lines.copy()
    frame["signed"] = frame["credit"] - frame["debit"]
    frame["text"] = frame["narration"]
    frame["tokens"] = [
        reference_tokens(n, r) for n, r in zip(frame["narration"], frame["reference"], strict=True)
    ]
    frame["party"] = [party_key(_narration_name(n)) for n in frame["narration"]]
    return frame


def prepare_ledger(lines: pd.DataFrame) -> pd.DataFrame:
    frame = lines.copy()
    frame["signed"] = frame["debit"] - frame["credit"]
    frame["text"] = (frame["particulars"] + " " + frame["narration"]).str.strip()
    frame["tokens"] = [
        reference_tokens(f"{n} {v}")
        for n, v in zip(frame["narration"], frame["voucher_no"], strict=True)
    ]
    frame["party"] = [party_key(p) for p in frame["particulars"]]
    return frame


_CHANNEL = re.compile(r"^(NEFT|RTGS|IMPS|UPI|CHQ|CLG|ACH|NACH|MMT)\b", re.IGNORECASE)


def _narration_name(narration: str) -> str:
    """The counterparty's name from a narration (NEFT CR-IFSC-NAME-…, UPI-NAME-…, CHQ PAID-…-NAME)."""
    parts = [p for p in re.split(r"[-/]", narration) if p.strip()]
    words = [
        p
        for p in parts
        if re.search(r"[A-Za-z]{3}", p)
        and not re.search(r"\d{4}", p)
        and not _CHANNEL.match(p.strip())
        and "@" not in p
    ]
    return max(words, key=len) if words else narration


def similarity(bank_party: str, ledger_party: str) -> int:
    """0–100: how alike the narration's name and the ledger's party are (truncation forgiven)."""
    if not bank_party or not ledger_party:
        return 0
    return int(
        max(
            fuzz.token_set_ratio(bank_party, ledger_party),
            fuzz.partial_ratio(bank_party, ledger_party),
        )
    )


def _days(bank_day: date, ledger_day: date) -> int:
    return (bank_day - ledger_day).days


def match_lines(
    bank: pd.DataFrame, ledger: pd.DataFrame, window: Window = Window()
) -> tuple[list[Match], list[Suggestion]]:
    bank_open = set(range(len(bank)))
    ledger_open = set(range(len(ledger)))
    matches: list[Match] = []

    def take(match: Match) -> None:
        matches.append(match)
        bank_open.difference_update(match.bank)
        ledger_open.difference_update(match.ledger)

    # 1. references
    by_token: dict[str, list[int]] = {}
    for position in ledger_open:
        for token in ledger.at[position, "tokens"]:
            by_token.setdefault(token, []).append(position)
    for position in sorted(bank_open):
        candidates = {
            other
            for token in bank.at[position, "tokens"]
            for other in by_token.get(token, [])
            if other in ledger_open and ledger.at[other, "signed"] == bank.at[position, "signed"]
        }
        if len(candidates) == 1:
            other = candidates.pop()
            shared = sorted(bank.at[position, "tokens"] & ledger.at[other, "tokens"])
            take(
                Match(
                    (position,),
                    (other,),
                    "Reference",
                    100,
                    f"reference {', '.join(shared)} on both sides; same amount; "
                    f"{_days(bank.at[position, 'date'], ledger.at[other, 'date'])} days apart",
                )
            )

    # 2. amount and date
    by_amount: dict[int, list[int]] = {}
    for position in ledger_open:
        by_amount.setdefault(int(ledger.at[position, "signed"]), []).append(position)

    def scored(position: int) -> list[tuple[int, int, int, int]]:
        found = []
        for other in by_amount.get(int(bank.at[position, "signed"]), []):
            if other not in ledger_open:
                continue
            days = _days(bank.at[position, "date"], ledger.at[other, "date"])
            if window.before <= days <= window.after:
                alike = similarity(bank.at[position, "party"], ledger.at[other, "party"])
                found.append((90 - 5 * abs(days) + alike // 10, other, days, alike))
        return sorted(found, reverse=True)

    abstained: list[Suggestion] = []
    for position in sorted(bank_open, key=lambda p: bank.at[p, "date"]):
        candidates = scored(position)
        if not candidates:
            continue
        if len(candidates) > 1 and candidates[0][0] == candidates[1][0]:
            for _, other, days, _ in candidates[:2]:
                abstained.append(
                    Suggestion(
                        position,
                        other,
                        "Ambiguous",
                        "two ledger lines fit this bank line equally well; choose one",
                    )
                )
            continue
        score, other, days, alike = candidates[0]
        rivals = [
            p
            for p in bank_open
            if p != position
            and int(bank.at[p, "signed"]) == int(bank.at[position, "signed"])
            and window.before <= _days(bank.at[p, "date"], ledger.at[other, "date"]) <= window.after
        ]
        if any(_better_for(ledger, bank, other, p, position) for p in rivals):
            continue
        take(
            Match(
                (position,),
                (other,),
                "Amount and date",
                int(score),
                f"same amount; {days:+d} days; party names {alike}% alike",
            )
        )

    # 3. combinations, both ways
    for many, one, reverse in ((ledger, bank, False), (bank, ledger, True)):
        singles = bank_open if not reverse else ledger_open
        pool = ledger_open if not reverse else bank_open
        for position in sorted(singles):
            found = _combination(one, many, position, pool, window, reverse)
            if found is None:
                continue
            parts, alike = found
            if reverse:
                take(
                    Match(
                        tuple(parts),
                        (position,),
                        "Combination",
                        80,
                        f"{len(parts)} bank lines add up to this ledger line; same direction; within the window",
                    )
                )
            else:
                take(
                    Match(
                        (position,),
                        tuple(parts),
                        "Combination",
                        80,
                        f"{len(parts)} ledger lines of the same party ({alike}% alike) add up to this bank line",
                    )
                )
    suggestions = [s for s in abstained if s.bank in bank_open and s.ledger in ledger_open]
    suggestions += _near_misses(bank, ledger, bank_open, ledger_open, window)
    return matches, suggestions


def _better_for(
    ledger: pd.DataFrame, bank: pd.DataFrame, other: int, rival: int, position: int
) -> bool:
    """True when `rival` bank line fits ledger line `other` strictly better than `position` does."""

    def fit(p: int) -> int:
        days = abs(_days(bank.at[p, "date"], ledger.at[other, "date"]))
        return 90 - 5 * days + similarity(bank.at[p, "party"], ledger.at[other, "party"]) // 10

    return fit(rival) > fit(position)


def _combination(
    one: pd.DataFrame,
    many: pd.DataFrame,
    position: int,
    pool: set[int],
    window: Window,
    reverse: bool,
) -> tuple[list[int], int] | None:
    target = int(one.at[position, "signed"])
    day = one.at[position, "date"]
    candidates = []
    for other in pool:
        amount = int(many.at[other, "signed"])
        if amount == 0 or (amount > 0) != (target > 0) or abs(amount) >= abs(target):
            continue
        days = (
            _days(day, many.at[other, "date"])
            if not reverse
            else _days(many.at[other, "date"], day)
        )
        if window.before <= days <= window.after:
            candidates.append((abs(days), other))
    nearest = [other for _, other in sorted(candidates)[:COMBINATION_CANDIDATES]]
    party = one.at[position, "party"]
    solutions = []
    for size in range(2, min(6, len(nearest)) + 1):
        for subset in itertools.combinations(nearest, size):
            if sum(int(many.at[p, "signed"]) for p in subset) == target:
                solutions.append(list(subset))
                if len(solutions) > 1:
                    return None  # two sets fit: abstain
    if len(solutions) != 1:
        return None
    parts = solutions[0]
    parties = {many.at[p, "party"] for p in parts}
    alike = min(similarity(party, p) for p in parties) if party else 0
    if len(parties) > 1 or (party and alike < 60):
        return None  # a combination must be one party's lines
    return parts, alike


def _transposed(a: int, b: int) -> bool:
    x, y = str(abs(a)), str(abs(b))
    return (
        a != b
        and len(x) == len(y)
        and sorted(x) == sorted(y)
        and sum(c != d for c, d in zip(x, y, strict=True)) == 2
    )


def _near_misses(
    bank: pd.DataFrame,
    ledger: pd.DataFrame,
    bank_open: set[int],
    ledger_open: set[int],
    window: Window,
) -> list[Suggestion]:
    found = []
    for position in sorted(bank_open):
        amount = int(bank.at[position, "signed"])
        for other in sorted(ledger_open):
            theirs = int(ledger.at[other, "signed"])
            if (theirs > 0) != (amount > 0):
                continue
            days = _days(bank.at[position, "date"], ledger.at[other, "date"])
            shared = bank.at[position, "tokens"] & ledger.at[other, "tokens"]
            if shared and amount != theirs:
                found.append(
                    Suggestion(
                        position,
                        other,
                        "Same reference, other amount",
                        f"reference {', '.join(sorted(shared))} on both sides but the amounts differ by "
                        f"{abs(amount - theirs) / 100:.2f}",
                    )
                )
                continue
            if not window.before <= days <= window.after:
                continue
            gap = abs(abs(theirs) - abs(amount))
            if _transposed(amount, theirs):
                found.append(
                    Suggestion(
                        position,
                        other,
                        "Digits transposed",
                        f"{abs(amount) / 100:,.2f} and {abs(theirs) / 100:,.2f} have the same digits in another order",
                    )
                )
            elif gap in TYPICAL_CHARGES:
                found.append(
                    Suggestion(
                        position,
                        other,
                        "Bank charges",
                        f"differs by {gap / 100:.2f}, a typical bank charge with GST",
                    )
                )
            elif any(gap == round(abs(theirs) * rate / 100) for rate in TDS_RATES):
                found.append(
                    Suggestion(
                        position,
                        other,
                        "TDS deducted",
                        f"differs by {gap / 100:,.2f}: TDS at 1%, 2% or 10% of the books' amount",
                    )
                )
    return found
