"""A bank's bulk-payment file, written from a layout of the `Payment Layouts` sheet.

Text a bank would refuse is made safe first: accents and other non-ASCII letters are dropped,
then every character outside the layout's Allowed Characters, and a leading `=`, `+`, `-` or
`@` (so no cell of the file can be taken for a formula); the delimiter never stays inside a CSV
field. A name or remark longer than its field is cut, and said; an account number, IFSC or
amount that does not fit is a problem, and no file is written. Lines end in CR LF, as the banks'
Windows upload pages expect. Amounts are the bank's plain numbers (59000.00), never grouped.

    >>> # Generic NEFT/RTGS CSV, one payment:
    >>> # Payment Type,Beneficiary Name,Beneficiary Account,IFSC,Amount,Value Date,...
    >>> # NEFT,Annapurna Caterers,50100012345678,HDFC0001234,58000.00,02/11/2026,...
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import date

from xlbo.ids import ifsc as ifsc_id
from xlbo.master.records import Vendor
from xlbo.money import from_paise
from xlbo.vendors.layouts import Align, BankField, LayoutField, Part, Style

RTGS_FROM = 200_000_00
"""Paise: RTGS takes payments of Rs 2 lakh and more; smaller ones go by NEFT."""
DEFAULT_ALLOWED = "A-Z a-z 0-9 space . - /"
DELIMITERS = {"comma": ",", "pipe": "|", "tab": "\t", "semicolon": ";", "caret": "^"}
TEXT_FIELDS = frozenset({BankField.NAME, BankField.REMARKS, BankField.REFERENCE})
"""Fields filtered to the layout's Allowed Characters."""
NUMBER_FIELDS = frozenset({BankField.AMOUNT, BankField.TOTAL, BankField.COUNT, BankField.SERIAL})
CUT_IS_FINE = frozenset({BankField.NAME, BankField.REMARKS, BankField.EMAIL, BankField.TEXT})
"""Fields that may be cut to their width (with a warning); the rest must fit."""


@dataclass(frozen=True)
class BankPayment:
    """One transfer to a vendor."""

    code: str
    name: str
    account: str
    ifsc: str
    amount: int
    """Paise."""
    reference: str
    remarks: str
    email: str = ""


@dataclass(frozen=True)
class BankFile:
    """The file's name and bytes, what was changed to fit (warnings) and what could not be
    (problems: then the file must not be sent)."""

    name: str
    content: bytes
    warnings: list[str] = field(default_factory=list)
    problems: list[str] = field(default_factory=list)


def payee_problem(vendor: Vendor) -> str:
    """Why a vendor cannot be paid by bank transfer ("" when it can)."""
    if not vendor.bank_account:
        return f"{vendor.name} has no Bank Account on the Vendors sheet"
    if not vendor.ifsc:
        return f"{vendor.name} has no IFSC on the Vendors sheet"
    try:
        ifsc_id.validate(vendor.ifsc)
    except ValueError as error:
        return f"{vendor.name}'s IFSC {vendor.ifsc} is wrong: {error}"
    return ""


def allowed_characters(spec: str | None) -> frozenset[str]:
    """`A-Z a-z 0-9 space . -` as the set of characters it allows."""
    chars: set[str] = set()
    for token in (spec or DEFAULT_ALLOWED).split():
        if token.casefold() == "space":
            chars.add(" ")
        elif len(token) == 3 and token[1] == "-" and token[0] < token[2]:
            chars.update(chr(c) for c in range(ord(token[0]), ord(token[2]) + 1))
        else:
            chars.update(token)
    return frozenset(chars)


def _ascii(text: str) -> str:
    return unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii")


def _date(day: date, shape: str | None) -> str:
    pattern = shape or "DD/MM/YYYY"
    for token, code in (("YYYY", "%Y"), ("YY", "%y"), ("MMM", "%b"), ("MM", "%m"), ("DD", "%d")):
        pattern = pattern.replace(token, code)
    return day.strftime(pattern).upper() if "%b" in pattern else day.strftime(pattern)


def _number(paise: int, shape: str | None) -> str | None:
    """An amount as the bank wants it; None when it has paise and whole rupees are asked."""
    form = (shape or "0.00").strip().casefold()
    if form == "paise":
        return str(paise)
    if form == "0":
        return str(paise // 100) if paise % 100 == 0 else None
    amount = from_paise(paise)
    return f"{amount:.2f}"  # the bank's plain number, as payroll's salary transfer file


def payment_mode(paise: int) -> str:
    """How a payment of `paise` goes: RTGS from ₹2 lakh (`RTGS_FROM`), NEFT below."""
    return "RTGS" if paise >= RTGS_FROM else "NEFT"


def _mode(paise: int, codes: str | None) -> str:
    """The payment's mode, as the bank's codes write it (`NEFT=N;RTGS=R`), else its name."""
    mode = payment_mode(paise)
    for pair in (codes or "").split(";"):
        name, _, code = pair.partition("=")
        if name.strip().upper() == mode and code.strip():
            return code.strip()
    return mode


def file_name(pattern: str | None, day: date, style: Style) -> str:
    """The file's name from the layout's pattern (YYYY, MM, DD), made safe for a path."""
    name = pattern or f"payments-YYYY-MM-DD.{'txt' if style is Style.FIXED else 'csv'}"
    for token, value in (("YYYY", f"{day:%Y}"), ("MM", f"{day:%m}"), ("DD", f"{day:%d}")):
        name = name.replace(token, value)
    name = re.sub(r"[^A-Za-z0-9._ -]", "_", name).strip(" .")
    return name or f"payments-{day:%Y-%m-%d}.csv"


@dataclass
class _Writer:
    fields: Sequence[LayoutField]
    style: Style
    delimiter: str
    allowed: frozenset[str]
    warnings: list[str]
    problems: list[str]

    def cell(self, spec: LayoutField, value: str, who: str) -> str:
        text = _ascii(value)
        if spec.field in TEXT_FIELDS:
            text = "".join(c for c in text if c in self.allowed).lstrip("=+-@ ")
            text = " ".join(text.split())
        if self.style is Style.CSV and self.delimiter in text:
            text = text.replace(self.delimiter, " " if spec.field in TEXT_FIELDS else "")
        if spec.width and len(text) > spec.width:
            if spec.field in CUT_IS_FINE:
                self.warnings.append(
                    f"{who}: {spec.field.value} '{text}' cut to {spec.width} characters: "
                    f"'{text[: spec.width]}'"
                )
                text = text[: spec.width]
            else:
                self.problems.append(
                    f"{who}: {spec.field.value} '{text}' is longer than the layout's "
                    f"{spec.width} characters"
                )
        if self.style is Style.FIXED and spec.width:
            pad = (spec.pad or " ")[:1]
            right = spec.align is Align.RIGHT or (
                spec.align is None and spec.field in NUMBER_FIELDS
            )
            text = text.rjust(spec.width, pad) if right else text.ljust(spec.width, pad)
        return text

    def line(
        self, specs: Sequence[LayoutField], value: Callable[[LayoutField], str], who: str
    ) -> str:
        cells = [self.cell(spec, value(spec), who) for spec in specs]
        return ("" if self.style is Style.FIXED else self.delimiter).join(cells)


def bank_file(
    layout: Sequence[LayoutField],
    payments: Sequence[BankPayment],
    day: date,
    debit_account: str = "",
    debit_ifsc: str = "",
) -> BankFile:
    """The bulk-payment file of `payments` (to be paid on `day`) in `layout` (its fields, in
    the sheet's order)."""
    first = layout[0]
    style = first.style or Style.CSV
    raw = first.delimiter or "comma"
    delimiter = DELIMITERS.get(raw.casefold(), raw[:1] or ",")
    writer = _Writer(layout, style, delimiter, allowed_characters(first.allowed), [], [])
    total = sum(p.amount for p in payments)

    def common(spec: LayoutField) -> str | None:
        if spec.field is BankField.TEXT:
            return spec.text or ""
        if spec.field is BankField.DATE:
            return _date(day, spec.format)
        if spec.field is BankField.COUNT:
            return str(len(payments))
        if spec.field is BankField.TOTAL:
            shown = _number(total, spec.format)
            if shown is None:
                writer.problems.append("The total has paise; the layout asks for whole rupees")
            return shown or ""
        if spec.field is BankField.DEBIT_ACCOUNT:
            return debit_account
        if spec.field is BankField.DEBIT_IFSC:
            return debit_ifsc
        return None

    lines: list[str] = []

    def part_lines(parts: Sequence[Part]) -> None:
        for part in parts:
            specs = [s for s in layout if s.line is part]
            if specs:
                lines.append(writer.line(specs, lambda s: common(s) or "", part.value))

    part_lines((Part.HEADER, Part.HEADER_2))
    payment_specs = [s for s in layout if s.line is Part.PAYMENT]
    for serial, payment in enumerate(payments, start=1):

        def value(spec: LayoutField, payment: BankPayment = payment, serial: int = serial) -> str:
            shared = common(spec)
            if shared is not None:
                return shared
            if spec.field is BankField.AMOUNT:
                shown = _number(payment.amount, spec.format)
                if shown is None:
                    writer.problems.append(
                        f"{payment.name}: the amount has paise; the layout asks for whole rupees"
                    )
                return shown or ""
            return {
                BankField.MODE: lambda: _mode(payment.amount, spec.text),
                BankField.NAME: lambda: payment.name,
                BankField.ACCOUNT: lambda: payment.account,
                BankField.IFSC: lambda: payment.ifsc,
                BankField.CODE: lambda: payment.code,
                BankField.EMAIL: lambda: payment.email,
                BankField.REFERENCE: lambda: payment.reference,
                BankField.REMARKS: lambda: payment.remarks,
                BankField.SERIAL: lambda: str(serial),
            }[spec.field]()

        lines.append(writer.line(payment_specs, value, payment.name))
    part_lines((Part.FOOTER, Part.FOOTER_2))
    content = "".join(f"{line}\r\n" for line in lines).encode("ascii", "replace")
    return BankFile(
        file_name(first.file_name, day, style), content, writer.warnings, writer.problems
    )
