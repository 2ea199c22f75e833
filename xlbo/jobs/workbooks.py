"""`xlbo workbooks build`: the files users open, written from code so they can be rebuilt and
diffed.

- `master-template.xlsx`: the master-data workbook `xlbo init` writes (fixed document date, so
  a rebuild has the same contents);
- `lite/main.py`, `lite/requirements.txt`: the code an xlwings Lite workbook embeds;
- `classic/ribbon.xml`, `classic/XlboRibbon.bas`: the classic add-in's ribbon and callbacks, as
  text to import into an add-in (see the README, "Use it in Excel").
"""

from __future__ import annotations

import shutil
from datetime import datetime
from pathlib import Path

from xlbo.book.atomic import atomic_path
from xlbo.excel.lite import main_py, requirements_txt
from xlbo.master.template import write_master

BUILT = datetime(2026, 1, 1)
"""The document date written into built workbooks (constant, so rebuilds do not differ)."""
MACROS = Path(__file__).resolve().parents[2] / "macros"


def _write_text(path: Path, text: str) -> Path:
    with atomic_path(path) as temporary:
        temporary.write_text(text, encoding="utf-8", newline="\n")
    return path


def build(outdir: str | Path) -> list[Path]:
    """Write every built file into `outdir`; return their paths."""
    folder = Path(outdir)
    written = [
        write_master(folder / "master-template.xlsx", force=True, created=BUILT),
        _write_text(folder / "lite" / "main.py", main_py()),
        _write_text(folder / "lite" / "requirements.txt", requirements_txt()),
    ]
    for name in ("ribbon.xml", "XlboRibbon.bas"):
        source = MACROS / name
        if source.exists():  # the sources ship with the repository, not the wheel
            target = folder / "classic" / name
            target.parent.mkdir(parents=True, exist_ok=True)
            shutil.copyfile(source, target)
            written.append(target)
    return written
