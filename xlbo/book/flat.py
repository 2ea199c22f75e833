"""Tables as flat files, for results too long to be useful as sheets: CSV (opens in Excel,
dates day first, text never a formula) and Parquet (typed: exact decimals, real dates).

    >>> safe_csv_text("=HYPERLINK(1)"), safe_csv_text("Om Sai")
    ("'=HYPERLINK(1)", 'Om Sai')
"""

from __future__ import annotations

import codecs
from datetime import date, datetime
from pathlib import Path

import numpy as np
import pandas as pd

from xlbo.book.atomic import atomic_path
from xlbo.book.display import Link
from xlbo.errors import FileProblem

try:
    import pyarrow as pa
    import pyarrow.csv as pa_csv
except ImportError:  # pragma: no cover - where pyarrow is absent
    pa = pa_csv = None

FLAT_SUFFIXES = (".csv", ".parquet")


def safe_csv_text(value: object) -> object:
    """A CSV field that no spreadsheet will run as a formula."""
    if isinstance(value, str) and value[:1] in ("=", "+", "-", "@"):
        return "'" + value
    return value


def _flat_column(column: pd.Series, csv: bool) -> pd.Series:
    """A column as a flat file holds it: links as their text; for CSV, dates day first and text
    that no spreadsheet will run as a formula."""
    if column.dtype != object:
        if csv and pd.api.types.is_string_dtype(column.dtype):
            risky = column.str.startswith(("=", "+", "-", "@")).fillna(False).to_numpy(dtype=bool)
            return column.where(~risky, "'" + column)
        return column
    kinds = column.map(type)
    out = column.copy()
    links = kinds.isin([Link]).to_numpy(dtype=bool)
    if links.any():
        out[links] = [link.text for link in column[links]]
    if not csv:
        return out
    dates = kinds.isin([date, datetime, pd.Timestamp]).to_numpy(dtype=bool)
    if dates.any():  # each distinct date formatted once (a statement repeats its dates)
        codes, distinct = pd.factorize(column[dates])
        shown = np.array([d.strftime("%d-%m-%Y") for d in distinct], dtype=object)
        out[dates] = shown[codes]
    texts = kinds.isin([str]).to_numpy(dtype=bool)
    if texts.any():
        out[texts] = column[texts].map(safe_csv_text).to_numpy()
    return out


def _write_csv(frame: pd.DataFrame, path: Path) -> None:
    """UTF-8 with a byte-order mark (so Excel reads Indian names right); through pyarrow's C++
    writer where present, several times faster than pandas' for a million rows."""
    if pa is None:  # pragma: no cover - where pyarrow is absent
        frame.to_csv(path, index=False, encoding="utf-8-sig")
        return
    table = pa.Table.from_pandas(
        frame.astype(dict.fromkeys(_mixed(frame), str)), preserve_index=False
    )
    with path.open("wb") as handle:
        handle.write(codecs.BOM_UTF8)
        pa_csv.write_csv(table, handle)


def _mixed(frame: pd.DataFrame) -> list[str]:
    """Object columns that Arrow cannot take as they are (mixed kinds of values): as text."""
    mixed = []
    for name in frame.columns:
        column = frame[name]
        if column.dtype == object and column.map(type).nunique(dropna=False) > 1:
            mixed.append(str(name))
    return mixed


def write_flat(path: str | Path, frame: pd.DataFrame) -> Path:
    """Write `frame` to `path` (.csv or .parquet), atomically; return the path."""
    target = Path(path)
    suffix = target.suffix.lower()
    if suffix not in FLAT_SUFFIXES:
        raise FileProblem(f"{target.name}: write a table as .csv or .parquet.")
    flat = frame.apply(lambda column: _flat_column(column, csv=suffix == ".csv"))
    with atomic_path(target) as temporary:
        if suffix == ".csv":
            _write_csv(flat, temporary)
        else:
            try:
                flat.to_parquet(temporary, index=False)
            except ImportError:
                raise FileProblem(
                    f"{target.name}: writing Parquet needs pyarrow (pip install pyarrow); "
                    "write CSV instead."
                ) from None
    return target
