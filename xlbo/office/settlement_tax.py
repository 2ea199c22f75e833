"""Income tax on a full-and-final settlement, worked out as the employer does when it deducts
tax from salary (s.192 of the Income-tax Act 1961; s.392 of the Income-tax Act 2025 for salary
paid from 01-04-2026): the whole year's salary with the settlement's taxable part, the regime's
slabs, the 87A rebate, surcharge and cess (`xlbo.payroll.tax`, the Income Tax Slabs and Rules
sheets, rows per financial year: FY 2025-26 and 2026-27 shipped), less the tax already deducted
from the year's salary. The new regime is the default (an employee's Tax Regime cell says
otherwise).

What of the settlement is taxable:

- leave encashment on leaving: exempt up to ₹25 lakh for life, all employers together, for a
  non-Government employee (s.10(10AA)(ii); ₹3 lakh before 01-04-2023, CBDT Notification
  31/2023); the rest is salary;
- gratuity: exempt up to ₹20 lakh (s.10(10)(iii), from 29-03-2018); the rest is salary;
- notice pay the employer pays in lieu of notice, and bonus: salary, taxed in full;
- notice pay recovered from the employee is not deducted from the salary income here (the Act
  gives no deduction for it); loans and advances recovered are not income.

Worked example (new regime, FY 2026-27): salary for the year ₹24,00,000 (April to October at
₹3,00,000 a month, estimated, and November's ₹3,00,000), notice pay ₹1,60,000, leave
encashment and gratuity within their limits:

    gross taxable 25,60,000 − standard deduction 75,000 = 24,85,000
    tax by slab 3,25,500 (30% on the 85,000 above 24 lakh) + cess 4% 13,020 = 3,38,520
    less TDS on the year's salary 2,92,500 (the tax on 23,25,000)
    TDS on the settlement 46,020
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from decimal import ROUND_HALF_UP, Decimal
from enum import StrEnum

from xlbo.master.effective import in_force
from xlbo.master.fields import TaxRegime
from xlbo.master.rules import AgeGroup
from xlbo.money import format_inr
from xlbo.payroll.tax import TaxTables, income_tax

ZERO = Decimal(0)
NO_PAN_RATE = Decimal("0.20")
"""s.206AA: without a valid PAN, tax at 20% at least."""
ACT_2025 = date(2026, 4, 1)
"""The Income-tax Act 2025 governs salary paid from this day (TDS on salary: s.392)."""


class Exempt(StrEnum):
    """A settlement item exempt up to a limit."""

    LEAVE_ENCASHMENT = "Leave encashment"
    GRATUITY = "Gratuity"


@dataclass(frozen=True)
class ExemptionLimit:
    """The most of an item that is exempt, from a day (an effective-dated row)."""

    item: Exempt
    limit: Decimal
    effective_from: date
    effective_to: date | None
    source: str


EXEMPTION_LIMITS: tuple[ExemptionLimit, ...] = (
    ExemptionLimit(Exempt.LEAVE_ENCASHMENT, Decimal(300000), date(1998, 4, 1), date(2023, 3, 31),
                   "s.10(10AA)(ii), non-Government employees"),
    ExemptionLimit(Exempt.LEAVE_ENCASHMENT, Decimal(2500000), date(2023, 4, 1), None,
                   "s.10(10AA)(ii), non-Government employees; CBDT Notification 31/2023"),
    ExemptionLimit(Exempt.GRATUITY, Decimal(2000000), date(2018, 3, 29), None,
                   "s.10(10)(iii); the Payment of Gratuity Act's cap (S.O. 1420(E))"),
)  # fmt: skip
"""The shipped limits; the limit in force on the leaving day applies."""


def exemption(item: Exempt, day: date, limits: Sequence[ExemptionLimit] = EXEMPTION_LIMITS) -> ExemptionLimit | None:  # fmt: skip
    """The limit for `item` in force on `day` (None: nothing exempt)."""
    return in_force((row for row in limits if row.item is item), day)


@dataclass(frozen=True)
class YearSalary:
    """The year's salary and the tax deducted from it, as the payroll knows them."""

    registers: Decimal
    """Gross of the year's earlier months that have a payroll register."""
    register_months: int
    estimated_months: int
    """Earlier months of the year (on the rolls) with no register: salary at the monthly rate."""
    monthly_gross: Decimal
    leaving_month: Decimal
    """Gross of the leaving month (to the last working day)."""
    tds_registers: Decimal
    tds_leaving_month: Decimal

    @property
    def estimated(self) -> Decimal:
        return self.monthly_gross * self.estimated_months

    @property
    def total(self) -> Decimal:
        return self.registers + self.estimated + self.leaving_month


@dataclass(frozen=True)
class SettlementPay:
    """The settlement's items that may be income."""

    leave_encashment: Decimal = ZERO
    gratuity: Decimal = ZERO
    bonus: Decimal = ZERO
    notice_pay: Decimal = ZERO
    """Paid by the employer in lieu of notice (not notice pay recovered)."""


@dataclass(frozen=True)
class TaxLine:
    """A line of the working: what, the amount (None for a note), how."""

    particulars: str
    amount: Decimal | None
    how: str = ""


@dataclass(frozen=True)
class SettlementTax:
    lines: tuple[TaxLine, ...]
    taxable_pay: Decimal
    """The settlement's taxable part."""
    tax_for_year: Decimal
    tds_on_salary: Decimal
    tds: Decimal
    """Tax to deduct from the settlement."""

    def summary(self) -> str:
        return "; ".join(
            f"{ln.particulars} {format_inr(ln.amount)}" if ln.amount is not None else ln.particulars
            for ln in self.lines
        )


def _section(day: date) -> str:
    if day >= ACT_2025:
        return "s.392 of the Income-tax Act 2025"
    return "s.192 of the Income-tax Act 1961"


def settlement_tax(
    salary: YearSalary,
    pay: SettlementPay,
    *,
    leaving: date,
    regime: TaxRegime,
    financial_year: str,
    tables: TaxTables,
    age: AgeGroup = AgeGroup.BELOW_60,
    pan_valid: bool = True,
    tds_assumed: Decimal = ZERO,
) -> SettlementTax:
    """The year's tax with the settlement, and what of it the settlement must bear: the tax for
    the year less the TDS on the year's salary (the registers', `tds_assumed` for the months
    with no register, and the leaving month's)."""
    rule = tables.rule(regime, financial_year)
    lines = [
        TaxLine(
            f"Tax on salary, {_section(leaving)}, FY {financial_year}, {regime.value} regime",
            None,
        )
    ]
    if salary.register_months:
        lines.append(
            TaxLine(
                "Salary paid this year (payroll registers)",
                salary.registers,
                f"{salary.register_months} months",
            )
        )
    if salary.estimated_months:
        lines.append(
            TaxLine(
                "Salary of the months with no register",
                salary.estimated,
                f"{salary.estimated_months} months × {format_inr(salary.monthly_gross)} "
                "(Employees sheet)",
            )
        )
    lines.append(TaxLine("Salary of the leaving month", salary.leaving_month))
    taxable_pay = pay.bonus + pay.notice_pay
    if pay.bonus:
        lines.append(TaxLine("Statutory bonus", pay.bonus, "taxable in full"))
    if pay.notice_pay:
        lines.append(TaxLine("Notice pay in lieu of notice", pay.notice_pay, "taxable in full"))
    for item, amount in (
        (Exempt.LEAVE_ENCASHMENT, pay.leave_encashment),
        (Exempt.GRATUITY, pay.gratuity),
    ):
        if not amount:
            continue
        limit = exemption(item, leaving)
        exempt = min(amount, limit.limit) if limit else ZERO
        taxable = amount - exempt
        taxable_pay += taxable
        lines.append(
            TaxLine(
                f"{item.value}: taxable part",
                taxable,
                f"{format_inr(amount)} − exempt {format_inr(exempt)}"
                + (f" (up to {format_inr(limit.limit)}, {limit.source})" if limit else ""),
            )
        )
    gross = salary.total + taxable_pay
    lines.append(TaxLine("Gross taxable salary", gross))
    deduction = min(rule.standard_deduction, gross)
    lines.append(TaxLine("Less standard deduction", deduction))
    tax = income_tax(max(gross - deduction, ZERO), regime, financial_year, tables, age)
    lines.append(TaxLine("Taxable income (rounded to ₹10)", tax.taxable))
    lines.append(TaxLine("Tax by slab", tax.slab_tax))
    if tax.rebate:
        lines.append(
            TaxLine(
                "Less rebate u/s 87A",
                tax.rebate,
                f"income up to {format_inr(rule.rebate_limit)}"
                if tax.taxable <= rule.rebate_limit
                else f"marginal relief: tax at most the income above {format_inr(rule.rebate_limit)}",
            )
        )
    if tax.surcharge:
        lines.append(TaxLine("Surcharge (with marginal relief)", tax.surcharge))
    lines.append(
        TaxLine(f"Health and education cess {rule.cess_rate:.0%}", tax.cess.quantize(Decimal(1)))
    )
    year_tax = tax.total
    lines.append(TaxLine("Tax for the year (rounded to ₹10)", year_tax))
    deducted = salary.tds_registers + tds_assumed + salary.tds_leaving_month
    parts = [f"registers {format_inr(salary.tds_registers)}"]
    if tds_assumed:
        parts.append(f"{format_inr(tds_assumed)} taken as deducted in the months with no register")
    parts.append(f"leaving month {format_inr(salary.tds_leaving_month)}")
    lines.append(TaxLine("Less TDS on the year's salary", deducted, ", ".join(parts)))
    due = max(year_tax - deducted, ZERO)
    how = "tax for the year less the TDS on salary"
    if year_tax < deducted:
        how += "; more was deducted than the year's tax: nothing more (the refund is the return's)"
    if not pan_valid:
        least = (taxable_pay * NO_PAN_RATE).quantize(Decimal(1), rounding=ROUND_HALF_UP)
        if least > due:
            due = least
            how = (
                f"no valid PAN: 20% of the settlement's taxable {format_inr(taxable_pay)} (s.206AA)"
            )
    lines.append(TaxLine("TDS on the settlement", due, how))
    return SettlementTax(tuple(lines), taxable_pay, year_tax, deducted, due)
