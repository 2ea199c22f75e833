"""Benchmark: `read_ledger` on Tally's Ledger Vouchers exported to CSV and on Tally's Day Book
exported to CSV, the files written from a realistic month (xlbo.demo.month).

    .venv/bin/python benchmarks/ledger_read.py --make /tmp/ledger_read        # write the files
    .venv/bin/python benchmarks/ledger_read.py --time /tmp/ledger_read        # time the reads

The Ledger Vouchers file is `write_ledger(..., "tally-ledger-vouchers-csv")` of a month of
--ledger-lines lines (each voucher with a narration row under it writes two rows); the Day Book
holds the same month's bank vouchers, each with its other ledger on the row below and its
narration under that, with a sales voucher of three ledgers after every fourth, as Tally writes
the Day Book in detailed format, until --day-book-rows rows. Each read is timed in this process
(best of --repeat), and its line count and totals printed, so two runs (before and after a
change) can be compared line for line.
"""

from __future__ import annotations

import argparse
import csv
import time
from pathlib import Path

from xlbo.demo.month import make_month, write_ledger
from xlbo.readers.ledger import read_ledger

BANK = "HDFC Bank A/c"


def make_day_book(path: Path, ledger_lines: int, rows_wanted: int) -> None:
    """Tally's Day Book exported to CSV: the month's bank vouchers and sales vouchers among them."""
    month = make_month(ledger_lines, 3)
    g = month.ledger
    out: list[list[str]] = [
        [month.company],
        ["Day Book"],
        ["1-Oct-2026 to 31-Oct-2026"],
        ["Date", "Particulars", "Vch Type", "Vch No.", "Debit Amount", "Credit Amount"],
    ]
    sales = 0
    for position, (day, party, kind, number, debit, credit, note) in enumerate(
        zip(
            g["date"],
            g["particulars"],
            g["voucher_type"],
            g["voucher_no"],
            g["debit"].tolist(),
            g["credit"].tolist(),
            g["narration"],
            strict=True,
        )
    ):
        if len(out) >= rows_wanted:
            break
        when = f"{day.day}-{day:%b-%y}"
        money = f"{(debit or credit) / 100:.2f}"
        first, second = (BANK, party) if debit else (party, BANK)
        out.append([when, first, kind, number, money, ""])
        out.append(["", second, "", "", "", money])
        if note:
            out.append(["", note, "", "", "", ""])
        if position % 4 == 3:
            sales += 1
            out.append([when, party, "Sales", f"S/{sales}", "11800.00", ""])
            out.append(["", "Sales - Goods", "", "", "", "10000.00"])
            out.append(["", "Output IGST", "", "", "", "1800.00"])
    with path.open("w", newline="", encoding="utf-8") as handle:
        csv.writer(handle, lineterminator="\n").writerows(out)


def make(folder: Path, ledger_lines: int, day_book_rows: int) -> None:
    folder.mkdir(parents=True, exist_ok=True)
    started = time.perf_counter()
    write_ledger(
        make_month(ledger_lines, 1), folder / "ledger-vouchers.csv", "tally-ledger-vouchers-csv"
    )
    make_day_book(folder / "day-book.csv", day_book_rows // 2, day_book_rows)
    for name in ("ledger-vouchers.csv", "day-book.csv"):
        with (folder / name).open(encoding="utf-8") as handle:
            print(f"{name}: {sum(1 for _ in handle):,} rows")
    print(f"written in {time.perf_counter() - started:.1f} s")


def time_reads(folder: Path, repeat: int) -> None:
    for name, account in (("ledger-vouchers.csv", None), ("day-book.csv", BANK)):
        best = float("inf")
        for _ in range(repeat):
            started = time.perf_counter()
            lines = read_ledger(str(folder / name), account=account)
            best = min(best, time.perf_counter() - started)
        frame = lines.frame
        print(
            f"{name:<20} {best:7.2f} s  {len(frame):>9,} lines  debit {int(frame['debit'].sum())}"
            f"  credit {int(frame['credit'].sum())}  issues {len(lines.issues)}"
            f"  opening {lines.opening} closing {lines.closing}"
        )


def main() -> None:
    options = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    options.add_argument("--make", type=Path, help="write the two files into this folder")
    options.add_argument("--time", type=Path, help="time read_ledger on the files of this folder")
    options.add_argument("--ledger-lines", type=int, default=598_000)
    options.add_argument("--day-book-rows", type=int, default=200_000)
    options.add_argument("--repeat", type=int, default=2)
    given = options.parse_args()
    if given.make:
        make(given.make, given.ledger_lines, given.day_book_rows)
    if given.time:
        time_reads(given.time, given.repeat)


if __name__ == "__main__":
    main()
