"""What the payables job reads from the books (and the master): the Purchases sheet's bills and
credit notes, the TDS Rules, TDS Certificates and Payment Layouts (the rule sheets else xlbo's
shipped defaults), and the payments and debit notes in the Journal (`gather`). Bad cells are
Issues; the job (`xlbo.jobs.payables`) proposes and confirms from what is gathered.
"""

from __future__ import annotations

from collections.abc import Collection, Sequence
from dataclasses import dataclass, field
from decimal import Decimal
from functools import cached_property
from pathlib import Path
from typing import Any

from xlbo.book import FileBook, Reader
from xlbo.cells import clean_text, parse_yes_no
from xlbo.dates import parse_date
from xlbo.issues import Issue, Severity
from xlbo.master.load import MasterData, load, load_sheet
from xlbo.master.records import Vendor
from xlbo.master.schema import PAYMENT_LAYOUTS, PURCHASES, MasterTable
from xlbo.money import format_inr, from_paise, parse_money, to_paise
from xlbo.readers.journal import journal_lines
from xlbo.readers.purchases import Purchases, read_purchases
from xlbo.readers.tds_sheets import read_certificates, read_tds_rules
from xlbo.vendors.certificates import TDSCertificate
from xlbo.vendors.journal import PAYABLES, CreditNote
from xlbo.vendors.layouts import LayoutField
from xlbo.vendors.rules import TDSRule
from xlbo.vendors.settle import Payment


@dataclass(frozen=True)
class Gathered:
    """What the job reads: the master's data, the bills, rules, layouts, payments and the
    problems found on the way."""

    data: MasterData
    purchases: Purchases
    book_name: str
    rules: list[TDSRule]
    layouts: list[LayoutField]
    payments: list[Payment]
    issues: list[Issue]
    layout_errors: list[Issue]
    """Cells of the Payment Layouts sheet that could not be read: no bank file is written
    from a layout that may have lost a field."""
    certificates: list[TDSCertificate] = field(default_factory=list)
    """The vendors' lower-deduction certificates (the TDS Certificates sheet, if any)."""
    credit_notes: list[CreditNote] = field(default_factory=list)
    """The vendors' credit notes on the Purchases sheet (rows of negative amounts)."""

    @cached_property
    def vendors(self) -> dict[str, Vendor]:
        """The vendors by folded code (built once: every bill looks its vendor up)."""
        return {v.vendor_code.casefold(): v for v in self.data.vendors}


def _rule_sheet(readers: Sequence[Reader], table: MasterTable) -> tuple[list[Any], list[Issue]]:
    """A rule sheet from the first workbook that has it, else the shipped defaults."""
    for reader in readers:
        if reader.has(table.sheet):
            records, _, _, issues = load_sheet(reader, table)
            return records, issues
    return table.shipped(), []


def _journal_payments(
    reader: Reader, credit_notes: Collection[str] = ()
) -> tuple[list[Payment], list[Issue]]:
    """The Journal's debits to Trade Payables with a Party (none without a Journal), read by
    `journal_lines` as every job reads the Journal, each account as written (a payment counts
    whatever the chart holds); its problems are the run's issues. The vouchers of the
    Purchases sheet's credit notes (`credit_notes`, folded), once posted, are not counted
    again."""
    if not reader.has("Journal"):
        return [], []
    lines, issues = journal_lines(reader, None)
    paid = lines[
        (lines["account"].str.casefold() == PAYABLES.casefold())
        & (lines["debit"] > 0)
        & (lines["party"] != "")
        & ~lines["voucher"].str.casefold().isin(credit_notes)
    ]
    payments = [
        Payment(day, party, int(debit), narration)
        for day, party, debit, narration in zip(
            paid["date"], paid["party"], paid["debit"], paid["narration"], strict=True
        )
    ]
    return payments, issues


CREDIT_HEADERS = ("Taxable Value", "IGST", "CGST", "SGST", "Cess")
"""The amounts of a Purchases row; all of them zero or below: the vendor's credit note."""


def _credit_notes(
    holder: Reader, purchases: Purchases, vendor_codes: Collection[str]
) -> tuple[list[CreditNote], list[Issue]]:
    """The vendors' credit notes on the Purchases sheet (a row whose amounts are negative, as
    the GSTR-2B reconciliation reads it to match 2B's cdnr), and the sheet's issues with the
    'is negative' errors of those rows given way to a note saying how each was read."""
    table = holder.read_table(PURCHASES.sheet, PURCHASES.headers)
    frame = table.frame
    if not {"Vendor Code", "Bill No", "Bill Date", "Taxable Value"} <= set(frame.columns):
        return [], list(purchases.issues)
    notes: list[CreditNote] = []
    rows: set[int] = set()
    said: list[Issue] = []
    for row, cells in zip(frame.index, frame.to_dict("records"), strict=True):
        try:
            amounts = [parse_money(cells.get(h)) or Decimal(0) for h in CREDIT_HEADERS]
            day = parse_date(cells.get("Bill Date"))
            code = clean_text(cells.get("Vendor Code")) or ""
            number = clean_text(cells.get("Bill No")) or ""
            account = clean_text(cells.get("Expense Account")) or ""
            reverse = parse_yes_no(cells.get("Reverse Charge")) or False
        except ValueError:
            continue
        if amounts[0] >= 0 or any(a > 0 for a in amounts) or day is None:
            continue
        if not (code and number and account):
            continue
        note = CreditNote(
            vendor_code=code,
            number=number,
            day=day,
            expense_account=account,
            description=clean_text(cells.get("Description")) or "",
            taxable=to_paise(-amounts[0]),
            heads={h: to_paise(-a) for h, a in zip(HEADS, amounts[1:], strict=True)},
            reverse_charge=reverse,
        )
        rows.add(int(row))
        if code.casefold() not in vendor_codes:
            said.append(
                Issue(
                    severity=Severity.ERROR,
                    sheet=table.sheet,
                    cell=table.cell(int(row), "Vendor Code"),
                    value=code,
                    problem=f"Credit note {number}: vendor {code} is not on the Vendors sheet; "
                    "it was set aside",
                    hint="Add the vendor to Vendors, or correct the code.",
                    file=Path(holder.name).name,
                )
            )
            continue
        notes.append(note)
        said.append(
            Issue(
                severity=Severity.INFO,
                sheet=table.sheet,
                cell=table.cell(int(row), "Taxable Value"),
                value=format_inr(-amounts[0]),
                problem=f"Read as {code}'s credit note {number}: "
                f"₹{format_inr(from_paise(note.credit))} off what is owed to the vendor (the "
                "bill its description names, else the oldest); its voucher is on the Journal "
                "sheet",
                hint="Keep it here (the GSTR-2B reconciliation matches it to 2B's cdnr).",
                file=Path(holder.name).name,
            )
        )
    letters = {table.letters.get(h) for h in CREDIT_HEADERS}
    kept = [
        i
        for i in purchases.issues
        if not (
            i.problem.endswith("is negative")
            and _row_of(i.cell) in rows
            and i.cell.rstrip("0123456789") in letters
        )
    ]
    return notes, [*kept, *said]


HEADS = ("igst", "cgst", "sgst", "cess")


def _row_of(cell: str) -> int:
    digits = cell.lstrip("ABCDEFGHIJKLMNOPQRSTUVWXYZ")
    return int(digits) if digits.isdigit() else 0


def _credits(notes: Sequence[CreditNote]) -> list[Payment]:
    """Each credit note as what settles the vendor's bills (as a debit note in the Journal)."""
    return [
        Payment(n.day, n.vendor_code, n.credit, f"credit note {n.number}: {n.description}")
        for n in notes
    ]


def gather(book: Path | Reader, master: Path | Reader | None) -> Gathered:
    reader = FileBook(book) if isinstance(book, Path) else book
    source = FileBook(master) if isinstance(master, Path) else master or reader
    data, master_issues = load(source)
    readers = [reader] if source is reader else [reader, source]
    holder = next((r for r in readers if r.has("Purchases")), reader)
    purchases = read_purchases(holder)
    rules, rule_issues = read_tds_rules(readers)  # ties warned at their cells
    layouts, layout_issues = _rule_sheet(readers, PAYMENT_LAYOUTS)
    codes = {v.vendor_code.casefold() for v in data.vendors}
    certificates, certificate_issues = read_certificates(readers, codes, rules)
    notes, purchase_issues = _credit_notes(holder, purchases, codes)
    payments, journal_issues = _journal_payments(reader, {n.voucher.casefold() for n in notes})
    vendor_errors = [
        i for i in master_issues if i.sheet == "Vendors" and i.severity is Severity.ERROR
    ]
    return Gathered(
        data=data,
        purchases=purchases,
        book_name=Path(holder.name).name,
        rules=[r for r in rules if isinstance(r, TDSRule)],
        layouts=[f for f in layouts if isinstance(f, LayoutField)],
        certificates=[c for c in certificates if isinstance(c, TDSCertificate)],
        payments=[*payments, *_credits(notes)],
        credit_notes=notes,
        issues=[
            *purchase_issues,
            *rule_issues,
            *layout_issues,
            *certificate_issues,
            *journal_issues,
            *vendor_errors,
        ],
        layout_errors=[i for i in layout_issues if i.severity is Severity.ERROR],
    )
