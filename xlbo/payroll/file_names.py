"""File names from Employee IDs: one file per employee, never one over another, on any disk.

A payslip is saved as `<Employee ID>.xlsx` when the ID is already a safe file name. An ID that is
not — it holds a character Windows or a path would read (`/ \\ : * ? " < > |`, a space, a dot),
ends in a dot or space, is a name Windows reserves (CON, NUL, COM1…), or is too long — is cleaned
and gets `-` and a short hash of the exact ID, so that `SPL/001X`, `SPL_001X` and `SPL 001X` stay
three files. Two names that would still meet on a disk that ignores case (Windows, macOS) both get
the hash too. The hash depends on the ID alone, so a person's payslip keeps its name from month to
month.

    >>> payslip_names(["SPL001", "SPL/001X", "SPL 001X", "SPL_001X"])
    {'SPL001': 'SPL001.xlsx', 'SPL/001X': 'SPL_001X-acf0f098.xlsx', \
'SPL 001X': 'SPL_001X-96782099.xlsx', 'SPL_001X': 'SPL_001X.xlsx'}
"""

from __future__ import annotations

import hashlib
import re
from collections import defaultdict
from collections.abc import Iterable

#: Characters kept as they are; anything else in an ID becomes `_`.
_UNSAFE = re.compile(r"[^A-Za-z0-9_-]+")
#: Device names Windows will not create as files, with any extension.
WINDOWS_RESERVED = frozenset(
    {"CON", "PRN", "AUX", "NUL", "CONIN$", "CONOUT$"}
    | {f"{device}{n}" for device in ("COM", "LPT") for n in (*"123456789", "¹", "²", "³")}
)
#: Longest stem taken from an ID (the hash and `.xlsx` come on top: 62 characters at most).
LONGEST_STEM = 48
HASH_LENGTH = 8


def id_hash(employee_id: str, length: int = HASH_LENGTH) -> str:
    """A short hash of the exact ID (case, spaces and all): the same ID, the same hash."""
    return hashlib.sha256(employee_id.encode("utf-8")).hexdigest()[:length]


def safe_stem(employee_id: str) -> str:
    """The ID with every character a file name cannot safely hold turned to `_`, no `_` or `-`
    at the ends, at most `LONGEST_STEM` long; `employee` when nothing is left."""
    stem = _UNSAFE.sub("_", employee_id).strip("_-")[:LONGEST_STEM].rstrip("_-")
    return stem or "employee"


def needs_hash(employee_id: str) -> bool:
    """True when the ID cannot be a file name as it is (it had to be changed, or Windows
    reserves it)."""
    return safe_stem(employee_id) != employee_id or employee_id.upper() in WINDOWS_RESERVED


def payslip_names(employee_ids: Iterable[str], suffix: str = ".xlsx") -> dict[str, str]:
    """Employee ID → file name, one distinct name per ID (distinct even where case is ignored)."""
    ids = list(dict.fromkeys(employee_ids))
    names = {
        code: f"{safe_stem(code)}-{id_hash(code)}" if needs_hash(code) else code for code in ids
    }
    length = HASH_LENGTH
    while True:
        meeting: dict[str, list[str]] = defaultdict(list)
        for code, name in names.items():
            meeting[name.casefold()].append(code)
        clashes = [codes for codes in meeting.values() if len(codes) > 1]
        if not clashes:
            break
        length += 4  # a clash among hashed names: longer hashes for those (never in practice)
        for codes in clashes:
            for code in codes:
                names[code] = f"{safe_stem(code)}-{id_hash(code, length)}"
        if length > 64:  # the same ID twice cannot reach here (ids are deduplicated)
            raise ValueError(f"Employee IDs {clashes[0]} cannot be told apart")
    return {code: name + suffix for code, name in names.items()}
