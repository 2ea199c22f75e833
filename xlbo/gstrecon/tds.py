"""TDS that customers deducted from the company's bills: the books' TDS receivable against
Form 26AS Part I. Pure (pandas).

The books side, a row a receipt from which the customer deducted TDS:

    ref, customer, tan, section, date, amount (gross credited, paise), tds (paise)

The 26AS side: `xlbo.gstrecon.form26as.COLUMNS`. Matching, one to one, on the customer's TAN:

1. the same TDS, quarter of the financial year and section (when both name one);
2. the same TDS in another quarter — the customer deducts when it books the bill, which may be
   a quarter before the money came (the credit is the quarter 26AS shows);
3. what is left on each side: TDS in 26AS not in the books, TDS in the books not in 26AS.

Each 26AS row carries its booking status, explained: only Final (F) and Provisional (P) credit
can be claimed; Unmatched (U) and Overbooked (O) are for the customer to correct.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import pandas as pd

STATUS = {
    "F": "Final: deposited and matched with the deductor's return; the credit is yours",
    "P": "Provisional: a government deductor's TDS, waiting for the Pay and Accounts Office to "
    "verify it; it can be claimed and becomes final",
    "U": "Unmatched: the deductor has not deposited the tax, or quoted the challan wrongly; no "
    "credit until it corrects its return or pays — ask the customer",
    "O": "Overbooked: the deductor's return claims more than it deposited; the credit shows once "
    "it pays the difference or corrects the return — ask the customer",
}
"""TRACES' booking status codes (Form 26AS legend)."""
CLAIMABLE = frozenset({"F", "P"})

BOOK_COLUMNS = ("ref", "customer", "tan", "section", "date", "amount", "tds")


def explain_status(codes: pd.Series) -> pd.Series:
    """The meaning of each booking status code; an unknown code is said to be one."""
    known = codes.map(STATUS)
    unknown = "'" + codes.astype(str) + "' is not a booking status TRACES uses (U, P, F, O)"
    return known.where(known.notna(), unknown).astype(object)


def quarter(days: pd.Series) -> pd.Series:
    """`FY2026-27 Q1` for each date (April–June is Q1); "" for none."""
    stamp = pd.to_datetime(days)
    start = stamp.dt.year - (stamp.dt.month < 4).astype(int)
    number = ((stamp.dt.month - 4) % 12) // 3 + 1
    text = (
        "FY"
        + start.astype("Int64").astype(str)
        + "-"
        + ((start + 1) % 100).astype("Int64").astype(str).str.zfill(2)
        + " Q"
        + number.astype("Int64").astype(str)
    )
    return text.where(stamp.notna(), "").astype(str).astype(object)


@dataclass(frozen=True)
class TdsRecon:
    """`pairs`: positions `c` (26AS) and `b` (books), `how` (same quarter, another quarter);
    `only_26as` and `only_books` the rows left over. Frames carry `quarter`, and the 26AS one
    `claimable` and `status_text`."""

    credits: pd.DataFrame
    books: pd.DataFrame
    pairs: pd.DataFrame
    only_26as: pd.DataFrame
    only_books: pd.DataFrame


SAME_QUARTER = "Same TAN, TDS and quarter"
OTHER_QUARTER = "Same TAN and TDS, another quarter"


def _pair(credits: pd.DataFrame, books: pd.DataFrame, on: list[str]) -> pd.DataFrame:
    left = credits.assign(
        occ=credits.sort_values([*on, "transaction_date", "c"]).groupby(on).cumcount()
    )
    right = books.assign(occ=books.sort_values([*on, "date", "b"]).groupby(on).cumcount())
    return left[[*on, "occ", "c"]].merge(right[[*on, "occ", "b"]], on=[*on, "occ"])


def reconcile_tds(credits: pd.DataFrame, books: pd.DataFrame) -> TdsRecon:
    """Match the books' TDS receivable to 26AS Part I (see the module)."""
    credits = credits.reset_index(drop=True).copy()
    books = books.reset_index(drop=True).copy()
    credits["c"] = np.arange(len(credits))
    books["b"] = np.arange(len(books))
    for frame in (credits, books):  # one type a key, also for an empty side
        frame["tan"] = frame["tan"].fillna("").astype(str).astype(object)
        frame["tds"] = frame["tds"].fillna(0).astype(np.int64)
    credits["quarter"] = quarter(credits["transaction_date"])
    books["quarter"] = quarter(books["date"])
    credits["claimable"] = credits["status"].isin(CLAIMABLE)
    credits["status_text"] = explain_status(credits["status"])
    credits["section_key"] = credits["section"].astype(str).str.upper().str.replace(" ", "")
    books["section_key"] = books["section"].astype(str).str.upper().str.replace(" ", "")
    found = []
    left_c = credits
    left_b = books
    for how, on in (
        (SAME_QUARTER, ["tan", "tds", "quarter", "section_key"]),
        (SAME_QUARTER, ["tan", "tds", "quarter"]),
        (OTHER_QUARTER, ["tan", "tds"]),
    ):
        pairs = _pair(left_c[left_c["tan"] != ""], left_b[left_b["tan"] != ""], on)
        pairs["how"] = how
        found.append(pairs[["c", "b", "how"]])
        left_c = left_c[~left_c["c"].isin(pairs["c"])]
        left_b = left_b[~left_b["b"].isin(pairs["b"])]
    return TdsRecon(
        credits=credits,
        books=books,
        pairs=pd.concat(found, ignore_index=True),
        only_26as=left_c,
        only_books=left_b,
    )


def by_customer(recon: TdsRecon) -> pd.DataFrame:
    """Per TAN and quarter: TDS in 26AS, of it claimable (F, P), in the books, and the
    difference (books less claimable), as paise. A receipt matched to a 26AS row counts in
    that row's quarter (the quarter of the credit); each TAN is named as the books name it."""
    credits = recon.credits.assign(
        claimable_tds=np.where(recon.credits["claimable"], recon.credits["tds"], 0)
    )
    left = credits.groupby(["tan", "quarter"], as_index=False).agg(
        deductor=("deductor", "first"), in_26as=("tds", "sum"), claimable=("claimable_tds", "sum")
    )
    books = recon.books.copy()
    paired = recon.pairs["b"].to_numpy(dtype=np.int64)
    books.loc[books.index[paired], "quarter"] = recon.credits["quarter"].to_numpy(dtype=object)[
        recon.pairs["c"].to_numpy(dtype=np.int64)
    ]
    right = books.groupby(["tan", "quarter"], as_index=False).agg(in_books=("tds", "sum"))
    table = left.merge(right, on=["tan", "quarter"], how="outer")
    for name in ("in_26as", "claimable", "in_books"):
        table[name] = table[name].fillna(0).astype(np.int64)
    named = books[books["tan"] != ""].drop_duplicates("tan").set_index("tan")["customer"]
    deductors = credits.drop_duplicates("tan").set_index("tan")["deductor"]
    from_books = table["tan"].map(named).astype(object)
    from_26as = table["tan"].map(deductors).astype(object)
    table["name"] = from_books.where(from_books.notna(), from_26as).where(lambda n: n.notna(), "")
    no_tan = table["tan"] == ""
    table.loc[no_tan, "name"] = "(customers without a TAN)"
    table["difference"] = table["in_books"] - table["claimable"]
    return table.sort_values(["name", "tan", "quarter"], ignore_index=True)
