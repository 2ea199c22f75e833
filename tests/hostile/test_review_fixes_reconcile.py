"""The reconcile and CLI findings of the hostile review of #12 (F1, F2, F5, F9, F11, F17, F18,
F19, F20), each as the reviewer's failing test, now passing. The demo's files are the inputs."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import openpyxl
import pytest

from tests.hostile.harness import Folder
from tests.hostile.test_review import marked_brs, reconcile
from xlbo.demo import DemoFiles, build_demo


@pytest.fixture(scope="module")
def demo(tmp_path_factory: pytest.TempPathFactory) -> DemoFiles:
    return build_demo(tmp_path_factory.mktemp("demo"))


def _reject_m2(book: Any) -> None:
    book["Matches"]["M2"] = "Reject"


def test_f1_running_twice_keeps_the_marked_up_brs(demo: DemoFiles, tmp_path: Path) -> None:
    """F1: the second run used to replace 'brs (previous).xlsx', the only marked copy. Now a
    (previous) the user changed is kept as 'brs (previous 2).xlsx', and the terminal says so;
    a third run drops only the copy xlbo wrote and nobody touched."""
    brs = marked_brs(demo, tmp_path, _reject_m2)
    marked = brs.read_bytes()
    said = [reconcile(demo, tmp_path, "--out", str(brs)) for _ in range(3)]
    assert [code for code, _ in said] == [0, 0, 0], said
    assert "Kept your earlier brs.xlsx as brs (previous).xlsx" in said[0][1]
    assert "kept as brs (previous 2).xlsx" in said[1][1], said[1][1]
    assert "previous 2" not in said[2][1], said[2][1]
    assert (tmp_path / "brs (previous 2).xlsx").read_bytes() == marked
    names = sorted(p.name for p in tmp_path.iterdir())
    assert names == ["brs (previous 2).xlsx", "brs (previous).xlsx", "brs.xlsx"], names
