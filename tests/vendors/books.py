"""A literal books workbook for the payables job: a company in Pune, four vendors (a micro
caterer, a landlord, a consultant without a PAN, a vendor without an IFSC), their bills on the
Purchases sheet and a payment in the Journal."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import Any

from tests.conftest import write_xlsx

COMPANY = [
    ["Name", "State", "GSTIN", "PAN", "Turnover Previous FY"],
    ["Sahyadri Tradelinks Private Limited", "Maharashtra", "27AAPFU0939F1ZV", "AAPFU0939F",
     30000000],
]  # fmt: skip
VENDORS = [
    ["Vendor Code", "Name", "PAN", "State", "Email", "Bank Account", "IFSC",
     "Payment Terms (days)", "TDS Section", "MSME", "MSME Class", "MSME Registration (Udyam)"],
    ["V01", "Annapurna Caterers", "AAKFA1234C", "Maharashtra", "ac@annapurna.example",
     "50100012345678", "HDFC0001234", 30, "194C", "Yes", "Micro", "UDYAM-MH-26-0012345"],
    ["V02", "Shree Properties", "ABCPS1234K", "Maharashtra", None, "001234567890",
     "SBIN0000456", 7, "194I(b)", "No", None, None],
    ["V03", "Kulkarni Consultants", None, "Maharashtra", None, "9988776655", "ICIC0000789",
     15, "194J(b)", "No", None, None],
    ["V04", "Deccan Couriers", "AADCD5678E", "Maharashtra", None, "1122334455", None, 30,
     "194C", "No", None, None],
]  # fmt: skip
BANKS = [
    ["Account", "Bank", "Account Number", "IFSC", "Account Type"],
    ["HDFC Bank Current A/c", "HDFC Bank", "00012345678901", "HDFC0000001", "Current"],
]
PURCHASE_HEADERS = [
    "Vendor Code", "Bill No", "Bill Date", "Accepted Date", "Expense Account", "Description",
    "Taxable Value", "IGST", "CGST", "SGST", "Cess", "Place of Supply", "Reverse Charge",
    "TDS Section", "Agreed Due Date",
]  # fmt: skip
PURCHASES = [
    ["V01", "AC/101", "01-10-2026", "03-10-2026", "Staff Welfare", "Canteen Sep", 50000, None,
     4500, 4500, None, "Maharashtra", "No", None, "30-11-2026"],
    ["V01", "AC/99", "01-09-2026", None, "Staff Welfare", "Canteen Aug", 20000, None, None,
     None, None, None, None, None, None],
    ["V02", "R-11", "01-11-2026", None, "Rent", "Office rent Nov", 60000, None, 5400, 5400,
     None, None, None, None, None],
    ["V03", "KC/7", "10-11-2026", None, "Professional Fees", "GST audit", 80000, None, 7200,
     7200, None, None, None, None, None],
    ["V04", "DC-55", "15-11-2026", None, "Freight Outward", "Couriers", 40000, None, 3600,
     3600, None, None, None, None, None],
]  # fmt: skip
JOURNAL = [
    ["Date", "Voucher No", "Voucher Type", "Account", "Debit", "Credit", "Party",
     "Cost Centre", "Narration"],
    ["20-09-2026", "PMT/1", "Payment", "Trade Payables", 20000, None, "Annapurna Caterers",
     None, "Bill AC/99"],
    ["20-09-2026", "PMT/1", "Payment", "HDFC Bank Current A/c", None, 20000, None, None,
     "Bill AC/99"],
]  # fmt: skip


def books(
    folder: Path,
    *,
    purchases: Sequence[Sequence[Any]] = PURCHASES,
    extra: dict[str, list[list[Any]]] | None = None,
    name: str = "books.xlsx",
) -> Path:
    sheets: dict[str, list[list[Any]]] = {
        "Company": [list(r) for r in COMPANY],
        "Vendors": [list(r) for r in VENDORS],
        "Bank Accounts": [list(r) for r in BANKS],
        "Purchases": [PURCHASE_HEADERS, *[list(r) for r in purchases]],
        "Journal": [list(r) for r in JOURNAL],
        **(extra or {}),
    }
    return write_xlsx(folder / name, sheets)
