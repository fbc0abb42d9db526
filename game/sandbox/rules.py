"""What a facilitator can change in the sandbox, as one plain, hashable value: :class:`Rules`.

The five weights, each door's thresholds, which personal data count (by category, and each
persona's data point one by one), and the connections rule (whether friends' scores move
yours). A :class:`Rules` never refers to anything but ids of the level; :func:`Rules.shipped`
reads one from a level, and the ``with_*`` methods return changed copies, clamped so that
the level they make is always valid (weights not all zero, tiers still descending).
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from typing import TYPE_CHECKING

from game.content.models import Level
from game.sandbox.config import PresetSpec, SandboxConfig

if TYPE_CHECKING:
    from collections.abc import Iterable

WEIGHT_MAX = 1000.0  # the level format's own bound (game.content.models.RuleSet)


@dataclass(frozen=True)
class Rules:
    """The rules the sandbox judges months by."""

    weights: tuple[tuple[str, float], ...]  # (category, weight), in the level's order
    thresholds: tuple[tuple[str, tuple[int, ...]], ...]  # (door, every tier's min, highest first)
    data_off: frozenset[str] = frozenset()  # categories whose personal data count for nothing
    points_off: frozenset[tuple[str, int]] = frozenset()  # (persona, index in its data) that count for nothing
    friends_average: bool = True  # False: friends' scores no longer move the connections sub-score

    @classmethod
    def shipped(cls, level: Level, rule_set: str | None = None) -> Rules:
        """The level as shipped, judged by ``rule_set`` (its first by default)."""
        found = next((r for r in level.rules if r.id == rule_set), level.rules[0])
        return cls(
            weights=tuple((c.id, float(found.weights.get(c.id, 0.0))) for c in level.categories),
            thresholds=tuple((d.id, tuple(t.min for t in d.tiers)) for d in level.doors),
        )

    # -- reading ---------------------------------------------------------------------------------
    def weight(self, category: str) -> float:
        return dict(self.weights).get(category, 0.0)

    def tiers(self, door: str) -> tuple[int, ...]:
        return dict(self.thresholds).get(door, ())

    def counts(self, persona: str, index: int, category: str) -> bool:
        """Whether the ``index``-th data point of ``persona`` (about ``category``) counts."""
        return category not in self.data_off and (persona, index) not in self.points_off

    def data_counts(self) -> bool:
        """Whether any personal data can count at all (some category is on)."""
        return not self.data_off

    # -- changing ---------------------------------------------------------------------------------
    def with_weight(self, category: str, value: float) -> Rules:
        """``category`` weighs ``value`` (clamped to 0..1000; the weights never all zero)."""
        value = min(WEIGHT_MAX, max(0.0, float(value)))
        others = sum(w for c, w in self.weights if c != category)
        if others <= 0:
            value = max(value, 1.0)
        return replace(self, weights=tuple((c, value if c == category else w) for c, w in self.weights))

    def with_weights(self, weights: dict[str, float]) -> Rules:
        changed = tuple((c, min(WEIGHT_MAX, max(0.0, float(weights.get(c, w))))) for c, w in self.weights)
        if sum(w for _, w in changed) <= 0:
            return self
        return replace(self, weights=changed)

    def threshold_bounds(self, level: Level, door: str, tier: int) -> tuple[int, int] | None:
        """How low and how high tier ``tier`` of ``door`` may go; None if it cannot move.

        The lowest tier covers every score and stays; the others stay in order, without
        repeats, within the level's score range.
        """
        mins = self.tiers(door)
        if not 0 <= tier < len(mins) - 1:
            return None
        low = mins[tier + 1] + 1
        high = level.score.max if tier == 0 else mins[tier - 1] - 1
        return (low, high) if low <= high else None

    def with_threshold(self, level: Level, door: str, tier: int, value: int) -> Rules:
        """Tier ``tier`` of ``door`` opens from ``value`` (clamped between its neighbours)."""
        bounds = self.threshold_bounds(level, door, tier)
        if bounds is None:
            return self
        value = min(bounds[1], max(bounds[0], int(value)))
        return replace(
            self,
            thresholds=tuple(
                (d, tuple(value if i == tier else m for i, m in enumerate(mins)) if d == door else mins)
                for d, mins in self.thresholds
            ),
        )

    def with_category(self, category: str, counts: bool) -> Rules:
        """Whether personal data about ``category`` count."""
        off = self.data_off - {category} if counts else self.data_off | {category}
        return replace(self, data_off=frozenset(off))

    def with_point(self, persona: str, index: int, counts: bool) -> Rules:
        """Whether one data point counts (its category must count too)."""
        key = (persona, index)
        off = self.points_off - {key} if counts else self.points_off | {key}
        return replace(self, points_off=frozenset(off))

    def with_personal_data(self, level: Level, counts: bool) -> Rules:
        """Every persona's data count (as shipped), or none of them does."""
        if counts:
            return replace(self, data_off=frozenset(), points_off=frozenset())
        return replace(self, data_off=frozenset(c.id for c in level.categories), points_off=frozenset())

    def with_friends(self, average: bool) -> Rules:
        return replace(self, friends_average=average)

    # -- comparing ---------------------------------------------------------------------------------
    def changed_from(self, other: Rules) -> set[str]:
        """Which parts differ from ``other``: weights, thresholds, data, friends."""
        parts = set()
        if self.weights != other.weights:
            parts.add("weights")
        if self.thresholds != other.thresholds:
            parts.add("thresholds")
        if (self.data_off, self.points_off) != (other.data_off, other.points_off):
            parts.add("data")
        if self.friends_average != other.friends_average:
            parts.add("friends")
        return parts

    def doors_changed(self, other: Rules) -> list[str]:
        theirs = dict(other.thresholds)
        return [d for d, mins in self.thresholds if theirs.get(d) != mins]


@dataclass(frozen=True)
class Preset:
    """A button of the sandbox: a level's rule set, or a change the data file names."""

    id: str
    rule_set: str | None = None  # the level as shipped, judged by this rule set
    spec: PresetSpec | None = None

    def apply(self, level: Level, rules: Rules) -> Rules:
        if self.rule_set is not None:
            return Rules.shipped(level, self.rule_set)
        spec = self.spec
        assert spec is not None
        if spec.personal_data is not None:
            rules = rules.with_personal_data(level, spec.personal_data)
        if spec.friends_average is not None:
            rules = rules.with_friends(spec.friends_average)
        if spec.weights == "equal":
            total = sum(w for _, w in rules.weights) or float(len(rules.weights))
            share = round(total / len(rules.weights), 1)
            rules = rules.with_weights({c: share for c, _ in rules.weights})
        return rules

    def active(self, level: Level, rules: Rules) -> bool:
        """Whether the rules are already what this preset makes them."""
        return self.apply(level, rules) == rules


def presets(level: Level, config: SandboxConfig) -> list[Preset]:
    """The level's rule sets first, then the data file's presets."""
    found = [Preset(f"rules:{r.id}", rule_set=r.id) for r in level.rules]
    return found + [Preset(spec.id, spec=spec) for spec in config.presets]


def data_points(level: Level) -> Iterable[tuple[str, int, str]]:
    """Every persona data point as (persona, index, category), in the level's order."""
    for persona in level.personas:
        for index, point in enumerate(persona.data):
            yield persona.id, index, point.category
