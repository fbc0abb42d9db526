"""One serialisable visit: saved with its appeals, guess and answers, it replays to the same debrief."""

from __future__ import annotations

import json
import random
from pathlib import Path

import pytest

from game.cli.replay import run as replay
from game.content.load import load_level
from game.paths import LEVELS_DIR
from game.present import debrief
from game.visit import Visit
from game.visit.saved import save_visit

LEVELS = [load_level(p) for p in sorted(LEVELS_DIR.glob("*.yaml"))]


def lived(level, seed: int, accept: bool = True) -> Visit:  # type: ignore[no-untyped-def]
    visit = Visit.begin(level, level.personas[seed % len(level.personas)].id, seed, lambda: 100.0)
    visit.consent(accept)
    rng = random.Random(seed)
    while not visit.over:
        visit.choose(rng.choice(visit.session.option_ids()))
        visit.settle()
    visit.appeal(level.doors[0].id)
    visit.set_guess([c.id for c in reversed(level.categories)])
    visit.answer_join_again(False)
    return visit


def everything(visit: Visit) -> tuple[object, ...]:
    """All the debrief says, as data."""
    return (
        debrief.steps(visit),
        debrief.rules(visit),
        debrief.fault(visit),
        debrief.others(visit),
        debrief.errors(visit),
        debrief.guess(visit, visit.guess),
        debrief.thresholds(visit),
        visit.appeals,
        visit.guess,
        visit.data.join_again,
    )


@pytest.mark.parametrize("level", LEVELS, ids=lambda lv: lv.id)
@pytest.mark.parametrize("seed,accept", [(1, True), (2, True), (3, False)])
def test_a_saved_visit_gives_the_same_debrief(level, seed: int, accept: bool) -> None:  # type: ignore[no-untyped-def]
    visit = lived(level, seed, accept)
    data = json.loads(json.dumps(visit.to_dict()))
    again = Visit.from_dict(level, data, lambda: 0.0)
    assert everything(again) == everything(visit)
    assert again.to_dict()["state"] == visit.to_dict()["state"]
    assert data["format"] == 1 and data["appeals"] == [level.doors[0].id] and data["join_again"] is False


def test_a_visit_of_another_format_is_refused() -> None:
    visit = lived(LEVELS[0], 1)
    data = visit.to_dict()
    data["format"] = 99
    with pytest.raises(ValueError, match="visit format"):
        Visit.from_dict(LEVELS[0], data, lambda: 0.0)


def test_the_replay_command_replays_a_saved_visit_whole(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    level = next(lv for lv in LEVELS if lv.id == "kiosk")
    visit = lived(level, 4)
    path = save_visit(visit, tmp_path)
    assert path is not None and path.parent == tmp_path and not list(tmp_path.glob(".visit-*"))
    assert replay(["--visit", str(path)]) == 0
    out = capsys.readouterr().out
    assert " -> ".join(str(s) for s in visit.session.state.history) in out
    assert f"appeals: {level.doors[0].id}" in out and "would join again: False" in out


def test_a_file_that_is_not_a_visit_is_a_message(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    bad = tmp_path / "bad.json"
    bad.write_text("{not json", encoding="utf-8")
    assert replay(["--visit", str(bad)]) == 2
    assert "not a saved visit" in capsys.readouterr().err
