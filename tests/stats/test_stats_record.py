"""A session record holds exactly the agreed fields, coarse times, and no free text."""

from __future__ import annotations

import dataclasses
import sqlite3
from collections.abc import Callable
from datetime import datetime, timedelta
from pathlib import Path

import pytest

from game.stats.record import SessionRecord, hour_bucket, round_duration
from game.stats.store import StatsStore

MakeRecord = Callable[..., SessionRecord]

FIELDS = {
    "level",
    "persona",
    "language",
    "variant",
    "choices",
    "guess",
    "final_score",
    "grade",
    "goal_reached",
    "completed",
    "duration_s",
    "hour",
    "seed",  # the number the month's draws came from: random, nothing about the visitor (the sandbox replays it)
    "joined",
    "join_again",
    "guess_matched",
}
SEQUENCE_TABLES = {
    "choices": {"session_id", "pos", "scene_id", "option_id"},
    "guess": {"session_id", "rank", "category"},
}


def test_record_has_exactly_the_agreed_fields() -> None:
    assert {f.name for f in dataclasses.fields(SessionRecord)} == FIELDS


def test_database_stores_exactly_the_record_fields(tmp_path: Path, make_record: MakeRecord) -> None:
    path = tmp_path / "stats.db"
    with StatsStore(path) as store:
        assert store.record(make_record()) is not None
    conn = sqlite3.connect(path)
    tables = {name for (name,) in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
    columns = {t: {row[1] for row in conn.execute(f"PRAGMA table_info({t})")} for t in tables}
    conn.close()
    assert tables == {"sessions", *SEQUENCE_TABLES}
    # Each field is a column of `sessions` or a child table named after it; nothing else is kept
    # but the row id and a random uid (which only lets a merge recognise a session it counted).
    assert columns["sessions"] - {"id", "uid"} | set(SEQUENCE_TABLES) == FIELDS
    for table, expected in SEQUENCE_TABLES.items():
        assert columns[table] == expected


def test_make_keeps_only_the_hour_and_a_rounded_length(make_record: MakeRecord) -> None:
    start = datetime(2026, 3, 14, 15, 59, 58, 123456)
    rec = make_record(started=start, ended=start + timedelta(seconds=344.9))
    assert rec.hour == "2026-03-14T15"
    assert rec.duration_s == 340
    assert make_record(started=start, ended=start + timedelta(seconds=345)).duration_s == 350
    assert make_record(started=start, ended=start - timedelta(seconds=30)).duration_s == 0


def test_rounding_helpers() -> None:
    assert [round_duration(s) for s in (0, 4.9, 5, 14.99, 15, 3600.2)] == [0, 0, 10, 10, 20, 3600]
    assert hour_bucket(datetime(2026, 1, 2, 3, 4, 5)) == "2026-01-02T03"


def test_abandoned_session(make_record: MakeRecord) -> None:
    rec = make_record(completed=False, final_score=None, grade=None, goal_reached=None, guess=())
    assert rec.guess == () and not rec.completed


@pytest.mark.parametrize(
    "change",
    [
        {"persona": "Jean Dupont"},
        {"level": "a level name with spaces"},
        {"language": "fra"},
        {"choices": ["w1_rent.I paid"]},
        {"choices": ["w1_rent"]},
        {"guess": ["credit_history", "credit_history"]},
        {"guess": ["my email is x@y.z"]},
        {"grade": "B+"},
        {"completed": 1},
        {"final_score": 10**6},
    ],
)
def test_free_text_and_bad_values_are_refused(make_record: MakeRecord, change: dict[str, object]) -> None:
    with pytest.raises(ValueError):
        make_record(**change)


@pytest.mark.parametrize("field, value", [("duration_s", 347), ("hour", "2026-03-14T15:09"), ("hour", "yesterday")])
def test_exact_times_cannot_be_stored(make_record: MakeRecord, field: str, value: object) -> None:
    with pytest.raises(ValueError):
        dataclasses.replace(make_record(), **{field: value})


def test_record_round_trips_through_the_database(tmp_path: Path, make_record: MakeRecord) -> None:
    from game.stats.rows import read_records
    from game.stats.source import open_for_reading

    recs = [make_record(), make_record(completed=False, final_score=None, grade=None, goal_reached=None, guess=())]
    with StatsStore(tmp_path / "stats.db") as store:
        ids = [store.record(r) for r in recs]
    assert ids == [1, 2]
    conn = open_for_reading(tmp_path / "stats.db")
    assert list(read_records(conn)) == recs
    conn.close()
