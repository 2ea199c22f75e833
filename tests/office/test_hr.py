"""Leave balances (accrual, carry cap, lapse, encashment) and the employee documents checklist,
from literal sheets."""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from pathlib import Path
from typing import Any

import openpyxl
import pytest

from tests.conftest import write_xlsx
from xlbo.cli import main
from xlbo.master.records import Employee
from xlbo.office.checklist import EmployeeDocument, checklist
from xlbo.office.leave import LeaveRule, LeaveTaken, leave_balance, shipped_leave_rules

RULES = shipped_leave_rules()


def _employee(**fields: Any) -> Employee:
    row = {
        "Employee ID": "E1",
        "Name": "Asha Patil",
        "Gender": "Female",
        "Date of Birth": date(1990, 1, 1),
        "Date of Joining": date(2025, 1, 1),
        "Work State": "Maharashtra",
        "Basic": 26000,
    }
    row.update(fields)
    return Employee.model_validate(row)


def _taken(kind: str, start: date, end: date | None = None, days: Any = None) -> LeaveTaken:
    return LeaveTaken.model_validate(
        {"Employee ID": "E1", "Type": kind, "From": start, "To": end, "Days": days}
    )


def test_earned_leave_accrues_one_day_per_twenty_worked() -> None:
    # 2025: 313 days Monday to Saturday → 15 days; 2026 to 30 November: 286 → 14 more
    balance = leave_balance(_employee(), RULES, "Earned Leave", [], date(2026, 11, 30))
    assert balance is not None
    assert [(y.year, y.accrued, y.carried) for y in balance.years] == [
        (2025, 15, 15),
        (2026, 14, None),
    ]
    assert (balance.opening, balance.accrued, balance.balance) == (15, 14, 29)
    # encashable at Basic + DA ÷ 26 = 1,000 a day
    assert balance.daily_wage == Decimal("1000.00")
    assert balance.encashment == Decimal(29000)


@pytest.mark.parametrize(
    ("as_on", "worked", "accrued"),
    [(date(2026, 10, 6), 239, 0), (date(2026, 10, 7), 240, 12)],
    ids=["239-days-nil", "240-days-earned"],
)
def test_earned_leave_needs_240_days_worked_in_the_calendar_year(
    as_on: date, worked: int, accrued: int
) -> None:
    person = _employee(**{"Date of Joining": date(2026, 1, 1)})
    balance = leave_balance(person, RULES, "Earned Leave", [], as_on)
    assert balance is not None and balance.accrued == accrued
    how = balance.years[-1].how
    assert f"{worked} days worked" in how
    assert ("under the 240 days worked" in how) is (accrued == 0)


def test_a_mid_year_joiner_earns_no_earned_leave_in_the_year_of_joining() -> None:
    # joined 01-07-2025: 158 days to 31-12-2025, under 240: nil; 2026 to 30-11: 286 → 14
    person = _employee(**{"Date of Joining": date(2025, 7, 1)})
    balance = leave_balance(person, RULES, "Earned Leave", [], date(2026, 11, 30))
    assert balance is not None
    assert [(y.year, y.accrued) for y in balance.years] == [(2025, 0), (2026, 14)]
    assert "nil: 158 days worked (01-07-2025 to 31-12-2025" in balance.years[0].how
    assert balance.balance == 14


def test_the_qualifying_days_follow_the_rows_effective_dates() -> None:
    # A row from 01-01-2026 asking 180 days (as a State may): 182 days to 31-07-2026 earn 9;
    # the shipped 240 of the row before it would have earned nothing yet.
    lower = RULES[0].model_copy(update={"qualifying_days": 180, "effective_from": date(2026, 1, 1)})
    ended = RULES[0].model_copy(update={"effective_to": date(2025, 12, 31)})
    person = _employee(**{"Date of Joining": date(2026, 1, 1)})
    as_on = date(2026, 7, 31)
    assert RULES[0].qualifying_days == 240  # the shipped default (Maharashtra S&E s.18)
    shipped = leave_balance(person, RULES, "Earned Leave", [], as_on)
    dated = leave_balance(person, [ended, lower, RULES[1]], "Earned Leave", [], as_on)
    assert shipped is not None and dated is not None
    assert (shipped.accrued, dated.accrued) == (0, 9)


def test_casual_leave_lapses_at_the_year_end_and_leave_taken_is_not_worked() -> None:
    taken = [
        _taken("Casual Leave", date(2025, 3, 3), date(2025, 3, 5)),  # Mon–Wed: 3 days
        _taken("Casual Leave", date(2026, 2, 2), days="0.5"),
        _taken("Earned Leave", date(2025, 6, 2), date(2025, 6, 8)),  # Mon–Sun: 6 days
    ]
    casual = leave_balance(_employee(), RULES, "Casual Leave", taken, date(2026, 11, 30))
    assert casual is not None
    last_year = casual.years[0]
    assert (last_year.accrued, last_year.taken, last_year.closing) == (8, 3, 5)
    assert (last_year.carried, last_year.lapsed) == (0, 5)  # casual leave lapses
    assert casual.lapsed_last == 5
    assert (casual.opening, casual.accrued, casual.balance) == (0, 8, Decimal("7.5"))
    assert casual.encashment == 0  # not encashable
    earned = leave_balance(_employee(), RULES, "Earned Leave", taken, date(2026, 11, 30))
    assert earned is not None
    # 2025: 313 − 9 days of leave = 304 worked → 15; 2026: 286 − 0.5 → 14; taken 6
    assert [(y.accrued, y.taken) for y in earned.years] == [(15, 6), (14, 0)]
    assert earned.balance == 23
    # days on leave are not days worked: 26 days taken in 2026 leave 260 worked → 13, not 14
    long_leave = [_taken("Earned Leave", date(2026, 6, 1), days=26)]
    earned = leave_balance(_employee(), RULES, "Earned Leave", long_leave, date(2026, 11, 30))
    assert earned is not None and earned.accrued == 13 and earned.balance == 15 + 13 - 26


def test_earned_leave_over_the_carry_cap_is_lost_at_the_year_end() -> None:
    person = _employee(**{"Date of Joining": date(2022, 1, 1)})
    balance = leave_balance(person, RULES, "Earned Leave", [], date(2026, 1, 31))
    assert balance is not None
    carried = [(y.year, y.closing, y.carried, y.lapsed) for y in balance.years]
    # 15 a year: 15, 30, 45, then 60 → 45 carried and 15 lost
    assert carried[:4] == [(2022, 15, 15, 0), (2023, 30, 30, 0), (2024, 45, 45, 0),
                           (2025, 60, 45, 15)]  # fmt: skip
    assert (balance.opening, balance.lapsed_last) == (45, 15)


def test_a_rule_follows_its_effective_dates() -> None:
    karnataka = [
        LeaveRule.model_validate(row)
        for row in (
            {"State": "Karnataka", "Leave Type": "Earned Leave", "Accrues": 1, "Per": "Days Worked",
             "Days Worked": 20, "Carry Forward Cap": 30, "Encashable": "Yes",
             "Effective From": date(2020, 1, 1), "Effective To": date(2025, 12, 31)},
            {"State": "Karnataka", "Leave Type": "Earned Leave", "Accrues": 1, "Per": "Days Worked",
             "Days Worked": 10, "Encashable": "Yes", "Effective From": date(2026, 1, 1)},
        )
    ]  # fmt: skip
    person = _employee(**{"Work State": "Karnataka"})
    balance = leave_balance(person, karnataka, "Earned Leave", [], date(2026, 6, 30))
    assert balance is not None
    assert [y.accrued for y in balance.years] == [15, 15]  # 313 ÷ 20; then 155 ÷ 10


def test_the_documents_checklist_says_what_is_missing() -> None:
    pf_member = _employee(**{"Employee ID": "E1", "UAN": "100000000001"})
    esi_member = _employee(**{"Employee ID": "E2", "ESI Number": "1234567890"})
    documents = [
        EmployeeDocument.model_validate(row)
        for row in (
            {"Employee ID": "E1", "Document": "Appointment Letter", "On File": "Yes"},
            {"Employee ID": "E1", "Document": "Form 11", "Received": date(2025, 1, 2)},
            {"Employee ID": "E1", "Document": "PAN", "On File": "No"},
        )
    ]
    checks = checklist([pf_member, esi_member], documents, date(2026, 6, 30))
    on_file = {(c.employee.employee_id, c.document) for c in checks if c.on_file}
    assert on_file == {("E1", "Appointment Letter"), ("E1", "Form 11")}
    needed = {(c.employee.employee_id, c.document) for c in checks}
    assert ("E1", "PF Nomination (Form 2)") in needed and ("E1", "ESI Declaration") not in needed
    assert ("E2", "ESI Declaration") in needed and ("E2", "Form 11") not in needed
    assert ("E1", "PAN") in needed - on_file


# -- the leave job --------------------------------------------------------------------------------


def _master(tmp_path: Path) -> Path:
    return write_xlsx(
        tmp_path / "master.xlsx",
        {
            "Company": [["Name", "State"], ["Sahyadri Tradelinks Private Limited", "Maharashtra"]],
            "Employees": [
                ["Employee ID", "Name", "Gender", "Date of Birth", "Date of Joining",
                 "Work State", "UAN", "Basic", "DA"],
                ["E001", "Asha Patil", "Female", date(1990, 5, 1), date(2025, 1, 1),
                 "Maharashtra", "100000000001", 20000, 6000],
                ["E002", "Ravi Kale", "Male", date(1992, 5, 1), date(2025, 1, 1), "Delhi", None,
                 15000, 0],
            ],
            "Leave Taken": [
                ["Employee ID", "Type", "From", "To", "Days"],
                ["E001", "Earned Leave", date(2026, 5, 4), date(2026, 5, 8), None],
                ["E009", "Earned Leave", date(2026, 5, 4), None, None],
                ["E001", "Sick Leave", date(2026, 5, 11), None, None],
                ["E001", "Earned Leave", date(2026, 6, 1), None, -2],
            ],
            "Employee Documents": [
                ["Employee ID", "Document", "On File", "Received"],
                ["E001", "Appointment Letter", "Yes", date(2025, 1, 1)],
                ["E001", "Form-11", "Yes", None],
            ],
        },
    )  # fmt: skip


def _table(path: Path, sheet: str, first: str) -> list[dict[str, Any]]:
    book = openpyxl.load_workbook(path, read_only=True)
    rows = list(book[sheet].iter_rows(values_only=True))
    book.close()
    start = next(i for i, row in enumerate(rows) if row and row[0] == first)
    return [dict(zip(rows[start], row, strict=False)) for row in rows[start + 1 :] if any(row)]


def test_the_leave_job_writes_balances_missing_documents_and_the_rows_to_fix(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "leave.xlsx"
    code = main(["leave", str(_master(tmp_path)), "--as-on", "30-06-2026", "--out", str(out)])
    said = capsys.readouterr().out
    assert code == 1, said  # the Leave Taken row of an unknown employee is an error
    balances = {
        (r["Employee ID"], r["Leave Type"]): r for r in _table(out, "Leave Balances", "Employee ID")
    }
    earned = balances[("E001", "Earned Leave")]
    # 2025: 15; 2026 to 30-06: 155 − 5 − 1 (sick leave, a day not worked) = 149 days worked,
    # under the 240 that earn leave in the year: nothing yet; taken 5
    assert (earned["Brought Forward"], earned["Earned"], earned["Taken"]) == (15, 0, 5)
    assert earned["Balance"] == 10
    assert earned["Encashment Value"] == 10000  # (20,000 + 6,000) ÷ 26 a day
    assert balances[("E001", "Casual Leave")]["Lapsed Last Year End"] == 8
    assert not any(key[0] == "E002" for key in balances)  # Delhi: no rules
    missing = {
        (r["Employee ID"], r["Document"]) for r in _table(out, "Missing Documents", "Employee ID")
    }
    assert ("E001", "Appointment Letter") not in missing
    assert ("E001", "Form 11") in missing  # typed Form-11: not the checklist's name
    assert ("E002", "Form 11") not in missing  # no UAN: no PF
    assert ("E002", "PAN") in missing
    bonus = {r["Employee ID"]: r for r in _table(out, "Statutory Bonus", "Employee ID")}
    assert bonus["E001"]["Eligible"] == "No"  # 26,000 a month: above 21,000
    assert bonus["E002"]["Bonus"] == 6997  # FY 2025-26: 8.33% of 12 × 7,000
    assert bonus["Total"]["Bonus"] == 6997
    issues = _table(out, "Issues", "Severity")
    problems = {(i["Sheet"], i["Cell"]): i["Problem"] for i in issues}
    assert "no employee E009" in problems[("Leave Taken", "A3")]
    assert "name no 'Sick Leave'" in problems[("Leave Taken", "B4")]
    assert "-2 days of leave; the row is not counted" in problems[("Leave Taken", "E5")]
    assert "no document of the checklist" in problems[("Employee Documents", "B3")]
    assert any("no leave rules for Delhi" in i["Problem"] for i in issues)


def test_leave_without_as_on_date_is_a_plain_message(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code = main(["leave", str(_master(tmp_path)), "--as-on", "31-02-2026"])
    assert code == 2
    assert "--as-on 31-02-2026" in capsys.readouterr().err


def test_the_master_template_carries_the_hr_sheets_with_the_shipped_rules(tmp_path: Path) -> None:
    from xlbo.book import FileBook
    from xlbo.jobs.leave import hr_sheet
    from xlbo.master.template import write_master
    from xlbo.office.settlement import shipped_gratuity_rules

    path = write_master(tmp_path / "master.xlsx")
    book = FileBook(path)
    for sheet in ("Leave Taken", "Recoveries", "Holidays", "Employee Documents"):
        assert book.has(sheet), sheet
    assert hr_sheet(book, "Leave Rules")[0] == shipped_leave_rules()
    assert hr_sheet(book, "Gratuity Rules")[0] == shipped_gratuity_rules()
