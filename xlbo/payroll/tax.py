"""Income tax on salary (s.192 / s.392 TDS): slabs, 87A rebate with marginal relief, surcharge
with marginal relief, 4% cess, rounding to ₹10; and the month's TDS.

    >>> tables = TaxTables.shipped()
    >>> income_tax(Decimal(1210000), TaxRegime.NEW, "2026-27", tables).total   # rebate relief
    Decimal('10400')
    >>> income_tax(Decimal(1200000), TaxRegime.NEW, "2026-27", tables).total   # rebate
    Decimal('0')

Rules from the master workbook's Income Tax Slabs, Income Tax Rules and Surcharge Slabs sheets:
- taxable income is rounded to the nearest ₹10 (s.288A), then taxed by slab;
- rebate 87A: up to the rebate maximum when income is at most the limit; in the new regime, just
  above the limit the tax may not exceed the income above it (marginal relief);
- surcharge at the rate of the highest threshold crossed, with marginal relief: tax plus
  surcharge may not exceed the tax and surcharge at that threshold plus the income above it;
- health and education cess on tax plus surcharge; the total is rounded to ₹10 (s.288B).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal

from xlbo.errors import SheetProblem
from xlbo.master.fields import TaxRegime
from xlbo.master.rules import AgeGroup, IncomeTaxRule, IncomeTaxSlab, SurchargeSlab
from xlbo.money import format_inr
from xlbo.payroll.rules import apply_rounding

ZERO = Decimal(0)


class MissingTaxRule(SheetProblem, ValueError):
    """A tax table with no row for a regime and year: a plain message from every door (exit 2
    on the command line, readable text in a worksheet function's cell)."""


@dataclass(frozen=True)
class TaxTables:
    slabs: tuple[IncomeTaxSlab, ...]
    rules: tuple[IncomeTaxRule, ...]
    surcharges: tuple[SurchargeSlab, ...]

    @classmethod
    def shipped(cls) -> TaxTables:
        from xlbo.master import defaults

        return cls(
            tuple(defaults.income_tax_slabs()),
            tuple(defaults.income_tax_rules()),
            tuple(defaults.surcharge_slabs()),
        )

    def rule(self, regime: TaxRegime, year: str) -> IncomeTaxRule:
        for rule in self.rules:
            if rule.regime is regime and rule.financial_year == year:
                return rule
        raise MissingTaxRule(
            f"The Income Tax Rules sheet has no row for the {regime.value} regime in {year} (a "
            "row with a bad cell is set aside: `xlbo validate` lists it); add one, then run again."
        )

    def slabs_for(self, regime: TaxRegime, year: str, age: AgeGroup) -> list[IncomeTaxSlab]:
        rows = [s for s in self.slabs if s.regime is regime and s.financial_year == year]
        specific = [s for s in rows if s.age_group is age]
        chosen = specific or [s for s in rows if s.age_group in (AgeGroup.ALL, AgeGroup.BELOW_60)]
        if not chosen:
            raise MissingTaxRule(
                f"The Income Tax Slabs sheet has no rows for the {regime.value} regime in {year} "
                "(a row with a bad cell is set aside: `xlbo validate` lists it); add them, then "
                "run again."
            )
        return sorted(chosen, key=lambda s: s.income_from)

    def surcharge_for(self, regime: TaxRegime, year: str) -> list[SurchargeSlab]:
        return sorted(
            (s for s in self.surcharges if s.regime is regime and s.financial_year == year),
            key=lambda s: s.income_above,
        )


@dataclass(frozen=True)
class TaxResult:
    taxable: Decimal
    slab_tax: Decimal
    rebate: Decimal
    surcharge: Decimal
    cess: Decimal
    total: Decimal
    working: tuple[str, ...]


def _slab_tax(income: Decimal, slabs: Sequence[IncomeTaxSlab]) -> Decimal:
    tax = ZERO
    for slab in slabs:
        if income <= slab.income_from:
            break
        top = income if slab.income_to is None else min(income, slab.income_to)
        tax += (top - slab.income_from) * slab.rate
    return tax


def _surcharge(
    income: Decimal, tax: Decimal, steps: Sequence[SurchargeSlab], slabs: Sequence[IncomeTaxSlab]
) -> Decimal:
    crossed = [s for s in steps if income > s.income_above]
    if not crossed:
        return ZERO
    step = crossed[-1]
    surcharge = tax * step.rate
    below = [s for s in steps if s.income_above < step.income_above]
    at_threshold = _slab_tax(step.income_above, slabs)
    at_threshold += at_threshold * (below[-1].rate if below else ZERO)
    ceiling = at_threshold + (income - step.income_above)
    return max(min(surcharge, ceiling - tax), ZERO)


def income_tax(
    income: Decimal,
    regime: TaxRegime,
    year: str,
    tables: TaxTables,
    age: AgeGroup = AgeGroup.BELOW_60,
) -> TaxResult:
    """Tax on a year's taxable income (after standard deduction and other deductions)."""
    rule = tables.rule(regime, year)
    slabs = tables.slabs_for(regime, year, age)
    taxable = max(apply_rounding(income, rule.rounding), ZERO)
    slab_tax = _slab_tax(taxable, slabs)
    rebate = ZERO
    working = [
        f"Taxable income {format_inr(taxable)} ({regime.value} regime, FY {year})",
        f"Tax by slab: {format_inr(slab_tax)}",
    ]
    if taxable <= rule.rebate_limit:
        rebate = min(slab_tax, rule.rebate_maximum)
        working.append(
            f"Rebate u/s 87A: {format_inr(rebate)} (income at most {format_inr(rule.rebate_limit)})"
        )
    elif rule.rebate_marginal_relief and slab_tax > taxable - rule.rebate_limit:
        rebate = slab_tax - (taxable - rule.rebate_limit)
        working.append(
            f"87A marginal relief: tax limited to the income above {format_inr(rule.rebate_limit)}"
        )
    tax = slab_tax - rebate
    surcharge = _surcharge(taxable, tax, tables.surcharge_for(regime, year), slabs)
    if surcharge:
        working.append(f"Surcharge {format_inr(surcharge)} (with marginal relief)")
    cess = (tax + surcharge) * rule.cess_rate
    total = apply_rounding(tax + surcharge + cess, rule.rounding)
    working.append(
        f"Cess {rule.cess_rate:%} = {format_inr(cess)}; total rounded to {format_inr(total)}"
    )
    return TaxResult(taxable, slab_tax, rebate, surcharge, cess, total, tuple(working))


def monthly_tds(annual_tax: Decimal, deducted_so_far: Decimal, months_remaining: int) -> Decimal:
    """This month's TDS: (annual tax − TDS already deducted) ÷ months remaining including this
    one, rounded to the rupee (never negative)."""
    if months_remaining < 1:
        raise ValueError("months remaining must be at least 1 (this month)")
    due = max(annual_tax - deducted_so_far, ZERO) / months_remaining
    return due.quantize(Decimal(1), rounding=ROUND_HALF_UP)
