"""Tables as flat files, for results too long to be useful as sheets: CSV (opens in Excel,
dates day first, text never a formula) and Parquet (typed: exact decimals, real dates).

    >>> safe_csv_text("=HYPERLINK(1)"), safe_csv_text("Om Sai")
    ("'=HYPERLINK(1)", 'Om Sai')
"""

from __future__ import annotations

from datetime import date, datetime
from pathlib import Path

import pandas as pd

from xlbo.book.atomic import atomic_path
from xlbo.book.display import Link
from xlbo.errors import FileProblem

FLAT_SUFFIXES = (".csv", ".parquet")


def safe_csv_text(value: object) -> object:
    """A CSV field that no spreadsheet will run as a formula."""
    if isinstance(value, str) and value[:1] in ("=", "+", "-", "@"):
        return "'" + value
    return value


def _plain(column: pd.Series) -> pd.Series:
    """A column without links (their text instead)."""
    if column.dtype != object:
        return column
    links = column.map(lambda v: isinstance(v, Link)).to_numpy(dtype=bool)
    if not links.any():
        return column
    return column.where(~links, column[links].map(lambda v: v.text))


def _csv_column(column: pd.Series) -> pd.Series:
    if pd.api.types.is_string_dtype(column.dtype) and column.dtype != object:
        risky = column.str.startswith(("=", "+", "-", "@")).fillna(False).to_numpy(dtype=bool)
        return column.where(~risky, "'" + column)
    if column.dtype != object:
        return column
    kinds = column.map(type)
    out = column.copy()
    dates = kinds.isin([date, datetime, pd.Timestamp]).to_numpy(dtype=bool)
    if dates.any():
        out[dates] = pd.to_datetime(column[dates]).dt.strftime("%d-%m-%Y").to_numpy()
    texts = kinds.isin([str]).to_numpy(dtype=bool)
    if texts.any():
        out[texts] = column[texts].map(safe_csv_text).to_numpy()
    return out


def write_flat(path: str | Path, frame: pd.DataFrame) -> Path:
    """Write `frame` to `path` (.csv or .parquet), atomically; return the path."""
    target = Path(path)
    suffix = target.suffix.lower()
    if suffix not in FLAT_SUFFIXES:
        raise FileProblem(f"{target.name}: write a table as .csv or .parquet.")
    plain = frame.apply(_plain)
    with atomic_path(target) as temporary:
        if suffix == ".csv":
            plain.apply(_csv_column).to_csv(temporary, index=False, encoding="utf-8-sig")
        else:
            try:
                plain.to_parquet(temporary, index=False)
            except ImportError:
                raise FileProblem(
                    f"{target.name}: writing Parquet needs pyarrow (pip install pyarrow); "
                    "write CSV instead."
                ) from None
    return target
