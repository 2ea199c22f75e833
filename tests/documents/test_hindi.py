"""Sales documents in Hindi: the Company sheet's Language (or an Invoices row's) prints Hindi
captions beside the English ones and the amount in words in both; the PDF carries Devanagari."""

from __future__ import annotations

import os
import shutil
import subprocess
import unicodedata
from pathlib import Path

import pytest

from tests.conftest import soffice
from tests.documents.books import COMPANY, book, line
from tests.documents.test_invoices import issue, register, rows_of
from xlbo.cli import main


def nfc(text: str) -> str:
    return unicodedata.normalize("NFC", " ".join(text.split()))


def pdf_text(pdf: Path, page: int = 1) -> str:
    """A page's text as poppler reads it (it joins Devanagari's shaped glyphs back into
    text; pypdf does not)."""
    read = subprocess.run(
        ["pdftotext", "-layout", "-f", str(page), "-l", str(page), str(pdf), "-"],
        capture_output=True,
        text=True,
        check=True,
    )
    return nfc(read.stdout)


def test_a_hindi_invoice_prints_hindi_beside_english(tmp_path: Path) -> None:
    if soffice() is None or shutil.which("pdftotext") is None:
        if os.environ.get("CI"):
            pytest.fail("LibreOffice or poppler is not installed; .ci/run installs both")
        pytest.skip("LibreOffice or poppler (pdftotext) is not installed")
    company = [[*COMPANY[0], "Language"], [*COMPANY[1], "hi"]]  # the workbook writes Hindi
    rows = [
        line("KAV", place="Karnataka", quantity=3, rate="4115.50"),
        line("SAH", "16-10-2026", language="en"),  # this one's row asks for English
    ]
    source = book(tmp_path, rows, company=company)
    assert main(["invoices", str(source), "--out", str(tmp_path / "out")]) == 0
    folder = tmp_path / "out" / "documents"
    text = pdf_text(folder / "INV-26-27-0001.pdf")
    for field in (
        "TAX INVOICE / कर बीजक",
        "ORIGINAL FOR RECIPIENT / प्राप्तकर्ता के लिए मूल प्रति",
        "Invoice No / बीजक संख्या: INV/26-27/0001",
        "Date / दिनांक: 15-10-2026",
        "Place of Supply / आपूर्ति का स्थान: Karnataka (29)",
        "Reverse Charge / विपरीत प्रभार: No / नहीं",
        "GSTIN / जीएसटीआईएन: 29AABCK1234L1ZI",
        "कराधेय मूल्य",
        "एकीकृत जीएसटी",
        # 3 × 4,115.50 = 12,346.50 + IGST 2,222.37 = 14,568.87, rounded to 14,569 (s.170)
        "Round Off / पूर्णांकन 0.13",
        "Total / कुल 14,569.00",
        "Amount in words / राशि शब्दों में:",
        "Rupees Fourteen Thousand Five Hundred Sixty-Nine Only",
        "रुपये चौदह हज़ार पाँच सौ उनहत्तर मात्र",
        "Authorised Signatory / प्राधिकृत हस्ताक्षरकर्ता",
    ):
        assert nfc(field) in text, field
    assert nfc("DUPLICATE FOR TRANSPORTER / परिवहनकर्ता के लिए दूसरी प्रति") in pdf_text(
        folder / "INV-26-27-0001.pdf", page=2
    )
    english = pdf_text(folder / "INV-26-27-0002.pdf")
    assert "TAX INVOICE" in english and "बीजक" not in english


def test_a_language_that_is_none_is_an_issue_at_its_cell(tmp_path: Path) -> None:
    assert issue(tmp_path, book(tmp_path, [line("SAH", language="Marathi"), line("KAV")])) == 1
    assert list(register(tmp_path)) == ["INV/26-27/0001"]
    problems = {
        r["Cell"]: r["Problem"]
        for r in rows_of(tmp_path / "out" / "invoice-register.xlsx", "Issues")
        if r["Severity"] == "Error"
    }
    assert "'Marathi' is not a language xlbo writes" in problems["V2"]


def test_a_long_description_gets_a_row_tall_enough_for_it(tmp_path: Path) -> None:
    """Neither Excel nor LibreOffice grows a row for wrapped text in a file it opens: the
    document sets the height, or a long description runs over the next line."""
    import openpyxl

    long = "Steel almirah, 2 door, with locker and mirror, powder coated grey, assembled"
    assert issue(tmp_path, book(tmp_path, [line("SAH", description=long), line("KAV")])) == 0
    sheet = openpyxl.load_workbook(tmp_path / "out" / "documents" / "INV-26-27-0001.xlsx")[
        "Original"
    ]
    (row,) = [r for r in range(1, sheet.max_row + 1) if sheet.cell(r, 2).value == long]
    assert (sheet.row_dimensions[row].height or 0) >= 3 * 9 * 1.3  # three lines of 9 points
