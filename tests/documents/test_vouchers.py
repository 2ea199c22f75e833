"""Receipt vouchers (Rule 50) for advances and refund vouchers (Rule 51), and the bill of
supply (Rule 49), issued from the Invoices sheet by `xlbo invoices`."""

from __future__ import annotations

import json
import os
from decimal import Decimal
from pathlib import Path

import pytest

from tests.conftest import soffice, write_xlsx
from tests.documents.books import COMPANY, CUSTOMERS, INVOICE_HEADERS, book, line
from tests.documents.test_invoices import issue, register, rows_of
from xlbo.cli import main
from xlbo.documents.gstr1 import schema_errors


def advance(customer: str = "KAV", date: str = "05-10-2026", **kw: object) -> list[object]:
    """A receipt voucher's row: Rate is the money received, tax in it."""
    fields: dict[str, object] = {
        "kind": "Receipt Voucher",
        "series": "RV",
        "description": "Advance for annual maintenance contract",
        "hsn": "998719",
        "quantity": None,
        "unit": None,
        "rate": 11800,
        "gst": None,
    }
    fields.update(kw)
    return line(customer, date, **fields)  # type: ignore[arg-type]


def journal(folder: Path, number: str) -> dict[str, tuple[object, object]]:
    return {
        r["Account"]: (r["Debit"], r["Credit"])
        for r in rows_of(folder / "out" / "invoice-register.xlsx", "Journal")
        if r["Voucher No"] == number
    }


def test_an_advance_for_services_pays_tax_in_the_money_received(tmp_path: Path) -> None:
    source = book(
        tmp_path,
        [advance("KAV"), advance("SAH", description="Advance for almirahs", hsn="9403",
                                 rate=50000)],
    )  # fmt: skip
    assert issue(tmp_path, source) == 0
    documents = register(tmp_path)
    service, goods = documents["RV/26-27/0001"], documents["RV/26-27/0002"]
    # 11,800 received at 18% (blank: Rule 50's 18%), inter-State: 10,000 + IGST 1,800
    assert service["Document Type"] == "Receipt Voucher"
    assert (service["Taxable 18%"], service["IGST"], service["Total"]) == (
        Decimal("10000.00"), Decimal("1800.00"), Decimal("11800.00"),
    )  # fmt: skip
    # an advance for goods carries no tax (Notification 66/2017-CT)
    assert (goods["Taxable Value"], goods["CGST"], goods["Total"]) == (
        Decimal("50000.00"), Decimal("0.00"), Decimal("50000.00"),
    )  # fmt: skip
    assert journal(tmp_path, "RV/26-27/0001") == {
        "Bank": (Decimal("11800.00"), None),
        "Advance from Customers": (None, Decimal("10000.00")),
        "Output IGST": (None, Decimal("1800.00")),
    }
    report = json.loads((tmp_path / "out" / "gstr1-2026-10.json").read_text())
    assert schema_errors(report) == []
    assert "b2b" not in report and "b2cs" not in report  # an advance is not a supply
    assert report["at"] == [
        {"pos": "27", "sply_ty": "INTRA", "itms": [
            {"rt": 0, "ad_amt": 50000.0, "camt": 0.0, "samt": 0.0, "csamt": 0.0}]},
        {"pos": "29", "sply_ty": "INTER", "itms": [
            {"rt": 18, "ad_amt": 10000.0, "iamt": 1800.0, "csamt": 0.0}]},
    ]  # fmt: skip
    kinds = {d["doc_num"]: d["docs"][0]["totnum"] for d in report["doc_issue"]["doc_det"]}
    assert kinds == {6: 2}
    files = sorted(p.name for p in (tmp_path / "out" / "documents").iterdir())
    assert files == ["RV-26-27-0001.xlsx", "RV-26-27-0002.xlsx"]  # no e-invoice for a voucher


def test_a_refund_voucher_returns_at_most_the_advance_of_its_receipt_voucher(
    tmp_path: Path,
) -> None:
    first = book(tmp_path, [advance("KAV")], name="first.xlsx")
    assert issue(tmp_path, first) == 0

    def refund(series: str, rate: int, customer: str = "KAV", original: object = None) -> list:
        return advance(customer, "20-10-2026", kind="Refund Voucher", series=series, rate=rate,
                       original=original)  # fmt: skip

    rows = [
        advance("KAV"),  # issued already: not again
        refund("RF", 5900, original="RV/26-27/0001"),
        refund("RG", 20000, original="RV/26-27/0001"),  # more than the advance
        refund("RH", 100, "SAH", original="RV/26-27/0001"),  # another customer's
        refund("RJ", 100),  # no receipt voucher named
    ]
    assert issue(tmp_path, book(tmp_path, rows)) == 1
    documents = register(tmp_path)
    assert sorted(documents) == ["RF/26-27/0001", "RV/26-27/0001"]
    refunded = documents["RF/26-27/0001"]
    assert refunded["Original Invoice"] == "RV/26-27/0001"
    assert (refunded["Taxable Value"], refunded["IGST"], refunded["Total"]) == (
        Decimal("5000.00"), Decimal("900.00"), Decimal("5900.00"),
    )  # fmt: skip
    assert journal(tmp_path, "RF/26-27/0001") == {
        "Bank": (None, Decimal("5900.00")),
        "Advance from Customers": (Decimal("5000.00"), None),
        "Output IGST": (Decimal("900.00"), None),
    }
    problems = {
        r["Cell"]: r["Problem"]
        for r in rows_of(tmp_path / "out" / "invoice-register.xlsx", "Issues")
    }
    assert "more than the advance of" in problems["J4"]
    assert "was issued to KAV, not SAH" in problems["P5"]
    assert "names the Receipt Voucher" in problems["P6"]


def test_a_bill_of_supply_charges_no_tax(tmp_path: Path) -> None:
    rows = [
        line("WALK", kind="Bill of Supply", series="BOS", hsn="0713", description="Pulses",
             quantity=100, unit="KGS", rate=120, gst=None),
        line("SAH", kind="Bill of Supply", series="BOS", hsn="0713", description="Pulses",
             quantity=10, unit="KGS", rate=120, gst="5%"),
    ]  # fmt: skip
    assert issue(tmp_path, book(tmp_path, rows)) == 1
    documents = register(tmp_path)
    assert list(documents) == ["BOS/26-27/0001"]
    bill = documents["BOS/26-27/0001"]
    assert (bill["Taxable Value"], bill["CGST"], bill["SGST"], bill["Total"]) == (
        Decimal("12000.00"), Decimal("0.00"), Decimal("0.00"), Decimal("12000.00"),
    )  # fmt: skip
    assert journal(tmp_path, "BOS/26-27/0001") == {
        "Trade Receivables": (Decimal("12000.00"), None),
        "Sales - Goods": (None, Decimal("12000.00")),
    }
    problems = [r["Problem"] for r in rows_of(tmp_path / "out" / "invoice-register.xlsx", "Issues")]
    assert any("A Bill of Supply charges no tax (Rule 49)" in p for p in problems)


def test_the_vouchers_pdfs_carry_rules_50_and_51s_fields(tmp_path: Path) -> None:
    if soffice() is None:
        if os.environ.get("CI"):
            pytest.fail("LibreOffice (soffice) is not installed; .ci/run should install it")
        pytest.skip("LibreOffice is not installed")
    from pypdf import PdfReader

    rows = [
        advance("KAV", place="Karnataka"),
        advance("KAV", "20-10-2026", kind="Refund Voucher", series="RF", rate=5900,
                original="RV/26-27/0001"),
    ]  # fmt: skip
    source = write_xlsx(
        tmp_path / "book.xlsx",
        {"Company": COMPANY, "Customers": CUSTOMERS, "Invoices": [INVOICE_HEADERS, *rows]},
    )
    assert main(["invoices", str(source), "--out", str(tmp_path / "out")]) == 0
    folder = tmp_path / "out" / "documents"

    def text(name: str) -> str:
        return " ".join((PdfReader(folder / name).pages[0].extract_text() or "").split())

    receipt = text("RV-26-27-0001.pdf")
    for field in (
        "RECEIPT VOUCHER",
        "Sahyadri Tradelinks Private Limited",
        "27AAPFU0939F1ZV",
        "RV/26-27/0001",  # serial number and date
        "05-10-2026",
        "Kaveri Foods Pvt Ltd",  # recipient, GSTIN
        "29AABCK1234L1ZI",
        "Advance for annual maintenance contract",  # description
        "Amount Received",  # the advance
        "11,800.00",
        "18%",  # rate, tax
        "IGST",
        "1,800.00",
        "Karnataka (29)",  # place of supply, inter-State
        "Reverse Charge: No",
        "Rupees Eleven Thousand Eight Hundred Only",
        "Authorised Signatory",
    ):
        assert field in receipt, field
    refund = text("RF-26-27-0001.pdf")
    for field in (
        "REFUND VOUCHER",
        "RF/26-27/0001",
        "Receipt Voucher: RV/26-27/0001",  # the receipt voucher's number and date
        "05-10-2026",
        "Amount Refunded",
        "5,900.00",
        "900.00",
        "Reverse Charge: No",
    ):
        assert field in refund, field


def test_an_invoice_after_an_advance_adjusts_it_and_its_tax_goes_to_txpd(tmp_path: Path) -> None:
    """A tax invoice that names the receipt voucher of an advance (Original Invoice) sets the
    advance against what the customer owes; the tax paid on the advance when it came in is
    set off (the journal debits it back; GSTR-1 reports it in `txpd`, the advance having been
    in September's `at`)."""
    pdf = soffice() is not None
    if not pdf and os.environ.get("CI"):
        pytest.fail("LibreOffice (soffice) is not installed; .ci/run should install it")
    september = advance("KAV", "05-09-2026")  # 10,000 + IGST 1,800
    assert issue(tmp_path, book(tmp_path, [september])) == 0
    amc = {"description": "Annual maintenance contract", "hsn": "998719", "unit": None,
           "quantity": 1, "rate": 20000, "place": "Karnataka"}  # fmt: skip
    rows = [
        line("KAV", "20-10-2026", original="RV/26-27/0001", **amc),  # type: ignore[arg-type]
        line("KAV", "21-10-2026", original="RV/26-27/0001", **amc),  # type: ignore[arg-type]
    ]
    arguments = ["invoices", str(book(tmp_path, rows, name="sales.xlsx"))]
    assert main([*arguments, "--out", str(tmp_path / "out"), *([] if pdf else ["--no-pdf"])]) == 1
    assert register(tmp_path)["INV/26-27/0001"]["Original Invoice"] == "RV/26-27/0001"
    assert "INV/26-27/0002" not in register(tmp_path)  # the advance is adjusted once
    problems = [
        r["Problem"]
        for r in rows_of(tmp_path / "out" / "invoice-register.xlsx", "Issues")
        if r["Severity"] == "Error"
    ]
    assert problems == ["The advance on RV/26-27/0001 was adjusted by INV/26-27/0001 already"]
    posted = [
        (r["Account"], r["Debit"], r["Credit"])
        for r in rows_of(tmp_path / "out" / "invoice-register.xlsx", "Journal")
        if r["Voucher No"] == "INV/26-27/0001"
    ]
    assert posted == [
        ("Trade Receivables", Decimal("23600.00"), None),
        ("Sales - Services", None, Decimal("20000.00")),
        ("Output IGST", None, Decimal("3600.00")),
        ("Trade Receivables", None, Decimal("11800.00")),  # the advance settles part
        ("Advance from Customers", Decimal("10000.00"), None),
        ("Output IGST", Decimal("1800.00"), None),  # its tax was paid in October's `at`
    ]
    debit = sum(d for _, d, _ in posted if d is not None)
    assert debit == sum(c for _, _, c in posted if c is not None)
    report = json.loads((tmp_path / "out" / "gstr1-2026-10.json").read_text())
    assert schema_errors(report) == []
    adjusted = [
        {
            "pos": "29",
            "sply_ty": "INTER",
            "itms": [{"rt": 18, "ad_amt": 10000.0, "iamt": 1800.0, "csamt": 0.0}],
        }
    ]
    assert report["txpd"] == adjusted and "at" not in report
    received = json.loads((tmp_path / "out" / "gstr1-2026-09.json").read_text())
    assert received["at"] == adjusted and "txpd" not in received
    if pdf:
        from pypdf import PdfReader

        page = PdfReader(tmp_path / "out" / "documents" / "INV-26-27-0001.pdf").pages[0]
        text = " ".join((page.extract_text() or "").split())
        for field in (
            "Receipt Voucher: RV/26-27/0001",
            "Voucher Date: 05-09-2026",
            "Total 23,600.00",
            "Less: Advance (RV/26-27/0001) -11,800.00",
            "Balance Payable 11,800.00",
        ):
            assert field in text, field


def test_an_advance_received_and_adjusted_in_one_month_is_in_neither_at_nor_txpd(
    tmp_path: Path,
) -> None:
    """GSTR-1 Table 11A leaves out advances adjusted in the same month (the invoice reports the
    supply) and 11B is for advances of earlier months: an advance of 5-10 adjusted on 20-10 is
    in neither; another, still open, stays in `at`."""
    amc = {"description": "Annual maintenance contract", "hsn": "998719", "unit": None,
           "quantity": 1, "rate": 20000, "place": "Karnataka"}  # fmt: skip
    rows = [advance("KAV"), advance("SAH", rate=5900)]  # 10,000 + 1,800; 5,000 + 450 + 450
    assert issue(tmp_path, book(tmp_path, rows)) == 0
    invoice = line("KAV", "20-10-2026", original="RV/26-27/0001", **amc)  # type: ignore[arg-type]
    assert issue(tmp_path, book(tmp_path, [invoice], name="sales.xlsx")) == 0
    assert register(tmp_path)["INV/26-27/0001"]["Original Invoice"] == "RV/26-27/0001"
    report = json.loads((tmp_path / "out" / "gstr1-2026-10.json").read_text())
    assert schema_errors(report) == []
    assert "txpd" not in report
    assert report["at"] == [
        {"pos": "27", "sply_ty": "INTRA",
         "itms": [{"rt": 18, "ad_amt": 5000.0, "camt": 450.0, "samt": 450.0, "csamt": 0.0}]},
    ]  # fmt: skip
    (invoices,) = report["b2b"]  # the supply itself, in full
    assert [(i["inum"], i["val"]) for i in invoices["inv"]] == [("INV/26-27/0001", 23600.0)]
