"""A bad statistics file never reaches the game: it is moved aside (or skipped) and logged."""

from __future__ import annotations

import logging
import os
import random
import sqlite3
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from game.stats import schema
from game.stats import store as store_module
from game.stats.aside import move_aside
from game.stats.record import SessionRecord
from game.stats.store import StatsStore, default_path

MakeRecord = Callable[..., SessionRecord]
LOGGER = "open_sesame.stats"


def healthy(path: Path, make_record: MakeRecord, sessions: int = 1) -> Path:
    with StatsStore(path) as store:
        for _ in range(sessions):
            assert store.record(make_record()) is not None
    return path


def session_count(path: Path) -> int:
    conn = sqlite3.connect(path)
    try:
        return int(conn.execute("SELECT COUNT(*) FROM sessions").fetchone()[0])
    finally:
        conn.close()


def names(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir())


def play_one_session(path: Path, make_record: MakeRecord) -> StatsStore:
    """What the game does: open the store, record, read the debrief figures. Must not raise."""
    store = StatsStore(path, timeout_s=0.2)
    assert store.record(make_record()) is not None
    assert store.summary("sample") is not None
    store.choice_shares("sample", "w1_rent")
    store.guess_vs_truth("sample")
    return store


@pytest.fixture
def warnings(caplog: pytest.LogCaptureFixture) -> Iterator[pytest.LogCaptureFixture]:
    with caplog.at_level(logging.WARNING, logger=LOGGER):
        yield caplog


def logged(caplog: pytest.LogCaptureFixture, text: str) -> bool:
    return any(r.name == LOGGER and text in r.getMessage() for r in caplog.records)


def test_default_path_follows_open_sesame_data(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("OPEN_SESAME_DATA", str(tmp_path / "kiosk"))
    assert default_path() == tmp_path / "kiosk" / "stats.db"
    with StatsStore() as store:
        assert store.active_path == tmp_path / "kiosk" / "stats.db"


def test_wal_and_full_sync(tmp_path: Path, make_record: MakeRecord) -> None:
    path = healthy(tmp_path / "stats.db", make_record)
    conn = sqlite3.connect(path)
    assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    assert conn.execute("PRAGMA user_version").fetchone()[0] == schema.VERSION
    conn.close()
    with StatsStore(path) as store:
        assert store._conn is not None
        assert store._conn.execute("PRAGMA synchronous").fetchone()[0] == 2  # FULL


def test_truncated_file_is_moved_aside(
    tmp_path: Path, make_record: MakeRecord, warnings: pytest.LogCaptureFixture
) -> None:
    path = healthy(tmp_path / "stats.db", make_record, sessions=300)
    os.truncate(path, path.stat().st_size // 2)
    store = play_one_session(path, make_record)
    store.close()
    assert names(tmp_path) == ["stats.db", "stats.db.corrupt-1"]
    assert session_count(path) == 1
    assert logged(warnings, "unusable") and logged(warnings, "stats.db.corrupt-1")


@pytest.mark.parametrize("size", [100, 4096, 65536])
def test_garbage_file_is_moved_aside(tmp_path: Path, make_record: MakeRecord, size: int) -> None:
    path = tmp_path / "stats.db"
    garbage = random.Random(size).randbytes(size)
    path.write_bytes(garbage)
    play_one_session(path, make_record).close()
    assert names(tmp_path) == ["stats.db", "stats.db.corrupt-1"]
    assert (tmp_path / "stats.db.corrupt-1").read_bytes() == garbage
    assert session_count(path) == 1


def test_companion_files_move_with_the_database(tmp_path: Path) -> None:
    for suffix in ("", "-wal", "-shm"):
        (tmp_path / f"stats.db{suffix}").write_text(suffix)
    (tmp_path / "stats.db.corrupt-1-shm").write_text("an earlier one")
    assert move_aside(tmp_path / "stats.db") == tmp_path / "stats.db.corrupt-2"
    assert names(tmp_path) == [
        "stats.db.corrupt-1-shm",
        "stats.db.corrupt-2",
        "stats.db.corrupt-2-shm",
        "stats.db.corrupt-2-wal",
    ]
    assert (tmp_path / "stats.db.corrupt-2-wal").read_text() == "-wal"
    assert move_aside(tmp_path / "stats.db") is None  # nothing left to move


def test_each_bad_file_gets_its_own_name(tmp_path: Path, make_record: MakeRecord) -> None:
    path = tmp_path / "stats.db"
    for seed in range(3):
        path.write_bytes(random.Random(seed).randbytes(2048))
        play_one_session(path, make_record).close()
    assert names(tmp_path) == ["stats.db", "stats.db.corrupt-1", "stats.db.corrupt-2", "stats.db.corrupt-3"]


def test_a_folder_in_the_way_is_moved_aside(tmp_path: Path, make_record: MakeRecord) -> None:
    (tmp_path / "stats.db").mkdir()
    play_one_session(tmp_path / "stats.db", make_record).close()
    assert (tmp_path / "stats.db.corrupt-1").is_dir()
    assert session_count(tmp_path / "stats.db") == 1


@pytest.mark.skipif(not hasattr(os, "geteuid") or os.geteuid() == 0, reason="root reads any file")
def test_unreadable_file_is_moved_aside(tmp_path: Path, make_record: MakeRecord) -> None:
    path = healthy(tmp_path / "stats.db", make_record)
    path.chmod(0)
    play_one_session(path, make_record).close()
    assert "stats.db.corrupt-1" in names(tmp_path)
    assert session_count(path) == 1


@pytest.mark.parametrize("wal", [True, False], ids=["wal-file", "rollback-file"])
def test_locked_file_is_skipped_not_moved(
    tmp_path: Path, make_record: MakeRecord, warnings: pytest.LogCaptureFixture, wal: bool
) -> None:
    path = healthy(tmp_path / "stats.db", make_record)
    locker = sqlite3.connect(path, isolation_level=None)
    if not wal:
        locker.execute("PRAGMA journal_mode=DELETE")
    locker.execute("BEGIN EXCLUSIVE")
    try:
        store = play_one_session(path, make_record)
        assert store.active_path == tmp_path / "stats.db.side-1"
        store.close()
    finally:
        locker.execute("ROLLBACK")
        locker.close()
    assert not any("corrupt" in name for name in names(tmp_path))
    assert session_count(path) == 1  # untouched
    assert session_count(tmp_path / "stats.db.side-1") == 1
    assert logged(warnings, "in use")


def test_newer_schema_is_left_alone(tmp_path: Path, make_record: MakeRecord) -> None:
    path = healthy(tmp_path / "stats.db", make_record)
    conn = sqlite3.connect(path)
    conn.execute("PRAGMA user_version = 99")
    conn.close()
    with play_one_session(path, make_record) as store:
        assert store.active_path == tmp_path / "stats.db.side-1"
    assert session_count(path) == 1


def test_write_failure_moves_the_file_aside_and_keeps_the_session(
    tmp_path: Path, make_record: MakeRecord, monkeypatch: pytest.MonkeyPatch, warnings: pytest.LogCaptureFixture
) -> None:
    path = healthy(tmp_path / "stats.db", make_record)
    real_insert = store_module.insert_record
    calls = []

    def failing_once(conn: sqlite3.Connection, rec: SessionRecord) -> int:
        calls.append(rec)
        if len(calls) == 1:
            raise sqlite3.DatabaseError("database disk image is malformed")
        return real_insert(conn, rec)

    with StatsStore(path) as store:
        monkeypatch.setattr(store_module, "insert_record", failing_once)
        assert store.record(make_record()) == 1
        assert store.active_path == path
    assert names(tmp_path) == ["stats.db", "stats.db.corrupt-1"]
    assert session_count(path) == 1 and session_count(tmp_path / "stats.db.corrupt-1") == 1
    assert logged(warnings, "could not record")


def test_lock_taken_after_opening_falls_back_on_write(tmp_path: Path, make_record: MakeRecord) -> None:
    path = healthy(tmp_path / "stats.db", make_record)
    with StatsStore(path, timeout_s=0.2) as store:
        locker = sqlite3.connect(path, isolation_level=None)
        locker.execute("BEGIN EXCLUSIVE")
        try:
            assert store.record(make_record()) == 1
            assert store.active_path == tmp_path / "stats.db.side-1"
        finally:
            locker.execute("ROLLBACK")
            locker.close()
    assert session_count(path) == 1


def test_nothing_writable_keeps_the_game_running(
    tmp_path: Path, make_record: MakeRecord, monkeypatch: pytest.MonkeyPatch, warnings: pytest.LogCaptureFixture
) -> None:
    blocker = tmp_path / "not_a_folder"
    blocker.write_text("a file where the data folder should be")
    with StatsStore(blocker / "stats.db") as store:
        assert store.active_path is None
        assert store.record(make_record()) == 1
    monkeypatch.setenv("OPEN_SESAME_DATA", str(blocker / "data"))
    monkeypatch.setattr("game.datadir._side_dir", lambda sub: None)  # no side directory either
    with StatsStore() as store:
        assert store.active_path is None and store.record(make_record()) == 1
    assert logged(warnings, "memory")


def test_an_unusable_data_folder_sends_the_statistics_to_a_side_folder(
    tmp_path: Path, make_record: MakeRecord, monkeypatch: pytest.MonkeyPatch
) -> None:
    import tempfile

    blocker = tmp_path / "not_a_folder"
    blocker.write_text("a file where the data folder should be")
    monkeypatch.setenv("OPEN_SESAME_DATA", str(blocker))
    with StatsStore() as store:
        assert store.active_path is not None
        assert store.active_path.parent.parent == Path(tempfile.gettempdir())
        assert store.record(make_record()) == 1


def test_closed_store_does_not_raise(tmp_path: Path, make_record: MakeRecord) -> None:
    store = StatsStore(tmp_path / "stats.db")
    store.close()
    assert store.record(make_record()) is None
    assert store.summary() is None and store.choice_shares("sample", "w1_rent") is None
    store.close()
    assert names(tmp_path) == ["stats.db"]
