"""Crash safety: a writer killed with SIGKILL at random moments never loses a committed session.

The writer (:mod:`game.stats._crashwriter`) prints each session id only after its commit;
after every kill the database must pass ``PRAGMA integrity_check`` and hold every printed
id, each session whole (all its choices and its guess) or not at all.
"""

from __future__ import annotations

import os
import random
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

from game.stats._crashwriter import CHOICES, GUESS
from game.stats.store import StatsStore

ROOT = Path(__file__).resolve().parents[2]
KILLS_WHILE_WRITING = 100
KILLS_WHILE_STARTING = 30

pytestmark = [
    pytest.mark.slow,
    pytest.mark.skipif(not hasattr(signal, "SIGKILL"), reason="needs SIGKILL (POSIX)"),
]


def spawn(db: Path) -> subprocess.Popen[bytes]:
    env = dict(os.environ, PYTHONPATH=str(ROOT))
    return subprocess.Popen(
        [sys.executable, "-m", "game.stats._crashwriter", str(db)], cwd=ROOT, env=env, stdout=subprocess.PIPE
    )


def kill(proc: subprocess.Popen[bytes]) -> list[bytes]:
    """SIGKILL the writer; return its complete output lines (a cut-off last line is dropped)."""
    proc.send_signal(signal.SIGKILL)
    assert proc.stdout is not None
    rest = proc.stdout.read()
    proc.wait()
    proc.stdout.close()
    assert proc.returncode == -signal.SIGKILL, f"the writer stopped on its own: {rest[-200:]!r}"
    return rest.split(b"\n")[:-1]


def check_database(db: Path, committed: set[int]) -> None:
    conn = sqlite3.connect(db)
    try:
        assert conn.execute("PRAGMA integrity_check").fetchall() == [("ok",)]
        ids = {row[0] for row in conn.execute("SELECT id FROM sessions")}
        assert committed <= ids, f"{len(committed - ids)} committed sessions lost"
        shapes = set(
            conn.execute(
                "SELECT (SELECT COUNT(*) FROM choices c WHERE c.session_id = s.id),"
                " (SELECT COUNT(*) FROM guess g WHERE g.session_id = s.id) FROM sessions s"
            )
        )
        assert shapes <= {(CHOICES, len(GUESS))}, f"half-written sessions: {shapes}"
        orphans = conn.execute(
            "SELECT COUNT(*) FROM choices WHERE session_id NOT IN (SELECT id FROM sessions)"
        ).fetchone()[0]
        assert orphans == 0
    finally:
        conn.close()


def test_killed_writer_loses_no_committed_session(tmp_path: Path) -> None:
    rng = random.Random(20260314)
    db = tmp_path / "stats.db"
    committed: set[int] = set()
    for _ in range(KILLS_WHILE_WRITING):
        proc = spawn(db)
        assert proc.stdout is not None
        assert proc.stdout.readline() == b"ready\n"
        time.sleep(rng.uniform(0.005, 0.060))
        committed.update(int(line) for line in kill(proc))
    check_database(db, committed)
    assert len(committed) >= KILLS_WHILE_WRITING, "the writer barely wrote anything"
    assert sorted(p.name for p in tmp_path.iterdir() if "corrupt" in p.name or "side" in p.name) == []


def test_killed_while_creating_the_file_opens_cleanly(tmp_path: Path) -> None:
    """Kills around start-up (~40–100 ms) land while the file is created and migrated."""
    rng = random.Random(20260315)
    for i in range(KILLS_WHILE_STARTING):
        db = tmp_path / f"stats{i}.db"
        proc = spawn(db)
        time.sleep(rng.uniform(0.03, 0.12))
        committed = {int(line) for line in kill(proc) if line != b"ready"}
        if db.exists() and _has_schema(db):
            check_database(db, committed)
        with StatsStore(db) as store:
            assert store.active_path == db  # a half-created file is never taken for a corrupt one
    assert not [p for p in tmp_path.iterdir() if "corrupt" in p.name or "side" in p.name]


def _has_schema(db: Path) -> bool:
    conn = sqlite3.connect(db)
    try:
        return bool(conn.execute("PRAGMA user_version").fetchone()[0])
    finally:
        conn.close()
