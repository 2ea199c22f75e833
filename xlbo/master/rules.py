"""Statutory rule tables: the law as data the accountant can read and change.

Every rate, slab and ceiling payroll and GST use lives in a rule sheet of the master workbook,
each row with the date (or financial year) from which it applies. xlbo ships defaults for the
current year (see `xlbo.master.defaults`, from ../shared/domain/india-statutory.md); when the law
changes, the accountant adds a row with the new effective date — no new release needed.
"""

from __future__ import annotations

from enum import StrEnum
from typing import Annotated

from pydantic import Field

from xlbo.master.fields import (
    Count,
    Day,
    FinancialYear,
    Money,
    Months,
    OptDay,
    OptMoney,
    OptText,
    Rate,
    Shown,
    StateName,
    TaxRegime,
    Text,
    YesNo,
    choices_of,
    enum_reader,
)
from xlbo.master.records import Record, RegimeCell


class Rounding(StrEnum):
    """How a statutory amount is rounded, named after the rule that demands it."""

    NEAREST_RUPEE = "Nearest rupee"
    """50 paise and above up, below down (EPF contributions)."""
    UP_TO_RUPEE = "Up to rupee"
    """Any fraction of a rupee up to the next rupee (ESI contributions)."""
    NEAREST_TEN = "Nearest ten"
    """To the nearest ten rupees (income and tax, s.288A/288B)."""
    NONE = "None"


class PFWageDefinition(StrEnum):
    """What counts as PF wages."""

    BASIC_DA = "Basic + DA"
    """Basic pay plus dearness allowance (the EPF Act's wages)."""
    LABOUR_CODE_50 = "Labour Code 50%"
    """Basic + DA, plus the part of excluded allowances above 50% of total pay (Code on Wages,
    in force from 21-Nov-2025)."""


class PTGender(StrEnum):
    ALL = "All"
    MALE = "Male"
    FEMALE = "Female"


class PTFrequency(StrEnum):
    MONTHLY = "Monthly"
    HALF_YEARLY = "Half-yearly"
    YEARLY = "Yearly"


class AgeGroup(StrEnum):
    """Income-tax age groups (the old regime's basic exemption differs for seniors)."""

    ALL = "All"
    BELOW_60 = "Below 60"
    SENIOR = "60 to 79"
    SUPER_SENIOR = "80 and above"


RoundingCell = Annotated[
    Rounding, enum_reader(Rounding), Shown(choices=choices_of(Rounding), width=14)
]
WageDefinitionCell = Annotated[
    PFWageDefinition,
    enum_reader(
        PFWageDefinition,
        basic_da=PFWageDefinition.BASIC_DA,
        labour_code_50pct=PFWageDefinition.LABOUR_CODE_50,
    ),
    Shown(choices=choices_of(PFWageDefinition), width=16),
]
PTGenderCell = Annotated[
    PTGender, enum_reader(PTGender), Shown(choices=choices_of(PTGender), width=9)
]
PTFrequencyCell = Annotated[
    PTFrequency, enum_reader(PTFrequency), Shown(choices=choices_of(PTFrequency), width=12)
]
AgeGroupCell = Annotated[
    AgeGroup, enum_reader(AgeGroup), Shown(choices=choices_of(AgeGroup), width=13)
]


class PFRule(Record):
    """Provident fund rates and ceilings (EPF & MP Act, EPF Scheme, EPS, EDLI)."""

    effective_from: Day = Field(
        alias="Effective From", description="Date from which this row applies."
    )
    wage_definition: WageDefinitionCell = Field(
        PFWageDefinition.BASIC_DA,
        alias="Wage Definition",
        description="Basic + DA, or the Labour Code's 50% rule.",
    )
    wage_ceiling: Money = Field(
        alias="Wage Ceiling", description="Monthly PF wage ceiling (Rs 15,000)."
    )
    employee_rate: Rate = Field(
        alias="Employee Rate",
        description="Employee's share (12%; 10% for specified establishments).",
    )
    employer_rate: Rate = Field(
        alias="Employer Rate", description="Employer's share (12%), split into EPS and EPF."
    )
    eps_rate: Rate = Field(
        alias="EPS Rate",
        description="Pension share of the employer's 12% (8.33% of wages up to the ceiling).",
    )
    edli_rate: Rate = Field(
        alias="EDLI Rate",
        description="EDLI insurance contribution, employer (0.5% of wages up to the ceiling).",
    )
    admin_rate: Rate = Field(
        alias="Admin Charge Rate",
        description="EPF administration charges, employer (0.5% of EPF wages).",
    )
    admin_minimum: Money = Field(
        alias="Admin Charge Minimum",
        description="Minimum admin charges per establishment per month (Rs 500).",
    )
    eps_age_limit: Count = Field(
        58,
        alias="EPS Age Limit",
        description="No EPS from this age; the whole employer share goes to EPF.",
    )
    eps_cutoff: Day = Field(
        alias="EPS Cut-off Date",
        description="Joiners on/after this date with wages above the ceiling get no EPS (01-09-2014).",
    )
    rounding: RoundingCell = Field(
        Rounding.NEAREST_RUPEE,
        alias="Rounding",
        description="Each contribution to the nearest rupee.",
    )


class ESIRule(Record):
    """Employees' State Insurance rates and coverage (ESI Act)."""

    effective_from: Day = Field(
        alias="Effective From", description="Date from which this row applies."
    )
    employee_rate: Rate = Field(
        alias="Employee Rate", description="Employee's share of gross wages (0.75%)."
    )
    employer_rate: Rate = Field(
        alias="Employer Rate", description="Employer's share of gross wages (3.25%)."
    )
    wage_ceiling: Money = Field(
        alias="Wage Ceiling", description="Covered if monthly wages are at most this (Rs 21,000)."
    )
    disability_ceiling: Money = Field(
        alias="Disability Wage Ceiling",
        description="Ceiling for persons with disability (Rs 25,000).",
    )
    exempt_daily_wage: Money = Field(
        alias="Exempt Daily Wage",
        description="No employee share if the average daily wage is at most this (Rs 176).",
    )
    rounding: RoundingCell = Field(
        Rounding.UP_TO_RUPEE, alias="Rounding", description="Each share up to the next rupee."
    )


class PTSlab(Record):
    """A professional-tax slab of one state: tax on monthly (or half-yearly) gross."""

    state: StateName = Field(alias="State", description="State that levies the tax.")
    effective_from: Day = Field(
        alias="Effective From", description="Date from which this slab applies."
    )
    gender: PTGenderCell = Field(
        PTGender.ALL,
        alias="Gender",
        description="All, or Male/Female where the state has separate slabs.",
    )
    frequency: PTFrequencyCell = Field(
        PTFrequency.MONTHLY,
        alias="Frequency",
        description="Monthly, or Half-yearly (Tamil Nadu: on six months' income).",
    )
    wage_from: Money = Field(alias="Wage From", description="Lowest gross in the slab (inclusive).")
    wage_to: OptMoney = Field(
        None,
        alias="Wage To",
        description="Highest gross in the slab (inclusive); blank for no upper limit.",
    )
    tax: Money = Field(alias="Tax", description="Tax for the period.")
    february_tax: OptMoney = Field(
        None,
        alias="February Tax",
        description="Tax in February where it differs (Rs 300 in Maharashtra and Karnataka).",
    )
    deduction_months: Months = Field(
        (),
        alias="Deduction Months",
        description="For half-yearly or yearly tax: the months it is deducted (e.g. Sep, Mar).",
    )


class LWFRule(Record):
    """Labour welfare fund contributions of one state."""

    state: StateName = Field(alias="State", description="State whose welfare fund this is.")
    effective_from: Day = Field(
        alias="Effective From", description="Date from which this row applies."
    )
    employee: Money = Field(
        alias="Employee", description="Employee's contribution each time it is deducted."
    )
    employer: Money = Field(alias="Employer", description="Employer's contribution each time.")
    deduction_months: Months = Field(
        alias="Deduction Months", description="Months in which it is deducted (e.g. Jun, Dec)."
    )
    note: OptText = Field(None, alias="Note", description="Who is covered, due dates.")


class IncomeTaxSlab(Record):
    """One slab of income-tax rates for a financial year and regime."""

    financial_year: FinancialYear = Field(alias="Financial Year", description="e.g. 2026-27.")
    regime: RegimeCell = Field(alias="Regime", description="New or Old.")
    age_group: AgeGroupCell = Field(
        AgeGroup.ALL,
        alias="Age Group",
        description="All, or the age group the slab is for (old regime).",
    )
    income_from: Money = Field(
        alias="Income From", description="Taxable income above which this rate applies."
    )
    income_to: OptMoney = Field(
        None, alias="Income To", description="Upper end of the slab; blank for no upper limit."
    )
    rate: Rate = Field(alias="Rate", description="Tax rate on income within the slab.")


class IncomeTaxRule(Record):
    """Deductions, rebate and cess of a financial year and regime."""

    financial_year: FinancialYear = Field(alias="Financial Year", description="e.g. 2026-27.")
    regime: RegimeCell = Field(alias="Regime", description="New or Old.")
    standard_deduction: Money = Field(
        alias="Standard Deduction", description="From salary income (Rs 75,000 new, Rs 50,000 old)."
    )
    rebate_limit: Money = Field(
        alias="Rebate Income Limit",
        description="Section 87A: rebate if taxable income is at most this.",
    )
    rebate_maximum: Money = Field(
        alias="Rebate Maximum", description="Section 87A: largest rebate."
    )
    rebate_marginal_relief: YesNo = Field(
        False,
        alias="Rebate Marginal Relief",
        description="Yes where tax just above the rebate limit may not exceed the income above it (new regime).",
    )
    cess_rate: Rate = Field(
        alias="Cess Rate", description="Health and education cess on tax plus surcharge (4%)."
    )
    limit_80c: OptMoney = Field(
        None, alias="80C Limit", description="Old regime: most deductible under 80C (Rs 1,50,000)."
    )
    rounding: RoundingCell = Field(
        Rounding.NEAREST_TEN,
        alias="Rounding",
        description="Income and tax rounded to the nearest ten rupees.",
    )


class SurchargeSlab(Record):
    """Surcharge on income tax above an income threshold (with marginal relief)."""

    financial_year: FinancialYear = Field(alias="Financial Year", description="e.g. 2026-27.")
    regime: RegimeCell = Field(alias="Regime", description="New or Old.")
    income_above: Money = Field(
        alias="Income Above", description="Surcharge applies when total income exceeds this."
    )
    rate: Rate = Field(alias="Rate", description="Surcharge as a % of income tax.")


class GSTRate(Record):
    """A GST rate in force (intra-state it splits into equal CGST and SGST)."""

    rate: Rate = Field(alias="Rate", description="Total GST rate (CGST + SGST, or IGST).")
    description: Text = Field(alias="Description", description="What the rate applies to.")
    effective_from: Day = Field(alias="Effective From", description="First day the rate applies.")
    effective_to: OptDay = Field(
        None, alias="Effective To", description="Last day it applies; blank while in force."
    )


__all__ = [
    "AgeGroup",
    "ESIRule",
    "GSTRate",
    "IncomeTaxRule",
    "IncomeTaxSlab",
    "LWFRule",
    "PFRule",
    "PFWageDefinition",
    "PTFrequency",
    "PTGender",
    "PTSlab",
    "Rounding",
    "SurchargeSlab",
    "TaxRegime",
]
