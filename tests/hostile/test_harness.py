"""The corpus harness itself: exit codes, output and peak memory of one run are read right."""

from __future__ import annotations

from pathlib import Path

from tests.hostile.harness import Folder, run_xlbo


def test_a_missing_file_is_a_plain_exit_2_and_nothing_is_written(tmp_path: Path) -> None:
    (tmp_path / "bank.csv").write_text("Date,Amount\n")
    folder = Folder(tmp_path)
    outcome = run_xlbo("validate", "no-such-master.xlsx", cwd=tmp_path)
    outcome.plain()
    assert "no-such-master.xlsx" in outcome.err
    assert 20 < outcome.peak_mb < 2048
    folder.unchanged()
