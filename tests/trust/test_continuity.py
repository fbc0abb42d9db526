"""The linter warns about continuity slips the level can express, and the shipped levels have none."""

from __future__ import annotations

from pathlib import Path

import pytest

from game.content.continuity import continuity_warnings
from game.content.load import check_report, load_level
from game.content.yamlsafe import read_yaml
from game.core.session import Session
from game.paths import LEVELS_DIR

SAMPLE = LEVELS_DIR / "sample.yaml"


def warnings_for(tmp_path: Path, edit: str, into: str) -> list[str]:
    text = SAMPLE.read_text(encoding="utf-8")
    assert edit in text
    path = tmp_path / "level.yaml"
    path.write_text(text.replace(edit, into, 1), encoding="utf-8")
    return [str(w) for w in continuity_warnings(load_level(path), read_yaml(path))]


def test_a_clock_running_backwards_within_a_day_is_warned_with_its_line(tmp_path: Path) -> None:
    found = warnings_for(
        tmp_path,
        '        title: {fr: "Le soir", en: "The evening"',
        '        time: "07:00"\n        title: {fr: "Le soir", en: "The evening"',
    )
    assert len(found) == 1 and "runs backwards" in found[0] and ":" in found[0].split("level.yaml:")[1]
    later = warnings_for(
        tmp_path,
        '        title: {fr: "Le soir", en: "The evening"',
        '        time: "07:00"\n        day: 2\n        title: {fr: "Le soir", en: "The evening"',
    )
    assert later == []


def test_befriending_someone_who_may_already_be_a_friend_is_warned(tmp_path: Path) -> None:
    found = warnings_for(
        tmp_path, "effects: [{category: connections, delta: 3}]", "effects: [{contact: mei, relation: friend}]"
    )
    assert any("may already be a friend" in w for w in found)


@pytest.mark.parametrize("path", sorted(LEVELS_DIR.glob("*.yaml")), ids=lambda p: p.stem)
def test_the_shipped_levels_have_no_continuity_warning(path: Path) -> None:
    errors, warnings = check_report([path])
    assert errors == [] and [str(w) for w in warnings] == []


def test_someone_suggested_by_halo_is_not_already_a_contact() -> None:
    level = load_level(LEVELS_DIR / "kiosk.yaml")
    for persona in level.personas:
        session = Session(level, persona.id, 1)
        assert "victor" not in session.state.contacts
    scene = next(s for w in level.weeks for s in w.scenes if s.id == "old_classmate")
    assert scene.when is not None and scene.when.not_contacts == ["victor"]


def test_a_new_friend_joins_the_contacts() -> None:
    level = load_level(LEVELS_DIR / "kiosk.yaml")
    for seed in range(40):
        session = Session(level, "student", seed)
        session.choose("accept")
        while not session.over:
            if session.scene_id == "old_classmate":
                session.choose("add_victor")
                assert session.state.contacts["victor"].relation == "friend"
                return
            session.choose(session.option_ids()[0])
    pytest.fail("old_classmate was never drawn")
