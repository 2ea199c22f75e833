"""How a result table looks in Excel: the display spec every writer (xlsxwriter for new files,
openpyxl for edits, xlwings in a live workbook) carries out the same way.

A job returns `ResultSheet`s — a DataFrame plus how to show it — and never touches a workbook
itself. The door that runs the job writes them.

    >>> sheet = ResultSheet(
    ...     "Issues", frame,                                            # doctest: +SKIP
    ...     columns={"Cell": Column(kind=Kind.TEXT, width=10)},
    ...     highlights=(Highlight("Severity", "Error", Colour.ERROR, whole_row=True),),
    ... )
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime
from decimal import Decimal
from enum import StrEnum
from typing import Any

import numpy as np
import pandas as pd

from xlbo.dates import EXCEL_DATE_FORMAT
from xlbo.money import (
    INDIAN_LOCALE,
    INR_BRACKETS_FORMAT,
    INR_NUMBER_FORMAT,
    INR_WHOLE_FORMAT,
    format_inr,
)


class Kind(StrEnum):
    """What a column holds, which decides its number format and width."""

    TEXT = "text"
    ID = "id"
    """Identifiers typed as text (PAN, Aadhaar, bank account): Excel's Text format, so a long
    number is never turned into 1.23E+15."""
    MONEY = "money"
    """Rupees and paise: 12,34,567.50, a negative with a minus sign (or in brackets, see
    `Column.brackets`)."""
    WHOLE_RUPEES = "whole_rupees"
    """Money rounded to the rupee (EPF wages, statutory returns): 12,34,568."""
    DATE = "date"
    INTEGER = "integer"
    DECIMAL = "decimal"
    PERCENT = "percent"
    LONG_TEXT = "long_text"


NUMBER_FORMATS: dict[Kind, str] = {
    Kind.TEXT: "General",
    Kind.ID: "@",
    Kind.MONEY: INR_NUMBER_FORMAT,
    Kind.WHOLE_RUPEES: INR_WHOLE_FORMAT,
    Kind.DATE: EXCEL_DATE_FORMAT,
    Kind.INTEGER: "0",
    Kind.DECIMAL: f"{INDIAN_LOCALE}#,##0.00",  # 30.00 paid days; 1,738.00 on the total line
    Kind.PERCENT: "0.00%",
    Kind.LONG_TEXT: "General",
}

FIGURES = frozenset({Kind.MONEY, Kind.WHOLE_RUPEES, Kind.INTEGER, Kind.DECIMAL, Kind.PERCENT})
"""Kinds that print right-aligned, one space in from the cell's right edge (so a figure never
runs into the text of the next cell); their header stands right-aligned over them, where the eye
reads the figures."""
FORMULA_STARTS = ("=", "+", "-", "@")
"""The first characters that make a spreadsheet take typed or imported text for a formula
(`=HYPERLINK(…)`, `-2+3`, `@SUM(…)`): such text is written so that it stays text."""
INDENT = 1.5
"""The width a figure's one-space indent takes from its cell (Excel's indent of 1 is about a
character and a half of 11-point Calibri)."""
WRAPPED = frozenset({Kind.LONG_TEXT})
"""Kinds whose text wraps within the column, in rows made tall enough to show it whole
(`wrapped_lines`), in a table (a sheet with a header row; the lines of a headerless sheet, a
front sheet's help beside its buttons, run on as written and keep their rows' height)."""

DEFAULT_WIDTHS: dict[Kind, float] = {
    Kind.TEXT: 18,
    Kind.ID: 16,
    Kind.MONEY: 15,
    Kind.WHOLE_RUPEES: 13,
    Kind.DATE: 12,
    Kind.INTEGER: 10,
    Kind.DECIMAL: 12,
    Kind.PERCENT: 10,
    Kind.LONG_TEXT: 60,
}


class Colour(StrEnum):
    """The few colours xlbo uses, so every output looks like one product."""

    HEADER = "#1F4E78"
    HEADER_TEXT = "#FFFFFF"
    ERROR = "#F8CBAD"
    WARNING = "#FFE699"
    GOOD = "#C6EFCE"
    INFO = "#DDEBF7"
    TOTAL = "#D9E1F2"


@dataclass(frozen=True)
class Column:
    """How one column is shown (and, in templates, what may be typed into it)."""

    kind: Kind = Kind.TEXT
    width: float | None = None
    choices: tuple[str, ...] = ()
    """Values offered in a dropdown (data validation); the writer keeps long lists on a hidden
    `Lists` sheet."""
    comment: str = ""
    """Help shown on the header cell (a cell note)."""
    number_format: str | None = None
    """Overrides the kind's number format."""
    brackets: bool = False
    """Money with a negative in brackets, (12,34,567.00), where the sheet is read as a statement
    (a BRS, a balance sheet); otherwise a negative has a minus sign."""

    @property
    def excel_format(self) -> str:
        """The one number format of the column's cells: the override, else its kind's (money
        with brackets when asked). Each is a plain format, never laid over by conditional ones,
        so Excel and LibreOffice show the same figures."""
        if self.number_format:
            return self.number_format
        if self.brackets and self.kind is Kind.MONEY:
            return INR_BRACKETS_FORMAT
        return NUMBER_FORMATS[self.kind]

    @property
    def excel_width(self) -> float:
        return self.width or DEFAULT_WIDTHS[self.kind]


@dataclass(frozen=True)
class Highlight:
    """Fill cells whose `column` equals `value` (or the whole row)."""

    column: str
    value: str | int | float
    colour: Colour
    whole_row: bool = False


@dataclass(frozen=True)
class Link:
    """A cell that shows `text` and jumps to `sheet!cell` (in `file`, when given) on a click."""

    text: str | int
    sheet: str
    cell: str = "A1"
    file: str = ""

    @property
    def location(self) -> str:
        """`'Sheet name'!A1`, quoted the way Excel wants."""
        quoted = "'" + self.sheet.replace("'", "''") + "'"
        return f"{quoted}!{self.cell}"


@dataclass(frozen=True)
class Figure:
    """A number shown in a format of its own instead of its column's: a balance with its side
    (`1,23,456.00 Dr`) in a column of figures with a sign. The value stays the signed number, so
    a formula or a reader gets the figure itself."""

    value: Decimal | int
    number_format: str


def figure_formats(sheet: ResultSheet) -> dict[str, set[str]]:
    """The formats of the `Figure`s in each column of figures (only columns of objects can
    hold one), so a writer makes them before it writes the rows."""
    found: dict[str, set[str]] = {}
    for header in sheet.frame.columns:
        values = sheet.frame[header]
        if values.dtype != object or sheet.column(str(header)).kind not in FIGURES:
            continue
        formats = {v.number_format for v in values.tolist() if isinstance(v, Figure)}
        if formats:
            found[str(header)] = formats
    return found


@dataclass(frozen=True)
class SheetButton:
    """A button on a sheet that runs a VBA macro of the workbook (macro-enabled files only)."""

    cell: str
    caption: str
    macro: str
    width: int = 160
    height: int = 36


class ChartKind(StrEnum):
    COLUMN = "column"
    BAR = "bar"
    LINE = "line"
    PIE = "pie"


@dataclass(frozen=True)
class Chart:
    """A native Excel chart drawn from the sheet's own table, placed to the right of it.

    `categories` and each of `values` are column headers; the series take the first `rows` data
    rows (all of them when None — leave out a totals row by giving the count).

    With `across` (adjacent column headers, such as months) the series run along rows instead:
    each of `values` names the row whose label in the `categories` column it is, and the x-axis
    is the `across` headers."""

    kind: ChartKind
    title: str
    categories: str
    values: tuple[str, ...]
    rows: int | None = None
    y_title: str = ""
    across: tuple[str, ...] = ()
    skip: int = 0
    """Data rows to pass over before the series begin (a block in the middle of a table)."""


@dataclass(frozen=True)
class ResultSheet:
    """A table to write to one sheet, with how to show it."""

    name: str
    frame: pd.DataFrame
    columns: Mapping[str, Column] = field(default_factory=dict)
    title: Sequence[str] = ()
    """Lines written above the table (report name, company, period); the header follows them."""
    excel_table: str | None = None
    """Write the data as an Excel Table (ListObject) with this name."""
    spare_rows: int = 0
    """Extra formatted, validated empty rows below the data (templates users type into)."""
    freeze: bool = True
    autofilter: bool = True
    highlights: tuple[Highlight, ...] = ()
    tab_colour: str | None = None
    hidden: bool = False
    landscape: bool = False
    one_page: bool = False
    """Printed on one page, shrunk to fit (a summary and its charts): not one page wide and as
    many long as the rows need."""
    buttons: tuple[SheetButton, ...] = ()
    headerless: bool = False
    """Write the rows from A1 with no header row (settings sheets such as xlwings.conf)."""
    charts: tuple[Chart, ...] = ()
    footer: str = ""
    """The printed footer's left part (what made the sheet, from which file and period);
    'Made with xlbo' when empty."""
    title_on_every_page: bool = False
    """Print the title's lines above the header on every page, not the header alone (a BRS's
    company, `as on` day and account, which an auditor reads on each page of it)."""
    when_empty: str = ""
    """The line written above the header when the table has no rows ("No integrity findings:
    …"), so the printed page says what its emptiness means instead of showing a bare header."""

    @property
    def heading(self) -> tuple[str, ...]:
        """The lines above the header: the title, and `when_empty` when there are no rows."""
        if self.when_empty and self.frame.empty and not self.headerless:
            return (*self.title, self.when_empty)
        return tuple(self.title)

    def shown_kind(self, column: Column) -> Kind:
        """The kind a column's cells are styled as: its own, but a headerless sheet's long
        text is plain text (see `WRAPPED`)."""
        if self.headerless and column.kind in WRAPPED:
            return Kind.TEXT
        return column.kind

    def column(self, header: str) -> Column:
        """The display of a column: as given, else guessed from its values."""
        if header in self.columns:
            return self.columns[header]
        return Column(kind=guess_kind(self.frame[header]))

    @property
    def header_row(self) -> int:
        """0-based row index of the header (after the title lines and a blank line); -1 when the
        sheet has no header row."""
        if self.headerless:
            return -1
        return len(self.heading) + 1 if self.heading else 0


def page_heading(sheet: ResultSheet) -> str:
    """The printed page's heading, left of the sheet's name: the title's first line (the
    company); none where the sheet has no title (a line said only when the sheet is empty is no
    heading: the page would carry the sentence twice). Escaped for a page header (`_page_text`)."""
    return _page_text(sheet.title[0] if sheet.title else "")


def page_footer(sheet: ResultSheet) -> str:
    """The printed page's footer, left of its number: what made the sheet, or `Made with xlbo`."""
    return _page_text(sheet.footer or "Made with xlbo")


def _page_text(text: str) -> str:
    """`text` for a page header or footer: cut to 200 characters, then each `&` doubled (a
    header's codes begin with `&`; one cut in half would swallow the codes after it)."""
    return text[:200].replace("&", "&&")


LINE_POINTS = 15.0
"""The height of one line of text in a row, in points (11-point Calibri, Excel's and xlbo's)."""
MOST_LINES = 15
"""A row is never made taller than this many lines (Excel's tallest row is 409 points); a
longer text is read whole in its cell."""
_PIXELS = {
    " ": 3, "!": 5, '"': 6, "#": 7, "$": 7, "%": 11, "&": 10, "'": 3, "(": 5, ")": 5, "*": 7,
    "+": 7, ",": 4, "-": 5, ".": 4, "/": 6, ":": 4, ";": 4, "<": 7, "=": 7, ">": 7, "?": 7,
    "@": 13, "A": 9, "B": 8, "C": 8, "D": 9, "E": 7, "F": 7, "G": 9, "H": 9, "I": 4, "J": 5,
    "K": 8, "L": 6, "M": 12, "N": 10, "O": 10, "P": 8, "Q": 10, "R": 8, "S": 7, "T": 7, "U": 9,
    "V": 9, "W": 13, "X": 8, "Y": 7, "Z": 7, "[": 5, "\\": 6, "]": 5, "^": 7, "_": 7, "`": 4,
    "a": 7, "b": 8, "c": 6, "d": 8, "e": 8, "f": 5, "g": 7, "h": 8, "i": 4, "j": 4, "k": 7,
    "l": 4, "m": 12, "n": 8, "o": 8, "p": 8, "q": 8, "r": 5, "s": 6, "t": 5, "u": 8, "v": 7,
    "w": 11, "x": 7, "y": 7, "z": 6, "{": 5, "|": 7, "}": 5, "~": 7, "\n": 0,
}  # fmt: skip
"""Each character's width in pixels in 11-point Calibri as Excel draws it (a digit is 7, the
unit of a column's width); any other character is taken as 8 (the ₹ sign, other scripts)."""
_WIDTHS = np.full(256, 8, dtype=np.int32)
_WIDTHS[[ord(c) for c in "0123456789"]] = 7
_WIDTHS[[ord(c) for c in _PIXELS]] = list(_PIXELS.values())
_BREAKS = np.zeros(256, dtype=bool)
_BREAKS[[ord(" "), ord("-")]] = True
"""Where Excel and LibreOffice may end a line: after a space or a hyphen (a UPI narration's
`UPI-SIDDHARTH RAO KODIKA-SIDDHARTH.RAO.2003@OKHDFCBANK-KARB0000513-…` breaks only there)."""
_CELL_MARGIN = 3
"""Pixels of a column's width that hold no text (the cell's margins), beyond Excel's own five."""


def wrapped_lines(texts: pd.Series, width: float) -> np.ndarray:
    """How many lines each text takes, wrapped in a column `width` characters wide (1 for a
    blank or a value that is no text), at most MOST_LINES.

    Neither Excel nor LibreOffice makes a row taller for wrapped text in a file it opens, so
    the writer sets each row's height from this. A column `width` digits wide holds `7 × width`
    pixels of text; each character is as wide as Calibri draws it (`_PIXELS`), and a line is
    filled word by word, ending after a space or a hyphen (a word longer than a line is cut
    where it fills it), as the spreadsheet wraps it. Worked in bulk (every text's characters as
    one array, a line of every text at a time), not a text at a time:

        >>> wrapped_lines(pd.Series(["same amount; +0 days", "x " * 40, None]), 45).tolist()
        [1, 2, 1]
    """
    if isinstance(texts.dtype, pd.StringDtype) or (
        isinstance(texts.dtype, pd.ArrowDtype) and pd.api.types.is_string_dtype(texts.dtype)
    ):
        items = texts.astype("string").fillna("").tolist()
    else:
        items = [v if isinstance(v, str) else "" for v in texts.tolist()]
    if not items:
        return np.ones(0, dtype=np.int64)
    joined = "".join(items)
    # a text of several lines (`two\nlines`) is its paragraphs, each wrapped on its own
    owner = np.arange(len(items))
    if "\n" in joined:
        parts = [item.split("\n") for item in items]
        owner = np.repeat(owner, [len(p) for p in parts])
        items = [part for p in parts for part in p]
        joined = "".join(items)
    lengths = np.fromiter(map(len, items), dtype=np.int64, count=len(items))
    if joined.isascii():  # a byte a character (bank narrations, reasons): a quarter the work
        codes: np.ndarray = np.frombuffer(joined.encode("ascii"), dtype=np.uint8)
    else:
        codes = np.frombuffer(joined.encode("utf-32-le", "surrogatepass"), dtype=np.uint32)
        codes = np.minimum(codes, 255).astype(np.uint8)  # every character measured is ASCII
    ends = np.cumsum(lengths)
    starts = ends - lengths
    # the width of the texts run together up to and with each character
    # (in pixels, int32 while they fit: a quarter of the work of floats on a long sheet)
    pixels = _WIDTHS[codes] if len(codes) < 2**31 // 16 else _WIDTHS[codes].astype(np.int64)
    upto = np.concatenate([np.zeros(1, dtype=pixels.dtype), np.cumsum(pixels, dtype=pixels.dtype)])
    # where a line may end (after these characters), the first place a stop that ends none
    breaks = np.concatenate([[-1], np.flatnonzero(_BREAKS[codes])])
    at_break = upto[breaks + 1]
    room = int(max(7.0 * width - _CELL_MARGIN, 7.0))  # pixels, whole (as `upto` is)
    lines = np.ones(len(items), dtype=np.int64)
    at = starts.copy()
    going = np.flatnonzero(upto[ends] - upto[at] > room)  # texts longer than the line left
    for _ in range(MOST_LINES - 1):
        if not len(going):
            break
        begun = upto[at[going]]
        # the last break that still fits on the line, where it is this text's, past its start
        place = breaks[np.searchsorted(at_break, begun + room, side="right") - 1]
        fits = (place >= at[going]) & (place < ends[going])
        after = place + 1
        # else the word is cut where it fills the line (a character at least)
        long = np.flatnonzero(~fits)
        if len(long):
            cut = np.searchsorted(upto, begun[long] + room, side="right") - 1
            after[long] = np.maximum(cut, at[going[long]] + 1)
        at[going] = after
        lines[going] += 1
        going = going[upto[ends[going]] - upto[at[going]] > room]
    per_text = np.bincount(owner, weights=lines, minlength=len(texts))  # a text's paragraphs
    return np.clip(per_text, 1, MOST_LINES).astype(np.int64)


def row_heights(sheet: ResultSheet, frame: pd.DataFrame | None = None) -> np.ndarray | None:
    """Each data row's height in points where its wrapped text needs more than one line (0:
    the default height), over `frame` (the sheet's rows, or a part of them); None when the
    sheet has no wrapped column or no row needs more."""
    rows = sheet.frame if frame is None else frame
    if sheet.headerless:
        return None
    lines = np.ones(len(rows), dtype=np.int64)
    for header in rows.columns:
        column = sheet.column(str(header))
        if column.kind in WRAPPED and len(rows):
            lines = np.maximum(lines, wrapped_lines(rows[header], column.excel_width))
    if not (lines > 1).any():
        return None
    return np.where(lines > 1, lines * LINE_POINTS, 0.0)


def guess_kind(values: pd.Series) -> Kind:
    """A column's kind from its first non-blank value."""
    for value in values:
        if value is None or (isinstance(value, float) and pd.isna(value)):
            continue
        if isinstance(value, Decimal | Figure):
            return Kind.MONEY
        if isinstance(value, datetime | date):
            return Kind.DATE
        if isinstance(value, bool | np.bool_):
            return Kind.TEXT
        if isinstance(value, int | np.integer):  # a frame's int64 column gives numpy's ints
            return Kind.INTEGER
        if isinstance(value, float):
            return Kind.DECIMAL
        return Kind.TEXT
    return Kind.TEXT


def figure_width(values: pd.Series, column: Column) -> float:
    """The width a column of figures needs so that its widest figure prints whole, not as ###
    (Excel and LibreOffice print ### for a number wider than its cell).

    The widest figure is the largest or the smallest; it is measured as the column's format
    writes it (lakh grouping, paise, a minus sign or brackets), a digit one unit of width and a
    comma, point, sign or bracket half of one, plus one for the cell's margins and INDENT for
    the space a figure keeps from the next cell:

        >>> figure_width(pd.Series([Decimal("-9990000000")]), Column(kind=Kind.MONEY))
        18.0
    """
    if isinstance(values.dtype, pd.ArrowDtype) or (
        pd.api.types.is_numeric_dtype(values.dtype) and not pd.api.types.is_bool_dtype(values)
    ):
        extremes = [values.min(), values.max()]
    else:  # a column of objects: Decimals, and perhaps a text or a link among them
        numbers = pd.to_numeric(values, errors="coerce")
        extremes = [numbers.min(), numbers.max()]
    widest = 0.0
    for extreme in extremes:
        if isinstance(extreme, np.generic):
            extreme = extreme.item()
        if isinstance(extreme, bool) or not isinstance(extreme, int | float | Decimal):
            continue
        if isinstance(extreme, float) and not np.isfinite(extreme):
            continue
        amount = Decimal(repr(extreme)) if isinstance(extreme, float) else Decimal(extreme)
        text = format_inr(amount * 100 if column.kind is Kind.PERCENT else amount)
        if column.kind in (Kind.WHOLE_RUPEES, Kind.INTEGER):
            text = text[:-3]
        if column.kind is Kind.INTEGER:
            text = text.replace(",", "")
        if column.kind is Kind.PERCENT:
            text = text.replace(",", "") + "%"
        if column.brackets and text.startswith("-"):
            text = f"({text[1:]})"
        digits = sum(c.isdigit() for c in text)
        widest = max(widest, digits + (len(text) - digits) / 2 + 1 + INDENT)
    return float(np.ceil(widest))


def excel_value(value: Any) -> Any:
    """A Python value as a writer should put it in a cell: Decimal → float (Excel holds only
    doubles), NaN/NaT → None; text stays text (never a formula)."""
    if value is None:
        return None
    if isinstance(value, Figure):  # its number; the writer gives the cell its format
        return excel_value(value.value)
    if isinstance(value, np.generic):  # numpy's bool, int and float: Python's own
        value = value.item()
    if isinstance(value, Decimal):
        return float(value)
    if isinstance(value, float) and value != value:
        return None
    if value is pd.NaT or value is pd.NA:
        return None
    if isinstance(value, pd.Timestamp):
        return value.to_pydatetime()
    return value
