"""Pass 4: near misses among the lines left open, offered as suggestions and never matched —
the same reference with another amount, digits transposed, a bank charge or TDS taken off.
Each is a join within the window (`band_join`), never every open line against every other;
a near amount between two parties whose names differ is no suggestion, and a bank line gets at
most TIED_SHOWN of each kind, the nearest in date (round amounts would otherwise offer
thousands).
"""

from __future__ import annotations

from collections.abc import Callable

import numpy as np
import pandas as pd

from xlbo.bank.parties import likenesses
from xlbo.bank.scoring import NAMES_DIFFER_BELOW, TDS_RATES, TIED_SHOWN, TYPICAL_CHARGES
from xlbo.bank.side import Side
from xlbo.bank.window import Window, band_join
from xlbo.money import format_inr, from_paise


def _transposed(a: int, b: int) -> bool:
    x, y = str(abs(a)), str(abs(b))
    return (
        a != b
        and len(x) == len(y)
        and sorted(x) == sorted(y)
        and sum(c != d for c, d in zip(x, y, strict=True)) == 2
    )


def _digit_key(values: np.ndarray) -> np.ndarray:
    """The same number for amounts written with the same digits in any order and the same
    direction: how many of each digit, four bits a digit, and the sign."""
    rest = np.abs(values.astype(np.int64))
    key = np.zeros(len(values), dtype=np.int64)
    first = np.ones(len(values), dtype=bool)
    while True:
        live = first | (rest > 0)
        if not live.any():
            break
        digit = rest % 10
        key += np.where(live, np.left_shift(np.int64(1), 4 * digit), 0)
        rest //= 10
        first[:] = False
    return np.where(values > 0, key, -key)


def near_misses(
    bank: Side, ledger: Side, bank_open: np.ndarray, ledger_open: np.ndarray, window: Window
) -> pd.DataFrame:
    """Near matches among the open lines, found by window joins (`band_join`) on the reference,
    on the digits, and on the amount shifted by a bank charge or by TDS — only pairs within the
    window are ever listed, never every open line against every other."""
    bank_at = np.flatnonzero(bank_open)
    ledger_at = np.flatnonzero(ledger_open)
    bank_signed = bank.lines["signed"].to_numpy()[bank_at]
    ledger_signed = ledger.lines["signed"].to_numpy()[ledger_at]
    bank_day = bank.lines["day"].to_numpy()[bank_at]
    ledger_day = ledger.lines["day"].to_numpy()[ledger_at]
    found: list[pd.DataFrame] = []

    def join(
        bank_key: np.ndarray, ledger_key: np.ndarray, rows: np.ndarray | None = None
    ) -> tuple[np.ndarray, np.ndarray]:
        """(open bank index, open ledger index) pairs with equal keys within the window;
        `rows` says which open bank line each bank key belongs to (several keys a line)."""
        rows = np.arange(len(bank_at)) if rows is None else rows
        left, right = band_join(bank_key, bank_day[rows], ledger_key, ledger_day, window)
        return rows[left], right

    bank_party = bank.lines["party"].fillna("").astype(str).to_numpy(dtype=object)[bank_at]
    ledger_party = ledger.lines["party"].fillna("").astype(str).to_numpy(dtype=object)[ledger_at]

    def add(
        left: np.ndarray,
        right: np.ndarray,
        kind: str,
        why: Callable[[np.ndarray], list[str]],
        names_count: bool = True,
    ) -> None:
        """Offer the pairs (open bank index, open ledger index) as `kind`, explained by `why`
        of the pairs kept: not where both names are known and differ (unless `names_count` is
        off: a shared reference outweighs names), and at most TIED_SHOWN a bank line, the
        nearest in date."""
        keep = np.ones(len(left), dtype=bool)
        if names_count and len(left):
            ours, theirs = bank_party[left], ledger_party[right]
            known = (ours != "") & (theirs != "")
            alike = np.full(len(left), 100, dtype=np.int64)
            alike[known] = likenesses(ours[known], theirs[known])
            keep = alike >= NAMES_DIFFER_BELOW
        kept = np.flatnonzero(keep)
        apart = np.abs(bank_day[left[kept]] - ledger_day[right[kept]])
        order = np.lexsort((apart, left[kept]))
        kept = kept[order]
        first = np.r_[True, left[kept][1:] != left[kept][:-1]]
        place = np.arange(len(kept)) - np.maximum.accumulate(
            np.where(first, np.arange(len(kept)), 0)
        )
        kept = np.sort(kept[place < TIED_SHOWN])
        found.append(
            pd.DataFrame(
                {
                    "b": bank_at[left[kept]],
                    "l": ledger_at[right[kept]],
                    "kind": kind,
                    "why": pd.Series(why(kept), dtype=object),
                }
            )
        )

    # the same reference with another amount
    index_b = np.full(len(bank), -1)
    index_b[bank_at] = np.arange(len(bank_at))
    index_l = np.full(len(ledger), -1)
    index_l[ledger_at] = np.arange(len(ledger_at))
    tokens_b = bank.tokens[index_b[bank.tokens["position"].to_numpy(dtype=np.int64)] >= 0]
    tokens_l = ledger.tokens[index_l[ledger.tokens["position"].to_numpy(dtype=np.int64)] >= 0]
    codes, names = pd.factorize(pd.concat([tokens_b["token"], tokens_l["token"]]))
    codes_b, codes_l = codes[: len(tokens_b)], codes[len(tokens_b) :]
    rows_b = index_b[tokens_b["position"].to_numpy(dtype=np.int64)]
    rows_l = index_l[tokens_l["position"].to_numpy(dtype=np.int64)]
    entry_b, entry_l = band_join(codes_b, bank_day[rows_b], codes_l, ledger_day[rows_l], window)
    left, right = rows_b[entry_b], rows_l[entry_l]
    token_of = np.asarray(names, dtype=object)[codes_b[entry_b]]
    ours, theirs = bank_signed[left], ledger_signed[right]
    keep = (ours != theirs) & ((ours > 0) == (theirs > 0))
    left, right, token_of, ours, theirs = (
        left[keep],
        right[keep],
        token_of[keep],
        ours[keep],
        theirs[keep],
    )
    add(
        left,
        right,
        "Same reference, other amount",
        lambda kept: [
            f"reference {t} on both sides but the amounts differ by {format_inr(from_paise(abs(int(o - h))))}"
            for t, o, h in zip(token_of[kept], ours[kept], theirs[kept], strict=True)
        ],
        names_count=False,
    )

    # digits transposed: same digits, same direction, another amount
    # first between distinct amounts (few), then the lines of each such pair of amounts
    ours_amounts, theirs_amounts = pd.unique(bank_signed), pd.unique(ledger_signed)
    amounts = pd.DataFrame({"ours": ours_amounts, "key": _digit_key(ours_amounts)}).merge(
        pd.DataFrame({"theirs": theirs_amounts, "key": _digit_key(theirs_amounts)}), on="key"
    )
    amounts = amounts[amounts["ours"] != amounts["theirs"]]
    amounts = amounts[
        np.array(
            [
                _transposed(int(o), int(h))
                for o, h in zip(amounts["ours"], amounts["theirs"], strict=True)
            ],
            dtype=bool,
        )
    ]
    lines = pd.DataFrame({"line": np.arange(len(bank_at)), "ours": bank_signed}).merge(
        amounts[["ours", "theirs"]], on="ours"
    )
    rows = lines["line"].to_numpy(dtype=np.int64)
    left, right = join(lines["theirs"].to_numpy(dtype=np.int64), ledger_signed, rows)
    ours, theirs = bank_signed[left], ledger_signed[right]
    add(
        left,
        right,
        "Digits transposed",
        lambda kept: [
            f"{format_inr(from_paise(abs(int(o))))} and {format_inr(from_paise(abs(int(h))))} have the same digits in another order"
            for o, h in zip(ours[kept], theirs[kept], strict=True)
        ],
    )

    # bank charges: the amount shifted by a typical charge
    sign = np.where(bank_signed > 0, 1, -1)
    charges = np.array([c * d for c in TYPICAL_CHARGES for d in (1, -1)], dtype=np.int64)
    rows = np.tile(np.arange(len(bank_at)), len(charges))
    shift = np.repeat(charges, len(bank_at))
    left, right = join(bank_signed[rows] + sign[rows] * shift, ledger_signed, rows)
    charge = np.abs(ledger_signed[right] - bank_signed[left])
    add(
        left,
        right,
        "Bank charges",
        lambda kept: [
            f"differs by {format_inr(from_paise(abs(int(c))))}, a typical bank charge with GST"
            for c in charge[kept]
        ],
    )

    # TDS: the books' amount less TDS at 1, 2 or 10 percent is what the bank shows
    for rate in TDS_RATES:
        # the books' amount W with W − TDS = what the bank shows, TDS to the paisa or, as
        # section 288B has it, rounded to the rupee
        received = np.abs(bank_signed)
        books = np.rint(received * 100 / (100 - rate)).astype(np.int64)
        steps = np.array([-1, 0, 1], dtype=np.int64)
        rows = np.tile(np.arange(len(bank_at)), len(steps))
        whole = books[rows] + np.repeat(steps, len(bank_at))
        paisa = whole - received[rows] == np.rint(whole * rate / 100).astype(np.int64)
        tds = np.rint(books * rate / 10_000).astype(np.int64)[rows] * 100
        tds += np.repeat(steps, len(bank_at)) * 100
        rupee_whole = received[rows] + tds
        rupee = tds == np.rint(rupee_whole * rate / 10_000).astype(np.int64) * 100
        rows = np.concatenate([rows[paisa], rows[rupee]])
        whole = np.concatenate([whole[paisa], rupee_whole[rupee]])
        left, right = join(sign[rows] * whole, ledger_signed, rows)
        gaps = np.abs(ledger_signed[right]) - np.abs(bank_signed[left])

        def tds_why(kept: np.ndarray, gaps: np.ndarray = gaps, rate: int = rate) -> list[str]:
            return [
                f"differs by {format_inr(from_paise(abs(int(g))))}: TDS at {rate}% of the books' amount"
                for g in gaps[kept]
            ]

        add(left, right, "TDS deducted", tds_why)
    if not found:
        return pd.DataFrame(columns=["b", "l", "kind", "why"])
    frame = pd.concat(found, ignore_index=True)
    return frame.drop_duplicates(["b", "l"]).sort_values("b", kind="stable")
