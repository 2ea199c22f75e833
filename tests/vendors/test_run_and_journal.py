"""The payment run proposed as on a day (open bills only, part payments, TDS now, net), and
purchase and payment vouchers that balance."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

from tests.vendors.records import bill, vendor
from xlbo.money import to_paise
from xlbo.vendors.journal import payment_journal, purchase_journal
from xlbo.vendors.rules import tds_rules
from xlbo.vendors.run import propose
from xlbo.vendors.settle import Payment

MICRO = vendor("V01", name="Annapurna Caterers", msme_class="Micro", tds_section="194C")
LANDLORD = vendor("V02", name="Shree Properties", tds_section="194I(b)", pan="ABCPS1234K")
VENDORS = {"v01": MICRO, "v02": LANDLORD}


def test_open_bills_tds_and_net() -> None:
    bills = [
        bill(50000, date(2026, 10, 1), code="V01", number="AC/101", cgst=4500, sgst=4500,
             expense_account="Staff Welfare"),
        bill(60000, date(2026, 10, 5), code="V02", number="R-10", cgst=5400, sgst=5400,
             expense_account="Rent"),
        bill(20000, date(2026, 9, 1), code="V01", number="AC/99"),  # paid in full below
        bill(30000, date(2026, 11, 5), code="V01", number="AC/120"),  # after the as-on day
        bill(10000, date(2026, 10, 2), code="V09", number="X"),  # no such vendor
    ]  # fmt: skip
    payments = [
        Payment(date(2026, 9, 20), "Annapurna Caterers", to_paise(Decimal(20000)), "AC/99"),
        Payment(date(2026, 10, 20), "V02", to_paise(Decimal(10800)), "part"),
    ]
    rows, problems = propose(bills, VENDORS, tds_rules(), payments, date(2026, 10, 31))
    assert [r.bill.bill_no for r in rows] == ["AC/101", "R-10"]  # MSME first
    micro, rent = rows
    assert micro.due.day == date(2026, 10, 16) and micro.overdue == 15
    assert micro.outstanding == to_paise(Decimal(59000))
    assert micro.tds_now == to_paise(Decimal(1000))  # 2% of 50,000 (year 70,000 + single)
    assert micro.net == to_paise(Decimal(58000))
    assert "FY 2026-27" in micro.risk
    assert rent.paid == to_paise(Decimal(10800)) and rent.outstanding == to_paise(Decimal(60000))
    assert rent.tds_now == to_paise(Decimal(5085))  # 6,000 × 60,000 / 70,800, to the rupee
    assert "part paid" in rent.tds_why
    assert [(p.index, p.header) for p in problems] == [(4, "Vendor Code")]


def test_vouchers_balance() -> None:
    bills = [
        bill(50000, date(2026, 10, 1), code="V01", number="AC/101", cgst=4500, sgst=4500),
        bill(10000, date(2026, 10, 2), code="V02", number="R-RC", igst=1800, reverse_charge=True),
    ]
    journal = purchase_journal([(b, VENDORS[b.vendor_code.casefold()]) for b in bills])
    for _, voucher in journal.groupby("Voucher No"):
        debit = sum(v for v in voucher["Debit"] if v is not None)
        credit = sum(v for v in voucher["Credit"] if v is not None)
        assert debit == credit
    rc = journal[journal["Voucher No"] == "V02/R-RC"]
    assert set(rc["Account"]) == {
        "Professional Fees",
        "Input IGST",
        "Output IGST",
        "Trade Payables",
    }
    assert rc[rc["Account"] == "Trade Payables"]["Credit"].tolist() == [Decimal("10000.00")]
    rows, _ = propose(bills, VENDORS, tds_rules(), [], date(2026, 10, 31))
    by_vendor = [
        ("PMT-1", [r for r in rows if r.vendor is MICRO]),
        ("PMT-2", [r for r in rows if r.vendor is LANDLORD]),
    ]
    paid = payment_journal(by_vendor, "HDFC Bank Current A/c", date(2026, 11, 2))
    for _, voucher in paid.groupby("Voucher No"):
        debit = sum(v for v in voucher["Debit"] if v is not None)
        credit = sum(v for v in voucher["Credit"] if v is not None)
        assert debit == credit and debit > 0
    micro = paid[paid["Voucher No"] == "PMT-1"].set_index("Account")
    assert micro.at["Trade Payables", "Debit"] == Decimal("59000.00")
    assert micro.at["TDS Payable - Contractors (194C)", "Credit"] == Decimal("1000.00")
    assert micro.at["HDFC Bank Current A/c", "Credit"] == Decimal("58000.00")
