"""What Excel cells hold, made plain.

Cells arrive from calamine, openpyxl, xlwings or a CSV as `None`, `""`, text, floats (Excel has
no integers), booleans, dates or error values (`#N/A`, `#REF!`). These helpers turn one cell into
a clean Python value or raise `ValueError` with a message a user can act on; the loaders turn that
message into an `Issue` that names the cell.

Text is cleaned the way an accountant expects: non-breaking spaces (what a copy from a web page or
PDF leaves behind) become spaces, spaces around the value go, and runs of spaces inside a name
become one — the very differences that make XLOOKUP miss.
"""

from __future__ import annotations

import math
import re
from collections.abc import Mapping, Sequence
from datetime import date, datetime
from decimal import Decimal
from enum import Enum
from typing import Any, TypeVar

ERROR_VALUES: frozenset[str] = frozenset(
    {
        "#N/A",
        "#N/A N/A",
        "#REF!",
        "#VALUE!",
        "#DIV/0!",
        "#NAME?",
        "#NUM!",
        "#NULL!",
        "#SPILL!",
        "#CALC!",
        "#GETTING_DATA",
        "#BLOCKED!",
        "#FIELD!",
        "#UNKNOWN!",
    }
)
"""The error values Excel shows in a cell."""

_INVISIBLE = dict.fromkeys(map(ord, "\u200b\u200c\u200d\u2060\ufeff"), None)
_SPACES = re.compile(r"[\s\u00a0\u2007\u202f]+")

_EDGE = frozenset(" \t\r\n\u00a0\u2007\u202f\u200b\u200c\u200d\u2060\ufeff")

E = TypeVar("E", bound=Enum)


def is_blank(value: Any) -> bool:
    """True for an empty cell: `None`, `""`, only spaces, or a NaN from a DataFrame."""
    if value is None:
        return True
    if isinstance(value, str):
        if value and value[0] not in _EDGE:
            return False
        return not value.translate(_INVISIBLE).strip(" \t\r\n\u00a0\u2007\u202f")
    return isinstance(value, float) and math.isnan(value)


def visible(text: str) -> str:
    """`text` without zero-width characters (a zero-width space pasted from a web page inside
    `03\u200b/11/2026` or an amount), which nothing shows and nothing should read.

    >>> visible("03\u200b/11/2026")
    '03/11/2026'
    """
    return text.translate(_INVISIBLE)


def excel_error(value: Any) -> str | None:
    """The Excel error a cell holds (`"#N/A"`), or None."""
    if isinstance(value, str):
        text = value.strip().upper()
        if text in ERROR_VALUES:
            return text
    return None


def refuse_error(value: Any) -> None:
    """Raise a user-facing ValueError when the cell holds an Excel error value."""
    error = excel_error(value)
    if error:
        raise ValueError(
            f"the cell shows the Excel error {error}; fix the formula or type the value"
        )


def clean_text(value: Any) -> str | None:
    """A text cell as the user meant it: None when blank, else stripped, with non-breaking and
    repeated spaces folded to one space. Whole numbers typed into a text column (an account
    number Excel stored as a number) come back without a trailing `.0`.

    >>> clean_text("  Asha\u00a0 Rao ")
    'Asha Rao'
    >>> clean_text(50100234567.0)
    '50100234567'
    """
    if (
        type(value) is str
        and value
        and value.isprintable()  # no tabs, line breaks, non-breaking or zero-width spaces
        and value[0] not in "# "
        and value[-1] != " "
        and "  " not in value
    ):
        return value
    if is_blank(value):
        return None
    refuse_error(value)
    if isinstance(value, bool):
        return "Yes" if value else "No"
    if isinstance(value, float):
        if value.is_integer() and abs(value) < 1e15:
            return str(int(value))
        return repr(value)
    if isinstance(value, datetime | date):
        return value.strftime("%d-%m-%Y")
    text = str(value).translate(_INVISIBLE)
    return _SPACES.sub(" ", text).strip()


_YES = {"yes", "y", "true", "1", "haan", "ha"}
_NO = {"no", "n", "false", "0", "nahi"}


def text_cells(
    cells: Mapping[Any, Any], headers: Sequence[str]
) -> tuple[dict[str, str], tuple[str, ValueError] | None]:
    """A row's text cells under `headers` (`clean_text`, a blank as ""), or, where one shows an
    Excel error (#REF!, #N/A) where text should be, that header and the error (the texts read
    before it are returned with it).

    >>> text_cells({"Party": " Kaveri ", "Bill No": None}, ["Party", "Bill No"])
    ({'Party': 'Kaveri', 'Bill No': ''}, None)
    """
    texts: dict[str, str] = {}
    for header in headers:
        try:
            texts[header] = clean_text(cells.get(header)) or ""
        except ValueError as error:
            return texts, (header, error)
    return texts, None


def parse_yes_no(value: Any) -> bool | None:
    """Yes/No cells: `Yes`, `Y`, `TRUE`, `1` and their opposites; None when blank."""
    if is_blank(value):
        return None
    refuse_error(value)
    if isinstance(value, bool):
        return value
    if isinstance(value, int | float) and value in (0, 1):
        return bool(value)
    text = str(value).strip().casefold()
    if text in _YES:
        return True
    if text in _NO:
        return False
    raise ValueError(f"'{value}' is not Yes or No; choose Yes or No from the list")


def percent_text(rate: Decimal) -> str:
    """A rate (a fraction) as a person writes it, the inverse of `parse_percent`: no trailing
    zeros. `percent_text(Decimal("0.020")), percent_text(Decimal("0.001"))` → `2%`, `0.1%`."""
    return f"{(rate * 100).normalize():f}%"


def parse_percent(value: Any) -> Decimal | None:
    """A rate as a fraction: `12%`, `0.12` and `12` all mean twelve per cent.

    Rule: a number up to 1 is a fraction (what a %-formatted cell holds: 12% is 0.12, 100% is 1);
    a number above 1 and up to 100 is percentage points (12 → 0.12). Text may carry a `%` sign.

    >>> parse_percent("8.33%"), parse_percent(0.12), parse_percent(5)
    (Decimal('0.0833'), Decimal('0.12'), Decimal('0.05'))
    """
    if is_blank(value):
        return None
    refuse_error(value)
    if isinstance(value, bool | datetime | date):
        raise ValueError(f"'{value}' is not a rate; type it like 12%")
    points = False
    if isinstance(value, str):
        text = value.strip().replace(" ", "")
        if text.endswith("%"):
            points, text = True, text[:-1]
        try:
            number = Decimal(text)
        except ArithmeticError:
            raise ValueError(f"'{value}' is not a rate; type it like 12%") from None
    elif isinstance(value, float):
        if not math.isfinite(value):
            raise ValueError(f"'{value}' is not a rate; type it like 12%")
        number = Decimal(repr(value))
    elif isinstance(value, int | Decimal):
        number = Decimal(value)
    else:
        raise ValueError(f"'{value}' is not a rate; type it like 12%")
    if not number.is_finite():
        raise ValueError(f"'{value}' is not a rate; type it like 12%")
    if not points and number > 1:
        points = True
    rate = number / 100 if points else number
    if rate < 0 or rate > 1:
        raise ValueError(f"'{value}' is not a rate between 0% and 100%")
    return rate.normalize() if rate else Decimal(0)


def _fold(text: str) -> str:
    return re.sub(r"[^0-9a-z]+", "", text.casefold().replace("&", "and"))


def parse_choice(value: Any, choices: type[E], aliases: dict[str, E] | None = None) -> E | None:
    """One of an enumeration's values, matched the way people type them: any case, stray spaces
    or punctuation, or a listed alias (`M` for Male). None when blank."""
    if is_blank(value):
        return None
    refuse_error(value)
    if isinstance(value, choices):
        return value
    key = _fold(str(value))
    for member in choices:
        if key in (_fold(str(member.value)), _fold(member.name)):
            return member
    for alias, member in (aliases or {}).items():
        if key == _fold(alias):
            return member
    allowed = ", ".join(str(m.value) for m in choices)
    raise ValueError(f"'{value}' is not one of: {allowed}; choose from the list")


def parse_whole_number(value: Any) -> int | None:
    """A count (days, months): a whole number, given as a number or as text."""
    if is_blank(value):
        return None
    refuse_error(value)
    if isinstance(value, bool | datetime | date):
        raise ValueError(f"'{value}' is not a whole number; type digits, e.g. 30")
    try:
        number = Decimal(str(value).strip().replace(",", ""))
    except ArithmeticError:
        raise ValueError(f"'{value}' is not a whole number; type digits, e.g. 30") from None
    if not number.is_finite() or number != number.to_integral_value():
        raise ValueError(f"'{value}' is not a whole number; type digits, e.g. 30")
    return int(number)
