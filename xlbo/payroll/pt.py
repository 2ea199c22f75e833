"""Professional tax by work state, month and (where the state distinguishes) gender.

    >>> from xlbo.master.defaults import pt_slabs
    >>> slabs = pt_slabs()
    >>> professional_tax(slabs, "Maharashtra", Decimal(30000), date(2027, 2, 1), Gender.MALE)
    Decimal('300.00')
    >>> professional_tax(slabs, "Maharashtra", Decimal(24000), date(2026, 10, 1), Gender.FEMALE)
    Decimal('0.00')
    >>> professional_tax(slabs, "Karnataka", Decimal(25000), date(2026, 10, 1))
    Decimal('200.00')

Half-yearly states (Tamil Nadu) deduct in their listed months, on the half-year's income; other
states monthly. A state with no slabs levies nothing.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from decimal import Decimal

from xlbo.master.fields import Gender
from xlbo.master.rules import PTFrequency, PTGender, PTSlab


def _slabs_for(
    slabs: Sequence[PTSlab], state: str, on: date, gender: Gender | None
) -> list[PTSlab]:
    mine = [s for s in slabs if s.state == state and s.effective_from <= on]
    if not mine:
        return []
    latest = max(s.effective_from for s in mine)
    mine = [s for s in mine if s.effective_from == latest]
    wanted = (
        PTGender(gender.value) if gender and gender.value in PTGender.__members__.values() else None
    )
    specific = [s for s in mine if s.gender is wanted] if wanted else []
    return specific or [s for s in mine if s.gender is PTGender.ALL]


def professional_tax(
    slabs: Sequence[PTSlab],
    state: str,
    gross: Decimal,
    month: date,
    gender: Gender | None = None,
    half_year_gross: Decimal | None = None,
    annual_gross: Decimal | None = None,
) -> Decimal:
    """PT deducted in `month` from an employee working in `state`."""
    applicable = _slabs_for(slabs, state, month, gender)
    if not applicable:
        return Decimal(0)
    frequency = applicable[0].frequency
    base = gross
    if frequency is not PTFrequency.MONTHLY:
        months = applicable[0].deduction_months
        if month.month not in months:
            return Decimal(0)
        if frequency is PTFrequency.HALF_YEARLY:
            base = half_year_gross if half_year_gross is not None else gross * 6
        else:
            base = annual_gross if annual_gross is not None else gross * 12
    slab = max(
        (s for s in applicable if s.wage_from <= base), key=lambda s: s.wage_from, default=None
    )
    if slab is None:
        return Decimal(0)
    if month.month == 2 and slab.february_tax is not None:
        return slab.february_tax
    return slab.tax
