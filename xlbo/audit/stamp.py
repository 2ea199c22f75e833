"""The chain's head inside the books: a very hidden, protected sheet `xlbo audit` that says
which entry of the log last wrote the workbook and that entry's hash. A log deleted or cut back
past that entry is found by `xlbo audit verify` from the workbook alone.

Written only into .xlsx/.xlsm books a job wrote (an input workbook is never rewritten): the
sheet's part is added to the package, every other part copied as it is.
"""

from __future__ import annotations

import hashlib
import re
import zipfile
import zlib
from dataclasses import dataclass
from pathlib import Path
from xml.sax.saxutils import escape

SHEET = "xlbo audit"


@dataclass(frozen=True)
class Head:
    seq: int
    head: str
    log: str
    """The log's file name."""


def can_stamp(books: Path) -> bool:
    """Whether the head can be written into `books` (an .xlsx or .xlsm package)."""
    if books.suffix.lower() not in (".xlsx", ".xlsm"):
        return False
    try:
        with zipfile.ZipFile(books) as archive:
            names = set(archive.namelist())
    except (OSError, zipfile.BadZipFile):
        return False
    return {"xl/workbook.xml", "xl/_rels/workbook.xml.rels", "[Content_Types].xml"} <= names


_RELATIONSHIPS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
_WORKSHEET_TYPE = _RELATIONSHIPS + "/worksheet"
_WORKSHEET_CONTENT = "application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"
_PART = "xl/worksheets/xlbo-audit.xml"


def _cell(ref: str, value: object) -> str:
    if isinstance(value, int):
        return f'<c r="{ref}"><v>{value}</v></c>'
    return f'<c r="{ref}" t="inlineStr"><is><t>{escape(str(value))}</t></is></c>'


def _sheet_xml(head: Head) -> bytes:
    rows = [
        ("What", "Value"),
        ("Entry", head.seq),
        ("SHA-256", head.head),
        ("Log", head.log),
        ("Note", "Written by xlbo after each run that wrote these books; do not edit."),
    ]
    body = "".join(
        f'<row r="{n}">{_cell(f"A{n}", what)}{_cell(f"B{n}", value)}</row>'
        for n, (what, value) in enumerate(rows, 1)
    )
    return (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
        '<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">'
        f"<sheetData>{body}</sheetData>"
        '<sheetProtection sheet="1" objects="1" scenarios="1"/></worksheet>'
    ).encode()


def _existing_part(workbook: str, relations: str) -> str | None:
    """The part of an `xlbo audit` sheet the workbook already has (None: it has none)."""
    found = re.search(r'<sheet\b[^>]*\bname="xlbo audit"[^>]*>', workbook)
    if not found:
        return None
    rid = re.search(r'\b\w+:id="([^"]+)"', found.group(0))
    if not rid:
        return None
    for relation in re.findall(r"<Relationship\b[^>]*>", relations):
        if f'Id="{rid.group(1)}"' in relation:
            target = re.search(r'Target="([^"]+)"', relation)
            if target:
                path = target.group(1)
                return path.lstrip("/") if path.startswith("/") else f"xl/{path}"
    return None


def write_head(books: Path, head: Head) -> None:
    """Put the head into `books`: the sheet's part added to the workbook's package as it is
    (every other part copied unchanged, so nothing of the books is rewritten; a Journal of
    100,000 lines takes a second), written to a temporary file and moved into place."""
    with zipfile.ZipFile(books) as source:
        workbook = source.read("xl/workbook.xml").decode("utf-8")
        relations = source.read("xl/_rels/workbook.xml.rels").decode("utf-8")
        types = source.read("[Content_Types].xml").decode("utf-8")
        part = _existing_part(workbook, relations)
        changed: dict[str, bytes] = {}
        if part is None:
            part = _PART
            prefix = re.search(rf'xmlns:(\w+)="{re.escape(_RELATIONSHIPS)}"', workbook)
            if prefix is None:
                workbook = workbook.replace(
                    "<workbook ", f'<workbook xmlns:r="{_RELATIONSHIPS}" ', 1
                )
                name = "r"
            else:
                name = prefix.group(1)
            ids = [int(i) for i in re.findall(r'<sheet\b[^>]*\bsheetId="(\d+)"', workbook)]
            entry = (
                f'<sheet name="{SHEET}" sheetId="{max(ids, default=0) + 1}" state="veryHidden" '
                f'{name}:id="rIdXlboAudit"/>'
            )
            workbook = workbook.replace("</sheets>", entry + "</sheets>", 1)
            relation = (
                f'<Relationship Id="rIdXlboAudit" Type="{_WORKSHEET_TYPE}" '
                'Target="worksheets/xlbo-audit.xml"/>'
            )
            relations = relations.replace("</Relationships>", relation + "</Relationships>", 1)
            override = f'<Override PartName="/{_PART}" ContentType="{_WORKSHEET_CONTENT}"/>'
            types = types.replace("</Types>", override + "</Types>", 1)
            changed |= {
                "xl/workbook.xml": workbook.encode("utf-8"),
                "xl/_rels/workbook.xml.rels": relations.encode("utf-8"),
                "[Content_Types].xml": types.encode("utf-8"),
            }
        changed[part] = _sheet_xml(head)
        temporary = books.with_name(f".{books.name}.audit.tmp")
        with zipfile.ZipFile(temporary, "w", zipfile.ZIP_DEFLATED) as target:
            for item in source.infolist():
                data = changed.pop(item.filename, None)
                target.writestr(item, data if data is not None else source.read(item.filename))
            for name_, data in changed.items():
                target.writestr(name_, data)
    temporary.replace(books)
    from xlbo.book.atomic import stamp as mark_written

    mark_written(books)  # still as xlbo wrote it: a later run may replace it without a copy


def _without_element(xml: str, tag: str, attribute: str, value: str) -> bytes:
    """`xml` without its first empty `<tag …/>` whose `attribute` is `value`, as UTF-8."""
    element = rf'<{tag}\b[^>]*\b{attribute}="{re.escape(value)}"[^>]*/>'
    return re.sub(element, "", xml, count=1).encode()


def unstamped_sha256(books: Path) -> str | None:
    """The SHA-256 of the package as it is without its head: every part's name and content
    (uncompressed), in the package's order, but the `xlbo audit` sheet's part, and its `<sheet>`,
    relationship and content type taken out of the three files `write_head` adds them to.

    `write_head` changes the books' bytes after the log's entry is written (the head holds the
    entry's hash), so the entry cannot keep the stamped file's SHA-256; it keeps this, which is
    the same before and after the head is written and differs on any other change to any part
    (a cell, a shared string, a style, a sheet renamed). None for a file that is no package."""
    try:
        with zipfile.ZipFile(books) as archive:
            items = archive.infolist()
            names = {item.filename for item in items}
            if not {"xl/workbook.xml", "xl/_rels/workbook.xml.rels"} <= names:
                return None
            workbook = archive.read("xl/workbook.xml").decode("utf-8")
            relations = archive.read("xl/_rels/workbook.xml.rels").decode("utf-8")
            part = _existing_part(workbook, relations)
            plain: dict[str, bytes] = {}
            found = re.search(r'<sheet\b[^>]*\bname="xlbo audit"[^>]*>', workbook)
            if part is not None and found is not None:
                rid = re.search(r'\b\w+:id="([^"]+)"', found.group(0))
                plain["xl/workbook.xml"] = workbook.replace(found.group(0), "", 1).encode()
                if rid is not None:
                    plain["xl/_rels/workbook.xml.rels"] = _without_element(
                        relations, "Relationship", "Id", rid.group(1)
                    )
                if "[Content_Types].xml" in names:
                    types = archive.read("[Content_Types].xml").decode("utf-8")
                    plain["[Content_Types].xml"] = _without_element(
                        types, "Override", "PartName", f"/{part}"
                    )
            whole = hashlib.sha256()
            for item in items:
                if item.filename == part:
                    continue
                data = plain.get(item.filename)
                if data is None:
                    data = archive.read(item)
                name = item.filename.encode()
                whole.update(b"%d:%s %d\n" % (len(name), name, len(data)))
                whole.update(data)
            return whole.hexdigest()
    except (
        OSError,
        ValueError,
        KeyError,
        EOFError,
        RuntimeError,
        NotImplementedError,
        zipfile.BadZipFile,
        zlib.error,
    ):
        return None  # not a package, damaged, encrypted: the rows are read and compared instead


def read_head(books: Path) -> Head | None:
    """The head the workbook carries; None when it has none (or it cannot be read)."""
    from xlbo.book.files import FileBook

    try:
        book = FileBook(books)
        if SHEET not in book.sheet_names():
            return None
        cells = {str(r[0]): r[1] for r in book.sheet_rows(SHEET) if len(r) > 1}
        seq = cells.get("Entry")
        return Head(int(seq), str(cells.get("SHA-256", "")), str(cells.get("Log", "")))  # type: ignore[arg-type]
    except (ValueError, TypeError, OSError):
        return None
