"""The bank account as the books have it: the bank ledger exported from Tally, or the xlbo Journal
filtered to the bank's ledger account.

Tally's *Ledger Vouchers* report (Display > Account Books > Ledger > the bank ledger), exported
to Excel or CSV, looks like this::

    Sahyadri Tradelinks Pvt Ltd                          <- company (Lines.company)
    Office 402, Pinnacle Business Park, Baner Road, Pune
    HDFC Bank A/c 50200012345678                         <- the ledger (Lines.account)
    Ledger Account
    1-Oct-2026 to 31-Oct-2026                            <- Lines.period
    Date       Particulars               Vch Type  Vch No.  Debit         Credit
                                                            Amount        Amount   <- layout
    1-Oct-2026     Opening Balance                          48,45,230.50            <- Lines.opening
    1-Oct-2026 By  Salary Payable        Payment   12                     23,95,860.00
                   Being salary for September                                       <- narration
    3-Oct-2026 To  Balaji Traders        Receipt   45       1,18,000.00
                   Ch. No. : 123456                                                 <- narration
                   Closing Balance                                        25,67,370.50
                   Total                                    49,63,230.50  49,63,230.50

`Particulars` names the other ledger of each voucher (the party), often after a `To`/`By` (or
`Dr`/`Cr`) that may sit in a column of its own; that word is dropped where the file writes it
on the matching side of its lines (To/Dr on debits, By/Cr on credits), so a party called
"Dr Reddy's Laboratories" keeps its name. The rows below a voucher with neither date nor amount
are its narration (`Ch. No. : 123456`, a UTR, "Being payment against bill 232"); under a
voucher `(as per details)` the rows with a ledger and an amount name the ledgers it was split
among, which become its particulars. A deposit is a debit to the bank ledger. Opening and closing balances,
totals, the second header row and cancelled vouchers are layout, not lines; so is a page break
(`Carried Over` at a page's foot, the title and header again, `Brought Forward`), and the
narration under it is the voucher's above it. Optional (`Payment (Optional)`) and memorandum
vouchers are in no ledger's balance: each is named in a Warning, not read. A `Cheque/Ref No.`
column, where the export has one, becomes each line's `reference`.

Tally's XML exports (Day Book, Ledger Vouchers) are read by `xlbo.readers.tally_xml`; Tally's
Day Book exported to Excel or CSV (title `Day Book`) as a Journal, the `--account` bank's lines.

Other books' ledger reports are read by the same rules, their columns found by header words
(`_HEADER_WORDS`): ERPNext's General Ledger (`Posting Date`, `Debit (INR)`, `Party`, `Against
Account`, `'Opening'` and `'Closing (Opening + Total)'` rows), Zoho Books' Account Transactions,
QuickBooks' Transaction Detail by Account (one signed `Amount`) and register (`Payment`,
`Deposit`), Busy (`Opening Bal.`), Marg, Odoo and Vyapar's bank statement (`Withdrawal Amount`,
`Deposit Amount`). A bank book kept by hand may write the day alone (`7`), of the month its
title (`Bank Book - November 2026`, the ledger's period) or its sheet's name (`Nov-26`) gives,
and a ditto mark (`"`, `do`, `-do-`, `〃`, `,,`) for the date of the row above; its amounts in
rupees and paise apart (`Rs.` | `Ps.`) are one amount (`xlbo.readers.paise_columns`). Amounts
that are formulas saved without their values (a file a script wrote) read as empty: a voucher's,
the opening balance's or a balance that tells an unsigned amount's side refuses the ledger,
naming the cells; the closing balance's is a warning. Tally's Cash/Bank Book (each bank and cash ledger's totals) is refused. A header may sit over two rows (`Transactions` over `Debit |
Credit`); one `Amount` column may carry `Dr`/`Cr` or a sign; a balance line may have its figure
only in the `Balance` column. In every one a debit (Dr, plus, a deposit) is money into the bank.
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd

from xlbo.bank.banks import account_number, bank_of
from xlbo.bank.columns import (
    CREDIT_MARK,
    DEBIT_MARK,
    balance_sides,
    reference_texts,
    reversals,
    side_marks,
)
from xlbo.bank.lines import Lines
from xlbo.book import FileBook, Table
from xlbo.book.rows import RowSource, sheet_table
from xlbo.book.table import HEADER_SCAN_ROWS, cell_parts, header_text, written_header
from xlbo.columns import (
    amount_present,
    contains,
    date_column,
    ditto_dates,
    extract,
    has_date,
    is_text,
    joined_in_order,
    money_column,
    paise_column,
    replace,
    swapped_by_excel,
    swapped_said,
    text_column,
)
from xlbo.dates import parse_date
from xlbo.errors import SheetProblem, UserError
from xlbo.issues import Issue, Severity
from xlbo.money import format_inr, from_paise, parse_money, to_paise
from xlbo.readers.header_words import (
    HINDI_CLOSING,
    HINDI_OPENING,
    HINDI_TOTAL,
    known_word,
    renamed,
    two_row_header,
    word_key,
)
from xlbo.readers.ledger_sections import (
    account_key,
    account_sections,
    named_over_and_under,
    one_account,
)
from xlbo.readers.line_issues import (
    LEDGER,
    LEFT_OUT,
    SAVE_CALCULATED,
    _issues_for,
    _undated,
    cut_off,
    not_calculated,
    tried_both,
    uncalculated,
    unseen,
)
from xlbo.readers.paise_columns import rupees_and_paise
from xlbo.readers.statement_summary import (
    month_in,
    period_in,
    without_lead_words,
    without_period,
)
from xlbo.readers.tally_books import DAY_BOOK_COLUMNS, day_book_lines
from xlbo.readers.tally_marks import (
    cancelled_rows,
    outside_books,
    outside_books_hint,
    outside_books_problem,
)

LEDGER_COLUMNS = (
    "row",
    "date",
    "particulars",
    "voucher_type",
    "voucher_no",
    "narration",
    "reference",
    "debit",
    "credit",
)
"""The columns of a ledger-lines frame, whichever file it came from."""

_FOLIO_WORDS = ("LF", "L.F.", "L/F", "Folio", "Folio No.", "Ledger Folio")
"""The ledger folio of the six-column ledger of the textbooks and of books kept by hand: the
voucher's number where written, but no numbering of every voucher (a row of money under the
day's first, its folio blank, is an entry of its own)."""

_HEADER_WORDS: dict[str, tuple[str, ...]] = {
    "Date": (
        "Date",
        "Vch Date",
        "Voucher Date",
        "Posting Date",
        "Pstng Date",  # SAP's FBL3N, its labels short
        "Document Date",
        "Doc. Date",
        "Txn Date",
        "Transaction Date",
        "Dt.",  # a bank book kept by hand
    ),
    # where a file has several, the first word listed names the other ledger best (Zoho's,
    # ERPNext's and Odoo's `Account` is the bank itself, so it comes last)
    "Particulars": (
        "Particulars",
        "Particular",
        "Party",
        "Name",
        "Partner",
        "Party Name",
        "Account Name",
        "Transaction Details",
        "Party / Details",  # a bank book kept by hand
        "Party Details",
        "Entry Details",  # Khatabook's cash book
        "Details",
        "Payee",
        "Contact",  # Xero
        "Description",
        "Label",
        "Communication",
        "Ledger",
        "Ledger Name",
        "Account",  # last: where it is the only name, it is the other ledger's
    ),
    "Against": ("Against Account", "Against", "Split", "Contra Account"),
    "Vch Type": (
        "Vch Type",
        "Voucher Type",
        "Vch. Type",
        "Vr. Type",
        "Document Type",  # SAP, Business Central
        "Doc. Type",
        "Transaction Type",
        "Type",
    ),
    "Vch No.": (
        "Vch No.",
        "Vch No",
        "Voucher No.",
        "Voucher Number",
        "Vch Number",
        "Vch/Bill No",
        "Bill No.",
        "Transaction#",
        "Vr. No.",  # Miracle's bank book
        "Document No.",  # Business Central, before its Entry No.
        "Document Number",  # SAP
        "DocumentNo",
        "Doc. No.",
        "Document",  # Sage Intacct
        "Entry No.",
        "No.",
        "Num",
        "Number",
        *_FOLIO_WORDS,
    ),
    # a bank register's own words: a receipt or deposit is a debit to the bank ledger
    "Debit": (
        "Debit",
        "Debit Amount",
        "Debit Amt",
        "Dr Amount",
        "Dr",
        "Debits",
        "Receipts",
        "Receipt",
        "Deposit",
        "Deposits",
        "Dr Amt",
        "Amount Dr",
        "Deposit Amt",
        "Deposit Amount",
        "Received",
        "Money In",
        "Paid In",
        "Inflow",
        "Cash In",  # Khatabook
    ),
    "Credit": (
        "Credit",
        "Credit Amount",
        "Credit Amt",
        "Cr Amount",
        "Cr",
        "Credits",
        "Payments",
        "Payment",
        "Withdrawal",
        "Withdrawals",
        "Cr Amt",
        "Amount Cr",
        "Withdrawal Amt",
        "Withdrawal Amount",  # Vyapar's bank statement
        "Paid",
        "Money Out",
        "Paid Out",
        "Outflow",
        "Cash Out",  # Khatabook
    ),
    "Amount": (
        "Amount",
        "Amt",
        "Net Amount",
        "Transaction Amount",
        # SAP's, signed (a credit, money out, negative or with its minus after: `45,000.00-`)
        "Amount in Local Currency",
        "Amount in local cur.",
        "Amt in loc.cur.",
        "Amount in LC",
        "Amount in Company Code Currency",
        "Debit/Credit",  # SAP Business One's `Debit/Credit (LC)`
    ),
    # beside one Amount column, its side in a column of its own (`2,000.00` | `Cr`)
    "Side": ("Dr/Cr", "Cr/Dr", "Dr / Cr", "D/C"),
    "Balance": (
        "Balance",
        "Running Balance",
        "Bal.",
        "Balance Amount",
        "Cumulative Balance",  # SAP Business One's `Cumulative Balance (LC)`
    ),
    "Reference": (
        "Cheque/Ref No.",
        "Cheque/Ref. No.",
        "Chq/Ref No.",
        "Chq. No.",
        "Cheque No.",
        "Cheque Number",
        "Instrument No.",
        "Instrument Number",
        "Ref. No.",
        "Reference No.",
        "Reference",
        "Reference#",
        "Reference Number",
        "UTR No.",
        # Tally's and Busy's cheque columns written otherwise
        "Chq/DD No.",
        "Cheque/DD No.",
        "Cheque/Reference No.",
        "Cheque/UTR No.",
        "Chq. Number",
        "Inst. No.",
        "Check No.",
        "UTR Number",
        "UTR",
        "Bank Ref No.",
        "Bank Reference",
        "Transaction Ref",
    ),
    "Narration": (
        "Narration",
        "Remarks",
        "Memo/Description",
        "Memo",
        "Notes",
        "User Remark",
        "Short Narration",  # Busy
        "Voucher Narration",
        "Text",  # SAP: the line's text, where the party is named
        "Item Text",
    ),
}
"""The header words seen in ledger exports (Tally, ERPNext, Zoho Books, QuickBooks, Busy, Marg,
Odoo, Vyapar, SAP, Business Central, Xero, Sage), by the role of their column, best first; a currency after the word (`Debit (INR)`,
`Credit(Rs.)`, `Balance (₹)`) is not part of it."""

_ROLE_OF = {word_key(word): role for role, words in _HEADER_WORDS.items() for word in words}
_FOLIOS = frozenset(map(word_key, _FOLIO_WORDS))
_DESCRIBING = frozenset(
    word_key(word)
    for word in ("Transaction Details", "Details", "Description", "Label", "Communication")
)
"""Particulars' words that describe the line rather than name the other ledger: where a column
of a better name is the Particulars, such a column is the narration."""
_RANK_OF = {
    word_key(word): rank for words in _HEADER_WORDS.values() for rank, word in enumerate(words)
}
_MONEY_WORDS = frozenset(
    k for k, role in _ROLE_OF.items() if role in ("Debit", "Credit", "Amount", "Balance")
)
_DATE_WORDS = frozenset(k for k, role in _ROLE_OF.items() if role == "Date")


def _header_word(header: Any) -> str | None:
    """The header word (its key) a column's header is, or None (see `known_word`)."""
    return known_word(header, _ROLE_OF, _MONEY_WORDS, _DATE_WORDS)


_AMOUNT_ROLES = frozenset({"Debit", "Credit", "Amount"})

_SIDE_WORD = r"^(?P<found>(?i:to|by|dr|cr)\.?(?:\s+|$))"
"""The `To`/`By` (or `Dr`/`Cr`) Tally writes before the other ledger's name."""
SIDE_WORD_SHARE = 0.8
"""The share of a file's vouchers that write To/By (or Dr/Cr) on their side for those words to
be read as sides, not names: a file of names such as "Dr Reddy's" or "To Let Services" has them
on a few lines, and on either side."""


def _sides_said(side_word: np.ndarray, vouchers: np.ndarray) -> np.ndarray:
    """`D` where a row's name is written after To or Dr, `C` after By or Cr, `""` elsewhere;
    all `""` unless SIDE_WORD_SHARE of the `vouchers` write one and both kinds are written (a
    file of one Amount column with no Dr/Cr after it, whose words are its only sides)."""
    debit = np.isin(side_word, ["to", "dr"])
    credit = np.isin(side_word, ["by", "cr"])
    said = (debit | credit)[vouchers]
    if (
        not said.size
        or float(said.mean()) < SIDE_WORD_SHARE
        or not (debit[vouchers].any() and credit[vouchers].any())
    ):
        return np.full(len(side_word), "", dtype=object)
    return np.where(debit, DEBIT_MARK, np.where(credit, CREDIT_MARK, "")).astype(object)


UNDER_VOUCHER = (
    "This row has no date or voucher of its own, so it was read as the narration of the voucher "
    "above, and the cell as nothing. If it is an amount, write it as a number on the voucher's "
    "row; else clear the cell."
)
"""The hint for what is no amount in Debit or Credit on a row under a voucher."""

LAYOUT_LABELS = frozenset(
    {
        "opening balance",
        "closing balance",
        "current total",
        "total",
        "grand total",
        "sub total",
        "subtotal",
        "balance b/d",
        "balance c/d",
        "balance c/f",
        "brought forward",
        "carried forward",
        "carried over",
        "b/f",
        "c/f",
        "balance brought forward",
        "balance carried forward",
        # Tally's Bank Reconciliation report
        "balance as per company books",
        "balance as per bank",
        "amounts not reflected in bank",
        "amounts not reflected in company books",
    }
)
"""Lines of a ledger export that are layout, not vouchers (balances and totals). Other books'
words for the opening and closing balance lines (ERPNext's `'Opening'`, QuickBooks' `Beginning
Balance`) are read as these (`_SAME_LABEL`) before they are looked up here."""
_AS_PER_DETAILS = "(as per details)"


def bank_accounts(names: Sequence[str], banks: Sequence[str] = ()) -> list[str]:
    """The accounts among `names` that are bank accounts: `banks` (known from their group or
    bank details) and those whose name says bank or A/c; all of them when none does."""
    known = {account_key(b) for b in banks}
    distinct = list(dict.fromkeys(n for n in names if n))
    found = [
        n
        for n in distinct
        if account_key(n) in known or re.search(r"\bbank\b|\ba/c\b|\bac\b", n, re.IGNORECASE)
    ]
    return sorted(found or distinct, key=str.casefold)


def unknown_account(
    account: str, source: str, names: Sequence[str], banks: Sequence[str] = ()
) -> SheetProblem:
    """The error for an `--account` that names no ledger account of the file."""
    found = bank_accounts(names, banks)
    shown = ", ".join(f"'{n}'" for n in found[:12]) + (" …" if len(found) > 12 else "")
    what = "bank accounts" if found and len(found) < len(set(names)) else "accounts"
    return SheetProblem(
        f"--account '{account}' names no ledger account in {source}; the {what} found are: "
        f"{shown or 'none'}. Give the bank ledger's name as the books spell it."
    )


_BANK_WORD = re.compile(
    r"\bbank\b|\ba/c\b|\bac\b|\bcash\b|\bo/?d\b|\boverdraft\b|\bcc\b|\bcurrent\b|"
    r"\bsavings?\b|\bsb\b",
    re.IGNORECASE,
)
"""Words a bank (or cash) ledger's name carries: `HDFC Bank Current A/c`, `Cash Credit - SBI`."""


def looks_like_bank(name: str) -> bool:
    """Whether a ledger account's name says it is a bank or cash account."""
    return bool(_BANK_WORD.search(name or ""))


def ledger_accounts(path: Path) -> list[str]:
    """The accounts of the books `path` (an xlbo Journal); none for a one-account export."""
    try:
        book = FileBook(path)
        return _journal_accounts(book) if book.has("Journal") else []
    except UserError:
        return []


def not_a_bank_account(
    account: str, source: str, why: str, names: Sequence[str], banks: Sequence[str] = ()
) -> SheetProblem:
    """The error for an `--account` that names a ledger of the books which is no bank account
    (Trade Receivables, Sales): its BRS would 'tie' against nothing."""
    found = [n for n in bank_accounts(names, banks) if account_key(n) != account_key(account)]
    shown = ", ".join(f"'{n}'" for n in found[:12]) + (" …" if len(found) > 12 else "")
    return SheetProblem(
        f"--account '{account}' is not a bank account of {source}: {why}. The bank accounts "
        f"found are: {shown or 'none'}. Give the bank ledger's name as the books spell it."
    )


def read_ledger(
    source: str | RowSource,
    account: str | None = None,
    sheet: str | None = None,
    skip: Sequence[str] = (),
) -> Lines:
    """The bank account as the books have it: Tally's Ledger Vouchers report exported to Excel or
    CSV (title lines, `Date | Particulars | Vch Type | Vch No. | Debit | Credit`, narration rows,
    balance and total lines), a Tally XML export (Day Book, with `account` naming the bank ledger,
    or the Ledger Vouchers report), or an xlbo Journal sheet filtered to the bank ledger
    `account`. Without `sheet`, the first sheet with a ledger's header row (a Notes sheet
    before it is passed over), leaving out the sheets `skip` names (the statement's, when one
    workbook holds both)."""
    if isinstance(source, str) and source.lower().endswith(".xml"):
        from xlbo.readers.tally_xml import read_tally_xml

        return with_lines(read_tally_xml(source, account))
    book = FileBook(source) if isinstance(source, str) else source
    if book.has("Journal") and sheet is None:
        if account:
            return with_lines(_journal_lines(book, account))
        if not _has_tally_sheet(book):
            accounts = _journal_accounts(book)
            raise SheetProblem(
                f"{book.name} holds a Journal: name the bank ledger with --account (bank accounts "
                f"found: {', '.join(repr(a) for a in bank_accounts(accounts)[:12]) or 'none'})."
            )
    try:
        return with_lines(
            _tally_lines(book, sheet, account) if sheet else _first_ledger(book, skip, account)
        )
    except _DayBook as day_book:
        lines = _day_book_lines(day_book.table, account)
        lines.issues += cut_off(book, day_book.table, LEDGER)
        return with_lines(lines)


def with_lines(lines: Lines) -> Lines:
    """`lines` when they hold at least one ledger line; else the plain error naming the file (a
    ledger with only its header, or whose every line was set aside, would give a BRS that says
    all is well against nothing). A ledger that states its opening or closing balance and has no
    vouchers in the month is a ledger still: the BRS lists what the bank did."""
    if not lines.frame.empty or lines.opening is not None or lines.closing is not None:
        return lines
    set_aside = [i for i in lines.issues if i.severity is Severity.ERROR]
    where = f"{lines.source}, sheet {lines.sheet}" if lines.sheet else lines.source
    raise SheetProblem(
        f"{where}: no ledger lines were read"
        + (f" for the account {lines.account}" if lines.account else "")
        + (
            f"; {len(set_aside)} line(s) could not be read, the first: {set_aside[0].problem}"
            if set_aside
            else ""
        )
        + ". Check that this is the bank's ledger with its vouchers for the month (from Tally: "
        "Display > Account Books > Ledger; from other software, the account's transactions "
        "report with its opening balance), or the Journal with the bank's lines."
    )


# -- Tally's Ledger Vouchers report, from Excel or CSV ------------------------------------------


def _header_roles(row: Sequence[Any]) -> set[str]:
    return {_ROLE_OF[k] for k in map(_header_word, row) if k is not None}


def _is_header(roles: set[str]) -> bool:
    """A date and an amount; or a date, the names and a running balance (a book that keeps
    only its balance: `_amounts_from_balance`)."""
    return "Date" in roles and (bool(roles & _AMOUNT_ROLES) or {"Particulars", "Balance"} <= roles)


def _known(header: str) -> bool:
    """Whether a header names a ledger's column (for a header over two rows)."""
    return _header_word(header) is not None


def _find_header(rows: Sequence[Sequence[Any]], where: str) -> tuple[int, list[str] | None]:
    """The header row: the first of the most header words, with a date and an amount column;
    a row and the one above it read as one header (`two_row_header`) where together they name
    more columns than the row alone (with their words as one row)."""
    best, best_count, best_words = -1, 2, None
    for index, row in enumerate(rows[:HEADER_SCAN_ROWS]):
        words = two_row_header(rows[index - 1], row, _known) if index else None
        for cells in (row, words):
            if cells is None:
                continue
            roles = _header_roles(cells)
            if _is_header(roles) and len(roles) > best_count:
                best, best_count = index, len(roles)
                best_words = None if cells is row else words
    if best >= 0:
        return best, best_words
    raise _NoHeader(
        f"{where}: no header row with Date, Particulars, Debit and Credit (or one Amount) was "
        f"found in the first {HEADER_SCAN_ROWS} rows; export the bank ledger from Tally "
        "(Display > Account Books > Ledger) with Date, Particulars, Vch Type, Vch No., Debit, "
        "Credit, or your books' ledger report of the bank account with its header row."
    )


@dataclass(frozen=True)
class LedgerTitle:
    """What a ledger sheet's title lines say, read without reading its lines."""

    sheet: str
    account: str
    """The ledger's name as the title gives it (`HDFC Bank A/c 50200012345678`), or ""."""
    period: tuple[date | None, date | None]
    hidden: bool
    number: str = ""
    """The account number the title gives, else the sheet's name (`HDFC 50200012345678`)."""
    bank: str = ""
    """The bank (IFSC prefix, `xlbo.bank.banks`) the title or the sheet's name names."""


def ledger_titles(book: RowSource) -> list[LedgerTitle]:
    """The title of each sheet of `book` with a ledger's header row (a bank book kept by hand,
    two-sided or not, as well as a Tally export), in the workbook's order: where a workbook
    holds several ledgers, which is which."""
    hidden = set(book.hidden_sheets())
    found = []
    for name in book.sheet_names():
        rows = book.sheet_rows(name)[:HEADER_SCAN_ROWS]
        try:
            index, words = _find_header(rows, name)
        except SheetProblem:
            continue
        title = [list(r) for r in rows[: index - 1 if words else index]]
        company, account, period = _title(title)  # `November 2026` on a line of its own too
        if period == (None, None):  # a sheet named `Nov-26`
            period = month_in(name) or period
        lines = [" ".join(header_text(c) for c in row if header_text(c)) for row in title]
        others = [line.replace(company, " ") if company else line for line in lines]
        found.append(
            LedgerTitle(
                name,
                account,
                period,
                name in hidden,
                account_number(account) or _number_named(name),
                bank_of([account, name, *others, company]),
            )
        )
    return found


def _number_named(sheet: str) -> str:
    """The account number a sheet's name gives (`HDFC 50200012345678`); none for a sheet named
    by a date (`01-11-2026`)."""
    try:
        if parse_date(sheet.strip()):
            return ""
    except ValueError:
        pass
    return account_number(sheet)


class _NoHeader(SheetProblem):
    """A sheet with no ledger header row in its first rows (a Notes sheet, a statement)."""


class _NotALedger(_NoHeader):
    """A sheet with a ledger's header that is no ledger (a bank reconciliation): passed over
    where a later sheet is the ledger, the error where none is."""


def _first_ledger(book: RowSource, skip: Sequence[str], account: str | None = None) -> Lines:
    """The lines of the first shown sheet (of those not skipped) with a ledger's header row,
    each sheet read once; the first one's error where none has one. With `account`, the first
    whose title names that ledger (a workbook of several banks' Ledger Vouchers, a sheet
    each); where several sheets' titles name ledgers and none is it, the error listing them,
    not another bank's lines. A workbook of one ledger is read whatever its title says (a
    title's address line may say Bank; the account numbers are compared after), with a
    warning where its title names another ledger than `account`."""
    names = [n for n in book.sheet_names() if n not in skip] or book.sheet_names()
    hidden = set(book.hidden_sheets())
    first: _NoHeader | None = None
    found: list[Lines] = []
    for name in [n for n in names if n not in hidden] or names[:1]:
        try:
            lines = _tally_lines(book, name, account)
        except _NoHeader as problem:
            first = first or problem
            continue
        if not account or _same_ledger(lines.account, account):
            return lines
        found.append(lines)
    titled = [lines.account for lines in found if lines.account]
    if len(found) > 1 and titled:
        raise unknown_account(account or "", book.name, titled)
    if found:  # no title names its ledger: the first, as without `account`
        lines = found[0]
        if account and lines.account:  # its title names another: read, and said
            lines.issues.append(
                Issue(
                    severity=Severity.WARNING,
                    sheet=lines.sheet,
                    cell="",
                    value=lines.account,
                    problem=f"--account '{account}' was given, but the ledger's title names "
                    f"'{lines.account}', the only ledger in {book.name}: it was reconciled as "
                    "that account's",
                    hint="Check that this is the ledger of the account the statement is of; if "
                    "it is, leave --account out (or give the name its title reads).",
                    file=book.name,
                )
            )
        return lines
    assert first is not None  # a workbook has a sheet
    raise first


def _same_ledger(title: str, account: str) -> bool:
    """Whether a ledger export's title (`HDFC Bank A/c 50200012345678`) names the ledger
    `account` (`HDFC Bank A/c`): the same name (see `account_key`), one with the account
    number after it, or a title that names none."""
    said, wanted = account_key(title), account_key(account)
    return not said or f"{said} ".startswith(f"{wanted} ") or f"{wanted} ".startswith(f"{said} ")


_VOUCHER_COLUMN = re.compile(r"(vch|voucher)\.?\s*(type|no\.?|number)", re.I)


def voucher_sheets(book: RowSource) -> list[str]:
    """The sheets whose header names a voucher column (`Vch Type`, `Voucher No.`), or is a
    two-sided bank book's (`Date | Particulars | V.No. | Amount` twice, `_two_sided`): a
    ledger's, which no bank statement has. Where one workbook holds both, the statement is the
    others."""
    return [
        name
        for name in book.sheet_names()
        if any(
            any(isinstance(cell, str) and _VOUCHER_COLUMN.fullmatch(cell.strip()) for cell in row)
            or _blocks([header_text(cell) for cell in row])
            for row in book.sheet_rows(name)[:HEADER_SCAN_ROWS]
        )
    ]


def _has_tally_sheet(book: RowSource) -> bool:
    """Whether the workbook's first sheet is a ledger export (not only a Journal)."""
    first = book.sheet_names()[0]
    if first.casefold() == "journal":
        return False
    rows = book.sheet_rows(first)[:HEADER_SCAN_ROWS]
    try:
        _find_header(rows, first)
    except SheetProblem:
        return False
    return True


def _ledger_table(book: RowSource, name: str) -> tuple[Table, list[list[Any]]]:
    """The sheet's table under its header row, and the title lines above it."""
    where = f"{book.name}, sheet {name}"
    head: list[list[Any]] = []
    stacked: list[list[str]] = []

    def find(rows: Sequence[Sequence[Any]]) -> int:
        index, words = _find_header(rows, where)
        head[:] = [list(row) for row in rows[: index - 1 if words else index]]
        stacked[:] = [words] if words else []
        return index

    table = sheet_table(book, name, find)
    if stacked:
        table = renamed(table, stacked[0], _known)
    table = rupees_and_paise(table)  # `Rs.` | `Ps.`: one amount
    if _is_day_book(head):
        raise _DayBook(table)
    blocks = _two_sided(table)
    if blocks:
        table = _one_list(table, blocks, where)
    if any(
        re.fullmatch(r"bank\s*reconciliation(?:\s*statement)?", header_text(c), re.I)
        for r in head
        for c in r
    ):
        raise _NotALedger(
            f"{where} is a bank reconciliation (Tally's Banking > Bank Reconciliation report, or "
            "a BRS): only the vouchers the bank has not yet cleared, not the bank account's "
            "ledger. Export the bank's own ledger (Display > Account Books > Ledger, then the "
            "bank account: Ledger Vouchers) and reconcile again."
        )
    if any(re.fullmatch(r"group\s*vouchers", header_text(c), re.I) for r in head for c in r):
        raise SheetProblem(
            f"{where} is Tally's Group Vouchers report: the vouchers of every ledger of a "
            "group (several banks' lines mixed, a transfer between them on both), not one bank "
            "account's. Export the bank's own ledger (Display > Account Books > Ledger, then the "
            "bank account) and reconcile again."
        )
    return table, head


def _two_sided(table: Table) -> list[tuple[list[str], dict[str, str]]]:
    """The column blocks of a two-sided bank book, each with its roles (`_roles`) — each block
    beginning at a Date column (`Date`, `Dt.`, `DATE`, however each side writes it) — where two
    of them hold Particulars and an amount; [] for a ledger of one list (a second date column
    without its own particulars and amount)."""
    return _blocks([str(c) for c in table.frame.columns])


def _blocks(columns: list[str]) -> list[tuple[list[str], dict[str, str]]]:
    """`_two_sided` of a header row's cells as written (or as a table numbers them again)."""
    starts = [i for i, c in enumerate(columns) if "Date" in _roles([written_header(c)])]
    if len(starts) < 2:
        return []
    bounds = zip([0, *starts[1:]], [*starts[1:], len(columns)], strict=True)
    blocks = [(columns[a:b], _roles([written_header(c) for c in columns[a:b]])) for a, b in bounds]
    whole = [
        roles for _, roles in blocks if "Particulars" in roles and roles.keys() & _AMOUNT_ROLES
    ]
    return blocks if len(whole) >= 2 else []


_SIDE_ROLES = frozenset({"Date", "Particulars", "Vch Type", "Vch No.", "Reference", "Narration"})
"""The columns each side of a two-sided book may have, read as one list under their role."""


def _one_list(table: Table, blocks: list[tuple[list[str], dict[str, str]]], where: str) -> Table:
    """A two-sided bank book (Dr. on the left: `Date | Particulars | V.No. | Amount`, the
    receipts, `To Balance b/d` first; Cr. on the right, the same headers again: the payments,
    `By Balance c/d` last) as one list: the left side's entries with their amount as Debit,
    then the right side's as Credit, each keeping its sheet row. A side's row with an amount
    but neither a date nor particulars is its total under the ruled line (so the balance c/d
    on the Cr. side is a debit balance); a row of nothing is none. A third block of money (a
    pass book's column beside the book) or a side without a Date, Particulars or Amount column
    is refused, naming it; one of dates and remarks alone is not read."""
    book_is = f"{where} is a two-sided bank book (receipts on the left, payments on the right, "
    book_is += f"header at row {table.header_row})"
    beside = [side for side, roles in blocks[2:] if roles.keys() & _AMOUNT_ROLES]
    if beside:  # a block of remarks or dates alone beside the two holds no money: not read
        raise SheetProblem(
            f"{book_is} with a third block of columns from column "
            f"{table.letters.get(beside[0][0], '?')} ('{written_header(beside[0][0])}'): xlbo reads "
            "the books' two sides only. Copy the two sides to a sheet of their own (or delete "
            "the other columns) and reconcile again."
        )
    parts: list[pd.DataFrame] = []
    letters: dict[str, str] = {}
    for (side, roles), money in zip(blocks[:2], ("Debit", "Credit"), strict=True):
        # `Amount (Rs.)`, or under the `Cr.` written above the right side `Cr. Amount (Rs.)`
        amount = roles.get("Amount", roles.get(money))
        missing = [need for need in ("Date", "Particulars") if need not in roles]
        missing += [] if amount else ["Amount"]
        if missing:
            raise SheetProblem(
                f"{book_is} whose {'left' if money == 'Debit' else 'right'} side (from column "
                f"{table.letters.get(side[0], '?')}) has no {' or '.join(missing)} column "
                f"(its headers: {', '.join(written_header(c) for c in side)}). Name the side's columns "
                "Date, Particulars and Amount, or export the bank ledger from the books (Tally: "
                "Display > Account Books > Ledger Vouchers), and reconcile again."
            )
        # each side's columns under one set of names (`DATE` and `Dt.` are the Date column)
        named_as = {column: role for role, column in roles.items() if role in _SIDE_ROLES}
        names = {
            c: money
            if written_header(c) == amount
            else named_as.get(written_header(c), written_header(c))
            for c in side
        }
        part = table.frame[side].rename(columns=names)
        dated = text_column(part["Date"]) != ""
        named = text_column(part["Particulars"]) != ""
        total = ~dated & ~named & (text_column(part[money]) != "")
        part = part.astype({"Particulars": object})
        part.loc[total.to_numpy(dtype=bool), "Particulars"] = "Total"
        part[RIGHT_SIDE] = money == "Credit"
        parts.append(part[(dated | named | total).to_numpy(dtype=bool)])
        for column, name in names.items():  # and the right side's under its own letters
            letters.setdefault(name, table.letters.get(column, "A"))
            if money == "Credit":
                letters[name + RIGHT_SIDE] = table.letters.get(column, "A")
    return dataclasses.replace(table, frame=pd.concat(parts), letters=letters)


RIGHT_SIDE = "·right"
"""A two-sided book's column (`_one_list`) saying which rows are its right side's, and the
suffix its right side's column letters are kept under: a cell of a payment is named in the
right side's column (E6, not A6)."""


def _is_summary(title: Sequence[Sequence[Any]]) -> bool:
    """Whether the title lines say Tally's Cash/Bank Book (`Cash/Bank Books`, `Cash / Bank
    Summary`): the totals of each bank and cash ledger, no vouchers."""
    return any(
        re.fullmatch(r"cash\s*/\s*bank\s*(?:books?|summary)", header_text(c), re.I)
        for r in title
        for c in r
    )


def _names_an_account(line: str) -> bool:
    """Whether a title line is a bank ledger's name (`HDFC Bank A/c 50200012345678`), not a
    company's: it says bank or A/c, or holds an account number."""
    return bool(re.search(r"\bbank\b|\ba/c\b|[0-9]{8,}", line, re.IGNORECASE))


def _title(rows: list[list[Any]]) -> tuple[str, str, tuple[date | None, date | None]]:
    """Company, ledger name and period from the title lines above the header."""
    lines = [" ".join(header_text(c) for c in row if header_text(c)) for row in rows]
    lines = [line for line in lines if line]
    period: tuple[date | None, date | None] = (None, None)
    period_at = -1
    for index, line in enumerate(lines):
        found = re.search(r"([^\s(]+)\s+to\s+([^\s)]+)\)?\s*$", line, re.IGNORECASE)
        if found:
            try:
                period = (parse_date(found[1]), parse_date(found[2]))
                period_at = index
                break
            except ValueError:
                pass
        if written := period_in(line):  # `1 Oct 2026 to 31 Oct 2026`, `For the period …`
            period, period_at = written, index
            break
    if period_at < 0:  # `For the month of November 2026`, `Bank Book - Nov 2026`
        months = ((index, month_in(line)) for index, line in enumerate(lines))
        period_at, period = next(((i, m) for i, m in months if m), (-1, period))
    company = _company(rows, period_at)
    account = ""
    marker = next((i for i, t in enumerate(lines) if t.casefold() == "ledger account"), -1)
    if marker == 1 and _names_an_account(company):  # no company line: the ledger's name first
        company = ""
    if marker > 1 or (marker == 1 and not company):
        account = lines[marker - 1]
    elif marker >= 0 and marker + 1 < len(lines) and marker + 1 != period_at:
        account = lines[marker + 1]
    else:
        named = [t for t in lines[1:] if re.search(r"^ledger\s*:|\bbank\b|\ba/c\b", t, re.I)]
        account = named[0] if named else ""
    account = re.sub(
        r"^(?:ledger\s+account|bank\s+account|ledger|account)\s*(?::|of\b)\s*",
        "",
        account,
        flags=re.IGNORECASE,
    )
    # Sage's `N/C: 1200 Name: HDFC Bank Current A/c Account Balance: 420,030.00 DR`
    sage = re.match(
        r"n/c\s*:\s*\S+\s+name\s*:\s*(.+?)(?:\s+account\s+balance\s*:.*)?$", account, re.I
    )
    if sage:
        account = sage[1]
    # Marg and Busy write the period on the ledger's line: `LEDGER OF HDFC BANK FROM 1/11 TO 30/11`
    # (or in brackets: `HDFC BANK (01-11-2026 TO 30-11-2026)`, whose digits are no account's)
    tail = re.search(
        r"\s+\(?\s*(?:from\s+)?([^\s()]+)\s+to\s+([^\s()]+)\s*\)?\s*$", account, re.IGNORECASE
    )
    if tail and _dates(tail[1], tail[2]):
        account = account[: tail.start()]
    return company, _account_name(account), period


_REPORT_NAME = re.compile(
    r"(?:account\s+transactions|general\s+ledger(?:\s+detail)?|g/l\s+account\s+line\s+item\s+"
    r"display|nominal\s+activity|transaction\s+detail\s+by\s+account|gl\s+detail|ledger"
    r"(?:\s+(?:account|statement|vouchers|report))?|(?:bank|cash)\s*book|day\s*book)",
    re.IGNORECASE,
)
"""A report's own name, written where a company's would be (Xero's `Account Transactions`, SAP
Business One's `General Ledger`, SAP's `G/L Account Line Item Display`, Sage's `Nominal
Activity`)."""
_STAMP = re.compile(
    r"(?:date|time|page|printed\s+on|run\s+date|user)\b\s*(?::\s*\S*|[0-9]\S*)$", re.IGNORECASE
)
"""A cell of a report's page header: `Date: 02/12/2026`, `Time 10:15:32`, `Page: 1` (not a
name: `Page Industries`, `Time Traders`)."""


def _company(rows: list[list[Any]], period_at: int) -> str:
    """The company a ledger's title names: its first line, less a report's name and its page
    header's date, time and page (`Date: 02/12/2026 | Shreeji Polymers | Page: 1`), or the
    next line where the first says no more (Xero's `Account Transactions` above the
    company); "" where the first lines are the period's (SAP Business One's selection)."""
    lines = [[header_text(c) for c in row if header_text(c)] for row in rows]
    lines = [cells for cells in lines if cells]
    for index, cells in enumerate(lines[:2]):
        if index == period_at:
            return ""
        kept = [c for c in cells if not _REPORT_NAME.fullmatch(c) and not _STAMP.match(c)]
        if kept:
            line = " ".join(kept)
            second = index > 0  # below a report's name: the account's line, or the company's
            if second and (_names_an_account(line) or re.match(r"ledger\s*:", line, re.I)):
                return ""
            # a ledger kept by hand: `In the books of Sahyadri Tradelinks Pvt Ltd`
            return re.sub(r"^in\s+the\s+books\s+of\s+", "", line, flags=re.IGNORECASE)
    return ""


_BOOK_ONLY = re.compile(
    r"(?:bank|cash)\s*book|(?:bank\s+)?ledger(?:\s+account)?|(?:ledger\s+|bank\s+)?statement",
    re.IGNORECASE,
)
"""A title's part that only says what the sheet is (`Bank Book`, `Ledger Statement`)."""
_SEGMENTS = re.compile(r"\s+[-–|]\s+|\s*[-–|]\s*$|^\s*[-–|]\s*")


def _account_name(line: str) -> str:
    """The bank ledger's name as its title line writes it, less the period and the words that
    only say it is a book: `Bank Book - HDFC - November 2026` is HDFC's, `HDFC Bank Book for
    1-Nov-2026 to 30-Nov-2026` HDFC Bank's, `Cashbook - HDFC Bank (Online)` HDFC Bank (Online)'s;
    a line that says no more than `Bank Statement` names no account ("").

    >>> _account_name("Bank Book - HDFC - November 2026"), _account_name("HDFC Bank A/c - Bank Book")
    ('HDFC', 'HDFC Bank A/c')
    """
    line = without_lead_words(without_period(line))
    named = [p.strip() for p in _SEGMENTS.split(line) if p.strip()]
    line = " - ".join(p for p in named if not _BOOK_ONLY.fullmatch(p))
    # `HDFC Bank Book`: HDFC Bank's (the words before say whose)
    return re.sub(r"(?<=\S)\s+(bank|cash)\s*book\b", r" \1", line, flags=re.IGNORECASE)


_TITLED_OPENING = re.compile(
    r"\b(?:opening|op\.?)\s*(?:balance|bal\.?)(?:\s+(?:as\s+(?:on|at)\s+)?\d{1,2}[-/. ][a-z0-9]{1,9}[-/. ]\d{2,4})?\s*[:=-]?\s*"
    r"(?:₹|rs\.?|inr)?\s*(?P<amount>\(?-?[0-9][0-9,]*(?:\.[0-9]{1,2})?\)?)\s*(?P<side>dr|cr)?\.?\s*$",
    re.IGNORECASE,
)
"""An opening balance stated in a title line: `Opening Balance: 1,20,000.00 Dr`, `Op. Bal. as
on 01-11-2026 - Rs. 1,20,000.00 Cr` (a credit, as a bank ledger's overdraft, is negative)."""


def _titled_opening(rows: list[list[Any]]) -> int | None:
    """The opening balance (paise, Dr positive) a title line states, if one does."""
    for row in rows:
        line = " ".join(header_text(c) for c in row if header_text(c))
        found = _TITLED_OPENING.search(line)
        if found is None:
            continue
        try:  # brackets and a minus as a Cr: money's own reading (`parse_money`)
            amount = parse_money(f"{found['amount']} {found['side'] or ''}")
        except ValueError:
            continue
        if amount is not None:
            return to_paise(amount)
    return None


def _dates(*texts: str) -> bool:
    """Whether every one of `texts` is a date."""
    try:
        return all(parse_date(text) is not None for text in texts)
    except ValueError:
        return False


def _roles(columns: Sequence[str]) -> dict[str, str]:
    """The column of each role: where several could be, the one whose header word is listed
    first (ERPNext's `Party` before its `Remarks`, QuickBooks' `Name` before its `Memo`)."""
    best: dict[str, tuple[int, str]] = {}
    for column in columns:
        key = _header_word(column)
        if key is None:
            continue
        role, rank = _ROLE_OF[key], _RANK_OF[key]
        if role not in best or rank < best[role][0]:
            best[role] = (rank, column)
    roles = {role: column for role, (_, column) in best.items()}
    if "Narration" not in roles and "Particulars" in roles:
        # a description beside the other ledger's name is the line's narration (Odoo's
        # `Communication`, `Payment 000124`, beside its `Partner`; Xero's `Description`)
        described = {
            column: _RANK_OF[word]
            for column in columns
            if column != roles["Particulars"] and (word := _header_word(column)) in _DESCRIBING
        }
        if described:
            roles["Narration"] = min(described, key=described.__getitem__)
    return roles


def _account_column(table: Table, roles: dict[str, str]) -> str | None:
    """The column headed `Account` that names each line's own account (Zoho's, ERPNext's),
    where another column holds the other ledger's name (the Particulars)."""
    for column in table.frame.columns:
        if word_key(str(column)) == word_key("Account") and roles.get("Particulars") != column:
            return str(column)
    return None


def _unnamed(column: str) -> bool:
    return bool(re.fullmatch(r"Column [A-Z]{1,3}", column))


def _joined(parts: list[pd.Series]) -> pd.Series:
    """Texts of several columns side by side, joined by a space (blanks skipped)."""
    joined = parts[0]
    for part in parts[1:]:
        joined = (joined + " " + part).str.strip()
    return joined


def _column_note(file: str, table: Table, column: str, problem: str, hint: str) -> Issue:
    """An Info issue at a column's header: how the ledger's columns were read."""
    return Issue(
        severity=Severity.INFO,
        file=file,
        sheet=table.sheet,
        cell=f"{table.letters.get(column, '?')}{table.header_row}",
        value=written_header(column),
        problem=problem,
        hint=hint,
    )


FROM_BALANCE = "Amount (from the balance)"
"""The column of amounts worked out from a running balance, where a book keeps no other."""


def _side_word_off(texts: pd.Series) -> pd.Series:
    """Particulars, lower case, without the To/By (Dr/Cr) a ledger writes before a name."""
    return replace(texts, _SIDE_WORD, "").str.lower()


def _amounts_from_balance(
    cells: pd.Series,
    label: np.ndarray,
    titled: int | None,
    where: str,
    rows: tuple[np.ndarray, str],
    sides: pd.Series | None = None,
    dated: np.ndarray | None = None,
) -> pd.Series:
    """The amount (signed, Dr plus, as text) each entry of a book that keeps only a running
    balance moved it by: its balance less the balance written above it. The opening is the
    balance of an `Opening Balance` line above the first entry, else the one its title states
    (`Opening Balance: 1,25,000.00 Dr`); a book that states neither is refused, its first
    entry's amount being unknowable. Balance lines (opening, closing, totals, carried) and
    entries that moved nothing get none; Cr (or minus, or a Cr in the `sides` column beside it)
    is a credit balance. A dated entry without its balance (a book that writes the balance at
    the day's end only) is refused, naming its row: its amount cannot be told, and folding it
    into the next entry's would misstate both."""
    balance, bad = paise_column(cells)
    marks = side_marks(cells)
    if sides is not None:
        marks = np.where(marks == "", side_marks(sides, alone=True), marks)
    balance = np.where(marks == CREDIT_MARK, -np.abs(balance), balance)
    balance = np.where(marks == DEBIT_MARK, np.abs(balance), balance)  # a minus unmarked: Cr
    shown = np.asarray(amount_present(cells), dtype=bool)
    shown[list(bad)] = False
    balance_line = np.isin(label, list(LAYOUT_LABELS))
    if dated is not None and (unwritten := np.flatnonzero(dated & ~shown & ~balance_line)).size:
        sheet_rows, letter = rows
        row = int(sheet_rows[unwritten[0]])
        raise SheetProblem(
            f"{where} keeps only a running balance, and the entry of row {row} has none "
            f"({letter}{row} is blank or no amount): its amount cannot be told. Export the "
            "ledger with its Debit and Credit columns, and reconcile again."
        )
    amounts = np.zeros(len(cells), dtype=np.int64)
    at = np.flatnonzero(shown)
    if len(at):
        first = int(at[0])
        if not balance_line[first] and titled is None:
            sheet_rows, letter = rows
            raise SheetProblem(
                f"{where} keeps only a running balance and states no opening balance: the "
                f"first entry's amount (row {sheet_rows[first]}, balance {letter}"
                f"{sheet_rows[first]}) cannot be told. Add the Opening Balance line above it, "
                "or export the ledger with its Debit and Credit columns, and reconcile again."
            )
        before = np.empty(len(at), dtype=np.int64)
        before[0] = balance[first] if balance_line[first] or titled is None else titled
        before[1:] = balance[at[:-1]]
        amounts[at] = balance[at] - before
    amounts[balance_line] = 0
    text = ["" if paise == 0 else str(from_paise(paise)) for paise in amounts.tolist()]
    return pd.Series(text, index=cells.index, dtype=object, name=FROM_BALANCE)


def _names_column(frame: pd.DataFrame, names: list[str], roles: dict[str, str]) -> str | None:
    """The column of a ledger with no Particulars that holds each entry's words (names, not
    numbers, dates or one code written on every line such as SAP's currency `INR`): of the
    columns no role took whose filled cells are mostly words (three letters or more, not an
    amount), the one of the most different words; None where no column is such."""
    taken = {*roles.values(), "Row"}
    best, most = None, 1
    for column in names:
        if column in taken:
            continue
        text = text_column(frame[column])
        filled = text[text != ""]
        if filled.empty or _mostly_amounts(filled):
            continue
        worded = filled[filled.str.contains(r"[^\W\d_]{3}", regex=True)]
        if has_date(date_column(worded)[0]).sum() * 2 > len(worded):
            continue  # a column of dates written with their month's name (`28-Oct-2026`)
        if len(worded) * 2 > len(filled) and worded.nunique() > most:
            best, most = column, worded.nunique()
    return best


_ENTRY_NUMBER = r"(?=.*[0-9])(?=.*[A-Za-z])(?=.*[/-])[A-Za-z0-9][A-Za-z0-9/._-]{2,29}"
"""An entry's number as ledgers write it: one word of letters, digits, `/`, `-`, holding a
letter, a digit and a separator (`BNK1/2026/00104`, `MISC/2026/0001`, `JV-0012`,
`RCT/26-27/0001`); not a GSTIN, PAN or UTR, which join no parts with a separator."""
_WRITTEN_DATE = r"[0-9]{1,4}[/.-](?:[0-9]{1,2}|[A-Za-z]{3,9})(?:[/.-][0-9]{2,4})?"
"""A date as a column may write it, with or without its year (`02-Nov-2026`, `2-Nov`)."""


def _is_entry_number(text: pd.Series) -> pd.Series:
    """Which cells are an entry's number (`_ENTRY_NUMBER`) and no date."""
    return text.str.fullmatch(_ENTRY_NUMBER) & ~text.str.fullmatch(_WRITTEN_DATE)


def _entry_numbers(
    frame: pd.DataFrame, names: list[str], roles: dict[str, str]
) -> tuple[str, str] | None:
    """The column with no header whose cells on the dated rows are each entry's own number
    (Odoo's move, `BNK1/2026/00104`): nearly all numbers, most of them different; with its
    first number, to show the user. None where no such column is."""
    dated = (text_column(frame[roles["Date"]]) != "").to_numpy(dtype=bool)
    if dated.sum() < 2:
        return None
    taken = set(roles.values())
    for column in names:
        if column in taken or not _unnamed(column):
            continue
        text = text_column(frame[column])[dated]
        numbers = _is_entry_number(text)
        if numbers.sum() * 10 >= len(text) * 9 and text[numbers].nunique() * 2 > numbers.sum():
            return column, str(text[numbers].iat[0])
    return None


def _mostly_amounts(values: pd.Series) -> bool:
    """Whether most filled cells of a column are amounts (numbers, or text such as 1,180.00)."""
    text = text_column(values)
    filled = (text != "").to_numpy(dtype=bool)
    amounts = text.str.fullmatch(r"-?[0-9][0-9,]*(?:\.[0-9]+)?(?:\s*(?i:dr|cr))?").to_numpy(
        dtype=bool
    )
    return bool(filled.any()) and amounts.sum() * 2 > filled.sum()


def _tally_lines(book: RowSource, name: str, wanted: str | None = None) -> Lines:
    """The ledger lines of sheet `name`; of the account `wanted` (`--account`) where the sheet
    holds several accounts' ledgers (`ledger_sections`)."""
    table, title = _ledger_table(book, name)
    section, noted = "", []
    joins: tuple[int, ...] = ()  # where later exports of the account pasted under it begin
    found_roles = _roles([str(c) for c in table.frame.columns])
    sections = account_sections(
        table,
        title,
        _account_column(table, found_roles),
        found_roles.get("Date"),
        found_roles.get("Vch No."),
        [found_roles.get(role) for role in ("Debit", "Credit", "Amount")],
    )
    if sections:
        table, part, note = one_account(
            table,
            sections,
            wanted,
            f"{book.name}, sheet {name}",
            book.name,
            same=_same_ledger,
        )
        section, joins = part.name, part.joins
        noted.append(note)
    frame = table.frame.reset_index()
    names = [str(c) for c in frame.columns]
    frame.columns = pd.Index(names)
    roles = _roles(names)
    two_columns = "Debit" in roles and "Credit" in roles
    if "Particulars" not in roles and "Narration" in roles:  # a bank book kept by hand
        roles["Particulars"] = roles.pop("Narration")
    if "Particulars" not in roles and (worded := _names_column(frame, names, roles)):
        # the names under a header no export we know writes (myBillBook's `Voucher`: `Payment
        # In - Jay Ambe Traders`): the one column of words beside the dates and amounts
        roles["Particulars"] = worded
        noted.append(
            _column_note(
                book.name,
                table,
                worded,
                f"the ledger has no Particulars column: its column '{written_header(worded)}' "
                "is read as each entry's particulars (the other ledger's name)",
                "Name the column Particulars, or export the ledger with it, if another column "
                "holds the names.",
            )
        )
    entry_numbers = None
    if "Date" in roles and "Vch No." not in roles:
        entry_numbers = _entry_numbers(frame, names, roles)
    unheaded = [entry_numbers[0]] if entry_numbers else []  # a column with no header, read
    if entry_numbers:
        # Odoo's move number (`BNK1/2026/00104`) in the first column, which it heads with nothing
        column_of_numbers, example = entry_numbers
        roles["Vch No."] = column_of_numbers
        noted.append(
            _column_note(
                book.name,
                table,
                column_of_numbers,
                f"the ledger's column {table.letters.get(column_of_numbers, '?')}, which has no "
                f"header, holds a number for each entry (such as {example}): read as the "
                "voucher number",
                "Head the column Vch No., or another word, to say what it holds.",
            )
        )
    if not roles.keys() & _AMOUNT_ROLES and {"Balance", "Particulars"} <= roles.keys():
        # a book that keeps only its running balance: each entry's amount is what it moved
        moved = _amounts_from_balance(
            frame[roles["Balance"]],
            _labels(_side_word_off(text_column(frame[roles["Particulars"]])), []),
            _titled_opening(title),
            f"{book.name}, sheet {table.sheet}",
            (frame["Row"].to_numpy(), table.letters.get(roles["Balance"], "A")),
            frame[roles["Side"]] if "Side" in roles else None,
            (text_column(frame[roles["Date"]]) != "").to_numpy(dtype=bool)
            if "Date" in roles
            else None,
        )
        roles.pop("Side", None)  # the balance's side, read
        frame[FROM_BALANCE] = moved
        names.append(FROM_BALANCE)
        roles["Amount"] = FROM_BALANCE
        table = dataclasses.replace(
            table, letters={**table.letters, FROM_BALANCE: table.letters.get(roles["Balance"], "A")}
        )
        noted.append(
            _column_note(
                book.name,
                table,
                roles["Balance"],
                "the ledger keeps no Debit and Credit columns, only its running balance: each "
                "entry's amount is read as what it moved the balance by",
                "Export the ledger with its Debit and Credit columns to read them as written.",
            )
        )
    for needed in ("Date", "Particulars", "Debit" if "Amount" not in roles else "Amount"):
        if needed not in roles and not (needed == "Debit" and two_columns):
            raise SheetProblem(
                f"{book.name} has no '{needed}' column under row {table.header_row}; export the "
                "ledger from Tally with Date, Particulars, Vch Type, Vch No., Debit, Credit."
            )
    if not two_columns and "Amount" not in roles:
        raise SheetProblem(
            f"{book.name} has a '{roles.get('Debit') or roles.get('Credit')}' column under row "
            f"{table.header_row} and no '{'Credit' if 'Debit' in roles else 'Debit'}' beside it; "
            "export the ledger with both Debit and Credit (or one Amount column, Dr/Cr or signed)."
        )
    count = len(frame)
    rows = frame["Row"].to_numpy(dtype=np.int64)

    def column(role: str) -> pd.Series:
        if role in roles:
            return frame[roles[role]]
        return pd.Series([None] * count, dtype=object)

    right = frame[RIGHT_SIDE].to_numpy(dtype=bool) if RIGHT_SIDE in frame else None

    def report(problems: dict[int, str], role: str, hint: str = LEFT_OUT) -> list[Issue]:
        letter = table.letters.get(roles.get(role, ""), "A")
        sides = [(problems, letter)]
        if right is not None:  # a two-sided book: each side's cells under its own letters
            right_letter = table.letters.get(roles.get(role, "") + RIGHT_SIDE, letter)
            sides = [
                ({p: m for p, m in problems.items() if not right[p]}, letter),
                ({p: m for p, m in problems.items() if right[p]}, right_letter),
            ]
        return [
            issue
            for found, at in sides
            for issue in _issues_for(
                found, rows, book.name, table.sheet, at, hint=hint, cells=column(role)
            )
        ]

    company, account, period = _title(title)
    # the account's own name where the export holds several, or names it over its lines
    account = section or account or named_over_and_under(table, found_roles.get("Date"))
    # as a statement's: a date cell that lost its format, kept as its serial by a CSV saved from
    # Excel (`46328`), a date shown without its year (`2-Nov`) in the period of the title, and
    # the day alone (`7`) in the month the title or else the sheet's name (`Nov-26`) gives
    dating = period if None not in period else month_in(table.sheet) or period
    dates, _ = date_column(column("Date"), serials_alone=True, period=dating, working_years=True)
    # and as a statement's: real date cells Excel set to the US read month first, put right
    # where the column's text dates or the title's period prove day first
    swapped, by_texts = swapped_by_excel(column("Date"), dates, dating)
    ditto_dates(dates, column("Date"), rows)  # `"` or `do`: the date of the row above
    dated = has_date(dates)
    date_written = amount_present(column("Date"))  # not blank
    # The other ledger's name: Particulars, joined with an unnamed text column beside it (the
    # To/By written in a column of its own, or the name when Particulars holds only the To/By).
    at = names.index(roles["Particulars"])
    beside = [
        names[i]
        for i in (at - 1, at + 1)
        if 0 < i < len(names)
        and _unnamed(names[i])
        and names[i] not in roles.values()  # an entry's number, not part of the name
        and not _mostly_amounts(frame[names[i]][dated])
    ]
    text_columns = sorted([roles["Particulars"], *beside], key=names.index)
    combined = _joined([text_column(frame[c]) for c in text_columns])
    written_side = extract(combined, _SIDE_WORD)
    side_codes, side_words = pd.factorize(written_side.to_numpy(dtype=object))  # a few words
    side_word = np.char.lower(np.char.rstrip(np.asarray(side_words, dtype=str), " ."))[side_codes]
    unsided = np.zeros(count, dtype=bool)  # an unsigned amount whose balance is not written
    if two_columns:
        written_debit, bad_debit = paise_column(column("Debit"))
        written_credit, bad_credit = paise_column(column("Credit"))
        debit, credit = np.abs(written_debit), np.abs(written_credit)  # signs: see below
        money = amount_present(column("Debit")) | amount_present(column("Credit"))
    else:
        # one Amount column: `5,000.00 Dr` / `2,000.00 Cr` (Tally, Busy), or signed (QuickBooks,
        # Zoho): Dr or plus is a debit to the bank ledger, money into the bank
        signed, bad_debit = paise_column(column("Amount"))
        if (
            "Side" in roles
            and "Balance" in roles
            and names.index(roles["Side"]) == (names.index(roles["Balance"]) + 1)
        ):
            # `Amount, Balance, Dr/Cr`: the Dr/Cr after the balance is the balance's side
            roles.pop("Side")
        if "Side" in roles:  # the side in a column of its own: `Cr` beside `2,000.00`
            marks = side_marks(column("Side"), alone=True)
            signed = np.where(marks == DEBIT_MARK, np.abs(signed), signed)
            signed = np.where(marks == CREDIT_MARK, -np.abs(signed), signed)
        elif not (signed < 0).any() and not (side_marks(column("Amount")) != "").any():
            # unsigned amounts (a bank book's own): the running balance says which way the
            # money went where it moves by the amount; else a Type of Receipt or Payment
            kind = text_column(column("Vch Type")).str.lower()
            # Vyapar's `Payment-In` is a receipt, its `Payment-Out`, `Expense` and `Purchase`
            # payments
            out = contains(
                kind,
                r"^(?:payment|pymt|withdrawal|paid|debit note|expense|purchase|cash\s*withdraw"
                r"|sales?\s*return|credit\s*note)",
            ) & ~contains(kind, r"^(?:payment[\s-]*in\b|purchase\s*return)")
            # Tally's To (Dr) before a name is a debit, By (Cr) a credit, where the file writes
            # them on its vouchers: a Contra or Journal says no side by its type
            said = _sides_said(side_word, dated & amount_present(column("Amount")))
            out = np.where(said == CREDIT_MARK, True, np.where(said == DEBIT_MARK, False, out))
            if "Balance" in roles:
                balance, _ = paise_column(frame[roles["Balance"]])
                unsided = ~amount_present(frame[roles["Balance"]])
                sides = balance_sides(signed, balance, ~unsided)
                out = np.where(sides == CREDIT_MARK, False, out)  # the balance rose by it
                out = np.where(sides == DEBIT_MARK, True, out)
            signed = np.where(out, -signed, signed)
        debit, credit, bad_credit = np.maximum(signed, 0), np.maximum(-signed, 0), {}
        roles["Debit"] = roles["Credit"] = roles["Amount"]
        money = amount_present(column("Amount"))
    moves = (debit != 0) | (credit != 0)
    unreadable = np.zeros(count, dtype=bool)
    unreadable[[*bad_debit, *bad_credit]] = True

    bare = replace(combined, _SIDE_WORD, "")  # To , By , Dr. ... taken off
    folded = bare.str.lower()
    label = _labels(folded, [frame[c] for c in _label_columns(names, roles, unheaded)])
    voucher_type = text_column(column("Vch Type"))
    voucher_no = text_column(column("Vch No."))
    if unheaded:  # the column with no header: its entry numbers alone (the account's
        # heading, `100101 HDFC Bank`, and `Initial Balance` stand in it too)
        voucher_no = voucher_no.where(_is_entry_number(voucher_no), "")
    reference = reference_texts(column("Reference"))
    # a row with its own voucher type, number or cheque number is a voucher of its own, also
    # without a date (a bank book kept by hand writes the day once: `000453` under `000452`)
    has_voucher = ((voucher_type != "") | (voucher_no != "") | (reference != "")).to_numpy(
        dtype=bool
    )
    # a voucher whose particulars begin with a total's words (`Total for October rent - Shah
    # Estates`, a `*` typed for a party) is a voucher still, where it carries its type or number
    worded_total = np.isin(label, ["total", "sub total"]) & ~np.isin(
        folded.to_numpy(), ["total", "sub total"]
    )
    label = np.where(
        worded_total & ((voucher_type != "") | (voucher_no != "")).to_numpy(dtype=bool),
        folded.to_numpy(dtype=object),
        label,
    )
    # an unlabelled totals line; or an account's heading with its totals, written where the
    # dates go (Odoo's General Ledger: `101401 HDFC Bank`), a text that is no date
    heading = date_written & ~dated & is_text(column("Date"))
    layout = np.isin(label, list(LAYOUT_LABELS)) | (
        (label == "") & ~has_voucher & (~date_written | heading) & money
    )
    # Tally writes `(cancelled)` for the party, or after it or after the voucher type
    cancelled = cancelled_rows(voucher_type, folded)
    if two_columns:
        # a negative Debit is money out (Tally's reversing journal, `(-)2,50,000.00`; a
        # negative opening an overdraft), a negative Credit money in; unless the column writes
        # every voucher's amount so (judged on the vouchers, not the balance lines)
        vouchers = ~layout
        written_debit = reversals(column("Debit"), written_debit, mostly=False, among=vouchers)
        written_credit = reversals(column("Credit"), written_credit, mostly=False, among=vouchers)
        debit = np.maximum(written_debit, 0) + np.maximum(-written_credit, 0)
        credit = np.maximum(written_credit, 0) + np.maximum(-written_debit, 0)

    # Each voucher row starts a group (a voucher row of the same day may leave its date out);
    # the rows under it with neither date nor amount are its narration, and those with a ledger
    # and an amount but no voucher are its ledger entries (Tally's detailed view), which name
    # the particulars of a voucher `(as per details)`.
    # A cancelled voucher of the same day (no date, no amount, its type and number written)
    # is a voucher of its own still: its narration and cheque number are not the one above's.
    voucher_row = ~layout & (dated | (has_voucher & ~date_written & (money | cancelled)))
    numbered = "Vch No." in roles and _header_word(roles["Vch No."]) not in _FOLIOS
    if "Vch Type" not in roles and not numbered:
        # a bank book kept by hand writes the date once a day and numbers no voucher (its
        # ledger folio, LF, is often left blank): each row that moves money under the day's
        # first is an entry of its own (`By Mehta & Co Chq 000123` under the 2nd's first
        # receipt), unless the entry above it says `(as per details)` (its ledgers listed
        # below it); before, it was taken for such a detail and left out, the c/d balance
        # read the other way round
        opener = voucher_row | layout | date_written
        under_details = np.zeros(count, dtype=bool)
        if opener.any():  # (a sheet of a total alone opens nothing)
            opened_by = np.flatnonzero(opener)[np.maximum(np.cumsum(opener) - 1, 0)]
            under_details = (folded.to_numpy(dtype=object)[opened_by] == _AS_PER_DETAILS) & (
                np.cumsum(opener) > 0
            )
        own = ~opener & moves & ~unreadable & (bare != "").to_numpy(dtype=bool)
        voucher_row = voucher_row | (own & ~under_details)
    # A page break is no voucher's end: the narration under a `Brought Forward` is the voucher's
    # above the `Carried Over` (Tally breaks the page between a voucher and its narration).
    page_break = _page_breaks(label, voucher_row)
    starts = (voucher_row | layout | date_written) & ~page_break
    group = np.cumsum(starts) - 1
    groups = int(group.max()) + 1 if count else 0
    opens_voucher = np.zeros(groups + 1, dtype=bool)
    opens_voucher[group[starts]] = voucher_row[starts]
    group_of = np.where(group >= 0, group, groups)  # rows above the first voucher: nobody's
    inside = ~starts & ~page_break & opens_voucher[group_of]
    others = [n for n in names if n not in (*text_columns, "Row", *roles.values())]
    other_money = np.zeros(count, dtype=bool)
    for other in others:
        other_money |= amount_present(frame[other])
    named = (bare != "").to_numpy(dtype=bool)
    # a row whose only money is what is no amount is a note (a narration row); one cell read
    # (`Cr` beside an entry's amount) keeps it an entry
    detail = inside & (other_money | moves | (money & ~unreadable)) & named
    own_narration = text_column(column("Narration"))
    narration_cells = _joined([combined, own_narration])
    note = inside & ~detail & (narration_cells != "").to_numpy(dtype=bool)
    narration = joined_in_order(group[note], narration_cells[note], groups + 1)
    split_among = joined_in_order(group[detail], bare[detail], groups + 1, ", ")

    # To/By (or Dr/Cr) go where the file writes them before its names, To or Dr on the debits
    # and By or Cr on the credits; one word only, so "By Dr Reddy's Laboratories" keeps its name
    # and a file of names such as "Dr Reddy's" or "To Let Services" keeps them whole.
    lines_at = voucher_row & moves
    agrees = (np.isin(side_word, ["to", "dr"]) & (debit > 0)) | (
        np.isin(side_word, ["by", "cr"]) & (credit > 0)
    )
    strip_side = bool(lines_at.any()) and float(agrees[lines_at].mean()) >= SIDE_WORD_SHARE
    particulars = (bare if strip_side else combined).to_numpy(dtype=object)
    if "Against" in roles:  # ERPNext names no Party on a transfer: its Against Account is the other
        against = text_column(frame[roles["Against"]]).to_numpy(dtype=object)
        particulars = np.where(particulars == "", against, particulars)
    per_details = (folded[starts] == _AS_PER_DETAILS).to_numpy(dtype=bool)
    split_voucher = np.zeros(groups + 1, dtype=bool)
    split_voucher[group[starts]] = per_details
    particulars = np.where(
        split_voucher[group_of] & (split_among[group_of] != ""), split_among[group_of], particulars
    )
    narration_of = (own_narration + " " + pd.Series(narration[group_of], dtype="str")).str.strip()

    day = pd.Series(dates, dtype=object)
    if (voucher_row & ~dated).any():
        carried = day.where(pd.Series(dated)).ffill()
        day = day.where(pd.Series(dated), carried.where(pd.Series(voucher_row)))
    has_day = day.notna().to_numpy(dtype=bool)

    # an opening or closing balance that cannot be read is said, and states no balance (read
    # as 0.00, it made a difference on the BRS that nothing explained)
    balance_line = np.isin(label, ["opening balance", "closing balance"])
    said = voucher_row | balance_line
    unwritten = ~money & ~unreadable  # an amount a script wrote as a formula reads as none
    issues = noted + _formulas_unread(
        book,
        table,
        roles,
        rows,
        (
            voucher_row & unwritten,
            (label == "opening balance") & unwritten,
            voucher_row & money & unsided,
        ),
        (label == "closing balance") & unwritten,
    )
    # a voucher whose date and amount are both unreadable (`31/11/2026`, `15,0O0`) is reported
    # by both, never passed over as no voucher (`tried_both`: not a page's title or footer)
    both_bad = unreadable & ~dated & ~layout & date_written
    for position in np.flatnonzero(both_bad).tolist():
        amount = column("Debit" if position in bad_debit else "Credit").iat[position]
        both_bad[position] = tried_both(column("Date").iat[position], amount)
    said |= both_bad
    issues += report({p: m for p, m in bad_debit.items() if said[p]}, "Debit")
    issues += report({p: m for p, m in bad_credit.items() if said[p]}, "Credit")
    # and a row under a voucher (its narration, or a ledger entry of its details) that writes in
    # Debit or Credit what is no amount: a narration row leaves them blank, so `1 234,00` or
    # `@SUM(A1)` there may be an amount lost, never a narration
    under = inside & ~layout & ~said & ~detail
    for role, bad in (("Debit", bad_debit), ("Credit", bad_credit)):
        issues += report({p: m for p, m in bad.items() if under[p]}, role, UNDER_VOUCHER)
    issues += report(_undated(dates, column("Date"), (moves | both_bad) & ~layout, rows), "Date")
    if swapped:
        first = swapped[0]
        issues += _issues_for(
            {
                first: swapped_said(len(swapped), "of the column", by_texts)
                + f", this one as {dates[first]:%d-%m-%Y}"
            },
            rows,
            book.name,
            table.sheet,
            table.letters.get(roles["Date"], "A"),
            severity=Severity.WARNING,
            hint="Check them, and open the export with the dates as text (Data > From "
            "Text/CSV, Date DMY), or export it from the books again.",
            cells=column("Date"),
        )
    stray = moves & ~layout & ~voucher_row & ~date_written & ~detail
    issues += report(
        {int(p): "an amount with no date and no voucher" for p in np.flatnonzero(stray)}, "Date"
    )
    issues += report(
        {
            int(p): "a voucher with no date, and none above it to take"
            for p in np.flatnonzero(voucher_row & moves & ~has_day & ~cancelled)
        },
        "Date",
    )
    # optional and memorandum vouchers post to no ledger: said, and not read as book lines
    outside = voucher_row & moves & ~cancelled & outside_books(voucher_type, folded)
    issues += _issues_for(
        _outside_books_problems(outside, voucher_type, voucher_no, debit - credit),
        rows,
        book.name,
        table.sheet,
        table.letters.get(roles.get("Vch Type", roles["Particulars"]), "A"),
        severity=Severity.WARNING,
        hint=OUTSIDE_BOOKS_HINT,
        cells=column("Vch Type") if "Vch Type" in roles else column("Particulars"),
    )
    keep = voucher_row & moves & ~cancelled & ~outside & ~unreadable & has_day
    lines = pd.DataFrame(
        {
            "row": rows,
            "date": day.where(pd.Series(keep), None).astype(object),
            "particulars": pd.Series(particulars, dtype="str"),
            "voucher_type": voucher_type.array,
            "voucher_no": voucher_no.array,
            "narration": narration_of.array,
            "reference": reference.array,
            "debit": debit.astype(np.int64),
            "credit": credit.astype(np.int64),
        }
    )[keep].reset_index(drop=True)
    balance_role = "Balance" if "Balance" in roles else "Amount" if two_columns else ""
    written = money.copy()
    alone = np.zeros(count, dtype=bool)
    if balance_role in roles:  # a balance line written only in the balance column
        balance, _ = paise_column(frame[roles[balance_role]])
        alone = np.isin(label, ["opening balance", "closing balance"]) & ~moves
        debit = np.where(alone, np.maximum(balance, 0), debit)
        credit = np.where(alone, np.maximum(-balance, 0), credit)
        alone &= amount_present(frame[roles[balance_role]])
        written |= alone
    stated = np.where(balance_line & unreadable, "", label)
    if joins:
        stated, said_joins = _later_openings(stated, debit - credit, keep, joins)
        letter = table.letters.get(roles.get("Balance", roles["Debit"]), "A")
        issues += [
            issue.model_copy(
                update={"sheet": table.sheet, "file": book.name, "cell": f"{letter}{rows[at]}"}
            )
            for at, issue in said_joins
        ]
    opening, closing = _balances(stated, debit, credit, lines, written, alone)
    # a book kept by hand states its opening in its title: `Opening Balance: 1,20,000.00 Dr`
    if opening is None:
        opening = _titled_opening(title)
    if opening is None and "Balance" in roles and len(lines):
        opening, closing, derived = _from_running_balance(
            frame[roles["Balance"]],
            np.flatnonzero(keep),
            debit - credit,
            closing,
            (rows, table.letters.get(roles["Balance"], "A")),
        )
        issues += [
            issue.model_copy(update={"sheet": table.sheet, "file": book.name}) for issue in derived
        ]
    if lines.empty and _is_summary(title):
        raise SheetProblem(
            f"{book.name}, sheet {table.sheet} is Tally's Cash/Bank Book: each bank and cash "
            "ledger's totals, not one bank account's vouchers. Export the bank's own ledger "
            "(Display > Account Books > Ledger, then the bank account) and reconcile again."
        )
    issues += unseen(
        book,
        table,
        lines["row"].to_numpy(),
        table.letters.get(roles["Date"], "A"),
        [*roles.values(), *beside],
        LEDGER,
    )
    issues += cut_off(book, table, LEDGER)
    return Lines(
        lines[list(LEDGER_COLUMNS)],
        book.name,
        table.sheet,
        dict(table.letters),
        issues,
        opening,
        closing,
        company=company,
        account=account,
        period=period,
    )


def _later_openings(
    label: np.ndarray, net: np.ndarray, lines: np.ndarray, joins: tuple[int, ...]
) -> tuple[np.ndarray, list[tuple[int, Issue]]]:
    """The balance labels of one account's exports pasted one under another (`joins`: where
    each later one begins), with each later export's opening row no longer an opening: the
    ledger opens at the first one's (October's 80,000.00, not November's 1,00,000.00, which
    `_balances`, taking the last opening row, had read). A later opening that is not the
    balance the lines above it run to (October's opening and lines: 1,00,000.00) is said, by
    position: a voucher missing between the exports, or one in both."""
    label = label.copy()
    openings = np.flatnonzero(label == "opening balance")
    first = openings[openings < joins[0]]
    said: list[tuple[int, Issue]] = []
    for start, end in zip(joins, [*joins[1:], len(label)], strict=True):
        later = openings[(openings >= start) & (openings < end)]
        if not len(later):
            continue
        at = int(later[0])
        label[later] = ""
        if not len(first):
            continue
        expected = int(net[first[-1]]) + int(net[lines & (np.arange(len(label)) < at)].sum())
        if int(net[at]) != expected:
            said.append(
                (
                    at,
                    Issue(
                        severity=Severity.WARNING,
                        sheet="",
                        cell="",
                        value=format_inr(from_paise(int(net[at]))),
                        problem="a later export of the account pasted under the first opens "
                        f"at {format_inr(from_paise(int(net[at])))}, but the opening balance "
                        "and lines above it run to "
                        f"{format_inr(from_paise(expected))}: a voucher is missing between "
                        "the exports, or is in both",
                        hint="The books' opening balance is the first export's; check the "
                        "vouchers between the two exports' periods, or export the account's "
                        "ledger for the whole period at once.",
                    ),
                )
            )
    return label, said


def _from_running_balance(
    cells: pd.Series,
    lines: np.ndarray,
    net: np.ndarray,
    closing: int | None,
    where: tuple[np.ndarray, str],
) -> tuple[int | None, int | None, list[Issue]]:
    """The opening balance a ledger that states none (QuickBooks' Transaction Detail by
    Account, no `Beginning Balance` row) gives by its running Balance column: the first
    balance written less the amounts of the lines up to it (Dr, or plus, a debit balance) —
    a ledger that prints the balance only on each day's last line (93,000.00 under the 2nd's
    receipt of 5,000.00 and payment of 2,000.00) opens at 90,000.00; and the closing, where
    none is stated, the last line's balance. Each balance written is checked against the one
    before it and the lines' amounts between them; one that does not agree (a typo,
    13,43,000.05 for 13,43,000.50) is a Warning at its cell, and the opening is still the
    first balance's. Before, one balance out of step, or one line without its balance, threw
    the whole column away without a word, and the statement's opening was taken as the
    books' — a BRS tied on a balance that is in no file. A note says where the opening came
    from; (None, `closing`, []) where no line's balance is written. `where`: the sheet rows
    of the table's rows, and the Balance column's letter."""
    balance, bad = paise_column(cells)
    marks = side_marks(cells)
    balance = np.where(marks == CREDIT_MARK, -np.abs(balance), balance)
    shown = np.asarray(amount_present(cells), dtype=bool) & ~np.isin(
        np.arange(len(cells)), list(bad)
    )
    run = np.cumsum(net[lines])  # the lines' amounts up to and with each line
    written = np.flatnonzero(shown[lines])  # which lines' balances are written
    if not len(written):
        return None, closing, []
    rows, letter = where
    first = int(written[0])
    opening = int(balance[lines[first]] - run[first])
    issues: list[Issue] = []
    anchor = first  # the last balance that ran on
    disagree = 0
    for at in written[1:].tolist():
        expected = int(balance[lines[anchor]] + run[at] - run[anchor])
        got = int(balance[lines[at]])
        if got == expected:
            anchor = at
            continue
        disagree += 1
        if disagree <= _RUNNING_SAID:
            issues.append(
                Issue(
                    severity=Severity.WARNING,
                    sheet="",
                    cell=f"{letter}{rows[lines[at]]}",
                    value=str(cells.iat[lines[at]]),
                    problem=f"the running balance {format_inr(from_paise(got))} is not the "
                    f"balance on row {rows[lines[anchor]]} and the lines since, "
                    f"{format_inr(from_paise(expected))}: a typo, or a line missing or misread",
                    hint="The books' opening balance is taken from the first balance; check "
                    "this one against the books.",
                )
            )
    if disagree > _RUNNING_SAID:
        issues.append(
            issues[-1].model_copy(
                update={
                    "cell": "",
                    "value": "",
                    "problem": f"and {disagree - _RUNNING_SAID:,} more running balances below "
                    "are out of step the same way",
                }
            )
        )
    last = int(written[-1])
    if closing is None and last == len(lines) - 1 and last == anchor:
        closing = int(balance[lines[last]])
    how = (
        "the first line's balance less its amount"
        if first == 0
        else f"the first balance written, on row {rows[lines[first]]}, less the "
        f"{first + 1} lines up to it"
    )
    issues.insert(
        0,
        Issue(
            severity=Severity.INFO,
            sheet="",
            cell="",
            problem=f"the ledger states no opening balance; its running balance gives "
            f"{format_inr(from_paise(opening))} ({how}), taken as the books' opening balance",
            hint="Check it against the ledger's balance on the day before the period.",
        ),
    )
    return opening, closing, issues


_RUNNING_SAID = 20
"""At most this many running balances out of step are said one by one (a column that is no
running balance at all would say every line)."""


def _formulas_unread(
    book: RowSource,
    table: Table,
    roles: dict[str, str],
    rows: np.ndarray,
    needed: tuple[np.ndarray, np.ndarray, np.ndarray],
    closing: np.ndarray,
) -> list[Issue]:
    """Amounts a program that does not calculate (a script) wrote as formulas, saved without
    their values, which read as none: in the amount columns of the vouchers without an amount,
    in any money column of the opening balance line without one, and in the balance of the
    unsigned amounts whose side it tells (`needed`), an error (exit 2: a voucher or the opening
    left out, read as 0.00, or a payment taken for a receipt, without a word); in the closing
    balance line's, a warning (the BRS stands on the opening balance and the lines). The sheet
    is read again only where such rows are."""
    vouchers, opening, sided = needed
    amounts = {table.letters[roles[role]] for role in ("Debit", "Credit") if role in roles}
    balance = {table.letters[roles["Balance"]]} if "Balance" in roles else set()
    found = uncalculated(
        book, table.sheet, [*amounts, *balance], rows[vouchers | opening | sided | closing]
    )
    if not found:
        return []
    cells = [(cell, formula, *cell_parts(cell)) for cell, formula in found]
    voucher_rows, opening_rows = set(rows[vouchers].tolist()), set(rows[opening].tolist())
    sided_rows = set(rows[sided].tolist())
    missing = [
        (cell, formula)
        for cell, formula, letters, row in cells
        if (row in voucher_rows and letters in amounts)
        or row in opening_rows
        or (row in sided_rows and letters in balance)
    ]
    if missing:
        amount = all(cell_parts(cell)[0] in amounts for cell, _ in missing)
        raise not_calculated(book.name, table.sheet, missing, "amount" if amount else "money")
    closing_rows = set(rows[closing].tolist())
    return [
        Issue(
            severity=Severity.WARNING,
            sheet=table.sheet,
            cell=cell,
            value=formula,
            problem=f"Row {row}: the closing balance is a formula saved without its "
            "value: the ledger's own closing balance could not be read, and the BRS stands on "
            "its opening balance and lines",
            hint=SAVE_CALCULATED,
            file=book.name,
        )
        for cell, formula, _, row in cells
        if row in closing_rows
    ][:1]


_PAGE_FOOT = ("carried over", "carried forward", "c/f", "balance c/f", "balance carried forward")
"""The label of the line Tally (and other books) write at the foot of a page, the page's totals."""
_PAGE_HEAD = ("brought forward", "b/f", "balance brought forward")
"""The label of the line at the head of the next page, the same totals brought forward."""


def _page_breaks(label: np.ndarray, voucher: np.ndarray) -> np.ndarray:
    """The rows of each page break: a page's foot line (`Carried Over`) through the next page's
    head line (`Brought Forward`), the title and header rows written again between them, where
    no voucher row comes between the two; a foot or head line alone is a break of one row.
    Their totals are layout; the rows under the break go on the voucher above it."""
    foot = np.flatnonzero(np.isin(label, _PAGE_FOOT))
    head = np.flatnonzero(np.isin(label, _PAGE_HEAD))
    breaks = np.zeros(len(label) + 1, dtype=np.int64)
    breaks[foot] += 1
    breaks[foot + 1] -= 1
    breaks[head] += 1
    breaks[head + 1] -= 1
    if len(foot) and len(head):
        vouchers = np.flatnonzero(voucher)
        next_head = np.searchsorted(head, foot)
        spans = next_head < len(head)
        ends = head[np.minimum(next_head, len(head) - 1)]
        next_voucher = np.searchsorted(vouchers, foot)
        voucher_at = np.append(vouchers, len(label))[next_voucher]
        spans &= ends < voucher_at  # the head comes before any voucher after the foot
        breaks[foot[spans]] += 1
        breaks[ends[spans] + 1] -= 1
    return np.cumsum(breaks)[:-1] > 0


OUTSIDE_BOOKS_HINT = outside_books_hint("the ledger")


def _outside_books_problems(
    outside: np.ndarray, voucher_type: pd.Series, voucher_no: pd.Series, net: np.ndarray
) -> dict[int, str]:
    """What to say of each optional or memorandum voucher left out (`net`: paise, Dr plus)."""
    problems: dict[int, str] = {}
    for at in np.flatnonzero(outside).tolist():
        amount = format_inr(from_paise(abs(int(net[at]))))
        side = "Dr" if net[at] > 0 else "Cr"
        problems[at] = outside_books_problem(
            str(voucher_type.iat[at]), str(voucher_no.iat[at]), f"{amount} {side}"
        )
    return problems


_DATED_BALANCE = "balance as on"
"""The label of `Balance as on <date>`, the opening or the closing by where it stands."""
_LABEL_START = (
    r"(?:open|op\b|op\.|initial|beginning|clos|cl\b|cl\.|ending|bal|total|प्रार|आरं|आरम|अथ|अंत|अन्त|इति"
    r"|समापन|कुल|योग|माग|अखेर|शेवट|एकूण)"
)
"""How a balance or total line worded otherwise begins: only such rows are read by the
`_WORDED_LABEL` pattern."""

_SAME_LABEL = {
    # ERPNext's General Ledger ('Opening', 'Total', 'Closing (Opening + Total)'), Odoo's
    # `Initial Balance`, QuickBooks' `Beginning Balance`, Busy's and Marg's `Op. Balance`
    "opening": "opening balance",
    "initial balance": "opening balance",
    "beginning balance": "opening balance",
    "op. balance": "opening balance",
    "op balance": "opening balance",
    "opening bal.": "opening balance",  # Busy
    "opening bal": "opening balance",
    "opening balance b/f": "opening balance",
    "balance b/f": "opening balance",
    "closing": "closing balance",
    "closing (opening + total)": "closing balance",
    "ending balance": "closing balance",
    "cl. balance": "closing balance",
    "cl balance": "closing balance",
    "closing bal.": "closing balance",
    "closing bal": "closing balance",
    "balance c/d": "closing balance",  # a hand-kept bank book's `By Balance c/d`
    # a hand-kept book's page: `Total c/f` at its foot, `Total b/f` at the next one's head
    "total c/f": "c/f",
    "total b/f": "b/f",
    "total carried forward": "carried forward",
    "total brought forward": "brought forward",
    # a day's total under its entries (Miracle's and other Indian bank books' `Day Total`)
    "day total": "sub total",
    "daily total": "sub total",
    "day's total": "sub total",
    # SAP's list totals, marked in its status column: `*` a subtotal, `**` the total (sub totals
    # all: the list's totals are of its movements, no closing balance's other side)
    "*": "sub total",
    "**": "sub total",
    "***": "sub total",
}
"""Other software's words for the opening and the closing balance line."""

_BALANCE_WORDS = r"(?:balance|bal)\.?"
_WORDED_LABEL = re.compile(
    r"^(?:(?P<opening>(?:opening|op|initial|beginning)\.?\s*"
    + _BALANCE_WORDS
    + "|"
    + HINDI_OPENING
    + r")|(?P<closing>(?:closing|cl|ending)\.?\s*"
    + _BALANCE_WORDS
    + "|"
    + HINDI_CLOSING
    + ")"
    r"|(?P<down>" + _BALANCE_WORDS + r"\s*(?:b/d|b/f|brought\s+(?:forward|down)))"
    r"|(?P<up>" + _BALANCE_WORDS + r"\s*(?:c/d|carried\s+down))"
    r"|(?P<page>" + _BALANCE_WORDS + r"\s*(?:c/f|carried\s+forward))"
    r"|(?P<dated>" + _BALANCE_WORDS + r"\s+(?:as\s+(?:on|at|of)|on)\b)"
    r"|(?P<total>total\s+(?:receipts?|payments?|debits?|credits?|dr|cr|deposits?|withdrawals?)"
    r"|" + HINDI_TOTAL + ")"
    # Sage Intacct's and QuickBooks' `Total for 1010 - HDFC Bank Current A/c`: all of it
    r"|(?P<account_total>total\s+for\s.+))"
    r"(?P<tail>.*)$"
)
"""A balance or total line worded otherwise than `_SAME_LABEL` has it (`Op. Bal.`, `Opening
Balance as on 01-11-2026`, `Bal. c/d`, `Balance as on 30-11-2026`, `Total Receipts`, `Total for
1010 - HDFC Bank`, Hindi's
`प्रारंभिक शेष`), read only where what follows its words is `_LABEL_TAIL`."""
_LABEL_TAIL = re.compile(
    r"^(?:[\s():,.\-/]|b/f|b/d|c/f|c/d|brought|carried|forward|down|as|on|at|of|dated|upto|"
    r"till|dr|cr|rs|inr|₹|[0-9]+|(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*)*$"
)
"""What may follow a balance or total line's words: a date, its side, b/f or c/d, an amount."""
_WORDED_AS = {
    "opening": "opening balance",
    "closing": "closing balance",
    "down": "balance b/d",
    "up": "closing balance",
    "page": "balance c/f",
    "dated": _DATED_BALANCE,
    "total": "total",
    "account_total": "total",
}


def _worded_label(text: str) -> str:
    """The layout label of a balance or total line worded otherwise (`_WORDED_LABEL`), else the
    text itself."""
    found = _WORDED_LABEL.match(text)
    if found is None or not _LABEL_TAIL.match(found.group("tail")):
        return text
    kind = next(name for name, value in found.groupdict().items() if value and name != "tail")
    return _WORDED_AS[kind]


def _label_columns(
    names: Sequence[str], roles: dict[str, str], unheaded: Sequence[str] = ()
) -> list[str]:
    """The columns besides Particulars where a file may write `Opening` or `Total`: those of no
    role (ERPNext writes them under Account, QuickBooks in an unnamed first column), the
    voucher type (QuickBooks' `Beginning Balance`) and the narration (Busy writes `Opening Bal.`
    and `Closing Bal.` in its Short Narration column when the Particulars cell is blank) and the
    date (an export that writes `Opening Balance` and `Closing Balance` where the dates go), and
    a column with no header read for a role (`unheaded`: Odoo's move numbers, with its `Initial
    Balance` above them)."""
    typed = [roles[r] for r in ("Date", "Vch Type", "Against", "Narration") if r in roles]
    typed += unheaded
    return [n for n in names if n != "Row" and (n not in roles.values() or n in typed)]


def _labels(particulars: pd.Series, others: list[pd.Series]) -> np.ndarray:
    """Each row's layout label (`opening balance`, `total`, ...) from Particulars (lower case),
    else from the first cell of the `others` columns that is one, read only on the rows whose
    Particulars is blank (a row that names a ledger is a voucher's, whatever its other cells
    say); quotes and a colon around it are not part of it (ERPNext writes `'Opening'`)."""

    labels = [*LAYOUT_LABELS, _DATED_BALANCE]

    def plain(texts: pd.Series) -> pd.Series:
        found = texts.str.strip(" :'\"").reset_index(drop=True)
        same = found.isin(list(_SAME_LABEL)).to_numpy(dtype=bool)
        if same.any():
            found = found.astype(object)
            found[same] = found[same].map(_SAME_LABEL)
        worded = ~same & ~found.isin(labels).to_numpy(dtype=bool)
        worded &= found.str.match(_LABEL_START).fillna(False).to_numpy(dtype=bool)
        if worded.any():
            found = found.astype(object)
            found[worded] = pd.Series(
                [_worded_label(str(text)) for text in found[worded]], dtype=object
            ).to_numpy()
        return found

    first = plain(particulars)
    label = first.to_numpy(dtype=object, copy=True)
    open_rows = np.flatnonzero((first == "").to_numpy(dtype=bool))
    for cells in others:
        if not len(open_rows):
            break
        other = plain(text_column(cells.iloc[open_rows]).str.lower()).to_numpy(dtype=object)
        take = np.isin(other, labels)
        label[open_rows[take]] = other[take]
        open_rows = open_rows[~take]
    # `To Balance b/d` above the first voucher is the opening balance; below the last, it is
    # the closing brought down for the next period, and layout
    voucher = np.flatnonzero(~np.isin(label, labels) & (label != ""))
    before = int(voucher[0]) if len(voucher) else len(label)
    brought_down = np.flatnonzero(label == "balance b/d")
    if len(brought_down):
        label[brought_down[brought_down < before]] = "opening balance"
    # `Balance as on 01-11-2026` above the first voucher is the opening balance, below it the
    # closing
    dated = label == _DATED_BALANCE
    label[dated] = np.where(
        np.arange(len(label))[dated] < before, "opening balance", "closing balance"
    )
    # `To Balance b/f` below the first voucher heads a page (the foot's `By Balance c/f`
    # brought forward), no opening balance
    raw = particulars.str.strip(" :'\"").reset_index(drop=True).to_numpy(dtype=object)
    page_head = np.flatnonzero((raw == "balance b/f") & (np.arange(len(label)) > before))
    label[page_head] = "b/f"
    return label


def _balances(
    label: np.ndarray,
    debit: np.ndarray,
    credit: np.ndarray,
    lines: pd.DataFrame,
    written: np.ndarray,
    own_side: np.ndarray,
) -> tuple[int | None, int | None]:
    """Opening and closing balance (paise, Dr positive) from the balance lines. A closing
    balance with a `Total` line is shown on the other side, to total the ledger; with a
    `Current Total` (TallyPrime's screen), or with no total line at all, it is on its own side
    (its Debit column a debit balance). Where the opening balance and the lines prove the
    other reading, that one is taken. A balance written in the Balance column (`own_side`) is
    on its own side, Dr positive, as a running balance is."""
    opening = closing = None
    at = np.flatnonzero(label == "opening balance")
    if len(at):
        opening = int(debit[at[-1]] - credit[at[-1]])
    at = np.flatnonzero((label == "closing balance") & written)  # a label alone states none
    if len(at):
        own = int(debit[at[-1]] - credit[at[-1]])
        # only a Total that sums both sides to one figure puts the balance on the other side
        totalled = np.isin(label, ["total", "grand total"]).any()
        on_own_side = own_side[at[-1]] or (label == "current total").any() or not totalled
        closing = own if on_own_side else -own
        if opening is not None:
            expected = opening + int(lines["debit"].sum()) - int(lines["credit"].sum())
            if closing != expected and expected in (own, -own):
                closing = expected  # the lines prove the other reading
    return opening, closing


# -- the xlbo Journal ---------------------------------------------------------------------------


JOURNAL_NEEDS = ("Date", "Voucher No", "Account", "Debit", "Credit")
"""Columns a Journal must have for its bank lines to be read (Voucher Type, Party and Narration
may be left out)."""


def _journal_table(book: RowSource) -> Table:
    """The Journal sheet, refused with a plain message when a needed column is missing."""
    from xlbo.journal_layout import HEADERS

    table = book.read_table("Journal", HEADERS)
    missing = [name for name in JOURNAL_NEEDS if name not in table.frame.columns]
    if missing:
        raise SheetProblem(
            f"{book.name}, sheet {table.sheet}: the Journal has no {', '.join(missing)} "
            f"column; its headers must include {', '.join(JOURNAL_NEEDS)}."
        )
    return table


def _optional_text(frame: pd.DataFrame, column: str) -> np.ndarray:
    """A text column of the Journal that may be left out (blank where it is)."""
    if column not in frame.columns:
        return np.full(len(frame), "", dtype=object)
    return np.asarray(text_column(frame[column]).to_numpy(dtype=object), dtype=object)


def _journal_accounts(book: RowSource) -> list[str]:
    frame = _journal_table(book).frame
    return text_column(frame["Account"]).drop_duplicates().tolist()


class _DayBook(Exception):
    """Raised where the sheet's title says it is Tally's Day Book, not one ledger's vouchers;
    it carries the sheet's table, read once."""

    def __init__(self, table: Table) -> None:
        super().__init__(table.sheet)
        self.table = table


def _is_day_book(title: Sequence[Sequence[Any]]) -> bool:
    """Whether the title lines above the header say `Day Book` (Tally's Day Book exported to
    Excel or CSV: every voucher of the company, its ledgers on the rows below)."""
    return any(re.fullmatch(r"day\s*book", header_text(c), re.IGNORECASE) for r in title for c in r)


def _day_book_lines(table: Table, account: str | None) -> Lines:
    """The bank account's lines of Tally's Day Book exported to Excel or CSV (several banks'
    vouchers among the rest: `account` names the one), read as a Journal whose vouchers are
    told apart by the row each starts on (Tally numbers each voucher type on its own: Receipt 1
    and Payment 1 are two vouchers)."""
    roles = _roles([str(c) for c in table.frame.columns])
    columns = {role: roles[role] for role in DAY_BOOK_COLUMNS if role in roles}
    lines, issues = day_book_lines(table, columns)
    if lines.empty:  # a condensed export: each voucher one line, its party's, the bank unseen
        raise SheetProblem(
            f"{table.source}, sheet {table.sheet} is Tally's Day Book exported condensed: each "
            "voucher shows one ledger, so no bank account's side of any can be read. Export it "
            "in detailed format (Alt+F5 in Tally) — or, better, the bank's own ledger (Display > "
            "Account Books > Ledger, then the bank account) — and reconcile again."
        )
    if not account:
        found = bank_accounts(lines["account"].drop_duplicates().tolist())
        raise SheetProblem(
            f"{table.source} is Tally's Day Book: name the bank ledger with --account (bank "
            f"accounts found: {', '.join(repr(a) for a in found[:12]) or 'none'})."
        )
    named = _is_account(text_column(table.frame[columns["Particulars"]]), account)
    read = _is_account(lines["account"], account)
    errors = [i for i in issues if i.severity == Severity.ERROR]
    if named.any() and not read.any() and errors:  # its every voucher left out: say why
        header = {letter: name for name, letter in table.letters.items()}
        shown = "; ".join(
            f"cell {i.cell} ({header.get(i.cell.rstrip('0123456789'), 'column')}): {i.problem}"
            for i in errors[:3]
        )
        raise SheetProblem(
            f"{table.source}, sheet {table.sheet}: no line of {account} could be read; its "
            f"vouchers were left out for {len(errors)} cell(s) that could not be read: {shown}"
            + (" …" if len(errors) > 3 else "")
            + ". Fix the cells in the Day Book (or export it again) and reconcile again."
        )
    if named.any() and not read.any() and issues:  # only optional or memorandum ones
        raise SheetProblem(
            f"{table.source}, sheet {table.sheet}: no voucher of {account} is in the books: "
            + "; ".join(f"cell {i.cell}: {i.problem}" for i in issues[:3])
            + (" …" if len(issues) > 3 else "")
            + ". "
            + issues[0].hint
        )
    journal = Table(
        source=table.source,
        sheet=table.sheet,
        frame=pd.DataFrame(
            {
                "Row": lines["row"].to_numpy(dtype=np.int64),
                "Date": lines["date"].to_numpy(dtype=object),
                "Voucher No": lines["voucher_no"].to_numpy(dtype=object),
                "Voucher Type": lines["voucher_type"].to_numpy(dtype=object),
                "Account": lines["account"].to_numpy(dtype=object),
                "Debit": money_column(lines["debit"].to_numpy()),
                "Credit": money_column(lines["credit"].to_numpy()),
                "Narration": lines["narration"].to_numpy(dtype=object),
            }
        ).set_index("Row"),
        header_row=table.header_row,
        letters={
            journal_name: table.letters[columns[role]]
            for journal_name, role in (
                ("Date", "Date"),
                ("Account", "Particulars"),
                ("Voucher No", "Vch No."),
                ("Debit", "Debit"),
                ("Credit", "Credit"),
            )
            if role in columns
        },
    )
    lines_read = _journal_table_lines(journal, account, voucher="Row")
    lines_read.issues[:0] = issues
    return lines_read


def _is_account(names: pd.Series, account: str) -> np.ndarray:
    """Which of `names` are the ledger account `account` (see `account_key`), each distinct
    name compared once."""
    codes, distinct = pd.factorize(names.to_numpy(dtype=object))
    wanted = account_key(account)
    same = np.array([account_key(name) == wanted for name in distinct] + [False], dtype=bool)
    return np.asarray(same[codes], dtype=bool)


def _journal_lines(book: RowSource, account: str) -> Lines:
    """The bank account's lines of an xlbo Journal; each line's party is its own Party, else the
    first Party (else Account) on the other lines of its voucher."""
    table = _journal_table(book)
    lines = _journal_table_lines(table, account)
    lines.issues += cut_off(book, table, LEDGER)
    return lines


def _journal_table_lines(table: Table, account: str, voucher: str = "Voucher No") -> Lines:
    """The bank account's lines of a Journal table (see `_journal_lines`), its vouchers told
    apart by the column `voucher`."""
    frame = table.frame.reset_index()
    account_names = text_column(frame["Account"])
    is_bank = _is_account(account_names, account)
    if not is_bank.any():
        raise unknown_account(
            account,
            f"{table.source} (sheet {table.sheet})",
            account_names.drop_duplicates().tolist(),
        )
    voucher_no = text_column(frame["Voucher No"])
    voucher_key = voucher_no if voucher == "Voucher No" else frame[voucher].astype(str)
    party = (
        text_column(frame["Party"])
        if "Party" in frame.columns
        else pd.Series("", index=voucher_no.index)
    )
    others = pd.DataFrame(
        {
            "voucher": voucher_key[~is_bank],
            "party": party[~is_bank],
            "account": account_names[~is_bank],
        }
    )
    named = others[others["party"] != ""].drop_duplicates("voucher").set_index("voucher")["party"]
    first_account = others.drop_duplicates("voucher").set_index("voucher")["account"]
    mine = frame[is_bank]
    own_party = party[is_bank]
    their_party = (
        voucher_key[is_bank]
        .map(named)
        .astype(object)
        .fillna(voucher_key[is_bank].map(first_account).astype(object))
        .fillna("")
    )
    dates, _ = date_column(mine["Date"], working_years=True)
    debit, bad_debit = paise_column(mine["Debit"])
    credit, bad_credit = paise_column(mine["Credit"])
    # a negative amount is a reversal: a debit of -500 is a credit of 500
    net = debit - credit
    debit, credit = np.maximum(net, 0), np.maximum(-net, 0)
    rows = mine["Row"].to_numpy(dtype=np.int64)
    issues = _issues_for(
        bad_debit, rows, table.source, table.sheet, table.letters["Debit"], cells=mine["Debit"]
    )
    issues += _issues_for(
        bad_credit, rows, table.source, table.sheet, table.letters["Credit"], cells=mine["Credit"]
    )
    moves = (debit != 0) | (credit != 0)
    issues += _issues_for(
        _undated(dates, mine["Date"], moves, rows),
        rows,
        table.source,
        table.sheet,
        table.letters["Date"],
        cells=mine["Date"],
    )
    lines = pd.DataFrame(
        {
            "row": mine["Row"].to_numpy(dtype=np.int64),
            "date": pd.Series(dates, dtype=object),
            "particulars": np.where(own_party != "", own_party, their_party).astype(object),
            "voucher_type": _optional_text(mine, "Voucher Type"),
            "voucher_no": voucher_no[is_bank].to_numpy(dtype=object),
            "narration": _optional_text(mine, "Narration"),
            "reference": "",
            "debit": debit,
            "credit": credit,
        }
    )
    dated = has_date(dates)
    failed = np.isin(np.arange(len(mine)), [*bad_debit, *bad_credit])
    lines = lines[dated & moves & ~failed].reset_index(drop=True)
    return Lines(
        lines[list(LEDGER_COLUMNS)],
        table.source,
        table.sheet,
        dict(table.letters),
        issues,
        account=str(account_names[is_bank].iloc[0]),
    )
