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
    values = [*(getattr(rec, name) for name in RECORD_COLUMNS), uid or new_uid(), rec.seed]
    placeholders = ", ".join("?" for _ in values)
    cursor = conn.execute(
        f"INSERT INTO sessions ({', '.join(RECORD_COLUMNS)}, uid, seed) VALUES ({placeholders})", values
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
    """Every stored session with its uid (a content fingerprint for files from before uids).

    A file of an older schema (read, never migrated) gives what its migrations would: no
    seed, the consent from the choices, the answers that did not exist yet unknown.
    """
    have = columns_of(conn, "sessions")
    uid_column = "uid" if "uid" in have else "NULL"
    query = f"SELECT id, {uid_column}, {_seed(have)}, {_picked(have)} FROM sessions ORDER BY id"
    for session_id, uid, seed, *values in conn.execute(query):
        rec = _record(conn, session_id, seed, values, have)
        yield (str(uid) if uid else legacy_uid(conn, session_id)), rec


def read_completed(conn: sqlite3.Connection, level: str, limit: int) -> list[tuple[int, SessionRecord]]:
    """The newest ``limit`` completed sessions of ``level`` with their ids, oldest first."""
    have = columns_of(conn, "sessions")
    query = (
        f"SELECT id, {_seed(have)}, {_picked(have)} FROM sessions "
        "WHERE level = ? AND completed = 1 ORDER BY id DESC LIMIT ?"
    )
    rows = conn.execute(query, (level, max(0, limit))).fetchall()
    return [
        (int(session_id), _record(conn, session_id, seed, values, have)) for session_id, seed, *values in reversed(rows)
    ]


def _seed(have: set[str]) -> str:
    return "seed" if "seed" in have else "NULL"  # kept since schema version 3


def _picked(have: set[str]) -> str:
    """The record's columns, NULL for those an older file does not have."""
    return ", ".join(c if c in have else "NULL" for c in RECORD_COLUMNS)


def _record(conn: sqlite3.Connection, session_id: int, seed: Any, values: list[Any], have: set[str]) -> SessionRecord:
    """One stored session, checked again on the way out."""
    row = dict(zip(RECORD_COLUMNS, values, strict=True))
    for flag in FLAGS:
        row[flag] = None if row[flag] is None else bool(row[flag])
    choices = tuple(
        c
        for (c,) in conn.execute(
            "SELECT scene_id || '.' || option_id FROM choices WHERE session_id = ? ORDER BY pos", (session_id,)
        )
    )
    if "joined" not in have:  # from before version 4: the consent read as its migration reads it
        row["joined"] = consent_of(choices)
    guess = conn.execute("SELECT category FROM guess WHERE session_id = ? ORDER BY rank", (session_id,))
    return SessionRecord(
        choices=choices,
        guess=tuple(g for (g,) in guess),
        seed=seed if isinstance(seed, int) else None,
        **row,
    )


def consent_of(choices: tuple[str, ...]) -> bool | None:
    """The consent at the start, from the choices (as the version 4 migration reads it)."""
    found = next((c for c in choices if c.startswith("consent.")), None)
    return {"consent.accept": True, "consent.decline": False}.get(found or "")
