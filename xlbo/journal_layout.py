"""The Journal sheet's layout, written once: its headers, the columns of its lines once read, and
how the sheet is shown. Everything that writes a Journal (the demo's books, payroll's salary
journal, a Tally Day Book import) and everything that reads one (the reports, the bank ledger
reader) takes the layout from here.

A journal keeps one accounting line a row; lines that share a Voucher No form a voucher, whose
debits equal its credits:

    Date        Voucher No      Voucher Type  Account          Debit      Credit     Party
    01-10-2026  PMT/26-27/0140  Payment       Sundry Creditors 52,378.00             Annapurna Caterers
    01-10-2026  PMT/26-27/0140  Payment       HDFC Bank                   52,378.00

The Cost Centre and Narration columns follow Party.
"""

from __future__ import annotations

SHEET = "Journal"
"""The sheet's name, and the name of the Excel Table on it."""

HEADERS = (
    "Date",
    "Voucher No",
    "Voucher Type",
    "Account",
    "Debit",
    "Credit",
    "Party",
    "Cost Centre",
    "Narration",
)
"""The Journal sheet's headers, in order."""

LINE_COLUMNS = (
    "row",
    "date",
    "voucher",
    "type",
    "account",
    "debit",
    "credit",
    "party",
    "cost_centre",
    "narration",
)
"""The columns of a journal's lines as the reports take them (the sheet's row, money in paise)."""

TEXT_HEADERS = ("Voucher No", "Account", "Voucher Type", "Party", "Cost Centre", "Narration")
"""The headers whose cells hold text."""

KEY_TEXT = frozenset({"Voucher No", "Account"})
"""Text cells a line cannot be used without (the rest are read as blank when they hold an
Excel error, and said)."""
