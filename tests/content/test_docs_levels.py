"""docs/levels.md stays true to the format: its YAML parses and it names every field."""

from __future__ import annotations

import re

import pytest
from pydantic import BaseModel

from game.content import models
from game.content.models import Contact, Door, Scene
from game.content.yamlsafe import parse_yaml
from game.core.ledger import CAUSES
from game.paths import ROOT

GUIDE = (ROOT / "docs" / "levels.md").read_text(encoding="utf-8")
YAML_BLOCKS = re.findall(r"```yaml\n(.*?)```", GUIDE, flags=re.S)
MODELS = [
    m
    for m in vars(models).values()
    if isinstance(m, type) and issubclass(m, BaseModel) and m.__module__ == models.__name__ and m is not models.Strict
]


def test_the_guide_has_yaml_examples() -> None:
    assert len(YAML_BLOCKS) >= 4


@pytest.mark.parametrize("block", YAML_BLOCKS, ids=lambda b: b.split("\n", 1)[0][:30])
def test_every_yaml_example_parses(block: str) -> None:
    assert parse_yaml(block, "docs/levels.md").data


@pytest.mark.parametrize(("key", "model"), [("doors", Door), ("contacts", Contact)])
def test_door_and_contact_examples_fit_the_schema(key: str, model: type[BaseModel]) -> None:
    block = next(b for b in YAML_BLOCKS if b.startswith(f"{key}:"))
    for item in parse_yaml(block).data[key]:
        model.model_validate(item)


def test_the_scene_example_fits_the_schema() -> None:
    block = next(b for b in YAML_BLOCKS if b.startswith("- id: fine"))
    Scene.model_validate(parse_yaml(block).data[0])


@pytest.mark.parametrize("model", MODELS, ids=lambda m: m.__name__)
def test_every_field_is_documented(model: type[BaseModel]) -> None:
    missing = [name for name in model.model_fields if f"`{name}`" not in GUIDE and f"**`{name}`**" not in GUIDE]
    assert not missing, f"{model.__name__}: fields not in docs/levels.md: {missing}"


def test_every_cause_is_documented() -> None:
    for cause in CAUSES:
        assert f"`{cause}`" in GUIDE
