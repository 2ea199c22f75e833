"""What the bank readers (`statement`, `ledger`, `tally_xml`) share: an Issue for each line's
bad cell, and the lines with money whose date cell is no date.
"""

from __future__ import annotations

from typing import Any

import numpy as np
import pandas as pd

from xlbo.columns import amount_present, has_date
from xlbo.dates import day_and_month
from xlbo.issues import Issue, Severity, display_value

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
        position: _not_a_date(cells.iat[position])
        for position in np.flatnonzero(~dated & amount_present(cells) & moves).tolist()
    }


def _not_a_date(cell: Any) -> str:
    """Why a date cell is no date; a date written without its year says what would give it."""
    if day_and_month(cell) is None:
        return f"'{cell}' is not a date"
    return (
        f"'{cell}' is a date without its year, and the sheet's title gives no period that "
        "tells the year (none, one the day does not fall in, or one longer than a year); write "
        "the dates with their year (dd-mm-yyyy), or keep the bank's title lines (Statement "
        "from … to …) above the table"
    )
