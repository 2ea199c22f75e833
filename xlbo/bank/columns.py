"""What the columns of bank files say beyond their figures, read a whole column at a time: the
side a `Dr` or `Cr` after an amount names, or a side column's word, and a reference column's
blanks.

>>> side_marks(pd.Series(["1,03,500.00 Cr", "500.00 DR.", "10,500.00Cr", 250.0, None])).tolist()
['C', 'D', 'C', '', '']
>>> side_marks(pd.Series(["Dr.", "CREDIT", "Deposit", "Withdrawal", "CLG", "DD"]), alone=True)
array(['D', 'C', 'C', 'D', '', ''], dtype='<U1')
>>> reference_texts(pd.Series(["000000", "0", "SBINN52026100112345", None, 527607066185])).tolist()
['', '', 'SBINN52026100112345', '', '527607066185']
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from xlbo.columns import contains, strings, text_column

DEBIT_MARK = "D"
CREDIT_MARK = "C"

_DEBIT_WORDS = r"^(?:DR|D|DEBIT|WITHDRAWAL|WITHDRAWL|WDL|PAID\s*OUT)$"
"""What a side column writes for money out: `Dr`, `DR.`, `D`, `Debit`, `Withdrawal`."""
_CREDIT_WORDS = r"^(?:CR|C|CREDIT|DEPOSIT|PAID\s*IN)$"
"""…and for money in: `Cr`, `CR.`, `C`, `Credit`, `Deposit` (which begins with a D)."""


_NARRATION_OUT = (
    r"(?i)\b(?:NEFT|RTGS|IMPS|UPI|ACH|NACH)[ /-]?DR\b|^\s*TO\s|/DR/|\bWDL\b|\bATM\b"
    r"|\bCHQ PAID\b|\bWITHDRAWAL\b|\bCHGS\b|\bCHARGES\b"
)
"""What a bank writes in a narration of money out: HDFC's `NEFT DR-`, `CHQ PAID-`, `ATW-… WDL`;
SBI's `TO TRANSFER-`; `UPI/DR/`; charges."""
_NARRATION_IN = (
    r"(?i)\b(?:NEFT|RTGS|IMPS|UPI|ACH|NACH)[ /-]?CR\b|^\s*BY\s|/CR/|\bCASH DEP|\bDEPOSIT\b"
    r"|\bINWARD\b"
)
"""…and of money in: `NEFT CR-`, `RTGS CR-`, SBI's `BY TRANSFER-`, `BY CLEARING`, `CASH DEP`."""


def narration_sides(narrations: pd.Series) -> np.ndarray:
    """`D` where a narration's words say the money went out, `C` where they say it came in,
    `""` where they say neither or both: a witness of the side apart from the columns and the
    balance (an overdraft whose balance is written without Dr rises with each withdrawal; a
    statement whose columns are headed the other way round does too, but its words do not).

    >>> narration_sides(pd.Series(["NEFT DR-HDFC0001-RAJ", "BY TRANSFER-NEFT*X", "UPI/CR/1/A",
    ...     "CHQ DEP", "TO TRANSFER-UPI/DR/5/B"])).tolist()
    ['D', 'C', 'C', '', 'D']
    """
    text = text_column(narrations)
    out = contains(text, _NARRATION_OUT)
    into = contains(text, _NARRATION_IN)
    return np.where(out & ~into, DEBIT_MARK, np.where(into & ~out, CREDIT_MARK, ""))


def side_marks(cells: pd.Series, *, alone: bool = False) -> np.ndarray:
    """`D` for each cell whose text ends in Dr (`500.00 Dr`, `500.00DR.`), `C` for Cr, `""` for
    any other cell (numbers, blanks, plain amounts). What the mark means is the caller's: the
    side of a line's money, an overdrawn balance, or a column's own side written on its cells.

    With `alone`, the cells are a side column's (`Dr/Cr`, `Type`): a cell says a side only when
    its whole text is a side word (`Dr.`, `D`, `Debit`, `Withdrawal`; `Cr`, `C`, `Credit`,
    `Deposit`), so a type column that holds the channel (`CLG`, `CASH`, `DD`) says none; in a
    column of `W` and `D` (no `C`), `W` is a withdrawal and `D` a deposit; in a column of codes
    of one letter that are no sides (Finacle's TRAN_TYPE: `T` transfer, `L` clearing, `C`
    cash), its `C` and `D` are codes too, and say none:

    >>> side_marks(pd.Series(["W", "D", "D", None]), alone=True).tolist()
    ['D', 'C', 'C', '']
    >>> side_marks(pd.Series(["T", "L", "C", "Dr"]), alone=True).tolist()
    ['', '', '', 'D']
    """
    text = strings(cells.astype(object).where(cells.notna(), "").astype(str))
    text = text.str.strip().str.upper().str.rstrip(".").str.rstrip()
    if alone:
        debit = contains(text, _DEBIT_WORDS)
        credit = contains(text, _CREDIT_WORDS)
        # a column of W and D (withdrawal, deposit) and no C: its D is a deposit
        written = (text == "W").to_numpy(dtype=bool)
        if written.any() and not text.isin(["C", "CR", "CREDIT"]).any():
            deposit = (text == "D").to_numpy(dtype=bool)
            debit, credit = (debit & ~deposit) | written, credit | deposit
        letter = text.str.fullmatch("[A-Z]").fillna(False).to_numpy(dtype=bool)
        if (letter & ~text.isin(["D", "C", "W"]).to_numpy(dtype=bool)).any():
            debit, credit = debit & ~letter, credit & ~letter  # `C` is cash among `T`, `L`
    else:
        debit = text.str.endswith("DR").to_numpy(dtype=bool)
        credit = text.str.endswith("CR").to_numpy(dtype=bool)
    return np.where(debit, DEBIT_MARK, np.where(credit, CREDIT_MARK, ""))


def balance_sides(amount: np.ndarray, balance: np.ndarray, shown: np.ndarray) -> np.ndarray:
    """`C` (money in) or `D` (money out) for each unsigned amount (paise) where the running
    balance (`balance`, in paise where `shown`) rises or falls by it — from the balance written above, or, where the lines run
    newest first, to the balance written below, whichever way explains more of them — `""`
    where it does not (the first line, a row without its balance). A bank book's own `Amount`
    beside its `Balance`, Karnataka Bank's `Amount | Balance`."""
    written = pd.Series(np.where(shown, balance, np.nan), dtype=np.float64)
    above = (written - written.ffill().shift(1)).to_numpy()
    below = (written - written.bfill().shift(-1)).to_numpy()
    size = np.abs(amount).astype(np.float64)
    real = size != 0
    by_above = int(np.sum(real & (np.abs(above) == size)))
    by_below = int(np.sum(real & (np.abs(below) == size)))
    moved = above if by_above >= by_below else below
    return np.where(
        real & (moved == size), CREDIT_MARK, np.where(real & (moved == -size), DEBIT_MARK, "")
    )


def says_sides(cells: pd.Series) -> bool:
    """Whether a column's filled cells all say a side on their own (`Dr`, `Cr.`), and some do:
    a column of no header beside the balance that is the balance's side (Kotak)."""
    filled = (text_column(cells) != "").to_numpy(dtype=bool)
    return bool(filled.any()) and bool((side_marks(cells[filled], alone=True) != "").all())


def reference_texts(cells: pd.Series) -> pd.Series:
    """A reference column's text, with the cells that are only zeros or dashes (`0`, `000000`,
    `-`: what a bank or Tally writes for "no cheque", AU and Punjab & Sind a dash) made blank,
    so no two lines share them as a reference."""
    reference = text_column(cells)
    return reference.where(~reference.str.fullmatch(r"0*|-+").to_numpy(dtype=bool), "")


def reversals(
    cells: pd.Series,
    paise: np.ndarray,
    *,
    mostly: bool = True,
    among: np.ndarray | None = None,
) -> np.ndarray:
    """A money column's amounts (a withdrawal or deposit column, a ledger's Debit or Credit)
    with only real reversals left negative: money the other way (a cheque returned, Tally's
    reversing journal `(-)2,50,000.00`). `Dr` or `Cr` after an amount names the column's side,
    not a sign (`parse_amount` reads `500 Cr` as -500, as a ledger would); and a column that
    signs its amounts as a convention (most of them negative; with `mostly=False`, every one)
    has no reversals, judged on the rows `among` (a ledger's vouchers: an overdrawn opening
    written +30,000.00 in a Credit column that writes payments -20,000.00 says nothing of
    them). Only the negative cells are looked at."""
    negative = np.flatnonzero(paise < 0)
    if not len(negative):
        return paise
    fixed = paise.copy()
    judged = paise if among is None else paise[among]
    positive = np.count_nonzero(judged > 0)
    if (np.count_nonzero(judged < 0) > positive) if mostly else not positive:
        return np.asarray(np.abs(fixed), dtype=np.int64)
    marked = side_marks(cells.iloc[negative]) != ""
    fixed[negative[marked]] = -fixed[negative[marked]]
    return fixed
