"""The `Payment Layouts` sheet: how a bank wants its bulk-payment file, one row per field.

Banks have no common file: each gives its client a template when bulk upload is enabled (HDFC's
is a CSV without a header, names of at most 22 characters; another bank's a text file with a
`FILEHDR` line, fixed lengths and a trailer). So a layout is data. The rows of one Layout, in
the sheet's order, are its fields; `Line` says whether a field belongs to the header line(s)
(written once, before the payments), to each payment's line, or to the footer; a new line of
the same part starts with a field whose `Line` says `Header 2`, `Footer 2`. The layout's first
row also gives the Style (CSV or Fixed Width), the Delimiter, the File Name and the Allowed
Characters.

    Layout        Style  Line     Field                Text  Width  Format
    HDFC ENet     CSV    Payment  Payment Mode         NEFT=N;RTGS=R
    HDFC ENet            Payment  Beneficiary Name           22
    HDFC ENet            Payment  Amount                            0.00
    HDFC ENet            Payment  Payment Date                      DD/MM/YYYY

The default, `Generic NEFT/RTGS CSV`, is a CSV with a header row of column names.
"""

from __future__ import annotations

from collections.abc import Sequence
from enum import StrEnum
from typing import Annotated

from pydantic import Field

from xlbo.master.fields import (
    Count,
    OptText,
    Shown,
    Text,
    choices_of,
    enum_reader,
)
from xlbo.master.records import Record


class Style(StrEnum):
    CSV = "CSV"
    """Fields joined by the delimiter; Width is the most a field may hold."""
    FIXED = "Fixed Width"
    """Each field padded or cut to exactly its Width; no delimiter."""


class Part(StrEnum):
    HEADER = "Header"
    PAYMENT = "Payment"
    FOOTER = "Footer"
    HEADER_2 = "Header 2"
    FOOTER_2 = "Footer 2"


class Align(StrEnum):
    LEFT = "Left"
    RIGHT = "Right"


class BankField(StrEnum):
    """What goes into a field of the bank file."""

    TEXT = "Text"
    """The Text column as it stands (a record type such as FILEHDR, a column name)."""
    MODE = "Payment Mode"
    """NEFT, or RTGS from Rs 2 lakh; Text maps them to the bank's codes: NEFT=N;RTGS=R."""
    NAME = "Beneficiary Name"
    ACCOUNT = "Beneficiary Account"
    IFSC = "Beneficiary IFSC"
    CODE = "Beneficiary Code"
    """The vendor's code on the Vendors sheet."""
    EMAIL = "Beneficiary Email"
    AMOUNT = "Amount"
    DATE = "Payment Date"
    REFERENCE = "Reference"
    """The payment voucher's number."""
    REMARKS = "Remarks"
    """The bills paid."""
    DEBIT_ACCOUNT = "Debit Account"
    """The company's account the money leaves (Bank Accounts sheet)."""
    DEBIT_IFSC = "Debit IFSC"
    SERIAL = "Serial"
    """1, 2, 3… on payment lines."""
    COUNT = "Count"
    """How many payments (header or footer)."""
    TOTAL = "Total"
    """The payments' total amount (header or footer)."""


StyleCell = Annotated[
    Style | None,
    enum_reader(Style, Fixed=Style.FIXED, Text=Style.FIXED, Delimited=Style.CSV),
    Shown(choices=choices_of(Style), width=12),
]
PartCell = Annotated[
    Part,
    enum_reader(Part, Detail=Part.PAYMENT, Trailer=Part.FOOTER, Body=Part.PAYMENT),
    Shown(choices=choices_of(Part), width=10),
]
AlignCell = Annotated[Align | None, enum_reader(Align), Shown(choices=choices_of(Align), width=8)]
FieldCell = Annotated[
    BankField,
    enum_reader(BankField, Name=BankField.NAME, Account=BankField.ACCOUNT, IFSC=BankField.IFSC),
    Shown(choices=choices_of(BankField), width=20),
]


class LayoutField(Record):
    """One field of a bank's bulk-payment file."""

    layout: Text = Field(
        alias="Layout",
        description="Name of the layout (your bank's); the payables job's --layout picks it.",
    )
    style: StyleCell = Field(
        None,
        alias="Style",
        description="First row of a layout: CSV (fields joined by the delimiter) or Fixed Width.",
    )
    delimiter: OptText = Field(
        None,
        alias="Delimiter",
        description="First row, CSV: Comma (the default), Pipe, Tab, Semicolon or the character.",
    )
    file_name: OptText = Field(
        None,
        alias="File Name",
        description="First row: the file's name, with YYYY, MM, DD for the payment date, e.g. "
        "NEFT-YYYYMMDD.csv. Blank: payments-YYYY-MM-DD.csv (.txt for fixed width).",
    )
    allowed: OptText = Field(
        None,
        alias="Allowed Characters",
        description="First row: the characters the bank accepts in text, as ranges and "
        "characters, e.g. A-Z a-z 0-9 space . - / ; others are removed. Blank: letters, "
        "digits, space and . - /",
    )
    line: PartCell = Field(
        Part.PAYMENT,
        alias="Line",
        description="Header (written once, before the payments), Payment (one line each) or "
        "Footer; Header 2 / Footer 2 for a second such line.",
    )
    field: FieldCell = Field(alias="Field", description="What goes in the field.")
    text: OptText = Field(
        None,
        alias="Text",
        description="For Field Text: the text itself. For Payment Mode: the bank's codes, "
        "e.g. NEFT=N;RTGS=R.",
    )
    width: Count = Field(
        0,
        alias="Width",
        description="CSV: the most characters the field may hold (cut beyond, and said). "
        "Fixed Width: exactly this many. 0: no limit.",
    )
    align: AlignCell = Field(
        None,
        alias="Align",
        description="Fixed Width: Left (text) or Right (numbers); blank: Right for amounts "
        "and counts, Left for the rest.",
    )
    pad: OptText = Field(
        None,
        alias="Pad",
        description="Fixed Width: the character that fills the field (blank: a space; 0 for "
        "zero-padded numbers).",
    )
    format: OptText = Field(
        None,
        alias="Format",
        description="Dates: DD/MM/YYYY (the default), DDMMYYYY, YYYY-MM-DD… Amounts: 0.00 (the "
        "default), 0 for whole rupees, paise for a whole number of paise.",
    )


GENERIC = "Generic NEFT/RTGS CSV"


def default_layouts() -> list[LayoutField]:
    """The layout shipped: a generic NEFT/RTGS CSV with a header row of column names."""
    columns = (
        (BankField.MODE, "Payment Type", 0, None),
        (BankField.NAME, "Beneficiary Name", 40, None),
        (BankField.ACCOUNT, "Beneficiary Account", 34, None),
        (BankField.IFSC, "IFSC", 11, None),
        (BankField.AMOUNT, "Amount", 0, "0.00"),
        (BankField.DATE, "Value Date", 0, "DD/MM/YYYY"),
        (BankField.REFERENCE, "Reference", 20, None),
        (BankField.REMARKS, "Remarks", 30, None),
        (BankField.EMAIL, "Beneficiary Email", 50, None),
    )
    rows = [
        LayoutField(
            layout=GENERIC,
            style=Style.CSV if i == 0 else None,
            delimiter="Comma" if i == 0 else None,
            file_name="NEFT-RTGS-YYYYMMDD.csv" if i == 0 else None,
            line=Part.HEADER,
            field=BankField.TEXT,
            text=title,
        )
        for i, (_, title, _, _) in enumerate(columns)
    ]
    rows += [
        LayoutField(layout=GENERIC, field=field, width=width, format=shape)
        for field, _, width, shape in columns
    ]
    return rows


def layout_names(fields: Sequence[LayoutField]) -> list[str]:
    """The layouts named on the sheet, in order."""
    return list(dict.fromkeys(f.layout for f in fields))
