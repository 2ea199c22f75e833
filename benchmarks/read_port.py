"""Benchmark: read a 200,000-row sheet through the workbook port, beside plain python-calamine
and plain openpyxl on the same file.

    .venv/bin/python benchmarks/read_port.py [--rows 200000] [--repeat 3]

Prints rows per second for each reader and the port's time as a multiple of calamine's (the
target is at most 1.5x). The file is a journal-like table (date, voucher, account, party,
narration, debit, credit, cost centre) with title lines above it, as exports have.
"""

from __future__ import annotations

import argparse
import random
import statistics
import tempfile
import time
from collections.abc import Callable
from datetime import date, timedelta
from pathlib import Path

import openpyxl
import python_calamine
import xlsxwriter

from xlbo.book import FileBook

HEADERS = ["Date", "Voucher No", "Account", "Party", "Narration", "Debit", "Credit", "Cost Centre"]


def make_file(path: Path, rows: int) -> None:
    rng = random.Random(1)
    book = xlsxwriter.Workbook(str(path), {"constant_memory": True})
    sheet = book.add_worksheet("Journal")
    day_format = book.add_format({"num_format": "dd-mm-yyyy"})
    sheet.write_row(0, 0, ["Sahyadri Tradelinks Private Limited — Journal"])
    sheet.write_row(1, 0, ["1-Apr-2026 to 31-Mar-2027"])
    sheet.write_row(3, 0, HEADERS)
    start = date(2026, 4, 1)
    accounts = [
        "Trade Receivables",
        "Sales - Goods",
        "Output CGST",
        "HDFC Bank Current A/c",
        "Rent",
    ]
    for index in range(rows):
        row = index + 4
        sheet.write_datetime(row, 0, start + timedelta(days=index % 365), day_format)
        sheet.write_string(row, 1, f"JV/26-27/{index // 3:06d}")
        sheet.write_string(row, 2, accounts[index % 5])
        sheet.write_string(row, 3, f"Party {rng.randint(1, 500)}")
        sheet.write_string(row, 4, f"Narration for line {index} of the journal")
        amount = round(rng.uniform(100, 500000), 2)
        sheet.write_number(row, 5 if index % 2 else 6, amount)
        sheet.write_string(row, 7, rng.choice(("Pune", "Bengaluru", "Kolkata", "Chennai")))
    book.close()


def timed(function: Callable[[], int], repeat: int) -> tuple[float, int]:
    times, count = [], 0
    for _ in range(repeat):
        started = time.perf_counter()
        count = function()
        times.append(time.perf_counter() - started)
    return statistics.median(times), count


def main() -> None:
    options = argparse.ArgumentParser(description=__doc__)
    options.add_argument("--rows", type=int, default=200_000)
    options.add_argument("--repeat", type=int, default=3)
    args = options.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "journal.xlsx"
        started = time.perf_counter()
        make_file(path, args.rows)
        print(
            f"wrote {args.rows:,} rows ({path.stat().st_size / 1e6:.1f} MB) in "
            f"{time.perf_counter() - started:.1f} s"
        )

        def port() -> int:
            return FileBook(path).read_table("Journal", HEADERS).rows

        def calamine() -> int:
            workbook = python_calamine.CalamineWorkbook.from_path(str(path))
            return len(workbook.get_sheet_by_name("Journal").to_python()) - 4

        def plain_openpyxl() -> int:
            workbook = openpyxl.load_workbook(path, read_only=True, data_only=True)
            rows = list(workbook["Journal"].iter_rows(values_only=True))
            workbook.close()
            return len(rows) - 4

        results = {}
        for name, function, repeat in (
            ("python-calamine (plain)", calamine, args.repeat),
            ("xlbo port (FileBook.read_table)", port, args.repeat),
            ("openpyxl read-only (plain)", plain_openpyxl, 1),
        ):
            seconds, count = timed(function, repeat)
            results[name] = seconds
            print(f"{name:34s} {seconds:7.2f} s  {count / seconds:12,.0f} rows/s  ({count:,} rows)")
        ratio = results["xlbo port (FileBook.read_table)"] / results["python-calamine (plain)"]
        verdict = "within" if ratio <= 1.5 else "OVER"
        print(
            f"port / calamine = {ratio:.2f}x ({verdict} the 1.5x target); "
            f"openpyxl / port = {results['openpyxl read-only (plain)'] / results['xlbo port (FileBook.read_table)']:.1f}x"
        )


if __name__ == "__main__":
    main()
