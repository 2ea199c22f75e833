"""GSTIN — GST identification number.

Fifteen characters: the state code of the registration (2 digits), the holder's PAN (10), the
entity number for that PAN in that state (1–9, then A–Z), `Z`, and a check character (Luhn mod
36 over 0–9A–Z). Every state code the GST network issues is accepted — 01 to 38 (38 is Ladakh),
97 (other territory) and 99 (centre jurisdiction); python-stdnum wrongly refuses 38, 97 and 99.

    >>> validate("27aapfu0939f1zv")
    '27AAPFU0939F1ZV'
    >>> validate("27AAPFU0939F1ZF")
    Traceback (most recent call last):
    ...
    xlbo.ids.errors.InvalidChecksum: GSTIN check character should be V, not F
"""

from __future__ import annotations

import re
from typing import Any

from xlbo.ids import pan
from xlbo.ids._text import compact as _compact
from xlbo.ids._text import shown
from xlbo.ids.checksums import BASE36, gstin_check_character
from xlbo.ids.errors import (
    InvalidChecksum,
    InvalidComponent,
    InvalidFormat,
    InvalidIdentifier,
    InvalidLength,
    validity,
)
from xlbo.states import BY_CODE, State

NAME = "GSTIN"
_SHAPE = re.compile(r"^[0-9A-Z]{15}$")


def compact(value: Any) -> str:
    return _compact(value, NAME)


def validate(value: Any) -> str:
    """The GSTIN in standard form, or an InvalidIdentifier naming the part that is wrong."""
    number = compact(value)
    if len(number) != 15:
        raise InvalidLength(f"GSTIN has 15 characters; '{shown(number)}' has {len(number)}")
    if not _SHAPE.match(number):
        bad = next(c for c in number if c not in BASE36)
        raise InvalidFormat(f"GSTIN holds only letters and digits; '{bad}' is neither")
    if number[:2] not in BY_CODE:
        raise InvalidComponent(
            f"GSTIN state code {number[:2]} is not issued (state codes run 01–38, plus 97 and 99)"
        )
    try:
        pan.validate(number[2:12])
    except InvalidIdentifier as error:
        raise type(error)(f"GSTIN characters 3–12 should be the holder's PAN: {error}") from None
    if number[12] == "0":
        raise InvalidComponent("GSTIN's 13th character (the entity number) is 1–9 or A–Z, never 0")
    if number[13] != "Z":
        raise InvalidComponent(f"GSTIN's 14th character should be Z, not {number[13]}")
    expected = gstin_check_character(number[:14])
    if number[14] != expected:
        raise InvalidChecksum(f"GSTIN check character should be {expected}, not {number[14]}")
    return number


is_valid = validity(validate)


def format(value: Any) -> str:
    return validate(value)


def state(value: Any) -> State:
    """The state of registration of a valid GSTIN."""
    return BY_CODE[validate(value)[:2]]


def pan_of(value: Any) -> str:
    """The PAN inside a valid GSTIN."""
    return validate(value)[2:12]
