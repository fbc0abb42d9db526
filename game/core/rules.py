"""The rules of a level, indexed for speed: scoring, conditions, doors, grades.

Everything here is a pure function of the level and a state; nothing changes state.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cached_property
from typing import TYPE_CHECKING

from game.content.models import Condition, Door, Level, Option, Scene, Tier
from game.core.words import WordCounter

if TYPE_CHECKING:
    from game.core.state import SessionState


@dataclass(frozen=True)
class DoorResult:
    outcome: str
    amount: int
    tier: Tier
    key: str  # which tier: its index, or the flag that chose it
    reason: str


CONSENT = "consent"
ACCEPT = "accept"
DECLINE = "decline"


class LevelIndex:
    """Lookups built once per level: scenes, options, doors and weights by id."""

    def __init__(self, level: Level) -> None:
        self.level = level
        self.lo = level.score.min
        self.span = level.score.max - level.score.min
        self.categories = [c.id for c in level.categories]
        self.connections = level.connections.category
        scenes: dict[str, Scene] = {}
        for week in level.weeks:
            for scene in week.scenes:
                scenes[scene.id] = scene
        for scene in [*level.side_scenes, *level.consent.scenes_without()]:
            scenes[scene.id] = scene
        self.scenes = scenes
        self.options: dict[tuple[str, str], Option] = {(s.id, o.id): o for s in scenes.values() for o in s.options}
        self.doors: dict[str, Door] = {d.id: d for d in level.doors}
        self.contacts = {c.id: c for c in level.contacts}
        self.personas = {p.id: p for p in level.personas}
        self.rules = {r.id: r for r in level.rules}

    @cached_property
    def words(self) -> WordCounter:
        """The level's texts counted as a reader reads them: built on first use (only the
        simulator asks), kept here so the counts live and die with the level."""
        return WordCounter(self)

    def choice_texts(self, scene_id: str) -> tuple[dict[str, str], list[tuple[str, dict[str, str]]]]:
        """A scene's title and its options' texts, the opening consent included."""
        if scene_id == CONSENT:
            consent = self.level.consent
            return dict(consent.title), [(ACCEPT, dict(consent.accept)), (DECLINE, dict(consent.decline))]
        scene = self.scenes[scene_id]
        return dict(scene.title), [(o.id, dict(o.text)) for o in scene.options]

    def weights(self, variant: str) -> dict[str, float]:
        return dict(self.rules[variant].weights)

    def points_per_subscore(self, variant: str) -> dict[str, float]:
        """How many score points one sub-score point in each category is worth."""
        weights = self.rules[variant].weights
        total = sum(weights.values())
        return {c: self.span * weights.get(c, 0.0) / total / 100.0 for c in self.categories}

    def raw_score(self, sub: dict[str, float], variant: str) -> float:
        weights = self.rules[variant].weights
        total = sum(weights.values())
        mean = sum(weights.get(c, 0.0) * sub[c] for c in self.categories) / total
        return self.lo + self.span * mean / 100.0

    def score(self, sub: dict[str, float], variant: str) -> int:
        """The score as the app would publish it: rounded and clamped to the level's range."""
        raw = self.raw_score(sub, variant)
        return int(min(self.level.score.max, max(self.lo, round(raw))))

    def score_to_sub(self, score: float) -> float:
        return min(100.0, max(0.0, (score - self.lo) * 100.0 / self.span))

    def grade(self, score: int) -> str:
        for grade in self.level.grades:
            if score >= grade.min:
                return grade.id
        return self.level.grades[-1].id

    def band(self, score: int) -> int:
        for index, band in enumerate(self.level.bands):
            if score >= band.min:
                return index
        return len(self.level.bands) - 1

    def message(self, delta: int) -> int:
        for index, message in enumerate(self.level.publication):
            if delta >= message.min_delta:
                return index
        return len(self.level.publication) - 1

    def check_door(self, door_id: str, score: int, flags: set[str], money: int) -> DoorResult:
        """What a door does for this published score, these flags and this much money.

        A flag the door answers to (``declined``, ``blacklisted``, or any the level names)
        decides before the score; the reason says which.
        """
        door = self.doors[door_id]
        flag = next((f for f in door.flags if f in flags), None)
        if flag is not None:
            tier, key, reason = door.flags[flag], flag, flag
        else:
            index = next((i for i, t in enumerate(door.tiers) if score >= t.min), len(door.tiers) - 1)
            tier, key, reason = door.tiers[index], str(index), "score"
        if tier.outcome != "refuse" and tier.amount and tier.amount > money:  # nothing to pay: no money needed
            return DoorResult("refuse", tier.amount, tier, key, "money")
        return DoorResult(tier.outcome, tier.amount, tier, key, reason)

    def tier(self, door_id: str, key: str) -> Tier:
        """A door's tier by the key a :class:`DoorResult` gives (an index, or a flag)."""
        door = self.doors[door_id]
        return door.flags[key] if key in door.flags else door.tiers[int(key)]


def holds(cond: Condition | None, state: SessionState) -> bool:
    """Whether every test in ``cond`` holds for ``state`` (no condition always holds).

    Each test is a registered kind (:mod:`game.kinds.conditions`).
    """
    return cond is None or cond.holds(state)


def index_of(level: Level) -> LevelIndex:
    """The index of a level: built once and kept with the level itself (no global cache)."""
    found = level._index
    if not isinstance(found, LevelIndex):
        found = LevelIndex(level)
        level._index = found
    return found
