"""What a job posted, as the audit trail keeps it: one `AuditRecord` per row added to, changed
in or removed from a sheet of the books, with the cells' old and new values as text.

Values are kept as text the way an auditor reads them and JSON keeps them exactly: money as a
decimal string (`"52378.00"`, never a float), dates ISO (`"2026-10-01"`), blanks as `""`.

    >>> from decimal import Decimal
    >>> cell_text(Decimal("52378.5")), cell_text(0.1 + 0.2), cell_text(None)
    ('52378.5', '0.3', '')
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date, datetime, time
from decimal import Decimal
from enum import StrEnum
from typing import Any

import pandas as pd

from xlbo.journal_layout import HEADERS, SHEET
from xlbo.money import decimal_text

MONEY_HEADERS = frozenset({"Debit", "Credit"})


class Change(StrEnum):
    """What happened to a row."""

    ADDED = "added"
    CHANGED = "changed"
    REMOVED = "removed"


@dataclass(frozen=True)
class AuditRecord:
    """One row a job added to (or changed in, removed from) a sheet of the books.

    `key` names the row to a person (`SAL/2026-10 line 3`, `Journal!A12`); `new` and `old`
    map each header to its cell as text (`old` empty for a row added, `new` for one removed)."""

    change: Change
    sheet: str
    key: str
    new: Mapping[str, str] = field(default_factory=dict)
    old: Mapping[str, str] = field(default_factory=dict)

    def plain(self) -> dict[str, Any]:
        """The record as plain JSON."""
        return {
            "change": str(self.change),
            "sheet": self.sheet,
            "key": self.key,
            "old": dict(self.old),
            "new": dict(self.new),
        }


def cell_text(value: Any) -> str:
    """A cell as exact text: money and numbers as decimal strings (a float through its shortest
    repr, binary noise beyond paise dropped), dates ISO, blanks and NaN as ''."""
    if value is None or value is pd.NaT:
        return ""
    if isinstance(value, bool):
        return "TRUE" if value else "FALSE"
    if isinstance(value, int):
        return str(value)
    if isinstance(value, float):
        if math.isnan(value):
            return ""
        if not math.isfinite(value):
            return repr(value)
        if value.is_integer():
            return str(int(value))
        number = Decimal(repr(value))
        rounded = round(number, 6).normalize()
        return format(rounded if abs(rounded - number) < Decimal("1e-9") else number, "f")
    if isinstance(value, Decimal):
        return format(value, "f")
    if isinstance(value, datetime):
        if value.time() == time(0):
            return value.date().isoformat()
        return value.isoformat()
    if isinstance(value, date | time):
        return value.isoformat()
    if isinstance(value, pd.Timestamp):
        return cell_text(value.to_pydatetime())
    return str(value)


def amount_cell(value: Any) -> str:
    """A Debit or Credit cell as rupees with two decimals ('' when blank)."""
    return decimal_text(cell_text(value))


def journal_records(frame: pd.DataFrame, sheet: str = SHEET) -> tuple[AuditRecord, ...]:
    """Every line of a Journal frame (the `HEADERS` columns) as a record added to `sheet`, keyed
    by its voucher and its line within the voucher."""
    records: list[AuditRecord] = []
    seen: dict[str, int] = {}
    headers = [h for h in HEADERS if h in frame.columns]
    for values in frame[headers].itertuples(index=False, name=None):
        new = {
            header: amount_cell(value) if header in MONEY_HEADERS else cell_text(value)
            for header, value in zip(headers, values, strict=True)
        }
        voucher = new.get("Voucher No", "")
        seen[voucher] = seen.get(voucher, 0) + 1
        records.append(AuditRecord(Change.ADDED, sheet, f"{voucher} line {seen[voucher]}", new))
    return tuple(records)


def rows_records(frame: pd.DataFrame, sheet: str, key: str) -> tuple[AuditRecord, ...]:
    """Every row of `frame` as a record added to `sheet`, keyed by its `key` column."""
    records = []
    columns = [str(c) for c in frame.columns]
    for number, values in enumerate(frame.itertuples(index=False, name=None), 1):
        new = {c: cell_text(v) for c, v in zip(columns, values, strict=True)}
        records.append(AuditRecord(Change.ADDED, sheet, new.get(key) or f"row {number}", new))
    return tuple(records)


def from_plain(plain: Mapping[str, Any]) -> AuditRecord:
    """A record as the log keeps it, back."""
    return AuditRecord(
        Change(plain.get("change", "added")),
        str(plain.get("sheet", "")),
        str(plain.get("key", "")),
        {str(k): str(v) for k, v in dict(plain.get("new") or {}).items()},
        {str(k): str(v) for k, v in dict(plain.get("old") or {}).items()},
    )
