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

from xlbo.arrays import order_by
from xlbo.bank.parties import CHARGE_WORDS, likenesses
from xlbo.bank.references import shown
from xlbo.bank.scoring import (
    GST_RATE,
    MDR_RATES,
    NAMES_DIFFER_BELOW,
    TDS_GST_RATES,
    TDS_GST_SMALLEST,
    TDS_RATES,
    TIED_SHOWN,
    TYPICAL_CHARGES,
)
from xlbo.bank.side import Side
from xlbo.bank.splits import CARD_WORDS
from xlbo.bank.window import Window, band_join
from xlbo.columns import contains, contains_distinct
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
    lines = _Open(bank, ledger, bank_open, ledger_open, window)
    _same_reference(lines)
    _transposed_digits(lines)
    _bank_charges(lines)
    _tds(lines)
    _card_mdr(lines)
    if not lines.found:
        return pd.DataFrame(columns=["b", "l", "kind", "why"])
    frame = pd.concat(lines.found, ignore_index=True)
    return frame.drop_duplicates(["b", "l"]).sort_values("b", kind="stable")


TDS_DEDUCTED = "TDS deducted"
"""The kind of a suggestion, and the rule of a match (`match._tds_short_receipts`), where the bank
shows the books' amount less the TDS the customer deducted."""


def tds_deducted(
    bank: Side, ledger: Side, bank_open: np.ndarray, ledger_open: np.ndarray, window: Window
) -> pd.DataFrame:
    """The open pairs (b, l, kind, why) where the bank shows the books' amount less TDS
    (`_tds`): every rate's, whatever the names (the caller weighs them: a payer the month's
    sure pairs taught is the party's, however unlike its name)."""
    lines = _Open(bank, ledger, bank_open, ledger_open, window, names_count=False)
    _tds(lines)
    if not lines.found:
        return pd.DataFrame(columns=["b", "l", "kind", "why"])
    return pd.concat(lines.found, ignore_index=True).drop_duplicates(["b", "l"])


class _Open:
    """The open lines of both sides, by their place among the open (`bank_at`, `ledger_at` give
    their positions on each side), and the near misses offered so far."""

    def __init__(
        self,
        bank: Side,
        ledger: Side,
        bank_open: np.ndarray,
        ledger_open: np.ndarray,
        window: Window,
        names_count: bool = True,
    ) -> None:
        self.bank, self.ledger, self.window = bank, ledger, window
        self.names_count = names_count
        """Whether pairs whose names are known and differ are left out (`offer`)."""
        self.bank_at = np.flatnonzero(bank_open)
        self.ledger_at = np.flatnonzero(ledger_open)
        self.bank_signed = bank.lines["signed"].to_numpy()[self.bank_at]
        self.ledger_signed = ledger.lines["signed"].to_numpy()[self.ledger_at]
        self.bank_day = bank.lines["day"].to_numpy()[self.bank_at]
        self.ledger_day = ledger.lines["day"].to_numpy()[self.ledger_at]
        self.bank_party = _parties(bank)[self.bank_at]
        self.ledger_party = _parties(ledger)[self.ledger_at]
        self.found: list[pd.DataFrame] = []
        self._charges: tuple[np.ndarray, np.ndarray, np.ndarray] | None = None

    def charges(self) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
        """Which open bank lines are a bank's charge (charge words, no one named), which open
        ledger lines say charges or commission, and which are the bank's charges ledger: read
        once (`_no_charges`)."""
        if self._charges is None:
            text = self.bank.lines["text"].iloc[self.bank_at].fillna("").astype(str)
            book_text = self.ledger.lines["text"].iloc[self.ledger_at].fillna("").astype(str)
            self._charges = (
                np.asarray(contains_distinct(text, CHARGE_WORDS), dtype=bool)
                & (self.bank_party == ""),
                np.asarray(contains_distinct(book_text, CHARGE_WORDS), dtype=bool),
                np.asarray(contains_distinct(book_text, BANK_CHARGES_LEDGER), dtype=bool),
            )
        return self._charges

    def join(
        self, bank_key: np.ndarray, ledger_key: np.ndarray, rows: np.ndarray | None = None
    ) -> tuple[np.ndarray, np.ndarray]:
        """(open bank index, open ledger index) pairs with equal keys within the window;
        `rows` says which open bank line each bank key belongs to (several keys a line)."""
        rows = np.arange(len(self.bank_at)) if rows is None else rows
        left, right = band_join(
            bank_key, self.bank_day[rows], ledger_key, self.ledger_day, self.window
        )
        return rows[left], right

    def offer(
        self,
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
        if names_count and self.names_count and len(left):
            ours, theirs = self.bank_party[left], self.ledger_party[right]
            known = (ours != "") & (theirs != "")
            alike = np.full(len(left), 100, dtype=np.int64)
            alike[known] = likenesses(ours[known], theirs[known])
            keep = alike >= NAMES_DIFFER_BELOW
        kept = np.flatnonzero(keep)
        apart = np.abs(self.bank_day[left[kept]] - self.ledger_day[right[kept]])
        order = order_by(left[kept], apart)
        kept = kept[order]
        first = np.r_[True, left[kept][1:] != left[kept][:-1]]
        place = np.arange(len(kept)) - np.maximum.accumulate(
            np.where(first, np.arange(len(kept)), 0)
        )
        kept = np.sort(kept[place < TIED_SHOWN])
        self.found.append(
            pd.DataFrame(
                {
                    "b": self.bank_at[left[kept]],
                    "l": self.ledger_at[right[kept]],
                    "kind": kind,
                    "why": pd.Series(why(kept), dtype=object),
                }
            )
        )


def _parties(side: Side) -> np.ndarray:
    return np.asarray(side.lines["party"].fillna("").astype(str).to_numpy(dtype=object))


def _same_reference(lines: _Open) -> None:
    """The same reference (UTR, cheque number) on both sides, with another amount."""
    bank, ledger = lines.bank, lines.ledger
    index_b = np.full(len(bank), -1)
    index_b[lines.bank_at] = np.arange(len(lines.bank_at))
    index_l = np.full(len(ledger), -1)
    index_l[lines.ledger_at] = np.arange(len(lines.ledger_at))
    tokens_b = bank.tokens[index_b[bank.tokens["position"].to_numpy(dtype=np.int64)] >= 0]
    tokens_l = ledger.tokens[index_l[ledger.tokens["position"].to_numpy(dtype=np.int64)] >= 0]
    codes, _ = pd.factorize(pd.concat([tokens_b["token"], tokens_l["token"]]))
    codes_b, codes_l = codes[: len(tokens_b)], codes[len(tokens_b) :]
    rows_b = index_b[tokens_b["position"].to_numpy(dtype=np.int64)]
    rows_l = index_l[tokens_l["position"].to_numpy(dtype=np.int64)]
    entry_b, entry_l = band_join(
        codes_b, lines.bank_day[rows_b], codes_l, lines.ledger_day[rows_l], lines.window
    )
    left, right = rows_b[entry_b], rows_l[entry_l]
    token_of = shown(tokens_b).to_numpy(dtype=object)[entry_b]  # as the bank wrote it
    ours, theirs = lines.bank_signed[left], lines.ledger_signed[right]
    keep = (ours != theirs) & ((ours > 0) == (theirs > 0))
    left, right, token_of, ours, theirs = (
        left[keep],
        right[keep],
        token_of[keep],
        ours[keep],
        theirs[keep],
    )
    lines.offer(
        left,
        right,
        "Same reference, other amount",
        lambda kept: [
            f"reference {t} on both sides but the amounts differ by {format_inr(from_paise(abs(int(o - h))))}"
            for t, o, h in zip(token_of[kept], ours[kept], theirs[kept], strict=True)
        ],
        names_count=False,
    )


def _transposed_digits(lines: _Open) -> None:
    """The same digits in another order, the same direction: first between distinct amounts
    (few), then the lines of each such pair of amounts."""
    bank_signed, ledger_signed = lines.bank_signed, lines.ledger_signed
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
    pairs = pd.DataFrame({"line": np.arange(len(lines.bank_at)), "ours": bank_signed}).merge(
        amounts[["ours", "theirs"]], on="ours"
    )
    rows = pairs["line"].to_numpy(dtype=np.int64)
    left, right = lines.join(pairs["theirs"].to_numpy(dtype=np.int64), ledger_signed, rows)
    ours, theirs = bank_signed[left], ledger_signed[right]
    lines.offer(
        left,
        right,
        "Digits transposed",
        lambda kept: [
            f"{format_inr(from_paise(abs(int(o))))} and {format_inr(from_paise(abs(int(h))))} have the same digits in another order"
            for o, h in zip(ours[kept], theirs[kept], strict=True)
        ],
    )


def _no_charges(
    lines: _Open, left: np.ndarray, right: np.ndarray, books_bank_only: bool = False
) -> tuple[np.ndarray, np.ndarray]:
    """The pairs (open bank index, open ledger index) but those of a bank's charge (charge
    words, no one named: `NEFT CHGS INCL GST`) or of the books' charges: any ledger that says
    charges or commission, or with `books_bank_only` only the bank's (`Bank Charges`), where
    `Commission Received` and `Freight Charges` are a customer's receipts like any other."""
    a_charge, books_charges, books_bank_charges = lines.charges()
    books = books_bank_charges if books_bank_only else books_charges
    keep = ~a_charge[left] & ~books[right]
    return left[keep], right[keep]


BANK_CHARGES_LEDGER = r"(?i)\bBANK\b.*\b(?:CHARGES?|CHGS?|COMMISSION)\b"
"""The books' ledger of the bank's own charges (`Bank Charges`, `Bank Charges & Commission`)."""


def _bank_charges(lines: _Open) -> None:
    """The amount shifted by a typical bank charge (with GST): a payment with the charge on
    it. Not a charge itself (charge words, no one named), nor the books' own charges: `TO SMS
    ALERT CHARGES` of 17.70 is no 11.80 of Bank Charges with a charge of 5.90 on it (on an
    outsider's months, 67 to 77 such suggestions a month, none right). `… SHREE FREIGHT
    CARRIERS-FREIGHT CHARGES` and `DD ISSUED … FAVG MSEDCL INCL CHGS` (a draft with its
    commission on it) are payments, their parties' lines the books'."""
    bank_signed, ledger_signed = lines.bank_signed, lines.ledger_signed
    count = len(lines.bank_at)
    sign = np.where(bank_signed > 0, 1, -1)
    charges = np.array([c * d for c in TYPICAL_CHARGES for d in (1, -1)], dtype=np.int64)
    rows = np.tile(np.arange(count), len(charges))
    shift = np.repeat(charges, count)
    left, right = lines.join(bank_signed[rows] + sign[rows] * shift, ledger_signed, rows)
    left, right = _no_charges(lines, left, right)
    charge = np.abs(ledger_signed[right] - bank_signed[left])
    lines.offer(
        left,
        right,
        "Bank charges",
        lambda kept: [
            f"differs by {format_inr(from_paise(abs(int(c))))}, a typical bank charge with GST"
            for c in charge[kept]
        ],
    )


def _tds(lines: _Open) -> None:
    """The books' amount less TDS at 1, 2 or 10 percent is what the bank shows: the books'
    amount W with W − TDS = what the bank shows, TDS to the paisa or, as section 288B has it,
    rounded to the rupee; then TDS on an invoice's value before GST (`_tds_at`). Never on a
    bank's charges (`_no_charges`)."""
    for rate in TDS_RATES:
        _tds_at(lines, rate, 0)
    for rate in TDS_RATES:
        for gst in TDS_GST_RATES:
            _tds_at(lines, rate, gst)


def _half_up(amount: np.ndarray) -> np.ndarray:
    """Rounded to the nearest whole, a half up, as section 288B rounds tax and a deductor its
    TDS (2,500.50 is 2,501; NumPy's `rint` makes it 2,500, the even one)."""
    return np.floor(np.asarray(amount, dtype=np.float64) + 0.5)


def _tds_at(lines: _Open, rate: int, gst: int) -> None:
    """The books' amount W less TDS at `rate` percent of its value before GST at `gst` percent
    (W × 100 / (100 + gst); W itself where `gst` is 0), to the paisa or to the rupee, is what
    the bank shows: 1,18,000.00 less 2% of 1,00,000.00 is 1,16,000.00. With GST, only from
    TDS_GST_SMALLEST."""

    def before_gst(amount: np.ndarray) -> np.ndarray:
        return amount if gst == 0 else _half_up(amount * 100 / (100 + gst))

    bank_signed, ledger_signed = lines.bank_signed, lines.ledger_signed
    count = len(lines.bank_at)
    received = np.abs(bank_signed)
    books = np.rint(received * (100 + gst) / (100 + gst - rate)).astype(np.int64)
    steps = np.array([-1, 0, 1], dtype=np.int64)
    rows = np.tile(np.arange(count), len(steps))
    whole = books[rows] + np.repeat(steps, count)
    paisa = whole - received[rows] == _half_up(before_gst(whole) * rate / 100).astype(np.int64)
    # rounded to the rupee: the TDS in rupees, one either side of the estimate
    tds = _half_up(before_gst(books) * rate / 10_000).astype(np.int64)[rows] * 100
    tds += np.repeat(steps, count) * 100
    rupee_whole = received[rows] + tds
    rupee = tds == _half_up(before_gst(rupee_whole) * rate / 10_000).astype(np.int64) * 100
    # a TDS of nothing is no TDS: 29.50 of bank charges is no 29.50 less 1% rounded to 0.00;
    # nor is one under a rupee, which rounds to none (section 288B): 4.50 is no 5.00 less 10%
    paisa &= whole - received[rows] >= 100
    rupee &= tds > 0
    rows = np.concatenate([rows[paisa], rows[rupee]])
    whole = np.concatenate([whole[paisa], rupee_whole[rupee]])
    if gst:
        rows, whole = rows[whole >= TDS_GST_SMALLEST], whole[whole >= TDS_GST_SMALLEST]
    sign = np.where(bank_signed > 0, 1, -1)
    left, right = lines.join(sign[rows] * whole, ledger_signed, rows)
    # no TDS is deducted from a bank's charges, nor booked on them
    left, right = _no_charges(lines, left, right, books_bank_only=True)
    gaps = np.abs(ledger_signed[right]) - np.abs(bank_signed[left])
    said = f"TDS at {rate}% of the books' amount" + (f" before GST at {gst}%" if gst else "")

    def why(kept: np.ndarray) -> list[str]:
        return [f"differs by {format_inr(from_paise(abs(int(g))))}: {said}" for g in gaps[kept]]

    lines.offer(left, right, TDS_DEDUCTED, why)


def _card_mdr(lines: _Open) -> None:
    """A card settlement the bank credits net of the acquirer's MDR and the GST on it: the
    books' gross card sales G less MDR at a rate of MDR_RATES (to the paisa) and GST_RATE on
    that is the credit (1,00,000.00 less 1,000.00 and 180.00 is 98,820.00)."""
    money_in = lines.bank_signed > 0
    text = lines.bank.lines["text"].iloc[lines.bank_at].fillna("").astype(str)
    card = np.flatnonzero(money_in & contains(text, CARD_WORDS))
    if not len(card):
        return
    received = lines.bank_signed[card]
    for rate in MDR_RATES:  # basis points
        kept_share = rate * (100 + GST_RATE)  # of the gross, in millionths
        gross = np.rint(received * 1_000_000 / (1_000_000 - kept_share)).astype(np.int64)
        mdr = np.rint(gross * rate / 10_000).astype(np.int64)
        gst = np.rint(mdr * GST_RATE / 100).astype(np.int64)
        exact = np.abs(gross - mdr - gst - received) <= 1
        if not exact.any():
            continue
        rows, whole = card[exact], gross[exact]
        left, right = lines.join(whole, lines.ledger_signed, rows)
        whole, hundredths = divmod(rate, 100)  # basis points as a percentage: 0.40%
        said = f"{whole}.{hundredths:02d}%"

        def why(
            kept: np.ndarray, left: np.ndarray = left, right: np.ndarray = right, said: str = said
        ) -> list[str]:
            gaps = lines.ledger_signed[right[kept]] - lines.bank_signed[left[kept]]
            return [
                f"differs by {format_inr(from_paise(int(g)))}: the card acquirer's MDR at "
                f"{said} and GST on it, kept from the settlement — book them as charges"
                for g in gaps
            ]

        lines.offer(left, right, "Card settlement net of MDR", why, names_count=False)
