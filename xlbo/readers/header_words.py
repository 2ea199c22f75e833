"""How a header row is read, whatever the file (a bank statement, a ledger export): the key
header words compare by, the word of a reader's vocabulary a header is, and a header written
over two rows, read as one.

A header is known by its letters, any case, `#` read as `No.`; failing that, by its words
outside brackets (a unit or a format hint: `(INR)`, `(dd/mm/yyyy)`), without a currency after
a money word (`Withdrawal INR`, `Debit Rs.`), or without the time after a date (`DATE & TIME`):

>>> word_key("Chq./Ref.No."), word_key("Transaction#"), word_key("Debit (INR)")
('chqrefno', 'transactionno', 'debitinr')
>>> words = {"date", "debit", "transactionno"}
>>> [known_word(h, words, money={"debit"}, dates={"date"}) for h in
...  ("Debit (INR)", "Debit Rs.", "Balance [₹]", "Date & Time", "Transaction #", "Lifetime")]
['debit', 'debit', None, 'date', 'transactionno', None]

Statements converted from print and ledger reports with merged cells split a header over two
rows: `Transaction` over `Date`, `Withdrawal` over `Amount (Dr)`, `Transactions` merged over
`Debit | Credit`, or `Debit | Credit` above `Date | Particulars | Debit |` with the last cell
left for the row above. Each column's header is then the first of its two words joined, its
lower word and its upper word that names a column the reader knows (`known`):

>>> known = {"date", "transactiondate", "debit", "credit", "particulars"}.__contains__
>>> def key(text: str) -> str:
...     return text.casefold().replace(" ", "")
>>> two_row_header(["Transaction", "", "Debit", "Credit"], ["Date", "Particulars", "Debit", ""],
...                lambda text: known(key(text)))
['Transaction Date', 'Particulars', 'Debit', 'Credit']
"""

from __future__ import annotations

import re
from collections.abc import Callable, Container, Sequence
from dataclasses import replace
from typing import Any

from xlbo.book.table import Table, column_letter, header_text

_DIGIT = re.compile(r"\d")
_BRACKETED = re.compile(r"\([^)]*\)?")
"""`(INR)`, `(dd/mm/yyyy)`, `(SOL)`, and an unclosed `(INR` at the end of a cut header."""
_CURRENCY_TAIL = re.compile(r"(?:inr|rs|rupees)$")
"""A currency written after a money header without brackets: Equitas's `Withdrawal INR`,
`Closing Balance INR`; `Debit Rs`."""
_TIME_TAIL = re.compile(r"(?:and|&)?time$")
"""A date header that says the cell holds the time too: Paytm's `DATE & TIME`, `Transaction
Date & Time`."""


HINDI_OPENING = r"(?:प्रारंभिक|प्रारम्भिक|आरंभिक|आरम्भिक|अथ)\s+शेष|(?:मागील|आरंभीची)\s+शिल्लक"
"""Hindi's words for an opening balance line (`प्रारंभिक शेष`, `अथ शेष`), and Marathi's
(`मागील शिल्लक`, as Maharashtra's co-operative banks print it), as a pattern that Python's `re`
and RE2 (pyarrow) both read."""
HINDI_CLOSING = r"(?:अंतिम|अन्तिम|इति|समापन)\s+शेष|(?:अखेरची|शेवटची)\s+शिल्लक"
"""…for a closing balance line (`अंतिम शेष`; Marathi's `अखेरची शिल्लक`)."""
HINDI_TOTAL = r"कुल(?:\s+योग)?|योग|एकूण"
"""…for a total line (`कुल`, `योग`, `कुल योग`; Marathi's `एकूण`)."""

HINDI_HEADERS = {
    "तिथि": "date",
    "दिनांक": "date",
    "विवरण": "particulars",
    "नामे": "debit",
    "जमा": "credit",
    "शेष": "balance",
    "बकाया": "balance",
    "चेक संख्या": "chequeno",
    "चेक नं": "chequeno",
    "प्रमाणक संख्या": "vchno",
    "प्रमाणक प्रकार": "vchtype",
    # Marathi (a Maharashtra co-operative bank's statement): नावे, not Hindi's नामे
    "तपशील": "particulars",
    "नावे": "debit",
    "शिल्लक": "balance",
    "धनादेश क्र": "chequeno",
    "धनादेश क्रमांक": "chequeno",
}
"""Hindi headers (a ledger or statement exported in Hindi), and Marathi's, as the English word
each is: `नामे` (Marathi `नावे`) debit, `जमा` credit. A header in both (`Date / तिथि`) is known
by its English."""


def word_key(text: Any) -> str:
    """How header words compare: letters only, any case, `#` read as `No.` (`Chq. No.` =
    `Chq #` = `chqno`); a Hindi header as its English word (`HINDI_HEADERS`)."""
    folded = header_text(text).casefold()
    key = re.sub(r"[^a-z]", "", folded.replace("#", "no"))
    if not key and folded:
        spaced = " ".join(_BRACKETED.sub(" ", folded).replace(".", " ").split())
        return HINDI_HEADERS.get(spaced, "")
    return key


def known_word(
    header: Any, words: Container[str], money: Container[str] = (), dates: Container[str] = ()
) -> str | None:
    """The key among `words` (each made by `word_key`) that a header is, or None: by its words,
    else by its words outside brackets (`Value Date (dd/mm/yyyy)`, `Withdrawal Amt (INR)`; but
    `WITHDRAWAL(DR)` is known whole), else, for a key in `money`, without a currency after it
    (`Withdrawal INR`) or, for a key in `dates`, without the time (`DATE & TIME`)."""
    text = header_text(header)
    key = word_key(text)
    if key in words:
        return key
    if "(" in text:
        key = word_key(_BRACKETED.sub(" ", text))
        if key in words:
            return key
    if _CURRENCY_TAIL.search(key) and _CURRENCY_TAIL.sub("", key) in money:
        return _CURRENCY_TAIL.sub("", key)
    if _TIME_TAIL.search(key) and _TIME_TAIL.sub("", key) in dates:
        return _TIME_TAIL.sub("", key)
    return None


def two_row_header(
    above: Sequence[Any], row: Sequence[Any], known: Callable[[str], bool]
) -> list[str] | None:
    """Each column's header read from two rows: their words joined (`Txn` and `Date` → `Txn
    Date`) where that names a column `known`, else the lower row's word where it does, else
    the upper row's where it does, else the words joined. None when the upper row is empty or
    either row holds anything but words without digits (a line, a date, an amount, an account
    number, a period: no header)."""
    if not any(isinstance(c, str) and c.strip() for c in above):
        return None
    for cell in (*above, *row):
        if cell is None or cell == "":
            continue
        if not isinstance(cell, str) or _DIGIT.search(cell):
            return None

    def text(cells: Sequence[Any], at: int) -> str:
        return header_text(cells[at]) if at < len(cells) else ""

    words: list[str] = []
    for at in range(max(len(above), len(row))):
        upper, lower = text(above, at), text(row, at)
        joined = " ".join(t for t in (upper, lower) if t)
        named = [w for w in (joined, lower, upper) if w and known(w)]
        words.append(named[0] if named else joined)
    return words


def renamed(table: Table, words: Sequence[str], known: Callable[[str], bool]) -> Table:
    """The table with each column named by its two header rows' words (`two_row_header`) where
    those name a column `known` (`Withdrawal Amount (Dr)`, not `Amount (Dr)`; `Date`, not
    `Column A`), the other names kept."""
    index = {column_letter(i): i for i in range(len(words))}
    names: dict[str, str] = {}
    taken = set(map(str, table.frame.columns))
    for name in map(str, table.frame.columns):
        at = index.get(table.letters.get(name, ""))
        if at is None or words[at] in taken or not known(words[at]):
            continue
        names[name] = words[at]
        taken.add(words[at])
    if not names:
        return table
    return replace(
        table,
        frame=table.frame.rename(columns=names),
        letters={names.get(n, n): letter for n, letter in table.letters.items()},
    )
