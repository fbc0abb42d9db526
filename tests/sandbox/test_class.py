"""The class's months from the statistics: replayed exactly or left out, and k ≥ 5 for every figure."""

from __future__ import annotations

import dataclasses
from datetime import datetime
from pathlib import Path

from game.core.session import Session
from game.sandbox.classroom import ClassSandbox, month_of
from game.sandbox.demo import record_class, record_of
from game.sandbox.replay import lived, replay_months
from game.sandbox.rules import Rules
from game.stats.record import SessionRecord
from game.stats.store import StatsStore
from tests.sandbox.conftest import level, sessions

KIOSK = level("kiosk")
_START = datetime(2026, 3, 14, 14, 0)


def of_personas(counts: dict[str, int]) -> list[Session]:
    """Bot months with ``counts`` months of each persona."""
    out: list[Session] = []
    for persona, n in counts.items():
        out += [s for s in sessions("kiosk", 60) if s.state.persona == persona][:n]
    return out


def class_of(tmp_path: Path, months: list[Session], name: str = "s.db") -> ClassSandbox:
    with StatsStore(tmp_path / name) as store:
        record_class(store, KIOSK, months)
        found = store.class_months(KIOSK.id, 200)
    assert found is not None
    return ClassSandbox(KIOSK, found)


def test_class_figures_are_the_engines_replays_of_the_recorded_months(tmp_path: Path) -> None:
    played = of_personas({"office": 6, "student": 7, "rider": 5})
    klass = class_of(tmp_path, played)
    rules = Rules.shipped(KIOSK).with_personal_data(KIOSK, False)
    figures, shown = klass.figures(rules)
    expected = replay_months(KIOSK, [month_of(record_of(KIOSK, s, _START)) for s in played], rules)
    assert figures == expected
    assert shown.months == 18 and shown.left_out == 0
    for row in shown.personas:
        truth = expected.persona(row.persona)
        assert truth is not None and row.months == truth.months
        assert row.goal_before in (truth.goal_before, None) and row.goal_after in (truth.goal_after, None)
        assert row.mean_before == truth.mean_before and row.mean_after == truth.mean_after


def test_four_sessions_are_hidden(tmp_path: Path) -> None:
    shown = class_of(tmp_path, of_personas({"office": 4})).figures(Rules.shipped(KIOSK))[1]
    assert shown.months is None
    assert all(p.months is None and p.mean_after is None and p.goal_after is None for p in shown.personas)


def test_a_persona_of_four_hides_another_so_it_cannot_be_worked_out(tmp_path: Path) -> None:
    shown = class_of(tmp_path, of_personas({"office": 5, "student": 4})).figures(Rules.shipped(KIOSK))[1]
    assert shown.months == 9
    assert {p.persona: p.months for p in shown.personas} == {"office": None, "student": None, "rider": 0}
    both = class_of(tmp_path, of_personas({"office": 5, "student": 5}), "b.db").figures(Rules.shipped(KIOSK))[1]
    assert {p.persona: p.months for p in both.personas} == {"office": 5, "student": 5, "rider": 0}


def test_a_goal_split_of_four_is_hidden_with_its_other_half(tmp_path: Path) -> None:
    shown = class_of(tmp_path, of_personas({"office": 9, "student": 9, "rider": 9})).figures(Rules.shipped(KIOSK))[1]
    for p in shown.personas:
        assert p.months == 9
        for reached in (p.goal_before, p.goal_after):  # 9 = reached + missed: either of 1-4 hides both
            assert reached is None or reached in (0, 9)


def test_a_month_without_its_seed_is_replayed_with_seed_0_only_if_that_gives_it_back(tmp_path: Path) -> None:
    played = of_personas({"office": 6, "student": 6})
    with StatsStore(tmp_path / "s.db") as store:
        record_class(store, KIOSK, played)
        lost = record_of(KIOSK, played[0], _START)
        store.record(_without_seed(lost))  # an old session: its month cannot be drawn again
        found = store.class_months(KIOSK.id, 200)
    assert found is not None
    again = lived(KIOSK, month_of(_without_seed(lost)))
    assert again is None or (again.score, again.goal) != (lost.final_score, lost.goal_reached)
    klass = ClassSandbox(KIOSK, found)
    shown = klass.figures(Rules.shipped(KIOSK))[1]
    assert klass.left_out == 5  # one could not be replayed: four more (the oldest) keep it company
    assert len(klass) == 8
    # 8 months beside the summary's 13: shown only if no figure of the summary is 1-4 away from them
    if shown.months is None:
        assert shown.left_out is None and all(p.months is None for p in shown.personas)
    else:
        assert shown.months == 8 and shown.left_out == 5


def test_a_month_seed_0_gives_back_is_kept_without_its_seed(tmp_path: Path) -> None:
    zero = Session(KIOSK, "student", 0)
    zero.choose("accept")
    while not zero.over:
        zero.choose(zero.option_ids()[0])
    played = of_personas({"office": 6})
    with StatsStore(tmp_path / "s.db") as store:
        record_class(store, KIOSK, played)
        store.record(_without_seed(record_of(KIOSK, zero, _START)))
        found = store.class_months(KIOSK.id, 200)
    assert found is not None
    assert ClassSandbox(KIOSK, found).left_out == 0


def test_only_the_newest_months_are_replayed_and_never_one_to_four_left_out(tmp_path: Path) -> None:
    with StatsStore(tmp_path / "s.db") as store:
        record_class(store, KIOSK, of_personas({"office": 12}))
        found = store.class_months(KIOSK.id, 10)
    assert found is not None and found.completed == 12 and len(found.sessions) == 10
    klass = ClassSandbox(KIOSK, found)
    assert klass.left_out == 5 and len(klass) == 7


def _without_seed(rec: SessionRecord) -> SessionRecord:
    return dataclasses.replace(rec, seed=None)
