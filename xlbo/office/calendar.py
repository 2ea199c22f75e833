"""The office calendar: meetings with their repeat rules, and the statutory due dates that
apply to the company, each from a row of the `Compliance Rules` sheet.

A rule says when a return or payment falls due after the end of each period:

    What               Frequency  Periods  Due Day  Months After  Applies When
    GSTR-3B (monthly)  Monthly             20       1             GST Monthly
    TDS deposit        Monthly    Mar      30       1             TDS
    TDS returns        Quarterly  Mar      31       2             TDS

so GSTR-3B for November 2026 is due on 20-12-2026, March's TDS on 30-04-2027 and the fourth
quarter's TDS returns on 31-05-2027. Due Day 31 means the month's last day (30 April). Periods
(the months a period ends in) narrow a rule to some periods; blank, they are every month, the
quarters' and half-years' ends (June, September, December, March) or March for a year — the
statutory year runs April to March whatever year the books keep. `After AGM` rules fall due
Days After the AGM (the Company sheet's AGM Date, else 30 September, the last day for it).

A row with Extended To moves a due date: the same What, Effective From and To spanning the
periods the notification covers (01-11-2026 to 30-11-2026 for November), and the new day. Due
dates do not move for holidays by themselves; only a notification or circular moves them.

Applies When ties a row to the Company sheet: GST Monthly or QRMP (GST Filing Frequency), PF and
ESI (covered, or a code given), TDS (a TAN given), PT State (one of the PT States; the rule's
States), Company (a CIN, or Limited in the name: ROC filings). A rule's States, for any other
row, is matched against the company's State (GSTR-3B of QRMP on the 22nd or the 24th).
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from decimal import Decimal
from enum import StrEnum
from typing import Annotated, Any, get_args

from dateutil.rrule import rrulestr  # type: ignore[import-untyped]
from pydantic import BeforeValidator, Field

from xlbo.cells import clean_text, is_blank, parse_whole_number, refuse_error
from xlbo.dates import month_end
from xlbo.master.effective import covers
from xlbo.master.fields import (
    Count,
    Day,
    LongText,
    Months,
    OptDay,
    OptText,
    Shown,
    Text,
    choices_of,
    enum_reader,
)
from xlbo.master.records import Company, GSTFiling, Record
from xlbo.periods import APRIL, financial_year
from xlbo.states import find_state

OVERDUE_DAYS = 30
"""How far back the Due sheet lists statutory dates as overdue (xlbo cannot know they were
filed): a month."""
AHEAD_DAYS = 7
DUE_REMINDER = timedelta(days=-3)
"""The alarm on a statutory due date: three days before."""

# -- cells --------------------------------------------------------------------------------------

_CLOCK = re.compile(r"(\d{1,2})(?:[:.](\d{2}))?(?::\d{2})?\s*([ap]\.?m\.?)?", re.IGNORECASE)


def _time(value: Any) -> time | None:
    """A time of day: a time cell, Excel's fraction of a day, `10:30`, `10.30`, `2 pm`."""
    if is_blank(value):
        return None
    refuse_error(value)
    if isinstance(value, datetime):
        return value.time().replace(second=0, microsecond=0)
    if isinstance(value, time):
        return value.replace(second=0, microsecond=0)
    if isinstance(value, int | float | Decimal) and not isinstance(value, bool):
        if 0 <= value < 1:
            minutes = round(float(value) * 24 * 60)
            return time(minutes // 60 % 24, minutes % 60)
        raise ValueError(f"'{value}' is not a time of day; type it like 10:30")
    match = _CLOCK.fullmatch(str(value).strip())
    if match:
        hour, minute = int(match.group(1)), int(match.group(2) or 0)
        half = (match.group(3) or "").casefold().replace(".", "")
        if half and not 1 <= hour <= 12:
            match = None
        else:
            hour = hour % 12 + (12 if half == "pm" else 0) if half else hour
            if hour < 24 and minute < 60:
                return time(hour, minute)
    raise ValueError(f"'{value}' is not a time of day; type it like 10:30 or 2:30 pm")


REPEATS = {
    "daily": "FREQ=DAILY",
    "weekly": "FREQ=WEEKLY",
    "fortnightly": "FREQ=WEEKLY;INTERVAL=2",
    "monthly": "FREQ=MONTHLY",
    "quarterly": "FREQ=MONTHLY;INTERVAL=3",
    "yearly": "FREQ=YEARLY",
    "annually": "FREQ=YEARLY",
}


def _repeat(value: Any) -> str | None:
    """A repeat rule: daily, weekly, fortnightly, monthly, quarterly, yearly, or an RFC 5545
    RRULE (`FREQ=WEEKLY;BYDAY=MO,TH`, `RRULE:` in front or not)."""
    text = clean_text(value)
    if not text:
        return None
    known = REPEATS.get(text.casefold().strip("."))
    if known:
        return known
    rule = re.sub(r"^rrule:", "", text.replace(" ", ""), flags=re.IGNORECASE).upper()
    if not rule.startswith("FREQ=") and ";FREQ=" not in rule:
        raise ValueError(
            f"'{text}' is not a repeat rule; write daily, weekly, fortnightly, monthly, "
            "quarterly, yearly or an RRULE such as FREQ=WEEKLY;BYDAY=MO"
        )
    try:
        rrulestr(rule, dtstart=datetime(2026, 1, 1))
    except (ValueError, TypeError) as error:
        raise ValueError(f"'{text}' is not an RRULE xlbo can read ({error})") from None
    return rule


_EMAIL = re.compile(r"[^@\s;,<>]+@[^@\s;,<>]+\.[^@\s;,<>]+")


def _attendees(value: Any) -> tuple[str, ...]:
    """E-mail addresses separated by ; or , (`Name <a@b.in>` is read as a@b.in)."""
    text = clean_text(value)
    if not text:
        return ()
    found = []
    for part in re.split(r"[;,\n]+", text):
        part = part.strip()
        if not part:
            continue
        inner = re.search(r"<([^>]*)>", part)
        address = (inner.group(1) if inner else part).strip()
        if not _EMAIL.fullmatch(address):
            raise ValueError(f"'{part}' is not an e-mail address; separate addresses with ;")
        found.append(address)
    return tuple(found)


def _minutes(value: Any) -> int | None:
    number = parse_whole_number(value)
    if number is not None and number < 0:
        raise ValueError(f"'{value}' is not a number of minutes before")
    return number


def _day_of_month(value: Any) -> int | None:
    number = parse_whole_number(value)
    if number is not None and not 1 <= number <= 31:
        raise ValueError(f"'{value}' is not a day of the month (1 to 31; 31: the last day)")
    return number


_WHOLE = next(m for m in get_args(Count)[1:] if isinstance(m, Shown)).kind
"""The master's whole-number display (Kind.INTEGER), taken from Count: no import of the port."""
Clock = Annotated[time | None, BeforeValidator(_time), Shown(width=8)]
Repeat = Annotated[str | None, BeforeValidator(_repeat), Shown(width=16)]
Attendees = Annotated[tuple[str, ...], BeforeValidator(_attendees), Shown(width=36)]
Minutes = Annotated[int | None, BeforeValidator(_minutes), Shown(_WHOLE, width=10)]
DayOfMonth = Annotated[int | None, BeforeValidator(_day_of_month), Shown(_WHOLE, width=8)]


class Meeting(Record):
    """A meeting, once or repeating, for the office calendar."""

    title: Text = Field(alias="Title", description="What the meeting is, e.g. Board meeting.")
    date: Day = Field(alias="Date", description="Its day (the first, for a repeating one).")
    start: Clock = Field(
        None, alias="Start", description="Start time, e.g. 10:30; blank: an all-day event."
    )
    end: Clock = Field(None, alias="End", description="End time; blank: an hour after the start.")
    place: OptText = Field(None, alias="Place", description="Room, address or video link.")
    attendees: Attendees = Field(
        (), alias="Attendees", description="E-mail addresses, separated by ;."
    )
    repeat: Repeat = Field(
        None,
        alias="Repeat",
        description="daily, weekly, fortnightly, monthly, quarterly, yearly, or an RRULE such as "
        "FREQ=MONTHLY;BYDAY=1MO (first Monday) or FREQ=WEEKLY;UNTIL=20270331. Blank: once.",
    )
    reminder: Minutes = Field(
        None, alias="Reminder", description="Minutes before to remind; blank: no reminder."
    )


class Frequency(StrEnum):
    MONTHLY = "Monthly"
    QUARTERLY = "Quarterly"
    HALF_YEARLY = "Half-yearly"
    YEARLY = "Yearly"
    AFTER_AGM = "After AGM"


class AppliesWhen(StrEnum):
    ALWAYS = "Always"
    GST = "GST"
    GST_MONTHLY = "GST Monthly"
    GST_QRMP = "GST QRMP"
    TDS = "TDS"
    PF = "PF"
    ESI = "ESI"
    PT_STATE = "PT State"
    COMPANY = "Company"


FrequencyCell = Annotated[
    Frequency,
    enum_reader(Frequency, Month=Frequency.MONTHLY, Quarter=Frequency.QUARTERLY,
                Annual=Frequency.YEARLY, Half_Yearly=Frequency.HALF_YEARLY),
    Shown(choices=choices_of(Frequency), width=11),
]  # fmt: skip
AppliesCell = Annotated[
    AppliesWhen,
    enum_reader(AppliesWhen, All=AppliesWhen.ALWAYS, QRMP=AppliesWhen.GST_QRMP,
                PT=AppliesWhen.PT_STATE, ROC=AppliesWhen.COMPANY),
    Shown(choices=choices_of(AppliesWhen), width=11),
]  # fmt: skip


class ComplianceRule(Record):
    """A statutory due date, as a rule over periods, or an extension of one."""

    what: Text = Field(alias="What", description="The return or payment, e.g. GSTR-3B (monthly).")
    law: OptText = Field(None, alias="Law", description="Section or rule that sets the date.")
    frequency: FrequencyCell = Field(
        Frequency.MONTHLY,
        alias="Frequency",
        description="Monthly, Quarterly, Half-yearly, Yearly (April to March), or After AGM.",
    )
    periods: Months = Field(
        (),
        alias="Periods",
        description="The months periods end in that the row covers (e.g. Mar; Jun, Sep, Dec). "
        "Blank: every period of the frequency.",
    )
    due_day: DayOfMonth = Field(
        None, alias="Due Day", description="Day of the month it is due; 31: the month's last day."
    )
    months_after: Count = Field(
        1,
        alias="Months After",
        description="Months after the period's last month: 1 is the next month, 0 the same month.",
    )
    days_after: Count = Field(
        0, alias="Days After", description="After AGM rows: days after the AGM."
    )
    applies: AppliesCell = Field(
        AppliesWhen.ALWAYS,
        alias="Applies When",
        description="Always, GST, GST Monthly, GST QRMP, TDS, PF, ESI, PT State or Company "
        "(decided from the Company sheet).",
    )
    states: LongText = Field(
        None,
        alias="States",
        description="States the row is for, separated by ;: the PT States for PT rows, else the "
        "company's State. Blank: every State.",
    )
    effective_from: OptDay = Field(
        None, alias="Effective From", description="First period end the row covers."
    )
    effective_to: OptDay = Field(
        None, alias="Effective To", description="Last period end the row covers; blank: open."
    )
    extended_to: OptDay = Field(
        None,
        alias="Extended To",
        description="An extension row: the new due date for the same What's periods ending "
        "between Effective From and To (the notification's).",
    )
    owner: OptText = Field(None, alias="Owner", description="Who files or pays it.")
    source: LongText = Field(None, alias="Source", description="Where the date comes from.")


# -- the shipped rules ---------------------------------------------------------------------------

_STATES_22 = ("Chhattisgarh; Madhya Pradesh; Gujarat; Maharashtra; Karnataka; Goa; Kerala; "
              "Tamil Nadu; Telangana; Andhra Pradesh; Dadra and Nagar Haveli and Daman and Diu; "
              "Puducherry; Andaman and Nicobar Islands; Lakshadweep")  # fmt: skip
_STATES_24 = ("Himachal Pradesh; Punjab; Uttarakhand; Haryana; Rajasthan; Uttar Pradesh; Bihar; "
              "Sikkim; Arunachal Pradesh; Nagaland; Manipur; Mizoram; Tripura; Meghalaya; Assam; "
              "West Bengal; Jharkhand; Odisha; Jammu and Kashmir; Ladakh; Chandigarh; Delhi")  # fmt: skip
_QRMP_MONTHS = "Apr, May, Jul, Aug, Oct, Nov, Jan, Feb"
_SHIPPED: tuple[tuple[Any, ...], ...] = (
    # What, Law, Frequency, Periods, Due Day, Months After, Days After, Applies, States, Source
    ("GSTR-1 (monthly)", "CGST Rules r.59(1)", "Monthly", "", 11, 1, 0, "GST Monthly", None,
     "11th of the next month [finzkart.com]"),
    ("GSTR-1 (QRMP, quarterly)", "CGST Rules r.59(2)", "Quarterly", "", 13, 1, 0, "GST QRMP",
     None, "13th after the quarter [finzkart.com]"),
    ("IFF (QRMP, optional)", "CGST Rules r.59(2) proviso", "Monthly", _QRMP_MONTHS, 13, 1, 0,
     "GST QRMP", None, "Invoice Furnishing Facility by the 13th, months 1-2 of the quarter"),
    ("GSTR-3B (monthly)", "CGST Rules r.61", "Monthly", "", 20, 1, 0, "GST Monthly", None,
     "20th of the next month [gstvidhi.com]"),
    ("GSTR-3B (QRMP)", "CGST Rules r.61; Notification 82/2020-CT", "Quarterly", "", 22, 1, 0,
     "GST QRMP", _STATES_22, "22nd after the quarter in these States [Notification 82/2020-CT]"),
    ("GSTR-3B (QRMP)", "CGST Rules r.61; Notification 82/2020-CT", "Quarterly", "", 24, 1, 0,
     "GST QRMP", _STATES_24, "24th after the quarter in these States [Notification 82/2020-CT]"),
    ("PMT-06 (QRMP tax)", "CGST Rules r.61A", "Monthly", _QRMP_MONTHS, 25, 1, 0, "GST QRMP",
     None, "25th, months 1-2 of the quarter [palodandloya.com]"),
    ("GSTR-9 annual return", "CGST Act s.44; r.80", "Yearly", "", 31, 9, 0, "GST", None,
     "31 December after the year [mhkgroup.in]; optional up to Rs 2 crore turnover"),
    ("TDS/TCS deposit", "IT Rules r.30(2)", "Monthly", "Apr, May, Jun, Jul, Aug, Sep, Oct, "
     "Nov, Dec, Jan, Feb", 7, 1, 0, "TDS", None, "7th of the next month [taxpage.in]"),
    ("TDS/TCS deposit", "IT Rules r.30(2)", "Monthly", "Mar", 30, 1, 0, "TDS", None,
     "March: 30 April [taxpage.in]"),
    ("TDS returns 24Q/26Q", "IT Rules r.31A", "Quarterly", "Jun, Sep, Dec", 31, 1, 0, "TDS",
     None, "31 Jul, 31 Oct, 31 Jan [taxlane.in]"),
    ("TDS returns 24Q/26Q", "IT Rules r.31A", "Quarterly", "Mar", 31, 2, 0, "TDS", None,
     "Fourth quarter: 31 May [taxlane.in]"),
    ("Form 16 to employees", "IT Rules r.31(3)", "Yearly", "", 15, 3, 0, "TDS", None,
     "15 June [r.31(3)]"),
    ("Advance tax instalment", "IT Act s.211", "Quarterly", "", 15, 0, 0, "Always", None,
     "15 Jun 15%, 15 Sep 45%, 15 Dec 75%, 15 Mar 100% [caksco.com]"),
    ("PF ECR and payment", "EPF Scheme para 38", "Monthly", "", 15, 1, 0, "PF", None,
     "15th of the next month [taxlane.in]"),
    ("ESI contribution", "ESI (Central) Regulations reg.31", "Monthly", "", 15, 1, 0, "ESI",
     None, "15th of the next month, from June-2017 wages [taxguru.in]"),
    ("PT Maharashtra (employer)", "Maharashtra PT Act 1975", "Monthly", "", 31, 0, 0,
     "PT State", "Maharashtra", "By the month's end when last year's tax was Rs 1 lakh or more; "
     "else yearly by 31 March (change Frequency to Yearly, Months After 0) "
     "[blog.sgcservices.com]"),
    ("PT Karnataka (employer)", "Karnataka Tax on Professions Act 1976 s.6", "Monthly", "", 20,
     1, 0, "PT State", "Karnataka", "20th of the next month (verify with the State's rules)"),
    ("AGM", "Companies Act s.96", "Yearly", "", 30, 6, 0, "Company", None,
     "Within six months of the year's end: 30 September [corporatedoctors.in]"),
    ("AOC-4 (financial statements)", "Companies Act s.137", "After AGM", "", None, 0, 30,
     "Company", None, "30 days after the AGM [corpsection.com]"),
    ("MGT-7 (annual return)", "Companies Act s.92(4)", "After AGM", "", None, 0, 60, "Company",
     None, "60 days after the AGM [corpsection.com]"),
    ("DIR-3 KYC", "Companies (Appointment of Directors) Rules r.12A", "Yearly", "", 30, 6, 0,
     "Company", None, "30 September [corpsection.com]"),
    ("DPT-3", "Companies (Acceptance of Deposits) Rules r.16", "Yearly", "", 30, 3, 0,
     "Company", None, "30 June [corpsection.com]"),
    ("MSME-1 (dues to MSEs over 45 days)", "MSMED Act s.9; MCA order 22-01-2019",
     "Half-yearly", "", 31, 1, 0, "Company", None,
     "30 April (Oct-Mar) and 31 October (Apr-Sep) [corpsection.com]"),
    ("Tax audit report", "IT Act s.44AB", "Yearly", "", 30, 6, 0, "Always", None,
     "30 September [taxlane.in]"),
    ("Income-tax return", "IT Act s.139(1)", "Yearly", "", 31, 7, 0, "Always", None,
     "31 October (audit cases) [taxlane.in]"),
)  # fmt: skip
SHIPPED_FROM = date(2025, 4, 1)


def shipped_compliance_rules() -> list[ComplianceRule]:
    """The statutory calendar for FY 2025-26 onwards (verify yearly), each row with its source."""
    rules = []
    for what, law, freq, periods, day, months, days, applies, states, source in _SHIPPED:
        rules.append(
            ComplianceRule.model_validate(
                {
                    "What": what,
                    "Law": law,
                    "Frequency": freq,
                    "Periods": periods,
                    "Due Day": day,
                    "Months After": months,
                    "Days After": days,
                    "Applies When": applies,
                    "States": states,
                    "Effective From": SHIPPED_FROM,
                    "Source": source,
                }
            )
        )
    return rules


# -- the company ----------------------------------------------------------------------------------


@dataclass(frozen=True)
class Profile:
    """What the Company sheet says that decides which rules apply."""

    state: str
    gst: GSTFiling | None
    tds: bool
    pf: bool
    esi: bool
    pt_states: frozenset[str]
    company: bool
    agm: date | None
    unknown_states: tuple[str, ...] = ()
    """PT States parts that name no State (an Issue at the cell)."""


def profile_of(company: Company | None) -> Profile:
    """The company's profile; with no Company sheet, only the rules that apply always."""
    if company is None:
        return Profile("", None, False, False, False, frozenset(), False, None)
    gst = company.gst_filing or (GSTFiling.MONTHLY if company.gstin else None)
    states, unknown = _states(company.pt_states) if company.pt_states else ({company.state}, ())
    limited = bool(re.search(r"\b(limited|ltd\.?)$", company.name.strip(), re.IGNORECASE))
    return Profile(
        state=company.state,
        gst=gst,
        tds=bool(company.tan),
        pf=company.pf_covered if company.pf_covered is not None else bool(company.pf_code),
        esi=company.esi_covered if company.esi_covered is not None else bool(company.esi_code),
        pt_states=frozenset(states),
        company=bool(company.cin) or limited,
        agm=company.agm_date,
        unknown_states=unknown,
    )


def _states(text: str | None) -> tuple[set[str], tuple[str, ...]]:
    found: set[str] = set()
    unknown: list[str] = []
    for part in re.split(r"[;,\n]+", text or ""):
        if not part.strip():
            continue
        try:
            state = find_state(part.strip())
        except ValueError:
            state = None
        if state is None:
            unknown.append(part.strip())
        else:
            found.add(state.name)
    return found, tuple(unknown)


def applies(rule: ComplianceRule, profile: Profile) -> str:
    """Why `rule` does not apply to the company; empty when it does."""
    when = rule.applies
    states, _ = _states(rule.states)
    if when is AppliesWhen.PT_STATE:
        if not states & profile.pt_states:
            return "not one of the company's PT States"
        return ""
    if states and profile.state not in states:
        return f"not for {profile.state or 'a company without a State'}"
    wanted = {
        AppliesWhen.ALWAYS: True,
        AppliesWhen.GST: profile.gst is not None,
        AppliesWhen.GST_MONTHLY: profile.gst is GSTFiling.MONTHLY,
        AppliesWhen.GST_QRMP: profile.gst is GSTFiling.QRMP,
        AppliesWhen.TDS: profile.tds,
        AppliesWhen.PF: profile.pf,
        AppliesWhen.ESI: profile.esi,
        AppliesWhen.COMPANY: profile.company,
    }[when]
    if wanted:
        return ""
    return {
        AppliesWhen.GST: "no GSTIN or GST Filing Frequency",
        AppliesWhen.GST_MONTHLY: "GST is not filed monthly",
        AppliesWhen.GST_QRMP: "GST is not filed under QRMP",
        AppliesWhen.TDS: "no TAN on the Company sheet",
        AppliesWhen.PF: "not covered by PF",
        AppliesWhen.ESI: "not covered by ESI",
        AppliesWhen.COMPANY: "not a company (no CIN)",
    }[when]


# -- due dates -------------------------------------------------------------------------------------


@dataclass(frozen=True)
class DueDate:
    """One statutory date: the rule, the period it is for, when it was due and is due now."""

    rule: ComplianceRule
    period: str
    period_end: date
    due: date
    """As the rule sets it."""
    day: date
    """After any extension."""
    extension: ComplianceRule | None
    why: str

    @property
    def uid(self) -> str:
        """Stable across runs: the obligation and its period (an extension keeps it)."""
        slug = re.sub(r"[^a-z0-9]+", "-", self.rule.what.casefold()).strip("-")
        return f"due-{slug}-{self.period_end:%Y%m}@xlbo"


_LENGTH = {Frequency.MONTHLY: 1, Frequency.QUARTERLY: 3, Frequency.HALF_YEARLY: 6,
           Frequency.YEARLY: 12, Frequency.AFTER_AGM: 12}  # fmt: skip


def _shift(day: date, months: int) -> tuple[int, int]:
    index = day.year * 12 + day.month - 1 + months
    return index // 12, index % 12 + 1


def _period_label(frequency: Frequency, end: date) -> str:
    length = _LENGTH[frequency]
    if length == 1:
        return f"{end:%b %Y}"
    if length == 12:
        return financial_year(end, APRIL).label
    return f"{date(*_shift(end, 1 - length), 1):%b}–{end:%b %Y}"


def _period_ends(rule: ComplianceRule, start: date, end: date) -> list[date]:
    length = _LENGTH[rule.frequency]
    wanted = set(rule.periods) or {
        m for m in range(1, 13) if (m - APRIL + 1) % length == 0 or length == 1
    }
    ends = []
    year, month = start.year - 2, 1
    while (year, month) <= (end.year, end.month):
        if month in wanted:
            ends.append(month_end(date(year, month, 1)))
        year, month = (year + 1, 1) if month == 12 else (year, month + 1)
    return ends


def due_dates(
    rules: Sequence[ComplianceRule], profile: Profile, start: date, end: date
) -> list[DueDate]:
    """The statutory dates between `start` and `end` (after extensions) that apply to the
    company, earliest first."""
    extensions = [r for r in rules if r.extended_to is not None]
    found: list[DueDate] = []
    for rule in rules:
        if rule.extended_to is not None or applies(rule, profile):
            continue
        for period_end in _period_ends(rule, start, end):
            if not covers(rule, period_end):
                continue
            if rule.frequency is Frequency.AFTER_AGM:
                last_day = date(period_end.year, 9, 30)
                held = profile.agm
                if held is not None and period_end < held <= month_end(
                    date(period_end.year + 1, 3, 1)
                ):
                    base, why = held, f"{rule.days_after} days after the AGM of {held:%d-%m-%Y}"
                else:
                    base = last_day
                    why = (
                        f"{rule.days_after} days after {last_day:%d-%m-%Y}, the last day for the "
                        "AGM (no AGM Date on the Company sheet for this year)"
                    )
                due = base + timedelta(days=rule.days_after)
            else:
                year, month = _shift(period_end, rule.months_after)
                last = month_end(date(year, month, 1)).day
                due = date(year, month, min(rule.due_day or last, last))
                why = rule.source or rule.law or ""
            extension = next(
                (
                    x
                    for x in reversed(extensions)
                    if x.what.casefold() == rule.what.casefold() and covers(x, period_end)
                ),
                None,
            )
            day = extension.extended_to if extension and extension.extended_to else due
            if extension is not None:
                why = f"extended from {due:%d-%m-%Y}" + (
                    f" ({extension.law or extension.source})"
                    if extension.law or extension.source
                    else ""
                )
            if start <= day <= end:
                label = _period_label(rule.frequency, period_end)
                found.append(DueDate(rule, label, period_end, due, day, extension, why))
    return sorted(found, key=lambda d: (d.day, d.rule.what, d.period_end))


# -- meetings ---------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Occurrence:
    """A meeting on one day."""

    meeting: Meeting
    day: date
    start: datetime | None
    end: datetime | None

    @property
    def uid(self) -> str:
        return meeting_uid(self.meeting)


def meeting_uid(meeting: Meeting) -> str:
    """Stable across runs while the title, first day and start time stay the same."""
    key = f"{meeting.title.casefold()}|{meeting.date:%Y%m%d}|{meeting.start or ''}"
    return f"meeting-{hashlib.sha256(key.encode()).hexdigest()[:16]}@xlbo"


def times_of(meeting: Meeting, day: date) -> tuple[datetime | None, datetime | None]:
    """A meeting's start and end on `day` (naive, Indian time); None for an all-day one."""
    if meeting.start is None:
        return None, None
    start = datetime.combine(day, meeting.start)
    end = datetime.combine(day, meeting.end) if meeting.end else start + timedelta(hours=1)
    if end <= start:
        end += timedelta(days=1)  # runs past midnight
    return start, end


def occurrences(meetings: Iterable[Meeting], start: date, end: date) -> list[Occurrence]:
    """Every meeting day between `start` and `end`, repeats expanded by their rule."""
    found = []
    for meeting in meetings:
        if meeting.repeat:
            first = datetime.combine(meeting.date, time())
            rule = rrulestr(meeting.repeat, dtstart=first)
            days = [
                d.date()
                for d in rule.between(
                    datetime.combine(start, time()), datetime.combine(end, time()), inc=True
                )
            ]
        else:
            days = [meeting.date] if start <= meeting.date <= end else []
        for day in days:
            found.append(Occurrence(meeting, day, *times_of(meeting, day)))
    return sorted(found, key=lambda o: (o.day, o.start or datetime.min, o.meeting.title))
