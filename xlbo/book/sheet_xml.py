"""The rows of a large sheet written as worksheet XML a column at a time.

xlsxwriter writes a cell at a time (a few microseconds each): fine for a report, the bottleneck
for a reconciliation's hundred thousand matches. For large tables `write_workbook` lets
xlsxwriter write everything around the data (styles, header, widths, filters, validations,
colour highlights, hyperlinks, print set-up) and then puts the data rows into the sheet's
`<sheetData>` from here: each column's cells are built as strings in bulk by type (text, number,
money, date, true/false, link text), then the rows are joined. Styles are xlsxwriter's own format
indexes, so a cell looks exactly as xlsxwriter would have written it, its number shown by its
column's one number format.

Text is escaped as xlsxwriter escapes it (`&`, `<`, `>`; control characters as `_xHHHH_`) and is
always an inline string, never a formula.
"""

from __future__ import annotations

import contextlib
import re
import zipfile
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass, field
from datetime import date, datetime
from decimal import Decimal
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd
from xlsxwriter.url import Url
from xlsxwriter.utility import _datetime_to_excel_datetime as datetime_to_excel_datetime
from xlsxwriter.xmlwriter import XMLwriter

from xlbo.arrow import pa, pc
from xlbo.book.display import Figure, Link
from xlbo.book.table import column_letter
from xlbo.together import behind, beside

MAX_CELL_TEXT = 32767
"""Excel's limit on the characters in one cell."""
CHUNK_ROWS = 50_000
"""Rows built and written to the zip at a time (bounds memory on a million-row sheet)."""
_ODD_TEXT = re.compile(r"[\x00-\x08\x0b-\x1f\ufffe\uffff]|_x[0-9a-fA-F]{4}_")


@dataclass(frozen=True)
class SheetBody:
    """What `fill_bodies` needs to write one sheet's data rows."""

    part: str
    """The worksheet's part in the zip, `xl/worksheets/sheet3.xml`."""
    frame: pd.DataFrame
    first_row: int
    """Excel row number (1-based) of the first data row."""
    styles: list[int]
    """xlsxwriter format index of each column's cells."""
    link_style: int
    max_links: int
    """Cells made links, at most (Excel keeps 65,530 a sheet); later Link cells are plain."""
    figure_styles: Mapping[int, Mapping[str, int]] = field(default_factory=dict)
    """For a column (by position) that holds `Figure`s: the format index of each of their
    number formats."""
    heights: Callable[[pd.DataFrame], np.ndarray | None] | None = None
    """The height in points of each of some rows (0: the default), given those rows; None: all
    rows are one line high."""


_ODD_TEXT_RE2 = r"[\x00-\x08\x0b-\x1f\x{fffe}\x{ffff}]|_x[0-9a-fA-F]{4}_"
"""`_ODD_TEXT` as pyarrow's regex engine (RE2) writes it."""


def _escape(texts: pd.Series, max_text: int) -> pd.Series:
    """Text as XML character data, the way xlsxwriter writes it (pyarrow's string kernels where
    pyarrow is present: a 100,000-row column in half the time)."""
    if pc is not None and len(texts):
        values = [t if isinstance(t, str) else str(t) for t in texts.tolist()]
        array = pa.array(values, type=pa.string())
        long = pc.greater(pc.utf8_length(array), max_text)
        if pc.any(long).as_py():
            cut = pc.utf8_slice_codeunits(array, 0, max_text - 1)
            ellipsis = pa.scalar("…", type=pa.string())
            array = pc.if_else(long, pc.binary_join_element_wise(cut, ellipsis, ""), array)
        odd = np.asarray(
            pc.match_substring_regex(array, _ODD_TEXT_RE2).to_numpy(zero_copy_only=False),
            dtype=bool,
        )
        if odd.any():
            plain = np.asarray(array.to_numpy(zero_copy_only=False), dtype=object)
            plain[odd] = [XMLwriter._escape_control_characters(t) for t in plain[odd]]
            array = pa.array(plain, type=pa.string())
        for character, entity in (("&", "&amp;"), ("<", "&lt;"), (">", "&gt;")):
            array = pc.replace_substring(array, character, entity)
        escaped = np.asarray(array.to_numpy(zero_copy_only=False), dtype=object)
        return pd.Series(escaped, index=texts.index, dtype=object)
    strings = texts.astype(str)  # pragma: no cover - where pyarrow is absent
    long_text = strings.str.len() > max_text  # pragma: no cover
    if long_text.any():  # pragma: no cover
        strings = strings.where(~long_text, strings.str.slice(0, max_text - 1) + "…")
    odd_text = strings.str.contains(_ODD_TEXT.pattern, regex=True)  # pragma: no cover
    if odd_text.any():  # pragma: no cover
        strings = strings.where(
            ~odd_text, strings[odd_text].map(XMLwriter._escape_control_characters)
        )
    return (  # pragma: no cover
        strings.str.replace("&", "&amp;", regex=False)
        .str.replace("<", "&lt;", regex=False)
        .str.replace(">", "&gt;", regex=False)
    )


def _number_text(values: np.ndarray) -> np.ndarray:
    """Numbers as cell text that reads back as the same number: whole numbers and amounts in
    paise as written (`123`, `1234.5`), the rest as xlsxwriter writes them (`%.16G`)."""
    numbers = np.asarray(values, dtype="float64")
    text = np.empty(len(numbers), dtype=object)
    whole = (numbers == np.trunc(numbers)) & (np.abs(numbers) < 1e15)  # row numbers, days
    text[whole] = numbers[whole].astype(np.int64).astype(str).astype(object)
    # paise: a number that is the double nearest to a 2-decimal figure prints as that figure,
    # which reads back as the very same number (%.16G may add a stray last digit: 0.07 is
    # 0.07000000000000001 there, the same double)
    with np.errstate(invalid="ignore", over="ignore"):
        cents = np.rint(numbers * 100)
        paise = ~whole & (np.abs(numbers) < 1e13) & (cents / 100 == numbers)
    if paise.any():
        signed = cents[paise].astype(np.int64)
        amount = np.abs(signed)
        fraction = amount % 100
        tail = np.where(
            fraction % 10 == 0,
            (fraction // 10).astype(str),
            np.char.zfill(fraction.astype(str), 2),
        ).astype(object)
        sign = np.where(signed < 0, "-", "").astype(object)
        text[paise] = sign + (amount // 100).astype(str).astype(object) + "." + tail
    rest = ~whole & ~paise
    if rest.any():
        text[rest] = np.char.mod("%.16G", numbers[rest]).astype(object)
    return text


def _cells_xml(refs: np.ndarray, opening: str, values: np.ndarray, closing: str) -> np.ndarray:
    """Each cell as XML: `<c r="` its reference `"` + `opening` + its value + `closing`, built
    by one f-string a cell (adding arrays of text piece by piece makes each piece anew)."""
    cells = np.empty(len(values), dtype=object)
    cells[:] = [
        f'<c r="{ref}"{opening}{value}{closing}'
        for ref, value in zip(refs.tolist(), values.tolist(), strict=True)
    ]
    return cells


def _column_cells(
    values: pd.Series,
    letter: str,
    rows: np.ndarray,
    style: int,
    link_style: int,
    links: int,
    figure_styles: Mapping[str, int] | None = None,
) -> tuple[np.ndarray, list[tuple[str, Link]]]:
    """Each cell of one column as XML ("" for a blank), and the (cell, Link) of the first
    `links` Link cells, which become hyperlinks; a `Figure` in the style of its number format
    (`figure_styles`). `rows`: the cells' row numbers, or the same as text (worked out once a
    sheet, not once a column)."""
    count = len(values)
    cells = np.full(count, "", dtype=object)
    rows = np.asarray(rows)
    refs = letter + (rows if rows.dtype == object else rows.astype(str).astype(object))
    styled = f' s="{style}"' if style else ""
    if pd.api.types.is_bool_dtype(values.dtype) and not values.hasnans:
        flags = values.to_numpy(dtype=bool)
        cells[:] = _cells_xml(refs, f'{styled} t="b"><v>', np.where(flags, "1", "0"), "</v></c>")
        return cells, []
    if pd.api.types.is_numeric_dtype(values.dtype) and not pd.api.types.is_bool_dtype(values.dtype):
        numbers = values.to_numpy(dtype="float64", na_value=np.nan)
        present = np.isfinite(numbers)
        text = _number_text(numbers[present])
        cells[present] = _cells_xml(refs[present], f"{styled}><v>", text, "</v></c>")
        return cells, []
    objects = values.to_numpy(dtype=object)
    kinds = _kinds(objects)
    found: list[tuple[str, Link]] = []
    for kind in ("text", "number", "bool", "date", "link", "figure"):
        where = np.flatnonzero(kinds == kind)
        if not len(where):
            continue
        chosen = objects[where]
        if kind == "figure":  # each number format's figures as numbers in its style
            formats = np.array([v.number_format for v in chosen], dtype=object)
            for number_format in dict.fromkeys(formats.tolist()):
                mine = formats == number_format
                cells[where[mine]], _ = _column_cells(
                    pd.Series([v.value for v in chosen[mine]], dtype=object),
                    letter,
                    rows[where[mine]],
                    (figure_styles or {}).get(number_format, style),
                    0,
                    0,
                )
        elif kind == "text":
            body = _escape(pd.Series(chosen, dtype=object), MAX_CELL_TEXT).to_numpy(dtype=object)
            cells[where] = _cells_xml(
                refs[where],
                f'{styled} t="inlineStr"><is><t xml:space="preserve">',
                body,
                "</t></is></c>",
            )
        elif kind == "number":
            numbers = np.array([float(v) for v in chosen], dtype="float64")
            ok = np.isfinite(numbers)
            text = _number_text(numbers[ok])
            cells[where[ok]] = _cells_xml(refs[where[ok]], f"{styled}><v>", text, "</v></c>")
        elif kind == "bool":
            flags = np.where(np.array([bool(v) for v in chosen]), "1", "0")
            cells[where] = _cells_xml(refs[where], f'{styled} t="b"><v>', flags, "</v></c>")
        elif kind == "date":
            text = _number_text(_serials(chosen))
            cells[where] = _cells_xml(refs[where], f"{styled}><v>", text, "</v></c>")
        else:  # a link's text, in the link style while links are allowed, then plain
            allowed = min(max(links, 0), len(where))
            shown = pd.Series([v.text for v in chosen], dtype=object)
            for part, part_style in (
                (slice(0, allowed), link_style),
                (slice(allowed, None), style),
            ):
                if len(where[part]):
                    cells[where[part]], _ = _column_cells(
                        shown[part].reset_index(drop=True),
                        letter,
                        rows[where[part]],
                        part_style,
                        0,
                        0,
                    )
            found = list(
                zip(refs[where[:allowed]].tolist(), chosen[:allowed].tolist(), strict=True)
            )
    return cells, found


_KIND_OF_TYPE: dict[type, str] = {
    str: "text",
    bool: "bool",
    np.bool_: "bool",
    int: "number",
    float: "number",
    Decimal: "number",
    np.int64: "number",
    np.float64: "number",
    date: "date",
    datetime: "date",
    pd.Timestamp: "date",
    Link: "link",
    Figure: "figure",
    type(None): "",
}


def _kinds(objects: np.ndarray) -> np.ndarray:
    """The kind of each value (text, number, bool, date, link, or "" for a blank), by its type
    in bulk; NaN and NaT are blanks, unknown types are asked one by one."""
    types = pd.Series(objects, dtype=object).map(type)
    kinds = types.map(_KIND_OF_TYPE).to_numpy(dtype=object)
    unknown = np.flatnonzero(pd.isna(kinds))
    for position in unknown.tolist():
        kinds[position] = cell_kind(objects[position])
    maybe_blank = np.flatnonzero((kinds == "number") | (kinds == "date"))
    if len(maybe_blank):
        blank = pd.isna(pd.Series(objects[maybe_blank], dtype=object)).to_numpy(dtype=bool)
        kinds[maybe_blank[blank]] = ""
    return kinds


def cell_kind(value: Any) -> str:
    """What a value is as a cell: text, number, bool, date, link, or "" (blank). The bulk
    writer asks it only for types `_KIND_OF_TYPE` does not know; the cell writer for each cell."""
    if value is None or value is pd.NA:
        return ""
    if isinstance(value, str):
        return "text"
    if isinstance(value, bool | np.bool_):
        return "bool"
    if isinstance(value, float) and value != value:
        return ""
    if isinstance(value, int | float | Decimal | np.integer | np.floating):
        return "number"
    if value is pd.NaT:
        return ""
    if isinstance(value, datetime | date):
        return "date"
    if isinstance(value, Link):
        return "link"
    if isinstance(value, Figure):
        return "figure"
    return "text"


EXCEL_EPOCH = np.datetime64("1899-12-30")
"""Day 0 of Excel's dates as they count from 1 March 1900 (Excel keeps Lotus' 29 February 1900)."""


def _serials(values: np.ndarray) -> np.ndarray:
    """Excel's serial numbers of dates and datetimes, in bulk; a zone-aware time, or a date
    before 1 March 1900, is converted one by one as xlsxwriter does."""
    try:
        stamps = pd.to_datetime(pd.Series(values, dtype=object))
    except (ValueError, TypeError, OverflowError):
        stamps = None
    if stamps is None or not pd.api.types.is_datetime64_dtype(stamps.dtype):  # zones, mixed
        return np.array([_serial(v) for v in values], dtype="float64")
    moments = stamps.to_numpy(dtype="datetime64[us]")
    serials = (moments - EXCEL_EPOCH) / np.timedelta64(1, "D")
    early = np.flatnonzero(moments < np.datetime64("1900-03-01"))
    serials[early] = [_serial(v) for v in values[early]]
    return np.asarray(serials, dtype="float64")


def _serial(value: date | datetime) -> float:
    if isinstance(value, pd.Timestamp):
        value = value.to_pydatetime()
    return float(datetime_to_excel_datetime(value, False, True))


def _rows_xml(
    body: SheetBody, start: int, stop: int, allowed: int
) -> tuple[bytes, list[tuple[str, Link]]]:
    """Rows `start`..`stop` of the body as XML (UTF-8), and the first `allowed` of their Link
    cells, made hyperlinks (the rest show their text plainly)."""
    links: list[tuple[str, Link]] = []
    frame = body.frame.iloc[start:stop]
    # the rows' numbers as text once, for every column's cell references
    rows = np.arange(body.first_row + start, body.first_row + stop).astype(str).astype(object)
    columns: list[list[str]] = [[""] * len(frame)]  # a row with no cells still closes
    for index, name in enumerate(frame.columns):
        cells, found = _column_cells(
            frame[name],
            column_letter(index),
            rows,
            body.styles[index],
            body.link_style,
            allowed - len(links),
            body.figure_styles.get(index),
        )
        links += found
        columns.append(cells.tolist())
    starts = '<row r="' + rows
    heights = body.heights(frame) if body.heights is not None else None
    if heights is not None:  # rows tall enough for their wrapped text
        tall = heights > 0
        starts[tall] = (
            starts[tall] + '" ht="' + np.char.mod("%g", heights[tall]).astype(object)
        ) + '" customHeight="1'
    # each row's cells joined once (adding column after column copied each row again and again)
    xml = "".join(
        f'{start}">{"".join(cells)}</row>'
        for start, cells in zip(starts.tolist(), zip(*columns, strict=True), strict=True)
    )
    return xml.encode("utf-8"), links


_ROW = re.compile(rb'<row r="(\d+)"')


def _split_sheet(xml: bytes, first_row: int) -> tuple[bytes, bytes, bytes]:
    """The sheet XML cut around its data rows: what comes before them (including the title and
    header rows xlsxwriter wrote), and what comes after `</sheetData>`. Rows xlsxwriter wrote at
    or below `first_row` (link cells) are dropped: the new rows carry those cells."""
    start = xml.index(b"<sheetData")
    if xml[start:].startswith(b"<sheetData/>"):
        return xml[:start] + b"<sheetData>", b"", b"</sheetData>" + xml[start + 12 :]
    open_end = xml.index(b">", start) + 1
    close = xml.index(b"</sheetData>")
    kept = []
    for match in re.finditer(rb"<row [^>]*?(?:/>|>.*?</row>)", xml[open_end:close], re.DOTALL):
        number = _ROW.match(match.group(0))
        if number and int(number.group(1)) < first_row:
            kept.append(match.group(0))
    return xml[:open_end], b"".join(kept), xml[close:]


def _dimension(xml: bytes, last_row: int, last_col: int) -> bytes:
    ref = f"A1:{column_letter(max(last_col, 0))}{last_row}".encode()
    return re.sub(rb'<dimension ref="[^"]*"/>', b'<dimension ref="' + ref + b'"/>', xml, count=1)


@contextlib.contextmanager
def _chunks(body: SheetBody, links: list[tuple[str, Link]]) -> Iterator[Iterator[bytes]]:
    """The body's rows as XML, CHUNK_ROWS at a time; their hyperlinks added to `links`, up to
    the body's limit. Of a body of several chunks, a forked child (`beside`) builds every other
    chunk while this process builds the one before it: building cells' XML is Python's work, a
    core's worth (the Matches sheet of a 100,000-line month: 98,000 rows, 1.2 s). A chunk the
    child built with every link allowed is the one this process would build where its links fit
    in what is left of the limit (a chunk's links are its Link cells in order while allowed);
    otherwise, and wherever the child gives nothing, it is built here. The child is forked on
    entering, before the thread that compresses what is built begins."""
    size = len(body.frame)
    starts = list(range(0, size, CHUNK_ROWS))

    def built(start: int) -> tuple[bytes, list[tuple[str, Link]]]:
        return _rows_xml(body, start, min(start + CHUNK_ROWS, size), body.max_links)

    def each(take: Callable[[], tuple[bytes, list[tuple[str, Link]]] | None]) -> Iterator[bytes]:
        for index, start in enumerate(starts):
            left = body.max_links - len(links)
            given = take() if index % 2 else None
            if given is None or len(given[1]) > left:
                given = _rows_xml(body, start, min(start + CHUNK_ROWS, size), left)
            links.extend(given[1])
            yield given[0]

    with beside(built, starts[1::2]) as take:
        yield each(take)


_RELATIONSHIPS = "http://schemas.openxmlformats.org/package/2006/relationships"
_HYPERLINK = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/hyperlink"
_AFTER_HYPERLINKS = (
    b"<printOptions",
    b"<pageMargins",
    b"<pageSetup",
    b"<headerFooter",
    b"<drawing",
    b"<legacyDrawing",
    b"<tableParts",
    b"</worksheet>",
)


def _attribute(text: str) -> str:
    return (
        text.replace("&", "&amp;").replace('"', "&quot;").replace("<", "&lt;").replace(">", "&gt;")
    )


def _file_target(file: str) -> str:
    """A linked file's relationship target, escaped the way xlsxwriter (and Excel) write it."""
    return Url(f"external:{file}")._target()  # type: ignore[no-any-return]


def _hyperlinks(
    links: list[tuple[str, Link]], first_id: int
) -> tuple[bytes, list[tuple[str, str]]]:
    """The `<hyperlinks>` element for the links, and the relationships (id, target) the links
    to other files need, numbered from `first_id`."""
    if not links:
        return b"", []
    targets: dict[str, str] = {}
    relationships: list[tuple[str, str]] = []
    parts = ["<hyperlinks>"]
    for ref, link in links:
        location = _attribute(link.location)
        if link.file:
            if link.file not in targets:
                targets[link.file] = _attribute(_file_target(link.file))
            rid = f"rId{first_id + len(relationships)}"
            relationships.append((rid, targets[link.file]))
            parts.append(f'<hyperlink ref="{ref}" r:id="{rid}" location="{location}"/>')
        else:
            display = _attribute(str(link.text))
            parts.append(f'<hyperlink ref="{ref}" location="{location}" display="{display}"/>')
    parts.append("</hyperlinks>")
    return "".join(parts).encode("utf-8"), relationships


def _with_hyperlinks(tail: bytes, element: bytes) -> bytes:
    if not element:
        return tail
    cut = min(
        (at for at in (tail.find(marker) for marker in _AFTER_HYPERLINKS) if at >= 0),
        default=len(tail),
    )
    return tail[:cut] + element + tail[cut:]


def _rels_part(part: str) -> str:
    folder, _, name = part.rpartition("/")
    return f"{folder}/_rels/{name}.rels"


def _rels_with(existing: bytes | None, relationships: list[tuple[str, str]]) -> bytes:
    entries = "".join(
        f'<Relationship Id="{rid}" Type="{_HYPERLINK}" Target="{target}" TargetMode="External"/>'
        for rid, target in relationships
    ).encode("utf-8")
    if existing is None:
        return (
            b'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
            + f'<Relationships xmlns="{_RELATIONSHIPS}">'.encode()
            + entries
            + b"</Relationships>"
        )
    return existing.replace(b"</Relationships>", entries + b"</Relationships>")


def _next_id(existing: bytes | None) -> int:
    numbers = [int(n) for n in re.findall(rb'Id="rId(\d+)"', existing or b"")]
    return max(numbers, default=0) + 1


def fill_bodies(path: Path, bodies: list[SheetBody]) -> None:
    """Rewrite the workbook at `path` with each body's rows (and hyperlinks) in its sheet (in
    place: `path` is the writer's temporary file, not yet moved to where the user will find it)."""
    if not bodies:
        return
    by_part = {body.part: body for body in bodies}
    rewritten = path.with_suffix(path.suffix + ".rows")
    try:
        _rewrite(path, rewritten, by_part)
        rewritten.replace(path)
    finally:
        rewritten.unlink(missing_ok=True)


def _rewrite(path: Path, rewritten: Path, by_part: dict[str, SheetBody]) -> None:
    added_rels: dict[str, list[tuple[str, str]]] = {}
    with (
        zipfile.ZipFile(path) as source,
        zipfile.ZipFile(rewritten, "w", zipfile.ZIP_DEFLATED, compresslevel=1) as target,
    ):
        names = set(source.namelist())
        for info in source.infolist():
            body = by_part.get(info.filename)
            if body is None:
                continue
            rels = _rels_part(info.filename)
            existing = source.read(rels) if rels in names else None
            data = source.read(info.filename)
            last_row = body.first_row + len(body.frame) - 1
            head, kept, tail = _split_sheet(
                _dimension(data, last_row, len(body.frame.columns) - 1), body.first_row
            )
            links: list[tuple[str, Link]] = []
            with (
                target.open(_member(info), "w", force_zip64=True) as stream,
                _chunks(body, links) as chunks,
            ):
                with behind(stream.write) as write:  # compressed as the next rows are built
                    write(head)
                    write(kept)
                    for chunk in chunks:
                        write(chunk)
                element, relationships = _hyperlinks(links, _next_id(existing))
                stream.write(_with_hyperlinks(tail, element))
            if relationships:
                added_rels[rels] = relationships
        for info in source.infolist():
            if info.filename in by_part:
                continue
            data = source.read(info.filename)
            if info.filename in added_rels:
                data = _rels_with(data, added_rels.pop(info.filename))
            target.writestr(_member(info), data)
        for rels, relationships in added_rels.items():  # sheets that had no relationships yet
            target.writestr(
                zipfile.ZipInfo(rels, date_time=(1980, 1, 1, 0, 0, 0)),
                _rels_with(None, relationships),
            )


def _member(info: zipfile.ZipInfo) -> zipfile.ZipInfo:
    """A copy of a zip entry's name and time, to be compressed quickly (level 1)."""
    member = zipfile.ZipInfo(info.filename, date_time=info.date_time)
    member.compress_type = zipfile.ZIP_DEFLATED
    member._compresslevel = 1  # type: ignore[attr-defined]
    return member
