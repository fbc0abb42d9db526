"""Which characters a font file has a glyph for, read from its ``cmap`` table (no pygame).

pygame-ce's ``Font.metrics()`` cannot tell: with SDL_ttf 2.24 a character the font lacks
measures as the font's ``.notdef`` box, not as ``None``. The character map is the font's
own answer, exact and cheap to read (a few kilobytes of the file), and it needs no
pygame, so ``python -m game check`` and the kiosk preflight can ask it too.

Only the subtables every OpenType font uses are read: format 12 (all of Unicode) when the
font has one, else format 4 (the Basic Multilingual Plane).
"""

from __future__ import annotations

import struct
from functools import lru_cache
from pathlib import Path

_UNICODE_SUBTABLES = ((3, 10), (0, 4), (0, 6), (3, 1), (0, 3), (0, 2), (0, 1), (0, 0))
"""(platform, encoding) pairs in order of preference: full Unicode first, then the BMP."""


class BadFont(ValueError):
    """The file is not a font whose character map can be read."""


@lru_cache(maxsize=16)
def coverage(path: Path) -> frozenset[int]:
    """The code points ``path`` maps to a real glyph (glyph 0, ``.notdef``, is not one)."""
    with path.open("rb") as file:
        head = file.read(12)
        if len(head) < 12:
            raise BadFont(f"{path}: too short to be a font")
        if head[:4] == b"ttcf":  # a collection: read its first font
            file.seek(12)
            (offset,) = struct.unpack(">I", file.read(4))
            file.seek(offset)
            head = file.read(12)
            base = offset
        else:
            base = 0
        (tables,) = struct.unpack_from(">H", head, 4)
        file.seek(base + 12)
        directory = file.read(16 * tables)
        for i in range(tables):
            tag, _checksum, offset, length = struct.unpack_from(">4sIII", directory, 16 * i)
            if tag == b"cmap":
                file.seek(offset)
                return _read_cmap(file.read(length), path)
    raise BadFont(f"{path}: the font has no cmap table")


def _read_cmap(data: bytes, path: Path) -> frozenset[int]:
    try:
        _version, count = struct.unpack_from(">HH", data, 0)
        found: dict[tuple[int, int], int] = {}
        for i in range(count):
            platform, encoding, offset = struct.unpack_from(">HHI", data, 4 + 8 * i)
            found.setdefault((platform, encoding), offset)
        for pair in _UNICODE_SUBTABLES:
            if pair in found:
                offset = found[pair]
                (fmt,) = struct.unpack_from(">H", data, offset)
                if fmt == 12:
                    return _format12(data, offset)
                if fmt == 4:
                    return _format4(data, offset)
    except struct.error as err:
        raise BadFont(f"{path}: the cmap table is cut short") from err
    raise BadFont(f"{path}: no Unicode character map of format 4 or 12")


def _format12(data: bytes, offset: int) -> frozenset[int]:
    (groups,) = struct.unpack_from(">I", data, offset + 12)
    out: set[int] = set()
    for g in range(groups):
        start, end, glyph = struct.unpack_from(">III", data, offset + 16 + 12 * g)
        if glyph == 0:  # the group starts at .notdef: its first code has no glyph
            start += 1
        out.update(range(start, end + 1))
    return frozenset(out)


def _format4(data: bytes, offset: int) -> frozenset[int]:
    (seg_x2,) = struct.unpack_from(">H", data, offset + 6)
    segs = seg_x2 // 2
    ends = struct.unpack_from(f">{segs}H", data, offset + 14)
    starts = struct.unpack_from(f">{segs}H", data, offset + 16 + seg_x2)
    deltas = struct.unpack_from(f">{segs}h", data, offset + 16 + 2 * seg_x2)
    range_at = offset + 16 + 3 * seg_x2
    ranges = struct.unpack_from(f">{segs}H", data, range_at)
    out: set[int] = set()
    for s in range(segs):
        start, end, delta, rng = starts[s], ends[s], deltas[s], ranges[s]
        if start == 0xFFFF:
            continue
        for code in range(start, end + 1):
            if rng == 0:
                glyph = (code + delta) & 0xFFFF
            else:
                at = range_at + 2 * s + rng + 2 * (code - start)
                (glyph,) = struct.unpack_from(">H", data, at)
                if glyph:
                    glyph = (glyph + delta) & 0xFFFF
            if glyph:
                out.add(code)
    return frozenset(out)
