"""Leave: what each employee has earned, taken, carried, lost and may cash, by the rules of the
State they work in.

The `Leave Rules` sheet holds one row per State and leave type, each effective-dated. The shipped
default is Maharashtra's Shops and Establishments (Regulation of Employment and Conditions of
Service) Act 2017, s.18:

    State        Leave Type    Accrues  Per          Days Worked  Carry Cap  Lapses  Encashable
    Maharashtra  Earned Leave  1        Days Worked  20           45         No      Yes
    Maharashtra  Casual Leave  2        Quarter                              Yes     No

The leave year is the calendar year (the Act's). Earned leave accrues as the days are worked:
one day for each full 20 days worked (Monday to Saturday on the rolls, less leave taken), once
the employee has worked the rule's Qualifying Days in that calendar year (240 in Maharashtra:
239 days earn nothing, 240 earn 12; a joiner after about mid-April cannot reach 240 in the
year of joining, so earns none that year);
casual leave is credited at the start of each quarter the employee is on the rolls. At the end of
a year, leave that lapses is lost, and the rest is carried up to the cap (the excess lost).
`Leave Taken` rows (Employee ID, Type, From, To, Days) are counted in the year their From date
falls in.

Worked example: joined 01-01-2025, nothing taken in 2025, as on 30-11-2026. In 2025 there are
313 working days (365 less 52 Sundays): 15 days of earned leave, all carried (below the cap of
45). In 2026 to 30 November: 286 working days, 14 more days: balance 29 (to 30 June it would be
155 days, under 240: nothing yet). Casual leave: 8 credited in
2025 all lapse at the year end; 4 credited in the first two quarters of 2026.

Encashment is valued at the daily leave wage: the monthly wage the rule names (Basic + DA, or
gross) divided by the rule's days (26 by default), for the encashable balance.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from decimal import ROUND_FLOOR, ROUND_HALF_UP, Decimal
from enum import StrEnum
from typing import Annotated

from pydantic import Field

from xlbo.master.effective import covers, in_force
from xlbo.master.fields import (
    Count,
    Day,
    Id,
    OptDay,
    OptQuantity,
    OptText,
    Shown,
    StateName,
    Text,
    YesNo,
    choices_of,
    enum_reader,
)
from xlbo.master.records import Employee, Record

ZERO = Decimal(0)
SUNDAY = 6


class AccrualBasis(StrEnum):
    """How a leave type is earned."""

    DAYS_WORKED = "Days Worked"
    """`Accrues` days for each full `Days Worked` worked (earned leave)."""
    MONTH = "Month"
    QUARTER = "Quarter"
    YEAR = "Year"
    """`Accrues` days credited at the start of each month, quarter or year on the rolls."""


class LeaveWage(StrEnum):
    """The monthly wage leave is cashed at."""

    BASIC_DA = "Basic + DA"
    GROSS = "Gross"


AccrualCell = Annotated[
    AccrualBasis,
    enum_reader(AccrualBasis, Worked=AccrualBasis.DAYS_WORKED, Quarterly=AccrualBasis.QUARTER,
                Monthly=AccrualBasis.MONTH, Yearly=AccrualBasis.YEAR),
    Shown(choices=choices_of(AccrualBasis), width=12),
]  # fmt: skip
LeaveWageCell = Annotated[
    LeaveWage, enum_reader(LeaveWage), Shown(choices=choices_of(LeaveWage), width=12)
]


class LeaveRule(Record):
    """One leave type of one State, from a date: how it is earned, carried, lost and cashed."""

    state: StateName = Field(alias="State", description="The Work State the rule applies to.")
    leave_type: Text = Field(
        alias="Leave Type", description="Earned Leave, Casual Leave, …; Leave Taken rows name it."
    )
    accrues: OptQuantity = Field(
        alias="Accrues", description="Days of leave earned per period (1 earned leave; 2 casual)."
    )
    per: AccrualCell = Field(
        AccrualBasis.DAYS_WORKED,
        alias="Per",
        description="Days Worked (earned as days are worked), or Month, Quarter or Year "
        "(credited at the start of each).",
    )
    days_worked: Count = Field(
        0,
        alias="Days Worked",
        description="With Per = Days Worked: the days worked that earn `Accrues` (20 in "
        "Maharashtra).",
    )
    qualifying_days: Count = Field(
        0,
        alias="Qualifying Days",
        description="With Per = Days Worked: days an employee must work in the calendar year "
        "before any of the year's leave is earned (240 in Maharashtra, s.18); blank: none.",
    )
    carry_cap: OptQuantity = Field(
        None,
        alias="Carry Forward Cap",
        description="Most days carried into the next year (45 in Maharashtra); the rest is "
        "lost. Blank: no cap.",
    )
    lapses: YesNo = Field(
        False, alias="Lapses", description="Yes when the whole year's balance is lost at its end."
    )
    encashable: YesNo = Field(
        False, alias="Encashable", description="Yes when the balance is paid out on leaving."
    )
    wage: LeaveWageCell = Field(
        LeaveWage.BASIC_DA, alias="Leave Wage", description="The monthly wage leave is cashed at."
    )
    wage_days: Count = Field(
        26, alias="Wage Days", description="Days the monthly wage is divided by for a day's pay."
    )
    effective_from: Day = Field(alias="Effective From", description="First day the row applies.")
    effective_to: OptDay = Field(
        None, alias="Effective To", description="Last day the row applies; blank: still in force."
    )
    source: OptText = Field(None, alias="Source", description="The Act and section.")

    def in_force(self, day: date) -> bool:
        return covers(self, day)


class LeaveTaken(Record):
    """Leave an employee took: one row per spell."""

    employee_id: Id = Field(alias="Employee ID", description="Who took the leave.")
    leave_type: Text = Field(alias="Type", description="The Leave Type as on Leave Rules.")
    start: Day = Field(alias="From", description="First day of leave.")
    end: OptDay = Field(None, alias="To", description="Last day of leave; blank: one day.")
    days: OptQuantity = Field(
        None,
        alias="Days",
        description="Days of leave (half days allowed); blank: From to To, Sundays left out.",
    )

    @property
    def usable(self) -> bool:
        """Days, if typed, are more than nil and To, if typed, is not before From."""
        return (self.days is None or self.days > 0) and (self.end is None or self.end >= self.start)

    @property
    def counted(self) -> Decimal:
        """The days the spell counts for: as typed, else its working days."""
        if self.days is not None:
            return self.days
        return Decimal(working_days(self.start, self.end or self.start))


MAHARASHTRA_ACT = "Maharashtra Shops and Establishments (RE&CS) Act 2017, s.18"
QUALIFYING_DAYS = 240
"""Maharashtra S&E Act 2017 s.18: earned leave for an employee who has worked 240 days in the
calendar year (the shipped default; a State's or the OSH Code's own figure is a Leave Rules
row with its Effective From)."""


def shipped_leave_rules() -> list[LeaveRule]:
    """Maharashtra's leave under its Shops and Establishments Act 2017 (in force 19-12-2017)."""
    start = date(2017, 12, 19)
    return [
        LeaveRule.model_validate(row)
        for row in (
            {"State": "Maharashtra", "Leave Type": "Earned Leave", "Accrues": 1,
             "Per": "Days Worked", "Days Worked": 20, "Qualifying Days": QUALIFYING_DAYS,
             "Carry Forward Cap": 45, "Lapses": "No",
             "Encashable": "Yes", "Effective From": start, "Source": MAHARASHTRA_ACT},
            {"State": "Maharashtra", "Leave Type": "Casual Leave", "Accrues": 2,
             "Per": "Quarter", "Lapses": "Yes", "Encashable": "No", "Effective From": start,
             "Source": MAHARASHTRA_ACT + " (8 a year, credited quarterly)"},
        )
    ]  # fmt: skip


def working_days(first: date, last: date) -> int:
    """Days from `first` to `last`, both counted, Sundays (the weekly holiday) left out."""
    if last < first:
        return 0
    days = (last - first).days + 1
    weeks, extra = divmod(days, 7)
    sundays = weeks + sum(
        1 for k in range(extra) if (first + timedelta(days=k)).weekday() == SUNDAY
    )
    return days - sundays


def _credits(basis: AccrualBasis, first: date, last: date) -> int:
    """Months, quarters or years that begin-or-run within [first, last] (credited at each)."""
    if basis is AccrualBasis.YEAR:
        return 1
    step = 1 if basis is AccrualBasis.MONTH else 3
    start_index = (first.month - 1) // step
    end_index = (last.month - 1) // step
    return end_index - start_index + 1


@dataclass(frozen=True)
class LeaveYear:
    """One employee's leave of one type in one leave year, and how it came about."""

    employee_id: str
    leave_type: str
    year: int
    opening: Decimal
    accrued: Decimal
    taken: Decimal
    closing: Decimal
    """Opening + accrued − taken (negative: more taken than earned)."""
    carried: Decimal | None
    """Carried into the next year; None for the year still running."""
    lapsed: Decimal
    how: str


@dataclass(frozen=True)
class LeaveBalance:
    """One employee's balance of one type as on a day, and its cash value if encashable."""

    employee: Employee
    rule: LeaveRule
    as_on: date
    opening: Decimal
    accrued: Decimal
    taken: Decimal
    balance: Decimal
    lapsed_last: Decimal
    """Lost at the end of the previous year (lapse or the carry cap)."""
    daily_wage: Decimal
    encashment: Decimal
    years: tuple[LeaveYear, ...]


def leave_rule(
    rules: Sequence[LeaveRule], state: str, leave_type: str, day: date
) -> LeaveRule | None:
    """The row for `state` and `leave_type` in force on `day` (the latest Effective From)."""
    wanted = leave_type.casefold()
    return in_force(
        (r for r in rules if r.state == state and r.leave_type.casefold() == wanted), day
    )


def leave_types(rules: Sequence[LeaveRule], state: str) -> list[str]:
    """The leave types a State's rules name, in sheet order."""
    return list(dict.fromkeys(r.leave_type for r in rules if r.state == state))


def daily_wage(person: Employee, rule: LeaveRule) -> Decimal:
    """A day's leave wage: the rule's monthly wage ÷ its wage days, to the paisa."""
    monthly = person.basic + person.da if rule.wage is LeaveWage.BASIC_DA else person.monthly_gross
    return (monthly / (rule.wage_days or 26)).quantize(Decimal("0.01"), rounding=ROUND_HALF_UP)


def leave_balance(
    person: Employee,
    rules: Sequence[LeaveRule],
    leave_type: str,
    taken: Sequence[LeaveTaken],
    as_on: date,
) -> LeaveBalance | None:
    """`person`'s balance of `leave_type` as on `as_on` (None: no rule for their State).

    `taken` is every Leave Taken row of the employee (all types: any leave taken is a day not
    worked for earned leave). Each leave year uses the row in force at its last day counted."""
    last_day = min(as_on, person.date_of_leaving) if person.date_of_leaving else as_on
    if last_day < person.date_of_joining:
        return None
    rule_now = leave_rule(rules, person.work_state, leave_type, last_day)
    if rule_now is None:
        return None
    carried = ZERO
    years: list[LeaveYear] = []
    for year in range(person.date_of_joining.year, last_day.year + 1):
        first = max(date(year, 1, 1), person.date_of_joining)
        last = min(date(year, 12, 31), last_day)
        rule = leave_rule(rules, person.work_state, leave_type, last)
        in_year = [t for t in taken if first <= t.start <= last]
        of_type = sum(
            (t.counted for t in in_year if t.leave_type.casefold() == leave_type.casefold()), ZERO
        )
        all_leave = sum((t.counted for t in in_year), ZERO)
        if rule is None:
            accrued, how = ZERO, f"no {leave_type} rule for {person.work_state} in force"
        elif rule.per is AccrualBasis.DAYS_WORKED:
            worked = max(Decimal(working_days(first, last)) - all_leave, ZERO)
            per = rule.days_worked or 1
            counted = (
                f"{worked.normalize():f} days worked ({first:%d-%m-%Y} to {last:%d-%m-%Y}, "
                f"Sundays and {all_leave.normalize():f} days of leave out)"
            )
            if worked < rule.qualifying_days:
                accrued = ZERO
                how = (
                    f"nil: {counted}, under the {rule.qualifying_days} days worked in the "
                    f"calendar year that earn {leave_type}"
                )
            else:
                credits = (worked / per).to_integral_value(rounding=ROUND_FLOOR)
                accrued = credits * (rule.accrues or ZERO)
                how = f"{counted} ÷ {per} = {credits} × {(rule.accrues or ZERO).normalize():f}"
                if rule.qualifying_days:
                    how += f" (at least {rule.qualifying_days} days worked: earned)"
        else:
            credits = Decimal(_credits(rule.per, first, last))
            accrued = credits * (rule.accrues or ZERO)
            how = f"{credits} × {(rule.accrues or ZERO).normalize():f} ({rule.per.value.lower()}ly credit)"
        opening = carried
        closing = opening + accrued - of_type
        running = year == last_day.year
        lapsed = ZERO
        carry: Decimal | None = None
        if not running:
            carry = max(closing, ZERO)
            if rule is not None and rule.lapses:
                carry = ZERO
            elif rule is not None and rule.carry_cap is not None:
                carry = min(carry, rule.carry_cap)
            lapsed = max(closing, ZERO) - carry
            carried = carry + min(closing, ZERO)  # over-drawn leave stays owed
        years.append(
            LeaveYear(
                person.employee_id, leave_type, year, opening, accrued, of_type, closing, carry,
                lapsed, how,
            )
        )  # fmt: skip
    current = years[-1]
    wage = daily_wage(person, rule_now)
    value = (
        (max(current.closing, ZERO) * wage).quantize(Decimal(1), rounding=ROUND_HALF_UP)
        if rule_now.encashable
        else ZERO
    )
    return LeaveBalance(
        person,
        rule_now,
        as_on,
        current.opening,
        current.accrued,
        current.taken,
        current.closing,
        years[-2].lapsed if len(years) > 1 else ZERO,
        wage,
        value,
        tuple(years),
    )


def leave_balances(
    people: Sequence[Employee],
    rules: Sequence[LeaveRule],
    taken: Sequence[LeaveTaken],
    as_on: date,
) -> list[LeaveBalance]:
    """Every employee on the rolls by `as_on`, each leave type of their State's rules."""
    by_person: dict[str, list[LeaveTaken]] = {}
    for row in taken:
        by_person.setdefault(row.employee_id.casefold(), []).append(row)
    found = []
    for person in people:
        if person.date_of_joining > as_on:
            continue
        mine = by_person.get(person.employee_id.casefold(), [])
        for leave_type in leave_types(rules, person.work_state):
            balance = leave_balance(person, rules, leave_type, mine, as_on)
            if balance is not None:
                found.append(balance)
    return found
