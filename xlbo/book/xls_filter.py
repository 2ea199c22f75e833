"""An .xls (BIFF8) sheet's AutoFilter criteria, and the cells of its hidden rows, so that a
hidden row under the filter is judged as an .xlsx's is (`xlbo.book.filter_criteria`): left
out by the filter where one of its cells fails a criterion, hidden by hand where they pass.

A sheet's AUTOFILTER records (one for each column with criteria) hold one or two conditions
each (DOPER: a number, a text with Excel's wildcards, "blank" or "not blank", and a
comparison), joined by AND or OR; a record for a top-10 filter, or a condition on a true,
false or error value, cannot be judged here, nor can any filter of a sheet that also holds
Excel 2007's AUTOFILTER12 records (value lists of more than two values, colour filters). The
conditions are turned into the `<customFilters>` element an .xlsx writes for them, and judged
by the same code.

A cell is read from its record: NUMBER, RK, MULRK, LABELSST (the text from the workbook's
shared strings, SST with its CONTINUE records), LABEL, BOOLERR, FORMULA (its cached result).
Number formats are not read: a number compared with a text (which Excel compares as the
number is shown) cannot be judged.
"""

from __future__ import annotations

import struct
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from typing import Any
from xml.etree.ElementTree import Element  # built here, never parsed from the file

from xlbo.book.filter_criteria import BLANK, Cell

AUTOFILTER = 0x009E
AUTOFILTER12 = 0x087E
_SST = 0x00FC
_CONTINUE = 0x003C
_NUMBER = 0x0203
_RK = 0x027E
_MULRK = 0x00BD
_LABELSST = 0x00FD
_LABEL = 0x0204
_BOOLERR = 0x0205
_FORMULA = 0x0006
_STRING = 0x0207  # a formula's text result, after its FORMULA record
_FORMULA_PARTS = frozenset({0x04BC, 0x0221, 0x0236})  # SHRFMLA, ARRAY, TABLE: may come between
_EOF = 0x000A

_JOIN_OR = 0x0003  # wJoin in AUTOFILTER's flags: 1 is OR, 0 AND
_TOP_TEN = 0x0010  # fTopN: a top-10 (or bottom) filter, Excel's to judge
_OPERATORS = {
    1: "lessThan",
    2: "equal",
    3: "lessThanOrEqual",
    4: "greaterThan",
    5: "notEqual",
    6: "greaterThanOrEqual",
}
_ERRORS = {
    0x00: "#NULL!",
    0x07: "#DIV/0!",
    0x0F: "#VALUE!",
    0x17: "#REF!",
    0x1D: "#NAME?",
    0x24: "#NUM!",
    0x2A: "#N/A",
}


class NoFormats:
    """The number formats of an .xls, which are not read: every number's shown text unknown
    (`filter_criteria` then judges a number only against a number)."""

    def number_format(self, style: int) -> str | None:
        return None

    def date1904(self) -> bool:
        return False


def records(stream: bytes, at: int = 0) -> Iterator[tuple[int, int, int]]:
    """(record id, start of its body, its length) for each BIFF record from offset `at`."""
    end = len(stream) - 4
    while 0 <= at <= end:
        kind, length = struct.unpack_from("<HH", stream, at)
        yield kind, at + 4, length
        at += 4 + length


@dataclass(frozen=True)
class Condition:
    """One condition of an AUTOFILTER record: `kind` number, text, blank, filled, or other
    (not judged); its comparison (`filter_criteria`'s operator name) and value as text."""

    kind: str
    operator: str
    value: str = ""


def autofilter(body: bytes) -> tuple[int, Element | None]:
    """The column (from the filter range's first, 0) of an AUTOFILTER record's body and its
    criteria as a `<filterColumn>` element (a `<customFilters>` in it, or an element
    `filter_criteria` cannot judge); None for a record that cannot be read."""
    column, flags = struct.unpack_from("<HH", body, 0)
    if len(body) < 24:
        return column, None
    at = 24
    conditions = []
    for place in (4, 14):
        condition, at = _condition(body, place, at)
        if condition is None:
            return column, None
        conditions.append(condition)
    criteria = Element("filterColumn", colId=str(column))
    used = [c for c in conditions if c.kind != "unused"]
    if flags & _TOP_TEN or any(c.kind == "other" for c in used):
        criteria.append(Element("top10"))  # judged None: Excel's own
        return column, criteria
    custom = Element("customFilters")
    if not flags & _JOIN_OR:
        custom.set("and", "1")
    for each in used:
        if each.kind == "blank":  # Excel's (Blanks): equal to nothing
            custom.append(Element("customFilter", operator="equal", val=""))
        elif each.kind == "filled":  # (NonBlanks): not equal to a space, as an .xlsx writes it
            custom.append(Element("customFilter", operator="notEqual", val=" "))
        else:
            custom.append(Element("customFilter", operator=each.operator, val=each.value))
    criteria.append(custom)
    return column, criteria


def _condition(body: bytes, place: int, at: int) -> tuple[Condition | None, int]:
    """The DOPER at `place` of an AUTOFILTER body, its text (if any) read at `at`; and where
    the next text begins."""
    kind, sign = body[place], body[place + 1]
    operator = _OPERATORS.get(sign, "")
    if kind == 0x00:
        return Condition("unused", ""), at
    if kind == 0x0C:
        return Condition("blank", "equal"), at
    if kind == 0x0E:
        return Condition("filled", "notEqual"), at
    if kind in (0x02, 0x04):
        value = _rk(body[place + 2 : place + 6]) if kind == 0x02 else _double(body, place + 2)
        return Condition("number" if operator else "other", operator, repr(value)), at
    if kind == 0x06:
        characters = body[place + 6]
        wide = body[at] & 1
        size = characters * (2 if wide else 1)
        raw = body[at + 1 : at + 1 + size]
        if len(raw) != size:
            return None, at
        text = raw.decode("utf-16-le" if wide else "latin-1")
        return Condition("text" if operator else "other", operator, text), at + 1 + size
    return Condition("other", operator), at  # a true, false or error value: not judged


def _double(data: bytes, at: int) -> float:
    value: float = struct.unpack_from("<d", data, at)[0]
    return value


def _rk(raw: bytes) -> float:
    """An RK number: a 30-bit integer or the top of a double, maybe over 100."""
    (word,) = struct.unpack("<i", raw)
    if word & 0x02:
        number = float(word >> 2)
    else:
        number = _double(struct.pack("<Q", (word & 0xFFFFFFFC) << 32), 0)
    return number / 100 if word & 0x01 else number


def sheet_cells(
    stream: bytes, offset: int, wanted: set[tuple[int, int]], strings: Any
) -> dict[tuple[int, int], Cell]:
    """The cells (row, column: 0 the first) of `wanted` in the sheet whose records start at
    `offset`, as `filter_criteria` judges them; `strings()` gives the shared strings when a
    cell needs them. A cell not found is blank; a record that cannot be read, unknown."""
    found: dict[tuple[int, int], Cell] = {}
    shared: list[str] | None = None
    formula_at: tuple[int, int] | None = None
    for kind, body, length in records(stream, offset):
        if kind == _EOF:
            break
        if kind == _STRING and formula_at is not None:
            found[formula_at] = _string_cell(stream[body : body + length], 2)
            formula_at = None
            continue
        if kind in _FORMULA_PARTS:  # a shared or array formula's: its STRING follows them
            continue
        formula_at = None
        if kind == _MULRK and length >= 6:
            row, first = struct.unpack_from("<HH", stream, body)
            for n in range((length - 6) // 6):
                if (row, first + n) in wanted:
                    style = struct.unpack_from("<H", stream, body + 4 + 6 * n)[0]
                    raw = stream[body + 6 + 6 * n : body + 10 + 6 * n]
                    found[(row, first + n)] = Cell("number", number=_rk(raw), style=style)
            continue
        if kind not in (_NUMBER, _RK, _LABELSST, _LABEL, _BOOLERR, _FORMULA) or length < 6:
            continue
        row, column, style = struct.unpack_from("<HHH", stream, body)
        if (row, column) not in wanted:
            continue
        data = stream[body + 6 : body + length]
        if kind == _NUMBER and len(data) >= 8:
            found[(row, column)] = Cell("number", number=_double(data, 0), style=style)
        elif kind == _RK and len(data) >= 4:
            found[(row, column)] = Cell("number", number=_rk(data[:4]), style=style)
        elif kind == _LABELSST and len(data) >= 4:
            if shared is None:
                shared = strings()
            index = struct.unpack_from("<I", data, 0)[0]
            text = shared[index] if index < len(shared) else None
            found[(row, column)] = Cell("unknown") if text is None else _text(text)
        elif kind == _LABEL:
            found[(row, column)] = _string_cell(data, 2)
        elif kind == _BOOLERR and len(data) >= 2:
            found[(row, column)] = _flag(data[0], data[1])
        elif kind == _FORMULA and len(data) >= 8:
            if data[6:8] != b"\xff\xff":
                found[(row, column)] = Cell("number", number=_double(data, 0), style=style)
            elif data[0] == 0x00:  # text, in the STRING record that follows
                found[(row, column)] = Cell("unknown")
                formula_at = (row, column)
            elif data[0] in (0x01, 0x02):
                found[(row, column)] = _flag(data[2], data[0] - 1)
            else:  # an empty text
                found[(row, column)] = BLANK
        else:
            found[(row, column)] = Cell("unknown")
    return found


def _text(text: str) -> Cell:
    return Cell("text", text) if text else BLANK


def _flag(value: int, error: int) -> Cell:
    """A BOOLERR value: TRUE/FALSE, or an error's text (`#N/A`)."""
    if error:
        shown = _ERRORS.get(value)
        return Cell("text", shown) if shown else Cell("unknown")
    return Cell("text", "TRUE" if value else "FALSE")


def _string_cell(data: bytes, count_size: int) -> Cell:
    """A cell from an XLUnicodeString (its count of `count_size` bytes, flags, characters)."""
    text = _unicode(data, 0, count_size)
    return Cell("unknown") if text is None else _text(text)


def _unicode(data: bytes, at: int, count_size: int) -> str | None:
    if len(data) < at + count_size + 1:
        return None
    count = struct.unpack_from("<H" if count_size == 2 else "<B", data, at)[0]
    wide = data[at + count_size] & 1
    start = at + count_size + 1
    raw = data[start : start + count * (2 if wide else 1)]
    if len(raw) != count * (2 if wide else 1):
        return None
    return raw.decode("utf-16-le" if wide else "latin-1")


def shared_strings(stream: bytes, pieces: Iterable[tuple[int, int]]) -> list[str]:
    """The workbook's shared strings from the SST record and its CONTINUE records (each
    piece: where its body starts, its length). A string's characters may run on into the next
    piece, which then begins with its own flags byte (1-byte or 2-byte characters); its rich
    text runs and phonetic data are skipped. Stops at the first string that cannot be read."""
    parts = [stream[start : start + length] for start, length in pieces]
    if not parts or len(parts[0]) < 8:
        return []
    total = struct.unpack_from("<I", parts[0], 4)[0]
    reader = _Pieces(parts, 0, 8)
    found: list[str] = []
    try:
        while len(found) < total:
            count = reader.integer(2)
            flags = reader.integer(1)
            runs = reader.integer(2) if flags & 0x08 else 0
            extra = reader.integer(4) if flags & 0x04 else 0
            found.append(reader.characters(count, flags & 0x01))
            reader.skip(4 * runs + extra)
    except (IndexError, struct.error, UnicodeDecodeError):
        pass
    return found


class _Pieces:
    """A cursor over the SST's pieces (its body and CONTINUE bodies)."""

    def __init__(self, parts: list[bytes], part: int, at: int) -> None:
        self.parts, self.part, self.at = parts, part, at

    def _next(self) -> None:
        self.part += 1
        self.at = 0
        if self.part >= len(self.parts):
            raise IndexError("the SST ends")

    def integer(self, size: int) -> int:
        if self.at >= len(self.parts[self.part]):
            self._next()
        data = self.parts[self.part][self.at : self.at + size]
        if len(data) != size:
            raise IndexError("a number split between records")
        self.at += size
        value: int = struct.unpack("<" + {1: "B", 2: "H", 4: "I"}[size], data)[0]
        return value

    def characters(self, count: int, wide: int) -> str:
        text = []
        while count:
            part = self.parts[self.part]
            if self.at >= len(part):
                self._next()
                wide = self.parts[self.part][0] & 1  # a piece a string runs on into: its flags
                self.at = 1
                continue
            width = 2 if wide else 1
            take = min(count, (len(part) - self.at) // width)
            if take == 0:
                raise IndexError("a character split between records")
            raw = part[self.at : self.at + take * width]
            text.append(raw.decode("utf-16-le" if wide else "latin-1"))
            self.at += take * width
            count -= take
        return "".join(text)

    def skip(self, size: int) -> None:
        while size:
            part = self.parts[self.part]
            if self.at >= len(part):
                self._next()
                continue
            step = min(size, len(part) - self.at)
            self.at += step
            size -= step
