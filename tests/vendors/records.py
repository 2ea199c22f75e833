"""Literal vendors and bills for the engine tests."""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from typing import Any

from xlbo.master.records import PurchaseBill, Vendor


def vendor(code: str = "V01", **fields: Any) -> Vendor:
    base: dict[str, Any] = {
        "vendor_code": code,
        "name": f"Vendor {code}",
        "pan": "AAACS1234K",  # a company
        "payment_terms": 30,
    }
    return Vendor.model_validate({**base, **fields})


def bill(
    taxable: int | str,
    day: date,
    *,
    code: str = "V01",
    number: str | None = None,
    **fields: Any,
) -> PurchaseBill:
    base: dict[str, Any] = {
        "vendor_code": code,
        "bill_no": number or f"B-{day:%m%d}-{taxable}",
        "bill_date": day,
        "expense_account": "Professional Fees",
        "taxable_value": Decimal(taxable),
    }
    return PurchaseBill.model_validate({**base, **fields})
