"""Opening a statistics file to read it (the ``stats`` command, merging), never repairing it.

Unlike :class:`~game.stats.store.StatsStore`, a reader must not move or rebuild anything:
a facilitator pointing at the wrong or a damaged file gets :class:`StatsUnreadable` with
a one-line reason instead.
"""

from __future__ import annotations

import contextlib
import sqlite3
from pathlib import Path
from urllib.parse import quote

from game.stats import schema


class StatsUnreadable(Exception):
    """A file that is missing, not a statistics database, damaged or from a newer game."""


def open_for_reading(path: Path, timeout_s: float = 2.0) -> sqlite3.Connection:
    """A connection to an existing, sound statistics database; raise :class:`StatsUnreadable`.

    Read-write when allowed (so SQLite tidies its ``-wal``/``-shm`` away on close), else
    read-only; the data itself is never changed, and a running game may keep writing.
    """
    if not path.is_file():
        raise StatsUnreadable(f"{path}: no such file")
    conn: sqlite3.Connection | None = None
    last: Exception | None = None
    for mode in ("rw", "ro"):
        try:
            uri = f"file:{quote(str(path.resolve()))}?mode={mode}"
            conn = sqlite3.connect(uri, uri=True, timeout=timeout_s, isolation_level=None)
            schema.check_readable(conn)
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
