"""The Letters button, from the classic add-in and from a Lite workbook: the first click adds
the Letters sheet, the next merges what is ticked there — the letters' text on the Merged
Letters sheet (all a Lite workbook, with no folder, gets) and, in a saved workbook, the files
`xlbo letters` writes, with the same text."""

from __future__ import annotations

import importlib
from collections.abc import Callable
from datetime import date, datetime
from pathlib import Path
from typing import Any

import pytest

from tests.letters.conftest import COMPANY, EMPLOYEES
from tests.xlwings_double import Book
from xlbo.cli import main
from xlbo.errors import UserError
from xlbo.excel.lite import run_script
from xlbo.letters.template import docx_text

Door = Callable[[str, Book], str]


def _classic(name: str, book: Book) -> str:
    """The ribbon's handler; what to fix is the message Excel's alert shows."""
    try:
        outcome: str = getattr(importlib.import_module("macros.xlbo_buttons"), name)(book)
    except UserError as problem:
        return problem.message
    return outcome


def _lite(name: str, book: Book) -> str:
    return run_script(name, book)


DOORS = pytest.mark.parametrize("door", [_classic, _lite], ids=["classic", "lite"])


def _book(folder: Path | None = None) -> Book:
    def cell(value: Any) -> Any:  # Excel hands dates as datetimes and numbers as floats
        if isinstance(value, date) and not isinstance(value, datetime):
            return datetime(value.year, value.month, value.day)
        if isinstance(value, int) and not isinstance(value, bool):
            return float(value)
        return value

    tables = {
        "Company": [list(map(cell, r)) for r in COMPANY],
        "Employees": [list(map(cell, r)) for r in EMPLOYEES],
    }
    book = Book.from_tables(tables, name="master.xlsx")
    if folder is not None:
        book.fullname = str(folder / "master.xlsx")
    return book


def _rows(book: Book, sheet: str) -> list[list[Any]]:
    values = book.sheets[sheet].values
    last_row = max(r for r, _ in values)
    last_column = max(c for _, c in values)
    return [[values.get((r, c)) for c in range(1, last_column + 1)] for r in range(1, last_row + 1)]


def _tick(book: Book, template: str) -> None:
    rows = _rows(book, "Letters")
    header = rows[0]
    for number, row in enumerate(rows[1:], start=2):
        if row[header.index("Template")] == template:
            book.sheets["Letters"].range((number, header.index("Merge") + 1)).value = "Yes"


@DOORS
def test_first_click_lists_the_letters_then_merges_the_ticked_ones(
    door: Door, tmp_path: Path
) -> None:
    book = _book()  # never saved: as in Lite, no folder to write in
    said = door("letters", book)
    assert said.startswith("Added the Letters sheet listing xlbo's letters")
    listed = _rows(book, "Letters")
    assert listed[0][:3] == ["Template", "Sheet", "Merge"]
    assert [r[0] for r in listed[1:]] == [
        "appointment",
        "experience",
        "salary-certificate",
        "payment-reminder",
        "payment-advice",
    ]
    assert "Type Yes under Merge" in door("letters", book)  # nothing ticked yet

    _tick(book, "appointment")
    said = door("letters", book)
    assert said.startswith("Merged 3 letters (appointment, English, Hindi) from the Employees")
    assert "their text is on the Merged Letters sheet (no folder to write files in)" in said
    merged = _rows(book, "Merged Letters")
    header = merged[0]
    assert header == ["Row", "Key", "Name", "Language", "To", "Subject", "File", "Letter"]
    by_key = {r[1]: dict(zip(header, r, strict=True)) for r in merged[1:]}
    assert by_key["E002"]["Language"] == "Hindi"
    assert by_key["E002"]["Subject"] == "नियुक्ति पत्र"
    assert "Subject: Appointment as Accounts Executive" in by_key["E001"]["Letter"]
    assert list(tmp_path.iterdir()) == []  # no file anywhere


def test_saved_workbook_gets_the_files_the_command_line_writes(tmp_path: Path) -> None:
    saved = tmp_path / "saved"
    saved.mkdir()
    book = _book(saved)
    _classic("letters", book)
    _tick(book, "experience")
    said = _classic("letters", book)
    assert "into " + str(saved / "letters") in said
    names = sorted(p.name for p in (saved / "letters").iterdir())
    assert "experience-E001.docx" in names and "experience-E001.eml" in names

    # the command line, on the same rows, writes the same letters
    from tests.conftest import write_xlsx

    master = write_xlsx(tmp_path / "master.xlsx", {"Company": COMPANY, "Employees": EMPLOYEES})
    out = tmp_path / "cli"
    today = f"{date.today():%d-%m-%Y}"
    main(
        [
            "letters",
            "experience",
            "--data",
            str(master),
            "--out",
            str(out),
            "--no-pdf",
            "--as-at",
            today,
        ]
    )
    for key in ("E001", "E002", "E003"):
        name = f"experience-{key}.docx"
        assert docx_text(saved / "letters" / name) == docx_text(out / name), key
