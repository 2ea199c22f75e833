import re
from datetime import date, datetime

import pandas as pd
import pytest

from xlbo.columns import date_column
from xlbo.dates import (
    YearOutOfRange,
    from_excel_serial,
    parse_date,
    parse_month,
    to_excel_serial,
)


@pytest.mark.parametrize(
    ("cell", "day"),
    [
        ("05/04/2025", date(2025, 4, 5)),
        ("05-04-2025", date(2025, 4, 5)),
        ("05.04.2025", date(2025, 4, 5)),
        ("5-4-25", date(2025, 4, 5)),
        ("07-03-91", date(1991, 3, 7)),
        ("1-Apr-25", date(2025, 4, 1)),
        ("01-Apr-2025", date(2025, 4, 1)),
        ("1 April 2025", date(2025, 4, 1)),
        ("1-sept-2025", date(2025, 9, 1)),
        ("2025-04-01", date(2025, 4, 1)),
        ("2025-04-01 00:00:00", date(2025, 4, 1)),
        ("05/04/2025 10:15", date(2025, 4, 5)),
        # as bank exports write them: the year first with slashes, a time to the millisecond,
        # Excel's forced text (`="…"` in a CSV, a leading apostrophe)
        ("2026/10/01", date(2026, 10, 1)),
        ("2026.10.01", date(2026, 10, 1)),
        ("01/10/2026 00:00:00.000", date(2026, 10, 1)),
        ("01-10-2026 10:15:32.000", date(2026, 10, 1)),
        ("01-10-2026 10:15:32.000 PM", date(2026, 10, 1)),
        ('="01/10/2026"', date(2026, 10, 1)),
        ("'01/10/2026", date(2026, 10, 1)),
        ("'1-Oct-26", date(2026, 10, 1)),
        # a time with its zone is a moment: its day is the day in India (IST, +05:30)
        ("2026-09-30T18:30:00.000Z", date(2026, 10, 1)),
        ("2026-09-30T18:29:59Z", date(2026, 9, 30)),
        ("2026-11-03T20:00:00+00:00", date(2026, 11, 4)),
        ("2026-11-03T10:15:32+05:30", date(2026, 11, 3)),
        ("2026-11-03T00:15:00+0530", date(2026, 11, 3)),
        ("2026-11-03T23:00:00-0500", date(2026, 11, 4)),
        ("2026-11-03T23:59:59", date(2026, 11, 3)),  # no zone: the day written
        # the month named first, as some exports write it, and a weekday in front
        ("June 30, 2025", date(2025, 6, 30)),
        ("June30, 2025", date(2025, 6, 30)),
        ("Jun-30-2025", date(2025, 6, 30)),
        ("Jun 30, 25", date(2025, 6, 30)),
        ("Tue, 30 Jun 2025", date(2025, 6, 30)),
        ("Monday 30 June 2025", date(2025, 6, 30)),
        ("03\u200b/11/2026", date(2026, 11, 3)),  # a zero-width space pasted from a web page
        (45748, date(2025, 4, 1)),
        (45748.75, date(2025, 4, 1)),
        (datetime(2025, 4, 1, 13, 5), date(2025, 4, 1)),
        (date(2025, 4, 1), date(2025, 4, 1)),
    ],
)
def test_dates_as_indian_offices_write_them(cell: object, day: date) -> None:
    assert parse_date(cell) == day


def test_month_first_only_when_asked() -> None:
    assert parse_date("04/05/2025", day_first=False) == date(2025, 4, 5)


@pytest.mark.parametrize(
    ("cell", "message"),
    [
        ("31/02/2024", "'31/02/2024' is not a real date"),
        ("13/13/2024", "not a real date"),
        ("someday", "type it as dd-mm-yyyy"),
        ("2026/13/01", "not a real date"),
        ('="someday"', "type it as dd-mm-yyyy"),
        ("''01/10/2026", "type it as dd-mm-yyyy"),
        ("2026/10/01/02", "type it as dd-mm-yyyy"),
        ("#REF!", "Excel error #REF!"),
        (60, "29-Feb-1900"),
        (-5, "is not a date"),
        (True, "is not a date"),
    ],
)
def test_not_dates_say_why(cell: object, message: str) -> None:
    with pytest.raises(ValueError, match=message):
        parse_date(cell)


def test_excel_serials_both_ways() -> None:
    assert from_excel_serial(1) == date(1900, 1, 1)
    assert from_excel_serial(61) == date(1900, 3, 1)
    assert to_excel_serial(date(2025, 4, 1)) == 45748


@pytest.mark.parametrize(
    ("text", "month"),
    [("2026-10", date(2026, 10, 1)), (" 2026-4 ", date(2026, 4, 1)), ("1900-01", date(1900, 1, 1))],
)
def test_months_as_typed(text: str, month: date) -> None:
    assert parse_month(text) == month


@pytest.mark.parametrize(
    ("text", "said"),
    [
        ("9999-12", "the year 9999 is outside the years xlbo works with (1900 to 2100)"),
        ("0000-01", "the year 0 is outside"),
        ("2101-01", "the year 2101 is outside"),
        ("2026-13", "'2026-13' is not a month; write it as YYYY-MM"),
        ("2026-00", "is not a month"),
        ("Oct 2026", "is not a month"),
        ("", "'' is not a month"),
        ("1" * 5000, "is not a month"),
    ],
)
def test_months_that_are_not(text: str, said: str) -> None:
    with pytest.raises(ValueError, match=re.escape(said)):
        parse_month(text)
    if "outside" in said:
        with pytest.raises(YearOutOfRange):
            parse_month(text)


@pytest.mark.parametrize(
    ("written", "day"),
    [
        ("01-Oct-26 (01-Oct-26)", date(2026, 10, 1)),
        ("01-Oct-26(02-Oct-26)", date(2026, 10, 1)),
        ("15/10/2026 (16/10/2026)", date(2026, 10, 15)),
    ],
)
def test_a_value_date_in_brackets_after_the_date_is_left_out(written: str, day: date) -> None:
    """Indian Overseas Bank's `Date(Value Date)` column writes both in one cell; every line was
    refused as no date."""
    assert parse_date(written) == day
    assert date_column(pd.Series([written, "20/10/2026"]))[0][0] == day
