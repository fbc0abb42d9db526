"""What the sandbox screen works on: the months it can replay, ready for any rules.

Two sets of months, on one cache of modified levels:

* **the class**: the level's recorded months (:class:`~game.sandbox.classroom.ClassSandbox`,
  k ≥ 5 figures), when the statistics are on;
* **your choices, every life**: the month of this visit, and the same choices lived by
  every other persona under the same rules (as the debrief's "what if" replays them), so
  the sandbox answers even on a machine with no statistics. None of it is a class figure.
"""

from __future__ import annotations

from dataclasses import dataclass, replace

from game.content.models import Level
from game.sandbox.classroom import ClassFigures, ClassSandbox
from game.sandbox.config import SandboxConfig
from game.sandbox.level import ModifiedLevels
from game.sandbox.replay import Change, Figures, Month, Sandbox
from game.sandbox.rules import Preset, Rules, presets
from game.stats.months import ClassMonths


@dataclass(frozen=True)
class Answer:
    """Everything the screen shows for one set of rules."""

    lives: Figures | None  # the visit's choices lived by every persona
    visit: Change | None  # the visit's own month
    klass: ClassFigures | None  # the class, k ≥ 5 applied (None: no statistics)


class Workbench:
    def __init__(self, level: Level, config: SandboxConfig, visit: Month | None, found: ClassMonths | None) -> None:
        self.level = level
        self.config = config
        self.visit = visit
        self.found = found
        self.levels = ModifiedLevels(level)
        self.lives = (
            Sandbox(level, [replace(visit, persona=p.id) for p in level.personas], levels=self.levels)
            if visit is not None
            else None
        )
        self.klass = ClassSandbox(level, found, self.levels) if found is not None else None
        self.start = Rules.shipped(level, visit.variant if visit is not None else None)
        self.presets: list[Preset] = presets(level, config)

    def answer(self, rules: Rules) -> Answer:
        lives = self.lives.figures(rules) if self.lives is not None else None
        visit = None
        if lives is not None and self.visit is not None:
            visit = next((c for c in lives.changes if c.month.persona == self.visit.persona), None)
        klass = self.klass.figures(rules)[1] if self.klass is not None else None
        return Answer(lives, visit, klass)

    def base_name(self, rules: Rules) -> str | None:
        """The level's rule set these rules start from (the nearest by weights)."""
        weights = dict(rules.weights)

        def distance(rule_id: str) -> float:
            shipped = dict(Rules.shipped(self.level, rule_id).weights)
            return sum(abs(shipped[c] - weights.get(c, 0.0)) for c in shipped)

        ids = [r.id for r in self.level.rules]
        return min(ids, key=lambda r: (distance(r), ids.index(r))) if ids else None
