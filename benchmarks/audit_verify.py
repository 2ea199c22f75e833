"""Benchmark: verify an audit log of 100,000 entries.

    .venv/bin/python benchmarks/audit_verify.py [--entries 100000]

Writes a log of `--entries` entries as xlbo writes them (canonical JSON, each chained to the
one before; a run's entry with its settings, input and output files with SHA-256, two Journal
lines posted and one row changed, about 1.5 KB a line), then times:

- `xlbo.audit.log.verify_chain` over the file (read, parse each line, hash it, check its `seq`
  and that its `prev` is the previous line's hash);
- beside them, the plain alternative in the same run: hashing the file once with hashlib
  (which proves the file unchanged against a hash kept elsewhere, but says nothing about which
  entry changed, nor lets the log grow).
- appending one more entry to the full log (it reads the last line only).

Issue 16 asks for the figure; no target is set.
"""

from __future__ import annotations

import argparse
import hashlib
import tempfile
import time
from pathlib import Path

from xlbo.audit import log


def _entry(seq: int) -> dict[str, object]:
    line = {
        "Date": "2026-10-07",
        "Voucher No": f"PMT/26-27/{seq:05d}",
        "Voucher Type": "Payment",
        "Account": "Sundry Creditors",
        "Debit": f"{52378 + seq % 1000}.50",
        "Credit": "",
        "Party": "Annapurna Caterers",
        "Cost Centre": "",
        "Narration": "Being payment against bill 4471",
    }
    return {
        "time": f"2026-10-{1 + seq % 28:02d}T09:{seq % 60:02d}:00.000000Z",
        "user": "asha",
        "job": "payables",
        "version": "0.1.0",
        "settings": {"as_on": "2026-10-07", "out": "payment-run.xlsx", "layout": None},
        "inputs": [{"input": "book", "file": "books.xlsx", "sha256": "ab" * 32}],
        "outputs": [{"file": "payment-run.xlsx", "sha256": "cd" * 32}],
        "exit_code": 0,
        "records": [
            {"change": "added", "sheet": "Journal", "key": f"PMT line {n}", "old": {}, "new": line}
            for n in (1, 2)
        ],
        "outside": [
            {
                "change": "changed",
                "sheet": "Journal",
                "key": "Journal!A12",
                "old": {"Debit": "100.00"},
                "new": {"Debit": "1000.00"},
            }
        ],
        "anchor": None,
        "books": "books.xlsx",
    }


def write_log(path: Path, entries: int) -> None:
    prev = log.ZERO
    with path.open("wb") as handle:
        for seq in range(1, entries + 1):
            entry = _entry(seq)
            entry["seq"], entry["prev"] = seq, prev
            line = log.canonical(entry)
            handle.write(line + b"\n")
            prev = log.entry_hash(line)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--entries", type=int, default=100_000)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "books.xlbo-log.jsonl"
        started = time.perf_counter()
        write_log(path, args.entries)
        made = time.perf_counter() - started
        size = path.stat().st_size
        print(f"log: {args.entries:,} entries, {size / 1e6:.1f} MB (written in {made:.1f} s)")

        started = time.perf_counter()
        check = log.verify_chain(log.read_lines(path))
        verified = time.perf_counter() - started
        if not check.intact or check.entries != args.entries:
            raise SystemExit(f"the chain did not verify: {check.problem}")

        started = time.perf_counter()
        digest = hashlib.sha256(path.read_bytes()).hexdigest()
        hashed = time.perf_counter() - started

        started = time.perf_counter()
        log.append_entry(path, lambda seq, prev, last: _entry(seq))
        appended = time.perf_counter() - started

        lines = path.read_bytes().split(b"\n")
        lines[args.entries // 2] = lines[args.entries // 2].replace(b"asha", b"asHa", 1)
        path.write_bytes(b"\n".join(lines))
        started = time.perf_counter()
        broken = log.verify_chain(log.read_lines(path))
        found = time.perf_counter() - started

    print(f"verify_chain (every entry parsed and hashed):    {verified:6.2f} s")
    print(f"hashlib over the file once (plain alternative):  {hashed:6.2f} s  ({digest[:12]}…)")
    print(f"append one entry to the full log:                {appended * 1000:6.1f} ms")
    print(
        f"one byte changed in entry {args.entries // 2 + 1:,}: found at entry {broken.broken_at:,} "
        f"in {found:.2f} s"
    )


if __name__ == "__main__":
    main()
