"""Cases a payroll accountant would check, each once wrong in an earlier version."""

from __future__ import annotations

from datetime import date
from decimal import Decimal as D
from typing import Any

from xlbo.master import defaults
from xlbo.master.fields import Gender, TaxRegime
from xlbo.master.records import Employee
from xlbo.master.rules import PFWageDefinition, PTFrequency
from xlbo.payroll.attendance import Attendance
from xlbo.payroll.compute import DaysBasis, MonthRules, YearToDate, compute
from xlbo.payroll.outputs import ecr_text
from xlbo.payroll.tax import TaxTables
from xlbo.readers.attendance import parse_days


def rules(month: date, basis: DaysBasis = DaysBasis.CALENDAR, **changes: Any) -> MonthRules:
    fy_first = month.year if month.month >= 4 else month.year - 1
    fields: dict[str, Any] = {
        "month": month,
        "pf": defaults.pf_rules()[0],
        "esi": defaults.esi_rules()[0],
        "pt_slabs": tuple(defaults.pt_slabs()),
        "lwf": tuple(defaults.lwf_rules()),
        "tax": TaxTables.shipped(),
        "financial_year": f"{fy_first}-{(fy_first + 1) % 100:02d}",
        "months_remaining": (3 - month.month) % 12 + 1,
        "basis": basis,
    }
    fields.update(changes)
    return MonthRules(**fields)


def person(**changes: Any) -> Employee:
    base: dict[str, Any] = {
        "employee_id": "E1",
        "name": "Asha Rao",
        "gender": Gender.FEMALE,
        "date_of_birth": date(1988, 5, 14),
        "date_of_joining": date(2016, 6, 1),
        "work_state": "Karnataka",
        "basic": D(50000),
        "hra": D(20000),
        "eps_eligible": False,
    }
    base.update(changes)
    return Employee(**base)


def test_a_leaver_is_not_taxed_on_months_after_leaving() -> None:
    leaver = person(basic=D(150000), hra=D(100000), date_of_leaving=date(2026, 10, 31))
    line = compute(
        leaver,
        rules(date(2026, 10, 1)),
        Attendance(),
        YearToDate(gross=D(1500000), tds=D(237900), months=6),
    )
    assert line.tds == 0  # the year's tax (on 17.5 lakh) is already more than covered


def test_senior_for_the_whole_year_from_the_first_month() -> None:
    turning_60 = person(
        date_of_birth=date(1967, 2, 15), tax_regime=TaxRegime.OLD, basic=D(60000), hra=D(0)
    )
    line = compute(turning_60, rules(date(2026, 4, 1)), Attendance(), YearToDate())
    assert line.tds == D(
        3396
    )  # senior slabs from April: tax 40,750 a year (PT 2,500 and PF in 80C)


def test_tamil_nadu_half_yearly_pt_on_the_real_half_year() -> None:
    joiner = person(
        work_state="Tamil Nadu", basic=D(5000), hra=D(0), date_of_joining=date(2026, 9, 1)
    )
    assert compute(joiner, rules(date(2026, 9, 1)), Attendance(), YearToDate()).pt == 0
    all_half = person(work_state="Tamil Nadu", basic=D(8000), hra=D(0))
    assert compute(all_half, rules(date(2026, 9, 1)), Attendance(), YearToDate()).pt == D(
        930
    )  # 48,000 a half


def test_yearly_pt_rows_are_on_a_years_income() -> None:
    yearly = [
        s.model_copy(
            update={"state": "Kerala", "frequency": PTFrequency.YEARLY, "deduction_months": (3,)}
        )
        for s in defaults.pt_slabs()
        if s.state == "West Bengal"
    ]
    line = compute(
        person(work_state="Kerala", basic=D(3000), hra=D(0)),
        rules(date(2027, 3, 1), pt_slabs=tuple(yearly)),
        Attendance(),
        YearToDate(),
    )
    assert line.pt == D(150)  # West Bengal's slabs reused as a yearly table: 36,000 a year → 150


def test_fixed_30_day_month_with_paid_days() -> None:
    february = compute(
        person(),
        rules(date(2027, 2, 1), DaysBasis.THIRTY),
        Attendance(paid_days=D(28)),
        YearToDate(),
    )
    assert february.earnings["Basic"] == D(50000)  # full attendance is a full month
    one_off = compute(
        person(),
        rules(date(2026, 10, 1), DaysBasis.TWENTY_SIX),
        Attendance(paid_days=D(30)),
        YearToDate(),
    )
    assert one_off.earnings["Basic"] == D("48076.92")  # one day's leave out of 26
    assert one_off.ncp_days == 1


def test_esi_continues_for_a_mid_period_joiner_covered_earlier() -> None:
    raised = person(basic=D(15000), hra=D(7000), date_of_joining=date(2026, 5, 10))
    line = compute(
        raised,
        rules(date(2026, 8, 1)),
        Attendance(),
        YearToDate(esi_covered_at_period_start=True, months=3),
    )
    assert (line.esi_covered, line.esi_employee, line.esi_employer) == (True, D(165), D(715))


def test_overtime_counts_in_the_labour_code_fifty_percent_test() -> None:
    code = defaults.pf_rules()[0].model_copy(
        update={"wage_definition": PFWageDefinition.LABOUR_CODE_50}
    )
    line = compute(
        person(basic=D(10000), hra=D(10000)),
        rules(date(2026, 10, 1), pf=code),
        Attendance(overtime=D(10000)),
        YearToDate(),
    )
    assert line.pf_wage == D(15000)


def test_voluntary_pf_is_on_actual_pf_wages() -> None:
    line = compute(person(voluntary_pf=D(1)), rules(date(2026, 10, 1)), Attendance(), YearToDate())
    assert line.vpf == D(50000)


def test_no_lwf_for_someone_gone_before_the_last_day() -> None:
    gone = person(date_of_leaving=date(2026, 12, 10))
    assert compute(gone, rules(date(2026, 12, 1)), Attendance(), YearToDate()).lwf_employee == 0
    stays = person()
    assert compute(stays, rules(date(2026, 12, 1)), Attendance(), YearToDate()).lwf_employee == D(
        50
    )


def test_ecr_wages_in_whole_rupees_fifty_paise_up_match_the_shares() -> None:
    half_rupee = person(basic=D("14995.50"), hra=D(0), uan="100123456789", eps_eligible=True)
    line = compute(half_rupee, rules(date(2026, 10, 1)), Attendance(), YearToDate())
    fields = ecr_text([line]).strip().split("#~#")
    assert fields[3] == "14996"
    assert fields[6] == "1800"  # 12% of 14,996, as EPFO checks it


def test_no_pan_means_tds_of_at_least_twenty_percent() -> None:
    with_pan = compute(person(), rules(date(2026, 10, 1)), Attendance(), YearToDate())
    without = compute(
        person(), rules(date(2026, 10, 1)), Attendance(), YearToDate(), pan_valid=False
    )
    assert without.tds > with_pan.tds


def test_half_days_of_leave() -> None:
    assert parse_days("2.5") == D("2.5")
    line = compute(person(), rules(date(2026, 10, 1)), Attendance(lop_days=D("1.5")), YearToDate())
    assert line.paid_days == D("29.5")
