"""The run-length compression of a VBA project's `dir` stream and module source ([MS-OVBA] 2.4.1).

A *compressed container* is the byte 0x01 followed by chunks. Each chunk stands for up to 4096
bytes of the original: a 2-byte header (bits 0-11 the chunk's size less 3, bits 12-14 the
signature 0b011, bit 15 set when the chunk is compressed) and then either the 4096 bytes as they
are (a *raw* chunk) or token sequences: a flag byte whose bits, lowest first, say whether each of
the next eight tokens is a literal byte or a 2-byte *copy token* — "copy `length` bytes from
`offset` bytes back". How the 16 bits of a copy token split between offset and length depends on
how far into the chunk the token stands: the further in, the more bits the offset needs.

Worked example: `compress(b"abcabcabc")` is `01 05 b0 08 61 62 63 03 20`: the signature, a
header (compressed, 8 bytes long), the flag byte 0x08 (the fourth token is a copy), the literals
`a`, `b`, `c`, and the copy token 0x2003, which three bytes into the chunk splits 4/12 into
"offset 3, length 6" — a copy that overlaps itself, as run-length copies do.
"""

from __future__ import annotations

import struct

CHUNK = 4096
"""Bytes of the original a chunk stands for."""
SIGNATURE = 0x01
_CHUNK_SIGNATURE = 0b011 << 12
_COMPRESSED = 0x8000
_MIN_COPY = 3
_CANDIDATES = 64
"""How many earlier positions with the same 3 bytes are tried for the longest copy (the output
stays valid for any number; more only compresses a little better, slower)."""


def _copy_token_split(position: int) -> tuple[int, int]:
    """(bit count of the offset, largest length) for a copy token `position` bytes into its
    chunk ([MS-OVBA] 2.4.1.3.19.1): at least 4 offset bits, as many as the position needs."""
    bit_count = max((position - 1).bit_length(), 4)
    return bit_count, (0xFFFF >> bit_count) + _MIN_COPY


def _longest_copy(
    data: bytes, start: int, position: int, end: int, earlier: list[int]
) -> tuple[int, int]:
    """(offset, length) of the longest run at `position` that repeats one starting at a position
    in `earlier` (all within the chunk that begins at `start`); length 0 when none reaches 3."""
    _, most = _copy_token_split(position - start)
    most = min(most, end - position)
    best_length, best_offset = 0, 0
    if most < _MIN_COPY:
        return 0, 0
    for candidate in reversed(earlier[-_CANDIDATES:]):
        # A copy may overlap the bytes it produces; comparing the original bytes is the same test.
        floor = max(best_length + 1, _MIN_COPY)
        if floor > most or data[candidate : candidate + floor] != data[position : position + floor]:
            continue
        low, high = floor, most  # the match holds for `low` bytes; find the longest by halving
        while low < high:
            middle = (low + high + 1) // 2
            if data[candidate : candidate + middle] == data[position : position + middle]:
                low = middle
            else:
                high = middle - 1
        best_length, best_offset = low, position - candidate
        if best_length == most:
            break
    return best_offset, best_length


def _token_sequences(data: bytes, start: int, end: int) -> bytes:
    """The compressed form of data[start:end] (one chunk's worth) as token sequences."""
    out = bytearray()
    seen: dict[bytes, list[int]] = {}

    def remember(first: int, last: int) -> None:
        for index in range(first, min(last, end - 2)):
            seen.setdefault(data[index : index + 3], []).append(index)

    position = start
    while position < end:
        flag_at = len(out)
        out.append(0)
        for bit in range(8):
            if position >= end:
                break
            earlier = seen.get(data[position : position + 3], [])
            offset, length = (
                _longest_copy(data, start, position, end, earlier) if earlier else (0, 0)
            )
            if length >= _MIN_COPY:
                bit_count, _ = _copy_token_split(position - start)
                token = ((offset - 1) << (16 - bit_count)) | (length - _MIN_COPY)
                out += struct.pack("<H", token)
                out[flag_at] |= 1 << bit
                remember(position, position + length)
                position += length
            else:
                out.append(data[position])
                remember(position, position + 1)
                position += 1
    return bytes(out)


def _chunk(data: bytes, start: int, end: int) -> bytes:
    """One chunk (header and body) for data[start:end]."""
    body = _token_sequences(data, start, end)
    if len(body) <= CHUNK:
        return struct.pack("<H", _COMPRESSED | _CHUNK_SIGNATURE | (len(body) + 2 - 3)) + body
    if end - start == CHUNK:  # compression did not help: the raw chunk ([MS-OVBA] 2.4.1.3.10)
        return struct.pack("<H", _CHUNK_SIGNATURE | (CHUNK + 2 - 3)) + data[start:end]
    # A short last chunk that does not compress cannot be raw (a raw chunk always holds 4096
    # bytes and would add padding), so it is sent as two compressed chunks, each small enough.
    # Decompression starts each chunk where the previous one ended ([MS-OVBA] 2.4.1.3.1).
    middle = start + (end - start) // 2
    return _chunk(data, start, middle) + _chunk(data, middle, end)


def compress(data: bytes) -> bytes:
    """`data` as a compressed container ([MS-OVBA] 2.4.1.3.6)."""
    data = bytes(data)
    out = bytearray([SIGNATURE])
    for start in range(0, len(data), CHUNK):
        out += _chunk(data, start, min(start + CHUNK, len(data)))
    return bytes(out)


def decompress(container: bytes) -> bytes:
    """The bytes a compressed container stands for ([MS-OVBA] 2.4.1.3.1); ValueError when it is
    not one."""
    if not container or container[0] != SIGNATURE:
        raise ValueError("not a compressed container: the first byte is not 0x01")
    out = bytearray()
    current = 1
    while current < len(container):
        if current + 2 > len(container):
            raise ValueError(f"compressed container ends inside a chunk header at byte {current}")
        (header,) = struct.unpack_from("<H", container, current)
        if header & 0x7000 != _CHUNK_SIGNATURE:
            raise ValueError(f"bad chunk signature at byte {current}")
        chunk_end = current + (header & 0x0FFF) + 3
        if chunk_end > len(container):
            raise ValueError(f"the chunk at byte {current} runs past the end of the container")
        current += 2
        chunk_start = len(out)
        if not header & _COMPRESSED:
            if chunk_end - current != CHUNK:
                raise ValueError(f"raw chunk at byte {current - 2} is not {CHUNK} bytes")
            out += container[current:chunk_end]
            current = chunk_end
            continue
        while current < chunk_end:
            flags = container[current]
            current += 1
            for bit in range(8):
                if current >= chunk_end:
                    break
                if not flags & (1 << bit):
                    out.append(container[current])
                    current += 1
                    continue
                if current + 2 > chunk_end:
                    raise ValueError(f"copy token cut short at byte {current}")
                (token,) = struct.unpack_from("<H", container, current)
                current += 2
                position = len(out) - chunk_start
                if position == 0:
                    raise ValueError(f"copy token at the start of a chunk, byte {current - 2}")
                bit_count, _ = _copy_token_split(position)
                offset = (token >> (16 - bit_count)) + 1
                length = (token & (0xFFFF >> bit_count)) + _MIN_COPY
                if offset > position:
                    raise ValueError(f"copy token reaches before its chunk at byte {current - 2}")
                source = len(out) - offset
                for index in range(length):  # byte by byte: a copy may overlap itself
                    out.append(out[source + index])
    return bytes(out)
