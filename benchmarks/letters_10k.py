"""Benchmark: appointment letters for 10,000 employees, peak memory and time.

    .venv/bin/python benchmarks/letters_10k.py [--rows 10000]

The master is the demo company's with its employees repeated under new IDs to `--rows` rows.
It runs `xlbo letters appointment --data MASTER --out DIR --no-pdf` in its own process and
reads that process's peak memory (ru_maxrss of the child). Beside it, the obvious alternative
in the same run: a plain script that merges the template with docxtpl (and xlbo's filters) row
by row and writes each letter straight to disk, no checks, no mail drafts.

Target (issue 14, session 7): peak memory under 500 MB at 10,000 rows (it was 1.4 GB when the
job held every letter in memory).
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
import textwrap
import time
from pathlib import Path

from xlbo.book import write_workbook
from xlbo.demo import build_demo
from xlbo.master.load import load
from xlbo.master.template import master_sheets


def make_master(folder: Path, rows: int) -> Path:
    demo = build_demo(folder / "demo")
    data, _ = load(demo.master)
    known = list(data.employees)
    employees = [
        known[n % len(known)].model_copy(update={"employee_id": f"E{n:05d}"}) for n in range(rows)
    ]
    sheets = master_sheets(
        {"Company": [data.company] if data.company else [], "Employees": employees},
        "Benchmark",
    )
    return write_workbook(folder / f"staff-{rows}.xlsx", sheets)


def child_peak(command: list[str]) -> tuple[float, float, int]:
    """Run `command`; its seconds, its own peak memory (MB, from wait4) and its exit code."""
    started = time.perf_counter()
    process = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    _, status, usage = os.wait4(process.pid, 0)
    took = time.perf_counter() - started
    code = os.waitstatus_to_exitcode(status)
    if code not in (0, 1):
        error = process.stderr.read().decode()[-500:] if process.stderr else ""
        raise SystemExit(f"{' '.join(command[:4])} … exited {code}: {error}")
    return took, usage.ru_maxrss / 1024, code


PLAIN = textwrap.dedent(
    """
    import sys
    from pathlib import Path
    import python_calamine
    from docxtpl import DocxTemplate
    from xlbo.letters.shipped import SHIPPED
    from xlbo.letters.template import _environment  # xlbo's filters (mask, inr)
    from xlbo.words import Language
    book, out = sys.argv[1], Path(sys.argv[2])
    out.mkdir()
    rows = python_calamine.CalamineWorkbook.from_path(book).get_sheet_by_name("Employees")
    rows = rows.to_python()
    header = [str(h) for h in rows[0]]
    source = SHIPPED["appointment"].docx(Language.EN)
    import io
    class Blank(str):  # any name the row does not give (company.name, today): blank
        def __getattr__(self, name):
            if name.startswith("_"):
                raise AttributeError(name)
            return Blank()
        def __call__(self, *args, **kwargs):
            return Blank()
    environment = _environment(Language.EN)
    names = DocxTemplate(io.BytesIO(source)).get_undeclared_template_variables(environment)
    for row in rows[1:]:
        fields = {name: Blank() for name in names}
        fields.update({h.replace(" ", "_"): str(v) for h, v in zip(header, row)})
        letter = DocxTemplate(io.BytesIO(source))
        letter.render(fields, jinja_env=environment, autoescape=True)
        letter.save(out / f"{fields['Employee_ID']}.docx")
    """
)


def main() -> None:
    options = argparse.ArgumentParser(description=__doc__)
    options.add_argument("--rows", type=int, default=10_000)
    args = options.parse_args()
    with tempfile.TemporaryDirectory() as name:
        folder = Path(name)
        master = make_master(folder, args.rows)
        job = [sys.executable, "-m", "xlbo", "letters", "appointment", "--data", str(master),
               "--out", str(folder / "out"), "--no-pdf"]  # fmt: skip
        took, peak, code = child_peak(job)
        letters = len(list((folder / "out").glob("*.docx")))
        plain = [sys.executable, "-c", PLAIN, str(master), str(folder / "plain")]
        plain_took, plain_peak, plain_code = child_peak(plain)
        if plain_code:
            raise SystemExit("the plain docxtpl loop failed")
        print(
            f"{args.rows:,} rows → {letters:,} letters: xlbo letters {took:.1f} s, peak "
            f"{peak:,.0f} MB (target < 500 MB; exit {code}); the plain docxtpl loop "
            f"{plain_took:.1f} s, peak {plain_peak:,.0f} MB",
            flush=True,
        )


if __name__ == "__main__":
    main()
