"""Items carried from last month's BRS, paired with this month's lines that clear them.

Last month's BRS left a cheque of 5,000.00 dated 28-10-2026 unpresented; this month's statement
shows a cheque of 5,000.00 on 12-11-2026, which this month's ledger does not hold (it was booked
in October). The matcher's passes pair what a reference or a near date backs; what is left, an
item brought forward and a line of this month of the same amount up to BROUGHT_FORWARD_DAYS after
the item's date, is paired when each is the other's only open line of that amount and direction
(no other item of last month and no line of this month of that amount is open on either side).

>>> bank = pd.DataFrame({"date": [date(2026, 11, 12)], "signed": [-500000]})
>>> books = pd.DataFrame({"date": [date(2026, 10, 28)], "signed": [-500000]})
>>> carried_pairs(bank, books, np.array([False]), np.array([True]),
...               np.array([True]), np.array([True]))[["bank", "ledger"]].values.tolist()
[[0, 0]]
"""

from __future__ import annotations

from datetime import date  # noqa: F401  (the example above)

import numpy as np
import pandas as pd

from xlbo.bank.scoring import BROUGHT_FORWARD_DAYS
from xlbo.columns import day_numbers

CARRIED_COLUMNS = ("bank", "ledger", "why")


def carried_pairs(
    bank: pd.DataFrame,
    ledger: pd.DataFrame,
    bank_carried: np.ndarray,
    ledger_carried: np.ndarray,
    bank_open: np.ndarray,
    ledger_open: np.ndarray,
) -> pd.DataFrame:
    """(bank, ledger, why) positions of the pairs of an open item brought forward (on either
    side: `bank_carried`, `ledger_carried`) and an open line of this month on the other side,
    of the same `signed` amount (paise into the account), this month's line dated from the
    item's date to BROUGHT_FORWARD_DAYS after it, each the other's only open candidate of that
    amount. Two items brought forward are never paired with each other here."""
    bank_days = day_numbers(bank["date"])
    ledger_days = day_numbers(ledger["date"])
    bank_signed = bank["signed"].to_numpy(dtype=np.int64)
    ledger_signed = ledger["signed"].to_numpy(dtype=np.int64)
    found = []
    for carried_here, days_here, signed_here, open_here, there in (
        (ledger_carried, ledger_days, ledger_signed, ledger_open, "bank"),
        (bank_carried, bank_days, bank_signed, bank_open, "ledger"),
    ):
        other_carried = bank_carried if there == "bank" else ledger_carried
        other_open = bank_open if there == "bank" else ledger_open
        other_days = bank_days if there == "bank" else ledger_days
        other_signed = bank_signed if there == "bank" else ledger_signed
        items = np.flatnonzero(carried_here & open_here)
        lines = np.flatnonzero(~other_carried & other_open)
        if not len(items) or not len(lines):
            continue
        pairs = pd.DataFrame({"item": items, "signed": signed_here[items]}).merge(
            pd.DataFrame({"line": lines, "signed": other_signed[lines]}), on="signed"
        )
        gap = other_days[pairs["line"].to_numpy()] - days_here[pairs["item"].to_numpy()]
        pairs = pairs[(gap >= 0) & (gap <= BROUGHT_FORWARD_DAYS)].assign(
            days=gap[(gap >= 0) & (gap <= BROUGHT_FORWARD_DAYS)]
        )
        # each the other's one candidate: one line for the item, one item for the line, and no
        # other open line of this month of that amount on the item's side
        pairs = pairs[~pairs["item"].duplicated(keep=False) & ~pairs["line"].duplicated(keep=False)]
        rivals = signed_here[np.flatnonzero(~carried_here & open_here)]
        pairs = pairs[~np.isin(pairs["signed"].to_numpy(), rivals)]
        if not len(pairs):
            continue
        why = (
            "same amount; the only open line of that amount for the item, "
            + pairs["days"].astype(str)
            + " days after it"
        )
        bank_at, ledger_at = (
            (pairs["line"], pairs["item"]) if there == "bank" else (pairs["item"], pairs["line"])
        )
        found.append(
            pd.DataFrame(
                {
                    "bank": bank_at.to_numpy(dtype=np.int64),
                    "ledger": ledger_at.to_numpy(dtype=np.int64),
                    "why": why.to_numpy(dtype=object),
                }
            )
        )
    if not found:
        return pd.DataFrame(
            {c: pd.Series([], dtype=np.int64 if c != "why" else object) for c in CARRIED_COLUMNS}
        )
    return pd.concat(found, ignore_index=True)
