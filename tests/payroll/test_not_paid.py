"""Every row of the Employees sheet is accounted for: paid, or not paid with the reason."""

from __future__ import annotations

import csv
from collections.abc import Callable
from decimal import Decimal
from pathlib import Path
from typing import Any

import openpyxl
import pytest

from tests.payroll.test_payroll_job import ATTENDANCE, EMPLOYEE, STAFF
from xlbo.book import FileBook
from xlbo.errors import SheetProblem
from xlbo.jobs.payroll import compute_payroll, run_payroll
from xlbo.payroll.not_paid import NotPaid, RollCall


def row(code: str, name: str, **cells: Any) -> list[Any]:
    """A good Employees row (a Pune man well paid) with some cells changed."""
    values = dict(zip(EMPLOYEE, STAFF[0], strict=True))
    values.update({"Employee ID": code, "Name": name, **cells})
    return [values[h] for h in EMPLOYEE]


# rows 2-4: STAFF (E003 has a bad IFSC); then one of each way of not being paid
MASTER = [
    *STAFF,
    row("E004", "Bad Date", **{"Date of Joining": "31/02/2024"}),  # row 5: set aside
    row("E005", "Gone Before", **{"Date of Leaving": "30-09-2026"}),  # row 6
    row("E006", "Joins Later", **{"Date of Joining": "02-11-2026"}),  # row 7
    row("E001", "Ravi Again"),  # row 8: the ID again
    row("E009", "Big Loan", **{"Bank Account": "50100012345690"}),  # row 9: loan above the pay
]
LOAN = ["E009", "2026-10", None, 0, None, None, None, None, None, 900000]


@pytest.fixture
def master(xlsx: Callable[..., Path]) -> Path:
    return xlsx(
        {
            "Company": [["Name", "State"], ["Sahyadri Tradelinks Private Limited", "Maharashtra"]],
            "Employees": [EMPLOYEE, *MASTER],
            "Attendance": [*ATTENDANCE, LOAN],
        },
        name="master.xlsx",
    )


def test_paid_and_not_paid_add_up_to_the_rows_of_the_master(master: Path, tmp_path: Path) -> None:
    run = run_payroll(master, "2026-10", tmp_path / "out", payslips=False)
    roll = run.roll
    assert (roll.on_master, roll.on_register, roll.paid) == (8, 4, 2)
    assert roll.paid + len(roll.not_paid) == roll.on_master
    reasons = {(p.employee_id, p.row): p.reason for p in roll.not_paid}
    assert list(reasons) == [
        ("E003", 4),
        ("E004", 5),
        ("E005", 6),
        ("E006", 7),
        ("E001", 8),
        ("E009", 9),
    ]
    assert reasons["E003", 4].startswith("bank account or IFSC missing or invalid; ")
    assert "(L4)" in reasons["E003", 4]  # the IFSC cell named
    assert reasons["E004", 5] == "Date of Joining: '31/02/2024' is not a real date (E5)"
    assert reasons["E005", 6] == "left on 30-09-2026, before October 2026"
    assert reasons["E006", 7] == "joins on 02-11-2026, after October 2026"
    assert reasons["E001", 8].startswith("Employee ID E001 appears again (first in row 2)")
    assert reasons["E009", 9].startswith("net pay is negative (-")
    with (tmp_path / "out" / "bank-salary-2026-10.csv").open() as handle:
        assert len(list(csv.DictReader(handle))) == roll.paid


def test_the_summary_sheet_lists_every_one_not_paid(master: Path, tmp_path: Path) -> None:
    run_payroll(master, "2026-10", tmp_path / "out", payslips=False)
    book = openpyxl.load_workbook(tmp_path / "out" / "payroll-register-2026-10.xlsx")
    assert book.sheetnames[0] == "Summary"
    cells = [list(r) for r in book["Summary"].iter_rows(values_only=True)]
    assert cells[0][0] == "Sahyadri Tradelinks Private Limited — payroll summary, October 2026"
    assert cells[1][0].startswith("8 employees on the master: 2 paid (₹")
    assert cells[1][0].endswith("in the bank file), 6 not paid.")
    assert cells[3][0] == "Not paid: 6 (listed below)."
    header = cells[5]
    assert header[:5] == ["Employee ID", "Name", "Employees Row", "Why not paid", "What to do"]
    listed = [(r[0], r[2]) for r in cells[6:] if r[0]]
    assert listed == [("E003", 4), ("E004", 5), ("E005", 6), ("E006", 7), ("E001", 8), ("E009", 9)]


def test_an_employees_sheet_set_aside_whole_is_a_plain_error(
    xlsx: Callable[..., Path],
) -> None:
    """Review F4: a month's files that pay no one are not written (it was one 'not paid' line
    per employee, a 0-byte ECR and a header-only bank file)."""
    without_basic = [EMPLOYEE.index("Basic")]
    rows = [[v for i, v in enumerate(r) if i not in without_basic] for r in [EMPLOYEE, *STAFF]]
    master = xlsx({"Employees": rows}, name="master.xlsx")
    with pytest.raises(
        SheetProblem,
        match="master.xlsx: The Employees sheet has no required 'Basic' column, so payroll can pay no one",
    ):
        compute_payroll(FileBook(master), "2026-10", {})


@pytest.mark.parametrize(
    "sheets",
    [
        {"Company": [["Name"], ["Sahyadri"]]},
        {"Employees": [EMPLOYEE]},
    ],
    ids=["no Employees sheet", "only the header"],
)
def test_a_master_with_no_one_to_pay_is_a_plain_error(
    xlsx: Callable[..., Path], sheets: dict[str, Any]
) -> None:
    master = xlsx(sheets, name="master.xlsx")
    with pytest.raises(SheetProblem, match="master.xlsx has no employees to pay"):
        compute_payroll(FileBook(master), "2026-10", {})


def test_the_terminal_shows_the_first_fifty_and_says_where_the_rest_are() -> None:
    people = tuple(NotPaid(f"E{i:03d}", "", i + 2, "Gender is blank (C3)") for i in range(60))
    roll = RollCall(60, 0, 0, Decimal(0), people)
    lines = roll.terminal_lines()
    assert lines[0] == "Not paid (60):"
    assert lines[1] == "  E000, row 2: Gender is blank (C3)"
    assert len(lines) == 52
    assert lines[-1] == "  … and 10 more, listed on the Summary sheet"
    assert RollCall(1, 1, 1, Decimal(100), ()).terminal_lines() == []
