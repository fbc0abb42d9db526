"""Doors and the goal without one cause: the counterfactual behind :mod:`game.debrief.fault`.

At each door check the ledger tells what the door saw: the raw score of the last
publication, the flags and the money. Without a cause, the door would have seen that
score minus the cause's points published by then, the flags minus those the cause set
and the money minus what it moved. The door's own rule (:meth:`LevelIndex.check_door`)
then answers again. Everything after the door is kept as it was: this is the door's
answer without the cause, not a whole other month.
"""

from __future__ import annotations

from dataclasses import dataclass, replace

from game.content.models import Level
from game.core.rules import LevelIndex, holds, index_of
from game.core.state import DoorMet, SessionState
from game.kinds.effects.flag import FlagEffect


@dataclass(frozen=True)
class DoorFlip:
    """A door check that answers otherwise without a cause."""

    door: str
    week: int
    scene: str
    option: str
    outcome: str  # what it answered: grant | deposit | refuse
    amount: int
    without: str  # what it would have answered without the cause
    without_amount: int

    @classmethod
    def of(cls, met: DoorMet, without: str, without_amount: int) -> DoorFlip:
        return cls(met.door, met.week, met.scene, met.option, met.outcome, met.amount, without, without_amount)

    @property
    def deposit(self) -> int:
        return self.amount if self.outcome == "deposit" else 0

    @property
    def without_deposit(self) -> int:
        return self.without_amount if self.without == "deposit" else 0


@dataclass(frozen=True)
class Moment:
    """What a door saw when it checked."""

    door: DoorMet
    published_seq: int  # the ledger position of the publication it read
    raw: float  # that publication's unrounded score
    flags: frozenset[str]
    money: int


@dataclass(frozen=True)
class Without:
    """The same door check without a cause."""

    score: int
    flags: frozenset[str]
    money: int
    outcome: str
    amount: int


def moments(level: Level, state: SessionState) -> list[Moment]:
    """Every door check of the month with what it saw, read back from the ledger."""
    ix = index_of(level)
    raw = ix.raw_score(dict(level.start), state.variant)
    flags: set[str] = set()
    money = ix.personas[state.persona].money
    published_seq, published_raw = 0, raw
    marks: list[Moment] = []
    doors = sorted(state.doors, key=lambda d: d.seq)
    at = 0
    for entry in state.ledger:
        while at < len(doors) and doors[at].seq <= entry.seq:
            marks.append(Moment(doors[at], published_seq, published_raw, frozenset(flags), money))
            at += 1
        if entry.target == "category":
            raw += entry.points
        elif entry.target == "flag":
            (flags.add if entry.after else flags.discard)(entry.key)
        elif entry.target == "money":
            money = int(entry.after)
        elif entry.target == "score" and entry.key == "published":
            published_seq, published_raw = entry.seq, raw
    for door in doors[at:]:
        marks.append(Moment(door, published_seq, published_raw, frozenset(flags), money))
    return marks


def clamp_score(ix: LevelIndex, raw: float) -> int:
    level = ix.level
    return int(min(level.score.max, max(level.score.min, round(raw))))


def without_at(level: Level, mark: Moment, points: float, flags: set[str], money: int) -> Without:
    """The door's answer had ``points`` not been published, ``flags`` not been set and
    ``money`` not been moved by then."""
    ix = index_of(level)
    met = mark.door
    # a publication held back (a month joined late) is not the raw score: start from what it said
    start = mark.raw if clamp_score(ix, mark.raw) == met.score else float(met.score)
    score = clamp_score(ix, start - points)
    seen = frozenset(mark.flags - flags)
    cash = mark.money - money
    result = ix.check_door(met.door, score, set(seen), cash)
    return Without(score, seen, cash, result.outcome, result.amount)


def flip_of(mark: Moment, cf: Without) -> DoorFlip | None:
    met = mark.door
    if cf.outcome == met.outcome and (cf.amount == met.amount or cf.outcome == "refuse"):
        return None  # a refusal is a refusal, whatever it would have asked
    return DoorFlip.of(met, cf.outcome, cf.amount)


def goal_without(
    level: Level,
    state: SessionState,
    points: float,
    flags: set[str],
    money: int,
    doors: list[tuple[Moment, Without]],
) -> bool:
    """Whether the goal would hold without a cause: its final points, the flags it set,
    the money it moved, and the flags each door's grant sets that its answers change."""
    ix = index_of(level)
    goal = ix.personas[state.persona].goal
    final_raw = ix.raw_score(state.sub, state.variant)
    kept = set(state.flags) - flags
    for mark, cf in doors:
        option = ix.options.get((mark.door.scene, mark.door.option))
        if option is None:
            continue
        there = replace(state, published=cf.score, flags=set(cf.flags), money=cf.money)
        for effect in option.on_granted:
            if not isinstance(effect, FlagEffect) or not effect.value:
                continue
            was = mark.door.outcome != "refuse" and effect.flag in state.flags and _set_here(state, mark, effect.flag)
            would = cf.outcome != "refuse" and holds(effect.when, there)
            if was and not would:
                kept.discard(effect.flag)
            elif would and not was:
                kept.add(effect.flag)
    start = final_raw if clamp_score(ix, final_raw) == state.published else float(state.published)
    published = clamp_score(ix, start - points)
    after = replace(state, published=published, flags=kept, money=state.money - money)
    return holds(goal.when, after)


def _set_here(state: SessionState, mark: Moment, flag: str) -> bool:
    """Whether the door's grant is what set ``flag`` (its run of entries right after the check)."""
    met = mark.door
    for entry in state.ledger[met.seq :]:
        if (entry.scene, entry.option) != (met.scene, met.option):
            return False
        if entry.target == "flag" and entry.key == flag and entry.after is True:
            return True
    return False
