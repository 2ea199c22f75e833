"""The Bank Reconciliation Statement in the form Indian auditors expect.

    Balance as per bank statement                                        1,24,982.30
    Add: Cheques deposited and receipts in the books not yet credited by the bank
        30-10-2026  Vardhaman Retail            RCT/9          8,000.00
    Total receipts in the books not yet credited                           8,000.00
    Less: Cheques issued and payments in the books not yet debited by the bank
        30-10-2026  Om Sai Logistics            PMT/9          5,000.00
    Total payments in the books not yet debited                            5,000.00
    Add: Debits in the bank not yet in the books (charges, NACH, returns)
        31-10-2026  SMS CHGS JUL-SEP INCL GST                     17.70
    Total debits in the bank not yet in the books                             17.70
    Less: Credits in the bank not yet in the books (interest, receipts)          Nil
    Add: Differences on matches, to be booked (TDS, charges)                    Nil
    Balance as per books (computed)                                     1,28,000.00
    Balance as per books (ledger)                                       1,28,000.00
    Difference                                                                 0.00

Every figure is listed line by line beneath its heading (date, particulars or narration, voucher
number or reference, amount), so an auditor can tick each one; the difference is 0.00 when every
line is matched or listed. Amounts under Add and Less are written as positive figures, as in
the books; the heading says which way they go (a confirmed pair where the bank's amount is the
greater goes under a Less heading of its own, shown only then). A heading with nothing under it says `Nil`, as an
accountant writes it, and has no subtotal.

A book entry still outstanding more than STALE_AFTER_MONTHS after its date is stale, and says so
after its particulars: a cheque issued on 15-06-2026 and not presented by 31-10-2026

        15-06-2026  Lakshmi Printers — stale: over 3 months, write it back in the books   18,760.00
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from enum import StrEnum

import numpy as np
import pandas as pd

from xlbo.columns import day_numbers

STALE_AFTER_MONTHS = 3
"""A cheque is valid for three months from its date (RBI, since 1 April 2012): one issued, or
deposited, and still outstanding on a BRS more than three months after its date will never clear.
The books should write it back (a cheque issued: the payee is owed again; one received: the
customer owes again), so the BRS marks every book entry so old (`STALE`), and the Summary counts
them."""
STALE = " — stale: over 3 months, write it back in the books"
"""What the BRS writes after the particulars of a stale book entry (see STALE_AFTER_MONTHS)."""
TWICE = " — entered twice? {voucher}of the same day, party and amount is cleared"
"""What the BRS writes after the particulars of a book entry outstanding while another of the
same day, ledger (party) and amount, the same way, was cleared by the bank: a receipt or payment
entered twice is the commonest such item, and an auditor asks about it (`entered_twice`)."""

ITEM_COLUMNS = ("date", "particulars", "reference", "amount")
"""The columns of a BRS section's items: the line's date, its particulars (books) or narration
(bank), its voucher number or reference, and its amount in paise."""

BANK_BALANCE = "Balance as per bank statement"
BOOKS_COMPUTED = "Balance as per books (computed)"
BOOKS_LEDGER = "Balance as per books (ledger)"
DIFFERENCE = "Difference"
NIL = "Nil"
"""What the total of a heading with nothing under it says."""
BANK_NOT_GIVEN = "Balance as per bank statement: the statement gives none (see Integrity)"
OVERDRAFT_BANK = "Overdraft as per bank statement"
OVERDRAFT_COMPUTED = "Overdraft as per books (computed)"
OVERDRAFT_LEDGER = "Overdraft as per books (ledger)"
"""The balances of a BRS that starts from an overdraft (a cash credit account drawn, the
bank's balance Dr), whose headings say Add and Less the other way round (`heading`): read
as written, 5,11,465.00 Dr overdrawn, Add 67,850.00 of cheques not yet presented, is the
5,79,970.00 Cr the books show; 'Less' under a balance shown as 5,11,465.00 Dr read as
4,43,615.00."""
BANK_EXPECTED = "Balance the bank should show (the books' balance adjusted by the items above)"
"""Where the statement gives no balance, the BRS runs from the books to the balance the bank
should show, for the user to compare with the bank's closing balance; it has no difference."""


class Section(StrEnum):
    """The headings of the BRS, in order; each lists its lines and ends with its subtotal."""

    # a transfer booked on the 31st that the bank shows on the 1st is listed with the cheques:
    # the headings say both, not "cheques" alone
    DEPOSITS_NOT_CREDITED = (
        "Add: Cheques deposited and receipts in the books not yet credited by the bank"
    )
    CHEQUES_NOT_PRESENTED = (
        "Less: Cheques issued and payments in the books not yet debited by the bank"
    )
    BANK_DEBITS = "Add: Debits in the bank not yet in the books (charges, NACH, returns)"
    BANK_CREDITS = "Less: Credits in the bank not yet in the books (interest, receipts)"
    MATCHED_DIFFERENCES = "Add: Differences on matches, to be booked (TDS, charges)"
    MATCHED_EXCESS = "Less: Differences on matches, the bank's amount the greater, to be booked"

    @property
    def subtotal(self) -> str:
        """The label of the section's subtotal line."""
        return SUBTOTALS[self]

    @property
    def adds(self) -> bool:
        return self.value.startswith("Add")

    def heading(self, overdrawn: bool = False) -> str:
        """The heading as the BRS writes it: Add and Less the other way round where it starts
        from an overdraft (a cheque not yet presented leaves the bank's overdraft smaller than
        the books': it is added to it)."""
        if not overdrawn:
            return self.value
        word, rest = self.value.split(":", 1)
        return ("Less" if word == "Add" else "Add") + ":" + rest


SUBTOTALS: dict[Section, str] = {
    Section.DEPOSITS_NOT_CREDITED: "Total receipts in the books not yet credited",
    Section.CHEQUES_NOT_PRESENTED: "Total payments in the books not yet debited",
    Section.BANK_DEBITS: "Total debits in the bank not yet in the books",
    Section.BANK_CREDITS: "Total credits in the bank not yet in the books",
    Section.MATCHED_DIFFERENCES: "Total differences on matches",
    Section.MATCHED_EXCESS: "Total differences on matches, the bank's the greater",
}
EARLIER_SUBTOTALS: dict[Section, str] = {
    Section.MATCHED_DIFFERENCES: "Total differences on confirmed matches",
    Section.MATCHED_EXCESS: "Total differences on confirmed matches, the bank's the greater",
}
"""The subtotals as BRS sheets written before session 47 label them (only a user's confirmed
matches then had differences): an earlier month's BRS is read with either."""
SHOWN_ONLY_WITH_ITEMS = frozenset({Section.MATCHED_EXCESS})
"""Headings the BRS leaves out where nothing is under them, instead of writing Nil: a confirmed
pair where the bank received more, or paid less, than the books say is rare (an excess paid by
a customer), and a Nil line for it on every BRS would only be one more line to read past."""


class Line(StrEnum):
    """What a line of the statement is (how it is shown)."""

    BALANCE = "balance"
    HEADING = "heading"
    ITEM = "item"
    MORE = "more"
    SUBTOTAL = "subtotal"
    NIL = "nil"
    """A heading with nothing under it: `Nil` in its total."""


def no_items() -> pd.DataFrame:
    return pd.DataFrame(
        {
            "date": pd.Series([], dtype=object),
            "particulars": pd.Series([], dtype=object),
            "reference": pd.Series([], dtype=object),
            "amount": pd.Series([], dtype=np.int64),
        }
    )


@dataclass(frozen=True)
class BRS:
    bank_balance: int | None
    """The statement's closing balance; None where it gives none (no balance column, an empty
    one, formulas never calculated)."""
    deposits_not_credited: int
    cheques_not_presented: int
    bank_debits_not_in_books: int
    bank_credits_not_in_books: int
    books_balance: int | None
    matched_differences: int = 0
    """Books minus bank on pairs the user confirmed despite a difference where the books' amount
    is the greater (TDS, charges): to book."""
    matched_excess: int = 0
    """Bank minus books on the confirmed pairs where the bank's amount is the greater (a
    customer paid ₹500 more than the invoice): to book. Listed under a Less heading, so that
    every figure under Add and Less is positive."""
    items: dict[Section, pd.DataFrame] = field(default_factory=dict, compare=False)
    """The lines behind each section's figure (`ITEM_COLUMNS`, amounts in paise)."""
    stale_count: int = 0
    """Book entries outstanding more than STALE_AFTER_MONTHS after their dates (see `stale`)."""
    stale_issued: int = 0
    """… of them, the cheques issued and payments (paise)."""
    stale_deposited: int = 0
    """… and the cheques deposited and receipts (paise)."""
    twice_count: int = 0
    """Book entries on the BRS that may be entered twice (see TWICE)."""

    @property
    def adjustments(self) -> int:
        """What the items add to the bank's balance to give the books'."""
        return (
            self.deposits_not_credited
            - self.cheques_not_presented
            + self.bank_debits_not_in_books
            - self.bank_credits_not_in_books
            + self.matched_differences
            - self.matched_excess
        )

    @property
    def computed_books_balance(self) -> int | None:
        return None if self.bank_balance is None else self.bank_balance + self.adjustments

    @property
    def expected_bank_balance(self) -> int | None:
        """The balance the bank should show: the books' less the items."""
        return None if self.books_balance is None else self.books_balance - self.adjustments

    @property
    def difference(self) -> int | None:
        computed = self.computed_books_balance
        return (
            None
            if self.books_balance is None or computed is None
            else computed - self.books_balance
        )

    def subtotal(self, section: Section) -> int:
        """The section's figure in paise, as written (Add and Less both positive, as a rule)."""
        return {
            Section.DEPOSITS_NOT_CREDITED: self.deposits_not_credited,
            Section.CHEQUES_NOT_PRESENTED: self.cheques_not_presented,
            Section.BANK_DEBITS: self.bank_debits_not_in_books,
            Section.BANK_CREDITS: self.bank_credits_not_in_books,
            Section.MATCHED_DIFFERENCES: self.matched_differences,
            Section.MATCHED_EXCESS: self.matched_excess,
        }[section]


def stale(days: pd.Series, as_on: date | None) -> np.ndarray:
    """Which of the dates `days` are more than STALE_AFTER_MONTHS before `as_on` (none where
    the BRS has no day): on a BRS as on 31-10-2026, 30-07-2026 and before (31-07-2026 is three
    months, not more).

    >>> stale(pd.Series([date(2026, 7, 30), date(2026, 7, 31), None]), date(2026, 10, 31))
    array([ True, False, False])
    """
    if as_on is None:
        return np.zeros(len(days), dtype=bool)
    limit = pd.Timestamp(as_on) - pd.DateOffset(months=STALE_AFTER_MONTHS)
    found = pd.to_datetime(days, errors="coerce") < limit
    return np.asarray(found.to_numpy(dtype=bool), dtype=bool)


def entered_twice(ledger: pd.DataFrame, open_lines: list[int], cleared: list[int]) -> pd.Series:
    """For the `open_lines` (positions in `ledger`) of the same day, particulars (folded), debit
    and credit as a `cleared` line: what TWICE says after their particulars, naming the cleared
    line's voucher; indexed by position. Two entries of one day, party and amount, one cleared
    and one not, are most often one receipt entered twice (helper-116, c02e)."""
    if not open_lines or not cleared:
        return pd.Series([], dtype=object)
    # the day and amounts first, in numbers: at a million lines the names are folded only
    # for the few lines whose day and amounts repeat an open line's
    numbers = pd.DataFrame(
        {
            "day": day_numbers(ledger["date"]),
            "debit": ledger["debit"].to_numpy(dtype=np.int64),
            "credit": ledger["credit"].to_numpy(dtype=np.int64),
        }
    )
    amounts = ["day", "debit", "credit"]
    numbers = numbers[ledger["date"].notna().to_numpy()]  # an undated line is no one's twin
    outstanding = numbers.loc[numbers.index.intersection(open_lines)]
    outstanding = outstanding.assign(at=outstanding.index.to_numpy())
    cleared_lines = numbers.loc[numbers.index.intersection(cleared)]
    cleared_lines = cleared_lines.assign(twin=cleared_lines.index.to_numpy())
    twins = outstanding.merge(cleared_lines, on=amounts)
    if twins.empty:
        return pd.Series([], dtype=object)
    near = twins["at"].to_numpy(dtype=np.int64), twins["twin"].to_numpy(dtype=np.int64)
    needed = np.unique(np.concatenate(near))
    folded = ledger["particulars"].iloc[needed].fillna("").astype(str).str.split().str.join(" ")
    party = dict(zip(needed.tolist(), folded.str.casefold().tolist(), strict=True))
    same = [party[a] == party[b] != "" for a, b in zip(*near, strict=True)]
    twins = twins[np.asarray(same, dtype=bool)].drop_duplicates("at")
    # the twins' voucher numbers only (stripping a million lines' took a third of a second)
    voucher = ledger["voucher_no"].iloc[twins["twin"].to_numpy(dtype=np.int64)]
    said = [
        TWICE.format(voucher=f"Vch {number} " if number else "")
        for number in voucher.fillna("").astype(str).str.strip().tolist()
    ]
    return pd.Series(said, index=twins["at"].to_numpy(dtype=np.int64), dtype=object)


def _ledger_items(
    ledger: pd.DataFrame, side: str, as_on: date | None = None, twice: pd.Series | None = None
) -> pd.DataFrame:
    """Ledger lines with money on `side` ("debit" or "credit") as BRS items: the voucher number,
    and the cheque or reference number where the ledger has one; a stale entry's particulars
    say so (STALE), and so does one that may be entered twice (`twice`, by position: TWICE)."""
    chosen = ledger[ledger[side] != 0]
    particulars = chosen["particulars"].fillna("").astype(str)
    old = stale(chosen["date"], as_on)
    if old.any():
        particulars = particulars.where(~old, particulars.str.rstrip() + STALE)
    if twice is not None and len(twice):
        said = twice.reindex(chosen.index).fillna("").astype(str)
        particulars = particulars.where(said == "", particulars.str.rstrip() + said)
    voucher = chosen["voucher_no"].fillna("").astype(str).str.strip()
    reference = (
        chosen["reference"].fillna("").astype(str).str.strip()
        if "reference" in chosen
        else voucher.map(lambda _: "")
    )
    both = (voucher != "") & (reference != "") & (voucher != reference)
    joined = voucher.where(voucher != "", reference).where(~both, voucher + " / " + reference)
    return _items(chosen, particulars, joined, chosen[side])


def _bank_items(bank: pd.DataFrame, side: str) -> pd.DataFrame:
    """Bank lines with money on `side` as BRS items, each with its reference as a cheque's or
    UTR's number is read (`short_reference`)."""
    chosen = bank[bank[side] != 0]
    reference = chosen["reference"].fillna("").astype(str).map(short_reference)
    return _items(chosen, chosen["narration"], reference, chosen[side])


def short_reference(reference: str) -> str:
    """A reference the bank wrote padded with noughts past twelve digits, to its column's width,
    as the number is read: HDFC's `0000232506734892` is UPI reference 232506734892 (a UTR or
    RRN has twelve digits; one of 2030 begins with a nought, kept) and its `0000000000004400`
    cheque 004400 (a cheque's number has six digits); any other reference as written (ICICI's
    twelve-digit `000405001234`, a cheque's `000451`).

        >>> [short_reference(r) for r in ["0000000000004400", "0000232506734892", "000451"]]
        ['004400', '232506734892', '000451']
        >>> [short_reference(r) for r in ["0000012345678901", "000405001234"]]
        ['012345678901', '000405001234']
        >>> short_reference("TRANSFER FROM 18097889464")
        'TRANSFER FROM 18097889464'
    """
    stripped = reference.strip()
    if not stripped.isdigit() or len(stripped) <= 12 or not stripped.startswith("0"):
        return reference
    number = stripped.lstrip("0")
    return number.zfill(6) if len(number) <= 6 else number.zfill(12)


def _items(
    lines: pd.DataFrame, text: pd.Series, reference: pd.Series, amount: pd.Series
) -> pd.DataFrame:
    items = pd.DataFrame(
        {
            "date": lines["date"].to_numpy(dtype=object),
            "particulars": text.fillna("").astype(str).to_numpy(dtype=object),
            "reference": reference.fillna("").astype(str).to_numpy(dtype=object),
            "amount": amount.to_numpy(dtype=np.int64),
        }
    )
    return _in_date_order(items)


def _in_date_order(items: pd.DataFrame) -> pd.DataFrame:
    """The items (ITEM_COLUMNS) by date, as an auditor ticks them; those of one day, or of no
    date, as they came."""
    day = pd.to_datetime(pd.Series(items["date"].to_numpy(dtype=object)), errors="coerce")
    ordered = items.reset_index(drop=True).assign(day=day, order=np.arange(len(items)))
    ordered = ordered.sort_values(["day", "order"], kind="stable", na_position="last")
    return ordered[list(ITEM_COLUMNS)].reset_index(drop=True)


def reconcile(
    bank_closing: int | None,
    books_balance: int | None,
    bank: pd.DataFrame,
    ledger: pd.DataFrame,
    bank_open: list[int],
    ledger_open: list[int],
    difference_items: pd.DataFrame | None = None,
    as_on: date | None = None,
    cleared: list[int] | None = None,
) -> BRS:
    """The BRS from the closing balances and the lines left unmatched (paise); `difference_items`
    lists the matches whose two sides differ, confirmed by the user or a receipt less TDS
    (`ITEM_COLUMNS`, books minus bank): those where the books' amount is the greater under Add,
    the others under Less, each positive.
    `as_on` is the BRS's day: book entries outstanding more than STALE_AFTER_MONTHS before it
    are marked stale and counted; those of the same day, party and amount as one of the
    `cleared` ledger lines (positions) are marked as maybe entered twice (TWICE) and counted."""
    unmatched_bank = bank.iloc[bank_open] if bank_open else bank.iloc[0:0]
    unmatched_ledger = ledger.iloc[ledger_open] if ledger_open else ledger.iloc[0:0]
    old = stale(unmatched_ledger["date"], as_on)
    twice = entered_twice(ledger, ledger_open, cleared or [])
    differences = difference_items if difference_items is not None else no_items()
    greater = differences["amount"].to_numpy(dtype=np.int64) > 0
    excess = differences[~greater].assign(amount=-differences["amount"][~greater])
    items = {
        Section.DEPOSITS_NOT_CREDITED: _ledger_items(unmatched_ledger, "debit", as_on, twice),
        Section.CHEQUES_NOT_PRESENTED: _ledger_items(unmatched_ledger, "credit", as_on, twice),
        Section.BANK_DEBITS: _bank_items(unmatched_bank, "debit"),
        Section.BANK_CREDITS: _bank_items(unmatched_bank, "credit"),
        Section.MATCHED_DIFFERENCES: _in_date_order(differences[greater]),
        Section.MATCHED_EXCESS: _in_date_order(excess),
    }
    return BRS(
        bank_balance=bank_closing,
        deposits_not_credited=int(unmatched_ledger["debit"].sum()),
        cheques_not_presented=int(unmatched_ledger["credit"].sum()),
        bank_debits_not_in_books=int(unmatched_bank["debit"].sum()),
        bank_credits_not_in_books=int(unmatched_bank["credit"].sum()),
        books_balance=books_balance,
        matched_differences=int(items[Section.MATCHED_DIFFERENCES]["amount"].sum()),
        matched_excess=int(items[Section.MATCHED_EXCESS]["amount"].sum()),
        items=items,
        stale_count=int(old.sum()),
        stale_issued=int(unmatched_ledger["credit"].to_numpy()[old].sum()),
        stale_deposited=int(unmatched_ledger["debit"].to_numpy()[old].sum()),
        twice_count=len(twice),
    )


def statement_lines(brs: BRS, most: int | None = None) -> pd.DataFrame:
    """The BRS as the lines of the statement, top to bottom: `line` (a `Line`), `date`,
    `particulars`, `reference`, `amount` (an item's, paise) and `total` (a balance's or
    subtotal's, paise), missing where a line has none. At most `most` items are listed under a
    heading; a line says how many more there are (the subtotal counts them all)."""
    given = brs.bank_balance is not None
    overdrawn = brs.bank_balance is not None and brs.bank_balance < 0  # from an overdraft
    first = (OVERDRAFT_BANK if overdrawn else BANK_BALANCE) if given else BANK_NOT_GIVEN
    parts: list[pd.DataFrame] = [_single(Line.BALANCE, first, brs.bank_balance)]
    for section in Section:
        items = brs.items.get(section, no_items())
        if items.empty and section in SHOWN_ONLY_WITH_ITEMS:
            continue
        if items.empty:
            parts.append(_single(Line.NIL, section.heading(overdrawn), None))
            continue
        parts.append(_single(Line.HEADING, section.heading(overdrawn), None))
        shown = items if most is None else items.head(most)
        if len(shown):
            parts.append(
                pd.DataFrame(
                    {
                        "line": Line.ITEM.value,
                        "date": shown["date"].to_numpy(dtype=object),
                        "particulars": shown["particulars"].to_numpy(dtype=object),
                        "reference": shown["reference"].to_numpy(dtype=object),
                        "amount": pd.array(shown["amount"].to_numpy(dtype=np.int64), "Int64"),
                        "total": pd.array([None] * len(shown), "Int64"),
                    }
                )
            )
        if len(items) > len(shown):
            rest = items.iloc[len(shown) :]
            parts.append(
                _single(
                    Line.MORE,
                    f"… and {len(rest):,} more (see the unmatched lines)",
                    None,
                    amount=int(rest["amount"].sum()),
                )
            )
        parts.append(_single(Line.SUBTOTAL, section.subtotal, brs.subtotal(section)))
    computed, books = brs.computed_books_balance, brs.books_balance
    parts += (
        [
            _single(
                Line.BALANCE,
                OVERDRAFT_COMPUTED if overdrawn and (computed or 0) < 0 else BOOKS_COMPUTED,
                computed,
            ),
            _single(
                Line.BALANCE,
                OVERDRAFT_LEDGER if overdrawn and (books or 0) < 0 else BOOKS_LEDGER,
                books,
            ),
            _single(Line.BALANCE, DIFFERENCE, brs.difference),
        ]
        if given
        else [
            _single(Line.BALANCE, BOOKS_LEDGER, brs.books_balance),
            _single(Line.BALANCE, BANK_EXPECTED, brs.expected_bank_balance),
        ]
    )
    return pd.concat(parts, ignore_index=True)


def _single(line: Line, text: str, total: int | None, amount: int | None = None) -> pd.DataFrame:
    return pd.DataFrame(
        {
            "line": [line.value],
            "date": pd.Series([None], dtype=object),
            "particulars": [text],
            "reference": [""],
            "amount": pd.array([amount], "Int64"),
            "total": pd.array([total], "Int64"),
        }
    )
