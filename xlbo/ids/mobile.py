"""Indian mobile numbers: 10 digits starting 6–9, written with or without +91, 91 or 0.

>>> validate("+91 98200-12345"), format("09820012345")
('9820012345', '+91 98200 12345')
"""

from __future__ import annotations

import re
from typing import Any

from xlbo.ids._text import compact as _compact
from xlbo.ids._text import shown
from xlbo.ids.errors import InvalidComponent, InvalidFormat, InvalidLength, validity

NAME = "mobile number"
_PREFIX = re.compile(r"^(?:\+?91|0)(?=[6-9]\d{9}$)")


def compact(value: Any) -> str:
    """The digits without country code or trunk 0."""
    return _PREFIX.sub("", _compact(value, NAME).replace("(", "").replace(")", ""))


def validate(value: Any) -> str:
    number = compact(value)
    if not number.isascii() or not number.isdigit():
        raise InvalidFormat(f"a mobile number has only digits; '{shown(number)}' has others")
    if len(number) != 10:
        raise InvalidLength(f"a mobile number has 10 digits; '{shown(number)}' has {len(number)}")
    if number[0] not in "6789":
        raise InvalidComponent(f"Indian mobile numbers start with 6, 7, 8 or 9, not {number[0]}")
    return number


is_valid = validity(validate)


def format(value: Any) -> str:
    """+91 98200 12345."""
    number = validate(value)
    return f"+91 {number[:5]} {number[5:]}"
