"""A statement file with no header row, its columns named by what they hold or by --map.

Some portals' "download transactions" CSV has no header at all: HSBC's personal internet
banking writes `02/11/2026,NEFT CR-HDFC0000240-SHREE BALAJI TRADERS-INV 1187,118000.00` and
`04/11/2026,CLG/000452/KAVERI PACKAGING,-35400.00` (date, description, signed amount), a line
a row from the first. With no header row to find, the statement reader refused it, and --map
could not help: it names columns by their headers.

`by_content` names the columns where every row reads alike: one column of dates, one of words
(the narration: the longest, where there are two), one signed amount and, beside it, maybe the
running balance (each row's balance the one above plus its amount); nothing where the rows
are not that plain (a withdrawal and a deposit column, a blank in half the rows: which is
which cannot be told). `by_letters` names them as --map gives them, by letter:
`--map "date=A,narration=B,amount=C"`.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from typing import Any

import numpy as np
import pandas as pd

from xlbo.book.table import column_letter
from xlbo.columns import amount_present, date_column, has_date, is_text, paise_column
from xlbo.readers.roles import Role

LOOKED_AT = 200
"""The first rows whose cells decide what each column holds."""
MOSTLY = 0.9
"""The share of those rows a column's cells must agree in (a date, a figure, words)."""
HEADERS = {
    Role.DATE: "Date",
    Role.VALUE_DATE: "Value Date",
    Role.NARRATION: "Narration",
    Role.REFERENCE: "Reference",
    Role.WITHDRAWAL: "Withdrawal",
    Role.DEPOSIT: "Deposit",
    Role.AMOUNT: "Amount",
    Role.SIDE: "Dr/Cr",
    Role.BALANCE: "Balance",
}
"""The header each role's column is read under (words the statement reader knows)."""
_LETTER = re.compile(r"[A-Za-z]{1,3}")


def by_letters(mapping: Mapping[Role, str], width: int) -> list[str] | None:
    """The header of a file whose columns --map names by letter (`date=A,amount=C`), or None
    where it names any by another word (a header the file should hold)."""
    if not mapping or not all(_LETTER.fullmatch(v.strip()) for v in mapping.values()):
        return None
    places = {role: _index(letter.strip()) for role, letter in mapping.items()}
    header = [""] * max(width, max(places.values()) + 1)
    for role, place in places.items():
        header[place] = HEADERS[role]
    return header


def _index(letters: str) -> int:
    number = 0
    for letter in letters.upper():
        number = number * 26 + ord(letter) - ord("A") + 1
    return number - 1


def by_content(rows: Sequence[Sequence[Any]]) -> list[str] | None:
    """The header the columns' cells say (see the module), or None."""
    body = [list(row) for row in rows if any(c not in ("", None) for c in row)][:LOOKED_AT]
    if len(body) < 2:
        return None
    width = max(map(len, body))
    cells = pd.DataFrame([[*row, *[None] * (width - len(row))] for row in body], dtype=object)
    cells = cells.where(cells != "", None)
    dated, money, worded = [], [], []
    for at in range(width):
        column = cells[at]
        dates = has_date(date_column(column)[0])
        figures = amount_present(column) & ~dates
        _, bad = paise_column(column)
        figures[list(bad)] = False
        words = is_text(column) & ~dates & ~figures
        if dates.mean() >= MOSTLY:
            dated.append(at)
        elif figures.mean() >= MOSTLY:
            money.append(at)
        elif words.mean() >= MOSTLY:
            worded.append(at)
        elif column.notna().any():
            return None  # a column of neither: not a plain file
    if len(dated) != 1 or not worded or not 1 <= len(money) <= 2:
        return None
    header = [""] * width
    header[dated[0]] = HEADERS[Role.DATE]
    lengths = [cells[at].astype(str).str.len().mean() for at in worded]
    header[worded[int(np.argmax(lengths))]] = HEADERS[Role.NARRATION]
    if len(money) == 1:
        header[money[0]] = HEADERS[Role.AMOUNT]
        return header
    paise = [paise_column(cells[at])[0] for at in money]
    for amount, balance in ((0, 1), (1, 0)):
        moved = np.diff(np.asarray(paise[balance], dtype=np.int64))
        runs = moved == np.asarray(paise[amount], dtype=np.int64)[1:]
        if runs.mean() >= MOSTLY:  # each balance the one above plus the row's amount
            header[money[amount]] = HEADERS[Role.AMOUNT]
            header[money[balance]] = HEADERS[Role.BALANCE]
            return header
    return None


def described(header: Sequence[str]) -> str:
    """`A as the date, B as the narration, C as the amount (minus: money out)`."""
    said = {
        HEADERS[Role.AMOUNT]: "the amount (a minus: money out)",
        HEADERS[Role.BALANCE]: "the balance",
    }
    return ", ".join(
        f"{column_letter(at)} as {said.get(name, 'the ' + name.lower())}"
        for at, name in enumerate(header)
        if name
    )
