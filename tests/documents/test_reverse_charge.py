"""A reverse-charge invoice (Rule 46(p)): the recipient pays the tax, so the document charges
none, the books post no output tax, and the GSTR-1 and e-invoice mark it."""

from __future__ import annotations

import json
import os
from decimal import Decimal
from pathlib import Path

import pytest

from tests.conftest import soffice
from tests.documents.books import book, line
from tests.documents.test_invoices import register, rows_of
from xlbo.cli import main


def test_a_reverse_charge_invoice_charges_and_posts_no_tax(tmp_path: Path) -> None:
    transport = line("KAV", place="Karnataka", description="Goods transport, Pune to Bengaluru",
                     hsn="996511", quantity=None, unit=None, rate=40000, gst="5%",
                     reverse="Yes")  # fmt: skip
    pdf = soffice() is not None
    if not pdf and os.environ.get("CI"):
        pytest.fail("LibreOffice (soffice) is not installed; .ci/run should install it")
    arguments = ["invoices", str(book(tmp_path, [transport])), "--out", str(tmp_path / "out")]
    assert main(arguments + ([] if pdf else ["--no-pdf"])) == 0
    document = register(tmp_path)["INV/26-27/0001"]
    assert document["Reverse Charge"] == "Yes"
    assert (document["Taxable Value"], document["IGST"], document["Total"]) == (
        Decimal("40000.00"), Decimal("0.00"), Decimal("40000.00"),
    )  # fmt: skip
    journal = [
        (r["Account"], r["Debit"], r["Credit"])
        for r in rows_of(tmp_path / "out" / "invoice-register.xlsx", "Journal")
    ]
    assert [account for account, _, _ in journal] == ["Trade Receivables", "Sales - Services"]
    assert not any(account.startswith("Output") for account, _, _ in journal)
    lines = rows_of(tmp_path / "out" / "invoice-register.xlsx", "Invoice Lines")
    assert lines[0]["IGST"] == Decimal("2000.00")  # the tax the recipient pays, for GSTR-1
    report = json.loads((tmp_path / "out" / "gstr1-2026-10.json").read_text())
    invoice = report["b2b"][0]["inv"][0]
    assert (invoice["rchrg"], invoice["val"]) == ("Y", 40000.0)
    assert invoice["itms"][0]["itm_det"]["iamt"] == 2000.0
    einvoice = json.loads((tmp_path / "out" / "documents" / "INV-26-27-0001.json").read_text())
    assert einvoice[0]["TranDtls"]["RegRev"] == "Y"
    assert einvoice[0]["ValDtls"]["IgstVal"] == 2000.0
    if pdf:
        from pypdf import PdfReader

        path = tmp_path / "out" / "documents" / "INV-26-27-0001.pdf"
        text = " ".join((PdfReader(path).pages[0].extract_text() or "").split())
        assert "Tax payable on reverse charge: Yes" in text
        assert "IGST (RCM)" in text
        assert "Rupees Forty Thousand Only" in text  # the total charges no tax
        assert "The recipient pays the tax of 2,000.00" in text
