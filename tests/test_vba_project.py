"""Authoring a VBA project without Office: MS-OVBA compression, the compound file, the project.

Each part is checked against an independent reader: oletools' decompressor and VBA parser,
olefile's compound-file reader, and the project xlwings ships.
"""

from __future__ import annotations

import os
import struct
import zipfile
from dataclasses import replace
from pathlib import Path

import olefile
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from oletools.olevba import VBA_Parser, decompress_stream

from xlbo.excel.addin import xlwings_addin_template
from xlbo.excel.vba.cfb import compound_file, sibling_order
from xlbo.excel.vba.compression import compress, decompress
from xlbo.excel.vba.project import (
    ModuleKind,
    read_project,
    standard_module,
    with_crlf,
    write_project,
)

ROOT = Path(__file__).resolve().parents[1]
RED, BLACK = 0, 1
"""Colours of compound-file directory entries ([MS-CFB] 2.6.1)."""
BAS = 'Attribute VB_Name = "Hello"\nSub Hello()\n    MsgBox "Hello"\nEnd Sub\n'

# Bytes from a small alphabet repeat a lot, so they exercise copy tokens at every position
# within a chunk (and so every offset/length split); random bytes exercise the raw chunks.
repetitive = st.lists(st.sampled_from([b"a", b"b", b"ab", b"\r\n", b"End Sub"]), max_size=4000).map(
    b"".join
)
anything = st.binary(max_size=10000)


@pytest.fixture(scope="module")
def template() -> bytes:
    path = xlwings_addin_template()
    if path is None:
        pytest.skip("xlwings is not installed")
    with zipfile.ZipFile(path) as archive:
        return archive.read("xl/vbaProject.bin")


# ----------------------------------------------------------------------------- compression


@settings(max_examples=150, deadline=None)
@given(st.one_of(repetitive, anything))
def test_decompressing_what_we_compress_gives_it_back(data: bytes) -> None:
    assert decompress(compress(data)) == data


@settings(max_examples=150, deadline=None)
@given(st.one_of(repetitive, anything))
def test_oletools_reads_what_we_compress(data: bytes) -> None:
    assert bytes(decompress_stream(bytearray(compress(data)))) == data


@pytest.mark.parametrize("size", [1, 4095, 4096, 4097, 3700, 4096 + 3700, 3 * 4096])
def test_incompressible_data_round_trips_at_chunk_edges(size: int) -> None:
    data = os.urandom(size)
    packed = compress(data)
    assert decompress(packed) == data
    assert bytes(decompress_stream(bytearray(packed))) == data


def test_worked_example_and_raw_chunk() -> None:
    # flag byte 0x08: the fourth token copies 6 bytes from 3 back (token 0x2003)
    assert compress(b"abcabcabc") == bytes.fromhex("01 05b0 08 616263 0320")
    noise = os.urandom(4096)
    packed = compress(noise)
    assert struct.unpack_from("<H", packed, 1)[0] == 0x3FFF  # raw: flag 0, signature, 4095
    assert packed == b"\x01" + b"\xff\x3f" + noise
    assert compress(b"") == b"\x01"


def test_text_compresses() -> None:
    text = with_crlf(BAS * 200).encode()
    assert len(compress(text)) < len(text) // 10


def test_decompress_reads_real_streams(template: bytes) -> None:
    with olefile.OleFileIO(template) as ole:
        compressed = ole.openstream("VBA/dir").read()
    assert decompress(compressed) == bytes(decompress_stream(bytearray(compressed)))


@pytest.mark.parametrize(
    ("container", "problem"),
    [
        (b"", "not a compressed container"),
        (b"\x02abc", "not a compressed container"),
        (b"\x01\x05", "inside a chunk header"),
        (b"\x01\xff\x0f" + b"a" * 10, "bad chunk signature"),
        (b"\x01\x03\xb0\x01\x00\x00", "runs past the end"),
        (b"\x01\x02\xb0\x01\x00\x00", "copy token at the start of a chunk"),
        (b"\x01\xff\x3f" + b"a" * 100, "runs past the end"),
    ],
)
def test_decompress_refuses_what_is_not_a_container(container: bytes, problem: str) -> None:
    with pytest.raises(ValueError, match=problem):
        decompress(container)


# ----------------------------------------------------------------------------- compound file


def _check_red_black(ole: olefile.OleFileIO) -> None:
    """Every storage's children: a binary search tree in sibling order, root black, no red
    node with a red child, the same number of black nodes on every path to an empty link."""
    entries = ole.direntries

    def black_height(sid: int, low: tuple[int, str] | None, high: tuple[int, str] | None) -> int:
        if sid == olefile.NOSTREAM:
            return 1
        node = entries[sid]
        key = sibling_order(node.name)
        assert (low is None or low < key) and (high is None or key < high), node.name
        for child in (node.sid_left, node.sid_right):
            if node.color == RED and child != olefile.NOSTREAM:
                assert entries[child].color == BLACK, f"red {node.name} has a red child"
        left = black_height(node.sid_left, low, key)
        right = black_height(node.sid_right, key, high)
        assert left == right, f"black heights differ below {node.name}"
        return left + (node.color == BLACK)

    for entry in entries:
        storage = entry is not None and entry.entry_type != olefile.STGTY_STREAM
        if storage and entry.sid_child != olefile.NOSTREAM:
            assert entries[entry.sid_child].color == BLACK
            black_height(entry.sid_child, None, None)


names = st.text(st.characters(codec="ascii", exclude_characters="/\\:!\0"), min_size=1, max_size=31)
contents = st.tuples(
    st.one_of(st.integers(0, 300), st.integers(3900, 9000)), st.integers(0, 255)
).map(lambda size_seed: bytes((i * 131 + size_seed[1]) % 256 for i in range(size_seed[0])))
"""Small streams (mini stream) and large ones (FAT sectors); the sizes matter, not the bytes."""


@st.composite
def stream_sets(draw: st.DrawFn) -> dict[str, bytes]:
    """Streams at the root and in a `VBA` storage, small (mini stream) and large."""
    top = draw(
        st.lists(names.filter(lambda n: n.upper() != "VBA"), max_size=12, unique_by=str.upper)
    )
    inner = draw(st.lists(names, max_size=25, unique_by=str.upper))
    return {path: draw(contents) for path in [*top, *(f"VBA/{n}" for n in inner)]}


@settings(max_examples=60, deadline=None)
@given(stream_sets())
def test_olefile_reads_back_every_stream(streams: dict[str, bytes]) -> None:
    data = compound_file(streams)
    assert olefile.isOleFile(data=data)
    with olefile.OleFileIO(data, raise_defects=olefile.DEFECT_INCORRECT) as ole:
        assert sorted("/".join(p) for p in ole.listdir()) == sorted(streams)
        for path, content in streams.items():
            assert ole.openstream(path).read() == content
        _check_red_black(ole)


def test_compound_file_of_a_size_that_needs_two_fat_sectors() -> None:
    streams = {f"VBA/Module{i}": os.urandom(5000) for i in range(30)}
    with olefile.OleFileIO(compound_file(streams), raise_defects=olefile.DEFECT_INCORRECT) as ole:
        assert all(ole.openstream(p).read() == b for p, b in streams.items())


@pytest.mark.parametrize("name", ["a/", "x" * 32, "bad:name", "VBA/"])
def test_compound_file_refuses_bad_names(name: str) -> None:
    with pytest.raises(ValueError, match="cannot name"):
        compound_file({name: b"x"})


def test_compound_file_refuses_names_differing_only_in_case() -> None:
    with pytest.raises(ValueError, match="only in case"):
        compound_file({"VBA/abc": b"1", "VBA/ABC": b"2"})


# ----------------------------------------------------------------------------- VBA project


def test_reads_the_xlwings_template(template: bytes) -> None:
    project = read_project(template)
    assert project.code_page == 1252
    assert project.name == "MyAddin"
    kinds = {m.name: m.kind for m in project.modules}
    assert kinds == {
        "ThisWorkbook": ModuleKind.DOCUMENT,
        "Sheet2": ModuleKind.DOCUMENT,
        "Dictionary": ModuleKind.CLASS,
        "RibbonMyAddin": ModuleKind.STANDARD,
        "xlwings": ModuleKind.STANDARD,
    }
    assert project.module("RibbonMyAddin").source.startswith(
        'Attribute VB_Name = "RibbonMyAddin"\r\nSub RunMain(control As IRibbonControl)'
    )


def test_written_project_reads_back_in_oletools(template: bytes, tmp_path: Path) -> None:
    project = read_project(template)
    modules = (*project.modules, standard_module(BAS))
    written = write_project(replace(project, name="Demo", modules=modules))
    path = tmp_path / "vbaProject.bin"
    path.write_bytes(written)
    parser = VBA_Parser(str(path))
    try:
        code = {name: text for _, _, name, text in parser.extract_macros()}
    finally:
        parser.close()
    assert set(code) == {
        "ThisWorkbook.cls",
        "Sheet2.cls",
        "Dictionary.cls",
        "RibbonMyAddin.bas",
        "xlwings.bas",
        "Hello.bas",
    }
    assert code["Hello.bas"].replace("\r\n", "\n") == BAS
    again = read_project(written)
    assert again.name == "Demo"
    assert [m.name for m in again.modules] == [m.name for m in modules]
    for before, after in zip(modules, again.modules, strict=True):
        assert after.source == with_crlf(before.source)
        assert (after.kind, after.doc_string) == (before.kind, before.doc_string)


def test_written_project_streams(template: bytes) -> None:
    project = read_project(template)
    written = write_project(replace(project, name="Demo", modules=(standard_module(BAS),)))
    with olefile.OleFileIO(written, raise_defects=olefile.DEFECT_INCORRECT) as ole:
        assert sorted("/".join(p) for p in ole.listdir()) == [
            "PROJECT",
            "PROJECTwm",
            "VBA/Hello",
            "VBA/_VBA_PROJECT",
            "VBA/dir",
        ]
        assert ole.openstream("VBA/_VBA_PROJECT").read() == bytes.fromhex("CC61FFFF000100")
        text = ole.openstream("PROJECT").read().decode("cp1252")
        wm = ole.openstream("PROJECTwm").read()
        source = ole.openstream("VBA/Hello").read()
    with olefile.OleFileIO(template) as ole:
        shipped = ole.openstream("PROJECT").read().decode("cp1252").splitlines()
    # the template's id and unprotected state are kept; modules and name are ours
    for key in ("ID=", "HelpContextID=", "VersionCompatible32=", "CMG=", "DPB=", "GC="):
        assert [line for line in shipped if line.startswith(key)] == [
            line for line in text.splitlines() if line.startswith(key)
        ]
    assert "Module=Hello\r\n" in text and 'Name="Demo"\r\n' in text
    assert "RibbonMyAddin" not in text
    assert wm == b"Hello\0" + "Hello".encode("utf-16-le") + b"\0\0\0\0"
    assert decompress(source) == with_crlf(BAS).encode()  # offset 0: no p-code before it
    # the references (Office, for IRibbonControl) are the template's
    kept = read_project(written).information
    assert [r for r in kept if r[:2] != b"\x04\x00"] == [
        r for r in project.information if r[:2] != b"\x04\x00"
    ]


def test_project_refuses_what_vba_cannot_hold(template: bytes) -> None:
    project = read_project(template)
    with pytest.raises(ValueError, match="Attribute VB_Name"):
        standard_module("Sub Hello()\nEnd Sub\n")
    with pytest.raises(ValueError, match="code page"):
        write_project(replace(project, modules=(standard_module(BAS + "' ₹ 100\n"),)))
    with pytest.raises(ValueError, match="same name"):
        write_project(replace(project, modules=(standard_module(BAS), standard_module(BAS))))
    with pytest.raises(ValueError, match="project name"):
        write_project(replace(project, name="my project"))
    with pytest.raises(ValueError, match="not a VBA project"):
        read_project(b"PK\x03\x04 not a compound file")


def test_project_stream_keeps_the_order_of_its_properties(template: bytes) -> None:
    """HelpFile comes before Name, Description after HelpContextID ([MS-OVBA] 2.3.1)."""
    project = read_project(template)
    properties = list(project.properties)
    properties.insert([k for k, _ in properties].index("Name"), ("HelpFile", '"xlbo.chm"'))
    properties.insert([k for k, _ in properties].index("HelpContextID") + 1, ("Description", '"x"'))
    written = write_project(
        replace(project, name="Demo", properties=tuple(properties), modules=(standard_module(BAS),))
    )
    with olefile.OleFileIO(written) as ole:
        text = ole.openstream("PROJECT").read().decode("cp1252")
    keys = [line.split("=", 1)[0] for line in text.split("\r\n\r\n")[0].splitlines()]
    assert keys == [
        "ID",
        "Module",
        "HelpFile",
        "Name",
        "HelpContextID",
        "Description",
        "VersionCompatible32",
        "CMG",
        "DPB",
        "GC",
    ]
