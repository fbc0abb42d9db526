"""Not your fault, measured honestly: what each cause did to the month, signed.

The ledger says which cause moved each sub-score point. Summing the absolute moves
(as the first version of this panel did) lets many small choices pulling both ways
outweigh a persona that pushes one way all month; so every cause here gets its signed
net, and three causes the raw ledger hides are told apart:

- ``forced``: a dilemma where every option open at that moment cost points. The least
  bad option's cost is the system's rule; only what the chosen option cost beyond it
  is ``choice``.
- ``spiral``: what being blacklisted, or scoring low, set off: friends who dropped the
  visitor for it, and what a door refused for the blacklist did next.
- ``rules``: the drawn rule set. The same choices are replayed under each other rule
  set of the level; the contribution is this month's score minus their mean.

Beside the points, each cause says what it did to what the visitor felt: the doors that
answer otherwise without it, the deposits those doors asked, the money it moved and the
goal. The entry point is :func:`fault_of`; :mod:`game.debrief.fault_words` says it.
"""

from __future__ import annotations

import statistics
from collections import Counter
from dataclasses import dataclass, replace
from typing import Literal

from game.content.models import Level
from game.core.ledger import LedgerEntry
from game.core.replay import Timeline, play_log, timeline_of
from game.core.rules import CONSENT, holds, index_of
from game.core.session import Session
from game.core.state import DoorMet, SessionState
from game.debrief.fault_doors import DoorFlip, Moment, Without, flip_of, goal_without, moments, without_at
from game.present.words import Words

FaultCause = Literal["choice", "forced", "persona", "rules", "spiral", "contact", "system_error", "recompute"]
FAULT_CAUSES: tuple[FaultCause, ...] = (
    "choice",
    "forced",
    "persona",
    "rules",
    "spiral",
    "contact",
    "system_error",
    "recompute",
)
NOT_CHOSEN: tuple[FaultCause, ...] = FAULT_CAUSES[1:]
Verdict = Literal["privilege", "handicap", "mostly_you", "mostly_system", "declined"]

PENALISED = -0.05
"""An option costs points when its own entries moved the score by less than this."""
DECISIVE = 5.0
"""Below this many points, what the visitor did not choose is not called decisive."""


@dataclass(frozen=True)
class Contribution:
    """One cause's part in the month, signed from the visitor's side (positive helped).

    ``points`` are score points at the end of the month. ``doors`` are the door checks
    that answer otherwise without this cause alone; ``deposits`` is what those doors
    would have asked minus what they asked (positive: this cause spared a deposit).
    ``money`` is what the cause moved directly (door payments are the doors' own).
    ``goal`` is +1 when the goal is reached only thanks to it, −1 when it is missed
    because of it.
    """

    cause: FaultCause
    points: float
    doors: tuple[DoorFlip, ...] = ()
    deposits: int = 0
    money: int = 0
    goal: int = 0

    @property
    def felt(self) -> bool:
        """Whether it did anything a visitor could see: a whole point, a door, money, the goal."""
        return bool(round(self.points) or self.doors or self.deposits or self.money or self.goal)

    @property
    def opened(self) -> tuple[DoorFlip, ...]:
        """Doors this cause opened (granted here, not without it)."""
        return tuple(d for d in self.doors if d.outcome != "refuse" and d.without == "refuse")

    @property
    def shut(self) -> tuple[DoorFlip, ...]:
        """Doors this cause shut (refused here, open without it)."""
        return tuple(d for d in self.doors if d.outcome == "refuse" and d.without != "refuse")


@dataclass(frozen=True)
class Forced:
    """A dilemma where every open option cost points: ``floor`` is the least bad one's cost."""

    index: int  # in the choice log
    scene: str
    option: str
    chosen: float
    floor: float
    others: tuple[tuple[str, float], ...]  # the other open options and what each would have cost


@dataclass(frozen=True)
class SpiralDrop:
    contact: str
    week: int
    reason: Literal["blacklisted", "score"]


@dataclass(frozen=True)
class Fault:
    """The corrected measure of one month. ``contributions`` holds every cause of
    :data:`FAULT_CAUSES`, in that order."""

    declined: bool
    verdict: Verdict
    contributions: dict[str, Contribution]
    final: int | None
    goal_reached: bool
    forced: tuple[Forced, ...] = ()
    spiral: tuple[SpiralDrop, ...] = ()
    rule_sets: int = 1
    shut_for_declining: tuple[DoorMet, ...] = ()

    @property
    def chosen(self) -> float:
        return self.contributions["choice"].points

    @property
    def not_chosen(self) -> float:
        """The signed sum of every cause the visitor did not choose."""
        return sum(self.contributions[c].points for c in NOT_CHOSEN)

    @property
    def up(self) -> float:
        return sum(max(0.0, self.contributions[c].points) for c in NOT_CHOSEN)

    @property
    def down(self) -> float:
        return sum(min(0.0, self.contributions[c].points) for c in NOT_CHOSEN)

    def largest(self) -> Contribution:
        """The cause not chosen that moved the score furthest (in the verdict's direction)."""
        pool = [self.contributions[c] for c in NOT_CHOSEN]
        if self.verdict == "privilege":
            return max(pool, key=lambda c: c.points)
        if self.verdict == "handicap":
            return min(pool, key=lambda c: c.points)
        return max(pool, key=lambda c: abs(c.points))


# -- the entry point ----------------------------------------------------------------------
def fault_of(level: Level, state: SessionState) -> Fault:
    """The measure of a finished month (its level and its state)."""
    ix = index_of(level)
    goal = ix.personas[state.persona].goal
    reached = holds(goal.when, state)
    if "declined" in state.flags:
        zero: dict[str, Contribution] = {c: Contribution(c, 0.0) for c in FAULT_CAUSES}
        shut = tuple(d for d in state.doors if d.reason == "declined" and d.outcome != "grant")
        return Fault(True, "declined", zero, None, reached, shut_for_declining=shut)
    ledger = state.ledger
    spiral_seqs, drops = _spiral(level, state)
    forced = _forced(level, state)
    shares = _split(ledger, spiral_seqs, forced)
    points: dict[str, float] = dict.fromkeys(FAULT_CAUSES, 0.0)
    for seq_points in shares.values():
        for cause, value in seq_points.items():
            points[cause] += value
    marks = moments(level, state)
    tags: dict[int, FaultCause] = dict.fromkeys(spiral_seqs, "spiral")
    out: dict[str, Contribution] = {}
    for cause in FAULT_CAUSES:
        if cause == "rules":
            continue
        out[cause] = _felt(level, state, marks, shares, tags, cause, points[cause], reached)
    out["rules"] = _rules(level, state, reached)
    contributions: dict[str, Contribution] = {c: out[c] for c in FAULT_CAUSES}
    draft = Fault(
        False,
        "mostly_you",
        contributions,
        state.published,
        reached,
        tuple(forced.values()),
        drops,
        len(level.rules),
    )
    return replace(draft, verdict=verdict_of(draft))


def verdict_of(fault: Fault) -> Verdict:
    """Privilege or handicap when what was not chosen outweighed the choices, net, in one
    direction (or decided the goal); mostly the system when it pulled harder than the
    choices but both ways; mostly you otherwise."""
    if fault.declined:
        return "declined"
    chosen, system = fault.chosen, fault.not_chosen
    if abs(system) >= max(abs(chosen), DECISIVE):
        return "privilege" if system > 0 else "handicap"
    goals = {fault.contributions[c].goal for c in NOT_CHOSEN} - {0}
    if len(goals) == 1 and fault.contributions["choice"].goal == 0:
        return "privilege" if goals == {1} else "handicap"
    if max(fault.up, -fault.down) > abs(chosen):
        return "mostly_system"
    return "mostly_you"


# -- the spiral ---------------------------------------------------------------------------
def _spiral(level: Level, state: SessionState) -> tuple[set[int], tuple[SpiralDrop, ...]]:
    """Ledger entries set off by the blacklist or a low score, and who dropped the visitor."""
    ix = index_of(level)
    flags: set[str] = set()
    published = state.history[0] if state.history else 0
    seqs: set[int] = set()
    drops: list[SpiralDrop] = []
    dropped_at: set[int] = set()
    ledger = state.ledger
    for entry in ledger:
        if entry.target == "flag":
            (flags.add if entry.after else flags.discard)(entry.key)
        elif entry.target == "score" and entry.key == "published":
            published = int(entry.after)
        elif entry.target == "relation" and entry.cause == "contact" and entry.after == "dropped":
            contact = ix.contacts[entry.key]
            if contact.drops_you_if_blacklisted and "blacklisted" in flags:
                drops.append(SpiralDrop(entry.key, entry.week, "blacklisted"))
            elif contact.drops_you_below is not None and published < contact.drops_you_below:
                drops.append(SpiralDrop(entry.key, entry.week, "score"))
            else:
                continue
            seqs.add(entry.seq)
            dropped_at.add(entry.seq)
        elif entry.seq - 1 in dropped_at and entry.cause == "contact" and entry.target == "category":
            seqs.add(entry.seq)  # the connections the drop took away
    for door in state.doors:
        if door.outcome == "refuse" and door.reason == "blacklisted":
            seqs.update(e.seq for e in _after_door(ledger, door))
    return seqs, tuple(drops)


def _after_door(ledger: list[LedgerEntry], door: DoorMet) -> list[LedgerEntry]:
    """What the door's answer set off at once: the run of its option's entries from the check."""
    run = []
    for entry in ledger[door.seq :]:
        if (entry.scene, entry.option) != (door.scene, door.option):
            break
        run.append(entry)
    return run


# -- forced dilemmas ----------------------------------------------------------------------
def _own_points(ledger: tuple[LedgerEntry, ...] | list[LedgerEntry], scene: str, option: str) -> float:
    return sum(
        e.points
        for e in ledger
        if e.target == "category" and e.cause == "choice" and (e.scene, e.option) == (scene, option)
    )


def _forced(level: Level, state: SessionState) -> dict[tuple[str, str], Forced]:
    """Every choice whose open options all cost points, each alternative replayed."""
    from game.core.replay import what_if

    found: dict[tuple[str, str], Forced] = {}
    walk = Session(level, state.persona, state.seed, state.variant)
    for index, (scene, option) in enumerate(state.choices):
        open_now = walk.option_ids()
        walk.choose(option)
        others = [o for o in open_now if o != option]
        if scene == CONSENT or not others:
            continue
        chosen = _own_points(state.ledger, scene, option)
        if chosen >= PENALISED:
            continue
        costs: list[tuple[str, float]] = []
        for other in others:
            month = what_if(level, state.persona, state.seed, list(state.choices), index, other, state.variant)
            costs.append((other, _own_points(month.ledger, scene, other)))
            if costs[-1][1] >= PENALISED:
                break
        else:
            floor = max(chosen, *(c for _, c in costs))
            found[(scene, option)] = Forced(index, scene, option, chosen, floor, tuple(costs))
    return found


# -- who moved each entry -----------------------------------------------------------------
def _split(
    ledger: list[LedgerEntry], spiral: set[int], forced: dict[tuple[str, str], Forced]
) -> dict[int, dict[str, float]]:
    """Each category entry's points by fault cause (a forced choice's entries are shared)."""
    out: dict[int, dict[str, float]] = {}
    for entry in ledger:
        if entry.target != "category":
            continue
        if entry.seq in spiral:
            out[entry.seq] = {"spiral": entry.points}
            continue
        dilemma = forced.get((entry.scene or "", entry.option or ""))
        if entry.cause == "choice" and dilemma is not None and dilemma.chosen:
            share = dilemma.floor / dilemma.chosen
            out[entry.seq] = {"forced": entry.points * share, "choice": entry.points * (1 - share)}
            continue
        out[entry.seq] = {entry.cause: entry.points}
    return out


# -- what a cause did to doors, deposits, money and the goal -------------------------------
def _felt(
    level: Level,
    state: SessionState,
    marks: list[Moment],
    shares: dict[int, dict[str, float]],
    tags: dict[int, FaultCause],
    cause: FaultCause,
    points: float,
    reached: bool,
) -> Contribution:
    """Beside its points, what ``cause`` did to the doors, the deposits, the money and the goal."""
    ledger = state.ledger
    mine = [e for e in ledger if e.target in ("flag", "money") and tags.get(e.seq, e.cause) == cause]
    # a flag a door's answer set is the door's: its own counterfactual says whether it holds
    at_doors = {e.seq for door in state.doors for e in _after_door(ledger, door)}
    flags_set = {e.seq: e.key for e in mine if e.target == "flag" and e.after is True and e.seq not in at_doors}
    money = {e.seq: int(e.after) - int(e.before) for e in mine if e.target == "money"}
    # what doors asked and gave back is the doors' own (their deposits, counted apart)
    door_keys = {d.id for d in level.doors} | {f"refund:{d.id}" for d in level.doors}
    direct = sum(v for s, v in money.items() if ledger[s].key not in door_keys)
    checks: list[tuple[Moment, Without]] = []
    for mark in marks:
        seen = sum(shares.get(s, {}).get(cause, 0.0) for s in range(mark.published_seq))
        spent = sum(v for s, v in money.items() if s < mark.door.seq and ledger[s].key not in door_keys)
        gone = {k for s, k in flags_set.items() if s < mark.door.seq}
        checks.append((mark, without_at(level, mark, seen, gone, spent)))
    flips = tuple(f for f in (flip_of(m, cf) for m, cf in checks) if f is not None)
    deposits = sum(f.without_deposit - f.deposit for f in flips)
    would = goal_without(level, state, points, set(flags_set.values()), direct, checks)
    goal = 1 if reached and not would else -1 if would and not reached else 0
    return Contribution(cause, points, flips, deposits, direct, goal)


# -- the drawn rule set -------------------------------------------------------------------
def _rules(level: Level, state: SessionState, reached: bool) -> Contribution:
    """This month's score minus the mean of the same choices under each other rule set."""
    others = [r.id for r in level.rules if r.id != state.variant]
    if not others:
        return Contribution("rules", 0.0)
    months = _months_under(level, state, others)
    finals = [m.scores[-1] for m in months]
    points = state.published - statistics.fmean(finals)
    flips: list[DoorFlip] = []
    for i, door in enumerate(state.doors):
        answers = [
            (m.doors[i].outcome, m.doors[i].amount)
            for m in months
            if i < len(m.doors) and (m.doors[i].scene, m.doors[i].door) == (door.scene, door.door)
        ]
        differ = [a for a in answers if a != (door.outcome, door.amount)]
        if len(differ) * 2 > len(others):
            (outcome, amount), _ = Counter(differ).most_common(1)[0]
            flips.append(DoorFlip.of(door, outcome, amount))
    deposits = round(statistics.fmean(_deposits(m.doors) for m in months) - _deposits(tuple(state.doors)))
    elsewhere = sum(m.outcome.goal_reached for m in months)
    goal = 0
    if reached and elsewhere * 2 < len(others):
        goal = 1
    elif not reached and elsewhere * 2 > len(others):
        goal = -1
    return Contribution("rules", points, tuple(flips), deposits, 0, goal)


def _months_under(level: Level, state: SessionState, variants: list[str]) -> list[Timeline]:
    return [
        timeline_of(play_log(Session(level, state.persona, state.seed, v), list(state.choices), strict=False))
        for v in variants
    ]


def _deposits(doors: tuple[DoorMet, ...]) -> int:
    return sum(d.amount for d in doors if d.outcome == "deposit")


# -- the one sentence -----------------------------------------------------------------------
def fault_sentence(fault: Fault, words: Words) -> str:
    """The verdict in one plain sentence (``debrief.fault.verdict.<verdict>``), in ``words``' language.

    Parameters: ``chose`` (the choices' signed points), ``system`` (what was not chosen,
    signed), ``up`` and ``down`` (its pushes each way), ``cause`` and ``top`` (its largest
    cause and that cause's points), ``n`` (doors shut for declining).
    """
    key = f"debrief.fault.verdict.{fault.verdict}"
    if fault.declined:
        return words.t(key, n=len(fault.shut_for_declining))
    top = fault.largest()

    def pts(value: float) -> str:
        return words.t("debrief.pts", n=words.signed(value, 0))

    return words.t(
        key,
        chose=pts(fault.chosen),
        system=pts(fault.not_chosen),
        up=pts(fault.up),
        down=pts(fault.down),
        cause=words.t(f"debrief.fault.cause.{top.cause}"),
        top=pts(top.points),
    )
