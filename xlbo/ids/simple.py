"""The identifiers with a fixed shape and no hidden parts: TAN, IFSC, UAN, PIN code, mobile.

- TAN (tax deduction account number): 4 letters, 5 digits, 1 letter (`PNES12345A`).
- IFSC (bank branch code): the bank's 4 letters, a zero, 6 letters or digits (`HDFC0001234`).
  The fifth character is the digit 0: an `O` there is the commonest typing slip.
- UAN (EPFO universal account number): 12 digits.
- PIN code: 6 digits, the first 1–9.
- Mobile: 10 digits starting 6–9, written with or without +91 / 91 / 0 in front.

    >>> ifsc_validate("hdfc0001234"), mobile_format("+91 98200-12345")
    ('HDFC0001234', '+91 98200 12345')
"""

from __future__ import annotations

import re
from typing import Any

from xlbo.ids._text import check_shape, compact, shown
from xlbo.ids.errors import InvalidComponent, InvalidFormat, InvalidLength


def _fixed(value: Any, name: str, pattern: str, example: str) -> str:
    number = compact(value, name)
    if len(number) != len(pattern):
        raise InvalidLength(
            f"{name} has {len(pattern)} characters (like {example}); '{shown(number)}' has {len(number)}"
        )
    check_shape(name, number, pattern, example)
    return number


def tan_validate(value: Any) -> str:
    return _fixed(value, "TAN", "LLLLDDDDDL", "PNES12345A")


def ifsc_validate(value: Any) -> str:
    number = compact(value, "IFSC")
    if len(number) == 11 and number[4] == "O":
        raise InvalidFormat("IFSC's 5th character is the digit 0 (zero), not the letter O")
    number = _fixed(number, "IFSC", "LLLLDAAAAAA", "HDFC0001234")
    if number[4] != "0":
        raise InvalidComponent(f"IFSC's 5th character is always 0 (zero), not {number[4]}")
    return number


def uan_validate(value: Any) -> str:
    return _fixed(value, "UAN", "D" * 12, "100123456789")


def pin_validate(value: Any) -> str:
    number = _fixed(value, "PIN code", "D" * 6, "411045")
    if number[0] == "0":
        raise InvalidComponent("PIN codes never start with 0")
    return number


_MOBILE_PREFIX = re.compile(r"^(?:\+?91|0)(?=[6-9]\d{9}$)")


def mobile_validate(value: Any) -> str:
    """The 10-digit mobile number (country code and trunk 0 removed)."""
    number = _MOBILE_PREFIX.sub(
        "", compact(value, "mobile number").replace("(", "").replace(")", "")
    )
    if not number.isascii() or not number.isdigit():
        raise InvalidFormat(f"a mobile number has only digits; '{shown(number)}' has others")
    if len(number) != 10:
        raise InvalidLength(f"a mobile number has 10 digits; '{shown(number)}' has {len(number)}")
    if number[0] not in "6789":
        raise InvalidComponent(f"Indian mobile numbers start with 6, 7, 8 or 9, not {number[0]}")
    return number


def mobile_format(value: Any) -> str:
    number = mobile_validate(value)
    return f"+91 {number[:5]} {number[5:]}"
