"""The `xlbo` command's process ends at once once its job is done (`xlbo.entry._ended`), yet loses
nothing: what it printed, what it registered to run at exit, a thread still writing."""

from __future__ import annotations

import dataclasses
import gc
import subprocess
import sys
from pathlib import Path

import openpyxl
import pytest

from xlbo.errors import UserError


def ended(tmp_path: Path, body: str) -> subprocess.CompletedProcess[str]:
    script = tmp_path / "job.py"
    script.write_text(
        "import atexit, sys, threading, time\nfrom xlbo.entry import _ended\n" + body,
        encoding="utf-8",
    )
    return subprocess.run(
        [sys.executable, str(script)], capture_output=True, text=True, cwd=tmp_path, timeout=60
    )


def test_what_was_printed_and_registered_at_exit_is_done_and_the_code_kept(
    tmp_path: Path,
) -> None:
    done = ended(
        tmp_path,
        "atexit.register(lambda: open('removed.txt', 'w').write('temporary folder removed'))\n"
        "print('85 matches', end='')\n"
        "print('1 warning', end='', file=sys.stderr)\n"
        "_ended(1)\n",
    )
    assert done.returncode == 1
    assert done.stdout == "85 matches"  # no newline: still buffered when the job ended
    assert done.stderr == "1 warning"
    assert (tmp_path / "removed.txt").read_text() == "temporary folder removed"


def test_the_exit_code_holds_when_the_command_starts_with_its_output_closed(
    tmp_path: Path,
) -> None:
    """A scheduler that closes stderr (`2>&-`) or stdout: Python gives the program None for
    it, and the job's exit code (0, 1, 2) must still be the process's, not 1 and a traceback."""
    for closed in ("stderr", "stdout"):
        for code in (0, 2):
            done = subprocess.run(
                [
                    sys.executable,
                    "-c",
                    f"import sys; from xlbo.entry import _ended; sys.{closed} = None; _ended({code})",
                ],
                capture_output=True,
                text=True,
                timeout=60,
            )
            assert done.returncode == code, (closed, done.stderr)
            assert "Traceback" not in done.stderr


def test_a_thread_still_writing_finishes_before_the_process_ends(tmp_path: Path) -> None:
    done = ended(
        tmp_path,
        "def late():\n"
        "    time.sleep(0.5)\n"
        "    open('brs.csv', 'w').write('Bank Row,Ledger Row')\n"
        "threading.Thread(target=late).start()\n"
        "_ended(0)\n",
    )
    assert done.returncode == 0, done.stderr
    assert (tmp_path / "brs.csv").read_text() == "Bank Row,Ledger Row"


def test_a_job_run_as_a_command_writes_its_result_and_exits_with_its_code(tmp_path: Path) -> None:
    """The whole command as a user runs it: the workbook it wrote whole and in place, what it
    found printed."""
    master = tmp_path / "master.xlsx"

    def xlbo(*argv: str) -> subprocess.CompletedProcess[str]:
        return subprocess.run(
            [sys.executable, "-m", "xlbo", *argv],
            capture_output=True,
            text=True,
            cwd=tmp_path,
            timeout=120,
        )

    made = xlbo("init", str(master))
    assert made.returncode == 0, made.stderr
    checked = xlbo("validate", str(master))
    assert checked.returncode == 0, checked.stderr
    assert "Traceback" not in checked.stderr
    assert "master.xlsx: 0 errors, 0 warnings, 0 notes." in checked.stdout
    assert "Employees" in openpyxl.load_workbook(master, read_only=True).sheetnames
    report = openpyxl.load_workbook(tmp_path / "master-issues.xlsx", read_only=True)
    assert report.sheetnames


def test_a_job_runs_with_the_collector_eased_and_leaves_it_as_it_was(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    """Every door runs a job through `registry.run`: during the job the oldest objects are
    looked through 10 times less often; after it, even one that fails, as before."""
    from xlbo.jobs import registry

    seen: list[tuple[int, int, int]] = []

    def runner(inputs: object, settings: object) -> registry.JobResult:
        seen.append(gc.get_threshold())
        raise UserError("the statement could not be read")

    job = registry.JOBS["demo"]
    monkeypatch.setitem(registry.JOBS, "demo", dataclasses.replace(job, runner=runner))
    before = gc.get_threshold()
    with pytest.raises(UserError, match="could not be read"):
        registry.run("demo", {}, job.settings(outdir=tmp_path))
    assert seen == [(700, 10, 100)]
    assert gc.get_threshold() == before
