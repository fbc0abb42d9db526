"""Combining the statistics of several kiosks into one file.

The result holds every session of every input, so each count in it is the sum of the
inputs' counts. It is always a new file: merging into an existing one could count the
same kiosk twice, so to add a kiosk, merge all the files again into a new one.
"""

from __future__ import annotations

import contextlib
import os
import sqlite3
from pathlib import Path

from game.stats import schema
from game.stats.aside import family
from game.stats.rows import insert_record, read_records
from game.stats.source import StatsUnreadable, open_for_reading


class MergeRefused(Exception):
    """A merge that would lose or double-count data; the message says why in one line."""


def merge(inputs: list[Path], into: Path) -> int:
    """Write the sessions of all ``inputs`` to the new file ``into``; return how many.

    Raises :class:`MergeRefused` for an existing target or a repeated input, and
    :class:`~game.stats.source.StatsUnreadable` for an input that can't be read. Nothing
    is left at ``into`` unless the whole merge succeeded.
    """
    if not inputs:
        raise MergeRefused("nothing to merge: name at least one database")
    if os.path.lexists(into):
        raise MergeRefused(f"{into} already exists; merge into a new file")
    resolved = [p.resolve() for p in inputs]
    if len(set(resolved)) != len(resolved):
        raise MergeRefused("the same database is named twice; it would be counted twice")
    partial = into.with_name(into.name + ".partial")
    with contextlib.ExitStack() as stack:
        sources = []
        for path in inputs:
            conn = open_for_reading(path)
            stack.callback(conn.close)
            sources.append(conn)
        try:
            for stale in family(partial):
                stale.unlink(missing_ok=True)
            count = _copy_all(sources, partial)
            os.replace(partial, into)
        except (sqlite3.Error, OSError, ValueError) as err:
            raise StatsUnreadable(f"merge failed: {err}") from None
        finally:
            for leftover in family(partial):
                with contextlib.suppress(OSError):
                    leftover.unlink(missing_ok=True)
    return count


def _copy_all(sources: list[sqlite3.Connection], target: Path) -> int:
    """Copy every session in one transaction, re-checking each record on the way."""
    out = schema.connect(target, timeout_s=2.0)
    try:
        schema.migrate(out)
        out.execute("PRAGMA journal_mode=DELETE")  # a single self-contained file to hand over
        out.execute("BEGIN IMMEDIATE")
        count = 0
        for conn in sources:
            for rec in read_records(conn):
                insert_record(out, rec)
                count += 1
        out.execute("COMMIT")
    finally:
        out.close()
    return count
