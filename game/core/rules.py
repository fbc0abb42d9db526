"""The rules of a level, indexed for speed: scoring, conditions, doors, grades.

Everything here is a pure function of the level and a state; nothing changes state.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cached_property
from typing import TYPE_CHECKING

from game.content.models import Condition, Door, Effect, Level, Option, Scene, Tier
from game.core import plan
from game.core.words import WordCounter
from game.kinds.base import Because

if TYPE_CHECKING:
    from game.core.state import SessionState


@dataclass(frozen=True, slots=True)
class DoorResult:
    outcome: str
    amount: int
    tier: Tier
    key: str  # which tier: its index, or the flag that chose it
    reason: str


def clamp(value: float, lo: float, hi: float) -> float:
    """``min(hi, max(lo, value))``, the very same value (even for -0.0 or NaN) at a third of
    the builtins' cost: a month clamps a few hundred times."""
    value = value if value > lo else lo
    return value if value < hi else hi


CONSENT = "consent"
ACCEPT = "accept"
DECLINE = "decline"


class LevelIndex:
    """Lookups built once per level: scenes, options, doors and weights by id."""

    def __init__(self, level: Level) -> None:
        self.level = level
        self.lo = level.score.min
        self.span = level.score.max - level.score.min
        self.lo_f, self.hi_f = float(level.score.min), float(level.score.max)  # a contact's score stays within
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
        # Each rule set's weights in category order and their total, and what a sub-score
        # point is worth: asked at every publication and every change, so worked out once
        # (the same sums in the same order: the same floats).
        self._weighted: dict[str, tuple[list[tuple[str, float]], float]] = {}
        self._per_point: dict[str, dict[str, float]] = {}
        for rules in level.rules:
            weights = rules.weights
            total = sum(weights.values())
            self._weighted[rules.id] = ([(c, weights.get(c, 0.0)) for c in self.categories], total)
            self._per_point[rules.id] = {c: self.span * weights.get(c, 0.0) / total / 100.0 for c in self.categories}
        self.recompute_because = Because("recompute", why=level.recompute.why or None)
        self._because: dict[tuple[str, str, str, int], Because] = {}
        self._persona_because: dict[str, list[Because]] = {}
        # what every step of a month asks of the scenes, worked out once (game.core.plan)
        self.scene_plans = {sid: plan.scene_plan(scene) for sid, scene in scenes.items()}
        self.option_plans = {(s.id, o.id): plan.option_plan(s, o, self) for s in scenes.values() for o in s.options}
        self.week_draws = plan.week_draws(level.weeks)
        self.declined_draws = plan.week_draws(level.consent.weeks_without())
        # each contact's weekly move: (drift, lowest noise, noise width), as random.uniform draws it
        self.contact_moves = {c.id: (c.drift, -c.noise, c.noise - -c.noise) for c in level.contacts}
        self.closeness = {c.id: c.closeness for c in level.contacts}
        # who drops you at a publication: (if you are blacklisted, below which published score)
        self.droppers = {
            c.id: (c.drops_you_if_blacklisted, c.drops_you_below)
            for c in level.contacts
            if c.drops_you_if_blacklisted or c.drops_you_below is not None
        }

    def because(self, scene: str, option: str, group: str, index: int, effect: Effect) -> Because:
        """Why an option's effect (``group[index]`` of the option) changes the month.

        The same for every month, and frozen, so it is made once per effect and shared.
        """
        key = (scene, option, group, index)
        found = self._because.get(key)
        if found is None:
            found = self._because[key] = Because(effect.cause or "choice", scene, option, effect.why or None)
        return found

    def persona_because(self, persona: str) -> list[Because]:
        """Why each of a persona's data points moves its start (made once, shared)."""
        found = self._persona_because.get(persona)
        if found is None:
            found = self._persona_because[persona] = [
                Because("persona", why=point.why or point.label) for point in self.personas[persona].data
            ]
        return found

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
        return dict(self._per_point[variant])

    def raw_score(self, sub: dict[str, float], variant: str) -> float:
        pairs, total = self._weighted[variant]
        mean = sum(weight * sub[c] for c, weight in pairs) / total
        return self.lo + self.span * mean / 100.0

    def score(self, sub: dict[str, float], variant: str) -> int:
        """The score as the app would publish it: rounded and clamped to the level's range."""
        raw = self.raw_score(sub, variant)
        return int(clamp(round(raw), self.lo, self.level.score.max))

    def score_to_sub(self, score: float) -> float:
        return clamp((score - self.lo) * 100.0 / self.span, 0.0, 100.0)

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
