"""Old-regime tax declarations: what an employee declared for the year, by section, and the
deduction it makes (the `Declarations` sheet is read by `xlbo.readers.declarations`). Section
80C amounts are added to the employee's PF and capped by the Income Tax Rules' 80C limit; the
other sections are capped at their statutory maximum (the defaults below; a claim above it is
used at the cap and noted). New-regime employees' declarations are ignored: the regime allows
none of these.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal

from xlbo.money import format_inr

SECTION_CAPS: dict[str, Decimal | None] = {
    "80C": None,  # with employee PF, up to the Income Tax Rules' 80C Limit
    "80CCD(1B)": Decimal(50000),
    "80D": Decimal(100000),
    "24(b)": Decimal(200000),
    "80TTA": Decimal(10000),
    "80E": None,
    "80G": None,
    "HRA": None,
}
"""Sections an employee may declare, with the most each allows (None: no separate cap)."""


@dataclass(frozen=True)
class Declared:
    """An employee's declared deductions for a year, by section."""

    amounts: dict[str, Decimal] = field(default_factory=dict)

    def deduction(self, pf_for_year: Decimal, limit_80c: Decimal) -> tuple[Decimal, str]:
        """Total deduction and how it was made up."""
        parts = []
        total = min(self.amounts.get("80C", Decimal(0)) + pf_for_year, limit_80c)
        parts.append(
            f"80C {format_inr(total)} (declared {format_inr(self.amounts.get('80C', Decimal(0)))}"
            f" + PF {format_inr(pf_for_year)}, cap {format_inr(limit_80c)})"
        )
        for section, amount in self.amounts.items():
            if section == "80C":
                continue
            cap = SECTION_CAPS.get(section)
            used = min(amount, cap) if cap is not None else amount
            total += used
            parts.append(
                f"{section} {format_inr(used)}"
                + (f" (capped at {format_inr(cap)})" if cap is not None and amount > cap else "")
            )
        return total, "; ".join(parts)
