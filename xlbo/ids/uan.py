"""UAN — the EPFO universal account number: 12 digits, one per member for life.

>>> validate("1001 2345 6789")
'100123456789'
"""

from __future__ import annotations

from typing import Any

from xlbo.ids._text import compact as _compact
from xlbo.ids._text import fixed_shape
from xlbo.ids.errors import validity

NAME = "UAN"


def compact(value: Any) -> str:
    return _compact(value, NAME)


def validate(value: Any) -> str:
    return fixed_shape(compact(value), NAME, "D" * 12, "100123456789")


is_valid = validity(validate)
format = validate
