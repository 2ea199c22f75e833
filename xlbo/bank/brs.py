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
    Less: Credits in the bank not yet in the books (interest, receipts)
    Total credits in the bank not yet in the books                             0.00
    Add: Differences on confirmed matches, to be booked (TDS, charges)
    Total differences on confirmed matches                                     0.00
    Balance as per books (computed)                                     1,28,000.00
    Balance as per books (ledger)                                       1,28,000.00
    Difference                                                                 0.00

Every figure is listed line by line beneath its heading (date, particulars or narration, voucher
number or reference, amount), so an auditor can tick each one; the difference is 0.00 when every
line is matched or listed. Amounts under Add and Less are written as positive figures, as in
the books; the heading says which way they go.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum

import numpy as np
import pandas as pd

ITEM_COLUMNS = ("date", "particulars", "reference", "amount")
"""The columns of a BRS section's items: the line's date, its particulars (books) or narration
(bank), its voucher number or reference, and its amount in paise."""

BANK_BALANCE = "Balance as per bank statement"
BOOKS_COMPUTED = "Balance as per books (computed)"
BOOKS_LEDGER = "Balance as per books (ledger)"
DIFFERENCE = "Difference"
BANK_NOT_GIVEN = "Balance as per bank statement: the statement gives none (see Integrity)"
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
    MATCHED_DIFFERENCES = "Add: Differences on confirmed matches, to be booked (TDS, charges)"

    @property
    def subtotal(self) -> str:
        """The label of the section's subtotal line."""
        return SUBTOTALS[self]

    @property
    def adds(self) -> bool:
        return self.value.startswith("Add")


SUBTOTALS: dict[Section, str] = {
    Section.DEPOSITS_NOT_CREDITED: "Total receipts in the books not yet credited",
    Section.CHEQUES_NOT_PRESENTED: "Total payments in the books not yet debited",
    Section.BANK_DEBITS: "Total debits in the bank not yet in the books",
    Section.BANK_CREDITS: "Total credits in the bank not yet in the books",
    Section.MATCHED_DIFFERENCES: "Total differences on confirmed matches",
}


class Line(StrEnum):
    """What a line of the statement is (how it is shown)."""

    BALANCE = "balance"
    HEADING = "heading"
    ITEM = "item"
    MORE = "more"
    SUBTOTAL = "subtotal"


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
    """Books minus bank on pairs the user confirmed despite a difference (TDS, charges): to book."""
    items: dict[Section, pd.DataFrame] = field(default_factory=dict, compare=False)
    """The lines behind each section's figure (`ITEM_COLUMNS`, amounts in paise)."""

    @property
    def adjustments(self) -> int:
        """What the items add to the bank's balance to give the books'."""
        return (
            self.deposits_not_credited
            - self.cheques_not_presented
            + self.bank_debits_not_in_books
            - self.bank_credits_not_in_books
            + self.matched_differences
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
        }[section]


def _ledger_items(ledger: pd.DataFrame, side: str) -> pd.DataFrame:
    """Ledger lines with money on `side` ("debit" or "credit") as BRS items: the voucher number,
    and the cheque or reference number where the ledger has one."""
    chosen = ledger[ledger[side] != 0]
    voucher = chosen["voucher_no"].fillna("").astype(str).str.strip()
    reference = (
        chosen["reference"].fillna("").astype(str).str.strip()
        if "reference" in chosen
        else voucher.map(lambda _: "")
    )
    both = (voucher != "") & (reference != "") & (voucher != reference)
    joined = voucher.where(voucher != "", reference).where(~both, voucher + " / " + reference)
    return _items(chosen, chosen["particulars"], joined, chosen[side])


def _bank_items(bank: pd.DataFrame, side: str) -> pd.DataFrame:
    chosen = bank[bank[side] != 0]
    return _items(chosen, chosen["narration"], chosen["reference"], chosen[side])


def _items(
    lines: pd.DataFrame, text: pd.Series, reference: pd.Series, amount: pd.Series
) -> pd.DataFrame:
    items = pd.DataFrame(
        {
            "date": lines["date"].to_numpy(dtype=object),
            "particulars": text.fillna("").astype(str).to_numpy(dtype=object),
            "reference": reference.fillna("").astype(str).to_numpy(dtype=object),
            "amount": amount.to_numpy(dtype=np.int64),
            "order": np.arange(len(lines)),
        }
    )
    day = pd.to_datetime(items["date"], errors="coerce")
    items = items.assign(day=day).sort_values(["day", "order"], kind="stable", na_position="last")
    return items[list(ITEM_COLUMNS)].reset_index(drop=True)


def reconcile(
    bank_closing: int | None,
    books_balance: int | None,
    bank: pd.DataFrame,
    ledger: pd.DataFrame,
    bank_open: list[int],
    ledger_open: list[int],
    matched_differences: int = 0,
    difference_items: pd.DataFrame | None = None,
) -> BRS:
    """The BRS from the closing balances and the lines left unmatched (paise); `difference_items`
    lists the confirmed matches whose two sides differ (`ITEM_COLUMNS`, books minus bank)."""
    unmatched_bank = bank.iloc[bank_open] if bank_open else bank.iloc[0:0]
    unmatched_ledger = ledger.iloc[ledger_open] if ledger_open else ledger.iloc[0:0]
    items = {
        Section.DEPOSITS_NOT_CREDITED: _ledger_items(unmatched_ledger, "debit"),
        Section.CHEQUES_NOT_PRESENTED: _ledger_items(unmatched_ledger, "credit"),
        Section.BANK_DEBITS: _bank_items(unmatched_bank, "debit"),
        Section.BANK_CREDITS: _bank_items(unmatched_bank, "credit"),
        Section.MATCHED_DIFFERENCES: difference_items
        if difference_items is not None
        else no_items(),
    }
    return BRS(
        bank_balance=bank_closing,
        deposits_not_credited=int(unmatched_ledger["debit"].sum()),
        cheques_not_presented=int(unmatched_ledger["credit"].sum()),
        bank_debits_not_in_books=int(unmatched_bank["debit"].sum()),
        bank_credits_not_in_books=int(unmatched_bank["credit"].sum()),
        books_balance=books_balance,
        matched_differences=matched_differences,
        items=items,
    )


def statement_lines(brs: BRS, most: int | None = None) -> pd.DataFrame:
    """The BRS as the lines of the statement, top to bottom: `line` (a `Line`), `date`,
    `particulars`, `reference`, `amount` (an item's, paise) and `total` (a balance's or
    subtotal's, paise), missing where a line has none. At most `most` items are listed under a
    heading; a line says how many more there are (the subtotal counts them all)."""
    given = brs.bank_balance is not None
    parts: list[pd.DataFrame] = [
        _single(Line.BALANCE, BANK_BALANCE if given else BANK_NOT_GIVEN, brs.bank_balance)
    ]
    for section in Section:
        parts.append(_single(Line.HEADING, section.value, None))
        items = brs.items.get(section, no_items())
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
    parts += (
        [
            _single(Line.BALANCE, BOOKS_COMPUTED, brs.computed_books_balance),
            _single(Line.BALANCE, BOOKS_LEDGER, brs.books_balance),
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
