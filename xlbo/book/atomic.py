"""Writing outputs so a crash never leaves a half-written file.

Every output is written to a temporary file beside its target and moved into place in one step
(`os.replace`), so the old file stays whole until the new one is complete. A target that another
program holds open (Excel on Windows locks the workbooks it has open) gets a plain message.
"""

from __future__ import annotations

import contextlib
import os
import tempfile
from collections.abc import Iterator
from pathlib import Path

from xlbo.errors import FileProblem


def locked_message(path: Path) -> str:
    return (
        f"{path} is open in another program (Excel?) and cannot be written. "
        "Close it there and run again, or choose another output file."
    )


@contextlib.contextmanager
def atomic_path(target: Path) -> Iterator[Path]:
    """Yield a temporary path to write; on success it replaces `target` in one step."""
    target = Path(target)
    if target.is_dir():
        raise FileProblem(f"{target} is a folder; give a file name for the output.")
    parent = target.parent
    try:
        parent.mkdir(parents=True, exist_ok=True)
        handle, name = tempfile.mkstemp(prefix=f".{target.stem}-", suffix=target.suffix, dir=parent)
    except PermissionError:
        raise FileProblem(f"Cannot write in the folder {parent}; choose another output.") from None
    except FileExistsError:
        raise FileProblem(f"{parent} is a file, not a folder; choose another output.") from None
    os.close(handle)
    temporary = Path(name)
    try:
        yield temporary
        try:
            os.replace(temporary, target)
        except PermissionError:
            raise FileProblem(locked_message(target)) from None
    finally:
        temporary.unlink(missing_ok=True)
