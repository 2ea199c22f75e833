"""The Validate job's report: what the accountant opens after `xlbo validate`."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import openpyxl

from xlbo.issues import Severity, count_by_severity
from xlbo.jobs.registry import ValidateSettings, run

HEADERS = [
    "Employee ID",
    "Name",
    "Gender",
    "Date of Birth",
    "Date of Joining",
    "Work State",
    "Basic",
]


def test_report_links_each_issue_to_its_cell(xlsx: Callable[..., Path], tmp_path: Path) -> None:
    master = xlsx(
        {
            "Company": [["Name", "State"], ["Sahyadri Tradelinks Private Limited", "Maharashtra"]],
            "Employees": [
                HEADERS,
                ["E001", "Asha Rao", "Female", "14/05/1990", "31/02/2024", "Karnataka", 20000],
                ["E002", "Ravi Iyer", "Male", "07-03-1991", "01-04-2022", "Goa", "twenty"],
            ],
        },
        name="master.xlsx",
    )
    before = master.read_bytes()
    result = run(
        "validate", {"master": master}, ValidateSettings(out=tmp_path / "reports" / "issues.xlsx")
    )
    report, counts = result.files[0], count_by_severity(list(result.issues))
    assert master.read_bytes() == before
    assert counts[Severity.ERROR] == 6  # two bad cells, four missing data sheets
    book = openpyxl.load_workbook(report)
    assert book.sheetnames == ["Summary", "Issues"]
    issues = book["Issues"]
    assert [c.value for c in issues[1]] == ["Severity", "Sheet", "Cell", "Value", "Problem", "Hint"]
    rows = {row[2].value: row for row in issues.iter_rows(min_row=2) if row[1].value == "Employees"}
    joining = rows["E2"]
    assert joining[0].value == "Error"
    assert joining[3].value == "31/02/2024"
    assert joining[4].value == "Date of Joining: '31/02/2024' is not a real date"
    assert joining[2].hyperlink.target.replace("\\", "/") == "../master.xlsx"
    assert joining[2].hyperlink.location == "'Employees'!E2"
    assert rows["G3"][4].value == "Basic: 'twenty' is not an amount"
    summary = {row[0]: row for row in book["Summary"].iter_rows(min_row=4, values_only=True)}
    assert summary["Employees"][1:4] == (0, 2, 2)
    assert book["Summary"]["A2"].value.startswith("6 errors to fix")
