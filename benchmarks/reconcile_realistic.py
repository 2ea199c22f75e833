"""Benchmark: the whole reconcile job on realistic months (xlbo.demo.month), for speed AND accuracy.

    .venv/bin/python benchmarks/reconcile_realistic.py                       # the standard cases
    .venv/bin/python benchmarks/reconcile_realistic.py --case 100000 xlsx    # one case
    .venv/bin/python benchmarks/reconcile_realistic.py --case 10000 xlsx --layout sbi --seed 4
    .venv/bin/python benchmarks/reconcile_realistic.py --matcher-only --lines 20000 --seed 2

Cases: 10k and 100k lines a side from .xlsx (the bank's layout rotated by seed among HDFC, ICICI,
SBI, Kotak and Central Bank; the ledger a Tally Ledger Vouchers export), 1M a side from CSV (Axis
CSV and Tally CSV). Each case runs in its own process (its own peak memory) and times the whole
job (`run_reconcile` + `write_result`) beside the floor of benchmarks/reconcile_scale.py: reading
both inputs plainly (python-calamine, or the csv module) and writing a same-sized workbook with
xlsxwriter, measured in the same run. Accuracy: the result's Matches (Bank Row, Ledger Row) against
the generator's truth; lines a matcher cannot tell apart are interchangeable (see
xlbo.demo.month.score), and so are one party's equal amounts paired otherwise than the truth as
near in date in all (`Score.tied`: the bank's two ₹25,000 of the 19th from one firm, its name cut
short two ways, with the books' of the 18th and the 19th). `comb` is the share of matched bank lines matched as combinations.

Targets (2-core machine): 100k from .xlsx within 1.5x the floor; 1M from CSV under 30 s and 4 GB;
precision >= 0.999 and recall >= 0.99 at every size. `prec*` is the precision where one party's
equal amounts in the window count as interchangeable whatever their dates (`Score.crossed`): a
false pair that only crosses two true pairs of one payer's ₹5,000 in time, which nothing in the
lines but the dates tells apart.

Each case's job may take at most --memory-limit GB of address space (default 8): past it the case
reports the MemoryError and where it happened, instead of starving the shared machine.

`--matcher-only` skips files: make_month -> reconcile_lines (the matcher, the BRS) -> precision and
recall, with the false matches and the misses grouped by kind, a few examples of each.
"""

from __future__ import annotations

import argparse
import resource
import subprocess
import sys
import tempfile
import time
import traceback
from collections import Counter, defaultdict
from pathlib import Path

import numpy as np

from xlbo.bank.lines import Lines
from xlbo.demo.month import (
    Month,
    Score,
    found_links,
    make_month,
    matched_rows,
    score,
    write_ledger,
    write_statement,
)
from xlbo.jobs.reconcile import Reconciliation, reconcile_lines, run_reconcile, write_result
from xlbo.progress import long_lived_work

sys.path.insert(0, str(Path(__file__).parent))
from reconcile_scale import floor  # the same floor as the scale benchmark

CASES = ((10_000, "xlsx"), (100_000, "xlsx"), (1_000_000, "csv"))
XLSX_LAYOUTS = ("hdfc", "icici", "sbi", "kotak", "central")
CSV_LAYOUTS = ("axis",)
BANK_OF = {"semicolon": "hdfc"}
HEAD = (
    f"{'case':<22} {'lines':>9} {'gen s':>6} {'job s':>7} {'floor s':>7} {'ratio':>6} "
    f"{'peak MB':>8} {'prec':>7} {'prec*':>7} {'recall':>7} {'comb':>6} {'BRS diff':>10}"
)


def layout_for(kind: str, seed: int, layout: str | None) -> str:
    if layout:
        return layout
    choices = XLSX_LAYOUTS if kind == "xlsx" else CSV_LAYOUTS
    return choices[seed % len(choices)]


def combination_share(result: Reconciliation) -> float:
    matched = result.matches.drop_duplicates("bank")
    if not len(matched):
        return 0.0
    return float((matched["rule"] == "Combination").mean())


def files_for(folder: Path, kind: str, chosen: str, ledger_layout: str) -> tuple[Path, Path, str]:
    bank = folder / f"statement.{'csv' if chosen in {'axis', 'semicolon'} else 'xlsx'}"
    book_layout = "tally-ledger-vouchers-csv" if kind == "csv" else ledger_layout
    books = folder / f"ledger.{'csv' if kind == 'csv' else 'xlsx'}"
    return bank, books, book_layout


def make_files(
    count: int, kind: str, seed: int, chosen: str, ledger_layout: str, folder: Path
) -> None:
    """Generate the month and write both files, with each line's row beside them (.npy)."""
    started = time.perf_counter()
    month = make_month(count, seed, bank=BANK_OF.get(chosen, chosen))
    bank, books, book_layout = files_for(folder, kind, chosen, ledger_layout)
    np.save(folder / "bank_rows.npy", write_statement(month, bank, chosen))
    np.save(folder / "book_rows.npy", write_ledger(month, books, book_layout))
    made = time.perf_counter() - started
    lines = max(len(month.statement), len(month.ledger))
    del month
    base = floor(bank, books, folder / "floor.xlsx", lines)
    (folder / "made.txt").write_text(f"{made:.3f} {base:.3f}")


def run_case(
    count: int, kind: str, seed: int, layout: str | None, ledger_layout: str, limit_gb: float
) -> None:
    chosen = layout_for(kind, seed, layout)
    cap = int(limit_gb * 2**30)
    with tempfile.TemporaryDirectory() as name:
        folder = Path(name)
        # the files are made (and the floor measured) in another process, so that this one's
        # peak memory is the job's
        command = [sys.executable, __file__, "--make", str(count), kind, str(seed), chosen]
        subprocess.run([*command, ledger_layout, str(folder)], check=True)
        made, base = map(float, (folder / "made.txt").read_text().split())
        bank, books, book_layout = files_for(folder, kind, chosen, ledger_layout)
        bank_rows, book_rows = np.load(folder / "bank_rows.npy"), np.load(folder / "book_rows.npy")
        out = folder / "brs.xlsx"
        month_account = None
        if book_layout == "journal":
            month_account = make_month(count, seed, bank=BANK_OF.get(chosen, chosen)).account_name
        started = time.perf_counter()
        resource.setrlimit(resource.RLIMIT_AS, (cap, resource.RLIM_INFINITY))
        try:
            with long_lived_work():  # as every door runs a job (`registry.run`)
                result = run_reconcile(bank, books, account=month_account, report=out)
                write_result(result, out)
        except MemoryError as error:  # over the --memory-limit: say so, do not starve the box
            took = time.perf_counter() - started
            peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
            print(
                f"{chosen:<22} {count:>9,} {made:>6.1f} {took:>7.1f} {base:>7.1f} "
                f"{'':>6} {peak:>8,.0f}  ran out of memory: {error}",
                flush=True,
            )
            traceback.print_exc(limit=-7)
            return
        finally:
            resource.setrlimit(resource.RLIMIT_AS, (resource.RLIM_INFINITY, resource.RLIM_INFINITY))
        took = time.perf_counter() - started
        peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
        brs_difference, combinations = result.brs.difference, combination_share(result)
        del result
        month = make_month(count, seed, bank=BANK_OF.get(chosen, chosen))  # the truth
        marks = score(month, found_links(matched_rows(out), bank_rows, book_rows))
        print(
            f"{chosen + '/' + book_layout.replace('tally-ledger-vouchers', 'tally'):<22} "
            f"{count:>9,} {made:>6.1f} {took:>7.1f} {base:>7.1f} {took / base:>6.2f} "
            f"{peak:>8,.0f} {marks.precision:>7.4f} {marks.precision_any_day:>7.4f} "
            f"{marks.recall:>7.4f} "
            f"{combinations:>6.1%} {brs_difference!s:>10}",
            flush=True,
        )
        explain(month, marks, limit=0)


def explain(month: Month, marks: Score, limit: int = 3) -> None:
    """The false matches and the misses grouped by kind (with up to `limit` examples each)."""
    kinds = dict(
        zip(
            zip(month.links["bank"], month.links["ledger"], strict=True),
            month.links["kind"],
            strict=True,
        )
    )
    s, g = month.statement, month.ledger

    def bank_line(b: int) -> str:
        if b < 0:
            return "(no generated line)"
        line = s.iloc[b]
        money = int(line["credit"]) - int(line["debit"])
        return f"bank {line['date']} {money / 100:>13,.2f} {line['narration'][:60]}"

    def book_line(p: int) -> str:
        if p < 0:
            return "(no generated line)"
        line = g.iloc[p]
        money = int(line["debit"]) - int(line["credit"])
        return f"book {line['date']} {money / 100:>13,.2f} {line['particulars'][:40]}"

    groups: dict[str, list[tuple[int, int]]] = defaultdict(list)
    for b, p in marks.false:
        label = " / ".join(
            (
                month.statement_kind.iat[b] if b >= 0 else "?",
                month.ledger_kind.iat[p] if p >= 0 else "?",
            )
        )
        groups[label].append((b, p))
    if marks.false:
        print(f"  false matches: {len(marks.false)} by kind (bank line / ledger line):")
    for label, pairs in sorted(groups.items(), key=lambda kv: -len(kv[1])):
        print(f"    {len(pairs):>6}  {label}")
        for b, p in pairs[:limit]:
            print(f"            {bank_line(b)}\n            {book_line(p)}")
    missed: dict[str, list[tuple[int, int]]] = defaultdict(list)
    for pair in marks.missed:
        missed[kinds.get(pair, "?")].append(pair)
    if marks.missed:
        totals = Counter(month.links["kind"])
        print(f"  misses: {len(marks.missed)} by kind (of the true links of that kind):")
    for label, pairs in sorted(missed.items(), key=lambda kv: -len(kv[1])):
        print(f"    {len(pairs):>6} of {totals[label]:>7}  {label}")
        for b, p in pairs[:limit]:
            print(f"            {bank_line(b)}\n            {book_line(p)}")


def matcher_only(count: int, seed: int, bank: str, limit_gb: float) -> None:
    """make_month -> the matcher (through reconcile_lines) -> precision and recall."""
    month = make_month(count, seed, bank=bank)
    statement = month.statement.copy()
    started = time.perf_counter()
    resource.setrlimit(resource.RLIMIT_AS, (int(limit_gb * 2**30), resource.RLIM_INFINITY))
    try:
        result = reconcile_lines(
            Lines(statement, "statement", "Sheet1", opening=month.bank_opening),
            Lines(month.ledger.copy(), "ledger", "Sheet1", opening=month.books_opening),
        )
    except MemoryError as error:
        print(
            f"matcher only: ran out of memory after {time.perf_counter() - started:.1f} s: {error}"
        )
        traceback.print_exc(limit=-7)
        return
    finally:
        resource.setrlimit(resource.RLIMIT_AS, (resource.RLIM_INFINITY, resource.RLIM_INFINITY))
    took = time.perf_counter() - started
    rows = result.bank["row"].to_numpy(dtype=np.int64)
    found = [
        (int(rows[b]) - 1, int(p))
        for b, p in zip(result.matches["bank"], result.matches["ledger"], strict=True)
    ]
    marks = score(month, found)
    # a true pair the matcher left open but listed among the Suggestions is one the user sees
    suggested = {
        (int(rows[b]) - 1, int(p))
        for b, p in zip(result.suggestions["bank"], result.suggestions["ledger"], strict=True)
    }
    offered = sum(pair in suggested for pair in marks.missed)
    print(
        f"matcher only: {bank}, seed {seed}, {len(month.statement):,} bank and "
        f"{len(month.ledger):,} ledger lines, {len(month.links):,} true links: {took:.1f} s, "
        f"precision {marks.precision:.4f} (of the right pairs {marks.tied:,} one party's equal "
        f"amounts paired otherwise as near in date; {marks.precision_any_day:.4f} counting "
        f"{marks.crossed:,} crossings of one party's equal amounts), recall {marks.recall:.4f} "
        f"(strict {marks.right_strict:,} of {marks.true_links:,}), "
        f"combinations {combination_share(result):.1%}, BRS difference {result.brs.difference}; "
        f"{offered:,} of the {len(marks.missed):,} missed true pairs are listed in Suggestions "
        f"(recall with them {(marks.right + offered) / max(marks.true_links, 1):.4f})"
    )
    explain(month, marks)


def main() -> None:
    options = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    options.add_argument("--case", nargs=2, metavar=("LINES", "KIND"), help="e.g. 100000 xlsx")
    options.add_argument("--seed", type=int, default=1)
    options.add_argument("--layout", help="the statement layout (default: rotated by seed)")
    options.add_argument(
        "--ledger",
        default="tally-ledger-vouchers",
        choices=("tally-ledger-vouchers", "journal"),
        help="the ledger layout of the .xlsx cases",
    )
    options.add_argument("--matcher-only", action="store_true")
    options.add_argument("--make", nargs=6, help=argparse.SUPPRESS)
    options.add_argument(
        "--memory-limit",
        type=float,
        default=8.0,
        help="GB of address space the job may take (a MemoryError is reported, the machine "
        "is not starved); default 8",
    )
    options.add_argument("--lines", type=int, default=10_000, help="with --matcher-only")
    options.add_argument("--bank", default="hdfc", help="with --matcher-only")
    args = options.parse_args()
    if args.make:
        count, kind, seed, chosen, ledger_layout, folder = args.make
        make_files(int(count), kind, int(seed), chosen, ledger_layout, Path(folder))
        return
    if args.matcher_only:
        matcher_only(args.lines, args.seed, args.bank, args.memory_limit)
        return
    if args.case:
        run_case(
            int(args.case[0]), args.case[1], args.seed, args.layout, args.ledger, args.memory_limit
        )
        return
    print(HEAD, flush=True)
    for count, kind in CASES:  # each in its own process: its own peak memory
        command = [sys.executable, __file__, "--case", str(count), kind, "--seed", str(args.seed)]
        command += ["--memory-limit", str(args.memory_limit)]
        if args.layout:
            command += ["--layout", args.layout]
        subprocess.run([*command, "--ledger", args.ledger], check=False)


if __name__ == "__main__":
    main()
