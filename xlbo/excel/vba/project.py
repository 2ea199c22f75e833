"""Read a VBA project (`vbaProject.bin`) and write one back with modules of our own ([MS-OVBA]).

A VBA project is a compound file holding:

- `PROJECT`: text lines — the project's id, one line per module (`Module=`, `Class=`,
  `Document=Sheet1/&H00000000`), its name, and its protection state (`CMG`, `DPB`, `GC`,
  stored obfuscated; an unprotected project's values can be reused as they are);
- `PROJECTwm`: each module's name in the code page and in UTF-16;
- `VBA/dir` (compressed): records with the project's information (code page, name, …), its
  references (the type libraries its code uses: Office, for `IRibbonControl`, …), and one
  record group per module (name, stream name, where its source starts in the stream, its type);
- `VBA/<module>`: a module's compiled p-code (optional), then its compressed source text, which
  starts with the `Attribute VB_Name = "…"` lines a `.bas` export also starts with;
- `VBA/_VBA_PROJECT`: the version-dependent cache; written as the 7-byte version-independent
  form, it tells Excel there is no p-code, so Excel compiles every module from its source.

`read_project` reads a template's project; `write_project` writes a project with the template's
information and references and the modules given, each with its source only (no p-code).
"""

from __future__ import annotations

import codecs
import re
import struct
from dataclasses import dataclass
from enum import Enum

import olefile

from xlbo.excel.vba.cfb import compound_file
from xlbo.excel.vba.compression import compress, decompress

VERSION_INDEPENDENT = bytes.fromhex("CC61FFFF000100")
"""`_VBA_PROJECT` with no performance cache ([MS-OVBA] 2.3.4.1 and its example 3.1.1):
reserved 0x61CC, version 0xFFFF, 0x00, reserved 0x0001."""

_NAME = 0x0004
_CODE_PAGE = 0x0003
_VERSION = 0x0009
_MODULES = 0x000F
_PROJECT_COOKIE = 0x0013
_END = 0x0010
_MODULE_NAME = 0x0019
_MODULE_NAME_UNICODE = 0x0047
_STREAM_NAME = 0x001A
_STREAM_NAME_UNICODE = 0x0032
_DOC_STRING = 0x001C
_DOC_STRING_UNICODE = 0x0048
_OFFSET = 0x0031
_HELP_CONTEXT = 0x001E
_MODULE_COOKIE = 0x002C
_PROCEDURAL = 0x0021
_DOCUMENT_OR_CLASS = 0x0022
_READ_ONLY = 0x0025
_PRIVATE = 0x0028
_MODULE_END = 0x002B
_COOKIE = 0xFFFF
"""Cookies "MUST be 0xFFFF on write" ([MS-OVBA] 2.3.4.2.3, 2.3.4.2.3.2.7)."""
_VB_NAME = re.compile(r'\AAttribute VB_Name = "([A-Za-z][A-Za-z0-9_]*)"\r?\n')


class ModuleKind(Enum):
    """What a module is, named as the `PROJECT` stream names it."""

    STANDARD = "Module"
    """Procedures anyone can call (a `.bas` file): ribbon callbacks, RunPython."""
    CLASS = "Class"
    """A class module (`.cls`)."""
    DOCUMENT = "Document"
    """The code behind the workbook (`ThisWorkbook`) or a sheet; bound by the code name."""


@dataclass(frozen=True)
class Module:
    """One module: its name, kind and source text (lines joined by CRLF, starting with the
    `Attribute VB_Name` line)."""

    name: str
    kind: ModuleKind
    source: str
    doc_string: str = ""
    help_context: int = 0
    read_only: bool = False
    private: bool = False
    document_version: str = "&H00000000"
    """The `/&H…` after a document module's name in the `PROJECT` stream."""


@dataclass(frozen=True)
class Project:
    """A VBA project: the records kept from a template, and the modules."""

    name: str
    code_page: int
    information: tuple[bytes, ...]
    """The dir stream's PROJECTINFORMATION and PROJECTREFERENCES records, each as it is stored
    (the name record is rewritten from `name` on write)."""
    properties: tuple[tuple[str, str], ...]
    """The `PROJECT` stream's `key=value` lines other than the module lines, in their order: ID,
    Name (rewritten from `name` on write), HelpContextID, VersionCompatible32, CMG, DPB, GC, …"""
    host_extenders: tuple[str, ...]
    modules: tuple[Module, ...]

    @property
    def encoding(self) -> str:
        return encoding_of(self.code_page)

    def module(self, name: str) -> Module:
        for module in self.modules:
            if module.name == name:
                return module
        raise KeyError(name)


def encoding_of(code_page: int) -> str:
    """The Python codec of a Windows code page (1252 → cp1252, 10000 → mac_roman)."""
    for name in (f"cp{code_page}", {10000: "mac_roman", 65001: "utf-8"}.get(code_page, "")):
        if name:
            try:
                return codecs.lookup(name).name
            except LookupError:
                continue
    raise ValueError(f"code page {code_page} of the VBA project is not one Python can encode")


def with_crlf(text: str) -> str:
    """`text` with every line ending CRLF, ending with one."""
    lines = text.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    if lines and lines[-1] == "":
        lines.pop()
    return "".join(f"{line}\r\n" for line in lines)


def module_name(source: str) -> str:
    """The name in the `Attribute VB_Name = "…"` line a module's source starts with."""
    found = _VB_NAME.match(source)
    if found is None:
        raise ValueError('VBA source must start with the line Attribute VB_Name = "Name"')
    return found.group(1)


def standard_module(bas: str) -> Module:
    """A standard module from the text of a `.bas` file (as the VBA editor exports one: its
    first line names it, `Attribute VB_Name = "XlboRibbon"`, which the module stream keeps)."""
    source = with_crlf(bas)
    return Module(module_name(source), ModuleKind.STANDARD, source)


# ------------------------------------------------------------------------------------- reading


def _records(data: bytes, start: int = 0) -> list[tuple[int, int, int, int]]:
    """(id, start, payload start, end) of each record of a decompressed dir stream."""
    found = []
    position = start
    while position < len(data):
        if position + 6 > len(data):
            raise ValueError(f"dir stream ends inside a record header at byte {position}")
        record, size = struct.unpack_from("<HI", data, position)
        if record == _VERSION:  # its "size" is a fixed 4, yet 6 bytes follow
            size = 6
        end = position + 6 + size
        if end > len(data):
            raise ValueError(f"dir record 0x{record:04X} at byte {position} runs past the end")
        found.append((record, position, position + 6, end))
        position = end
        if record == _END:
            break
    return found


def _project_stream(
    text: str,
) -> tuple[list[tuple[str, str]], dict[str, tuple[str, str]], list[str]]:
    """(properties, module lines by name as (kind, value), host extender lines) of `PROJECT`."""
    properties: list[tuple[str, str]] = []
    items: dict[str, tuple[str, str]] = {}
    extenders: list[str] = []
    section = ""
    for line in text.replace("\r\n", "\n").split("\n"):
        if line.startswith("[") and line.endswith("]"):
            section = line
            continue
        if not line.strip() or "=" not in line:
            continue
        key, value = line.split("=", 1)
        if section == "[Host Extender Info]":
            extenders.append(line)
        elif section:
            continue  # [Workspace]: editor window positions, rewritten
        elif key in ("Module", "Class", "Document"):
            name = value.split("/", 1)[0]
            items[name] = (key, value)
        elif key in ("BaseClass", "Package"):
            raise ValueError("VBA projects with user forms (BaseClass=) are not supported")
        else:
            properties.append((key, value))
    return properties, items, extenders


def read_project(data: bytes) -> Project:
    """The project in the bytes of a `vbaProject.bin`; ValueError when they are not one."""
    if not olefile.isOleFile(data=data):
        raise ValueError("not a VBA project: the bytes are not a compound file")
    with olefile.OleFileIO(data) as ole:
        directory = decompress(ole.openstream("VBA/dir").read())
        records = _records(directory)
        code_pages = [r for r in records if r[0] == _CODE_PAGE]
        if not code_pages:
            raise ValueError("the VBA project's dir stream has no code page")
        (code_page,) = struct.unpack_from("<H", directory, code_pages[0][2])
        encoding = encoding_of(code_page)
        properties, items, extenders = _project_stream(
            ole.openstream("PROJECT").read().decode(encoding)
        )

        information: list[bytes] = []
        name = ""
        index = 0
        while index < len(records) and records[index][0] != _MODULES:
            record, start, payload, end = records[index]
            if record == _NAME:
                name = directory[payload:end].decode(encoding)
            information.append(directory[start:end])
            index += 1
        if index == len(records):
            raise ValueError("the VBA project's dir stream lists no modules")

        modules: list[Module] = []
        fields: dict[int, bytes] = {}
        for record, _, payload, end in records[index + 1 :]:
            if record in (_PROJECT_COOKIE, _END):
                continue
            if record != _MODULE_END:
                fields[record] = directory[payload:end]
                continue
            try:
                modules.append(_module(ole, fields, items, encoding))
            except (KeyError, struct.error, OSError) as problem:
                raise ValueError(
                    f"a module record of the dir stream is incomplete: {problem}"
                ) from None
            fields = {}
    return Project(
        name=name,
        code_page=code_page,
        information=tuple(information),
        properties=tuple(properties),
        host_extenders=tuple(extenders),
        modules=tuple(modules),
    )


def _module(
    ole: olefile.OleFileIO,
    fields: dict[int, bytes],
    items: dict[str, tuple[str, str]],
    encoding: str,
) -> Module:
    if _MODULE_NAME_UNICODE in fields:
        name = fields[_MODULE_NAME_UNICODE].decode("utf-16-le")
    else:
        name = fields[_MODULE_NAME].decode(encoding)
    if _STREAM_NAME_UNICODE in fields:
        stream = fields[_STREAM_NAME_UNICODE].decode("utf-16-le")
    else:
        stream = fields[_STREAM_NAME].decode(encoding)
    (offset,) = struct.unpack("<I", fields[_OFFSET])
    source = decompress(ole.openstream(f"VBA/{stream}").read()[offset:]).decode(encoding)
    kind, value = items.get(name, ("Module", name))
    if (kind == "Module") != (_PROCEDURAL in fields):
        raise ValueError(f"module {name}: the PROJECT and dir streams disagree on its type")
    (help_context,) = struct.unpack("<I", fields.get(_HELP_CONTEXT, b"\0\0\0\0"))
    return Module(
        name=name,
        kind=ModuleKind(kind),
        source=source,
        doc_string=fields.get(_DOC_STRING, b"").decode(encoding),
        help_context=help_context,
        read_only=_READ_ONLY in fields,
        private=_PRIVATE in fields,
        document_version=value.split("/", 1)[1] if "/" in value else "&H00000000",
    )


# ------------------------------------------------------------------------------------- writing


def _record(record: int, payload: bytes = b"") -> bytes:
    return struct.pack("<HI", record, len(payload)) + payload


def _text(value: str, encoding: str, what: str) -> bytes:
    try:
        return value.encode(encoding)
    except UnicodeEncodeError as problem:
        raise ValueError(f"{what} has a character code page {encoding} cannot hold") from problem


def _module_records(module: Module, encoding: str) -> bytes:
    name = _text(module.name, encoding, f"module name {module.name}")
    unicode_name = module.name.encode("utf-16-le")
    doc = _text(module.doc_string, encoding, f"description of {module.name}")
    kind = _PROCEDURAL if module.kind is ModuleKind.STANDARD else _DOCUMENT_OR_CLASS
    return b"".join(
        [
            _record(_MODULE_NAME, name),
            _record(_MODULE_NAME_UNICODE, unicode_name),
            _record(_STREAM_NAME, name),
            _record(_STREAM_NAME_UNICODE, unicode_name),
            _record(_DOC_STRING, doc),
            _record(_DOC_STRING_UNICODE, module.doc_string.encode("utf-16-le")),
            _record(_OFFSET, struct.pack("<I", 0)),  # the source starts the stream: no p-code
            _record(_HELP_CONTEXT, struct.pack("<I", module.help_context)),
            _record(_MODULE_COOKIE, struct.pack("<H", _COOKIE)),
            _record(kind),
            _record(_READ_ONLY) if module.read_only else b"",
            _record(_PRIVATE) if module.private else b"",
            _record(_MODULE_END),
        ]
    )


def _dir_stream(project: Project) -> bytes:
    encoding = project.encoding
    information = b"".join(
        _record(_NAME, _text(project.name, encoding, "project name"))
        if struct.unpack_from("<H", record)[0] == _NAME
        else record
        for record in project.information
    )
    modules = b"".join(_module_records(m, encoding) for m in project.modules)
    return b"".join(
        [
            information,
            _record(_MODULES, struct.pack("<H", len(project.modules))),
            _record(_PROJECT_COOKIE, struct.pack("<H", _COOKIE)),
            modules,
            _record(_END),
        ]
    )


def _project_text(project: Project) -> str:
    lines = [f"{key}={value}" for key, value in project.properties if key == "ID"]
    for module in project.modules:
        value = module.name
        if module.kind is ModuleKind.DOCUMENT:
            value = f"{module.name}/{module.document_version}"
        lines.append(f"{module.kind.value}={value}")
    rest = [(k, v) for k, v in project.properties if k != "ID"]
    if "Name" not in (k for k, _ in rest):
        rest.insert(0, ("Name", ""))
    lines += [f'Name="{project.name}"' if k == "Name" else f"{k}={v}" for k, v in rest]
    lines += ["", "[Host Extender Info]", *project.host_extenders, "", "[Workspace]"]
    lines += [f"{module.name}=0, 0, 0, 0, C" for module in project.modules]
    return "".join(f"{line}\r\n" for line in lines) + "\r\n"


def _names_stream(project: Project) -> bytes:
    names = b"".join(
        m.name.encode(project.encoding) + b"\0" + m.name.encode("utf-16-le") + b"\0\0"
        for m in project.modules
    )
    return names + b"\0\0"


def _check(project: Project) -> None:
    names = [m.name.upper() for m in project.modules]
    if len(set(names)) != len(names):
        raise ValueError("two modules of the VBA project have the same name")
    if not re.fullmatch(r"[A-Za-z][A-Za-z0-9_]*", project.name):
        raise ValueError(
            f"{project.name!r} is not a VBA project name (a letter, then letters, digits, _)"
        )
    for module in project.modules:
        if module_name(module.source) != module.name:
            raise ValueError(
                f"module {module.name}: its source names it {module_name(module.source)}"
            )


def write_project(project: Project) -> bytes:
    """The bytes of a `vbaProject.bin` holding `project`, every module as source only."""
    _check(project)
    encoding = project.encoding
    streams = {
        "PROJECT": _text(_project_text(project), encoding, "PROJECT stream"),
        "PROJECTwm": _names_stream(project),
        "VBA/_VBA_PROJECT": VERSION_INDEPENDENT,
        "VBA/dir": compress(_dir_stream(project)),
    }
    for module in project.modules:
        source = _text(with_crlf(module.source), encoding, f"source of module {module.name}")
        streams[f"VBA/{module.name}"] = compress(source)
    return compound_file(streams)
