"""The financial year, one rule (xlbo.periods): April to March unless the company starts its
year in another month; one label, `FY 2026-27`."""

from __future__ import annotations

from datetime import date

import pytest

from xlbo.errors import UserError
from xlbo.periods import APRIL, TAX_YEAR_START, financial_year
from xlbo.reports.journal import parse_period


@pytest.mark.parametrize(
    ("day", "fy_start", "start", "end", "label", "code"),
    [
        # April (India's year): 31 March closes one year, 1 April opens the next
        (date(2026, 3, 31), 4, date(2025, 4, 1), date(2026, 3, 31), "FY 2025-26", "2025-26"),
        (date(2026, 4, 1), 4, date(2026, 4, 1), date(2027, 3, 31), "FY 2026-27", "2026-27"),
        (date(2026, 10, 15), 4, date(2026, 4, 1), date(2027, 3, 31), "FY 2026-27", "2026-27"),
        (date(2000, 2, 29), 4, date(1999, 4, 1), date(2000, 3, 31), "FY 1999-00", "1999-00"),
        # January (a company allowed a calendar year): the year is its own label
        (date(2026, 1, 1), 1, date(2026, 1, 1), date(2026, 12, 31), "FY 2026", "2026"),
        (date(2026, 12, 31), 1, date(2026, 1, 1), date(2026, 12, 31), "FY 2026", "2026"),
        # July: the day before the start month belongs to the year before
        (date(2026, 6, 30), 7, date(2025, 7, 1), date(2026, 6, 30), "FY 2025-26", "2025-26"),
        (date(2026, 7, 1), 7, date(2026, 7, 1), date(2027, 6, 30), "FY 2026-27", "2026-27"),
    ],
)
def test_the_financial_year_a_day_falls_in(
    day: date, fy_start: int, start: date, end: date, label: str, code: str
) -> None:
    year = financial_year(day, fy_start)
    assert (year.start, year.end, year.label, year.code) == (start, end, label, code)
    assert year.months == 12


def test_april_is_the_named_default_and_the_tax_year_start() -> None:
    assert APRIL == TAX_YEAR_START == 4
    assert financial_year(date(2027, 3, 31)) == financial_year(date(2026, 4, 1), APRIL)


def test_a_start_month_that_is_no_month_is_refused() -> None:
    with pytest.raises(ValueError, match="13 is not a month"):
        financial_year(date(2026, 4, 1), 13)


@pytest.mark.parametrize(
    ("typed", "fy_start", "start", "end", "label"),
    [
        ("FY2026-27", 4, date(2026, 4, 1), date(2027, 3, 31), "FY 2026-27"),
        ("fy 2026-27", 4, date(2026, 4, 1), date(2027, 3, 31), "FY 2026-27"),
        ("FY2026", 1, date(2026, 1, 1), date(2026, 12, 31), "FY 2026"),
        ("FY2026-27", 7, date(2026, 7, 1), date(2027, 6, 30), "FY 2026-27"),
    ],
)
def test_a_report_period_typed_as_a_financial_year_follows_the_company(
    typed: str, fy_start: int, start: date, end: date, label: str
) -> None:
    period = parse_period(typed, fy_start)
    assert (period.start, period.end, period.label) == (start, end, label)


@pytest.mark.parametrize(
    ("typed", "fy_start", "message"),
    [
        ("FY2026", 4, "runs from April of one year to March of the next; write FY2026-27"),
        ("FY2026-27", 1, "runs from January to December; write FY2026"),
    ],
)
def test_a_financial_year_written_for_another_start_month_is_refused(
    typed: str, fy_start: int, message: str
) -> None:
    with pytest.raises(UserError, match=message):
        parse_period(typed, fy_start)
