"""Cell types of the master workbook: what a column holds, how a cell is read, how it is shown.

Each type is an `Annotated` alias: the `BeforeValidator` reads a raw cell (text, number, date,
blank, `#N/A`) and raises a plain-words `ValueError` when it cannot; the `Shown` marker tells the
template writer the column's number format and dropdown. A model field built from these types is
the single statement of a column's meaning, parsing and look.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from decimal import ROUND_HALF_UP, Decimal
from enum import Enum, IntEnum, StrEnum
from typing import Annotated, Any, TypeVar

from pydantic import BeforeValidator, Field

from xlbo.book.display import Kind
from xlbo.cells import (
    clean_text,
    is_blank,
    parse_choice,
    parse_percent,
    parse_whole_number,
    parse_yes_no,
    refuse_error,
)
from xlbo.dates import parse_date
from xlbo.money import parse_amount, parse_money
from xlbo.states import STATE_NAMES, find_state


@dataclass(frozen=True)
class Shown:
    """How a column appears in a workbook: its kind and, for dropdowns, its choices."""

    kind: Kind = Kind.TEXT
    choices: tuple[str, ...] = ()
    width: float | None = None


class Gender(StrEnum):
    MALE = "Male"
    FEMALE = "Female"
    OTHER = "Other"


class TaxRegime(StrEnum):
    """Income-tax regime an employee has chosen for salary TDS (New is the default by law)."""

    NEW = "New"
    OLD = "Old"


class Nature(StrEnum):
    """The accounting nature of an account: where its balance goes in the final accounts."""

    ASSET = "Asset"
    LIABILITY = "Liability"
    EQUITY = "Equity"
    INCOME = "Income"
    EXPENSE = "Expense"


class Month(IntEnum):
    JANUARY = 1
    FEBRUARY = 2
    MARCH = 3
    APRIL = 4
    MAY = 5
    JUNE = 6
    JULY = 7
    AUGUST = 8
    SEPTEMBER = 9
    OCTOBER = 10
    NOVEMBER = 11
    DECEMBER = 12

    @property
    def label(self) -> str:
        return self.name.title()


R = TypeVar("R")


def repeated(reader: Callable[[Any], R]) -> Callable[[Any], R]:
    """Remember a cell reader's answers: states, Yes/No, dates and choices repeat down a column,
    and reading each distinct cell once keeps 100,000-row sheets quick. Unhashable cells (a
    range handed to a worksheet function) are read every time."""
    remembered = functools.lru_cache(maxsize=4096, typed=True)(reader)

    @functools.wraps(reader)
    def read(value: Any) -> R:
        try:
            return remembered(value)
        except TypeError as error:
            if "unhashable" in str(error):
                return reader(value)
            raise

    return read


def _text(value: Any) -> str | None:
    return clean_text(value)


def _id(value: Any) -> str | None:
    """Identifiers: cleaned like text, and upper-cased (pan, ifsc typed in lower case)."""
    text = clean_text(value)
    return text.upper() if text else None


def _money(value: Any) -> Decimal | None:
    return parse_money(value)


@repeated
def _date(value: Any) -> date | None:
    return parse_date(value)


@repeated
def _state(value: Any) -> str | None:
    state = find_state(value)
    return state.name if state else None


def enum_reader(choices: type[Enum], **aliases: Enum) -> BeforeValidator:
    """A cell reader for an enumeration that accepts case and spacing slips and aliases."""
    alias_map = {k.replace("_", " "): v for k, v in aliases.items()}

    @repeated
    def read(value: Any) -> Enum | None:
        return parse_choice(value, choices, alias_map)

    return BeforeValidator(read)


def choices_of(choices: type[Enum]) -> tuple[str, ...]:
    return tuple(str(m.value) for m in choices)


@repeated
def _months(value: Any) -> tuple[int, ...]:
    """Months named in a cell: `Jun, Dec`, `June and December`, `6,12`, `All`."""
    if isinstance(value, tuple | list):
        if all(isinstance(m, int) and 1 <= m <= 12 for m in value):
            return tuple(sorted(set(value)))
        raise ValueError(f"{value} are not month numbers 1 to 12")
    if is_blank(value):
        return ()
    refuse_error(value)
    text = str(value).casefold()
    if text.strip() in {"all", "every month", "monthly"}:
        return tuple(range(1, 13))
    months: list[int] = []
    for word in re.split(r"[\s,;/&+]+|\band\b", text):
        word = word.strip(". ")
        if not word:
            continue
        if word.isdigit() and 1 <= int(word) <= 12:
            months.append(int(word))
            continue
        found = [m for m in Month if m.name.casefold().startswith(word[:3]) and len(word) >= 3]
        if not found:
            raise ValueError(f"'{value}' does not name months; write them like Jun, Dec")
        months.append(found[0].value)
    return tuple(sorted(set(months)))


def months_text(months: tuple[int, ...]) -> str:
    """Months as a cell shows them: (6, 12) → 'Jun, Dec'."""
    if len(months) == 12:
        return "All"
    return ", ".join(Month(m).label[:3] for m in months)


@repeated
def _financial_year_cell(value: Any) -> str | None:
    """`2026-27`, `FY 2026-27`, `2026-2027`, `FY26-27` → `2026-27`."""
    if is_blank(value):
        return None
    refuse_error(value)
    text = re.sub(r"^fy\s*", "", str(value).strip().casefold())
    match = re.fullmatch(r"(\d{2}|\d{4})\s*[-/–]\s*(\d{2}|\d{4})", text)
    if match:
        first = int(match.group(1))
        first = first + 2000 if first < 100 else first
        second = int(match.group(2)) % 100
        if second == (first + 1) % 100:
            return f"{first}-{second:02d}"
    raise ValueError(f"'{value}' is not a financial year; write it like 2026-27")


@repeated
def _count(value: Any) -> int | None:
    return parse_whole_number(value)


@repeated
def _yes_no(value: Any) -> bool | None:
    return parse_yes_no(value)


def _quantity(value: Any) -> Decimal | None:
    """A quantity to three decimals (2.125 kg); a float's binary noise is dropped."""
    amount = parse_amount(value)
    if amount is None:
        return None
    rounded = amount.quantize(Decimal("0.001"), rounding=ROUND_HALF_UP)
    if rounded != amount and not (
        isinstance(value, float) and abs(rounded - amount) < Decimal("0.000001")
    ):
        raise ValueError(f"'{value}' has more than three decimal places; round the quantity")
    return rounded


@repeated
def _rate(value: Any) -> Decimal | None:
    return parse_percent(value)


Text = Annotated[str, BeforeValidator(_text), Shown()]
OptText = Annotated[str | None, BeforeValidator(_text), Shown()]
LongText = Annotated[str | None, BeforeValidator(_text), Shown(Kind.TEXT, width=40)]
Id = Annotated[str, BeforeValidator(_id), Shown(Kind.ID)]
OptId = Annotated[str | None, BeforeValidator(_id), Shown(Kind.ID)]
Money = Annotated[Decimal, BeforeValidator(_money), Field(ge=0), Shown(Kind.MONEY)]
OptMoney = Annotated[
    Annotated[Decimal, Field(ge=0)] | None, BeforeValidator(_money), Shown(Kind.MONEY)
]
Day = Annotated[date, BeforeValidator(_date), Shown(Kind.DATE)]
OptDay = Annotated[date | None, BeforeValidator(_date), Shown(Kind.DATE)]
Rate = Annotated[Decimal, BeforeValidator(_rate), Shown(Kind.PERCENT)]
OptRate = Annotated[Decimal | None, BeforeValidator(_rate), Shown(Kind.PERCENT)]
OptQuantity = Annotated[Decimal | None, BeforeValidator(_quantity), Shown(Kind.DECIMAL)]
"""A quantity of goods (2.5 kg, 12 pieces): a number, fractions allowed, blank for none."""
Count = Annotated[int, BeforeValidator(_count), Field(ge=0), Shown(Kind.INTEGER)]
YesNo = Annotated[bool, BeforeValidator(_yes_no), Shown(Kind.TEXT, ("Yes", "No"), width=10)]
OptYesNo = Annotated[
    bool | None, BeforeValidator(_yes_no), Shown(Kind.TEXT, ("Yes", "No"), width=10)
]
"""Yes, No, or blank for "as the rest of the sheet implies" (PF Covered: blank is Yes when a PF
code is given)."""
StateName = Annotated[str, BeforeValidator(_state), Shown(Kind.TEXT, STATE_NAMES)]
OptStateName = Annotated[str | None, BeforeValidator(_state), Shown(Kind.TEXT, STATE_NAMES)]
Months = Annotated[tuple[int, ...], BeforeValidator(_months), Shown(Kind.TEXT, width=14)]
FinancialYear = Annotated[str, BeforeValidator(_financial_year_cell), Shown(Kind.TEXT, width=12)]
