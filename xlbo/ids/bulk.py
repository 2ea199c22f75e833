"""Checking a whole column of identifiers at once.

The per-value validators explain what is wrong; checking 100,000 vendors through them one by
one is slow. `valid_mask` decides validity for a column with vectorised regular expressions and
numpy check-digit arithmetic, so only the invalid few go through the explaining validator. The
two must agree on every value (a property test holds them to it).

    >>> valid_mask(IdKind.GSTIN, ["27AAPFU0939F1ZV", "27AAPFU0939F1ZF", None]).tolist()
    [True, False, False]
"""

from __future__ import annotations

import functools
import re
from collections.abc import Callable, Sequence
from typing import Any

import numpy as np

from xlbo.ids import IdKind
from xlbo.ids.checksums import _D, _P  # the Verhoeff tables

_PAN = r"[A-Z]{3}[ABCFGHJLPT][A-Z](?!0000)[0-9]{4}[A-Z]"
_STATE = r"(?:0[1-9]|[12][0-9]|3[0-8]|97|99)"
PATTERNS: dict[IdKind, str] = {
    IdKind.PAN: _PAN,
    IdKind.GSTIN: _STATE + _PAN + r"[1-9A-Z]Z[0-9A-Z]",
    IdKind.TAN: r"[A-Z]{4}[0-9]{5}[A-Z]",
    IdKind.IFSC: r"[A-Z]{4}0[A-Z0-9]{6}",
    IdKind.AADHAAR: r"[2-9][0-9]{11}",
    IdKind.UAN: r"[0-9]{12}",
    IdKind.PIN: r"[1-9][0-9]{5}",
    IdKind.MOBILE: r"(?:\+?91|0)?[6-9][0-9]{9}",
}
_SEPARATORS = r"[\s\-./_\u00a0\u200b\u2007\u202f()]+"
_EMAIL = (
    r"(?!\.)(?!.*\.\.[^@]*@)[A-Za-z0-9!#$%&'*+/=?^_`{|}~.-]+"
    r"@(?:[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?\.)+[A-Za-z]{2,63}"
)


def _gstin_checks(codes: list[str]) -> np.ndarray:
    """True where a 15-character GSTIN's last character is its Luhn mod-36 check character."""
    if not codes:
        return np.zeros(0, dtype=bool)
    raw = np.frombuffer("".join(codes).encode("ascii"), dtype=np.uint8).reshape(-1, 15)
    values = np.where(raw >= 65, raw.astype(np.int64) - 55, raw.astype(np.int64) - 48)
    products = values[:, :14] * np.tile([1, 2], 7)
    total = (products // 36 + products % 36).sum(axis=1)
    return np.asarray(((36 - total % 36) % 36) == values[:, 14])


def _verhoeff(numbers: list[str]) -> np.ndarray:
    """True where a 12-digit number passes the Verhoeff check."""
    if not numbers:
        return np.zeros(0, dtype=bool)
    digits = np.frombuffer("".join(numbers).encode("ascii"), dtype=np.uint8).reshape(-1, 12) - 48
    d, p = np.array(_D), np.array(_P)
    check = np.zeros(len(digits), dtype=np.int64)
    for position in range(12):
        check = d[check, p[position % 8, digits[:, 11 - position]]]
    return np.asarray(check == 0)


EXTRA: dict[IdKind, Callable[[list[str]], np.ndarray]] = {
    IdKind.GSTIN: _gstin_checks,
    IdKind.AADHAAR: _verhoeff,
}


def valid_mask(kind: IdKind, values: Sequence[Any], pattern: str | None = None) -> np.ndarray:
    """For each value, True when it is a valid identifier of `kind` written as text.

    Values that are not text (numbers typed into the cell, blanks, dates) come back False; the
    caller sends every False through the explaining validator, which reads numbers correctly.
    `pattern` overrides the kind's regular expression (for checks outside `IdKind`).
    """
    if kind is IdKind.EMAIL and pattern is None:
        email = _compiled(_EMAIL)
        return np.fromiter(
            (
                type(v) is str
                and len(v) <= 254
                and email.fullmatch(v.strip().removeprefix("mailto:")) is not None
                for v in values
            ),
            dtype=bool,
            count=len(values),
        )
    shape = _compiled(pattern or PATTERNS[kind])
    separators = _compiled(_SEPARATORS)
    texts = [separators.sub("", v).upper() if type(v) is str else "" for v in values]
    mask = np.fromiter(
        (shape.fullmatch(t) is not None for t in texts), dtype=bool, count=len(texts)
    )
    extra = EXTRA.get(kind)
    if extra is not None and mask.any():
        passing = [texts[i] for i in np.flatnonzero(mask).tolist()]
        if kind is IdKind.AADHAAR:
            passing = [t[-12:] for t in passing]
        mask[mask] = extra(passing)
    return mask


@functools.lru_cache(maxsize=64)
def _compiled(pattern: str) -> re.Pattern[str]:
    return re.compile(pattern)
