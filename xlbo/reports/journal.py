"""The period a report covers (`--period 2026-10`, `2026-04:2026-09`, `FY2026-27`) and each
account's movement month by month, from the Journal's lines in exact paise (the Journal sheet is
read into those lines by `xlbo.readers.journal`).
"""

from __future__ import annotations

import calendar
import re
from datetime import date

import pandas as pd

from xlbo.dates import YearOutOfRange, check_year, parse_month
from xlbo.errors import UserError
from xlbo.periods import APRIL, Period, financial_year

PERIOD_FORMS = "write YYYY-MM, YYYY-MM:YYYY-MM or FY2026-27"


def _month(text: str, given: str) -> date:
    try:
        return parse_month(text)
    except YearOutOfRange as error:
        raise UserError(f"--period {given[:40]}: {error}.") from None
    except ValueError:
        raise UserError(f"--period '{given[:40]}' is not a period; {PERIOD_FORMS}.") from None


def parse_period(text: str, fy_start: int = APRIL) -> Period:
    """The period a report covers, from what the user typed; a UserError naming the fault when
    it is not one (a month that does not exist, a year outside 1900–2100, FY2026-29). A
    financial year (`FY2026-27`) starts in month `fy_start`: the Company sheet's Financial Year
    Starts, April unless it says otherwise."""
    given = str(text).strip()
    cleaned = given.upper().replace(" ", "")
    fy = re.fullmatch(r"FY(\d{4})(?:-(\d{2}))?", cleaned)
    if fy:
        first = int(fy.group(1))
        try:
            check_year(first)
            check_year(first + 1)
        except YearOutOfRange as error:
            raise UserError(f"--period {given[:40]}: {error}.") from None
        year = financial_year(date(first, fy_start, 1), fy_start)
        if cleaned != year.label.replace(" ", ""):
            raise UserError(
                f"--period {given}: a financial year runs from {year.start:%B}"
                + (
                    f" of one year to {year.end:%B} of the next"
                    if year.start.year != year.end.year
                    else f" to {year.end:%B}"
                )
                + f"; write {year.label.replace(' ', '')}."
            )
        return year
    if cleaned.startswith("FY"):
        raise UserError(f"--period {given[:40]}: not a financial year; write it as FY2026-27.")
    first_text, colon, last_text = cleaned.partition(":")
    start = _month(first_text, given)
    last = _month(last_text, given) if colon else start
    if last < start:
        raise UserError(f"--period {given}: it ends before it starts.")
    end = last.replace(day=calendar.monthrange(last.year, last.month)[1])
    label = f"{start:%b %Y}" if start == last else f"{start:%b %Y} – {end:%b %Y}"
    return Period(start, end, label)


def check_period(text: str) -> None:
    """Refuse a period that is malformed whatever month the company's year starts in (at the
    door, before the master says the month): `FY2026` is checked as a year from January,
    `FY2026-27` as one from April; `parse_period` with the company's month decides the rest."""
    fy = re.fullmatch(r"FY(\d{4})(-\d{2})?", str(text).strip().upper().replace(" ", ""))
    parse_period(text, 1 if fy and not fy.group(2) else APRIL)


def monthly_movement(lines: pd.DataFrame, period: Period) -> dict[tuple[str, date], int]:
    """Debit-positive movement of each account in each month of the period, in paise, keyed by
    (account, first day of the month)."""
    mine = lines[(lines["date"] >= period.start) & (lines["date"] <= period.end)]
    if mine.empty:
        return {}
    month = pd.to_datetime(mine["date"]).dt.to_period("M").dt.start_time.dt.date
    net = (mine["debit"] - mine["credit"]).groupby([mine["account"], month]).sum()
    result: dict[tuple[str, date], int] = {}
    for key, value in net.items():
        pair: tuple[object, date] = key  # type: ignore[assignment]
        result[(str(pair[0]), pair[1])] = int(value)
    return result
