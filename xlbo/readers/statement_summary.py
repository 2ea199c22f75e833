"""What a bank statement says about itself beside its lines: the title lines above the header
(whose account, which account number, which period) and the summary, total and legend blocks
below the transactions (opening and closing balance, total debits and credits, how many of
each), which end the transactions and check them.

HDFC's summary, below a row of asterisks under its last line::

    STATEMENT SUMMARY  :-
    Opening Balance                       Debits        Credits      Closing Bal
    31765.96                          38883961.81   38863388.25        11192.4
                                         Dr Count       Cr Count
                                             1146            280

Axis Bank writes `OPENING BALANCE` above its first line and `TRANSACTION TOTAL DR/CR`
(`2,22,344.00/4,63,197.44`) and `CLOSING BALANCE` below its last.

>>> read_titles([["Name :- BELZ INSTRUMENTS PVT LTD  ."],
...              ["Statement of Account No - 922030048910705 for the period "
...               "(From : 01/08/2025 To : 19/08/2025)"]])
Titles(company='BELZ INSTRUMENTS PVT LTD', account='922030048910705', period=(datetime.date(2025, 8, 1), datetime.date(2025, 8, 19)), bank='', currency='')
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date
from typing import Any

import numpy as np
import pandas as pd

from xlbo.bank.banks import bank_of, ifsc_bank
from xlbo.bank.columns import CREDIT_MARK, DEBIT_MARK, side_marks
from xlbo.cells import clean_text, is_blank
from xlbo.columns import contains, one_amount, strings
from xlbo.dates import month_end, month_number, parse_date
from xlbo.money import to_paise
from xlbo.readers.roles import Role


@dataclass(frozen=True)
class Titles:
    """Whose statement it is, as its title lines print it."""

    company: str = ""
    account: str = ""
    period: tuple[date | None, date | None] = (None, None)
    bank: str = ""
    """The bank, by its IFSC prefix (`xlbo.bank.banks`): an IFSC in the heading, else a bank's
    name (`strict`) on a line above the holder's; "" where none."""
    currency: str = ""
    """The account's currency as the heading states it (`Currency : USD`, ICICI's
    `000405012345 ( USD )`), an ISO code; "" where it states none (a rupee account)."""


@dataclass(frozen=True)
class Summary:
    """The figures a statement states about its own lines, in paise (counts as counts); None
    where it does not state them. `rows` holds the Excel row each figure stands in."""

    opening: int | None = None
    closing: int | None = None
    debits: int | None = None
    credits: int | None = None
    debit_count: int | None = None
    credit_count: int | None = None
    rows: dict[str, int] = field(default_factory=dict)
    used: frozenset[int] = frozenset()
    """Every Excel row a figure was read from (none of them is a line)."""


# -- title lines -----------------------------------------------------------------------------

_DATE = (
    r"(?:\d{4}[-/.]\d{1,2}[-/.]\d{1,2}"
    r"|\d{1,2}[/\-. ]\d{1,2}[/\-. ]\d{2,4}"
    r"|\d{1,2}(?:st|nd|rd|th)?[/\-. ]?[A-Za-z]{3,9}\.?[/\-., ]\s*\d{2,4}"
    r"|[A-Za-z]{3,9}\.?\s+\d{1,2}(?:st|nd|rd|th)?,?\s+\d{4})"
)
_PERIOD = re.compile(
    rf"(?:\b(?:from|period|between|for|range|statement)\b[^0-9]{{0,40}}?|^\s*)({_DATE})"
    rf"\s*(?:(?:period|date)\s+)?(?:to|till|upto|up to|and|-|–)(?:\s+date)?\s*:?\s*({_DATE})",
    re.IGNORECASE,
)
"""A title's period, as banks word it: `Statement for the period 01/10/2026 to 31/10/2026`,
`From Date : 01/10/2026 To Date : 31/10/2026` (or in cells: `Date From | 01/10/2026 | Date To |
31/10/2026`), `between 01-10-2026 and 31-10-2026`, `Date Range: 01/10/2026 - 31/10/2026`,
`October 1, 2026 - October 31, 2026`, or the two dates alone (`01 Oct 2026 - 31 Oct 2026`)."""
_PERIOD_START = re.compile(rf"\b(?:start|from)\s*date\b[^0-9]{{0,10}}?({_DATE})", re.IGNORECASE)
_PERIOD_END = re.compile(rf"\b(?:end|to)\s*date\b[^0-9]{{0,10}}?({_DATE})", re.IGNORECASE)
"""SBI's `Start Date : 1 Oct 2026` and `End Date : 31 Oct 2026`, on rows of their own."""
_SAYS_PERIOD = re.compile(r"\b(?:period|statement)\b", re.IGNORECASE)
_ACCOUNT = re.compile(
    r"\b(?:account|a/c|acct)\.?\s*(?:no|number|num)\b\.?\s*[:\-–]*\s*[_']?"
    r"(?P<number>[0-9Xx*]+(?:[ -][0-9Xx*]+)*)",
    re.IGNORECASE,
)
_ICICI_LIST = re.compile(
    r"transactions?\s+list\s*-\s*(?P<name>.+?)\s*\(\s*[A-Z]{3}\s*\)\s*-\s*(?P<number>[0-9Xx*]+)",
    re.IGNORECASE,
)
_NUMBER_THEN_HOLDER = re.compile(
    r"\b(?:account|a/c)\s*(?:no|number)\b\.?\s*[:\-]*\s*(?P<number>[0-9Xx*]{6,})\s*"
    r"\(\s*[A-Z]{3}\s*\)\s*-\s*(?P<name>\S.*)",
    re.IGNORECASE,
)
"""ICICI's OpTransactionHistory: `Account Number | | 000405012345 ( INR )  - KAVERI TRADERS`."""
_HOLDER_LABEL = re.compile(
    r"^\s*(?:account\s+name|customer\s+name|account\s*holder(?:'?s)?(?:\s+name)?"
    r"|name\s+of\s+(?:the\s+)?(?:customer|account\s+holder)|a/c\s+name|name)\s*"
    r"(?:[:\-]+\s*(?P<name>.*)|$)",
    re.IGNORECASE,
)
_HONORIFIC = re.compile(
    r"^\s*(?:M/S\.?|MESSRS\.?|MR\.?|MRS\.?|MS\.)\s+(?P<name>\S.*)$", re.IGNORECASE
)

_FIRM = re.compile(r"^\s*(?:M/S\.?|MESSRS\.?)\s+(?P<name>\S.*)$", re.IGNORECASE)
"""`M/S` before a firm's name is no part of it; `MR RAVI SHANKAR` keeps its `MR`."""


# fmt: off
CURRENCIES = frozenset((
    "INR", "USD", "EUR", "GBP", "JPY", "AUD", "CAD", "CHF", "SGD", "AED", "HKD", "SEK",
    "NZD", "ZAR", "SAR", "CNY", "DKK", "NOK", "QAR", "KWD", "BHD", "OMR", "MYR", "THB",
))
# fmt: on
"""The currencies an Indian company's accounts are kept in: the rupee, and those an EEFC
(Exchange Earners' Foreign Currency) account may hold."""
_CURRENCY_NAMES = {
    "indianrupee": "INR",
    "rupee": "INR",
    "usdollar": "USD",
    "us$": "USD",
    "euro": "EUR",
    "poundsterling": "GBP",
    "sterling": "GBP",
    "britishpound": "GBP",
}
"""A currency written by its name after a label, squashed (`U.S. Dollar`, `US$`)."""
_CURRENCY_LABEL = re.compile(
    r"\b(?:currency|ccy|curr)\b\.?(?:\s*(?:code|type|name))?\s*[:\-–]?\s*"
    r"(?P<code>[A-Za-z$][A-Za-z$. ]{1,20})",
    re.IGNORECASE,
)
_NUMBERED_CODE = re.compile(r"[0-9Xx*]{6,}\s*\(\s*(?P<code>[A-Z]{3})\s*\)")
"""ICICI's `000405012345 ( USD )`: a code in brackets after an account number (never any
bracketed word of an address: `THORAIPAKKAM (OMR)` is Chennai's Old Mahabalipuram Road)."""
_EEFC = re.compile(r"\bEEFC\b", re.IGNORECASE)
_CODE_WORD = re.compile(r"(?<![A-Za-z])(?P<code>[A-Z]{3})(?![A-Za-z])")


def currency_in(text: str, *, where: str = "title") -> str:
    """The currency `text` names, as an ISO code, or "". `where` says what `text` is:
    - "label": only after a label (`Currency : USD`, `Account Currency - US Dollar`, `Curr. :
      USD`, `Currency : US$`), which outranks any other line of the heading;
    - "title": also in brackets after an account number (ICICI's `000405012345 ( USD )`) and as
      a word on a line that says EEFC (`EEFC CURRENT ACCOUNT-USD`);
    - "header": a column's header (`Withdrawal Amt (USD)`, `Amount in USD`).

    >>> currency_in("Account Currency : USD"), currency_in("Currency: Indian Rupee")
    ('USD', 'INR')
    >>> currency_in("Deposit Amt (INR)", where="header"), currency_in("THORAIPAKKAM (OMR)")
    ('INR', '')
    """
    if found := _CURRENCY_LABEL.search(text):
        words = found["code"].strip().lower()
        squashed = re.sub(r"[\s.]", "", words)
        code = (
            words[:3].upper()
            if words[:3].upper() in CURRENCIES and (len(words) == 3 or not words[3].isalpha())
            else next((c for name, c in _CURRENCY_NAMES.items() if squashed.startswith(name)), "")
        )
        if code:
            return code
    if where == "label":
        return ""
    if where == "header":
        codes = [m["code"] for m in _CODE_WORD.finditer(text)]
    elif _EEFC.search(text):
        codes = [m["code"] for m in _CODE_WORD.finditer(text) if m["code"] != "INR"]
    else:
        codes = [m["code"] for m in _NUMBERED_CODE.finditer(text)]
    return next((code for code in codes if code in CURRENCIES), "")


def _name(text: str) -> str:
    return re.sub(r"[\s.,:;\-]+$", "", " ".join(text.split()))


def _texts(row: Sequence[Any]) -> list[str]:
    texts = []
    for cell in row:
        try:
            text = clean_text(cell)
        except ValueError:
            continue
        if text:
            texts.append(text)
    return texts


def read_titles(rows: Sequence[Sequence[Any]]) -> Titles:
    """The account holder, account number (as printed) and period the title lines give."""
    company = account = ""
    period: tuple[date | None, date | None] = (None, None)
    starts: list[str] = []
    ends: list[str] = []
    said_so = False
    lines: list[str] = []
    for row in rows:
        texts = _texts(row)
        if not texts:
            continue
        line = " ".join(texts)
        lines.append(line)
        if not account and (found := _ICICI_LIST.search(line)):
            account = found.group("number")
            company = company or _name(found.group("name"))
        if not company and (found := _NUMBER_THEN_HOLDER.search(line)):
            company = _name(found.group("name"))
        if not account and (found := _ACCOUNT.search(line)):
            number = found.group("number")
            if sum(c.isdigit() or c in "Xx*" for c in number) >= 6:
                account = number
        if not said_so and (found := _PERIOD.search(line)) and (dates := _dates(*found.groups())):
            # a line that says it is the statement's period outranks an earlier pair of dates
            # (`Cheques for collection 01/09/2026 - 05/09/2026`)
            said_so = _SAYS_PERIOD.search(found.group(0)) is not None
            if said_so or period == (None, None):
                period = dates
        if found := _PERIOD_START.search(line):
            starts.append(found.group(1))
        if found := _PERIOD_END.search(line):
            ends.append(found.group(1))
        if not company:
            company = _holder(texts)
    if period == (None, None) and starts and ends:
        period = _dates(starts[0], ends[0]) or period
    if period == (None, None):  # `For the month of November 2026`: the month is the period
        period = next((month for line in lines if (month := month_in(line))), period)
    # a labelled `Currency : INR` outranks a code seen elsewhere in the heading
    currency = next((c for line in lines if (c := currency_in(line, where="label"))), "") or next(
        (c for line in lines if (c := currency_in(line))), ""
    )
    return Titles(company, account, period, _bank(lines, company), currency)


def _bank(lines: list[str], holder: str) -> str:
    """The bank the title lines name: an IFSC on any line, else a bank's full name (`strict`,
    see `bank_named`) on a line above the holder's (the address below may say `OPP. SBI`, and
    the holder be M/S AXIS TRADERS)."""
    above = next((n for n, line in enumerate(lines) if holder and holder in line), len(lines))
    return ifsc_bank(lines) or bank_of(lines[:above], strict=True)


def period_in(line: str) -> tuple[date, date] | None:
    """The period a title line gives in any of the wordings `_PERIOD` knows, or None.

    >>> period_in("1 Oct 2026 to 31 Oct 2026"), period_in("Ledger of HDFC Bank")
    ((datetime.date(2026, 10, 1), datetime.date(2026, 10, 31)), None)
    """
    found = _PERIOD.search(line)
    return _dates(*found.groups()) if found else None


def without_period(text: str) -> str:
    """`text` with the period it names taken out, and the words that lead to it (`for the month
    of`, `from`, `for the period`): what a ledger's title line says besides its period.

    >>> without_period("Bank Book - HDFC - November 2026")
    'Bank Book - HDFC - '
    >>> without_period("HDFC Bank Book for 1-Nov-2026 to 30-Nov-2026 (Online)")
    'HDFC Bank Book (Online)'
    """
    found = _TWO_DATES.search(text)
    if found and _dates(*found.groups()):
        text = _cut(text, found.start(), found.end())
    for found in reversed(list(_MONTH_YEAR.finditer(text))):
        if month_number(found["month"]) and not _DAY_BEFORE.search(text[: found.start()]):
            text = _cut(text, found.start(), found.end())
    return text


_TWO_DATES = re.compile(rf"({_DATE})\s*(?:to|till|upto|up to|-|–)\s*({_DATE})", re.IGNORECASE)
_LEADS_TO_PERIOD = re.compile(
    r"\s*\b(?:for|from|of|period|dated?)(?:\s+(?:the|month|period|year|of|from|dated?))*\s*[:\-–]?\s*$",
    re.IGNORECASE,
)


def without_lead_words(text: str) -> str:
    """`text` without the words at its end that would lead to a period (`HDFC Bank Book for`,
    where the dates after `for` were taken off)."""
    return _LEADS_TO_PERIOD.sub("", text)


def _cut(text: str, start: int, end: int) -> str:
    """`text` without text[start:end] and the words before it that lead to a period."""
    before = _LEADS_TO_PERIOD.sub("", text[:start])
    after = text[end:]
    return f"{before} {after.lstrip()}" if before and after.strip() else before + after


_MONTH_YEAR = re.compile(
    r"(?<![^\W\d_])(?P<month>[^\W\d_]{3,9})\.?[\s.'’,-]*(?P<year>(?:19|20)\d{2}|\d{2})"
    r"(?![\w/])(?!\s*[-./,]?\s*\d)"
)
"""A month and its year (`November 2026`, `Nov-26`, `Nov'26`), no day after it (`Nov 26, 2026`)
nor a year after it (`Apr 2026-27`)."""
_DAY_BEFORE = re.compile(r"(?<!\d)\d{1,2}(?:st|nd|rd|th)?[\s./,-]*$", re.IGNORECASE)
"""A day written before a month (`01-Nov-26`, `1st November 2026`): a date, not a month."""


def month_in(text: str) -> tuple[date, date] | None:
    """The month a title line or a sheet's name names with its year (`For the month of November
    2026`, `Bank Book - Nov 2026`, a sheet `Nov-26`), as its first and last day, or the months
    from one to another (`April 2026 to March 2027`); None where it names none (a date such as
    `Generated on 01-Dec-2026` is no month).

    >>> month_in("For the month of November 2026"), month_in("Opened 01-Nov-2019")
    ((datetime.date(2026, 11, 1), datetime.date(2026, 11, 30)), None)
    >>> month_in("Mar-30")
    (datetime.date(2030, 3, 1), datetime.date(2030, 3, 31))
    """
    months: list[date] = []
    for found in _MONTH_YEAR.finditer(text):
        month = month_number(found["month"])
        if not month or _DAY_BEFORE.search(text[: found.start()]):
            continue
        digits = found["year"]
        # a book's month is this century's: `Nov-30` is 2030 (Excel's rule for a typed date
        # would make it 1930)
        months.append(date(2000 + int(digits) if len(digits) == 2 else int(digits), month, 1))
    if not months:
        return None
    last = months[-1] if months[-1] > months[0] else months[0]
    return months[0], month_end(last)


def _dates(first: str | Any, last: str | Any) -> tuple[date, date] | None:
    """The period from `first` to `last` as a title writes them (day first, else month first);
    None unless both are dates and the first is not after the last."""
    for day_first in (True, False):  # an American export writes 12/01/2025 to 01/31/2026
        try:
            start, end = parse_date(first, day_first), parse_date(last, day_first)
        except ValueError:
            continue
        if start and end and start <= end:
            return start, end
    return None


def _holder(texts: list[str]) -> str:
    for index, text in enumerate(texts):
        if found := _HOLDER_LABEL.match(text):
            name = found.group("name") or ""
            if not name.strip(" :-"):
                rest = [t for t in texts[index + 1 :] if t.strip(" :-")]
                name = rest[0].lstrip(" :-") if rest else ""  # AU's `Customer Name | : M/S …`
            if firm := _FIRM.match(name):  # Name : M/S SHREE BALAJI TRADERS
                name = firm.group("name")
            if _name(name):
                return _name(name)
        if found := _HONORIFIC.match(text):
            return _name(found.group("name"))
    return ""


# -- summary blocks --------------------------------------------------------------------------

_LABELS: dict[str, str] = {
    **dict.fromkeys(
        (
            "opening balance",
            "opening bal",
            "opening",
            "balance b/f",
            "b/f",
            "brought forward",
            "balance brought forward",
            "by opening balance",  # a co-operative bank's first row, written as a ledger's
            "by balance b/f",
            "bal b/f",
            "b/f balance",
            "balance forward",
            "op bal",  # `Op. Bal` and `Cl. Bal`, a small bank's footer (helper-135's nobal1)
            "op balance",
            "opg bal",
            "opg balance",
            "old balance",  # Deutsche Bank's `Old balance:` and `Account balance`
        ),
        "opening",
    ),
    **dict.fromkeys(
        (
            "closing balance",
            "closing bal",
            "closing",
            "balance c/f",
            "to closing balance",
            "cl bal",
            "cl balance",
            "clg bal",
            "clg balance",
            "account balance",
            "new balance",
        ),
        "closing",
    ),
    **dict.fromkeys(
        (
            "debits",
            "total debits",
            "total debit",
            "debit total",
            "total dr",
            "dr total",
            "total withdrawals",
            "total withdrawal",
            "withdrawals",
        ),
        "debits",
    ),
    **dict.fromkeys(
        (
            "credits",
            "total credits",
            "total credit",
            "credit total",
            "total cr",
            "cr total",
            "total deposits",
            "total deposit",
            "deposits",
        ),
        "credits",
    ),
    **dict.fromkeys(
        ("dr count", "debit count", "debits count", "no of debits", "count of debits"),
        "debit_count",
    ),
    **dict.fromkeys(
        ("cr count", "credit count", "credits count", "no of credits", "count of credits"),
        "credit_count",
    ),
    **dict.fromkeys(("total", "totals", "grand total", "transaction total"), "total"),
    **dict.fromkeys(("transaction total dr/cr", "total dr/cr", "totals dr/cr"), "total_pair"),
}
"""Summary labels, as `_label` folds them, and the figure each names. `total` takes its
figures from the withdrawal and deposit columns; `total_pair` from one cell `debits/credits`."""
_OPENING_AS_ON = re.compile(r"^(?:opening\s+)?balance\s+as\s+on\b", re.IGNORECASE)
_AS_ON_DAY = re.compile(
    r"as\s+on\s*:?\s*("
    r"\d{4}-\d{1,2}-\d{1,2}"  # 2026-11-30
    r"|\d{1,2}[-/.]\d{1,2}[-/.]\d{2,4}"  # 30-11-2026
    r"|\d{1,2}[- ]?[A-Za-z]{3,9}[- ,]*\d{2,4}"  # 30-NOV-2026, 30 Nov 2026
    r"|[A-Za-z]{3,9}\.?\s+\d{1,2},?\s+\d{4}"  # Nov 30, 2026
    r")(?:[ T]\d{1,2}:\d{2}(?::\d{2})?(?:\s*[AP]M)?)?",  # and a time
    re.IGNORECASE,
)
"""The day of a `Balance as on 30-11-2026` heading (and the time after it, which says nothing)."""


def _as_on(cell: str, lines: tuple[date, date] | None) -> str | None:
    """What a `Balance as on <day>` heading above the lines states: the opening where its day
    is no later than the first line's (or it names none: SBI's `Balance as on 1 Nov 2026`),
    the closing where it is the last line's day or later (a statement drawn at the period's
    end heads itself with the balance then: `Balance as on 30-11-2026 : 1,87,774.05 Cr`,
    read as the opening, left a statement with no balance column none to reconcile to), and
    neither in between."""
    found = _AS_ON_DAY.search(cell)
    if found is None or lines is None:
        return "opening"
    try:
        day = parse_date(found.group(1))
    except ValueError:
        return "opening"
    if day is None or day <= lines[0]:
        return "opening"
    return "closing" if day >= lines[1] else None


BLOCK_START = (
    r"(?i)^[\s*:\-]*(?:statement\s+summary|summary|transaction\s+total|grand\s+total|totals?"
    r"|legends?|(?:(?:by|to)\s+)?(?:closing|opening|op\.?|opg\.?|cl\.?|clg\.?)\s*bal(?:ance)?"
    r"|(?:old|new|account)\s+balance"
    r"|dr\s+count|cr\s+count"
    r"|end\s+of\s+statement)\b"
)
"""A cell that starts a summary, total or legend block: below the first line, such a row (with
no date) ends the transactions. Page totals and `carried forward` lines do not."""


def _label(text: str) -> str:
    return " ".join(re.sub(r"[^a-z0-9/]+", " ", text.casefold()).split())


def _figure(cell: Any, *, balance: bool = False) -> int | None:
    """An amount in paise from a summary cell, or None. A balance marked Cr is money in the
    account (positive), one marked Dr is overdrawn."""
    if is_blank(cell) or isinstance(cell, bool):
        return None
    if isinstance(cell, str):
        cell = re.sub(r"^\s*:\s*", "", cell)  # AU's `Opening Balance | : 10,000.00`
    try:
        amount = one_amount(cell)
    except ValueError:
        return None
    if amount is None:
        return None
    if balance and isinstance(cell, str):
        marked = side_marks(pd.Series([cell], dtype=object))[0]
        if marked == DEBIT_MARK:
            amount = -abs(amount)
        elif marked == CREDIT_MARK:
            amount = abs(amount)
    return to_paise(amount)


def _count(cell: Any) -> int | None:
    paise = _figure(cell)
    if paise is None or paise % 100 or paise < 0:
        return None
    return paise // 100


def _value(key: str, cell: Any) -> int | None:
    if key.endswith("_count"):
        return _count(cell)
    return _figure(cell, balance=key in ("opening", "closing"))


def _with_side(key: str, cells: Sequence[tuple[int, Any]], n: int) -> Any:
    """The n-th cell right of a balance's label, with the `Dr` or `Cr` of the cell after it
    when that cell says only that (Federal Bank: `Opening Balance … 3,00,000.00 | Dr`)."""
    cell = cells[n][1]
    if key not in ("opening", "closing") or n + 1 >= len(cells) or is_blank(cell):
        return cell
    side = cells[n + 1][1]
    if isinstance(side, str) and _label(side) in ("dr", "cr"):
        return f"{cell} {side.strip()}"
    return cell


def block_rows(cells: pd.DataFrame) -> np.ndarray:
    """Which rows of `cells` start a summary, total or legend block (any cell, by its words)."""
    found = np.zeros(len(cells), dtype=bool)
    for name in cells.columns:
        column = cells[name]
        text = strings(column.astype(object).where(column.notna(), "").astype(str))
        found |= contains(text, BLOCK_START)
    return found


def figures_only(cells: Sequence[Any]) -> bool:
    """Whether a row holds two figures or more and nothing else (no label, no date): a
    summary's figures printed on a row of their own."""
    filled = [c for c in cells if not is_blank(c)]
    return len(filled) >= 2 and all(
        not isinstance(c, bool | date) and _figure(c) is not None for c in filled
    )


def _take_over(
    over: tuple[tuple[int, Sequence[Any]], dict[int, str]],
    take: Callable[[str, int | None, int], bool],
) -> None:
    """Take the figures of a row printed over its labels (`read_summary`), each its label's."""
    (figures_row, figures), labels = over
    for i, key in labels.items():
        if i < len(figures):
            take(key, _value(key, figures[i]), figures_row)


def read_summary(
    rows: Sequence[tuple[int, Sequence[Any]]],
    roles: Mapping[int, Role] | None = None,
    *,
    top: bool = False,
    lines: tuple[date, date] | None = None,
) -> Summary:
    """The figures stated in summary rows (Excel row, cells): a label with its figure to its
    right (`CLOSING BALANCE … -,91,02,973.87`, `Opening Balance : 12,345.00`), a row of
    labels over a row of figures (HDFC), or under one (Airtel). `roles` names the columns' roles by position, for a
    plain `Total` row; `top` reads `Balance as on …` (above the lines) as the opening, or as
    the closing where its day is that of the last of the `lines` (their first and last day) or
    later (`_as_on`)."""
    found: dict[str, int] = {}
    where: dict[str, int] = {}
    pending: dict[int, str] = {}
    used: set[int] = set()
    roles = roles or {}

    def take(key: str, value: int | None, excel_row: int) -> bool:
        if value is None:
            return False
        if key not in found:
            found[key], where[key] = value, excel_row
        used.add(excel_row)
        return True

    figures_above: tuple[int, Sequence[Any]] | None = None  # the row above, of figures alone
    # a row of labels with no figures beside them and a row of figures alone right above it,
    # each under a label (Airtel: `₹54,231.03 | ₹54,364.91` over `Opening Balance | Closing
    # Balance`): its figures are the labels', unless a row of figures follows the labels (HDFC's
    # labels over figures, under a page's unlabelled totals)
    over_labels: tuple[tuple[int, Sequence[Any]], dict[int, str]] | None = None
    for excel_row, cells in rows:
        filled = [(i, c) for i, c in enumerate(cells) if not is_blank(c)]
        if not filled:
            figures_above = None
            continue
        above, figures_above = (
            figures_above,
            ((excel_row, cells) if figures_only(cells) and excel_row not in used else None),
        )
        labels: dict[int, str] = {}
        inline: dict[int, tuple[str, str]] = {}
        for i, cell in filled:
            if not isinstance(cell, str):
                continue
            key = _LABELS.get(_label(cell))
            if key is None and top and (as_on := _OPENING_AS_ON.match(cell.strip())):
                key = _as_on(cell, lines)
                day = _AS_ON_DAY.search(cell)  # the figure after the day, in the same cell
                rest = cell[day.end() :] if day is not None else cell.strip()[as_on.end() :]
                figure = rest.strip(" :=-\t")
                if key is not None and figure and _value(key, figure) is not None:  # in its cell
                    inline[i] = (key, figure)
                    continue
            if key is not None:
                labels[i] = key
            elif found_inline := re.match(r"^\s*([A-Za-z][A-Za-z /.]*?)\s*[:=]-?\s*(\S.*)$", cell):
                key = _LABELS.get(_label(found_inline.group(1)))
                if key is not None and key not in ("total", "total_pair"):
                    inline[i] = (key, found_inline.group(2))
        for key, text in inline.values():
            take(key, _value(key, text), excel_row)
        if pending and not labels:  # the figures under a row of labels
            got = [
                take(key, _value(key, cells[i]), excel_row)
                for i, key in pending.items()
                if i < len(cells)
            ]
            if not any(got) and over_labels is not None:  # `End of statement`: none under
                _take_over(over_labels, take)
            pending = {}
            over_labels = None
            continue
        pending = {}
        starts = sorted(labels)
        for n, i in enumerate(starts):
            key = labels[i]
            stop = starts[n + 1] if n + 1 < len(starts) else len(cells)
            right = [(j, c) for j, c in filled if i < j < stop]
            if key == "total":
                got = [
                    take(
                        "debits" if roles[j] is Role.WITHDRAWAL else "credits",
                        _figure(c),
                        excel_row,
                    )
                    for j, c in right
                    if roles.get(j) in (Role.WITHDRAWAL, Role.DEPOSIT)
                ]
                if not any(got):
                    pending[i] = key
                continue
            if key == "total_pair":
                for _, c in right:
                    parts = str(c).split("/")
                    if len(parts) == 2:
                        debit, credit = _figure(parts[0]), _figure(parts[1])
                        if debit is not None and credit is not None:
                            take("debits", debit, excel_row)
                            take("credits", credit, excel_row)
                            break
                continue
            if key in ("opening", "closing"):  # B/F with page totals: the balance is the figure
                right.sort(key=lambda cell: roles.get(cell[0]) is not Role.BALANCE)
            if not any(
                take(key, _value(key, _with_side(key, right, n)), excel_row)
                for n, (j, c) in enumerate(right[:3])
            ):
                pending[i] = key
        over = None
        if (
            above is not None
            and above[0] == excel_row - 1  # the row right above, whose figures none took
            and above[0] not in used
            and pending
            and len(pending) == len(labels) >= 2
            and {i for i, c in enumerate(above[1]) if not is_blank(c)} <= set(pending)
        ):
            over = (above, dict(pending))  # taken only where no figures follow the labels
        if over_labels is not None and labels:  # the labels before had no figures under them
            _take_over(over_labels, take)
        over_labels = over
    if over_labels is not None and pending:
        _take_over(over_labels, take)
    return Summary(
        opening=found.get("opening"),
        closing=found.get("closing"),
        debits=found.get("debits"),
        credits=found.get("credits"),
        debit_count=found.get("debit_count"),
        credit_count=found.get("credit_count"),
        rows=where,
        used=frozenset(used),
    )


def merged(first: Summary, second: Summary) -> Summary:
    """`first`'s figures, and `second`'s where `first` has none."""
    values: dict[str, Any] = {}
    for name in ("opening", "closing", "debits", "credits", "debit_count", "credit_count"):
        mine = getattr(first, name)
        values[name] = mine if mine is not None else getattr(second, name)
    return Summary(**values, rows={**second.rows, **first.rows}, used=first.used | second.used)
