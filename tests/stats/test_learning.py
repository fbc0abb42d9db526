"""What the visits taught: join rates before and after the reveal, guesses that matched, k ≥ 5."""

from __future__ import annotations

import csv
import sqlite3
from pathlib import Path

import pytest

from game.cli import main as cli_main
from game.stats import StatsStore, schema
from game.stats.interval import wilson
from game.stats.merge import merge
from game.stats.render import summary_lines
from game.stats.report import rate, summary
from game.stats.rows import read_records
from tests.stats.conftest import build_record


# -- the interval ----------------------------------------------------------------------------------
@pytest.mark.parametrize(
    ("part", "total", "low", "high"),
    [
        # by hand: z = 1.96, z² = 3.8415; 3/5: centre (0.6 + 0.3841) / 1.7683 = 0.5565,
        # half 1.1084 · √(0.048 + 0.03841) = 0.3258
        (3, 5, 0.2307, 0.8824),
        (5, 10, 0.2366, 0.7634),  # the textbook example
        (0, 10, 0.0, 0.2775),  # never the empty 0..0 of p ± 1.96·se
        (10, 10, 0.7225, 1.0),
        (12, 30, 0.2459, 0.5768),
    ],
)
def test_wilson_interval_against_hand_computed_values(part: int, total: int, low: float, high: float) -> None:
    got = wilson(part, total)
    assert got == (pytest.approx(low, abs=5e-5), pytest.approx(high, abs=5e-5))


def test_wilson_refuses_impossible_counts() -> None:
    with pytest.raises(ValueError):
        wilson(3, 0)
    with pytest.raises(ValueError):
        wilson(6, 5)


def test_a_rate_needs_five_sessions_and_both_counts_shown() -> None:
    assert rate(2, 4) is None and rate(None, 20) is None and rate(3, None) is None
    found = rate(3, 5)
    assert found is not None and found.share == 0.6 and found.low == pytest.approx(0.2307, abs=5e-5)


# -- stored and shown ------------------------------------------------------------------------------
def fill(db: Path, answers: list[tuple[bool | None, bool | None, bool | None]]) -> None:
    with StatsStore(db) as store:
        for joined, again, matched in answers:
            consent = "consent.accept" if joined else "consent.decline"
            store.record(
                build_record(choices=(consent, "w1_shop.cheap"), joined=joined, join_again=again, guess_matched=matched)
            )


def test_join_rates_before_and_after_and_guesses_against_chance(tmp_path: Path) -> None:
    db = tmp_path / "stats.db"
    # 15 answered: 10 had joined (5 would again, 5 not), 5 had declined (all would still say no);
    # the 10 who joined ranked the categories, 5 of them put their own top cause first
    answers = [(True, i < 5, i % 2 == 0) for i in range(10)] + [(False, False, None)] * 5
    # 5 walked away before the question (1-4 would hide the rates: "all but 2" gives those 2 away)
    answers += [(True, None, None)] * 5
    fill(db, answers)
    learned = StatsStore(db).summary("sample").learning["sample"]  # type: ignore[union-attr]
    assert learned.answered == 15
    assert learned.joined_before is not None and (learned.joined_before.part, learned.joined_before.total) == (10, 15)
    assert learned.joined_after is not None and (learned.joined_after.part, learned.joined_after.total) == (5, 15)
    assert learned.matched is not None and (learned.matched.part, learned.matched.total) == (5, 10)
    assert (learned.joined_after.low, learned.joined_after.high) == pytest.approx(wilson(5, 15))
    assert learned.categories == 5 and learned.chance == pytest.approx(0.2)
    text = "\n".join(summary_lines(StatsStore(db).summary("sample")))  # type: ignore[arg-type]
    assert "joined at the start     10 of 15 = 67% (95% CI 42–85%)" in text
    assert "would join again        5 of 15 = 33% (95% CI 15–58%)" in text
    assert "what moved their own score most: 5 of 10 = 50% (95% CI 24–76%)" in text
    assert "chance (1 of 5 categories)  20%" in text


def test_below_five_answers_nothing_is_shown(tmp_path: Path) -> None:
    db = tmp_path / "stats.db"
    fill(db, [(True, True, True)] * 4 + [(True, None, None)] * 6)
    learned = StatsStore(db).summary("sample").learning["sample"]  # type: ignore[union-attr]
    assert learned.answered is None and learned.joined_before is None and learned.joined_after is None
    assert learned.guessed is None and learned.matched is None
    lines = summary_lines(StatsStore(db).summary("sample"))  # type: ignore[arg-type]
    assert "    would join again        <5" in lines


def test_a_small_cell_hides_its_rate_even_with_enough_answers(tmp_path: Path) -> None:
    db = tmp_path / "stats.db"
    fill(db, [(True, i < 2, None) for i in range(12)])  # 2 of 12 would join again: the 2 are hidden
    learned = StatsStore(db).summary("sample").learning["sample"]  # type: ignore[union-attr]
    assert learned.answered == 12 and learned.joined_after is None
    assert learned.joined_before is not None and learned.joined_before.part == 12


def test_the_stats_command_and_its_csv_show_the_rates(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    db, out = tmp_path / "stats.db", tmp_path / "out.csv"
    fill(db, [(True, i % 2 == 0, i < 5) for i in range(10)])
    assert cli_main(["stats", "--db", str(db), "--csv", str(out), "--level-file", "levels/sample.yaml"]) == 0
    printed = capsys.readouterr().out
    assert "would join again        5 of 10 = 50% (95% CI 24–76%)" in printed
    rows = list(csv.reader(out.open(encoding="utf-8")))
    assert ["joined_after", "sample", "share", "", "0.5000"] in rows
    assert ["joined_after", "sample", "ci_low", "", "0.2366"] in rows
    assert ["guess_chance", "sample", "", "5", "0.2000"] in rows


# -- the schema: additive, old files upgraded ---------------------------------------------------------
def old_file(path: Path, version: int = 2) -> None:
    """A database exactly as an earlier game left it: the first ``version`` migrations, some sessions."""
    conn = sqlite3.connect(path, isolation_level=None)
    for step in schema.MIGRATIONS[:version]:
        for statement in step:
            statement(conn) if callable(statement) else conn.execute(statement)
    conn.execute(f"PRAGMA user_version = {version}")
    for i, consent in enumerate(["accept", "decline", None]):
        conn.execute(
            "INSERT INTO sessions (level, persona, language, variant, final_score, grade, goal_reached, completed, "
            "duration_s, hour, uid) VALUES ('sample', 'mei', 'fr', 'standard', 600, 'B', 1, 1, 60, '2026-03-14T15', ?)",
            (f"old-{i}",),
        )
        if consent:
            conn.execute("INSERT INTO choices VALUES (?, 1, 'consent', ?)", (i + 1, consent))
        conn.execute("INSERT INTO choices VALUES (?, 2, 'w1_shop', 'cheap')", (i + 1,))
    conn.close()


@pytest.mark.parametrize("version", [2, 3])  # from before session seeds, and from just before these answers
def test_an_old_file_is_migrated_its_consent_read_from_its_choices(tmp_path: Path, version: int) -> None:
    db = tmp_path / "stats.db"
    old_file(db, version)
    store = StatsStore(db)
    assert store.active_path == db  # upgraded in place, not moved aside
    store.record(build_record(joined=True, join_again=False, guess_matched=True))
    store.close()
    with sqlite3.connect(db) as conn:
        assert schema.user_version(conn) == schema.VERSION == 4
        rows = conn.execute("SELECT joined, join_again, guess_matched FROM sessions ORDER BY id").fetchall()
    assert rows == [(1, None, None), (0, None, None), (None, None, None), (1, 0, 1)]


def test_an_old_file_is_read_unchanged_and_merged_as_its_migration_would(tmp_path: Path) -> None:
    db = tmp_path / "old.db"
    old_file(db)
    assert cli_main(["stats", "--db", str(db)]) == 0  # the command only reads: no migration
    with sqlite3.connect(db) as conn:
        assert schema.user_version(conn) == 2
        assert [r.joined for r in read_records(conn)] == [True, False, None]
    merged = tmp_path / "all.db"
    assert merge([db], merged) == 3
    with sqlite3.connect(merged) as conn:
        assert [r.joined for r in read_records(conn)] == [True, False, None]
        assert summary(conn, "sample").learning["sample"].answered == 0


def test_a_corrupt_file_is_still_moved_aside(tmp_path: Path) -> None:
    db = tmp_path / "stats.db"
    db.write_bytes(b"not a database at all" * 100)
    store = StatsStore(db)
    assert store.record(build_record(joined=False, join_again=True)) is not None
    store.close()
    assert (tmp_path / "stats.db.corrupt-1").exists()
    with sqlite3.connect(db) as conn:
        assert conn.execute("SELECT joined, join_again FROM sessions").fetchall() == [(0, 1)]


def test_the_record_refuses_anything_but_yes_no_or_unknown() -> None:
    with pytest.raises(ValueError):
        build_record(join_again="yes")
    with pytest.raises(ValueError):
        build_record(guess_matched=1)
