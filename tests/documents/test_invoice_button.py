"""The Invoices button (classic add-in and Lite): the same documents, register, receipts and
journal as `xlbo invoices`, written into the open workbook (no files, no PDFs); the next click
numbers after the register it left there; nothing in the input is changed or marked."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any

import pytest

from tests.conftest import write_xlsx
from tests.documents.books import COMPANY, CUSTOMERS, INVOICE_HEADERS, line
from tests.documents.test_receipts import RECEIPT_HEADERS, receipt
from tests.test_doors import DOORS, Door, book_of, book_table, file_table
from xlbo.cli import main

ROWS = [
    line("SAH", "01-10-2026"),
    line("KAV", "02-10-2026", place="Karnataka"),
    line("CHD", "03-10-2026", gst="5%", cess="1%"),
    line("SAH", "05-10-2026", kind="Receipt Voucher", series="RV", hsn="998719",
         description="Advance for installation", quantity=None, unit=None, rate=11800, gst=None),
    line("WALK", "06-10-2026", rate="abc"),  # not a rate: an Issue at its cell
]  # fmt: skip


def source(folder: Path) -> Path:
    return write_xlsx(
        folder / "book.xlsx",
        {
            "Company": COMPANY,
            "Customers": CUSTOMERS,
            "Invoices": [INVOICE_HEADERS, *ROWS],
            "Receipts": [RECEIPT_HEADERS, receipt("KAV", "10-10-2026", 29500, "NEFT", "N2810")],
        },
    )


def _values(book: Any, sheet: str) -> dict[Any, Any]:
    return dict(book.sheets[sheet].values)


@DOORS
def test_the_invoices_button_issues_what_the_command_line_issues(
    door: Door, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = source(tmp_path)
    assert main(["invoices", str(path), "--out", str(tmp_path / "out"), "--no-pdf"]) == 1
    for package in ("jsonschema", "segno"):  # not installable in xlwings Lite
        monkeypatch.setitem(sys.modules, package, None)
    register = tmp_path / "out" / "invoice-register.xlsx"
    book = book_of(path, name="book.xlsx")
    typed = {s: _values(book, s) for s in ("Invoices", "Receipts", "Customers")}
    outcome = door("invoices", book)
    assert outcome.startswith(
        "Issued 4 documents (INV/26-27/0001 to RV/26-27/0001); 1 receipt (RCT/26-27/0001) "
        "into the Documents, Invoice Register and Invoice Journal sheets (no PDFs in Excel"
    )
    for sheet, header, in_book in (
        ("Invoice Register", "Document No", "Invoice Register"),
        ("Invoice Lines", "Document No", "Invoice Lines"),
        ("Receipt Register", "Receipt No", "Receipt Register"),
        ("Journal", "Date", "Invoice Journal"),
    ):
        cli = file_table(register, sheet, header)
        assert len(cli) > 1, sheet
        assert book_table(book, in_book, header) == cli, sheet
    documents = book_table(book, "Documents", "Document No")
    assert [row[0] for row in documents[1:]] == [
        "INV/26-27/0001", "INV/26-27/0002", "INV/26-27/0003", "RV/26-27/0001",
    ]  # fmt: skip
    words = documents[0].index("Amount in Words")
    assert documents[2][words] == "Rupees Twenty-Nine Thousand Five Hundred Only"
    issues = book_table(book, "Issues", "Severity")
    assert any(row[2] == "J6" for row in issues[1:])  # the bad rate's cell
    assert {s: _values(book, s) for s in typed} == typed  # input unchanged
    assert not book.sheets["Invoices"].notes  # and nothing marked on it
    # the next click numbers after the register the first left in the workbook
    again = door("invoices", book)
    assert again.startswith("Issued 0 documents; 4 issued earlier into the Documents")
    assert book_table(book, "Invoice Register", "Document No") == file_table(
        register, "Invoice Register", "Document No"
    )
