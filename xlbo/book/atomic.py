"""Writing outputs so that a crash, a kill or a rerun never costs a user a file.

Three promises, for every job:

- **Whole or not at all.** The files of one run (a BRS workbook and the CSVs beside it; a month's
  payroll register, ECR, ESI sheet, bank file and payslips) are written into a temporary folder
  beside the target, `.xlbo-tmp-…`, and moved into place together when the last one is complete.
  A run stopped with Ctrl+C or SIGTERM removes that folder and leaves the earlier files as they
  were; a run killed outright (`kill -9`, a power cut) leaves the folder behind, and the next run
  into the same place recognises it by name: a set that was still being written is removed, a set
  that was being moved into place is moved the rest of the way. So the folder never keeps new CSVs
  beside an old or missing workbook. A disk that fills while writing (whichever library was
  writing: an OSError, or xlsxwriter's FileCreateError around one) gets one sentence, "The disk
  holding … is full …" (`no_room`, `full_disk_message`), and the folders the run made are removed.
- **A marked-up output is never lost.** When a file of the set is already there (a BRS whose
  Accept and Reject columns the user filled in), it is kept as `NAME (previous).EXT` and the
  terminal says so: "Kept your earlier brs.xlsx as brs (previous).xlsx". The `(previous)` copy
  it pushes out is dropped only when it is exactly as xlbo wrote it; one that was changed since
  (marks typed in, saved again by Excel, a file added to a payslips folder) is kept as
  `NAME (previous 2).EXT` (3, 4, … — the first free number), and the terminal says that too.
  xlbo knows its own files by a stamp: the sub-millisecond digits of each output's modification
  time carry a check of its content (`stamp`, `as_written`). Any save changes the time, so the
  stamp no longer fits; a file copied without its time, or kept on a disk that keeps whole
  seconds, counts as changed — kept, never lost.
- **A file xlbo did not write stays where the user put it.** When a folder of the set is replaced
  (a month's payslips), the files in it (and in its `(previous)`) that xlbo did not write — a
  signed PDF — are copied into the new folder, and the terminal says so; a `(previous)` whose
  only changes are such files is then dropped as usual.
- **Colleagues can open it.** Outputs get the permissions of the file they replace, or the
  user's umask for a new file (not the owner-only 0600 of a temporary file).

Jobs wrap their writing in `result_set(folder)`; every `atomic_path` (and so every
`write_workbook`, `write_flat`, payslip) inside it joins the set. An `atomic_path` outside a set
is one file written the same way, replaced without a previous copy (xlbo's own templates).
"""

from __future__ import annotations

import contextlib
import contextvars
import errno
import hashlib
import json
import os
import re
import shutil
import signal
import socket
import stat
import sys
import tempfile
import threading
import time
import zlib
from collections.abc import Collection, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from types import FrameType

from xlbo.errors import FileProblem

TEMP_PREFIX = ".xlbo-tmp-"
"""Every temporary file or folder xlbo makes beside an output starts with this."""
MANIFEST = ".commit"
"""Written into a set's temporary folder once every file is complete: the set may be moved."""
STALE_AFTER_S = 24 * 3600
"""A temporary file of another machine (a shared folder) is left alone for this long."""
_TEMP_NAME = re.compile(r"^\.xlbo-tmp-(?P<host>[0-9a-f]{8})-(?P<pid>\d+)-")


class Stopped(KeyboardInterrupt):
    """The run was asked to stop (SIGTERM) while writing; the earlier outputs are as they were."""

    def __init__(self, signum: int) -> None:
        super().__init__(signum)
        self.signum = signum


def locked_message(path: Path) -> str:
    return (
        f"{path} is open in another program (Excel?) and cannot be written. "
        "Close it there and run again, or choose another output file."
    )


def previous_name(path: Path, number: int = 1) -> Path:
    """`brs.xlsx` → `brs (previous).xlsx`; a folder `payslips-2026-10` → `payslips-2026-10 (previous)`;
    with `number` 2: `brs (previous 2).xlsx`."""
    mark = "previous" if number == 1 else f"previous {number}"
    if path.is_dir():
        return path.with_name(f"{path.name} ({mark})")
    return path.with_name(f"{path.stem} ({mark}){path.suffix}")


_STAMP_UNITS = 10_000
"""The stamp is the content's CRC-32 modulo this, in 100-nanosecond steps below the millisecond."""


def _content_check(path: Path) -> int:
    check = 0
    with path.open("rb") as handle:
        while block := handle.read(1 << 20):
            check = zlib.crc32(block, check)
    return check % _STAMP_UNITS


def stamp(path: Path) -> None:
    """Mark `path` as written by xlbo: its modification time's digits below the millisecond
    carry a check of its content (see the module's docstring)."""
    with contextlib.suppress(OSError):
        now = time.time_ns() // 1_000_000 * 1_000_000
        when = now + _content_check(path) * 100
        os.utime(path, ns=(when, when))


def as_written(path: Path, copied: Collection[Path] = ()) -> bool:
    """Whether `path` (a file, or a folder of files) is exactly as xlbo wrote it: every file
    carries its stamp and nothing was added (but files `copied` into the folder that replaces
    it). False when unsure."""
    try:
        if path.is_symlink():
            return False
        files = [p for p in path.rglob("*") if not p.is_dir()] if path.is_dir() else [path]
        return all(
            f in copied
            or (not f.is_symlink() and f.stat().st_mtime_ns % 1_000_000 == _content_check(f) * 100)
            for f in files
        )
    except OSError:
        return False


# ---------------------------------------------------------------------------- checks at the door


def _nearest_existing(path: Path) -> Path:
    here = path
    while not here.exists() and here != here.parent:
        here = here.parent
    return here


def _can_write_in(folder: Path) -> bool:
    """Whether a file can be made in `folder` (tried, not guessed: root, read-only mounts)."""
    try:
        handle, name = tempfile.mkstemp(prefix=f"{TEMP_PREFIX}{_host()}-{os.getpid()}-", dir=folder)
    except OSError:
        return False
    os.close(handle)
    os.unlink(name)
    return True


def _check_place(path: Path, folder_needed: Path, option: str) -> None:
    folder = _nearest_existing(folder_needed)
    if not folder.is_dir():
        raise FileProblem(
            f"{option} {path}: {folder} is a file, not a folder; choose another output."
        )
    if not _can_write_in(folder):
        raise FileProblem(
            f"{option} {path}: xlbo cannot write in the folder {folder} (no permission, or "
            "read-only); choose another output."
        )


def check_output_file(path: Path, *inputs: Path | None, option: str = "--out") -> None:
    """Stop at the door, before any work, when the output file `path` cannot be written: it is
    one of the job's `inputs`, a folder, under a file, read-only (a file the user locked is
    not replaced), or in a place the user cannot write."""
    path = Path(path)
    for source in inputs:
        if source is not None and source.exists() and path.exists() and source.samefile(path):
            raise FileProblem(
                f"{option} {path} is {source.name}, which the job reads; choose another {option}."
            )
    if path.is_dir():
        raise FileProblem(f"{option} {path} is a folder; give a file name for the output.")
    if path.exists() and not path.is_file():
        raise FileProblem(f"{option} {path} is not a regular file; choose another output.")
    if path.exists() and (lock := open_elsewhere(path)) is not None:
        raise FileProblem(
            f"{option} {path.name} is open in {lock[1]} (its lock file {lock[0].name} is beside "
            "it): close it there first — a save from that window would write the old result "
            f"over the new one — and run again. If {lock[1]} is not running, delete "
            f"{lock[0].name}."
        )
    if read_only(path):
        raise FileProblem(
            f"{option} {path.name} is read-only (its Read-only box is ticked, or someone locked "
            "it): xlbo does not replace a file kept from change. Untick Read-only in its "
            f"Properties (chmod u+w {path.name}) if it may be replaced, or give another {option}."
        )
    _check_place(path, path.parent, option)


def read_only(path: Path) -> bool:
    """Whether the file `path` is kept from change: its Read-only box ticked (no write bit for
    its owner, which binds even an administrator's run), or not writable by this user."""
    try:
        return path.is_file() and (
            not path.stat().st_mode & stat.S_IWUSR or not os.access(path, os.W_OK)
        )
    except OSError:
        return False


def _read_only_files(target: Path, staged: Path | None = None) -> list[Path]:
    """The read-only files an output about to be replaced holds: itself, or, of the folder it
    is (a month's payslips), those the new folder `staged` writes again (a signed PDF the user
    put there and locked is copied into the new folder, not replaced: `_carry_over`)."""
    if target.is_dir() and not target.is_symlink():
        if staged is None:
            return []
        return sorted(
            p
            for p in target.rglob("*")
            if read_only(p) and (staged / p.relative_to(target)).exists()
        )
    return [target] if read_only(target) else []


def open_elsewhere(path: Path) -> tuple[Path, str] | None:
    """The lock file Excel (`~$brs.xlsx`) or LibreOffice (`.~lock.brs.xlsx#`) keeps beside a
    workbook it has open, and which program's it is; None where there is none."""
    for lock, program in (
        (path.with_name(f"~${path.name}"), "Excel"),
        (path.with_name(f".~lock.{path.name}#"), "LibreOffice"),
    ):
        if lock.is_file():
            return lock, program
    return None


def check_output_folder(path: Path, *inputs: Path | None, option: str = "--out") -> None:
    """Stop at the door when the output folder `path` cannot be made or written: it is a file
    (an input, or any other), it lies under a file, or in a place the user cannot write."""
    path = Path(path)
    if path.exists() and not path.is_dir():
        which = next(
            (s.name for s in inputs if s is not None and s.exists() and s.samefile(path)), None
        )
        what = f"{which}, which the job reads" if which else "a file"
        raise FileProblem(
            f"{option} {path} is {what}; xlbo writes a folder of files there. Give a folder name."
        )
    _check_place(path, path, option)


# ---------------------------------------------------------------------------- permissions


def _umask() -> int:
    try:
        for line in Path("/proc/self/status").read_text().splitlines():
            if line.startswith("Umask:"):
                return int(line.split()[1], 8)
    except (OSError, ValueError, IndexError):
        pass
    mask = os.umask(0o022)  # elsewhere: read it by setting it, and put it back
    os.umask(mask)
    return mask


def _mode_for(target: Path, *, folder: bool = False) -> int:
    """The permissions an output gets: those of what it replaces, or the umask's."""
    try:
        return stat.S_IMODE(target.stat().st_mode)
    except OSError:
        return (0o777 if folder else 0o666) & ~_umask()


# ---------------------------------------------------------------------------- leftovers


def _host() -> str:
    return hashlib.sha1(socket.gethostname().encode()).hexdigest()[:8]


def _running(pid: int) -> bool:
    if pid == os.getpid():
        return True
    if os.name == "nt":  # os.kill would end the process there
        return _running_on_windows(pid)
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    except OSError:
        return False
    try:  # a zombie (killed, not yet reaped by its parent) is not running
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except (OSError, IndexError):
        return True
    return state not in ("Z", "X")


def _running_on_windows(pid: int) -> bool:  # pragma: no cover - Windows only
    import ctypes

    kernel32 = ctypes.windll.kernel32  # type: ignore[attr-defined,unused-ignore]
    handle = kernel32.OpenProcess(0x1000, False, pid)  # PROCESS_QUERY_LIMITED_INFORMATION
    if not handle:
        return False
    try:
        code = ctypes.c_ulong()
        kernel32.GetExitCodeProcess(handle, ctypes.byref(code))
        return code.value == 259  # STILL_ACTIVE
    finally:
        kernel32.CloseHandle(handle)


def _abandoned(path: Path) -> bool:
    match = _TEMP_NAME.match(path.name)
    if match is None:
        return False
    try:
        age = time.time() - path.lstat().st_mtime
    except OSError:
        return False
    if match["host"] != _host():
        return age > STALE_AFTER_S
    return not _running(int(match["pid"])) or age > STALE_AFTER_S


def _legacy(name: str, targets: Sequence[str]) -> bool:
    """Temporary files of xlbo before result sets (`.brs-k2j4x8_q.xlsx`, `… .xlsx.rows`)."""
    for target in targets:
        stem, dot, suffix = target.rpartition(".")
        if not dot:
            continue
        pattern = rf"^\.{re.escape(stem)}-[a-z0-9_]{{8}}\.{re.escape(suffix)}(\.rows)?$"
        if re.match(pattern, name):
            return True
    return False


def clear_leftovers(folder: Path, targets: Sequence[str] = ()) -> list[Path]:
    """Tidy what killed runs left in `folder`: a set that was being moved into place is moved
    the rest of the way; anything else half-written is removed. Return what was tidied."""
    tidied = []
    try:
        entries = list(folder.iterdir())
    except OSError:
        return []
    for path in entries:
        if not (_abandoned(path) or _legacy(path.name, targets)):
            continue
        if path.is_dir() and not path.is_symlink():
            if (path / MANIFEST).is_file():
                with contextlib.suppress(OSError, ValueError, KeyError):
                    _roll_forward(path)
            shutil.rmtree(path, ignore_errors=True)
        else:
            with contextlib.suppress(OSError):
                path.unlink()
        tidied.append(path)
    return tidied


# ---------------------------------------------------------------------------- result sets


_KEPT: contextvars.ContextVar[list[str] | None] = contextvars.ContextVar("xlbo_kept", default=None)


@contextlib.contextmanager
def collect_kept() -> Iterator[list[str]]:
    """Gather what the result sets written inside kept as previous (one sentence a set), so a
    door can say it after its own summary; without it each is said on stderr when it happens."""
    kept: list[str] = []
    token = _KEPT.set(kept)
    try:
        yield kept
    finally:
        _KEPT.reset(token)


def kept_message(kept: Sequence[tuple[Path, Path]]) -> str:
    """ "Kept your earlier brs.xlsx as brs (previous).xlsx", and how many more of that run."""
    earlier, previous = kept[0]
    what = f"{earlier.name} folder" if previous.is_dir() else earlier.name
    sentence = f"Kept your earlier {what} as {previous.name}"
    if len(kept) > 1:
        sentence += f" (and {len(kept) - 1} more of that run's files, each as NAME (previous))"
    return sentence + "."


_OLDER = re.compile(r" \(previous \d+\)")


def _announce(moved: Sequence[tuple[Path, Path]]) -> None:
    older = [(s, d) for s, d in moved if _OLDER.search(d.name)]
    kept = [(s, d) for s, d in moved if (s, d) not in older]
    if not kept:
        return
    workbooks = sorted(kept, key=lambda pair: pair[0].suffix.lower() not in (".xlsx", ".xlsm"))
    sentence = kept_message(workbooks)
    for previous, number in older:
        sentence += (
            f" {previous.name} was changed after xlbo wrote it (your marks?), so it is not "
            f"replaced: it is kept as {number.name}."
        )
    _say(sentence)


def _say(sentence: str) -> None:
    """Tell the user what was kept or carried over: after the job's own summary when a command
    collects it (`collect_kept`), else at once on stderr."""
    collected = _KEPT.get()
    if collected is not None:
        collected.append(sentence)
    else:
        print(f"xlbo: {sentence}", file=sys.stderr)


@dataclass
class ResultSet:
    """The files of one run, staged in `stage` (inside `root`) until they all go in together."""

    root: Path
    stage: Path
    keep_previous: bool
    units: tuple[Path, ...]
    retire: tuple[Path, ...]
    entries: list[Path] = field(default_factory=list)
    """What moves into place, relative to `root`: files, and the `units` (whole folders)."""
    _listed: set[Path] = field(default_factory=set)
    """`entries`, for asking whether one is there (a thousand documents: no list search each)."""
    _dotted: dict[Path, list[str]] = field(default_factory=dict)
    """For each target folder tidied already: its hidden names, where an old xlbo's temporary
    files would be (the folder is listed once a set, not once a file)."""

    def holds(self, target: Path) -> bool:
        return target.absolute().is_relative_to(self.root)

    def staged(self, target: Path) -> Path:
        """Where `target` is written until the set is complete."""
        target = target.absolute()
        relative = target.relative_to(self.root)
        unit = next((u for u in self.units if target.is_relative_to(u)), None)
        entry = unit.relative_to(self.root) if unit is not None else relative
        if target.is_dir() and unit is None:
            raise FileProblem(f"{target} is a folder; give a file name for the output.")
        if entry not in self._listed:
            self._listed.add(entry)
            self.entries.append(entry)
        self._tidy(target)  # in a unit too: its old folder is kept
        place = self.stage / relative
        place.parent.mkdir(parents=True, exist_ok=True)
        return place

    def _tidy(self, target: Path) -> None:
        """What killed runs left beside `target`: the folder's abandoned temporaries once, and
        an old xlbo's temporary files of this very name."""
        folder = target.parent
        if folder not in self._dotted:
            clear_leftovers(folder)
            with contextlib.suppress(OSError):
                self._dotted[folder] = [p.name for p in folder.iterdir() if p.name[:1] == "."]
        for name in self._dotted.get(folder, []):
            if _legacy(name, [target.name]):
                with contextlib.suppress(OSError):
                    (folder / name).unlink()

    def commit(self) -> None:
        """Move every staged file into place (earlier ones kept as previous), in one go that a
        signal cannot split; a kill -9 inside it is finished by the next run."""
        plan = [(entry, self.keep_previous) for entry in self.entries]
        retire = [
            (path.relative_to(self.root), self.keep_previous)
            for path in self.retire
            if path.exists() and path.relative_to(self.root) not in self._listed
        ]
        locked = [
            f for entry, _ in plan for f in _read_only_files(self.root / entry, self.stage / entry)
        ]
        if locked:  # a file the user locked is never replaced (a CSV beside a BRS, a payslip)
            shown = ", ".join(str(f.relative_to(self.root)) for f in locked[:4])
            raise FileProblem(
                f"{shown}{' and others' if len(locked) > 4 else ''} in {self.root} "
                f"{'is' if len(locked) == 1 else 'are'} read-only: xlbo does not replace a file "
                "kept from change, so no output was changed. Untick Read-only in its "
                "Properties if it may be replaced, or give another output."
            )
        carried = self._carry_over()
        for entry, _ in plan:
            _settle_modes(self.stage / entry, self.root / entry, set(carried.values()))
        blocked = _block_signals()
        try:
            manifest = self.stage / MANIFEST
            with manifest.open("w", encoding="utf-8") as handle:
                json.dump(
                    {
                        "entries": [[str(e), k] for e, k in plan],
                        "retire": [[str(e), k] for e, k in retire],
                    },
                    handle,
                )
                handle.flush()
                os.fsync(handle.fileno())
            _fsync_folder(self.stage)
            moved: list[tuple[Path, Path]] = []
            try:
                for entry, keep in [*plan, *retire]:
                    _set_aside(self.root / entry, keep, self.stage, moved, set(carried))
            except OSError as error:
                for source, destination in reversed(moved):
                    with contextlib.suppress(OSError):
                        os.replace(destination, source)
                manifest.unlink(missing_ok=True)
                failed = Path(getattr(error, "filename", None) or self.root)
                raise FileProblem(locked_message(failed)) from None
            for entry, _ in plan:
                target = self.root / entry
                target.parent.mkdir(parents=True, exist_ok=True)
                os.replace(self.stage / entry, target)
            _fsync_folder(self.root)
            _announce([(s, d) for s, d in moved if d.parent == s.parent])  # kept, not thrown
            _announce_carried(
                sorted(
                    {
                        (copy.relative_to(self.stage).parts[0], copy.name)
                        for copy in carried.values()
                    }
                )
            )
        finally:
            _unblock_signals(blocked)

    def _carry_over(self) -> dict[Path, Path]:
        """Copy into each new unit folder (a month's payslips) the files in the folder it
        replaces, and in that folder's `(previous)` which it pushes out, that xlbo did not write
        (a signed PDF the user put there): they stay where the user looks for them. A file named
        as one xlbo writes this run is not copied (an edited payslip: kept with its folder, see
        `_set_aside`). Return each file copied (its place in the old folder → the copy)."""
        carried: dict[Path, Path] = {}
        for unit in self.units:
            entry = unit.relative_to(self.root)
            new = self.stage / entry
            if entry not in self._listed or not new.is_dir() or not unit.is_dir():
                continue
            ours = {path.relative_to(new) for path in new.rglob("*")}
            earlier = [unit]
            if self.keep_previous and previous_name(unit).is_dir():
                earlier.append(previous_name(unit))
            for folder in earlier:
                for path in sorted(folder.rglob("*")):
                    relative = path.relative_to(folder)
                    if (
                        path.is_dir()
                        or relative in ours
                        or any(part.startswith(TEMP_PREFIX) for part in relative.parts)
                        or as_written(path)
                    ):
                        continue
                    copy = new / relative
                    if copy.exists() or copy.is_symlink():  # from the folder before
                        if _same_file(path, copy):
                            carried[path] = copy
                        continue
                    copy.parent.mkdir(parents=True, exist_ok=True)
                    shutil.copy2(path, copy, follow_symlinks=False)
                    carried[path] = copy
        return carried


def _same_file(one: Path, other: Path) -> bool:
    import filecmp

    try:
        if one.is_symlink() or other.is_symlink():
            return one.is_symlink() and other.is_symlink() and one.readlink() == other.readlink()
        return filecmp.cmp(one, other, shallow=False)
    except OSError:
        return False


def _announce_carried(copied: Sequence[tuple[str, str]]) -> None:
    """Say which of the user's own files were copied into a new folder (folder, file name)."""
    if not copied:
        return
    folder = copied[0][0]
    names = [name for _, name in copied]
    shown = ", ".join(names[:3]) + (f" and {len(names) - 3} more" if len(names) > 3 else "")
    sentence = (
        f"Copied your own {'file' if len(names) == 1 else 'files'} {shown} (not written by "
        f"xlbo) from the earlier {folder} into the new one."
    )
    _say(sentence)


_ACTIVE: contextvars.ContextVar[ResultSet | None] = contextvars.ContextVar(
    "xlbo_result_set", default=None
)


def _settle_modes(staged: Path, target: Path, users: Collection[Path] = ()) -> None:
    """Give what is staged the permissions of what it replaces (or the umask's), stamp it as
    xlbo's, and flush it; the `users` files (copied from an earlier folder) keep their own."""
    for path in [staged, *staged.rglob("*")] if staged.is_dir() else [staged]:
        if path in users:
            continue
        relative = path.relative_to(staged)
        with contextlib.suppress(OSError):  # a share that keeps no Unix permissions
            os.chmod(path, _mode_for(target / relative, folder=path.is_dir()))
        if path.is_file():
            stamp(path)
            _fsync_file(path)


def _fsync_file(path: Path) -> None:
    with contextlib.suppress(OSError):
        handle = os.open(path, os.O_RDONLY)
        try:
            os.fsync(handle)
        finally:
            os.close(handle)


def _fsync_folder(path: Path) -> None:
    if os.name != "posix":
        return
    with contextlib.suppress(OSError):
        handle = os.open(path, os.O_RDONLY)
        try:
            os.fsync(handle)
        finally:
            os.close(handle)


def _set_aside(
    target: Path,
    keep: bool,
    stage: Path,
    moved: list[tuple[Path, Path]],
    copied: Collection[Path] = (),
) -> None:
    """Move an earlier output out of the way: to `NAME (previous)` (the one before that goes,
    when it is as xlbo wrote it or its own files were `copied` into the new folder), or into
    the stage's trash."""
    if not target.exists() and not target.is_symlink():
        return
    trash = stage / ".trash"
    trash.mkdir(exist_ok=True)
    if keep:
        kept = previous_name(target)
        if kept.exists() or kept.is_symlink():
            if as_written(kept, copied) and not _read_only_files(kept):  # a locked one stays
                thrown = trash / f"{len(list(trash.iterdir()))}"
                os.replace(kept, thrown)
                moved.append((kept, thrown))
            else:  # changed since xlbo wrote it (the user's marks): never dropped
                number = 2
                while (
                    previous_name(target, number).exists()
                    or previous_name(target, number).is_symlink()
                ):
                    number += 1
                older = previous_name(target, number)
                os.replace(kept, older)
                moved.append((kept, older))
        os.replace(target, kept)
        moved.append((target, kept))
    else:
        thrown = trash / f"{len(list(trash.iterdir()))}"
        os.replace(target, thrown)
        moved.append((target, thrown))


def _roll_forward(stage: Path) -> None:
    """Finish moving a set whose move into place a kill interrupted."""
    root = stage.parent
    manifest = json.loads((stage / MANIFEST).read_text(encoding="utf-8"))
    moved: list[tuple[Path, Path]] = []
    for entry, keep in manifest["entries"]:
        staged = stage / entry
        if not staged.exists():
            continue  # already in place
        target = root / entry
        _set_aside(target, bool(keep), stage, moved)
        target.parent.mkdir(parents=True, exist_ok=True)
        os.replace(staged, target)
    for entry, keep in manifest["retire"]:
        retired = root / entry
        if retired.exists():
            _set_aside(retired, bool(keep), stage, moved)


_STOP_SIGNALS = (signal.SIGINT, signal.SIGTERM)
_NO_ROOM = {errno.ENOSPC, errno.EDQUOT, errno.EFBIG}


def _block_signals() -> bool:
    if threading.current_thread() is not threading.main_thread() or not hasattr(
        signal, "pthread_sigmask"
    ):
        return False
    signal.pthread_sigmask(signal.SIG_BLOCK, _STOP_SIGNALS)
    return True


def _unblock_signals(blocked: bool) -> None:
    if blocked:  # a Ctrl+C or SIGTERM that came meanwhile is handled now, the set in place
        signal.pthread_sigmask(signal.SIG_UNBLOCK, _STOP_SIGNALS)


def _stop(signum: int, frame: FrameType | None) -> None:
    raise Stopped(signum)


@contextlib.contextmanager
def result_set(
    root: str | Path,
    *,
    keep_previous: bool = True,
    units: Sequence[Path] = (),
    retire: Sequence[Path] = (),
) -> Iterator[ResultSet]:
    """Write the outputs of one run under the folder `root` as one set.

    Inside, every `atomic_path` under `root` is staged in a temporary folder beside them; when
    the block ends normally they are moved into place together (earlier files kept as
    `NAME (previous)` when `keep_previous`). `units` are folders under `root` that are replaced
    whole (a month's payslips); `retire` are files of an earlier run that do not belong beside the
    new set (the CSVs of a BRS now written as sheets): they are set aside the same way. An error,
    Ctrl+C or SIGTERM inside the block removes the temporary folder and changes nothing.
    """
    folder = Path(root).absolute()
    if folder.exists() and not folder.is_dir():
        raise FileProblem(f"{folder} is a file, not a folder; choose another output.")
    made = _first_missing(folder)
    try:
        folder.mkdir(parents=True, exist_ok=True)
        clear_leftovers(folder, [p.name for p in retire])
        stage = Path(tempfile.mkdtemp(prefix=f"{TEMP_PREFIX}{_host()}-{os.getpid()}-", dir=folder))
    except (PermissionError, OSError) as error:
        _remove_made(made, folder)
        if error.errno in _NO_ROOM:
            raise FileProblem(full_disk_message(folder, error)) from None
        raise FileProblem(
            f"Cannot write in the folder {folder} ({error.strerror or error}); choose another output."
        ) from None
    outputs = ResultSet(
        root=folder,
        stage=stage,
        keep_previous=keep_previous,
        units=tuple(Path(u).absolute() for u in units),
        retire=tuple(Path(r).absolute() for r in retire),
    )
    handler_set = (  # not where SIGTERM is ignored or the program that runs xlbo handles it
        threading.current_thread() is threading.main_thread()
        and signal.getsignal(signal.SIGTERM) is signal.SIG_DFL
    )
    earlier_handler = signal.signal(signal.SIGTERM, _stop) if handler_set else None
    token = _ACTIVE.set(outputs)
    active = True
    done = False
    try:
        yield outputs
        _ACTIVE.reset(token)
        active = False
        outputs.commit()
        done = True
    except Exception as error:
        full = no_room(error)
        if full is None:
            raise
        _let_go(error)
        raise FileProblem(full_disk_message(folder, full)) from None
    finally:
        if active:
            _ACTIVE.reset(token)
        shutil.rmtree(stage, ignore_errors=True)
        if not done:
            _remove_made(made, folder)
        if handler_set:
            signal.signal(signal.SIGTERM, earlier_handler)


def no_room(error: BaseException) -> OSError | None:
    """The 'disk full' (or quota, or file too large) error behind `error`, if that is what it
    is: an OSError itself, or one a library wrapped (xlsxwriter's FileCreateError holds it as
    its argument; others chain it)."""
    seen: set[int] = set()
    pending: list[object] = [error]
    while pending:
        found = pending.pop()
        if not isinstance(found, BaseException) or id(found) in seen:
            continue
        seen.add(id(found))
        if isinstance(found, OSError) and found.errno in _NO_ROOM:
            return found
        pending.extend([*found.args, found.__cause__, found.__context__])
    return None


def full_disk_message(folder: Path, error: OSError) -> str:
    """The one sentence every job says when the disk fills while it writes."""
    return (
        f"The disk holding {folder} is full ({error.strerror or 'no space left'}); no output was "
        "changed. Free some space or choose another output, and run again."
    )


def _let_go(error: BaseException) -> None:
    """Drop what a failed writer still holds (xlsxwriter's half-written zip), now, with no
    'Exception ignored … OSError' printed when Python tidies it up later."""
    import gc
    import traceback

    # quiet first: clearing a frame drops the zip at once, and its __del__ tries to close it
    # on the full disk again (before, it spoke then, between the error and the message)
    hook = sys.unraisablehook
    sys.unraisablehook = lambda unraisable: None
    try:
        seen: set[int] = set()
        pending: list[BaseException | None] = [error]
        while pending:  # the frames of every error in the chain
            found = pending.pop()
            if found is None or id(found) in seen:
                continue
            seen.add(id(found))
            if found.__traceback__ is not None:
                traceback.clear_frames(found.__traceback__)
            pending += [found.__cause__, found.__context__]
        gc.collect()
    finally:
        sys.unraisablehook = hook


def _first_missing(folder: Path) -> Path | None:
    """The outermost folder of `folder`'s path that does not exist yet (None: it exists)."""
    missing = None
    for here in [folder, *folder.parents]:
        if here.exists():
            break
        missing = here
    return missing


def _remove_made(made: Path | None, folder: Path) -> None:
    """Remove the folders a failed run made for its output, when they hold nothing."""
    if made is None:
        return
    for here in [folder, *folder.parents]:
        with contextlib.suppress(OSError):
            here.rmdir()  # only an empty folder
        if here == made:
            break


# ---------------------------------------------------------------------------- one file


@contextlib.contextmanager
def atomic_path(target: Path) -> Iterator[Path]:
    """Yield a temporary path to write; on success it takes `target`'s place in one step (inside
    a `result_set`, together with the rest of the set)."""
    target = Path(target)
    outputs = _ACTIVE.get()
    if outputs is not None and outputs.holds(target):
        staged = outputs.staged(target)
        try:
            yield staged
        except BaseException:
            staged.unlink(missing_ok=True)
            raise
        return
    if target.is_dir():
        raise FileProblem(f"{target} is a folder; give a file name for the output.")
    parent = target.parent
    try:
        parent.mkdir(parents=True, exist_ok=True)
        clear_leftovers(parent, [target.name])
        handle, name = tempfile.mkstemp(
            prefix=f"{TEMP_PREFIX}{_host()}-{os.getpid()}-", suffix=f"-{target.name}", dir=parent
        )
    except PermissionError:
        raise FileProblem(f"Cannot write in the folder {parent}; choose another output.") from None
    except (FileExistsError, NotADirectoryError):
        raise FileProblem(f"{parent} is a file, not a folder; choose another output.") from None
    except OSError as error:
        if error.errno in _NO_ROOM:
            raise FileProblem(full_disk_message(parent, error)) from None
        raise FileProblem(
            f"Cannot write in the folder {parent} ({error.strerror or error}); choose another output."
        ) from None
    os.close(handle)
    temporary = Path(name)
    try:
        yield temporary
        with contextlib.suppress(OSError):
            os.chmod(temporary, _mode_for(target))
        try:
            os.replace(temporary, target)
        except PermissionError:
            raise FileProblem(locked_message(target)) from None
    except Exception as error:
        full = no_room(error)
        if full is None:
            raise
        _let_go(error)
        raise FileProblem(full_disk_message(parent, full)) from None
    finally:
        temporary.unlink(missing_ok=True)
        temporary.with_name(temporary.name + ".rows").unlink(missing_ok=True)
