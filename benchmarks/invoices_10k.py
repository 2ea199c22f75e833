"""Benchmark: a month's sales of 10,000 invoice lines, and 1,000 PDFs.

    .venv/bin/python benchmarks/invoices_10k.py [--lines 10000] [--pdfs 1000]

The book is the demo company's master (its customers across India) with an Invoices sheet of
`--lines` lines from the demo's items: one to three lines a document, a few credit notes. It
times `xlbo invoices BOOK --out DIR --no-pdf` (the register with its Journal, each document's
workbook, e-invoice and GSTR-1 JSON), and, on a month of `--pdfs` documents, the same run with
PDFs. Beside them, the obvious alternative in the same run: a plain script that reads the sheet
(python-calamine), computes each line's tax with pandas, writes the register (one row per
document) with xlsxwriter and one JSON per document — no checks, no documents.

Targets (issue 14, 2 cores): 10,000 lines → register, journal and JSON in under 20 s; 1,000 PDFs
in under 120 s.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import resource
import tempfile
import time
from datetime import date, timedelta
from decimal import Decimal
from pathlib import Path

import pandas as pd
import python_calamine
import xlsxwriter

from xlbo.book import write_workbook
from xlbo.cli import main
from xlbo.demo import build_demo
from xlbo.demo.invoices import ITEMS
from xlbo.master.load import load
from xlbo.master.records import DocumentType, InvoiceLine, Record
from xlbo.master.template import master_sheets


def sales(lines: int, customers: list[str], rng: random.Random) -> list[Record]:
    """`lines` invoice lines over November 2026, a credit note now and then."""
    out: list[Record] = []
    day, number = date(2026, 11, 1), -1
    while len(out) < lines:  # each document its own customer and day: one to three lines
        number += 1
        customer = customers[number % len(customers)]
        when = day + timedelta(days=number // len(customers) % 29)
        for item in rng.sample(ITEMS, min(rng.choice((1, 1, 2, 3)), lines - len(out))):
            out.append(
                InvoiceLine(
                    series="INV",
                    date=when,
                    customer_code=customer,
                    description=item.code,
                    quantity=Decimal(rng.choice((1, 2, 3, 5, 10))),
                )
            )
    if lines >= 100:  # a credit note against the month's first invoice, as users write them
        first = out[0]
        assert isinstance(first, InvoiceLine)
        out[-1] = InvoiceLine(
            document_type=DocumentType.CREDIT_NOTE,
            series="CN",
            date=date(2026, 11, 30),
            customer_code=first.customer_code,
            description=first.description,
            quantity=Decimal(1),
            original_invoice="INV/26-27/0001",
        )
    return out


CUSTOMERS = 400
"""Customers of the benchmark's company: the demo's, each also at other branches (one GSTIN)."""


def make_book(folder: Path, lines: int) -> Path:
    demo = build_demo(folder / "demo")
    data, _ = load(demo.master)
    known = [c for c in data.customers if c.customer_code != "C005"]
    customers = [
        c.model_copy(update={"customer_code": f"B{n:04d}", "name": f"{c.name} (branch {n})"})
        for n, c in zip(range(CUSTOMERS), known * (CUSTOMERS // len(known) + 1), strict=False)
    ]
    codes = [c.customer_code for c in customers]
    rng = random.Random(lines)
    sheets = master_sheets(
        {
            "Company": [data.company] if data.company else [],
            "Customers": list(customers),
            "Items": list(ITEMS),
            "Invoices": sales(lines, codes, rng),
        },
        "Benchmark",
    )
    return write_workbook(folder / f"sales-{lines}.xlsx", sheets)


def plain_script(book: Path, out: Path) -> float:
    """The obvious alternative: read, compute tax per line, write the register and JSON."""
    started = time.perf_counter()
    rows = (
        python_calamine.CalamineWorkbook.from_path(str(book))
        .get_sheet_by_name("Invoices")
        .to_python()
    )
    frame = pd.DataFrame(rows[1:], columns=[str(h) for h in rows[0]])
    rates = {item.code: (float(item.rate or 0), float(item.gst_rate or 0)) for item in ITEMS}
    frame["value"] = [
        float(q or 0) * rates.get(str(d), (0.0, 0.0))[0]
        for q, d in zip(frame["Quantity"], frame["Description"], strict=True)
    ]
    frame["tax"] = frame["value"] * [rates.get(str(d), (0.0, 0.0))[1] for d in frame["Description"]]
    documents = frame.groupby(["Customer Code", "Date"], sort=False)[["value", "tax"]].sum()
    out.mkdir(parents=True, exist_ok=True)
    book_out = xlsxwriter.Workbook(str(out / "register.xlsx"), {"constant_memory": True})
    sheet = book_out.add_worksheet("Register")
    for index, ((customer, day), figures) in enumerate(documents.iterrows()):
        sheet.write_row(index, 0, [index + 1, str(customer), str(day), *figures.tolist()])
        (out / f"{index + 1}.json").write_text(
            json.dumps({"customer": str(customer), "value": figures.tolist()})
        )
    book_out.close()
    return time.perf_counter() - started


def cpu_seconds() -> float:
    """CPU time of this process and of its children that ended (the job's worker processes):
    the cost of a run, which a busy machine does not inflate as it does the wall clock."""
    me, children = (
        resource.getrusage(resource.RUSAGE_SELF),
        resource.getrusage(resource.RUSAGE_CHILDREN),
    )
    return me.ru_utime + me.ru_stime + children.ru_utime + children.ru_stime


def run_job(book: Path, out: Path, pdf: bool) -> tuple[float, float]:
    """The run's wall-clock and CPU seconds."""
    started, cpu = time.perf_counter(), cpu_seconds()
    code = main(["invoices", str(book), "--out", str(out), *([] if pdf else ["--no-pdf"])])
    took = time.perf_counter() - started
    if code not in (0, 1):
        raise SystemExit(f"xlbo invoices exited {code}")
    return took, cpu_seconds() - cpu


def main_() -> None:
    options = argparse.ArgumentParser(description=__doc__)
    options.add_argument("--lines", type=int, default=10_000)
    options.add_argument("--pdfs", type=int, default=1_000, help="documents for the PDF run")
    args = options.parse_args()
    with tempfile.TemporaryDirectory() as name:
        folder = Path(name)
        book = make_book(folder, args.lines)
        cpu = cpu_seconds()
        plain = plain_script(book, folder / "plain")
        plain_cpu = cpu_seconds() - cpu
        took, took_cpu = run_job(book, folder / "out", pdf=False)
        documents = len(list((folder / "out" / "documents").glob("*.xlsx")))
        print(
            f"{args.lines:,} invoice lines ({documents:,} documents): xlbo invoices --no-pdf "
            f"{took:.1f} s ({took_cpu:.1f} s CPU on {os.cpu_count()} cores; target < 20 s); "
            f"the plain script {plain:.1f} s ({plain_cpu:.1f} s CPU)",
            flush=True,
        )
        if args.pdfs:
            # about 1.7 lines a document: a book of that many documents
            pdf_book = make_book(folder / "pdf", max(int(args.pdfs * 1.7), 2))
            took, _ = run_job(pdf_book, folder / "pdf" / "out", pdf=True)
            pdfs = len(list((folder / "pdf" / "out" / "documents").glob("*.pdf")))
            print(
                f"{pdfs:,} documents with PDFs: {took:.1f} s (target < 120 s for 1,000)",
                flush=True,
            )


if __name__ == "__main__":
    main_()
