"""A writer of Compound File Binary files ([MS-CFB] version 3): the "file system in a file"
that holds a VBA project (`vbaProject.bin`) as storages and streams.

The file is 512-byte sectors after a 512-byte header. The FAT says, for every sector, which
sector follows it in its chain; streams under 4096 bytes live instead in 64-byte mini sectors
inside the root entry's *mini stream*, chained by the mini FAT. The directory is an array of
128-byte entries; the children of each storage form a red-black tree ordered by name length,
then by upper-cased name.

    compound_file({"PROJECT": b"...", "VBA/dir": b"...", "VBA/Module1": b"..."})

gives the bytes of a file with the storage `VBA` and its streams; olefile reads it back. Times
and class ids are left zero, so equal streams give equal bytes.
"""

from __future__ import annotations

import struct
from collections.abc import Mapping
from dataclasses import dataclass, field

SECTOR = 512
MINI_SECTOR = 64
MINI_CUTOFF = 4096
"""Streams shorter than this go into the mini stream."""
_FREE = 0xFFFFFFFF
_END_OF_CHAIN = 0xFFFFFFFE
_FAT_SECTOR = 0xFFFFFFFD
_NO_STREAM = 0xFFFFFFFF
_ENTRY = 128
_HEADER_FAT_SLOTS = 109
_SIGNATURE = bytes.fromhex("D0CF11E0A1B11AE1")
_STORAGE, _STREAM, _ROOT = 1, 2, 5
_RED, _BLACK = 0, 1
_MAX_NAME = 31
_FORBIDDEN = set("/\\:!")


@dataclass
class _Entry:
    name: str
    kind: int
    data: bytes = b""
    children: list[_Entry] = field(default_factory=list)
    sid: int = 0
    left: int = _NO_STREAM
    right: int = _NO_STREAM
    child: int = _NO_STREAM
    colour: int = _BLACK
    start: int = _END_OF_CHAIN


def _upper(name: str) -> str:
    return "".join(c.upper() if len(c.upper()) == 1 else c for c in name)


def sibling_order(name: str) -> tuple[int, str]:
    """The order [MS-CFB] 2.6.4 keeps siblings in: shorter names first, then by upper case."""
    return len(name.encode("utf-16-le")) // 2, _upper(name)


def _check_name(name: str) -> None:
    if not name or len(name.encode("utf-16-le")) // 2 > _MAX_NAME or _FORBIDDEN & set(name):
        raise ValueError(f"{name!r} cannot name a compound-file entry (1-31 characters, no /\\:!)")


def _tree(entries: list[_Entry]) -> int:
    """Link `entries` (in sibling order) into a balanced binary tree; return the root's id.

    Halving gives a tree whose empty links all lie on two adjacent levels, so colouring the
    nodes of the deepest level red (and the rest black) satisfies the red-black rules: no red
    node has a red child, every path to an empty link passes the same number of black nodes.
    """
    depths: dict[int, int] = {}

    def link(first: int, last: int, depth: int) -> int:
        if first >= last:
            return _NO_STREAM
        middle = (first + last) // 2
        node = entries[middle]
        depths[middle] = depth
        node.left = link(first, middle, depth + 1)
        node.right = link(middle + 1, last, depth + 1)
        return node.sid

    root = link(0, len(entries), 0)
    deepest = max(depths.values(), default=0)
    for index, node in enumerate(entries):
        node.colour = _RED if deepest > 0 and depths[index] == deepest else _BLACK
    return root


def _directory(streams: Mapping[str, bytes]) -> list[_Entry]:
    """Every entry, root first, ids assigned and the sibling trees linked."""
    root = _Entry("Root Entry", _ROOT)
    storages: dict[tuple[str, ...], _Entry] = {(): root}
    for path in sorted(streams):
        parts = tuple(path.split("/"))
        for part in parts:
            _check_name(part)
        for depth in range(1, len(parts)):
            if parts[:depth] not in storages:
                storage = _Entry(parts[depth - 1], _STORAGE)
                storages[parts[: depth - 1]].children.append(storage)
                storages[parts[:depth]] = storage
        parent = storages[parts[:-1]]
        if parent.kind == _STREAM:
            raise ValueError(f"{path}: a stream cannot hold other entries")
        if parts in storages or any(c.name == parts[-1] for c in parent.children):
            raise ValueError(f"{path} is given twice (or is both a storage and a stream)")
        parent.children.append(_Entry(parts[-1], _STREAM, data=bytes(streams[path])))

    entries: list[_Entry] = []

    def number(entry: _Entry) -> None:
        entry.sid = len(entries)
        entries.append(entry)
        for child in entry.children:
            number(child)

    number(root)
    for entry in entries:
        if entry.kind != _STREAM:
            names = [sibling_order(c.name) for c in entry.children]
            if len(set(names)) != len(names):
                raise ValueError(f"two entries of {entry.name!r} differ only in case")
            entry.children.sort(key=lambda c: sibling_order(c.name))
            entry.child = _tree(entry.children)
    return entries


def _sectors(size: int, unit: int) -> int:
    return -(-size // unit)


def _pad(data: bytes, unit: int) -> bytes:
    return data + b"\0" * (_sectors(len(data), unit) * unit - len(data))


def _chain(fat: list[int], first: int, count: int) -> None:
    for index in range(first, first + count):
        fat[index] = index + 1 if index + 1 < first + count else _END_OF_CHAIN


def compound_file(streams: Mapping[str, bytes]) -> bytes:
    """The bytes of a version-3 compound file holding `streams` ("Storage/Stream" paths)."""
    entries = _directory(streams)
    small = [e for e in entries if e.kind == _STREAM and 0 < len(e.data) < MINI_CUTOFF]
    large = [e for e in entries if e.kind == _STREAM and len(e.data) >= MINI_CUTOFF]

    mini_fat: list[int] = []
    mini_stream = bytearray()
    for entry in small:
        entry.start = len(mini_fat)
        count = _sectors(len(entry.data), MINI_SECTOR)
        mini_fat += [_FREE] * count
        _chain(mini_fat, entry.start, count)
        mini_stream += _pad(entry.data, MINI_SECTOR)

    directory_sectors = _sectors(len(entries) * _ENTRY, SECTOR)
    mini_fat_sectors = _sectors(len(mini_fat) * 4, SECTOR)
    mini_stream_sectors = _sectors(len(mini_stream), SECTOR)
    large_sectors = sum(_sectors(len(e.data), SECTOR) for e in large)
    content = directory_sectors + mini_fat_sectors + mini_stream_sectors + large_sectors
    fat_sectors = 1
    while _sectors(fat_sectors + content, SECTOR // 4) > fat_sectors:
        fat_sectors += 1
    if fat_sectors > _HEADER_FAT_SLOTS:
        raise ValueError("the streams are too large for a compound file without a DIFAT")

    fat = [_FREE] * (fat_sectors * SECTOR // 4)
    fat[:fat_sectors] = [_FAT_SECTOR] * fat_sectors
    next_sector = fat_sectors

    def place(count: int) -> int:
        nonlocal next_sector
        first = next_sector
        if count:
            _chain(fat, first, count)
        next_sector += count
        return first if count else _END_OF_CHAIN

    first_directory = place(directory_sectors)
    first_mini_fat = place(mini_fat_sectors)
    root = entries[0]
    root.start = place(mini_stream_sectors)
    for entry in large:
        entry.start = place(_sectors(len(entry.data), SECTOR))

    header = struct.pack(
        "<8s16sHHHHH6sIIIIIIIII",
        _SIGNATURE,
        b"\0" * 16,
        0x003E,  # minor version
        0x0003,  # major version 3: 512-byte sectors
        0xFFFE,  # little-endian
        9,  # sector size 2**9
        6,  # mini sector size 2**6
        b"\0" * 6,
        0,  # directory sectors: always 0 in version 3
        fat_sectors,
        first_directory,
        0,  # transaction signature
        MINI_CUTOFF,
        first_mini_fat if mini_fat_sectors else _END_OF_CHAIN,
        mini_fat_sectors,
        _END_OF_CHAIN,  # no DIFAT sectors
        0,
    )
    slots = list(range(fat_sectors)) + [_FREE] * (_HEADER_FAT_SLOTS - fat_sectors)
    header += struct.pack(f"<{_HEADER_FAT_SLOTS}I", *slots)

    directory = bytearray()
    for entry in entries:
        name = entry.name.encode("utf-16-le")
        size = len(mini_stream) if entry.kind == _ROOT else len(entry.data)
        start = entry.start if entry.kind != _STORAGE else 0
        if entry.kind == _ROOT and not mini_stream:
            start = _END_OF_CHAIN
        directory += struct.pack(
            "<64sHBBIII16sIQQIQ",
            name,
            len(name) + 2,
            entry.kind,
            entry.colour,
            entry.left,
            entry.right,
            entry.child,
            b"\0" * 16,  # class id
            0,  # state bits
            0,  # created
            0,  # modified
            start,
            size,
        )
    free_entry = struct.pack(
        "<64sHBBIII16sIQQIQ",
        b"",
        0,
        0,
        0,
        _NO_STREAM,
        _NO_STREAM,
        _NO_STREAM,
        b"\0" * 16,
        0,
        0,
        0,
        0,
        0,
    )
    while len(directory) % SECTOR:
        directory += free_entry

    mini_fat_bytes = struct.pack(f"<{len(mini_fat)}I", *mini_fat)
    mini_fat_bytes += struct.pack("<I", _FREE) * (mini_fat_sectors * SECTOR // 4 - len(mini_fat))
    body = [
        struct.pack(f"<{len(fat)}I", *fat),
        bytes(directory),
        mini_fat_bytes,
        _pad(bytes(mini_stream), SECTOR),
        *(_pad(e.data, SECTOR) for e in large),
    ]
    return header + b"".join(body)
