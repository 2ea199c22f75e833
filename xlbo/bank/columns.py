"""What the columns of bank files say beyond their figures, read a whole column at a time: the
side a `Dr` or `Cr` after an amount names, and a reference column's blanks.

>>> side_marks(pd.Series(["1,03,500.00 Cr", "500.00 DR.", "10,500.00Cr", 250.0, None])).tolist()
['C', 'D', 'C', '', '']
>>> reference_texts(pd.Series(["000000", "0", "SBINN52026100112345", None, 527607066185])).tolist()
['', '', 'SBINN52026100112345', '', '527607066185']
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from xlbo.columns import strings, text_column

DEBIT_MARK = "D"
CREDIT_MARK = "C"


def side_marks(cells: pd.Series) -> np.ndarray:
    """`D` for each cell whose text ends in Dr (`500.00 Dr`, `500.00DR.`), `C` for Cr, `""` for
    any other cell (numbers, blanks, plain amounts). What the mark means is the caller's: the
    side of a line's money, an overdrawn balance, or a column's own side written on its cells."""
    text = strings(cells.astype(object).where(cells.notna(), "").astype(str))
    text = text.str.strip().str.upper().str.rstrip(".")
    debit = text.str.endswith("DR").to_numpy(dtype=bool)
    credit = text.str.endswith("CR").to_numpy(dtype=bool)
    return np.where(debit, DEBIT_MARK, np.where(credit, CREDIT_MARK, ""))


def reference_texts(cells: pd.Series) -> pd.Series:
    """A reference column's text, with the cells that are only zeros (`0`, `000000`: what a
    bank or Tally writes for "no cheque") made blank, so no two lines share them as a
    reference."""
    reference = text_column(cells)
    return reference.where(~reference.str.fullmatch(r"0*").to_numpy(dtype=bool), "")
