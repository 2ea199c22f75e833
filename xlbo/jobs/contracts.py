"""The contracts job: `xlbo contracts BOOK.xlsx --as-on DATE [--days N] [--master MASTER]
--out alerts.xlsx`.

Reads the Contracts sheet of BOOK (else MASTER) and the Vendors of MASTER (default BOOK), and
writes `alerts.xlsx` (the `Alerts` of the next N days, 30 by default, earliest first, with what
to do; the `Contracts` register with each one's notice-by date and the term running now; the
`Issues`) and beside it `alerts.ics`, a calendar of those dates: one all-day event each, with a
reminder a week before (Outlook, Google Calendar and Apple Calendar import it). An earlier
alerts file is kept as `alerts (previous).xlsx`.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

import pandas as pd

from xlbo import __version__
from xlbo.book import ResultSheet, write_workbook
from xlbo.book.atomic import atomic_path, result_set
from xlbo.book.display import Column, Kind
from xlbo.errors import UserError
from xlbo.issues import Issue, Severity, count_by_severity, describe_counts, display_value
from xlbo.jobs.registry import (
    EXIT_FINDINGS,
    EXIT_OK,
    ContractsSettings,
    JobResult,
    Source,
    book_and_master,
    workbook_output,
)
from xlbo.master.load import load, load_sheet
from xlbo.master.schema import CONTRACTS
from xlbo.sheets.issues import issues_sheet
from xlbo.vendors.contracts import Alert, Contract, contract_alerts, current_end

REMIND_DAYS = 7


def calendar(alerts: Sequence[Alert], company: str, made: datetime) -> bytes:
    """The dated alerts as an iCalendar file: an all-day event each with a reminder a week
    before; the UID is the contract, the kind and the day, so a calendar that imports the file
    again updates the event instead of doubling it."""
    import icalendar  # here: the calendar is written on a machine, never in the browser (Lite)

    book = icalendar.Calendar()
    book.add("prodid", f"-//xlbo {__version__}//contracts//EN")
    book.add("version", "2.0")
    book.add("x-wr-calname", f"Contracts — {company}" if company else "Contracts")
    for alert in alerts:
        if alert.day is None:
            continue
        event = icalendar.Event()
        contract = alert.contract
        event.add("uid", f"{contract.contract_id}-{alert.kind.name}-{alert.day:%Y%m%d}@xlbo")
        event.add("dtstamp", made)
        event.add("dtstart", alert.day)
        event.add("dtend", alert.day + timedelta(days=1))
        event.add("summary", f"{alert.kind.value}: {contract.contract_id} {contract.party}")
        details = [alert.what, f"Subject: {contract.subject}"]
        if contract.owner:
            details.append(f"Owner: {contract.owner}")
        event.add("description", "\n".join(details))
        reminder = icalendar.Alarm()
        reminder.add("action", "DISPLAY")
        reminder.add("description", f"{alert.kind.value}: {contract.contract_id}")
        reminder.add("trigger", timedelta(days=-REMIND_DAYS))
        event.add_component(reminder)
        book.add_component(event)
    return bytes(book.to_ical())


def _register(contracts: Sequence[Contract], as_on: date) -> pd.DataFrame:
    rows = []
    for c in contracts:
        end = current_end(c, as_on)
        rows.append(
            [
                c.contract_id,
                c.party,
                c.subject,
                c.start,
                end,
                "Yes" if c.auto_renew else "No",
                end - timedelta(days=c.notice_days) if end and c.notice_days else None,
                c.value,
                c.payment_terms or None,
                c.security.value,
                c.security_amount,
                c.guarantee_expiry,
                c.owner,
            ]
        )
    columns = ["Contract ID", "Party", "Subject", "Start", "Term Ends", "Auto Renew",
               "Notice By", "Value", "Payment Terms (days)", "Security", "Security Amount",
               "Guarantee Expiry", "Owner"]  # fmt: skip
    return pd.DataFrame(rows, columns=columns, dtype=object)


MAX_DAYS = 36500
"""--days and a Notice Period longer than this (100 years) are typing slips, not contracts."""


MAX_RENEWAL_MONTHS = 1200


def _unworkable(contract: Contract, as_on: date, days: int) -> tuple[str, str, str] | None:
    """Why a contract's dates cannot be worked out (the header of the cell at fault, what is
    wrong, what to do), else None."""
    if contract.end is not None and contract.end < contract.start:
        return (
            "End",
            f"it ends ({contract.end:%d-%m-%Y}) before it starts ({contract.start:%d-%m-%Y})",
            "Correct the Start or the End date (day first: 31-03-2027).",
        )
    if contract.notice_days > MAX_DAYS:
        return (
            "Notice Period (days)",
            f"a notice period of {contract.notice_days} days is no notice period",
            "Type the notice period in days (e.g. 90).",
        )
    if contract.auto_renew and contract.renewal_months > MAX_RENEWAL_MONTHS:
        return (
            "Renewal Term (months)",
            f"a renewal term of {contract.renewal_months} months is no renewal term",
            "Type the renewal term in months (e.g. 12).",
        )
    try:
        contract_alerts([contract], {}, as_on, days)
        _register([contract], as_on)
    except (ValueError, OverflowError):
        return (
            "End",
            "its dates run past the year 9999",
            "Correct the End, Renewal Term and Notice Period.",
        )
    return None


def contracts_job(inputs: Mapping[str, Source], settings: ContractsSettings) -> JobResult:
    """The contracts job of every door."""
    book = inputs.get("book")
    if book is None:
        raise UserError("contracts needs the workbook with the Contracts sheet.")
    out = settings.out
    workbook_output(out, "the contract alerts", inputs)
    reader, source = book_and_master(inputs)
    holder = next((r for r in (reader, source) if r.has(CONTRACTS.sheet)), None)
    if holder is None:
        raise UserError(
            f"{Path(reader.name).name} has no {CONTRACTS.sheet} sheet; add one with the headers "
            f"{', '.join(CONTRACTS.headers)} (`xlbo init NEW.xlsx` writes it)."
        )
    as_on = settings.as_on
    if settings.days > MAX_DAYS:
        raise UserError(
            f"--days {settings.days}: look at most {MAX_DAYS} days (100 years) ahead, "
            "e.g. --days 90."
        )
    records, rows, letters, issues = load_sheet(holder, CONTRACTS)
    contracts: list[Contract] = []
    for record, row in zip(records, rows, strict=True):
        if not isinstance(record, Contract):
            continue
        problem = _unworkable(record, as_on, settings.days)
        if problem is None:
            contracts.append(record)
            continue
        header, what, hint = problem
        issues.append(
            Issue(
                severity=Severity.ERROR,
                sheet=CONTRACTS.sheet,
                cell=f"{letters.get(header, 'A')}{row}",
                value=display_value(record.model_dump(by_alias=True).get(header)),
                problem=f"Contract {record.contract_id}: {what}; it was set aside",
                hint=hint,
                file=Path(holder.name).name,
            )
        )
    data, master_issues = load(source)
    issues.extend(i for i in master_issues if i.sheet == "Vendors" and i.severity is Severity.ERROR)
    vendors = {v.vendor_code.casefold(): v for v in data.vendors}
    alerts = contract_alerts(contracts, vendors, as_on, settings.days)
    company = data.company.name if data.company else ""
    frame = pd.DataFrame(
        [
            [a.day, a.days_left, a.kind.value, a.contract.contract_id, a.contract.party,
             a.contract.subject, a.what, a.contract.owner]
            for a in alerts
        ],
        columns=["Date", "Days Left", "Alert", "Contract ID", "Party", "Subject", "What to Do",
                 "Owner"],
        dtype=object,
    )  # fmt: skip
    sheets = [
        ResultSheet(
            "Alerts",
            frame,
            columns={
                "Date": Column(kind=Kind.DATE),
                "Days Left": Column(kind=Kind.INTEGER, width=9),
                "Alert": Column(width=18),
                "Contract ID": Column(kind=Kind.ID, width=12),
                "Party": Column(width=26),
                "Subject": Column(width=26),
                "What to Do": Column(width=100),
                "Owner": Column(width=16),
            },
            title=(
                f"Contract alerts as on {as_on:%d-%m-%Y}, next {settings.days} days"
                + (f" — {company}" if company else ""),
            ),
            landscape=True,
        ),
        ResultSheet(
            "Contracts",
            _register(contracts, as_on),
            columns={
                "Contract ID": Column(kind=Kind.ID, width=12),
                "Party": Column(width=26),
                "Subject": Column(width=26),
                **{
                    h: Column(kind=Kind.DATE)
                    for h in ("Start", "Term Ends", "Notice By", "Guarantee Expiry")
                },
                "Value": Column(kind=Kind.MONEY),
                "Security Amount": Column(kind=Kind.MONEY),
                "Payment Terms (days)": Column(kind=Kind.INTEGER, width=10),
            },
            landscape=True,
        ),
        issues_sheet(issues),
    ]
    files: tuple[Path, ...] = ()
    if out is not None:
        ics = out.with_suffix(".ics")
        made = datetime.now(UTC).replace(microsecond=0)
        with result_set(out.parent):
            write_workbook(out, sheets, title=f"Contract alerts as on {as_on:%d-%m-%Y}")
            with atomic_path(ics) as temporary:
                temporary.write_bytes(calendar(alerts, company, made))
        files = (out, ics)
    dated = [a for a in alerts if a.day is not None]
    flags = len(alerts) - len(dated)
    headline = (
        f"{len(contracts)} contracts: {len(dated)} dates in the next {settings.days} days"
        + (f", {flags} MSME payment terms above 45 days" if flags else "")
    )
    lines = [headline + "."]
    lines.extend(
        f"  {a.day:%d-%m-%Y} {a.contract.contract_id} {a.contract.party}: {a.what}"
        for a in dated[:5]
    )
    counts = count_by_severity(issues)
    if issues:
        lines.append(f"{describe_counts(counts)} (see the Issues sheet).")
    if files:
        lines.append(f"Alerts: {files[0]}; calendar: {files[1]}")
    return JobResult(
        EXIT_FINDINGS if counts[Severity.ERROR] else EXIT_OK,
        tuple(lines),
        sheets=tuple(sheets),
        issues=tuple(issues),
        files=files,
        headline=headline,
        value=alerts,
    )
