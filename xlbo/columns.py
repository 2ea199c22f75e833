"""Cells read a whole column at a time: the same answers as `xlbo.cells`, `xlbo.money` and
`xlbo.dates`, at a million rows.

Each function takes the fast vectorised road for the cells that are plainly what they should be
(a number that is a whole number of paise, `1,23,456.50` as text, a date already a date) and
hands every other cell to the one-cell reader, so the answers — and the error messages — are the
ones a single cell gets.

>>> paise, problems = paise_column(pd.Series([1234.5, "1,23,456.50", None, "(100)", "abc"]))
>>> paise.tolist(), problems
([123450, 12345650, 0, -10000, 0], {4: "'abc' is not an amount; type a number such as 1,23,456.50"})

Amounts written with a decimal comma (`1.234,56`, `999,00`: many `;`-separated exports) are read
at their value when the caller says the column writes them so (`paise_column(cells, ",")`);
`comma_cells` and `point_cells` find the cells that prove either mark.
"""

from __future__ import annotations

import re
from datetime import date
from decimal import Decimal
from typing import Any

import numpy as np
import pandas as pd

from xlbo.arrow import pa, pc
from xlbo.cells import clean_text, is_blank
from xlbo.dates import (
    DateOrder,
    date_order,
    day_alone,
    day_and_month,
    day_in_period,
    in_period,
    is_ditto,
    month_end,
    moved,
    outside_years,
    parse_date,
)
from xlbo.money import NO_AMOUNT, from_paise, parse_amount, to_paise

_EXACT_PAISE = 2**46
"""Below this many paise (about ₹70,000 crore) a float's binary noise is far below half a paisa,
so a third decimal is still seen; larger amounts are read one cell at a time, exactly."""
_PLAIN_AMOUNT = r"-?(?:[0-9]{1,3}(?:,[0-9]{2,3})+|[0-9]+)(?:\.[0-9]+)?"
"""Text the bulk reader takes: digits with Indian or Western grouping, a decimal point, a minus.
Everything else (brackets, ₹, Rs., Dr/Cr, /-) is for `parse_amount`."""


def _numbers(values: pd.Series) -> np.ndarray:
    """Floats of the cells that are plainly amounts — numbers, and text matching _PLAIN_AMOUNT —
    NaN elsewhere (True/False are not numbers)."""
    if pd.api.types.is_bool_dtype(values.dtype):
        return np.full(len(values), np.nan)
    if pd.api.types.is_numeric_dtype(values.dtype):
        return values.to_numpy(dtype="float64", na_value=np.nan)
    if values.dtype == object:
        kinds = values.map(type)
        numeric = kinds.isin([float, int, np.float64, np.int64]).to_numpy(dtype=bool)
        texts = kinds.isin([str]).to_numpy(dtype=bool)
    else:  # a string column
        numeric = np.zeros(len(values), dtype=bool)
        texts = values.notna().to_numpy(dtype=bool)
    numbers = np.full(len(values), np.nan)
    if numeric.any():
        numbers[numeric] = values[numeric].to_numpy(dtype="float64")
    if texts.any():
        cells = values[texts]  # pandas' string type is not copied through Python objects
        if not isinstance(cells.dtype, pd.StringDtype):
            cells = cells.astype(object)
        text = strings(cells).str.strip()
        plain = matches(text, _PLAIN_AMOUNT)
        odd = np.flatnonzero(~plain)
        if len(odd):  # Axis Bank's overdrawn balances: -,93,39,895.11
            fixed = text.iloc[odd].str.replace(_MINUS_COMMA, "-", regex=True)
            text.iloc[odd] = fixed
            plain[odd] = matches(fixed, _PLAIN_AMOUNT)
        where = np.flatnonzero(texts)[plain]
        numbers[where] = pd.to_numeric(text[plain].str.replace(",", "", regex=False)).to_numpy(
            dtype="float64"
        )
        odd = np.flatnonzero(~plain)
        if len(odd):  # balances with their side: 1,03,500.00 Cr (Cr negative, as parse_amount)
            sided = text.iloc[odd]
            figure = extract(sided, _SIDED_AMOUNT)
            found = (figure != "").to_numpy(dtype=bool)
            if found.any():
                credit = contains(sided[found], r"(?i)cr\.?$")
                value = pd.to_numeric(figure[found].str.replace(",", "", regex=False))
                numbers[np.flatnonzero(texts)[odd[found]]] = np.where(
                    credit, -1.0, 1.0
                ) * value.to_numpy(dtype="float64")
    return numbers


_SIDED_AMOUNT = rf"^(?P<found>{_PLAIN_AMOUNT})\s*(?i:dr|cr)\.?$"


_MINUS_COMMA = r"^-\s*,"
"""A minus sign glued to a stray leading comma: `-,93,39,895.11` (Axis Bank's CSV)."""


def one_amount(value: Any) -> Decimal | None:
    """`parse_amount` of one cell, but for the quirks of bank exports it does not know: a tab
    before the number (Axis writes `"\t3,932.20"`), a minus glued to a leading comma
    (`-,93,39,895.11`), and Dr or Cr glued to the figure (`10,500.00Cr`)."""
    if isinstance(value, str):
        text = value.strip()
        if re.match(_MINUS_COMMA, text):
            text = "-" + re.sub(_MINUS_COMMA, "", text)
        value = _GLUED_SIDE.sub(r"\1 \2", text)
    return parse_amount(value)


_GLUED_SIDE = re.compile(r"([0-9])((?:dr|cr)\.?)$", re.IGNORECASE)
"""`10,500.00Cr`: a Dr or Cr written against the figure (Central Bank of India, PNB)."""


def amount_present(values: pd.Series) -> np.ndarray:
    """Which cells hold an amount at all (not blank as `is_blank` sees it, not a lone dash)."""
    present = np.array(values.notna().to_numpy(), dtype=bool)  # a number or a date is
    where, raw = _text_cells(values)  # only text cells are looked into (no other conversion)
    if not len(raw):
        return present
    raw = raw.fillna("")
    text = raw.str.strip()
    blank = (text == "").to_numpy(dtype=bool)
    written = ~blank & ~text.isin(NO_AMOUNT).to_numpy(dtype=bool)
    unsure = blank & (raw != "").to_numpy(dtype=bool)
    cells = np.flatnonzero(where)
    for at in np.flatnonzero(unsure).tolist():  # odd whitespace: the one-cell rule decides
        written[at] = not is_blank(values.iat[int(cells[at])])
    present[cells] &= written
    return present


def paise_column(values: pd.Series, decimal: str = ".") -> tuple[np.ndarray, dict[int, str]]:
    """Integer paise of every cell (0 for a blank or a bad cell) and, by position, the message
    for each cell that is not an amount — the answers `parse_amount` and `to_paise` give cell by
    cell. Numbers and plain text amounts (`1,23,456.50`) are converted in bulk; brackets, `₹`,
    `Dr`/`Cr`, `/-`, huge amounts and anything odd go through `parse_amount` one by one.

    `decimal=","` reads the text cells of a column that writes a decimal comma: `1.234,56` and
    `999,00` are ₹1,234.56 and ₹999.00 (dots and spaces between digits group thousands).
    """
    if decimal == ",":
        return _comma_paise(values)
    if pd.api.types.is_integer_dtype(values.dtype) and not values.hasnans:
        rupees = values.to_numpy(dtype=np.int64)
        safe = np.abs(rupees) < _EXACT_PAISE // 100
        out = np.where(safe, rupees * 100, 0).astype(np.int64)
        fast = safe
    else:
        numbers = _numbers(values)
        with np.errstate(invalid="ignore", over="ignore"):
            scaled = numbers * 100
            whole = np.rint(scaled)
            noise = np.maximum(1e-6, np.abs(scaled) * 2.0**-50)  # binary noise grows with size
            fast = (
                np.isfinite(scaled)
                & (np.abs(scaled - whole) < noise)
                & (np.abs(whole) < _EXACT_PAISE)
            )
        out = np.where(fast, whole, 0).astype(np.int64)
    left = np.flatnonzero(~fast & amount_present(values))
    problems: dict[int, str] = {}
    for position in left.tolist():
        value = values.iat[position]
        try:
            amount = one_amount(value)
            paise = exact_paise(amount, value)
        except ValueError as error:
            problems[position] = str(error)
            continue
        out[position] = paise
    return out, problems


def exact_paise(amount: Decimal | None, value: Any) -> int:
    """`amount` (read from the cell `value`) in paise, 0 for none. A third decimal that is not
    zero (`50000.005`) is refused, never rounded: which paisa it should be is for the person who
    wrote it (`50000.000` is exact, and a float's binary noise is no decimal)."""
    if amount is None:
        return 0
    paise = to_paise(amount)
    if Decimal(paise) != amount * 100 and not (
        isinstance(value, float) and abs(Decimal(paise) - amount * 100) < Decimal("0.0001")
    ):
        raise ValueError(
            f"'{value}' has more than two decimal places; write the amount in rupees and "
            "paise as the bank or the voucher shows it (e.g. 50000.01)"
        )
    return paise


def _text_cells(values: pd.Series) -> tuple[np.ndarray, pd.Series]:
    """Where a column holds text, and that text as it is (pandas' string type): the whole
    column when it is text already (no copy), else its text cells."""
    if pd.api.types.is_string_dtype(values.dtype) and values.dtype != object:
        return np.ones(len(values), dtype=bool), values  # blanks never match a pattern
    where = is_text(values)
    if not where.any():
        return where, strings(pd.Series([], dtype=object))
    text = strings(pd.Series(values.to_numpy(dtype=object)[where], dtype=object))
    return where, text


_TYPE_OF = np.frompyfunc(type, 1, 1)
"""Each value's type, in numpy's loop (2.5 times a pandas map's speed)."""


def is_text(values: pd.Series) -> np.ndarray:
    """Which cells hold text (a `str`; blanks, numbers, dates and booleans do not). A column of
    pandas' string type answers at once, a column of numbers or dates too; only a column of
    mixed cells is looked at cell by cell."""
    if pd.api.types.is_string_dtype(values.dtype) and values.dtype != object:
        return np.asarray(values.notna().to_numpy(), dtype=bool)
    if values.dtype != object:
        return np.zeros(len(values), dtype=bool)
    kind = pd.api.types.infer_dtype(values, skipna=True)  # in C: all text, or nothing at all
    if kind in ("string", "empty"):
        return np.asarray(values.notna().to_numpy(), dtype=bool)
    return np.asarray(_TYPE_OF(values.to_numpy(dtype=object)) == str, dtype=bool)  # noqa: E721 - elementwise, on an array


def _holds(text: pd.Series, needle: str) -> bool:
    """Whether any cell of a text column holds `needle` (a plain substring search)."""
    if pc is not None and len(text):
        return bool(pc.any(pc.match_substring(_arrow(text), needle)).as_py())
    return bool(strings(text).str.contains(needle, regex=False).any())  # pragma: no cover


def _found(values: pd.Series, pattern: str, needle: str) -> np.ndarray:
    """Positions of the text cells holding `pattern` (only looked for where `needle` is)."""
    where, text = _text_cells(values)
    if not where.any() or not _holds(text, needle):
        return np.zeros(0, dtype=np.int64)
    hits = contains(text, pattern)
    if len(text) == len(values):
        return np.asarray(np.flatnonzero(hits), dtype=np.int64)
    return np.asarray(np.flatnonzero(where)[hits], dtype=np.int64)


_COMMA_PROOF = r"[0-9],[0-9]{1,2}(?:[^0-9,.]|$)"
"""A comma with one or two digits after it and no more: `999,00`, `1.234,5` (never grouping,
whose last group has three digits, the Indian way as much as the Western)."""
_POINT_PROOF = r"[0-9]\.[0-9]{1,2}(?:[^0-9,.]|$)"
_GROUPED = r"^\s*[-(]?[0-9]{1,3}(?:,[0-9]{3})+\)?\s*(?:[dDcC][rR]\.?)?\s*$"
"""`1,234` or `12,345,678`: thousands with a decimal point, or 1.234 with a decimal comma."""


_GROUPED_DOT = r"^\s*[-(]?[0-9]{1,3}(?:\.[0-9]{3})+\)?\s*(?:[dDcC][rR]\.?)?\s*$"
"""`1.234` or `1.234.567`: thousands with a decimal comma, or a third decimal with a point."""


def comma_cells(values: pd.Series) -> np.ndarray:
    """Positions of the text cells that can only be amounts with a decimal comma (`999,00`)."""
    return _found(values, _COMMA_PROOF, ",")


def point_cells(values: pd.Series) -> np.ndarray:
    """Positions of the text cells that write their paise after a decimal point (`1,234.50`)."""
    return _found(values, _POINT_PROOF, ".")


def unsure_commas(values: pd.Series) -> np.ndarray:
    """Positions of text cells like `1,234` (a comma, three digits after it, no decimals):
    ₹1,234 with a decimal point, ₹1.234 with a decimal comma. Only the file can say which."""
    return _found(values, _GROUPED, ",")


def unsure_points(values: pd.Series) -> np.ndarray:
    """Positions of text cells like `1.234` (a dot and three digits): ₹1,234 with a decimal
    comma, ₹1.234 — a third decimal — with a decimal point."""
    return _found(values, _GROUPED_DOT, ".")


def _comma_paise(values: pd.Series) -> tuple[np.ndarray, dict[int, str]]:
    where, text = _text_cells(values)
    if not where.any():
        return paise_column(values)
    pointed = (
        text.str.strip()
        .str.replace(".", "", regex=False)
        .str.replace(r"([0-9])[ \u00a0\u202f]+([0-9])", r"\1\2", regex=True)
        .str.replace(",", ".", regex=False)
    )
    cells = values.astype(object).copy()
    if len(text) == len(values):
        cells[:] = pointed.where(where, None).to_numpy(dtype=object)
    else:
        cells.iloc[np.flatnonzero(where)] = pointed.to_numpy(dtype=object)
    out, problems = paise_column(cells)
    for position, problem in problems.items():
        problems[position] = (
            f"'{values.iat[position]}' has more than two decimal places; write the amount in "
            "rupees and paise (e.g. 1.234,56)"
            if "decimal places" in problem
            else f"'{values.iat[position]}' is not an amount; type a number such as 1.234,56"
        )
    return out, problems


def money_column(paise: Any, *, blank_zero: bool = False) -> pd.Series:
    """Rupees with two decimals from integer paise, exactly and in bulk: an Arrow decimal
    column where pyarrow is present (Excel gets numbers, CSV `1234.50`, Parquet decimals),
    else a column of `Decimal`s. With `blank_zero`, a zero is a blank cell (a line's Debit
    where it is a credit, as a ledger prints it)."""
    values = np.ascontiguousarray(np.asarray(paise, dtype=np.int64))
    if pa is None:  # pragma: no cover - where pyarrow is absent
        return pd.Series(
            [None if blank_zero and not v else from_paise(int(v)) for v in values.tolist()],
            dtype=object,
        )
    unscaled = np.empty((len(values), 2), dtype=np.int64)  # a decimal128 is 16 bytes, low first
    unscaled[:, 0] = values
    unscaled[:, 1] = values >> 63
    kind = pa.decimal128(20, 2)
    valid = pa.py_buffer(np.packbits(values != 0, bitorder="little")) if blank_zero else None
    data = pa.py_buffer(unscaled.tobytes())
    array = pa.Array.from_buffers(kind, len(values), [valid, data])
    return pd.Series(array, dtype=pd.ArrowDtype(kind))


def date_column(
    values: pd.Series,
    *,
    serials_alone: bool = False,
    period: tuple[date | None, date | None] = (None, None),
    working_years: bool = False,
) -> tuple[list[date | None], DateOrder | None]:
    """The dates of a column in the order the column itself proves (day first unless its text
    proves month first); None where a cell is no date. Each distinct cell is read once.

    `serials_alone`: a number is an Excel serial date in a column whose dates are all numbers
    (a date cell that lost its format), and beside text or real dates only where the day it
    stands for falls among theirs (within `SERIAL_REACH` days of the first and the last: a user
    typed over one cell of a text-date column, and Excel kept a number). Elsewhere it is a
    figure written in the date column — HDFC's summary puts its opening balance (13399.36)
    there, which as a serial would be 6 September 1936. A whole number from 1 to 31 (`7`, or
    the text `7`) is then no serial (a day of January 1900) but a day of the month alone, as a
    bank book kept by hand writes it under the month its title names: the day of that number in
    `period` (`day_in_period`), else no date.

    `period`: the days the file says it covers (a statement's title); a date written without
    its year (`25 Oct`, `25/10`) takes the year that puts it in them (`in_period`).

    `working_years`: a date outside the years xlbo works with (`dates.FIRST_YEAR` to
    `LAST_YEAR`) is no date: a bank's line or a voucher of the year 1 or 9999 is a typing
    slip (`01/10/0026`), which `dates.outside_years` names."""
    codes, uniques = pd.factorize(values, use_na_sentinel=True)
    distinct = list(uniques)
    if serials_alone:  # a CSV written from Excel keeps a date cell that lost its format as text
        distinct = [_serial_text(value) for value in distinct]
    order = date_order(distinct)
    start, end = period
    if order is None and start is not None and end is not None:
        order = _order_of_period(distinct, start, end)
    day_first = order is not DateOrder.MONTH_FIRST
    parsed: list[date | None] = []
    for value in distinct:
        try:
            parsed.append(parse_date(value, day_first=day_first))
        except ValueError:
            parsed.append(None)
    if serials_alone:
        days = [day_alone(value) for value in distinct]
        for at, day in enumerate(days):
            if day is not None:
                parsed[at] = day_in_period(day, start, end) if start and end else None
        parsed = _serials_among_dates(distinct, parsed, days)
    if start is not None and end is not None:
        for at, value in enumerate(distinct):
            if parsed[at] is None and (found := day_and_month(value, day_first)) is not None:
                parsed[at] = in_period(*found, start, end)
    if working_years:
        parsed = [d if d is None or outside_years(d) is None else None for d in parsed]
    lookup = np.array([*parsed, None], dtype=object)
    return lookup[codes].tolist(), order


def _order_of_period(values: list[Any], start: date, end: date) -> DateOrder | None:
    """Month first where text dates no cell decides (`11/02/2026`, every day 12 or less) fall
    in the period the title gives (`From: 11/01/2026 To: 11/30/2026`, which only month first
    reads) more often read month first than day first; else None (day first stands). Odoo's
    General Ledger in English (US) writes its dates so: read day first, November's lines ran
    from 11 February to 11 December, none matched."""
    inside = [0, 0]
    for value in values:
        if not isinstance(value, str):
            continue
        for at, day_first in enumerate((True, False)):
            try:
                read = parse_date(value, day_first=day_first)
            except ValueError:
                continue
            inside[at] += read is not None and start <= read <= end
    return DateOrder.MONTH_FIRST if inside[1] > inside[0] else None


def ditto_dates(dates: list[date | None], cells: pd.Series, rows: np.ndarray) -> None:
    """Dates each date cell that holds a ditto mark (`"`, `do`, `〃`: `dates.is_ditto`) with
    the date of the nearest row above it that has one, in place; one with no date above it
    keeps none (and is reported as no date). `rows` are the cells' sheet rows: where they run
    back (a two-sided book's right side listed after its left), nothing above is taken."""
    undated = np.flatnonzero(~has_date(dates) & is_text(cells))  # few: a ditto is no date
    marks = np.zeros(len(dates), dtype=bool)
    marks[undated] = [is_ditto(cells.iat[at]) for at in undated.tolist()]
    if not marks.any():
        return
    days = pd.Series(dates, dtype=object)
    days[marks] = None
    runs = np.cumsum(np.r_[True, np.diff(rows) <= 0])
    above = days.groupby(runs).ffill()
    for at in np.flatnonzero(marks).tolist():
        day = above.iat[at]
        dates[at] = day if isinstance(day, date) else None


def swapped_said(count: int, where: str, by_texts: bool) -> str:
    """How a statement's finding and a ledger's issue say that `count` real date cells `where`
    (`of column A`) were read month first and are read day first (`swapped_by_excel`), and what
    proves it: the column's text dates (`by_texts`), else the title's period."""
    proof = (
        "the column's other dates are text that can only be day first, like 15/10/2026"
        if by_texts
        else "read as they stand they fall outside the period the title gives, day first inside it"
    )
    return (
        f"{count:,} date cell(s) {where} are real dates with day and month exchanged, as Excel "
        f"set to the US reads 01/10/2026 ({proof}); they are read day first"
    )


def swapped_by_excel(
    values: pd.Series, dates: list[date | None], period: tuple[date | None, date | None]
) -> tuple[list[int], bool]:
    """The positions of real date cells that Excel read month first from day-first text, as a
    computer set to the US reads `01/10/2026` (10 January) and leaves `15/10/2026`, which it
    cannot read so, as text: where the column's text dates prove day first (or, a statement of
    the 1st to the 12th having no text date to prove it, its title's `period` does), every real
    date cell's day could be a month (12 or less), and with day and month exchanged the real
    dates fall in the text dates' months (or in `period`) where as they stand fewer of them
    do. Their dates are the exchanged ones; the caller says so. Returns the positions, and
    whether the text dates proved it (else the period did: the column's text is no date, an
    `Opening Balance` or a `Total`, or a date either way round, `05/11/2026`)."""
    none: tuple[list[int], bool] = ([], False)
    cells = values.tolist()
    real = [at for at, value in enumerate(cells) if isinstance(value, date) and dates[at]]
    if not real:  # a CSV's column, all text: nothing Excel read
        return none
    texts = pd.unique(pd.Series([v for v in cells if isinstance(v, str)], dtype=object))
    order = date_order(texts) if len(texts) else None
    if order is DateOrder.MONTH_FIRST or (
        order is None and any(date_order([text]) is DateOrder.MONTH_FIRST for text in texts)
    ):
        return none  # text written month first, or both ways: the dates stand
    by_texts = order is DateOrder.DAY_FIRST
    if not by_texts and None in period:  # nothing proves day first: the dates stand
        return none
    found = [dates[at] for at in real]
    if any(d is None or d.day > 12 for d in found):
        return none
    start, end = period
    text_dates = [d for v, d in zip(cells, dates, strict=True) if isinstance(v, str) and d]
    if start is None or end is None:
        if not text_dates:
            return none
        # the months the text dates are of, and a week either side
        start = moved(min(text_dates).replace(day=1), -7)
        end = moved(month_end(max(text_dates)), 7)
    swapped = [d.replace(month=d.day, day=d.month) for d in found if d is not None]
    inside_now = sum(start <= d <= end for d in found if d is not None)
    inside_swapped = sum(start <= d <= end for d in swapped)
    if inside_swapped <= inside_now or inside_swapped < len(swapped):
        return none
    for at, day in zip(real, swapped, strict=True):
        dates[at] = day
    return [at for at, old, new in zip(real, found, swapped, strict=True) if old != new], by_texts


_SERIAL_TEXT = re.compile(r"^\s*(\d{5})(?:\.0+)?\s*$")
"""`46329` as text: an Excel serial date (3 November 2026) saved to CSV from a column whose
date format was lost; five digits span 1927 to 2173."""


def _serial_text(value: Any) -> Any:
    """The number a text cell that is an Excel serial date writes, else the cell unchanged;
    it is then read as any number in a date column is (see `date_column`)."""
    if isinstance(value, str) and (match := _SERIAL_TEXT.match(value)):
        return int(match.group(1))
    return value


SERIAL_REACH = 31
"""How many days before the first or after the last written date a number in a date column may
stand for, and still be read as a date (see `date_column`)."""


def _serials_among_dates(
    distinct: list[Any], parsed: list[date | None], days: list[int | None]
) -> list[date | None]:
    """The dates of a column's distinct cells with its numbers kept as dates only where they
    fall among the dates written as text or as real dates (see `date_column`); a day of the
    month alone (`days`) is no serial, and is kept."""
    number = [
        isinstance(v, int | float | np.number) and not isinstance(v, bool) and day is None
        for v, day in zip(distinct, days, strict=True)
    ]
    written = [d for d, n in zip(parsed, number, strict=True) if d is not None and not n]
    if not written:
        return parsed
    first, last = moved(min(written), -SERIAL_REACH), moved(max(written), SERIAL_REACH)
    return [
        d if not n or (d is not None and first <= d <= last) else None
        for d, n in zip(parsed, number, strict=True)
    ]


def strings(values: pd.Series) -> pd.Series:
    """A column of text as pandas' own string type (backed by Arrow where pyarrow is present, so
    the `.str` methods run in C++), "" for blanks. The cells must be text or blank."""
    return values.fillna("").astype("str")


def _arrow(values: pd.Series) -> Any:
    """The pyarrow string array of a text column (no copy when it is Arrow-backed already)."""
    if isinstance(values.array, pd.arrays.ArrowStringArray):
        return pa.array(values.array)
    return pa.array(values.fillna("").to_numpy(dtype=object), type=pa.string(), from_pandas=True)


_ODD_TEXT = r"\s\s|^\s|\s$|^#|[^ -~]"
"""Text `clean_text` might change: doubled, leading or trailing spaces, an error value like
#N/A, or any character beyond printable ASCII (non-breaking and zero-width spaces, tabs, line
breaks — and, harmlessly, Devanagari or ₹, which are then cleaned one by one)."""


def day_numbers(dates: pd.Series) -> np.ndarray:
    """Days since 1 January 1970 of a column of dates, in bulk."""
    return np.asarray(
        pd.to_datetime(pd.Series(dates, dtype=object)).to_numpy(dtype="datetime64[D]"),
        dtype=np.int64,
    )


def has_date(dates: list[Any]) -> np.ndarray:
    """Which of `date_column`'s answers are dates (not None)."""
    return np.fromiter((d is not None for d in dates), dtype=bool, count=len(dates))


def text_column(values: pd.Series) -> pd.Series:
    """`clean_text` of every cell, "" for blanks: stripped, with non-breaking and repeated spaces
    folded; an error cell keeps the text it shows; the lines of a cell a PDF converter cut at a
    fixed width joined whole (`joined_cuts`). Plain strings pass in bulk; the rest are cleaned
    one by one. The result is pandas' string type (see `strings`)."""
    written = is_text(values)
    text = strings(values.where(written, ""))
    odd = np.flatnonzero(contains(text, _ODD_TEXT) | (~written & values.notna().to_numpy()))
    if not len(odd):
        return text.set_axis(values.index)
    cleaned = text.to_numpy(dtype=object)
    plain = np.ones(len(text), dtype=bool)
    plain[odd] = False
    longest = int(text_lengths(text[plain]).max(initial=0)) if plain.any() else 0
    unwrapped = _unwrapped_cells([values.iat[position] for position in odd.tolist()], longest)
    for position, value in zip(odd.tolist(), unwrapped, strict=True):
        try:
            cleaned[position] = clean_text(value) or ""
        except ValueError:  # an error cell (#N/A): kept as the text it shows
            cleaned[position] = str(value).strip()
    return strings(pd.Series(cleaned, index=values.index, dtype=object))


def _unwrapped_cells(cells: list[Any], longest: int = 0) -> list[Any]:
    r"""The cells with their lines joined: without a space where a PDF converter cut the column
    at a fixed width (`joined_cuts`; `longest` the longest of the column's other cells, of one
    line), else with one; other cells as they are.

    >>> _unwrapped_cells(["CLG TO 000451 SHREE GA\nNESH STEELS", "NEFT CR-SBIN0001234-VA\n"
    ...     "RDHAMAN RETAIL PVT LTD\n-SBINN26110212345678", "IMPS/629812345678/KAVI\nTA QURESHI",
    ...     "Chq No 000452\nbeing rent", None])  # doctest: +NORMALIZE_WHITESPACE
    ['CLG TO 000451 SHREE GANESH STEELS',
     'NEFT CR-SBIN0001234-VARDHAMAN RETAIL PVT LTD-SBINN26110212345678',
     'IMPS/629812345678/KAVITA QURESHI', 'Chq No 000452 being rent', None]
    """
    lined = [i for i, cell in enumerate(cells) if isinstance(cell, str) and "\n" in cell]
    if not lined:
        return cells
    split = [cells[i].replace("\r", "").split("\n") for i in lined]
    pieces = [piece for lines in split for piece in lines]
    owner = np.repeat(np.arange(len(split)), [len(lines) for lines in split])
    alone = max(
        [longest]
        + [len(cell.strip()) for cell in cells if isinstance(cell, str) and "\n" not in cell]
    )
    glued = joined_cuts(pd.Series(pieces, dtype=object), owner, trimmed=False, alone=alone).tolist()
    joined = list(cells)
    at = 0
    for i, lines in zip(lined, split, strict=True):
        text = lines[0]
        for piece, no_space in zip(lines[1:], glued[at : at + len(lines) - 1], strict=True):
            text += ("" if no_space else " ") + piece
        joined[i] = text
        at += len(lines)
    return joined


CUT_NARRATIONS = 3
"""How many narrations of a column, each in lines of the longest line's length but the last
(`joined_cuts`), say a PDF converter cut the column at that width; two do where both are of
three lines or more (a line of exactly the longest length twice over is seldom a coincidence)."""

TRIMMED_SPACES = 2
"""How much shorter than the width a line cut at a fixed width may be where each line is a cell
of its own: a space it began or ended with is trimmed (by the converter, and by `clean_text`)."""


def joined_cuts(
    pieces: pd.Series, narration: np.ndarray, *, trimmed: bool, alone: int = 0
) -> np.ndarray:
    r"""Which pieces (the lines of narrations, each narration's in order, `narration` saying whose)
    a PDF converter cut from the next one at a fixed width, to be joined to it without a space.

    A converter that keeps the lines a PDF printed cuts a long narration every W characters,
    regardless of words: Bank of Maharashtra's `CLG TO 000451 SHREE GA⏎NESH STEELS` (W 22),
    Tamilnad Mercantile Bank's `…BALAJI TRADERS-SBINN⏎26110212345678` (W 40, in two lines),
    Airtel Payments Bank's Particulars run onto the rows below, each row 26 characters (`CHQ
    PAID-000451-KAVERI SUP` over `PLIERS`). Joined with a space, `SHREE GA NESH`, `KAVERI SUP
    PLIERS` and `SBINN261102123456 78` are no party and no reference: the pairs went unmatched.

    A column is taken as so cut at W, the length of its longest line, where narrations whose
    every line but the last is W long (`trimmed`: the first W, the others at most
    TRIMMED_SPACES short of it) are most of those in lines, CUT_NARRATIONS of them at least
    (two of three lines or more) — and a third at least of their breaks, one at least, fall
    inside a word or a number (a letter on both sides, or a digit: `GA⏎NESH`,
    `SBINN261102123⏎45678`). The first lines counted differ: a cutter's are each narration's
    own, where a template the books or the bank fill in repeats its own (`TRANSFER FROM
    A/C⏎JAY AMBE TRADERS`, its first line the longest, a letter either side of its break, is
    no cut however many lines begin so). A cutter's breaks fall anywhere: in a bank's narrations some
    seven in ten inside a word or a number (a third leaves room for a short month whose few
    cuts fell at a `-` or `/`). A narration the bank or the books broke into lines of one
    length breaks between its parts, none inside: the voucher's `Chq No 000451⏎Dt
    02-10-2026⏎being rent` (both lines 13 long by the shape of the narration, a digit and a
    letter at each break), the bank's `UPI/CR/629812345671⏎JAY AMBE TRADERS`, SBI's `BY
    TRANSFER-⏎NEFT*…`. Such breaks, and those of narrations wrapped at their spaces (their
    lines of differing lengths), are spaces.

    A narration of one line longer than W (among `pieces`, or `alone`: the longest of the
    column's narrations not passed) says no cutter was at work.

    In a column so cut, every break after a line W long is a cut. Where lines are cells of
    their own (`trimmed`), a line one short of W between two others lost a space at one end:
    where a number runs on across its end (`TRADERS-SBINN261102123456⏎78`, digits on both
    sides) and not across its start, the space was its first character (`BALAJI⏎TRADERS`), and
    the cut is at its end. A cut falling just before a space the converter trimmed (`IMPS/P2A/
    631112223334/ARUL⏎TRANSPORT`) cannot be told from one inside a word: it is joined (one cut
    in seven or so, a name run together, every reference whole).

    >>> lines = pd.Series(["CHQ PAID-000451-KAVERI SUP", "PLIERS", "NEFT CR-SBIN0004567-BALAJI",
    ...     "TRADERS-SBINN261102123456", "78", "NEFT DR-SALARY NOV 2026 BU", "LK UPLOAD"])
    >>> joined_cuts(lines, np.array([0, 0, 1, 1, 1, 2, 2]), trimmed=True).tolist()
    [True, False, False, True, False, True, False]
    """
    glued = np.zeros(len(pieces), dtype=bool)
    if len(pieces) < 2:
        return glued
    text = strings(pieces.reset_index(drop=True))
    length = text_lengths(text)
    first = np.r_[True, narration[1:] != narration[:-1]]
    inner = np.r_[~first[1:], False]  # a line another of its narration follows
    owner = np.cumsum(first) - 1
    lines = np.bincount(owner)
    width = int(length[lines[owner] > 1].max(initial=0))
    if max(alone, int(length[lines[owner] == 1].max(initial=0))) > width:
        # a cutter cuts every narration longer than W: a narration of one line longer than
        # every line of those in lines says they were broken by their makers (IMPS's
        # `IMPS/P2A/631112223334⏎9876543210/ARUL`, each first line of one length by its shape,
        # beside a NEFT's narration of fifty characters on one line)
        return glued
    shortest = width - (TRIMMED_SPACES if trimmed else 0)
    odd = inner & np.where(first, length != width, length < shortest)
    fit = (np.bincount(owner, weights=odd) == 0) & (lines > 1)
    full = inner & (length == width)
    letters = np.r_[contains(text, "[A-Za-z]$")[:-1] & contains(text, "^[A-Za-z]")[1:], False]
    digits = np.r_[contains(text, "[0-9]$")[:-1] & contains(text, "^[0-9]")[1:], False]
    number_on = inner & digits  # a number runs on across the break after the line
    counted = full & fit[owner]
    breaks, within = int(counted.sum()), int((counted & (letters | digits)).sum())
    # a template's first line, the same in each narration, is one line however often it recurs
    heads = pd.Series(text.to_numpy(dtype=object)[first], dtype=object)
    fresh = np.zeros(len(lines), dtype=bool)
    fresh[(~heads.duplicated()).to_numpy()] = True
    many = (fit & fresh).sum() >= CUT_NARRATIONS or (fit & fresh & (lines > 2)).sum() >= 2
    if not many or 2 * fit.sum() <= (lines > 1).sum() or not within or 3 * within < breaks:
        return glued
    glued = np.asarray(full, dtype=bool)
    if trimmed:  # a line one short: the space it began with, or ended with, was trimmed
        shifted = inner & ~first & (length == width - 1) & number_on & ~np.r_[False, number_on[:-1]]
        glued[shifted] = True
        glued[np.flatnonzero(shifted) - 1] = False
    return glued


_REGEX_SPECIAL = "\\.^$|?*+()[]{}"


def _separator_bytes(separators: str) -> np.ndarray | None:
    """Which of the 256 byte values of UTF-8 text the regex `separators` splits at, where it is
    one plain ASCII character or a class of them (`" "`, `[-/:,*]`, `[^A-Z0-9]+`: single
    characters and ranges, the class maybe negated, maybe followed by `+`); else None.

    In UTF-8 an ASCII byte only ever stands for its own character, and every byte of any other
    character is 0x80 or above: so a class of ASCII characters splits at exactly its bytes, and
    a negated one at every other byte (the bytes of one character beyond ASCII are one run of
    separators, which splits as the character does, empty pieces being dropped)."""
    pattern = separators[:-1] if separators.endswith("+") and len(separators) > 1 else separators
    table = np.zeros(256, dtype=bool)
    if len(pattern) == 1 and pattern not in _REGEX_SPECIAL and pattern.isascii():
        table[ord(pattern)] = True
        return table
    if len(pattern) < 3 or pattern[0] != "[" or pattern[-1] != "]":
        return None
    inside = pattern[1:-1]
    negated = inside.startswith("^")
    if negated:
        inside = inside[1:]
    if not inside or not inside.isascii() or any(c in inside for c in "\\[]^"):
        return None
    at = 0
    while at < len(inside):
        if at + 2 < len(inside) and inside[at + 1] == "-":  # a range: A-Z
            low, high = ord(inside[at]), ord(inside[at + 2])
            if low > high:
                return None
            table[low : high + 1] = True
            at += 3
        elif inside[at] == "-" and 0 < at < len(inside) - 1:  # a dash in the middle: not plain
            return None
        else:
            table[ord(inside[at])] = True
            at += 1
    return ~table if negated else table


def _split_at_bytes(text: Any, separator: np.ndarray) -> Any:
    """`pc.split_pattern` of an Arrow string array at every byte `separator` marks: those bytes
    are made one separator character first (a table lookup over the text's bytes), then the text
    is split at that character without the regex engine."""
    mark = int(np.flatnonzero(separator[:128])[0])  # an ASCII separator stands for them all
    if separator.sum() == 1:  # one character: nothing to make alike
        return pc.split_pattern(text, chr(mark))
    if isinstance(text, pa.ChunkedArray):
        text = text.combine_chunks()
    validity, offsets, data = text.buffers()
    lookup = np.arange(256, dtype=np.uint8)
    lookup[separator] = mark
    if data is not None and data.size:
        data = pa.py_buffer(data.to_pybytes().translate(lookup.tobytes()))
    marked = pa.Array.from_buffers(
        text.type, len(text), [validity, offsets, data], text.null_count, text.offset
    )
    return pc.split_pattern(marked, chr(mark))


def _without_empty(pieces: Any) -> tuple[Any, np.ndarray]:
    """An Arrow string array without its empty strings, and which strings were kept. The
    strings are not copied: the empty ones' ends are taken out of the offsets (an empty string
    ends where it starts)."""
    if isinstance(pieces, pa.ChunkedArray):
        pieces = pieces.combine_chunks()
    if pieces.null_count:  # pragma: no cover - split pieces are never null
        keep = np.asarray(pc.not_equal(pieces, "").to_numpy(zero_copy_only=False), dtype=bool)
        return pieces.filter(pa.array(keep)), keep
    _, offsets_buffer, data = pieces.buffers()
    width = np.int64 if pa.types.is_large_string(pieces.type) else np.int32
    offsets = np.frombuffer(offsets_buffer, dtype=width)[
        pieces.offset : pieces.offset + len(pieces) + 1
    ]
    keep = offsets[1:] != offsets[:-1]
    if keep.all():
        return pieces, keep
    kept = np.concatenate([offsets[:1], offsets[1:][keep]])
    return pa.Array.from_buffers(pieces.type, len(kept) - 1, [None, pa.py_buffer(kept), data]), keep


def split_words(texts: pd.Series, separators: str) -> tuple[np.ndarray, pd.Series]:
    """Every piece of every text split at the regex `separators`: the position of the text each
    piece came from, and the pieces (empty ones dropped, pandas' string type), in order."""
    if pc is not None:
        separator = _separator_bytes(separators)
        if separator is not None and separator[:128].any():
            # split at plain characters without the regex engine (several times faster)
            lists = _split_at_bytes(_arrow(strings(texts)), separator)
        else:
            lists = pc.split_pattern_regex(_arrow(strings(texts)), separators)
        parents = np.asarray(pc.list_parent_indices(lists).to_numpy(), dtype=np.int64)
        flat, keep = _without_empty(pc.list_flatten(lists))
        return parents[keep], pd.Series(pd.arrays.ArrowStringArray(flat))
    lists_ = [re.split(separators, text) for text in strings(texts).tolist()]  # pragma: no cover
    parents = np.repeat(np.arange(len(lists_)), [len(parts) for parts in lists_])
    pieces = pd.Series([part for parts in lists_ for part in parts], dtype=object)
    keep = (pieces != "").to_numpy()
    return parents[keep], strings(pieces[keep].reset_index(drop=True))


def text_lengths(pieces: pd.Series) -> np.ndarray:
    """The number of characters of each text (`.str.len()`), as int64; blanks count 0."""
    if pc is not None and isinstance(pieces.array, pd.arrays.ArrowStringArray):
        lengths = pc.utf8_length(_arrow(pieces)).fill_null(0)
        return np.asarray(lengths.to_numpy(), dtype=np.int64)
    return np.asarray(pieces.str.len().fillna(0).to_numpy(), dtype=np.int64)


def matches(pieces: pd.Series, pattern: str) -> np.ndarray:
    """Which pieces match `pattern` whole (RE2 syntax where pyarrow is present: no lookarounds)."""
    return contains(pieces, f"^(?:{pattern})$")


def contains_distinct(texts: pd.Series, pattern: str) -> np.ndarray:
    """`contains`, each distinct text asked once: for texts that are a few repeated (a ledger's
    particulars, its narrations), a million lines asked as a few hundred."""
    codes, distinct = pd.factorize(texts.fillna("").astype(str))
    said = contains(pd.Series(distinct, dtype=object), pattern)
    return np.asarray(said[codes], dtype=bool) if len(codes) else np.zeros(0, dtype=bool)


def contains(pieces: pd.Series, pattern: str) -> np.ndarray:
    """Which pieces contain a match of `pattern` somewhere (blanks never do)."""
    if not len(pieces):
        return np.zeros(0, dtype=bool)
    if pc is not None:
        return np.asarray(
            pc.match_substring_regex(_arrow(pieces), pattern)
            .fill_null(False)
            .to_numpy(zero_copy_only=False),
            dtype=bool,
        )
    return (  # pragma: no cover - where pyarrow is absent
        strings(pieces)
        .str.contains(pattern, regex=True)
        .fillna(False)
        .to_numpy(dtype=bool, copy=True)
    )


def replace(pieces: pd.Series, pattern: str, replacement: str) -> pd.Series:
    """Every match of `pattern` in each piece replaced (RE2 syntax where pyarrow is present),
    as pandas' string type."""
    if pc is not None and len(pieces):
        replaced = pc.replace_substring_regex(_arrow(pieces), pattern, replacement)
        return pd.Series(pd.arrays.ArrowStringArray(replaced), index=pieces.index)
    return strings(pieces).str.replace(pattern, replacement, regex=True)  # pragma: no cover


def extract(pieces: pd.Series, pattern: str) -> pd.Series:
    """What the group `(?P<found>…)` of `pattern` matched first in each piece ("" where nothing);
    RE2 syntax where pyarrow is present (no lookarounds, other groups non-capturing)."""
    if not len(pieces):
        return pd.Series([], dtype=object)
    if pc is not None:
        found = pc.struct_field(pc.extract_regex(_arrow(pieces), pattern), "found")
        return pd.Series(found.fill_null("").to_numpy(zero_copy_only=False), dtype=object)
    return (  # pragma: no cover - where pyarrow is absent
        strings(pieces).str.extract(pattern, expand=False).fillna("").astype(object)
    )


def joined_in_order(
    groups: np.ndarray, texts: pd.Series, count: int, separator: str = " "
) -> np.ndarray:
    """For each of `count` groups, its texts joined in order by `separator` ('' where none).
    One stable sort brings each group's texts together; a group of one text takes it as it
    is, and only groups of several are joined one by one (a Tally voucher's narration is
    mostly one row)."""
    out = np.full(count, "", dtype=object)
    if not len(groups):
        return out
    values = texts.to_numpy(dtype=object)
    order = np.argsort(groups, kind="stable")
    ordered, pieces = groups[order], values[order]
    first = np.ones(len(ordered), dtype=bool)
    first[1:] = ordered[1:] != ordered[:-1]
    starts = np.flatnonzero(first)
    ends = np.append(starts[1:], len(ordered))
    lone = ends - starts == 1
    out[ordered[starts[lone]]] = pieces[starts[lone]]
    for start, end in zip(starts[~lone].tolist(), ends[~lone].tolist(), strict=True):
        out[ordered[start]] = separator.join(str(piece) for piece in pieces[start:end])
    return out


def first_of_each(positions: np.ndarray, ranks: np.ndarray, count: int) -> np.ndarray:
    """For each of `count` texts, the index (into `positions`) of its piece with the highest
    rank (the first such piece on a tie), or -1 where it has none."""
    best = np.full(count, -1, dtype=np.int64)
    if not len(positions):
        return best
    order = np.lexsort((np.arange(len(positions)), -ranks, positions))
    first = np.ones(len(order), dtype=bool)
    first[1:] = positions[order][1:] != positions[order][:-1]
    best[positions[order][first]] = order[first]
    return best


def distinct(pieces: pd.Series) -> tuple[np.ndarray, pd.Series]:
    """Each piece's code and the distinct pieces (pandas' string type), so a regex runs once per
    distinct piece: a statement's pieces repeat (`NEFT CR`, an IFSC, a payer's name), and only
    its UTRs are new on every line. `uniques.iloc[codes]` gives the pieces back."""
    if pc is not None and len(pieces):
        array = _arrow(pieces)
        if isinstance(array, pa.ChunkedArray):  # one dictionary for all (unifying is slow)
            array = array.combine_chunks()
        encoded = pc.dictionary_encode(array)
        codes = np.asarray(encoded.indices.to_numpy(zero_copy_only=False), dtype=np.int64)
        return codes, pd.Series(pd.arrays.ArrowStringArray(encoded.dictionary))
    codes, uniques = pd.factorize(strings(pieces))  # pragma: no cover - where pyarrow is absent
    return np.asarray(codes, dtype=np.int64), strings(pd.Series(uniques, dtype=object))
