"""The marks by which Tally's Excel and CSV exports say a voucher is cancelled, optional or a
memorandum, read once for every report that shows them (the Ledger Vouchers, the Day Book).

Tally keeps a cancelled voucher's date, type and number and writes `(cancelled)` for its party
(or after the party or the voucher type), with no amount. An optional voucher (`Payment
(Optional)` in Vch Type, or `(Optional)` in Particulars) and a memorandum one (Vch Type
`Memorandum`) are shown only when the report is asked to show optional vouchers: Tally posts
them to no ledger and leaves them out of every balance, so read as lines they would put in the
books money Tally itself never posted.
"""

from __future__ import annotations

import re
from datetime import date

import numpy as np
import pandas as pd

from xlbo.columns import contains, text_column

CANCELLED = r"\(\s*cancell?ed\s*\)|^cancell?ed$"
"""A cancelled voucher's mark (lower case): Tally keeps its date, type and number, no amount."""
OPTIONAL = r"\(\s*optional\s*\)"
"""An optional voucher's mark (lower case): `Payment (Optional)` in Vch Type, or `(Optional)`
after the ledger in Particulars; never the bare word (a ledger may be named `Optional`)."""
ORDERS = (
    r"^(?:sales|purchase|job work (?:in|out)) order$|^(?:delivery|receipt) note$"
    r"|^rejections? (?:in|out)$|^material (?:in|out)$"
)
"""Tally's voucher types (lower case) that record goods or orders, posted to no ledger."""
MEMORANDUM = r"^memo(?:randum)?(?: voucher)?$"
"""A memorandum voucher's type (lower case, spaces folded): `Memorandum`, `Memo`, `Memorandum
Voucher`, the whole of it; a type of the user's naming that begins so (`Memo Payment`) may be a
regular payment, read as one."""


def outside_books_hint(report: str) -> str:
    """What to do about an optional or memorandum voucher left out of `report` (the ledger,
    the Day Book): the hint of its Warning."""
    return (
        "Nothing to do if it is to stay out of the books. If it belongs in them, make it a regular "
        "voucher in Tally (an optional one: open it and mark it Regular) and export "
        f"{report} again."
    )


def cancelled_rows(voucher_type: pd.Series, particulars: pd.Series) -> np.ndarray:
    """The rows Tally marks as a cancelled voucher's: `(cancelled)` in the particulars (alone,
    or after the party) or after the voucher type."""
    return np.asarray(
        contains(text_column(particulars).str.lower(), CANCELLED)
        | contains(text_column(voucher_type).str.lower(), CANCELLED),
        dtype=bool,
    )


def outside_books(voucher_type: pd.Series, particulars: pd.Series | None = None) -> np.ndarray:
    """The rows of vouchers Tally keeps out of the books: optional ones (`Payment (Optional)`)
    and memorandum ones (`Memorandum`). Tally posts them to no ledger and leaves them out of its
    Opening and Closing Balance; its reports show them among the rest only when asked to show
    optional vouchers, so read as lines they would break the books' own sums. Without
    `particulars` (an XML export says optional in a tag of its own) the type alone tells."""
    kind = text_column(voucher_type).str.lower()
    marked = contains(kind, OPTIONAL) | contains(kind, MEMORANDUM)
    if particulars is not None:
        marked |= contains(text_column(particulars).str.lower(), OPTIONAL)
    return np.asarray(marked, dtype=bool)


def outside_books_problem(
    voucher_type: str,
    voucher_no: str,
    amount: str,
    *,
    day: date | None = None,
    left_out: str = "leaves it out of the ledger's balances, so it was not read as a line",
) -> str:
    """What to say of an optional or memorandum voucher left out: which it is, its type and
    number, its `day` where the caller has it, `amount` (as the report shows it) and `left_out`,
    what Tally and the reader did with it."""
    kind = " ".join(voucher_type.lower().split())
    what = "a memorandum" if re.match(MEMORANDUM, kind) else "an optional"
    named = " ".join(t for t in (voucher_type, voucher_no) if t) or "voucher"
    if day is not None:
        named += f" of {day:%d-%m-%Y}"
    return (
        f"{what} voucher ({named}, {amount}) is not in the books: Tally posts it to no ledger "
        f"and {left_out}"
    )
