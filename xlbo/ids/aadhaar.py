"""Aadhaar — the 12-digit unique identity number (UIDAI).

Twelve digits; the first is 2–9; the last is a Verhoeff check digit. Typed into a cell as a
number it survives (12 digits fit in Excel's 15), but it is best kept as text.

    >>> validate("2341 2341 2346")
    '234123412346'
    >>> format(234123412346.0)
    '2341 2341 2346'
"""

from __future__ import annotations

from typing import Any

from xlbo.ids._text import compact as _compact
from xlbo.ids._text import shown
from xlbo.ids.checksums import verhoeff_check_digit, verhoeff_checksum
from xlbo.ids.errors import (
    InvalidChecksum,
    InvalidComponent,
    InvalidFormat,
    InvalidLength,
    validity,
)

NAME = "Aadhaar"


def compact(value: Any) -> str:
    return _compact(value, NAME)


def validate(value: Any) -> str:
    number = compact(value)
    if not number.isascii() or not number.isdigit():
        raise InvalidFormat(f"Aadhaar has only digits; '{shown(number)}' has others")
    if len(number) != 12:
        raise InvalidLength(f"Aadhaar has 12 digits; '{shown(number)}' has {len(number)}")
    if number[0] in "01":
        raise InvalidComponent(f"Aadhaar numbers never start with {number[0]}")
    if verhoeff_checksum(number) != 0:
        raise InvalidChecksum(
            f"Aadhaar check digit should be {verhoeff_check_digit(number[:11])}, not {number[11]}; "
            "a digit is mistyped"
        )
    return number


is_valid = validity(validate)


def format(value: Any) -> str:
    number = validate(value)
    return f"{number[:4]} {number[4:8]} {number[8:]}"


def mask(value: Any) -> str:
    """Masked as UIDAI asks for display: XXXX XXXX 2346."""
    return f"XXXX XXXX {validate(value)[8:]}"
