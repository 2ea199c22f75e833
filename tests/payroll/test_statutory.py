"""Worked examples of the statutory engines, each named after the rule it shows."""

from __future__ import annotations

from datetime import date
from decimal import Decimal as D

import pytest

from xlbo.master.defaults import esi_rules, lwf_rules, pf_rules, pt_slabs
from xlbo.master.fields import Gender, TaxRegime
from xlbo.master.rules import AgeGroup, PFWageDefinition
from xlbo.payroll.esi import employees_state_insurance, period_start
from xlbo.payroll.lwf import labour_welfare_fund
from xlbo.payroll.pf import pf_wage, provident_fund
from xlbo.payroll.pt import professional_tax
from xlbo.payroll.rules import in_force
from xlbo.payroll.tax import TaxTables, income_tax, monthly_tds

PF = pf_rules()[0]
ESI = esi_rules()[0]
TABLES = TaxTables.shipped()


@pytest.mark.parametrize(
    ("rule", "wage", "eligible", "on_actual", "expected"),
    [
        # (employee, employer, eps, epf employer, edli)
        (
            "employer split: EPS 549.78 rounds to 550, EPF is the difference 242",
            D(6600),
            True,
            False,
            (792, 792, 550, 242, 33),
        ),
        (
            "ceiling: contributions on 15,000 though wages are 40,000",
            D(40000),
            True,
            False,
            (1800, 1800, 1250, 550, 75),
        ),
        (
            "no EPS: joined after Sep 2014 above the ceiling; all 12% to EPF",
            D(40000),
            False,
            False,
            (1800, 1800, 0, 1800, 75),
        ),
        (
            "actual wages by joint option; EPS and EDLI still on the ceiling",
            D(40000),
            True,
            True,
            (4800, 4800, 1250, 3550, 75),
        ),
        ("exactly at the ceiling", D(15000), True, False, (1800, 1800, 1250, 550, 75)),
    ],
)
def test_provident_fund(
    rule: str, wage: D, eligible: bool, on_actual: bool, expected: tuple[int, ...]
) -> None:
    result = provident_fund(wage, wage, PF, eps_eligible=eligible, on_actual=on_actual)
    assert (
        result.employee,
        result.employer,
        result.eps,
        result.epf_employer,
        result.edli,
    ) == tuple(map(D, expected)), rule
    assert result.working


def test_voluntary_pf_is_the_employees_alone() -> None:
    result = provident_fund(D(42000), D(67800), PF, on_actual=True, voluntary_rate=D("0.05"))
    assert result.vpf == D(2100)
    assert result.employer == D(5040)


def test_labour_code_wage_definition_adds_allowances_above_half() -> None:
    rule = PF.model_copy(update={"wage_definition": PFWageDefinition.LABOUR_CODE_50})
    assert pf_wage(D(20000), D(60000), rule) == D(
        30000
    )  # allowances 40,000 exceed half (30,000) by 10,000
    assert pf_wage(D(40000), D(60000), rule) == D(40000)
    assert pf_wage(D(20000), D(60000), PF) == D(20000)


@pytest.mark.parametrize(
    ("rule", "gross", "days", "disabled", "period", "expected"),
    [
        (
            "rounded up: 0.75% of 53,494.67 is 401.21, paid as 402",
            D("53494.67"),
            26,
            False,
            True,
            (True, 402, 1739),
        ),
        ("within the ceiling", D(21000), 30, False, None, (True, 158, 683)),
        (
            "above the ceiling at the period start: not covered",
            D(21001),
            30,
            False,
            None,
            (False, 0, 0),
        ),
        (
            "period continuation: covered in April stays covered in September above the ceiling",
            D(23000),
            30,
            False,
            True,
            (True, 173, 748),
        ),
        ("disability: covered up to 25,000", D(24000), 30, True, None, (True, 180, 780)),
        (
            "low wage: daily wage at most 176, no employee share",
            D(5000),
            30,
            False,
            None,
            (True, 0, 163),
        ),
    ],
)
def test_esi(
    rule: str,
    gross: D,
    days: int,
    disabled: bool,
    period: bool | None,
    expected: tuple[bool, int, int],
) -> None:
    result = employees_state_insurance(
        gross, gross, days, ESI, disabled=disabled, covered_at_period_start=period
    )
    assert (result.covered, result.employee, result.employer) == (
        expected[0],
        D(expected[1]),
        D(expected[2]),
    ), rule


def test_esi_contribution_periods() -> None:
    assert period_start(date(2026, 9, 1)) == date(2026, 4, 1)
    assert period_start(date(2026, 10, 1)) == date(2026, 10, 1)
    assert period_start(date(2027, 3, 1)) == date(2026, 10, 1)


@pytest.mark.parametrize(
    ("rule", "state", "gross", "month", "gender", "expected"),
    [
        (
            "Maharashtra men above 10,000",
            "Maharashtra",
            D(30000),
            date(2026, 10, 1),
            Gender.MALE,
            200,
        ),
        ("Maharashtra February 300", "Maharashtra", D(30000), date(2027, 2, 1), Gender.MALE, 300),
        (
            "Maharashtra men 7,501-10,000",
            "Maharashtra",
            D(9000),
            date(2026, 10, 1),
            Gender.MALE,
            175,
        ),
        (
            "Maharashtra women up to 25,000 pay nil",
            "Maharashtra",
            D(25000),
            date(2026, 10, 1),
            Gender.FEMALE,
            0,
        ),
        (
            "Maharashtra women above 25,000",
            "Maharashtra",
            D("25000.01"),
            date(2026, 10, 1),
            Gender.FEMALE,
            200,
        ),
        (
            "Karnataka below 25,000 nil",
            "Karnataka",
            D("24999.99"),
            date(2026, 10, 1),
            Gender.MALE,
            0,
        ),
        ("Karnataka from 25,000", "Karnataka", D(25000), date(2026, 10, 1), Gender.MALE, 200),
        ("Karnataka February", "Karnataka", D(25000), date(2027, 2, 1), Gender.FEMALE, 300),
        ("West Bengal 15,001-25,000", "West Bengal", D(20000), date(2026, 10, 1), None, 130),
        (
            "Tamil Nadu deducts half-yearly in September",
            "Tamil Nadu",
            D(40000),
            date(2026, 9, 1),
            None,
            1250,
        ),
        ("Tamil Nadu nothing in October", "Tamil Nadu", D(40000), date(2026, 10, 1), None, 0),
        ("Delhi levies none", "Delhi", D(90000), date(2026, 10, 1), Gender.MALE, 0),
    ],
)
def test_professional_tax(
    rule: str, state: str, gross: D, month: date, gender: Gender | None, expected: int
) -> None:
    assert professional_tax(pt_slabs(), state, gross, month, gender) == D(expected), rule


def test_labour_welfare_fund_months() -> None:
    assert labour_welfare_fund(lwf_rules(), "Maharashtra", date(2026, 12, 1)) == (D(25), D(75))
    assert labour_welfare_fund(lwf_rules(), "Maharashtra", date(2026, 10, 1)) == (D(0), D(0))
    assert labour_welfare_fund(lwf_rules(), "Karnataka", date(2026, 12, 1)) == (D(50), D(100))
    assert labour_welfare_fund(lwf_rules(), "Delhi", date(2026, 12, 1)) == (D(0), D(0))


@pytest.mark.parametrize(
    ("rule", "income", "regime", "age", "expected"),
    [
        ("87A rebate: nil up to 12 lakh", D(1200000), TaxRegime.NEW, AgeGroup.BELOW_60, 0),
        (
            "87A marginal relief: 12,10,000 pays 10,000 + cess",
            D(1210000),
            TaxRegime.NEW,
            AgeGroup.BELOW_60,
            10400,
        ),
        ("past the relief: 13 lakh by slab", D(1300000), TaxRegime.NEW, AgeGroup.BELOW_60, 78000),
        ("no surcharge at 50 lakh", D(5000000), TaxRegime.NEW, AgeGroup.BELOW_60, 1123200),
        (
            "surcharge marginal relief just above 50 lakh",
            D(5010000),
            TaxRegime.NEW,
            AgeGroup.BELOW_60,
            1133600,
        ),
        (
            "surcharge marginal relief just above 1 crore",
            D(10010000),
            TaxRegime.NEW,
            AgeGroup.BELOW_60,
            2961920,
        ),
        ("old regime: rebate up to 5 lakh", D(500000), TaxRegime.OLD, AgeGroup.BELOW_60, 0),
        ("old regime 10 lakh", D(1000000), TaxRegime.OLD, AgeGroup.BELOW_60, 117000),
        ("old regime senior: 3 lakh exemption", D(600000), TaxRegime.OLD, AgeGroup.SENIOR, 31200),
        (
            "taxable income rounded to 10 first",
            D("1300004.99"),
            TaxRegime.NEW,
            AgeGroup.BELOW_60,
            78000,
        ),
    ],
)
def test_income_tax(rule: str, income: D, regime: TaxRegime, age: AgeGroup, expected: int) -> None:
    assert income_tax(income, regime, "2026-27", TABLES, age).total == D(expected), rule


def test_old_versus_new_regime_on_the_same_salary() -> None:
    new = income_tax(D(1500000) - 75000, TaxRegime.NEW, "2026-27", TABLES).total
    old = income_tax(D(1500000) - 50000 - 150000, TaxRegime.OLD, "2026-27", TABLES).total
    assert (new, old) == (D(97500), D(210600))


def test_monthly_tds_spreads_what_is_left() -> None:
    assert monthly_tds(D(120000), D(50000), 6) == D(11667)
    assert monthly_tds(D(10000), D(12000), 3) == D(0)
    with pytest.raises(ValueError, match="at least 1"):
        monthly_tds(D(1), D(0), 0)


def test_rule_rows_in_force() -> None:
    later = PF.model_copy(update={"effective_from": date(2027, 1, 1), "wage_ceiling": D(25000)})
    assert in_force([PF, later], date(2026, 10, 1), "PF").wage_ceiling == D(15000)
    assert in_force([PF, later], date(2027, 1, 1), "PF").wage_ceiling == D(25000)
    with pytest.raises(ValueError, match="no PF row is in force on 01-01-2000"):
        in_force([PF], date(2000, 1, 1), "PF")
