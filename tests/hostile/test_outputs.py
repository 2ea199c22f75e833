"""Outputs that are never half-written, never lost, and readable by colleagues (#12: "Killed
runs", "Permissions", "A user's work overwritten", "Atomic result sets").

- Kill tests: a reconciliation of a few thousand UPI lines from CSV writes `brs.xlsx` and four
  CSVs as one set. SIGKILL, SIGTERM and SIGINT land while that set is being written (the test
  watches the run's temporary folder and signals when a given file appears in it). Right after,
  the folder holds exactly the earlier set or exactly the new one (plus, after a SIGKILL, the
  temporary folder); after the next run, the new set and its previous copies and nothing else.
- The output path checked at the door: exit 2 and one sentence, nothing written.
- A rerun keeps the earlier output as NAME (previous) for reconcile (with the user's Accept and
  Reject marks, which --confirm still applies), report, payroll and validate.
- Permissions under umask 022 and 077.
"""

from __future__ import annotations

import hashlib
import os
import shutil
import signal
import stat
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import openpyxl
import pytest

from tests.hostile.harness import AUDIT, MEMORY_LIMIT_MB, Folder, as_from_a_terminal, run_xlbo
from xlbo.book.atomic import TEMP_PREFIX
from xlbo.cli import main

TARGETS = (
    "brs.xlsx",
    "brs-matches.csv",
    "brs-unmatched-bank.csv",
    "brs-unmatched-ledger.csv",
    "brs-suggestions.csv",
)
PREVIOUS = {name: name.replace(".", " (previous).", 1) for name in TARGETS}
LINES = 2_000


def content(path: Path) -> str:
    """What a file holds: for a workbook the values of its sheets, inputs named without the
    folder they were in (the hidden Run sheet names them in full)."""
    if path.suffix == ".xlsx":
        book = openpyxl.load_workbook(path, read_only=True)
        values = [
            [sheet.title, *(Path(v).name if isinstance(v, str) and "/" in v else v for v in row)]
            for sheet in book.worksheets
            for row in sheet.iter_rows(values_only=True)
        ]
        book.close()
        return hashlib.sha256(repr(values).encode()).hexdigest()
    return hashlib.sha256(path.read_bytes()).hexdigest()


def state(folder: Path) -> dict[str, str]:
    """Every file a user sees, by name; leftovers (hidden temporaries) and the audit log (a
    run stopped after its set went into place is not logged) apart."""
    return {
        str(p.relative_to(folder)): content(p)
        for p in sorted(folder.rglob("*"))
        if p.is_file()
        and not p.relative_to(folder).parts[0].startswith(".")
        and not p.name.endswith(AUDIT)
    }


def leftovers(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir() if p.name.startswith("."))


def reconcile_args(ledger: str) -> list[str]:
    return ["reconcile", "--bank", "bank.csv", "--ledger", ledger, "--out", "brs.xlsx"]


@pytest.fixture(scope="module")
def upi(tmp_path_factory: pytest.TempPathFactory) -> dict[str, object]:
    """A folder holding the old set (from ledger-a.csv), and what the new set (from
    ledger-b.csv, a few receipts fewer) and its previous copies look like."""
    from xlbo.demo.collections import build_collections

    folder = tmp_path_factory.mktemp("upi")
    made = build_collections(folder / "made", lines=LINES)
    shutil.copy(made.statement, folder / "bank.csv")
    shutil.copy(made.ledger, folder / "ledger-a.csv")
    text = made.ledger.read_text(encoding="utf-8-sig").splitlines(keepends=True)
    (folder / "ledger-b.csv").write_text("".join(text[:-40]), encoding="utf-8")
    shutil.rmtree(folder / "made")
    run = run_xlbo(*reconcile_args("ledger-a.csv"), cwd=folder)
    assert run.code in (0, 1), run.said
    old = state(folder)
    renewed = tmp_path_factory.mktemp("renewed")
    shutil.copytree(folder, renewed, dirs_exist_ok=True)
    run = run_xlbo(*reconcile_args("ledger-b.csv"), cwd=renewed)
    assert run.code in (0, 1), run.said
    assert "Kept your earlier brs.xlsx as brs (previous).xlsx" in run.out
    new = state(renewed)
    assert all(new[PREVIOUS[n]] == old[n] for n in TARGETS)
    assert all(new[n] != old[n] for n in ("brs.xlsx", "brs-unmatched-ledger.csv"))
    return {"folder": folder, "old": old, "new": new}


def signal_while_writing(folder: Path, signum: int, when: str) -> tuple[int, str, bool]:
    """Start the new reconciliation; send `signum` as soon as `when` shows in its temporary
    folder (`stage`: the folder itself). Return the run's exit status, what it said on stderr
    and whether the signal was sent while the set was still being written."""
    process = subprocess.Popen(
        [sys.executable, "-m", "xlbo", *reconcile_args("ledger-b.csv")],
        cwd=folder,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        preexec_fn=as_from_a_terminal,
    )
    deadline = time.monotonic() + 60
    sent = False
    while process.poll() is None and time.monotonic() < deadline:
        stages = [p for p in folder.iterdir() if p.name.startswith(TEMP_PREFIX) and p.is_dir()]
        try:
            staged = {name for stage in stages for name in os.listdir(stage)}
        except OSError:  # moved in meanwhile
            staged = set()
        if stages and (when == "stage" or when in staged):
            process.send_signal(signum)
            sent = True
            break
        time.sleep(0.0005)
    _, err = process.communicate(timeout=60)
    return process.returncode, err.decode(), sent


@pytest.mark.parametrize(
    ("signum", "when"),
    [
        (signal.SIGKILL, "stage"),  # the first CSV being written
        (signal.SIGKILL, "brs.xlsx"),  # the workbook being written
        (signal.SIGKILL, ".commit"),  # complete, being moved into place
        (signal.SIGTERM, "brs-unmatched-ledger.csv"),
        (signal.SIGINT, "brs.xlsx"),
    ],
    ids=[
        "kill-9-first-csv",
        "kill-9-workbook",
        "kill-9-moving-in",
        "sigterm-csvs",
        "ctrl-c-workbook",
    ],
)
def test_a_killed_run_leaves_the_old_set_or_the_new_one(
    upi: dict[str, object], tmp_path: Path, signum: int, when: str
) -> None:
    old, new = upi["old"], upi["new"]
    assert isinstance(old, dict) and isinstance(new, dict) and isinstance(upi["folder"], Path)
    shutil.copytree(upi["folder"], tmp_path, dirs_exist_ok=True)
    code, said, sent = signal_while_writing(tmp_path, signum, when)
    assert sent, f"the run ended before {when} was written"
    after = state(tmp_path)
    # a kill -9 in the middle of the moves (a few renames) leaves the list of them: the next
    # run finishes them
    moving = any((tmp_path / name / ".commit").is_file() for name in leftovers(tmp_path))
    assert after in (old, new) or (when == ".commit" and moving), "a mixed set of old and new files"
    if signum == signal.SIGKILL:
        assert code == -signal.SIGKILL
        if when != ".commit":
            assert after == old and leftovers(tmp_path), "the kill did not land while writing"
    else:  # the run stops itself: the stage removed at once, the old set whole
        if code == 0:
            # the signal raced the end of the run: seen in the stage, it reached a run already
            # moving its set in (stop signals blocked) and past the point where it stops; the
            # run finished, and then the new set must be whole, with nothing left behind
            assert after == new and leftovers(tmp_path) == [], said
            return
        assert code == 128 + signum, said
        assert "stopped" in said and "Traceback" not in said
        assert leftovers(tmp_path) == []
        assert after in (old, new)
        return

    rerun = run_xlbo(*reconcile_args("ledger-b.csv"), cwd=tmp_path)
    assert rerun.code in (0, 1), rerun.said
    assert rerun.peak_mb < MEMORY_LIMIT_MB
    assert leftovers(tmp_path) == []
    final = state(tmp_path)
    assert set(final) == set(new)
    assert [n for n in TARGETS if final[n] != new[n]] == []
    assert all(final[PREVIOUS[n]] in (old[n], new[n]) for n in TARGETS)


# ---------------------------------------------------------------------------- at the door


@pytest.mark.parametrize(
    ("args", "said"),
    [
        (
            ["payroll", "master.xlsx", "--month", "2026-10", "--out", "master.xlsx"],
            "--out master.xlsx is master.xlsx, which the job reads",
        ),
        (
            ["payroll", "master.xlsx", "--month", "2026-10", "--out", "notes.txt"],
            "is a file; xlbo writes a folder of files there",
        ),
        (
            [
                "reconcile",
                "--bank",
                "bank.csv",
                "--ledger",
                "ledger.csv",
                "--out",
                "notes.txt/brs.xlsx",
            ],
            "notes.txt is a file, not a folder",
        ),
        (
            [
                "report",
                "trial-balance",
                "master.xlsx",
                "--period",
                "2026-10",
                "--out",
                "/sys/tb.xlsx",
            ],
            "xlbo cannot write in the folder /sys",
        ),
        (["validate", "master.xlsx", "--out", "reports"], "--out reports is a folder"),
        (["demo", "notes.txt"], "The demo folder notes.txt is a file; xlbo writes a folder"),
        (
            ["workbooks", "build", "--out", "/proc/xlbo/workbooks"],
            "cannot write in the folder /proc",
        ),
    ],
    ids=[
        "payroll-out-is-input",
        "payroll-out-is-file",
        "reconcile-out-under-file",
        "report-out-unwritable",
        "validate-out-is-folder",
        "demo-folder-is-file",
        "workbooks-folder-cannot-be-made",
    ],
)
def test_an_output_that_cannot_be_written_is_refused_at_the_door(
    tmp_path: Path, args: list[str], said: str
) -> None:
    if os.geteuid() != 0 and "/sys" in " ".join(args):
        pytest.skip("/sys is writable only to root's refusal; as a user any read-only folder is")
    (tmp_path / "master.xlsx").write_bytes(b"PK\x03\x04 a master")
    (tmp_path / "bank.csv").write_text("Date,Narration,Amount\n")
    (tmp_path / "ledger.csv").write_text("Date,Particulars,Debit,Credit\n")
    (tmp_path / "notes.txt").write_text("my notes")
    (tmp_path / "reports").mkdir()
    folder = Folder(tmp_path)
    outcome = run_xlbo(*args, cwd=tmp_path)
    outcome.plain()
    assert said in outcome.err
    assert outcome.err.count("\n") <= 2
    assert outcome.peak_mb < MEMORY_LIMIT_MB
    folder.unchanged()


# ---------------------------------------------------------------------------- previous kept


@pytest.fixture(scope="module")
def demo(tmp_path_factory: pytest.TempPathFactory) -> Path:
    from xlbo.demo import build_demo

    folder = tmp_path_factory.mktemp("demo")
    build_demo(folder)
    return folder


def rerun(capsys: pytest.CaptureFixture[str], args: list[str]) -> Iterator[tuple[int, str]]:
    """Run the same command twice; each run's exit code and terminal output."""
    for _ in range(2):
        code = main(args)
        captured = capsys.readouterr()
        yield code, captured.out + captured.err


def copy_demo(demo: Path, folder: Path, *names: str) -> None:
    for name in names:
        shutil.copy(demo / name, folder / name)


def test_reconcile_keeps_the_marked_up_brs_and_confirm_still_applies_it(
    demo: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    copy_demo(demo, tmp_path, "hdfc-statement-2026-10.xlsx", "tally-hdfc-ledger-2026-10.xlsx")
    brs = tmp_path / "brs.xlsx"
    args = [
        "reconcile",
        "--bank",
        str(tmp_path / "hdfc-statement-2026-10.xlsx"),
        "--ledger",
        str(tmp_path / "tally-hdfc-ledger-2026-10.xlsx"),
        "--out",
        str(brs),
    ]
    assert main(args) in (0, 1)
    first = capsys.readouterr().out
    matches = int(first.split(" matches")[0].split()[-1])
    book = openpyxl.load_workbook(brs)
    sheet = book["Matches"]
    headers = [c.value for c in sheet[1]]
    sheet.cell(2, headers.index("Reject") + 1, "Yes")  # the user's mark
    book.save(brs)
    marked = brs.read_bytes()

    assert main(["reconcile", "--confirm", str(brs)]) in (0, 1)
    out = capsys.readouterr().out
    assert "Kept your earlier brs.xlsx as brs (previous).xlsx." in out
    assert (tmp_path / "brs (previous).xlsx").read_bytes() == marked
    assert f"{matches - 1} matches" in out  # the rejected pair left open in the new BRS
    assert sorted(p.name for p in tmp_path.iterdir() if not p.name.endswith(AUDIT)) == sorted(
        [
            "hdfc-statement-2026-10.xlsx",
            "tally-hdfc-ledger-2026-10.xlsx",
            "brs.xlsx",
            "brs (previous).xlsx",
        ]
    )


def test_report_and_validate_keep_the_earlier_report(
    demo: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    copy_demo(demo, tmp_path, "books-2026-10.xlsx", "master.xlsx")
    out = tmp_path / "tb.xlsx"
    report = [
        "report",
        "trial-balance",
        str(tmp_path / "books-2026-10.xlsx"),
        "--master",
        str(tmp_path / "master.xlsx"),
        "--period",
        "2026-10",
        "--out",
        str(out),
    ]
    (code, said), (again, said_again) = rerun(capsys, report)
    assert code == again and "Kept your earlier" not in said
    assert said_again.rstrip().endswith("Kept your earlier tb.xlsx as tb (previous).xlsx.")
    assert content(tmp_path / "tb (previous).xlsx") == content(out)  # same books, same report

    check = ["validate", str(tmp_path / "master.xlsx")]
    (code, said), (again, said_again) = rerun(capsys, check)
    assert code == again == 1  # the demo plants mistakes
    assert "Kept your earlier master-issues.xlsx as master-issues (previous).xlsx." in said_again
    assert sorted(p.name for p in tmp_path.iterdir() if not p.name.endswith(AUDIT)) == sorted(
        [
            "books-2026-10.xlsx",
            "master.xlsx",
            "tb.xlsx",
            "tb (previous).xlsx",
            "master-issues.xlsx",
            "master-issues (previous).xlsx",
        ]
    )


def test_payroll_keeps_the_earlier_month_and_its_payslips(
    demo: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    copy_demo(demo, tmp_path, "master.xlsx")
    out = tmp_path / "payroll"
    args = ["payroll", str(tmp_path / "master.xlsx"), "--month", "2026-10", "--out", str(out)]
    (code, _), (again, said_again) = rerun(capsys, args)  # payslips: the folder is one unit
    assert code == again
    assert (
        "Kept your earlier payroll-register-2026-10.xlsx as payroll-register-2026-10 "
        "(previous).xlsx (and 4 more of that run's files, each as NAME (previous))."
    ) in said_again
    names = sorted(p.name for p in out.iterdir())
    assert names == sorted(
        [
            "payroll-register-2026-10.xlsx",
            "ecr-2026-10.txt",
            "esi-2026-10.xlsx",
            "bank-salary-2026-10.csv",
            "payslips-2026-10",
            "payroll-register-2026-10 (previous).xlsx",
            "ecr-2026-10 (previous).txt",
            "esi-2026-10 (previous).xlsx",
            "bank-salary-2026-10 (previous).csv",
            "payslips-2026-10 (previous)",
        ]
    )
    slips = sorted(p.name for p in (out / "payslips-2026-10").iterdir())
    assert slips == sorted(p.name for p in (out / "payslips-2026-10 (previous)").iterdir())
    assert (out / "ecr-2026-10.txt").read_bytes() == (
        out / "ecr-2026-10 (previous).txt"
    ).read_bytes()


@pytest.mark.parametrize(("mask", "mode"), [(0o022, 0o644), (0o077, 0o600)])
def test_outputs_follow_the_umask(
    demo: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str], mask: int, mode: int
) -> None:
    copy_demo(demo, tmp_path, "master.xlsx")
    os.chmod(tmp_path / "master.xlsx", 0o644)
    earlier = os.umask(mask)
    try:
        main(["payroll", str(tmp_path / "master.xlsx"), "--month", "2026-10", "--no-payslips",
              "--out", str(tmp_path / "payroll")])  # fmt: skip
        main(["validate", str(tmp_path / "master.xlsx")])
    finally:
        os.umask(earlier)
    capsys.readouterr()
    written = [
        *(tmp_path / "payroll").rglob("*"),
        tmp_path / "payroll",
        tmp_path / "master-issues.xlsx",
    ]
    assert len(written) == 6
    for path in written:
        expected = mode | (0o111 & ~mask if path.is_dir() else 0)
        assert stat.S_IMODE(path.stat().st_mode) == expected, path


def test_payroll_stopped_among_the_payslips_leaves_the_earlier_month_whole(
    demo: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    import xlbo.jobs.payroll as job

    copy_demo(demo, tmp_path, "master.xlsx")
    out = tmp_path / "payroll"
    args = ["payroll", str(tmp_path / "master.xlsx"), "--month", "2026-10", "--out", str(out)]
    main(args)
    capsys.readouterr()

    def files() -> dict[str, tuple[int, bytes]]:  # the very files: same inode, same bytes
        return {
            str(p.relative_to(out)): (p.stat().st_ino, p.read_bytes())
            for p in out.rglob("*")
            if p.is_file()
        }

    before = files()
    real, written = job.write_payslip, []

    def then_sigterm(*args: object, **kwargs: object) -> Path:
        path = real(*args, **kwargs)  # type: ignore[arg-type]
        written.append(path)
        if len(written) == 10:  # the operator stops the run among the payslips
            os.kill(os.getpid(), signal.SIGTERM)
        return path

    monkeypatch.setattr(job, "write_payslip", then_sigterm)
    assert main(args) == 128 + signal.SIGTERM
    assert "xlbo: stopped." in capsys.readouterr().err
    assert len(written) == 10
    assert files() == before  # no new register beside old payslips, no temporary folder
    assert sorted(p.name for p in out.iterdir() if p.name.startswith(".")) == []


def test_init_force_keeps_the_master_it_replaces(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    master = tmp_path / "master.xlsx"
    assert main(["init", str(master)]) == 0
    filled = master.read_bytes()  # stands for the user's filled-in master
    assert main(["init", str(master)]) == 2  # without --force: refused, nothing written
    assert main(["init", str(master), "--force"]) == 0
    assert "Kept your earlier master.xlsx as master (previous).xlsx." in capsys.readouterr().out
    assert (tmp_path / "master (previous).xlsx").read_bytes() == filled
    assert sorted(p.name for p in tmp_path.iterdir()) == ["master (previous).xlsx", "master.xlsx"]
