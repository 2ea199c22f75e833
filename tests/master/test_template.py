"""`xlbo init`: the master workbook a user starts from."""

from __future__ import annotations

import csv
from collections.abc import Callable
from pathlib import Path

import openpyxl
import pytest

from xlbo.errors import FileProblem
from xlbo.master.load import load
from xlbo.master.schema import MASTER_TABLES
from xlbo.master.template import write_master
from xlbo.money import INR_NUMBER_FORMAT

EMPLOYEE_HEADERS = [
    "Employee ID",
    "Name",
    "Gender",
    "Date of Birth",
    "Date of Joining",
    "Date of Leaving",
    "Work State",
    "Department",
    "Designation",
    "PAN",
    "Aadhaar",
    "UAN",
    "ESI Number",
    "Bank Account",
    "IFSC",
    "Tax Regime",
    "Basic",
    "DA",
    "HRA",
    "Special Allowance",
    "Other Allowances",
    "PF on Actual Wages",
    "EPS Eligible",
    "Voluntary PF %",
    "Disabled",
    "Declared 80C",
]
VENDOR_HEADERS = [
    "Vendor Code",
    "Name",
    "GSTIN",
    "PAN",
    "State",
    "Address",
    "Email",
    "Mobile",
    "Bank Account",
    "IFSC",
    "Payment Terms (days)",
    "TDS Section",
    "MSME",
    "MSME Class",
    "MSME Registration (Udyam)",
]
CUSTOMER_HEADERS = [
    "Customer Code",
    "Name",
    "GSTIN",
    "PAN",
    "State",
    "Address",
    "Email",
    "Mobile",
    "Credit Days",
    "Credit Limit",
    "TAN",
]
ACCOUNT_HEADERS = ["Account", "Group", "Sub-group", "Nature", "Opening Debit", "Opening Credit"]


@pytest.fixture(scope="module")
def master(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return write_master(tmp_path_factory.mktemp("init") / "master.xlsx")


def headers(ws: openpyxl.worksheet.worksheet.Worksheet) -> list[str]:
    return [c.value for c in ws[1] if c.value is not None]


def test_sheets_in_order_about_first(master: Path) -> None:
    book = openpyxl.load_workbook(master)
    assert book.sheetnames[0] == "About"
    assert book.sheetnames[1:15] == [t.sheet for t in MASTER_TABLES]
    about = [row[0] for row in book["About"].iter_rows(min_row=5, values_only=True)]
    assert about[:3] == ["Company", "Employees", "Vendors"]


def test_the_headers_other_tools_fill(master: Path) -> None:
    book = openpyxl.load_workbook(master)
    assert headers(book["Employees"])[: len(EMPLOYEE_HEADERS)] == EMPLOYEE_HEADERS
    assert headers(book["Vendors"]) == VENDOR_HEADERS
    assert headers(book["Customers"]) == CUSTOMER_HEADERS
    assert headers(book["Accounts"]) == ACCOUNT_HEADERS


def test_each_sheet_is_an_excel_table_with_frozen_header(master: Path) -> None:
    book = openpyxl.load_workbook(master)
    for table in MASTER_TABLES:
        ws = book[table.sheet]
        assert table.excel_table in ws.tables, table.sheet
        assert ws.freeze_panes == "A2", table.sheet


def column_format(ws: openpyxl.worksheet.worksheet.Worksheet, index: int) -> str:
    """The number format new cells of a column get (its column style)."""
    for dimension in ws.column_dimensions.values():
        if dimension.min <= index <= dimension.max:
            return str(dimension.number_format)
    return "General"


def test_formats_dropdowns_and_notes(master: Path) -> None:
    ws = openpyxl.load_workbook(master)["Employees"]
    column = {h: i + 1 for i, h in enumerate(headers(ws))}
    assert column_format(ws, column["Basic"]) == INR_NUMBER_FORMAT
    assert column_format(ws, column["Date of Birth"]) == "dd-mm-yyyy"
    assert column_format(ws, column["Aadhaar"]) == "@"
    lists = {
        str(dv.sqref).split(":")[0].rstrip("0123456789"): dv.formula1
        for dv in ws.data_validations.dataValidation
    }
    letter = openpyxl.utils.get_column_letter
    assert lists[letter(column["Gender"])] == '"Male,Female,Other"'
    assert lists[letter(column["Tax Regime"])] == '"New,Old"'
    assert lists[letter(column["Disabled"])] == '"Yes,No"'
    assert lists[letter(column["Work State"])].startswith("Lists!")
    assert "decides PT and LWF" in ws.cell(1, column["Work State"]).comment.text
    accounts = openpyxl.load_workbook(master)["Accounts"]
    groups = [dv.formula1 for dv in accounts.data_validations.dataValidation]
    assert '"Asset,Liability,Equity,Income,Expense"' in groups


def test_rules_and_chart_come_prefilled(master: Path) -> None:
    data, issues = load(master)
    assert issues == []
    assert data.pf_rules[0].wage_ceiling == 15000
    assert data.esi_rules[0].wage_ceiling == 21000
    assert {s.state for s in data.pt_slabs} >= {
        "Maharashtra",
        "Karnataka",
        "West Bengal",
        "Tamil Nadu",
    }
    assert len(data.accounts) > 60
    assert data.employees == ()
    assert data.company is None


def test_refuses_to_overwrite(master: Path) -> None:
    with pytest.raises(FileProblem, match="already exists; xlbo will not overwrite it.*--force"):
        write_master(master)
    assert write_master(master, force=True) == master


@pytest.mark.libreoffice
def test_opens_in_libreoffice(master: Path, libreoffice: Callable[[Path, str], Path]) -> None:
    outdir = libreoffice(
        master, "csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,true,false,false,-1"
    )
    with (outdir / "master-Employees.csv").open(encoding="utf-8") as handle:
        assert next(csv.reader(handle))[: len(EMPLOYEE_HEADERS)] == EMPLOYEE_HEADERS
    with (outdir / "master-PF Rules.csv").open(encoding="utf-8") as handle:
        rows = list(csv.DictReader(handle))
    assert rows[0]["Wage Ceiling"] == "15,000.00"
    assert rows[0]["Employee Rate"] == "12.00%"
    assert rows[0]["Effective From"] == "01-06-2018"
