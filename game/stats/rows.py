"""Moving a :class:`SessionRecord` in and out of the tables, and nothing else.

Callers own the transaction: :func:`insert_record` runs inside one so that a session is
stored whole or not at all.
"""

from __future__ import annotations

import secrets
import sqlite3
from collections.abc import Iterator

from game.stats.record import SessionRecord
from game.stats.schema import LEARNING_COLUMNS, columns_of, legacy_uid

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
"""The columns every version of the file has."""
RECORD_COLUMNS = (*SESSION_COLUMNS, *LEARNING_COLUMNS)
FLAGS = ("goal_reached", "completed", *LEARNING_COLUMNS)


def new_uid() -> str:
    """A random, meaningless session identifier: it says nothing about the visitor, the time or
    the kiosk, and only lets a merge recognise a session it has already counted."""
    return secrets.token_hex(16)


def insert_record(conn: sqlite3.Connection, rec: SessionRecord, uid: str | None = None) -> int:
    """Insert one session and its choices and guess; return the new session id."""
    values = [*(getattr(rec, name) for name in RECORD_COLUMNS), uid or new_uid()]
    placeholders = ", ".join("?" for _ in values)
    cursor = conn.execute(f"INSERT INTO sessions ({', '.join(RECORD_COLUMNS)}, uid) VALUES ({placeholders})", values)
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
    """Every stored session with its uid (a content fingerprint for files from before uids).

    A file of an older schema (read, never migrated) gives what its migration would: the
    consent from the choices, the answers that did not exist yet unknown.
    """
    have = columns_of(conn, "sessions")
    uid_column = "uid" if "uid" in have else "NULL"
    picked = ", ".join(c if c in have else "NULL" for c in RECORD_COLUMNS)
    query = f"SELECT id, {uid_column}, {picked} FROM sessions ORDER BY id"
    for session_id, uid, *values in conn.execute(query):
        row = dict(zip(RECORD_COLUMNS, values, strict=True))
        for flag in FLAGS:
            row[flag] = None if row[flag] is None else bool(row[flag])
        choices = tuple(
            c
            for (c,) in conn.execute(
                "SELECT scene_id || '.' || option_id FROM choices WHERE session_id = ? ORDER BY pos", (session_id,)
            )
        )
        if "joined" not in have:
            row["joined"] = consent_of(choices)
        guess = conn.execute("SELECT category FROM guess WHERE session_id = ? ORDER BY rank", (session_id,))
        rec = SessionRecord(choices=choices, guess=tuple(g for (g,) in guess), **row)
        yield (str(uid) if uid else legacy_uid(conn, session_id)), rec


def consent_of(choices: tuple[str, ...]) -> bool | None:
    """The consent at the start, from the choices (as the version 3 migration reads it)."""
    found = next((c for c in choices if c.startswith("consent.")), None)
    return {"consent.accept": True, "consent.decline": False}.get(found or "")
