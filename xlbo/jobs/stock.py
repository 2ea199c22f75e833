"""The stock job: `xlbo stock BOOK.xlsx --as-on DATE [--master MASTER] --out stock.xlsx`.

Reads `Stock Items`, `Stock Moves` and `Purchase Requests` from BOOK (else MASTER) and the
Company and Vendors of MASTER (default BOOK), and writes `stock.xlsx`:

- `Stock Register`: per item opening (moves before the financial year of --as-on), receipts,
  issues and closing, quantities and values (moving weighted average), with totals;
- `Stock Ledger`: every move taken, with the balance and average rate after it;
- `Reorder`: every item, whether it is proposed, and why (stock, requests on the way, level);
- `Proposed Requests`: one purchase request per preferred vendor, numbered PR/26-27/0001 after
  the highest number in the book's Purchase Requests or an earlier stock.xlsx; copy the rows
  into Purchase Requests (Status Open) to raise them, and the next run counts them;
- `Request Status`: each request of the Purchase Requests sheet followed to payment, requested
  → billed → paid: the Purchases sheet's bills that name it in their PR No column, and what of
  each the Journal's payments settled as on --as-on (the payables engine);
- `Issues`: moves that would take stock below zero, unknown items, bad cells, a bill naming a
  request the Purchase Requests sheet does not have.

An earlier stock.xlsx is kept as `stock (previous).xlsx`.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from pathlib import Path
from typing import Any

import pandas as pd

from xlbo.book import FileBook, Reader, ResultSheet, write_workbook
from xlbo.book.atomic import previous_name, result_set
from xlbo.book.display import Column, Kind
from xlbo.cells import clean_text
from xlbo.errors import FileProblem, SheetProblem, UserError
from xlbo.issues import Issue, Severity, count_by_severity, describe_counts, display_value
from xlbo.jobs.registry import (
    EXIT_FINDINGS,
    EXIT_OK,
    JobResult,
    Source,
    StockSettings,
    book_and_master,
    workbook_output,
)
from xlbo.master.load import load, load_sheet
from xlbo.master.records import Vendor
from xlbo.master.schema import PURCHASE_REQUESTS, STOCK_ITEMS, STOCK_MOVES, MasterTable
from xlbo.money import format_inr, from_paise
from xlbo.office.stock import (
    ItemBalance,
    LedgerLine,
    MoveKind,
    ProposedRequest,
    PurchaseRequest,
    ReorderLine,
    RequestBill,
    RequestProgress,
    StockItem,
    StockMove,
    StockProblem,
    follow_requests,
    propose_requests,
    quantity_text,
    reorder,
    stock_register,
    value_of,
)
from xlbo.periods import financial_year
from xlbo.sheets.issues import issues_sheet
from xlbo.vendors.settle import owed, settled

PROPOSED = "Proposed Requests"
STATUS = "Request Status"
PR_NO = "PR No"
QTY_WHOLE = "#,##0"
QTY_PLACES = "General"
"""Quantities with fractions as typed (1.5, 2.125): a fixed three places would show 4.000 PKT."""


@dataclass(frozen=True)
class _Read:
    """One sheet as read: its records, their Excel rows, its header letters, issues, file."""

    records: list[Any]
    rows: list[int]
    letters: dict[str, str]
    issues: list[Issue]
    file: str

    def cell(self, index: int, header: str) -> str:
        letter = self.letters.get(header)
        return f"{letter}{self.rows[index]}" if letter and index < len(self.rows) else ""


def _sheet(readers: Sequence[Reader], table: MasterTable) -> _Read | None:
    """A sheet from the first workbook that has it."""
    for reader in readers:
        if reader.has(table.sheet):
            records, rows, letters, issues = load_sheet(reader, table)
            return _Read(records, rows, letters, issues, Path(reader.name).name)
    return None


def _earlier(
    out: Path | None, book: Reader
) -> tuple[list[str], dict[tuple[str, frozenset[tuple[str, str]]], str]]:
    """Request numbers an earlier output used, and what each asked for: the stock workbook
    (and its previous copy) at `out`, or the open workbook's own Proposed Requests sheet."""
    numbers: list[str] = []
    asked: dict[str, dict[str, Any]] = {}
    earlier: list[Path | Reader] = [book] if out is None else [out, previous_name(out)]
    for source in earlier:
        if isinstance(source, Path) and not source.is_file():
            continue
        try:
            written = FileBook(source) if isinstance(source, Path) else source
            if not written.has(PROPOSED):
                continue
            frame = written.read_table(
                PROPOSED, ("Request No", "Vendor Code", "Item", "Quantity")
            ).frame
        except (FileProblem, SheetProblem):
            continue
        for values in frame.to_dict("records"):
            number = clean_text(values.get("Request No"))
            if not number:
                continue
            numbers.append(number)
            entry = asked.setdefault(number, {"vendor": "", "lines": set()})
            entry["vendor"] = (clean_text(values.get("Vendor Code")) or "").casefold()
            quantity = values.get("Quantity")
            item = (clean_text(values.get("Item")) or "").casefold()
            try:
                amount = Decimal(str(quantity))
            except ArithmeticError:
                continue
            entry["lines"].add((item, quantity_text(amount)))
    return numbers, {(e["vendor"], frozenset(e["lines"])): n for n, e in asked.items()}


def _issue(problem: StockProblem, letters: Mapping[str, str], file: str) -> Issue:
    letter = letters.get(problem.header)
    cell = f"{letter}{problem.row}" if letter else ""
    return Issue(
        severity=Severity.ERROR,
        sheet=problem.sheet,
        cell=cell,
        value=display_value(problem.value),
        problem=problem.problem,
        hint=problem.hint,
        file=file,
    )


def _quantity_format(values: Sequence[object]) -> str:
    """Whole numbers when every quantity of the column is whole (12 NOS), else three places."""
    whole = all(v == v.to_integral() for v in values if isinstance(v, Decimal))
    return QTY_WHOLE if whole else QTY_PLACES


def _register_sheet(
    balances: Sequence[ItemBalance], start: date, as_on: date, company: str
) -> ResultSheet:
    rows = [
        [b.item.code, b.item.description, b.item.unit, b.item.location,
         b.opening, from_paise(b.opening_value), b.received, from_paise(b.received_value),
         b.issued, from_paise(b.issued_value), b.closing, from_paise(b.closing_value),
         b.average]
        for b in balances
    ]  # fmt: skip
    quantities = [v for r in rows for v in (r[4], r[6], r[8], r[10])]
    totals = ["Total", "", "", "", None, sum((from_paise(b.opening_value) for b in balances), Decimal(0)),
              None, sum((from_paise(b.received_value) for b in balances), Decimal(0)),
              None, sum((from_paise(b.issued_value) for b in balances), Decimal(0)),
              None, sum((from_paise(b.closing_value) for b in balances), Decimal(0)), None]  # fmt: skip
    headers = ["Code", "Description", "Unit", "Location", "Opening Qty", "Opening Value",
               "Receipts Qty", "Receipts Value", "Issues Qty", "Issues Value", "Closing Qty",
               "Closing Value", "Average Rate"]  # fmt: skip
    frame = pd.DataFrame([*rows, totals], columns=headers, dtype=object)
    qty = Column(kind=Kind.DECIMAL, width=11, number_format=_quantity_format(quantities))
    return ResultSheet(
        "Stock Register",
        frame,
        columns={
            "Code": Column(kind=Kind.ID, width=12),
            "Description": Column(width=40),
            "Unit": Column(kind=Kind.ID, width=6),
            "Location": Column(width=14),
            **{h: qty for h in headers if h.endswith("Qty")},
            **{h: Column(kind=Kind.MONEY, width=13) for h in headers if h.endswith("Value")},
            "Average Rate": Column(kind=Kind.MONEY, width=12),
        },
        title=(
            f"Stock register {start:%d-%m-%Y} to {as_on:%d-%m-%Y} (weighted average)"
            + (f" — {company}" if company else ""),
        ),
        landscape=True,
    )


def _ledger_sheet(balances: Sequence[ItemBalance]) -> ResultSheet:
    rows = []
    for b in balances:
        for ln in b.lines:
            m = ln.move
            rows.append(
                [m.date, b.item.code, m.kind.value, m.quantity, _rate_of(ln),
                 from_paise(ln.value), ln.balance, from_paise(ln.balance_value), ln.average,
                 m.reference, m.issued_to, ln.row]
            )  # fmt: skip
    headers = ["Date", "Item", "Receipt or Issue", "Quantity", "Rate", "Value", "Balance Qty",
               "Balance Value", "Average Rate", "Reference", "Department or Person",
               "Stock Moves Row"]  # fmt: skip
    frame = pd.DataFrame(rows, columns=headers, dtype=object)
    qty = Column(kind=Kind.DECIMAL, width=11,
                 number_format=_quantity_format([v for r in rows for v in (r[3], r[6])]))  # fmt: skip
    return ResultSheet(
        "Stock Ledger",
        frame,
        columns={
            "Date": Column(kind=Kind.DATE),
            "Item": Column(kind=Kind.ID, width=12),
            "Receipt or Issue": Column(width=10),
            "Quantity": qty,
            "Balance Qty": qty,
            "Rate": Column(kind=Kind.MONEY, width=11),
            "Value": Column(kind=Kind.MONEY, width=12),
            "Balance Value": Column(kind=Kind.MONEY, width=13),
            "Average Rate": Column(kind=Kind.MONEY, width=11),
            "Reference": Column(width=14),
            "Department or Person": Column(width=18),
            "Stock Moves Row": Column(kind=Kind.INTEGER, width=9),
        },
        landscape=True,
    )


def _reorder_sheet(
    lines: Sequence[ReorderLine],
    vendors: Mapping[str, Vendor],
    as_on: date,
    progress: Mapping[str, RequestProgress],
) -> ResultSheet:
    def stages(line: ReorderLine) -> str:
        found = [progress.get(n.strip().casefold()) for n in line.requests]
        return "; ".join(f"{p.request_no} {p.said()}" for p in found if p is not None)

    rows = [
        [ln.balance.item.code, ln.balance.item.description, ln.balance.closing, ln.on_order,
         ln.projected, ln.balance.item.reorder_level, ln.quantity or None, ln.needed_by,
         ln.balance.item.preferred_vendor,
         vendors[v.casefold()].name if (v := ln.balance.item.preferred_vendor) and v.casefold() in vendors else "",
         "Yes" if ln.proposed else "No", ln.why, stages(ln)]
        for ln in lines
    ]  # fmt: skip
    headers = ["Code", "Description", "Closing Qty", "On Order", "Projected", "Reorder Level",
               "Request Qty", "Needed By", "Preferred Vendor", "Vendor", "Proposed", "Why",
               "Requests on the Way"]  # fmt: skip
    quantities = [v for r in rows for v in (r[2], r[3], r[4], r[5], r[6]) if v is not None]
    qty = Column(kind=Kind.DECIMAL, width=10, number_format=_quantity_format(quantities))
    return ResultSheet(
        "Reorder",
        pd.DataFrame(rows, columns=headers, dtype=object),
        columns={
            "Code": Column(kind=Kind.ID, width=12),
            "Description": Column(width=26),
            **dict.fromkeys(
                ("Closing Qty", "On Order", "Projected", "Reorder Level", "Request Qty"), qty
            ),
            "Needed By": Column(kind=Kind.DATE),
            "Preferred Vendor": Column(kind=Kind.ID, width=10),
            "Vendor": Column(width=22),
            "Proposed": Column(width=9),
            "Why": Column(kind=Kind.LONG_TEXT, width=70),
            "Requests on the Way": Column(kind=Kind.LONG_TEXT, width=50),
        },
        title=(
            f"Reorder as on {as_on:%d-%m-%Y}: stock plus requests on the way against the reorder level",
        ),
        landscape=True,
    )


def _proposed_sheet(
    requests: Sequence[ProposedRequest], vendors: Mapping[str, Vendor]
) -> ResultSheet:
    rows = []
    for request in requests:
        vendor = vendors.get(request.vendor_code.casefold())
        for ln in request.lines:
            item = ln.balance.item
            rate = _last_rate(ln.balance)
            rows.append(
                [request.number, request.day, request.vendor_code, item.code, ln.quantity, "Open",
                 vendor.name if vendor else "", item.description, item.unit, ln.needed_by,
                 rate, from_paise(value_of(ln.quantity, rate)) if rate else None]
            )  # fmt: skip
    headers = ["Request No", "Date", "Vendor Code", "Item", "Quantity", "Status", "Vendor",
               "Description", "Unit", "Needed By", "Last Rate", "Estimated Value"]  # fmt: skip
    return ResultSheet(
        PROPOSED,
        pd.DataFrame(rows, columns=headers, dtype=object),
        columns={
            "Request No": Column(kind=Kind.ID, width=15),
            "Date": Column(kind=Kind.DATE),
            "Vendor Code": Column(kind=Kind.ID, width=10),
            "Item": Column(kind=Kind.ID, width=12),
            "Quantity": Column(kind=Kind.DECIMAL, width=10,
                               number_format=_quantity_format([r[4] for r in rows])),
            "Status": Column(width=8),
            "Vendor": Column(width=24),
            "Description": Column(width=26),
            "Unit": Column(kind=Kind.ID, width=6),
            "Needed By": Column(kind=Kind.DATE),
            "Last Rate": Column(kind=Kind.MONEY, width=11),
            "Estimated Value": Column(kind=Kind.MONEY, width=13),
        },
        landscape=True,
    )  # fmt: skip


def _status_sheet(progress: Sequence[RequestProgress], vendors: Mapping[str, Vendor],
                  as_on: date) -> ResultSheet:  # fmt: skip
    rows = [
        [p.request_no, p.day, p.vendor_code,
         vendors[v.casefold()].name if (v := p.vendor_code) and v.casefold() in vendors else "",
         ", ".join(f"{item} {quantity_text(q)}" for item, q in p.items), p.status.value,
         p.stage.value, ", ".join(b.bill_no for b in p.bills),
         from_paise(p.billed) if p.bills else None, from_paise(p.paid) if p.bills else None,
         from_paise(p.billed - p.paid) if p.bills else None, p.said()]
        for p in progress
    ]  # fmt: skip
    headers = ["Request No", "Date", "Vendor Code", "Vendor", "Items", "Status", "Stage",
               "Bills", "Billed", "Paid", "Outstanding", "Where It Stands"]  # fmt: skip
    money = Column(kind=Kind.MONEY, width=12)
    return ResultSheet(
        STATUS,
        pd.DataFrame(rows, columns=headers, dtype=object),
        columns={
            "Request No": Column(kind=Kind.ID, width=15),
            "Date": Column(kind=Kind.DATE),
            "Vendor Code": Column(kind=Kind.ID, width=10),
            "Vendor": Column(width=22),
            "Items": Column(width=22),
            "Status": Column(width=9),
            "Stage": Column(width=10),
            "Bills": Column(width=14),
            "Billed": money,
            "Paid": money,
            "Outstanding": money,
            "Where It Stands": Column(kind=Kind.LONG_TEXT, width=50),
        },
        title=(
            f"Purchase requests as on {as_on:%d-%m-%Y}: requested → billed (Purchases, PR No) → "
            "paid (the Journal's payments to the vendor)",
        ),
        landscape=True,
    )


def _request_bills(
    reader: Reader, source: Reader, requests: Sequence[PurchaseRequest], as_on: date
) -> tuple[list[RequestProgress], list[Issue]]:
    """The requests followed to payment through the Purchases sheet's bills that name them (none
    without a Purchases sheet), and an Issue at each PR No cell naming no request."""
    if not (reader.has("Purchases") or source.has("Purchases")):
        return follow_requests(requests, [])[0], []
    from xlbo.jobs.payables import gather

    found = gather(reader, source)
    purchases = found.purchases
    paid = settled(purchases.bills, found.vendors, found.payments, as_on)
    naming = [
        (i, bill)
        for i, bill in enumerate(purchases.bills)
        if bill.pr_no and bill.bill_date <= as_on
    ]
    bills = [
        RequestBill(str(b.pr_no), b.vendor_code, b.bill_no, b.bill_date, owed(b), paid[i])
        for i, b in naming
    ]
    progress, unknown = follow_requests(requests, bills)
    letter = purchases.letters.get(PR_NO, "")
    issues = [
        i for i in purchases.issues if letter and i.cell.rstrip("0123456789") == letter
    ]  # a PR No cell that could not be read
    numbers = sorted({r.request_no for r in requests})
    for position in unknown:
        index, bill = naming[position]
        issues.append(
            Issue(
                severity=Severity.ERROR,
                sheet="Purchases",
                cell=purchases.cell(index, PR_NO),
                value=str(bill.pr_no),
                problem=f"Bill {bill.bill_no} of {bill.vendor_code} names purchase request "
                f"{bill.pr_no}, which is not on the {PURCHASE_REQUESTS.sheet} sheet; it is not "
                "followed to payment",
                hint="Correct the PR No"
                + (f" (the requests: {', '.join(numbers[:6])}{' …' if len(numbers) > 6 else ''})"
                   if numbers else "")
                + ", or copy the request from Proposed Requests into Purchase Requests.",
                file=found.book_name,
            )
        )  # fmt: skip
    vendor_of = {p.request_no.casefold(): p.vendor_code for p in progress}
    for index, bill in naming:
        raised_to = vendor_of.get(str(bill.pr_no).strip().casefold())
        if raised_to and raised_to.casefold() != bill.vendor_code.casefold():
            issues.append(
                Issue(
                    severity=Severity.WARNING,
                    sheet="Purchases",
                    cell=purchases.cell(index, PR_NO),
                    value=str(bill.pr_no),
                    problem=f"Bill {bill.bill_no} is from {bill.vendor_code}, but request "
                    f"{bill.pr_no} was raised to {raised_to}",
                    hint="Check the PR No, or the request's Vendor Code.",
                    file=found.book_name,
                )
            )
    return progress, issues


def _rate_of(line: LedgerLine) -> Decimal:
    """A receipt's own rate; an issue's average rate (its value over its quantity)."""
    if line.move.kind is MoveKind.RECEIPT:
        return line.move.rate
    return (from_paise(line.value) / line.move.quantity).quantize(Decimal("0.01"))


def _last_rate(balance: ItemBalance) -> Decimal:
    receipts = [ln.move.rate for ln in balance.lines if ln.move.kind is MoveKind.RECEIPT]
    return receipts[-1] if receipts else Decimal(0)


def stock_job(inputs: Mapping[str, Source], settings: StockSettings) -> JobResult:
    """The stock job of every door."""
    book = inputs.get("book")
    if book is None:
        raise UserError("stock needs the workbook with the Stock Items sheet.")
    out = settings.out
    workbook_output(out, "the stock register", inputs)
    reader, source = book_and_master(inputs)
    readers = [reader] if source is reader else [reader, source]
    item_sheet = _sheet(readers, STOCK_ITEMS)
    if item_sheet is None:
        raise UserError(
            f"{Path(reader.name).name} has no {STOCK_ITEMS.sheet} sheet; add one with the headers "
            f"{', '.join(STOCK_ITEMS.headers)} (`xlbo init NEW.xlsx` writes it)."
        )
    move_sheet = _sheet(readers, STOCK_MOVES) or _Read([], [], {}, [], "")
    request_sheet = _sheet(readers, PURCHASE_REQUESTS) or _Read([], [], {}, [], "")
    issues = [*item_sheet.issues, *move_sheet.issues, *request_sheet.issues]
    data, master_issues = load(source)
    issues.extend(i for i in master_issues if i.sheet == "Vendors" and i.severity is Severity.ERROR)
    vendors = {v.vendor_code.casefold(): v for v in data.vendors}
    company = data.company
    as_on = settings.as_on
    start = financial_year(as_on, company.fy_start if company else 4).start
    stock_items = [i for i in item_sheet.records if isinstance(i, StockItem)]
    balances, problems = stock_register(
        stock_items,
        [
            (row, m)
            for row, m in zip(move_sheet.rows, move_sheet.records, strict=True)
            if isinstance(m, StockMove)
        ],
        start,
        as_on,
    )
    issues.extend(_issue(p, move_sheet.letters, move_sheet.file) for p in problems)
    for index, item in enumerate(item_sheet.records):
        code = item.preferred_vendor
        if code and code.casefold() not in vendors:
            issues.append(
                Issue(severity=Severity.WARNING, sheet=STOCK_ITEMS.sheet,
                      cell=item_sheet.cell(index, "Preferred Vendor"), value=code,
                      problem=f"Preferred vendor {code} of {item.code} is not on the Vendors "
                      "sheet", hint="Add the vendor, or correct the code.", file=item_sheet.file)
            )  # fmt: skip
    pr_records = [r for r in request_sheet.records if isinstance(r, PurchaseRequest)]
    decisions = reorder(balances, pr_records, as_on)
    progress, bill_issues = _request_bills(reader, source, pr_records, as_on)
    issues.extend(bill_issues)
    used, earlier = _earlier(out, reader)
    proposed = propose_requests(
        decisions, as_on, [*used, *(r.request_no for r in pr_records)], earlier
    )
    name = company.name if company else ""
    sheets = [
        _register_sheet(balances, start, as_on, name),
        _ledger_sheet(balances),
        _reorder_sheet(decisions, vendors, as_on, {p.request_no.casefold(): p for p in progress}),
        _proposed_sheet(proposed, vendors),
        _status_sheet(progress, vendors, as_on),
        issues_sheet(issues),
    ]
    files: tuple[Path, ...] = ()
    if out is not None:
        with result_set(out.parent):
            write_workbook(out, sheets, title=f"Stock as on {as_on:%d-%m-%Y}")
        files = (out,)
    flagged = [d for d in decisions if d.proposed]
    total = sum((b.closing_value for b in balances), 0)
    headline = (
        f"{len(balances)} stock items worth ₹{format_inr(from_paise(total))} as on "
        f"{as_on:%d-%m-%Y}; "
        f"{len(flagged)} to reorder, {len(proposed)} purchase request"
        + ("" if len(proposed) == 1 else "s")
        + (f" ({', '.join(p.number for p in proposed)})" if proposed else "")
    )
    lines = [headline + "."]
    counts = count_by_severity(issues)
    if issues:
        lines.append(f"{describe_counts(counts)} (see the Issues sheet).")
    if files:
        lines.append(f"Register: {files[0]}")
    return JobResult(
        EXIT_FINDINGS if counts[Severity.ERROR] else EXIT_OK,
        tuple(lines),
        sheets=tuple(sheets),
        issues=tuple(issues),
        files=files,
        headline=headline,
        value=(balances, decisions, proposed),
    )
