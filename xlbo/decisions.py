"""The words an accountant types to decide a pair a reconciliation suggested.

The bank reconciliation's Accept and Reject columns and the Decision column of `xlbo gst-recon`'s
Suggested sheet read the same words, so a tick that takes a pair in one takes it in the other:

    Accept   | accept, ACCEPT, Yes, Y, x, ✓, ✔, TRUE, 1   → take the pair
    Reject   | reject, Yes, Y, x, ✓, ✔, TRUE, 1           → split it
    (either) | empty, No, N, FALSE, 0                     → leave it as it is
    (either) | anything else ("maybe", "ok?")             → reported at its cell

Case and spaces around the word do not matter; TRUE and 1 are what Excel may turn a tick into.
A word is read the same from a file and from the open workbook (a Lite or add-in button).
"""

from __future__ import annotations

from typing import Any

import pandas as pd

from xlbo.issues import display_value

MARKS = frozenset({"yes", "y", "x", "✓", "✔", "true", "1"})
"""What marks a decision in an Accept or Reject column, besides the column's own word (any case,
spaces trimmed; TRUE and 1 as Excel may turn a tick into them)."""
BLANKS = frozenset({"", "no", "n", "false", "0"})
"""What leaves a pair as it is."""


def marks(value: Any, word: str) -> bool | None:
    """True when the cell `value` marks the decision `word` ("accept" or "reject"), False when
    it leaves the pair as it is, None when it is neither (to be reported at its cell).

    >>> marks(" Yes ", "accept"), marks("Reject", "accept"), marks(None, "reject")
    (True, None, False)
    """
    if value is None or value is pd.NA or (isinstance(value, float) and value != value):
        return False
    if isinstance(value, bool):
        return value
    text = display_value(value).strip().casefold()
    if text in BLANKS:
        return False
    if text == word or text in MARKS:
        return True
    return None
