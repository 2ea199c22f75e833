"""The demo's sales for November 2026, as the accountant types them on the master's Items and
Invoices sheets: goods and installation services to customers across India (CGST + SGST within
Maharashtra, IGST beyond it, a customer without a GSTIN), an item code that fills a line from the
Items sheet, a discount, and a credit note for goods returned against one of the month's
invoices. `xlbo invoices master.xlsx --out invoices` issues them."""

from __future__ import annotations

import random
from collections.abc import Sequence
from datetime import date, timedelta
from decimal import Decimal

from xlbo.master.records import Customer, DocumentType, InvoiceLine, Item

ITEMS = (
    Item(
        code="CAB-4", description="Steel filing cabinet, 4 drawer", hsn="9403", unit="NOS",
        rate=Decimal(14500), gst_rate=Decimal("0.18"),
    ),
    Item(
        code="RACK-S", description="Slotted angle rack, 6 shelf", hsn="9403", unit="NOS",
        rate=Decimal(6800), gst_rate=Decimal("0.18"),
    ),
    Item(
        code="CHAIR-E", description="Ergonomic office chair", hsn="9401", unit="NOS",
        rate=Decimal(8900), gst_rate=Decimal("0.18"),
    ),
    Item(
        code="LOCKER", description="Steel locker, 12 door", hsn="9403", unit="NOS",
        rate=Decimal(21800), gst_rate=Decimal("0.18"),
    ),
    Item(
        code="INSTALL", description="Installation and commissioning", hsn="998719",
        rate=Decimal(2500), gst_rate=Decimal("0.18"),
    ),
)  # fmt: skip
"""What the demo company sells: office furniture and stationery, and installing it."""

FIRST_DAY = date(2026, 11, 2)
DAYS = 26
INVOICES = 18


def make_invoice_lines(rng: random.Random, customers: Sequence[Customer]) -> list[InvoiceLine]:
    """A month of sales documents, line by line. The month's first invoice goes to a registered
    customer in another State (IGST); the last document is a credit note for one piece of it,
    returned."""
    lines: list[InvoiceLine] = []
    goods = [item for item in ITEMS if item.unit]
    away = [c for c in customers[6:] if c.gstin and c.state != "Maharashtra"]
    for number in range(INVOICES):
        customer = away[0] if number == 0 else customers[rng.randrange(len(customers))]
        day = FIRST_DAY + timedelta(days=number * DAYS // INVOICES)
        for item in rng.sample(goods, rng.choice((1, 1, 2, 3))):
            lines.append(
                InvoiceLine(
                    series="INV",
                    date=day,
                    customer_code=customer.customer_code,
                    description=item.code,  # the Items sheet fills the rest
                    quantity=Decimal(rng.choice((1, 2, 3, 5, 10, 12))),
                    discount=Decimal(rng.choice((0, 0, 0, 250, 500))),
                )
            )
        if rng.random() < 0.4:  # installed on site
            lines.append(
                InvoiceLine(
                    series="INV",
                    date=day,
                    customer_code=customer.customer_code,
                    description="INSTALL",
                    quantity=Decimal(1),
                )
            )
    lines.append(
        InvoiceLine(
            document_type=DocumentType.CREDIT_NOTE,
            series="CN",
            date=FIRST_DAY + timedelta(days=DAYS),
            customer_code=away[0].customer_code,
            description=lines[0].description,
            quantity=Decimal(1),
            original_invoice="INV/26-27/0001",
        )
    )
    return lines
