"""The game records one anonymous row per session, finished or abandoned, unless told not to."""

from __future__ import annotations

import random
import sqlite3
from pathlib import Path

from game.kiosk.idle import IdleTimer
from game.screens.transitions import Push
from game.stats import StatsStore
from game.tools.autoplay import play_until
from game.tools.drive import texts
from tests.screens.helpers import FakeClock, make_app, press, tap_at


def use_statistics(app, db: Path) -> None:  # type: ignore[no-untyped-def]
    app.ctx.stats_path, app.ctx._stats = db, None  # opened there on first use


def rows_of(db: Path) -> list[tuple[int, str | None]]:
    with sqlite3.connect(db) as conn:
        return conn.execute("SELECT completed, grade FROM sessions").fetchall()


def finish_a_month(app, seed: int = 1) -> None:  # type: ignore[no-untyped-def]
    play_until(app, lambda s: s.name == "end", random.Random(seed))


def test_a_finished_session_is_recorded_once(tmp_path: Path) -> None:
    db = tmp_path / "stats.db"
    app = make_app(stats=True)
    use_statistics(app, db)
    finish_a_month(app)
    app.ctx.visit.set_guess(["credit_history", "connections"])
    app.reset_to_attract()
    app.reset_to_attract()  # nothing more to record
    summary = StatsStore(db).summary()
    assert summary is not None and summary.sessions in (None, 1)  # 1 is hidden by k >= 5
    rows = rows_of(db)
    assert len(rows) == 1 and rows[0][0] == 1 and rows[0][1] is not None


def test_an_idle_reset_records_an_abandoned_session(tmp_path: Path) -> None:
    db = tmp_path / "stats.db"
    clock = FakeClock(per_read=0.0)
    app = make_app(stats=True, kiosk=True, clock=clock)
    use_statistics(app, db)
    app.idle = IdleTimer(60, 120, 20, clock=clock)
    tap_at(app, 600, 300)
    press(app, f"persona:{app.ctx.level.personas[0].id}")
    press(app, "accept")
    clock.advance(200)
    app.step(events=[])
    clock.advance(30)
    app.step(events=[])
    assert app.screen_names() == ["attract"]
    rows = rows_of(db)
    assert rows == [(0, None)]


def test_no_stats_records_nothing(tmp_path: Path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.setenv("OPEN_SESAME_DATA", str(tmp_path))
    app = make_app(stats=False)
    finish_a_month(app)
    app.reset_to_attract()
    assert app.ctx._stats is None
    assert not (tmp_path / "stats.db").exists()


def test_facilitator_view_shows_the_room_after_five_sessions(tmp_path: Path) -> None:
    db = tmp_path / "stats.db"
    app = make_app(stats=True, lang="en")
    use_statistics(app, db)
    for seed in range(6):
        finish_a_month(app, seed)
        app.reset_to_attract()
    app.apply(Push("facilitator"))
    app.draw()
    text = " ".join(texts(app))
    assert "Sessions: 6" in text
    assert app.ctx.catalog("facilitator.too_few", "en") not in text


def test_a_corrupt_statistics_file_is_moved_aside_and_the_session_still_counts(tmp_path: Path) -> None:
    db = tmp_path / "stats.db"
    db.write_bytes(b"this is not a database" * 100)
    app = make_app(stats=True)
    use_statistics(app, db)
    finish_a_month(app)
    app.reset_to_attract()
    assert any(p.name.startswith("stats.db.corrupt") for p in tmp_path.iterdir())
    assert rows_of(db)[0][0] == 1
