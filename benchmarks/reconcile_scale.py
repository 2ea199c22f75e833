"""Benchmark: the whole reconcile job (read, match, write) on generated statements and ledgers.

    .venv/bin/python benchmarks/reconcile_scale.py                      # the standard cases
    .venv/bin/python benchmarks/reconcile_scale.py --case 100000 xlsx   # one case

Cases: 10k and 100k lines a side from .xlsx; 1M lines a side from CSV and from Parquet; the demo's
UPI account (xlbo.demo.collections: plan prices, payers' names cut short) at 300k a side. Each case
runs in its own process, so the peak memory printed is that case's. Beside the job's time it
prints the floor: merely reading both inputs (python-calamine for .xlsx, the csv module for CSV,
pyarrow for Parquet) and writing a same-sized workbook (one row per line, 12 columns) with
xlsxwriter. Targets (2-core machine): 100k per side from .xlsx within 1.5x of that floor;
1M per side from CSV/Parquet under 30 s and 4 GB.

The statement is in HDFC's layout (title line, Narration with a NEFT UTR, Chq./Ref.No., amounts
and a running balance); the ledger is a Tally export without UTRs, so lines match on amount and
date (bank dates 0-2 days after the books'), the pass that does the most work.
"""

from __future__ import annotations

import argparse
import csv
import random
import resource
import subprocess
import sys
import tempfile
import time
from datetime import date, timedelta
from pathlib import Path

import pandas as pd
import python_calamine
import xlsxwriter

from xlbo.demo.collections import build_collections
from xlbo.jobs.reconcile import detail_files, run_reconcile, write_result

NAMES = (
    "VARDHAMAN RETAIL",
    "OM SAI LOGISTICS",
    "KAVERI ELECTRICALS",
    "SHREE BALAJI TRADERS",
    "DECCAN OFFICE",
)
BANK_HEAD = [
    "Date",
    "Narration",
    "Chq./Ref.No.",
    "Withdrawal Amt.",
    "Deposit Amt.",
    "Closing Balance",
]
BOOK_HEAD = ["Date", "Particulars", "Vch Type", "Vch No.", "Debit", "Credit"]
CASES = (
    (10_000, "xlsx"),
    (100_000, "xlsx"),
    (1_000_000, "csv"),
    (1_000_000, "parquet"),
    (300_000, "upi"),
)


def lines(count: int) -> tuple[list[list[object]], list[list[object]]]:
    """Statement and ledger rows; amounts in rupees as numbers (None where blank)."""
    rng = random.Random(count)
    start = date(2026, 4, 1)
    bank_rows: list[list[object]] = []
    book_rows: list[list[object]] = []
    balance = 10_000_000_00
    for index in range(count):
        amount = rng.randint(100_00, 5_00_000_00)
        receipt = rng.random() < 0.5
        day = start + timedelta(days=index * 365 // count)
        name = rng.choice(NAMES)
        utr = f"HDFCN{index:014d}"
        shift = rng.choice((0, 0, 1, 2))
        balance += amount if receipt else -amount
        rupees = amount / 100
        bank_rows.append(
            [
                (day + timedelta(days=shift)).strftime("%d/%m/%y"),
                f"NEFT {'CR' if receipt else 'DR'}-HDFC0001234-{name}-{utr}",
                utr,
                None if receipt else rupees,
                rupees if receipt else None,
                balance / 100,
            ]
        )
        book_rows.append(
            [
                day.strftime("%d-%m-%Y"),
                name.title(),
                "Receipt" if receipt else "Payment",
                f"V{index}",
                rupees if receipt else None,
                None if receipt else rupees,
            ]
        )
    return bank_rows, book_rows


def generate(folder: Path, count: int, kind: str) -> tuple[Path, Path]:
    if kind == "upi":  # the demo's UPI account: plan prices, payers' names cut short
        made = build_collections(folder, count)
        return made.statement, made.ledger
    bank_rows, book_rows = lines(count)
    bank, books = folder / f"bank.{kind}", folder / f"books.{kind}"
    for path, head, rows in ((bank, BANK_HEAD, bank_rows), (books, BOOK_HEAD, book_rows)):
        if kind == "csv":  # as a bank portal exports it: a title line, amounts with 2 decimals
            with path.open("w", newline="") as handle:
                writer = csv.writer(handle)
                writer.writerow(["Statement of account"])
                writer.writerow(head)
                writer.writerows(
                    [f"{v:.2f}" if isinstance(v, float) else v for v in row] for row in rows
                )
        elif kind == "parquet":
            pd.DataFrame(rows, columns=head).to_parquet(path, index=False)
        else:
            book = xlsxwriter.Workbook(str(path), {"constant_memory": True})
            sheet = book.add_worksheet("Sheet1")
            sheet.write_row(0, 0, ["Statement of account"])
            sheet.write_row(2, 0, head)
            for number, row in enumerate(rows, start=3):
                sheet.write_row(number, 0, ["" if v is None else v for v in row])
            book.close()
    return bank, books


def floor(bank: Path, books: Path, out: Path, count: int) -> float:
    """Read both inputs the plain way and write a same-sized workbook with xlsxwriter."""
    started = time.perf_counter()
    for path in (bank, books):
        if path.suffix == ".csv":
            with path.open() as handle:
                list(csv.reader(handle))
        elif path.suffix == ".parquet":
            import pyarrow.parquet as pq

            pq.read_table(path).to_pylist()
        else:
            python_calamine.CalamineWorkbook.from_path(str(path)).get_sheet_by_index(0).to_python()
    book = xlsxwriter.Workbook(str(out), {"constant_memory": True})
    sheet = book.add_worksheet("Matches")
    for row in range(count):
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


def run_case(count: int, kind: str) -> None:
    with tempfile.TemporaryDirectory() as name:
        folder = Path(name)
        bank, books = generate(folder, count, kind)
        base = floor(bank, books, folder / "floor.xlsx", count)
        started = time.perf_counter()
        out = folder / "brs.xlsx"
        result = run_reconcile(bank, books, report=out)
        write_result(result, out)
        took = time.perf_counter() - started
        peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
        written = ", ".join(p.name for p in [out, *detail_files(result, out)])
        print(
            f"{count:>9,} lines a side ({kind:>7}): reconcile {took:5.1f} s "
            f"({took / base:.2f}x the read+write floor of {base:.1f} s); "
            f"{result.match_count:,} matches; BRS difference {result.brs.difference}; "
            f"peak memory {peak:,.0f} MB; wrote {written}",
            flush=True,
        )


def main() -> None:
    options = argparse.ArgumentParser(description=__doc__)
    options.add_argument("--case", nargs=2, metavar=("LINES", "KIND"), help="e.g. 100000 xlsx")
    args = options.parse_args()
    if args.case:
        run_case(int(args.case[0]), args.case[1])
        return
    for count, kind in CASES:  # each in its own process: its own peak memory
        subprocess.run([sys.executable, __file__, "--case", str(count), kind], check=True)


if __name__ == "__main__":
    main()
