"""The Purchases sheet: its headers in the master template, and a reader that puts each bad cell
in an Issue and keeps the good bills."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pytest

from tests.conftest import write_xlsx
from xlbo.book import FileBook
from xlbo.errors import UserError
from xlbo.master.schema import PURCHASES
from xlbo.master.template import write_master
from xlbo.readers.purchases import read_purchases

HEADERS = [
    "Vendor Code", "Bill No", "Bill Date", "Accepted Date", "Expense Account", "Description",
    "Taxable Value", "IGST", "CGST", "SGST", "Cess", "Place of Supply", "Reverse Charge",
    "TDS Section", "Agreed Due Date",
]  # fmt: skip
IMPORT_HEADERS = ["Bill of Entry", "Bill of Entry Date", "Port Code"]
"""An import's customs bill of entry, read by the GSTR-2B reconciliation (impg, impgsez)."""


def test_the_headers_are_those_other_jobs_read_by() -> None:
    headers = list(PURCHASES.headers)
    assert headers[: len(HEADERS)] == HEADERS
    at = headers.index("Bill of Entry")
    assert headers[at : at + 3] == IMPORT_HEADERS


def test_the_template_has_the_purchases_sheet_with_notes(tmp_path: Path) -> None:
    path = write_master(tmp_path / "master.xlsx")
    book = FileBook(path)
    assert book.has("Purchases")
    table = book.read_table("Purchases", tuple(HEADERS))
    assert list(table.frame.columns)[: len(HEADERS)] == HEADERS
    import openpyxl

    sheet = openpyxl.load_workbook(path)["Purchases"]
    notes = {c.value: c.comment.text for c in sheet[1] if c.comment}
    assert "45 days" in notes["Agreed Due Date"]
    assert "Required" in notes["Vendor Code"]


def test_bad_cells_become_issues_and_good_bills_are_read(tmp_path: Path) -> None:
    path = write_xlsx(
        tmp_path / "book.xlsx",
        {
            "Purchases": [
                HEADERS,
                ["V01", "INV/26-27/14", "05-10-2026", "07-10-2026", "Rent", "October rent",
                 50000, None, 4500, 4500, None, "Maharashtra", "No", "194I(b)", None],
                ["V02", "B-9", "31-09-2026", None, "Professional Fees", None,
                 "twelve", None, None, None, None, None, None, None, None],
            ]
        },
    )  # fmt: skip
    purchases = read_purchases(FileBook(path))
    assert len(purchases.bills) == 1
    bill = purchases.bills[0]
    assert bill.taxable_value == Decimal(50000) and bill.gst == Decimal(9000)
    assert bill.tds_section == "194I(B)" and bill.accepted_date is not None
    assert purchases.cell(0, "Taxable Value") == "G2"
    cells = {i.cell for i in purchases.issues}
    assert {"C3", "G3"} <= cells


def test_a_book_without_the_sheet_is_told_what_to_add(tmp_path: Path) -> None:
    path = write_xlsx(tmp_path / "book.xlsx", {"Journal": [["Date"]]})
    with pytest.raises(UserError, match="no Purchases sheet.*Vendor Code, Bill No"):
        read_purchases(FileBook(path))
