"""PIN code — the 6-digit postal index number; the first digit (1–9) is the postal region.

>>> validate(411045.0)
'411045'
"""

from __future__ import annotations

from typing import Any

from xlbo.ids._text import compact as _compact
from xlbo.ids._text import fixed_shape
from xlbo.ids.errors import InvalidComponent, validity

NAME = "PIN code"


def compact(value: Any) -> str:
    return _compact(value, NAME)


def validate(value: Any) -> str:
    number = fixed_shape(compact(value), NAME, "D" * 6, "411045")
    if number[0] == "0":
        raise InvalidComponent("PIN codes never start with 0")
    return number


is_valid = validity(validate)
format = validate
