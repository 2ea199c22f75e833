"""IFSC — the bank branch code: the bank's 4 letters, a zero, 6 letters or digits
(`HDFC0001234`). The fifth character is the digit 0: an `O` there is the commonest slip.

    >>> validate("hdfc0001234"), bank_code("HDFC0001234")
    ('HDFC0001234', 'HDFC')
"""

from __future__ import annotations

from typing import Any

from xlbo.ids._text import compact as _compact
from xlbo.ids._text import fixed_shape
from xlbo.ids.errors import InvalidComponent, InvalidFormat, validity

NAME = "IFSC"


def compact(value: Any) -> str:
    return _compact(value, NAME)


def validate(value: Any) -> str:
    number = compact(value)
    if len(number) == 11 and number[4] == "O":
        raise InvalidFormat("IFSC's 5th character is the digit 0 (zero), not the letter O")
    number = fixed_shape(number, NAME, "LLLLDAAAAAA", "HDFC0001234")
    if number[4] != "0":
        raise InvalidComponent(f"IFSC's 5th character is always 0 (zero), not {number[4]}")
    return number


is_valid = validity(validate)
format = validate


def bank_code(value: Any) -> str:
    """The bank's four-letter code (HDFC, SBIN, ICIC…)."""
    return validate(value)[:4]
