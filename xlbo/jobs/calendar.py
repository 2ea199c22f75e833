"""The calendar job: `xlbo calendar BOOK.xlsx --from DATE --to DATE [--as-on DATE]
[--master MASTER] --out calendar.ics`.

Reads `Meetings`, `Compliance Rules` (else the shipped ones), `Contracts` and `Purchases` from
BOOK (else MASTER), and the Company and Vendors of MASTER (default BOOK). Writes:

- `calendar.ics` (RFC 5545; Outlook, Google and Apple Calendar import it): each meeting as one
  event in Asia/Kolkata time with its RRULE, attendees and reminder; each statutory due date
  from --from to --to as an all-day event with a reminder three days before; contract dates
  (the contracts engine) and vendors' bills falling due (the payables engine). UIDs stay the
  same from run to run (a contract date has the UID `xlbo contracts` gives it), so importing
  again updates events instead of doubling them; a date moved by an extension row carries
  SEQUENCE 1.
- `calendar.xlsx` beside it: `Due` (what is overdue, statutory dates of the last 30 days and
  bills past due, and what falls due in the next 7 days as on --as-on, with who owns each),
  `Calendar` (every date from --from to --to), `Compliance` (each rule, whether it applies to
  the company and why not), `Issues`.

An open workbook (the Calendar button) gets the sheets and no file: the .ics needs the command
line.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

import icalendar
import pandas as pd

from xlbo import __version__
from xlbo.book import Reader, ResultSheet, write_workbook
from xlbo.book.atomic import atomic_path, check_output_file, result_set
from xlbo.book.display import Column, Kind
from xlbo.errors import UserError
from xlbo.issues import Issue, Severity, count_by_severity, describe_counts
from xlbo.jobs.registry import (
    EXIT_FINDINGS,
    EXIT_OK,
    CalendarSettings,
    JobResult,
    Source,
    book_and_master,
    file_of,
)
from xlbo.master.load import MasterData, load, load_sheet
from xlbo.master.schema import BY_SHEET, COMPLIANCE_RULES, CONTRACTS, MEETINGS, MasterTable
from xlbo.money import format_inr, from_paise
from xlbo.office.calendar import (
    AHEAD_DAYS,
    DUE_REMINDER,
    OVERDUE_DAYS,
    ComplianceRule,
    DueDate,
    Meeting,
    Occurrence,
    Profile,
    applies,
    due_dates,
    meeting_uid,
    occurrences,
    profile_of,
    times_of,
)
from xlbo.sheets.issues import issues_sheet
from xlbo.vendors.contracts import Alert, Contract, contract_alerts

INDIA = ZoneInfo("Asia/Kolkata")
CONTRACT_REMINDER = timedelta(days=-7)
"""As `xlbo contracts` reminds: a week before."""


@dataclass(frozen=True)
class Dated:
    """One line of the Due and Calendar sheets: a day, what, and who owns it."""

    day: date
    kind: str
    what: str
    period: str
    detail: str
    owner: str


def _read(readers: Sequence[Reader], table: MasterTable) -> tuple[list[Any], list[Issue], bool]:
    for reader in readers:
        if reader.has(table.sheet):
            records, _, _, issues = load_sheet(reader, table)
            return records, issues, True
    return (table.shipped() if table.is_rule else []), [], False


# -- the .ics -----------------------------------------------------------------------------------


def _alarm(what: str, trigger: timedelta) -> icalendar.Alarm:
    alarm = icalendar.Alarm()
    alarm.add("action", "DISPLAY")
    alarm.add("description", what)
    alarm.add("trigger", trigger)
    return alarm


def _all_day(
    uid: str, day: date, summary: str, description: str, made: datetime
) -> icalendar.Event:
    event = icalendar.Event()
    event.add("uid", uid)
    event.add("dtstamp", made)
    event.add("dtstart", day)
    event.add("dtend", day + timedelta(days=1))
    event.add("summary", summary)
    event.add("description", description)
    event.add("transp", "TRANSPARENT")
    return event


def meeting_event(meeting: Meeting, made: datetime) -> icalendar.Event:
    """A meeting as one VEVENT: Indian time (or all day), its RRULE, attendees, reminder."""
    event = icalendar.Event()
    event.add("uid", meeting_uid(meeting))
    event.add("dtstamp", made)
    start, end = times_of(meeting, meeting.date)
    if start is None or end is None:
        event.add("dtstart", meeting.date)
        event.add("dtend", meeting.date + timedelta(days=1))
    else:
        event.add("dtstart", start.replace(tzinfo=INDIA))
        event.add("dtend", end.replace(tzinfo=INDIA))
    event.add("summary", meeting.title)
    if meeting.place:
        event.add("location", meeting.place)
    if meeting.repeat:
        event.add("rrule", icalendar.vRecur.from_ical(meeting.repeat))
    for address in meeting.attendees:
        attendee = icalendar.vCalAddress(f"mailto:{address}")
        attendee.params["ROLE"] = icalendar.vText("REQ-PARTICIPANT")
        event.add("attendee", attendee, encode=False)
    if meeting.reminder is not None:
        event.add_component(_alarm(meeting.title, timedelta(minutes=-meeting.reminder)))
    return event


def due_event(due: DueDate, made: datetime) -> icalendar.Event:
    rule = due.rule
    details = [f"For {due.period}", f"Law: {rule.law}" if rule.law else "", due.why]
    if rule.owner:
        details.append(f"Owner: {rule.owner}")
    event = _all_day(due.uid, due.day, f"Due: {rule.what} ({due.period})",
                     "\n".join(d for d in details if d), made)  # fmt: skip
    if due.extension is not None:
        event.add("sequence", 1)
    event.add("categories", ["Compliance"])
    event.add_component(_alarm(f"{rule.what} due {due.day:%d-%m-%Y}", DUE_REMINDER))
    return event


def contract_event(alert: Alert, day: date, made: datetime) -> icalendar.Event:
    """A contract's date as `xlbo contracts` writes it (the same UID), so importing both
    files never doubles an event."""
    contract = alert.contract
    details = [alert.what, f"Subject: {contract.subject}"]
    if contract.owner:
        details.append(f"Owner: {contract.owner}")
    event = _all_day(
        f"{contract.contract_id}-{alert.kind.name}-{day:%Y%m%d}@xlbo",
        day,
        f"{alert.kind.value}: {contract.contract_id} {contract.party}",
        "\n".join(details),
        made,
    )
    event.add_component(_alarm(f"{alert.kind.value}: {contract.contract_id}", CONTRACT_REMINDER))
    return event


def ics(
    meetings: Sequence[Meeting],
    dues: Sequence[DueDate],
    alerts: Sequence[Alert],
    bills: Sequence[Dated],
    company: str,
    made: datetime,
) -> bytes:
    book = icalendar.Calendar()
    book.add("prodid", f"-//xlbo {__version__}//calendar//EN")
    book.add("version", "2.0")
    book.add("calscale", "GREGORIAN")
    book.add("x-wr-calname", f"Office calendar — {company}" if company else "Office calendar")
    book.add("x-wr-timezone", "Asia/Kolkata")
    for meeting in meetings:
        book.add_component(meeting_event(meeting, made))
    for due in dues:
        book.add_component(due_event(due, made))
    for alert in alerts:
        if alert.day is not None:
            book.add_component(contract_event(alert, alert.day, made))
    for bill in bills:
        uid = "bill-" + re.sub(r"[^a-z0-9]+", "-", bill.period.casefold()).strip("-") + "@xlbo"
        event = _all_day(uid, bill.day, bill.what, bill.detail, made)
        event.add_component(_alarm(bill.what, DUE_REMINDER))
        book.add_component(event)
    book.add_missing_timezones()
    return bytes(book.to_ical())


# -- the sheets ---------------------------------------------------------------------------------


def _meeting_line(o: Occurrence) -> Dated:
    m = o.meeting
    when = f"{o.start:%H:%M}–{o.end:%H:%M}" if o.start and o.end else "all day"
    detail = ", ".join(x for x in (when, m.place or "", "; ".join(m.attendees)) if x)
    return Dated(o.day, "Meeting", m.title, "", detail, "")


def _due_line(d: DueDate) -> Dated:
    detail = "; ".join(x for x in (d.rule.law or "", d.why) if x)
    return Dated(d.day, "Compliance", d.rule.what, d.period, detail, d.rule.owner or "")


def _alert_lines(alerts: Sequence[Alert]) -> list[Dated]:
    return [_alert_line(a, a.day) for a in alerts if a.day is not None]


def _alert_line(a: Alert, day: date) -> Dated:
    c = a.contract
    return Dated(day, "Contract", f"{a.kind.value}: {c.contract_id} {c.party}", c.subject,
                 a.what, c.owner or "")  # fmt: skip


def _bills(reader: Reader, source: Reader, as_on: date) -> tuple[list[Dated], list[Issue]]:
    """Open bills (the payables engine) by due date; none without a Purchases sheet. The
    workbooks as the job opened them: each file opened, and each sheet parsed, once."""
    from xlbo.jobs.payables import gather
    from xlbo.vendors.run import propose

    if not (reader.has("Purchases") or source.has("Purchases")):
        return [], []
    found = gather(reader, source)
    company = found.data.company
    rows, _ = propose(
        found.purchases.bills,
        found.vendors,
        found.rules,
        found.payments,
        as_on,
        company.turnover if company else None,
    )
    lines = [
        Dated(
            r.due.day,
            "Payment",
            f"Pay {r.vendor.name}: bill {r.bill.bill_no}, ₹{format_inr(from_paise(r.outstanding))}",
            f"{r.bill.vendor_code} {r.bill.bill_no}",
            r.due.why + (f"; {r.risk}" if r.risk else ""),
            "",
        )
        for r in rows
    ]
    return lines, [i for i in found.issues if i.severity is Severity.ERROR]


def _frame(lines: Sequence[Dated], as_on: date | None) -> pd.DataFrame:
    rows = []
    for ln in lines:
        row: list[Any] = [ln.day]
        if as_on is not None:
            left = (ln.day - as_on).days
            status = "Overdue" if left < 0 else "Due today" if left == 0 else f"In {left} days"
            if left == 1:
                status = "Tomorrow"
            row += [left, status]
        row += [ln.kind, ln.what, ln.period, ln.owner, ln.detail]
        rows.append(row)
    headers = ["Date", *(["Days", "Status"] if as_on is not None else []), "Kind", "What",
               "Period", "Owner", "Detail"]  # fmt: skip
    return pd.DataFrame(rows, columns=headers, dtype=object)


COLUMNS = {
    "Date": Column(kind=Kind.DATE),
    "Days": Column(kind=Kind.INTEGER, width=6),
    "Status": Column(width=11),
    "Kind": Column(width=11),
    "What": Column(width=40),
    "Period": Column(width=16),
    "Owner": Column(width=14),
    "Detail": Column(kind=Kind.LONG_TEXT, width=70),
}


def _compliance_sheet(rules: Sequence[ComplianceRule], profile: Profile) -> ResultSheet:
    rows = []
    for rule in rules:
        if rule.extended_to is not None:
            status = f"Extension to {rule.extended_to:%d-%m-%Y}"
        else:
            why_not = applies(rule, profile)
            status = f"No: {why_not}" if why_not else "Yes"
        rows.append([rule.what, rule.law, rule.frequency.value, rule.applies.value, status,
                     rule.owner, rule.source])  # fmt: skip
    return ResultSheet(
        "Compliance",
        pd.DataFrame(
            rows,
            columns=["What", "Law", "Frequency", "Applies When", "Applies", "Owner", "Source"],
            dtype=object,
        ),
        columns={
            "What": Column(width=34),
            "Law": Column(width=42),
            "Frequency": Column(width=11),
            "Applies When": Column(width=12),
            "Applies": Column(width=34),
            "Owner": Column(width=14),
            "Source": Column(kind=Kind.LONG_TEXT, width=50),
        },
        landscape=True,
    )


def _profile_issues(data: MasterData, profile: Profile) -> list[Issue]:
    if not profile.unknown_states:
        return []
    company = BY_SHEET["Company"]
    letter = data.letters.get("Company", {}).get(company.header_of("pt_states"), "")
    rows = data.rows.get("Company", ())
    return [
        Issue(
            severity=Severity.WARNING,
            sheet="Company",
            cell=f"{letter}{rows[0]}" if letter and rows else "",
            value=part,
            problem=f"PT States: '{part}' is not a State; its PT dates are left out",
            hint="Write State names separated by ;, e.g. Maharashtra; Karnataka.",
            file=Path(data.source).name,
        )
        for part in profile.unknown_states
    ]


def window(as_on: date, start: date | None, end: date | None) -> tuple[date, date]:
    """The days the calendar spans: those given, else twelve months from the first day of the
    month of `start` (by default, of `as_on`)."""
    first = start or as_on.replace(day=1)
    if end is None:
        since = first.replace(day=1)
        end = since.replace(year=since.year + 1) - timedelta(days=1)
    return first, end


def calendar_job(inputs: Mapping[str, Source], settings: CalendarSettings) -> JobResult:
    """The calendar job of every door."""
    book = inputs.get("book")
    if book is None:
        raise UserError("calendar needs the workbook with the Meetings or Compliance Rules.")
    master = inputs.get("master")
    out = settings.out
    start, end = window(settings.as_on, settings.start, settings.end)
    if end < start:
        raise UserError(
            f"--to {end:%d-%m-%Y} is before --from {start:%d-%m-%Y}; swap them."
            if settings.start
            else f"--to {end:%d-%m-%Y} is before {start:%d-%m-%Y}, the first day of the --as-on "
            "month where the calendar starts without --from; give --from too."
        )
    if out is not None:
        if out.suffix.lower() != ".ics" or out.is_dir():
            raise UserError(
                f"--out {out.name}: the calendar is an iCalendar file; name it with .ics "
                "(e.g. --out calendar.ics)."
            )
        check_output_file(out, file_of(book), file_of(master))
        check_output_file(out.with_suffix(".xlsx"), file_of(book), file_of(master))
    reader, source = book_and_master(inputs)
    readers = [reader] if source is reader else [reader, source]
    meetings_read, issues, _ = _read(readers, MEETINGS)
    rules_read, rule_issues, _ = _read(readers, COMPLIANCE_RULES)
    contracts_read, contract_issues, _ = _read(readers, CONTRACTS)
    issues += rule_issues + contract_issues
    data, master_issues = load(source)
    issues.extend(i for i in master_issues if i.sheet == "Company" and i.severity is Severity.ERROR)
    meetings = [m for m in meetings_read if isinstance(m, Meeting)]
    rules = [r for r in rules_read if isinstance(r, ComplianceRule)]
    contracts = [c for c in contracts_read if isinstance(c, Contract)]
    profile = profile_of(data.company)
    issues += _profile_issues(data, profile)
    vendors = {v.vendor_code.casefold(): v for v in data.vendors}
    as_on = settings.as_on

    dues = due_dates(rules, profile, start, end)
    span = (end - start).days
    alerts = [a for a in contract_alerts(contracts, vendors, start, span)
              if a.day is not None and start <= a.day <= end]  # fmt: skip
    bills, bill_issues = _bills(reader, source, as_on)
    issues += bill_issues
    in_range = [b for b in bills if start <= b.day <= end]
    every = sorted(
        [*map(_meeting_line, occurrences(meetings, start, end)), *map(_due_line, dues),
         *_alert_lines(alerts), *in_range],
        key=lambda d: (d.day, d.kind, d.what),
    )  # fmt: skip

    horizon = as_on + timedelta(days=AHEAD_DAYS)
    recent = due_dates(rules, profile, as_on - timedelta(days=OVERDUE_DAYS), horizon)
    due_now = [
        *map(_meeting_line, occurrences(meetings, as_on, horizon)),
        *map(_due_line, recent),
        *_alert_lines(contract_alerts(contracts, vendors, as_on, AHEAD_DAYS)),
        *(b for b in bills if b.day <= horizon),
    ]  # fmt: skip
    due_now.sort(key=lambda d: (d.day, d.kind, d.what))
    company = data.company.name if data.company else ""
    sheets = [
        ResultSheet(
            "Due",
            _frame(due_now, as_on),
            columns=COLUMNS,
            title=(
                f"Due as on {as_on:%d-%m-%Y}: overdue (statutory dates of the last "
                f"{OVERDUE_DAYS} days, unpaid bills) and the next {AHEAD_DAYS} days"
                + (f" — {company}" if company else ""),
            ),
            landscape=True,
        ),
        ResultSheet(
            "Calendar",
            _frame(every, None),
            columns=COLUMNS,
            title=(f"Calendar {start:%d-%m-%Y} to {end:%d-%m-%Y}",),
            landscape=True,
        ),
        _compliance_sheet(rules, profile),
        issues_sheet(issues),
    ]
    files: tuple[Path, ...] = ()
    if out is not None:
        made = datetime.now(UTC).replace(microsecond=0)
        workbook = out.with_suffix(".xlsx")
        with result_set(out.parent):
            with atomic_path(out) as temporary:
                temporary.write_bytes(ics(meetings, dues, alerts, in_range, company, made))
            write_workbook(workbook, sheets, title=f"Calendar {start:%d-%m-%Y} to {end:%d-%m-%Y}")
        files = (out, workbook)
    overdue = sum(1 for d in due_now if d.day < as_on)
    headline = (
        f"{len(every)} dates from {start:%d-%m-%Y} to {end:%d-%m-%Y} ({len(meetings)} meetings, "
        f"{len(dues)} statutory dates); as on {as_on:%d-%m-%Y} {overdue} overdue and "
        f"{len(due_now) - overdue} in the next {AHEAD_DAYS} days"
    )
    lines = [headline + "."]
    lines.extend(f"  {d.day:%d-%m-%Y} {d.what}" + (f" ({d.period})" if d.period else "")
                 for d in due_now[:8])  # fmt: skip
    counts = count_by_severity(issues)
    if issues:
        lines.append(f"{describe_counts(counts)} (see the Issues sheet).")
    if files:
        lines.append(f"Calendar: {files[0]}; Due sheet: {files[1]}")
    elif out is None:
        lines.append("The .ics calendar file needs the command line: xlbo calendar BOOK --out "
                     "calendar.ics")  # fmt: skip
    return JobResult(
        EXIT_FINDINGS if counts[Severity.ERROR] else EXIT_OK,
        tuple(lines),
        sheets=tuple(sheets),
        issues=tuple(issues),
        files=files,
        headline=headline,
        value=(dues, every, due_now),
    )
