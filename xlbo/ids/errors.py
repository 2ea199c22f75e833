"""What can be wrong with an identifier, each with a message a colleague would write."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any


class InvalidIdentifier(ValueError):
    """An identifier that is not valid; the message says which part is wrong and how."""

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message

    def __str__(self) -> str:
        return self.message


class InvalidFormat(InvalidIdentifier):
    """Wrong kind of characters in a place (a letter where a digit belongs)."""


class InvalidLength(InvalidIdentifier):
    """Too many or too few characters."""


class InvalidChecksum(InvalidIdentifier):
    """The check digit or character does not match the rest."""


class InvalidComponent(InvalidIdentifier):
    """A part that is well formed but not issued (state code 40, PAN serial 0000)."""


def validity(validate: Callable[[Any], str]) -> Callable[[Any], bool]:
    """`is_valid` for a validator: True or False, never an exception."""

    def is_valid(value: Any) -> bool:
        try:
            validate(value)
        except InvalidIdentifier:
            return False
        return True

    is_valid.__doc__ = f"True when `{validate.__module__}.validate` accepts the value."
    return is_valid
