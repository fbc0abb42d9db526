"""Combining the statistics of several kiosks into one file.

The result holds every session of every input *once*: each session carries a random uid
(or, in files from before uids, a fingerprint of its content), so a session met twice —
an input given through a hard link, a byte copy of another input, or a merge merged again
with one of its own inputs — is counted once and the duplicates are reported. It is
always a new file, written under a temporary name next to it and renamed into place only
when complete, so a merge that is killed leaves nothing at the target; a leftover from a
killed merge is removed by the next merge into the same place.
"""

from __future__ import annotations

import contextlib
import os
import re
import sqlite3
from pathlib import Path

from game.safefile import same_file
from game.stats import schema
from game.stats.aside import family
from game.stats.rows import insert_record, read_sessions
from game.stats.source import StatsUnreadable, open_for_reading


class MergeRefused(Exception):
    """A merge that would lose or double-count data; the message says why in one line."""


def merge(inputs: list[Path], into: Path) -> int:
    """Write the sessions of all ``inputs`` to the new file ``into``; return how many (each once)."""
    return merge_with_notes(inputs, into)[0]


def merge_with_notes(inputs: list[Path], into: Path) -> tuple[int, list[str]]:
    """:func:`merge`, with one line per input that held sessions already counted.

    Raises :class:`MergeRefused` for an existing target or one file named twice, and
    :class:`~game.stats.source.StatsUnreadable` for an input that can't be read.
    """
    if not inputs:
        raise MergeRefused("nothing to merge: name at least one database")
    if os.path.lexists(into):
        raise MergeRefused(f"{into} already exists; merge into a new file")
    for i, a in enumerate(inputs):
        for b in inputs[i + 1 :]:
            if same_file(a, b):
                raise MergeRefused(f"{a} and {b} are the same database; it would be counted twice")
    partial = temporary_name(into)
    clean_stale(into)
    with contextlib.ExitStack() as stack:
        sources = []
        for path in inputs:
            conn = open_for_reading(path)
            stack.callback(conn.close)
            sources.append((path, conn))
        try:
            count, notes = _copy_all(sources, partial)
            os.replace(partial, into)
        except (sqlite3.Error, OSError, ValueError) as err:
            raise StatsUnreadable(f"merge failed: {err}") from None
        finally:
            for leftover in family(partial):
                with contextlib.suppress(OSError):
                    leftover.unlink(missing_ok=True)
    return count, notes


def temporary_name(into: Path) -> Path:
    """``.<name>.merging-<pid>`` beside the target: hidden, and tells whose it is."""
    return into.with_name(f".{into.name}.merging-{os.getpid()}")


def clean_stale(into: Path) -> list[Path]:
    """Remove what killed merges into ``into`` left behind (their process is gone)."""
    pattern = re.compile(rf"\.{re.escape(into.name)}\.merging-(\d+)(-wal|-shm|-journal)?")
    removed = []
    try:
        names = os.listdir(into.parent if str(into.parent) else ".")
    except OSError:
        return removed
    for name in names:
        match = pattern.fullmatch(name)
        if match and not _alive(int(match.group(1))):
            path = into.with_name(name)
            with contextlib.suppress(OSError):
                path.unlink()
                removed.append(path)
    return removed


def _alive(pid: int) -> bool:
    if pid == os.getpid():
        return False  # ours, from an earlier attempt in this process: nothing writes it now
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except (PermissionError, OSError, OverflowError):
        return True  # someone else's process, or no way to tell: leave it
    return True


def _copy_all(sources: list[tuple[Path, sqlite3.Connection]], target: Path) -> tuple[int, list[str]]:
    """Copy every session once, in one transaction, re-checking each record on the way."""
    out = schema.connect(target, timeout_s=2.0)
    seen: dict[str, Path] = {}
    notes: list[str] = []
    try:
        schema.migrate(out)
        out.execute("PRAGMA journal_mode=DELETE")  # a single self-contained file to hand over
        out.execute("BEGIN IMMEDIATE")
        count = 0
        for path, conn in sources:
            total, again, first_seen = 0, 0, set()
            for uid, rec in read_sessions(conn):
                total += 1
                if uid in seen:
                    again += 1
                    first_seen.add(str(seen[uid]))
                    continue
                seen[uid] = path
                insert_record(out, rec, uid)
                count += 1
            if again:
                where = ", ".join(sorted(first_seen))
                whole = "all" if again == total else f"{again} of"
                notes.append(f"{path}: {whole} its {total} sessions were already in {where}; each counted once")
        out.execute("COMMIT")
    finally:
        out.close()
    return count, notes
