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

import re
from collections.abc import Callable, Mapping, Sequence
from typing import Any

import pandas as pd

from xlbo.book.table import Table
from xlbo.issues import Issue, Severity, display_value

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


def decision_columns(table: Table, word: str) -> list[str]:
    """The columns of `table` headed `word` (`Reject`, `Decision`, `Pay`), in the sheet's
    order: the column and any copy of it, a second header `Reject` being read as `Reject (2)`.
    A copy pasted beside the column and marked there is read, not dropped without a word."""
    copy = re.compile(rf"{re.escape(word)} \(\d+\)")
    return [c for c in table.frame.columns if c == word or copy.fullmatch(str(c))]


def marked_column(
    columns: Sequence[str], row: Mapping[Any, Any], read: Callable[[Any], object]
) -> str:
    """Of a row's copies of a decision column, the one whose cell is the row's decision: the
    first that holds a decision (`read` of its value neither False, for none, nor None, for
    something else), else the first that holds something else (to be reported), else the
    column itself."""
    decided, held = _copies_read(columns, row, read)
    return ([column for column, _ in decided] or held or list(columns))[0]


def disagreeing(
    columns: Sequence[str], row: Mapping[Any, Any], read: Callable[[Any], object]
) -> tuple[str, str] | None:
    """Two copies of a decision column whose cells on `row` decide otherwise (Accept in one,
    Reject in the other), or None."""
    decided, _ = _copies_read(columns, row, read)
    other = next(((c, d) for c, d in decided[1:] if d != decided[0][1]), None)
    return None if other is None else (decided[0][0], other[0])


def _copies_read(
    columns: Sequence[str], row: Mapping[Any, Any], read: Callable[[Any], object]
) -> tuple[list[tuple[str, object]], list[str]]:
    """A row's copies of a decision column read (`read`): (column, decision) of those that
    decide, and the columns of those that hold something else (`read` gives None)."""
    said = [(column, read(row.get(column))) for column in columns]
    decided = [(c, d) for c, d in said if d is not None and d is not False]
    return decided, [c for c, d in said if d is None]


def column_copied(
    table: Table, word: str, columns: Sequence[str], file: str | None = None
) -> Issue:
    """The note that `word` heads more than one column of `table`'s sheet, each of them read
    (`file`: the file to name, where not the table's source)."""
    letters = [table.letters.get(c, "?") for c in columns]
    return Issue(
        severity=Severity.INFO,
        sheet=table.sheet,
        cell=f"{letters[1]}{table.header_row}",
        value=word,
        problem=(
            f"the {table.sheet} sheet has {len(columns)} columns headed {word} "
            f"({', '.join(letters[:-1])} and {letters[-1]}): the marks in each of them were read"
        ),
        hint=f"Keep one {word} column, so that the next person reads every mark in one place.",
        file=file or table.source,
    )
