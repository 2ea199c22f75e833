"""Shared test helpers: build input workbooks in tmp_path from literal tables."""

from __future__ import annotations

import os
import shutil
import subprocess
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

import openpyxl
import pytest

Rows = Sequence[Sequence[Any]]


def write_xlsx(
    path: Path,
    sheets: dict[str, Rows],
    *,
    errors: dict[str, dict[str, str]] | None = None,
    merged: dict[str, list[str]] | None = None,
) -> Path:
    """Write `sheets` (name → rows from A1) with openpyxl, the way a user's Excel file looks.

    `errors` puts real Excel error cells (`{"Employees": {"Q3": "#REF!"}}`); `merged` merges
    ranges (`{"Employees": ["F1:G1"]}`).
    """
    book = openpyxl.Workbook()
    book.remove(book.active)
    for name, rows in sheets.items():
        sheet = book.create_sheet(name)
        for row in rows:
            sheet.append(list(row))
        for address, value in (errors or {}).get(name, {}).items():
            sheet[address] = value
            sheet[address].data_type = "e"
        for span in (merged or {}).get(name, []):
            sheet.merge_cells(span)
    book.save(path)
    return path


@pytest.fixture
def xlsx(tmp_path: Path) -> Callable[..., Path]:
    """`xlsx({"Sheet": rows}, name="book.xlsx")` → path of a workbook in tmp_path."""

    def make(sheets: dict[str, Rows], name: str = "book.xlsx", **options: Any) -> Path:
        return write_xlsx(tmp_path / name, sheets, **options)

    return make


def soffice() -> str | None:
    return shutil.which("soffice") or shutil.which("libreoffice")


@pytest.fixture
def libreoffice() -> Callable[[Path, str], Path]:
    """Convert a workbook with LibreOffice headless; skipped where LibreOffice is missing,
    except in CI, where its absence is a failure."""
    program = soffice()
    if program is None:
        if os.environ.get("CI"):
            pytest.fail("LibreOffice (soffice) is not installed; .ci/run should install it")
        pytest.skip("LibreOffice is not installed")

    def convert(path: Path, target: str) -> Path:
        outdir = path.parent / f"lo-{target.split(':')[0]}"
        outdir.mkdir(exist_ok=True)
        profile = path.parent / "lo-profile"
        result = subprocess.run(
            [
                str(program),
                f"-env:UserInstallation=file://{profile.resolve()}",
                "--headless",
                "--norestore",
                "--convert-to",
                target,
                "--outdir",
                str(outdir),
                str(path),
            ],
            capture_output=True,
            text=True,
            timeout=180,
            check=False,
        )
        assert result.returncode == 0, result.stderr
        return outdir

    return convert
