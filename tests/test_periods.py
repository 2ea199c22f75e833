"""The financial year, one rule (xlbo.periods): April to March unless the company starts its
year in another month; one label, `FY 2026-27`."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from xlbo.errors import UserError
from xlbo.periods import APRIL, TAX_YEAR_START, financial_year
from xlbo.reports.journal import check_period, parse_period


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


@pytest.mark.parametrize("typed", ["FY2026", "FY2026-27", "2026-10", "2026-04:2026-09"])
def test_a_period_of_any_company_passes_the_door(typed: str) -> None:
    check_period(typed)  # no UserError: the company's start month decides later


@pytest.mark.parametrize(
    ("typed", "said"),
    [
        ("FY2026-29", "write FY2026-27"),
        ("FY26-27", "not a financial year"),
        ("2026-13", "is not a period"),
        ("FY2200", "outside the years xlbo works with"),
    ],
)
def test_a_malformed_period_is_refused_at_the_door(typed: str, said: str) -> None:
    with pytest.raises(UserError, match=said):
        check_period(typed)


def test_the_command_line_reports_a_calendar_year_company_for_fy2026(tmp_path: Path) -> None:
    from tests.conftest import write_xlsx
    from xlbo.cli import main

    journal = [
        ["Date", "Voucher No", "Voucher Type", "Account", "Debit", "Credit"],
        [date(2026, 2, 10), "RCT/1", "Receipt", "Bank", 5000, None],
        [date(2026, 2, 10), "RCT/1", "Receipt", "Sales", None, 5000],
    ]
    books = write_xlsx(
        tmp_path / "books.xlsx",
        {
            "Company": [["Name", "State", "Financial Year Starts"], ["Acme", "Kerala", "January"]],
            "Accounts": [
                ["Account", "Group", "Sub-group", "Nature"],
                ["Bank", "Current Assets", "Cash and Cash Equivalents", "Asset"],
                ["Sales", "Income", "Revenue from Operations", "Income"],
            ],
            "Journal": journal,
        },
    )
    out = tmp_path / "annual.xlsx"
    code = main(["report", "annual", str(books), "--period", "FY2026", "--out", str(out)])
    assert code == 0 and out.exists()
