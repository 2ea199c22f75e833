"""The parts that make a finished .xlsx an xlwings Lite workbook: its code and its sheet buttons.

xlwings Lite keeps a workbook's `main.py` and `requirements.txt` as properties of a *web
extension* (the add-in's document settings), in parts openpyxl and xlsxwriter know nothing of;
see ../shared/domain/xlwings-lite.md. So the workbook is written first, and
`add_lite_parts` then rewrites its zip with, added:

- `xl/webextensions/taskpanes.xml` (and its relationships), which opens the add-in's task pane
  with the workbook, and `xl/webextensions/webextension1.xml`, which names the add-in
  (WA200008175 in Microsoft's store) and holds the properties, each value the text as a JSON
  string: `<we:property name="main.py" value="&quot;import xlwings as xw\\n…&quot;"/>`;
- one shape per sheet button, named as the script's `button=` names it, whose hyperlink selects
  the button's cell (Lite runs the script when that cell is selected), in a drawing of its sheet;
- their entries in `[Content_Types].xml` and the relationships that reach them.

Everything else is copied as it was, so a rebuild gives the same bytes.
"""

from __future__ import annotations

import json
import re
import uuid
import zipfile
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from xml.sax.saxutils import escape, quoteattr

from xlbo.book.atomic import atomic_path

LITE_ADDIN = "WA200008175"
"""xlwings Lite's id in Microsoft's add-in store."""

OFFICE_RELATIONSHIPS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
PACKAGE_RELATIONSHIPS = "http://schemas.openxmlformats.org/package/2006/relationships"
TASKPANES_RELATIONSHIP = (
    "http://schemas.microsoft.com/office/2011/relationships/webextensiontaskpanes"
)
WEBEXTENSION_RELATIONSHIP = "http://schemas.microsoft.com/office/2011/relationships/webextension"
DRAWING_RELATIONSHIP = f"{OFFICE_RELATIONSHIPS}/drawing"
HYPERLINK_RELATIONSHIP = f"{OFFICE_RELATIONSHIPS}/hyperlink"

TASKPANES = "xl/webextensions/taskpanes.xml"
WEBEXTENSION = "xl/webextensions/webextension1.xml"
_TYPES = {
    TASKPANES: "application/vnd.ms-office.webextensiontaskpanes+xml",
    WEBEXTENSION: "application/vnd.ms-office.webextension+xml",
}
_DRAWING_TYPE = "application/vnd.openxmlformats-officedocument.drawing+xml"
_EMU_PER_PIXEL = 9525
_ZIP_TIME = (1980, 1, 1, 0, 0, 0)
_XML = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
# a worksheet's children that come after <drawing> (ECMA-376 CT_Worksheet order)
_AFTER_DRAWING = (
    "<legacyDrawing ",
    "<legacyDrawingHF ",
    "<drawingHF ",
    "<picture ",
    "<oleObjects>",
    "<controls>",
    "<webPublishItems>",
    "<tableParts ",
    "<extLst>",
    "</worksheet>",
)


@dataclass(frozen=True)
class ShapeButton:
    """A sheet button of xlwings Lite: a shape called `shape` on `sheet` over `cell`, whose
    hyperlink selects `cell`; a script declared with `button="[shape]sheet!cell"` runs on the
    click."""

    shape: str
    sheet: str
    cell: str
    caption: str
    width: int = 150
    height: int = 36

    @property
    def reference(self) -> str:
        """The script's `button=` argument."""
        return f"[{self.shape}]{self.sheet}!{self.cell}"


def property_value(text: str) -> str:
    """A property's value as Lite stores it: the text as a JSON string (decoded by
    `json.loads`)."""
    return json.dumps(text)


def _cell_place(cell: str) -> tuple[int, int]:
    """Zero-based (row, column) of an A1 reference."""
    found = re.fullmatch(r"([A-Z]{1,3})([1-9][0-9]*)", cell)
    if not found:
        raise ValueError(f"not a cell reference: {cell}")
    column = 0
    for letter in found.group(1):
        column = column * 26 + ord(letter) - 64
    return int(found.group(2)) - 1, column - 1


def _next_id(relationships: str) -> int:
    return max((int(n) for n in re.findall(r'Id="rId(\d+)"', relationships)), default=0) + 1


def _relationships(entries: Sequence[tuple[str, str, str]]) -> str:
    """A relationships part of (id, type, target) entries."""
    body = "".join(
        f'<Relationship Id="{rid}" Type="{kind}" Target={quoteattr(target)}/>'
        for rid, kind, target in entries
    )
    return f'{_XML}<Relationships xmlns="{PACKAGE_RELATIONSHIPS}">{body}</Relationships>'


def _add_relationship(relationships: str, kind: str, target: str) -> tuple[str, str]:
    rid = f"rId{_next_id(relationships)}"
    entry = f'<Relationship Id="{rid}" Type="{kind}" Target={quoteattr(target)}/>'
    return relationships.replace("</Relationships>", entry + "</Relationships>"), rid


def _webextension(properties: Mapping[str, str], identity: uuid.UUID) -> str:
    values = "".join(
        f"<we:property name={quoteattr(name)} value={quoteattr(value)}/>"
        for name, value in properties.items()
    )
    return (
        f"{_XML}<we:webextension "
        'xmlns:we="http://schemas.microsoft.com/office/webextensions/webextension/2010/11" '
        f'id="{{{str(identity).upper()}}}">'
        f'<we:reference id="{LITE_ADDIN.lower()}" version="1.0.0.0" store="en-US" '
        'storeType="OMEX"/>'
        f'<we:alternateReferences><we:reference id="{LITE_ADDIN}" version="1.0.0.0" '
        f'store="{LITE_ADDIN}" storeType="OMEX"/></we:alternateReferences>'
        f"<we:properties>{values}</we:properties>"
        "<we:bindings/>"
        f'<we:snapshot xmlns:r="{OFFICE_RELATIONSHIPS}"/>'
        "</we:webextension>"
    )


def _taskpanes(visible: bool) -> str:
    return (
        f"{_XML}<wetp:taskpanes "
        'xmlns:wetp="http://schemas.microsoft.com/office/webextensions/taskpanes/2010/11">'
        f'<wetp:taskpane dockstate="right" visibility="{int(visible)}" width="438" row="3">'
        f'<wetp:webextensionref xmlns:r="{OFFICE_RELATIONSHIPS}" r:id="rId1"/>'
        "</wetp:taskpane></wetp:taskpanes>"
    )


def _shape(number: int, button: ShapeButton, link: str) -> str:
    """A one-cell-anchored text box shape with a hyperlink (relationship `link`)."""
    row, column = _cell_place(button.cell)
    width, height = button.width * _EMU_PER_PIXEL, button.height * _EMU_PER_PIXEL
    return (
        "<xdr:oneCellAnchor>"
        f"<xdr:from><xdr:col>{column}</xdr:col><xdr:colOff>0</xdr:colOff>"
        f"<xdr:row>{row}</xdr:row><xdr:rowOff>0</xdr:rowOff></xdr:from>"
        f'<xdr:ext cx="{width}" cy="{height}"/>'
        '<xdr:sp macro="" textlink="">'
        f'<xdr:nvSpPr><xdr:cNvPr id="{number + 1}" name={quoteattr(button.shape)}>'
        f'<a:hlinkClick xmlns:r="{OFFICE_RELATIONSHIPS}" r:id="{link}"/></xdr:cNvPr>'
        '<xdr:cNvSpPr txBox="1"/></xdr:nvSpPr>'
        f'<xdr:spPr><a:xfrm><a:off x="0" y="0"/><a:ext cx="{width}" cy="{height}"/></a:xfrm>'
        '<a:prstGeom prst="roundRect"><a:avLst/></a:prstGeom>'
        '<a:solidFill><a:srgbClr val="1F4E78"/></a:solidFill>'
        '<a:ln w="9525"><a:solidFill><a:srgbClr val="17375E"/></a:solidFill></a:ln></xdr:spPr>'
        '<xdr:txBody><a:bodyPr wrap="square" rtlCol="0" anchor="ctr" anchorCtr="1"/>'
        '<a:lstStyle/><a:p><a:pPr algn="ctr"/><a:r><a:rPr lang="en-IN" sz="1200" b="1">'
        '<a:solidFill><a:srgbClr val="FFFFFF"/></a:solidFill></a:rPr>'
        f"<a:t>{escape(button.caption)}</a:t></a:r></a:p></xdr:txBody>"
        "</xdr:sp><xdr:clientData/></xdr:oneCellAnchor>"
    )


def _sheet_parts(parts: Mapping[str, bytes]) -> dict[str, str]:
    """Sheet name → its part (`xl/worksheets/sheet1.xml`)."""
    workbook = parts["xl/workbook.xml"].decode("utf-8")
    targets = dict(
        re.findall(
            r'<Relationship Id="([^"]+)" Type="[^"]+/worksheet" Target="([^"]+)"',
            parts["xl/_rels/workbook.xml.rels"].decode("utf-8"),
        )
    )
    found = {}
    for tag in re.findall(r"<sheet [^>]*/>", workbook):
        name = re.search(r' name="([^"]*)"', tag)
        rid = re.search(r' r:id="([^"]*)"', tag)
        if name and rid:
            target = targets[rid.group(1)].lstrip("/")
            found[_unescape(name.group(1))] = target if target.startswith("xl/") else f"xl/{target}"
    return found


def _unescape(text: str) -> str:
    return (
        text.replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&quot;", '"')
        .replace("&apos;", "'")
        .replace("&amp;", "&")
    )


def _add_drawing(
    parts: dict[str, bytes], sheet_part: str, buttons: Sequence[ShapeButton], number: int
) -> str:
    """Give the sheet a drawing holding the buttons' shapes; return the drawing's part name."""
    sheet_xml = parts[sheet_part].decode("utf-8")
    if "<drawing " in sheet_xml:
        raise ValueError(f"{sheet_part} has a drawing already; put the buttons on another sheet")
    drawing = f"xl/drawings/drawing{number}.xml"
    while drawing in parts:
        number += 1
        drawing = f"xl/drawings/drawing{number}.xml"
    links = [
        (f"rId{index}", HYPERLINK_RELATIONSHIP, f"#{button.sheet}!{button.cell}")
        for index, button in enumerate(buttons, start=1)
    ]
    shapes = "".join(
        _shape(index, button, rid)
        for index, (button, (rid, _, _)) in enumerate(zip(buttons, links, strict=True), start=1)
    )
    parts[drawing] = (
        f"{_XML}<xdr:wsDr "
        'xmlns:xdr="http://schemas.openxmlformats.org/drawingml/2006/spreadsheetDrawing" '
        f'xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main">{shapes}</xdr:wsDr>'
    ).encode()
    folder, name = drawing.rsplit("/", 1)
    parts[f"{folder}/_rels/{name}.rels"] = _relationships(links).encode()
    sheet_folder, sheet_name = sheet_part.rsplit("/", 1)
    rels_part = f"{sheet_folder}/_rels/{sheet_name}.rels"
    rels = parts.get(rels_part, _relationships([]).encode()).decode("utf-8")
    rels, rid = _add_relationship(rels, DRAWING_RELATIONSHIP, f"../drawings/{name}")
    parts[rels_part] = rels.encode()
    at = min(i for i in (sheet_xml.find(tag) for tag in _AFTER_DRAWING) if i >= 0)
    sheet_xml = f'{sheet_xml[:at]}<drawing r:id="{rid}"/>{sheet_xml[at:]}'
    if 'xmlns:r="' not in sheet_xml[: sheet_xml.find(">", sheet_xml.find("<worksheet"))]:
        sheet_xml = sheet_xml.replace(
            "<worksheet ", f'<worksheet xmlns:r="{OFFICE_RELATIONSHIPS}" ', 1
        )
    parts[sheet_part] = sheet_xml.encode()
    return drawing


def _add_types(types: str, overrides: Mapping[str, str]) -> str:
    entries = "".join(
        f'<Override PartName="/{part}" ContentType="{kind}"/>'
        for part, kind in overrides.items()
        if f'PartName="/{part}"' not in types
    )
    return types.replace("</Types>", entries + "</Types>")


def add_lite_parts(
    workbook: Path,
    path: Path,
    properties: Mapping[str, str],
    buttons: Sequence[ShapeButton] = (),
    *,
    show_taskpane: bool = True,
) -> Path:
    """Write to `path` (atomically) the finished `workbook` with the web-extension parts of
    xlwings Lite holding `properties` (name → text, e.g. `main.py` → its code) and a shape for
    each of `buttons`. The web extension's id is derived from the workbook's name, so a rebuild
    gives the same bytes."""
    with zipfile.ZipFile(workbook) as archive:
        names = archive.namelist()
        parts = {name: archive.read(name) for name in names}
    if WEBEXTENSION in parts or TASKPANES in parts:
        raise ValueError(f"{path.name} has web-extension parts already")
    values = {name: property_value(text) for name, text in properties.items()}
    if show_taskpane:  # Office's own setting: open the add-in with the document
        values["Office.AutoShowTaskpaneWithDocument"] = "true"
    identity = uuid.uuid5(uuid.NAMESPACE_URL, f"xlbo:lite:{path.name}")
    parts[WEBEXTENSION] = _webextension(values, identity).encode()
    parts[TASKPANES] = _taskpanes(show_taskpane).encode()
    parts["xl/webextensions/_rels/taskpanes.xml.rels"] = _relationships(
        [("rId1", WEBEXTENSION_RELATIONSHIP, "webextension1.xml")]
    ).encode()
    root, _ = _add_relationship(
        parts["_rels/.rels"].decode("utf-8"), TASKPANES_RELATIONSHIP, TASKPANES
    )
    parts["_rels/.rels"] = root.encode()
    overrides = dict(_TYPES)
    sheets = _sheet_parts(parts)
    for button in buttons:
        if not re.fullmatch(r"[A-Za-z0-9_]+", button.shape + button.sheet):
            raise ValueError(f"{button.reference}: shape and sheet names of letters and digits")
    for number, sheet in enumerate(dict.fromkeys(b.sheet for b in buttons), start=1):
        if sheet not in sheets:
            raise ValueError(f"{path.name} has no sheet {sheet} for its buttons")
        on_sheet = [b for b in buttons if b.sheet == sheet]
        overrides[_add_drawing(parts, sheets[sheet], on_sheet, number)] = _DRAWING_TYPE
    parts["[Content_Types].xml"] = _add_types(
        parts["[Content_Types].xml"].decode("utf-8"), overrides
    ).encode()
    order = names + [name for name in parts if name not in names]
    with atomic_path(path) as temporary, zipfile.ZipFile(temporary, "w") as archive:
        for name in order:
            entry = zipfile.ZipInfo(name, date_time=_ZIP_TIME)
            entry.compress_type = zipfile.ZIP_DEFLATED
            archive.writestr(entry, parts[name])
    return path


def lite_properties(path: Path) -> dict[str, str]:
    """The web-extension properties of a Lite workbook, decoded (name → text); the reader a test
    or a curious user needs."""
    from xml.etree import ElementTree

    with zipfile.ZipFile(path) as archive:
        root = ElementTree.fromstring(archive.read(WEBEXTENSION))
    namespace = "{http://schemas.microsoft.com/office/webextensions/webextension/2010/11}"
    found = {}
    for item in root.iter(f"{namespace}property"):
        found[item.get("name", "")] = json.loads(item.get("value", "null"))
    return found
