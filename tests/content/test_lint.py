"""Whole-level checks (game.content.lint) on the minimal level with one thing changed."""

from __future__ import annotations

import copy
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
import yaml

from game.content.lint import RESERVED_FLAGS, lint_level
from game.content.load import load_level, validate_document
from game.content.models import Level
from game.content.walk import all_scenes, is_text, walk
from game.content.yamlsafe import Document, parse_yaml
from game.paths import LEVELS_DIR

MINIMAL = Path(__file__).parent / "minimal.yaml"
BASE: dict[str, Any] = yaml.safe_load(MINIMAL.read_text(encoding="utf-8"))


def lint(change: Callable[[dict[str, Any]], None] | None = None) -> list[str]:
    data = copy.deepcopy(BASE)
    if change:
        change(data)
    level = Level.model_validate(data)
    return [f"{p.field}: {p.message}" for p in lint_level(level, Document("x.yaml", data, {}))]


def scene0(data: dict[str, Any]) -> dict[str, Any]:
    return data["weeks"][0]["scenes"][0]


def test_the_minimal_level_is_clean() -> None:
    assert lint() == []


@pytest.mark.parametrize("path", sorted(LEVELS_DIR.glob("*.yaml")), ids=lambda p: p.name)
def test_every_level_is_lint_clean(path: Path) -> None:
    doc = parse_yaml(path.read_text(encoding="utf-8"), str(path))
    assert lint_level(validate_document(doc, Level), doc) == []


def test_reserved_flags_need_no_effect() -> None:
    assert {"blacklisted", "declined"} == RESERVED_FLAGS

    def change(data: dict[str, Any]) -> None:
        scene0(data)["options"][1]["when"] = {"flags": ["blacklisted"], "not_flags": ["declined"]}

    assert lint(change) == []


def test_a_flag_only_ever_cleared_is_never_set() -> None:
    def change(data: dict[str, Any]) -> None:
        scene0(data)["options"][1]["effects"].append({"flag": "vip", "value": False})
        data["side_scenes"][0]["options"][0]["when"] = {"flags": ["vip"]}

    assert lint(change) == [
        "side_scenes[0].options[0].when.flags[0]: flag 'vip' is never set by any effect, so this never holds"
    ]


def test_a_flag_set_anywhere_satisfies_conditions() -> None:
    def change(data: dict[str, Any]) -> None:
        data["consent"]["declined_scenes"][0]["options"][0]["effects"] = [{"flag": "vip", "delay_weeks": 1}]
        scene0(data)["when"] = {"flags": ["vip"]}

    assert lint(change) == []


@pytest.mark.parametrize(
    ("change", "expected"),
    [
        (lambda d: d["contacts"][0].update(doors=["taxi"]), "contacts[0].doors[0]: unknown door 'taxi'"),
        (lambda d: d["personas"][0].update(contacts=["zoe"]), "personas[0].contacts[0]: unknown contact 'zoe'"),
        (
            lambda d: d["personas"][0]["goal"]["when"].update(friends=["zoe"]),
            "personas[0].goal.when.friends[0]: unknown contact 'zoe'",
        ),
        (
            lambda d: scene0(d)["options"][0].update(when={"not_friends": ["zoe"]}),
            "weeks[0].scenes[0].options[0].when.not_friends[0]: unknown contact 'zoe'",
        ),
        (
            lambda d: scene0(d)["options"][1]["effects"].append({"contact": "zoe", "delta": 5}),
            "weeks[0].scenes[0].options[1].effects[1].contact: unknown contact 'zoe'",
        ),
        (
            lambda d: d["personas"][0]["data"][0].update(category="looks"),
            "personas[0].data[0].category: unknown category 'looks'",
        ),
        (lambda d: d.update(recompute={"drift": {"looks": 1}}), "recompute.drift.looks: unknown category 'looks'"),
        (lambda d: d.update(connections={"category": "looks"}), "connections.category: unknown category 'looks'"),
        (lambda d: d["start"].pop("credit"), "start: missing category 'credit'"),
        (
            lambda d: d["bands"][1].update(min=400),
            "bands: the lowest band min (400) must be at most 350 so every score is covered",
        ),
        (
            lambda d: d["publication"][1].update(min_delta=5),
            "publication: min_delta must go from highest to lowest without repeats",
        ),
        (
            lambda d: d["doors"][0]["tiers"][1].update(min=400),
            "doors[0].tiers: the lowest tier must start at 350 or below",
        ),
        (
            lambda d: d.update(rules=[*d["rules"], copy.deepcopy(d["rules"][0])]),
            "rules[1].id: duplicate rule set id 'std'",
        ),
        (
            lambda d: d.update(categories=[*d["categories"], copy.deepcopy(d["categories"][0])]),
            "categories[2].id: duplicate category id 'credit'",
        ),
        (
            lambda d: d["title"].update(de="Minimal"),
            "title.de: language 'de' is not in the level's languages",
        ),
    ],
)
def test_cross_reference_problems(change: Callable[[dict[str, Any]], None], expected: str) -> None:
    assert expected in lint(change)


def test_all_problems_are_reported_sorted_and_once() -> None:
    def change(data: dict[str, Any]) -> None:
        scene0(data)["speaker"] = "ghost"
        scene0(data)["options"][0]["door"] = "taxi"
        data["title"] = {"en": "Only English"}
        data["rules"][0]["weights"] = {"credit": 0, "connections": 0}

    data = copy.deepcopy(BASE)
    change(data)
    problems = lint_level(Level.model_validate(data), Document("x.yaml", data, {}))
    assert len(problems) == 4
    assert problems == sorted(set(problems))


def test_problems_carry_the_yaml_position() -> None:
    text = MINIMAL.read_text(encoding="utf-8").replace("        speaker: mei\n", "        speaker: ghost\n")
    doc = parse_yaml(text, "pos.yaml")
    (problem,) = lint_level(validate_document(doc, Level), doc)
    line = text.splitlines().index("        speaker: ghost") + 1
    assert (problem.line, problem.col) == (line, 9)


def test_walk_visits_only_what_the_author_wrote() -> None:
    level = load_level(MINIMAL)
    paths = {path for path, _ in walk(level)}
    assert ("weeks", 0, "scenes", 0, "options", 1, "effects", 0, "delta") in paths
    assert ("score",) not in paths  # a default, not written in the file
    assert ("connections",) not in paths


def test_all_scenes_covers_weeks_side_and_declined() -> None:
    level = load_level(MINIMAL)
    assert [s.id for _, s in all_scenes(level)] == ["bike", "note", "no_halo"]


def test_is_text() -> None:
    assert is_text({"en": "a", "fr": "b"})
    assert not is_text({})
    assert not is_text({"credit": "x"})
    assert not is_text({"en": 3})
    assert not is_text("en")
