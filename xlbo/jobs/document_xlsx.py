"""A document's A4 workbook written straight as OOXML, from one style set made once a run.

A run issues thousands of documents, each a small workbook of two or three identical sheets
(the Rule 48 copies, which differ only in their caption). A general writer (xlsxwriter) spends
about 8 ms a document building the same styles, theme and cells three times; this writer lays a
page out once (`Page`: cells, merged ranges, column widths, footer, an optional picture), turns
it into sheet XML once, and sets each copy's caption into it, so a document takes about a
millisecond. What it writes is a plain SpreadsheetML package that Excel and LibreOffice open:
text as inline strings (a cell's text is never a formula), money as exact decimals.

    >>> page = Page(widths=(5, 28))
    >>> page.text(0, 0, "TAX INVOICE", Style.TITLE)
    >>> page.number(1, 1, Decimal("1234.50"), Style.MONEY)
    >>> 'r="B2" s="7"><v>1234.50</v>' in page.sheet_xml("ORIGINAL", selected=True)
    True
"""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
import zipfile
from dataclasses import dataclass, field
from decimal import Decimal
from enum import IntEnum
from pathlib import Path
from xml.sax.saxutils import escape

from xlbo.money import INR_NUMBER_FORMAT


class Style(IntEnum):
    """The page's cell styles: their index in styles.xml's cellXfs."""

    PLAIN = 0
    TITLE = 1
    CAPTION = 2
    BOLD = 3
    WRAP = 4
    HEAD = 5
    CELL = 6
    MONEY = 7
    QTY = 8
    TOTAL = 9
    LABEL = 10
    SMALL = 11


CAPTION_MARK = "\x00caption\x00"
"""Where each copy's caption goes in the page's XML (never in a user's text: control
characters are escaped)."""

_FONTS = (
    '<font><sz val="11"/><name val="Calibri"/><family val="2"/></font>'  # 0 plain
    '<font><b/><sz val="11"/><name val="Calibri"/><family val="2"/></font>'  # 1 bold
    '<font><b/><sz val="14"/><name val="Calibri"/><family val="2"/></font>'  # 2 title
    '<font><b/><sz val="9"/><name val="Calibri"/><family val="2"/></font>'  # 3 small bold
    '<font><sz val="9"/><name val="Calibri"/><family val="2"/></font>'  # 4 small
)
_TOP_WRAP = '<alignment vertical="top" wrapText="1"/>'
_XFS = (  # numFmtId, fontId, fillId, borderId, alignment — in the order of Style
    (0, 0, 0, 0, ""),
    (0, 2, 0, 0, ""),
    (0, 3, 0, 0, '<alignment horizontal="right"/>'),
    (0, 1, 0, 0, ""),
    (0, 0, 0, 0, _TOP_WRAP),
    (0, 3, 2, 1, _TOP_WRAP),
    (0, 4, 0, 1, _TOP_WRAP),
    (164, 4, 0, 1, '<alignment vertical="top"/>'),
    (165, 4, 0, 1, '<alignment vertical="top"/>'),
    (164, 1, 0, 1, ""),
    (0, 1, 0, 0, '<alignment horizontal="right"/>'),
    (0, 4, 0, 0, ""),
)
_MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
_REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
_PKG = "http://schemas.openxmlformats.org/package/2006/relationships"
_HEAD = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
STYLES = (
    f'{_HEAD}<styleSheet xmlns="{_MAIN}">'
    f'<numFmts count="2"><numFmt numFmtId="164" formatCode="{escape(INR_NUMBER_FORMAT, {chr(34): "&quot;"})}"/>'
    '<numFmt numFmtId="165" formatCode="0.###"/></numFmts>'
    f'<fonts count="5">{_FONTS}</fonts>'
    '<fills count="3"><fill><patternFill patternType="none"/></fill>'
    '<fill><patternFill patternType="gray125"/></fill>'
    '<fill><patternFill patternType="solid"><fgColor rgb="FFD9E1F2"/><bgColor indexed="64"/>'
    "</patternFill></fill></fills>"
    '<borders count="2"><border><left/><right/><top/><bottom/><diagonal/></border>'
    '<border><left style="thin"><color auto="1"/></left><right style="thin"><color auto="1"/>'
    '</right><top style="thin"><color auto="1"/></top><bottom style="thin"><color auto="1"/>'
    "</bottom><diagonal/></border></borders>"
    '<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>'
    f'<cellXfs count="{len(_XFS)}">'
    + "".join(
        f'<xf numFmtId="{n}" fontId="{f}" fillId="{fill}" borderId="{b}" xfId="0"'
        + (' applyNumberFormat="1"' if n else "")
        + (' applyFont="1"' if f else "")
        + (' applyFill="1"' if fill else "")
        + (' applyBorder="1"' if b else "")
        + (f' applyAlignment="1">{a}</xf>' if a else "/>")
        for n, f, fill, b, a in _XFS
    )
    + '</cellXfs><cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/>'
    "</cellStyles></styleSheet>"
)
"""The one style set every document shares (Calibri; 9 pt in the tables)."""

_VIEW = 'showGridLines="0"'
_ILLEGAL = re.compile("[\x00-\x08\x0b-\x1f\ufffe\uffff]")
_ESCAPED = re.compile("(_x[0-9A-Fa-f]{4}_)")


def xml_text(text: str) -> str:
    """A cell's text as XML: `&<>` escaped, control characters as Excel's `_xHHHH_` (and a
    literal `_xHHHH_` kept literal), so whatever a user typed prints as typed."""
    text = _ESCAPED.sub(r"_x005F\1", text)
    text = _ILLEGAL.sub(lambda m: f"_x{ord(m.group()):04X}_", text)
    return escape(text)


def column_name(index: int) -> str:
    """0 → A, 25 → Z, 26 → AA."""
    name = ""
    index += 1
    while index:
        index, left = divmod(index - 1, 26)
        name = chr(65 + left) + name
    return name


def _width(characters: float) -> float:
    """A column width in characters as Excel stores it (Calibri 11: 7 px a digit, 5 px
    padding), the width xlsxwriter writes for the same call."""
    pixels = int(characters * 7 + 0.5) + 5
    return int(pixels / 7 * 256) / 256


@dataclass(frozen=True)
class Picture:
    """A PNG placed at a cell (top left), `pixels` square at 96 dpi."""

    png: bytes
    row: int
    column: int
    pixels: int


@dataclass
class Page:
    """One copy's cells: laid out once, written for every copy."""

    widths: tuple[float, ...]
    cells: dict[tuple[int, int], str] = field(default_factory=dict)
    merges: list[tuple[int, int, int, int]] = field(default_factory=list)
    heights: dict[int, float] = field(default_factory=dict)
    """Rows (0-based) given a height in points; the rest take their text's height."""
    footer: str = ""
    picture: Picture | None = None
    margins: tuple[float, float, float, float] = (0.4, 0.4, 0.5, 0.5)

    def _put(self, row: int, column: int, xml: str) -> None:
        self.cells[row, column] = xml

    def text(self, row: int, column: int, text: str, style: Style = Style.PLAIN) -> None:
        ref = f"{column_name(column)}{row + 1}"
        self._put(
            row,
            column,
            f'<c r="{ref}" s="{int(style)}" t="inlineStr"><is><t xml:space="preserve">'
            f"{xml_text(text)}</t></is></c>",
        )

    def caption(self, row: int, column: int, style: Style) -> None:
        """The copy's caption (ORIGINAL FOR RECIPIENT…), set per copy."""
        ref = f"{column_name(column)}{row + 1}"
        self._put(
            row,
            column,
            f'<c r="{ref}" s="{int(style)}" t="inlineStr"><is><t>{CAPTION_MARK}</t></is></c>',
        )

    def number(self, row: int, column: int, value: Decimal | int, style: Style) -> None:
        """An exact number (Decimal or int), written as its digits."""
        digits = f"{value:f}" if isinstance(value, Decimal) else str(value)
        ref = f"{column_name(column)}{row + 1}"
        self._put(row, column, f'<c r="{ref}" s="{int(style)}"><v>{digits}</v></c>')

    def blank(self, row: int, column: int, style: Style) -> None:
        self._put(row, column, f'<c r="{column_name(column)}{row + 1}" s="{int(style)}"/>')

    def fit(self, row: int, text: str, width: float, points: float) -> None:
        """Make `row` tall enough for `text` wrapped in `width` characters at `points` (neither
        Excel nor LibreOffice grows a row for wrapped text in a file it opens): a line of
        text is 1.3 × its points high; a character (a Devanagari sign that sits on another
        counts none) about a column-width character at 11 points."""
        per_line = max(1, int(width * 11 / points))
        lines = sum(
            max(1, -(-sum(1 for c in part if unicodedata.category(c) != "Mn") // per_line))
            for part in text.split("\n")
        )
        if lines > 1:
            self.heights[row] = max(self.heights.get(row, 0), round(lines * points * 1.3 + 2, 1))

    def merge(self, top: int, left: int, bottom: int, right: int, style: Style) -> None:
        """Merge a range, each of its cells styled (so a bordered merge prints its borders);
        write its text into the top left cell after."""
        for row in range(top, bottom + 1):
            for column in range(left, right + 1):
                self.blank(row, column, style)
        self.merges.append((top, left, bottom, right))

    def sheet_xml(self, caption: str, *, selected: bool, drawing: bool = False) -> str:
        """The worksheet's XML with `caption` in the caption cell."""
        return self.copy_xml(self.template(drawing), caption, selected=selected)

    @staticmethod
    def copy_xml(template: str, caption: str, *, selected: bool) -> str:
        """One copy's sheet from the page's `template`: its caption, and whether it is the
        sheet Excel opens on."""
        if selected:
            template = template.replace(_VIEW, _VIEW + ' tabSelected="1"', 1)
        return template.replace(CAPTION_MARK, xml_text(caption))

    def template(self, drawing: bool) -> str:
        """The page's sheet XML, its caption to be set (`copy_xml`)."""
        rows: dict[int, list[tuple[int, str]]] = {}
        for (row, column), xml in self.cells.items():
            rows.setdefault(row, []).append((column, xml))
        last_row = max(rows, default=0)
        last_column = max(len(self.widths) - 1, max((c for c, _ in self.cells), default=0))
        body = "".join(
            f'<row r="{row + 1}"'
            + (f' ht="{self.heights[row]}" customHeight="1"' if row in self.heights else "")
            + ">"
            + "".join(x for _, x in sorted(rows[row]))
            + "</row>"
            for row in sorted(rows)
        )
        columns = "".join(
            f'<col min="{i + 1}" max="{i + 1}" width="{_width(w)}" customWidth="1"/>'
            for i, w in enumerate(self.widths)
        )
        merges = (
            f'<mergeCells count="{len(self.merges)}">'
            + "".join(
                f'<mergeCell ref="{column_name(c1)}{r1 + 1}:{column_name(c2)}{r2 + 1}"/>'
                for r1, c1, r2, c2 in self.merges
            )
            + "</mergeCells>"
            if self.merges
            else ""
        )
        left, right, top, bottom = self.margins
        return (
            f'{_HEAD}<worksheet xmlns="{_MAIN}" xmlns:r="{_REL}">'
            '<sheetPr><pageSetUpPr fitToPage="1"/></sheetPr>'
            f'<dimension ref="A1:{column_name(last_column)}{last_row + 1}"/>'
            f'<sheetViews><sheetView {_VIEW} workbookViewId="0"/></sheetViews>'
            '<sheetFormatPr defaultRowHeight="15"/>'
            f"<cols>{columns}</cols><sheetData>{body}</sheetData>{merges}"
            f'<pageMargins left="{left}" right="{right}" top="{top}" bottom="{bottom}" '
            'header="0.3" footer="0.3"/>'
            '<pageSetup paperSize="9" orientation="portrait" fitToWidth="1" fitToHeight="1"/>'
            + (
                f"<headerFooter><oddFooter>{escape(self.footer)}</oddFooter></headerFooter>"
                if self.footer
                else ""
            )
            + ('<drawing r:id="rId1"/>' if drawing else "")
            + "</worksheet>"
        )


def _drawing(picture: Picture) -> str:
    emu = picture.pixels * 9525
    return (
        f"{_HEAD}<xdr:wsDr "
        'xmlns:xdr="http://schemas.openxmlformats.org/drawingml/2006/spreadsheetDrawing" '
        'xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main">'
        '<xdr:oneCellAnchor editAs="absolute">'
        f"<xdr:from><xdr:col>{picture.column}</xdr:col><xdr:colOff>0</xdr:colOff>"
        f"<xdr:row>{picture.row}</xdr:row><xdr:rowOff>0</xdr:rowOff></xdr:from>"
        f'<xdr:ext cx="{emu}" cy="{emu}"/><xdr:pic><xdr:nvPicPr><xdr:cNvPr id="2" name="QR"/>'
        '<xdr:cNvPicPr><a:picLocks noChangeAspect="1"/></xdr:cNvPicPr></xdr:nvPicPr>'
        f'<xdr:blipFill><a:blip xmlns:r="{_REL}" r:embed="rId1"/><a:stretch><a:fillRect/>'
        '</a:stretch></xdr:blipFill><xdr:spPr><a:xfrm><a:off x="0" y="0"/>'
        f'<a:ext cx="{emu}" cy="{emu}"/></a:xfrm><a:prstGeom prst="rect"><a:avLst/>'
        "</a:prstGeom></xdr:spPr></xdr:pic><xdr:clientData/></xdr:oneCellAnchor></xdr:wsDr>"
    )


def _rels(*targets: tuple[str, str]) -> str:
    return (
        f'{_HEAD}<Relationships xmlns="{_PKG}">'
        + "".join(
            f'<Relationship Id="rId{i}" Type="{kind}" Target="{target}"/>'
            for i, (kind, target) in enumerate(targets, start=1)
        )
        + "</Relationships>"
    )


_OFFICE = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/"
_SHEET_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"
_DRAWING_TYPE = "application/vnd.openxmlformats-officedocument.drawing+xml"


def write_pages(path: Path, page: Page, copies: tuple[tuple[str, str], ...], *, title: str) -> Path:
    """A workbook at `path`: a sheet per copy (sheet name, caption), each `page` with its
    caption, the first one selected; `title` in its properties, xlbo its author."""
    count = len(copies)
    picture = page.picture
    content = (
        f'{_HEAD}<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
        '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.'
        'relationships+xml"/><Default Extension="xml" ContentType="application/xml"/>'
        + ('<Default Extension="png" ContentType="image/png"/>' if picture else "")
        + '<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-'
        'officedocument.spreadsheetml.sheet.main+xml"/>'
        + "".join(
            f'<Override PartName="/xl/worksheets/sheet{n}.xml" ContentType="{_SHEET_TYPE}"/>'
            for n in range(1, count + 1)
        )
        + (
            "".join(
                f'<Override PartName="/xl/drawings/drawing{n}.xml" ContentType="{_DRAWING_TYPE}"/>'
                for n in range(1, count + 1)
            )
            if picture
            else ""
        )
        + '<Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-'
        'officedocument.spreadsheetml.styles+xml"/>'
        '<Override PartName="/docProps/core.xml" ContentType="application/vnd.openxmlformats-'
        'package.core-properties+xml"/>'
        '<Override PartName="/docProps/app.xml" ContentType="application/vnd.openxmlformats-'
        'officedocument.extended-properties+xml"/></Types>'
    )
    workbook = (
        f'{_HEAD}<workbook xmlns="{_MAIN}" xmlns:r="{_REL}"><workbookPr/>'
        '<bookViews><workbookView activeTab="0"/></bookViews><sheets>'
        + "".join(
            f'<sheet name="{xml_text(name)}" sheetId="{n}" r:id="rId{n}"/>'
            for n, (name, _) in enumerate(copies, start=1)
        )
        + "</sheets></workbook>"
    )
    now = dt.datetime.now(dt.UTC).strftime("%Y-%m-%dT%H:%M:%SZ")
    core = (
        f"{_HEAD}<cp:coreProperties "
        'xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" '
        'xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" '
        'xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">'
        f"<dc:title>{xml_text(title)}</dc:title><dc:creator>xlbo</dc:creator>"
        f'<dcterms:created xsi:type="dcterms:W3CDTF">{now}</dcterms:created>'
        "</cp:coreProperties>"
    )
    app = (
        f"{_HEAD}<Properties xmlns="
        '"http://schemas.openxmlformats.org/officeDocument/2006/extended-properties">'
        "<Application>xlbo</Application></Properties>"
    )
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED, compresslevel=1) as package:
        package.writestr("[Content_Types].xml", content)
        package.writestr(
            "_rels/.rels",
            _rels(
                (_OFFICE + "officeDocument", "xl/workbook.xml"),
                (
                    "http://schemas.openxmlformats.org/package/2006/relationships/metadata/"
                    "core-properties",
                    "docProps/core.xml",
                ),
                (_OFFICE + "extended-properties", "docProps/app.xml"),
            ),
        )
        package.writestr("docProps/core.xml", core)
        package.writestr("docProps/app.xml", app)
        package.writestr("xl/workbook.xml", workbook)
        package.writestr(
            "xl/_rels/workbook.xml.rels",
            _rels(
                *((_OFFICE + "worksheet", f"worksheets/sheet{n}.xml") for n in range(1, count + 1)),
                (_OFFICE + "styles", "styles.xml"),
            ),
        )
        package.writestr("xl/styles.xml", STYLES)
        template = page.template(picture is not None)
        for n, (_, caption) in enumerate(copies, start=1):
            package.writestr(
                f"xl/worksheets/sheet{n}.xml", Page.copy_xml(template, caption, selected=n == 1)
            )
        if picture is not None:
            package.writestr("xl/media/image1.png", picture.png)
            drawing = _drawing(picture)
            for n in range(1, count + 1):
                package.writestr(
                    f"xl/worksheets/_rels/sheet{n}.xml.rels",
                    _rels((_OFFICE + "drawing", f"../drawings/drawing{n}.xml")),
                )
                package.writestr(f"xl/drawings/drawing{n}.xml", drawing)
                package.writestr(
                    f"xl/drawings/_rels/drawing{n}.xml.rels",
                    _rels((_OFFICE + "image", "../media/image1.png")),
                )
    return path
