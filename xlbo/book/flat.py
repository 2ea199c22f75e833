"""Tables as flat files, for results too long to be useful as sheets: CSV (opens in Excel,
dates day first, text never a formula) and Parquet (typed: exact decimals, real dates).

    >>> safe_csv_text("=HYPERLINK(1)"), safe_csv_text("Om Sai")
    ("'=HYPERLINK(1)", 'Om Sai')
"""

from __future__ import annotations

import codecs
from datetime import date, datetime
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd

from xlbo.arrow import pa
from xlbo.book.atomic import atomic_path
from xlbo.book.display import FORMULA_STARTS, Link
from xlbo.columns import strings
from xlbo.errors import FileProblem

try:
    import pyarrow.csv as pa_csv
    import pyarrow.parquet as pa_parquet
except ImportError:  # pragma: no cover - where pyarrow is absent
    pa_csv = pa_parquet = None

FLAT_SUFFIXES = (".csv", ".parquet")


def safe_csv_text(value: object) -> object:
    """A CSV field that no spreadsheet will run as a formula."""
    if isinstance(value, str) and value.startswith(FORMULA_STARTS):
        return "'" + value
    return value


def _formula_like(texts: pd.Series) -> np.ndarray:
    """Which of a column of text a spreadsheet would run as a formula (`safe_csv_text`)."""
    return np.asarray(texts.str.startswith(FORMULA_STARTS).fillna(False), dtype=bool)


def _flat_column(column: pd.Series, csv: bool) -> pd.Series:
    """A column as a flat file holds it: links as their text; for CSV, dates day first and text
    that no spreadsheet will run as a formula."""
    if isinstance(column.dtype, pd.CategoricalDtype):
        column = column.astype(object)
    if column.dtype != object:
        if csv and pd.api.types.is_string_dtype(column.dtype):
            return column.where(~_formula_like(column), "'" + column)
        return column
    out = column.copy()
    kinds = column.map(type)  # each cell's kind looked at once, the rest done by kind in bulk
    linked = [kind for kind in pd.unique(kinds) if issubclass(kind, Link)]  # the few kinds
    links = kinds.isin(linked).to_numpy(dtype=bool)
    if links.any():  # a link's text, then treated as any other value
        out[links] = [link.text for link in column[links]]
        kinds[links] = out[links].map(type)
    if not csv:
        return out
    dates = kinds.isin([date, datetime, pd.Timestamp]).to_numpy(dtype=bool)
    if dates.any():  # each distinct date formatted once (a statement repeats its dates)
        codes, distinct = pd.factorize(out[dates])
        shown = np.array([d.strftime("%d-%m-%Y") for d in distinct], dtype=object)
        out[dates] = shown[codes]
    texts = np.flatnonzero(kinds.isin([str]).to_numpy(dtype=bool))
    if len(texts):  # the few that a spreadsheet would run as a formula, found in bulk
        risky = texts[_formula_like(strings(out.iloc[texts]))]
        out.iloc[risky] = ["'" + text for text in out.iloc[risky].tolist()]
    return out


def _arrow_table(frame: pd.DataFrame) -> Any:
    """The frame as an Arrow table; a column mixing kinds of values (1 and "two") as text."""
    try:
        return pa.Table.from_pandas(frame, preserve_index=False)
    except (pa.ArrowInvalid, pa.ArrowTypeError):
        pass
    texts = {}
    for name in frame.columns:
        if frame[name].dtype != object:
            continue
        try:
            pa.array(frame[name], from_pandas=True)
        except (pa.ArrowInvalid, pa.ArrowTypeError):
            texts[str(name)] = frame[name].map(lambda v: v if v is None else str(v))
    return pa.Table.from_pandas(frame.assign(**texts), preserve_index=False)


def _write_csv(frame: pd.DataFrame, path: Path) -> None:
    """UTF-8 with a byte-order mark (so Excel reads Indian names right); through pyarrow's C++
    writer where present, several times faster than pandas' for a million rows."""
    if pa is None:  # pragma: no cover - where pyarrow is absent
        frame.to_csv(path, index=False, encoding="utf-8-sig")
        return
    with path.open("wb") as handle:
        handle.write(codecs.BOM_UTF8)
        pa_csv.write_csv(_arrow_table(frame), handle)


def write_flat(path: str | Path, frame: pd.DataFrame) -> Path:
    """Write `frame` to `path` (.csv or .parquet), atomically (inside a `result_set`, with the
    rest of the set); return the path."""
    target = Path(path)
    suffix = target.suffix.lower()
    if suffix not in FLAT_SUFFIXES:
        raise FileProblem(f"{target.name}: write a table as .csv or .parquet.")
    flat = frame.apply(lambda column: _flat_column(column, csv=suffix == ".csv"))
    with atomic_path(target) as temporary:
        if suffix == ".csv":
            _write_csv(flat, temporary)
        else:
            if pa is None:
                raise FileProblem(
                    f"{target.name}: writing Parquet needs pyarrow (pip install pyarrow); "
                    "write CSV instead."
                )
            pa_parquet.write_table(_arrow_table(flat), temporary)
    return target
