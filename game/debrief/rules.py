"""The rules laid bare: the formula, the weights, every door, every hidden effect met.

Only what the level file says, arranged for this player's month: the weights of the
rule set that judged them, the scenes they saw (their choices marked), the rules nobody
could have guessed, and whether the whispers they heard were true.
"""

from __future__ import annotations

from dataclasses import dataclass

from game.content.models import Level, Option, Tier
from game.core.rules import index_of
from game.core.session import CONSENT
from game.core.state import SessionState

Text = dict[str, str]


@dataclass(frozen=True)
class Weight:
    category: str
    share: float  # 0..1 of all weights
    per_point: float  # score points per sub-score point


@dataclass(frozen=True)
class RuleSetView:
    id: str
    name: Text
    weights: tuple[Weight, ...]


@dataclass(frozen=True)
class DoorRule:
    door: str
    name: Text
    tiers: tuple[tuple[int, str, int], ...]  # (min score, outcome, amount), highest first
    texts: tuple[Text, ...]  # what each tier says, to tell apart tiers with the same outcome
    blacklisted: tuple[str, int] | None
    declined: tuple[str, int] | None


@dataclass(frozen=True)
class MetOption:
    option: str
    text: Text
    reveal: Text | None  # may name categories as {category}: filled with ``points`` by the screen
    points: tuple[tuple[str, float], ...]  # (category, score points under this month's rules)
    taken: bool
    surprise: bool


@dataclass(frozen=True)
class MetScene:
    scene: str
    title: Text
    options: tuple[MetOption, ...]


@dataclass(frozen=True)
class Heard:
    contact: str
    text: Text
    truth: str  # true | false | unknown
    explain: Text


@dataclass(frozen=True)
class Rule:
    """A rule nobody could have guessed; ``points`` fill the ``{category}`` names of a reveal."""

    text: Text
    points: tuple[tuple[str, float], ...] = ()


@dataclass(frozen=True)
class RulesView:
    variant: str
    sets: tuple[RuleSetView, ...]  # every rule set of the level, this session's first
    lo: int
    span: int
    doors: tuple[DoorRule, ...]
    met: tuple[MetScene, ...]
    unguessable: tuple[Rule, ...]  # the month's own: rules of the whole month
    elsewhere: tuple[Rule, ...]  # rules of scenes this month never met (other visitors met them)
    heard: tuple[Heard, ...]

    @property
    def mine(self) -> RuleSetView:
        return self.sets[0]


def rule_set(level: Level, variant: str) -> RuleSetView:
    ix = index_of(level)
    rules = ix.rules[variant]
    total = sum(rules.weights.values()) or 1.0
    per = ix.points_per_subscore(variant)
    weights = tuple(Weight(c, rules.weights.get(c, 0.0) / total, per[c]) for c in ix.categories)
    return RuleSetView(variant, dict(rules.name), weights)


def _tier(tier: Tier | None) -> tuple[str, int] | None:
    return None if tier is None else (tier.outcome, tier.amount)


def option_points(level: Level, variant: str, option: Option) -> tuple[tuple[str, float], ...]:
    """What an option's category effects are worth in score points under ``variant``.

    The one conversion from sub-score points (what a level writes) to score points (what
    the debrief shows everywhere); effects on one category are summed.
    """
    per = index_of(level).points_per_subscore(variant)
    sums: dict[str, float] = {}
    for effect in option.all_effects():
        for category, points in effect.score_points(per).items():
            sums[category] = sums.get(category, 0.0) + points
    return tuple(sums.items())


def rules_view(level: Level, state: SessionState) -> RulesView:
    ix = index_of(level)
    sets = [rule_set(level, state.variant)] + [rule_set(level, r.id) for r in level.rules if r.id != state.variant]
    doors = tuple(
        DoorRule(
            d.id,
            dict(d.name),
            tuple((t.min, t.outcome, t.amount) for t in d.tiers),
            tuple(dict(t.text) for t in d.tiers),
            _tier(d.blacklisted),
            _tier(d.declined),
        )
        for d in level.doors
    )
    met: list[MetScene] = []
    taken = set(state.choices)
    seen: list[str] = []
    for scene_id, _ in state.choices:
        if scene_id != CONSENT and scene_id not in seen:
            seen.append(scene_id)
    for scene_id in seen:
        scene = ix.scenes[scene_id]
        options = tuple(
            MetOption(
                o.id,
                dict(o.text),
                dict(o.reveal) if o.reveal else None,
                option_points(level, state.variant, o),
                (scene_id, o.id) in taken,
                o.surprise,
            )
            for o in scene.options
        )
        met.append(MetScene(scene_id, dict(scene.title), options))
    unguessable, elsewhere = hidden_rules(level, set(seen), state.variant)
    return RulesView(
        state.variant,
        tuple(sets),
        ix.lo,
        ix.span,
        doors,
        tuple(met),
        unguessable,
        elsewhere,
        tuple(heard_whispers(level, state)),
    )


def hidden_rules(level: Level, met: set[str], variant: str) -> tuple[tuple[Rule, ...], tuple[Rule, ...]]:
    """Rules nobody could have guessed: the month's own, and those of scenes it never met.

    A rule tied to scenes belongs to them: when one was met, its options' reveals (shown
    with the scene) say it, so it is not listed again; otherwise it is one of the rules
    of scenes never met, with the surprises of those scenes. No text appears twice.
    """
    ix = index_of(level)
    own: list[Rule] = []
    other: list[Rule] = []
    seen: list[Text] = []
    for rule in level.hidden_rules:
        text = dict(rule.text)
        if text in seen or (rule.scenes and met & set(rule.scenes)):
            continue
        seen.append(text)
        (other if rule.scenes else own).append(Rule(text))
    for (scene, _), option in ix.options.items():
        if option.surprise and option.reveal and scene not in met and scene != CONSENT:
            text = dict(option.reveal)
            if text not in seen:
                seen.append(text)
                other.append(Rule(text, option_points(level, variant, option)))
    return tuple(own), tuple(other)


def heard_whispers(level: Level, state: SessionState) -> list[Heard]:
    """The folk theories whispered in the weeks the player lived, with the truth about each."""
    if "declined" in state.flags:
        return []
    lived = len(level.weeks) if state.phase == "ended" else state.week + 1
    out = []
    for week, index in zip(level.weeks[:lived], state.whispers[:lived], strict=False):
        if index is None or index >= len(week.whispers):
            continue
        whisper = week.whispers[index]
        out.append(Heard(whisper.contact, dict(whisper.text), whisper.truth, dict(whisper.explain)))
    return out
