"""Tables as CSV and Parquet files: what a user sees when they open them."""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from pathlib import Path

import pandas as pd

from xlbo.book import Link
from xlbo.book.flat import write_flat

TABLE = pd.DataFrame(
    {
        "Row": [Link(5, "S", "A5", file="b.xlsx"), Link("=cmd|' /C calc'!A0", "S", "A6")],
        "Party": pd.Categorical(["@SUM(A1)", "Om Sai"]),
        "Narration": pd.array(["+91 98200", "NEFT"], dtype="str"),
        "Date": [date(2026, 10, 1), None],
        "Amount": [Decimal("1234.50"), Decimal("-0.05")],
        "Mixed": [1, "two"],
    }
)


def test_csv_is_day_first_and_never_a_formula(tmp_path: Path) -> None:
    path = write_flat(tmp_path / "t.csv", TABLE)
    assert path.read_bytes().startswith(b"\xef\xbb\xbf")  # so Excel reads it as UTF-8
    back = pd.read_csv(path, dtype=str, keep_default_na=False, encoding="utf-8-sig")
    assert back["Row"].tolist() == ["5", "'=cmd|' /C calc'!A0"]
    assert back["Party"].tolist() == ["'@SUM(A1)", "Om Sai"]
    assert back["Narration"].tolist() == ["'+91 98200", "NEFT"]
    assert back["Date"].tolist() == ["01-10-2026", ""]
    assert back["Amount"].tolist() == ["1234.50", "-0.05"]
    assert back["Mixed"].tolist() == ["1", "two"]


def test_parquet_keeps_types(tmp_path: Path) -> None:
    back = pd.read_parquet(write_flat(tmp_path / "t.parquet", TABLE.drop(columns=["Mixed"])))
    assert back["Amount"].tolist() == [Decimal("1234.50"), Decimal("-0.05")]
    assert back["Date"].iloc[0] == date(2026, 10, 1)
    assert back["Row"].tolist() == ["5", "=cmd|' /C calc'!A0"]  # mixed kinds: as text
