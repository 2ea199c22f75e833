"""`xlbo.master.load`: every bad cell becomes an issue naming sheet, cell, value and problem."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
from pydantic import ValidationError

from xlbo.issues import Issue, Severity
from xlbo.master.fields import Gender, TaxRegime
from xlbo.master.load import load

HEADERS = [
    "Employee ID",
    "Name",
    "Gender",
    "Date of Birth",
    "Date of Joining",
    "Work State",
    "Basic",
    "HRA",
    "Tax Regime",
    "Disabled",
]
ASHA = [
    "E001",
    "Asha Rao",
    "Female",
    "14/05/1990",
    "01-04-2022",
    "Karnataka",
    20000,
    8000,
    "New",
    "No",
]
COMPANY = [["Name", "State"], ["Sahyadri Tradelinks Private Limited", "Maharashtra"]]
ACCOUNTS = [
    ["Account", "Group", "Sub-group", "Nature", "Opening Debit", "Opening Credit"],
    ["Share Capital", "Equity", "Share Capital", "Equity", None, 500000],
    ["HDFC Bank Current A/c", "Current Assets", "Cash and Cash Equivalents", "Asset", 500000, None],
]
OTHER_SHEETS: dict[str, list[list[Any]]] = {
    "Company": COMPANY,
    "Vendors": [["Vendor Code", "Name"]],
    "Customers": [["Customer Code", "Name"]],
    "Accounts": ACCOUNTS,
    "Bank Accounts": [
        ["Account", "Bank", "Account Number", "IFSC"],
        ["HDFC Bank Current A/c", "HDFC Bank", "50200012345678", "HDFC0001234"],
    ],
}


@pytest.fixture
def master(xlsx: Callable[..., Path]) -> Callable[..., tuple[Any, list[Issue]]]:
    """Load a master workbook whose Employees sheet holds `rows` (and valid other sheets)."""

    def make(
        rows: list[list[Any]], headers: list[Any] | None = None, **options: Any
    ) -> tuple[Any, list[Issue]]:
        sheets = {"Employees": [headers or HEADERS, *rows], **OTHER_SHEETS}
        sheets.update(options.pop("sheets", {}))
        return load(xlsx(sheets, name="master.xlsx", **options))

    return make


def only(
    issues: list[Issue], sheet: str = "Employees", severity: Severity | None = None
) -> list[Issue]:
    return [i for i in issues if i.sheet == sheet and (severity is None or i.severity is severity)]


def test_a_clean_sheet_loads_typed(master: Callable[..., Any]) -> None:
    data, issues = master([ASHA])
    assert [i for i in issues if i.severity is not Severity.INFO] == []
    asha = data.employees[0]
    assert asha.gender is Gender.FEMALE
    assert asha.date_of_birth == date(1990, 5, 14)
    assert asha.basic == Decimal(20000)
    assert asha.monthly_gross == Decimal(28000)
    assert asha.tax_regime is TaxRegime.NEW
    assert asha.eps_eligible is True  # blank column default
    assert data.rows["Employees"] == (2,)
    assert data.company.state == "Maharashtra"


def test_numbers_stored_as_text_and_dates_in_every_indian_form(master: Callable[..., Any]) -> None:
    rows = [
        [
            "E001",
            "Asha Rao",
            "F",
            "14/05/1990",
            "01-04-22",
            "Karnataka",
            "1,23,456.50",
            "₹ 8,000",
            "new",
            "no",
        ],
        [
            "E002",
            "Ravi Iyer",
            "male",
            "7-Mar-91",
            44652,
            "tamilnadu",
            "Rs. 25,000/-",
            None,
            "OLD",
            "Y",
        ],
        [
            "E003",
            "Mala Sen",
            "Female",
            date(1988, 1, 2),
            "15.06.2019",
            "19",
            30000.0,
            "",
            "New",
            False,
        ],
    ]
    data, issues = master(rows)
    assert only(issues, severity=Severity.ERROR) == []
    first, second, third = data.employees
    assert first.basic == Decimal("123456.50")
    assert first.hra == Decimal(8000)
    assert first.date_of_joining == date(2022, 4, 1)
    assert second.date_of_birth == date(1991, 3, 7)
    assert second.date_of_joining == date(2022, 4, 1)  # Excel serial 44652
    assert second.work_state == "Tamil Nadu"
    assert second.basic == Decimal(25000)
    assert second.disabled is True
    assert second.tax_regime is TaxRegime.OLD
    assert third.date_of_joining == date(2019, 6, 15)
    assert third.work_state == "West Bengal"


@pytest.mark.parametrize(
    ("column", "value", "cell", "problem"),
    [
        ("Date of Joining", "31/02/2024", "E2", "Date of Joining: '31/02/2024' is not a real date"),
        ("Date of Birth", "someday", "D2", "Date of Birth: 'someday' is not a date"),
        ("Basic", "12,500/- approx", "G2", "Basic: '12,500/- approx' is not an amount"),
        ("Basic", -500, "G2", "Basic: -500 is negative"),
        ("Work State", "Maharastra", "F2", "Work State: 'Maharastra' is not an Indian state"),
        ("Gender", "X", "C2", "Gender: 'X' is not one of: Male, Female, Other"),
        ("Gender", None, "C2", "Gender is blank"),
        ("Disabled", "maybe", "J2", "Disabled: 'maybe' is not Yes or No"),
    ],
)
def test_bad_cells_become_issues(
    master: Callable[..., Any], column: str, value: Any, cell: str, problem: str
) -> None:
    row = list(ASHA)
    row[HEADERS.index(column)] = value
    data, issues = master(
        [row, ["E002", "Ravi Iyer", "Male", "07-03-1991", "01-04-2022", "Goa", 15000]]
    )
    [issue] = only(issues, severity=Severity.ERROR)
    assert issue.cell == cell
    assert issue.problem.startswith(problem)
    assert issue.hint
    assert issue.file == "master.xlsx"
    assert [e.employee_id for e in data.employees] == ["E002"]  # the good row still loads


@pytest.mark.parametrize("error", ["#N/A", "#REF!"])
def test_error_cells_are_named(master: Callable[..., Any], error: str) -> None:
    row = list(ASHA)
    row[HEADERS.index("Basic")] = None
    _, issues = master([row], errors={"Employees": {"G2": error}})
    [issue] = only(issues, severity=Severity.ERROR)
    assert issue.cell == "G2"
    assert issue.value == error
    assert f"the cell shows the Excel error {error}" in issue.problem
    assert "Fix the formula" in issue.hint


def test_stray_and_non_breaking_spaces_in_ids(master: Callable[..., Any]) -> None:
    row = list(ASHA)
    row[0] = " E001\u00a0"
    data, issues = master([row])
    assert data.employees[0].employee_id == "E001"
    [note] = [i for i in only(issues, severity=Severity.INFO) if i.cell == "A2"]
    assert "has stray or non-breaking spaces; xlbo read it as 'E001'" in note.problem
    assert "Retype the cell" in note.hint


def test_blank_rows_in_the_middle_are_skipped_and_said(master: Callable[..., Any]) -> None:
    second = ["E002", "Ravi Iyer", "Male", "07-03-1991", "01-04-2022", "Goa", 15000]
    data, issues = master([ASHA, [], [None, "  "], second])
    assert [e.employee_id for e in data.employees] == ["E001", "E002"]
    assert data.rows["Employees"] == (2, 5)
    notes = [i.problem for i in only(issues, severity=Severity.INFO)]
    assert "Blank rows 3–4 inside the table were skipped" in notes


def test_duplicate_codes(master: Callable[..., Any]) -> None:
    _, issues = master(
        [ASHA, ["e001", "Ravi Iyer", "Male", "07-03-1991", "01-04-2022", "Goa", 15000]]
    )
    [issue] = only(issues, severity=Severity.ERROR)
    assert issue.cell == "A3"
    assert "Employee ID E001 appears again (first in row 2)" in issue.problem


def test_renamed_column_says_which_and_what_was_expected(master: Callable[..., Any]) -> None:
    headers = [h if h != "Date of Joining" else "Date of Joing" for h in HEADERS]
    data, issues = master([ASHA], headers=headers)
    errors = only(issues, severity=Severity.ERROR)
    assert errors[0].problem == "The Employees sheet has no required 'Date of Joining' column"
    assert (
        errors[0].hint
        == "It has a column 'Date of Joing'; if that is it, rename its header to 'Date of Joining'."
    )
    assert errors[0].cell == "E1"
    assert "set aside because required columns are missing" in errors[1].problem
    assert data.employees == ()


def test_merged_header_cells_are_pointed_out(master: Callable[..., Any]) -> None:
    headers = ["Employee ID", "Name", "Gender", "Dates", None, "Work State", "Basic"]
    rows = [["E001", "Asha Rao", "Female", "14/05/1990", "01-04-2022", "Karnataka", 20000]]
    _, issues = master(rows, headers=headers, merged={"Employees": ["D1:E1"]})
    hints = " ".join(i.hint for i in only(issues, severity=Severity.ERROR))
    assert "Header cells D1:E1 are merged: unmerge them so each column has its own header" in hints


def test_missing_optional_column_is_a_note_not_a_stop(master: Callable[..., Any]) -> None:
    data, issues = master([ASHA])
    warnings = only(issues, severity=Severity.INFO)
    [note] = [w for w in warnings if "'UAN'" in w.problem]
    assert note.problem.startswith("The Employees sheet has no 'Date of Leaving', 'Department'")
    assert note.problem.endswith("columns; read as blank")
    assert len(data.employees) == 1


def test_missing_sheet(xlsx: Callable[..., Path]) -> None:
    sheets = {k: v for k, v in OTHER_SHEETS.items() if k != "Vendors"}
    _, issues = load(xlsx({"Employees": [HEADERS, ASHA], **sheets}))
    [issue] = only(issues, "Vendors")
    assert issue.severity is Severity.ERROR
    assert issue.problem == "The workbook has no 'Vendors' sheet"
    assert "Add a sheet named 'Vendors' with the headers: Vendor Code, Name, GSTIN" in issue.hint


def test_missing_rule_sheet_falls_back_to_shipped_rules(master: Callable[..., Any]) -> None:
    data, issues = master([ASHA])
    assert data.pf_rules[0].employee_rate == Decimal("0.12")
    notes = [i.problem for i in only(issues, "PF Rules")]
    assert notes == ["The workbook has no 'PF Rules' sheet, so xlbo used its shipped defaults"]


def test_cross_checks(master: Callable[..., Any]) -> None:
    leaver = list(ASHA) + [None] * 3
    headers = [*HEADERS, "Date of Leaving", "X", "Y"]
    leaver[HEADERS.index("Date of Birth")] = "01-01-2015"
    leaver[len(HEADERS)] = "01-01-2020"
    accounts = [
        *ACCOUNTS,
        ["Rent", "Expenses", "Other Expenses", "Asset", 1000, None],
        ["Sundry", "Current Assets", "Trade Recievables", "Asset", None, None],
    ]
    banks = [
        ["Account", "Bank", "Account Number", "IFSC"],
        ["Axis Bank A/c", "Axis Bank", "912020012345678", "UTIB0000123"],
    ]
    _, issues = master(
        [leaver], headers=headers, sheets={"Accounts": accounts, "Bank Accounts": banks}
    )
    by_sheet = {(i.sheet, i.cell): i for i in issues}
    assert (
        "leaves (01-01-2020) before joining (01-04-2022)" in by_sheet[("Employees", "K2")].problem
    )
    assert "would have been 7 on joining" in by_sheet[("Employees", "D2")].problem
    assert (
        by_sheet[("Accounts", "D4")].problem
        == "Rent: an account under Expenses is Expense, not Asset"
    )
    assert by_sheet[("Accounts", "C5")].hint == "Did you mean 'Trade Receivables'? "
    assert "differ by ₹1,000.00" in by_sheet[("Accounts", "")].problem
    assert (
        "'Axis Bank A/c' is not in the Accounts sheet" in by_sheet[("Bank Accounts", "A2")].problem
    )


def test_a_column_written_month_first_is_read_month_first(master: Callable[..., Any]) -> None:
    rows = [
        list(ASHA),
        ["E002", "Ravi Iyer", "Male", "07-03-1991", "04/25/2022", "Goa", 15000],
        ["E003", "Mala Sen", "Female", "02-02-1985", "03/04/2022", "Goa", 15000],
    ]
    rows[0][HEADERS.index("Date of Joining")] = "01/04/2022"
    data, issues = master(rows)
    assert [e.date_of_joining for e in data.employees] == [
        date(2022, 1, 4),
        date(2022, 4, 25),
        date(2022, 3, 4),
    ]
    [note] = [i for i in issues if i.cell == "E3"]
    assert (
        note.problem
        == "Date of Joining is written month first (04/25/2022 cannot be day first); xlbo read the whole column that way"
    )


def test_an_ambiguous_date_is_never_guessed_when_the_column_disagrees(
    master: Callable[..., Any],
) -> None:
    rows = [
        list(ASHA),
        ["E002", "Ravi Iyer", "Male", "07-03-1991", "04/25/2022", "Goa", 15000],
        ["E003", "Mala Sen", "Female", "02-02-1985", "25/04/2022", "Goa", 15000],
        ["E004", "Ali Khan", "Male", "02-02-1985", "03/04/2022", "Goa", 15000],
    ]
    data, issues = master(rows)
    [issue] = [i for i in issues if i.cell == "E5"]
    assert issue.severity is Severity.ERROR
    assert issue.problem == (
        "Date of Joining '03/04/2022' could be read day first or month first, "
        "and other rows of this column are written both ways"
    )
    assert "E004" not in [e.employee_id for e in data.employees]


def test_records_read_column_wise_equal_records_validated_by_pydantic(tmp_path: Path) -> None:
    from xlbo.demo import build_demo
    from xlbo.master.schema import BY_SHEET

    files = build_demo(tmp_path, seed=11)
    data, _ = load(files.master)
    for sheet in ("Employees", "Vendors", "Customers", "Accounts", "Company"):
        for record in data.records(sheet):
            again = BY_SHEET[sheet].record.model_validate(record.model_dump())
            assert again == record
            assert again.model_dump() == record.model_dump()
    with pytest.raises(ValidationError):
        data.employees[0].name = "changed"  # type: ignore[misc]
