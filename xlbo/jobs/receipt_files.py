"""A receipt's file: an A4 workbook (one sheet) that LibreOffice turns into its PDF with the
run's documents (`xlbo.jobs.invoice_files.to_pdf`).

It shows the company (name, address, GSTIN), the receipt's number and date, whom the money was
received from, the amount in figures and in words, the mode with the UTR or cheque number and
the account it went into, the invoices it settles with the amount of each, what stays on
account, the TDS the payer deducted (and its section), the narration and the signatory's line.
"""

from __future__ import annotations

from pathlib import Path

import xlsxwriter

from xlbo.documents.receipts import Receipt
from xlbo.master.records import Company
from xlbo.money import INR_NUMBER_FORMAT, from_paise


def write_receipt(path: Path, receipt: Receipt, company: Company) -> Path:
    """The receipt's workbook at `path` (a new file; text is always written as text)."""
    book = xlsxwriter.Workbook(
        str(path),
        {
            "strings_to_formulas": False,
            "strings_to_numbers": False,
            "strings_to_urls": False,
            "in_memory": True,
        },
    )
    book.set_properties({"title": f"RECEIPT {receipt.number}", "author": "xlbo"})
    title = book.add_format({"bold": True, "font_size": 14})
    bold = book.add_format({"bold": True})
    wrap = book.add_format({"text_wrap": True, "valign": "top"})
    head = book.add_format({"bold": True, "border": 1, "bg_color": "#D9E1F2", "font_size": 9})
    cell = book.add_format({"border": 1, "font_size": 9})
    money = book.add_format({"border": 1, "font_size": 9, "num_format": INR_NUMBER_FORMAT})
    figure = book.add_format({"bold": True, "num_format": INR_NUMBER_FORMAT, "align": "left"})
    total = book.add_format({"bold": True, "border": 1, "num_format": INR_NUMBER_FORMAT})
    ws = book.add_worksheet("Receipt")
    ws.set_paper(9)
    ws.set_portrait()
    ws.fit_to_pages(1, 1)
    ws.set_margins(left=0.5, right=0.5, top=0.6, bottom=0.6)
    ws.hide_gridlines(2)
    for index, width in enumerate((6, 22, 14, 16, 16, 16)):
        ws.set_column(index, index, width)
    last = 5
    ws.write_string(0, 0, "RECEIPT", title)
    ws.write_string(2, 0, company.name, bold)
    ws.merge_range(3, 0, 3, last, "", wrap)
    ws.write_string(3, 0, company.address or "", wrap)
    ws.write_string(4, 0, f"GSTIN: {company.gstin}" if company.gstin else "")
    ws.write_string(6, 0, "Receipt No:", bold)
    ws.write_string(6, 2, receipt.number)
    ws.write_string(6, 4, "Date:", bold)
    ws.write_string(6, 5, f"{receipt.date:%d-%m-%Y}")
    customer = receipt.customer
    ws.write_string(8, 0, "Received from:", bold)
    ws.write_string(8, 2, customer.name, bold)
    ws.merge_range(9, 2, 9, last, "", wrap)
    ws.write_string(9, 2, customer.address or "", wrap)
    ws.write_string(10, 2, f"GSTIN: {customer.gstin}" if customer.gstin else "")
    ws.write_string(12, 0, "Amount:", bold)
    ws.write_number(12, 2, float(from_paise(receipt.amount)), figure)
    ws.write_string(13, 0, "In words:", bold)
    ws.merge_range(13, 2, 14, last, "", wrap)
    ws.write_string(13, 2, receipt.words, wrap)
    ws.write_string(15, 0, "Mode:", bold)
    ws.write_string(15, 2, receipt.mode.value)
    ws.write_string(15, 3, "UTR/Cheque No:" if receipt.reference else "", bold)
    ws.write_string(15, 4, receipt.reference)
    ws.write_string(16, 0, "Into:", bold)
    ws.write_string(16, 2, receipt.bank)
    row = 18
    if receipt.tds:
        section = f" under section {receipt.tds_section}" if receipt.tds_section else ""
        ws.write_string(row, 0, "TDS deducted by the payer:", bold)
        ws.write_number(row, 3, float(from_paise(receipt.tds)), figure)
        ws.write_string(row, 4, section.strip())
        row += 2
    ws.write_string(row, 0, "Settles:", bold)
    row += 1
    for index, header in enumerate(("S.No", "Document No", "Date", "Amount Settled")):
        ws.write_string(row, index, header, head)
    row += 1
    for number, settled in enumerate(receipt.settles, start=1):
        ws.write_number(row, 0, number, cell)
        ws.write_string(row, 1, settled.document, cell)
        ws.write_string(row, 2, f"{settled.date:%d-%m-%Y}", cell)
        ws.write_number(row, 3, float(from_paise(settled.amount)), money)
        row += 1
    if receipt.on_account:
        ws.write_string(row, 1, "On account", cell)
        ws.write_blank(row, 2, None, cell)
        ws.write_number(row, 3, float(from_paise(receipt.on_account)), money)
        row += 1
    ws.write_string(row, 1, "Amount received + TDS", head)
    ws.write_blank(row, 2, None, head)
    ws.write_number(row, 3, float(from_paise(receipt.amount + receipt.tds)), total)
    row += 2
    if receipt.narration:
        ws.write_string(row, 0, "Narration:", bold)
        ws.write_string(row, 2, receipt.narration)
        row += 2
    ws.write_string(row + 1, 3, f"For {company.name}", bold)
    ws.write_string(row + 4, 3, "Authorised Signatory")
    ws.set_footer(f"&L&8RECEIPT {receipt.number}&R&8Made with xlbo")
    book.close()
    return path
