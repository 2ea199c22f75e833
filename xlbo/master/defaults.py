"""Shipped defaults for the rule sheets and the chart of accounts.

Facts from ../shared/domain/india-statutory.md (as of November 2026). A fresh master workbook is
pre-filled with these rows; the accountant edits or adds rows when the law changes. Where the law
is unsettled (the Labour Code's PF wage definition, a higher PF ceiling), the rule is a column and
the default is the one named here.
"""

from __future__ import annotations

from datetime import date
from decimal import Decimal as D

from xlbo.master.accounts import DEFAULT_CHART, NATURE_OF_GROUP, SUB_GROUPS
from xlbo.master.fields import TaxRegime
from xlbo.master.records import Account
from xlbo.master.rules import (
    AgeGroup,
    ESIRule,
    GSTRate,
    IncomeTaxRule,
    IncomeTaxSlab,
    LWFRule,
    PFRule,
    PFWageDefinition,
    PTFrequency,
    PTGender,
    PTSlab,
    Rounding,
    SurchargeSlab,
)

NEW, OLD = TaxRegime.NEW, TaxRegime.OLD
TAX_YEARS = ("2025-26", "2026-27")
"""Financial years whose income-tax tables ship (unchanged between the two)."""


def pf_rules() -> list[PFRule]:
    return [
        PFRule(
            effective_from=date(2018, 6, 1),
            wage_definition=PFWageDefinition.BASIC_DA,
            wage_ceiling=D(15000),
            employee_rate=D("0.12"),
            employer_rate=D("0.12"),
            eps_rate=D("0.0833"),
            edli_rate=D("0.005"),
            admin_rate=D("0.005"),
            admin_minimum=D(500),
            eps_age_limit=58,
            eps_cutoff=date(2014, 9, 1),
            rounding=Rounding.NEAREST_RUPEE,
        )
    ]


def esi_rules() -> list[ESIRule]:
    return [
        ESIRule(
            effective_from=date(2019, 7, 1),
            employee_rate=D("0.0075"),
            employer_rate=D("0.0325"),
            wage_ceiling=D(21000),
            disability_ceiling=D(25000),
            exempt_daily_wage=D(176),
            rounding=Rounding.UP_TO_RUPEE,
        )
    ]


def _slabs(
    state: str,
    since: date,
    rows: list[tuple[str, str | None, int, int | None]],
    gender: PTGender = PTGender.ALL,
    frequency: PTFrequency = PTFrequency.MONTHLY,
    months: tuple[int, ...] = (),
) -> list[PTSlab]:
    return [
        PTSlab(
            state=state,
            effective_from=since,
            gender=gender,
            frequency=frequency,
            wage_from=D(low),
            wage_to=D(high) if high is not None else None,
            tax=D(tax),
            february_tax=D(feb) if feb is not None else None,
            deduction_months=months,
        )
        for low, high, tax, feb in rows
    ]


def pt_slabs() -> list[PTSlab]:
    maharashtra = date(2023, 4, 1)
    return [
        *_slabs(
            "Maharashtra",
            maharashtra,
            [("0", "7500", 0, None), ("7500.01", "10000", 175, None), ("10000.01", None, 200, 300)],
            gender=PTGender.MALE,
        ),
        *_slabs(
            "Maharashtra",
            maharashtra,
            [("0", "25000", 0, None), ("25000.01", None, 200, 300)],
            gender=PTGender.FEMALE,
        ),
        *_slabs(
            "Maharashtra",
            maharashtra,
            [("0", "7500", 0, None), ("7500.01", "10000", 175, None), ("10000.01", None, 200, 300)],
            gender=PTGender.ALL,
        ),
        *_slabs(
            "Karnataka",
            date(2025, 4, 1),
            [("0", "24999.99", 0, None), ("25000", None, 200, 300)],
        ),
        *_slabs(
            "West Bengal",
            date(2014, 4, 1),
            [
                ("0", "10000", 0, None),
                ("10000.01", "15000", 110, None),
                ("15000.01", "25000", 130, None),
                ("25000.01", "40000", 150, None),
                ("40000.01", None, 200, None),
            ],
        ),
        *_slabs(
            "Gujarat", date(2023, 4, 1), [("0", "12000", 0, None), ("12000.01", None, 200, None)]
        ),
        *[
            slab
            for state in ("Telangana", "Andhra Pradesh")
            for slab in _slabs(
                state,
                date(2013, 4, 1),
                [
                    ("0", "15000", 0, None),
                    ("15000.01", "20000", 150, None),
                    ("20000.01", None, 200, None),
                ],
            )
        ],
        *_slabs(
            "Tamil Nadu",
            date(2024, 4, 1),
            [
                ("0", "21000", 0, None),
                ("21000.01", "30000", 180, None),
                ("30000.01", "45000", 425, None),
                ("45000.01", "60000", 930, None),
                ("60000.01", "75000", 1025, None),
                ("75000.01", None, 1250, None),
            ],
            frequency=PTFrequency.HALF_YEARLY,
            months=(3, 9),
        ),
    ]


def lwf_rules() -> list[LWFRule]:
    return [
        LWFRule(
            state="Maharashtra",
            effective_from=date(2024, 7, 1),
            employee=D(25),
            employer=D(75),
            deduction_months=(6, 12),
            note="Deducted from June and December salaries; paid by 15 July and 15 January.",
        ),
        LWFRule(
            state="Karnataka",
            effective_from=date(2021, 1, 1),
            employee=D(50),
            employer=D(100),
            deduction_months=(12,),
            note="Yearly, for employees on the rolls on 31 December; paid by 15 January.",
        ),
    ]


def income_tax_slabs() -> list[IncomeTaxSlab]:
    lakh = 100000
    new: list[tuple[int, int | None, str]] = [
        (0, 4, "0"),
        (4, 8, "0.05"),
        (8, 12, "0.10"),
        (12, 16, "0.15"),
        (16, 20, "0.20"),
        (20, 24, "0.25"),
        (24, None, "0.30"),
    ]
    old: dict[AgeGroup, list[tuple[float, float | None, str]]] = {
        AgeGroup.BELOW_60: [(0, 2.5, "0"), (2.5, 5, "0.05"), (5, 10, "0.20"), (10, None, "0.30")],
        AgeGroup.SENIOR: [(0, 3, "0"), (3, 5, "0.05"), (5, 10, "0.20"), (10, None, "0.30")],
        AgeGroup.SUPER_SENIOR: [(0, 5, "0"), (5, 10, "0.20"), (10, None, "0.30")],
    }
    rows: list[IncomeTaxSlab] = []
    for year in TAX_YEARS:
        for low, high, rate in new:
            rows.append(
                IncomeTaxSlab(
                    financial_year=year,
                    regime=NEW,
                    age_group=AgeGroup.ALL,
                    income_from=D(low * lakh),
                    income_to=D(high * lakh) if high else None,
                    rate=D(rate),
                )
            )
        for group, slabs in old.items():
            for low_old, high_old, rate in slabs:
                rows.append(
                    IncomeTaxSlab(
                        financial_year=year,
                        regime=OLD,
                        age_group=group,
                        income_from=D(int(low_old * lakh)),
                        income_to=D(int(high_old * lakh)) if high_old else None,
                        rate=D(rate),
                    )
                )
    return rows


def income_tax_rules() -> list[IncomeTaxRule]:
    rows: list[IncomeTaxRule] = []
    for year in TAX_YEARS:
        rows.append(
            IncomeTaxRule(
                financial_year=year,
                regime=NEW,
                standard_deduction=D(75000),
                rebate_limit=D(1200000),
                rebate_maximum=D(60000),
                rebate_marginal_relief=True,
                cess_rate=D("0.04"),
            )
        )
        rows.append(
            IncomeTaxRule(
                financial_year=year,
                regime=OLD,
                standard_deduction=D(50000),
                rebate_limit=D(500000),
                rebate_maximum=D(12500),
                rebate_marginal_relief=False,
                cess_rate=D("0.04"),
                limit_80c=D(150000),
            )
        )
    return rows


def surcharge_slabs() -> list[SurchargeSlab]:
    crore = 10000000
    steps = {
        NEW: [(5000000, "0.10"), (crore, "0.15"), (2 * crore, "0.25")],
        OLD: [(5000000, "0.10"), (crore, "0.15"), (2 * crore, "0.25"), (5 * crore, "0.37")],
    }
    return [
        SurchargeSlab(financial_year=year, regime=regime, income_above=D(above), rate=D(rate))
        for year in TAX_YEARS
        for regime, rows in steps.items()
        for above, rate in rows
    ]


def gst_rates() -> list[GSTRate]:
    gst_2 = date(2025, 9, 22)
    launch = date(2017, 7, 1)
    return [
        GSTRate(
            rate=D(0), description="Exempt and nil-rated goods and services", effective_from=launch
        ),
        GSTRate(
            rate=D("0.0025"),
            description="Rough precious and semi-precious stones",
            effective_from=launch,
        ),
        GSTRate(rate=D("0.03"), description="Gold, silver and jewellery", effective_from=launch),
        GSTRate(
            rate=D("0.05"),
            description="Merit rate: essentials, many foods, daily-use goods",
            effective_from=launch,
        ),
        GSTRate(
            rate=D("0.18"),
            description="Standard rate: most goods and services",
            effective_from=launch,
        ),
        GSTRate(
            rate=D("0.40"),
            description="Demerit rate: luxury and sin goods (GST 2.0)",
            effective_from=gst_2,
        ),
        GSTRate(
            rate=D("0.12"),
            description="Former rate, folded into 5% and 18% by GST 2.0",
            effective_from=launch,
            effective_to=date(2025, 9, 21),
        ),
        GSTRate(
            rate=D("0.28"),
            description="Former rate, folded into 18% and 40% by GST 2.0",
            effective_from=launch,
            effective_to=date(2025, 9, 21),
        ),
    ]


def chart_of_accounts() -> list[Account]:
    return [
        Account(
            account=name,
            group=SUB_GROUPS[sub],
            sub_group=sub,
            nature=NATURE_OF_GROUP[SUB_GROUPS[sub]],
        )
        for name, sub in DEFAULT_CHART
    ]


PT_STATES: frozenset[str] = frozenset(
    {
        "Andhra Pradesh",
        "Assam",
        "Bihar",
        "Gujarat",
        "Jharkhand",
        "Karnataka",
        "Kerala",
        "Madhya Pradesh",
        "Maharashtra",
        "Manipur",
        "Meghalaya",
        "Mizoram",
        "Nagaland",
        "Odisha",
        "Puducherry",
        "Punjab",
        "Sikkim",
        "Tamil Nadu",
        "Telangana",
        "Tripura",
        "West Bengal",
    }
)
"""States that levy professional tax (as known in November 2026). An employee working in one of
these needs PT slabs for it; any other state (Delhi, Uttar Pradesh, Haryana, Rajasthan…) levies
none. Slabs ship for the states in `pt_slabs()`; the Validate job warns about the rest."""
