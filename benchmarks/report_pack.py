"""Benchmark: the report pack on a year's journal of 500,000 lines.

    .venv/bin/python benchmarks/report_pack.py [--lines 500000] [--period 2027-03] [--profile]

Generates a balanced journal for FY 2026-27 (vouchers of two to four lines: sales to the demo
company's customers, purchases from its vendors, receipts that settle invoices — some naming the
invoice, the rest first in, first out — payments, expenses and journal entries, all on the demo
chart of accounts), a Budget sheet, and a master workbook with the chart of accounts. Then times,
each in a fresh process with its own peak memory:

- merely reading the Journal sheet with plain python-calamine (the floor),
- reading it through the workbook port (`FileBook.read_table`),
- the whole pack as `xlbo report pack` builds it (`run_report` and `write_workbook`).

Prints each time, the pack as a multiple of the floor, and the pack against the target (under
60 s for 500,000 lines on a 2-core machine). `--profile` runs the pack once more under cProfile
and prints the functions that take the most time.

    .venv/bin/python benchmarks/report_pack.py --unbalanced 100000

Bad books instead: a journal of that many vouchers that do not balance (two lines each), every
one of them an issue. Times the whole pack on it, and the part that once made the pack quadratic
(each unbalanced voucher's first row) two ways: one groupby for all vouchers, as xlbo does, and
the obvious alternative, a scan of every line per voucher (timed on a sample of vouchers and
scaled to all of them, since all of them would take minutes).
"""

from __future__ import annotations

import argparse
import cProfile
import multiprocessing
import pstats
import random
import resource
import tempfile
import time
from collections import deque
from collections.abc import Callable
from datetime import date, datetime, timedelta
from pathlib import Path
from typing import Any

import python_calamine
import xlsxwriter

from xlbo.book import FileBook, write_workbook
from xlbo.demo.parties import make_accounts, make_company, make_customers, make_vendors
from xlbo.jobs.report import ReportKind, run_report
from xlbo.journal_layout import HEADERS
from xlbo.master.fields import Nature
from xlbo.master.template import master_sheets

TARGET_SECONDS = 60.0
TARGET_LINES = 500_000
YEAR_START = date(2026, 4, 1)
DAYS = 365
BRANCHES = ("Pune", "Bengaluru", "Kolkata", "Chennai", "Ahmedabad", "New Delhi")
EXPENSES = (
    "Rent",
    "Electricity",
    "Telephone and Internet",
    "Repairs and Maintenance",
    "Travelling and Conveyance",
    "Printing and Stationery",
    "Software Subscriptions",
    "Freight Outward",
    "Staff Welfare",
    "Bank Charges",
)
Line = tuple[str, int, int, str]
"""Account, debit and credit in paise, party."""


def generate(folder: Path, target: int, seed: int = 2026) -> tuple[Path, Path, int, int]:
    """Write master.xlsx (company and chart of accounts) and books.xlsx (Journal and Budget);
    return their paths, the journal's lines and its vouchers."""
    rng = random.Random(seed)
    company = make_company(rng)
    customers = [c.name for c in make_customers(rng)]
    vendors = [v.name for v in make_vendors(rng)]
    accounts = make_accounts()
    master = write_workbook(
        folder / "master.xlsx", master_sheets({"Company": [company], "Accounts": accounts})
    )
    book = xlsxwriter.Workbook(str(folder / "books.xlsx"), {"constant_memory": True})
    sheet = book.add_worksheet("Journal")
    day_format = book.add_format({"num_format": "dd-mm-yyyy"})
    money = book.add_format({"num_format": "#,##0.00"})
    sheet.write_row(0, 0, HEADERS)
    open_sales: dict[str, deque[tuple[str, int]]] = {c: deque() for c in customers}
    open_bills: dict[str, deque[tuple[str, int]]] = {v: deque() for v in vendors}
    counters: dict[str, int] = {}
    row = 0

    def number(prefix: str) -> str:
        counters[prefix] = counters.get(prefix, 0) + 1
        return f"{prefix}/26-27/{counters[prefix]:06d}"

    def settle(queue: deque[tuple[str, int]]) -> tuple[int, str]:
        """Pay the oldest open invoice (whole or in part); a third of payments name it."""
        voucher, amount = queue[0]
        paid = amount if rng.random() < 0.8 else amount // 2
        if paid == amount:
            queue.popleft()
        else:
            queue[0] = (voucher, amount - paid)
        return paid, f"Against {voucher}" if rng.random() < 0.33 else "On account"

    while row < target:
        day = YEAR_START + timedelta(days=row * DAYS // target)  # the year, evenly
        pick = rng.random()
        lines: list[Line]
        if pick < 0.34:  # a sale: 3 or 4 lines
            customer = rng.choice(customers)
            taxable = rng.randint(5_000_00, 5_00_000_00)
            tax = taxable * rng.choice((18, 18, 5)) // 100
            prefix, kind, narration = "SAL", "Sales", f"Tax invoice to {customer}"
            voucher = number(prefix)
            lines = [
                ("Trade Receivables", taxable + tax, 0, customer),
                ("Sales - Goods", 0, taxable, ""),
            ]
            if rng.random() < 0.5:
                lines += [("Output CGST", 0, tax // 2, ""), ("Output SGST", 0, tax - tax // 2, "")]
            else:
                lines.append(("Output IGST", 0, tax, ""))
            open_sales[customer].append((voucher, taxable + tax))
        elif pick < 0.58:  # a purchase: 3 or 4 lines
            vendor = rng.choice(vendors)
            taxable = rng.randint(2_000_00, 3_00_000_00)
            tax = taxable * 18 // 100
            prefix, kind, narration = (
                "PUR",
                "Purchase",
                f"Bill {rng.randint(100, 99999)} of {vendor}",
            )
            voucher = number(prefix)
            lines = [("Purchases - Goods", taxable, 0, "")]
            if rng.random() < 0.5:
                lines += [("Input CGST", tax // 2, 0, ""), ("Input SGST", tax - tax // 2, 0, "")]
            else:
                lines.append(("Input IGST", tax, 0, ""))
            lines.append(("Trade Payables", 0, taxable + tax, vendor))
            open_bills[vendor].append((voucher, taxable + tax))
        elif pick < 0.80:  # a receipt from a customer who owes
            customer = rng.choice(customers)
            if not open_sales[customer]:
                continue
            paid, narration = settle(open_sales[customer])
            prefix, kind, voucher = "RCT", "Receipt", number("RCT")
            lines = [
                ("HDFC Bank Current A/c", paid, 0, ""),
                ("Trade Receivables", 0, paid, customer),
            ]
        elif pick < 0.92:  # a payment to a vendor who is owed
            vendor = rng.choice(vendors)
            if not open_bills[vendor]:
                continue
            paid, narration = settle(open_bills[vendor])
            prefix, kind, voucher = "PMT", "Payment", number("PMT")
            lines = [("Trade Payables", paid, 0, vendor), ("HDFC Bank Current A/c", 0, paid, "")]
        elif pick < 0.97:  # an expense paid from the bank, with TDS on some
            expense = rng.choice(EXPENSES)
            amount = rng.randint(500_00, 2_00_000_00)
            kind, narration, voucher = "Payment", f"{expense} for {day:%b %Y}", number("PMT")
            tds = amount // 10 if expense == "Rent" else 0
            lines = [(expense, amount, 0, ""), ("HDFC Bank Current A/c", 0, amount - tds, "")]
            if tds:
                lines.append(("TDS Payable - Rent (194I)", 0, tds, ""))
        else:  # a journal entry
            amount = rng.randint(1_000_00, 10_00_000_00)
            kind, narration, voucher = "Journal", "Depreciation for the month", number("JV")
            lines = [("Depreciation", amount, 0, ""), ("Accumulated Depreciation", 0, amount, "")]
        centre = rng.choice(BRANCHES)
        for account, debit, credit, party in lines:
            row += 1
            sheet.write_datetime(row, 0, datetime(day.year, day.month, day.day), day_format)
            sheet.write_string(row, 1, voucher)
            sheet.write_string(row, 2, kind)
            sheet.write_string(row, 3, account)
            if debit:
                sheet.write_number(row, 4, debit / 100, money)
            if credit:
                sheet.write_number(row, 5, credit / 100, money)
            if party:
                sheet.write_string(row, 6, party)
            sheet.write_string(row, 7, centre)
            sheet.write_string(row, 8, narration)
    budget = book.add_worksheet("Budget")
    budget.write_row(0, 0, ["Account", "Month", "Amount"])
    planned = [a.account for a in accounts if a.nature in (Nature.INCOME, Nature.EXPENSE)]
    budget_row = 0
    for month in range(12):
        first = date(2026 + (month + 3) // 12, (month + 3) % 12 + 1, 1)
        for account in planned:
            budget_row += 1
            budget.write_row(
                budget_row, 0, [account, f"{first:%Y-%m}", rng.randint(10_000, 50_00_000)]
            )
    book.close()
    return master, folder / "books.xlsx", row, sum(counters.values())


def generate_unbalanced(folder: Path, vouchers: int) -> tuple[Path, Path]:
    """master.xlsx and books.xlsx whose Journal holds `vouchers` vouchers of two lines, each
    debit a rupee more than its credit (so every voucher is left out with an issue)."""
    master = write_workbook(
        folder / "master.xlsx",
        master_sheets({"Company": [make_company(random.Random(1))], "Accounts": make_accounts()}),
    )
    book = xlsxwriter.Workbook(str(folder / "books.xlsx"), {"constant_memory": True})
    sheet = book.add_worksheet("Journal")
    sheet.write_row(0, 0, HEADERS)
    row = 0
    for index in range(vouchers):
        day = YEAR_START + timedelta(days=index * DAYS // vouchers)
        voucher = f"JV/26-27/{index + 1:06d}"
        for account, debit, credit in (("Rent", 1001, 0), ("HDFC Bank Current A/c", 0, 1000)):
            row += 1
            sheet.write_string(row, 0, f"{day:%d-%m-%Y}")
            sheet.write_string(row, 1, voucher)
            sheet.write_string(row, 2, "Journal")
            sheet.write_string(row, 3, account)
            if debit:
                sheet.write_number(row, 4, debit)
            if credit:
                sheet.write_number(row, 5, credit)
    book.close()
    return master, folder / "books.xlsx"


def first_rows_two_ways(book: Path, period: str, master: Path) -> str:
    """Each unbalanced voucher's first row: one groupby (xlbo) against a scan per voucher."""
    import pandas as pd

    frame = FileBook(book).read_table("Journal", HEADERS).frame
    lines = pd.DataFrame({"voucher": frame["Voucher No"].astype(str), "row": frame.index})
    vouchers = lines["voucher"].unique().tolist()
    started = time.perf_counter()
    grouped = lines.groupby("voucher")["row"].min().to_dict()
    by_group = time.perf_counter() - started
    sample = vouchers[:: max(1, len(vouchers) // 1_000)]
    started = time.perf_counter()
    scanned = {v: lines.loc[lines["voucher"] == v, "row"].iloc[0] for v in sample}
    per_voucher = (time.perf_counter() - started) / len(sample)
    assert all(grouped[v] == scanned[v] for v in sample)
    return (
        f"one groupby {by_group:.2f} s; a scan per voucher {per_voucher * 1e3:.2f} ms each, "
        f"{per_voucher * len(vouchers):,.0f} s for all {len(vouchers):,} (from {len(sample):,})"
    )


def unbalanced_main(vouchers: int, period: str) -> None:
    with tempfile.TemporaryDirectory() as name:
        folder = Path(name)
        started = time.perf_counter()
        master, book = generate_unbalanced(folder, vouchers)
        print(
            f"wrote {vouchers:,} unbalanced vouchers ({2 * vouchers:,} lines, "
            f"{book.stat().st_size / 1e6:.1f} MB) in {time.perf_counter() - started:.1f} s"
        )
        for label, step in (
            ("read Journal: xlbo port (FileBook)", read_port),
            ("first rows: groupby vs scan", first_rows_two_ways),
            (f"report pack --period {period}", build_pack),
        ):
            seconds, note, peak = measure(step, book, period, master)
            print(f"{label:40s} {seconds:7.2f} s  peak {peak:7,.0f} MB  ({note})")


def read_calamine(book: Path, period: str, master: Path) -> str:
    rows = python_calamine.CalamineWorkbook.from_path(str(book)).get_sheet_by_name("Journal")
    return f"{len(rows.to_python()) - 1:,} rows"


def read_port(book: Path, period: str, master: Path) -> str:
    return f"{FileBook(book).read_table('Journal', HEADERS).rows:,} rows"


def build_pack(book: Path, period: str, master: Path) -> str:
    report = run_report(ReportKind.PACK, book, period, master)
    out = write_workbook(book.with_name("pack.xlsx"), report.sheets, title=f"pack {period}")
    agrees = "agrees" if report.totals[0] == report.totals[1] else "DOES NOT AGREE"
    return (
        f"{len(report.sheets)} sheets, {out.stat().st_size / 1e3:,.0f} kB; "
        f"{len(report.issues)} issues; trial balance {agrees}"
    )


def _measure(step: Callable[[Path, str, Path], str], args: tuple[Path, str, Path]) -> Any:
    started = time.perf_counter()
    note = step(*args)
    took = time.perf_counter() - started
    return took, note, resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def measure(
    step: Callable[[Path, str, Path], str], book: Path, period: str, master: Path
) -> tuple[float, str, float]:
    """Run `step` in a fresh process: (seconds, what it says, peak memory in MB)."""
    with multiprocessing.get_context("spawn").Pool(1) as pool:
        result: tuple[float, str, float] = pool.apply(_measure, (step, (book, period, master)))
    return result


def main() -> None:
    options = argparse.ArgumentParser(description=__doc__)
    options.add_argument("--lines", type=int, default=TARGET_LINES, help="journal lines to make")
    options.add_argument("--period", default="2027-03", help="the pack's period (default 2027-03)")
    options.add_argument("--profile", action="store_true", help="profile the pack with cProfile")
    options.add_argument(
        "--unbalanced", type=int, metavar="VOUCHERS", help="time books of unbalanced vouchers"
    )
    args = options.parse_args()
    if args.unbalanced:
        unbalanced_main(args.unbalanced, args.period)
        return
    with tempfile.TemporaryDirectory() as name:
        folder = Path(name)
        started = time.perf_counter()
        master, book, lines, vouchers = generate(folder, args.lines)
        print(
            f"wrote {lines:,} journal lines in {vouchers:,} vouchers "
            f"({book.stat().st_size / 1e6:.1f} MB) in {time.perf_counter() - started:.1f} s"
        )
        results = {}
        for label, step in (
            ("read Journal: python-calamine (plain)", read_calamine),
            ("read Journal: xlbo port (FileBook)", read_port),
            (f"report pack --period {args.period}", build_pack),
        ):
            seconds, note, peak = measure(step, book, args.period, master)
            results[label] = seconds
            print(f"{label:40s} {seconds:7.2f} s  peak {peak:7,.0f} MB  ({note})")
        pack = results[f"report pack --period {args.period}"]
        floor = results["read Journal: python-calamine (plain)"]
        port = results["read Journal: xlbo port (FileBook)"]
        target = TARGET_SECONDS * lines / TARGET_LINES
        verdict = "within" if pack < target else "OVER"
        print(
            f"pack / calamine read = {pack / floor:.1f}x; pack / port read = {pack / port:.1f}x; "
            f"{lines / pack:,.0f} lines/s; {verdict} the target of {target:.0f} s "
            f"({TARGET_SECONDS:.0f} s for {TARGET_LINES:,} lines)"
        )
        if args.profile:
            profiler = cProfile.Profile()
            profiler.runcall(build_pack, book, args.period, master)
            stats = pstats.Stats(profiler)
            stats.sort_stats("tottime").print_stats(20)
            stats.sort_stats("cumulative").print_stats(35)


if __name__ == "__main__":
    main()
