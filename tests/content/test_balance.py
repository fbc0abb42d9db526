"""The shipped levels teach what they claim: honesty costs, conformity pays, months read in time.

Seeded bot runs, so each figure is the same on every run; each assertion is one of the
content's promises (issue: the content).
"""

from __future__ import annotations

import statistics

import pytest

from game.content.load import load_level
from game.core.simulate import simulate
from game.paths import LEVELS_DIR
from tests.langs import LANGS

SHIPPED = [LEVELS_DIR / "kiosk.yaml", LEVELS_DIR / "workshop.yaml"]
RUNS = 1200


@pytest.fixture(scope="module", params=SHIPPED, ids=lambda p: p.stem)
def level(request: pytest.FixtureRequest):  # type: ignore[no-untyped-def]
    return load_level(request.param)


def goal_rates(level, policy: str) -> dict[str, float]:  # type: ignore[no-untyped-def]
    report = simulate(level, RUNS, seed=3, policy=policy, decline_rate=0.0)
    return {pid: p.goals / p.runs for pid, p in report.personas.items()}


def test_honest_or_kind_never_reaches_the_goal(level) -> None:  # type: ignore[no-untyped-def]
    for policy in ("tag:honest", "tag:kind"):
        assert max(goal_rates(level, policy).values()) == 0.0, policy


def test_conforming_reaches_every_goal_more_often_than_chance(level) -> None:  # type: ignore[no-untyped-def]
    conform, chance = goal_rates(level, "tag:conform"), goal_rates(level, "random")
    for persona in conform:
        assert conform[persona] > 0.1
        assert conform[persona] > chance[persona]


def test_random_play_spreads_over_grades_b_c_and_d(level) -> None:  # type: ignore[no-untyped-def]
    report = simulate(level, RUNS, seed=4)
    grades = {g for p in report.personas.values() for g, n in p.grades.items() if n}
    assert {"B", "C", "D"} <= grades


def test_every_scene_and_ending_is_reached_by_some_policy(level) -> None:  # type: ignore[no-untyped-def]
    scenes: set[str] | None = None
    endings: set[str] | None = None
    for policy in ("random", "tag:conform", "tag:honest", "tag:kind"):
        report = simulate(level, RUNS, seed=5, policy=policy, decline_rate=0.05)
        scenes = set(report.unreached_scenes) if scenes is None else scenes & set(report.unreached_scenes)
        endings = set(report.unreached_endings) if endings is None else endings & set(report.unreached_endings)
    assert scenes == set()
    assert endings == set()


@pytest.mark.parametrize("lang", LANGS)
def test_the_kiosk_month_reads_in_eight_to_ten_minutes(lang: str) -> None:
    report = simulate(load_level(LEVELS_DIR / "kiosk.yaml"), RUNS, seed=6, lang=lang)
    minutes = statistics.median(report.words) / 200
    assert 8.0 <= minutes <= 10.0, minutes


@pytest.mark.parametrize("lang", LANGS)
def test_the_workshop_month_reads_longer(lang: str) -> None:
    kiosk = statistics.median(simulate(load_level(LEVELS_DIR / "kiosk.yaml"), 600, seed=7, lang=lang).words)
    workshop = statistics.median(simulate(load_level(LEVELS_DIR / "workshop.yaml"), 600, seed=7, lang=lang).words)
    assert workshop > 1.6 * kiosk
