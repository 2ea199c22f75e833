"""The Invoices job: `xlbo invoices BOOK.xlsx [--master MASTER.xlsx] --out DIR`.

Reads the Invoices sheet (and the Items sheet, when there is one) of BOOK, and the company, the
customers and the GST rates of MASTER (default: BOOK); issues every document of the sheet not
issued yet (`xlbo.documents.issue`) and writes into DIR:

- `documents/NUMBER.xlsx` and `documents/NUMBER.pdf` for each document issued now (`/` in the
  number becomes `-`): the A4 document with its Rule 48 copies, the PDF made by LibreOffice;
  and `documents/NUMBER.json`, the e-invoice (INV-01 1.1) of a B2B document, checked against
  the schema xlbo ships (`xlbo.documents.einvoice`), for the IRP's bulk upload;
- `gstr1-YYYY-MM.json`: the GSTR-1 of each month a document was issued in now, from the whole
  register (`xlbo.documents.gstr1`), checked against its schema;
- `invoice-register.xlsx`: the `Invoice Register` (every document issued so far, earlier runs'
  first), the `Journal` of those documents (the Journal sheet's layout: `xlbo report KIND
  DIR/invoice-register.xlsx --master MASTER --period P` reports on the sales), the `Invoice
  Lines` (for the HSN summary), and `Issues`.

The register in DIR is what the next run numbers after; an earlier one is kept as
`invoice-register (previous).xlsx`. Nothing is written into BOOK or MASTER.

Receipts are issued by the same run, from BOOK's Receipts sheet and, with
`--from-reconciliation RESULT.xlsx`, from the customers' credits a reconciliation matched
(`xlbo.jobs.receipt_sources`): a receipt settles the invoices the register holds, those issued
in the same run included, so one run issues a month's documents and the money against them in
the order an accountant sees them; a job of its own would have to read the register the
invoices job writes, and run after it. They go to `documents/RCT-…` (workbook and PDF) and the
register's `Receipt Register` and `Receipt Allocations` sheets, their journal lines beside the
documents'.

With no DIR (the Invoices button, `settings.out` None) nothing is written to disk: the job
returns the Documents, Invoice Register, Invoice Lines, Receipt Register, Receipt Allocations,
Invoice Journal and Issues sheets for the open workbook, and reads the Invoice Register and
Invoice Journal a click left there to number after; no PDFs and no e-invoice JSON.
"""

from __future__ import annotations

import contextlib
import json
import os
from collections.abc import Collection, Mapping, Sequence
from dataclasses import dataclass, replace
from decimal import Decimal
from pathlib import Path
from typing import Any

import pandas as pd

from xlbo.audit.records import journal_records
from xlbo.book import FileBook, Reader, ResultSheet, write_workbook
from xlbo.book.atomic import atomic_path, check_output_folder, result_set
from xlbo.book.display import Column, Kind
from xlbo.cells import clean_text
from xlbo.dates import parse_date
from xlbo.documents import receipt_books
from xlbo.documents.einvoice import einvoice, goes_to_irp, missing
from xlbo.documents.gstr1 import gstr1
from xlbo.documents.gstr1 import schema_errors as gstr1_errors
from xlbo.documents.issue import NOT_A_CUSTOMER, Cells, Outcome, Setting, issue_documents
from xlbo.documents.journal import BANK, journal_frame
from xlbo.documents.model import Document
from xlbo.documents.receipts import ReceiptOutcome, ReceiptSetting, issue_receipts, open_of
from xlbo.documents.register import (
    IRP,
    LEADING,
    LINE_HEADERS,
    LINE_MONEY,
    LINES_SHEET,
    MONEY,
    SHEET,
    TAXABLE_AT,
    issued_from,
    line_rows,
    lines_frame,
    register_frame,
    register_row,
)
from xlbo.errors import FileProblem, UserError
from xlbo.issues import Issue, Severity
from xlbo.jobs.invoice_files import (
    DocumentFiles,
    documents_sheet,
    documents_writing,
    file_stem,
    to_pdf,
)
from xlbo.jobs.receipt_files import write_receipt
from xlbo.jobs.receipt_sources import payments_from_reconciliation, payments_from_sheet
from xlbo.jobs.registry import (
    EXIT_FINDINGS,
    EXIT_OK,
    InvoicesSettings,
    JobResult,
    Source,
    file_of,
)
from xlbo.journal_layout import HEADERS as JOURNAL_HEADERS
from xlbo.master.load import MasterData, load, load_sheet
from xlbo.master.records import Company, InvoiceLine, Item
from xlbo.master.schema import INVOICES, ITEMS
from xlbo.money import parse_amount, parse_money
from xlbo.sheets.issues import issues_sheet
from xlbo.sheets.journal import journal_sheet

REGISTER = "invoice-register.xlsx"
BOOK_JOURNAL = "Invoice Journal"
"""The journal sheet the Invoice button writes into the open workbook (its Journal sheet, when
it keeps one, is the books' own and is never written)."""
DOCUMENTS = "documents"
SHOWN_ISSUES = 5
"""Problems printed after the summary line (all of them are on the Issues sheet)."""


@dataclass(frozen=True)
class Earlier:
    """What earlier runs wrote into the register: its rows, their lines, their journal."""

    rows: list[dict[str, Any]]
    lines: list[dict[str, Any]]
    journal: pd.DataFrame
    receipts: list[dict[str, Any]]
    allocations: list[dict[str, Any]]


def _line_rows(book: Reader) -> list[dict[str, Any]]:
    """The Invoice Lines sheet's rows, money as Decimal (none in a register without it)."""
    return _sheet_rows(book, LINES_SHEET, LINE_HEADERS, LINE_MONEY)


def _nothing_earlier() -> Earlier:
    return Earlier([], [], pd.DataFrame(columns=list(JOURNAL_HEADERS), dtype=object), [], [])


def _earlier_in(book: Reader) -> Earlier:
    """What the Invoice button wrote into the open workbook before (its Invoice Register and
    Invoice Journal sheets; none the first time)."""
    if not book.has(SHEET):
        return _nothing_earlier()
    return _earlier_of(book, BOOK_JOURNAL, Path(book.name).name)


def _earlier(path: Path) -> Earlier:
    """The register rows, lines and journal an earlier run wrote into `path` (none when
    absent)."""
    if not path.exists():
        return _nothing_earlier()
    book = FileBook(path)
    if not book.has(SHEET) or not book.has("Journal"):
        raise FileProblem(
            f"{path} is not an Invoice Register xlbo wrote (no '{SHEET}' and Journal sheets); "
            "move it away or choose another --out."
        )
    return _earlier_of(book, "Journal", str(path))


def _earlier_of(book: Reader, journal_sheet: str, where: str) -> Earlier:
    """The register, lines, journal and receipts an earlier run wrote into `book`."""
    table = book.read_table(SHEET, LEADING)
    rows: list[dict[str, Any]] = []
    for excel_row, values in zip(table.frame.index, table.frame.to_dict("records"), strict=True):
        row: dict[str, Any] = {}
        for header, value in values.items():
            header = str(header)
            if header in MONEY or header.startswith(TAXABLE_AT):
                row[header] = parse_money(value) or Decimal(0)
            elif header == "Date":
                row[header] = parse_date(value)
            elif header in ("State Code",) and isinstance(value, int | float):
                row[header] = f"{int(value):02d}"
            else:
                row[header] = "" if value is None else str(value)
        if issued_from(row) is None:
            raise FileProblem(
                f"{where}: row {excel_row} of the {SHEET} sheet "
                "is not as xlbo wrote it; restore the register from 'invoice-register "
                "(previous).xlsx', or move it away to start a new one."
            )
        rows.append(row)
    if not book.has(journal_sheet):
        return Earlier(rows, _line_rows(book), _nothing_earlier().journal, [], [])
    journal = book.read_table(journal_sheet, JOURNAL_HEADERS).frame
    # numbered from 0, as the columns set below are (the sheet's frame is by Excel row)
    journal = journal.reindex(columns=list(JOURNAL_HEADERS)).astype(object).reset_index(drop=True)
    journal["Date"] = [parse_date(v) for v in journal["Date"]]
    for money in ("Debit", "Credit"):
        journal[money] = pd.Series([parse_money(v) for v in journal[money]], dtype=object)
    for text in ("Cost Centre", "Narration", "Party"):
        journal[text] = ["" if v is None else str(v) for v in journal[text]]
    receipts = _sheet_rows(book, receipt_books.SHEET, receipt_books.HEADERS_OF_REGISTER)
    allocations = _sheet_rows(book, receipt_books.ALLOCATIONS, receipt_books.ALLOCATION_HEADERS)
    return Earlier(rows, _line_rows(book), journal.reset_index(drop=True), receipts, allocations)


def _sheet_rows(
    book: Reader,
    sheet: str,
    headers: Sequence[str],
    money: Collection[str] = receipt_books.MONEY,
) -> list[dict[str, Any]]:
    """A sheet of the register (none in a register without it): `money` and Quantity and GST
    Rate as Decimal, Date as a date, the rest as text."""
    if not book.has(sheet):
        return []
    rows = []
    for values in book.read_table(sheet, headers).frame.to_dict("records"):
        row: dict[str, Any] = {}
        for header in headers:
            value = values.get(header)
            if header in money:
                row[header] = parse_money(value) or Decimal(0)
            elif header in ("Quantity", "GST Rate"):
                row[header] = parse_amount(value) or Decimal(0)
            elif header == "Date":
                row[header] = parse_date(value)
            else:
                row[header] = "" if value is None else str(value)
        rows.append(row)
    return rows


def _lines(reader: Reader) -> tuple[list[tuple[InvoiceLine, int]], dict[str, str], list[Issue]]:
    if not reader.has(INVOICES.sheet):
        raise UserError(
            f"{Path(reader.name).name} has no Invoices sheet; add one with the headers "
            f"{', '.join(INVOICES.headers)} (`xlbo init NEW.xlsx` writes it)."
        )
    records, rows, letters, issues = load_sheet(reader, INVOICES)
    lines = [(r, row) for r, row in zip(records, rows, strict=True) if isinstance(r, InvoiceLine)]
    return lines, letters, issues


def _unreadable(reader: Reader, issues: list[Issue]) -> dict[str, int]:
    """The Invoices rows that could not be read, by the Customer Code typed in them (case
    folded) → the first such row."""
    bad = sorted(
        {
            int(digits)
            for i in issues
            if i.sheet == INVOICES.sheet
            and i.severity is Severity.ERROR
            and (digits := "".join(c for c in i.cell if c.isdigit()))
        }
    )
    if not bad:
        return {}
    frame = reader.read_table(INVOICES.sheet, INVOICES.headers).frame
    codes: dict[str, int] = {}
    for row in bad:
        value = (
            frame.at[row, "Customer Code"]
            if row in frame.index and "Customer Code" in frame
            else None
        )
        try:
            code = (clean_text(value) or "").casefold()
        except ValueError:  # an Excel error where the code should be
            code = ""
        codes.setdefault(code, row)
    return codes


def _items(*readers: Reader) -> tuple[dict[str, Item], list[Issue]]:
    for reader in readers:
        if reader.has(ITEMS.sheet):
            records, _, _, issues = load_sheet(reader, ITEMS)
            items = {r.code.casefold(): r for r in records if isinstance(r, Item)}
            return items, issues
    return {}, []


def _cells(data: MasterData, letters: Mapping[str, str], book: str) -> Cells:
    index = {c.customer_code.casefold(): i for i, c in enumerate(data.customers)}

    def customer(code: str, header: str) -> str:
        found = index.get(code.casefold())
        return data.cell("Customers", found, header) if found is not None else ""

    return Cells(
        invoice=lambda row, header: f"{letters.get(header, 'A')}{row}",
        customer=customer,
        company=lambda header: data.cell("Company", 0, header) or "A2",
        invoice_file=book,
        master_file=Path(data.source).name,
    )


def issue_from(
    book: Source, master: Source | None, out: Path | None, reconciliation: Path | None = None
) -> tuple[Issuing, list[Issue], Earlier]:
    """Read the inputs and the earlier register, and issue the documents."""
    reader = FileBook(book) if isinstance(book, Path) else book
    source = FileBook(master) if isinstance(master, Path) else master or reader
    data, master_issues = load(source)  # the master's problems are the Validate job's to
    # report, but for a customer's row that could not be read: a document to that customer is
    # held back, and the user must see why
    lines, letters, issues = _lines(reader)
    items, item_issues = _items(reader, source)
    earlier = _earlier(out / REGISTER) if out is not None else _earlier_in(reader)
    issued = [i for i in (issued_from(r) for r in earlier.rows) if i is not None]
    setting = Setting(
        company=data.company,
        customers={c.customer_code.casefold(): c for c in data.customers},
        items=items,
        gst_rates=data.gst_rates,
        bank=data.bank_accounts[0].account if data.bank_accounts else "",
    )
    cells = _cells(data, letters, Path(reader.name).name)
    outcome = issue_documents(
        lines,
        setting,
        issued=issued,
        cells=cells,
        unreadable=_unreadable(reader, issues),
        also_used=[str(v) for v in earlier.journal["Voucher No"].dropna()],
    )
    pin = data.company.pin if data.company else None
    # the e-invoice JSON is a file for the IRP: none in an open workbook (nor jsonschema, which
    # xlwings Lite cannot install)
    payloads, notes = _einvoices(outcome.documents, pin, cells) if out is not None else ({}, [])
    unknown = any(i.problem.endswith(NOT_A_CUSTOMER) for i in outcome.issues)
    unread = [
        i
        for i in master_issues
        if unknown and i.sheet == "Customers" and i.severity is Severity.ERROR
    ]
    new_rows = [register_row(d) for d in outcome.documents]
    payments, receipt_letters, receipt_issues = payments_from_sheet(reader)
    if reconciliation is not None:
        payments += payments_from_reconciliation(reconciliation, setting.customers)
    receipts = issue_receipts(
        payments,
        ReceiptSetting(
            setting.customers,
            bank=setting.bank or BANK,
            banks=frozenset(b.account.casefold() for b in data.bank_accounts),
        ),
        open_documents=open_of(
            [*earlier.rows, *new_rows],
            receipt_books.settled_by(earlier.allocations),
        ),
        earlier=receipt_books.earlier_receipts(earlier.receipts, earlier.allocations),
        cell=lambda row, header: f"{receipt_letters.get(header, 'A')}{row}",
        file=Path(reader.name).name,
    )
    found = [*issues, *item_issues, *outcome.issues, *unread, *notes]
    found += [*receipt_issues, *receipts.issues]
    return Issuing(outcome, payloads, receipts, data.company, new_rows), found, earlier


@dataclass(frozen=True)
class Issuing:
    """What a run issues: the documents, and the e-invoice of each B2B one (by number)."""

    outcome: Outcome
    einvoices: dict[str, dict[str, Any]]
    receipts: ReceiptOutcome
    company: Company | None
    rows: list[dict[str, Any]]
    """The register row of each document issued now."""


def _einvoices(
    documents: Sequence[Document], pin: str | None, cells: Cells
) -> tuple[dict[str, dict[str, Any]], list[Issue]]:
    """The e-invoice of each B2B document, checked against the shipped schema; a document that
    lacks a PIN gets none, and a warning says why (it is issued all the same)."""
    payloads: dict[str, dict[str, Any]] = {}
    notes: list[Issue] = []
    for document in documents:
        if not goes_to_irp(document):
            continue
        reason = missing(document, pin)
        if reason:
            on_company = reason.startswith("the Company")
            if on_company and any(n.sheet == "Company" for n in notes):
                continue  # said once
            notes.append(
                Issue(
                    severity=Severity.WARNING,
                    sheet="Company" if on_company else "Customers",
                    cell=cells.company("PIN")
                    if on_company
                    else cells.customer(document.customer.code, "Address"),
                    problem=f"No e-invoice JSON for {document.number}"
                    + (" or any other B2B document" if on_company else "")
                    + f": {reason}",
                    hint="The document is issued; add the PIN and prepare its e-invoice in the "
                    "IRP's offline tool, or give the PIN before the next documents.",
                    file=cells.master_file,
                )
            )
            continue
        payloads[document.number] = einvoice(document, pin or "")
    return payloads, notes  # each checked against the schema as it is written


def _register_sheets(
    rows: list[dict[str, Any]],
    lines: list[dict[str, Any]],
    journal: pd.DataFrame,
    issues: list[Issue],
    links: Mapping[str, str],
    receipts: Sequence[Mapping[str, Any]] = (),
    allocations: Sequence[Mapping[str, Any]] = (),
) -> list[ResultSheet]:
    frame = register_frame(rows)
    columns = {
        h: Column(kind=Kind.MONEY) for h in frame.columns if h in MONEY or h.startswith(TAXABLE_AT)
    }
    columns |= {
        "Date": Column(kind=Kind.DATE),
        "Document No": Column(kind=Kind.ID, width=16),
        "Customer": Column(width=30),
        "GSTIN": Column(kind=Kind.ID, width=17),
        "State Code": Column(kind=Kind.ID, width=7),
    }
    register = ResultSheet(SHEET, frame, columns=columns)
    line_columns = {h: Column(kind=Kind.MONEY) for h in LINE_MONEY} | {
        "Date": Column(kind=Kind.DATE),
        "Document No": Column(kind=Kind.ID, width=16),
        "Description": Column(width=30),
        "Quantity": Column(kind=Kind.DECIMAL),
        "GST Rate": Column(kind=Kind.PERCENT),
        "Line": Column(kind=Kind.INTEGER),
    }
    line_sheet = ResultSheet(LINES_SHEET, lines_frame(lines), columns=line_columns)
    sheets = [register, line_sheet]
    if receipts:
        money = {h: Column(kind=Kind.MONEY) for h in receipt_books.MONEY}
        sheets.append(
            ResultSheet(
                receipt_books.SHEET,
                receipt_books.register_frame(receipts),
                columns=money
                | {
                    "Date": Column(kind=Kind.DATE),
                    "Receipt No": Column(kind=Kind.ID, width=16),
                    "Customer": Column(width=30),
                    "Settles": Column(width=40),
                    "UTR/Cheque No": Column(kind=Kind.ID, width=18),
                },
            )
        )
        sheets.append(
            ResultSheet(
                receipt_books.ALLOCATIONS,
                receipt_books.allocations_frame(allocations),
                columns={
                    "Date": Column(kind=Kind.DATE),
                    "Amount": Column(kind=Kind.MONEY),
                    "Receipt No": Column(kind=Kind.ID, width=16),
                    "Document No": Column(kind=Kind.ID, width=16),
                },
            )
        )
    return [*sheets, journal_sheet(journal), issues_sheet(issues, files=links)]


def _returns(
    documents: Sequence[Document], rows: list[dict[str, Any]], lines: list[dict[str, Any]]
) -> dict[str, dict[str, Any]]:
    """The GSTR-1 of each month a document was issued in now (`gstr1-YYYY-MM.json`), from
    the whole register, checked against the shipped schema."""
    if not documents:
        return {}
    gstin = documents[0].supplier.gstin
    returns = {}
    for month in sorted({d.date.replace(day=1) for d in documents}):
        report = gstr1(month, gstin, rows, lines)
        errors = gstr1_errors(report)
        if errors:  # the documents were checked before: a break is xlbo's bug
            raise RuntimeError("GSTR-1 JSON breaks its schema: " + "; ".join(errors[:5]))
        returns[f"gstr1-{month:%Y-%m}.json"] = report
    return returns


def _said(issuing: Issuing, files_note: str) -> str:
    """What a run issued, in one sentence ending '. Register: ' (the door names where)."""
    outcome = issuing.outcome
    numbers = [d.number for d in outcome.documents]
    return (
        f"Issued {len(numbers)} document{'s' if len(numbers) != 1 else ''}"
        + (
            f" ({numbers[0]} to {numbers[-1]})"
            if len(numbers) > 1
            else f" ({numbers[0]})"
            if numbers
            else ""
        )
        + (f"; {outcome.held} not issued (see the Issues sheet)" if outcome.held else "")
        + (f"; {len(outcome.already)} issued earlier" if outcome.already else "")
        + _receipts_said(issuing.receipts)
        + (
            f"; {len(outcome.reprinted)} printed again with the IRN and QR typed back"
            if outcome.reprinted
            else ""
        )
        + files_note
        + ". Register: "
    )


def _receipts_said(outcome: ReceiptOutcome) -> str:
    numbers = [r.number for r in outcome.receipts]
    if not numbers and not outcome.held:
        return ""
    said = f"; {len(numbers)} receipt{'s' if len(numbers) != 1 else ''}"
    if numbers:
        said += f" ({numbers[0]}" + (f" to {numbers[-1]})" if len(numbers) > 1 else ")")
    if outcome.held:
        said += f", {outcome.held} refused (see the Issues sheet)"
    return said


def invoices_job(inputs: Mapping[str, Source], settings: InvoicesSettings) -> JobResult:
    """Issue the Invoices sheet's documents into `settings.out`."""
    book, master = inputs["book"], inputs.get("master")
    out = settings.out
    if out is not None:
        check_output_folder(out, file_of(book), file_of(master))
    issuing, issues, earlier = issue_from(book, master, out, settings.reconciliation)
    outcome = issuing.outcome
    documents = outcome.documents
    receipts = issuing.receipts.receipts
    irp = {d.number: d for d in outcome.reprinted}
    rows = [
        *(
            {**row, **{h: v for h, v in register_row(irp[row["Document No"]]).items() if h in IRP}}
            if row.get("Document No") in irp
            else row
            for row in earlier.rows
        ),
        *issuing.rows,
    ]
    printed = [*documents, *outcome.reprinted]
    lines = [*earlier.lines, *(row for d in documents for row in line_rows(d))]
    posted = pd.concat(
        [journal_frame(documents, earlier.journal), receipt_books.receipts_journal(receipts)],
        ignore_index=True,
    )
    journal = pd.concat([earlier.journal, posted], ignore_index=True)
    records = journal_records(posted, BOOK_JOURNAL if out is None else "Journal")
    received = [*earlier.receipts, *(receipt_books.receipt_row(r) for r in receipts)]
    allocations = [
        *earlier.allocations,
        *(row for r in receipts for row in receipt_books.allocation_rows(r)),
    ]
    if out is None:  # the Invoice button: sheets into the open workbook, no files
        sheets = _register_sheets(rows, lines, journal, issues, {}, received, allocations)
        sheets = [replace(s, name=BOOK_JOURNAL) if s.name == "Journal" else s for s in sheets]
        if printed:  # a click that issues nothing leaves the last click's documents there
            sheets.insert(0, documents_sheet(printed))
        said = _said(issuing, "").replace(
            ". Register: ",
            " into the Documents, Invoice Register and Invoice Journal sheets (no PDFs in "
            "Excel: `xlbo invoices` makes them).",
        )
        return JobResult(
            EXIT_FINDINGS if any(i.severity is Severity.ERROR for i in issues) else EXIT_OK,
            (said,),
            issues=tuple(issues),
            sheets=tuple(sheets),
            headline=said,
            value=outcome,
            records=records,
        )
    links = {
        Path(file.name).name: os.path.relpath(file.resolve(), out.resolve())
        for file in (file_of(book), file_of(master))
        if file is not None
    }
    warnings: list[str] = []
    files: list[Path] = []
    with result_set(out):
        # each document is written where the set stages it (no scratch copy), its PDF beside it
        with contextlib.ExitStack() as stack:
            einvoices = issuing.einvoices
            written = documents_writing(
                [
                    DocumentFiles(
                        stack.enter_context(atomic_path(out / DOCUMENTS / f"{stem}.xlsx")),
                        d,
                        stack.enter_context(atomic_path(out / DOCUMENTS / f"{stem}.json"))
                        if d.number in einvoices
                        else None,
                        einvoices.get(d.number),
                    )
                    for d in printed
                    for stem in (file_stem(d.number),)
                ]
            )
            documents_written = stack.enter_context(written)
            company = issuing.company
            receipts_made = [
                write_receipt(
                    stack.enter_context(
                        atomic_path(out / DOCUMENTS / f"{file_stem(r.number)}.xlsx")
                    ),
                    r,
                    company,
                )
                for r in receipts
                if company is not None
            ]
            # while the documents are written: the GSTR-1 and the register
            returns = _returns(documents, rows, lines)
            for name, report in returns.items():
                with atomic_path(out / name) as temporary:
                    temporary.write_text(json.dumps(report, indent=2), encoding="utf-8")
            write_workbook(
                out / REGISTER,
                _register_sheets(rows, lines, journal, issues, links, received, allocations),
                title="Invoice Register",
            )
            made = documents_written() + receipts_made
        files.extend(out / DOCUMENTS / p.name for p in made)
        if made and settings.pdf:
            try:
                pdfs, unmade = to_pdf(made, made[0].parent)
            except FileNotFoundError as error:
                pdfs, unmade = [], []
                warnings.append(
                    f"The documents' PDFs were not made ({error}); the workbooks are in "
                    f"{out / DOCUMENTS}. Install LibreOffice and make them with: soffice "
                    "--headless --convert-to pdf FILES."
                )
            for pdf in pdfs:
                with atomic_path(out / DOCUMENTS / pdf.name):
                    pass  # LibreOffice wrote it where the set stages it
                files.append(out / DOCUMENTS / pdf.name)
            if unmade:
                names = ", ".join(p.name for p in unmade[:3])
                more = f" and {len(unmade) - 3} more" if len(unmade) > 3 else ""
                warnings.append(
                    f"LibreOffice made no PDF of {len(unmade)} of the {len(made)} documents "
                    f"({names}{more}), even when asked twice; their workbooks are in "
                    f"{out / DOCUMENTS}. Close any LibreOffice that is stuck and make them "
                    "with: soffice --headless --convert-to pdf FILES."
                )
        files.extend(out / DOCUMENTS / f"{file_stem(n)}.json" for n in issuing.einvoices)
        files.extend(out / name for name in returns)
        files.append(out / REGISTER)
    errors = [i for i in issues if i.severity is Severity.ERROR]
    files_note = (
        f"; {len(issuing.einvoices)} e-invoice JSON file"
        + ("s" if len(issuing.einvoices) > 1 else "")
        + " for the IRP"
        if issuing.einvoices
        else ""
    )
    said = _said(issuing, files_note) + f"{out / REGISTER}"
    shown = [f"  {issue}" for issue in errors[:SHOWN_ISSUES]]
    if len(errors) > SHOWN_ISSUES:
        shown.append(f"  … and {len(errors) - SHOWN_ISSUES} more on the Issues sheet.")
    return JobResult(
        EXIT_FINDINGS if errors or warnings else EXIT_OK,
        (said, *shown),
        tuple(warnings),
        issues=tuple(issues),
        files=tuple(files),
        headline=said,
        value=outcome,
        records=records,
    )
