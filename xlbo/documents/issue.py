"""Issue the Invoices sheet's documents: group, check, number, price.

    >>> outcome = issue_documents(lines, Setting(company, customers, items, gst_rates),
    ...                           issued=earlier, cells=cells)          # doctest: +SKIP
    >>> [d.number for d in outcome.documents], len(outcome.issues)      # doctest: +SKIP
    (['INV/26-27/0003', 'INV/26-27/0004'], 1)

A document is the rows with the same Document Type, Series, Date, Customer Code and Place of
Supply (blank: the customer's State). Each is checked against Rule 46 (49 for a bill of supply,
53 for a note): every missing or wrong field is an Issue at its cell and that document is not
issued; the others are. A group already in the register (same type, series, date, customer and
place, same total) is not issued again; one with other figures is refused (a credit or debit
note corrects an issued invoice). Numbers run per series per financial year, after the highest
the register holds, so no number is ever given twice; a document that is not issued uses none.

A Revised Invoice (Rule 53(1)) names the tax invoice it revises as its Original Invoice and
carries the invoice in full as corrected, under a series of its own; a Tax Invoice that names a
Receipt Voucher there adjusts that advance (Rule 50; the tax paid on it is set off, GSTR-1
`txpd`). Each invoice is revised, and each advance adjusted or refunded, once.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field, replace
from datetime import date
from decimal import Decimal
from typing import Any

from xlbo.cells import percent_text
from xlbo.documents.gstr1 import b2cl_limit
from xlbo.documents.model import (
    ADVANCE_RATE,
    VOUCHERS,
    Advance,
    Document,
    DocumentLine,
    Issued,
    Party,
    advance_line,
    priced_line,
)
from xlbo.documents.rules import (
    NUMBER,
    SERIES,
    document_number,
    hsn_digits,
    longest_series,
    sequence_of,
    unit_code,
    year_code,
)
from xlbo.ids import gstin as gstin_id
from xlbo.issues import Issue, Severity
from xlbo.master.records import Company, Customer, DocumentType, InvoiceLine, Item
from xlbo.master.rules import GSTRate
from xlbo.money import format_inr, from_paise, to_paise
from xlbo.states import State, find_state
from xlbo.words import LARGEST_IN_WORDS, Language, language

UNREGISTERED_DETAIL_FROM = 5_000_000
"""Paise: from a taxable value of ₹50,000 an unregistered recipient's address and State must be
printed (Rule 46(e))."""
NOTES = (DocumentType.CREDIT_NOTE, DocumentType.DEBIT_NOTE)
LARGEST = to_paise(LARGEST_IN_WORDS)
"""The largest document xlbo issues (paise): the largest amount it writes in words."""


@dataclass(frozen=True)
class Cells:
    """Where the inputs' cells are, so an issue can point at one."""

    invoice: Callable[[int, str], str]
    """(Invoices row, header) → A1 address."""
    customer: Callable[[str, str], str]
    """(Customer Code, header) → A1 address on the Customers sheet."""
    company: Callable[[str], str]
    """Header → A1 address on the Company sheet."""
    invoice_file: str = ""
    master_file: str = ""


NOT_A_CUSTOMER = "is not on the Customers sheet, or its row there cannot be read"
"""Why a document's customer is unknown (the job then lists the Customers sheet's unreadable
cells beside it)."""


@dataclass(frozen=True)
class Setting:
    """The master data a document draws on."""

    company: Company | None
    customers: Mapping[str, Customer]
    """By Customer Code, case-folded."""
    items: Mapping[str, Item]
    """By Code, case-folded."""
    gst_rates: Sequence[GSTRate]
    bank: str = ""
    """The bank ledger a receipt or refund voucher's money goes through (the first of the
    master's Bank Accounts)."""


@dataclass(frozen=True)
class Outcome:
    documents: tuple[Document, ...]
    """Documents issued now, in number order within each series."""
    already: tuple[str, ...]
    """Numbers of the sheet's documents an earlier run issued (not issued again)."""
    held: int
    """Documents not issued because of their issues."""
    issues: tuple[Issue, ...]
    reprinted: tuple[Document, ...] = ()
    """Documents issued earlier whose IRN and signed QR were typed back now: printed again
    with them, under their number."""


@dataclass
class _Group:
    kind: DocumentType
    series: str
    date: date
    customer_code: str
    place: State | None
    lines: list[tuple[InvoiceLine, int]] = field(default_factory=list)

    @property
    def first_row(self) -> int:
        return self.lines[0][1]


def _invoice_issue(
    cells: Cells, row: int, header: str, value: Any, problem: str, hint: str
) -> Issue:
    """An error at the Invoices sheet's cell of `header` in `row`."""
    return Issue(
        severity=Severity.ERROR,
        sheet="Invoices",
        cell=cells.invoice(row, header),
        value=value,
        problem=problem,
        hint=hint,
        file=cells.invoice_file,
    )


@dataclass
class _Faults:
    """The issues of one document."""

    cells: Cells
    found: list[Issue] = field(default_factory=list)

    def invoice(self, row: int, header: str, value: Any, problem: str, hint: str) -> None:
        self.found.append(_invoice_issue(self.cells, row, header, value, problem, hint))

    def sheet(self, sheet: str, cell: str, value: Any, problem: str, hint: str) -> None:
        self.found.append(
            Issue(
                severity=Severity.ERROR,
                sheet=sheet,
                cell=cell,
                value=value,
                problem=problem,
                hint=hint,
                file=self.cells.master_file,
            )
        )


def _supplier(company: Company | None, cells: Cells) -> tuple[Party | None, list[Issue]]:
    """The supplier from the Company sheet, or the issues that stop every document."""
    faults = _Faults(cells)
    if company is None:
        faults.sheet(
            "Company",
            "A2",
            "",
            "The Company sheet has no row, so no document can name its supplier",
            "Fill in the company's Name, Address, State and GSTIN.",
        )
        return None, faults.found
    if not company.address:
        faults.sheet(
            "Company",
            cells.company("Address"),
            "",
            "The company's Address is blank; every invoice must print it (Rule 46(a))",
            "Fill in the registered address.",
        )
    state = find_state(company.state)
    try:
        number = gstin_id.validate(company.gstin) if company.gstin else ""
    except ValueError as error:
        faults.sheet(
            "Company",
            cells.company("GSTIN"),
            company.gstin,
            f"The company's GSTIN is wrong: {error}",
            "Correct it from the registration certificate; no invoice is issued without it.",
        )
        number = ""
    if not company.gstin:
        faults.sheet(
            "Company",
            cells.company("GSTIN"),
            "",
            "The company's GSTIN is blank; a tax invoice must print the supplier's GSTIN "
            "(Rule 46(a))",
            "Fill in the GSTIN of this state's registration.",
        )
    if number:
        state = gstin_id.state(number)
    if faults.found or state is None:
        return None, faults.found
    return Party("", company.name, company.address or "", number, state), []


def _rates_in_force(rates: Sequence[GSTRate], day: date) -> set[Decimal]:
    return {
        r.rate
        for r in rates
        if r.effective_from <= day and (r.effective_to is None or day <= r.effective_to)
    }


def _groups(lines: Iterable[tuple[InvoiceLine, int]], setting: Setting) -> list[_Group]:
    groups: dict[tuple[Any, ...], _Group] = {}
    for line, row in lines:
        customer = setting.customers.get(line.customer_code.casefold())
        place = line.place_of_supply or (customer.state if customer else None)
        state = find_state(place) if place else None
        key = (
            line.document_type,
            line.series.casefold(),
            line.date,
            line.customer_code.casefold(),
            state.code if state else "",
        )
        group = groups.get(key)
        if group is None:
            group = groups[key] = _Group(
                line.document_type, line.series, line.date, line.customer_code, state
            )
        group.lines.append((line, row))
    return sorted(groups.values(), key=lambda g: (g.date, g.first_row))


def _recipient(group: _Group, setting: Setting, faults: _Faults) -> Party | None:
    row = group.first_row
    customer = setting.customers.get(group.customer_code.casefold())
    if customer is None:
        faults.invoice(
            row,
            "Customer Code",
            group.customer_code,
            f"Customer Code {group.customer_code} {NOT_A_CUSTOMER}",
            "Add the customer (name, address, GSTIN, State) to Customers, correct the code, or "
            "correct the customer's row there (its cells that cannot be read are listed too).",
        )
        return None
    where = faults.cells.customer
    number = ""
    if customer.gstin:
        try:
            number = gstin_id.validate(customer.gstin)
        except ValueError as error:
            faults.sheet(
                "Customers",
                where(customer.customer_code, "GSTIN"),
                customer.gstin,
                f"{customer.name}'s GSTIN is wrong: {error}",
                "Correct it (the GST portal's Search Taxpayer shows it), or leave it blank for "
                "an unregistered customer.",
            )
    if group.place is None:
        faults.invoice(
            row,
            "Place of Supply",
            "",
            "Place of Supply is blank and the customer has no State",
            "Give the state where the goods go or the service is received.",
        )
        return None
    return Party(
        customer.customer_code,
        customer.name,
        customer.address or "",
        number,
        find_state(customer.state) or group.place,
    )


def _agreeing(group: _Group, faults: _Faults) -> tuple[bool, str, str, dict[str, str]]:
    """Reverse Charge, Shipping Address and Original Invoice: one for the whole document.
    A Shipping Address or Original Invoice written on one row holds for the rows that leave it
    blank (an accountant types it once); two rows that give different ones are an Issue. Reverse
    Charge must read alike on every row (a blank cell reads No)."""
    first, first_row = group.lines[0]
    given: dict[str, tuple[object, int]] = {}
    for line, row in group.lines:
        for header, attr, blank_inherits in (
            ("Reverse Charge", "reverse_charge", False),
            ("Shipping Address", "shipping_address", True),
            ("Original Invoice", "original_invoice", True),
            ("Language", "language", True),
            *((header, attr, True) for header, attr in IRP_FIELDS),
        ):
            value = getattr(line, attr)
            if blank_inherits and value in (None, ""):
                continue
            if attr not in given:
                given[attr] = (value, row)
                continue
            earlier, earlier_row = given[attr]
            if value != earlier:
                hint = f"Give every row of the document the same {header}"
                hint += (
                    " (or leave it blank after the first row)"
                    if blank_inherits
                    else " (a blank cell reads No)"
                )
                faults.invoice(
                    row,
                    header,
                    value,
                    f"{header} differs from row {earlier_row} of the same document",
                    hint + ", or put this line on another document (another date or series).",
                )
    reverse = bool(given.get("reverse_charge", (first.reverse_charge, first_row))[0])
    shipping = given.get("shipping_address", ("", first_row))[0]
    original = given.get("original_invoice", ("", first_row))[0]
    irp = {attr: str(given.get(attr, ("", first_row))[0] or "") for _, attr in IRP_FIELDS}
    chosen = given.get("language", (None, first_row))[0]
    if isinstance(chosen, Language):
        irp["language"] = chosen.value  # the document's own; else the Company sheet's
    return reverse, str(shipping or ""), str(original or ""), irp


IRP_FIELDS = (
    ("IRN", "irn"),
    ("Ack No", "ack_no"),
    ("Ack Date", "ack_date"),
    ("Signed QR", "signed_qr"),
)
"""What the IRP gives back for an e-invoice, typed into the document's rows."""
_IRN = re.compile(r"[0-9a-fA-F]{64}")
_JWT = re.compile(r"[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+")


def _irp_checked(
    group: _Group, irp: dict[str, str], cells: Cells
) -> tuple[dict[str, str], list[Issue]]:
    """The IRP's answer as typed back, or none and the Issue that says why: an IRN is 64
    hexadecimal characters, a signed QR a JWT (three parts joined by dots), as the IRP gives
    them. A wrong one is not printed; the document stands."""
    row = next((r for ln, r in group.lines if ln.irn or ln.signed_qr), group.first_row)
    found: list[Issue] = []
    if irp["irn"] and not _IRN.fullmatch(irp["irn"]):
        found.append(
            _invoice_issue(cells, row, "IRN", irp["irn"],
                           "IRN is not the 64 characters (0-9, a-f) the IRP gives",
                           "Copy the IRN whole from the IRP's response or the e-invoice portal.")
        )  # fmt: skip
    if irp["signed_qr"] and not _JWT.fullmatch(irp["signed_qr"].strip()):
        found.append(
            _invoice_issue(cells, row, "Signed QR", irp["signed_qr"][:40],
                           "Signed QR is not the IRP's SignedQRCode (three parts joined by dots)",
                           "Paste the SignedQRCode whole from the IRP's response.")
        )  # fmt: skip
    if irp["signed_qr"] and not irp["irn"]:
        found.append(
            _invoice_issue(cells, row, "IRN", "", "A Signed QR is given without its IRN",
                           "Type the IRN beside the Signed QR.")
        )  # fmt: skip
    if found:
        return {attr: "" for _, attr in IRP_FIELDS}, found
    return {**irp, "signed_qr": irp["signed_qr"].strip()}, []


def _priced(
    group: _Group,
    setting: Setting,
    intra_state: bool,
    registered: bool,
    faults: _Faults,
) -> list[DocumentLine]:
    company = setting.company
    turnover = company.turnover if company else None
    in_force = _rates_in_force(setting.gst_rates, group.date)
    priced: list[DocumentLine] = []
    for line, row in group.lines:
        item = setting.items.get((line.description or "").casefold())
        description = (item.description if item else line.description) or ""
        hsn = line.hsn or (item.hsn if item else None) or ""
        unit = line.unit or (item.unit if item else None) or ""
        rate = line.rate if line.rate is not None else (item.rate if item else None)
        gst_rate = line.gst_rate if line.gst_rate is not None else (item.gst_rate if item else None)
        if not description:
            faults.invoice(
                row,
                "Description",
                "",
                "Description is blank (Rule 46(h))",
                "Say what was sold, or give an item code of the Items sheet.",
            )
        needed = hsn_digits(turnover, group.date, registered=registered)
        if hsn and not (hsn.isdigit() and len(hsn) in (4, 6, 8)):
            faults.invoice(
                row,
                "HSN/SAC",
                hsn,
                f"HSN/SAC {hsn} is not an HSN code or SAC (4, 6 or 8 digits)",
                "Copy the code from the GST portal's HSN search; format the column as Text so a "
                "code like 0713 keeps its leading 0.",
            )
        elif needed and len(hsn) < needed:
            limit = "up to" if needed == 4 else "above"
            faults.invoice(
                row,
                "HSN/SAC",
                hsn,
                f"HSN/SAC is blank; this invoice must show {needed} digits"
                if not hsn
                else f"HSN/SAC {hsn} has {len(hsn)} digits; this invoice must show {needed}",
                f"Last year's turnover was {limit} Rs 5 crore (Company sheet: Turnover Previous "
                "FY), so HSN needs at least that many digits (Notification 78/2020-CT).",
            )
        service = hsn.startswith("99")
        quantity = line.quantity
        usable = True
        if quantity is not None and quantity <= 0:
            usable = False  # priced no further: the issue says why
            faults.invoice(
                row,
                "Quantity",
                quantity,
                "Quantity must be more than zero",
                "A return of goods is a Credit Note with the quantity returned.",
            )
        elif quantity is None and not service:
            faults.invoice(
                row,
                "Quantity",
                "",
                "Quantity is blank (Rule 46(i))",
                "Give the quantity of goods in the unit (UQC).",
            )
        code = unit_code(unit) if unit else ("NA" if service else None)
        if code is None:
            faults.invoice(
                row,
                "Unit (UQC)",
                unit,
                "Unit is blank (Rule 46(i))"
                if not unit
                else f"Unit {unit} is not a GST unit quantity code",
                "Use a UQC such as NOS, PCS, KGS, MTR, LTR, BOX, SET (OTH for any other).",
            )
        if rate is None:
            faults.invoice(
                row,
                "Rate",
                "",
                "Rate is blank",
                "Give the price per unit before GST (or an item of the Items sheet with one).",
            )
        if gst_rate is None:
            if group.kind is DocumentType.BILL_OF_SUPPLY:
                gst_rate = Decimal(0)
            else:
                faults.invoice(
                    row,
                    "GST Rate",
                    "",
                    "GST Rate is blank (Rule 46(m))",
                    "Give the rate, e.g. 18% (0% for exempt goods).",
                )
        elif group.kind is DocumentType.BILL_OF_SUPPLY and gst_rate:
            faults.invoice(
                row,
                "GST Rate",
                percent_text(gst_rate),
                "A Bill of Supply charges no tax (Rule 49)",
                "Make it a Tax Invoice, or set GST Rate to 0%.",
            )
        elif gst_rate not in in_force:
            rates = ", ".join(percent_text(r) for r in sorted(in_force))
            faults.invoice(
                row,
                "GST Rate",
                percent_text(gst_rate),
                f"GST Rate {percent_text(gst_rate)} is not a GST rate in force on "
                f"{group.date:%d-%m-%Y}",
                f"The rates then are {rates} (GST Rates sheet).",
            )
        if rate is None or gst_rate is None or code is None or not usable:
            continue
        gross = (quantity if quantity is not None else Decimal(1)) * rate
        if line.discount > gross:
            faults.invoice(
                row,
                "Discount",
                line.discount,
                f"Discount {format_inr(line.discount)} is more than the line's value "
                f"{format_inr(gross)}",
                "Give the discount in rupees on this line.",
            )
            continue
        priced.append(
            priced_line(
                row=row,
                description=description,
                hsn=hsn,
                quantity=quantity,
                unit=code,
                rate=rate,
                discount=line.discount,
                gst_rate=gst_rate,
                cess_rate=line.cess_rate,
                intra_state=intra_state,
            )
        )
    return priced


def _advance_lines(
    group: _Group, setting: Setting, intra_state: bool, faults: _Faults
) -> list[DocumentLine]:
    """A receipt or refund voucher's lines: Rate (× Quantity, when given) is the money received
    or returned, tax in it. A line with an SAC (99…) or no HSN/SAC is a service's advance and
    pays tax at its GST Rate, 18% when blank (Rule 50 proviso (i)); an HSN of goods pays none
    (Notification 66/2017-CT)."""
    in_force = _rates_in_force(setting.gst_rates, group.date)
    lines: list[DocumentLine] = []
    for line, row in group.lines:
        item = setting.items.get((line.description or "").casefold())
        description = (item.description if item else line.description) or ""
        hsn = line.hsn or (item.hsn if item else None) or ""
        gst_rate = line.gst_rate if line.gst_rate is not None else ADVANCE_RATE
        what = "received" if group.kind is DocumentType.RECEIPT_VOUCHER else "refunded"
        usable = True
        if not description:
            usable = False
            faults.invoice(
                row,
                "Description",
                "",
                f"Description is blank; a {group.kind.value} describes the goods or services "
                f"the advance is for (Rule {50 if what == 'received' else 51})",
                "Say what the advance is for, or give an item code of the Items sheet.",
            )
        if hsn and not (hsn.isdigit() and len(hsn) in (4, 6, 8)):
            usable = False
            faults.invoice(
                row,
                "HSN/SAC",
                hsn,
                f"HSN/SAC {hsn} is not an HSN code or SAC (4, 6 or 8 digits)",
                "Copy the code from the GST portal's HSN search, or leave it blank.",
            )
        if line.rate is None or line.rate <= 0:
            usable = False
            faults.invoice(
                row,
                "Rate",
                line.rate if line.rate is not None else "",
                f"Rate is blank; on a {group.kind.value} it is the amount {what}",
                f"Give the amount {what} in rupees, tax included.",
            )
        if gst_rate not in in_force:
            usable = False
            rates = ", ".join(percent_text(r) for r in sorted(in_force))
            faults.invoice(
                row,
                "GST Rate",
                percent_text(gst_rate),
                f"GST Rate {percent_text(gst_rate)} is not a GST rate in force on "
                f"{group.date:%d-%m-%Y}",
                f"The rates then are {rates} (GST Rates sheet); blank: 18% (Rule 50).",
            )
        if not usable or line.rate is None:
            continue
        quantity = line.quantity if line.quantity is not None else Decimal(1)
        lines.append(
            advance_line(
                row=row,
                description=description,
                hsn=hsn,
                received=(quantity * line.rate).quantize(Decimal("0.01")),
                gst_rate=gst_rate,
                intra_state=intra_state,
                taxed=not hsn or hsn.startswith("99"),
            )
        )
    return lines


def _refunded(
    group: _Group, original: str, numbers: Mapping[str, Issued], faults: _Faults
) -> tuple[str, date | None]:
    """A refund voucher's receipt voucher (Rule 51): issued by xlbo to the same customer on or
    before the refund."""
    if not original:
        faults.invoice(
            group.first_row,
            "Original Invoice",
            "",
            "A Refund Voucher names the Receipt Voucher of the advance it returns (Rule 51)",
            "Give the receipt voucher's number as the Invoice Register shows it.",
        )
        return original, None
    voucher = numbers.get(original.casefold())
    if voucher is None or voucher.kind is not DocumentType.RECEIPT_VOUCHER:
        faults.invoice(
            group.first_row,
            "Original Invoice",
            original,
            f"{original} is not a Receipt Voucher xlbo issued",
            "Give the number of the receipt voucher of the advance, from the Invoice Register.",
        )
    elif voucher.customer_code.casefold() != group.customer_code.casefold():
        faults.invoice(
            group.first_row,
            "Original Invoice",
            original,
            f"Receipt Voucher {original} was issued to {voucher.customer_code}, not "
            f"{group.customer_code}",
            "An advance is refunded to whoever paid it.",
        )
    elif voucher.date > group.date:
        faults.invoice(
            group.first_row,
            "Date",
            f"{group.date:%d-%m-%Y}",
            f"The refund is dated before Receipt Voucher {original} ({voucher.date:%d-%m-%Y})",
            "Date the refund on or after the advance.",
        )
    elif adjusted := [
        i.number
        for i in numbers.values()
        if i.kind is DocumentType.TAX_INVOICE and i.original.casefold() == original.casefold()
    ]:
        faults.invoice(
            group.first_row,
            "Original Invoice",
            original,
            f"The advance on Receipt Voucher {original} was adjusted by invoice {adjusted[0]}",
            "An adjusted advance is not refunded; a Credit Note against the invoice returns "
            "money on it.",
        )
    else:
        return voucher.number, voucher.date
    return original, None


def _advance(
    group: _Group, original: str, numbers: Mapping[str, Issued], faults: _Faults
) -> Advance | None:
    """The advance a tax invoice adjusts (Rule 50; GSTR-1 `txpd`): the receipt voucher named
    as its Original Invoice, issued by xlbo to the same customer on or before the invoice, and
    neither refunded nor adjusted by another invoice; None with an issue at the row."""
    voucher = numbers.get(original.casefold())
    taken = [
        i
        for i in numbers.values()
        if i.original.casefold() == original.casefold()
        and i.kind in (DocumentType.TAX_INVOICE, DocumentType.REFUND_VOUCHER)
    ]
    cell, problem, hint = ("Original Invoice", original), "", ""
    if voucher is None or voucher.kind is not DocumentType.RECEIPT_VOUCHER:
        problem = f"{original} is not a Receipt Voucher xlbo issued"
        hint = (
            "On a Tax Invoice, Original Invoice names the receipt voucher of an advance it "
            "adjusts; leave it blank otherwise."
        )
    elif voucher.customer_code.casefold() != group.customer_code.casefold():
        problem = f"Receipt Voucher {original} was issued to {voucher.customer_code}, not {group.customer_code}"
        hint = "An advance is adjusted against an invoice to whoever paid it."
    elif voucher.date > group.date:
        cell = ("Date", f"{group.date:%d-%m-%Y}")
        problem = (
            f"The invoice is dated before Receipt Voucher {original} ({voucher.date:%d-%m-%Y})"
        )
        hint = "Date the invoice on or after the advance."
    elif taken:
        what = "refunded by" if taken[0].kind is DocumentType.REFUND_VOUCHER else "adjusted by"
        problem = f"The advance on {original} was {what} {taken[0].number} already"
        hint = "Name no receipt voucher on this invoice."
    if problem or voucher is None:
        faults.invoice(group.first_row, cell[0], cell[1], problem, hint)
        return None
    return _advance_of(voucher)


def _advance_of(voucher: Issued) -> Advance:
    """A receipt voucher's advance, as an invoice adjusts it."""
    return Advance(
        number=voucher.number,
        date=voucher.date,
        taxable=voucher.taxable,
        cgst=voucher.cgst,
        sgst=voucher.sgst + voucher.utgst,
        igst=voucher.igst,
        cess=voucher.cess,
        utgst=bool(voucher.utgst),
    )


def _carried_advance(original: str, numbers: Mapping[str, Issued]) -> Advance | None:
    """The advance the invoice a revised invoice revises adjusted (None: it adjusted none).
    The revision carries it: it prints 'Less: Advance' and the balance, and its journal, the
    difference from the invoice's, leaves the advance and the tax paid on it as they were.

    Invoice SRV/26-27/0004 of 73,750 adjusted RV/26-27/0001's 59,000; revised to 88,500, it
    still owes 29,500 and posts Trade Receivables Dr 14,750, Sales Cr 12,500, IGST Cr 2,250."""
    invoice = numbers.get(original.casefold())
    voucher = numbers.get(invoice.original.casefold()) if invoice and invoice.original else None
    if voucher is None or voucher.kind is not DocumentType.RECEIPT_VOUCHER:
        return None
    return _advance_of(voucher)


def _revised(
    group: _Group,
    original: str,
    numbers: Mapping[str, Issued],
    supplier: Party | None,
    faults: _Faults,
) -> tuple[str, date | None]:
    """The tax invoice a revised invoice revises (Rule 53(1)): its number and date, or
    ("", None) with an issue at the row. It must be a tax invoice xlbo issued to the same
    customer, on or before the revision's date, not revised already (the next revision revises
    the revised one's original again, from its figures: xlbo keeps one revision an invoice),
    with no IRN (an e-invoice is cancelled within 24 hours, or corrected by a note), and the
    revision's series is its own."""
    cell = ("Original Invoice", original)
    if not original:
        faults.invoice(
            group.first_row,
            "Original Invoice",
            "",
            "A Revised Invoice needs the number and date of the invoice it revises (Rule 53(1))",
            "Give the tax invoice's number as the Invoice Register shows it.",
        )
        return "", None
    invoice = numbers.get(original.casefold())
    revised_by = [
        i.number
        for i in numbers.values()
        if i.kind is DocumentType.REVISED_INVOICE and i.original.casefold() == original.casefold()
    ]
    shared = sorted(
        {
            i.kind.value
            for i in numbers.values()
            if i.series.casefold() == group.series.casefold()
            and i.kind is not DocumentType.REVISED_INVOICE
        }
    )
    problem, hint = "", ""
    if invoice is None or invoice.kind is not DocumentType.TAX_INVOICE:
        problem = f"Original Invoice {original} is not a tax invoice xlbo issued"
        hint = "Give the number of a Tax Invoice in the Invoice Register."
    elif invoice.customer_code.casefold() != group.customer_code.casefold():
        problem = (
            f"Invoice {original} was issued to {invoice.customer_code}, not {group.customer_code}"
        )
        hint = "A revised invoice revises an invoice of the same customer."
    elif invoice.date > group.date:
        cell = ("Date", f"{group.date:%d-%m-%Y}")
        problem = (
            f"The revised invoice is dated before invoice {original} ({invoice.date:%d-%m-%Y})"
        )
        hint = "Date the revised invoice on or after the invoice."
    elif revised_by:
        problem = f"Invoice {original} was revised already, by {revised_by[0]}"
        hint = "Correct it further with a Credit Note or Debit Note against it."
    elif invoice.irn:
        problem = f"Invoice {original} is an e-invoice (IRN {invoice.irn[:8]}…): the IRP takes no revision"
        hint = "Cancel it on the IRP within 24 hours and issue it again, or issue a Credit Note or Debit Note."
    elif shared:
        cell = ("Series", group.series)
        problem = f"Series {group.series} numbers {', '.join(shared)}s already"
        hint = "Give revised invoices a series of their own, e.g. RI."
    if problem or invoice is None:
        faults.invoice(group.first_row, cell[0], cell[1], problem, hint)
        return original, None
    return invoice.number, invoice.date


def _amendable(document: Document, numbers: Mapping[str, Issued]) -> bool:
    """A revision GSTR-1 can report invoice by invoice: to a registered buyer (B2BA), or an
    inter-State invoice to an unregistered buyer above the B2CL limit, before and after (B2CLA)."""
    if document.registered:
        return True
    invoice = numbers.get(document.original.casefold())
    limit = to_paise(b2cl_limit(document.date))
    return (
        not document.intra_state
        and invoice is not None
        and invoice.total > limit
        and document.total > limit
    )


def _series_fits(group: _Group, faults: _Faults) -> bool:
    longest = longest_series(group.date)
    if SERIES.fullmatch(group.series) and len(group.series) <= longest:
        return True
    faults.invoice(
        group.first_row,
        "Series",
        group.series,
        f"Series {group.series} cannot start a document number: numbers hold letters, digits, "
        f"- and / only, start with neither 0, / nor -, and have at most 16 characters",
        f"Use up to {longest} letters or digits, e.g. INV (numbers then read "
        f"{document_number('INV', group.date, 1)}).",
    )
    return False


def issue_documents(
    lines: Sequence[tuple[InvoiceLine, int]],
    setting: Setting,
    *,
    issued: Sequence[Issued] = (),
    cells: Cells,
    unreadable: Mapping[str, int] | None = None,
    also_used: Iterable[str] = (),
) -> Outcome:
    """Issue the documents the Invoices sheet's `lines` (each with its Excel row) make, after
    the `issued` ones of earlier runs. `unreadable` names the rows that could not be read (by
    their Customer Code as typed, case-folded → the first such row): a row that cannot be read
    may belong to any of its customer's documents, so none of them is issued until it is fixed
    (a row with no Customer Code holds back nothing else). `also_used` are numbers found
    elsewhere (the register's Journal): a number there is never given again, even when its
    register row was deleted."""
    waiting = {code: row for code, row in (unreadable or {}).items() if code}
    supplier, stopped = _supplier(setting.company, cells)
    by_key = {i.key: i for i in issued}
    numbers = {i.number.casefold(): i for i in issued}
    last: dict[tuple[str, str], int] = {}
    for done in issued:
        sequence = sequence_of(done.number, done.series, done.date)
        slot = (done.series.casefold(), year_code(done.date))
        last[slot] = max(last.get(slot, 0), sequence or 0)
    for number in also_used:
        series, _, rest = number.rpartition("/")
        series, _, year = series.rpartition("/")
        if series and rest.isdigit():
            slot = (series.casefold(), year)
            last[slot] = max(last.get(slot, 0), int(rest))
    issues: list[Issue] = list(stopped)
    documents: list[Document] = []
    already: list[str] = []
    held = 0
    reprinted: list[Document] = []
    typed = [(line, row) for line, row in lines if line.document_no]
    for line, row in typed:
        number = line.document_no or ""
        if number.casefold() in numbers:
            already.append(number)
            continue
        faults = _Faults(cells)
        faults.invoice(
            row,
            "Document No",
            number,
            f"Document No {number} was not issued by xlbo (it is not in the Invoice Register)",
            "Leave Document No blank: xlbo numbers each document and lists it in the register.",
        )
        issues += faults.found
    for group in _groups(((ln, r) for ln, r in lines if not ln.document_no), setting):
        faults = _Faults(cells)
        bad_row = waiting.get(group.customer_code.casefold())
        if bad_row is not None:
            faults.invoice(
                group.first_row,
                "Customer Code",
                group.customer_code,
                f"Row {bad_row}, a line for {group.customer_code}, could not be read, and it "
                "may belong to this document; it waits until that row is fixed",
                f"Correct row {bad_row} (its issue says how), then run again.",
            )
        fits = _series_fits(group, faults)
        customer = _recipient(group, setting, faults)
        reverse_charge, shipping, original, typed_irp = _agreeing(group, faults)
        chosen = typed_irp.pop("language", "")
        written = language(chosen or (setting.company.language if setting.company else ""))
        irp, irp_issues = _irp_checked(group, typed_irp, cells)
        issues += irp_issues
        intra = (
            supplier is not None
            and group.place is not None
            and (supplier.state.code == group.place.code)
        )
        registered = customer is not None and bool(customer.gstin)
        if group.kind in VOUCHERS:
            priced = _advance_lines(group, setting, intra, faults)
        else:
            priced = _priced(group, setting, intra, registered, faults)
        if customer is not None:
            taxable = sum(line.taxable for line in priced)
            if registered and not customer.address:
                faults.sheet(
                    "Customers",
                    cells.customer(customer.code, "Address"),
                    "",
                    f"{customer.name}'s Address is blank; an invoice to a registered person "
                    "prints it (Rule 46(d))",
                    "Fill in the billing address.",
                )
            elif not registered and taxable >= UNREGISTERED_DETAIL_FROM and not customer.address:
                faults.sheet(
                    "Customers",
                    cells.customer(customer.code, "Address"),
                    "",
                    f"{customer.name} has no GSTIN and no Address; from Rs 50,000 an invoice to "
                    "an unregistered person prints the address (Rule 46(e))",
                    "Fill in the address (and the GSTIN if the customer is registered).",
                )
            if reverse_charge and not registered:
                faults.sheet(
                    "Customers",
                    cells.customer(customer.code, "GSTIN"),
                    "",
                    f"Reverse Charge is Yes but {customer.name} has no GSTIN; only a registered "
                    "recipient pays tax on reverse charge",
                    "Fill in the customer's GSTIN, or set Reverse Charge to No.",
                )
        original_date: date | None = None
        advance: Advance | None = None
        if group.kind in NOTES:
            if not original:
                faults.invoice(
                    group.first_row,
                    "Original Invoice",
                    "",
                    f"A {group.kind.value} needs the number of the invoice it corrects "
                    "(Rule 53(1A))",
                    "Give the invoice's number as the Invoice Register shows it.",
                )
            else:
                invoice = numbers.get(original.casefold())
                if invoice is None or invoice.kind in (*NOTES, *VOUCHERS):
                    faults.invoice(
                        group.first_row,
                        "Original Invoice",
                        original,
                        f"Original Invoice {original} is not an invoice xlbo issued",
                        "Give the number of an invoice in the Invoice Register (issue the "
                        "invoice first).",
                    )
                elif invoice.customer_code.casefold() != group.customer_code.casefold():
                    faults.invoice(
                        group.first_row,
                        "Original Invoice",
                        original,
                        f"Invoice {original} was issued to {invoice.customer_code}, not "
                        f"{group.customer_code}",
                        "A note corrects an invoice of the same customer.",
                    )
                elif invoice.date > group.date:
                    faults.invoice(
                        group.first_row,
                        "Date",
                        f"{group.date:%d-%m-%Y}",
                        f"The note is dated before invoice {original} ({invoice.date:%d-%m-%Y})",
                        "Date the note on or after the invoice.",
                    )
                else:
                    original, original_date = invoice.number, invoice.date
        elif group.kind is DocumentType.REVISED_INVOICE:
            original, original_date = _revised(group, original, numbers, supplier, faults)
            advance = _carried_advance(original, numbers) if original_date else None
        elif group.kind is DocumentType.REFUND_VOUCHER:
            original, original_date = _refunded(group, original, numbers, faults)
        elif group.kind is DocumentType.TAX_INVOICE and original:
            advance = _advance(group, original, numbers, faults)
            if advance is not None:
                original, original_date = advance.number, advance.date
        place_code = group.place.code if group.place else ""
        key = (
            group.kind.value,
            group.series.casefold(),
            group.date,
            group.customer_code.casefold(),
            place_code,
        )
        earlier_one = by_key.get(key)
        if faults.found or supplier is None or customer is None or group.place is None or not fits:
            issues += faults.found
            held += 1
            continue
        document = Document(
            kind=group.kind,
            number="",
            series=group.series,
            date=group.date,
            supplier=supplier,
            customer=customer,
            place_of_supply=group.place,
            reverse_charge=reverse_charge,
            shipping_address=shipping,
            original=original,
            original_date=original_date,
            lines=tuple(priced),
            bank=setting.bank if group.kind in VOUCHERS else "",
            advance=advance,
            language=written,
            **irp,
        )
        refunded = numbers.get(original.casefold()) if original_date else None
        if (
            group.kind is DocumentType.REFUND_VOUCHER
            and refunded is not None
            and document.total > refunded.total
        ):
            held += 1
            issues.append(
                _invoice_issue(
                    cells,
                    group.first_row,
                    "Rate",
                    format_inr(from_paise(document.total)),
                    f"The refund of {format_inr(from_paise(document.total))} is more than the "
                    f"advance of {format_inr(from_paise(refunded.total))} on {refunded.number}",
                    "Refund at most what the receipt voucher received.",
                )
            )
            continue
        if group.kind is DocumentType.REVISED_INVOICE and not _amendable(document, numbers):
            held += 1
            issues.append(
                _invoice_issue(
                    cells,
                    group.first_row,
                    "Original Invoice",
                    original,
                    f"Invoice {original} went to an unregistered buyer and is reported in "
                    "GSTR-1's B2C (small) table, which is amended by month, not invoice by "
                    "invoice; xlbo revises invoices to registered buyers and large inter-State "
                    "invoices (B2CL) only",
                    "Issue a Credit Note or Debit Note against the invoice for the difference.",
                )
            )
            continue
        if advance is not None and advance.total > document.total:
            held += 1
            issues.append(
                _invoice_issue(
                    cells,
                    group.first_row,
                    "Original Invoice",
                    original,
                    f"The advance of {format_inr(from_paise(advance.total))} on {advance.number} "
                    f"is more than this invoice's {format_inr(from_paise(document.total))}",
                    "Revise the invoice to at least the advance it adjusted, or issue a Credit "
                    "Note against it for the difference."
                    if group.kind is DocumentType.REVISED_INVOICE
                    else "Adjust the advance against an invoice of at least its amount, or "
                    "return the excess on a Refund Voucher and name no voucher here.",
                )
            )
            continue
        if document.total > LARGEST:
            held += 1
            issues.append(
                _invoice_issue(
                    cells,
                    group.first_row,
                    "Rate",
                    format_inr(from_paise(document.total)),
                    f"The document comes to {format_inr(from_paise(document.total))}, "
                    "more than xlbo issues on one document",
                    "Check Quantity and Rate (a rate in paise, or a quantity typed twice).",
                )
            )
            continue
        if earlier_one is not None:
            if earlier_one.total == document.total:
                already.append(earlier_one.number)
                if irp["irn"] and irp["irn"] != earlier_one.irn:
                    reprinted.append(replace(document, number=earlier_one.number))
            else:
                held += 1
                issues.append(
                    _invoice_issue(
                        cells,
                        group.first_row,
                        "Rate",
                        format_inr(from_paise(document.total)),
                        f"This document was issued already as {earlier_one.number} for "
                        f"{format_inr(from_paise(earlier_one.total))}; its rows now come to "
                        f"{format_inr(from_paise(document.total))}",
                        "An issued invoice is not changed: issue a Credit Note or Debit "
                        "Note against it for the difference.",
                    )
                )
            continue
        slot = (group.series.casefold(), year_code(group.date))
        last[slot] = last.get(slot, 0) + 1
        number = document_number(group.series, group.date, last[slot])
        if not NUMBER.fullmatch(number):  # a 5-digit sequence past 16 characters
            held += 1
            issues.append(
                _invoice_issue(
                    cells,
                    group.first_row,
                    "Series",
                    number,
                    f"Series {group.series} has no number left within 16 characters",
                    "Start a shorter series.",
                )
            )
            continue
        numbers[number.casefold()] = Issued(
            number,
            group.kind,
            group.series,
            group.date,
            group.customer_code,
            place_code,
            document.total,
            original=original,
            taxable=document.taxable,
            cgst=document.cgst,
            sgst=0 if document.utgst else document.sgst,
            utgst=document.sgst if document.utgst else 0,
            igst=document.igst,
            cess=document.cess,
        )
        documents.append(replace(document, number=number))
    return Outcome(tuple(documents), tuple(already), held, tuple(issues), tuple(reprinted))
