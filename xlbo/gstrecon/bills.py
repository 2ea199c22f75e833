"""Bill numbers as suppliers write them, folded so the same bill reads the same on both sides.

A supplier numbers its invoices its own way (CGST Rule 46: up to 16 characters, letters, digits,
`-` and `/`, unique within the financial year), and the clerk who books the bill writes what
they see, often differently: the year token left out, zeros dropped, a space for a slash. The
key keeps what identifies the bill and drops the rest:

- the financial-year token: `2026-27`, `2026/27`, `26-27`, `2026-2027`, `FY26`, `FY 2026-27`;
- every character that is not a letter or a digit (`/`, `-`, spaces, `.`, `#`);
- the leading zeros of each run of digits; and letters are upper case.

    >>> bill_keys(pd.Series(["INV/26-27/042", "inv-042/2026-27", "INV 0042", "FY26-SB-7"])).tolist()
    ['INV42', 'INV42', 'INV42', 'SB7']

`bill_digits` keeps only the digits of a key (`INV42` → `42`): two bills of one supplier whose
keys differ but whose digits agree (`SI42` and `INV42`) are alike, and offered as a suggestion
when their amounts agree too.
"""

from __future__ import annotations

import pandas as pd

from xlbo.columns import replace, strings

_YEAR_PAIRS = "|".join(f"{y:02d}[-/ ]+(?:20)?{(y + 1) % 100:02d}" for y in range(100))
"""Two consecutive years, the second perhaps in full: 26-27, 26/2027 (RE2 has no
back-references, so the hundred pairs are spelt out)."""

FY_TOKEN = (
    r"(^|[^0-9])(?:F\.?Y\.?[ -]*)?(?:20)?(?:" + _YEAR_PAIRS + r")([^0-9]|$)"
    r"|F\.?Y\.?[ -]*(?:20)?[0-9]{2}"
)
"""A financial-year token standing apart from other digits (so 0042-43 inside a longer run is
kept): `2026-27`, `26/27`, `FY 2026-27`, or `FY26` alone."""


def bill_keys(numbers: pd.Series) -> pd.Series:
    """The key of each bill number (see the module): upper case, year token and separators
    gone, leading zeros of each digit run gone. A blank number gives ""."""
    text = strings(numbers.astype(object).where(numbers.notna(), "").astype(str)).str.upper()
    text = replace(text, FY_TOKEN, r"\1\2")
    text = replace(text, r"[^A-Z0-9]+", "")
    text = replace(text, r"(^|[A-Z])0+([0-9])", r"\1\2")
    return strings(pd.Series(text.to_numpy(dtype=object), index=numbers.index, dtype=object))


def bill_digits(keys: pd.Series) -> pd.Series:
    """The digits of each key, in order (`SB42A7` → `427`); "" where it has none."""
    return replace(keys, r"[^0-9]+", "")
