"""Matching bank lines to ledger lines in exact paise, in passes, each match with its rule,
score and reasons — and abstaining where two candidates are equally good.

1. reference: a UTR, RRN or cheque number on both sides, same amount;
2. amount and date: same amount, the bank date from 3 days before to 7 days after the books'
   date (a setting), ties broken by date distance and party-name similarity; abstain on a tie;
3. combination: one bank line equal to the sum of 2–6 ledger lines of the same party and
   direction in the window (and the reverse), by an exact bounded search; abstain when two sets fit;
4. suggestions, never matched: near amounts (digits transposed, bank charges, TDS) and the same
   reference with a different amount.

Money is compared in integer paise: "into the account" is a credit on the statement and a debit
in the books.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, timedelta

import pandas as pd
from rapidfuzz import fuzz

from xlbo.bank.references import reference_tokens
from xlbo.master.quality import party_key

COMBINATION_CANDIDATES = 12
"""Lines (nearest in date) searched for a combination; keeps the search exact and bounded."""
TYPICAL_CHARGES = (590, 1180, 1770, 2360, 2950, 5900, 11800, 17700)
"""Bank charges with 18% GST, in paise (₹5.90, ₹11.80 …), that explain a small difference."""
TDS_RATES = (1, 2, 10)


@dataclass(frozen=True)
class Window:
    """How far the bank's date may be from the books' date, in days (bank − books)."""

    before: int = -3
    after: int = 7


DEFAULT_WINDOW = Window()


@dataclass(frozen=True)
class Line:
    """A line as the matcher sees it: `signed` is paise into the account."""

    row: int
    date: date
    signed: int
    text: str
    tokens: frozenset[str]
    party: str


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


_CHANNEL = re.compile(r"^(NEFT|RTGS|IMPS|UPI|CHQ|CLG|ACH|NACH|MMT)\b", re.IGNORECASE)


def _narration_name(narration: str) -> str:
    """The counterparty's name in a narration (NEFT CR-IFSC-NAME-…, UPI-NAME-…, CHQ PAID-…-NAME)."""
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


def prepare_bank(lines: pd.DataFrame) -> list[Line]:
    """Statement lines for the matcher (a deposit is money in)."""
    return [
        Line(
            int(row),
            day,
            int(credit) - int(debit),
            str(narration),
            frozenset(reference_tokens(str(narration), str(reference))),
            party_key(_narration_name(str(narration))),
        )
        for row, day, narration, reference, debit, credit in zip(
            lines["row"],
            lines["date"],
            lines["narration"],
            lines["reference"],
            lines["debit"],
            lines["credit"],
            strict=True,
        )
    ]


def prepare_ledger(lines: pd.DataFrame) -> list[Line]:
    """Ledger lines for the matcher (a debit to the bank ledger is money in)."""
    return [
        Line(
            int(row),
            day,
            int(debit) - int(credit),
            f"{particulars} {narration}".strip(),
            frozenset(reference_tokens(f"{narration} {voucher}")),
            party_key(str(particulars)),
        )
        for row, day, particulars, narration, voucher, debit, credit in zip(
            lines["row"],
            lines["date"],
            lines["particulars"],
            lines["narration"],
            lines["voucher_no"],
            lines["debit"],
            lines["credit"],
            strict=True,
        )
    ]


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


def _fit(bank: Line, ledger: Line) -> int:
    return 90 - 5 * abs(_days(bank.date, ledger.date)) + similarity(bank.party, ledger.party) // 10


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


def match_lines(
    bank: list[Line],
    ledger: list[Line],
    window: Window = DEFAULT_WINDOW,
    decisions: Decisions = NO_DECISIONS,
) -> tuple[list[Match], list[Suggestion]]:
    bank_open = set(range(len(bank)))
    ledger_open = set(range(len(ledger)))
    matches: list[Match] = []
    rejected = decisions.rejected

    def take(match: Match) -> None:
        matches.append(match)
        bank_open.difference_update(match.bank)
        ledger_open.difference_update(match.ledger)

    for b, g in decisions.confirmed:
        if b in bank_open and g in ledger_open and (bank[b].signed > 0) == (ledger[g].signed > 0):
            gap = ledger[g].signed - bank[b].signed
            why = "confirmed by the user" + (
                f"; {gap / 100:,.2f} to book (the BRS lists it)" if gap else ""
            )
            take(Match((b,), (g,), "Confirmed", 100, why))

    def in_window(b: Line, g: Line) -> bool:
        return window.before <= _days(b.date, g.date) <= window.after

    # 1. references
    by_token: dict[str, list[int]] = {}
    for position in ledger_open:
        for token in ledger[position].tokens:
            by_token.setdefault(token, []).append(position)
    for position in sorted(bank_open):
        line = bank[position]
        sharing = {
            other
            for token in line.tokens
            for other in by_token.get(token, [])
            if other in ledger_open
            and ledger[other].signed == line.signed
            and (position, other) not in rejected
        }
        if len(sharing) == 1:
            other = sharing.pop()
            shared = sorted(line.tokens & ledger[other].tokens)
            take(
                Match(
                    (position,),
                    (other,),
                    "Reference",
                    100,
                    f"reference {', '.join(shared)} on both sides; same amount; "
                    f"{_days(line.date, ledger[other].date):+d} days",
                )
            )

    # 2. amount and date (rules the user taught first)
    by_amount: dict[int, list[int]] = {}
    for position in ledger_open:
        by_amount.setdefault(ledger[position].signed, []).append(position)
    for position in sorted(bank_open):
        line = bank[position]
        for rule in decisions.rules:
            if rule.pattern.upper() not in line.text.upper():
                continue
            fits = [
                other
                for other in by_amount.get(line.signed, [])
                if other in ledger_open
                and ledger[other].party == party_key(rule.party)
                and in_window(line, ledger[other])
                and (position, other) not in rejected
            ]
            if len(fits) == 1:
                take(
                    Match(
                        (position,),
                        (fits[0],),
                        "Rule",
                        95,
                        f"rule: narrations with '{rule.pattern}' are {rule.party}; same amount; "
                        f"{_days(line.date, ledger[fits[0]].date):+d} days",
                    )
                )
                break
    bank_by_amount: dict[int, list[int]] = {}
    for position in bank_open:
        bank_by_amount.setdefault(bank[position].signed, []).append(position)
    abstained: list[Suggestion] = []
    for position in sorted(bank_open, key=lambda p: (bank[p].date, p)):
        line = bank[position]
        candidates = sorted(
            (
                (_fit(line, ledger[other]), other)
                for other in by_amount.get(line.signed, [])
                if other in ledger_open
                and in_window(line, ledger[other])
                and (position, other) not in rejected
            ),
            reverse=True,
        )
        if not candidates:
            continue
        if len(candidates) > 1 and candidates[0][0] == candidates[1][0]:
            abstained += [
                Suggestion(
                    position,
                    other,
                    "Ambiguous",
                    "two ledger lines fit this bank line equally well; choose one",
                )
                for _, other in candidates[:2]
            ]
            continue
        score, other = candidates[0]
        rivals = [
            p
            for p in bank_by_amount.get(line.signed, [])
            if p != position and p in bank_open and in_window(bank[p], ledger[other])
        ]
        if any(_fit(bank[p], ledger[other]) >= score for p in rivals):
            abstained.append(
                Suggestion(
                    position,
                    other,
                    "Ambiguous",
                    "another bank line fits this ledger line as well; choose one",
                )
            )
            continue
        take(
            Match(
                (position,),
                (other,),
                "Amount and date",
                score,
                f"same amount; {_days(line.date, ledger[other].date):+d} days; party names "
                f"{similarity(line.party, ledger[other].party)}% alike",
            )
        )

    # 3. combinations, both ways
    ledger_days = _by_day(ledger, ledger_open)
    for position in sorted(bank_open):
        blocked = frozenset(g for b, g in rejected if b == position)
        found = _combination(
            bank[position],
            ledger,
            ledger_open,
            ledger_days,
            window,
            bank_side=True,
            blocked=blocked,
        )
        if found is not None:
            parts, alike = found
            take(
                Match(
                    (position,),
                    tuple(parts),
                    "Combination",
                    80,
                    f"{len(parts)} ledger lines of the same party ({alike}% alike) add up to this bank line",
                )
            )
    bank_days = _by_day(bank, bank_open)
    for position in sorted(ledger_open):
        blocked = frozenset(b for b, g in rejected if g == position)
        found = _combination(
            ledger[position], bank, bank_open, bank_days, window, bank_side=False, blocked=blocked
        )
        if found is not None:
            parts, alike = found
            take(
                Match(
                    tuple(parts),
                    (position,),
                    "Combination",
                    80,
                    f"{len(parts)} bank lines add up to this ledger line; same direction; within the window",
                )
            )

    suggestions = [s for s in abstained if s.bank in bank_open and s.ledger in ledger_open]
    suggestions += _near_misses(bank, ledger, bank_open, ledger_open, window)
    return matches, suggestions


def _by_day(lines: list[Line], positions: set[int]) -> dict[date, list[int]]:
    index: dict[date, list[int]] = {}
    for position in positions:
        index.setdefault(lines[position].date, []).append(position)
    return index


def _combination(
    one: Line,
    many: list[Line],
    pool: set[int],
    by_day: dict[date, list[int]],
    window: Window,
    bank_side: bool,
    blocked: frozenset[int] = frozenset(),
) -> tuple[list[int], int] | None:
    """The one set of 2–6 lines from `pool` that adds up to `one`, or None (none, or several);
    `blocked` lines were rejected with `one` by the user.
    Searched depth first over the nearest candidates, largest first, pruning sums that overshoot."""
    candidates = []
    for offset in range(window.before, window.after + 1):
        day = one.date - timedelta(days=offset) if bank_side else one.date + timedelta(days=offset)
        for other in by_day.get(day, ()):
            line = many[other]
            if (
                other in pool
                and other not in blocked
                and line.signed
                and (line.signed > 0) == (one.signed > 0)
                and abs(line.signed) < abs(one.signed)
            ):
                candidates.append((abs(offset), other))
    nearest = [other for _, other in sorted(candidates)[:COMBINATION_CANDIDATES]]
    if len(nearest) < 2:
        return None
    values = sorted(((abs(many[p].signed), p) for p in nearest), reverse=True)
    target = abs(one.signed)
    if sum(v for v, _ in values) < target:
        return None
    solutions: list[list[int]] = []
    suffix = [0] * (len(values) + 1)
    for i in range(len(values) - 1, -1, -1):
        suffix[i] = suffix[i + 1] + values[i][0]

    def search(start: int, remaining: int, chosen: list[int]) -> None:
        if len(solutions) > 1:
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
                if len(solutions) > 1:
                    return

    search(0, target, [])
    if len(solutions) != 1:
        return None  # none, or two sets fit: abstain
    parts = solutions[0]
    parties = {many[p].party for p in parts}
    if len(parties) > 1:
        return None  # a combination is one party's lines
    alike = similarity(one.party, parties.pop()) if one.party else 0
    if one.party and alike < 60:
        return None
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
    bank: list[Line], ledger: list[Line], bank_open: set[int], ledger_open: set[int], window: Window
) -> list[Suggestion]:
    """Near matches, found through indexes (by amount, digits and reference), never by comparing
    every open line with every other."""
    by_amount: dict[int, list[int]] = {}
    by_digits: dict[tuple[bool, str], list[int]] = {}
    by_token: dict[str, list[int]] = {}
    for other in ledger_open:
        line = ledger[other]
        by_amount.setdefault(line.signed, []).append(other)
        by_digits.setdefault((line.signed > 0, "".join(sorted(str(abs(line.signed))))), []).append(
            other
        )
        for token in line.tokens:
            by_token.setdefault(token, []).append(other)
    found = []
    seen: set[tuple[int, int]] = set()

    def near(position: int, other: int) -> bool:
        return window.before <= _days(bank[position].date, ledger[other].date) <= window.after

    def add(position: int, other: int, kind: str, why: str) -> None:
        if (position, other) not in seen:
            seen.add((position, other))
            found.append(Suggestion(position, other, kind, why))

    for position in sorted(bank_open):
        line = bank[position]
        sign = 1 if line.signed > 0 else -1
        for token in line.tokens:
            for other in by_token.get(token, ()):
                theirs = ledger[other].signed
                if theirs != line.signed and (theirs > 0) == (line.signed > 0):
                    add(
                        position,
                        other,
                        "Same reference, other amount",
                        f"reference {token} on both sides but the amounts differ by "
                        f"{abs(line.signed - theirs) / 100:,.2f}",
                    )
        for other in by_digits.get((line.signed > 0, "".join(sorted(str(abs(line.signed))))), ()):
            if _transposed(line.signed, ledger[other].signed) and near(position, other):
                add(
                    position,
                    other,
                    "Digits transposed",
                    f"{abs(line.signed) / 100:,.2f} and {abs(ledger[other].signed) / 100:,.2f} have the same digits "
                    "in another order",
                )
        for charge in TYPICAL_CHARGES:
            for theirs in (line.signed + sign * charge, line.signed - sign * charge):
                for other in by_amount.get(theirs, ()):
                    if near(position, other):
                        add(
                            position,
                            other,
                            "Bank charges",
                            f"differs by {charge / 100:.2f}, a typical bank charge with GST",
                        )
        for rate in TDS_RATES:
            books = round(abs(line.signed) * 100 / (100 - rate))
            for candidate in (books - 1, books, books + 1):
                for other in by_amount.get(sign * candidate, ()):
                    gap = candidate - abs(line.signed)
                    if gap == round(candidate * rate / 100) and near(position, other):
                        add(
                            position,
                            other,
                            "TDS deducted",
                            f"differs by {gap / 100:,.2f}: TDS at {rate}% of the books' amount",
                        )
    return found
