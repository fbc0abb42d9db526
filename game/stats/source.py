"""Opening a statistics file to read it (the ``stats`` command, merging), never repairing it.

Unlike :class:`~game.stats.store.StatsStore`, a reader must not move or rebuild anything:
a facilitator pointing at the wrong or a damaged file gets :class:`StatsUnreadable` with
a one-line reason instead.
"""

from __future__ import annotations

import contextlib
import os
import sqlite3
from pathlib import Path
from urllib.parse import quote

from game.safefile import FileRefused, check_regular
from game.stats import schema


class StatsUnreadable(Exception):
    """A file that is missing, not a statistics database, damaged or from a newer game."""


READ_BUDGET_S = 120.0
"""No statement on a file being read runs longer than this (a hostile file cannot hang a command)."""


def open_for_reading(path: Path, timeout_s: float = 2.0, budget_s: float = READ_BUDGET_S) -> sqlite3.Connection:
    """A connection to an existing, sound statistics database; raise :class:`StatsUnreadable`.

    Read-write when allowed (so SQLite tidies its ``-wal``/``-shm`` away on close), else
    read-only; the data itself is never changed, and a running game may keep writing.
    Only a regular file is opened (a FIFO would block), its tables must be plain tables
    with the expected columns (a view named ``sessions`` is refused), and every statement
    is aborted after ``budget_s``.
    """
    try:
        check_regular(path)
    except FileRefused as err:
        missing = not os.path.lexists(path) if "\0" not in str(path) else False
        raise StatsUnreadable(f"{path}: no such file" if missing else f"{path}: {err}") from None
    conn: sqlite3.Connection | None = None
    last: Exception | None = None
    for mode in ("rw", "ro"):
        try:
            uri = f"file:{quote(str(path.resolve()))}?mode={mode}"
            conn = sqlite3.connect(uri, uri=True, timeout=timeout_s, isolation_level=None)
            schema.bound_time(conn, budget_s)
            schema.check_readable(conn)
            schema.check_shape(conn)
            return conn
        except schema.SchemaTooNew as err:
            _close(conn)
            raise StatsUnreadable(f"{path}: written by a newer version of the game ({err})") from None
        except sqlite3.Error as err:
            _close(conn)
            conn, last = None, err
    raise StatsUnreadable(f"{path}: not a readable statistics database ({last})")


def _close(conn: sqlite3.Connection | None) -> None:
    if conn is not None:
        with contextlib.suppress(sqlite3.Error):
            conn.close()
