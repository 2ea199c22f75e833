"""Gratuity, bonus, the pay-by date and the full-and-final settlement, from literal sheets."""

from __future__ import annotations

from collections import defaultdict
from datetime import date
from decimal import Decimal
from pathlib import Path
from typing import Any

import openpyxl
import pytest

from tests.conftest import write_xlsx
from tests.hostile.harness import Folder, run_xlbo
from xlbo.cli import main
from xlbo.master.records import Employee
from xlbo.office.settlement import (
    Leaving,
    bonus,
    gratuity,
    pay_by,
    service,
    shipped_bonus_rules,
    shipped_gratuity_rules,
)

GRATUITY = shipped_gratuity_rules()
BONUS = shipped_bonus_rules()


# -- gratuity ------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("joined", "left", "fixed_term", "reason", "years", "amount"),
    [
        # 4 years 7 months: under five years, nil
        (date(2021, 4, 1), date(2025, 10, 31), False, Leaving.RESIGNATION, 0, "0"),
        # 5 years 7 months: the part year over six months counts, 6 years
        (date(2020, 4, 1), date(2025, 10, 31), False, Leaving.RESIGNATION, 6, "103846"),
        # 5 years 6 months exactly: the part year is not over six months, 5 years
        (date(2020, 5, 1), date(2025, 10, 31), False, Leaving.RESIGNATION, 5, "86538"),
        # fixed-term, 1 year 8 months, leaving after 21-11-2025 (Code on Social Security): 2 years
        (date(2025, 4, 1), date(2026, 11, 30), True, Leaving.RESIGNATION, 2, "34615"),
        # the same service before 21-11-2025: five years were needed, nil
        (date(2024, 2, 1), date(2025, 9, 30), True, Leaving.RESIGNATION, 0, "0"),
        # death: no qualifying service needed
        (date(2023, 1, 1), date(2026, 8, 31), False, Leaving.DEATH, 4, "69231"),
    ],
    ids=[
        "4y7m-nil",
        "5y7m-six-years",
        "5y6m-five-years",
        "fixed-term-1y8m",
        "fixed-term-before-code",
        "death-3y8m",
    ],
)
def test_gratuity(
    joined: date, left: date, fixed_term: bool, reason: Leaving, years: int, amount: str
) -> None:
    found = gratuity(Decimal(30000), joined, left, GRATUITY, fixed_term=fixed_term, leaving=reason)
    assert found.amount == Decimal(amount)
    assert found.years_counted == years
    assert found.eligible is (amount != "0")


def test_gratuity_is_capped_at_twenty_lakh_and_says_so() -> None:
    found = gratuity(Decimal(250000), date(1995, 6, 1), date(2026, 5, 31), GRATUITY)
    assert str(found.service) == "31 years 0 months 0 days"
    # 15/26 × 2,50,000 × 31 = 44,71,154 → the cap
    assert found.amount == Decimal(2000000)
    assert found.capped
    assert "capped at 20,00,000.00" in found.how


def test_service_counts_both_ends() -> None:
    assert str(service(date(2020, 4, 1), date(2025, 10, 31))) == "5 years 7 months 0 days"
    assert str(service(date(2020, 1, 31), date(2020, 2, 28))) == "0 years 0 months 29 days"


# -- bonus ---------------------------------------------------------------------------------------


def _employee(**fields: Any) -> Employee:
    row = {
        "Employee ID": "E1",
        "Name": "Asha Patil",
        "Gender": "Female",
        "Date of Birth": date(1990, 1, 1),
        "Date of Joining": date(2020, 4, 1),
        "Work State": "Maharashtra",
        "Basic": 12000,
    }
    row.update(fields)
    return Employee.model_validate(row)


def test_bonus_is_at_least_8_33_percent_of_7000_a_month() -> None:
    year = (date(2025, 4, 1), date(2026, 3, 31))
    found = bonus(_employee(Basic=12000), *year, BONUS)
    assert found.eligible
    assert found.counted_salary == Decimal("84000.00")  # 12 × 7,000, not 12 × 12,000
    assert found.amount == Decimal(6997)  # 8.33% of 84,000 = 6,997.20
    assert bonus(_employee(Basic=12000), *year, BONUS, Decimal("0.20")).amount == Decimal(16800)


def test_bonus_is_counted_on_the_minimum_wage_when_it_is_higher() -> None:
    rules = [r.model_copy(update={"minimum_wage": Decimal(10000)}) for r in BONUS]
    found = bonus(_employee(Basic=15000), date(2025, 4, 1), date(2026, 3, 31), rules)
    assert found.amount == Decimal(9996)  # 8.33% of 12 × 10,000


@pytest.mark.parametrize(
    ("fields", "first", "last", "why"),
    [
        ({"Basic": 21001}, date(2025, 4, 1), date(2026, 3, 31), "above 21,000.00"),
        (
            {"Basic": 9000, "Date of Joining": date(2026, 3, 5)},
            date(2025, 4, 1),
            date(2026, 3, 31),
            "27 days worked, fewer than 30",
        ),
    ],
    ids=["salary-above-21000", "27-days"],
)
def test_bonus_eligibility(fields: dict[str, Any], first: date, last: date, why: str) -> None:
    found = bonus(_employee(**fields), first, last, BONUS)
    assert not found.eligible and found.amount == 0
    assert why in found.how


def test_a_bonus_rate_outside_the_act_is_refused() -> None:
    with pytest.raises(ValueError, match="outside 8.33% to 20"):
        bonus(_employee(), date(2025, 4, 1), date(2026, 3, 31), BONUS, Decimal("0.25"))


# -- pay-by date ---------------------------------------------------------------------------------


def test_pay_by_is_two_working_days_later_skipping_sundays_and_holidays() -> None:
    assert pay_by(date(2026, 11, 27)) == date(2026, 11, 30)  # Fri → Sat, (Sun), Mon
    assert pay_by(date(2026, 11, 27), {date(2026, 11, 30)}) == date(2026, 12, 1)
    assert pay_by(date(2026, 11, 24)) == date(2026, 11, 26)  # Tue → Thu


# -- the full-and-final --------------------------------------------------------------------------

EMPLOYEES = [
    ["Employee ID", "Name", "Gender", "Date of Birth", "Date of Joining", "Work State", "PAN",
     "UAN", "Basic", "DA", "HRA", "Special Allowance", "Fixed Term", "Notice Period (days)"],
    ["E001", "Asha Patil", "Female", date(1990, 5, 1), date(2020, 4, 1), "Maharashtra",
     "ABCPP1234F", "100000000001", 30000, 0, 12000, 8000, "No", 30],
    ["E002", "Ravi Kale", "Male", date(1992, 5, 1), date(2025, 4, 1), "Maharashtra",
     "ABCPK1234F", "100000000002", 15000, 0, 5000, 0, "Yes", 0],
]  # fmt: skip


def master(tmp_path: Path, **extra: list[list[Any]]) -> Path:
    sheets: dict[str, list[list[Any]]] = {
        "Company": [["Name", "State"], ["Sahyadri Tradelinks Private Limited", "Maharashtra"]],
        "Employees": EMPLOYEES,
        "Leave Taken": [
            ["Employee ID", "Type", "From", "To", "Days"],
            ["E001", "Earned Leave", date(2026, 5, 4), date(2026, 5, 8), None],
        ],
        "Recoveries": [
            ["Employee ID", "Description", "Amount", "Account"],
            ["E001", "Salary advance", 10000, None],
            ["E002", "Laptop loan", 5000, "Loans to Staff"],
        ],
    }
    sheets.update(extra)
    return write_xlsx(tmp_path / "master.xlsx", sheets)


def _rows(path: Path, sheet: str) -> list[tuple[Any, ...]]:
    book = openpyxl.load_workbook(path, read_only=True)
    rows = list(book[sheet].iter_rows(values_only=True))
    book.close()
    return rows


def _table(path: Path, sheet: str, first: str) -> list[dict[str, Any]]:
    rows = _rows(path, sheet)
    start = next(i for i, row in enumerate(rows) if row and row[0] == first)
    header = rows[start]
    return [dict(zip(header, row, strict=False)) for row in rows[start + 1 :] if any(row)]


def test_a_full_and_final_whose_journal_balances_and_pay_by_skips_a_sunday(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = master(tmp_path)
    code = main(
        ["final-settlement", str(path), "--employee", "e001", "--leaving", "27-11-2026",
         "--notice-given", "10-11-2026", "--out", str(tmp_path / "fnf")]
    )  # fmt: skip
    said = capsys.readouterr().out
    assert code == 0, said
    # Friday 27-11-2026: Saturday is a working day, Sunday is not, so Monday 30-11-2026
    assert "net payable Rs 1,93,641.00, pay by 30-11-2026" in said
    out = tmp_path / "fnf" / "final-settlement-E001.xlsx"
    settlement = {r["Particulars"]: r for r in _table(out, "Settlement", "Particulars")}
    assert settlement["Salary 01-11-2026 to 27-11-2026 (27 days paid)"]["Earnings"] == 45000
    assert settlement["Gratuity (7 years counted)"]["Earnings"] == 121154  # 6y 7m 27d
    assert settlement["Leave encashment: 53 days of Earned Leave"]["Earnings"] == 61154
    assert settlement["Notice pay recovered (13 days short)"]["Deductions"] == 21667
    assert settlement["Recovery: Salary advance"]["Deductions"] == 10000
    assert settlement["Net payable to the employee"]["Earnings"] == 193641
    journal = _table(out, "Settlement Journal", "Date")
    totals: dict[str, list[Decimal]] = defaultdict(lambda: [Decimal(0), Decimal(0)])
    for line in journal:
        totals[line["Voucher No"]][0] += Decimal(str(line["Debit"] or 0))
        totals[line["Voucher No"]][1] += Decimal(str(line["Credit"] or 0))
    assert set(totals) == {"FNF/E001/SAL", "FNF/E001"}
    assert all(debit == credit for debit, credit in totals.values()), totals
    accounts = {line["Account"]: line for line in journal if line["Voucher No"] == "FNF/E001"}
    assert accounts["Full and Final Settlement Payable"]["Credit"] == 193641
    assert accounts["Gratuity"]["Debit"] == 121154
    assert accounts["Salary Advances"]["Credit"] == 10000
    letter = [row[0] for row in _rows(out, "Settlement Letter") if row and row[0]]
    assert "The amount will be credited to your bank account by 30-11-2026." in letter


def test_a_fixed_term_employee_gets_gratuity_after_one_year_and_a_loan_recovered(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = master(
        tmp_path,
        Holidays=[["Date", "Holiday"], [date(2026, 12, 2), "Office holiday"]],
    )
    code = main(
        ["final-settlement", str(path), "--employee", "E002", "--leaving", "30-11-2026",
         "--out", str(tmp_path / "fnf")]
    )  # fmt: skip
    said = capsys.readouterr().out
    assert code == 0, said
    # Monday 30-11: Tuesday, (Wednesday a holiday), Thursday
    assert "pay by 03-12-2026" in said
    out = tmp_path / "fnf" / "final-settlement-E002.xlsx"
    settlement = {r["Particulars"]: r for r in _table(out, "Settlement", "Particulars")}
    # 1 year 8 months: 2 years; 15/26 × 15,000 × 2
    assert settlement["Gratuity (2 years counted)"]["Earnings"] == 17308
    # bonus 01-04-2026 to 30-11-2026 on 7,000 a month: 8.33% × 56,000
    assert settlement["Statutory bonus to the leaving day"]["Earnings"] == 4665
    journal = _table(out, "Settlement Journal", "Date")
    assert any(line["Account"] == "Loans to Staff" and line["Credit"] == 5000 for line in journal)
    debit = sum(Decimal(str(line["Debit"] or 0)) for line in journal)
    credit = sum(Decimal(str(line["Credit"] or 0)) for line in journal)
    assert debit == credit


@pytest.mark.parametrize(
    ("args", "words"),
    [
        (["--employee", "E404", "--leaving", "27-11-2026"], ["no employee 'E404'", "E001"]),
        (["--employee", "E001", "--leaving", "27-11-2019"], ["before E001's Date of Joining",
                                                              "01-04-2020"]),
        (["--employee", "E001", "--leaving", "27-11-2026", "--bonus-rate", "25%"],
         ["--bonus-rate", "outside 8.33% to 20"]),
        (["--employee", "E001", "--leaving", "27-11-2026", "--reason", "Absconded"],
         ["--reason Absconded", "Resignation"]),
    ],
    ids=["unknown-employee", "leaving-before-joining", "bonus-rate", "reason"],
)  # fmt: skip
def test_bad_input_is_a_plain_message(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], args: list[str], words: list[str]
) -> None:
    path = master(tmp_path)
    folder = Folder(tmp_path)
    code = main(["final-settlement", str(path), *args, "--out", str(tmp_path / "fnf")])
    said = capsys.readouterr()
    assert code == 2
    for word in words:
        assert word in said.err, said.err
    folder.unchanged()


def test_an_unknown_employee_in_its_own_process(tmp_path: Path) -> None:
    path = master(tmp_path)
    folder = Folder(tmp_path)
    outcome = run_xlbo(
        "final-settlement", path, "--employee", "E999", "--leaving", "27-11-2026", "--out",
        "fnf", cwd=tmp_path,
    )  # fmt: skip
    outcome.plain()
    assert "no employee 'E999' on the Employees sheet" in outcome.err
    assert outcome.peak_mb < 2048
    folder.unchanged()


def test_another_employees_bad_row_is_no_part_of_the_settlement(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    bad = [list(row) for row in EMPLOYEES]
    bad[2][8] = "fifteen thousand"  # E002's Basic
    path = master(tmp_path, Employees=bad)
    code = main(
        ["final-settlement", str(path), "--employee", "E001", "--leaving", "27-11-2026",
         "--out", str(tmp_path / "fnf")]
    )  # fmt: skip
    assert code == 0, capsys.readouterr().out
    issues = _table(tmp_path / "fnf" / "final-settlement-E001.xlsx", "Issues", "Severity")
    assert not [i for i in issues if i["Sheet"] == "Employees"]
    code = main(
        ["final-settlement", str(path), "--employee", "E002", "--leaving", "27-11-2026",
         "--out", str(tmp_path / "fnf2")]
    )  # fmt: skip
    assert code == 2
    assert "a row with a bad cell is set aside" in capsys.readouterr().err


# -- tax on the settlement -----------------------------------------------------------------------


def _salary(registers: int, tds: int = 0) -> Any:
    from xlbo.office.settlement_tax import YearSalary

    return YearSalary(
        registers=Decimal(registers), register_months=7, estimated_months=0,
        monthly_gross=Decimal(100000), leaving_month=Decimal(100000),
        tds_registers=Decimal(tds), tds_leaving_month=Decimal(0),
    )  # fmt: skip


@pytest.mark.parametrize(
    ("registers", "pan_valid", "tds", "why"),
    [
        # 6,00,000 + 1,00,000 + 2,00,000 taxable = 9,00,000 − 75,000 = 8,25,000: slab tax
        # 22,500, all rebated (87A: income up to 12 lakh)
        (600000, True, 0, "Less rebate u/s 87A"),
        # 10,00,000 + 1,00,000 + 2,00,000 = 13,00,000 − 75,000 = 12,25,000: slab 63,750, but
        # no more than the 25,000 above 12 lakh (marginal relief) + 4% cess = 26,000
        (1000000, True, 26000, "marginal relief"),
        # no PAN: at least 20% of the settlement's taxable 2,00,000 (s.206AA)
        (1000000, False, 40000, "s.206AA"),
    ],
    ids=["rebate", "marginal-relief", "no-pan"],
)
def test_tax_on_the_settlement_by_hand(registers: int, pan_valid: bool, tds: int, why: str) -> None:
    from xlbo.master.fields import TaxRegime
    from xlbo.office.settlement_tax import SettlementPay, settlement_tax
    from xlbo.payroll.tax import TaxTables

    # leave encashment 26 lakh (1 lakh above the 25 lakh exempt), gratuity 21 lakh (1 above 20)
    pay = SettlementPay(leave_encashment=Decimal(2600000), gratuity=Decimal(2100000))
    found = settlement_tax(
        _salary(registers), pay, leaving=date(2026, 11, 30), regime=TaxRegime.NEW,
        financial_year="2026-27", tables=TaxTables.shipped(), pan_valid=pan_valid,
    )  # fmt: skip
    assert found.taxable_pay == 200000
    assert found.tds == tds
    lines = {ln.particulars: ln for ln in found.lines}
    assert lines["Leave encashment: taxable part"].amount == 100000
    assert "exempt 25,00,000.00" in lines["Leave encashment: taxable part"].how
    assert lines["Gratuity: taxable part"].amount == 100000
    assert lines["Gross taxable salary"].amount == registers + 300000
    assert why in found.summary() + lines["TDS on the settlement"].how + " ".join(
        ln.how for ln in found.lines
    )


def test_the_leave_encashment_limit_follows_the_leaving_day() -> None:
    from xlbo.office.settlement_tax import Exempt, exemption

    before = exemption(Exempt.LEAVE_ENCASHMENT, date(2023, 3, 31))
    after = exemption(Exempt.LEAVE_ENCASHMENT, date(2023, 4, 1))
    assert before is not None and after is not None
    assert (before.limit, after.limit) == (300000, 2500000)


def test_a_termination_pays_notice_and_the_settlement_bears_the_years_tax(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    employees = [
        EMPLOYEES[0],
        ["E003", "Meera Desai", "Female", date(1985, 5, 1), date(2018, 4, 1), "Maharashtra",
         "ABCPD1234F", "100000000003", 150000, 0, 60000, 90000, "No", 30],
    ]  # fmt: skip
    path = master(tmp_path, Employees=employees)
    code = main(
        ["final-settlement", str(path), "--employee", "E003", "--leaving", "30-11-2026",
         "--reason", "Termination", "--notice-given", "16-11-2026", "--out",
         str(tmp_path / "fnf")]
    )  # fmt: skip
    assert code == 0, capsys.readouterr().out
    out = tmp_path / "fnf" / "final-settlement-E003.xlsx"
    settlement = {r["Particulars"]: r for r in _table(out, "Settlement", "Particulars")}
    # 30 days' notice, 14 given: 3,00,000 ÷ 30 × 16 paid in lieu
    assert settlement["Notice pay in lieu of notice (16 days)"]["Earnings"] == 160000
    assert settlement["Gratuity (9 years counted)"]["Earnings"] == 778846  # 8y 8m: 9 years
    assert settlement["Leave encashment: 59 days of Earned Leave"]["Earnings"] == 340385
    assert settlement["TDS on the settlement"]["Deductions"] == 46020
    tax = {r["Particulars"]: r for r in _table(out, "Settlement Tax", "Particulars")}
    # April to October with no register: 7 × 3,00,000; November 3,00,000; notice pay
    # 1,60,000 (leave encashment and gratuity within their limits): 25,60,000 − 75,000 =
    # 24,85,000; slabs 20,000 + 40,000 + 60,000 + 80,000 + 1,00,000 + 30% × 85,000 = 3,25,500;
    # cess 13,020: 3,38,520. The payroll deducted the tax on 23,25,000 (2,92,500) over the
    # salary: the settlement bears 46,020.
    assert next(iter(tax)).startswith("Tax on salary, s.392 of the Income-tax Act 2025, FY 2026-27")
    figures = {
        "Salary of the months with no register": 2100000,
        "Salary of the leaving month": 300000,
        "Notice pay in lieu of notice": 160000,
        "Leave encashment: taxable part": 0,
        "Gratuity: taxable part": 0,
        "Gross taxable salary": 2560000,
        "Less standard deduction": 75000,
        "Taxable income (rounded to ₹10)": 2485000,
        "Tax by slab": 325500,
        "Health and education cess 4%": 13020,
        "Tax for the year (rounded to ₹10)": 338520,
        "Less TDS on the year's salary": 292500,
        "TDS on the settlement": 46020,
    }
    assert {k: tax[k]["Amount"] or 0 for k in figures} == figures
    journal = _table(out, "Settlement Journal", "Date")
    settled = [line for line in journal if line["Voucher No"] == "FNF/E003"]
    assert any(ln["Account"] == "Notice Pay" and ln["Debit"] == 160000 for ln in settled)
    assert any(ln["Account"] == "TDS Payable - Salary (192)" and ln["Credit"] == 46020
               for ln in settled)  # fmt: skip
    debit = sum(Decimal(str(line["Debit"] or 0)) for line in settled)
    credit = sum(Decimal(str(line["Credit"] or 0)) for line in settled)
    assert debit == credit
