"""Gratuity, statutory bonus and the pay-by date of a full-and-final settlement: pure rules,
each an effective-dated row of the master workbook (`Gratuity Rules`, `Bonus Rules`) with
xlbo's defaults shipped.

Gratuity (Payment of Gratuity Act 1972 s.4; Code on Social Security 2020 from 21-11-2025):
15 days' wages for each completed year of service at the last drawn monthly wage (Basic + DA)
÷ 26, a part of a year over six months counting as a year; due after five years' continuous
service, except on death or disablement; one year for fixed-term staff under the Code from
21-11-2025; at most ₹20 lakh (S.O. 1420(E), 29-03-2018).

    Joined 01-04-2020, left 31-10-2025 (5 years 7 months), Basic + DA 30,000:
    6 years counted; 15/26 × 30,000 × 6 = 1,03,846.

    Joined 01-04-2021, left 31-10-2025 (4 years 7 months): nil, under five years.

Bonus (Payment of Bonus Act 1965 ss.2(13), 8, 10–12; Code on Wages 2019 ss.26–27 from
21-11-2025): for an employee whose salary (Basic + DA) is at most ₹21,000 a month and who worked
at least 30 days in the year; at least 8.33% and at most 20% of the salary counted at no more
than the greater of ₹7,000 and the minimum wage. 8.33% of 12 × 7,000 = 6,997.

Pay-by date (Code on Wages s.17(2)): wages of an employee who leaves, is removed, dismissed or
retrenched are paid within two working days; Sundays and the holidays given are not working days.
"""

from __future__ import annotations

import calendar
from collections.abc import Collection, Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from decimal import ROUND_HALF_UP, Decimal
from enum import StrEnum
from typing import Annotated

from pydantic import Field

from xlbo.master.effective import in_force
from xlbo.master.fields import (
    Count,
    Day,
    Id,
    Money,
    OptDay,
    OptMoney,
    OptStateName,
    OptText,
    Rate,
    Shown,
    Text,
    choices_of,
    enum_reader,
)
from xlbo.master.records import Employee, Record
from xlbo.money import format_inr

ZERO = Decimal(0)
RUPEE = Decimal(1)
CODE_ON_SOCIAL_SECURITY = date(2025, 11, 21)
"""The Labour Codes' day of commencement (the old Acts' rules continue in transition)."""


class Employment(StrEnum):
    """Whom a gratuity rule is for."""

    PERMANENT = "Permanent"
    FIXED_TERM = "Fixed-term"


class Leaving(StrEnum):
    """Why service ended: death and disablement need no qualifying service for gratuity."""

    RESIGNATION = "Resignation"
    RETIREMENT = "Retirement"
    TERMINATION = "Termination"
    DEATH = "Death"
    DISABLEMENT = "Disablement"


def leaving_reason(text: str) -> Leaving | None:
    """The reason a cell or option names (any case); None when it names none."""
    wanted = text.strip().casefold()
    return next((r for r in Leaving if r.value.casefold() == wanted), None)


EmploymentCell = Annotated[
    Employment,
    enum_reader(Employment, Fixed=Employment.FIXED_TERM, FTE=Employment.FIXED_TERM),
    Shown(choices=choices_of(Employment), width=12),
]


class GratuityRule(Record):
    """Gratuity's terms from a date, for permanent or fixed-term staff."""

    employment: EmploymentCell = Field(
        alias="Employment", description="Permanent or Fixed-term staff."
    )
    qualifying_years: Count = Field(
        alias="Qualifying Years",
        description="Continuous service needed (5; 1 for fixed-term staff under the Code on "
        "Social Security from 21-11-2025); not needed on death or disablement.",
    )
    days_per_year: Count = Field(
        15, alias="Days per Year", description="Days' wages per completed year (15)."
    )
    wage_days: Count = Field(
        26, alias="Wage Days", description="Days a month's wage is divided by (26)."
    )
    part_year_months: Count = Field(
        6,
        alias="Part Year Over (months)",
        description="A part of a year longer than this many months counts as a year (6).",
    )
    cap: Money = Field(alias="Cap", description="Most gratuity payable (Rs 20 lakh).")
    effective_from: Day = Field(
        alias="Effective From", description="First leaving day the row applies to."
    )
    effective_to: OptDay = Field(None, alias="Effective To", description="Last day; blank: open.")
    source: OptText = Field(None, alias="Source", description="The Act, section, notification.")


class BonusRule(Record):
    """Statutory bonus from a date (a State's row for its minimum wage, else every State's)."""

    state: OptStateName = Field(
        None, alias="State", description="Blank: every State; a State's row wins for its staff."
    )
    minimum_rate: Rate = Field(alias="Minimum Rate", description="8.33% (s.10).")
    maximum_rate: Rate = Field(alias="Maximum Rate", description="20% (s.11).")
    eligibility_ceiling: Money = Field(
        alias="Eligibility Ceiling",
        description="Salary (Basic + DA) a month up to which bonus is due (Rs 21,000, s.2(13)).",
    )
    calculation_ceiling: Money = Field(
        alias="Calculation Ceiling",
        description="Salary a month bonus is counted on at most, if above (Rs 7,000, s.12).",
    )
    minimum_wage: OptMoney = Field(
        None,
        alias="Minimum Wage",
        description="The scheduled minimum wage a month; bonus is counted on the greater of it "
        "and the calculation ceiling.",
    )
    minimum_days: Count = Field(
        30, alias="Minimum Days", description="Days worked in the year to qualify (30, s.8)."
    )
    effective_from: Day = Field(alias="Effective From", description="First day of the row.")
    effective_to: OptDay = Field(None, alias="Effective To", description="Last day; blank: open.")
    source: OptText = Field(None, alias="Source", description="The Act and section.")


class Recovery(Record):
    """A loan, advance or other amount to recover from an employee's final settlement."""

    employee_id: Id = Field(alias="Employee ID", description="Whose recovery it is.")
    description: Text = Field(alias="Description", description="What it is (salary advance, …).")
    amount: Money = Field(alias="Amount", description="The amount still to recover.")
    account: OptText = Field(
        None,
        alias="Account",
        description="The ledger it is credited to; blank: Salary Advances.",
    )


class Holiday(Record):
    """A paid holiday of the establishment (not a working day for the pay-by date)."""

    day: Day = Field(alias="Date", description="The holiday.")
    name: OptText = Field(None, alias="Holiday", description="Republic Day, Diwali, …")


def shipped_gratuity_rules() -> list[GratuityRule]:
    """The Payment of Gratuity Act's terms (cap ₹20 lakh from 29-03-2018) and the Code on
    Social Security's one year for fixed-term staff from 21-11-2025."""
    act = "Payment of Gratuity Act 1972 s.4; cap S.O. 1420(E) 29-03-2018"
    code = "Code on Social Security 2020 s.53 (fixed-term employees: one year)"
    rows = (
        ("Permanent", 5, date(2018, 3, 29), None, act),
        ("Fixed-term", 5, date(2018, 3, 29), CODE_ON_SOCIAL_SECURITY - timedelta(days=1), act),
        ("Permanent", 5, CODE_ON_SOCIAL_SECURITY, None, "Code on Social Security 2020 s.53"),
        ("Fixed-term", 1, CODE_ON_SOCIAL_SECURITY, None, code),
    )
    return [
        GratuityRule.model_validate(
            {"Employment": kind, "Qualifying Years": years, "Cap": 2000000,
             "Effective From": start, "Effective To": end, "Source": source}
        )
        for kind, years, start, end, source in rows
    ]  # fmt: skip


def shipped_bonus_rules() -> list[BonusRule]:
    """Bonus under the Payment of Bonus Act as amended in 2015 (from 01-04-2014), carried into
    the Code on Wages from 21-11-2025."""
    rows = (
        (date(2014, 4, 1), "Payment of Bonus Act 1965 ss.2(13), 8, 10, 11, 12 (2015 amendment)"),
        (CODE_ON_SOCIAL_SECURITY, "Code on Wages 2019 ss.26, 27"),
    )
    return [
        BonusRule.model_validate(
            {"Minimum Rate": "8.33%", "Maximum Rate": "20%", "Eligibility Ceiling": 21000,
             "Calculation Ceiling": 7000, "Effective From": start, "Source": source}
        )
        for start, source in rows
    ]  # fmt: skip


# -- service and gratuity -----------------------------------------------------------------------


@dataclass(frozen=True)
class Service:
    """Service from the day of joining to the last working day, both counted."""

    years: int
    months: int
    days: int

    def __str__(self) -> str:
        return f"{self.years} years {self.months} months {self.days} days"


def service(joined: date, left: date) -> Service:
    """Completed years, months and days from `joined` to `left` inclusive (01-04-2020 to
    31-10-2025 is 5 years 7 months 0 days)."""
    end = left + timedelta(days=1)  # the day after the last, so a whole month is whole
    months = (end.year - joined.year) * 12 + end.month - joined.month
    if end.day < joined.day:
        months -= 1
    anniversary_year = joined.year + (joined.month - 1 + months) // 12
    anniversary_month = (joined.month - 1 + months) % 12 + 1
    last = calendar.monthrange(anniversary_year, anniversary_month)[1]
    since = date(anniversary_year, anniversary_month, min(joined.day, last))
    return Service(months // 12, months % 12, (end - since).days)


@dataclass(frozen=True)
class Gratuity:
    amount: Decimal
    eligible: bool
    service: Service
    years_counted: int
    monthly_wage: Decimal
    rule: GratuityRule
    capped: bool
    how: str


class NoRule(ValueError):
    """No rule row in force for the day (the sheet lacks one)."""


def gratuity_rule(rules: Sequence[GratuityRule], employment: Employment, day: date) -> GratuityRule:
    found = in_force((r for r in rules if r.employment is employment), day)
    if found is None:
        raise NoRule(
            f"no Gratuity Rules row for {employment.value} staff is in force on {day:%d-%m-%Y}"
        )
    return found


def gratuity(
    monthly_wage: Decimal,
    joined: date,
    left: date,
    rules: Sequence[GratuityRule],
    *,
    fixed_term: bool = False,
    leaving: Leaving = Leaving.RESIGNATION,
) -> Gratuity:
    """Gratuity on leaving on `left` at the last monthly wage (Basic + DA), by the row in force
    on the leaving day."""
    employment = Employment.FIXED_TERM if fixed_term else Employment.PERMANENT
    rule = gratuity_rule(rules, employment, left)
    served = service(joined, left)
    counted = served.years + (
        1 if served.months > rule.part_year_months
        or (served.months == rule.part_year_months and served.days > 0) else 0
    )  # fmt: skip
    exempt = leaving in (Leaving.DEATH, Leaving.DISABLEMENT)
    eligible = exempt or served.years >= rule.qualifying_years
    formula = (monthly_wage * rule.days_per_year / rule.wage_days * counted).quantize(
        RUPEE, rounding=ROUND_HALF_UP
    )
    amount = min(formula, rule.cap) if eligible else ZERO
    capped = eligible and formula > rule.cap
    if eligible:
        how = (
            f"{rule.days_per_year}/{rule.wage_days} × {format_inr(monthly_wage)} × {counted} "
            f"years ({served}; a part year over {rule.part_year_months} months counts) = "
            f"{format_inr(formula)}"
            + (f", capped at {format_inr(rule.cap)}" if capped else "")
            + (f"; no qualifying service needed on {leaving.value.lower()}" if exempt else "")
        )
    else:
        how = (
            f"nil: {served} of service, under the {rule.qualifying_years} years "
            f"{employment.value.lower()} staff need"
        )
    return Gratuity(
        amount, eligible, served, counted if eligible else 0, monthly_wage, rule, capped,
        f"{how} ({rule.source or 'Gratuity Rules'})",
    )  # fmt: skip


# -- bonus ---------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Bonus:
    amount: Decimal
    eligible: bool
    rate: Decimal
    counted_salary: Decimal
    """The year's salary bonus is counted on (each month at most the ceiling)."""
    days_worked: int
    how: str


def bonus_rule(rules: Sequence[BonusRule], state: str, day: date) -> BonusRule:
    """The State's own row in force on `day`, else the row for every State."""
    found = in_force((r for r in rules if r.state == state), day) or in_force(
        (r for r in rules if r.state is None), day
    )
    if found is None:
        raise NoRule(f"no Bonus Rules row for {state} is in force on {day:%d-%m-%Y}")
    return found


def bonus(
    person: Employee,
    first: date,
    last: date,
    rules: Sequence[BonusRule],
    rate: Decimal | None = None,
    days_absent: int = 0,
) -> Bonus:
    """Statutory bonus for the days from `first` to `last` (an accounting year, or its part to
    the leaving day) at `rate` (the rule's minimum when None), on the current Basic + DA."""
    rule = bonus_rule(rules, person.work_state, last)
    chosen = rule.minimum_rate if rate is None else rate
    if not rule.minimum_rate <= chosen <= rule.maximum_rate:
        raise ValueError(
            f"a bonus rate of {chosen:%} is outside {rule.minimum_rate:%} to "
            f"{rule.maximum_rate:%} (Bonus Rules, {rule.source or 'in force'})"
        )
    start = max(first, person.date_of_joining)
    end = min(last, person.date_of_leaving) if person.date_of_leaving else last
    salary = person.basic + person.da
    days = max((end - start).days + 1 - days_absent, 0)
    ceiling = max(rule.calculation_ceiling, rule.minimum_wage or ZERO)
    if salary > rule.eligibility_ceiling:
        return Bonus(
            ZERO, False, chosen, ZERO, days,
            f"not eligible: salary {format_inr(salary)} a month is above "
            f"{format_inr(rule.eligibility_ceiling)}",
        )  # fmt: skip
    if days < rule.minimum_days:
        return Bonus(
            ZERO, False, chosen, ZERO, days,
            f"not eligible: {days} days worked, fewer than {rule.minimum_days}",
        )  # fmt: skip
    monthly = min(salary, ceiling)
    counted = ZERO
    month = date(start.year, start.month, 1)
    while month <= end:
        in_month = calendar.monthrange(month.year, month.month)[1]
        month_end = month.replace(day=in_month)
        on_rolls = (min(month_end, end) - max(month, start)).days + 1
        counted += monthly * on_rolls / in_month
        month = month_end + timedelta(days=1)
    counted = counted.quantize(Decimal("0.01"), rounding=ROUND_HALF_UP)
    amount = (counted * chosen).quantize(RUPEE, rounding=ROUND_HALF_UP)
    how = (
        f"{chosen:.2%} × {format_inr(counted)} (salary {format_inr(salary)} a month counted at "
        f"{format_inr(monthly)}, the greater of {format_inr(rule.calculation_ceiling)} and the "
        f"minimum wage at most, {start:%d-%m-%Y} to {end:%d-%m-%Y}) = {format_inr(amount)}"
    )
    return Bonus(amount, True, chosen, counted, days, how)


# -- pay-by date ----------------------------------------------------------------------------------


def pay_by(last_working_day: date, holidays: Collection[date] = (), working_days: int = 2) -> date:
    """The day wages are due: `working_days` working days after the last working day, Sundays
    and `holidays` not counted (Code on Wages s.17(2))."""
    day = last_working_day
    left = working_days
    while left:
        day += timedelta(days=1)
        if day.weekday() != 6 and day not in holidays:
            left -= 1
    return day
