"""The IRN and signed QR the IRP gives an e-invoice, typed back on the Invoices sheet: the next
run prints them on the document (the QR a PNG in its workbook) and keeps them in the register."""

from __future__ import annotations

import base64
import json
import os
import zipfile
from pathlib import Path

import pytest

from tests.conftest import soffice
from tests.documents.books import book, line
from tests.documents.test_invoices import issue, register, rows_of
from xlbo.cli import main
from xlbo.jobs.invoice_files import qr_png

IRN = "a5c12dca80e743321740b6a7c5a4d7c3c7a1e5f2b8d4e6f8a0b2c4d6e8f0a2b4"


def _part(value: dict[str, object]) -> str:
    return base64.urlsafe_b64encode(json.dumps(value).encode()).decode().rstrip("=")


SIGNED_QR = ".".join(
    [
        _part({"alg": "RS256", "kid": "EDC57DE1358B300BA9F179ADE4A9E6E6", "typ": "JWT"}),
        _part(
            {
                "data": json.dumps(
                    {
                        "SellerGstin": "27AAPFU0939F1ZV",
                        "BuyerGstin": "29AABCK1234L1ZI",
                        "DocNo": "INV/26-27/0001",
                        "DocTyp": "INV",
                        "DocDt": "15/10/2026",
                        "TotInvVal": 29500,
                        "ItemCnt": 1,
                        "MainHsnCode": "9403",
                        "Irn": IRN,
                        "IrnDt": "2026-10-15 12:04:00",
                    }
                ),
                "iss": "NIC",
            }
        ),
        base64.urlsafe_b64encode(bytes(range(256))).decode().rstrip("="),
    ]
)


def typed_back(**kw: object) -> list[object]:
    fields: dict[str, object] = {
        "irn": IRN,
        "ack_no": "182619876543210",
        "ack_date": "2026-10-15 12:04:00",
        "signed_qr": SIGNED_QR,
    }
    fields.update(kw)
    return line("KAV", place="Karnataka", **fields)  # type: ignore[arg-type]


def test_an_irn_typed_back_prints_the_qr_and_the_irn(tmp_path: Path) -> None:
    assert issue(tmp_path, book(tmp_path, [line("KAV", place="Karnataka")])) == 0
    source = book(tmp_path, [typed_back()], name="again.xlsx")
    pdf = soffice() is not None
    if not pdf and os.environ.get("CI"):
        pytest.fail("LibreOffice (soffice) is not installed; .ci/run should install it")
    arguments = ["invoices", str(source), "--out", str(tmp_path / "out")]
    assert main(arguments + ([] if pdf else ["--no-pdf"])) == 0
    document = register(tmp_path)["INV/26-27/0001"]
    assert (document["IRN"], document["Ack No"]) == (IRN, "182619876543210")
    assert len(register(tmp_path)) == 1  # printed again, not issued again
    workbook = tmp_path / "out" / "documents" / "INV-26-27-0001.xlsx"
    with zipfile.ZipFile(workbook) as parts:
        images = [n for n in parts.namelist() if n.startswith("xl/media/")]
        assert images and all(n.endswith(".png") for n in images)
        assert parts.read(images[0]) == qr_png(SIGNED_QR)[0]  # the IRP's text, unchanged
    if pdf:
        from pypdf import PdfReader

        text = " ".join(
            (PdfReader(workbook.with_suffix(".pdf")).pages[0].extract_text() or "").split()
        )
        assert f"IRN: {IRN}" in text
        assert "182619876543210" in text
    # a third run has nothing new to print
    assert issue(tmp_path, source) == 0


def test_a_wrong_irn_is_an_issue_and_nothing_is_printed(tmp_path: Path) -> None:
    assert issue(tmp_path, book(tmp_path, [line("KAV", place="Karnataka")])) == 0
    source = book(tmp_path, [typed_back(irn=IRN[:40], signed_qr="not a jwt")], name="b.xlsx")
    assert issue(tmp_path, source) == 1
    problems = {
        r["Cell"]: r["Problem"]
        for r in rows_of(tmp_path / "out" / "invoice-register.xlsx", "Issues")
        if r["Severity"] == "Error"
    }
    assert "IRN is not the 64 characters" in problems["R2"]
    assert "Signed QR is not the IRP's SignedQRCode" in problems["U2"]
    assert not register(tmp_path)["INV/26-27/0001"]["IRN"]
    with zipfile.ZipFile(tmp_path / "out" / "documents" / "INV-26-27-0001.xlsx") as parts:
        assert not [n for n in parts.namelist() if n.startswith("xl/media/")]
