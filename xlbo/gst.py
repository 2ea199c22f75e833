"""GST on a supply: CGST and SGST (or UTGST) within a state, IGST across states.

The supplier's state is where it is registered (the first two digits of its GSTIN); the place of
supply is where the goods go or the service is received. Same state: half the rate each as CGST
and SGST (UTGST in a union territory without a legislature). Different states, imports, exports
and SEZ supplies: IGST at the full rate. Each tax is rounded half up to the paisa.

    >>> gst_split(Decimal("10000"), Decimal("0.18"), "Maharashtra", "27")
    GSTSplit(cgst=Decimal('900.00'), sgst=Decimal('900.00'), igst=Decimal('0.00'), utgst=False)
    >>> gst_split(Decimal("10000"), "18%", "27AAPFU0939F1ZV", "Karnataka").igst
    Decimal('1800.00')
"""

from __future__ import annotations

from decimal import ROUND_HALF_UP, Decimal
from typing import Any, NamedTuple

from xlbo.cells import parse_percent
from xlbo.money import PAISE, parse_amount
from xlbo.states import State, find_state


class GSTSplit(NamedTuple):
    cgst: Decimal
    sgst: Decimal
    """SGST, or UTGST when `utgst` is true."""
    igst: Decimal
    utgst: bool = False

    @property
    def total(self) -> Decimal:
        return self.cgst + self.sgst + self.igst


def state_of(value: Any, what: str) -> State:
    """A state from its name, GST code, or a GSTIN (whose first two digits are the code)."""
    if isinstance(value, str) and len(value.strip()) == 15 and value.strip()[:2].isdigit():
        value = value.strip()[:2]
    state = find_state(value)
    if state is None:
        raise ValueError(f"the {what} is blank; give a state name, GST state code or GSTIN")
    return state


def gst_split(taxable: Any, rate: Any, supplier_state: Any, place_of_supply: Any) -> GSTSplit:
    """CGST, SGST/UTGST and IGST on a taxable value at a GST rate."""
    value = parse_amount(taxable)
    if value is None:
        raise ValueError("the taxable value is blank")
    gst_rate = parse_percent(rate)
    if gst_rate is None:
        raise ValueError("the GST rate is blank; give it like 18%")
    supplier = state_of(supplier_state, "supplier's state")
    destination = state_of(place_of_supply, "place of supply")
    zero = Decimal("0.00")
    if supplier.code == destination.code:
        half = (value * gst_rate / 2).quantize(PAISE, rounding=ROUND_HALF_UP)
        return GSTSplit(half, half, zero, destination.utgst)
    return GSTSplit(zero, zero, (value * gst_rate).quantize(PAISE, rounding=ROUND_HALF_UP))
