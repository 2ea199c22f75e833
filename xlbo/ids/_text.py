"""Turning a cell into the characters of an identifier, whatever Excel handed over."""

from __future__ import annotations

import math
import re
from datetime import date, datetime, time
from decimal import Decimal
from typing import Any

from xlbo.cells import excel_error
from xlbo.ids.errors import InvalidFormat

_SEPARATORS = re.compile(r"[\s\-./_\u00a0\u200b\u2007\u202f]+")
EXCEL_EXACT_DIGITS = 15
"""Excel keeps 15 significant digits of a number; a longer one typed as a number loses the rest."""


def cell_text(value: Any, name: str) -> str:
    """The text of a cell holding an identifier, or InvalidFormat saying why there is none."""
    if value is None or (isinstance(value, str) and not value.strip()):
        raise InvalidFormat(f"{name} is blank")
    if isinstance(value, float) and math.isnan(value):
        raise InvalidFormat(f"{name} is blank")
    error = excel_error(value)
    if error:
        raise InvalidFormat(f"the cell shows the Excel error {error}, not a {name}")
    if isinstance(value, bool):
        raise InvalidFormat(f"{value} is not a {name}")
    if isinstance(value, datetime | date | time):
        raise InvalidFormat(
            f"the cell holds a date, not a {name}; format the column as Text and retype it"
        )
    if isinstance(value, float | int | Decimal):
        number = Decimal(str(value)) if isinstance(value, float) else Decimal(value)
        if not number.is_finite() or number != number.to_integral_value() or number < 0:
            raise InvalidFormat(f"{value} is not a {name}")
        digits = str(int(number))
        if isinstance(value, float) and len(digits) > EXCEL_EXACT_DIGITS:
            raise InvalidFormat(
                f"{name} {value:g} was stored as a number and Excel kept only 15 digits; "
                "format the column as Text and retype it"
            )
        return digits
    if not isinstance(value, str):
        raise InvalidFormat(f"{type(value).__name__} is not a {name}")
    return value


def compact(value: Any, name: str) -> str:
    """Upper-case characters without spaces, hyphens, dots or slashes."""
    return _SEPARATORS.sub("", cell_text(value, name)).upper()


def shown(text: str, limit: int = 40) -> str:
    """A value quoted in a message (long junk shortened)."""
    return text if len(text) <= limit else text[: limit - 1] + "…"


LETTERS = frozenset("ABCDEFGHIJKLMNOPQRSTUVWXYZ")
DIGITS = frozenset("0123456789")


def check_shape(name: str, number: str, pattern: str, example: str) -> None:
    """Raise InvalidFormat naming the first character that breaks a fixed shape (`L` letter,
    `D` digit, `A` either); the caller has checked the length."""
    wants = {
        "L": (LETTERS, "a letter"),
        "D": (DIGITS, "a digit"),
        "A": (LETTERS | DIGITS, "a letter or digit"),
    }
    for position, (char, want) in enumerate(zip(number, pattern, strict=False), start=1):
        allowed, words = wants[want]
        if char not in allowed:
            hint = " (the digit zero, not the letter O)" if want == "D" and char == "O" else ""
            raise InvalidFormat(
                f"{name} character {position} should be {words}, not '{char}'{hint}; "
                f"the shape is {example}"
            )


def fixed_shape(number: str, name: str, pattern: str, example: str) -> str:
    """`number` when it has the length and shape of `pattern`, else InvalidLength/InvalidFormat."""
    from xlbo.ids.errors import InvalidLength

    if len(number) != len(pattern):
        raise InvalidLength(
            f"{name} has {len(pattern)} characters (like {example}); '{shown(number)}' has {len(number)}"
        )
    check_shape(name, number, pattern, example)
    return number
