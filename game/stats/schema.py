"""The database layout and its migrations, kept apart so every opener agrees on them.

The schema version lives in ``PRAGMA user_version``; ``MIGRATIONS[i]`` takes a database
from version ``i`` to ``i + 1`` inside one transaction, so a crash mid-migration leaves the
old version intact. Only ever append to the list: released databases must still upgrade.

Each :class:`~game.stats.record.SessionRecord` field is a column of ``sessions``, except
the two sequences, which are child tables named after their fields (``choices``, ``guess``).
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable
from pathlib import Path


def _add_session_uids(conn: sqlite3.Connection) -> None:
    """Version 2: each session gets a unique, meaningless ``uid`` so that merging never counts
    one twice (a copy of a file, or a merge merged again with one of its inputs). Sessions
    from before get the same content fingerprint every reader computes (:func:`legacy_uid`),
    so two copies of an old file upgraded apart still agree."""
    conn.execute("ALTER TABLE sessions ADD COLUMN uid TEXT")
    ids = [sid for (sid,) in conn.execute("SELECT id FROM sessions")]
    conn.executemany("UPDATE sessions SET uid = ? WHERE id = ?", [(legacy_uid(conn, sid), sid) for sid in ids])
    conn.execute("CREATE UNIQUE INDEX sessions_by_uid ON sessions (uid)")


def _add_session_seeds(conn: sqlite3.Connection) -> None:
    """Version 3: each session keeps the seed its month was drawn from (a random number, nothing
    about the visitor), so the rules sandbox can replay it exactly. Sessions from before have
    none (NULL)."""
    conn.execute("ALTER TABLE sessions ADD COLUMN seed INTEGER")


def legacy_uid(conn: sqlite3.Connection, session_id: int) -> str:
    """A fingerprint of one stored session's whole content (its id included)."""
    import hashlib

    digest = hashlib.sha256()
    for query in (
        "SELECT id, level, persona, language, variant, final_score, grade, goal_reached, completed, duration_s, "
        "hour FROM sessions WHERE id = ?",
        "SELECT pos, scene_id, option_id FROM choices WHERE session_id = ? ORDER BY pos",
        "SELECT rank, category FROM guess WHERE session_id = ? ORDER BY rank",
    ):
        for row in conn.execute(query, (session_id,)):
            digest.update(repr(tuple(row)).encode())
    return "legacy-" + digest.hexdigest()[:32]


LEARNING_COLUMNS = ("joined", "join_again", "guess_matched")
"""Added by version 4; a file read without migrating (the ``stats`` command) may lack them."""


def _add_learning(conn: sqlite3.Connection) -> None:
    """Version 4: what the visit taught, in the fiction — the consent at the start, the answer
    to "would you join Halo again?", and whether the guess named the visitor's own top cause.
    Sessions from before get their consent back from their choices; the two answers that
    did not exist yet stay unknown (NULL), so they count in no rate."""
    for column in LEARNING_COLUMNS:
        conn.execute(f"ALTER TABLE sessions ADD COLUMN {column} INTEGER CHECK ({column} IN (0, 1))")
    conn.execute(
        "UPDATE sessions SET joined = (SELECT CASE option_id WHEN 'accept' THEN 1 WHEN 'decline' THEN 0 END "
        "FROM choices WHERE session_id = sessions.id AND scene_id = 'consent' ORDER BY pos LIMIT 1)"
    )


MIGRATIONS: list[tuple[str | Callable[[sqlite3.Connection], None], ...]] = [
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
    (_add_session_uids,),
    (_add_session_seeds,),
    (_add_learning,),
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
                    if callable(statement):
                        statement(conn)
                    else:
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


_COLUMNS = {
    "sessions": {
        "id",
        "level",
        "persona",
        "language",
        "variant",
        "final_score",
        "grade",
        "goal_reached",
        "completed",
        "duration_s",
        "hour",
    },
    "choices": {"session_id", "pos", "scene_id", "option_id"},
    "guess": {"session_id", "rank", "category"},
}


def columns_of(conn: sqlite3.Connection, table: str) -> set[str]:
    return {str(row[1]) for row in conn.execute(f"PRAGMA table_info({table})")}


def check_shape(conn: sqlite3.Connection) -> None:
    """Raise :class:`sqlite3.DatabaseError` unless the tables are plain tables with our columns.

    A file built by someone else can name a *view* ``sessions`` (a recursive one never
    finishes), or a virtual table that calls into a module: refused before any query runs.
    """
    found = {
        name: (kind, sql or "")
        for kind, name, sql in conn.execute(
            "SELECT type, name, sql FROM sqlite_master WHERE name IN ('sessions', 'choices', 'guess')"
        )
    }
    for table, columns in _COLUMNS.items():
        kind, sql = found.get(table, ("", ""))
        if kind != "table" or sql.lstrip().upper().startswith("CREATE VIRTUAL"):
            what = f"a {kind}" if kind else "missing"
            raise sqlite3.DatabaseError(f"not a statistics database: {table!r} is {what}, not a plain table")
        have = {row[1] for row in conn.execute(f"PRAGMA table_info({table})")}
        if not columns <= have:
            raise sqlite3.DatabaseError(
                f"not a statistics database: {table!r} lacks {', '.join(sorted(columns - have))}"
            )


def has_scene_index(conn: sqlite3.Connection) -> bool:
    """Whether ``choices_by_scene`` is the index this game creates (so a query may name it)."""
    row = conn.execute(
        "SELECT 1 FROM sqlite_master WHERE type = 'index' AND name = 'choices_by_scene' AND tbl_name = 'choices'"
    ).fetchone()
    if row is None:
        return False
    return [r[2] for r in conn.execute("PRAGMA index_info(choices_by_scene)")] == ["scene_id", "option_id"]


def bound_time(conn: sqlite3.Connection, seconds: float) -> None:
    """Abort any statement still running ``seconds`` from now (``sqlite3.OperationalError: interrupted``)."""
    import time

    deadline = time.monotonic() + seconds
    conn.set_progress_handler(lambda: int(time.monotonic() > deadline), 10_000)
