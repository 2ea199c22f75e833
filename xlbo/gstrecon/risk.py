"""Input tax credit at risk, per supplier: what the reconciliation (`xlbo.gstrecon.engine`)
found, summed by supplier GSTIN so the accountant knows whom to chase first. Pure (pandas).

    gstin            supplier              bills_missing  missing  bills_mismatched  mismatched  not_available  total
    27AABCG1234K1ZS  Shree Ganesh Traders  1              180000   1                 18000       0              198000

Amounts in paise: the tax of bills missing in 2B, the tax the books hold above 2B's on
mismatched bills, and the credit 2B marks not available.
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from xlbo.gstrecon.engine import GstRecon, Stage


def suppliers_at_risk(recon: GstRecon) -> pd.DataFrame:
    """Input tax credit at risk per supplier GSTIN: the bills missing in 2B, the tax the books
    hold above 2B's on mismatched bills, the credit 2B marks not available; largest first."""
    books, portal, pairs = recon.books, recon.portal, recon.pairs
    missing = recon.missing_in_2b
    paired = pd.DataFrame(
        {
            "gstin": books["gstin"].to_numpy()[pairs["b"].to_numpy(dtype=np.int64)],
            "supplier": books["supplier"].to_numpy()[pairs["b"].to_numpy(dtype=np.int64)],
            "mismatched": (pairs["stage"] == Stage.MISMATCHED.value).to_numpy(),
            "not_available": ~portal["itc_available"].to_numpy(dtype=bool)[
                pairs["p"].to_numpy(dtype=np.int64)
            ],
            "at_risk": pairs["at_risk"].to_numpy(),
        }
    )
    paired = paired[paired["at_risk"] > 0]
    rows = pd.concat(
        [
            pd.DataFrame(
                {
                    "gstin": missing["gstin"],
                    "supplier": missing["supplier"],
                    "bills_missing": 1,
                    "missing": missing["at_risk"],
                    "bills_mismatched": 0,
                    "mismatched": 0,
                    "not_available": 0,
                }
            ),
            pd.DataFrame(
                {
                    "gstin": paired["gstin"],
                    "supplier": paired["supplier"],
                    "bills_missing": 0,
                    "missing": 0,
                    "bills_mismatched": paired["mismatched"].astype(int),
                    "mismatched": np.where(
                        paired["mismatched"] & ~paired["not_available"], paired["at_risk"], 0
                    ),
                    "not_available": np.where(paired["not_available"], paired["at_risk"], 0),
                }
            ),
        ],
        ignore_index=True,
    )
    if rows.empty:
        return rows.assign(total=pd.Series(dtype=np.int64))
    summed = rows.groupby(["gstin"], sort=False).agg(
        supplier=("supplier", "first"),
        bills_missing=("bills_missing", "sum"),
        missing=("missing", "sum"),
        bills_mismatched=("bills_mismatched", "sum"),
        mismatched=("mismatched", "sum"),
        not_available=("not_available", "sum"),
    )
    summed["total"] = summed["missing"] + summed["mismatched"] + summed["not_available"]
    summed = summed[summed["total"] > 0].reset_index()
    return summed.sort_values(["total", "gstin"], ascending=[False, True], ignore_index=True)
