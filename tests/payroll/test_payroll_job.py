"""The payroll job end to end on literal masters: register, working, files and pre-checks."""

from __future__ import annotations

import csv
import re
from collections.abc import Callable
from decimal import Decimal as D
from pathlib import Path
from typing import Any

import openpyxl
import pytest

from xlbo.book import FileBook
from xlbo.jobs.payroll import months_remaining, run_payroll
from xlbo.payroll.file_names import payslip_names
from xlbo.payroll.outputs import REGISTER_HEADERS

EMPLOYEE = [
    "Employee ID",
    "Name",
    "Gender",
    "Date of Birth",
    "Date of Joining",
    "Date of Leaving",
    "Work State",
    "PAN",
    "UAN",
    "ESI Number",
    "Bank Account",
    "IFSC",
    "Tax Regime",
    "Basic",
    "HRA",
    "Special Allowance",
    "EPS Eligible",
    "Voluntary PF %",
]
STAFF = [
    # a Pune man under the ESI ceiling
    [
        "E001",
        "Ravi Patil",
        "Male",
        "01-01-1990",
        "01-04-2020",
        None,
        "Maharashtra",
        "ABCPP1234K",
        "100123456789",
        "3100012345",
        "50100012345678",
        "HDFC0001234",
        "New",
        12000,
        4800,
        1200,
        "Yes",
        0,
    ],
    # a Bengaluru woman well above the ceilings, new regime
    [
        "E002",
        "Asha Rao",
        "Female",
        "14-05-1988",
        "01-06-2016",
        None,
        "Karnataka",
        "ABCPR1234K",
        "100123456790",
        None,
        "50100012345679",
        "ICIC0000012",
        "New",
        90000,
        36000,
        24000,
        "No",
        0,
    ],
    # joined mid-month, no UAN, bad IFSC
    [
        "E003",
        "Imran Shaikh",
        "Male",
        "02-02-1999",
        "16-10-2026",
        None,
        "Maharashtra",
        None,
        None,
        None,
        "123",
        "HDFCO001234",
        "New",
        20000,
        8000,
        2000,
        "No",
        0,
    ],
]
ATTENDANCE = [
    [
        "Employee ID",
        "Month",
        "Paid Days",
        "LOP Days",
        "Overtime",
        "Arrears",
        "Bonus",
        "Other Earnings",
        "Other Deductions",
        "Loan Recovery",
    ],
    ["E001", "2026-10", None, 2, 1500, None, None, None, 200, 1000],
]


@pytest.fixture
def payroll(xlsx: Callable[..., Path], tmp_path: Path) -> Callable[..., Any]:
    def run(staff: list[list[Any]] | None = None, month: str = "2026-10", **options: Any) -> Any:
        master = xlsx(
            {
                "Company": [
                    ["Name", "State"],
                    ["Sahyadri Tradelinks Private Limited", "Maharashtra"],
                ],
                "Employees": [EMPLOYEE, *(staff or STAFF)],
                "Attendance": ATTENDANCE,
            },
            name="master.xlsx",
        )
        return run_payroll(master, month, tmp_path / "out", payslips=options.get("payslips", True))

    return run


def register(tmp_path: Path, month: str = "2026-10") -> dict[str, dict[str, Any]]:
    frame = (
        FileBook(tmp_path / "out" / f"payroll-register-{month}.xlsx").read_table("Register").frame
    )
    return {row["Employee ID"]: row.to_dict() for _, row in frame.iterrows()}


def test_register_headers_rows_and_totals(payroll: Callable[..., Any], tmp_path: Path) -> None:
    payroll()
    book = openpyxl.load_workbook(tmp_path / "out" / "payroll-register-2026-10.xlsx")
    assert book.sheetnames == ["Summary", "Register", "Working", "Issues", "Journal"]
    header = [c.value for c in book["Register"][3]]
    assert header == list(REGISTER_HEADERS)
    rows = register(tmp_path)
    total = rows.pop("Total")
    for column in REGISTER_HEADERS[2:]:
        assert D(str(total[column])) == sum(D(str(r[column])) for r in rows.values()), column


def test_figures_of_each_employee(payroll: Callable[..., Any], tmp_path: Path) -> None:
    run = payroll()
    lines = {line.employee.employee_id: line for line in run.lines}
    ravi = lines["E001"]  # 2 LOP days of 31, overtime 1,500
    assert ravi.paid_days == 29
    assert ravi.earnings["Basic"] == D("11225.81")
    assert ravi.gross == D("11225.81") + D("4490.32") + D("1122.58") + 1500
    assert ravi.pf_employee == D(1347)  # 12% of 11,225.81
    assert ravi.esi_employee == D(138)  # 0.75% of 18,338.71 rounded up
    assert ravi.pt == D(200)
    assert ravi.net_pay == ravi.gross - 1347 - 138 - 200 - ravi.tds - 200 - 1000
    asha = lines["E002"]
    assert (asha.pf_employee, asha.eps, asha.epf_employer) == (D(1800), D(0), D(1800))
    assert (asha.esi_employee, asha.esi_covered) == (D(0), False)
    assert asha.pt == D(200)
    assert asha.tds > 0
    imran = lines["E003"]  # joined on the 16th: 16 of 31 days
    assert imran.paid_days == 16
    assert imran.earnings["Basic"] == D("10322.58")


def test_working_explains_every_figure(payroll: Callable[..., Any], tmp_path: Path) -> None:
    payroll()
    frame = FileBook(tmp_path / "out" / "payroll-register-2026-10.xlsx").read_table("Working").frame
    e001 = frame[frame["Employee ID"] == "E001"]
    figures = set(e001["Figure"])
    assert {"Paid Days", "PF", "ESI", "PT", "TDS"} <= figures
    text = " ".join(e001["How it was worked out"])
    assert "PF Rules from 01-06-2018" in text
    assert "ESI Rules from 01-07-2019" in text


def test_pre_checks_list_who_cannot_be_paid(payroll: Callable[..., Any], tmp_path: Path) -> None:
    run = payroll()
    problems = [i.problem for i in run.issues if i.sheet == "Employees"]
    assert "E003: PF member without a UAN; left out of the ECR" in problems
    assert "E003: PAN missing or invalid: TDS must be at least 20% (s.206AA)" in problems
    assert "E003: bank account or IFSC missing or invalid; left out of the bank file" in problems
    with (tmp_path / "out" / "bank-salary-2026-10.csv").open() as handle:
        paid = [row["Account Number"] for row in csv.DictReader(handle)]
    assert paid == ["50100012345678", "50100012345679"]


def test_ecr_lines(payroll: Callable[..., Any], tmp_path: Path) -> None:
    run = payroll()
    ravi = next(line for line in run.lines if line.employee.employee_id == "E001")
    lines = (tmp_path / "out" / "ecr-2026-10.txt").read_text().splitlines()
    assert len(lines) == 2  # E003 has no UAN
    fields = lines[0].split("#~#")
    assert fields == [
        "100123456789",
        "RAVI PATIL",
        str(int(ravi.gross.quantize(D(1)))),
        "11226",
        "11226",
        "11226",
        "1347",
        "935",
        "412",
        "2",
        "0",
    ]


def test_journal_balances(payroll: Callable[..., Any], tmp_path: Path) -> None:
    payroll()
    journal = (
        FileBook(tmp_path / "out" / "payroll-register-2026-10.xlsx").read_table("Journal").frame
    )
    debit = sum(D(str(v)) for v in journal["Debit"] if v is not None)
    credit = sum(D(str(v)) for v in journal["Credit"] if v is not None)
    assert debit == credit
    assert "Salaries Payable" in set(journal["Account"])


def test_esi_upload_and_payslips(payroll: Callable[..., Any], tmp_path: Path) -> None:
    payroll()
    esi = FileBook(tmp_path / "out" / "esi-2026-10.xlsx").read_table("ESI Contribution").frame
    assert list(esi.columns)[:2] == ["IP Number", "IP Name"]
    assert esi["IP Name"].tolist() == ["Ravi Patil"]
    slips = sorted(p.name for p in (tmp_path / "out" / "payslips-2026-10").iterdir())
    assert slips == ["E001.xlsx", "E002.xlsx", "E003.xlsx"]
    sheet = openpyxl.load_workbook(tmp_path / "out" / "payslips-2026-10" / "E001.xlsx")["Payslip"]
    texts = [c for row in sheet.iter_rows(values_only=True) for c in row if isinstance(c, str)]
    assert "Payslip for October 2026" in texts
    assert any(t.startswith("Rupees ") and t.endswith(" Only") for t in texts)
    assert sheet.page_setup.paperSize == 9


def test_payslip_names_stay_in_their_folder() -> None:
    names = payslip_names(["../../etc/passwd", "E 001/A"])
    assert names == {
        "../../etc/passwd": "etc_passwd-3754d6cb.xlsx",
        "E 001/A": "E_001_A-1ba727eb.xlsx",
    }


def test_year_to_date_from_earlier_registers(payroll: Callable[..., Any], tmp_path: Path) -> None:
    september = payroll(month="2026-09", payslips=False)
    october = payroll(month="2026-10", payslips=False)
    asha_sep = next(line for line in september.lines if line.employee.employee_id == "E002")
    asha_oct = next(line for line in october.lines if line.employee.employee_id == "E002")
    assert asha_sep.tds > 0
    assert abs(asha_oct.tds - asha_sep.tds) <= 1  # the year's tax spread evenly across the months


def test_months_remaining() -> None:
    assert [
        months_remaining(__import__("datetime").date(2026, m, 1)) for m in (4, 10, 12, 1, 3)
    ] == [12, 6, 4, 3, 1]


@pytest.mark.libreoffice
def test_payslip_prints_on_one_a4_page(
    payroll: Callable[..., Any], tmp_path: Path, libreoffice: Callable[[Path, str], Path]
) -> None:
    payroll()
    outdir = libreoffice(tmp_path / "out" / "payslips-2026-10" / "E002.xlsx", "pdf")
    pdf = (outdir / "E002.pdf").read_bytes()
    assert len(re.findall(rb"/Type\s*/Page[^s]", pdf)) == 1
    assert b"/MediaBox [0 0 595" in pdf or b"/MediaBox[0 0 595" in pdf  # A4 width in points


def test_esi_cover_continues_to_the_end_of_the_period(
    xlsx: Callable[..., Path], tmp_path: Path
) -> None:
    """Covered in April (gross 20,000), still covered in September after a raise to 24,000."""

    def master(basic: int, name: str) -> Path:
        row = [
            "E001",
            "Ravi Patil",
            "Male",
            "01-01-1990",
            "01-04-2020",
            None,
            "Maharashtra",
            "ABCPP1234K",
            "100123456789",
            "3100012345",
            "50100012345678",
            "HDFC0001234",
            "New",
            basic,
            0,
            0,
            "Yes",
            0,
        ]
        return xlsx(
            {
                "Company": [["Name", "State"], ["Sahyadri", "Maharashtra"]],
                "Employees": [EMPLOYEE, row],
            },
            name=name,
        )

    out = tmp_path / "payroll"
    april = run_payroll(master(20000, "april.xlsx"), "2026-04", out, payslips=False)
    assert april.lines[0].esi_covered
    september = run_payroll(master(24000, "september.xlsx"), "2026-09", out, payslips=False)
    assert september.lines[0].esi_covered
    assert september.lines[0].esi_employee == D(180)
    october = run_payroll(master(24000, "october.xlsx"), "2026-10", out, payslips=False)
    assert not october.lines[0].esi_covered  # a new period begins above the ceiling


def test_old_regime_declarations_reduce_tds(xlsx: Callable[..., Path], tmp_path: Path) -> None:
    row = [
        "E002",
        "Asha Rao",
        "Female",
        "14-05-1988",
        "01-06-2016",
        None,
        "Karnataka",
        "ABCPR1234K",
        "100123456790",
        None,
        "50100012345679",
        "ICIC0000012",
        "Old",
        90000,
        36000,
        24000,
        "No",
        0,
    ]
    sheets = {
        "Company": [["Name", "State"], ["Sahyadri", "Maharashtra"]],
        "Employees": [EMPLOYEE, row],
    }
    plain = run_payroll(xlsx(sheets, name="plain.xlsx"), "2026-10", tmp_path / "a", payslips=False)
    declarations = [
        ["Employee ID", "Financial Year", "Section", "Amount"],
        ["E002", "2026-27", "80C", 140000],
        ["E002", "2026-27", "80D", 25000],
        ["E002", "2026-27", "80CCD(1B)", 80000],
        ["E002", "2025-26", "80D", 99999],
        ["E002", "2026-27", "80Z", 5000],
    ]
    declared = run_payroll(
        xlsx({**sheets, "Declarations": declarations}, name="declared.xlsx"),
        "2026-10",
        tmp_path / "b",
        payslips=False,
    )
    assert declared.lines[0].tds < plain.lines[0].tds
    how = dict(declared.lines[0].working)["Declarations"]
    assert (
        "80C 1,50,000.00 (declared 1,40,000.00 + PF 21,600.00, cap 1,50,000.00)" in how
        and "80D 25,000.00" in how
        and "80CCD(1B) 50,000.00 (capped at 50,000.00)" in how
    )
    assert any("'80Z' is not a section xlbo knows" in i.problem for i in declared.issues)
