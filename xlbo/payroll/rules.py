"""Choosing the rule row in force, and rounding the way each statute says."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from decimal import ROUND_CEILING, ROUND_HALF_UP, Decimal
from typing import Protocol, TypeVar

from xlbo.master.rules import Rounding


class Dated(Protocol):
    @property
    def effective_from(self) -> date: ...


R = TypeVar("R", bound=Dated)


def in_force(rows: Sequence[R], on: date, what: str) -> R:
    """The row with the latest Effective From on or before `on`."""
    eligible = [row for row in rows if row.effective_from <= on]
    if not eligible:
        raise ValueError(f"no {what} row is in force on {on:%d-%m-%Y}; add one to the rule sheet")
    return max(eligible, key=lambda row: row.effective_from)


def apply_rounding(amount: Decimal, rule: Rounding) -> Decimal:
    """An amount rounded as `rule` says (whole rupees, or tens, or to the paisa for NONE)."""
    if rule is Rounding.NEAREST_RUPEE:
        return amount.quantize(Decimal(1), rounding=ROUND_HALF_UP)
    if rule is Rounding.UP_TO_RUPEE:
        return amount.quantize(Decimal(1), rounding=ROUND_CEILING)
    if rule is Rounding.NEAREST_TEN:
        return (amount / 10).quantize(Decimal(1), rounding=ROUND_HALF_UP) * 10
    return amount.quantize(Decimal("0.01"), rounding=ROUND_HALF_UP)
