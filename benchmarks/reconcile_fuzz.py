"""Hostile sweep of `xlbo reconcile`: statements and ledgers in eleven real layouts, each case
with cells, headers or rows spoiled the way hands and converters spoil them, run through the CLI
as a user would. It reports how each run ended and lists every one that did not end as bad input
should: a traceback or "internal error" (exit 70), a refusal without a message, a refusal that
wrote a report, a run that wrote none, an input changed, or a run over the time limit.

    .venv/bin/python benchmarks/reconcile_fuzz.py                     # 300 cases, one change a file
    .venv/bin/python benchmarks/reconcile_fuzz.py --cases 600 --compound --first 1000
    .venv/bin/python benchmarks/reconcile_fuzz.py --case 128 --keep /tmp/fuzz   # one case, kept

The unspoilt inputs: the outsider's month (benchmarks/reconcile_blackbox.py: HDFC, ICICI and
SBI exports with Tally's Ledger Vouchers) and xlbo.demo.month's seven statement layouts with
Tally Ledger Vouchers (.xlsx and CSV) or the Journal, 1,500 lines a side. A case is one seed:
the same seed spoils the same cells. What it changes: a cell to junk (amounts such as
`1 234,00`, `(1,234.00)`, `१,२३४.००`, `1e300`; dates such as `31/12/9999`, `00/00/0000`,
`13/13/2026`, a serial past Excel's last day; text such as `=HYPERLINK(…)`, 33,000 characters,
control characters), a column of cells, a header renamed or swapped, a column deleted, the
header dropped or doubled, rows shuffled, reversed, blanked, cut to the header, junk rows.
With --compound, both files and up to three changes each.

5 December 2026 (session 26), the default 300 cases: xlbo as the session began (299a4a4) ended 5
of them with "internal error (OverflowError: date value out of range)", exit 70 (a date of
31/12/9999 or 01/01/0001 among a column's dates), 106 exit 0, 129 exit 1, 60 exit 2; with that
session's fixes none did not end as bad input should (105 / 135 / 60: those five read, and one
case's unreadable amounts on narration rows now said). An earlier form of the sweep, 1,400 cases
(500 of them compound), found those and the other findings fixed that session; every refusal
named the file and what to do. 300 cases take about 4 minutes on two cores.
"""

from __future__ import annotations

import argparse
import csv
import datetime as dt
import hashlib
import io
import json
import random
import shutil
import subprocess
import sys
import tempfile
import time
from collections import Counter
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import xlsxwriter
from python_calamine import CalamineWorkbook

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from xlbo.demo.month import STATEMENT_LAYOUTS, make_month, write_ledger, write_statement  # noqa: E402

TIME_LIMIT = 180.0
AMOUNTS: list[Any] = [
    "१,२३४.००", "1,234.00 Cr", "1234.00-", "(1,234.00)", "₹1,234", "1 234,00", "1.234.567,89",
    "1e5", "NaN", "inf", "-0", "0.001", "99999999999999999999", "--", "N/A", "#N/A", "=1+1", " ",
    "\u00a01,234.00", "12,34,567.8", True, 1e300, 1e-300, -5e15, "1,234.00 Dr", "Rs. 500/-", "0",
    0, "12.345.678", "1,23,45,67,89,01,23,456.00", "٣٤٥",
]  # fmt: skip
DATES: list[Any] = [
    "31/11/2026", "2026-11-05T00:00:00", "46331", "5-Nov-26", "Nov 5, 2026", "05.11.2026",
    "31/12/9999", "29/02/1900", "00/00/0000", "today", 46331.5, -1, 2958466,
    dt.datetime(1900, 1, 1), dt.datetime(2100, 1, 1), "13/13/2026", "2026/11/05",
    "05-11-2026 10:22:33", "", "Opening Balance", 1e20, "01/01/0001",
]  # fmt: skip
TEXTS: list[Any] = [
    '=HYPERLINK("http://x","y")', "A" * 33000, "\x00\x01\x07x", "\u202eevil", "😀" * 10,
    "+91 98", "-", "@SUM(A1)", "Total", "Opening Balance", "Closing Balance",
    "STATEMENT SUMMARY", "Page 1 of 3", "B/F", "Carried Over", "Ch. No. : " + "9" * 40,
    "UPI/" * 500, "NEFT-" + "X" * 300, "\t", "\n\n", "null", "None",
]  # fmt: skip
JUNK = AMOUNTS + DATES + TEXTS
CHANGES = [
    *["cell"] * 6, *["cells-col"] * 2, "dup-header", "drop-header", "blank-rows", "blank-col0",
    "shuffle", "reverse", "header-only", "one-row", "del-col", "rename-header", "swap-headers",
    "col-as-text", "footer-junk", "rows-junk",
]  # fmt: skip


@dataclass(frozen=True)
class Pair:
    bank: Path
    ledger: Path
    options: tuple[str, ...] = ()


def make_inputs(folder: Path) -> list[Pair]:
    """The unspoilt statements and ledgers: the outsider's three exports and the realistic
    month's seven layouts."""
    pairs = []
    for layout in ("hdfc", "icici", "sbi"):
        subprocess.run(
            [
                sys.executable,
                str(ROOT / "benchmarks" / "reconcile_blackbox.py"),
                "--size",
                "1500",
                "--layout",
                layout,
                "--seed",
                "7",
                "--keep",
                str(folder / "outsider"),
                "--generate-only",
            ],
            check=True,
            capture_output=True,
        )
        made = folder / "outsider" / f"{layout}-1500-7"
        pairs.append(Pair(made / f"{layout}-statement.xlsx", made / "tally-ledger.xlsx"))
    ledgers = ("tally-ledger-vouchers", "tally-ledger-vouchers-csv", "journal")
    for index, layout in enumerate(STATEMENT_LAYOUTS):
        month = make_month(1500, 20 + index, bank="hdfc" if layout == "semicolon" else layout)
        bank = folder / f"{layout}-statement.{'csv' if layout in ('axis', 'semicolon') else 'xlsx'}"
        write_statement(month, bank, layout)
        kind = ledgers[index % 3]
        ledger = folder / f"{layout}-ledger.{'csv' if kind.endswith('csv') else 'xlsx'}"
        write_ledger(month, ledger, kind)
        options: tuple[str, ...] = ()
        if kind == "journal":  # the bank ledger of a Journal is named
            options = ("--account", month.account_name)
        pairs.append(Pair(bank, ledger, options))
    return pairs


def load(path: Path) -> dict[str, Any]:
    """Every sheet's cells (a CSV: its rows as text, and its delimiter)."""
    if path.suffix == ".csv":
        raw = path.read_bytes()
        text = ""
        for encoding in ("utf-8-sig", "utf-16", "cp1252"):
            try:
                text = raw.decode(encoding)
                break
            except UnicodeDecodeError:
                continue
        delimiter = ";" if text.count(";") > text.count(",") else ","
        return {"csv": list(csv.reader(io.StringIO(text), delimiter=delimiter)), "_": delimiter}
    book = CalamineWorkbook.from_path(str(path))
    return {name: book.get_sheet_by_name(name).to_python() for name in book.sheet_names}


def save(data: dict[str, Any], path: Path) -> None:
    if "csv" in data:
        with path.open("w", newline="", encoding="utf-8") as handle:
            writer = csv.writer(handle, delimiter=data["_"])
            for row in data["csv"]:
                writer.writerow(["" if v is None else v for v in row])
        return
    book = xlsxwriter.Workbook(
        str(path),
        {"nan_inf_to_errors": True, "strings_to_formulas": False, "strings_to_numbers": False},
    )
    date_format = book.add_format({"num_format": "dd/mm/yyyy"})
    for name, rows in data.items():
        sheet = book.add_worksheet(name[:31])
        for r, row in enumerate(rows):
            for c, value in enumerate(row):
                if isinstance(value, dt.datetime | dt.date):
                    day = (
                        value
                        if isinstance(value, dt.datetime)
                        else dt.datetime(*value.timetuple()[:3])
                    )
                    sheet.write_datetime(r, c, day, date_format)
                elif isinstance(value, bool):
                    sheet.write_boolean(r, c, value)
                elif isinstance(value, int | float):
                    sheet.write_number(r, c, value)
                elif value not in (None, ""):
                    sheet.write_string(r, c, str(value))
    book.close()


def header_row(rows: list[list[Any]]) -> int:
    """The row among the first 40 with the most text cells: the header, or near it."""
    counts = [sum(isinstance(v, str) and bool(v.strip()) for v in row) for row in rows[:40]]
    return counts.index(max(counts)) if counts else 0


def spoil(data: dict[str, Any], rng: random.Random) -> str:
    """One change to one sheet of `data`, in place; what it was."""
    name = "csv" if "csv" in data else rng.choice([k for k in data if k != "_"])
    rows: list[list[Any]] = data[name]
    head = header_row(rows)
    body = list(range(head + 1, len(rows)))
    width = max((len(r) for r in rows), default=1)
    change = rng.choice(CHANGES)
    said = change

    def put(r: int, c: int, value: Any) -> None:
        rows[r].extend([""] * (c + 1 - len(rows[r])))
        rows[r][c] = value

    if change == "cell" and body:
        for _ in range(rng.randint(1, 5)):
            r, c, value = rng.choice(body), rng.randrange(width), rng.choice(JUNK)
            put(r, c, value)
            said += f" r{r + 1}c{c}={str(value)[:20]!r}"
    elif change == "cells-col" and body:
        c, value = rng.randrange(width), rng.choice(JUNK)
        for r in rng.sample(body, min(len(body), rng.randint(5, 200))):
            put(r, c, value)
        said += f" c{c}={str(value)[:20]!r}"
    elif change == "dup-header" and body:
        rows.insert(rng.choice(body), list(rows[head]))
    elif change == "drop-header":
        del rows[head]
    elif change == "blank-rows" and body:
        for _ in range(5):
            rows.insert(rng.choice(body), [""] * width)
    elif change == "blank-col0":
        for row in rows:
            row.insert(0, "")
    elif change == "shuffle":
        lines = rows[head + 1 :]
        rng.shuffle(lines)
        rows[head + 1 :] = lines
    elif change == "reverse":
        rows[head + 1 :] = rows[head + 1 :][::-1]
    elif change == "header-only":
        del rows[head + 1 :]
    elif change == "one-row":
        del rows[head + 2 :]
    elif change == "del-col":
        c = rng.randrange(width)
        said += f" c{c}"
        for row in rows:
            if len(row) > c:
                del row[c]
    elif change == "rename-header":
        c = rng.randrange(width)
        value = rng.choice([*TEXTS, "Amount", "Debit", "Credit", "Date", "Balance"])
        put(head, c, value)
        said += f" c{c}={str(value)[:20]!r}"
    elif change == "swap-headers" and width > 1:
        a, b = rng.sample(range(width), 2)
        put(head, max(a, b), rows[head][max(a, b)] if len(rows[head]) > max(a, b) else "")
        rows[head][a], rows[head][b] = rows[head][b], rows[head][a]
        said += f" {a}<->{b}"
    elif change == "col-as-text":
        c = rng.randrange(width)
        said += f" c{c}"
        for r in body:
            if len(rows[r]) > c and rows[r][c] not in (None, ""):
                rows[r][c] = str(rows[r][c])
    elif change == "footer-junk":
        for _ in range(rng.randint(1, 6)):
            rows.append([rng.choice(JUNK) for _ in range(width)])
    elif change == "rows-junk" and body:
        for _ in range(rng.randint(1, 4)):
            rows.insert(rng.choice(body), [rng.choice(JUNK) for _ in range(width)])
    return f"{name}: {said}"


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def run_case(seed: int, pairs: list[Pair], folder: Path, compound: bool) -> dict[str, Any]:
    """Spoil a pair's file(s) by `seed`, run xlbo on them, and judge how the run ended."""
    rng = random.Random(seed)
    pair = rng.choice(pairs)
    which = rng.choice(["bank", "ledger", *(["both"] if compound else [])])
    case = folder / f"case-{seed}"
    case.mkdir(parents=True, exist_ok=True)
    said, spoilt = [], {}
    for side, source in (("bank", pair.bank), ("ledger", pair.ledger)):
        if which not in (side, "both"):
            continue
        data = load(source)
        for _ in range(rng.randint(1, 3) if compound else 1):
            said.append(spoil(data, rng))
        spoilt[side] = case / f"spoilt-{source.name}"
        save(data, spoilt[side])
    bank, ledger = spoilt.get("bank", pair.bank), spoilt.get("ledger", pair.ledger)
    inputs = [pair.bank, pair.ledger, *spoilt.values()]
    before = [digest(p) for p in inputs]
    out = case / "brs.xlsx"
    command = [sys.executable, "-m", "xlbo", "reconcile", "--bank", str(bank)]
    command += ["--ledger", str(ledger), *pair.options, "--out", str(out)]
    started = time.perf_counter()
    try:
        done = subprocess.run(command, capture_output=True, text=True, timeout=TIME_LIMIT, cwd=ROOT)
        code: int | str = done.returncode
        told = done.stdout + done.stderr
    except subprocess.TimeoutExpired:
        code, told = "timeout", ""
    bad = []
    if code not in (0, 1, 2):
        bad.append(f"exit {code}")
    if "Traceback" in told or "internal error" in told.lower():
        bad.append("traceback")
    if code == 2 and not told.strip():
        bad.append("refused without a word")
    if code == 2 and out.exists():
        bad.append("refused but wrote a report")
    if code in (0, 1) and not out.exists():
        bad.append("no report")
    if [digest(p) for p in inputs] != before:
        bad.append("an input changed")
    last = told.strip().splitlines()[-1] if told.strip() else ""
    return {
        "seed": seed,
        "files": f"{bank.name} + {ledger.name}",
        "changes": " ; ".join(said),
        "exit": code,
        "seconds": round(time.perf_counter() - started, 1),
        "bad": bad,
        "said": last[:300],
        "told": told[-4000:] if bad else "",  # all of it where something went wrong
        "folder": str(case),
    }


def main() -> None:
    options = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    options.add_argument("--cases", type=int, default=300)
    options.add_argument("--first", type=int, default=0, help="the first case's seed")
    options.add_argument("--case", type=int, help="run this one case and keep its files")
    options.add_argument("--compound", action="store_true", help="both files, 1-3 changes each")
    options.add_argument("--keep", type=Path, help="a folder for the inputs and the cases")
    options.add_argument("--log", type=Path, help="write each case as a JSON line here")
    args = options.parse_args()
    folder = args.keep or Path(tempfile.mkdtemp(prefix="xlbo-fuzz-"))
    folder.mkdir(parents=True, exist_ok=True)
    started = time.perf_counter()
    pairs = make_inputs(folder / "inputs")
    seeds = [args.case] if args.case is not None else range(args.first, args.first + args.cases)
    ends: Counter[str] = Counter()
    bad = []
    log = args.log.open("w") if args.log else None
    with ThreadPoolExecutor(2) as pool:  # each case is a process of its own
        for record in pool.map(lambda s: run_case(s, pairs, folder, args.compound), seeds):
            ends[f"exit {record['exit']}"] += 1
            if log:
                log.write(json.dumps(record) + "\n")
            if record["bad"]:
                bad.append(record)
                print(
                    f"case {record['seed']}: {', '.join(record['bad'])}\n  {record['changes']}"
                    f"\n  {record['files']}\n  {record['said']}",
                    flush=True,
                )
            elif args.case is None and not args.keep:
                shutil.rmtree(record["folder"], ignore_errors=True)
    print(
        f"{len(seeds)} cases in {time.perf_counter() - started:.0f} s "
        f"({'compound' if args.compound else 'one change a file'}): "
        + ", ".join(f"{k}: {v}" for k, v in sorted(ends.items()))
        + f"; {len(bad)} that did not end as bad input should"
    )
    if args.case is not None:
        print(json.dumps(record, indent=1, ensure_ascii=False))
    if not args.keep:
        shutil.rmtree(folder, ignore_errors=True)
    sys.exit(1 if bad else 0)


if __name__ == "__main__":
    main()
