"""The leave job: `xlbo leave MASTER.xlsx --as-on DATE --out leave.xlsx`.

Reads the master workbook's Employees, `Leave Rules` (Maharashtra's Shops and Establishments
Act 2017 shipped when the sheet is absent), `Leave Taken` and `Employee Documents`, and writes:

- `Leave Balances`: per employee and leave type, the balance brought forward, earned and taken
  this leave year, the balance, what lapsed at the last year end, and the encashment value of
  an encashable balance at the day's leave wage;
- `Leave Ledger`: each leave year since joining and how its leave was earned (the working);
- `Employee Files`: each employee's file against the checklist, and `Missing Documents`: only what
  is missing, for the HR executive to chase;
- `Statutory Bonus`: the bonus register of the last financial year closed by the day (`Bonus
  Rules`: at the minimum rate, 8.33% on Rs 7,000 or the minimum wage a month, for salaries up to
  Rs 21,000 with 30 days on the rolls), due within eight months of the year's close (s.19);
- `Issues`: Leave Taken rows for an unknown employee or a leave type the State's rules do not
  name, leave over-drawn, an employee whose State has no leave rules.
"""

from __future__ import annotations

import calendar
from collections.abc import Callable, Hashable, Mapping, Sequence
from datetime import date, timedelta
from decimal import Decimal
from pathlib import Path
from typing import Any

import pandas as pd

from xlbo.book import FileBook, Reader, ResultSheet, write_workbook
from xlbo.book.atomic import check_output_file, result_set
from xlbo.book.display import Column, Kind
from xlbo.errors import SheetProblem
from xlbo.issues import Issue, Severity, count_by_severity, describe_counts
from xlbo.jobs.registry import (
    EXIT_FINDINGS,
    EXIT_OK,
    JobResult,
    LeaveSettings,
    Source,
    file_of,
    workbook_out,
)
from xlbo.master.effective import ties
from xlbo.master.load import MasterData, load, load_sheet
from xlbo.master.records import Employee
from xlbo.master.schema import HR_TABLES, MasterTable
from xlbo.money import format_inr
from xlbo.office.checklist import EmployeeDocument, FileCheck, checklist, unknown_documents
from xlbo.office.leave import LeaveBalance, LeaveRule, LeaveTaken, leave_balances, leave_types
from xlbo.office.settlement import BonusRule, NoRule, bonus
from xlbo.periods import FinancialYear, financial_year
from xlbo.sheets.issues import issues_sheet

TABLES = {table.sheet: table for table in HR_TABLES}


def hr_sheet(
    reader: Reader, sheet: str
) -> tuple[list[object], list[int], dict[str, str], list[Issue]]:
    """The records of one HR sheet (a missing rule sheet gives the shipped defaults; another
    missing sheet, no records), their rows, header letters and the issues of their cells."""
    table: MasterTable = TABLES[sheet]
    if not table.is_rule and not reader.has(sheet):
        return [], [], {}, []
    records, rows, letters, issues = load_sheet(reader, table)
    kind = TIE_KEYS.get(sheet)
    if kind is not None and reader.has(sheet):
        key, what = kind
        dated: list[Any] = list(records)
        for tie in ties(dated, key):
            later = tie.positions[1:]
            issues.append(
                Issue(
                    severity=Severity.WARNING,
                    sheet=sheet,
                    cell=_cell(letters, "Effective From", rows[later[0]]),
                    value=f"{tie.effective_from:%d-%m-%Y}" if tie.effective_from else "",
                    problem=tie.problem(what(records[tie.positions[0]])),
                    hint="Give the later row a later Effective From, or an Effective To to the "
                    "earlier one.",
                    file=Path(reader.name).name,
                )
            )
    return list(records), rows, letters, issues


def _leave_key(rule: Any) -> Hashable:
    return (rule.state, rule.leave_type.casefold())


TIE_KEYS: dict[str, tuple[Callable[[Any], Hashable], Callable[[Any], str]]] = {
    "Leave Rules": (_leave_key, lambda r: f"{r.leave_type} in {r.state}"),
    "Gratuity Rules": (lambda r: r.employment, lambda r: f"{r.employment.value} staff"),
    "Bonus Rules": (lambda r: r.state, lambda r: f"bonus in {r.state or 'every State'}"),
}
"""The rule sheets whose rows the job picks by day: what makes two rows rivals, and their name."""


def employees_of(reader: Reader) -> tuple[MasterData, list[Issue]]:
    """The master's data; a workbook with no employee read stops with what to do."""
    data, issues = load(reader)
    if not data.employees:
        raise SheetProblem(
            f"{Path(reader.name).name} has no employees to read: its Employees sheet is missing, "
            "empty or set aside (`xlbo validate` says why). Fill it in, then run again."
        )
    return data, [i for i in issues if i.sheet == "Employees" and i.severity is Severity.ERROR]


def _cell(letters: Mapping[str, str], header: str, row: int) -> str:
    letter = letters.get(header, "")
    return f"{letter}{row}" if letter and row else ""


def _taken_issues(
    taken: Sequence[LeaveTaken],
    rows: Sequence[int],
    letters: Mapping[str, str],
    people: Mapping[str, Employee],
    rules: Sequence[LeaveRule],
    file: str,
) -> list[Issue]:
    found = []
    for row, spell in zip(rows, taken, strict=True):
        person = people.get(spell.employee_id.casefold())
        if person is None:
            found.append(
                Issue(
                    severity=Severity.ERROR,
                    sheet="Leave Taken",
                    cell=_cell(letters, "Employee ID", row),
                    value=spell.employee_id,
                    problem=f"no employee {spell.employee_id} on the Employees sheet; the leave "
                    "is not counted",
                    hint="Correct the Employee ID to one on the Employees sheet.",
                    file=file,
                )
            )
        elif spell.leave_type.casefold() not in {
            t.casefold() for t in leave_types(rules, person.work_state)
        }:
            found.append(
                Issue(
                    severity=Severity.ERROR,
                    sheet="Leave Taken",
                    cell=_cell(letters, "Type", row),
                    value=spell.leave_type,
                    problem=f"{person.work_state}'s Leave Rules name no '{spell.leave_type}'; "
                    "the leave is counted as a day not worked but off no balance",
                    hint="Type the Leave Type as on the Leave Rules sheet (Earned Leave, "
                    "Casual Leave), or add a rule row for it.",
                    file=file,
                )
            )
        elif spell.days is not None and spell.days <= 0:
            found.append(
                Issue(
                    severity=Severity.ERROR,
                    sheet="Leave Taken",
                    cell=_cell(letters, "Days", row),
                    value=f"{spell.days.normalize():f}",
                    problem=f"{spell.days.normalize():f} days of leave; the row is not counted",
                    hint="Type the days taken (1, or 0.5 for half a day), or leave Days blank "
                    "to count From to To.",
                    file=file,
                )
            )
        elif spell.end is not None and spell.end < spell.start:
            found.append(
                Issue(
                    severity=Severity.ERROR,
                    sheet="Leave Taken",
                    cell=_cell(letters, "To", row),
                    value=f"{spell.end:%d-%m-%Y}",
                    problem=f"To {spell.end:%d-%m-%Y} is before From {spell.start:%d-%m-%Y}",
                    hint="Swap the dates or correct the one mistyped.",
                    file=file,
                )
            )
    return found


def _balances_frame(balances: Sequence[LeaveBalance]) -> pd.DataFrame:
    rows = [
        [
            b.employee.employee_id,
            b.employee.name,
            b.employee.work_state,
            b.rule.leave_type,
            b.opening,
            b.accrued,
            b.taken,
            b.balance,
            b.lapsed_last,
            "Yes" if b.rule.encashable else "No",
            b.daily_wage if b.rule.encashable else None,
            b.encashment if b.rule.encashable else None,
        ]
        for b in balances
    ]
    return pd.DataFrame(
        rows,
        columns=["Employee ID", "Name", "State", "Leave Type", "Brought Forward", "Earned",
                 "Taken", "Balance", "Lapsed Last Year End", "Encashable", "Leave Wage a Day",
                 "Encashment Value"],
        dtype=object,
    )  # fmt: skip


def _ledger_frame(balances: Sequence[LeaveBalance]) -> pd.DataFrame:
    rows = [
        [y.employee_id, y.leave_type, y.year, y.opening, y.accrued, y.taken, y.closing,
         y.carried, y.lapsed, y.how]
        for b in balances
        for y in b.years
    ]  # fmt: skip
    return pd.DataFrame(
        rows,
        columns=["Employee ID", "Leave Type", "Year", "Opening", "Earned", "Taken", "Closing",
                 "Carried Forward", "Lapsed", "How Earned"],
        dtype=object,
    )  # fmt: skip


def _documents_frame(checks: Sequence[FileCheck]) -> pd.DataFrame:
    rows = [
        [c.employee.employee_id, c.employee.name, c.document, "Yes" if c.on_file else "No",
         c.received, c.reference, c.why]
        for c in checks
    ]  # fmt: skip
    return pd.DataFrame(
        rows,
        columns=["Employee ID", "Name", "Document", "On File", "Received", "Reference", "Why"],
        dtype=object,
    )


def closed_year(as_on: date) -> FinancialYear:
    """The last financial year closed on or before `as_on` (its bonus is due within eight
    months of the close, s.19 of the Payment of Bonus Act)."""
    this = financial_year(as_on)
    return this if this.end == as_on else financial_year(this.start - timedelta(days=1))


def bonus_register(
    people: Sequence[Employee], rules: Sequence[BonusRule], year: FinancialYear
) -> tuple[pd.DataFrame, list[str]]:
    """Each employee on the rolls in `year`: eligible or not and why, the salary counted and the
    bonus at the minimum rate; and the States no bonus rule covers."""
    rows: list[list[object]] = []
    uncovered: list[str] = []
    for person in people:
        if person.date_of_joining > year.end or (
            person.date_of_leaving is not None and person.date_of_leaving < year.start
        ):
            continue
        try:
            found = bonus(person, year.start, year.end, rules)
        except NoRule as missing:
            uncovered.append(str(missing))
            continue
        rows.append(
            [person.employee_id, person.name, person.basic + person.da, found.days_worked,
             "Yes" if found.eligible else "No", found.counted_salary if found.eligible else None,
             found.rate if found.eligible else None, found.amount if found.eligible else None,
             found.how]
        )  # fmt: skip
    if rows:
        total = sum((r[7] for r in rows if isinstance(r[7], Decimal)), Decimal(0))
        rows.append(["Total", None, None, None, None, None, None, total, None])
    frame = pd.DataFrame(
        rows,
        columns=["Employee ID", "Name", "Salary a Month", "Days on the Rolls", "Eligible",
                 "Salary Counted", "Rate", "Bonus", "How"],
        dtype=object,
    )  # fmt: skip
    return frame, list(dict.fromkeys(uncovered))


def bonus_due(year: FinancialYear) -> date:
    """The last day to pay a year's bonus: eight months from the close of the year (s.19)."""
    month = year.end.month + 8
    y, m = year.end.year + (month - 1) // 12, (month - 1) % 12 + 1
    return date(y, m, calendar.monthrange(y, m)[1])


def bonus_sheet(frame: pd.DataFrame, year: FinancialYear, who: str) -> ResultSheet:
    return ResultSheet(
        "Statutory Bonus",
        frame,
        columns={
            "Employee ID": Column(kind=Kind.ID, width=12),
            "Name": Column(width=24),
            "Salary a Month": Column(kind=Kind.MONEY),
            "Days on the Rolls": Column(kind=Kind.INTEGER, width=9),
            "Eligible": Column(width=8),
            "Salary Counted": Column(kind=Kind.MONEY),
            "Rate": Column(kind=Kind.PERCENT, width=8),
            "Bonus": Column(kind=Kind.MONEY),
            "How": Column(kind=Kind.LONG_TEXT, width=70),
        },
        title=(
            f"Statutory bonus for {year.label} at the minimum rate, due by "
            f"{bonus_due(year):%d-%m-%Y} (Payment of Bonus Act s.19){who}",
        ),
        landscape=True,
    )


DAYS = Column(kind=Kind.DECIMAL, width=11)


def leave_sheets(
    balances: Sequence[LeaveBalance],
    checks: Sequence[FileCheck],
    bonuses: ResultSheet,
    issues: Sequence[Issue],
    as_on: date,
    company: str,
) -> list[ResultSheet]:
    """The HR records as on a day: balances, their ledger, the employee files, the issues."""
    who = f" — {company}" if company else ""
    documents = _documents_frame(checks)
    missing = documents[documents["On File"] == "No"].drop(columns=["On File", "Received",
                                                                    "Reference"])  # fmt: skip
    ids = {"Employee ID": Column(kind=Kind.ID, width=12), "Name": Column(width=24)}
    return [
        ResultSheet(
            "Leave Balances",
            _balances_frame(balances),
            columns={
                **ids,
                "Leave Type": Column(width=14),
                **dict.fromkeys(
                    ("Brought Forward", "Earned", "Taken", "Balance", "Lapsed Last Year End"), DAYS
                ),
                "Leave Wage a Day": Column(kind=Kind.MONEY),
                "Encashment Value": Column(kind=Kind.MONEY),
            },
            title=(f"Leave balances as on {as_on:%d-%m-%Y}{who}",),
            landscape=True,
        ),
        ResultSheet(
            "Leave Ledger",
            _ledger_frame(balances),
            columns={
                "Employee ID": Column(kind=Kind.ID, width=12),
                "Leave Type": Column(width=14),
                "Year": Column(kind=Kind.INTEGER, width=7),
                **dict.fromkeys(
                    ("Opening", "Earned", "Taken", "Closing", "Carried Forward", "Lapsed"), DAYS
                ),
                "How Earned": Column(kind=Kind.LONG_TEXT, width=70),
            },
            title=(f"Leave by year to {as_on:%d-%m-%Y}: how each balance was earned{who}",),
            landscape=True,
        ),
        ResultSheet(
            "Employee Files",
            documents,
            columns={
                **ids,
                "Document": Column(width=28),
                "On File": Column(width=8),
                "Received": Column(kind=Kind.DATE),
                "Reference": Column(width=16),
                "Why": Column(kind=Kind.LONG_TEXT, width=48),
            },
            title=(f"Employee files as on {as_on:%d-%m-%Y}{who}",),
        ),
        ResultSheet(
            "Missing Documents",
            missing,
            columns={
                **ids,
                "Document": Column(width=28),
                "Why": Column(kind=Kind.LONG_TEXT, width=48),
            },
            title=(f"Documents to collect as on {as_on:%d-%m-%Y}{who}",),
        ),
        bonuses,
        issues_sheet(list(issues)),
    ]


def leave_job(inputs: Mapping[str, Source], settings: LeaveSettings) -> JobResult:
    """The leave job of every door."""
    master = inputs["master"]
    out = settings.out
    if out is not None:
        workbook_out(out, "the leave report")
        check_output_file(out, file_of(master))
    reader = FileBook(master) if isinstance(master, Path) else master
    data, issues = employees_of(reader)
    rules_found, _, _, rule_issues = hr_sheet(reader, "Leave Rules")
    taken_found, taken_rows, taken_letters, taken_issues = hr_sheet(reader, "Leave Taken")
    docs_found, doc_rows, doc_letters, doc_issues = hr_sheet(reader, "Employee Documents")
    rules = [r for r in rules_found if isinstance(r, LeaveRule)]
    taken = [t for t in taken_found if isinstance(t, LeaveTaken)]
    documents = [d for d in docs_found if isinstance(d, EmployeeDocument)]
    issues += rule_issues + taken_issues + doc_issues
    people = {p.employee_id.casefold(): p for p in data.employees}
    issues += _taken_issues(taken, taken_rows, taken_letters, people, rules, reader.name)
    counted = [t for t in taken if t.employee_id.casefold() in people and t.usable]
    as_on = settings.as_on
    balances = leave_balances(data.employees, rules, counted, as_on)
    for b in balances:
        if b.balance < 0:
            issues.append(
                Issue(
                    severity=Severity.WARNING,
                    sheet="Leave Taken",
                    cell="",
                    value=f"{b.balance.normalize():f}",
                    problem=f"{b.employee.employee_id} has taken {-b.balance.normalize():f} "
                    f"days of {b.rule.leave_type} more than earned",
                    hint="Treat the excess as leave without pay in the Attendance sheet, or "
                    "correct the Leave Taken rows.",
                    file=reader.name,
                )
            )
    states = {p.work_state for p in data.employees if p.date_of_joining <= as_on}
    for state in sorted(states - {r.state for r in rules}):
        issues.append(
            Issue(
                severity=Severity.WARNING,
                sheet="Leave Rules",
                cell="",
                value=state,
                problem=f"no leave rules for {state}: its employees have no leave balance",
                hint=f"Add {state}'s rows (Leave Type, Accrues, Per, …) to the Leave Rules sheet.",
                file=reader.name,
            )
        )
    for index in unknown_documents(documents):
        issues.append(
            Issue(
                severity=Severity.WARNING,
                sheet="Employee Documents",
                cell=_cell(doc_letters, "Document", doc_rows[index]),
                value=documents[index].document,
                problem=f"'{documents[index].document}' is no document of the checklist; it "
                "counts for none",
                hint="Name it as the checklist does (Appointment Letter, PAN, Aadhaar Consent, "
                "Bank Proof, Address Proof, Form 11, PF Nomination (Form 2), ESI Declaration, "
                "Gratuity Nomination (Form F)).",
                file=reader.name,
            )
        )
    checks = checklist(data.employees, documents, as_on)
    company = data.company.name if data.company else ""
    bonus_found, _, _, bonus_issues = hr_sheet(reader, "Bonus Rules")
    issues += bonus_issues
    year = closed_year(as_on)
    register, uncovered = bonus_register(
        data.employees, [b for b in bonus_found if isinstance(b, BonusRule)], year
    )
    issues += [
        Issue(
            severity=Severity.WARNING,
            sheet="Bonus Rules",
            cell="",
            problem=f"{missing}: its employees are left off the Statutory Bonus sheet",
            hint="Add a Bonus Rules row (blank State: every State) in force in that year.",
            file=reader.name,
        )
        for missing in uncovered
    ]
    who = f" — {company}" if company else ""
    sheets = leave_sheets(
        balances, checks, bonus_sheet(register, year, who), issues, as_on, company
    )
    files: tuple[Path, ...] = ()
    if out is not None:
        with result_set(out.parent):
            write_workbook(out, sheets, title=f"Leave and employee files as on {as_on:%d-%m-%Y}")
        files = (out,)
    missing = sum(1 for c in checks if not c.on_file)
    people_short = len({c.employee.employee_id for c in checks if not c.on_file})
    encash = sum((b.encashment for b in balances), Decimal(0))
    headline = (
        f"Leave as on {as_on:%d-%m-%Y}: {len(balances)} balances of "
        f"{len({b.employee.employee_id for b in balances})} employees; {missing} documents "
        f"missing for {people_short} employees"
    )
    lines = [headline + "."]
    if encash:
        lines.append(f"Encashable leave is worth Rs {format_inr(encash)} at today's leave wages.")
    counts = count_by_severity(issues)
    if issues:
        lines.append(f"{describe_counts(counts)} (see the Issues sheet).")
    if files:
        lines.append(f"Report: {files[0]}")
    return JobResult(
        EXIT_FINDINGS if counts[Severity.ERROR] else EXIT_OK,
        tuple(lines),
        sheets=tuple(sheets),
        issues=tuple(issues),
        files=files,
        headline=headline,
        value=balances,
    )
