"""Bank statements and bank ledgers as frames of lines in exact paise: what the readers
(`xlbo.readers.statement`, `xlbo.readers.ledger`) hand the matcher, and the helpers they share.

A statement line: `row` (its Excel row), `date`, `value_date`, `narration`, `reference`,
`debit` and `credit` (integer paise, money out and money in as the bank sees it), `balance`
(paise, or missing). A ledger line: `row`, `date`, `particulars`, `voucher_type`, `voucher_no`,
`narration`, `reference`, `debit`, `credit` (paise, as the books see it: a deposit is a debit).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from typing import Any

import numpy as np
import pandas as pd

from xlbo.columns import amount_present, has_date
from xlbo.issues import Issue, Severity, display_value


@dataclass
class Lines:
    """Lines read from one file, the issues met, and what was found about the file."""

    frame: pd.DataFrame
    source: str
    sheet: str
    letters: dict[str, str] = field(default_factory=dict)
    issues: list[Issue] = field(default_factory=list)
    opening: int | None = None
    """Opening balance in paise, when the file states it (a ledger's Opening Balance line, a
    statement's summary block)."""
    closing: int | None = None
    """Closing balance in paise, when the file states it."""
    company: str = ""
    """Whose books or account these are, as the file's title lines name them (the company in a
    Tally export's title, the account holder on a statement)."""
    account: str = ""
    """The bank account as the file names it: the ledger's name in the books, or the account
    number on a statement."""
    period: tuple[date | None, date | None] = (None, None)
    """The period the file says it covers (title lines such as `From 01/10/2026 To 31/10/2026`)."""


LEFT_OUT = "Fix the cell and reconcile again; the line was left out."


def _issues_for(
    problems: dict[int, str],
    rows: np.ndarray,
    book: str,
    sheet: str,
    letter: str,
    *,
    severity: Severity = Severity.ERROR,
    hint: str = LEFT_OUT,
    cells: pd.Series | None = None,
) -> list[Issue]:
    """An Issue for each line's problem, at the cell in column `letter` of its row; `cells` are
    that column's values, so the Issue shows what was written."""
    return [
        Issue(
            severity=severity,
            sheet=sheet,
            cell=f"{letter}{int(rows[position])}",
            value=display_value(cells.iat[position]) if cells is not None else "",
            problem=f"Row {int(rows[position])}: {problem}",
            hint=hint,
            file=book,
        )
        for position, problem in sorted(problems.items())
    ]


def _undated(
    dates: list[Any], cells: pd.Series, moves: np.ndarray, rows: np.ndarray
) -> dict[int, str]:
    """Lines with money but a date cell that is no date (31/09/2026): problems to report, not
    title or footer lines to skip quietly."""
    dated = has_date(dates)
    return {
        position: f"'{cells.iat[position]}' is not a date"
        for position in np.flatnonzero(~dated & amount_present(cells) & moves).tolist()
    }
