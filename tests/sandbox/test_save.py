"""Saving writes a new, valid level beside the shipped one, and never overwrites a level."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from game.content.load import load_level
from game.paths import LEVELS_DIR
from game.sandbox import save
from game.sandbox.rules import Rules
from game.sandbox.save import SaveRefused, save_rules, write_level
from tests.sandbox.conftest import level

TITLE = {"fr": "Bac à sable", "en": "Sandbox", "de": "Sandbox"}


def folder_with(tmp_path: Path, name: str) -> Path:
    shutil.copy(LEVELS_DIR / f"{name}.yaml", tmp_path / f"{name}.yaml")
    return tmp_path


def test_a_saved_rule_set_reads_back_as_a_valid_level_with_it(tmp_path: Path) -> None:
    lv = level("workshop")
    rules = Rules.shipped(lv, "conduct").with_weight("connections", 55).with_threshold(lv, "bike", 0, 640)
    rules = rules.with_category("personal", False)
    folder = folder_with(tmp_path, "workshop")
    saved = save_rules(lv, rules, folder, stem="workshop", title=TITLE, rule_name=TITLE)
    assert saved.path == folder / "workshop-sandbox.yaml"
    back = load_level(saved.path)  # validated like any level
    assert back.id == "workshop_sandbox" and saved.level_id == back.id
    assert [r.id for r in back.rules] == ["standard", "conduct", "solvency", "sandbox"]
    assert back.rules[-1].weights == {**dict(rules.weights)}
    assert back.rules[-1].weights["connections"] == 55
    assert back.doors[0].tiers[0].min == 640
    assert all(d.category != "personal" for p in back.personas for d in p.data)
    assert back.weeks == lv.weeks and back.contacts == lv.contacts  # the rest as shipped
    text = saved.path.read_text(encoding="utf-8")
    assert text.startswith("# A copy of the level 'workshop'") and "door thresholds changed: bike" in text
    assert (folder / "workshop.yaml").read_text(encoding="utf-8") == (LEVELS_DIR / "workshop.yaml").read_text(
        encoding="utf-8"
    )


def test_saving_again_makes_another_file(tmp_path: Path) -> None:
    lv = level("sample")
    folder = folder_with(tmp_path, "sample")
    first = save_rules(lv, Rules.shipped(lv), folder, stem="sample", title=TITLE, rule_name=TITLE)
    second = save_rules(lv, Rules.shipped(lv).with_friends(False), folder, stem="sample", title=TITLE, rule_name=TITLE)
    assert (first.path.name, second.path.name) == ("sample-sandbox.yaml", "sample-sandbox-2.yaml")
    assert load_level(second.path).id == "sample_sandbox_2"
    assert {c.closeness for c in load_level(second.path).contacts} == {0.0}
    assert sorted(p.name for p in folder.iterdir()) == ["sample-sandbox-2.yaml", "sample-sandbox.yaml", "sample.yaml"]


def test_a_shipped_level_is_never_overwritten(tmp_path: Path) -> None:
    lv = level("sample")
    target = folder_with(tmp_path, "sample") / "sample.yaml"
    before = target.read_bytes()
    with pytest.raises(SaveRefused, match="never overwrites"):
        write_level(lv, target, ["header"])
    assert target.read_bytes() == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["sample.yaml"]


def test_a_copy_that_does_not_validate_keeps_nothing_and_says_why(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    lv = level("sample")
    monkeypatch.setattr(save, "level_yaml", lambda copy, header: "format: 1\nid: Not An Id\n")
    with pytest.raises(SaveRefused) as refused:
        save_rules(lv, Rules.shipped(lv), tmp_path, stem="sample", title=TITLE, rule_name=TITLE)
    assert any("sample-sandbox.yaml" in p for p in refused.value.problems)
    assert list(tmp_path.iterdir()) == []
