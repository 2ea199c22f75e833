"""Dates as Indian offices write them: day first.

`parse_date` reads a cell holding a real date, an Excel serial number (what a date becomes when
its cell loses the date format) or text in the usual Indian forms — `01/04/2025`, `01-04-25`,
`1-Apr-25`, `01.04.2025`, `1 April 2025` — and the year first, `2025-04-01` or `2025/04/01`;
a time after the date (to the millisecond) is dropped, and Excel's forced text (`="01/04/2025"`,
`'01/04/2025`) unwrapped. A timestamp with its zone (`2025-03-31T18:30:00Z`) is dated in IST.
Day first unless the caller says otherwise. Two-digit years follow Excel's rule: 00–29 are
2000s, 30–99 are 1900s.

    >>> parse_date("05/04/2025"), parse_date("1-Apr-25"), parse_date(45748.0)
    (datetime.date(2025, 4, 5), datetime.date(2025, 4, 1), datetime.date(2025, 4, 1))
"""

from __future__ import annotations

import calendar
import math
import numbers
import re
from collections.abc import Iterable
from datetime import UTC, date, datetime, timedelta, timezone
from enum import StrEnum
from typing import Any

from xlbo.cells import is_blank, refuse_error, visible

EXCEL_DATE_FORMAT = "dd-mm-yyyy"
"""The number format xlbo gives date cells."""

_MONTHS = {
    name: number
    for number, names in enumerate(
        [
            ("jan", "january"),
            ("feb", "february"),
            ("mar", "march"),
            ("apr", "april"),
            ("may",),
            ("jun", "june"),
            ("jul", "july"),
            ("aug", "august"),
            ("sep", "sept", "september"),
            ("oct", "october"),
            ("nov", "november"),
            ("dec", "december"),
        ],
        start=1,
    )
    for name in names
}

_NUMERIC = re.compile(r"^(\d{1,2})[/\-. ](\d{1,2})[/\-. ](\d{2}|\d{4})$")
_ISO = re.compile(
    r"^(?P<year>\d{4})(?P<sep>[-/.])(?P<month>\d{1,2})(?P=sep)(?P<day>\d{1,2})"
    r"(?:[ t](?P<hour>\d{1,2}):(?P<minute>\d{2})(?::(?P<second>\d{2})(?:\.\d+)?)?"
    r"(?P<zone>z|[+-]\d{2}:?\d{2})?)?$"
)
"""The year first: `2026-11-03`, `2026/11/03` (a year first is never followed by the day), with
a time (`2026-11-03 10:15`) or as an API's download writes it (`2026-11-03T10:15:32+05:30`,
`…T18:30:00.000Z`; the text is casefolded before it is matched). A time with its zone is a
moment, and its day is the day in India: `2026-09-30T18:30:00Z` is midnight of 1 October in
IST. Without a zone the date is the one written."""
_COMPACT = re.compile(r"^(?P<year>(?:19|20)\d{2})(?P<month>0[1-9]|1[0-2])(?P<day>\d{2})$")
"""The year first with no separators (`20261001`), as statements converted from a bank's file
for accounting software write it: eight digits that are no Excel serial (the last is 2958465)."""
IST = timezone(timedelta(hours=5, minutes=30))
"""India Standard Time, the day an Indian bank's line belongs to."""
FORCED_TEXT = re.compile(r'^=\s*"(.*)"$', re.DOTALL)
"""`="01/10/2026"`, `="000451"`: how a CSV keeps Excel from turning a date into a number or
dropping a cheque number's leading zeros (Canara's export); Excel shows the text inside."""
_NAMED = re.compile(r"^(\d{1,2})(?:st|nd|rd|th)?[/\-. ]?([a-z]{3,9})\.?[/\-., ]?\s*(\d{2}|\d{4})$")
"""`02-Nov-2026`, `2nd November 2026`, and HSBC India's `02NOV2026` (no separator at all)."""
_NAMED_US = re.compile(
    r"^([a-z]{3,9})\.?[ \-/]?(\d{1,2})(?:st|nd|rd|th)?,?[ \-/,]\s*(\d{2}|\d{4})$"
)
_WEEKDAY = re.compile(r"^(?:mon|tue|wed|thu|fri|sat|sun)[a-z]*\.?,?\s+")
_TIME_SUFFIX = re.compile(
    r"\s+\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:\s*[ap]\.?m\.?)?$", re.IGNORECASE
)
"""A time after the date, to the second or the millisecond (`01/10/2026 00:00:00.000`)."""
_VALUE_DATE_AFTER = re.compile(r"^(.*\S)\s*\(\s*[0-9a-z][0-9a-z/\-. ]*\)$", re.IGNORECASE)
"""A value date in brackets after the date, in one cell (Indian Overseas Bank's
`Date(Value Date)`: `01-Oct-26 (01-Oct-26)`): the date is the first."""

_EXCEL_EPOCH = date(1899, 12, 30)
_MAX_SERIAL = 2958465  # 31-12-9999


def century(two_digits: int) -> int:
    """Excel's two-digit-year rule: 00–29 → 2000s, 30–99 → 1900s."""
    return 2000 + two_digits if two_digits < 30 else 1900 + two_digits


def from_excel_serial(serial: float) -> date:
    """The date an Excel serial number stands for (1900 date system; 60 is Excel's phantom
    29-Feb-1900 and is refused)."""
    if not math.isfinite(serial) or serial < 1 or serial >= _MAX_SERIAL + 1:
        raise ValueError(f"{serial:g} is not a date")
    whole = int(serial)
    if whole == 60:
        raise ValueError("Excel serial 60 is 29-Feb-1900, a day that never was")
    return (
        _EXCEL_EPOCH + timedelta(days=whole)
        if whole > 60
        else date(1899, 12, 31) + timedelta(days=whole)
    )


def moved(day: date, days: int) -> date:
    """`day` moved by `days`, held at the first or the last day a date can be: a cell's
    31-12-9999 and a week after it is still 31-12-9999, never an OverflowError.

    >>> moved(date(2026, 10, 28), 7)
    datetime.date(2026, 11, 4)
    >>> moved(date(9999, 12, 31), 7)
    datetime.date(9999, 12, 31)
    """
    try:
        return day + timedelta(days=days)
    except OverflowError:
        return date.max if days > 0 else date.min


def month_number(word: str) -> int:
    """The month a word names (`Nov`, `November`, `sept`), 1 to 12; 0 where it names none."""
    return _MONTHS.get(word.strip().lower(), 0)


def month_end(day: date) -> date:
    """The last day of `day`'s month.

    >>> month_end(date(2028, 2, 10))
    datetime.date(2028, 2, 29)
    """
    return day.replace(day=calendar.monthrange(day.year, day.month)[1])


def to_excel_serial(day: date) -> int:
    """The Excel serial number of a date (1900 date system)."""
    return (day - _EXCEL_EPOCH).days


def _build(year: int, month: int, day: int, original: Any) -> date:
    try:
        return date(year, month, day)
    except ValueError:
        raise ValueError(f"'{original}' is not a real date; check the day and month") from None


def _date_text(value: Any) -> str:
    """The text of a date cell ready to be matched: Excel's forced text unwrapped (`="01/10/2026"`
    from a CSV, a leading apostrophe `'01/10/2026` typed or pasted), a value date in brackets
    after it and a time after it dropped,
    casefolded, non-breaking spaces made spaces, a weekday before it dropped."""
    # a line break or run of spaces inside the cell is one space (`2 Nov⏎2026`: a PDF's date
    # wrapped in its cell by the converter)
    text = " ".join(visible(str(value)).replace("\u00a0", " ").split())
    if match := FORCED_TEXT.match(text):
        text = match.group(1).strip()
    elif text.startswith("'"):
        text = text[1:].strip()
    if match := _VALUE_DATE_AFTER.match(text):
        text = match.group(1)
    return _WEEKDAY.sub("", _TIME_SUFFIX.sub("", text).casefold())


def _iso_date(match: re.Match[str], original: Any) -> date:
    """The date of a year-first match; with a zone, the day in India (see `_ISO`)."""
    day = _build(int(match["year"]), int(match["month"]), int(match["day"]), original)
    zone = match["zone"]
    if not zone:
        return day
    if zone == "z":
        offset = UTC
    else:
        digits = zone[1:].replace(":", "")
        minutes = int(digits[:2]) * 60 + int(digits[2:])
        offset = timezone(timedelta(minutes=-minutes if zone[0] == "-" else minutes))
    try:
        moment = datetime(
            day.year,
            day.month,
            day.day,
            int(match["hour"]),
            int(match["minute"]),
            int(match["second"] or 0),
            tzinfo=offset,
        )
    except ValueError:
        raise ValueError(f"'{original}' is not a real time; check the hour and minute") from None
    return moment.astimezone(IST).date()


def parse_date(value: Any, day_first: bool = True) -> date | None:
    """A date from a cell; None when blank. Raises ValueError with a message otherwise."""
    if is_blank(value):
        return None
    refuse_error(value)
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    if isinstance(value, bool):
        raise ValueError(f"'{value}' is not a date")
    if isinstance(value, int | float):
        return from_excel_serial(float(value))
    text = _date_text(value)  # `Tue, 30 Jun 2025`, `="01/10/2026"`
    if match := _NUMERIC.match(text):
        first, second, year = (int(match.group(i)) for i in (1, 2, 3))
        year = century(year) if len(match.group(3)) == 2 else year
        day, month = (first, second) if day_first else (second, first)
        return _build(year, month, day, value)
    if match := _ISO.match(text):
        return _iso_date(match, value)
    if match := _COMPACT.match(text):
        return _build(int(match["year"]), int(match["month"]), int(match["day"]), value)
    if match := _NAMED.match(text):
        named = _MONTHS.get(match.group(2))
        if named:
            digits = match.group(3)
            return _build(
                century(int(digits)) if len(digits) == 2 else int(digits),
                named,
                int(match.group(1)),
                value,
            )
    if match := _NAMED_US.match(text):  # `June 30, 2025`, `June30, 2025`, `Jun-30-2025`
        named = _MONTHS.get(match.group(1))
        if named:
            digits = match.group(3)
            year = century(int(digits)) if len(digits) == 2 else int(digits)
            return _build(year, named, int(match.group(2)), value)
    raise ValueError(f"'{value}' is not a date; type it as dd-mm-yyyy, e.g. 01-04-2025")


_NO_YEAR_NAMED = re.compile(r"^(\d{1,2})(?:st|nd|rd|th)?[/\-. ]?([a-z]{3,9})\.?$")
_NO_YEAR_NAMED_US = re.compile(r"^([a-z]{3,9})\.?[ \-/]?(\d{1,2})(?:st|nd|rd|th)?$")
_NO_YEAR_NUMERIC = re.compile(r"^(\d{1,2})[/\-.](\d{1,2})$")
YEARLESS_REACH = 62
"""How many days before a statement's period or after it a date written without its year may
fall and still take its year from the period (a value date of the month before)."""


def day_and_month(value: Any, day_first: bool = True) -> tuple[int, int] | None:
    """(day, month) of text that writes a date without its year — `25 Oct`, `25-Oct`, `Oct 25`,
    `25/10` (day first unless told) — else None. Whether that day exists is not checked here.

    >>> day_and_month("25 Oct"), day_and_month("Oct 25"), day_and_month("25/10/2026")
    ((25, 10), (25, 10), None)
    """
    if not isinstance(value, str):
        return None
    text = _date_text(value)
    if match := _NO_YEAR_NUMERIC.match(text):
        day, month = int(match.group(1)), int(match.group(2))
        if not day_first:
            day, month = month, day
    elif match := _NO_YEAR_NAMED.match(text):
        day, month = int(match.group(1)), _MONTHS.get(match.group(2), 0)
    elif match := _NO_YEAR_NAMED_US.match(text):
        day, month = int(match.group(2)), _MONTHS.get(match.group(1), 0)
    else:
        return None
    return (day, month) if 1 <= month <= 12 and 1 <= day <= 31 else None


def in_period(day: int, month: int, start: date, end: date) -> date | None:
    """The date of `day` and `month` in the year that puts it in the period from `start` to
    `end`, or nearest it within YEARLESS_REACH days; None when no year does, or two do (a period
    longer than a year), or the day does not exist that year (29 Feb).

    >>> in_period(28, 12, date(2025, 12, 1), date(2026, 1, 31)), in_period(3, 1, date(2025, 12, 1), date(2026, 1, 31))
    (datetime.date(2025, 12, 28), datetime.date(2026, 1, 3))
    """
    fits: list[tuple[int, date]] = []
    for year in range(start.year - 1, end.year + 2):
        try:
            day_of = date(year, month, day)
        except ValueError:
            continue
        off = (start - day_of).days if day_of < start else max((day_of - end).days, 0)
        if off <= YEARLESS_REACH:
            fits.append((off, day_of))
    fits.sort()
    if not fits or (len(fits) > 1 and fits[1][0] == fits[0][0]):
        return None
    return fits[0][1]


_YEAR_ALONE = re.compile(r"^(?:19|20)\d\d$")
_SHORT_YEAR = re.compile(r"^\d\d$")
_MONTH_AND_YEAR = re.compile(r"^([a-z]{3,9})\.?(?:[ ,\-/']*((?:19|20)?\d\d))?$")


def rest_of_date(above: Any, value: Any) -> str | None:
    """The date a cell `above` and the cell under it write together, where a PDF converted to
    Excel wrapped the date's rest onto the row below (SBI's narrow date column: `2 Nov` over
    `2026` or `26`, `2` over `Nov` over `2026`, `01-Oct-` or `01/10/` over `2026`): the two
    texts as one (`2 Nov 2026`, `2 Nov`, `01-Oct-2026`), where `above` is a day alone or a day
    and month without a year (its separator kept where it ends with one) and `value` the month
    or year it lacks; else None. A year of two digits is a year only under a day and month: a
    number under a day alone is no date's rest.

    >>> rest_of_date("2 Nov", "2026"), rest_of_date("2", "Nov"), rest_of_date("2 Nov", 2026)
    ('2 Nov 2026', '2 Nov', '2 Nov 2026')
    >>> rest_of_date("3 Oct", "26"), rest_of_date("01-Oct-", "2026"), rest_of_date("01/10/", 2026)
    ('3 Oct 26', '01-Oct-2026', '01/10/2026')
    >>> rest_of_date("02/11/2026", "2026"), rest_of_date("2 Nov", "Balance"), rest_of_date(7, 13)
    (None, None, None)
    """
    if is_blank(above) or is_blank(value) or isinstance(value, float | bool):
        return None
    first, rest = _date_text(above), _date_text(value)
    if isinstance(value, int):
        if not (1900 <= value <= 2100 or 0 <= value <= 99):
            return None
        rest = str(value)
    cut = first.endswith(("-", "/", "."))  # `01-Oct-` over `2026`: one date, no space
    head = first.rstrip("-/.").strip() if cut else first
    if _YEAR_ALONE.match(rest) or _SHORT_YEAR.match(rest):
        joined = day_and_month(head) is not None
    elif (month := _MONTH_AND_YEAR.match(rest)) and month.group(1) in _MONTHS:
        joined = _DAY_ALONE.match(head) is not None
    else:
        joined = False
    if not joined:
        return None
    return f"{str(above).strip()}{rest}" if cut else " ".join(f"{above} {value}".split())


_DITTO = re.compile(r'^(?:["“”″〃]|,,|\'\'|do\.?|-\s*do\s*-|[–—]\s*do\s*[–—]|ditto|-"-)$')


def is_ditto(value: Any) -> bool:
    """Whether a date cell holds a ditto mark (`"`, `〃`, `,,`, `do`, `-do-`, `ditto`): the
    date of the row above, as a book kept by hand writes it.

    >>> [is_ditto(v) for v in ('"', "Do", "-do-", "〃", ",,", "done", 7)]
    [True, True, True, True, True, False, False]
    """
    return isinstance(value, str) and _DITTO.match(_date_text(value)) is not None


_DAY_ALONE = re.compile(r"^(\d{1,2})(?:st|nd|rd|th)?\.?$")


def day_alone(value: Any) -> int | None:
    """The day of the month a cell holding nothing but it writes (`7`, `"7"`, `7th`), 1 to 31,
    as a bank book kept by hand writes the day under a month its title names; else None. Such
    a number is no Excel serial: as one it would be a day of January 1900.

    >>> day_alone(7), day_alone("07"), day_alone("7th"), day_alone(7.5), day_alone(45962)
    (7, 7, 7, None, None)
    """
    if isinstance(value, bool):
        return None
    if isinstance(value, numbers.Real):  # numpy's numbers too
        number = float(value)
        day = int(number) if number.is_integer() else 0
    elif isinstance(value, str) and (match := _DAY_ALONE.match(_date_text(value))):
        day = int(match.group(1))
    else:
        return None
    return day if 1 <= day <= 31 else None


def day_in_period(day: int, start: date, end: date) -> date | None:
    """The one date from `start` to `end` that falls on the `day` of its month; None when none
    does (31 in November) or more than one (a period longer than a month).

    >>> day_in_period(7, date(2026, 11, 1), date(2026, 11, 30))
    datetime.date(2026, 11, 7)
    >>> day_in_period(20, date(2026, 10, 16), date(2026, 11, 15))
    datetime.date(2026, 10, 20)
    """
    found: list[date] = []
    month = start.replace(day=1)
    while month <= end and len(found) < 2:
        if day <= calendar.monthrange(month.year, month.month)[1]:
            on = month.replace(day=day)
            if start <= on <= end:
                found.append(on)
        month = moved(month_end(month), 1)
        if month == date.max:
            break
    return found[0] if len(found) == 1 else None


FIRST_YEAR = 1900
"""The earliest year a month or period given to xlbo may fall in (Excel's dates begin in 1900)."""
LAST_YEAR = 2100
"""The latest year a month or period given to xlbo may fall in."""

_YEAR_MONTH = re.compile(r"(\d{4})-(\d{1,2})")


def parse_month(text: str) -> date:
    """The first day of a month written `YYYY-MM` (`2026-10`), from FIRST_YEAR to LAST_YEAR.
    Raises ValueError saying what is wrong (not a month, or a year out of range).

    >>> parse_month("2026-10")
    datetime.date(2026, 10, 1)
    >>> try:
    ...     parse_month("9999-12")
    ... except ValueError as error:
    ...     print(error)
    the year 9999 is outside the years xlbo works with (1900 to 2100)
    """
    cleaned = str(text).strip()
    match = _YEAR_MONTH.fullmatch(cleaned)
    if not match or not 1 <= int(match.group(2)) <= 12:
        raise ValueError(f"'{cleaned[:40]}' is not a month; write it as YYYY-MM, e.g. 2026-10")
    year = int(match.group(1))
    check_year(year)
    return date(year, int(match.group(2)), 1)


def outside_years(day: date) -> str | None:
    """What is wrong with a date outside the years xlbo works with, else None.

    >>> outside_years(date(1, 1, 1))
    'a date of the year 1, outside the years xlbo works with (1900 to 2100)'
    >>> outside_years(date(2026, 10, 1)) is None
    True
    """
    if FIRST_YEAR <= day.year <= LAST_YEAR:
        return None
    return (
        f"a date of the year {day.year}, outside the years xlbo works with "
        f"({FIRST_YEAR} to {LAST_YEAR})"
    )


def far_date_said(value: Any) -> str | None:
    """`'01/01/0001' is a date of the year 1, outside …` for a cell that is a date outside the
    years xlbo works with, else None (a cell that is no date at all is said otherwise)."""
    try:
        day = parse_date(value)
    except ValueError:
        return None
    problem = outside_years(day) if day is not None else None
    return f"'{value}' is {problem}; correct its year" if problem else None


class YearOutOfRange(ValueError):
    """A month or period in a year xlbo does not work with (before 1900 or after 2100)."""


def check_year(year: int) -> None:
    """Raise YearOutOfRange when `year` is outside FIRST_YEAR to LAST_YEAR."""
    if not FIRST_YEAR <= year <= LAST_YEAR:
        raise YearOutOfRange(
            f"the year {year} is outside the years xlbo works with ({FIRST_YEAR} to {LAST_YEAR})"
        )


class DateOrder(StrEnum):
    """Which number comes first in a date like 03/04/2025."""

    DAY_FIRST = "day first"
    MONTH_FIRST = "month first"


def _numbers(value: Any) -> tuple[int, int] | None:
    if not isinstance(value, str):
        return None
    text = _date_text(value)
    match = _NUMERIC.match(text) or _NO_YEAR_NUMERIC.match(text)  # 25/10 says as much
    return (int(match.group(1)), int(match.group(2))) if match else None


def is_ambiguous(value: Any) -> bool:
    """True for a text date whose day and month could swap (03/04/2025)."""
    numbers = _numbers(value)
    return (
        numbers is not None and numbers[0] <= 12 and numbers[1] <= 12 and numbers[0] != numbers[1]
    )


def date_order(values: Iterable[Any]) -> DateOrder | None:
    """What a column's own text dates say about their order: a first number above 12 proves
    day first (25/04/2025), a second above 12 proves month first (04/25/2025). None when no
    cell decides it, or when cells decide both ways (then each ambiguous cell needs a person).

    >>> date_order(["03/04/2025", "25/04/2025"]), date_order(["03/04/2025", "04/25/2025"])
    (<DateOrder.DAY_FIRST: 'day first'>, <DateOrder.MONTH_FIRST: 'month first'>)
    """
    day_first = month_first = False
    for value in values:
        numbers = _numbers(value)
        if numbers is None:
            continue
        day_first = day_first or (numbers[0] > 12 >= numbers[1])
        month_first = month_first or (numbers[1] > 12 >= numbers[0])
    if day_first == month_first:
        return None
    return DateOrder.DAY_FIRST if day_first else DateOrder.MONTH_FIRST


def mixed_orders(values: Iterable[Any]) -> bool:
    """True when some text dates can only be day first and others only month first."""
    seen = {DateOrder.DAY_FIRST: False, DateOrder.MONTH_FIRST: False}
    for value in values:
        numbers = _numbers(value)
        if numbers is not None:
            if numbers[0] > 12 >= numbers[1]:
                seen[DateOrder.DAY_FIRST] = True
            elif numbers[1] > 12 >= numbers[0]:
                seen[DateOrder.MONTH_FIRST] = True
    return all(seen.values())
