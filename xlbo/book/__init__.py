"""The workbook port: read a table, write result tables with their display.

One small interface, several adapters:

- files (this package): `FileBook` reads `.xlsx`/`.xlsm`/`.xls`/`.ods`/`.csv` through calamine;
  `write_workbook` writes new files through xlsxwriter; `xlbo.book.edit.write_into` adds sheets
  to an existing workbook through openpyxl (imported only by what edits a workbook: loading
  openpyxl took a tenth of a second of every command). Every write is atomic, and a job's files
  written inside `result_set(folder)` go into place together (earlier ones kept as
  `NAME (previous)`; see `xlbo.book.atomic`).
- xlwings (`xlbo.book.excel`, issue 3): the same reads and writes on a live `xw.Book`.

Jobs take a `Reader` and return `ResultSheet`s; the door that runs a job decides where they go.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Protocol

from xlbo.book.atomic import atomic_path, result_set
from xlbo.book.display import Colour, Column, Highlight, Kind, Link, ResultSheet
from xlbo.book.files import FileBook, build_table
from xlbo.book.table import Table, column_letter, find_header_row
from xlbo.book.xlsx import write_workbook


class Reader(Protocol):
    """What a job needs of a workbook it reads."""

    name: str

    def sheet_names(self) -> list[str]: ...

    def has(self, name: str) -> bool: ...

    def read_table(
        self, name: str, headers: Sequence[str] | None = None, *, title: str | None = None
    ) -> Table: ...


__all__ = [
    "Colour",
    "Column",
    "FileBook",
    "Highlight",
    "Kind",
    "Link",
    "Reader",
    "ResultSheet",
    "Table",
    "atomic_path",
    "build_table",
    "column_letter",
    "find_header_row",
    "result_set",
    "write_workbook",
]
