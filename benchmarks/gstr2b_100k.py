"""Benchmark: GSTR-2B against the purchase register, 100,000 invoices a side.

    nice -n 10 .venv/bin/python benchmarks/gstr2b_100k.py [--invoices 100000] [--seed 15]

A generator writes, with its truth: 2,000 suppliers (several GSTINs of one PAN among them), each
numbering its bills its own way (`INV/26-27/0042`, `SI-42`, `2026-27/42`, `GST/FY26/00042`,
`A0042`, `42`); the 2B of October and November 2026 in the portal's JSON (b2b and cdnr); and
the books' Purchases sheet with Vendors, each bill number as a clerk writes it (year dropped,
zeros dropped, a space for a slash); a tenth of the suppliers bill the same sum every time (rent,
retainers), where a loose matcher pairs the wrong bills. Faults, each a known share: a head that differs, a date
that differs, a typo in the number, the GSTIN of another state of the same PAN, bills only in
2B, bills only in the books, bills that came in November's 2B, credit notes.

It times `xlbo gst-recon` in its own process (wall time and peak memory), and beside it, in the
same run, the floor: a plain script that reads both inputs (json + python-calamine) and writes a
workbook of the same size (xlsxwriter, constant memory) — no matching at all. Then it reads the
result's Matched, Suggested and Mismatched sheets back and reports the precision and recall of
the pairs against the truth, and how many of each fault landed in its stage.

Target (issue 15): < 30 s and < 2 GB on 2 cores.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import sys
import tempfile
import time
from collections import Counter
from dataclasses import dataclass
from datetime import date, timedelta
from pathlib import Path
from typing import Any

import python_calamine
import xlsxwriter

from xlbo.gstrecon.register import XLBO_HEADERS
from xlbo.ids.checksums import gstin_check_character

SUPPLIERS = 2_000
STYLES = (
    "INV/{fy}/{n:04d}",
    "SI-{n}",
    "{fy4}/{n}",
    "GST/FY26/{n:05d}",
    "A{n:04d}",
    "{n}",
)
FAULTS = {  # share of the invoices, and the stage each should land in
    "clean": (0.80, "Matched"),
    "late": (0.03, "Matched"),  # came in November's 2B
    "credit note": (0.01, "Matched"),
    "value": (0.03, "Mismatched"),
    "date": (0.02, "Mismatched"),
    "other gstin": (0.01, "Mismatched"),
    "typo": (0.02, "Suggested"),
    "only 2B": (0.04, "Missing in Books"),
    "only books": (0.04, "Missing in 2B"),
}
LETTERS = "ABCDEFGHIJKLMNOPQRSTUVWXYZ"


def gstin(state: int, pan: str) -> str:
    first = f"{state:02d}{pan}1Z"
    return first + gstin_check_character(first)


def pan_of(rng: random.Random) -> str:
    return (
        "".join(rng.choice(LETTERS) for _ in range(3))
        + rng.choice("CFP")
        + rng.choice(LETTERS)
        + f"{rng.randrange(1, 10000):04d}"
        + rng.choice(LETTERS)
    )


@dataclass
class Supplier:
    code: str
    name: str
    gstin: str
    other: str  # another state's GSTIN of the same PAN
    style: str


def as_clerk_writes(number: str, rng: random.Random) -> str:
    """The same number as a clerk might type it: the year gone, zeros gone, a space for /."""
    choice = rng.randrange(4)
    if choice == 0:
        return number
    if choice == 1:
        return number.replace("/26-27", "").replace("/FY26", "").replace("2026-27/", "")
    if choice == 2:
        return number.replace("/", " ").replace("-", " ").lower()
    return number.replace("/", "-")


def typo(number: str, rng: random.Random) -> str:
    """A letter changed or one added: digits kept, so the stage 'suggested' should find it."""
    letters = [i for i, c in enumerate(number) if c.isalpha()]
    if letters:
        at = rng.choice(letters)
        return number[:at] + ("X" if number[at] != "X" else "Y") + number[at + 1 :]
    return "N" + number


def generate(
    count: int, seed: int
) -> tuple[list[Supplier], list[dict[str, Any]], list[dict[str, Any]]]:
    """Suppliers, the 2B records (with `truth` = their id) and the books' bills (with `truth`
    = the id of their 2B record, or None, and `fault`)."""
    rng = random.Random(seed)
    suppliers = []
    for n in range(SUPPLIERS):
        pan = pan_of(rng)
        state = rng.choice((27, 29, 24, 33, 7, 9, 19, 36))
        suppliers.append(
            Supplier(
                f"V{n:05d}",
                f"Supplier {n} Private Limited",
                gstin(state, pan),
                gstin(27 if state != 27 else 29, pan),
                rng.choice(STYLES),
            )
        )
    names, weights = zip(*((k, v[0]) for k, v in FAULTS.items()), strict=True)
    portal: list[dict[str, Any]] = []
    books: list[dict[str, Any]] = []
    serial = Counter[str]()
    for ident in range(count):
        supplier = suppliers[rng.randrange(SUPPLIERS)]
        fault = rng.choices(names, weights)[0]
        serial[supplier.code] += 1
        number = supplier.style.format(fy="26-27", fy4="2026-27", n=serial[supplier.code])
        day = date(2026, 10, 1) + timedelta(days=rng.randrange(31))
        taxable = rng.randrange(1_000, 5_00_000) * 100 + rng.choice((0, 0, 50, 99))
        if supplier.code.endswith("0"):  # a tenth bill the same sum each time (rent, retainers)
            taxable = 50_000_00
        rate = rng.choice((5, 12, 18, 28))
        tax = taxable * rate // 100
        inter = rng.random() < 0.4
        heads = (
            {"igst": tax, "cgst": 0, "sgst": 0}
            if inter
            else {"igst": 0, "cgst": tax // 2, "sgst": tax - tax // 2}
        )
        sign = -1 if fault == "credit note" else 1
        record = {
            "truth": ident,
            "gstin": supplier.gstin,
            "number": number,
            "day": day,
            "taxable": sign * taxable,
            **{k: sign * v for k, v in heads.items()},
            "period": "112026" if fault == "late" else "102026",
            "note": fault == "credit note",
        }
        bill = {
            "truth": ident,
            "fault": fault,
            "code": supplier.code,
            "number": as_clerk_writes(number, rng),
            "day": day,
            "taxable": sign * taxable,
            **{k: sign * v for k, v in heads.items()},
        }
        if fault == "value":
            head = "igst" if inter else "cgst"
            bill[head] += rng.choice((1, -1)) * rng.randrange(200, 50_000)
        elif fault == "date":
            bill["day"] = day + timedelta(days=rng.choice((-3, -1, 1, 2, 5)))
        elif fault == "other gstin":
            record["gstin"] = supplier.other
        elif fault == "typo":
            bill["number"] = typo(number, rng)
        if fault != "only books":
            portal.append(record)
        if fault != "only 2B":
            books.append(bill)
        if fault == "only 2B":
            bill["truth"] = None
    for bill in books:
        if bill["fault"] == "only books":
            bill["truth"] = None
    return suppliers, portal, books


def write_2b(folder: Path, portal: list[dict[str, Any]]) -> list[Path]:
    paths = []
    for period in ("102026", "112026"):
        by_supplier: dict[tuple[str, str], list[dict[str, Any]]] = {}
        for r in portal:
            if r["period"] != period:
                continue
            section = "cdnr" if r["note"] else "b2b"
            amounts = {
                "txval": abs(r["taxable"]) / 100,
                "igst": abs(r["igst"]) / 100,
                "cgst": abs(r["cgst"]) / 100,
                "sgst": abs(r["sgst"]) / 100,
                "cess": 0,
            }
            day = r["day"].strftime("%d-%m-%Y")
            document = (
                {"ntnum": r["number"], "typ": "C", "suptyp": "R", "dt": day, **amounts}
                if r["note"]
                else {
                    "inum": r["number"],
                    "typ": "R",
                    "dt": day,
                    "pos": "27",
                    "rev": "N",
                    "itcavl": "Y",
                    "rsn": "",
                    **amounts,
                }
            )
            by_supplier.setdefault((section, r["gstin"]), []).append(document)
        docdata: dict[str, list[dict[str, Any]]] = {"b2b": [], "cdnr": []}
        for (section, ctin), documents in by_supplier.items():
            key = "nt" if section == "cdnr" else "inv"
            docdata[section].append(
                {"ctin": ctin, "trdnm": "SUPPLIER", "supprd": period, key: documents}
            )
        path = folder / f"2B-{period}.json"
        path.write_text(
            json.dumps(
                {"data": {"gstin": gstin(27, "AAACS1234F"), "rtnprd": period, "docdata": docdata}}
            )
        )
        paths.append(path)
    return paths


def write_books(folder: Path, suppliers: list[Supplier], books: list[dict[str, Any]]) -> Path:
    path = folder / "books.xlsx"
    workbook = xlsxwriter.Workbook(str(path), {"constant_memory": True})
    vendors = workbook.add_worksheet("Vendors")
    vendors.write_row(0, 0, ["Vendor Code", "Name", "GSTIN", "PAN"])
    for row, s in enumerate(suppliers, start=1):
        vendors.write_row(row, 0, [s.code, s.name, s.gstin, s.gstin[2:12]])
    sheet = workbook.add_worksheet("Purchases")
    sheet.write_row(0, 0, list(XLBO_HEADERS))
    day_format = workbook.add_format({"num_format": "dd-mm-yyyy"})
    for row, b in enumerate(books, start=1):
        sheet.write_string(row, 0, b["code"])
        sheet.write_string(row, 1, b["number"])
        sheet.write_datetime(row, 2, b["day"], day_format)
        sheet.write_number(row, 6, b["taxable"] / 100)
        sheet.write_number(row, 7, b["igst"] / 100)
        sheet.write_number(row, 8, b["cgst"] / 100)
        sheet.write_number(row, 9, b["sgst"] / 100)
        sheet.write_number(row, 10, 0)
    workbook.close()
    return path


FLOOR = """
import json, sys, python_calamine, pandas as pd, xlsxwriter
book, out, *jsons = sys.argv[1:]
records = [json.loads(open(p).read()) for p in jsons]
rows = python_calamine.CalamineWorkbook.from_path(book).get_sheet_by_name("Purchases").to_python()
frame = pd.DataFrame(rows[1:], columns=[str(h) for h in rows[0]])
count = sum(len(d["inv" if s == "b2b" else "nt"]) for r in records
            for s, ds in r["data"]["docdata"].items() for d in ds)
w = xlsxwriter.Workbook(out, {"constant_memory": True})
s = w.add_worksheet("Matched")
for i, values in enumerate(frame.itertuples(index=False)):
    s.write_row(i, 0, [*values, "same bill"])
w.close()

"""


def timed(command: list[str]) -> tuple[float, float, float, int]:
    """Wall seconds, CPU seconds (user + system: what the run costs whatever else the machine
    does), peak memory (MB) and exit code of a child process."""
    started = time.perf_counter()
    pid = os.posix_spawn(command[0], command, dict(os.environ))
    _, status, usage = os.wait4(pid, 0)
    wall = time.perf_counter() - started
    cpu = usage.ru_utime + usage.ru_stime
    return wall, cpu, usage.ru_maxrss / 1024, os.waitstatus_to_exitcode(status)


def read_pairs(path: Path) -> dict[str, list[tuple[str, str, str]]]:
    """Stage → (books cell, GSTIN, 2B bill no) of each pair on the result's sheets."""
    book = python_calamine.CalamineWorkbook.from_path(str(path))
    out = {}
    for stage in ("Matched", "Suggested", "Mismatched"):
        rows = book.get_sheet_by_name(stage).to_python()
        top = next(i for i, r in enumerate(rows) if r and r[0] == "GSTIN")
        header = [str(h) for h in rows[top]]
        at = {h: header.index(h) for h in ("Books Cell", "GSTIN", "Bill No (2B)")}
        out[stage] = [
            (str(r[at["Books Cell"]]), str(r[at["GSTIN"]]), str(r[at["Bill No (2B)"]]))
            for r in rows[top + 1 :]
            if r and r[0]
        ]
    return out


def main() -> None:
    options = argparse.ArgumentParser(description=__doc__)
    options.add_argument("--invoices", type=int, default=100_000)
    options.add_argument("--seed", type=int, default=15)
    args = options.parse_args()
    with tempfile.TemporaryDirectory() as name:
        folder = Path(name)
        started = time.perf_counter()
        # each side loses its share of bills found only on the other: generate enough that
        # both keep --invoices
        share = max(FAULTS["only 2B"][0], FAULTS["only books"][0])
        suppliers, portal, books = generate(int(args.invoices / (1 - share) * 1.002), args.seed)
        jsons = write_2b(folder, portal)
        book = write_books(folder, suppliers, books)
        print(
            f"generated {len(portal):,} 2B records and {len(books):,} bills of {SUPPLIERS:,} "
            f"suppliers in {time.perf_counter() - started:.1f} s",
            flush=True,
        )
        floor_s, floor_cpu, floor_mb, code = timed(
            [sys.executable, "-c", FLOOR, str(book), str(folder / "floor.xlsx"), *map(str, jsons)]
        )
        if code:
            raise SystemExit(f"the floor script exited {code}")
        out = folder / "recon.xlsx"
        command = [sys.executable, "-m", "xlbo", "gst-recon", "--purchases", str(book)]
        for path in jsons:
            command += ["--gstr2b", str(path)]
        xlbo_s, xlbo_cpu, xlbo_mb, code = timed([*command, "--out", str(out)])
        if code not in (0, 1):
            raise SystemExit(f"xlbo gst-recon exited {code}")
        print(
            f"xlbo gst-recon: {xlbo_s:.1f} s ({xlbo_cpu:.1f} s CPU), peak {xlbo_mb:,.0f} MB "
            f"(target < 30 s, < 2,048 MB); the floor (read both, write a same-sized workbook): "
            f"{floor_s:.1f} s ({floor_cpu:.1f} s CPU), peak {floor_mb:,.0f} MB; "
            f"load average {os.getloadavg()[0]:.1f} on {os.cpu_count()} cores",
            flush=True,
        )
        truth_of_row = {f"Purchases!B{row}": b for row, b in enumerate(books, start=2)}
        record_of = {(r["gstin"], r["number"]): r["truth"] for r in portal}
        pairs = read_pairs(out)
        correct = predicted = 0
        landed: Counter[tuple[str, str]] = Counter()
        paired_rows = set()
        for stage, found in pairs.items():
            for cell, ctin, number in found:
                bill = truth_of_row[cell]
                predicted += 1
                paired_rows.add(cell)
                right = bill["truth"] is not None and record_of.get((ctin, number)) == bill["truth"]
                correct += right
                landed[(bill["fault"], stage if right else f"{stage} (wrong pair)")] += 1
        for cell, bill in truth_of_row.items():
            if cell not in paired_rows:
                landed[(bill["fault"], "Missing in 2B")] += 1
        true_pairs = sum(1 for b in books if b["truth"] is not None)
        print(
            f"pairs: precision {correct / max(predicted, 1):.4f} ({correct:,} of {predicted:,} "
            f"right), recall {correct / max(true_pairs, 1):.4f} (of {true_pairs:,} true pairs)"
        )
        for fault, (_, expected) in FAULTS.items():
            spread = {s: n for (f, s), n in landed.items() if f == fault}
            total = sum(spread.values())
            if fault == "only 2B":
                continue
            print(
                f"  {fault:12} {total:6,} bills, expected {expected}: "
                + ", ".join(f"{s} {n:,}" for s, n in sorted(spread.items(), key=lambda x: -x[1]))
            )


if __name__ == "__main__":
    main()
