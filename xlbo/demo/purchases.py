"""The demo company's vendor bills of October and November 2026 (the master's Purchases sheet),
its contracts (the Contracts sheet), and the accountant's ticks on the payment run.

The bills are picked to show each rule: micro and small suppliers past their 45 (or 15) days,
a medium one, 194C crossing its single and aggregate thresholds, professional and technical
fees (194J(b), 194J(a)) written on the bill because the vendor's `194J` is two sections, rent
above Rs 50,000 a month (194I(b)), commission (194H), goods below 194Q's Rs 50 lakh, a vendor
without TDS, and a reverse-charge bill.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from decimal import Decimal
from pathlib import Path

from xlbo.master.records import PurchaseBill, Vendor
from xlbo.vendors.contracts import Contract

D = Decimal
HOME = "Maharashtra"

BILLS: tuple[tuple[str, str, date, date | None, str, str, int, str | None, date | None], ...] = (
    # vendor, bill no, bill date, accepted, expense account, description, taxable, TDS, agreed
    ("V003", "OSL/2026/418", date(2026, 10, 6), date(2026, 10, 8), "Freight Outward",
     "Deliveries, September", 28000, None, date(2026, 11, 30)),
    ("V003", "OSL/2026/455", date(2026, 11, 5), None, "Freight Outward",
     "Deliveries, October", 26000, None, None),
    ("V003", "OSL/2026/471", date(2026, 11, 20), None, "Freight Outward",
     "Deliveries, November", 52000, None, None),
    ("V005", "SA/26-27/112", date(2026, 11, 3), None, "Audit Fees", "Tax audit FY 2025-26",
     75000, "194J(b)", None),
    ("V009", "SKH-1107", date(2026, 10, 31), None, "Housekeeping and Security",
     "Housekeeping, October", 42000, None, None),
    ("V010", "NHP/RENT/11", date(2026, 11, 1), None, "Rent", "Office rent, November", 85000,
     "194I(b)", None),
    ("V015", "CIT/INV/2291", date(2026, 11, 10), None, "Software Subscriptions",
     "ERP support, technical", 64000, "194J(a)", None),
    ("V016", "SC-88120", date(2026, 11, 14), None, "Freight Outward", "Couriers, November",
     9500, None, None),
    ("V018", "AC/26/310", date(2026, 10, 1), date(2026, 10, 3), "Staff Welfare",
     "Canteen, September", 48000, None, date(2026, 12, 15)),
    ("V030", "UIB/COM/77", date(2026, 11, 18), None, "Insurance", "Brokerage on renewals",
     24000, None, None),
    ("V002", "KPI/1190", date(2026, 11, 12), None, "Purchases - Goods", "Corrugated cartons",
     180000, None, None),
    ("V001", "SBT/552", date(2026, 10, 20), None, "Purchases - Goods", "Steel sheets", 96000,
     None, None),
    ("V007", "BCP/3321", date(2026, 11, 25), None, "Computers", "Two laptops", 118000, None,
     None),
    ("V029", "RT/2026/61", date(2026, 11, 22), None, "Travelling and Conveyance",
     "Cab hire, November", 18000, None, None),
)  # fmt: skip
REVERSE_CHARGE = frozenset({"RT/2026/61"})
"""Cab hire from a proprietor: the company pays the GST (reverse charge)."""


def make_purchase_bills(vendors: Sequence[Vendor]) -> list[PurchaseBill]:
    """The demo's bills, GST by the vendor's state (CGST + SGST in Maharashtra, else IGST)."""
    by_code = {v.vendor_code: v for v in vendors}
    bills = []
    for code, number, day, accepted, account, text, taxable, section, agreed in BILLS:
        vendor = by_code[code]
        rate = D("0.05") if number in REVERSE_CHARGE else D("0.18")
        tax = (D(taxable) * rate).quantize(D("0.01"))
        local = vendor.state == HOME
        half = (tax / 2).quantize(D("0.01"))
        bills.append(
            PurchaseBill(
                vendor_code=code,
                bill_no=number,
                bill_date=day,
                accepted_date=accepted,
                expense_account=account,
                description=text,
                taxable_value=D(taxable),
                igst=D(0) if local else tax,
                cgst=half if local else D(0),
                sgst=half if local else D(0),
                place_of_supply=HOME,
                reverse_charge=number in REVERSE_CHARGE,
                tds_section=section,
                agreed_due_date=agreed,
            )
        )
    return bills


def make_contracts(vendors: Sequence[Vendor]) -> list[Contract]:
    """A lease with a bank guarantee, a canteen contract that renews itself on MSME-breaking
    terms, a security contract with a deposit."""
    name = {v.vendor_code: v.name for v in vendors}
    return [
        Contract(
            contract_id="CT-001", party=name["V010"], party_code="V010",
            subject="Office lease, Pune", start=date(2024, 1, 1), end=date(2026, 12, 31),
            notice_days=60, value=D(3060000), payment_terms=7, security="Bank Guarantee",
            security_amount=D(255000), guarantee_expiry=date(2026, 12, 15), owner="Admin",
        ),
        Contract(
            contract_id="CT-002", party=name["V018"], party_code="V018",
            subject="Canteen services", start=date(2025, 4, 1), end=date(2026, 3, 31),
            auto_renew=True, renewal_months=12, notice_days=30, value=D(600000),
            payment_terms=60, owner="HR",
        ),
        Contract(
            contract_id="CT-003", party=name["V020"], party_code="V020",
            subject="Security guards, three shifts", start=date(2025, 2, 1),
            end=date(2027, 1, 31), notice_days=30, value=D(960000), payment_terms=30,
            security="Security Deposit", security_amount=D(80000), owner="Admin",
        ),
    ]  # fmt: skip


def tick_micro_and_small(run: Path, vendors: Sequence[Vendor]) -> int:
    """Tick Pay on the run's bills of micro and small suppliers, as the accountant would in
    Excel; return how many."""
    import openpyxl

    protected = {v.vendor_code for v in vendors if v.msme_protected}
    book = openpyxl.load_workbook(run)
    sheet = book["Payment Run"]
    header = next(r[0].row for r in sheet.iter_rows() if r[0].value == "Pay")
    columns = {str(c.value): int(c.column or 0) for c in sheet[header]}
    ticked = 0
    for row in range(header + 1, sheet.max_row + 1):
        if str(sheet.cell(row, columns["Vendor Code"]).value) in protected:
            sheet.cell(row, columns["Pay"]).value = "Yes"
            ticked += 1
    book.save(run)
    return ticked
