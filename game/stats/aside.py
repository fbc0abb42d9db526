"""Moving a damaged database out of the way, and finding unused names next to it.

A database is a family of files (``stats.db``, ``-wal``, ``-shm``, ``-journal``); they
move together, companions first, because a stale ``-wal`` left beside a fresh database
would be replayed into it.
"""

from __future__ import annotations

import os
from pathlib import Path

COMPANIONS = ("-wal", "-shm", "-journal")


def family(path: Path) -> list[Path]:
    """The database file and the companion files SQLite may keep beside it."""
    return [path, *(path.with_name(path.name + suffix) for suffix in COMPANIONS)]


def free_name(path: Path, tag: str) -> Path:
    """``<name>.<tag>-<n>`` with the smallest n whose whole family is unused."""
    n = 1
    while True:
        candidate = path.with_name(f"{path.name}.{tag}-{n}")
        if not any(os.path.lexists(p) for p in family(candidate)):
            return candidate
        n += 1


def move_aside(path: Path) -> Path | None:
    """Rename ``path`` and its companions to ``<name>.corrupt-<n>``; None if nothing moved.

    On failure nothing more is moved; a companion already moved stays moved (it belongs
    to the damaged file, which must not be reused anyway).
    """
    target = free_name(path, "corrupt")
    pairs = [(src, dest) for src, dest in zip(family(path), family(target), strict=True) if os.path.lexists(src)]
    if not pairs:
        return None
    try:
        for source, dest in reversed(pairs):
            os.replace(source, dest)
    except OSError:
        return None
    return target
