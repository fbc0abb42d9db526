"""Each session keeps its seed (schema 3), older files upgrade with none, and a level's newest
completed months come with the figures the other views show and hide."""

from __future__ import annotations

import sqlite3
from collections.abc import Callable
from pathlib import Path

import pytest

from game.stats import schema
from game.stats.disclosure import Figure, bitset, suppress
from game.stats.merge import merge
from game.stats.record import SessionRecord
from game.stats.rows import read_records
from game.stats.source import open_for_reading
from game.stats.store import StatsStore

MakeRecord = Callable[..., SessionRecord]


def test_the_seed_is_stored_and_read_back(tmp_path: Path, make_record: MakeRecord) -> None:
    with StatsStore(tmp_path / "s.db") as store:
        store.record(make_record(seed=123456789))
        store.record(make_record())  # a session without one (as a test or an old caller makes)
    conn = open_for_reading(tmp_path / "s.db")
    assert [r.seed for r in read_records(conn)] == [123456789, None]
    conn.close()


@pytest.mark.parametrize("seed", [True, 1.5, "7", 1 << 63])
def test_a_seed_is_a_64_bit_integer_and_nothing_else(make_record: MakeRecord, seed: object) -> None:
    with pytest.raises(ValueError):
        make_record(seed=seed)


def test_a_file_from_before_seeds_upgrades_with_none_and_merges(tmp_path: Path, make_record: MakeRecord) -> None:
    old = tmp_path / "old.db"
    conn = schema.connect(old, 1.0)
    for version in range(2):  # build a version-2 file by the migrations of the time
        for statement in schema.MIGRATIONS[version]:
            statement(conn) if callable(statement) else conn.execute(statement)
    conn.execute("PRAGMA user_version = 2")
    conn.execute(
        "INSERT INTO sessions (level, persona, language, variant, final_score, grade, goal_reached, completed, "
        "duration_s, hour, uid) VALUES ('sample', 'mei', 'fr', 'standard', 600, 'B', 1, 1, 350, '2026-03-14T15', 'u1')"
    )
    conn.close()
    assert [r.seed for r in read_records(open_for_reading(old))] == [None]  # read as it is, not upgraded
    with StatsStore(tmp_path / "new.db") as store:
        store.record(make_record(seed=42))
    merged = tmp_path / "all.db"
    assert merge([old, tmp_path / "new.db"], merged) == 2
    assert sorted(str(r.seed) for r in read_records(open_for_reading(merged))) == ["42", "None"]
    with StatsStore(old) as store:  # the game upgrades its own file
        assert store.active_path == old
    check = sqlite3.connect(old)
    assert schema.user_version(check) == schema.VERSION
    assert check.execute("SELECT seed FROM sessions").fetchall() == [(None,)]
    check.close()


def test_class_months_are_the_newest_completed_with_the_summary_figures(
    tmp_path: Path, make_record: MakeRecord
) -> None:
    with StatsStore(tmp_path / "s.db") as store:
        for i in range(12):
            store.record(make_record(seed=i))
        store.record(make_record(completed=False, final_score=None, grade=None, goal_reached=None, seed=99))
        store.record(make_record(level="other", seed=100))
        found = store.class_months("sample", 10)
    assert found is not None
    assert found.completed == 12
    assert [rec.seed for _, rec in found.sessions] == list(range(2, 12))  # the newest 10, oldest first
    assert ("sessions",) in {f.key for f in found.published}
    assert ("completed",) in {f.key for f in found.withheld}  # 13 − 12 would point at the one abandoned
    sessions = next(f for f in found.published if f.key == ("sessions",))
    assert sessions.count == 13
    assert {found.position(sid) for sid, _ in found.sessions} <= set(range(13))


def test_figures_shown_elsewhere_are_compared_with_but_never_changed() -> None:
    shown_there = Figure(("sessions",), bitset(range(20)))
    hidden_there = Figure(("a",), bitset(range(3)))
    mine = [
        Figure(("mine", "19"), bitset(range(19)), 10),  # 20 − 19 would give one session away
        Figure(("mine", "same"), bitset(range(3)), 10),  # the very sessions hidden there
        Figure(("mine", "ok"), bitset(range(10)), 10),
    ]
    hidden = suppress(mine, published=[shown_there], withheld=[hidden_there])
    assert hidden == {("mine", "19"), ("mine", "same")}
    assert suppress(mine) == {("mine", "same")}  # alone, only the small one is hidden
