"""Benchmark: validate a 100,000-row vendor table (2% bad rows) end to end from an .xlsx.

    .venv/bin/python benchmarks/validate_vendors.py [--rows 100000]

End to end means what `xlbo validate` does: read every sheet, type every cell, check every
identifier and cross-table rule, audit duplicates and near-duplicate names, and write the report
workbook. Printed beside the time merely to read the vendor sheet (plain python-calamine), which
is the floor. Target: under 5 s on a 2-core machine.
"""

from __future__ import annotations

import argparse
import random
import statistics
import tempfile
import time
from pathlib import Path

import python_calamine

from xlbo.book import write_workbook
from xlbo.demo import identities
from xlbo.issues import Severity, count_by_severity
from xlbo.jobs.validate import validate
from xlbo.master.records import Vendor
from xlbo.master.template import master_sheets
from xlbo.states import STATES

WORDS = (
    "Shree",
    "Balaji",
    "Krishna",
    "Om",
    "Sai",
    "Deccan",
    "Kaveri",
    "Sabarmati",
    "Hooghly",
    "Ganga",
    "Laxmi",
    "Ganesh",
    "Bharat",
    "Metro",
    "Royal",
    "Prime",
    "Apex",
    "Sunrise",
)
TRADES = (
    "Traders",
    "Logistics",
    "Packaging",
    "Steel",
    "Textiles",
    "Electricals",
    "Chemicals",
    "Agencies",
    "Enterprises",
    "Industries",
    "Suppliers",
    "Printers",
    "Services",
)
SUFFIXES = ("", " Pvt Ltd", " LLP", " & Co", " Private Limited")


def vendors(rows: int, rng: random.Random) -> tuple[list[Vendor], list[tuple[int, str, str]]]:
    codes = [
        s for s in STATES if s.code.isdigit() and int(s.code) <= 37 and s.code not in {"25", "28"}
    ]
    made, bad = [], []
    for number in range(1, rows + 1):
        state = rng.choice(codes)
        name = f"{rng.choice(WORDS)} {rng.choice(WORDS)} {rng.choice(TRADES)} {number}{rng.choice(SUFFIXES)}"
        pan = identities.pan(rng, rng.choice("CFP"), name)
        account, ifsc = identities.bank_account(rng)
        made.append(
            Vendor(
                vendor_code=f"V{number:06d}",
                name=name,
                gstin=identities.gstin(rng, state.code, pan),
                pan=pan,
                state=state.name,
                address=f"{number}, Main Road",
                email=f"accounts{number}@example.in",
                mobile=identities.mobile(rng),
                bank_account=account,
                ifsc=ifsc,
                payment_terms=30,
                msme=number % 3 == 0,
            )
        )
    for index in rng.sample(range(rows), rows // 50):
        header, value = rng.choice(
            [
                ("GSTIN", made[index].gstin[:-1] + "0"),
                ("IFSC", "HDFCO001234"),
                ("PAN", "ABCDE123"),
                ("State", "Maharastra"),
                ("Payment Terms (days)", "thirty"),
            ]
        )
        bad.append((index, header, value))
    return made, bad


def main() -> None:
    options = argparse.ArgumentParser(description=__doc__)
    options.add_argument("--rows", type=int, default=100_000)
    options.add_argument("--repeat", type=int, default=3)
    args = options.parse_args()
    rng = random.Random(7)
    records, bad = vendors(args.rows, rng)
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "vendors.xlsx"
        sheets = master_sheets({"Vendors": records})
        by_name = {s.name: s for s in sheets}
        frame = by_name["Vendors"].frame
        for index, header, value in bad:
            frame.iat[index, list(frame.columns).index(header)] = value
        started = time.perf_counter()
        write_workbook(path, sheets)
        print(
            f"wrote {args.rows:,} vendors with {len(bad):,} bad rows in {time.perf_counter() - started:.1f} s"
        )

        reads, checks, totals = [], [], []
        for _ in range(args.repeat):
            started = time.perf_counter()
            python_calamine.CalamineWorkbook.from_path(str(path)).get_sheet_by_name(
                "Vendors"
            ).to_python()
            reads.append(time.perf_counter() - started)
            started = time.perf_counter()
            report = validate(path)
            checks.append(time.perf_counter() - started)
            write_workbook(Path(folder) / "report.xlsx", report.sheets)
            totals.append(time.perf_counter() - started)
        read, checked, total = (statistics.median(x) for x in (reads, checks, totals))
        counts = count_by_severity(report.issues)
        print(f"median of {args.repeat} runs (fastest in brackets):")
        print(f"read the vendor sheet (plain calamine)      {read:6.2f} s  ({min(reads):.2f})")
        print(f"validate (read, type, check, audit)        {checked:6.2f} s  ({min(checks):.2f})")
        print(
            f"validate + write the report workbook       {total:6.2f} s  ({min(totals):.2f})  "
            f"({'within' if total < 5 else 'OVER'} the 5 s target)"
        )
        print(
            f"found {counts[Severity.ERROR]:,} errors and {counts[Severity.WARNING]:,} warnings "
            f"for {len(bad):,} planted bad cells"
        )


if __name__ == "__main__":
    main()
