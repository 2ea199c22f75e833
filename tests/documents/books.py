"""Literal workbooks for the Invoices job: a company in Pune (Maharashtra, GSTIN 27…), customers
in Maharashtra, Karnataka and Chandigarh (a Union Territory without a legislature), and an
Invoices sheet given row by row."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import Any

from tests.conftest import write_xlsx

COMPANY_GSTIN = "27AAPFU0939F1ZV"
COMPANY = [
    ["Name", "Address", "State", "GSTIN", "PIN", "Turnover Previous FY"],
    [
        "Sahyadri Tradelinks Private Limited",
        "Plot 12, MIDC Bhosari, Pune",
        "Maharashtra",
        COMPANY_GSTIN,
        "411026",
        30000000,
    ],
]
CUSTOMERS = [
    ["Customer Code", "Name", "GSTIN", "State", "Address"],
    ["KAV", "Kaveri Foods Pvt Ltd", "29AABCK1234L1ZI", "Karnataka", "12 MG Road, Bengaluru 560001"],
    [
        "CHD",
        "Chandigarh Cycles Ltd",
        "04AAACC5678M1ZD",
        "Chandigarh",
        "Sector 17, Chandigarh 160017",
    ],
    ["SAH", "Shivneri Agencies Pvt Ltd", "27AAGCS4321P1ZZ", "Maharashtra", "FC Road, Pune 411004"],
    ["WALK", "Cash Customer", None, "Maharashtra", None],
]
INVOICE_HEADERS = [
    "Document Type", "Series", "Date", "Customer Code", "Place of Supply", "HSN/SAC",
    "Description", "Quantity", "Unit (UQC)", "Rate", "Discount", "GST Rate", "Cess Rate",
    "Reverse Charge", "Shipping Address", "Original Invoice", "Document No",
    "IRN", "Ack No", "Ack Date", "Signed QR", "Language",
]  # fmt: skip
ITEMS = [
    ["Code", "Description", "HSN/SAC", "Unit", "Rate", "GST Rate"],
    ["ALM", "Steel almirah, 2 door", "9403", "NOS", 12500, "18%"],
    ["FIT", "Installation service", "998719", None, 1500, "18%"],
]


def line(
    customer: str = "SAH",
    date: str = "15-10-2026",
    *,
    kind: str = "Tax Invoice",
    series: str = "INV",
    description: str = "Steel almirah, 2 door",
    hsn: Any = "9403",
    quantity: Any = 2,
    unit: Any = "NOS",
    rate: Any = 12500,
    discount: Any = None,
    gst: Any = "18%",
    cess: Any = None,
    place: Any = None,
    reverse: Any = None,
    shipping: Any = None,
    original: Any = None,
    number: Any = None,
    irn: Any = None,
    ack_no: Any = None,
    ack_date: Any = None,
    signed_qr: Any = None,
    language: Any = None,
) -> list[Any]:
    """One Invoices row, as a user types it."""
    return [kind, series, date, customer, place, hsn, description, quantity, unit, rate,
            discount, gst, cess, reverse, shipping, original, number,
            irn, ack_no, ack_date, signed_qr, language]  # fmt: skip


def book(
    folder: Path,
    lines: Sequence[Sequence[Any]],
    *,
    name: str = "book.xlsx",
    company: Sequence[Sequence[Any]] = COMPANY,
    customers: Sequence[Sequence[Any]] = CUSTOMERS,
    items: bool = False,
) -> Path:
    """A workbook with Company, Customers and Invoices sheets (and Items when asked)."""
    sheets: dict[str, Any] = {
        "Company": company,
        "Customers": customers,
        "Invoices": [INVOICE_HEADERS, *lines],
    }
    if items:
        sheets["Items"] = ITEMS
    return write_xlsx(folder / name, sheets)
