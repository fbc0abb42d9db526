"""The database layout and its migrations, kept apart so every opener agrees on them.

The schema version lives in ``PRAGMA user_version``; ``MIGRATIONS[i]`` takes a database
from version ``i`` to ``i + 1`` inside one transaction, so a crash mid-migration leaves the
old version intact. Only ever append to the list: released databases must still upgrade.

Each :class:`~game.stats.record.SessionRecord` field is a column of ``sessions``, except
the two sequences, which are child tables named after their fields (``choices``, ``guess``).
"""

from __future__ import annotations

import sqlite3
from pathlib import Path

MIGRATIONS: list[tuple[str, ...]] = [
    (
        """CREATE TABLE sessions (
            id INTEGER PRIMARY KEY,
            level TEXT NOT NULL,
            persona TEXT NOT NULL,
            language TEXT NOT NULL,
            variant TEXT NOT NULL,
            final_score INTEGER,
            grade TEXT,
            goal_reached INTEGER CHECK (goal_reached IN (0, 1)),
            completed INTEGER NOT NULL CHECK (completed IN (0, 1)),
            duration_s INTEGER NOT NULL CHECK (duration_s >= 0 AND duration_s % 10 = 0),
            hour TEXT NOT NULL CHECK (length(hour) = 13)
        )""",
        """CREATE TABLE choices (
            session_id INTEGER NOT NULL REFERENCES sessions (id),
            pos INTEGER NOT NULL,
            scene_id TEXT NOT NULL,
            option_id TEXT NOT NULL,
            PRIMARY KEY (session_id, pos)
        ) WITHOUT ROWID""",
        """CREATE TABLE guess (
            session_id INTEGER NOT NULL REFERENCES sessions (id),
            rank INTEGER NOT NULL CHECK (rank >= 1),
            category TEXT NOT NULL,
            PRIMARY KEY (session_id, rank)
        ) WITHOUT ROWID""",
        "CREATE INDEX sessions_by_level ON sessions (level, variant)",
        "CREATE INDEX choices_by_scene ON choices (scene_id, option_id)",
    ),
]

VERSION = len(MIGRATIONS)


class SchemaTooNew(Exception):
    """The file was written by a newer game; this one must not touch it."""


def connect(path: Path | str, timeout_s: float) -> sqlite3.Connection:
    """A connection in autocommit mode (transactions are explicit), WAL, ``synchronous=FULL``.

    WAL with FULL makes every committed session survive a crash or a power cut; the
    write rate (one small transaction per visitor) makes the extra fsync free.
    """
    conn = sqlite3.connect(str(path), timeout=timeout_s, isolation_level=None, check_same_thread=False)
    try:
        conn.execute("PRAGMA journal_mode=WAL")
        conn.execute("PRAGMA synchronous=FULL")
        conn.execute("PRAGMA foreign_keys=ON")
    except BaseException:
        conn.close()
        raise
    return conn


def user_version(conn: sqlite3.Connection) -> int:
    return int(conn.execute("PRAGMA user_version").fetchone()[0])


def migrate(conn: sqlite3.Connection) -> None:
    """Bring the database up to :data:`VERSION`, one transaction per step.

    An up-to-date database is only read, so opening never waits for another writer.
    """
    while (version := user_version(conn)) != VERSION:
        if version > VERSION:
            raise SchemaTooNew(f"schema version {version} is newer than this game's {VERSION}")
        conn.execute("BEGIN IMMEDIATE")
        try:
            if user_version(conn) == version:  # nobody migrated it while we waited
                for statement in MIGRATIONS[version]:
                    conn.execute(statement)
                conn.execute(f"PRAGMA user_version = {version + 1}")
            conn.execute("COMMIT")
        except BaseException:
            if conn.in_transaction:
                conn.execute("ROLLBACK")
            raise


def quick_check(conn: sqlite3.Connection) -> None:
    """Raise :class:`sqlite3.DatabaseError` if SQLite finds the file damaged."""
    row = conn.execute("PRAGMA quick_check").fetchone()
    if row is None or row[0] != "ok":
        raise sqlite3.DatabaseError(f"quick_check failed: {row[0] if row else 'no answer'}")


def check_readable(conn: sqlite3.Connection) -> None:
    """Raise unless the file is a sound stats database this game understands."""
    quick_check(conn)
    version = user_version(conn)
    if version > VERSION:
        raise SchemaTooNew(f"schema version {version} is newer than this game's {VERSION}")
    if version < 1:
        raise sqlite3.DatabaseError("not a statistics database (no schema)")
