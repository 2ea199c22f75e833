"""The Journal sheet as users keep it, in the Journal's layout (`xlbo.journal_layout`)."""

from __future__ import annotations

import pandas as pd

from xlbo.book.display import Column, Kind, ResultSheet
from xlbo.journal_layout import SHEET


def journal_sheet(frame: pd.DataFrame) -> ResultSheet:
    """The Journal sheet as users keep it: an Excel Table with room to add lines. `frame` has
    the columns of `HEADERS`."""
    return ResultSheet(
        SHEET,
        frame,
        columns={
            "Date": Column(kind=Kind.DATE),
            "Debit": Column(kind=Kind.MONEY),
            "Credit": Column(kind=Kind.MONEY),
            "Voucher No": Column(kind=Kind.ID, width=16),
            "Account": Column(width=34),
            "Party": Column(width=34),
            "Narration": Column(kind=Kind.LONG_TEXT, width=60),
        },
        excel_table=SHEET,
        spare_rows=50,
    )
