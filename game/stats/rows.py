"""Moving a :class:`SessionRecord` in and out of the tables, and nothing else.

Callers own the transaction: :func:`insert_record` runs inside one so that a session is
stored whole or not at all.
"""

from __future__ import annotations

import secrets
import sqlite3
from collections.abc import Iterator
from typing import Any

from game.stats.record import SessionRecord
from game.stats.schema import legacy_uid

SESSION_COLUMNS = (
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
)


def new_uid() -> str:
    """A random, meaningless session identifier: it says nothing about the visitor, the time or
    the kiosk, and only lets a merge recognise a session it has already counted."""
    return secrets.token_hex(16)


def insert_record(conn: sqlite3.Connection, rec: SessionRecord, uid: str | None = None) -> int:
    """Insert one session and its choices and guess; return the new session id."""
    values = [*(getattr(rec, name) for name in SESSION_COLUMNS), uid or new_uid(), rec.seed]
    placeholders = ", ".join("?" for _ in values)
    cursor = conn.execute(
        f"INSERT INTO sessions ({', '.join(SESSION_COLUMNS)}, uid, seed) VALUES ({placeholders})", values
    )
    session_id = cursor.lastrowid
    if session_id is None:  # pragma: no cover - sqlite always sets it after an INSERT
        raise sqlite3.DatabaseError("no id for the inserted session")
    conn.executemany(
        "INSERT INTO choices (session_id, pos, scene_id, option_id) VALUES (?, ?, ?, ?)",
        [(session_id, pos, scene, option) for pos, (scene, option) in enumerate(rec.scene_choices(), 1)],
    )
    conn.executemany(
        "INSERT INTO guess (session_id, rank, category) VALUES (?, ?, ?)",
        [(session_id, rank, category) for rank, category in enumerate(rec.guess, 1)],
    )
    return session_id


def read_records(conn: sqlite3.Connection) -> Iterator[SessionRecord]:
    """Every stored session, oldest first, checked again on the way out (memory stays flat)."""
    for _uid, rec in read_sessions(conn):
        yield rec


def read_sessions(conn: sqlite3.Connection) -> Iterator[tuple[str, SessionRecord]]:
    """Every stored session with its uid (a content fingerprint for files from before uids)."""
    have = {row[1] for row in conn.execute("PRAGMA table_info(sessions)")}
    uid_column = "uid" if "uid" in have else "NULL"
    seed_column = "seed" if "seed" in have else "NULL"  # kept since schema version 3
    query = f"SELECT id, {uid_column}, {seed_column}, {', '.join(SESSION_COLUMNS)} FROM sessions ORDER BY id"
    for session_id, uid, seed, *values in conn.execute(query):
        rec = _record(conn, session_id, seed, values)
        yield (str(uid) if uid else legacy_uid(conn, session_id)), rec


def read_completed(conn: sqlite3.Connection, level: str, limit: int) -> list[tuple[int, SessionRecord]]:
    """The newest ``limit`` completed sessions of ``level`` with their ids, oldest first."""
    have = {row[1] for row in conn.execute("PRAGMA table_info(sessions)")}
    seed_column = "seed" if "seed" in have else "NULL"
    query = (
        f"SELECT id, {seed_column}, {', '.join(SESSION_COLUMNS)} FROM sessions "
        "WHERE level = ? AND completed = 1 ORDER BY id DESC LIMIT ?"
    )
    rows = conn.execute(query, (level, max(0, limit))).fetchall()
    return [(int(session_id), _record(conn, session_id, seed, values)) for session_id, seed, *values in reversed(rows)]


def _record(conn: sqlite3.Connection, session_id: int, seed: Any, values: list[Any]) -> SessionRecord:
    """One stored session, checked again on the way out."""
    row = dict(zip(SESSION_COLUMNS, values, strict=True))
    for flag in ("goal_reached", "completed"):
        row[flag] = None if row[flag] is None else bool(row[flag])
    choices = conn.execute(
        "SELECT scene_id || '.' || option_id FROM choices WHERE session_id = ? ORDER BY pos", (session_id,)
    )
    guess = conn.execute("SELECT category FROM guess WHERE session_id = ? ORDER BY rank", (session_id,))
    return SessionRecord(
        choices=tuple(c for (c,) in choices),
        guess=tuple(g for (g,) in guess),
        seed=seed if isinstance(seed, int) else None,
        **row,
    )
