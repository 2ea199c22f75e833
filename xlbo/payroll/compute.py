"""One employee's month, gross to net, with the working behind every statutory figure.

Proration: earnings for the days paid out of the month's calendar days (the basis is a setting:
calendar days by default, or a fixed 26 or 30). A joiner is paid from the date of joining, a
leaver to the date of leaving. Overtime, arrears, bonus and other earnings are added as given;
overtime is left out of the ESI coverage test.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from decimal import ROUND_HALF_UP, Decimal
from enum import StrEnum

from xlbo.dates import month_end
from xlbo.master.fields import TaxRegime
from xlbo.master.records import Employee
from xlbo.master.rules import AgeGroup, ESIRule, LWFRule, PFRule, PTSlab
from xlbo.money import format_inr
from xlbo.payroll.attendance import Attendance
from xlbo.payroll.declarations import Declared
from xlbo.payroll.esi import employees_state_insurance
from xlbo.payroll.esi import period_start as esi_period_start
from xlbo.payroll.lwf import labour_welfare_fund
from xlbo.payroll.pf import pf_wage, provident_fund
from xlbo.payroll.pt import professional_tax
from xlbo.payroll.tax import TaxTables, income_tax, monthly_tds
from xlbo.periods import TAX_YEAR_START, financial_year

ZERO = Decimal(0)
PAISE = Decimal("0.01")


class DaysBasis(StrEnum):
    """Days a month's pay is divided by when prorating."""

    CALENDAR = "calendar"
    TWENTY_SIX = "26"
    THIRTY = "30"


@dataclass(frozen=True)
class YearToDate:
    """Figures of the financial year's earlier months, from their registers."""

    gross: Decimal = ZERO
    tds: Decimal = ZERO
    pt: Decimal = ZERO
    pf_employee: Decimal = ZERO
    months: int = 0
    half_year_gross: Decimal = ZERO
    """Gross of the current half-year's earlier months (Tamil Nadu's half-yearly PT)."""
    half_months: int = 0
    """How many of the current half-year's earlier months have a register."""
    esi_covered_at_period_start: bool | None = None
    """Covered by ESI at any time earlier in the contribution period (None: no register says)."""


@dataclass(frozen=True)
class MonthRules:
    month: date
    pf: PFRule
    esi: ESIRule
    pt_slabs: tuple[PTSlab, ...]
    lwf: tuple[LWFRule, ...]
    tax: TaxTables
    financial_year: str
    months_remaining: int
    """Months left in the financial year, this one included."""
    basis: DaysBasis = DaysBasis.CALENDAR


@dataclass(frozen=True)
class PayLine:
    """A register row and how it came about."""

    employee: Employee
    paid_days: Decimal
    ncp_days: int
    gross: Decimal
    coverage_wage: Decimal
    pf_wage: Decimal
    pf_employee: Decimal
    vpf: Decimal
    eps: Decimal
    epf_employer: Decimal
    edli: Decimal
    pf_admin: Decimal
    epf_wage: Decimal
    """Wages PF contributions were computed on (capped unless on actual wages)."""
    eps_wage: Decimal
    edli_wage: Decimal
    esi_employee: Decimal
    esi_employer: Decimal
    esi_covered: bool
    pt: Decimal
    lwf_employee: Decimal
    lwf_employer: Decimal
    tds: Decimal
    other_deductions: Decimal
    loan_recovery: Decimal
    net_pay: Decimal
    employer_cost: Decimal
    estimated_months: int = 0
    """Earlier months of the year with no register, whose salary and TDS were estimated."""
    earnings: dict[str, Decimal] = field(default_factory=dict)
    working: tuple[tuple[str, str], ...] = ()
    """(figure, how) pairs for the Working sheet."""


def _age(born: date, on: date) -> int:
    return on.year - born.year - ((on.month, on.day) < (born.month, born.day))


def _money(value: Decimal) -> Decimal:
    return value.quantize(PAISE, rounding=ROUND_HALF_UP)


def active_days(person: Employee, month: date) -> int:
    """Days of the month the employee is on the rolls (0 when not at all)."""
    last = month_end(month)
    start = max(person.date_of_joining, month)
    end = min(person.date_of_leaving, last) if person.date_of_leaving else last
    return max((end - start).days + 1, 0)


def age_group(person: Employee, on: date) -> AgeGroup:
    age = _age(person.date_of_birth, on)
    if age >= 80:
        return AgeGroup.SUPER_SENIOR
    return AgeGroup.SENIOR if age >= 60 else AgeGroup.BELOW_60


def _first(day: date) -> date:
    return day.replace(day=1)


def months_between(first: date, last: date) -> int:
    """Months from `first`'s month to `last`'s month, both counted (0 when `last` is earlier)."""
    return max((last.year * 12 + last.month) - (first.year * 12 + first.month) + 1, 0)


@dataclass(frozen=True)
class _Days:
    """The month's days for one employee and the earnings they give."""

    in_month: int
    on_rolls: int
    paid: Decimal
    lop: Decimal
    factor: Decimal
    earnings: dict[str, Decimal]
    gross: Decimal
    coverage_wage: Decimal
    """ESI coverage: the month's rate of wages, overtime aside."""


def _earned(person: Employee, rules: MonthRules, attendance: Attendance) -> _Days:
    """Days paid out of the month (calendar days, or a fixed 26 or 30), the earnings prorated to
    them, and the month's extras (overtime, arrears, bonus, other earnings) as given."""
    month = rules.month
    in_month = month_end(month).day
    on_rolls = active_days(person, month)
    if attendance.paid_days is not None:
        paid = max(min(Decimal(attendance.paid_days), Decimal(on_rolls)), ZERO)
        lop = Decimal(on_rolls) - paid
    else:
        lop = min(Decimal(attendance.lop_days), Decimal(on_rolls))
        paid = Decimal(on_rolls) - lop
    basis = {DaysBasis.CALENDAR: in_month, DaysBasis.TWENTY_SIX: 26, DaysBasis.THIRTY: 30}[
        rules.basis
    ]
    full = {
        "Basic": person.basic,
        "DA": person.da,
        "HRA": person.hra,
        "Special Allowance": person.special_allowance,
        "Other Allowances": person.other_allowances,
    }
    if rules.basis is DaysBasis.CALENDAR or on_rolls < in_month:
        factor = paid / in_month  # joiners and leavers: calendar days
    else:
        factor = (basis - lop) / basis  # a fixed 26- or 30-day month: leave without pay out of it
    factor = max(min(factor, Decimal(1)), ZERO)
    earnings = {name: _money(amount * factor) for name, amount in full.items()}
    extras = {
        "Overtime": attendance.overtime,
        "Arrears": attendance.arrears,
        "Bonus": attendance.bonus,
        "Other Earnings": attendance.other_earnings,
    }
    earnings.update({k: v for k, v in extras.items() if v})
    return _Days(
        in_month,
        on_rolls,
        paid,
        lop,
        factor,
        earnings,
        gross=sum(earnings.values(), ZERO),
        coverage_wage=sum(full.values(), ZERO),
    )


@dataclass(frozen=True)
class _TaxYear:
    """Where the month stands in the employee's income-tax year."""

    start: date
    """The later of the year's first month and the month of joining."""
    end: date
    last_month: date
    """The year's last month on the rolls (the month of leaving, else March)."""
    remaining: int
    """Months left, this one included."""
    estimated: int
    """Earlier months of the year with no register (their salary is estimated)."""

    @property
    def later(self) -> int:
        return self.remaining - 1


def _tax_year(person: Employee, month: date, ytd: YearToDate) -> _TaxYear:
    year = financial_year(month, TAX_YEAR_START)
    leaves = (
        person.date_of_leaving
        if person.date_of_leaving and person.date_of_leaving <= year.end
        else None
    )
    last_month = _first(leaves if leaves else year.end)
    start = max(year.start, _first(person.date_of_joining))
    return _TaxYear(
        start=start,
        end=year.end,
        last_month=last_month,
        remaining=max(months_between(month, last_month), 1),
        estimated=max(months_between(start, month) - 1 - ytd.months, 0),
    )


def _professional_tax(
    person: Employee, rules: MonthRules, gross: Decimal, ytd: YearToDate, year: _TaxYear
) -> Decimal:
    """This month's PT; states that levy it on half-yearly or annual pay see the half year's
    and the year's gross, estimated where earlier months have no register."""
    month = rules.month
    half_start = esi_period_start(month)  # PT's half years run as ESI's periods do
    before_in_half = max(
        months_between(max(half_start, _first(person.date_of_joining)), month) - 1, 0
    )
    half_base = (
        ytd.half_year_gross
        + person.monthly_gross * max(before_in_half - ytd.half_months, 0)
        + gross
    )
    annual_base = ytd.gross + person.monthly_gross * (year.estimated + year.later) + gross
    return professional_tax(
        rules.pt_slabs,
        person.work_state,
        gross,
        month,
        person.gender,
        half_year_gross=half_base,
        annual_gross=annual_base,
    )


def _pt_at_the_monthly_rate(person: Employee, rules: MonthRules, months: list[date]) -> Decimal:
    """PT of `months` at the employee's monthly gross (months estimated or still to come)."""
    return sum(
        (
            professional_tax(
                rules.pt_slabs,
                person.work_state,
                person.monthly_gross,
                m,
                person.gender,
                half_year_gross=person.monthly_gross * 6,
                annual_gross=person.monthly_gross * 12,
            )
            for m in months
        ),
        ZERO,
    )


def _old_regime_deductions(
    person: Employee,
    rules: MonthRules,
    ytd: YearToDate,
    year: _TaxYear,
    pt: Decimal,
    pf_this_month: Decimal,
    declared: Declared | None,
) -> tuple[Decimal, str | None]:
    """The year's PT and 80C (PF and what is declared, to the cap) an old-regime employee
    deducts, and how the declarations were made up (None without a Declarations sheet)."""
    month = rules.month
    other_months = [
        date(
            year.start.year + (year.start.month - 1 + k) // 12,
            (year.start.month - 1 + k) % 12 + 1,
            1,
        )
        for k in range(months_between(year.start, year.last_month))
    ]
    projected_pt = _pt_at_the_monthly_rate(person, rules, [m for m in other_months if m > month])
    estimated_pt = _pt_at_the_monthly_rate(person, rules, other_months[: year.estimated])
    annual_pt = ytd.pt + estimated_pt + pt + projected_pt
    annual_pf = ytd.pf_employee + pf_this_month * (1 + year.later + year.estimated)
    tax_rule = rules.tax.rule(person.tax_regime, rules.financial_year)
    limit = tax_rule.limit_80c if tax_rule.limit_80c is not None else ZERO
    if declared is not None:
        claimed, how = declared.deduction(annual_pf, limit)
        return annual_pt + claimed, how
    return annual_pt + min(person.declared_80c + annual_pf, limit), None


def _tds(
    person: Employee,
    rules: MonthRules,
    ytd: YearToDate,
    year: _TaxYear,
    gross: Decimal,
    deductions: Decimal,
    pan_valid: bool,
) -> tuple[Decimal, str]:
    """This month's TDS: the year's tax on the projected salary less what was deducted,
    spread over the months left; and how it was worked out."""
    earlier_gross = ytd.gross + person.monthly_gross * year.estimated
    projected = earlier_gross + gross + person.monthly_gross * year.later
    taxable = max(projected - deductions, ZERO)
    tax = income_tax(
        taxable, person.tax_regime, rules.financial_year, rules.tax, age_group(person, year.end)
    )
    annual_tax = tax.total
    if not pan_valid:
        annual_tax = max(
            annual_tax, (taxable * Decimal("0.20")).quantize(Decimal(1), rounding=ROUND_HALF_UP)
        )
    deducted = ytd.tds
    estimated = year.estimated
    if estimated:  # months before xlbo's first register: assume they were paid and taxed evenly
        spread = estimated + ytd.months + year.remaining
        deducted += (annual_tax * estimated / spread).quantize(Decimal(1), rounding=ROUND_HALF_UP)
    tds = monthly_tds(annual_tax, deducted, year.remaining)
    estimate_note = (
        f" ({estimated} earlier months without a register: salary estimated at the monthly rate, "
        f"tax assumed deducted evenly)"
        if estimated
        else ""
    )
    pan_note = "; no valid PAN: at least 20% (s.206AA)" if not pan_valid else ""
    how = (
        f"projected salary {format_inr(projected)} (year to date {format_inr(earlier_gross)}"
        f" + this month {format_inr(gross)} + {year.later} months × "
        f"{format_inr(person.monthly_gross)}) − deductions {format_inr(deductions)} = "
        f"{format_inr(taxable)}; annual tax {format_inr(annual_tax)}{pan_note}; "
        f"({format_inr(annual_tax)} − {format_inr(deducted)} deducted) ÷ "
        f"{year.remaining} months = {format_inr(tds)}{estimate_note}"
    )
    return tds, how


def compute(
    person: Employee,
    rules: MonthRules,
    attendance: Attendance,
    ytd: YearToDate,
    declared: Declared | None = None,
    pan_valid: bool = True,
) -> PayLine:
    """Gross to net for one employee; `declared` are old-regime declarations for the year (else
    the Employees sheet's Declared 80C); without a valid PAN, tax is at least 20% (s.206AA)."""
    month = rules.month
    days = _earned(person, rules, attendance)
    gross = days.gross
    working: list[tuple[str, str]] = [
        (
            "Paid Days",
            f"{days.paid} of {days.in_month} days ({days.on_rolls} on the rolls, {days.lop} "
            f"LOP); earnings × {days.factor:.4f} ({rules.basis.value} basis)",
        ),
    ]

    # PF, on wages in whole rupees as the ECR carries them
    wage = pf_wage(days.earnings["Basic"] + days.earnings["DA"], gross, rules.pf).quantize(
        Decimal(1), rounding=ROUND_HALF_UP
    )
    eligible = person.eps_eligible and _age(person.date_of_birth, month) < rules.pf.eps_age_limit
    pf = provident_fund(
        wage,
        gross,
        rules.pf,
        eps_eligible=eligible,
        on_actual=person.pf_on_actual,
        voluntary_rate=person.voluntary_pf,
    )
    working += [("PF", line) for line in pf.working]
    if not eligible and person.eps_eligible:
        working.append(("EPS", f"nil: {rules.pf.eps_age_limit} or older"))

    # ESI
    esi = employees_state_insurance(
        gross,
        days.coverage_wage,
        int(days.paid),
        rules.esi,
        disabled=person.disabled,
        covered_at_period_start=ytd.esi_covered_at_period_start,
    )
    working.append(
        (
            "ESI",
            f"{esi.reason}; employee {rules.esi.employee_rate:%} = {format_inr(esi.employee)}, "
            f"employer {rules.esi.employer_rate:%} = {format_inr(esi.employer)} "
            f"({rules.esi.rounding.value}); "
            f"ESI Rules from {rules.esi.effective_from:%d-%m-%Y}",
        )
    )

    # PT and LWF
    year = _tax_year(person, month, ytd)
    pt = _professional_tax(person, rules, gross, ytd, year)
    working.append(
        (
            "PT",
            f"{person.work_state}, {person.gender.value}, gross {format_inr(gross)}: {format_inr(pt)}",
        )
    )
    month_end = month.replace(day=days.in_month)
    on_rolls_at_month_end = not person.date_of_leaving or person.date_of_leaving >= month_end
    lwf_employee, lwf_employer = (
        labour_welfare_fund(rules.lwf, person.work_state, month)
        if on_rolls_at_month_end
        else (ZERO, ZERO)
    )
    if lwf_employee or lwf_employer:
        working.append(
            (
                "LWF",
                f"{person.work_state} in {month:%B}: employee {format_inr(lwf_employee)}, "
                f"employer {format_inr(lwf_employer)}",
            )
        )

    # TDS
    deductions = rules.tax.rule(person.tax_regime, rules.financial_year).standard_deduction
    if person.tax_regime is TaxRegime.OLD:
        old, declarations = _old_regime_deductions(
            person, rules, ytd, year, pt, pf.employee + pf.vpf, declared
        )
        deductions += old
        if declarations is not None:
            working.append(("Declarations", declarations))
    tds, how_tds = _tds(person, rules, ytd, year, gross, deductions, pan_valid)
    working.append(("TDS", how_tds))

    deductions_total = (
        pf.employee
        + pf.vpf
        + esi.employee
        + pt
        + lwf_employee
        + tds
        + attendance.other_deductions
        + attendance.loan_recovery
    )
    net = gross - deductions_total
    employer_cost = gross + pf.employer + pf.edli + pf.admin + esi.employer + lwf_employer
    return PayLine(
        employee=person,
        paid_days=days.paid,
        ncp_days=int(Decimal(days.in_month) - days.paid),
        gross=gross,
        coverage_wage=days.coverage_wage,
        pf_wage=wage,
        pf_employee=pf.employee,
        vpf=pf.vpf,
        eps=pf.eps,
        epf_employer=pf.epf_employer,
        edli=pf.edli,
        pf_admin=pf.admin,
        epf_wage=pf.contribution_wage,
        eps_wage=pf.pension_wage if eligible else ZERO,
        edli_wage=pf.pension_wage,
        esi_employee=esi.employee,
        esi_employer=esi.employer,
        esi_covered=esi.covered,
        pt=pt,
        lwf_employee=lwf_employee,
        lwf_employer=lwf_employer,
        tds=tds,
        other_deductions=attendance.other_deductions,
        loan_recovery=attendance.loan_recovery,
        net_pay=net,
        employer_cost=employer_cost,
        estimated_months=year.estimated,
        earnings=days.earnings,
        working=tuple(working),
    )
