"""Spans of whole months, and the financial year, written once.

A `Period` is what a report covers: a month (`Oct 2026`), a run of months (`Apr 2026 – Sep 2026`)
or a financial year (`FY 2026-27`). `financial_year` is the one rule for the year a day falls in.

India's financial year runs from 1 April to 31 March (the Companies Act's "financial year" and
the Income-tax Act's "previous year"), so April is the named default, `APRIL`. A company may keep
its books on another year (a foreign subsidiary allowed a January year): the master's Company
sheet says so (`Financial Year Starts`), and the books' reports take it from there. Income tax
(TDS on salaries) always runs April to March, whatever the books do, so payroll passes
`TAX_YEAR_START`.

    >>> financial_year(date(2026, 10, 15)).label
    'FY 2026-27'
    >>> financial_year(date(2027, 3, 31)).start, financial_year(date(2027, 4, 1)).label
    (datetime.date(2026, 4, 1), 'FY 2027-28')
    >>> year = financial_year(date(2026, 10, 15), fy_start=1)
    >>> year.label, year.start, year.end
    ('FY 2026', datetime.date(2026, 1, 1), datetime.date(2026, 12, 31))

ESI contribution periods (April–September, October–March) are no financial year: they live
with ESI (`xlbo.payroll.esi.period_start`).
"""

from __future__ import annotations

import calendar
from dataclasses import dataclass
from datetime import date, timedelta

APRIL = 4
"""The month India's financial year starts in (1 April to 31 March)."""

TAX_YEAR_START = APRIL
"""The income-tax year (the "previous year" TDS is worked out over) starts in April for every
employer, whatever month its books start in."""


@dataclass(frozen=True)
class Period:
    """A span of whole months: `2026-10`, `2026-04:2026-09` or a financial year."""

    start: date
    end: date
    label: str

    @property
    def months(self) -> int:
        return (self.end.year - self.start.year) * 12 + self.end.month - self.start.month + 1

    def previous(self) -> Period:
        """The same number of months just before."""
        months = self.months
        first_index = self.start.year * 12 + self.start.month - 1 - months
        start = date(first_index // 12, first_index % 12 + 1, 1)
        last_index = first_index + months - 1
        end_month = date(last_index // 12, last_index % 12 + 1, 1)
        end = end_month.replace(day=calendar.monthrange(end_month.year, end_month.month)[1])
        return Period(
            start, end, f"{start:%b %Y} – {end:%b %Y}" if months > 1 else f"{start:%b %Y}"
        )


@dataclass(frozen=True)
class FinancialYear(Period):
    """A financial year: twelve months from its first day. `code` is the year as the master's
    rule sheets and voucher numbers write it (`2026-27`; `2026` for a year that starts in
    January); `label` is how xlbo names it to a reader (`FY 2026-27`)."""

    code: str = ""


def financial_year(day: date, fy_start: int = APRIL) -> FinancialYear:
    """The financial year `day` falls in, for a year starting on the 1st of month `fy_start`
    (April unless the company says otherwise)."""
    if not 1 <= fy_start <= 12:
        raise ValueError(f"{fy_start} is not a month (1 to 12)")
    first_year = day.year if day.month >= fy_start else day.year - 1
    start = date(first_year, fy_start, 1)
    end = date(first_year + 1, fy_start, 1) - timedelta(days=1)
    code = f"{start.year}" if start.year == end.year else f"{start.year}-{end.year % 100:02d}"
    return FinancialYear(start, end, f"FY {code}", code)
