"""Bulk-payment files in two user layouts (an HDFC-style CSV without a header, a fixed-width
text file with header and trailer), checked byte for byte; the generic default; IFSC and name
checks."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

from tests.vendors.records import vendor
from xlbo.money import to_paise
from xlbo.vendors.bankfile import BankPayment, bank_file, payee_problem
from xlbo.vendors.layouts import BankField, LayoutField, Part, Style, default_layouts

DAY = date(2026, 11, 2)
PAYMENTS = [
    BankPayment("V01", "Annapurna Caterers & Events (Pune), Pvt", "50100012345678",
                "HDFC0001234", to_paise(Decimal("58000")), "PMT/20261102/001", "AC/101",
                "accounts@annapurna.example"),
    BankPayment("V02", "Śrī Properties", "001234567890", "SBIN0000456",
                to_paise(Decimal("254915.50")), "PMT/20261102/002", "R-10, R-11"),
]  # fmt: skip


def f(layout: str, field: BankField, **kw: object) -> LayoutField:
    return LayoutField.model_validate({"layout": layout, "field": field, **kw})


def test_hdfc_style_csv_without_header() -> None:
    name = "HDFC ENet"
    layout = [
        f(name, BankField.MODE, style=Style.CSV, delimiter="Comma", file_name="ACME0211.001",
          text="NEFT=N;RTGS=R"),
        f(name, BankField.CODE, width=13),
        f(name, BankField.ACCOUNT, width=24),
        f(name, BankField.AMOUNT, format="0.00"),
        f(name, BankField.NAME, width=22),
        f(name, BankField.DATE, format="DD/MM/YYYY"),
        f(name, BankField.IFSC, width=11),
    ]  # fmt: skip
    made = bank_file(layout, PAYMENTS, DAY)
    assert made.name == "ACME0211.001"
    assert made.content == (
        b"N,V01,50100012345678,58000.00,Annapurna Caterers Eve,02/11/2026,HDFC0001234\r\n"
        b"R,V02,001234567890,254915.50,Sri Properties,02/11/2026,SBIN0000456\r\n"
    )
    assert made.problems == []
    assert any("cut to 22 characters" in w for w in made.warnings)


def test_fixed_width_with_header_and_trailer() -> None:
    name = "Bank Text"
    layout = [
        f(name, BankField.TEXT, style=Style.FIXED, file_name="PAY_YYYYMMDD.txt",
          line=Part.HEADER, text="FILEHDR"),
        f(name, BankField.DEBIT_ACCOUNT, line=Part.HEADER, width=16),
        f(name, BankField.DATE, line=Part.HEADER, format="DDMMYYYY"),
        f(name, BankField.COUNT, line=Part.HEADER, width=5, pad="0"),
        f(name, BankField.SERIAL, width=4, pad="0"),
        f(name, BankField.IFSC, width=11),
        f(name, BankField.ACCOUNT, width=16),
        f(name, BankField.AMOUNT, width=15, pad="0", format="paise"),
        f(name, BankField.NAME, width=20),
        f(name, BankField.TEXT, line=Part.FOOTER, text="FILETRL"),
        f(name, BankField.TOTAL, line=Part.FOOTER, width=14, pad="0"),
    ]  # fmt: skip
    made = bank_file(
        layout, PAYMENTS, DAY, debit_account="00012345678901", debit_ifsc="HDFC0000001"
    )
    assert made.name == "PAY_20261102.txt"
    assert made.content == (
        b"FILEHDR00012345678901  0211202600002\r\n"
        b"0001HDFC000123450100012345678  000000005800000Annapurna Caterers E\r\n"
        b"0002SBIN0000456001234567890    000000025491550Sri Properties      \r\n"
        b"FILETRL00000312915.50\r\n"
    )
    assert made.problems == []


def test_the_generic_default_has_a_header_row() -> None:
    made = bank_file(default_layouts(), PAYMENTS[:1], DAY)
    lines = made.content.decode("ascii").split("\r\n")
    assert made.name == "NEFT-RTGS-20261102.csv"
    assert lines[0].startswith("Payment Type,Beneficiary Name,Beneficiary Account,IFSC,Amount")
    assert lines[1] == (
        "NEFT,Annapurna Caterers Events Pune Pvt,50100012345678,HDFC0001234,58000.00,"
        "02/11/2026,PMT/20261102/001,AC/101,accounts@annapurna.example"
    )


def test_what_does_not_fit_is_a_problem_and_formula_starts_go() -> None:
    layout = [f("X", BankField.ACCOUNT, style=Style.CSV, width=6), f("X", BankField.NAME),
              f("X", BankField.AMOUNT, format="0")]  # fmt: skip
    odd = BankPayment("V9", "=HYPERLINK(evil)", "1234567890", "HDFC0001234", 10050, "R", "")
    made = bank_file(layout, [odd], DAY)
    assert made.content.startswith(b"1234567890,HYPERLINKevil,")
    assert any("longer than the layout's 6" in p for p in made.problems)
    assert any("whole rupees" in p for p in made.problems)


def test_payee_checks() -> None:
    assert payee_problem(vendor(bank_account="123", ifsc="HDFC0001234")) == ""
    assert "no Bank Account" in payee_problem(vendor(ifsc="HDFC0001234"))
    assert "5th character" in payee_problem(vendor(bank_account="1", ifsc="HDFCO001234"))


def test_one_threshold_decides_neft_or_rtgs_for_the_file_and_the_advice() -> None:
    """RTGS from ₹2,00,000.00 to the paisa, NEFT below: the bank file's mode and the payments
    and advice sheets' mode (`xlbo.sheets.payables.mode_of`) come from one rule."""
    from xlbo.vendors.bankfile import payment_mode

    assert [payment_mode(p) for p in (199_999_99, 200_000_00, 200_000_01)] == [
        "NEFT",
        "RTGS",
        "RTGS",
    ]
    layout = [r for r in default_layouts() if r.layout == "Generic NEFT/RTGS CSV"]
    text = bank_file(layout, PAYMENTS, DAY).content.decode()
    assert [line.split(",")[0] for line in text.splitlines()[1:]] == ["NEFT", "RTGS"]
