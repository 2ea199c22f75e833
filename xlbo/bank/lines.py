"""Bank statements and bank ledgers as frames of lines in exact paise: what the readers
(`xlbo.readers.statement`, `xlbo.readers.ledger`) hand the matcher.

A statement line: `row` (its Excel row), `date`, `value_date`, `narration`, `reference`,
`debit` and `credit` (integer paise, money out and money in as the bank sees it), `balance`
(paise, or missing). A ledger line: `row`, `date`, `particulars`, `voucher_type`, `voucher_no`,
`narration`, `reference`, `debit`, `credit` (paise, as the books see it: a deposit is a debit).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from typing import TYPE_CHECKING

import pandas as pd

from xlbo.bank.integrity import Finding
from xlbo.issues import Issue

if TYPE_CHECKING:
    from xlbo.bank.side import NarrationsRead


@dataclass
class Lines:
    """Lines read from one file, the issues met, and what was found about the file."""

    frame: pd.DataFrame
    source: str
    sheet: str
    letters: dict[str, str] = field(default_factory=dict)
    issues: list[Issue] = field(default_factory=list)
    opening: int | None = None
    """Opening balance in paise, when the file states it (a ledger's Opening Balance line, a
    statement's summary block)."""
    closing: int | None = None
    """Closing balance in paise, when the file states it."""
    company: str = ""
    """Whose books or account these are, as the file's title lines name them (the company in a
    Tally export's title, the account holder on a statement)."""
    account: str = ""
    """The bank account as the file names it: the ledger's name in the books, or the account
    number on a statement."""
    period: tuple[date | None, date | None] = (None, None)
    """The period the file says it covers (title lines such as `From 01/10/2026 To 31/10/2026`)."""
    bank: str = ""
    """The bank, by its IFSC prefix (`xlbo.bank.banks`), where a statement's heading says it
    (`IFSC : HDFC0000123`, `HDFC BANK Ltd.`); "" where it does not."""
    currency: str = ""
    """The account's currency where the file states it (a statement's `Currency : USD`, its
    amount columns headed `(USD)`), an ISO code; "" where it states none: rupees."""
    accounts_below: list[str] = field(default_factory=list)
    """Other accounts' numbers whose statements are below this one's on its sheet, not read
    (a net-banking `All accounts` download)."""
    findings: list[Finding] = field(default_factory=list)
    """What the file says that its lines disagree with (a footer's Total Debit), found by the
    reader; `check_statement` reports them first."""
    narrations: NarrationsRead | None = None
    """What a statement's narrations say of parties and references, read while the ledger was
    still being read (`xlbo.bank.side.NarrationsRead`); None where they were not read then."""
