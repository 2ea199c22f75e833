"""Indian identifiers: validate, normalise and explain PAN, GSTIN, TAN, IFSC, Aadhaar, UAN,
mobile numbers, PIN codes and e-mail addresses.

Each identifier has its module with python-stdnum's contract (`compact`, `validate` returning the
standard form or raising an `InvalidIdentifier` whose message says which part is wrong, `is_valid`,
`format`). This front door takes the kind as an `IdKind` or its name in any case, as a user types
it in a cell:

    >>> validate("gstin", "27AAPFU0939F1ZV")
    '27AAPFU0939F1ZV'
    >>> explain("IFSC", "HDFCO001234")
    "IFSC's 5th character is the digit 0 (zero), not the letter O"
    >>> is_valid(IdKind.AADHAAR, None)
    False

For pydantic models, use the `Annotated` types: `pan: PAN`, `gstin: GSTIN | None`.
"""

from __future__ import annotations

from collections.abc import Callable
from enum import StrEnum
from typing import Annotated, Any

from pydantic import BeforeValidator

from xlbo.ids import aadhaar, email, gstin, ifsc, mobile, pan, pin, tan, uan
from xlbo.ids.errors import (
    InvalidChecksum,
    InvalidComponent,
    InvalidFormat,
    InvalidIdentifier,
    InvalidLength,
)


class IdKind(StrEnum):
    PAN = "PAN"
    GSTIN = "GSTIN"
    TAN = "TAN"
    IFSC = "IFSC"
    AADHAAR = "AADHAAR"
    UAN = "UAN"
    MOBILE = "MOBILE"
    PIN = "PIN"
    EMAIL = "EMAIL"


VALIDATORS: dict[IdKind, Callable[[Any], str]] = {
    IdKind.PAN: pan.validate,
    IdKind.GSTIN: gstin.validate,
    IdKind.TAN: tan.validate,
    IdKind.IFSC: ifsc.validate,
    IdKind.AADHAAR: aadhaar.validate,
    IdKind.UAN: uan.validate,
    IdKind.MOBILE: mobile.validate,
    IdKind.PIN: pin.validate,
    IdKind.EMAIL: email.validate,
}
FORMATTERS: dict[IdKind, Callable[[Any], str]] = {
    IdKind.AADHAAR: aadhaar.format,
    IdKind.MOBILE: mobile.format,
}
_ALIASES = {
    "PINCODE": IdKind.PIN,
    "PIN CODE": IdKind.PIN,
    "MOBILE NUMBER": IdKind.MOBILE,
    "PHONE": IdKind.MOBILE,
    "E-MAIL": IdKind.EMAIL,
    "MAIL": IdKind.EMAIL,
    "UID": IdKind.AADHAAR,
    "ADHAAR": IdKind.AADHAAR,
    "ADHAR": IdKind.AADHAAR,
    "AADHAR": IdKind.AADHAAR,
    "GST": IdKind.GSTIN,
    "GST NUMBER": IdKind.GSTIN,
}


def id_kind(kind: IdKind | str) -> IdKind:
    """The kind a cell names: `"gstin"`, `" Pan "`, `"pincode"`; ValueError for others."""
    if isinstance(kind, IdKind):
        return kind
    key = " ".join(str(kind).upper().replace("_", " ").split())
    if key in IdKind.__members__:
        return IdKind[key]
    if key in _ALIASES:
        return _ALIASES[key]
    raise ValueError(f"'{kind}' is not a kind xlbo checks; use one of {', '.join(IdKind)}")


def validate(kind: IdKind | str, value: Any) -> str:
    """The identifier in standard form; InvalidIdentifier (a ValueError) says what is wrong."""
    return VALIDATORS[id_kind(kind)](value)


def is_valid(kind: IdKind | str, value: Any) -> bool:
    """True or False, never an exception (an unknown kind is a ValueError: a bug, not data)."""
    check = VALIDATORS[id_kind(kind)]
    try:
        check(value)
    except InvalidIdentifier:
        return False
    return True


def explain(kind: IdKind | str, value: Any) -> str:
    """ "" when valid, else what is wrong — what `=XLBO.VALIDATE(A2, "PAN")` shows."""
    check = VALIDATORS[id_kind(kind)]
    try:
        check(value)
    except InvalidIdentifier as error:
        return error.message
    return ""


def normalize(kind: IdKind | str, value: Any) -> str:
    """The identifier as it is conventionally written (Aadhaar in groups of four, +91 mobiles)."""
    known = id_kind(kind)
    return FORMATTERS.get(known, VALIDATORS[known])(value)


PAN = Annotated[str, BeforeValidator(pan.validate)]
GSTIN = Annotated[str, BeforeValidator(gstin.validate)]
TAN = Annotated[str, BeforeValidator(tan.validate)]
IFSC = Annotated[str, BeforeValidator(ifsc.validate)]
Aadhaar = Annotated[str, BeforeValidator(aadhaar.validate)]
UAN = Annotated[str, BeforeValidator(uan.validate)]
Mobile = Annotated[str, BeforeValidator(mobile.validate)]
PinCode = Annotated[str, BeforeValidator(pin.validate)]
Email = Annotated[str, BeforeValidator(email.validate)]

__all__ = [
    "GSTIN",
    "IFSC",
    "PAN",
    "TAN",
    "UAN",
    "Aadhaar",
    "Email",
    "IdKind",
    "InvalidChecksum",
    "InvalidComponent",
    "InvalidFormat",
    "InvalidIdentifier",
    "InvalidLength",
    "Mobile",
    "PinCode",
    "explain",
    "id_kind",
    "is_valid",
    "normalize",
    "validate",
]
