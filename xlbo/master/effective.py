"""The rule row in force on a day: one reading of Effective From and Effective To for every
rule sheet (Leave Rules, Gratuity Rules, Bonus Rules, TDS Rules, Compliance Rules, …).

A row covers a day when Effective From ≤ day ≤ Effective To (a blank To: until replaced; a
blank From: since always). Of the rows that cover the day, the one with the latest Effective
From wins, so a new row for a change in the law need not close the old one:

    Earned Leave  from 19-12-2017            240 days   ← in force on 31-12-2025
    Earned Leave  from 01-01-2026            180 days   ← in force on 31-12-2026 (later From)

Two rows covering the day from the same Effective From are a tie: neither is sure to win. The
first in sheet order is taken, and `ties` finds them so the job can show an Issue at the cell.
"""

from __future__ import annotations

from collections.abc import Callable, Hashable, Iterable, Sequence
from dataclasses import dataclass
from datetime import date
from typing import Generic, Protocol, TypeVar


class Dated(Protocol):
    """A rule row with its dates (Effective From may be blank on some sheets: since always)."""

    @property
    def effective_from(self) -> date | None: ...

    @property
    def effective_to(self) -> date | None: ...


R = TypeVar("R", bound=Dated)


def covers(row: Dated, day: date) -> bool:
    """Effective From ≤ `day` ≤ Effective To, a blank date leaving its side open."""
    start, end = row.effective_from, row.effective_to
    return (start is None or start <= day) and (end is None or day <= end)


def _start(row: Dated) -> date:
    return row.effective_from or date.min


@dataclass(frozen=True)
class Choice(Generic[R]):
    """The row in force on a day (None: no row covers it), and any other rows that cover the day
    from the same Effective From (a tie: the first in sheet order was taken)."""

    rule: R | None
    tied: tuple[R, ...] = ()


def choose(rows: Iterable[R], day: date) -> Choice[R]:
    """The row covering `day` with the latest Effective From; ties kept aside."""
    best: R | None = None
    tied: list[R] = []
    for row in rows:
        if not covers(row, day):
            continue
        if best is None or _start(row) > _start(best):
            best, tied = row, []
        elif _start(row) == _start(best):
            tied.append(row)
    return Choice(best, tuple(tied))


def in_force(rows: Iterable[R], day: date) -> R | None:
    """The row in force on `day` (see `choose`); None when no row covers it."""
    return choose(rows, day).rule


@dataclass(frozen=True)
class Tie:
    """Rows of one kind (the same `key`) that start on the same day and overlap."""

    positions: tuple[int, ...]
    """Their places in the rows given (0 first)."""
    effective_from: date | None

    def problem(self, what: str) -> str:
        """`what`: the kind of row, e.g. "Earned Leave for Maharashtra"."""
        since = f"{self.effective_from:%d-%m-%Y}" if self.effective_from else "a blank date"
        return (
            f"{len(self.positions)} rows for {what} take effect on {since} and overlap: on a day "
            "they both cover neither is sure to win (xlbo takes the first)"
        )


def ties(rows: Sequence[R], key: Callable[[R], Hashable]) -> list[Tie]:
    """Rows of the same `key` with the same Effective From whose ranges overlap."""
    groups: dict[tuple[Hashable, date | None], list[int]] = {}
    for position, row in enumerate(rows):
        groups.setdefault((key(row), row.effective_from), []).append(position)
    found = []
    for (_, start), positions in groups.items():
        if len(positions) < 2:
            continue
        # same From: they overlap on that day (or from the first day, for a blank From) unless
        # one of them has already ended before it starts (To before From: a row that never holds)
        live = [p for p in positions if covers(rows[p], _start(rows[p]))]
        if len(live) > 1:
            found.append(Tie(tuple(live), start))
    return found
