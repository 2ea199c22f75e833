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
import io
import os
import shutil
import subprocess
import sys
import tempfile
import time
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import pandas as pd
import xlsxwriter

from xlbo.book import ResultSheet
from xlbo.book.display import Column, Kind
from xlbo.documents.model import Document
from xlbo.master.records import DocumentType
from xlbo.money import INR_NUMBER_FORMAT, format_inr, from_paise

TITLES = {
    DocumentType.TAX_INVOICE: "TAX INVOICE",
    DocumentType.BILL_OF_SUPPLY: "BILL OF SUPPLY",
    DocumentType.CREDIT_NOTE: "CREDIT NOTE",
    DocumentType.DEBIT_NOTE: "DEBIT NOTE",
    DocumentType.RECEIPT_VOUCHER: "RECEIPT VOUCHER",
    DocumentType.REFUND_VOUCHER: "REFUND VOUCHER",
}
MONEY_HEADER = {
    DocumentType.RECEIPT_VOUCHER: "Amount Received",
    DocumentType.REFUND_VOUCHER: "Amount Refunded",
}
"""A voucher's Rate column: the money received or returned, tax in it (Rules 50, 51)."""
SHEETS = ("Original", "Duplicate", "Triplicate")
PDF_SECONDS = 90 + 3
"""LibreOffice's time for a run: this much, plus `PER_FILE_SECONDS` a document."""
PER_FILE_SECONDS = 3


def file_stem(number: str) -> str:
    """A document number as a file name: `INV/26-27/0001` → `INV-26-27-0001`."""
    return number.replace("/", "-")


def _percent(rate: Any) -> str:
    return f"{(rate * 100).normalize():f}%"


def _state(document: Document, which: str) -> str:
    state = getattr(document, which).state
    return f"{state.name} ({state.code})"


IN_PARALLEL_FROM = 200
"""Documents from which their workbooks are written by one process a core (each ~8 ms)."""


def write_documents(documents: Sequence[tuple[Path, Document]]) -> list[Path]:
    """Each document's workbook at its path, by one process a core when there are many (on a
    machine that has processes: not in the browser, where xlwings Lite runs)."""
    cores = os.cpu_count() or 1
    if len(documents) < IN_PARALLEL_FROM or cores < 2 or sys.platform == "emscripten":
        return [write_document(path, document) for path, document in documents]
    with concurrent.futures.ProcessPoolExecutor(max_workers=cores) as pool:
        return list(
            pool.map(
                write_document,
                [path for path, _ in documents],
                [document for _, document in documents],
                chunksize=max(1, len(documents) // (cores * 8)),
            )
        )


def write_document(path: Path, document: Document) -> Path:
    """The document's workbook at `path` (a new file; text is always written as text)."""
    book = xlsxwriter.Workbook(
        str(path),
        {
            "strings_to_formulas": False,
            "strings_to_numbers": False,
            "strings_to_urls": False,
            "in_memory": True,  # no temporary files: a thousand documents write in seconds
        },
    )
    book.set_properties({"title": f"{TITLES[document.kind]} {document.number}", "author": "xlbo"})
    f = {
        "title": book.add_format({"bold": True, "font_size": 14}),
        "caption": book.add_format({"bold": True, "align": "right", "font_size": 9}),
        "bold": book.add_format({"bold": True}),
        "wrap": book.add_format({"text_wrap": True, "valign": "top"}),
        "head": book.add_format(
            {"bold": True, "border": 1, "bg_color": "#D9E1F2", "text_wrap": True, "font_size": 9}
        ),
        "cell": book.add_format({"border": 1, "font_size": 9, "text_wrap": True, "valign": "top"}),
        "money": book.add_format({"border": 1, "font_size": 9, "num_format": INR_NUMBER_FORMAT}),
        "qty": book.add_format({"border": 1, "font_size": 9, "num_format": "0.###"}),
        "total": book.add_format({"bold": True, "border": 1, "num_format": INR_NUMBER_FORMAT}),
        "label": book.add_format({"bold": True, "align": "right"}),
    }
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
    qr = qr_png(document.signed_qr) if document.signed_qr else None
    for copy, caption in zip(SHEETS, document.copies, strict=False):
        ws = book.add_worksheet(copy)
        ws.set_paper(9)
        ws.set_portrait()
        ws.fit_to_pages(1, 1)
        ws.set_margins(left=0.4, right=0.4, top=0.5, bottom=0.5)
        ws.hide_gridlines(2)
        for index, (_, width) in enumerate(columns):
            ws.set_column(index, index, width)
        # text runs on into the empty cells beside it (right-aligned text to the left): only
        # what wraps, and the totals' figures, need merged cells (each merge writes every cell)
        ws.write_string(0, 0, TITLES[document.kind], f["title"])
        ws.write_string(0, last, caption, f["caption"])
        supplier = document.supplier
        row = 2
        for text, style in (
            (supplier.name, f["bold"]),
            (supplier.address, f["wrap"]),
            (f"GSTIN: {supplier.gstin}    State: {_state(document, 'supplier')}", None),
        ):
            if style is f["wrap"]:
                ws.merge_range(row, 0, row, last, "", style)
            ws.write_string(row, 0, text, style)
            row += 1
        row += 1
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
                else ("Against Invoice:", document.original, "Invoice Date:", dated)
            )
        for left, left_value, right, right_value in pairs:
            ws.write_string(row, 0, left, f["bold"])
            ws.write_string(row, 2, left_value)
            ws.write_string(row, 5, right, f["bold"])
            ws.write_string(row, 7, right_value)
            row += 1
        row += 1
        customer = document.customer
        ws.write_string(row, 0, "Bill to:", f["bold"])
        if document.shipping_address:
            ws.write_string(row, 5, "Ship to:", f["bold"])
        row += 1
        bill = [
            customer.name,
            customer.address,
            f"GSTIN: {customer.gstin}" if customer.gstin else "GSTIN: Unregistered",
            f"State: {_state(document, 'customer')}",
        ]
        for index, text in enumerate(bill):
            if index == 1:  # the address wraps within the bill-to block
                ws.merge_range(row + index, 1, row + index, 4, "", f["wrap"])
                ws.write_string(row + index, 1, text, f["wrap"])
            else:
                ws.write_string(row + index, 1, text)
        if document.shipping_address:
            ws.merge_range(row, 6, row + 2, last, "", f["wrap"])
            ws.write_string(row, 6, document.shipping_address, f["wrap"])
        row += len(bill) + 1
        for index, (header, _) in enumerate(columns):
            ws.write_string(row, index, header, f["head"])
        row += 1
        for number, line in enumerate(document.lines, start=1):
            taxes = [line.cgst, line.sgst] if intra else [line.igst]
            if document.cess:
                taxes.append(line.cess)
            ws.write_number(row, 0, number, f["cell"])
            ws.write_string(row, 1, line.description, f["cell"])
            ws.write_string(row, 2, line.hsn, f["cell"])
            if line.quantity is not None:
                ws.write_number(row, 3, float(line.quantity), f["qty"])
            else:
                ws.write_blank(row, 3, None, f["qty"])
            ws.write_string(row, 4, line.unit, f["cell"])
            ws.write_number(row, 5, float(line.rate), f["money"])
            ws.write_number(row, 6, float(line.discount), f["money"])
            ws.write_number(row, 7, float(from_paise(line.taxable)), f["money"])
            ws.write_string(row, 8, _percent(line.gst_rate), f["cell"])
            for offset, tax in enumerate(taxes):
                ws.write_number(row, 9 + offset, float(from_paise(tax)), f["money"])
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
        for index, (label, paise) in enumerate(totals):
            ws.write_string(row, 7, label, f["label"])
            style = f["total"] if index == len(totals) - 1 else f["money"]
            ws.merge_range(row, 8, row, last, "", style)
            ws.write_number(row, 8, float(from_paise(paise)), style)
            row += 1
        row += 1
        ws.write_string(row, 0, "Amount in words:", f["bold"])
        ws.merge_range(row, 2, row + 1, last, "", f["wrap"])
        ws.write_string(row, 2, document.words, f["wrap"])
        row += 3
        ws.write_string(
            row,
            0,
            "Tax payable on reverse charge: " + ("Yes" if document.reverse_charge else "No"),
        )
        if document.reverse_charge:
            row += 1
            ws.write_string(
                row,
                0,
                f"The recipient pays the tax of {format_inr(from_paise(document.tax))} to the "
                "government; it is not charged on this invoice.",
            )
        if qr is not None:  # bottom left, beside the signatory: it overlaps no text
            png, size = qr
            ws.insert_image(
                row + 1,
                0,
                "qr.png",
                {
                    "image_data": io.BytesIO(png),
                    "x_scale": QR_PIXELS / size,
                    "y_scale": QR_PIXELS / size,
                    "object_position": 3,
                },
            )
        row += 2
        ws.write_string(row, 6, f"For {supplier.name}", f["bold"])
        ws.write_string(row + 3, 6, "Authorised Signatory")
        ws.set_footer(f"&L&8{TITLES[document.kind]} {document.number}&R&8Made with xlbo")
    book.close()
    return path


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
                    document.words if first else "",
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
