"""Merging kiosks: every count in the result is the sum of the inputs' counts."""

from __future__ import annotations

import random
import sqlite3
from collections.abc import Callable
from pathlib import Path

import pytest

from game.stats.merge import MergeRefused, merge
from game.stats.record import SessionRecord
from game.stats.rows import read_records
from game.stats.source import StatsUnreadable, open_for_reading
from game.stats.store import StatsStore

MakeRecord = Callable[..., SessionRecord]
OPTIONS = ("pay_now", "delay", "borrow")


def kiosk(path: Path, make_record: MakeRecord, seed: int, sessions: int) -> Path:
    rng = random.Random(seed)
    with StatsStore(path) as store:
        for _ in range(sessions):
            done = rng.random() < 0.8
            rec = make_record(
                level=rng.choice(["sample", "kiosk"]),
                choices=[f"w1_rent.{rng.choice(OPTIONS)}", f"w2_bike.{rng.choice(OPTIONS)}"],
                completed=done,
                grade=rng.choice("ABCD") if done else None,
                final_score=rng.randrange(350, 950) if done else None,
                goal_reached=rng.random() < 0.5 if done else None,
                guess=rng.sample(["personal", "behaviour", "fulfilment"], k=rng.randrange(0, 4)),
            )
            assert store.record(rec) is not None
    return path


COUNTS = {
    "sessions": "SELECT level, completed, grade, goal_reached, COUNT(*) FROM sessions GROUP BY 1, 2, 3, 4",
    "choices": "SELECT s.level, scene_id, option_id, COUNT(*) FROM choices c JOIN sessions s ON s.id = c.session_id "
    "GROUP BY 1, 2, 3",
    "guess": "SELECT s.level, rank, category, COUNT(*) FROM guess g JOIN sessions s ON s.id = g.session_id "
    "GROUP BY 1, 2, 3",
}


def counts(path: Path) -> dict[tuple[object, ...], int]:
    conn = sqlite3.connect(path)
    out: dict[tuple[object, ...], int] = {}
    for name, query in COUNTS.items():
        for *key, n in conn.execute(query):
            out[(name, *key)] = n
    conn.close()
    return out


def test_merge_sums_every_count(tmp_path: Path, make_record: MakeRecord) -> None:
    inputs = [kiosk(tmp_path / f"kiosk{i}.db", make_record, seed=i, sessions=n) for i, n in enumerate((37, 52, 8))]
    into = tmp_path / "all.db"
    assert merge(inputs, into) == 37 + 52 + 8
    expected: dict[tuple[object, ...], int] = {}
    for path in inputs:
        for key, n in counts(path).items():
            expected[key] = expected.get(key, 0) + n
    assert counts(into) == expected
    conn = open_for_reading(into)
    merged = sorted(read_records(conn), key=repr)
    conn.close()
    originals = []
    for path in inputs:
        conn = open_for_reading(path)
        originals += list(read_records(conn))
        conn.close()
    assert merged == sorted(originals, key=repr)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["all.db", "kiosk0.db", "kiosk1.db", "kiosk2.db"]


def test_merged_summary_adds_up(tmp_path: Path, make_record: MakeRecord) -> None:
    a = kiosk(tmp_path / "a.db", make_record, seed=10, sessions=30)
    b = kiosk(tmp_path / "b.db", make_record, seed=11, sessions=40)
    merge([a, b], tmp_path / "ab.db")
    with StatsStore(a) as sa, StatsStore(b) as sb, StatsStore(tmp_path / "ab.db") as sab:
        totals = [s.summary(None) for s in (sa, sb, sab)]
    assert all(t is not None and t.sessions is not None for t in totals)
    assert totals[2].sessions == totals[0].sessions + totals[1].sessions  # type: ignore[union-attr,operator]


def test_merge_refuses_to_double_count(tmp_path: Path, make_record: MakeRecord) -> None:
    a = kiosk(tmp_path / "a.db", make_record, seed=1, sessions=3)
    existing = kiosk(tmp_path / "existing.db", make_record, seed=2, sessions=3)
    with pytest.raises(MergeRefused, match="already exists"):
        merge([a], existing)
    with pytest.raises(MergeRefused, match="twice"):
        merge([a, tmp_path / "." / "a.db"], tmp_path / "new.db")
    with pytest.raises(MergeRefused):
        merge([], tmp_path / "new.db")
    assert not (tmp_path / "new.db").exists()


def test_merge_stops_on_an_unreadable_input(tmp_path: Path, make_record: MakeRecord) -> None:
    a = kiosk(tmp_path / "a.db", make_record, seed=1, sessions=3)
    junk = tmp_path / "junk.db"
    junk.write_bytes(random.Random(5).randbytes(8192))
    for bad in (junk, tmp_path / "missing.db"):
        with pytest.raises(StatsUnreadable, match=bad.name):
            merge([a, bad], tmp_path / "new.db")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["a.db", "junk.db"]
