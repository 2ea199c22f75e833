"""Run `xlbo` on a hostile input in its own process and record what a user would see.

Every case of the hostile-input corpus goes through `run_xlbo`: a fresh process (so a crash, an
abort or a runaway allocation cannot take the test run with it), its exit code, its output, and its
peak memory as the kernel counted it (`wait4`'s maximum resident set). `Folder` snapshots a folder
before the run so a case can assert that inputs were not changed and no stray files were left.
"""

from __future__ import annotations

import hashlib
import os
import signal
import subprocess
import sys
import time
from dataclasses import dataclass
from pathlib import Path

#: The bound #12 sets for every hostile input.
MEMORY_LIMIT_MB = 2048
#: A case that takes longer than this is a hang.
TIME_LIMIT_S = 120.0


@dataclass(frozen=True)
class Outcome:
    code: int
    out: str
    err: str
    peak_mb: float
    seconds: float

    @property
    def said(self) -> str:
        """Everything the user saw on the terminal."""
        return self.out + self.err

    def plain(self) -> None:
        """Assert the run failed the way bad input should: exit 2, a sentence, no traceback."""
        assert self.code == 2, f"exit {self.code}, expected 2\n{self.said}"
        assert "Traceback" not in self.said, self.said
        assert "internal error" not in self.said.lower(), self.said
        assert self.err.strip(), "no message on stderr"


WATCHER = """
import os, sys
pid = os.fork()
if pid == 0:
    os.execv(sys.executable, [sys.executable, "-m", "xlbo", *sys.argv[2:]])
_, status, usage = os.wait4(pid, 0)
with open(sys.argv[1], "w") as peak:
    peak.write(str(usage.ru_maxrss))
code = os.waitstatus_to_exitcode(status)
sys.exit(128 - code if code < 0 else code)
"""
"""A small process that runs xlbo and reports its peak memory. Linux carries a process's peak
resident size over fork and exec, so xlbo started straight from pytest would report pytest's own
peak when that is larger; started from this small watcher it reports its own."""


def run_xlbo(*args: str | Path, cwd: Path, timeout: float = TIME_LIMIT_S) -> Outcome:
    """Run `python -m xlbo ARGS` in `cwd`; exit code, output and that process's own peak memory."""
    started = time.perf_counter()
    out_path = cwd / ".xlbo-case.out"
    err_path = cwd / ".xlbo-case.err"
    peak_path = cwd / ".xlbo-case.peak"
    with out_path.open("w") as out_file, err_path.open("w") as err_file:
        process = subprocess.Popen(
            [sys.executable, "-c", WATCHER, str(peak_path), *map(str, args)],
            cwd=cwd,
            stdout=out_file,
            stderr=err_file,
            env={**os.environ, "PYTHONUNBUFFERED": "1", "COLUMNS": "200"},
            start_new_session=True,
        )
        try:
            code = process.wait(timeout=timeout)
        except subprocess.TimeoutExpired:
            os.killpg(process.pid, 9)
            process.wait()
            for path in (out_path, err_path, peak_path):
                path.unlink(missing_ok=True)
            raise AssertionError(
                f"xlbo {' '.join(map(str, args))} hung for {timeout:.0f} s"
            ) from None
    seconds = time.perf_counter() - started
    out, err = out_path.read_text(), err_path.read_text()
    peak_kb = int(peak_path.read_text()) if peak_path.exists() else 0
    for path in (out_path, err_path, peak_path):
        path.unlink(missing_ok=True)
    return Outcome(code=code, out=out, err=err, peak_mb=peak_kb / 1024, seconds=seconds)


AUDIT = (".xlbo-log.jsonl", ".xlbo-snapshot.json")
"""The audit trail (issue 16) beside the books of every run that wrote or posted: no stray file."""


class Folder:
    """A snapshot of a folder's files (name → sha256), to compare after a run."""

    def __init__(self, root: Path) -> None:
        self.root = root
        self.before = self._hashes()

    def _hashes(self) -> dict[str, str]:
        return {
            str(path.relative_to(self.root)): hashlib.sha256(path.read_bytes()).hexdigest()
            for path in sorted(self.root.rglob("*"))
            if path.is_file()
        }

    def unchanged(self) -> None:
        """Assert every file is as it was and nothing was added (failed runs write nothing)."""
        after = self._hashes()
        changed = [name for name in self.before if after.get(name) != self.before[name]]
        added = sorted(set(after) - set(self.before))
        assert not changed, f"inputs changed: {changed}"
        assert not added, f"stray files left: {added}"

    def inputs_unchanged(self) -> list[str]:
        """Assert the files that were there are unchanged; return the names added by the run
        (but the audit log and snapshot a run that wrote leaves beside its books, `AUDIT`)."""
        after = {k: v for k, v in self._hashes().items() if not k.endswith(AUDIT)}
        changed = [name for name in self.before if after.get(name, "") != self.before[name]]
        changed = [name for name in changed if not name.endswith(AUDIT)]
        assert not changed, f"inputs changed: {changed}"
        return sorted(set(after) - set(self.before))


def as_from_a_terminal() -> None:
    """`preexec_fn` of a run a test sends Ctrl+C to: SIGINT back to its default, as in a terminal.
    A test run started in the background (`cmd &`, some CI runners) ignores SIGINT, and every
    process it starts inherits that, so Python in the child would never see the Ctrl+C."""
    signal.signal(signal.SIGINT, signal.SIG_DFL)
