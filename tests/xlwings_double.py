"""A test double for `xw.Book`: just the API subset xlbo's xlwings adapter may use (the part
both classic xlwings and xlwings Lite provide), on plain Python dicts.

It behaves like Excel where it matters to the tests: a 2-D list written to one cell fills the
block below and right of it; text starting with `'` is stored as text without the apostrophe,
text starting with `=` becomes a formula (recorded, so a test can prove user text never does);
formats, colours and formulas cannot be read back, as in Lite.
"""

from __future__ import annotations

import re
from datetime import date, datetime
from typing import Any

Cell = tuple[int, int]


def parse_address(address: str) -> Cell:
    match = re.fullmatch(r"\$?([A-Z]{1,3})\$?(\d+)", address.upper())
    if not match:
        raise ValueError(f"bad address {address}")
    column = 0
    for char in match.group(1):
        column = column * 26 + ord(char) - 64
    return int(match.group(2)), column


class Font:
    def __init__(self, rng: Range) -> None:
        self._rng = rng

    def _set(self, key: str, value: Any) -> None:
        for cell in self._rng.cells():
            self._rng.sheet.fonts.setdefault(cell, {})[key] = value

    bold = property(None, lambda self, v: self._set("bold", v))
    color = property(None, lambda self, v: self._set("color", v))


class Range:
    def __init__(
        self, sheet: Sheet, first: Cell, last: Cell | None = None, ndim: int | None = None
    ) -> None:
        self.sheet, self.first, self.last, self.ndim = sheet, first, last or first, ndim

    @property
    def row(self) -> int:
        return self.first[0]

    @property
    def column(self) -> int:
        return self.first[1]

    def cells(self) -> list[Cell]:
        return [
            (r, c)
            for r in range(self.first[0], self.last[0] + 1)
            for c in range(self.first[1], self.last[1] + 1)
        ]

    def options(self, ndim: int | None = None, err_to_str: bool = False, **_: Any) -> Range:
        return Range(self.sheet, self.first, self.last, ndim=ndim)

    @property
    def value(self) -> Any:
        rows = [
            [self.sheet.values.get((r, c)) for c in range(self.first[1], self.last[1] + 1)]
            for r in range(self.first[0], self.last[0] + 1)
        ]
        if self.ndim == 2:
            return rows
        if len(rows) == 1 and len(rows[0]) == 1:
            return rows[0][0]
        return rows

    @value.setter
    def value(self, data: Any) -> None:
        self.sheet.writes += 1
        if isinstance(data, list) and data and isinstance(data[0], list):
            for i, row in enumerate(data):
                for j, item in enumerate(row):
                    self.sheet.store((self.first[0] + i, self.first[1] + j), item)
        else:
            for cell in self.cells():
                self.sheet.store(cell, data)

    @property
    def number_format(self) -> str:
        raise NotImplementedError("xlwings Lite cannot read number formats")

    @number_format.setter
    def number_format(self, value: str) -> None:
        for cell in self.cells():
            self.sheet.formats[cell] = value

    @property
    def color(self) -> Any:
        raise NotImplementedError("xlwings Lite cannot read colours")

    @color.setter
    def color(self, value: Any) -> None:
        for cell in self.cells():
            self.sheet.colours[cell] = value

    @property
    def font(self) -> Font:
        return Font(self)

    def add_hyperlink(self, address: str, text_to_display: str | None = None) -> None:
        self.sheet.links[self.first] = address
        self.sheet.store(self.first, text_to_display or address)

    def add_note(self, text: str) -> None:
        if self.first in self.sheet.notes:
            raise ValueError("the cell already has a note")
        self.sheet.notes[self.first] = text


class Tables:
    def __init__(self, sheet: Sheet) -> None:
        self.sheet = sheet
        self.added: list[tuple[str, Cell, Cell]] = []

    def add(self, source: Range, name: str | None = None, **_: Any) -> None:
        self.added.append((name or "", source.first, source.last))

    def __iter__(self) -> Any:
        return iter(self.added)


class Sheet:
    def __init__(self, book: Book, name: str) -> None:
        self.book, self.name = book, name
        self.values: dict[Cell, Any] = {}
        self.formulas: dict[Cell, str] = {}
        self.formats: dict[Cell, str] = {}
        self.colours: dict[Cell, Any] = {}
        self.fonts: dict[Cell, dict[str, Any]] = {}
        self.links: dict[Cell, str] = {}
        self.notes: dict[Cell, str] = {}
        self.tables = Tables(self)
        self.autofitted = False
        self.writes = 0
        self.visible = True
        """`Sheet.visible`, a bool in classic xlwings and Lite alike (no very hidden)."""

    def store(self, cell: Cell, item: Any) -> None:
        if isinstance(item, str) and item.startswith("'"):
            self.values[cell] = item[1:]
        elif isinstance(item, str) and item.startswith("="):
            self.formulas[cell] = item
            self.values[cell] = None
        elif item is None or item == "":
            self.values.pop(cell, None)
        else:
            if not isinstance(item, str | int | float | bool | date | datetime):
                raise TypeError(f"Excel cannot hold a {type(item).__name__}")
            self.values[cell] = item

    def range(self, first: Cell | str, last: Cell | None = None) -> Range:
        start = parse_address(first) if isinstance(first, str) else first
        return Range(self, start, last)

    def __getitem__(self, address: str) -> Range:
        return self.range(address)

    @property
    def used_range(self) -> Range:
        if not self.values:
            return Range(self, (1, 1))
        rows = [r for r, _ in self.values]
        columns = [c for _, c in self.values]
        return Range(self, (min(rows), min(columns)), (max(rows), max(columns)))

    def clear(self) -> None:
        self.__init__(self.book, self.name)  # type: ignore[misc]

    def autofit(self, axis: str | None = None) -> None:
        self.autofitted = True

    def cell(self, address: str) -> Any:
        return self.values.get(parse_address(address))


class Sheets:
    def __init__(self, book: Book) -> None:
        self.book = book
        self.items: list[Sheet] = []

    def __iter__(self) -> Any:
        return iter(self.items)

    def __len__(self) -> int:
        return len(self.items)

    def __getitem__(self, key: int | str) -> Sheet:
        if isinstance(key, int):
            return self.items[key]
        for sheet in self.items:
            if sheet.name == key:
                return sheet
        raise KeyError(key)

    def add(self, name: str, after: Sheet | None = None, before: Sheet | None = None) -> Sheet:
        sheet = Sheet(self.book, name)
        self.items.append(sheet)
        return sheet


class Book:
    """`Book.from_tables({"Employees": [[header...], [row...]]})` — a book with those sheets."""

    def __init__(self, name: str = "master.xlsx") -> None:
        self.name = name
        self.fullname = name  # an unsaved book: no folder (a saved one has its full path)
        self.sheets = Sheets(self)

    @classmethod
    def from_tables(cls, tables: dict[str, list[list[Any]]], name: str = "master.xlsx") -> Book:
        book = cls(name)
        for sheet_name, rows in tables.items():
            book.sheets.add(sheet_name).range((1, 1)).value = [list(r) for r in rows]
        return book
