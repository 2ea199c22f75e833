"""Revised invoices (Rule 53(1)): an issued tax invoice as corrected, in full, under a series
of its own, naming the invoice it revises; the journal moves by the difference, GSTR-1 reports
it as an amendment (b2ba, b2cla) of an earlier month's invoice, or in the invoice's place
(b2b, b2cl) when both are of the same month."""

from __future__ import annotations

import json
import os
from decimal import Decimal
from pathlib import Path

import pytest

from tests.conftest import soffice
from tests.documents.books import book, line
from tests.documents.test_invoices import issue, register, rows_of
from xlbo.cli import main
from xlbo.documents.gstr1 import schema_errors


def revised(customer: str = "KAV", date: str = "20-10-2026", **kw: object) -> list[object]:
    """A revised invoice's row: three almirahs where the invoice of 15-10-2026 billed two."""
    fields: dict[str, object] = {
        "kind": "Revised Invoice",
        "series": "RI",
        "quantity": 3,
        "place": "Karnataka",
        "original": "INV/26-27/0001",
    }
    fields.update(kw)
    return line(customer, date, **fields)  # type: ignore[arg-type]


def journal(folder: Path, number: str) -> dict[str, tuple[object, object]]:
    return {
        r["Account"]: (r["Debit"], r["Credit"])
        for r in rows_of(folder / "out" / "invoice-register.xlsx", "Journal")
        if r["Voucher No"] == number
    }


def test_a_revised_invoice_prints_the_original_and_posts_the_difference(tmp_path: Path) -> None:
    pdf = soffice() is not None
    if not pdf and os.environ.get("CI"):
        pytest.fail("LibreOffice (soffice) is not installed; .ci/run should install it")
    assert issue(tmp_path, book(tmp_path, [line("KAV", place="Karnataka")])) == 0
    source = book(tmp_path, [revised()], name="revision.xlsx")
    arguments = ["invoices", str(source), "--out", str(tmp_path / "out")]
    assert main(arguments + ([] if pdf else ["--no-pdf"])) == 0
    documents = register(tmp_path)
    document = documents["RI/26-27/0001"]
    assert (document["Document Type"], document["Original Invoice"]) == (
        "Revised Invoice",
        "INV/26-27/0001",
    )
    # in full: 3 × 12,500 = 37,500 + IGST 6,750 = 44,250 (the invoice was 29,500)
    assert (document["Taxable Value"], document["IGST"], document["Total"]) == (
        Decimal("37500.00"), Decimal("6750.00"), Decimal("44250.00"),
    )  # fmt: skip
    # the invoice's lines stand as the first run posted them
    assert journal(tmp_path, "INV/26-27/0001") == {
        "Trade Receivables": (Decimal("29500.00"), None),
        "Sales - Goods": (None, Decimal("25000.00")),
        "Output IGST": (None, Decimal("4500.00")),
    }
    # the books move by the difference only: 14,750 more due, 12,500 more sales, 2,250 IGST
    assert journal(tmp_path, "RI/26-27/0001") == {
        "Trade Receivables": (Decimal("14750.00"), None),
        "Sales - Goods": (None, Decimal("12500.00")),
        "Output IGST": (None, Decimal("2250.00")),
    }
    assert not (tmp_path / "out" / "documents" / "RI-26-27-0001.json").exists()  # no IRP type
    report = json.loads((tmp_path / "out" / "gstr1-2026-10.json").read_text())
    assert schema_errors(report) == []
    # revised in its own month: no amendment (Table 9A amends earlier returns' invoices), the
    # revised invoice is reported in b2b in the invoice's place
    assert "b2ba" not in report
    assert report["b2b"] == [
        {
            "ctin": "29AABCK1234L1ZI",
            "inv": [
                {
                    "inum": "RI/26-27/0001", "idt": "20-10-2026", "val": 44250.0, "pos": "29",
                    "rchrg": "N", "inv_typ": "R",
                    "itms": [{"num": 1, "itm_det": {"rt": 18, "txval": 37500.0,
                              "iamt": 6750.0, "camt": 0.0, "samt": 0.0, "csamt": 0.0}}],
                }
            ],
        }
    ]  # fmt: skip
    # the HSN summary holds the almirahs as revised: 3, not 2 + 3
    (almirahs,) = report["hsn"]["hsn_b2b"]
    assert (almirahs["qty"], almirahs["txval"]) == (3.0, 37500.0)
    assert {"doc_num": 3, "doc_typ": "Revised Invoice"}.items() <= next(
        d for d in report["doc_issue"]["doc_det"] if d["doc_num"] == 3
    ).items()
    if pdf:
        from pypdf import PdfReader

        text = " ".join(
            (
                PdfReader(tmp_path / "out" / "documents" / "RI-26-27-0001.pdf")
                .pages[0]
                .extract_text()
                or ""
            ).split()
        )
        for field in (
            "REVISED INVOICE",
            "ORIGINAL FOR RECIPIENT",
            "Revised Invoice No: RI/26-27/0001",
            "20-10-2026",
            "Original Invoice: INV/26-27/0001",
            "Original Date: 15-10-2026",
            "27AAPFU0939F1ZV",
            "29AABCK1234L1ZI",
            "Karnataka (29)",
            "44,250.00",
            "Rupees Forty-Four Thousand Two Hundred Fifty Only",
        ):
            assert field in text, field


def test_an_invoice_of_an_earlier_month_revised_is_amended_in_b2ba(tmp_path: Path) -> None:
    """September's invoice, revised in October: September's GSTR-1 reported it in b2b, so
    October's amends it in b2ba (Table 9A), in full, and its HSN summary counts the change."""
    assert issue(tmp_path, book(tmp_path, [line("KAV", "15-09-2026", place="Karnataka")])) == 0
    september = json.loads((tmp_path / "out" / "gstr1-2026-09.json").read_text())
    assert [i["inum"] for i in september["b2b"][0]["inv"]] == ["INV/26-27/0001"]
    assert issue(tmp_path, book(tmp_path, [revised()], name="revision.xlsx")) == 0
    report = json.loads((tmp_path / "out" / "gstr1-2026-10.json").read_text())
    assert schema_errors(report) == []
    assert "b2b" not in report
    assert report["b2ba"] == [
        {
            "ctin": "29AABCK1234L1ZI",
            "inv": [
                {
                    "oinum": "INV/26-27/0001", "oidt": "15-09-2026", "inum": "RI/26-27/0001",
                    "idt": "20-10-2026", "val": 44250.0, "pos": "29", "rchrg": "N",
                    "inv_typ": "R",
                    "itms": [{"num": 1, "itm_det": {"rt": 18, "txval": 37500.0,
                              "iamt": 6750.0, "camt": 0.0, "samt": 0.0, "csamt": 0.0}}],
                }
            ],
        }
    ]  # fmt: skip
    # the HSN summary of October: one almirah more (3 revised less the 2 of September)
    (almirahs,) = report["hsn"]["hsn_b2b"]
    assert (almirahs["qty"], almirahs["txval"], almirahs["iamt"]) == (1.0, 12500.0, 2250.0)


@pytest.mark.parametrize(
    ("row", "cell", "problem"),
    [
        (revised(original=None), "P2", "needs the number and date of the invoice it revises"),
        (revised(original="INV/26-27/0009"), "P2", "is not a tax invoice xlbo issued"),
        (revised("SAH", place=None), "P2", "was issued to KAV, not SAH"),
        (revised(date="10-10-2026"), "C2", "dated before invoice INV/26-27/0001"),
        (revised(series="INV"), "B2", "Series INV numbers Tax Invoices already"),
    ],
    ids=["no original", "unknown original", "another customer", "before it", "shared series"],
)
def test_a_revised_invoice_that_cannot_stand_is_an_issue_at_its_cell(
    tmp_path: Path, row: list[object], cell: str, problem: str
) -> None:
    assert issue(tmp_path, book(tmp_path, [line("KAV", place="Karnataka")])) == 0
    assert issue(tmp_path, book(tmp_path, [row], name="revision.xlsx")) == 1
    assert list(register(tmp_path)) == ["INV/26-27/0001"]
    problems = {
        r["Cell"]: r["Problem"]
        for r in rows_of(tmp_path / "out" / "invoice-register.xlsx", "Issues")
        if r["Severity"] == "Error"
    }
    assert problem in problems[cell], problems


def test_an_invoice_is_revised_once_and_a_small_b2c_one_not_at_all(tmp_path: Path) -> None:
    """A second revision of the same invoice is refused (a note corrects it further), and so is
    one of an invoice to an unregistered buyer in GSTR-1's B2C (small) table, amended by month."""
    first = [line("KAV", place="Karnataka"), line("WALK", quantity=1)]
    assert issue(tmp_path, book(tmp_path, first)) == 0
    assert issue(tmp_path, book(tmp_path, [revised()], name="r1.xlsx")) == 0
    again = [revised(date="25-10-2026", quantity=4), revised("WALK", original="INV/26-27/0002",
                                                              place=None, quantity=2)]  # fmt: skip
    assert issue(tmp_path, book(tmp_path, again, name="r2.xlsx")) == 1
    assert sorted(register(tmp_path)) == ["INV/26-27/0001", "INV/26-27/0002", "RI/26-27/0001"]
    problems = [
        r["Problem"]
        for r in rows_of(tmp_path / "out" / "invoice-register.xlsx", "Issues")
        if r["Severity"] == "Error"
    ]
    assert any("was revised already, by RI/26-27/0001" in p for p in problems), problems
    assert any("B2C (small) table" in p for p in problems), problems


def test_an_invoice_revised_in_the_run_that_issues_it_posts_the_difference(tmp_path: Path) -> None:
    rows = [line("KAV", place="Karnataka"), revised()]
    assert issue(tmp_path, book(tmp_path, rows)) == 0
    assert journal(tmp_path, "RI/26-27/0001") == {
        "Trade Receivables": (Decimal("14750.00"), None),
        "Sales - Goods": (None, Decimal("12500.00")),
        "Output IGST": (None, Decimal("2250.00")),
    }


def test_a_revised_invoice_of_an_invoice_that_adjusted_an_advance_carries_the_advance(
    tmp_path: Path,
) -> None:
    """An invoice that adjusted an advance, revised: the revision carries the same advance (it
    prints 'Less: Advance' and the balance), so its journal moves by the difference only and
    posts nothing to Advance from Customers or the tax paid on the advance."""
    from tests.documents.test_vouchers import advance

    pdf = soffice() is not None
    if not pdf and os.environ.get("CI"):
        pytest.fail("LibreOffice (soffice) is not installed; .ci/run should install it")
    amc = {"description": "Annual maintenance visits", "hsn": "998719", "unit": None,
           "rate": 2500, "place": "Karnataka"}  # fmt: skip
    # 59,000 received in September at 18% inter-State: 50,000 + IGST 9,000
    assert issue(tmp_path, book(tmp_path, [advance("KAV", "05-09-2026", rate=59000)])) == 0
    invoice = line("KAV", series="SRV", quantity=25, original="RV/26-27/0001", **amc)  # type: ignore[arg-type]
    assert issue(tmp_path, book(tmp_path, [invoice], name="sales.xlsx")) == 0
    assert register(tmp_path)["SRV/26-27/0001"]["Total"] == Decimal("73750.00")  # 62,500 + 11,250
    # revised below the advance it adjusted (19 × 2,500 + IGST = 56,050): refused at its cell
    below = book(tmp_path, [revised(quantity=19, original="SRV/26-27/0001", **amc)],
                 name="below.xlsx")  # fmt: skip
    assert issue(tmp_path, below) == 1
    assert "RI/26-27/0001" not in register(tmp_path)
    (refused,) = [
        r
        for r in rows_of(tmp_path / "out" / "invoice-register.xlsx", "Issues")
        if r["Severity"] == "Error"
    ]
    assert refused["Cell"] == "P2" and "on RV/26-27/0001 is more than this invoice's" in str(
        refused["Problem"]
    )
    assert "Revise the invoice to at least the advance" in str(refused["Hint"])
    source = book(tmp_path, [revised(quantity=30, original="SRV/26-27/0001", **amc)],
                  name="revision.xlsx")  # fmt: skip
    arguments = ["invoices", str(source), "--out", str(tmp_path / "out")]
    assert main(arguments + ([] if pdf else ["--no-pdf"])) == 0
    document = register(tmp_path)["RI/26-27/0001"]
    assert (document["Original Invoice"], document["Total"]) == (
        "SRV/26-27/0001", Decimal("88500.00"),  # 30 × 2,500 = 75,000 + IGST 13,500
    )  # fmt: skip
    posted = journal(tmp_path, "RI/26-27/0001")
    assert posted == {
        "Trade Receivables": (Decimal("14750.00"), None),
        "Sales - Services": (None, Decimal("12500.00")),
        "Output IGST": (None, Decimal("2250.00")),
    }
    report = json.loads((tmp_path / "out" / "gstr1-2026-10.json").read_text())
    assert schema_errors(report) == []
    # revised in its own month: the revision stands in b2b in the invoice's place
    assert [(i["inum"], i["val"]) for i in report["b2b"][0]["inv"]] == [("RI/26-27/0001", 88500.0)]
    # the advance is adjusted once, by SRV/26-27/0001: not again by its revision
    assert report["txpd"] == [
        {"pos": "29", "sply_ty": "INTER",
         "itms": [{"rt": 18, "ad_amt": 50000.0, "iamt": 9000.0, "csamt": 0.0}]}
    ]  # fmt: skip
    if pdf:
        from pypdf import PdfReader

        page = PdfReader(tmp_path / "out" / "documents" / "RI-26-27-0001.pdf").pages[0]
        text = " ".join((page.extract_text() or "").split())
        for field in (
            "Original Invoice: SRV/26-27/0001",
            "Total 88,500.00",
            "Less: Advance (RV/26-27/0001) -59,000.00",
            "Balance Payable 29,500.00",
        ):
            assert field in text, field
