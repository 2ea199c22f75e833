"""Purchases in the books against GSTR-2B, in five stages, each pair with its reason.

Both sides come as frames of one shape, a row a bill (or a supplier's credit or debit note):

    ref, gstin, supplier, bill_no, bill_date (datetime64), kind, taxable, igst, cgst, sgst,
    cess (integer paise; a credit note negative)

and the 2B side also `period` (`2026-10`, the 2B it came in), `section` (b2b, b2ba, cdnr,
cdnra, ecom, ecoma), `itc_available` (bool), `itc_reason`, `amended` (what an amendment
replaced); its `attrs["periods"]` may name the periods given (a 2B with no record is still a period).

The stages, in order; a bill leaves the pool once paired:

1. **Matched**: the same supplier GSTIN and bill key (`xlbo.gstrecon.bills`), the same date,
   and the taxable value and each tax head within ₹1.
2. **Mismatched**: the same GSTIN and key, but the date or a head differs (said with the head and
   by how much); also the same bill reported under another GSTIN of the same PAN (chars 3–12 of
   a GSTIN are the supplier's PAN: a branch's registration typed for the head office's).
3. **Suggested**: bill numbers alike — their digits equal (`SI-42`, `INV/42`), or at most two
   characters apart with the same digits in another order on the same date (`INV423`,
   `INV432`: a slip of the keys), never numbers whose digits differ (`SI-41` is another bill
   than `SI-42` of a supplier that bills the same sum each month) — with every amount within
   ₹1 and dates at most `SUGGEST_DAYS` apart.
4. **Missing in the books**: in 2B, not booked.
5. **Missing in 2B**: booked, in no 2B given; and, when several 2B files are given, the bills
   that appeared only in a later period's 2B than their own month's (their credit moves to
   that month).

The accountant decides each suggestion on the Suggested sheet (`decide`): an accepted pair
counts as Matched, a rejected one is split, its bill Missing in 2B and its record Missing in the
books; every suggestion stays listed in `GstRecon.suggestions` with its decision, so the next
run keeps it.

Every join is a pandas merge on the GSTIN (or PAN) and a key; no Python loop runs over
candidates. Input tax credit at risk: the tax of a bill missing in 2B, the tax the books hold
above 2B's on a mismatched bill, and the tax of a bill 2B marks as not available.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from enum import StrEnum

import numpy as np
import pandas as pd

from xlbo.columns import strings
from xlbo.gstrecon.bills import bill_digits, bill_keys
from xlbo.money import format_inr, from_paise

HEADS = ("taxable", "igst", "cgst", "sgst", "cess")
"""The amounts compared, each in paise."""
TAX_HEADS = HEADS[1:]
HEAD_NAMES = {
    "taxable": "Taxable value",
    "igst": "IGST",
    "cgst": "CGST",
    "sgst": "SGST",
    "cess": "Cess",
}

TOLERANCE = 100
"""₹1 in paise: rounding of each head on the invoice against the books."""
SUGGEST_DAYS = 30
"""How far apart two alike bills' dates may lie and still be suggested."""


class Stage(StrEnum):
    MATCHED = "Matched"
    MISMATCHED = "Mismatched"
    SUGGESTED = "Suggested"


BOOK_COLUMNS = ("ref", "gstin", "supplier", "bill_no", "bill_date", "kind", *HEADS)
PORTAL_COLUMNS = (*BOOK_COLUMNS, "period", "section", "itc_available", "itc_reason", "amended")
AMENDMENTS = ("b2ba", "cdnra", "ecoma")
"""The 2B sections whose records replace the record they amend."""


@dataclass(frozen=True)
class GstRecon:
    """What the reconciliation found. `pairs` holds one row a pair: `b` and `p` (positions in
    the books and 2B frames), `stage`, `why`, `differences`, `at_risk` (paise), `late` (the
    2B period it came in, when later than the bill's own). `missing_in_books` and
    `missing_in_2b` are the rows of each side left over, with `why` and `at_risk`."""

    books: pd.DataFrame
    portal: pd.DataFrame
    pairs: pd.DataFrame
    missing_in_books: pd.DataFrame
    missing_in_2b: pd.DataFrame
    periods: tuple[str, ...]
    suggestions: pd.DataFrame = field(default_factory=pd.DataFrame)
    """Every pair the Suggested stage offered, decided or not: the pairs' columns and
    `decision` ("", "Accept" or "Reject"). Empty until `decide` (then `stage(SUGGESTED)` with
    no decision)."""

    def stage(self, stage: Stage) -> pd.DataFrame:
        return self.pairs[self.pairs["stage"] == stage.value]

    @property
    def late(self) -> pd.DataFrame:
        """Pairs whose 2B record came only in a later period than the bill's month."""
        return self.pairs[self.pairs["late"] != ""]


def _prepared(frame: pd.DataFrame, id_name: str) -> pd.DataFrame:
    out = frame.reset_index(drop=True).copy()
    out[id_name] = np.arange(len(out), dtype=np.int64)
    out["gstin"] = strings(out["gstin"]).str.upper()
    out["pan"] = out["gstin"].str.slice(2, 12)
    out["key"] = bill_keys(out["bill_no"])
    out["digits"] = bill_digits(out["key"]).str.lstrip("0")
    out["bill_date"] = pd.to_datetime(out["bill_date"])
    out["tax"] = out[list(TAX_HEADS)].sum(axis=1).astype(np.int64)
    out["credit"] = out["taxable"].to_numpy() < 0  # a credit note pairs with a credit note
    return out


def _one_to_one(frame: pd.DataFrame, on: list[str], ident: str) -> pd.Series:
    """The occurrence of each row among rows sharing `on` (by date): two bills of one number
    pair first with first, second with second."""
    order = frame.sort_values([*on, "bill_date", ident], kind="stable")
    return order.groupby(on, sort=False).cumcount().reindex(frame.index)


def _pair_on(
    books: pd.DataFrame, portal: pd.DataFrame, on: list[str], usable: str = "key"
) -> pd.DataFrame:
    """Books and 2B rows with the same `on` (and non-blank `usable`), first with first."""
    left = books[books[usable] != ""].copy()
    right = portal[portal[usable] != ""].copy()
    left["occ"] = _one_to_one(left, on, "b")
    right["occ"] = _one_to_one(right, on, "p")
    return left.merge(right, on=[*on, "occ"], suffixes=("_b", "_p"))


def _money_text(paise: np.ndarray) -> np.ndarray:
    """`format_inr` of each amount in paise (each distinct amount formatted once)."""
    distinct, codes = np.unique(paise, return_inverse=True)
    said = np.array([format_inr(from_paise(int(v))) for v in distinct.tolist()], dtype=object)
    return np.asarray(said[codes.reshape(-1)], dtype=object)


def _differences(pairs: pd.DataFrame, tolerance: int) -> tuple[pd.Series, np.ndarray]:
    """For each pair: which heads differ beyond `tolerance` and by how much, as a sentence, and
    a mask of the pairs where any does. Only the heads that differ are written out."""
    over = np.zeros(len(pairs), dtype=bool)
    text = np.full(len(pairs), "", dtype=object)
    for head in HEADS:
        books = pairs[f"{head}_b"].to_numpy(dtype=np.int64)
        portal = pairs[f"{head}_p"].to_numpy(dtype=np.int64)
        gap = portal - books
        differs = np.abs(gap) > tolerance
        if not differs.any():
            continue
        at = np.flatnonzero(differs)
        said = (
            HEAD_NAMES[head]
            + " "
            + _money_text(books[at])
            + " in the books, "
            + _money_text(portal[at])
            + " in 2B ("
            + _money_text(np.abs(gap[at]))
            + np.where(gap[at] > 0, " more in 2B)", " more in the books)")
        )
        text[at] = np.where(over[at], text[at] + "; " + said, said)
        over |= differs
    return pd.Series(text, index=pairs.index, dtype=object), over


def _date_text(day: pd.Series) -> pd.Series:
    text: pd.Series = day.dt.strftime("%d-%m-%Y").fillna("no date")
    return text


def _written_alike(pairs: pd.DataFrame) -> pd.Series:
    """'; numbers written differently, the same folded (INV42)' where they are."""
    differ = pairs["bill_no_b"].astype(str) != pairs["bill_no_p"].astype(str)
    said = "; numbers written differently, the same folded (" + pairs["key"].astype(str) + ")"
    return said.where(differ, "")


def _exact_or_mismatched(pairs: pd.DataFrame, tolerance: int, same_pan: bool) -> pd.DataFrame:
    differences, over = _differences(pairs, tolerance)
    same_date = (pairs["bill_date_b"] == pairs["bill_date_p"]).to_numpy()
    pairs = pairs.assign(differences=differences)
    if same_pan:
        gstin_said = (
            "Reported under GSTIN "
            + pairs["gstin_p"]
            + "; the books have "
            + pairs["gstin_b"]
            + " (same PAN "
            + pairs["pan"]
            + "): correct the vendor's GSTIN, or ask the supplier to amend"
        )
        pairs["differences"] = gstin_said + np.where(over, "; " + pairs["differences"], "")
        exact = np.zeros(len(pairs), dtype=bool)
    else:
        exact = ~over & same_date
    only_date = ~over & ~same_date & ~exact
    dated = pairs[only_date]
    date_said = (
        "date "
        + _date_text(dated["bill_date_b"])
        + " in the books, "
        + _date_text(dated["bill_date_p"])
        + " in 2B"
    )
    pairs.loc[only_date, "differences"] = (
        dated["differences"].astype(str) + np.where(same_pan, "; ", "") + date_said
    ).str.lstrip("; ")
    pairs["stage"] = np.where(exact, Stage.MATCHED.value, Stage.MISMATCHED.value)
    alike = _written_alike(pairs)
    pairs["why"] = np.where(
        exact,
        "Same GSTIN, bill number, date and amounts (each head within ₹1)" + alike,
        np.where(
            same_pan,
            "Same bill, another GSTIN of the PAN: " + pairs["differences"].astype(str) + alike,
            "Same bill, but " + pairs["differences"].astype(str) + alike,
        ),
    )
    return pairs


def _alike_candidates(books: pd.DataFrame, portal: pd.DataFrame) -> pd.DataFrame:
    """Pairs of one supplier whose numbers are alike: the same digits, or (among bills with the
    same taxable value in whole rupees, a rupee either way) keys at most two edits apart."""
    by_digits = books[books["digits"] != ""].merge(
        portal[portal["digits"] != ""], on=["gstin", "digits"], suffixes=("_b", "_p")
    )
    by_digits["alike"] = "the digits are the same (" + by_digits["digits"] + ")"
    books = books.assign(rupees=books["taxable"] // 100)
    shifted = [portal.assign(rupees=portal["taxable"] // 100 + shift) for shift in (-1, 0, 1)]
    by_value = books.merge(pd.concat(shifted), on=["gstin", "rupees"], suffixes=("_b", "_p"))
    by_value = by_value[(by_value["key_b"] != "") & (by_value["key_p"] != "")]
    same_digits = _same_digits(by_value["digits_b"], by_value["digits_p"])
    by_value = by_value[same_digits]
    edits = _edit_distance(by_value["key_b"], by_value["key_p"])
    by_value = by_value[edits <= 2].copy()
    by_value["alike"] = "two characters apart, the same digits"
    keep = ["b", "p", "alike"]
    return pd.concat([by_digits[keep], by_value[keep]]).drop_duplicates(["b", "p"])


def _same_digits(left: pd.Series, right: pd.Series) -> np.ndarray:
    """Whether two numbers hold the same digits, in any order (`423` and `432`: two digits
    swapped), counted digit by digit in bulk. `41` and `42` differ: another bill of a supplier
    that bills the same sum each month must not be offered."""
    same = np.ones(len(left), dtype=bool)
    for digit in "0123456789":
        same &= (left.str.count(digit) == right.str.count(digit)).to_numpy(dtype=bool)
    return same


def _edit_distance(left: pd.Series, right: pd.Series) -> np.ndarray:
    """Levenshtein distance of each pair of keys (rapidfuzz's C++ where installed)."""
    if not len(left):
        return np.zeros(0, dtype=np.int64)
    try:
        from rapidfuzz.distance import Levenshtein
        from rapidfuzz.process import cpdist
    except ImportError:  # pragma: no cover - the browser, where rapidfuzz is not installed
        return np.fromiter(
            (_levenshtein(a, b) for a, b in zip(left, right, strict=True)),
            dtype=np.int64,
            count=len(left),
        )
    return np.asarray(
        cpdist(left.tolist(), right.tolist(), scorer=Levenshtein.distance), dtype=np.int64
    )


def _levenshtein(first: str, second: str) -> int:  # pragma: no cover - without rapidfuzz
    previous = list(range(len(second) + 1))
    for i, a in enumerate(first, start=1):
        current = [i]
        for j, b in enumerate(second, start=1):
            current.append(min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (a != b)))
        previous = current
    return previous[-1]


def _suggested(
    books: pd.DataFrame, portal: pd.DataFrame, tolerance: int, days: int
) -> pd.DataFrame:
    candidates = _alike_candidates(books, portal)
    if candidates.empty:
        return pd.DataFrame()
    pairs = books.add_suffix("_b").merge(candidates, left_on="b_b", right_on="b")
    pairs = pairs.merge(portal.add_suffix("_p"), left_on="p", right_on="p_p")
    close = np.ones(len(pairs), dtype=bool)
    for head in HEADS:
        close &= np.abs(pairs[f"{head}_p"].to_numpy() - pairs[f"{head}_b"].to_numpy()) <= tolerance
    apart = (pairs["bill_date_p"] - pairs["bill_date_b"]).dt.days.abs()
    by_digits = pairs["alike"].str.startswith("the digits").to_numpy(dtype=bool)
    # digits in another order: a slip of the keys, so the date was copied from the same bill
    reach = np.where(by_digits, days, 0)
    close &= (apart <= reach).fillna(False).to_numpy(dtype=bool)
    pairs = pairs[close].assign(apart=apart[close], by_digits=by_digits[close].astype(int))
    pairs = pairs.sort_values(["by_digits", "apart", "b", "p"], ascending=[False, True, True, True])
    chosen = []
    while len(pairs):  # the best pair of each bill, then of what is left (a few rounds)
        best = pairs.drop_duplicates("b").drop_duplicates("p")
        chosen.append(best)
        pairs = pairs[~pairs["b"].isin(best["b"]) & ~pairs["p"].isin(best["p"])]
    found = pd.concat(chosen)
    found["stage"] = Stage.SUGGESTED.value
    found["differences"] = ""
    found["why"] = (
        "Numbers differ but "
        + found["alike"]
        + "; amounts within ₹1; "
        + np.where(
            found["apart"] == 0,
            "same date",
            "dates "
            + found["apart"].astype(int).astype(str)
            + np.where(found["apart"] == 1, " day", " days")
            + " apart",
        )
        + ": confirm it is the same bill"
    )
    found["gstin"] = found["gstin_b"]
    return found


def _late(pairs: pd.DataFrame, periods: tuple[str, ...]) -> pd.Series:
    """The 2B period of each pair when a 2B of the bill's own month (or the first given, for an
    older bill) was given too and the record came only later; "" otherwise. An amendment is
    never late: the record it amends came before."""
    if len(periods) < 2 or pairs.empty:
        return pd.Series("", index=pairs.index, dtype=object)
    own = pairs["bill_date_b"].dt.strftime("%Y-%m").fillna(periods[0])
    own = own.where(own >= periods[0], periods[0])
    given = own.isin(periods)
    late = given & (pairs["period"] > own) & ~pairs["amendment"]
    return pairs["period"].where(late, "").astype(object)


def reconcile(
    books: pd.DataFrame,
    portal: pd.DataFrame,
    *,
    tolerance: int = TOLERANCE,
    suggest_days: int = SUGGEST_DAYS,
) -> GstRecon:
    """Match the purchase register (`books`) to GSTR-2B (`portal`) in the stages of the module."""
    given = tuple(portal.attrs.get("periods", ()))
    books = _prepared(books, "b")
    portal = _prepared(portal, "p")
    periods = tuple(sorted({*given, *portal["period"].astype(str)}))
    found: list[pd.DataFrame] = []
    taken_b = np.zeros(len(books), dtype=bool)
    taken_p = np.zeros(len(portal), dtype=bool)

    def take(pairs: pd.DataFrame) -> None:
        if pairs.empty:
            return
        found.append(pairs)
        taken_b[pairs["b"].to_numpy(dtype=np.int64)] = True
        taken_p[pairs["p"].to_numpy(dtype=np.int64)] = True

    same_bill = _pair_on(books, portal, ["gstin", "key", "credit"])
    take(_exact_or_mismatched(same_bill, tolerance, same_pan=False))
    other_gstin = _pair_on(books[~taken_b], portal[~taken_p], ["pan", "key", "credit"])
    other_gstin = other_gstin[other_gstin["gstin_b"] != other_gstin["gstin_p"]]
    if len(other_gstin):
        take(_exact_or_mismatched(other_gstin.reset_index(drop=True), tolerance, same_pan=True))
    take(_suggested(books[~taken_b], portal[~taken_p], tolerance, suggest_days))

    pairs = _pair_frame(found, books, portal, periods)
    return GstRecon(
        books=books,
        portal=portal,
        pairs=pairs,
        missing_in_books=_missing_in_books(portal[~taken_p]),
        missing_in_2b=_missing_in_2b(books[~taken_b], periods),
        periods=periods,
    )


PAIR_FIELDS = ("b", "p", "stage", "why", "differences")


def _pair_frame(
    found: list[pd.DataFrame], books: pd.DataFrame, portal: pd.DataFrame, periods: tuple[str, ...]
) -> pd.DataFrame:
    if not found:
        pairs = pd.DataFrame({name: pd.Series(dtype=object) for name in PAIR_FIELDS})
        pairs["b"] = pairs["b"].astype(np.int64)
        pairs["p"] = pairs["p"].astype(np.int64)
    else:
        pairs = pd.concat([f[list(PAIR_FIELDS)] for f in found], ignore_index=True)
    b = pairs["b"].to_numpy(dtype=np.int64)
    p = pairs["p"].to_numpy(dtype=np.int64)
    view = pd.DataFrame(
        {
            "bill_date_b": books["bill_date"].to_numpy()[b],
            "period": portal["period"].astype(str).to_numpy()[p],
            "amendment": portal["section"].isin(AMENDMENTS).to_numpy()[p],
        }
    )
    pairs["late"] = _late(view, periods).to_numpy()
    tax_b = books["tax"].to_numpy()[b]
    tax_p = portal["tax"].to_numpy()[p]
    available = portal["itc_available"].to_numpy(dtype=bool)[p]
    claimed_above = np.where(
        pairs["stage"].to_numpy() == Stage.MISMATCHED.value, np.maximum(tax_b - tax_p, 0), 0
    )
    pairs["at_risk"] = np.where(available, claimed_above, np.maximum(tax_b, 0)).astype(np.int64)
    reason = portal["itc_reason"].astype(str).to_numpy()[p]
    not_available = ~available
    if not_available.any():
        pairs.loc[not_available, "why"] = (
            pairs.loc[not_available, "why"].astype(str)
            + "; 2B: credit not available"
            + np.where(reason[not_available] != "", " (" + reason[not_available] + ")", "")
        )
    late = pairs["late"] != ""
    pairs.loc[late, "why"] = (
        pairs.loc[late, "why"].astype(str)
        + "; only in the 2B of "
        + pairs.loc[late, "late"].astype(str)
        + " (later than the bill's month): the credit moves there"
    )
    return pairs


def _missing_in_books(portal: pd.DataFrame) -> pd.DataFrame:
    out = portal.copy()
    out["why"] = (
        "In the 2B of "
        + out["period"].astype(str)
        + " ("
        + out["section"].astype(str)
        + "), no bill of GSTIN "
        + out["gstin"]
        + " with this number or these amounts in the books: book it, or reject it in IMS"
    )
    out["at_risk"] = np.zeros(len(out), dtype=np.int64)
    return out


def _missing_in_2b(books: pd.DataFrame, periods: tuple[str, ...]) -> pd.DataFrame:
    """The bills no 2B holds. One dated after the last 2B given is not late yet: its supplier
    reports it in a later 2B, so no credit is at risk; one dated before the first was due in a
    2B not given."""
    out = books.copy()
    upto = f" up to {periods[-1]}" if periods else ""
    month = out["bill_date"].dt.strftime("%Y-%m").fillna("")
    ahead = (month > periods[-1]).to_numpy() if periods else np.zeros(len(out), dtype=bool)
    before = (month < periods[0]).to_numpy() & (month != "").to_numpy() if periods else ahead
    blank = (out["gstin"] == "").to_numpy()
    out["why"] = np.select(
        [blank, ahead, before],
        [
            "The vendor has no GSTIN in the books: no credit can be matched",
            "Dated after the last 2B given (" + (periods[-1] if periods else "") + "): it comes "
            "in a later 2B, not missing yet",
            "Not in the 2B given"
            + upto
            + "; dated before the first ("
            + (periods[0] if periods else "")
            + "): look in the 2B of its month",
        ],
        "Not in the 2B given" + upto + ": the supplier has not reported it under our GSTIN",
    )
    out["at_risk"] = np.where(ahead, 0, np.maximum(out["tax"].to_numpy(), 0)).astype(np.int64)
    out["ahead"] = ahead
    return out


class Decision(StrEnum):
    """What the accountant wrote beside a suggested pair."""

    ACCEPT = "Accept"
    REJECT = "Reject"


def decide(recon: GstRecon, decisions: dict[tuple[int, int], Decision]) -> GstRecon:
    """Apply the accountant's decisions on suggested pairs, each keyed by (books, 2B) position:
    an accepted pair becomes Matched (its reason says so); a rejected one leaves the pairs, its
    bill to Missing in 2B and its record to Missing in the books, each saying it was rejected.
    Decisions on pairs that are not suggested now are ignored (the caller reports them)."""
    pairs = recon.pairs
    suggested = (pairs["stage"] == Stage.SUGGESTED.value).to_numpy(dtype=bool)
    keys = list(zip(pairs["b"].tolist(), pairs["p"].tolist(), strict=True))
    decision = np.array([decisions.get(k, "") for k in keys], dtype=object)
    decision[~suggested] = ""
    suggestions = pairs[suggested].assign(decision=decision[suggested].astype(str))
    accept = decision == Decision.ACCEPT.value
    reject = decision == Decision.REJECT.value
    pairs = pairs.copy()
    pairs.loc[accept, "stage"] = Stage.MATCHED.value
    pairs.loc[accept, "why"] = "Accepted by you on the Suggested sheet: " + pairs.loc[
        accept, "why"
    ].astype(str)
    split = pairs[reject]
    b = split["b"].to_numpy(dtype=np.int64)
    p = split["p"].to_numpy(dtype=np.int64)
    books_no = recon.books["bill_no"].astype(str).to_numpy(dtype=object)
    portal_no = recon.portal["bill_no"].astype(str).to_numpy(dtype=object)
    not_booked = _missing_in_books(recon.portal.iloc[p])
    not_booked["why"] = (
        "You rejected the suggested pair with the books' bill "
        + books_no[b]
        + ": "
        + not_booked["why"].to_numpy(dtype=object)
    )
    not_reported = _missing_in_2b(recon.books.iloc[b], recon.periods)
    not_reported["why"] = (
        "You rejected the suggested pair with 2B's " + portal_no[p] + ": "
    ) + not_reported["why"].to_numpy(dtype=object)
    return replace(
        recon,
        pairs=pairs[~reject].reset_index(drop=True),
        missing_in_books=pd.concat([recon.missing_in_books, not_booked], ignore_index=True),
        missing_in_2b=pd.concat([recon.missing_in_2b, not_reported], ignore_index=True),
        suggestions=suggestions.reset_index(drop=True),
    )
