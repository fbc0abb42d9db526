"""The rules of a level, indexed for speed: scoring, conditions, doors, grades.

Everything here is a pure function of the level and a state; nothing changes state.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from game.content.models import Condition, Door, Level, Option, Scene, Tier

if TYPE_CHECKING:
    from game.core.state import SessionState


@dataclass(frozen=True)
class DoorResult:
    outcome: str
    amount: int
    tier: Tier
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
        for scene in [*level.side_scenes, *level.consent.declined_scenes]:
            scenes[scene.id] = scene
        self.scenes = scenes
        self.options: dict[tuple[str, str], Option] = {(s.id, o.id): o for s in scenes.values() for o in s.options}
        self.doors: dict[str, Door] = {d.id: d for d in level.doors}
        self.contacts = {c.id: c for c in level.contacts}
        self.personas = {p.id: p for p in level.personas}
        self.rules = {r.id: r for r in level.rules}

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
        """What a door does for this published score, these flags and this much money."""
        door = self.doors[door_id]
        if "declined" in flags and door.declined is not None:
            tier, reason = door.declined, "declined"
        elif "blacklisted" in flags and door.blacklisted is not None:
            tier, reason = door.blacklisted, "blacklisted"
        else:
            tier = next((t for t in door.tiers if score >= t.min), door.tiers[-1])
            reason = "score"
        if tier.outcome != "refuse" and tier.amount > money:
            return DoorResult("refuse", tier.amount, tier, "money")
        return DoorResult(tier.outcome, tier.amount, tier, reason)


def holds(cond: Condition | None, state: SessionState) -> bool:
    """Whether every test in ``cond`` holds for ``state`` (no condition always holds)."""
    if cond is None:
        return True
    if cond.persona is not None and state.persona not in cond.persona:
        return False
    if cond.flags is not None and not all(f in state.flags for f in cond.flags):
        return False
    if cond.not_flags is not None and any(f in state.flags for f in cond.not_flags):
        return False
    if cond.score_below is not None and not state.published < cond.score_below:
        return False
    if cond.score_at_least is not None and not state.published >= cond.score_at_least:
        return False
    if cond.money_at_least is not None and not state.money >= cond.money_at_least:
        return False
    if cond.money_below is not None and not state.money < cond.money_below:
        return False
    if cond.friends is not None and not all(state.is_friend(c) for c in cond.friends):
        return False
    if cond.not_friends is not None and any(state.is_friend(c) for c in cond.not_friends):
        return False
    if cond.contacts is not None and not all(c in state.contacts for c in cond.contacts):
        return False
    if cond.not_contacts is not None and any(c in state.contacts for c in cond.not_contacts):
        return False
    return cond.week_at_least is None or state.week + 1 >= cond.week_at_least


_INDEXES: dict[int, LevelIndex] = {}


def index_of(level: Level) -> LevelIndex:
    """The (cached) index of a level; built once, reused by every session and replay."""
    found = _INDEXES.get(id(level))
    if found is None or found.level is not level:
        if len(_INDEXES) > 32:
            _INDEXES.clear()
        found = _INDEXES[id(level)] = LevelIndex(level)
    return found
