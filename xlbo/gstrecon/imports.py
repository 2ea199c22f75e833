"""Imports in the books against GSTR-2B's bills of entry (impg, impgsez). Pure (pandas).

IGST paid at customs on imported goods is input tax credit like a supplier's GST (GSTR-3B
table 4(A)(1)); since 2020 it reaches GSTR-2B from ICEGATE, a record a bill of entry: its
number, date, port code, assessable value, IGST and cess. The books hold the same bill of
entry on the import's Purchases row (Bill of Entry, Bill of Entry Date, Port Code).

Both sides come as frames, amounts in integer paise, dates as datetimes:

    books:  ref, gstin, supplier, bill_no, boe_no, boe_date, port, taxable, igst, cess
    2B:     ref, gstin, supplier, boe_no, boe_date, port, taxable, igst, cess, period, section,
            amended

A bill of entry is found by its number (folded as bill numbers are: `BE/2566282` is
`BE2566282`, leading zeros dropped). Then:

- **Matched**: the port agrees where both sides give one, the date agrees where the books give
  one, and IGST and cess each within ₹1;
- **Mismatched**: the same number, but the port, the date, the IGST or the cess differ (said,
  with by how much); credit at risk is the IGST and cess the books hold above 2B's;
- **Missing in Books**: in 2B, not booked (credit not yet claimed);
- **Missing in 2B**: booked, in no 2B given (its IGST and cess at risk), unless dated after the
  last 2B given (customs data reach 2B later).

For example, the books' bill of entry 2566282 of 18-10-2026 at INNSA1 with IGST ₹18,000.00
and 2B's `impg` record `{"boenum": "2566282", "boedt": "18-10-2026", "portcode": "INNSA1",
"igst": 18000}` are Matched; with 2B's IGST ₹17,000.00 they are Mismatched, ₹1,000.00 at risk.

The assessable value is shown beside each pair; it is not compared (the books may hold the
bill's value before customs duty).
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import pandas as pd

from xlbo.gstrecon.bills import bill_keys
from xlbo.gstrecon.engine import TOLERANCE, Stage
from xlbo.money import format_inr, from_paise

CREDIT_HEADS = ("igst", "cess")
"""The heads of an import's credit."""
HEAD_NAMES = {"igst": "IGST", "cess": "Cess"}


@dataclass(frozen=True)
class ImportRecon:
    """`pairs`: `b`, `p` (positions in `books` and `portal`), `stage`, `why`, `at_risk`
    (paise); `missing_in_books` and `missing_in_2b`: the rows of each side left, with `why`
    and `at_risk`."""

    books: pd.DataFrame
    portal: pd.DataFrame
    pairs: pd.DataFrame
    missing_in_books: pd.DataFrame
    missing_in_2b: pd.DataFrame

    @property
    def empty(self) -> bool:
        return self.books.empty and self.portal.empty

    @property
    def at_risk(self) -> int:
        """Paise of import credit at risk."""
        return int(self.pairs["at_risk"].sum() + self.missing_in_2b["at_risk"].sum())


def _prepared(frame: pd.DataFrame, name: str) -> pd.DataFrame:
    out = frame.reset_index(drop=True).copy()
    out[name] = np.arange(len(out), dtype=np.int64)
    out["key"] = bill_keys(out["boe_no"])
    out["boe_date"] = pd.to_datetime(out["boe_date"])
    out["credit"] = (out["igst"] + out["cess"]).astype(np.int64)
    out["port"] = out["port"].fillna("").astype(str)
    return out


def _day(value: pd.Timestamp) -> str:
    return "no date" if pd.isna(value) else f"{value:%d-%m-%Y}"


def _differences(row: pd.Series, tolerance: int) -> list[str]:
    """What differs on one pair of the same number, as short sentences."""
    said = []
    if row["port_b"] and row["port_p"] and row["port_b"] != row["port_p"]:
        said.append(f"port {row['port_b']} in the books, {row['port_p']} in 2B")
    if not pd.isna(row["boe_date_b"]) and row["boe_date_b"] != row["boe_date_p"]:
        said.append(f"date {_day(row['boe_date_b'])} in the books, {_day(row['boe_date_p'])} in 2B")
    for head in CREDIT_HEADS:
        books, portal = int(row[f"{head}_b"]), int(row[f"{head}_p"])
        if abs(portal - books) > tolerance:
            more = "more in 2B" if portal > books else "more in the books"
            said.append(
                f"{HEAD_NAMES[head]} {format_inr(from_paise(books))} in the books, "
                f"{format_inr(from_paise(portal))} in 2B "
                f"({format_inr(from_paise(abs(portal - books)))} {more})"
            )
    return said


def _pairs(books: pd.DataFrame, portal: pd.DataFrame, tolerance: int) -> pd.DataFrame:
    """Books and 2B records of the same number, first with first (by date)."""
    left = books[books["key"] != ""].sort_values(["key", "boe_date", "b"], kind="stable")
    right = portal[portal["key"] != ""].sort_values(["key", "boe_date", "p"], kind="stable")
    left = left.assign(occ=left.groupby("key").cumcount())
    right = right.assign(occ=right.groupby("key").cumcount())
    pairs = left.merge(right, on=["key", "occ"], suffixes=("_b", "_p"))
    pairs = pairs.sort_values("b", kind="stable").reset_index(drop=True)
    stages, whys, risks = [], [], []
    for _, row in pairs.iterrows():  # a company's imports in a month: a few hundred at most
        differences = _differences(row, tolerance)
        if differences:
            stages.append(Stage.MISMATCHED.value)
            whys.append("Same bill of entry, but " + "; ".join(differences))
            risks.append(max(int(row["credit_b"]) - int(row["credit_p"]), 0))
        else:
            stages.append(Stage.MATCHED.value)
            whys.append("Same bill of entry number, port, date, and IGST and cess within ₹1")
            risks.append(0)
    return pd.DataFrame(
        {
            "b": pairs["b"].to_numpy(dtype=np.int64),
            "p": pairs["p"].to_numpy(dtype=np.int64),
            "stage": pd.Series(stages, dtype=object),
            "why": pd.Series(whys, dtype=object),
            "at_risk": np.asarray(risks, dtype=np.int64),
        }
    )


def reconcile_imports(
    books: pd.DataFrame,
    portal: pd.DataFrame,
    periods: tuple[str, ...],
    *,
    tolerance: int = TOLERANCE,
) -> ImportRecon:
    """Match the books' imports to 2B's bills of entry (see the module)."""
    books = _prepared(books, "b")
    portal = _prepared(portal, "p")
    pairs = _pairs(books, portal, tolerance)
    left_p = portal[~portal["p"].isin(pairs["p"])].copy()
    left_p["why"] = (
        "In the 2B of "
        + left_p["period"].astype(str)
        + " ("
        + left_p["section"].astype(str)
        + "), no import in the books with this bill of entry: book it (Bill of Entry on "
        "its Purchases row) to claim its IGST"
        + np.where(left_p["amended"].astype(str) != "", " (" + left_p["amended"] + ")", "")
    )
    left_p["at_risk"] = np.zeros(len(left_p), dtype=np.int64)
    left_b = books[~books["b"].isin(pairs["b"])].copy()
    month = left_b["boe_date"].dt.strftime("%Y-%m").fillna("")
    ahead = (month > periods[-1]).to_numpy(dtype=bool) if periods else np.zeros(len(left_b), bool)
    upto = f" up to {periods[-1]}" if periods else ""
    left_b["why"] = np.where(
        ahead,
        "Dated after the last 2B given: customs data reach a later 2B, not missing yet",
        "Not in the imports of the 2B given"
        + upto
        + ": check the bill of entry number and port against ICEGATE, or ask the customs "
        "broker whether it was amended",
    )
    left_b["at_risk"] = np.where(ahead, 0, np.maximum(left_b["credit"].to_numpy(), 0)).astype(
        np.int64
    )
    return ImportRecon(
        books=books,
        portal=portal,
        pairs=pairs,
        missing_in_books=left_p.reset_index(drop=True),
        missing_in_2b=left_b.reset_index(drop=True),
    )
