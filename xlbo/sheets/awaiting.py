"""The Payment Run's `Awaiting Posting` column: beside each bill that a payment confirmed earlier
covers and the Journal does not hold yet (`xlbo.vendors.confirmed`), where and when it was
confirmed, so that nobody ticks it again. The column is there only when such a bill is."""

from __future__ import annotations

from collections.abc import Mapping, Sequence

import pandas as pd

from xlbo.book.display import Column, Kind
from xlbo.vendors.confirmed import ConfirmedPayment, awaiting_note
from xlbo.vendors.run import OpenBill

AWAITING = "Awaiting Posting"


def with_awaiting(
    frame: pd.DataFrame,
    rows: Sequence[OpenBill],
    awaiting: Mapping[tuple[str, str], ConfirmedPayment],
    columns: Mapping[str, Column],
) -> tuple[pd.DataFrame, dict[str, Column]]:
    """The run's frame (`rows`, then its total row) and column specs, with the Awaiting
    Posting column when any of `rows` awaits posting."""
    if not awaiting:
        return frame, dict(columns)
    notes = [awaiting_note(awaiting[r.key]) if r.key in awaiting else None for r in rows]
    notes.extend([None] * (len(frame) - len(rows)))
    marked = frame.copy()
    marked[AWAITING] = pd.Series(notes, index=frame.index, dtype=object)
    return marked, {**columns, AWAITING: Column(kind=Kind.LONG_TEXT, width=60)}
