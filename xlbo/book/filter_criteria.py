"""Whether an AutoFilter's criteria hide a row: judged on the row's cells, as Excel judges them.

A hidden row under an AutoFilter with criteria was left out by the filter only if one of its
cells fails its column's criterion; a row whose cells pass every criterion was hidden by hand
(clearing the filter does not show it). Each criterion of an .xlsx `<filterColumn>` (or of an
.xls's AUTOFILTER record, which `xlbo.book.xls_filter` reads into the same elements) is judged
on one cell to True (passes), False (fails) or None (cannot be told here):

- `<filters>`: a list of values, compared with the cell's text as Excel shows it, in any case;
  `blank="1"` admits blank cells, `<dateGroupItem>` admits the dates of a year, month, day…
- `<customFilters>`: one or two comparisons (`and="1"`: both must hold), by value for numbers,
  by text with `*` and `?` wildcards (`~` escapes one) for equal and not equal.
- `<top10>`, `<dynamicFilter>`, `<colorFilter>`, `<iconFilter>`, an `<extLst>` (Excel 2010's
  own filters): None; so is a number shown in a format other than General, 0, 0.00, #,##0 and
  #,##0.00 (the filter compares the text Excel shows, which that format makes), and an ordering
  of text or of blanks, whose rules are Excel's own.

    judge(filter_column, cell, lookups)  # True, False or None

Only hidden rows under a filter are judged, and only their cells in filtered columns are read
(`row_cells`), so a sheet with no hidden row costs nothing here.
"""

from __future__ import annotations

import functools
import html
import math
import posixpath
import re
import zipfile
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from decimal import ROUND_HALF_UP, Decimal, InvalidOperation
from typing import Any, Protocol

from defusedxml import ElementTree

_RELATIONSHIPS = "{http://schemas.openxmlformats.org/package/2006/relationships}Relationship"
_CELL = re.compile(rb"<c\b([^>]*?)(?:/>|>(.*?)</c>)", re.DOTALL)
_REFERENCE = re.compile(rb"""\br\s*=\s*["']\$?([A-Za-z]{1,3})\$?\d+["']""")
_TYPE = re.compile(rb"""\bt\s*=\s*["'](\w+)["']""")
_STYLE = re.compile(rb"""\bs\s*=\s*["'](\d{1,9})["']""")
_VALUE = re.compile(rb"<v\b[^>]*>(.*?)</v>", re.DOTALL)
_PHONETIC = re.compile(rb"<(?:\w+:)?rPh\b.*?</(?:\w+:)?rPh>", re.DOTALL)
_TEXT = re.compile(rb"<(?:\w+:)?t\b[^>]*?(?:/>|>(.*?)</(?:\w+:)?t>)", re.DOTALL)
_STRING_ITEM = re.compile(rb"<(?:\w+:)?si\b[^>]*?(?:/>|>(.*?)</(?:\w+:)?si>)", re.DOTALL)
_ESCAPED = re.compile(r"_x([0-9A-Fa-f]{4})_")  # OOXML's escape of a character XML cannot hold
_DATE_IDS = frozenset({*range(14, 23), *range(27, 37), *range(45, 48), *range(50, 59)})
_SHOWN_AS_TYPED = frozenset({"general", "@"})
_PLAIN_NUMBER = re.compile(r"(#,##)?0(?:\.(0{1,9}))?")  # 0, 0.00, #,##0, #,##0.00 and kin
_DATE_CODE = re.compile(r"[dmyhs]", re.IGNORECASE)
_NOT_CODE = re.compile(r'"[^"]*"|\\.|\[[^\]]*\]|_.|\*.')  # quoted text, escapes, [Red], padding
_GENERAL_DIGITS = 10  # significant digits General shows of a number in a column of usual width
_BUILT_IN = {0: "General", 1: "0", 2: "0.00", 3: "#,##0", 4: "#,##0.00", 49: "@"}
_BUILT_IN.update(dict.fromkeys(_DATE_IDS, "d"))  # a built-in date format: judged as a date
_GROUPING = ("year", "month", "day", "hour", "minute", "second")


@dataclass(frozen=True)
class Cell:
    """One cell as the filter sees it: blank, text (its text as shown; an error's is `#N/A`),
    or a number (its value and its style, whose number format shows it)."""

    kind: str = "blank"  # blank, text, number; unknown (a type or string not read): never judged
    text: str = ""
    number: float = 0.0
    style: int = 0


BLANK = Cell()


class Formats(Protocol):
    """What judging needs of a workbook's styles: each style's number format (None unknown)
    and whether its dates count from 1904 (`Lookups` for an .xlsx)."""

    def number_format(self, style: int) -> str | None: ...

    def date1904(self) -> bool: ...


@dataclass
class Lookups:
    """What judging a cell needs from its workbook, read only when a cell needs it: the shared
    strings (scanned once, only as far as the highest index asked for), each style's number
    format, and whether dates count from 1904. A part missing or broken gives nothing: its
    cells are then judged None where it matters (never a guess)."""

    archive: zipfile.ZipFile
    part: str
    _strings: list[str] = field(default_factory=list)
    _string_xml: bytes | None = None
    _string_at: int = 0  # where the scan of the shared strings stopped
    _formats: list[str] | None = None
    _date1904: bool = False
    _parts: dict[str, str] = field(default_factory=dict)

    def strings(self, wanted: Iterable[int]) -> dict[int, str]:
        """The shared strings of indexes `wanted` (those found): the scan of the shared
        strings part goes on from where it stopped, up to the highest index wanted."""
        wanted = set(wanted)
        if self._string_xml is None:
            self._string_xml = self._read("sharedStrings")
        last = max(wanted, default=-1)
        while len(self._strings) <= last:
            item = _STRING_ITEM.search(self._string_xml, self._string_at)
            if item is None:
                break
            self._strings.append(_rich_text(item.group(1) or b""))
            self._string_at = item.end()
        return {i: self._strings[i] for i in wanted if 0 <= i < len(self._strings)}

    def number_format(self, style: int) -> str | None:
        """The format code of style `style` (`General`, `#,##0.00`, `dd/mm/yyyy`); None unknown."""
        if self._formats is None:
            self._formats, self._date1904 = _number_formats(
                self._read("styles"), self._read("workbook")
            )
        if not self._formats and style == 0:  # no styles part: every cell General
            return "General"
        return self._formats[style] if 0 <= style < len(self._formats) else None

    def date1904(self) -> bool:
        self.number_format(0)
        return self._date1904

    def _read(self, kind: str) -> bytes:
        """The workbook's part of relationship type `kind` (`workbook`, `styles`,
        `sharedStrings`), found through the package's relationships; empty if none."""
        if not self._parts:
            self._parts = _workbook_parts(self.archive, self.part)
        try:
            return self.archive.read(self._parts[kind]) if kind in self._parts else b""
        except (KeyError, zipfile.BadZipFile, OSError):
            return b""


def _workbook_parts(archive: zipfile.ZipFile, sheet_part: str) -> dict[str, str]:
    """The workbook part and its styles and shared strings parts, as the package's
    relationships name them (`_rels/.rels` the workbook, its own the others: xl/workbook.xml,
    xl/styles.xml, xl/sharedStrings.xml where Excel writes them); the workbook beside the
    sheets' folder where the package's relationships cannot be read."""
    found = _related(archive, "", ("officeDocument",))
    workbook = found.get("officeDocument") or posixpath.join(
        posixpath.dirname(posixpath.dirname(sheet_part)), "workbook.xml"
    )
    return {"workbook": workbook, **_related(archive, workbook, ("styles", "sharedStrings"))}


def _related(archive: zipfile.ZipFile, part: str, kinds: tuple[str, ...]) -> dict[str, str]:
    """The parts of relationship types `kinds` (how a Type ends) that `part` (the package
    itself for "") relates to; none for relationships missing or broken."""
    folder, name = posixpath.split(part)
    try:
        root = ElementTree.fromstring(archive.read(posixpath.join(folder, "_rels", name + ".rels")))
    except (KeyError, zipfile.BadZipFile, OSError, ElementTree.ParseError, ValueError):
        return {}
    found = {}
    for relationship in root.iter(_RELATIONSHIPS):
        kind = relationship.get("Type", "").rsplit("/", 1)[-1]
        target = relationship.get("Target", "")
        if kind in kinds and target and kind not in found:
            found[kind] = (
                target.lstrip("/")
                if target.startswith("/")
                else posixpath.normpath(posixpath.join(folder, target))
            )
    return found


def _rich_text(xml: bytes) -> str:
    """The text of a string item or inline string: its `<t>` runs joined, unescaped."""
    runs = _TEXT.findall(_PHONETIC.sub(b"", xml))
    return _unescape(b"".join(runs))


def _unescape(raw: bytes) -> str:
    text = html.unescape(raw.decode("utf-8", "replace"))
    return _ESCAPED.sub(lambda found: chr(int(found.group(1), 16)), text)


def _number_formats(styles: bytes, workbook: bytes) -> tuple[list[str], bool]:
    """Each cell style's number format code (built-in ones by id: only those judged here
    are named; the others are `#id`, never matched), and the workbook's 1904 date system."""
    date1904 = (
        re.search(rb"""<(?:\w+:)?workbookPr\b[^>]*\bdate1904\s*=\s*["'](1|true)["']""", workbook)
        is not None
    )
    try:
        root = ElementTree.fromstring(styles) if styles else None
    except ElementTree.ParseError:
        root = None
    if root is None:
        return [], date1904
    custom: dict[int, str] = {}
    codes: list[str] = []
    for element in root.iter():
        tag = local_name(element.tag)
        if tag == "numFmt":
            number = _integer(element.get("numFmtId"))
            if number is not None:
                custom[number] = element.get("formatCode", "")
        elif tag == "cellXfs":
            for xf in element:
                if local_name(xf.tag) == "xf":
                    number = _integer(xf.get("numFmtId")) or 0
                    codes.append(custom.get(number, _BUILT_IN.get(number, f"#{number}")))
    return codes, date1904


def local_name(tag: Any) -> str:
    """An element's tag without its namespace (`filterColumn`)."""
    return tag.rsplit("}", 1)[-1] if isinstance(tag, str) else ""


def _integer(text: str | None) -> int | None:
    try:
        return int(text or "")
    except ValueError:
        return None


def row_cells(row: bytes, number: int, columns: set[int], book: Lookups) -> dict[int, Cell]:
    """The cells in `columns` (1 is A) of row `number`, whose `<row>` element's content is
    `row`; a cell absent is blank. Each is found by its reference as Excel writes it
    (`<c r="C7"`); a row where one is not so found is read cell by cell (a cell with no `r`
    follows the one before it, as Excel reads it)."""
    raw: dict[int, tuple[bytes, bytes]] = {}
    for column in columns:
        at = row.find(b'<c r="%s%d"' % (column_letters(column).encode(), number))
        found = _CELL.match(row, at) if at >= 0 else None
        if found is None:
            raw = _every_cell(row, columns)
            break
        raw[column] = (found.group(1), found.group(2) or b"")
    typed = {column: (*_typed(attributes), body) for column, (attributes, body) in raw.items()}
    values = {column: _value(body) for column, (_, _, body) in typed.items()}
    indexes = [_integer(values[c]) for c, (kind, _, _) in typed.items() if kind == b"s"]
    shared = book.strings(i for i in indexes if i is not None) if indexes else {}
    return {
        column: _cell(kind, body, values[column], style, shared)
        for column, (kind, style, body) in typed.items()
    }


def _every_cell(row: bytes, columns: set[int]) -> dict[int, tuple[bytes, bytes]]:
    """The attributes and content of the cells in `columns` of a row's content, read cell by
    cell."""
    raw = {}
    column = 0
    for found in _CELL.finditer(row):
        attributes = found.group(1)
        reference = _REFERENCE.search(attributes)
        column = column_number(reference.group(1).decode()) if reference else column + 1
        if column in columns:
            raw[column] = (attributes, found.group(2) or b"")
    return raw


def _typed(attributes: bytes) -> tuple[bytes, int]:
    """A cell's type (`s`, `n`, `inlineStr`…; `n` if none) and style (0 if none)."""
    kind = _TYPE.search(attributes)
    style = _STYLE.search(attributes)
    return kind.group(1) if kind else b"n", int(style.group(1)) if style else 0


def column_letters(number: int) -> str:
    """A column's letters from its number (1 is A, 16384 XFD)."""
    letters = ""
    while number > 0:
        number, rest = divmod(number - 1, 26)
        letters = chr(65 + rest) + letters
    return letters


def column_number(letters: str) -> int:
    """A column's number from its letters (A is 1, XFD 16384)."""
    number = 0
    for letter in letters.upper():
        number = number * 26 + ord(letter) - 64
    return number


def _value(body: bytes) -> str:
    """A cell's `<v>` text (a number, a shared string's index, a formula's text)."""
    found = _VALUE.search(body)
    if found is None:
        return ""
    raw = found.group(1)
    return _unescape(raw) if b"&" in raw or b"_x" in raw else raw.decode("utf-8", "replace")


def _cell(kind: bytes, body: bytes, value: str, style: int, shared: dict[int, str]) -> Cell:
    """The cell of type `kind`, content `body`, `<v>` text `value` and style `style`."""
    if kind == b"s":
        index = _integer(value)
        text = shared.get(index) if index is not None else None
        if text is None:
            return Cell("unknown")
        return Cell("text", text) if text else BLANK
    if kind == b"inlineStr":
        text = _rich_text(body)
        return Cell("text", text) if text else BLANK
    if kind in (b"str", b"e"):
        return Cell("text", value) if value else BLANK
    if kind == b"b":
        return Cell("text", "TRUE" if value.strip() in ("1", "true") else "FALSE")
    if kind != b"n":
        return Cell("unknown")  # t="d" (an ISO date some programs write): not judged
    if not value.strip():
        return BLANK
    try:
        number = float(value)
    except ValueError:
        return Cell("unknown")
    return Cell("number", number=number, style=style) if math.isfinite(number) else Cell("unknown")


# -- judging --------------------------------------------------------------------------------


def judge(criteria: Any, cell: Cell, book: Formats) -> bool | None:
    """Whether `cell` passes a `<filterColumn>`'s criteria (an element, tags with or without
    their namespace): True, False, or None where it cannot be told."""
    verdict: bool | None = True
    for criterion in criteria:
        tag = local_name(criterion.tag)
        if tag == "filters":
            found = _listed(criterion, cell, book)
        elif tag == "customFilters":
            found = _custom(criterion, cell, book)
        else:  # top10, dynamicFilter, colorFilter, iconFilter, extLst: Excel's to judge
            found = None
        if found is False:
            return False
        if found is None:
            verdict = None
    return verdict


def _listed(filters: Any, cell: Cell, book: Formats) -> bool | None:
    """A value-list criterion: the cell's shown text is one of the values (any case), a
    blank is admitted by `blank="1"`, a date by a `<dateGroupItem>` that holds it."""
    if cell.kind == "unknown":
        return None
    if cell.kind == "blank":
        return filters.get("blank", "") in ("1", "true")
    values, groups = _listed_values(filters)
    moment = _moment(cell, book)
    if moment is not None:
        if any(_holds(group, moment) for group in groups):
            return True
        return False if not values else None  # its shown text, in its date format, unknown
    if cell.kind == "number" and _is_date(book.number_format(cell.style)):
        return None  # a date too far out to be one
    text = _shown(cell, book)
    if text is None:
        return None if values else False
    return text.casefold() in values


@functools.lru_cache(maxsize=256)
def _listed_values(filters: Any) -> tuple[frozenset[str], tuple[Any, ...]]:
    """A value list's values (in any case) and date groups, read once for all its rows."""
    values = frozenset(
        each.get("val", "").casefold() for each in filters if local_name(each.tag) == "filter"
    )
    return values, tuple(each for each in filters if local_name(each.tag) == "dateGroupItem")


def _moment(cell: Cell, book: Formats) -> datetime | None:
    """A number cell in a date format as the date and time it shows; None otherwise."""
    if cell.kind != "number" or not _is_date(book.number_format(cell.style)):
        return None
    serial = cell.number
    if book.date1904():
        start = datetime(1904, 1, 1)
    elif serial < 60:  # Excel's 1900 counts a 29 February 1900 that was not: serial 60
        start = datetime(1899, 12, 31)
    else:
        start = datetime(1899, 12, 30)
    if not 0 <= serial < 2958466:  # before 1900 or after 9999
        return None
    return start + timedelta(seconds=round(serial * 86400))


def _is_date(code: str | None) -> bool:
    if code is None:
        return False
    if code == "d":
        return True
    if code.casefold() in _SHOWN_AS_TYPED:
        return False
    return _DATE_CODE.search(_NOT_CODE.sub("", code)) is not None


def _holds(group: Any, moment: datetime) -> bool:
    """Whether a `<dateGroupItem year="2026" month="10" day="5" dateTimeGrouping="day">`
    holds `moment`: its fields agree down to its grouping."""
    grouping = group.get("dateTimeGrouping", "")
    if grouping not in _GROUPING:
        return False
    for name in _GROUPING[: _GROUPING.index(grouping) + 1]:
        if _integer(group.get(name)) != getattr(moment, name):
            return False
    return True


def _shown(cell: Cell, book: Formats) -> str | None:
    """The cell's text as Excel shows it; None for a number in a format not reproduced."""
    if cell.kind == "text":
        return cell.text
    if cell.kind != "number":
        return None
    code = book.number_format(cell.style)
    if code is None:
        return None
    if code.casefold() in _SHOWN_AS_TYPED:
        return _general(cell.number)
    plain = _PLAIN_NUMBER.fullmatch(code)
    if plain is None:
        return None
    places = len(plain.group(2) or "")
    try:
        rounded = Decimal(repr(cell.number)).quantize(
            Decimal(1).scaleb(-places), rounding=ROUND_HALF_UP
        )
    except InvalidOperation:
        return None
    return f"{rounded:,}" if plain.group(1) else f"{rounded}"


def _general(number: float) -> str | None:
    """A number as the General format shows it, where that is its shortest text (up to
    _GENERAL_DIGITS significant digits, no exponent); None where General would round it."""
    if number.is_integer() and abs(number) < 10**_GENERAL_DIGITS:
        return str(int(number))
    text = repr(number)
    digits = text.lstrip("-").replace(".", "").lstrip("0")
    if "e" in text or len(digits) > _GENERAL_DIGITS:
        return None
    return text


_ORDER = {
    "lessThan": lambda a, b: a < b,
    "lessThanOrEqual": lambda a, b: a <= b,
    "greaterThan": lambda a, b: a > b,
    "greaterThanOrEqual": lambda a, b: a >= b,
}


def _custom(filters: Any, cell: Cell, book: Formats) -> bool | None:
    """One or two comparisons; `and="1"` asks both to hold, else either."""
    verdicts = [
        _compare(each, cell, book) for each in filters if local_name(each.tag) == "customFilter"
    ]
    if not verdicts:
        return True
    if filters.get("and", "") in ("1", "true"):
        if False in verdicts:
            return False
        return None if None in verdicts else True
    if True in verdicts:
        return True
    return None if None in verdicts else False


def _compare(criterion: Any, cell: Cell, book: Formats) -> bool | None:
    operator = criterion.get("operator", "equal")
    wanted = criterion.get("val", "")
    if cell.kind == "unknown":
        return None
    if operator in _ORDER:
        bound = _number(wanted)
        if cell.kind == "number" and bound is not None:
            return bool(_ORDER[operator](cell.number, bound))
        return None  # text or blanks in order: Excel's own rules
    if operator not in ("equal", "notEqual"):
        return None
    same = _equal(wanted, cell, book)
    if same is None:
        return None
    return same if operator == "equal" else not same


def _equal(wanted: str, cell: Cell, book: Formats) -> bool | None:
    """Whether the cell equals `wanted`: a blank equals a blank or a space (Excel's
    `notEqual " "` is its Non Blanks); a number equals a number of its value; else the
    shown text matches `wanted` with its wildcards, in any case."""
    if cell.kind == "blank":
        return not wanted.strip()
    if cell.kind == "number" and not wanted.strip():  # a number is never blank, however shown
        return False
    bound = _number(wanted)
    if cell.kind == "number" and bound is not None:
        return cell.number == bound
    text = _shown(cell, book)
    if text is None:
        return None
    return _wildcard(wanted).fullmatch(text) is not None


def _number(text: str) -> float | None:
    try:
        number = float(text)
    except ValueError:
        return None
    return number if math.isfinite(number) else None


def _wildcard(pattern: str) -> re.Pattern[str]:
    """Excel's wildcards as a regular expression: `*` any text, `?` one character, `~` makes
    the next character itself."""
    parts = []
    escaped = False
    for character in pattern:
        if escaped:
            parts.append(re.escape(character))
            escaped = False
        elif character == "~":
            escaped = True
        elif character == "*":
            parts.append(".*")
        elif character == "?":
            parts.append(".")
        else:
            parts.append(re.escape(character))
    if escaped:
        parts.append(re.escape("~"))
    return re.compile("".join(parts), re.IGNORECASE | re.DOTALL)
