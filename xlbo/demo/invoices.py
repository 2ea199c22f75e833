"""The demo's sales for November 2026, as the accountant types them on the master's Items and
Invoices sheets: goods and installation services to customers across India (CGST + SGST within
Maharashtra, IGST beyond it, a customer without a GSTIN), an item code that fills a line from the
Items sheet, a discount, and a credit note for goods returned against one of the month's
invoices; a maintenance contract billed in a series of its own (SRV), an advance received for
one (a Rule 50 receipt voucher), and the month's receipts on the Receipts sheet: one payment
settling two invoices, one with TDS deducted by the payer, and ₹2,50,000 in cash that xlbo
refuses (s.269ST). `xlbo invoices master.xlsx --out invoices` issues them."""

from __future__ import annotations

import random
from collections.abc import Sequence
from datetime import date, timedelta
from decimal import Decimal

from xlbo.master.records import (
    Customer,
    DocumentType,
    InvoiceLine,
    Item,
    ReceiptLine,
    ReceiptMode,
)

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
    lines += _contracts(customers)
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


SERVICE_SERIES = "SRV"
"""The maintenance contracts' own series: SRV/26-27/0001, … whatever the month's sales."""


def _contract_customers(customers: Sequence[Customer]) -> tuple[Customer, Customer]:
    """Two registered customers whose rows the demo plants no mistake in."""
    registered = [c for c in customers[6:] if c.gstin]
    return registered[1], registered[2]


def _contracts(customers: Sequence[Customer]) -> list[InvoiceLine]:
    """Installation contracts billed at the month's end (SRV/26-27/0001 and 0002 to one
    customer, 0003 to another: 11,800, 23,600 and 11,800 with GST at 18%), and an advance of
    59,000 received for next year's maintenance (a receipt voucher: 50,000 + 9,000 GST)."""
    first, second = _contract_customers(customers)
    lines = [
        InvoiceLine(
            series=SERVICE_SERIES,
            date=day,
            customer_code=customer.customer_code,
            description="INSTALL",
            quantity=Decimal(quantity),
        )
        for day, customer, quantity in (
            (date(2026, 11, 25), first, 4),
            (date(2026, 11, 26), first, 8),
            (date(2026, 11, 26), second, 4),
        )
    ]
    lines.append(
        InvoiceLine(
            document_type=DocumentType.RECEIPT_VOUCHER,
            series="RV",
            date=date(2026, 11, 27),
            customer_code=first.customer_code,
            hsn="998719",
            description="Advance for annual maintenance, 2027",
            rate=Decimal(59000),
        )
    )
    return lines


def make_receipt_lines(customers: Sequence[Customer]) -> list[ReceiptLine]:
    """November's money in, as typed on the Receipts sheet: the first contract customer pays
    both its SRV invoices (35,400) by NEFT; the second pays 11,600 by RTGS, having deducted TDS
    of 200 (2% under s.194C) from 11,800; and a walk-in customer's ₹2,50,000 in cash, which
    xlbo refuses (s.269ST: ₹2 lakh or more from one person in a day)."""
    first, second = _contract_customers(customers)
    cash_payer = next(c for c in customers[6:] if not c.gstin)
    return [
        ReceiptLine(
            receipt_date=date(2026, 11, 28),
            customer_code=first.customer_code,
            amount=Decimal(35400),
            mode=ReceiptMode.NEFT,
            reference="N332260045871",
            against=f"{SERVICE_SERIES}/26-27/0001; {SERVICE_SERIES}/26-27/0002",
            narration="Installation, November",
        ),
        ReceiptLine(
            receipt_date=date(2026, 11, 30),
            customer_code=second.customer_code,
            amount=Decimal(11600),
            mode=ReceiptMode.RTGS,
            reference="HDFCR52026113000418",
            against=f"{SERVICE_SERIES}/26-27/0003",
            tds=Decimal(200),
            tds_section="194C",
        ),
        ReceiptLine(
            receipt_date=date(2026, 11, 30),
            customer_code=cash_payer.customer_code,
            amount=Decimal(250000),
            mode=ReceiptMode.CASH,
            narration="Cash paid at the counter",
        ),
    ]
