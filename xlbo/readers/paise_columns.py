"""Amounts written in two columns, rupees and paise, as a book kept by hand rules its money
columns: `Rs.` | `Ps.` under a `Debit` and a `Credit` (or `Receipts`, `Payments`, `Amount`)
heading, or headed `Amount Rs.` | `Ps.` on one row. Each pair is read as one amount, in the
rupees column (Rs 1,250 and Ps 50 are 1,250.50); a paise cell that is no whole number of paise
(0 to 99, or a dash for none) makes the amount unreadable, and the reader reports it.

>>> import pandas as pd
>>> from xlbo.book.table import Table
>>> frame = pd.DataFrame({"Amount": ["Rs.", 1250, 75, None], "Column E": ["Ps.", "50", "-", 5]},
...                      index=pd.Index([5, 6, 7, 8], name="Row"))
>>> table = rupees_and_paise(Table("book.xlsx", "Bank Book", frame, 4, {"Amount": "D",
...                                                                    "Column E": "E"}))
>>> table.frame["Amount"].tolist(), table.letters
([None, '1250.50', '75.00', '0.05'], {'Amount': 'D'})
"""

from __future__ import annotations

import re
from dataclasses import replace
from typing import Any

import numpy as np
import pandas as pd

from xlbo.book.table import Table, written_header
from xlbo.columns import amount_present, exact_paise, one_amount
from xlbo.issues import display_value
from xlbo.money import from_paise

_PAISE = re.compile(r"(?:^|\s)(?:ps|paise|paisa)\.?$", re.IGNORECASE)
"""A paise column's header, or the word under its heading (`Ps.`, `Amount Ps.`, `Paise`)."""
_RUPEES = re.compile(r"(?:^|\s)(?:rs|rupees|inr|₹)\.?$", re.IGNORECASE)
_NO_PAISE = re.compile(r"^[-–—/]+$")
"""`-`, `--`, `/-`: a paise cell that says none."""
_SIDE = re.compile(r"\s*((?:dr|cr)\.?)$", re.IGNORECASE)


def rupees_and_paise(table: Table) -> Table:
    """The table with each paise column folded into the rupees column on its left (the
    amount, exact, as text such as `1250.50`) and dropped; the row of `Rs.` and `Ps.` under a
    heading written over both (the first row under the header) cleared. A table without a
    paise column is returned as it is."""
    frame = table.frame
    names = [str(name) for name in frame.columns]
    first = frame.iloc[0] if len(frame) else pd.Series(dtype=object)

    def under(name: str, words: re.Pattern[str]) -> bool:
        """Whether the first row under the header says `words` alone in the column."""
        cell = first.get(name)
        return isinstance(cell, str) and words.fullmatch(cell.strip()) is not None

    def says(name: str, words: re.Pattern[str]) -> bool:
        """Whether a column's header (`Ps.`, `Ps. (2)` where it repeats) or the word under
        it says `words`."""
        return words.search(written_header(name)) is not None or under(name, words)

    pairs = [
        (names[at - 1], names[at])
        for at in range(1, len(names))
        if says(names[at], _PAISE) and not says(names[at - 1], _PAISE)
    ]
    if not pairs:
        return table
    frame = frame.copy()
    for rupees, paise in pairs:
        for name, words in ((rupees, _RUPEES), (paise, _PAISE)):
            if under(name, words):  # the heading's second row: `Rs.` | `Ps.`
                frame.loc[frame.index[0], name] = None
        frame[rupees] = _amounts(frame[rupees], frame[paise])
    dropped = {paise for _, paise in pairs}
    return replace(
        table,
        frame=frame.drop(columns=list(dropped)),
        letters={n: letter for n, letter in table.letters.items() if n not in dropped},
    )


def _amounts(rupees: pd.Series, paise: pd.Series) -> pd.Series:
    """Each row's rupees and paise as one amount (text: `1250.50`, `-75.05`, `1250.50 Dr`);
    a row with no paise written keeps its rupees cell as it is, and one whose cells do not
    make an amount becomes text that is none (`1250 Rs. 5x Ps.`), for the reader to report."""
    values = rupees.to_numpy(dtype=object).copy()
    cells = paise.to_numpy(dtype=object)
    for at in np.flatnonzero(amount_present(paise) | _dashes(paise)).tolist():
        written, cell = values[at], cells[at]
        side = _SIDE.search(written) if isinstance(written, str) else None
        try:
            whole = exact_paise(one_amount(_SIDE.sub("", written) if side else written), written)
        except ValueError:
            continue  # the rupees cell is no amount: reported as it is
        extra = _paise(cell)
        if extra == 0 and not whole:  # a dash beside no rupees: no amount at all
            continue
        if extra is None or (whole % 100 and extra):
            values[at] = f"{display_value(written)} Rs. {display_value(cell)} Ps."
            continue
        total = whole - extra if whole < 0 else whole + extra
        text = str(from_paise(total))  # `1250.50`, `-75.05`: for the reader, not a person
        values[at] = f"{text} {side.group(1)}" if side else text
    return pd.Series(values, index=rupees.index, dtype=object)


def _dashes(cells: pd.Series) -> np.ndarray:
    """The cells that are a dash alone (no paise): `amount_present` counts them as blank."""
    return np.array(
        [isinstance(c, str) and _NO_PAISE.match(c.strip()) is not None for c in cells], dtype=bool
    )


def _paise(cell: Any) -> int | None:
    """A paise cell's paise (0 to 99; a dash is none), or None where it is no such number."""
    if isinstance(cell, str):
        text = cell.strip()
        if _NO_PAISE.match(text):
            return 0
        return int(text) if re.fullmatch(r"\d{1,2}", text) else None
    if isinstance(cell, bool) or not isinstance(cell, int | float | np.number):
        return None
    value = float(cell)
    return int(value) if value.is_integer() and 0 <= value <= 99 else None
