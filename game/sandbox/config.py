"""The sandbox's own data: its presets, its steps, how many class months it replays.

Read from ``assets/sandbox.yaml`` (no numbers in code); the presets' names are in the
catalog (``assets/i18n/sandbox.yaml``).
"""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path
from typing import Annotated, Literal

from pydantic import Field

from game.content.load import validate_document
from game.content.types import Ident, Strict
from game.content.yamlsafe import read_yaml
from game.paths import ASSETS_DIR

CONFIG = ASSETS_DIR / "sandbox.yaml"


class PresetSpec(Strict):
    """A preset changes only what it names (``None``: left as it is)."""

    id: Ident
    personal_data: bool | None = None  # False: no persona's data point counts
    friends_average: bool | None = None  # False: friends' scores no longer move yours
    weights: Literal["equal"] | None = None  # every category weighs the same


class WeightSteps(Strict):
    max: Annotated[int, Field(ge=1, le=1000)] = 100
    step: Annotated[int, Field(ge=1, le=100)] = 5


class ThresholdSteps(Strict):
    small: Annotated[int, Field(ge=1, le=1000)] = 10
    large: Annotated[int, Field(ge=1, le=1000)] = 50


class SandboxConfig(Strict):
    presets: list[PresetSpec] = Field(default_factory=list)
    weights: WeightSteps = WeightSteps()
    thresholds: ThresholdSteps = ThresholdSteps()
    class_months: Annotated[int, Field(ge=1, le=100_000)] = 100
    alike_within: Annotated[float, Field(ge=0, le=100)] = 1.0  # score points: "every life moves alike"


@lru_cache(maxsize=2)
def load_config(path: Path = CONFIG) -> SandboxConfig:
    return validate_document(read_yaml(path), SandboxConfig)
