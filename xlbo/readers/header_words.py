"""How a header row is read, whatever the file (a bank statement, a ledger export): a header
written over two rows, read as one.

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
from collections.abc import Callable, Sequence
from dataclasses import replace
from typing import Any

from xlbo.book.table import Table, column_letter, header_text

_DIGIT = re.compile(r"\d")


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
