"""Benchmark: the whole reconcile job (read, match, write) on generated statements and ledgers.

    .venv/bin/python benchmarks/reconcile_scale.py [--sizes 10000 100000] [--csv]

For each size (lines per side) prints the job's time and the process's peak memory, beside the
floor: merely reading both inputs with python-calamine (or csv) and writing a same-sized workbook
with xlsxwriter. Targets (2-core machine): 100k per side from .xlsx within 1.5× of that floor;
1M per side from CSV under 30 s and 4 GB.
"""

from __future__ import annotations

import argparse
import csv
import random
import resource
import tempfile
import time
from datetime import date, timedelta
from pathlib import Path

import python_calamine
import xlsxwriter

from xlbo.book import write_workbook
from xlbo.jobs.reconcile import run_reconcile

NAMES = (
    "VARDHAMAN RETAIL",
    "OM SAI LOGISTICS",
    "KAVERI ELECTRICALS",
    "SHREE BALAJI TRADERS",
    "DECCAN OFFICE",
)


def generate(folder: Path, lines: int, use_csv: bool) -> tuple[Path, Path]:
    rng = random.Random(lines)
    start = date(2026, 4, 1)
    bank_rows, book_rows = [], []
    balance = 10_000_000_00
    for index in range(lines):
        amount = rng.randint(100_00, 5_00_000_00)
        receipt = rng.random() < 0.5
        day = start + timedelta(days=index * 365 // lines)
        name = rng.choice(NAMES)
        utr = f"HDFCN{index:014d}"
        shift = rng.choice((0, 0, 1, 2))
        balance += amount if receipt else -amount
        bank_rows.append(
            [
                (day + timedelta(days=shift)).strftime("%d/%m/%y"),
                f"NEFT {'CR' if receipt else 'DR'}-HDFC0001234-{name}-{utr}",
                utr,
                "" if receipt else amount / 100,
                amount / 100 if receipt else "",
                balance / 100,
            ]
        )
        book_rows.append(
            [
                day.strftime("%d-%m-%Y"),
                name.title(),
                "Receipt" if receipt else "Payment",
                f"V{index}",
                amount / 100 if receipt else "",
                "" if receipt else amount / 100,
            ]
        )
    bank_head = [
        "Date",
        "Narration",
        "Chq./Ref.No.",
        "Withdrawal Amt.",
        "Deposit Amt.",
        "Closing Balance",
    ]
    book_head = ["Date", "Particulars", "Vch Type", "Vch No.", "Debit", "Credit"]
    suffix = "csv" if use_csv else "xlsx"
    bank, books = folder / f"bank.{suffix}", folder / f"books.{suffix}"
    for path, head, rows in ((bank, bank_head, bank_rows), (books, book_head, book_rows)):
        if use_csv:
            with path.open("w", newline="") as handle:
                writer = csv.writer(handle)
                writer.writerow(["Statement of account"])
                writer.writerow(head)
                writer.writerows(rows)
        else:
            book = xlsxwriter.Workbook(str(path), {"constant_memory": True})
            sheet = book.add_worksheet("Sheet1")
            sheet.write_row(0, 0, ["Statement of account"])
            sheet.write_row(2, 0, head)
            for number, row in enumerate(rows, start=3):
                sheet.write_row(number, 0, row)
            book.close()
    return bank, books


def floor(bank: Path, books: Path, out: Path, lines: int) -> float:
    started = time.perf_counter()
    for path in (bank, books):
        if path.suffix == ".csv":
            with path.open() as handle:
                list(csv.reader(handle))
        else:
            python_calamine.CalamineWorkbook.from_path(str(path)).get_sheet_by_index(0).to_python()
    book = xlsxwriter.Workbook(str(out), {"constant_memory": True})
    sheet = book.add_worksheet("Matches")
    for row in range(lines):
        sheet.write_row(
            row,
            0,
            [
                row,
                row + 3,
                row + 3,
                "Reference",
                100,
                "reference on both sides",
                "01/04/26",
                "NEFT CR-VARDHAMAN RETAIL",
                1000.0,
                "01/04/26",
                "Vardhaman Retail",
                1000.0,
            ],
        )
    book.close()
    return time.perf_counter() - started


def main() -> None:
    options = argparse.ArgumentParser(description=__doc__)
    options.add_argument("--sizes", type=int, nargs="+", default=[10_000, 100_000])
    options.add_argument(
        "--csv", action="store_true", help="inputs as CSV (the path for more than Excel holds)"
    )
    args = options.parse_args()
    for size in args.sizes:
        with tempfile.TemporaryDirectory() as name:
            folder = Path(name)
            bank, books = generate(folder, size, args.csv)
            base = floor(bank, books, folder / "floor.xlsx", size)
            started = time.perf_counter()
            result = run_reconcile(bank, books)
            write_workbook(folder / "brs.xlsx", result.sheets)
            took = time.perf_counter() - started
            peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
            print(
                f"{size:>9,} lines a side ({'csv' if args.csv else 'xlsx'}): reconcile {took:6.1f} s "
                f"({took / base:.2f}× the read+write floor of {base:.1f} s); {len(result.matches):,} matches; "
                f"BRS difference {result.brs.difference}; peak memory {peak:,.0f} MB"
            )


if __name__ == "__main__":
    main()
