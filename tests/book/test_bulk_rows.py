"""Large sheets: their data rows are written in bulk (xlbo.book.sheet_xml), and a user must not
be able to tell — the same values, formats, links and text as the cell-by-cell writer."""

from __future__ import annotations

import contextlib
import zipfile
from datetime import date, datetime
from decimal import Decimal
from pathlib import Path
from typing import Any

import numpy as np
import openpyxl
import pandas as pd
import pytest

import xlbo.book.sheet_xml as sheet_xml
import xlbo.book.xlsx as xlsx
from xlbo.book import Column, FileBook, Kind, Link, ResultSheet, write_workbook

ROWS = 40

TRICKY_TEXT = [
    '=HYPERLINK("http://evil")',
    "+91 98200 12345",
    "-5",
    "@SUM(A1)",
    "  leading and trailing  ",
    "a < b & c > d",
    "tab\there",
    "bell\x07char",
    "_x0041_ literal escape",
    "x" * 40000,
    "देवनागरी ✓ 😀",
    "",
]


def frame() -> pd.DataFrame:
    rows = []
    for index in range(ROWS):
        rows.append(
            {
                "Bank Row": Link(
                    index + 3, "Statement", f"A{index + 3}", file="HDFC statement.xlsx"
                )
                if index % 3
                else index + 3,
                "Here": Link(f"B{index}", "Kumar's sheet", f"B{index + 2}"),
                "Text": TRICKY_TEXT[index % len(TRICKY_TEXT)] if index % 7 else None,
                "Amount": Decimal("1234567.50") - index if index % 5 else None,
                "Paise": np.int64(index * 100),
                "Float": float("nan") if index == 4 else index / 3,
                "Date": date(2026, 10, 1 + index % 28) if index % 6 else None,
                "Stamp": datetime(2026, 10, 1, 9, 30) if index == 2 else pd.NaT,
                "Flag": index % 2 == 0,
                "Mixed": [1, "two", 3.5, True, None, date(2026, 1, 1), pd.NA][index % 7],
            }
        )
    data = pd.DataFrame(rows)
    data["Maybe"] = pd.array([None if i % 4 == 0 else i % 3 == 0 for i in range(ROWS)], "boolean")
    data["Count"] = pd.array([None if i % 5 == 0 else i for i in range(ROWS)], "Int64")
    return data


def sheets() -> list[ResultSheet]:
    data = frame()
    return [
        ResultSheet(
            "Matches",
            data,
            columns={
                "Amount": Column(kind=Kind.MONEY),
                "Date": Column(kind=Kind.DATE),
                "Stamp": Column(kind=Kind.DATE),
            },
            title=("Bank reconciliation", "a subtitle"),
        ),
        ResultSheet("Kumar's sheet", pd.DataFrame({"A": [1, 2]})),
        ResultSheet("Ints", pd.DataFrame({"N": np.arange(ROWS), "B": [True] * ROWS})),
    ]


def snapshot(path: Path) -> dict[str, Any]:
    book = openpyxl.load_workbook(path)
    seen: dict[str, Any] = {}
    for ws in book.worksheets:
        seen[ws.title] = [
            (
                cell.coordinate,
                cell.value,
                cell.number_format,
                cell.data_type,
                cell.font.underline,
                cell.hyperlink.target if cell.hyperlink else None,
                cell.hyperlink.location if cell.hyperlink else None,
            )
            for row in ws.iter_rows()
            for cell in row
            if cell.value is not None or cell.hyperlink
        ]
        seen[ws.title + " dims"] = ws.dimensions
    return seen


@pytest.fixture
def both(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> tuple[Path, Path]:
    cellwise = write_workbook(tmp_path / "cells.xlsx", sheets())
    monkeypatch.setattr(xlsx, "BULK_ROWS", 10)
    bulk = write_workbook(tmp_path / "bulk.xlsx", sheets())
    return cellwise, bulk


def test_bulk_rows_read_back_exactly_as_cell_by_cell(both: tuple[Path, Path]) -> None:
    cellwise, bulk = both
    ours, theirs = snapshot(bulk), snapshot(cellwise)
    # A literal "_x0041_" must be written "_x005F_x0041_", or Excel shows "A": the bulk writer
    # does; xlsxwriter's streaming writer does not. Everything else is the same.
    escaped = "_x005F_x0041_ literal escape"
    ours["Matches"] = [
        (c[0], "_x0041_ literal escape", *c[2:]) if c[1] == escaped else c for c in ours["Matches"]
    ]
    assert ours == theirs


def test_bulk_rows_keep_user_text_as_text_and_links_working(both: tuple[Path, Path]) -> None:
    _, bulk = both
    ws = openpyxl.load_workbook(bulk)["Matches"]
    headers = [c.value for c in ws[4]]
    assert headers[:3] == ["Bank Row", "Here", "Text"]
    text = {ws.cell(row, 3).value for row in range(5, 5 + ROWS)}
    assert '=HYPERLINK("http://evil")' in text and "@SUM(A1)" in text
    assert ws.cell(6, 1).value == 4 and ws.cell(6, 1).hyperlink.target == "HDFC%20statement.xlsx"
    assert ws.cell(6, 1).hyperlink.location == "'Statement'!A4"
    assert ws.cell(5, 2).hyperlink.location == "'Kumar''s sheet'!B2"
    assert ws.cell(6, 4).number_format == ws.cell(7, 4).number_format != "General"
    amounts = FileBook(bulk).read_table("Matches", ["Bank Row", "Amount"]).frame["Amount"]
    assert amounts.iloc[1] == 1234566.5


def test_links_stop_at_excels_limit(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(xlsx, "BULK_ROWS", 10)
    monkeypatch.setattr(xlsx, "MAX_LINKS", 5)
    data = pd.DataFrame({"Row": [Link(n, "S", f"A{n}", file="b.xlsx") for n in range(20)]})
    ws = openpyxl.load_workbook(write_workbook(tmp_path / "l.xlsx", [ResultSheet("S", data)]))["S"]
    linked = [c.value for (c,) in ws.iter_rows(min_row=2) if c.hyperlink]
    assert linked == [0, 1, 2, 3, 4]
    assert [c.value for (c,) in ws.iter_rows(min_row=2)] == list(range(20))


@pytest.mark.libreoffice
def test_bulk_workbook_opens_in_libreoffice_with_the_same_values(
    both: tuple[Path, Path], libreoffice: Any
) -> None:
    _, bulk = both
    saved = libreoffice(bulk, "xlsx") / "bulk.xlsx"
    ours = openpyxl.load_workbook(bulk)["Matches"]
    theirs = openpyxl.load_workbook(saved)["Matches"]
    for column in (1, 4, 5, 7):  # row numbers, money, integers, dates
        mine = [ours.cell(r, column).value for r in range(5, 5 + ROWS)]
        assert [theirs.cell(r, column).value for r in range(5, 5 + ROWS)] == mine
    assert theirs.cell(6, 1).hyperlink is not None
    plain = [v for v in TRICKY_TEXT if v.isprintable() and len(v) < 1000 and v.strip() == v]
    texts = {theirs.cell(r, 3).value for r in range(5, 5 + ROWS)}
    assert set(plain) - {""} <= texts


def test_bulk_numbers_and_dates_read_back_as_the_very_same_values(tmp_path: Path) -> None:
    """Whole numbers, paise and other figures, and dates on both sides of 1 March 1900, as
    openpyxl reads them back from a bulk-written sheet."""
    numbers = [0.0, 7.0, -12.0, 0.07, -0.05, 1234.5, 1234.56, -731916605505.68, 1e15, 1 / 3]
    numbers += [2.5e-7, 123456789012.34, 99999999999.99]
    days = [date(2026, 4, 1), datetime(2026, 5, 3, 13, 45, 7), date(1900, 1, 5), date(1900, 3, 1)]
    count = len(numbers)
    table = pd.DataFrame(
        {
            "Figure": pd.Series(numbers, dtype="float64"),
            "When": pd.Series([days[i % len(days)] for i in range(count)], dtype=object),
        }
    )
    out = tmp_path / "numbers.xlsx"
    sheet = ResultSheet("Numbers", table, columns=[Column("Figure"), Column("When", Kind.DATE)])
    original = xlsx.BULK_ROWS
    xlsx.BULK_ROWS = 1
    try:
        write_workbook(out, [sheet])
    finally:
        xlsx.BULK_ROWS = original
    rows = list(openpyxl.load_workbook(out)["Numbers"].iter_rows(min_row=2, values_only=True))
    assert [r[0] for r in rows] == numbers
    written = [r[1] for r in rows]
    expected = [days[i % len(days)] for i in range(count)]
    assert [
        w.date() if isinstance(d, date) and not isinstance(d, datetime) else w
        for w, d in zip(written, expected, strict=True)
    ] == expected


@pytest.mark.parametrize("limit", [65530, 23])
def test_chunks_built_by_a_second_process_make_the_same_workbook(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, limit: int
) -> None:
    """A sheet of several chunks: a forked child builds every other chunk (`_chunks`). Six
    rows a chunk, forty rows: the same sheets, byte for byte, as one process builds; with 23
    links allowed, the limit falls inside a chunk the child built with every link, which is
    built again here."""
    monkeypatch.setattr(xlsx, "BULK_ROWS", 10)
    monkeypatch.setattr(xlsx, "MAX_LINKS", limit)
    monkeypatch.setattr(sheet_xml, "CHUNK_ROWS", 6)
    taken: list[object] = []
    beside = sheet_xml.beside

    @contextlib.contextmanager
    def watched(work: Any, items: Any) -> Any:
        with beside(work, items) as take:
            yield lambda: taken.append(given := take()) or given

    monkeypatch.setattr(sheet_xml, "beside", watched)
    together = write_workbook(tmp_path / "together.xlsx", sheets())
    # rows 6-11, 18-23 and 30-35 of Matches and of Ints, each built by the child
    assert len(taken) == 6 and all(piece is not None for piece in taken)
    monkeypatch.setenv("XLBO_NO_FORK", "1")
    alone = write_workbook(tmp_path / "alone.xlsx", sheets())
    with zipfile.ZipFile(together) as ours, zipfile.ZipFile(alone) as theirs:
        parts = [n for n in ours.namelist() if n.startswith("xl/worksheets/")]
        assert parts == [n for n in theirs.namelist() if n.startswith("xl/worksheets/")]
        for part in parts:
            assert ours.read(part) == theirs.read(part), part
    cells = openpyxl.load_workbook(together)["Matches"].iter_rows(min_row=5)
    assert sum(1 for row in cells for c in row if c.hyperlink) == min(limit, 66)  # 26 + 40
