"""PAN — Permanent Account Number (Income-tax Department).

Ten characters: five letters, four digits, one letter. The first three letters are a series, the
fourth is the holder's type (P person, C company, F firm or LLP, H HUF, A AOP, T trust, B BOI,
L local authority, J artificial juridical person, G government), the fifth is the first letter of
the surname (persons) or of the name; the digits are a serial (0001–9999); the last letter is a
check letter whose algorithm is not published.

    >>> validate(" aapfu0939f ")
    'AAPFU0939F'
    >>> holder_type("AAPFU0939F")
    'Firm or LLP'
"""

from __future__ import annotations

from typing import Any

from xlbo.ids._text import check_shape, shown
from xlbo.ids._text import compact as _compact
from xlbo.ids.errors import InvalidComponent, InvalidLength, validity

NAME = "PAN"
HOLDER_TYPES: dict[str, str] = {
    "A": "Association of persons",
    "B": "Body of individuals",
    "C": "Company",
    "F": "Firm or LLP",
    "G": "Government",
    "H": "Hindu undivided family",
    "J": "Artificial juridical person",
    "L": "Local authority",
    "P": "Individual",
    "T": "Trust",
}


def compact(value: Any) -> str:
    return _compact(value, NAME)


def validate(value: Any) -> str:
    """The PAN in standard form, or an InvalidIdentifier that says what is wrong."""
    number = compact(value)
    if len(number) != 10:
        raise InvalidLength(
            f"PAN has 10 characters (5 letters, 4 digits, 1 letter); '{shown(number)}' has {len(number)}"
        )
    check_shape("PAN", number, "LLLLLDDDDL", "ABCDE1234F")
    if number[3] not in HOLDER_TYPES:
        raise InvalidComponent(
            f"PAN's 4th letter is the holder type ({', '.join(HOLDER_TYPES)}); '{number[3]}' is not one"
        )
    if number[5:9] == "0000":
        raise InvalidComponent("PAN serial 0000 is never issued; check the four digits")
    return number


is_valid = validity(validate)


def format(value: Any) -> str:
    return validate(value)


def holder_type(value: Any) -> str:
    """Who holds the PAN, from its 4th letter."""
    return HOLDER_TYPES[validate(value)[3]]
