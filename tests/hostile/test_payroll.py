"""Hostile inputs to `xlbo payroll`: IDs that would clash or leave the folder as file names, names
that would break the ECR and bank files, bad master rows, edited earlier registers, months and
masters with no one to pay. Each case runs in its own process (tests/hostile/harness.py)."""

from __future__ import annotations

import csv
import hashlib
from pathlib import Path
from typing import Any

import openpyxl

from tests.conftest import write_xlsx
from tests.hostile.harness import MEMORY_LIMIT_MB, Folder, Outcome, run_xlbo
from tests.payroll.test_payroll_job import EMPLOYEE, STAFF
from xlbo.jobs.payroll import run_payroll
from xlbo.master.schema import MASTER_TABLES

MONTH = "2026-10"
OUTPUTS = [
    f"out/payroll-register-{MONTH}.xlsx",
    f"out/ecr-{MONTH}.txt",
    f"out/esi-{MONTH}.xlsx",
    f"out/bank-salary-{MONTH}.csv",
]


def employee(code: str, name: str = "Ravi Patil", **cells: Any) -> list[Any]:
    """A good Employees row (E001 of the payroll tests: PF, ESI, PT, a bank account) changed."""
    values = dict(zip(EMPLOYEE, STAFF[0], strict=True))
    # an account of its own: payroll holds a second salary into one account (review F21)
    account = f"5010{int(hashlib.sha256(code.encode()).hexdigest(), 16) % 10**10:010d}"
    values.update({"Employee ID": code, "Name": name, "Bank Account": account, **cells})
    return [values[header] for header in EMPLOYEE]


#: The master's other tables, present and empty, so a clean run finds no error (exit 0).
OTHER_TABLES = {
    table.sheet: [list(table.headers)]
    for table in MASTER_TABLES
    if not table.is_rule and table.sheet not in ("Company", "Employees")
}


def master(folder: Path, *rows: list[Any]) -> Path:
    tables: dict[str, list[list[Any]]] = {
        "Company": [["Name", "State"], ["Sahyadri Tradelinks Private Limited", "Maharashtra"]],
        "Employees": [EMPLOYEE, *rows],
        **OTHER_TABLES,
    }
    return write_xlsx(folder / "master.xlsx", tables)


def payroll(folder: Path, *options: str, month: str = MONTH) -> Outcome:
    outcome = run_xlbo(
        "payroll", "master.xlsx", "--month", month, "--out", "out", *options, cwd=folder
    )
    assert outcome.peak_mb < MEMORY_LIMIT_MB
    assert "Traceback" not in outcome.said, outcome.said
    return outcome


def payslips(added: list[str]) -> list[str]:
    return sorted(
        name.removeprefix(f"out/payslips-{MONTH}/") for name in added if "payslips-" in name
    )


def test_ids_that_clean_to_the_same_name_get_a_payslip_each(tmp_path: Path) -> None:
    ids = ["SPL/001X", "SPL_001X", "SPL 001X", "spl_001x-acf0f098"]
    master(tmp_path, *(employee(code, f"Person {i}") for i, code in enumerate(ids)))
    folder = Folder(tmp_path)
    outcome = payroll(tmp_path)
    assert outcome.code == 0, outcome.said
    assert "4 employees on the master: 4 paid" in outcome.out
    added = folder.inputs_unchanged()
    assert payslips(added) == [
        "SPL_001X-96782099.xlsx",
        # the master reads IDs in capitals: 'SPL_001X-ACF0F098' is safe as it is, but meets the
        # hashed name of 'SPL/001X' on a case-blind disk, so both take a longer hash
        "SPL_001X-ACF0F098-e42ba5b7c363.xlsx",
        "SPL_001X-acf0f0987749.xlsx",
        "SPL_001X.xlsx",
    ]
    assert sorted(set(added) - {f"out/payslips-{MONTH}/{n}" for n in payslips(added)}) == sorted(
        OUTPUTS
    )


def test_ids_windows_reserves_or_that_climb_out_stay_in_the_payslip_folder(tmp_path: Path) -> None:
    ids = ["CON", "nul", "../../evil", "E1.", 'a<b>:"|?*']
    master(tmp_path, *(employee(code, f"Person {i}") for i, code in enumerate(ids)))
    folder = Folder(tmp_path)
    outcome = payroll(tmp_path)
    assert outcome.code == 0, outcome.said
    added = folder.inputs_unchanged()
    assert all(name.startswith("out/") for name in added), added
    assert payslips(added) == [
        "A_B-27908807.xlsx",
        "CON-a3dbc4b6.xlsx",
        "E1-6dc8b0dd.xlsx",
        "EVIL-20ec3688.xlsx",
        "NUL-ae6de182.xlsx",
    ]
    issues = openpyxl.load_workbook(tmp_path / OUTPUTS[0])["Issues"]
    said = " ".join(str(c) for r in issues.iter_rows(values_only=True) for c in r if c)
    assert f"../../EVIL: the payslip is payslips-{MONTH}/EVIL-20ec3688.xlsx" in said


def test_a_name_holding_the_ecr_separator_adds_no_field_and_is_reported(tmp_path: Path) -> None:
    master(tmp_path, employee("E001", "Ravi#~#99999#~#Patil"), employee("E002", "Asha~#Rao#"))
    folder = Folder(tmp_path)
    outcome = payroll(tmp_path, "--no-payslips")
    assert outcome.code == 0, outcome.said
    assert "2 warnings" in outcome.out
    assert sorted(folder.inputs_unchanged()) == sorted(OUTPUTS)
    lines = (tmp_path / OUTPUTS[1]).read_text().splitlines()
    assert [line.split("#~#")[1] for line in lines] == ["RAVI 99999 PATIL", "ASHA RAO"]
    assert {len(line.split("#~#")) for line in lines} == {11}
    issues = openpyxl.load_workbook(tmp_path / OUTPUTS[0])["Issues"]
    problems = [r[4] for r in issues.iter_rows(values_only=True) if r[0] == "Warning"]
    assert problems[0] == (
        "E001: Name holds '#~#' (the ECR field separator), which the EPFO ECR cannot carry; "
        "it has 'RAVI 99999 PATIL' there"
    )


def test_commas_quotes_and_formulas_in_a_name_keep_the_bank_file_to_six_columns(
    tmp_path: Path,
) -> None:
    master(tmp_path, employee("E001", 'Patil, Ravi "RP"'), employee("E002", "@SUM(1+1)"))
    folder = Folder(tmp_path)
    outcome = payroll(tmp_path, "--no-payslips")
    assert outcome.code == 0, outcome.said
    assert sorted(folder.inputs_unchanged()) == sorted(OUTPUTS)
    text = (tmp_path / OUTPUTS[3]).read_text()
    assert [len(line.split(",")) for line in text.splitlines()] == [6, 6, 6]  # a naive reader
    names = [row["Beneficiary Name"] for row in csv.DictReader(text.splitlines())]
    assert names == ["Patil Ravi RP", "'@SUM(1+1)"]


def test_bad_master_rows_are_listed_not_paid_with_the_reason(tmp_path: Path) -> None:
    master(
        tmp_path,
        employee("E001"),
        employee("E002", "Bad Date", **{"Date of Joining": "31/02/2024"}),
        employee("E003", "No State", **{"Work State": "Maharastra"}),
        employee("E004", "Bad IFSC", IFSC="HDFCO001234"),
        employee("E005", "Gone", **{"Date of Leaving": "30-09-2026"}),
    )
    folder = Folder(tmp_path)
    outcome = payroll(tmp_path, "--no-payslips")
    assert outcome.code == 1, outcome.said  # errors found: the exit code says so
    assert "5 employees on the master: 1 paid (₹" in outcome.out
    assert "4 not paid" in outcome.out
    listed = outcome.out.split("Not paid (4):\n")[1].splitlines()[:4]
    assert listed == [
        "  E002 Bad Date, row 3: Date of Joining: '31/02/2024' is not a real date (E3)",
        "  E003 No State, row 4: Work State: 'Maharastra' is not an Indian state or union "
        "territory (G4)",
        "  E004 Bad IFSC, row 5: bank account or IFSC missing or invalid; IFSC's 5th character "
        "is the digit 0 (zero), not the letter O (L5)",
        "  E005 Gone, row 6: left on 30-09-2026, before October 2026",
    ]
    assert sorted(folder.inputs_unchanged()) == sorted(OUTPUTS)
    summary = openpyxl.load_workbook(tmp_path / OUTPUTS[0])["Summary"]
    assert [r[0] for r in summary.iter_rows(min_row=7, values_only=True)] == [
        "E002",
        "E003",
        "E004",
        "E005",
    ]


def earlier_register(folder: Path) -> Path:
    """September's register in out/, made by the job itself (the register a user then edits)."""
    master(folder, employee("E001"), employee("E002", "Asha Rao"))
    run_payroll(folder / "master.xlsx", "2026-09", folder / "out", payslips=False)
    return folder / "out" / "payroll-register-2026-09.xlsx"


def test_an_earlier_register_with_text_in_a_money_column_is_a_plain_message(
    tmp_path: Path,
) -> None:
    path = earlier_register(tmp_path)
    book = openpyxl.load_workbook(path)
    book["Register"]["P5"] = "about two thousand"  # TDS of the second employee
    book.save(path)
    folder = Folder(tmp_path)
    outcome = payroll(tmp_path)
    outcome.plain()
    assert "payroll-register-2026-09.xlsx: Register!P5 holds 'about two thousand'" in outcome.err
    assert "not an amount of TDS" in outcome.err
    assert "run that month's payroll again" in outcome.err
    folder.unchanged()


def test_an_earlier_register_missing_a_column_is_a_plain_message(tmp_path: Path) -> None:
    path = earlier_register(tmp_path)
    book = openpyxl.load_workbook(path)
    book["Register"].delete_cols(4)  # Gross
    book.save(path)
    folder = Folder(tmp_path)
    outcome = payroll(tmp_path)
    outcome.plain()
    assert "payroll-register-2026-09.xlsx: the Register sheet has no 'Gross' column" in outcome.err
    folder.unchanged()


def test_an_earlier_register_that_is_no_workbook_is_a_plain_message(tmp_path: Path) -> None:
    master(tmp_path, employee("E001"))
    (tmp_path / "out").mkdir()
    (tmp_path / "out" / "payroll-register-2026-09.xlsx").write_text("Employee ID,Gross\nE001,x\n")
    folder = Folder(tmp_path)
    outcome = payroll(tmp_path)
    outcome.plain()
    assert "payroll-register-2026-09.xlsx" in outcome.err
    assert "year-to-date" in outcome.err
    folder.unchanged()


def test_a_master_with_no_employees_sheet_pays_no_one_and_writes_nothing(tmp_path: Path) -> None:
    write_xlsx(
        tmp_path / "master.xlsx", {"Company": [["Name", "State"], ["Sahyadri", "Maharashtra"]]}
    )
    folder = Folder(tmp_path)
    outcome = payroll(tmp_path)
    outcome.plain()
    assert "master.xlsx has no employees to pay" in outcome.err
    folder.unchanged()
    assert not (tmp_path / "out").exists()  # not even an empty folder


def test_months_outside_the_years_or_the_rules_are_plain_messages(tmp_path: Path) -> None:
    master(tmp_path, employee("E001"))
    folder = Folder(tmp_path)
    far = payroll(tmp_path, month="9999-12")
    far.plain()
    assert "9999" in far.err
    early = payroll(tmp_path, month="1950-01")
    early.plain()
    assert "no PF Rules row is in force on 01-01-1950" in early.err
    folder.unchanged()


def test_an_id_typed_twice_in_other_case_is_paid_once_and_the_repeat_listed(
    tmp_path: Path,
) -> None:
    master(tmp_path, employee("spl001", "First"), employee("SPL001", "Second"))
    folder = Folder(tmp_path)
    outcome = payroll(tmp_path)
    assert outcome.code == 1, outcome.said
    assert "2 employees on the master: 1 paid (₹" in outcome.out
    assert (
        "  SPL001 Second, row 3: Employee ID SPL001 appears again (first in row 2)" in outcome.out
    )
    assert payslips(folder.inputs_unchanged()) == ["SPL001.xlsx"]


def test_a_very_long_id_and_name_give_a_short_file_name_and_one_ecr_line(tmp_path: Path) -> None:
    long_id = "E" + "9" * 250
    master(tmp_path, employee(long_id, "Ravi " * 400 + "#~#1"))
    folder = Folder(tmp_path)
    outcome = payroll(tmp_path)
    assert outcome.code == 0, outcome.said
    [slip] = payslips(folder.inputs_unchanged())
    assert slip.startswith("E" + "9" * 47 + "-") and len(slip) == 62
    [line] = (tmp_path / OUTPUTS[1]).read_text().splitlines()
    assert len(line.split("#~#")) == 11
