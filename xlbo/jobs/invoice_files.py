"""The files of an issued document: an A4 workbook laid out as Rule 46 asks, one sheet per Rule
48 copy, and its PDF made by LibreOffice (one `soffice` call for every document of a run).

The workbook shows the supplier (name, address, GSTIN, State and code), the document's number
and date, the place of supply, reverse charge yes or no, the recipient (name, address, GSTIN or
"Unregistered", State and code), the delivery address when given, each line (HSN/SAC,
description, quantity and UQC, rate, discount, taxable value, GST rate and each tax head), the
totals with the round-off, the amount in words, and the signatory's line.
"""

from __future__ import annotations

import concurrent.futures
import contextlib
import io
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pandas as pd

from xlbo.book import ResultSheet
from xlbo.book.display import Column, Kind
from xlbo.cells import percent_text
from xlbo.documents.einvoice import schema_errors
from xlbo.documents.model import Document
from xlbo.jobs.document_xlsx import Page, Picture, Style, write_pages
from xlbo.master.records import DocumentType
from xlbo.money import format_inr, from_paise
from xlbo.words import Language

TITLES = {
    DocumentType.TAX_INVOICE: "TAX INVOICE",
    DocumentType.BILL_OF_SUPPLY: "BILL OF SUPPLY",
    DocumentType.CREDIT_NOTE: "CREDIT NOTE",
    DocumentType.DEBIT_NOTE: "DEBIT NOTE",
    DocumentType.RECEIPT_VOUCHER: "RECEIPT VOUCHER",
    DocumentType.REFUND_VOUCHER: "REFUND VOUCHER",
    DocumentType.REVISED_INVOICE: "REVISED INVOICE",
}
MONEY_HEADER = {
    DocumentType.RECEIPT_VOUCHER: "Amount Received",
    DocumentType.REFUND_VOUCHER: "Amount Refunded",
}
"""A voucher's Rate column: the money received or returned, tax in it (Rules 50, 51)."""
HINDI = {
    "TAX INVOICE": "कर बीजक",
    "BILL OF SUPPLY": "आपूर्ति का बिल",
    "CREDIT NOTE": "जमा पत्र",
    "DEBIT NOTE": "नामे पत्र",
    "RECEIPT VOUCHER": "रसीद वाउचर",
    "REFUND VOUCHER": "धनवापसी वाउचर",
    "REVISED INVOICE": "संशोधित बीजक",
    "ORIGINAL FOR RECIPIENT": "प्राप्तकर्ता के लिए मूल प्रति",
    "DUPLICATE FOR TRANSPORTER": "परिवहनकर्ता के लिए दूसरी प्रति",
    "DUPLICATE FOR SUPPLIER": "आपूर्तिकर्ता के लिए दूसरी प्रति",
    "TRIPLICATE FOR SUPPLIER": "आपूर्तिकर्ता के लिए तीसरी प्रति",
    "Invoice No": "बीजक संख्या",
    "Bill of Supply No": "बिल संख्या",
    "Credit Note No": "जमा पत्र संख्या",
    "Debit Note No": "नामे पत्र संख्या",
    "Receipt Voucher No": "रसीद वाउचर संख्या",
    "Refund Voucher No": "धनवापसी वाउचर संख्या",
    "Revised Invoice No": "संशोधित बीजक संख्या",
    "Date": "दिनांक",
    "Place of Supply": "आपूर्ति का स्थान",
    "Reverse Charge": "विपरीत प्रभार",
    "Yes": "हाँ",
    "No": "नहीं",
    "Receipt Voucher": "रसीद वाउचर",
    "Voucher Date": "वाउचर दिनांक",
    "Against Invoice": "मूल बीजक",
    "Invoice Date": "बीजक दिनांक",
    "Original Invoice": "मूल बीजक",
    "Original Date": "मूल दिनांक",
    "IRN": "आईआरएन",
    "Ack No": "पावती संख्या",
    "Ack Date": "पावती दिनांक",
    "Bill to": "प्राप्तकर्ता",
    "Ship to": "माल भेजने का पता",
    "GSTIN": "जीएसटीआईएन",
    "State": "राज्य",
    "Unregistered": "अपंजीकृत",
    "S.No": "क्र.सं.",
    "Description": "विवरण",
    "Qty": "मात्रा",
    "UQC": "इकाई",
    "Rate": "दर",
    "Discount": "छूट",
    "Taxable Value": "कराधेय मूल्य",
    "GST Rate": "जीएसटी दर",
    "CGST": "केंद्रीय जीएसटी",
    "SGST": "राज्य जीएसटी",
    "UTGST": "यूटीजीएसटी",
    "IGST": "एकीकृत जीएसटी",
    "Cess": "उपकर",
    "Round Off": "पूर्णांकन",
    "Total": "कुल",
    "Amount Received": "प्राप्त राशि",
    "Amount Refunded": "लौटाई गई राशि",
    "Less: Advance": "घटाएँ: अग्रिम",
    "Balance Payable": "देय शेष",
    "Amount in words": "राशि शब्दों में",
    "Tax payable on reverse charge": "विपरीत प्रभार पर देय कर",
    "For": "कृते",
    "Authorised Signatory": "प्राधिकृत हस्ताक्षरकर्ता",
}
"""A document's captions in Hindi, printed beside the English ones (`Language` hi): the
terms of the Hindi CGST Rules where they give one (बीजक, विपरीत प्रभार, कराधेय मूल्य)."""


def caption(document: Document, english: str, between: str = " / ") -> str:
    """`english` with its Hindi beside it on a Hindi document (a trailing ':' after both):
    'Invoice No:' → 'Invoice No / बीजक संख्या:'."""
    colon = ":" if english.endswith(":") else ""
    bare = english.removesuffix(":")
    if document.language is not Language.HI or bare not in HINDI:
        return english
    return f"{bare}{between}{HINDI[bare]}{colon}"


SHEETS = ("Original", "Duplicate", "Triplicate")
PDF_SECONDS = 90 + 3
"""LibreOffice's time for a run: this much, plus `PER_FILE_SECONDS` a document."""
PER_FILE_SECONDS = 3


def file_stem(number: str) -> str:
    """A document number as a file name: `INV/26-27/0001` → `INV-26-27-0001`."""
    return number.replace("/", "-")


def _state(document: Document, which: str) -> str:
    state = getattr(document, which).state
    return f"{state.name} ({state.code})"


IN_PARALLEL_FROM = 200
"""Documents from which their files are written by one process a core (each ~2 ms)."""


@dataclass(frozen=True)
class DocumentFiles:
    """Where one document's files go: its workbook, and its e-invoice JSON when it has one."""

    workbook: Path
    document: Document
    einvoice: Path | None = None
    payload: dict[str, Any] | None = None
    """The e-invoice (INV-01), checked against the shipped schema as it is written."""


def write_documents(documents: Sequence[DocumentFiles]) -> list[Path]:
    """Each document's workbook (and e-invoice JSON) at its paths (`documents_writing`).
    Returns the workbooks."""
    with documents_writing(documents) as written:
        return written()


@contextlib.contextmanager
def documents_writing(
    documents: Sequence[DocumentFiles],
) -> Iterator[Callable[[], list[Path]]]:
    """Start writing each document's workbook (and e-invoice JSON), by one process a core when
    there are many (on a machine that has processes: not in the browser, where xlwings Lite
    runs), and yield the call that waits for them and returns the workbooks: the caller does
    its own work meanwhile. Leaving early (an error) cancels what has not started."""
    cores = os.cpu_count() or 1
    if len(documents) < IN_PARALLEL_FROM or cores < 2 or sys.platform == "emscripten":
        yield lambda: [write_files(files) for files in documents]
        return
    pool = concurrent.futures.ProcessPoolExecutor(max_workers=cores)
    try:
        results = pool.map(write_files, documents, chunksize=max(1, len(documents) // (cores * 8)))
        yield lambda: list(results)
    finally:
        pool.shutdown(wait=True, cancel_futures=True)


def write_files(files: DocumentFiles) -> Path:
    """One document's workbook, and its e-invoice as the IRP's bulk upload takes it (a list of
    one); an e-invoice that breaks the schema is xlbo's bug, and raises."""
    write_document(files.workbook, files.document)
    if files.einvoice is not None and files.payload is not None:
        errors = schema_errors([files.payload])
        if errors:  # the documents were checked before: a break is xlbo's bug
            raise RuntimeError("e-invoice JSON breaks the INV-01 schema: " + "; ".join(errors))
        files.einvoice.write_text(json.dumps([files.payload], indent=2), encoding="utf-8")
    return files.workbook


def write_document(path: Path, document: Document) -> Path:
    """The document's workbook at `path` (a new file; text is always written as text): one
    page laid out once, a sheet per Rule 48 copy."""
    return write_pages(
        path,
        document_page(document),
        tuple(zip(SHEETS, (caption(document, c) for c in document.copies), strict=False)),
        title=f"{TITLES[document.kind]} {document.number}",
    )


def document_page(document: Document) -> Page:
    """The document's A4 page, its copy caption left to be set."""
    intra = document.intra_state
    heads = (["CGST", "UTGST" if document.utgst else "SGST"] if intra else ["IGST"]) + (
        ["Cess"] if document.cess else []
    )
    columns = [
        ("S.No", 5),
        ("Description", 28),
        ("HSN/SAC", 9),
        ("Qty", 7),
        ("UQC", 6),
        (MONEY_HEADER.get(document.kind, "Rate"), 12),
        ("Discount", 10),
        ("Taxable Value", 13),
        ("GST Rate", 7),
        *[(h, 11) for h in heads],
    ]
    last = len(columns) - 1
    widths = tuple(width for _, width in columns)
    ws = Page(widths=widths)
    hindi = document.language is Language.HI

    def t(english: str) -> str:
        return caption(document, english)

    # text runs on into the empty cells beside it (right-aligned text to the left): only
    # what wraps, and the totals' figures, need merged cells
    ws.text(0, 0, t(TITLES[document.kind]), Style.TITLE)
    ws.caption(0, last, Style.CAPTION)
    supplier = document.supplier
    row = 2
    ws.text(row, 0, supplier.name, Style.BOLD)
    ws.merge(row + 1, 0, row + 1, last, Style.WRAP)
    ws.text(row + 1, 0, supplier.address, Style.WRAP)
    ws.fit(row + 1, supplier.address, sum(widths), 11)
    ws.text(
        row + 2,
        0,
        f"{t('GSTIN:')} {supplier.gstin}    {t('State:')} {_state(document, 'supplier')}",
    )
    row += 4
    what = "Invoice" if document.kind is DocumentType.TAX_INVOICE else document.kind.value
    pairs = [
        (f"{what} No:", document.number, "Date:", f"{document.date:%d-%m-%Y}"),
        (
            "Place of Supply:",
            f"{document.place_of_supply.name} ({document.place_of_supply.code})",
            "Reverse Charge:",
            "Yes" if document.reverse_charge else "No",
        ),
    ]
    if document.irn:
        pairs.append(("IRN:", document.irn, "", ""))
        pairs.append(("Ack No:", document.ack_no, "Ack Date:", document.ack_date))
    if document.original:
        dated = f"{document.original_date:%d-%m-%Y}" if document.original_date else ""
        pairs.append(
            ("Receipt Voucher:", document.original, "Voucher Date:", dated)
            if document.kind is DocumentType.REFUND_VOUCHER
            or (document.advance and document.kind is DocumentType.TAX_INVOICE)
            else ("Original Invoice:", document.original, "Original Date:", dated)
            if document.kind is DocumentType.REVISED_INVOICE
            else ("Against Invoice:", document.original, "Invoice Date:", dated)
        )
    for left, left_value, right, right_value in pairs:
        ws.text(row, 0, t(left), Style.BOLD)
        ws.text(row, 2, left_value)
        ws.text(row, 5, t(right), Style.BOLD)
        ws.text(
            row,
            8 if hindi else 7,  # after the longer Hindi captions
            t(right_value) if right_value in ("Yes", "No") else right_value,
        )
        row += 1
    row += 1
    customer = document.customer
    ws.text(row, 0, t("Bill to:"), Style.BOLD)
    if document.shipping_address:
        ws.text(row, 5, t("Ship to:"), Style.BOLD)
    row += 1
    bill = [
        customer.name,
        customer.address,
        f"{t('GSTIN:')} {customer.gstin or t('Unregistered')}",
        f"{t('State:')} {_state(document, 'customer')}",
    ]
    for index, text in enumerate(bill):
        if index == 1:  # the address wraps within the bill-to block
            ws.merge(row + index, 1, row + index, 4, Style.WRAP)
            ws.text(row + index, 1, text, Style.WRAP)
            ws.fit(row + index, text, sum(widths[1:5]), 11)
        else:
            ws.text(row + index, 1, text)
    if document.shipping_address:
        ws.merge(row, 6, row + 2, last, Style.WRAP)
        ws.text(row, 6, document.shipping_address, Style.WRAP)
    row += len(bill) + 1
    for index, (header, _) in enumerate(columns):
        ws.text(row, index, caption(document, header, "\n"), Style.HEAD)
        ws.fit(row, caption(document, header, "\n"), widths[index], 9)  # Hindi: two lines
    row += 1
    for number, line in enumerate(document.lines, start=1):
        taxes = [line.cgst, line.sgst] if intra else [line.igst]
        if document.cess:
            taxes.append(line.cess)
        ws.number(row, 0, number, Style.CELL)
        ws.text(row, 1, line.description, Style.CELL)
        ws.fit(row, line.description, widths[1], 9)
        ws.text(row, 2, line.hsn, Style.CELL)
        if line.quantity is not None:
            ws.number(row, 3, line.quantity.normalize(), Style.QTY)
        else:
            ws.blank(row, 3, Style.QTY)
        ws.text(row, 4, line.unit, Style.CELL)
        ws.number(row, 5, line.rate, Style.MONEY)
        ws.number(row, 6, line.discount, Style.MONEY)
        ws.number(row, 7, from_paise(line.taxable), Style.MONEY)
        ws.text(row, 8, percent_text(line.gst_rate), Style.CELL)
        for offset, tax in enumerate(taxes):
            ws.number(row, 9 + offset, from_paise(tax), Style.MONEY)
        row += 1
    row += 1
    totals = [("Taxable Value", document.taxable)]
    if intra:
        totals += [("CGST", document.cgst), (heads[1], document.sgst)]
    else:
        totals.append(("IGST", document.igst))
    if document.cess:
        totals.append(("Cess", document.cess))
    if document.reverse_charge:  # the tax is shown, not charged: the recipient pays it
        totals = [
            (f"{label} (RCM)" if index else label, paise)
            for index, (label, paise) in enumerate(totals)
        ]
    totals += [
        ("Round Off", document.round_off),
        (MONEY_HEADER.get(document.kind, "Total"), document.total),
    ]
    bold = {len(totals) - 1, len(totals) + 1}  # the total, and the balance after an advance
    if document.advance:  # what the advance paid already, and what is left to pay
        totals += [
            (f"Less: Advance ({document.advance.number})", -document.advance.total),
            ("Balance Payable", document.balance),
        ]
    for index, (label, paise) in enumerate(totals):
        english, _, named = label.partition(" (")  # 'Less: Advance (RV/…)', 'IGST (RCM)'
        ws.text(row, 7, t(english) + (f" ({named}" if named else ""), Style.LABEL)
        style = Style.TOTAL if index in bold else Style.MONEY
        ws.merge(row, 8, row, last, style)
        ws.number(row, 8, from_paise(paise), style)
        row += 1
    row += 1
    ws.text(row, 0, t("Amount in words:"), Style.BOLD)
    if hindi:  # each language on its own line
        ws.merge(row + 1, 0, row + 1, last, Style.WRAP)
        ws.text(row + 1, 0, document.words, Style.WRAP)
        ws.merge(row + 2, 0, row + 2, last, Style.WRAP)
        ws.text(row + 2, 0, document.hindi_words, Style.WRAP)
        row += 4
    else:
        ws.merge(row, 2, row + 1, last, Style.WRAP)
        ws.text(row, 2, document.words, Style.WRAP)
        row += 3
    ws.text(
        row,
        0,
        f"{t('Tax payable on reverse charge:')} " + t("Yes" if document.reverse_charge else "No"),
    )
    if document.reverse_charge:
        row += 1
        ws.text(
            row,
            0,
            f"The recipient pays the tax of {format_inr(from_paise(document.tax))} to the "
            "government; it is not charged on this invoice.",
        )
    if document.signed_qr:  # bottom left, beside the signatory: it overlaps no text
        png, _ = qr_png(document.signed_qr)
        ws.picture = Picture(png, row + 1, 0, QR_PIXELS)
    row += 2
    ws.text(row, 6, f"{t('For')} {supplier.name}", Style.BOLD)
    ws.text(row + 3, 6, t("Authorised Signatory"))
    ws.footer = f"&L&8{TITLES[document.kind]} {document.number}&R&8Made with xlbo"
    return ws


QR_PIXELS = 180
"""The printed QR's side in pixels at 96 dpi: 4.8 cm, so that a signed QR of a thousand
characters (about 120 modules) prints modules of 0.4 mm, which a phone reads."""
QR_SCALE = 4
"""Pixels a module in the PNG (it is drawn sharp, then sized to `QR_PIXELS`)."""


def qr_png(signed_qr: str) -> tuple[bytes, int]:
    """The IRP's signed QR, unchanged, as a PNG QR code (segno), and the PNG's side in pixels."""
    import segno

    code = segno.make(signed_qr, error="l", micro=False)
    buffer = io.BytesIO()
    code.save(buffer, kind="png", scale=QR_SCALE, border=4)
    return buffer.getvalue(), int(code.symbol_size(scale=QR_SCALE, border=4)[0])


DOCUMENT_HEADERS = (
    "Document No", "Document Type", "Date", "Customer", "GSTIN", "Place of Supply",
    "Reverse Charge", "Original Invoice", "S.No", "Description", "HSN/SAC", "Quantity", "UQC",
    "Rate", "Discount", "Taxable Value", "GST Rate", "CGST", "SGST/UTGST", "IGST", "Cess",
    "Round Off", "Total", "Amount in Words", "IRN",
)  # fmt: skip
"""The Documents sheet: each document's lines, its totals and words on its first line."""


def documents_sheet(documents: Sequence[Document]) -> ResultSheet:
    """The documents of a run as one sheet, for the Invoice button (in Excel, where there is
    no LibreOffice, the documents go into the workbook rather than into PDFs): a row per line,
    the document's particulars on each, its round-off, total and amount in words on its first
    line."""
    rows: list[list[object]] = []
    for document in documents:
        for number, line in enumerate(document.lines, start=1):
            first = number == 1
            rows.append(
                [
                    document.number,
                    document.kind.value,
                    document.date,
                    document.customer.name,
                    document.customer.gstin or "Unregistered",
                    f"{document.place_of_supply.name} ({document.place_of_supply.code})",
                    "Yes" if document.reverse_charge else "No",
                    document.original,
                    number,
                    line.description,
                    line.hsn,
                    line.quantity,
                    line.unit,
                    line.rate,
                    line.discount,
                    from_paise(line.taxable),
                    line.gst_rate,
                    from_paise(line.cgst),
                    from_paise(line.sgst),
                    from_paise(line.igst),
                    from_paise(line.cess),
                    from_paise(document.round_off) if first else None,
                    from_paise(document.total) if first else None,
                    (
                        document.words
                        + (f"\n{document.hindi_words}" if document.language is Language.HI else "")
                        if first
                        else ""
                    ),
                    document.irn,
                ]
            )
    frame = pd.DataFrame(rows, columns=list(DOCUMENT_HEADERS), dtype=object)
    money = Column(kind=Kind.MONEY)
    return ResultSheet(
        "Documents",
        frame,
        columns={
            "Date": Column(kind=Kind.DATE),
            "Document No": Column(kind=Kind.ID, width=16),
            "Customer": Column(width=28),
            "GSTIN": Column(kind=Kind.ID, width=17),
            "Description": Column(width=30),
            "Quantity": Column(kind=Kind.DECIMAL),
            "GST Rate": Column(kind=Kind.PERCENT),
            "S.No": Column(kind=Kind.INTEGER),
            "Amount in Words": Column(width=45),
            **dict.fromkeys(DOCUMENT_HEADERS[13:16] + DOCUMENT_HEADERS[17:23], money),
        },
    )


def soffice() -> str | None:
    """LibreOffice's program, if installed."""
    return shutil.which("soffice") or shutil.which("libreoffice")


PER_PROCESS = 20
"""Documents worth a LibreOffice process of their own (it takes a few seconds to start)."""


def to_pdf(workbooks: Sequence[Path], folder: Path) -> tuple[list[Path], list[Path]]:
    """Each workbook as a PDF in `folder`: LibreOffice converts them in one call per core (for
    fewer than `PER_PROCESS` documents a core, fewer calls), each with a profile of its own so
    they run side by side and beside an open LibreOffice. A call that dies or hangs leaves the
    rest of its share unconverted: the document it stopped at is tried once more alone, the
    rest in fresh calls. Returns the PDFs made and the workbooks that still have none; raises
    FileNotFoundError when LibreOffice is missing."""
    program = soffice()
    if program is None:
        raise FileNotFoundError("LibreOffice (soffice) is not installed")
    cores = os.cpu_count() or 1
    left = list(workbooks)
    calls = max(1, min(cores, len(left) // PER_PROCESS))
    shares = [left[i::calls] for i in range(calls)]
    for attempt in range(2):
        _convert(program, shares, folder)
        unmade = [[p for p in share if not (folder / f"{p.stem}.pdf").exists()] for share in shares]
        left = [p for share in unmade for p in share]
        if not left or attempt:
            break
        # a call stops at the document it dies on: that one alone, the rest of its share anew
        suspects = [[share[0]] for share in unmade if share]
        rest = [p for share in unmade for p in share[1:]]
        calls = min(cores, len(rest))
        shares = suspects + [rest[i::calls] for i in range(calls)]
    made = [folder / f"{p.stem}.pdf" for p in workbooks if p not in left]
    return made, left


def _convert(program: str, shares: Sequence[Sequence[Path]], folder: Path) -> None:
    """One LibreOffice call per share, side by side, each stopped if it outlives its time."""
    limit = PDF_SECONDS + PER_FILE_SECONDS * max(len(share) for share in shares)
    with tempfile.TemporaryDirectory(prefix="xlbo-lo-") as profiles:
        running = []
        for number, share in enumerate(shares):
            profile = Path(profiles) / f"profile-{number}"
            running.append(
                subprocess.Popen(
                    [
                        program,
                        f"-env:UserInstallation={profile.resolve().as_uri()}",
                        "--headless",
                        "--norestore",
                        "--convert-to",
                        "pdf",
                        "--outdir",
                        str(folder),
                        *[str(p) for p in share],
                    ],
                    stdout=subprocess.DEVNULL,
                    stderr=subprocess.DEVNULL,
                    env={**os.environ, "HOME": str(profile)},
                )
            )
        deadline = time.monotonic() + limit
        for process in running:
            try:
                process.wait(timeout=max(deadline - time.monotonic(), 0.1))
            except subprocess.TimeoutExpired:  # a hang: what it made stands
                process.kill()
                process.wait()
