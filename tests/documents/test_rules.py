"""The documents engine's rules, one literal case per line: numbers, HSN digits, rounding, tax
per line; and the Invoices and Items sheets of the master template."""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from pathlib import Path

import openpyxl
import pytest

from xlbo.documents.model import priced_line, rupee_rounded
from xlbo.documents.rules import (
    NUMBER,
    SERIES,
    document_number,
    hsn_digits,
    longest_series,
    sequence_of,
    unit_code,
)
from xlbo.master.template import write_master

CRORE = Decimal(10_000_000)


@pytest.mark.parametrize(
    ("series", "day", "sequence", "number"),
    [
        ("INV", date(2027, 3, 31), 1, "INV/26-27/0001"),
        ("INV", date(2027, 4, 1), 1, "INV/27-28/0001"),
        ("CN", date(2026, 4, 1), 12345, "CN/26-27/12345"),
        ("A1-B", date(2030, 1, 15), 7, "A1-B/29-30/0007"),
    ],
)
def test_numbers_per_series_per_financial_year(
    series: str, day: date, sequence: int, number: str
) -> None:
    assert document_number(series, day, sequence) == number
    assert NUMBER.fullmatch(number) and len(number) <= 16
    assert sequence_of(number, series, day) == sequence


@pytest.mark.parametrize("series", ["0INV", "/INV", "-INV", "IN V", "INV#", "ÍNV"])
def test_a_series_that_cannot_start_a_number(series: str) -> None:
    assert not SERIES.fullmatch(series)


def test_a_series_leaves_room_for_the_year_and_four_digits() -> None:
    assert longest_series(date(2026, 10, 1)) == 5  # 'SALES' + '/26-27/0001' = 16


@pytest.mark.parametrize(
    ("turnover", "registered", "digits"),
    [
        (None, True, 4),  # blank: up to 5 crore
        (5 * CRORE, True, 4),  # 5 crore is 'up to'
        (5 * CRORE, False, 0),  # B2C below the limit: HSN optional
        (5 * CRORE + 1, True, 6),
        (5 * CRORE + 1, False, 6),
    ],
)
def test_hsn_digits_follow_last_years_turnover(
    turnover: Decimal | None, registered: bool, digits: int
) -> None:
    assert hsn_digits(turnover, date(2026, 10, 1), registered=registered) == digits


@pytest.mark.parametrize(
    ("paise", "rupees"),
    [(1050, 1100), (1049, 1000), (1000, 1000), (1099, 1100), (0, 0), (-1050, -1100)],
)
def test_rounding_to_the_rupee_fifty_paise_up(paise: int, rupees: int) -> None:
    assert rupee_rounded(paise) == rupees


@pytest.mark.parametrize(
    ("intra", "cgst", "sgst", "igst"),
    [(True, 1125, 1125, 0), (False, 0, 0, 2250)],
)
def test_tax_per_line_half_up_to_the_paisa(intra: bool, cgst: int, sgst: int, igst: int) -> None:
    line = priced_line(
        row=2,
        description="Steel shelf",
        hsn="9403",
        quantity=Decimal("2.5"),
        unit="NOS",
        rate=Decimal("55"),
        discount=Decimal("12.50"),
        gst_rate=Decimal("0.18"),
        cess_rate=Decimal(0),
        intra_state=intra,
    )
    assert line.taxable == 12500  # 2.5 × 55.00 − 12.50 = 125.00
    assert (line.cgst, line.sgst, line.igst) == (cgst, sgst, igst)  # 11.25 each, or 22.50


@pytest.mark.parametrize(
    ("typed", "code"),
    [("nos", "NOS"), ("Kg", "KGS"), (" bags ", "BAG"), ("litre", "LTR"), ("xyz", None)],
)
def test_units_read_as_gst_unit_codes(typed: str, code: str | None) -> None:
    assert unit_code(typed) == code


def test_the_template_has_the_invoices_and_items_sheets(tmp_path: Path) -> None:
    book = openpyxl.load_workbook(write_master(tmp_path / "master.xlsx"))
    assert book.sheetnames[-3:-1] == ["Invoices", "Items"] or {"Invoices", "Items"} <= set(
        book.sheetnames
    )
    invoices = book["Invoices"]
    headers = [c.value for c in invoices[1] if c.value is not None]
    assert headers == [
        "Document Type", "Series", "Date", "Customer Code", "Place of Supply", "HSN/SAC",
        "Description", "Quantity", "Unit (UQC)", "Rate", "Discount", "GST Rate", "Cess Rate",
        "Reverse Charge", "Shipping Address", "Original Invoice", "Document No",
        "IRN", "Ack No", "Ack Date", "Signed QR", "Language",
    ]  # fmt: skip
    assert "Invoices" in invoices.tables
    assert "xlbo numbers the document" in invoices.cell(1, 17).comment.text
    kinds = [dv.formula1 for dv in invoices.data_validations.dataValidation]
    assert (
        '"Tax Invoice,Bill of Supply,Credit Note,Debit Note,Receipt Voucher,Refund Voucher,'
        'Revised Invoice"' in kinds
    )
    receipts = [c.value for c in book["Receipts"][1] if c.value is not None]
    assert receipts == [
        "Receipt Date", "Customer Code", "Amount", "Mode", "UTR/Cheque No", "Bank Account",
        "Against Invoices", "TDS Deducted", "TDS Section", "Narration", "Receipt No",
    ]  # fmt: skip
    assert '"Cash,Cheque,NEFT,RTGS,IMPS,UPI"' in [
        dv.formula1 for dv in book["Receipts"].data_validations.dataValidation
    ]
    items = [c.value for c in book["Items"][1] if c.value is not None]
    assert items == ["Code", "Description", "HSN/SAC", "Unit", "Rate", "GST Rate"]
    company = [c.value for c in book["Company"][1] if c.value is not None]
    assert "Turnover Previous FY" in company
    about = [row[0] for row in book["About"].iter_rows(values_only=True)]
    assert "Invoices" in about and "Items" in about
