"""A short monkey run is part of the suite: random input through every screen, zero exceptions."""

from __future__ import annotations

from game.paths import LEVELS_DIR
from game.tools.monkey import monkey

SAMPLE = LEVELS_DIR / "sample.yaml"


def test_short_monkey_run_raises_nothing_and_visits_the_game() -> None:
    report = monkey(1500, seed=11, level_path=SAMPLE)
    assert report.events == 1500
    assert {"attract", "persona", "scene"} <= report.screens
    assert report.sessions_started >= 1


def test_the_monkey_replays_from_its_seed() -> None:
    first = monkey(300, seed=5, level_path=SAMPLE)
    second = monkey(300, seed=5, level_path=SAMPLE)
    assert (first.screens, first.sessions_started, first.resets) == (
        second.screens,
        second.sessions_started,
        second.resets,
    )
