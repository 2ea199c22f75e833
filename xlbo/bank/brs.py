"""The Bank Reconciliation Statement in the form Indian auditors expect.

Balance as per bank statement
Add: cheques deposited but not yet credited by the bank
Less: cheques issued but not yet presented
Add: debits in the bank not yet in the books (charges, NACH, returns)
Less: credits in the bank not yet in the books (interest, receipts)
= Balance as per books — and the difference from the books' own balance, which is 0.00 when
  every line is matched or listed.
"""

from __future__ import annotations

from dataclasses import dataclass

import pandas as pd


@dataclass(frozen=True)
class BRS:
    bank_balance: int
    deposits_not_credited: int
    cheques_not_presented: int
    bank_debits_not_in_books: int
    bank_credits_not_in_books: int
    books_balance: int | None
    matched_differences: int = 0
    """Books minus bank on pairs the user confirmed despite a difference (TDS, charges): to book."""

    @property
    def computed_books_balance(self) -> int:
        return (
            self.bank_balance
            + self.deposits_not_credited
            - self.cheques_not_presented
            + self.bank_debits_not_in_books
            - self.bank_credits_not_in_books
            + self.matched_differences
        )

    @property
    def difference(self) -> int | None:
        return (
            None if self.books_balance is None else self.computed_books_balance - self.books_balance
        )


def reconcile(
    bank_closing: int,
    books_balance: int | None,
    bank: pd.DataFrame,
    ledger: pd.DataFrame,
    bank_open: list[int],
    ledger_open: list[int],
    matched_differences: int = 0,
) -> BRS:
    """The BRS from the closing balances and the lines left unmatched (paise)."""
    unmatched_bank = bank.iloc[bank_open] if bank_open else bank.iloc[0:0]
    unmatched_ledger = ledger.iloc[ledger_open] if ledger_open else ledger.iloc[0:0]
    return BRS(
        bank_balance=bank_closing,
        deposits_not_credited=int(unmatched_ledger["debit"].sum()),
        cheques_not_presented=int(unmatched_ledger["credit"].sum()),
        bank_debits_not_in_books=int(unmatched_bank["debit"].sum()),
        bank_credits_not_in_books=int(unmatched_bank["credit"].sum()),
        books_balance=books_balance,
        matched_differences=matched_differences,
    )
