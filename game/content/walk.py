"""Walking a level: every value with its YAML path, every scene wherever it is written."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from pydantic import BaseModel

from game.content.models import Level, Scene
from game.content.yamlsafe import Path_


def walk(value: Any, path: Path_ = ()) -> Iterator[tuple[Path_, Any]]:
    """Every model, list item and dict value in a level, with its YAML path."""
    yield path, value
    if isinstance(value, BaseModel):
        for name in type(value).model_fields:
            child = getattr(value, name)
            if child is not None and name in value.model_fields_set:
                yield from walk(child, (*path, name))
    elif isinstance(value, list):
        for index, child in enumerate(value):
            yield from walk(child, (*path, index))
    elif isinstance(value, dict):
        for key, child in value.items():
            yield from walk(child, (*path, key))


def is_text(value: Any) -> bool:
    return (
        isinstance(value, dict)
        and bool(value)
        and all(isinstance(k, str) and len(k) == 2 for k in value)
        and all(isinstance(v, str) for v in value.values())
    )


def all_scenes(level: Level) -> Iterator[tuple[Path_, Scene]]:
    for w, week in enumerate(level.weeks):
        for s, scene in enumerate(week.scenes):
            yield ("weeks", w, "scenes", s), scene
    for s, scene in enumerate(level.side_scenes):
        yield ("side_scenes", s), scene
    for s, scene in enumerate(level.consent.declined_scenes):
        yield ("consent", "declined_scenes", s), scene
    for w, week in enumerate(level.consent.declined_weeks):
        for s, scene in enumerate(week.scenes):
            yield ("consent", "declined_weeks", w, "scenes", s), scene


__all__ = ["all_scenes", "is_text", "walk"]
