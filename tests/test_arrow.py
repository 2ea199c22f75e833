"""pyarrow's memory pool: jemalloc where it is built in, unless the user named another."""

from __future__ import annotations

import os
import subprocess
import sys

import pytest

from xlbo.arrow import POOL_VARIABLE, choose_pool

pa = pytest.importorskip("pyarrow")


def _has_jemalloc() -> bool:
    try:
        pa.jemalloc_memory_pool()
    except NotImplementedError:
        return False
    return True


@pytest.fixture
def pool_restored():
    before = pa.default_memory_pool()
    yield
    pa.set_memory_pool(before)


def test_jemalloc_is_chosen_where_built_in(pool_restored: None) -> None:
    pa.set_memory_pool(pa.system_memory_pool())
    expected = "jemalloc" if _has_jemalloc() else "system"
    assert choose_pool({}) == expected
    assert pa.default_memory_pool().backend_name == expected


def test_a_pool_the_user_named_is_kept(pool_restored: None) -> None:
    pa.set_memory_pool(pa.system_memory_pool())
    assert choose_pool({POOL_VARIABLE: "system"}) == "system"
    assert pa.default_memory_pool().backend_name == "system"


@pytest.mark.parametrize("named", [None, "system"])
def test_the_reading_modules_run_on_the_chosen_pool(named: str | None) -> None:
    environ = {k: v for k, v in os.environ.items() if k != POOL_VARIABLE}
    if named:
        environ[POOL_VARIABLE] = named
    shown = subprocess.run(
        [
            sys.executable,
            "-c",
            "import xlbo.columns, pyarrow as pa; print(pa.default_memory_pool().backend_name)",
        ],
        env=environ,
        capture_output=True,
        text=True,
        check=True,
    ).stdout.strip()
    expected = named or ("jemalloc" if _has_jemalloc() else pa.default_memory_pool().backend_name)
    assert shown == expected
