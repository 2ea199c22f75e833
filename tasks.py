#!/usr/bin/env python3
"""Set up and run xlbo's everyday tasks with nothing but Python installed.

    python3 tasks.py demo     # make .venv, install xlbo, build the demo company, run every job
    python3 tasks.py test     # make .venv, install xlbo with its test tools, run lint, types, tests

On Windows use `py tasks.py demo` / `py tasks.py test`. The virtual environment lives in .venv
and is reused; it is refreshed when pyproject.toml changes.
"""

from __future__ import annotations

import hashlib
import os
import subprocess
import sys
import venv
from pathlib import Path

ROOT = Path(__file__).resolve().parent
VENV = ROOT / ".venv"
BIN = VENV / ("Scripts" if os.name == "nt" else "bin")
PYTHON = BIN / ("python.exe" if os.name == "nt" else "python")
STAMP = VENV / ".xlbo-install-stamp"


def run(*command: str | Path) -> int:
    print("+", " ".join(str(c) for c in command), flush=True)
    return subprocess.call([str(c) for c in command], cwd=ROOT)


def ensure_venv(extras: str) -> None:
    """Create .venv and install xlbo (editable) with `extras`, when anything changed."""
    if not PYTHON.exists():
        print(f"Creating the virtual environment in {VENV}", flush=True)
        venv.EnvBuilder(with_pip=True).create(VENV)
    wanted = hashlib.sha256((ROOT / "pyproject.toml").read_bytes() + extras.encode()).hexdigest()
    if STAMP.exists() and STAMP.read_text() == wanted:
        return
    spec = f".[{extras}]" if extras else "."
    for command in (
        (PYTHON, "-m", "pip", "install", "--quiet", "--upgrade", "pip"),
        (PYTHON, "-m", "pip", "install", "--quiet", "-e", spec),
    ):
        if run(*command) != 0:
            sys.exit("Installing xlbo failed; see the messages above.")
    STAMP.write_text(wanted)


def demo(args: list[str]) -> int:
    ensure_venv("")
    outdir = args[0] if args else "out/demo"
    return run(PYTHON, "-m", "xlbo", "demo", outdir)


def test(args: list[str]) -> int:
    ensure_venv("dev")
    checks = [
        ("ruff check", (PYTHON, "-m", "ruff", "check", ".")),
        ("ruff format", (PYTHON, "-m", "ruff", "format", "--check", ".")),
        ("mypy", (PYTHON, "-m", "mypy")),
    ]
    failed = [name for name, command in checks if run(*command) != 0]
    # on every core, up to four (pytest-xdist), unless told how many (`-n 0`: one process)
    told = any(a.startswith(("-n", "--numprocesses")) for a in args)
    spread = [] if told else ["-n", "auto", "--maxprocesses", "4"]
    code = run(PYTHON, "-m", "pytest", *spread, *args)
    if code == 5:
        print("pytest collected no tests: that is a failure here.", flush=True)
    if code != 0:
        failed.append("pytest")
    if failed:
        print(f"FAILED: {', '.join(failed)}", flush=True)
        return 1
    print("All checks passed.", flush=True)
    return 0


def main() -> int:
    tasks = {"demo": demo, "test": test}
    if len(sys.argv) < 2 or sys.argv[1] not in tasks:
        print(__doc__)
        return 2
    return tasks[sys.argv[1]](sys.argv[2:])


if __name__ == "__main__":
    sys.exit(main())
