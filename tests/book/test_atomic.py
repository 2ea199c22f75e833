"""Result sets: all of a run's files or none, earlier outputs kept as NAME (previous), usual
permissions, and what a killed run left tidied by the next one."""

from __future__ import annotations

import errno
import json
import os
import signal
import stat
from collections.abc import Iterator
from pathlib import Path

import pandas as pd
import pytest

from xlbo.book import ResultSheet, write_workbook
from xlbo.book.atomic import (
    TEMP_PREFIX,
    Stopped,
    atomic_path,
    check_output_file,
    check_output_folder,
    clear_leftovers,
    collect_kept,
    result_set,
)
from xlbo.book.flat import write_flat
from xlbo.errors import FileProblem


def files(folder: Path) -> dict[str, bytes]:
    """Every file under `folder` (hidden ones too) by its relative name."""
    return {
        str(p.relative_to(folder)): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()
    }


def write_set(folder: Path, text: str) -> None:
    """A BRS-like set: a workbook-stand-in and a CSV beside it."""
    with result_set(folder):
        with atomic_path(folder / "brs.xlsx") as temporary:
            temporary.write_text(f"workbook {text}")
        write_flat(folder / "brs-matches.csv", pd.DataFrame({"Match": [text]}))


@pytest.fixture
def umask() -> Iterator[None]:
    earlier = os.umask(0o022)
    yield
    os.umask(earlier)


def test_all_of_a_run_or_none_of_it(tmp_path: Path) -> None:
    write_set(tmp_path, "old")
    before = files(tmp_path)
    with pytest.raises(RuntimeError), result_set(tmp_path):
        with atomic_path(tmp_path / "brs.xlsx") as temporary:
            temporary.write_text("workbook new")
        write_flat(tmp_path / "brs-matches.csv", pd.DataFrame({"Match": ["new"]}))
        assert files(tmp_path) != before  # staged beside the targets…
        assert (tmp_path / "brs.xlsx").read_text() == "workbook old"  # …not in their place
        raise RuntimeError("crash before the set is complete")
    assert files(tmp_path) == before


def test_an_earlier_output_is_kept_as_previous_one_generation(tmp_path: Path) -> None:
    write_set(tmp_path, "first")
    with collect_kept() as kept:
        write_set(tmp_path, "second")
    assert kept == [
        "Kept your earlier brs.xlsx as brs (previous).xlsx (and 1 more of that run's files, "
        "each as NAME (previous))."
    ]
    write_set(tmp_path, "third")
    assert sorted(files(tmp_path)) == [
        "brs (previous).xlsx",
        "brs-matches (previous).csv",
        "brs-matches.csv",
        "brs.xlsx",
    ]
    assert (tmp_path / "brs.xlsx").read_text() == "workbook third"
    assert (tmp_path / "brs (previous).xlsx").read_text() == "workbook second"
    assert "second" in (tmp_path / "brs-matches (previous).csv").read_text()


def test_a_folder_unit_is_replaced_whole_and_kept(tmp_path: Path) -> None:
    slips = tmp_path / "payslips-2026-10"

    def payslips(*people: str) -> None:
        with result_set(tmp_path, units=[slips]):
            for person in people:
                with atomic_path(slips / f"{person}.xlsx") as temporary:
                    temporary.write_text(person)

    payslips("E1", "E2")
    (slips / ".E1-k2j4x8_q.xlsx").write_text("half")  # left by a killed run of older xlbo
    payslips("E1")
    assert sorted(p.name for p in slips.iterdir()) == ["E1.xlsx"]  # no payslip of a leaver
    kept = tmp_path / "payslips-2026-10 (previous)"
    assert sorted(p.name for p in kept.iterdir()) == ["E1.xlsx", "E2.xlsx"]  # tidied, then kept


def test_files_of_an_earlier_run_that_do_not_belong_are_set_aside(tmp_path: Path) -> None:
    write_set(tmp_path, "with csv")
    with (
        result_set(tmp_path, retire=[tmp_path / "brs-matches.csv"]),
        atomic_path(tmp_path / "brs.xlsx") as temporary,
    ):
        temporary.write_text("workbook with sheets")
    assert sorted(files(tmp_path)) == [
        "brs (previous).xlsx",
        "brs-matches (previous).csv",
        "brs.xlsx",
    ]


@pytest.mark.parametrize(("mask", "mode"), [(0o022, 0o644), (0o077, 0o600), (0o002, 0o664)])
def test_new_outputs_follow_the_umask(tmp_path: Path, umask: None, mask: int, mode: int) -> None:
    os.umask(mask)
    write_set(tmp_path, "x")
    path = write_workbook(tmp_path / "alone.xlsx", [ResultSheet("S", pd.DataFrame({"A": [1]}))])
    for name in ("brs.xlsx", "brs-matches.csv", "alone.xlsx"):
        assert stat.S_IMODE((tmp_path / name).stat().st_mode) == mode, name
    assert path.exists()


def test_a_replaced_output_keeps_its_permissions(tmp_path: Path, umask: None) -> None:
    write_set(tmp_path, "old")
    os.chmod(tmp_path / "brs.xlsx", 0o640)
    os.chmod(tmp_path / "brs-matches.csv", 0o664)
    alone = tmp_path / "alone.csv"
    alone.write_text("old")
    os.chmod(alone, 0o660)
    os.umask(0o077)
    write_set(tmp_path, "new")
    write_flat(alone, pd.DataFrame({"A": [1]}))
    assert stat.S_IMODE((tmp_path / "brs.xlsx").stat().st_mode) == 0o640
    assert stat.S_IMODE((tmp_path / "brs-matches.csv").stat().st_mode) == 0o664
    assert stat.S_IMODE(alone.stat().st_mode) == 0o660


def test_sigterm_while_writing_removes_the_stage_and_keeps_the_old_set(tmp_path: Path) -> None:
    write_set(tmp_path, "old")
    before = files(tmp_path)
    with (
        pytest.raises(Stopped),
        result_set(tmp_path),
        atomic_path(tmp_path / "brs.xlsx") as temporary,
    ):
        temporary.write_text("workbook half")
        os.kill(os.getpid(), signal.SIGTERM)
    assert files(tmp_path) == before
    assert signal.getsignal(signal.SIGTERM) is signal.SIG_DFL  # the handler is put back


def test_ctrl_c_while_writing_leaves_nothing(tmp_path: Path) -> None:
    with pytest.raises(KeyboardInterrupt), result_set(tmp_path):
        write_flat(tmp_path / "brs-matches.csv", pd.DataFrame({"Match": [1]}))
        raise KeyboardInterrupt
    assert files(tmp_path) == {}


def test_a_full_disk_changes_nothing_and_says_so(tmp_path: Path) -> None:
    write_set(tmp_path, "old")
    before = files(tmp_path)
    with pytest.raises(FileProblem, match="is full .*no output was changed"), result_set(tmp_path):
        with atomic_path(tmp_path / "brs.xlsx") as temporary:
            temporary.write_text("workbook half")
        raise OSError(errno.ENOSPC, "No space left on device")
    assert files(tmp_path) == before


def dead_pid() -> int:
    """The id of a process that has ended (and been reaped)."""
    pid = os.fork()
    if pid == 0:
        os._exit(0)
    os.waitpid(pid, 0)
    return pid


def test_what_a_killed_run_left_is_removed_by_the_next(tmp_path: Path) -> None:
    from xlbo.book.atomic import _host

    write_set(tmp_path, "old")
    before = files(tmp_path)
    stage = tmp_path / f"{TEMP_PREFIX}{_host()}-{dead_pid()}-abcd1234"
    stage.mkdir()
    (stage / "brs.xlsx").write_text("workbook half")
    (stage / "brs.xlsx.rows").write_text("rows")
    single = tmp_path / f"{TEMP_PREFIX}{_host()}-{dead_pid()}-k2j4x8q1-brs.xlsx"
    single.write_text("half")
    legacy = [tmp_path / ".brs-k2j4x8_q.xlsx", tmp_path / ".brs-k2j4x8_q.xlsx.rows"]
    for path in legacy:
        path.write_text("half")
    mine = tmp_path / f"{TEMP_PREFIX}{_host()}-{os.getpid()}-zzzz0000"  # a live run's: left alone
    mine.mkdir()
    tidied = clear_leftovers(tmp_path, ["brs.xlsx"])
    assert sorted(p.name for p in tidied) == sorted(p.name for p in [stage, single, *legacy])
    assert files(tmp_path) == before
    mine.rmdir()


def test_a_set_killed_while_moving_in_is_finished_by_the_next_run(tmp_path: Path) -> None:
    from xlbo.book.atomic import _host

    write_set(tmp_path, "old")
    # a run killed after moving brs.xlsx into place but before brs-matches.csv
    stage = tmp_path / f"{TEMP_PREFIX}{_host()}-{dead_pid()}-abcd1234"
    stage.mkdir()
    (tmp_path / "brs.xlsx").rename(tmp_path / "brs (previous).xlsx")
    (tmp_path / "brs.xlsx").write_text("workbook new")
    (stage / "brs-matches.csv").write_text("new matches")
    (stage / ".commit").write_text(
        json.dumps({"entries": [["brs.xlsx", True], ["brs-matches.csv", True]], "retire": []})
    )
    clear_leftovers(tmp_path)
    assert files(tmp_path) == {
        "brs (previous).xlsx": b"workbook old",
        "brs-matches (previous).csv": files(tmp_path)["brs-matches (previous).csv"],
        "brs-matches.csv": b"new matches",
        "brs.xlsx": b"workbook new",
    }
    assert "old" in (tmp_path / "brs-matches (previous).csv").read_text()


def test_a_locked_file_stops_the_move_and_puts_everything_back(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    write_set(tmp_path, "old")
    write_set(tmp_path, "older kept")  # so a previous copy exists too
    before = files(tmp_path)
    real = os.replace

    def excel_holds_the_csv(source: str | Path, destination: str | Path) -> None:
        if Path(source).name == "brs-matches.csv" and Path(source).parent == tmp_path:
            raise PermissionError(13, "used by another process", str(source))
        real(source, destination)

    monkeypatch.setattr("os.replace", excel_holds_the_csv)
    with pytest.raises(FileProblem, match="brs-matches.csv is open in another program"):
        write_set(tmp_path, "new")
    assert files(tmp_path) == before


def test_outputs_checked_at_the_door(tmp_path: Path) -> None:
    master = tmp_path / "master.xlsx"
    master.write_text("x")
    (tmp_path / "reports").mkdir()
    with pytest.raises(FileProblem, match="is a folder; give a file name"):
        check_output_file(tmp_path / "reports")
    with pytest.raises(FileProblem, match="master.xlsx is a file, not a folder"):
        check_output_file(master / "brs.xlsx")
    with pytest.raises(FileProblem, match="is master.xlsx, which the job reads"):
        check_output_folder(master, master)
    with pytest.raises(FileProblem, match="writes a folder of files there"):
        check_output_folder(master)
    unwritable = Path("/sys") if os.geteuid() == 0 else tmp_path / "locked"
    if unwritable != Path("/sys"):
        unwritable.mkdir()
        unwritable.chmod(0o555)
    with pytest.raises(FileProblem, match="xlbo cannot write in the folder"):
        check_output_file(unwritable / "out" / "brs.xlsx")
    check_output_file(tmp_path / "new" / "deeper" / "brs.xlsx")  # folders to be made: fine
    check_output_folder(tmp_path / "payroll")
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted(
        ["master.xlsx", "reports", *(["locked"] if unwritable != Path("/sys") else [])]
    )


def test_a_locked_file_of_the_users_in_a_unit_folder_is_carried_a_locked_payslip_refused(
    tmp_path: Path,
) -> None:
    """helper-141: a read-only signed PDF the user put in last month's payslips folder made the
    rerun refuse ("no output was changed"), where it is copied into the new folder; a payslip
    of xlbo's the user locked is not replaced."""
    slips = tmp_path / "payslips-2026-10"

    def payslips(*people: str) -> None:
        with result_set(tmp_path, units=[slips]):
            for person in people:
                with atomic_path(slips / f"{person}.xlsx") as temporary:
                    temporary.write_text(f"{person} again")

    payslips("E1")
    signed = slips / "signed-register.pdf"
    signed.write_text("signed")
    signed.chmod(0o444)
    payslips("E1")
    assert (slips / "signed-register.pdf").read_text() == "signed"
    (slips / "E1.xlsx").chmod(0o444)
    with pytest.raises(FileProblem, match=r"E1.xlsx in .* is read-only"):
        payslips("E1")
    assert (slips / "E1.xlsx").read_text() == "E1 again"
