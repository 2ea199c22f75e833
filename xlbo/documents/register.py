"""The sales register: one row per document issued, and the documents it says were issued.

Columns: the document (number, type, date, series), the customer (code, name, GSTIN), the place
of supply and its State code, reverse charge, the original invoice of a note, the taxable value
at each GST rate, the taxable value, CGST, SGST, UTGST, IGST, cess, round-off and the total, and
the Invoices rows the document was made of. The tax columns hold the tax the document charges:
none on reverse charge (the recipient pays it; the Invoice Lines sheet keeps each line's tax,
which the GSTR-1 reports), so taxable value, taxes and round-off always add up to the total. A credit note's figures stand as they print
(positive); its type says it reduces the sales.

The register in the output folder is the record of numbers already used: the next run reads it
(`issued_from`) and numbers after it, so no number is given twice.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from datetime import date
from decimal import Decimal
from typing import Any

import pandas as pd

from xlbo.cells import percent_text
from xlbo.documents.model import Document, Issued
from xlbo.master.records import DocumentType
from xlbo.money import from_paise, to_paise

SHEET = "Invoice Register"
LEADING = (
    "Document No",
    "Document Type",
    "Date",
    "Series",
    "Customer Code",
    "Customer",
    "GSTIN",
    "Place of Supply",
    "State Code",
    "Reverse Charge",
    "Original Invoice",
)
TRAILING = (
    "Taxable Value",
    "CGST",
    "SGST",
    "UTGST",
    "IGST",
    "Cess",
    "Round Off",
    "Total",
    "Invoices Rows",
)
MONEY = frozenset(TRAILING[:-1])
IRP = ("IRN", "Ack No", "Ack Date")
"""What the IRP gave an e-invoice, once typed back on the Invoices sheet."""
TAXABLE_AT = "Taxable "
"""Prefix of the columns of taxable value by rate: `Taxable 18%`."""


def rate_header(rate: Decimal) -> str:
    return f"{TAXABLE_AT}{percent_text(rate)}"


def _rows_text(rows: Iterable[int]) -> str:
    return ", ".join(str(r) for r in rows)


def register_row(document: Document) -> dict[str, Any]:
    """One document as a register row (money as Decimal rupees)."""
    row: dict[str, Any] = {
        "Document No": document.number,
        "Document Type": document.kind.value,
        "Date": document.date,
        "Series": document.series,
        "Customer Code": document.customer.code,
        "Customer": document.customer.name,
        "GSTIN": document.customer.gstin,
        "Place of Supply": document.place_of_supply.name,
        "State Code": document.place_of_supply.code,
        "Reverse Charge": "Yes" if document.reverse_charge else "No",
        "Original Invoice": document.original,
    }
    for rate, taxable in document.taxable_by_rate().items():
        row[rate_header(rate)] = from_paise(taxable)
    utgst = document.utgst
    charged = 0 if document.reverse_charge else 1  # on reverse charge the recipient pays it
    row.update(
        {
            "Taxable Value": from_paise(document.taxable),
            "CGST": from_paise(charged * document.cgst),
            "SGST": from_paise(0 if utgst else charged * document.sgst),
            "UTGST": from_paise(charged * document.sgst if utgst else 0),
            "IGST": from_paise(charged * document.igst),
            "Cess": from_paise(charged * document.cess),
            "Round Off": from_paise(document.round_off),
            "Total": from_paise(document.total),
            "Invoices Rows": _rows_text(document.rows),
            "IRN": document.irn,
            "Ack No": document.ack_no,
            "Ack Date": document.ack_date,
        }
    )
    return row


def _rate_of(header: str) -> Decimal:
    return Decimal(header[len(TAXABLE_AT) : -1])


def register_frame(rows: Iterable[Mapping[str, Any]]) -> pd.DataFrame:
    """Register rows (earlier ones first, then the new) as one frame: the taxable columns of
    every rate any row has, in ascending order, between the leading and trailing columns."""
    listed = list(rows)
    rates = sorted(
        {h for row in listed for h in row if h.startswith(TAXABLE_AT) and h.endswith("%")},
        key=_rate_of,
    )
    headers = [*LEADING, *rates, *TRAILING, *IRP]
    return pd.DataFrame(
        [[row.get(h, Decimal(0) if h in rates else None) for h in headers] for row in listed],
        columns=headers,
        dtype=object,
    )


FIGURES = {
    "Taxable Value": "taxable",
    "CGST": "cgst",
    "SGST": "sgst",
    "UTGST": "utgst",
    "IGST": "igst",
    "Cess": "cess",
}
"""The register's figures an `Issued` keeps (a receipt voucher's, for the invoice that adjusts
its advance)."""


def issued_from(row: Mapping[str, Any]) -> Issued | None:
    """What an earlier register row says was issued (None: not a row xlbo wrote)."""
    number = row.get("Document No")
    when = row.get("Date")
    total = row.get("Total")
    try:
        kind = DocumentType(str(row.get("Document Type")))
    except ValueError:
        return None
    if not isinstance(number, str) or not isinstance(when, date) or not isinstance(total, Decimal):
        return None
    return Issued(
        number=number,
        kind=kind,
        series=str(row.get("Series") or ""),
        date=when,
        customer_code=str(row.get("Customer Code") or ""),
        place_code=str(row.get("State Code") or "").zfill(2),
        total=to_paise(total),
        irn=str(row.get("IRN") or ""),
        original=str(row.get("Original Invoice") or ""),
        **{
            field: to_paise(value)
            for head, field in FIGURES.items()
            if isinstance(value := row.get(head), Decimal)
        },
    )


LINES_SHEET = "Invoice Lines"
LINE_HEADERS = (
    "Document No",
    "Document Type",
    "Date",
    "Line",
    "HSN/SAC",
    "Description",
    "UQC",
    "Quantity",
    "GST Rate",
    "Taxable Value",
    "CGST",
    "SGST",
    "UTGST",
    "IGST",
    "Cess",
)
"""The register's line sheet: each document's lines, for the HSN summary and the tax by rate
of the GSTR-1."""
LINE_MONEY = frozenset(LINE_HEADERS[9:])


def line_rows(document: Document) -> list[dict[str, Any]]:
    """The document's lines as rows of the Invoice Lines sheet (money as Decimal rupees)."""
    utgst = document.utgst
    return [
        {
            "Document No": document.number,
            "Document Type": document.kind.value,
            "Date": document.date,
            "Line": number,
            "HSN/SAC": line.hsn,
            "Description": line.description,
            "UQC": line.unit,
            "Quantity": line.quantity if line.quantity is not None else Decimal(1),
            "GST Rate": line.gst_rate,
            "Taxable Value": from_paise(line.taxable),
            "CGST": from_paise(line.cgst),
            "SGST": from_paise(0 if utgst else line.sgst),
            "UTGST": from_paise(line.sgst if utgst else 0),
            "IGST": from_paise(line.igst),
            "Cess": from_paise(line.cess),
        }
        for number, line in enumerate(document.lines, start=1)
    ]


def lines_frame(rows: Iterable[Mapping[str, Any]]) -> pd.DataFrame:
    return pd.DataFrame(
        [[row.get(h) for h in LINE_HEADERS] for row in rows],
        columns=list(LINE_HEADERS),
        dtype=object,
    )
