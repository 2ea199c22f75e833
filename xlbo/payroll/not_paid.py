"""Who was not paid, and why: every row of the Employees sheet is accounted for.

A payroll run pays the people in its bank file. Everyone else on the master is *not paid*, with
the reason: a row set aside for bad master data (the cell and what is wrong with it), someone not
on the rolls in the month (joined later, left earlier), or someone on the register whose pay
cannot be sent (bank details missing or invalid, net pay negative or nil). The Summary sheet and
the terminal list them with a count, so that paid + not paid = rows on the Employees sheet.

    >>> roll = RollCall(3, 2, 1, Decimal("41250.00"),
    ...                 (NotPaid("E002", "Asha Rao", 3, "Date of Joining is not a real date",
    ...                          "Check the day and month."),))
    >>> roll.headline
    '3 employees on the master: 1 paid (₹41,250.00 in the bank file), 1 not paid'
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Collection, Mapping, Sequence
from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from xlbo.issues import Issue, Severity
from xlbo.master.records import Employee
from xlbo.money import format_inr
from xlbo.payroll.compute import PayLine

SHEET = "Employees"
_ROW = re.compile(r"[A-Z]+(\d+)$")


@dataclass(frozen=True)
class MasterRow:
    """A filled row of the Employees sheet as typed, whether or not it could be read."""

    row: int
    """Excel row number."""
    employee_id: str
    name: str


@dataclass(frozen=True)
class NotPaid:
    """An employee on the master who is not in the bank file, with the reason."""

    employee_id: str
    name: str
    row: int
    """Excel row of the Employees sheet."""
    reason: str
    hint: str = ""


@dataclass(frozen=True)
class RollCall:
    """Everyone on the Employees sheet, paid or not."""

    on_master: int
    on_register: int
    paid: int
    """Employees with a credit in the bank file."""
    paid_amount: Decimal
    not_paid: tuple[NotPaid, ...]

    @property
    def headline(self) -> str:
        return (
            f"{self.on_master} employees on the master: {self.paid} paid "
            f"({format_inr(self.paid_amount, symbol=True)} in the bank file), "
            f"{len(self.not_paid)} not paid"
        )

    def terminal_lines(self, limit: int = 50) -> list[str]:
        """The not-paid list as the command line prints it (the first `limit`; all are on the
        Summary sheet)."""
        if not self.not_paid:
            return []
        lines = [f"Not paid ({len(self.not_paid)}):"]
        for person in self.not_paid[:limit]:
            who = " ".join(part for part in (person.employee_id, person.name) if part)
            lines.append(f"  {who or '(no ID or name)'}, row {person.row}: {person.reason}")
        if len(self.not_paid) > limit:
            lines.append(f"  … and {len(self.not_paid) - limit} more, listed on the Summary sheet")
        return lines


def _row_of(cell: str) -> int | None:
    found = _ROW.search(cell)
    return int(found.group(1)) if found else None


def _strip_id(problem: str, employee_id: str) -> str:
    prefix = f"{employee_id}: "
    return problem.removeprefix(prefix) if employee_id else problem


def _said(issue: Issue, employee_id: str) -> str:
    """An issue's problem as a reason, with its cell."""
    return f"{_strip_id(issue.problem, employee_id)} ({issue.cell})"


def _not_on_rolls(person: Employee, month: date, month_end: date) -> tuple[str, str]:
    if person.date_of_joining > month_end:
        return (
            f"joins on {person.date_of_joining:%d-%m-%Y}, after {month:%B %Y}",
            "Nothing is due for this month.",
        )
    left = person.date_of_leaving
    return (
        f"left on {left:%d-%m-%Y}, before {month:%B %Y}" if left else "not on the rolls",
        "Nothing is due for this month; settle any final dues separately.",
    )


def roll_call(
    master_rows: Sequence[MasterRow],
    loaded_rows: Sequence[int],
    employees: Sequence[Employee],
    lines: Sequence[PayLine],
    payable: Collection[str],
    held: Mapping[str, tuple[str, str]],
    issues: Sequence[Issue],
    month: date,
    month_end: date,
    bank_columns: Collection[str] = (),
) -> RollCall:
    """Account for every row of the Employees sheet.

    `loaded_rows[i]` is the Excel row of `employees[i]` (rows set aside by the master checks are
    missing from both); `held` gives the reason (and what to do) for each employee on the
    register who is not `payable`; `issues` are the run's issues, whose errors on a set-aside row
    say why it was set aside; errors in `bank_columns` (letters) say what is wrong with the bank
    details of someone held back.
    """
    errors: dict[int | None, list[Issue]] = defaultdict(list)
    for issue in issues:
        if issue.sheet == SHEET and issue.severity is Severity.ERROR:
            errors[_row_of(issue.cell)].append(issue)
    typed_rows = {r.row for r in master_rows}
    sheet_errors = [i for row, found in errors.items() if row not in typed_rows for i in found]
    by_row = dict(zip(loaded_rows, employees, strict=True))
    on_register = {line.employee.employee_id: line for line in lines}
    not_paid: list[NotPaid] = []
    for typed in master_rows:
        person = by_row.get(typed.row)
        if person is not None and person.employee_id in payable:
            continue
        code = person.employee_id if person else typed.employee_id
        name = person.name if person else typed.name
        row_errors = errors.get(typed.row, [])
        if person is not None and code in on_register:
            reason, hint = held.get(code, ("not in the bank file", ""))
            bank = [i for i in row_errors if i.cell.rstrip("0123456789") in bank_columns]
            reason = "; ".join([reason, *(_said(issue, code) for issue in bank)])
        elif row_errors:
            reason = "; ".join(_said(issue, code) for issue in row_errors)
            hint = row_errors[0].hint
        elif person is not None:
            reason, hint = _not_on_rolls(person, month, month_end)
        elif sheet_errors:
            reason = "; ".join(issue.problem for issue in sheet_errors)
            hint = sheet_errors[0].hint
        else:
            reason = "set aside by the master checks"
            hint = "See the Issues sheet, or run `xlbo validate` on the master."
        not_paid.append(NotPaid(code, name, typed.row, reason, hint))
    paid = [line for line in lines if line.employee.employee_id in payable]
    return RollCall(
        on_master=len(master_rows),
        on_register=len(lines),
        paid=len(paid),
        paid_amount=sum((line.net_pay for line in paid), Decimal(0)),
        not_paid=tuple(not_paid),
    )
