"""Payers the books know under another name, learnt from the month's sure matches.

A bank narration names the account the money came from or went to; the books name the party.
Often they are different people: the proprietor `SHINDE SACHIN` pays for `Bajwa Textiles`, a
director pays the company's bills, an accountant's UPI handle pays the office rent. An accountant
learns these after a few matches ("Sachin Shinde always pays for Bajwa Textiles") and then matches
the next ₹1,500 from him to Bajwa Textiles without a second look. The matcher does the same:
every pair taken on evidence other than the names (a shared UTR or cheque number, an amount no
other line has) says "this bank name paid for this party"; a bank name becomes a known payer of a
party when that evidence is enough (PAYER_EVIDENCE) and not contradicted (PAYER_SHARE of all the
bank name's evidence points to that party: an aggregator that pays for everyone learns nothing).

>>> learnt = known_payers(
...     np.array(["shinde sachin", "shinde sachin", "razorpay", "razorpay"], dtype=object),
...     np.array(["bajwa textiles", "bajwa textiles", "om sai", "kaveri"], dtype=object),
...     np.array([1, 2, 2, 2]),
...     np.array([0, 0, 0, 0]),
... )
>>> learnt.values.tolist()
[['shinde sachin', 'bajwa textiles', 3]]
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from xlbo.bank.scoring import (
    CUT_LONGER_THAN,
    PAYER_ALIKE_BELOW,
    PAYER_EVIDENCE,
    PAYER_SHARE_PERCENT,
)

PAYER_COLUMNS = ["bank", "ledger", "evidence"]


def known_payers(
    bank: np.ndarray, ledger: np.ndarray, evidence: np.ndarray, alike: np.ndarray
) -> pd.DataFrame:
    """(bank, ledger, evidence): the bank names learnt as payers of a ledger party, from taken
    pairs given as their bank name, ledger name, the weight of the evidence that took them and
    how alike their names are (names may be given as their numbers: anything equal for equal
    names). Pairs with a blank name on either side teach nothing; pairs whose names are already
    alike (PAYER_ALIKE_BELOW or more) count towards the bank name's evidence but need no
    learning."""
    learnt = _pointing(bank, ledger, evidence, alike)
    return learnt[learnt["alike"] < PAYER_ALIKE_BELOW][PAYER_COLUMNS].reset_index(drop=True)


def cut_otherwise(payers: pd.DataFrame, names: np.ndarray) -> pd.DataFrame:
    """Known payers whose name is one run-together word, with the other names of `names` that
    are that word cut at another letter (`MEHTADHAV`, `MEHTADHAVA`: IMPS cuts the remitter's
    name where the sending bank's field ends), each the payer of the same party: (bank, ledger,
    evidence). Both words longer than CUT_LONGER_THAN letters, so the shorter says who it is; a
    name that is two parties' payers cut otherwise is left as it is.

    >>> cut_otherwise(
    ...     pd.DataFrame({"bank": ["mehtadhav"], "ledger": ["dhaval h mehta"], "evidence": [3]}),
    ...     np.array(["mehtadhava", "mehtadhav", "mehta", "mehtadev", "mehta dhaval"], dtype=object),
    ... ).values.tolist()
    [['mehtadhava', 'dhaval h mehta', 3]]
    """
    none = pd.DataFrame(columns=PAYER_COLUMNS)
    words = pd.Series(pd.unique(names), dtype=object)
    words = words[(words.str.len() > CUT_LONGER_THAN) & ~words.str.contains(" ", regex=False)]
    known = payers[
        (payers["bank"].str.len() > CUT_LONGER_THAN)
        & ~payers["bank"].str.contains(" ", regex=False)
    ]
    if words.empty or known.empty:
        return none
    start = CUT_LONGER_THAN + 1
    pairs = known.assign(start=known["bank"].str.slice(0, start)).merge(
        pd.DataFrame({"name": words.to_numpy(), "start": words.str.slice(0, start).to_numpy()}),
        on="start",
    )
    payer, name = pairs["bank"].to_numpy(dtype=object), pairs["name"].to_numpy(dtype=object)
    shorter = np.array(
        [a.startswith(b) or b.startswith(a) for a, b in zip(payer, name, strict=True)],
        dtype=bool,
    )
    found = pairs[shorter & (payer != name) & ~np.isin(name, payers["bank"].to_numpy())]
    found = found.drop_duplicates(["name", "ledger"])
    found = found[~found["name"].duplicated(keep=False)]  # cut from two parties' payers
    return (
        found.assign(bank=found["name"])[PAYER_COLUMNS].reset_index(drop=True)
        if len(found)
        else none
    )


def habits(bank: np.ndarray, ledger: np.ndarray, evidence: np.ndarray) -> pd.DataFrame:
    """(bank, ledger, evidence): the party each bank name's taken pairs point to, as
    `known_payers` learns them but whatever how alike the names are. Where two parties' names
    are both alike to a bank name (`PRIYA MURUGESAN` is Priya Murugesan's and, by initials, M.
    Priya's), the party its earlier lines paid is the one an accountant takes for the next.

    >>> habits(
    ...     np.array(["priya murugesan"] * 3 + ["m priya"], dtype=object),
    ...     np.array(["priya murugesan"] * 3 + ["m. priya"], dtype=object),
    ...     np.array([1, 1, 2, 1]),
    ... ).values.tolist()
    [['priya murugesan', 'priya murugesan', 4]]
    """
    learnt = _pointing(bank, ledger, evidence, np.zeros(len(bank), dtype=np.int64))
    return learnt[PAYER_COLUMNS].reset_index(drop=True)


def _pointing(
    bank: np.ndarray, ledger: np.ndarray, evidence: np.ndarray, alike: np.ndarray
) -> pd.DataFrame:
    """(bank, ledger, evidence, alike) of each bank name with evidence enough (PAYER_EVIDENCE)
    and at least PAYER_SHARE_PERCENT of it pointing to one party; blank names teach nothing."""
    frame = pd.DataFrame(
        {"bank": bank, "ledger": ledger, "evidence": evidence, "alike": alike}
    ).astype({"evidence": np.int64, "alike": np.int64})
    frame = frame[(frame["bank"] != "") & (frame["ledger"] != "")]
    if frame.empty:
        return pd.DataFrame(columns=[*PAYER_COLUMNS, "alike"])
    per_pair = frame.groupby(["bank", "ledger"], sort=False).agg(
        evidence=("evidence", "sum"), alike=("alike", "max")
    )
    per_pair = per_pair.reset_index()
    total = per_pair.groupby("bank")["evidence"].transform("sum")
    return per_pair[
        (per_pair["evidence"] >= PAYER_EVIDENCE)
        & (per_pair["evidence"] * 100 >= total * PAYER_SHARE_PERCENT)
    ]
