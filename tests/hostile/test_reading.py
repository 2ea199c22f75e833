"""Hostile files at the reading door (issue #12): every reading command, fed a workbook or CSV
that is too large, sparse, a zip bomb, an XML attack, encrypted, damaged, something else under a
spreadsheet's name, or in an odd encoding, ends the way a user can act on — exit 2 and a plain
sentence naming the file, or a normal run where the file is merely unusual — in its own process,
under 2 GB, with its inputs unchanged and no stray files.

Each hostile file is built here by code from the demo company's files, so only it is wrong:
`xlbo validate MASTER`, `xlbo reconcile --bank B --ledger L`, `xlbo report KIND BOOKS` and
`xlbo payroll MASTER` read it beside valid counterparts.
"""

from __future__ import annotations

import csv
import io
import re
import shutil
import struct
import zipfile
import zlib
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import pytest
from msoffcrypto.format.ooxml import OOXMLFile

from tests.hostile.harness import MEMORY_LIMIT_MB, Folder, Outcome, run_xlbo
from xlbo.demo import DemoFiles, build_demo
from xlbo.excel.vba.cfb import compound_file

MB = 1 << 20
MAIN_NS = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
FAR_CELL = '<row r="1048576"><c r="XFD1048576" t="inlineStr"><is><t>x</t></is></c></row>'


@pytest.fixture(scope="module")
def demo(tmp_path_factory: pytest.TempPathFactory) -> DemoFiles:
    return build_demo(tmp_path_factory.mktemp("demo"))


# -- building hostile files ---------------------------------------------------------------


def parts_of(path: Path) -> dict[str, bytes]:
    with zipfile.ZipFile(path) as archive:
        return {name: archive.read(name) for name in archive.namelist()}


def sheet_names(parts: dict[str, bytes]) -> list[str]:
    return sorted(name for name in parts if re.fullmatch(r"xl/worksheets/sheet\d+\.xml", name))


@dataclass
class Part:
    """A zip member written by hand: `repeat` copies of `body` between `head` and `tail`
    (deflated once, the copies joined — how a zip bomb is made), and the size its directory
    declares (`declared`, None for the truth)."""

    head: bytes
    body: bytes = b""
    repeat: int = 0
    tail: bytes = b""
    declared: int | None = None


def write_zip(path: Path, parts: dict[str, bytes | Part]) -> Path:
    """A zip written record by record (stored sizes and CRCs as given), so that a part can be
    gigabytes unpacked and a few kilobytes on disk, or lie about its size."""
    out = io.BytesIO()
    directory = []
    for name, content in parts.items():
        part = content if isinstance(content, Part) else Part(content)
        packer = zlib.compressobj(9, zlib.DEFLATED, -15)
        head = packer.compress(part.head) + packer.flush(zlib.Z_FULL_FLUSH)
        body = packer.compress(part.body) + packer.flush(zlib.Z_FULL_FLUSH) if part.repeat else b""
        tail = packer.compress(part.tail) + packer.flush()
        crc = zlib.crc32(part.head)
        for _ in range(part.repeat):
            crc = zlib.crc32(part.body, crc)
        crc = zlib.crc32(part.tail, crc)
        size = len(part.head) + len(part.body) * part.repeat + len(part.tail)
        size = size if part.declared is None else part.declared
        packed = head + body * part.repeat + tail
        encoded = name.encode()
        offset = out.tell()
        fields = (20, 0, 8, 0, 0x21, crc, len(packed), size, len(encoded))
        out.write(struct.pack("<4s5HIIIHH", b"PK\x03\x04", *fields, 0) + encoded + packed)
        directory.append(
            struct.pack("<4s6HIIIHHHHHII", b"PK\x01\x02", 20, *fields, 0, 0, 0, 0, 0, offset)
            + encoded
        )
    start = out.tell()
    for entry in directory:
        out.write(entry)
    count, length = len(directory), out.tell() - start
    out.write(struct.pack("<4s4HIIH", b"PK\x05\x06", 0, 0, count, count, length, start, 0))
    path.write_bytes(out.getvalue())
    return path


def with_sheets(source: Path, target: Path, change: Callable[[bytes], bytes]) -> Path:
    """`source` with every worksheet's XML changed by `change`."""
    parts = parts_of(source)
    for name in sheet_names(parts):
        parts[name] = change(parts[name])
    return write_zip(target, dict(parts))


def add_rows(xml: bytes, rows: str) -> bytes:
    if b"<sheetData/>" in xml:
        return xml.replace(b"<sheetData/>", f"<sheetData>{rows}</sheetData>".encode())
    return xml.replace(b"</sheetData>", f"{rows}</sheetData>".encode())


def sparse(source: Path, target: Path) -> Path:
    """The 88 KB workbook of #12: one cell at XFD1048576 on each sheet."""
    return with_sheets(source, target, lambda xml: add_rows(xml, FAR_CELL))


def stray_format(source: Path, target: Path) -> Path:
    """A formatted but empty cell at XFD1048576 and a dimension that says so: Excel writes this
    when someone coloured the last cell; it holds no value and must not stop the read."""

    def change(xml: bytes) -> bytes:
        xml = re.sub(rb'<dimension ref="[^"]*"/>', b'<dimension ref="A1:XFD1048576"/>', xml)
        return add_rows(xml, '<row r="1048576"><c r="XFD1048576" s="0"/></row>')

    return with_sheets(source, target, change)


def sst_bomb(source: Path, target: Path, *, declared: int | None = None) -> Path:
    """Shared strings that unpack to 1 GB of zeros (1 MB on disk)."""
    parts: dict[str, bytes | Part] = dict(parts_of(source))
    parts["xl/sharedStrings.xml"] = Part(
        f'<?xml version="1.0"?><sst xmlns="{MAIN_NS}" count="1" uniqueCount="1"><si><t>'.encode(),
        b"0" * MB,
        1024,
        b"</t></si></sst>",
        declared,
    )
    return write_zip(target, parts)


def sheet_bomb(source: Path, target: Path) -> Path:
    """The first sheet's XML unpacks to 500 MB: one cell of zeros (0.5 MB on disk)."""
    parts: dict[str, bytes | Part] = dict(parts_of(source))
    parts["xl/worksheets/sheet1.xml"] = Part(
        f'<worksheet xmlns="{MAIN_NS}"><sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>'.encode(),
        b"0" * MB,
        500,
        b"</t></is></c></row></sheetData></worksheet>",
    )
    return write_zip(target, parts)


def many_parts(source: Path, target: Path) -> Path:
    parts: dict[str, bytes | Part] = dict(parts_of(source))
    parts.update({f"xl/media/x{n}.bin": b"" for n in range(20_001)})
    return write_zip(target, parts)


def xxe(source: Path, target: Path) -> Path:
    doctype = b'<!DOCTYPE worksheet [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>'

    def change(xml: bytes) -> bytes:
        xml = re.sub(rb"^(<\?xml[^>]*\?>)?", lambda m: (m.group(0) or b"") + doctype, xml)
        return add_rows(
            xml, '<row r="1000"><c r="A1000" t="inlineStr"><is><t>&xxe;</t></is></c></row>'
        )

    return with_sheets(source, target, change)


def billion_laughs(source: Path, target: Path) -> Path:
    entities = '<!ENTITY lol "lol">' + "".join(
        f'<!ENTITY lol{n} "{("&lol" + (str(n - 1) if n > 1 else "") + ";") * 10}">'
        for n in range(1, 10)
    )
    parts: dict[str, bytes | Part] = dict(parts_of(source))
    parts["xl/sharedStrings.xml"] = (
        f'<?xml version="1.0"?><!DOCTYPE sst [{entities}]>'
        f'<sst xmlns="{MAIN_NS}" count="1" uniqueCount="1"><si><t>&lol9;</t></si></sst>'
    ).encode()
    return write_zip(target, parts)


def encrypted(source: Path, target: Path) -> Path:
    out = io.BytesIO()
    with source.open("rb") as handle:
        OOXMLFile(handle).encrypt("secret", out)
    target.write_bytes(out.getvalue())
    return target


def truncated(source: Path, target: Path) -> Path:
    whole = source.read_bytes()
    target.write_bytes(whole[: len(whole) * 2 // 3])
    return target


def not_a_workbook_zip(source: Path, target: Path) -> Path:
    return write_zip(target, {"report.docx.txt": b"minutes of the meeting", "photo.jpg": b"\xff"})


def word_file(source: Path, target: Path) -> Path:
    """An OLE compound file that is no workbook (a Word 97 document's streams)."""
    target.write_bytes(compound_file({"WordDocument": b"\xec\xa5" + b"\0" * 5000}))
    return target


def damaged_xls(source: Path, target: Path) -> Path:
    target.write_bytes(compound_file({"Workbook": b"\x09\x08\x10\x00" + b"\xab" * 6000}))
    return target


def far_xls(source: Path, target: Path, *, declared: bool = False) -> Path:
    """An old-style .xls whose one value record names cell (65536, 65536): BIFF allows it,
    Excel's 256 columns do not, and calamine would allocate the 4-billion-cell grid. With
    `declared`, the values are ordinary but the DIMENSIONS record claims 4 billion rows of
    65,535 columns (calamine reserves room for them before reading a cell)."""
    biff = [
        (0x0809, struct.pack("<HHHHII", 0x600, 0x5, 0, 0, 0, 0)),  # BOF, workbook globals
        (0x0085, struct.pack("<IBBB", 0, 0, 0, 9) + b"\x00Statement"),  # BOUNDSHEET
        (0x000A, b""),  # EOF
    ]
    globals_size = sum(4 + len(body) for _, body in biff)
    kind, body = biff[1]
    biff[1] = (kind, struct.pack("<I", globals_size) + body[4:])
    far = (1, 1) if declared else (0xFFFF, 0xFFFF)
    rows, columns = (0xFFFFFFFF, 0xFFFF) if declared else (1, 1)
    biff += [
        (0x0809, struct.pack("<HHHHII", 0x600, 0x10, 0, 0, 0, 0)),  # BOF, worksheet
        (0x0200, struct.pack("<IIHHH", 0, rows, 0, columns, 0)),  # DIMENSIONS
        (0x0203, struct.pack("<HHHd", 0, 0, 0, 1.0)),  # NUMBER at A1
        (0x0203, struct.pack("<HHHd", *far, 0, 2.0)),  # NUMBER far away, or at B2
        (0x000A, b""),
    ]
    stream = b"".join(struct.pack("<HH", kind, len(body)) + body for kind, body in biff)
    target.write_bytes(compound_file({"Workbook": stream}))
    return target


def encrypted_xls(source: Path, target: Path) -> Path:
    """An old-style .xls saved with a password: a FILEPASS record (RC4 CryptoAPI) after the
    globals' BOF, every record's body after it scrambled — a NUMBER's row and column among them,
    which read as they stand put a cell past four billion (it was refused as too large)."""
    biff = [
        (0x0809, struct.pack("<HHHHII", 0x600, 0x5, 0, 0, 0, 0)),  # BOF, workbook globals
        (0x002F, struct.pack("<HHH", 1, 4, 2) + bytes(range(48))),  # FILEPASS, RC4 CryptoAPI
        (0x0085, bytes([0xA7] * 17)),  # BOUNDSHEET, scrambled
        (0x000A, b""),
        (0x0809, struct.pack("<HHHHII", 0x600, 0x10, 0, 0, 0, 0)),
        (0x0200, b"\xff" * 14),  # DIMENSIONS, scrambled
        (0x0203, struct.pack("<HHH", 0xF00D, 0xBEEF, 0x5A5A) + b"\xa5" * 8),  # a NUMBER, scrambled
        (0x000A, b""),
    ]
    stream = b"".join(struct.pack("<HH", kind, len(body)) + body for kind, body in biff)
    target.write_bytes(compound_file({"Workbook": stream}))
    return target


def biff12(kind: int, body: bytes = b"") -> bytes:
    """One .xlsb record: its type and length as 7-bit varints, then its body."""
    head = bytes([kind]) if kind < 128 else bytes([(kind & 0x7F) | 0x80, kind >> 7])
    length = bytearray()
    size = len(body)
    while True:
        length.append((size & 0x7F) | (0x80 if size >> 7 else 0))
        size >>= 7
        if not size:
            return head + bytes(length) + body


def far_xlsb(source: Path, target: Path) -> Path:
    """An .xlsb (binary workbook) whose sheet has a number at A1 and one at XFD1048576."""

    def wide(text: str) -> bytes:
        return struct.pack("<I", len(text)) + text.encode("utf-16-le")

    def number(row: int, column: int) -> bytes:
        header = biff12(0, struct.pack("<IIHHBB", row, 0, 300, 0, 0, 0) + b"\0" * 5)
        return header + biff12(5, struct.pack("<IId", column, 0, 1.0))

    sheet_entry = biff12(156, struct.pack("<II", 0, 1) + wide("rId1") + wide("Statement"))
    workbook = biff12(131) + biff12(143) + sheet_entry + biff12(144) + biff12(132)
    cells = number(0, 0) + number(1_048_575, 16_383)
    sheet = biff12(129) + biff12(148, b"\0" * 16) + biff12(145) + cells + biff12(146)
    relationships = "http://schemas.openxmlformats.org/package/2006/relationships"
    kinds = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
    return write_zip(
        target,
        {
            "[Content_Types].xml": (
                b'<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
                b'<Default Extension="bin" ContentType="application/vnd.ms-excel.sheet.binary.'
                b'macroEnabled.main"/><Default Extension="rels" ContentType="application/'
                b'vnd.openxmlformats-package.relationships+xml"/></Types>'
            ),
            "_rels/.rels": (
                f'<Relationships xmlns="{relationships}"><Relationship Id="rId1" '
                f'Type="{kinds}/officeDocument" Target="xl/workbook.bin"/></Relationships>'
            ).encode(),
            "xl/workbook.bin": workbook,
            "xl/_rels/workbook.bin.rels": (
                f'<Relationships xmlns="{relationships}"><Relationship Id="rId1" '
                f'Type="{kinds}/worksheet" Target="worksheets/sheet1.bin"/></Relationships>'
            ).encode(),
            "xl/worksheets/sheet1.bin": sheet + biff12(130),
        },
    )


def parquet_bomb(source: Path, target: Path) -> Path:
    """32 million zeros in four row groups: 0.1 MB on disk, 256 MB as numbers, far more as the
    frame of cells a statement is read into."""
    import numpy as np
    import pyarrow as pa
    import pyarrow.parquet as parquet

    zeros = pa.table({"Amount": pa.array(np.zeros(8_000_000, dtype=np.int64))})
    with parquet.ParquetWriter(target, zeros.schema) as writer:
        for _ in range(4):
            writer.write_table(zeros)
    return target


def ods_bomb(source: Path, target: Path) -> Path:
    """An .ods of a few hundred bytes whose one row of a value repeated 16,384 times is
    itself repeated 1,048,576 times."""
    spaces = (
        'xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" '
        'xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" '
        'xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0"'
    )
    row = (
        '<table:table-row table:number-rows-repeated="1048576"><table:table-cell '
        'office:value-type="float" office:value="1" table:number-columns-repeated="16384">'
        "<text:p>1</text:p></table:table-cell></table:table-row>"
    )
    content = (
        f'<?xml version="1.0" encoding="UTF-8"?><office:document-content {spaces}>'
        f'<office:body><office:spreadsheet><table:table table:name="Employees">{row}'
        "</table:table></office:spreadsheet></office:body></office:document-content>"
    )
    return write_zip(
        target,
        {
            "mimetype": b"application/vnd.oasis.opendocument.spreadsheet",
            "content.xml": content.encode(),
        },
    )


def cells_without_references(source: Path, target: Path) -> Path:
    """Cells written without an `r` attribute, 20,000 to a row at row 1,048,576: calamine places
    each after the one before it."""
    row = '<row r="1048576">' + "<c><v>1</v></c>" * 20_000 + "</row>"
    return with_sheets(source, target, lambda xml: add_rows(xml, row))


def understated_dimension(source: Path, target: Path) -> Path:
    """A real export whose <dimension> is a little wrong (says A1:B3): it still reads."""
    return with_sheets(
        source,
        target,
        lambda xml: re.sub(rb'<dimension ref="[^"]*"/>', b'<dimension ref="A1:B3"/>', xml),
    )


def statement_rows(source: Path) -> list[list[str]]:
    import python_calamine

    sheet = python_calamine.CalamineWorkbook.from_path(str(source)).get_sheet_by_index(0)
    return [["" if c is None else str(c) for c in row] for row in sheet.to_python()]


def csv_text(source: Path) -> str:
    text = io.StringIO()
    csv.writer(text, lineterminator="\r\n").writerows(statement_rows(source))
    return text.getvalue()


def utf16_csv(source: Path, target: Path) -> Path:
    target.write_bytes(csv_text(source).encode("utf-16"))
    return target


def utf16_csv_without_mark(source: Path, target: Path) -> Path:
    target.write_bytes(csv_text(source).encode("utf-16-le"))
    return target


def cp1252_csv(source: Path, target: Path) -> Path:
    text = csv_text(source).replace("VARDHAMAN", "VARDHAMÁN", 1)
    target.write_bytes(text.encode("cp1252"))
    return target


def nul_csv(source: Path, target: Path) -> Path:
    text = csv_text(source)
    target.write_bytes(text.encode().replace(b"NEFT", b"NE\x00FT"))
    return target


def open_quote_csv(source: Path, target: Path) -> Path:
    """A narration that opens a quote and never closes it: the rest of the file would be one
    cell (and the statement silently short)."""
    lines = csv_text(source).split("\r\n")
    after_the_last_quote = max(n for n, line in enumerate(lines) if '"' in line) + 1
    lines[after_the_last_quote] = lines[after_the_last_quote].replace(",", ',"', 1)
    target.write_text("\r\n".join(lines))
    return target


def million_commas_csv(source: Path, target: Path) -> Path:
    """A line of a million commas under the ledger: padded to it, 100 lines are 100 million
    cells."""
    text = csv_text(source)
    target.write_text(text + "," * 1_000_000 + "\r\n" + "x,y\r\n" * 60)
    return target


def workbook_as_csv(source: Path, target: Path) -> Path:
    shutil.copyfile(source, target)
    return target


def empty(source: Path, target: Path) -> Path:
    target.write_bytes(b"")
    return target


def folder(source: Path, target: Path) -> Path:
    target.mkdir()
    return target


# -- the corpus ---------------------------------------------------------------------------

VALIDATE = ("validate", "{hostile}", "--out", "issues.xlsx")
BANK = ("reconcile", "--bank", "{hostile}", "--ledger", "{ledger}", "--out", "brs.xlsx")
LEDGER = ("reconcile", "--bank", "{statement}", "--ledger", "{hostile}", "--out", "brs.xlsx")
REPORT = ("report", "trial-balance", "{hostile}", "--master", "{master}", "--period", "2026-10")
REPORT_OUT = (*REPORT, "--out", "tb.xlsx")
PAYROLL = ("payroll", "{hostile}", "--month", "2026-10", "--out", "pay", "--no-payslips")
LARGER = "is larger than xlbo reads"


@dataclass(frozen=True)
class Case:
    build: Callable[[Path, Path], Path]
    source: str
    """which demo file the hostile one is made from: master, books, statement, ledger"""
    name: str
    command: tuple[str, ...]
    said: tuple[str, ...]
    """key words of the message (exit 2), or of the normal run's output (exit 0 or 1)"""
    refused: bool = True


CASES = {
    "sparse-validate": Case(
        sparse, "master", "master.xlsx", VALIDATE, (LARGER, "XFD1048576", "Ctrl+End")
    ),
    "sparse-bank": Case(
        sparse, "statement", "hdfc.xlsx", BANK, ("hdfc.xlsx: ", LARGER, "17,179,869,184 cells")
    ),
    "sparse-report": Case(sparse, "books", "books.xlsx", REPORT_OUT, (LARGER, "XFD1048576")),
    "sparse-payroll": Case(sparse, "master", "master.xlsx", PAYROLL, ("master.xlsx: ", LARGER)),
    "stray-format-validate": Case(
        stray_format, "master", "master.xlsx", VALIDATE, ("master.xlsx: 14 errors",), False
    ),
    "stray-format-bank": Case(
        stray_format, "statement", "hdfc.xlsx", BANK, ("53 matches", "BRS difference 0.00"), False
    ),
    "far-xls-bank": Case(far_xls, "statement", "hdfc.xls", BANK, ("hdfc.xls", LARGER, "CRXP65536")),
    "xls-declared-dimensions-payroll": Case(
        lambda s, t: far_xls(s, t, declared=True),
        "master",
        "master.xls",
        PAYROLL,
        ("master.xls is larger than xlbo reads (281,470,681,677,825 cells",),
    ),
    "far-xlsb-bank": Case(
        far_xlsb, "statement", "hdfc.xlsb", BANK, ("hdfc.xlsb: Statement", LARGER, "XFD1048576")
    ),
    "parquet-bomb-bank": Case(
        parquet_bomb, "statement", "hdfc.parquet", BANK, ("32,000,000 cells / 244.1 MB", LARGER)
    ),
    "ods-bomb-validate": Case(
        ods_bomb, "master", "master.ods", VALIDATE, ("master.ods: Employees", LARGER)
    ),
    "cells-without-references-report": Case(
        cells_without_references, "books", "books.xlsx", REPORT_OUT, (LARGER, "ACOF1048576")
    ),
    "understated-dimension-bank": Case(
        understated_dimension, "statement", "hdfc.xlsx", BANK, ("53 matches",), False
    ),
    "sst-bomb-validate": Case(sst_bomb, "master", "master.xlsx", VALIDATE, (LARGER, "MB unpacked")),
    "sst-bomb-ledger": Case(sst_bomb, "ledger", "tally.xlsx", LEDGER, ("tally.xlsx", LARGER)),
    "sst-bomb-lying-directory-report": Case(
        lambda s, t: sst_bomb(s, t, declared=4000),
        "books",
        "books.xlsx",
        REPORT_OUT,
        ("books.xlsx is damaged or incomplete",),
    ),
    "sheet-bomb-bank": Case(sheet_bomb, "statement", "hdfc.xlsx", BANK, (LARGER, "MB unpacked")),
    "sheet-bomb-payroll": Case(sheet_bomb, "master", "master.xlsx", PAYROLL, (LARGER,)),
    "many-parts-validate": Case(
        many_parts, "master", "master.xlsx", VALIDATE, ("20,", "parts, more than xlbo reads")
    ),
    "xxe-bank": Case(xxe, "statement", "hdfc.xlsx", BANK, ("entity declarations",)),
    "xxe-report": Case(xxe, "books", "books.xlsx", REPORT_OUT, ("entity declarations",)),
    "billion-laughs-payroll": Case(
        billion_laughs, "master", "master.xlsx", PAYROLL, ("entity declarations",)
    ),
    "encrypted-validate": Case(
        encrypted, "master", "master.xlsx", VALIDATE, ("password-protected", "remove the password")
    ),
    "zip-not-workbook-ledger": Case(
        not_a_workbook_zip, "ledger", "tally.xlsx", LEDGER, ("zip archive, not an Excel workbook",)
    ),
    "ole-not-workbook-validate": Case(
        word_file, "master", "master.xls", VALIDATE, ("not an Excel workbook", "master.xls")
    ),
    "ole-not-workbook-bank": Case(
        word_file, "statement", "hdfc.xlsx", BANK, ("hdfc.xlsx", "not an Excel workbook")
    ),
    "encrypted-xls-bank": Case(
        encrypted_xls, "statement", "hdfc.xls", BANK, ("hdfc.xls is password-protected",)
    ),
    "encrypted-xls-ledger": Case(
        encrypted_xls, "ledger", "tally.xls", LEDGER, ("tally.xls is password-protected",)
    ),
    "damaged-xls-bank": Case(
        damaged_xls, "statement", "hdfc.xls", BANK, ("hdfc.xls is damaged or incomplete",)
    ),
    "utf16-csv-bank": Case(
        utf16_csv, "statement", "hdfc.csv", BANK, ("53 matches", "BRS difference 0.00"), False
    ),
    "utf16-no-mark-csv-bank": Case(
        utf16_csv_without_mark, "statement", "hdfc.csv", BANK, ("53 matches",), False
    ),
    "cp1252-csv-bank": Case(
        cp1252_csv, "statement", "hdfc.csv", BANK, ("53 matches", "BRS difference 0.00"), False
    ),
    "nul-bytes-csv-bank": Case(nul_csv, "statement", "hdfc.csv", BANK, ("matches",), False),
    "open-quote-csv-bank": Case(
        open_quote_csv, "statement", "hdfc.csv", BANK, ("hdfc.csv: a quote", "line 63", "closed")
    ),
    "million-commas-csv-ledger": Case(
        million_commas_csv, "ledger", "tally.csv", LEDGER, ("tally.csv is larger", "separator")
    ),
    "workbook-named-csv-bank": Case(
        workbook_as_csv, "statement", "hdfc.csv", BANK, ("with a .csv name; rename it .xlsx",)
    ),
    "empty-validate": Case(empty, "master", "master.xlsx", VALIDATE, ("is empty (0 bytes)",)),
    "empty-ledger": Case(empty, "ledger", "tally.csv", LEDGER, ("tally.csv",)),
    "folder-payroll": Case(folder, "master", "master.xlsx", PAYROLL, ("is a folder",)),
    "wrong-extension-report": Case(
        workbook_as_csv, "books", "books.docx", REPORT_OUT, ("not a file xlbo reads",)
    ),
}


@pytest.mark.parametrize("case", CASES.values(), ids=CASES.keys())
def test_hostile_file(case: Case, demo: DemoFiles, tmp_path: Path) -> None:
    names = {"master": "good-master.xlsx", "statement": "good-hdfc.xlsx"}
    names |= {"books": "good-books.xlsx", "ledger": "good-tally.xlsx"}
    for role, name in names.items():  # the valid counterparts, so only the hostile file is wrong
        shutil.copyfile(getattr(demo, role), tmp_path / name)
    hostile = case.build(getattr(demo, case.source), tmp_path / case.name)
    arguments = [part.format(hostile=hostile.name, **names) for part in case.command]
    before = Folder(tmp_path)
    outcome: Outcome = run_xlbo(*arguments, cwd=tmp_path)
    assert outcome.peak_mb < MEMORY_LIMIT_MB, outcome.peak_mb
    for words in case.said:
        assert words in outcome.said, outcome.said
    if case.refused:
        outcome.plain()
        assert outcome.err.count("\n") <= 2, outcome.err
        before.unchanged()
    else:
        assert outcome.code in (0, 1), outcome.said
        assert "Traceback" not in outcome.said
        assert before.inputs_unchanged(), "a normal run writes its report"
