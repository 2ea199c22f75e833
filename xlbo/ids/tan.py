"""TAN — tax deduction and collection account number: 4 letters, 5 digits, 1 letter
(`PNES12345A`), quoted on every TDS return and challan.

    >>> validate("pnes12345a")
    'PNES12345A'
"""

from __future__ import annotations

from typing import Any

from xlbo.ids._text import compact as _compact
from xlbo.ids._text import fixed_shape
from xlbo.ids.errors import validity

NAME = "TAN"


def compact(value: Any) -> str:
    return _compact(value, NAME)


def validate(value: Any) -> str:
    return fixed_shape(compact(value), NAME, "LLLLDDDDDL", "PNES12345A")


is_valid = validity(validate)
format = validate
