"""The statements job: `xlbo statements BOOK.xlsx --as-on DATE [--from DATE] [--master MASTER]
[--no-pdf] --out DIR`.

From the Journal (and Opening Bills) of BOOK and the Customers and chart of accounts of MASTER
(default BOOK), writes into DIR:

- `statements/CODE.xlsx` and `.pdf` for every customer with a balance or a line in the period
  (`--from`, by default the start of the financial year of --as-on, to --as-on): opening
  balance, invoices, receipts, credit and debit notes, TDS deducted by the customer, the running
  balance, then the ageing of unpaid invoices, advances not yet applied and the credit limit
  (`xlbo.customers.statement`);
- `statements.xlsx`: the `Statements` summary (closing balance of each, which is its ledger
  balance), the `Reminders` (every invoice past the customer's credit days, most overdue
  first, with the e-mail to send to) and `Issues`.

Reminder letters and their .eml drafts: `xlbo letters payment-reminder --data MASTER --books
BOOK` (the letters of issue 14) reads the same Journal.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from pathlib import Path

import pandas as pd

from xlbo.book import FileBook, ResultSheet, write_workbook
from xlbo.book.atomic import atomic_path, check_output_folder, result_set
from xlbo.book.display import Column, Kind
from xlbo.customers.statement import (
    BUCKETS,
    RECEIVABLES,
    TDS_RECEIVABLE,
    Statement,
    reminders,
    statement,
)
from xlbo.errors import UserError
from xlbo.issues import Issue, Severity, count_by_severity, describe_counts
from xlbo.jobs.invoice_files import to_pdf
from xlbo.jobs.registry import (
    EXIT_FINDINGS,
    EXIT_OK,
    JobResult,
    Source,
    StatementsSettings,
    file_of,
)
from xlbo.master.load import load
from xlbo.master.records import Customer
from xlbo.money import INR_DR_CR_FORMAT, format_inr, from_paise
from xlbo.periods import financial_year
from xlbo.readers.journal import journal_lines
from xlbo.readers.opening_bills import opening_bills
from xlbo.sheets.issues import issues_sheet

FOLDER = "statements"
SUMMARY = "statements.xlsx"
COLUMNS = ("Date", "Voucher", "Particulars", "Debit", "Credit", "Balance")


def _money(paise: int) -> object:
    return from_paise(paise) if paise else None


def statement_sheet(found: Statement, company: str) -> ResultSheet:
    """One customer's statement as an A4 sheet: the lines, then ageing, advances, limit."""
    c = found.customer
    rows: list[list[object]] = [
        [found.start, None, "Opening balance", None, None, from_paise(found.opening)]
    ]
    for line in found.lines:
        text = line.kind + (f": {line.particulars}" if line.particulars else "")
        rows.append(
            [line.day, line.voucher, text, _money(line.debit), _money(line.credit),
             from_paise(line.balance)]
        )  # fmt: skip
    rows.append(
        [found.end, None, "Closing balance", _money(found.invoiced), _money(found.received + found.tds),
         from_paise(found.closing)]
    )  # fmt: skip
    rows.append([None] * len(COLUMNS))
    rows.append([None, None, f"Unpaid invoices by age on {found.end:%d-%m-%Y}", None, None, None])
    for (label, _, _), amount in zip(BUCKETS, found.buckets, strict=True):
        rows.append([None, None, f"{label} days", None, None, from_paise(amount)])
    if found.advances:
        rows.append(
            [None, None, "Advances not yet applied", None, None, from_paise(-found.advances)]
        )
    if c.credit_limit is not None:
        rows.append(
            [None, None, found.limit_breach or f"Within the credit limit of ₹{format_inr(c.credit_limit)}",
             None, None, None]
        )  # fmt: skip
    frame = pd.DataFrame(rows, columns=list(COLUMNS), dtype=object)
    party = ", ".join(
        x for x in (c.name, c.address or "", f"GSTIN {c.gstin}" if c.gstin else "") if x
    )
    return ResultSheet(
        "Statement",
        frame,
        columns={
            "Date": Column(kind=Kind.DATE),
            "Voucher": Column(kind=Kind.ID, width=18),
            "Particulars": Column(width=48),
            "Debit": Column(kind=Kind.MONEY),
            "Credit": Column(kind=Kind.MONEY),
            "Balance": Column(kind=Kind.MONEY, number_format=INR_DR_CR_FORMAT, width=16),
        },
        title=(
            f"Statement of account — {company}" if company else "Statement of account",
            party,
            f"{found.start:%d-%m-%Y} to {found.end:%d-%m-%Y}; Dr: owed by you, Cr: owed to you",
        ),
        autofilter=False,
        footer=f"Statement of {c.customer_code}",
    )


def _summary(statements: Sequence[Statement]) -> ResultSheet:
    rows = [
        [s.customer.customer_code, s.customer.name, from_paise(s.opening), from_paise(s.invoiced),
         from_paise(s.received), from_paise(s.tds), from_paise(s.closing),
         from_paise(sum(o.amount for o in s.overdue)), from_paise(s.advances),
         s.customer.credit_limit, s.limit_breach]
        for s in statements
    ]  # fmt: skip
    money = ("Opening", "Invoiced", "Received", "TDS Deducted", "Closing", "Overdue", "Advances",
             "Credit Limit")  # fmt: skip
    frame = pd.DataFrame(
        rows, columns=["Customer Code", "Customer", *money[:7], "Credit Limit", "Credit Limit Breach"],
        dtype=object,
    )  # fmt: skip
    return ResultSheet(
        "Statements",
        frame,
        columns={
            "Customer Code": Column(kind=Kind.ID, width=12),
            "Customer": Column(width=28),
            **{m: Column(kind=Kind.MONEY) for m in money},
        },
    )


def _reminders(statements: Sequence[Statement]) -> ResultSheet:
    rows = [
        [o.days_overdue, c.customer_code, c.name, o.voucher, o.day, o.due, from_paise(o.amount),
         c.email or ""]
        for c, o in reminders(statements)
    ]  # fmt: skip
    frame = pd.DataFrame(
        rows, columns=["Days Overdue", "Customer Code", "Customer", "Invoice", "Invoice Date",
                       "Due Date", "Unpaid", "Email"], dtype=object,
    )  # fmt: skip
    return ResultSheet(
        "Reminders",
        frame,
        columns={
            "Days Overdue": Column(kind=Kind.INTEGER, width=9),
            "Customer Code": Column(kind=Kind.ID, width=12),
            "Invoice": Column(kind=Kind.ID),
            "Invoice Date": Column(kind=Kind.DATE),
            "Due Date": Column(kind=Kind.DATE),
            "Unpaid": Column(kind=Kind.MONEY),
        },
    )


def statements_job(inputs: Mapping[str, Source], settings: StatementsSettings) -> JobResult:
    """The statements job of every door."""
    book = inputs.get("book")
    if book is None:
        raise UserError("statements needs the books workbook with the Journal.")
    master = inputs.get("master")
    out = settings.out
    if out is not None:
        check_output_folder(out, file_of(book), file_of(master))
    reader = FileBook(book) if isinstance(book, Path) else book
    source = FileBook(master) if isinstance(master, Path) else master or reader
    data, master_issues = load(source)
    if not data.customers:
        raise UserError(f"{Path(source.name).name} has no customers (a Customers sheet).")
    # a customer row set aside (a credit limit typed as words, a code twice) gets no statement:
    # say so, as the payables job says of its vendors
    customer_issues = [
        i for i in master_issues if i.sheet == "Customers" and i.severity is Severity.ERROR
    ]
    begins = data.company.books_begin if data.company else None
    lines, issues = journal_lines(
        reader, {a.account for a in data.accounts}, begins=begins, until=settings.as_on
    )
    openings, opening_issues = opening_bills(reader, begins)
    issues = [*customer_issues, *issues, *opening_issues]
    every = lines if openings.empty else pd.concat([openings, lines], ignore_index=True)
    issues += _strangers(
        (("Journal", lines), ("Opening Bills", openings)), data.customers, Path(reader.name).name
    )
    fy_start = data.company.fy_start if data.company else 4
    start = settings.start or financial_year(settings.as_on, fy_start).start
    if start > settings.as_on:
        raise UserError(f"--from {start:%d-%m-%Y} is after --as-on {settings.as_on:%d-%m-%Y}.")
    company = data.company.name if data.company else ""
    # a statement reads only these two accounts: each customer's pass scans them, not the Journal
    theirs = every[every["account"].isin((RECEIVABLES, TDS_RECEIVABLE))]
    made = [statement(c, theirs, start, settings.as_on) for c in data.customers]
    shown = [s for s in made if s.lines or s.opening or s.closing]
    stems = _stems([s.customer.customer_code for s in shown])
    sheets = [_summary(shown), _reminders(shown), issues_sheet(issues)]
    files: list[Path] = []
    warnings: list[str] = []
    if out is not None and shown:
        with result_set(out, units=[out / FOLDER]) as outputs:
            staged: list[Path] = []
            for s, stem in zip(shown, stems, strict=True):
                target = out / FOLDER / f"{stem}.xlsx"
                write_workbook(target, [statement_sheet(s, company)],
                               title=f"Statement of account — {s.customer.name}")  # fmt: skip
                staged.append(outputs.staged(target))
                files.append(target)
            if settings.pdf:
                try:
                    pdfs, unmade = to_pdf(staged, staged[0].parent)
                except FileNotFoundError as error:
                    pdfs, unmade = [], []
                    warnings.append(f"No PDFs were made ({error}); the workbooks are there.")
                for pdf in pdfs:
                    with atomic_path(out / FOLDER / pdf.name):
                        pass  # LibreOffice wrote it where the set stages it
                    files.append(out / FOLDER / pdf.name)
                if unmade:
                    warnings.append(f"LibreOffice made no PDF of {len(unmade)} statements.")
            write_workbook(
                out / SUMMARY, sheets, title=f"Statements as on {settings.as_on:%d-%m-%Y}"
            )
            files.append(out / SUMMARY)
    overdue = reminders(shown)
    headline = (
        f"{len(shown)} statements {start:%d-%m-%Y} to {settings.as_on:%d-%m-%Y}: "
        f"₹{format_inr(from_paise(sum(s.closing for s in shown)))} receivable, "
        f"{len(overdue)} invoices overdue, "
        f"{sum(1 for s in shown if s.limit_breach)} customers above their credit limit"
    )
    lines_said = [headline + "."]
    counts = count_by_severity(issues)
    if issues:
        lines_said.append(f"{describe_counts(counts)} (see the Issues sheet).")
    if files and out is not None:
        lines_said.append(f"Statements: {out / FOLDER}; summary and reminders: {out / SUMMARY}")
    return JobResult(
        EXIT_FINDINGS if counts[Severity.ERROR] else EXIT_OK,
        tuple(lines_said),
        warnings=tuple(warnings),
        sheets=tuple(sheets),
        issues=tuple(issues),
        files=tuple(files),
        headline=headline,
        value=shown,
    )


_RESERVED = {"con", "prn", "aux", "nul", *(f"com{n}" for n in range(10)),
             *(f"lpt{n}" for n in range(10))}  # fmt: skip
"""Names Windows gives no file (CON.xlsx cannot be made there)."""


def _safe(code: str) -> str:
    import re

    stem = re.sub(r"[^A-Za-z0-9._-]", "-", code).strip(".") or "customer"
    return f"{stem}_" if stem.casefold() in _RESERVED else stem


def _stems(codes: Sequence[str]) -> list[str]:
    """Each customer's file name: its code made safe, and distinct even where two codes differ
    only by a sign (KAV/1, KAV-1) or by case (Windows sees Kav.xlsx and KAV.xlsx as one)."""
    taken: set[str] = set()
    stems: list[str] = []
    for code in codes:
        stem = base = _safe(code)
        number = 2
        while stem.casefold() in taken:
            stem, number = f"{base} ({number})", number + 1
        taken.add(stem.casefold())
        stems.append(stem)
    return stems


def _strangers(
    frames: Sequence[tuple[str, pd.DataFrame]], customers: Sequence[Customer], file: str
) -> list[Issue]:
    """A warning for each party on Trade Receivables that is no customer's name or code (by
    sheet): its lines are on no statement, so the statements add up to less than the ledger."""
    known = {n for c in customers for n in (c.name.casefold(), c.customer_code.casefold())}
    found: list[Issue] = []
    for sheet, lines in frames:
        if lines.empty:
            continue
        theirs = lines[lines["account"] == RECEIVABLES]
        party = theirs["party"].fillna("").astype(str).str.strip()
        strange = theirs[~party.str.casefold().isin(known)]
        for name, group in strange.groupby(party[strange.index], sort=False):
            balance = int(group["debit"].sum() - group["credit"].sum())
            found.append(
                Issue(
                    severity=Severity.WARNING,
                    sheet=sheet,
                    cell=f"A{int(group['row'].min())}",
                    value=str(name),
                    problem=f"{len(group)} {RECEIVABLES} line{'s' if len(group) > 1 else ''} "
                    + (
                        f"of '{name}', who is not on the Customers sheet"
                        if name
                        else "with no Party"
                    )
                    + f" (₹{format_inr(from_paise(abs(balance)))} {'Dr' if balance >= 0 else 'Cr'}):"
                    " on no statement",
                    hint="Write the customer's Name or Customer Code in Party, or add the "
                    "customer to the Customers sheet.",
                    file=file,
                )
            )
    return found
