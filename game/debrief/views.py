"""What the month did, read from the ledger: score steps, causes, other people, errors.

Every function takes the level and the session's state (or the ledger and published
scores of a replayed :class:`~game.core.replay.Timeline`) and returns plain data: ids,
numbers and the level's own ``{fr, en}`` texts. The screens choose the language.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from game.content.models import Level
from game.core.ledger import Cause, LedgerEntry
from game.core.rules import index_of
from game.core.state import DoorMet, SessionState

Text = dict[str, str]
NO_LIMIT = 10**9  # contacts' money is not modelled: doors are judged on their score alone


# -- your month, step by step --------------------------------------------------------------
@dataclass(frozen=True)
class Act:
    """Entries of one cause, act and category within a step, summed (what the chart annotates)."""

    cause: Cause
    category: str
    points: float
    scene: str | None = None
    option: str | None = None
    why: Text | None = None


@dataclass(frozen=True)
class Step:
    """One published score: 0 is the start (your data), ``n`` the end of week ``n``."""

    index: int
    before: int | None
    after: int
    acts: tuple[Act, ...]  # largest |points| first

    @property
    def delta(self) -> int:
        return 0 if self.before is None else self.after - self.before

    def top(self, count: int) -> tuple[Act, ...]:
        """The ``count`` largest movements worth at least a whole score point."""
        return tuple(a for a in self.acts if round(a.points))[:count]

    def rest(self, count: int) -> tuple[int, int]:
        """How many other movements the ``count`` largest leave out, and what they add up to.

        For a week the figure is what makes the shown points add up to the published
        change (rounding included), so a card's numbers always sum to its headline.
        """
        shown = self.top(count)
        others = [a for a in self.acts if round(a.points) and a not in shown]
        if self.index == 0:
            return len(others), round(sum(a.points for a in others))
        return len(others), self.delta - sum(round(a.points) for a in shown)


def _why_key(entry: LedgerEntry) -> tuple[tuple[str, str], ...]:
    """Persona data and system errors are told apart by their explanation."""
    if entry.cause in ("persona", "system_error") and entry.why:
        return tuple(sorted(entry.why.items()))
    return ()


def group_acts(entries: Sequence[LedgerEntry]) -> tuple[Act, ...]:
    """Category entries summed by (cause, act, category, explanation), largest first."""
    sums: dict[tuple[object, ...], list[object]] = {}
    for entry in entries:
        if entry.target != "category":
            continue
        key = (entry.cause, entry.key, entry.scene, entry.option, _why_key(entry))
        found = sums.get(key)
        if found is None:
            sums[key] = [entry.points, entry.why]
        else:
            found[0] = float(found[0]) + entry.points  # type: ignore[arg-type]
    acts = [
        Act(k[0], k[1], float(v[0]), k[2], k[3], v[1])  # type: ignore[arg-type]
        for k, v in sums.items()
    ]
    acts.sort(key=lambda a: -abs(a.points))
    return tuple(acts)


def month_steps(ledger: Sequence[LedgerEntry], scores: Sequence[int]) -> list[Step]:
    """The published scores with, for each, the acts logged since the previous publication.

    Publications are the ledger's ``score/published`` entries, so every change lands in
    the step whose publication it reached, even delayed effects applied mid-week.
    """
    steps: list[Step] = []
    pending: list[LedgerEntry] = []
    for entry in ledger:
        if entry.target == "score" and entry.key == "published":
            index = len(steps)
            if index >= len(scores):
                break
            before = scores[index - 1] if index else None
            steps.append(Step(index, before, scores[index], group_acts(pending)))
            pending = []
        else:
            pending.append(entry)
    return steps


def chart_range(series: Sequence[Sequence[int]], lo: int, hi: int, marks: Sequence[int] = ()) -> tuple[int, int]:
    """A zoomed y range (multiples of 50, at least 200 wide) holding every score."""
    values = [v for s in series for v in s]
    if not values:
        return lo, hi
    low, high = min(values), max(values)
    near = [m for m in marks if low - 60 <= m <= high + 60]
    low, high = min([low, *near]) - 25, max([high, *near]) + 25
    a, b = max(lo, (low // 50) * 50), min(hi, -(-high // 50) * 50)
    while b - a < 200:
        a, b = max(lo, a - 50), min(hi, b + 50)
        if a == lo and b == hi:
            break
    return a, b


def door_thresholds(level: Level) -> dict[int, list[str]]:
    """Every score a door changes its answer at, with those doors' ids (the faint lines)."""
    found: dict[int, list[str]] = {}
    for door in level.doors:
        for tier in door.tiers:
            if tier.min > level.score.min:
                found.setdefault(tier.min, [])
                if door.id not in found[tier.min]:
                    found[tier.min].append(door.id)
    return dict(sorted(found.items()))


def met_thresholds(level: Level, doors: Sequence[str]) -> list[int]:
    """The thresholds of the doors a month met (every door's if it met none): the chart's lines."""
    thresholds = door_thresholds(level)
    met = set(doors)
    return [v for v, ids in thresholds.items() if met & set(ids)] or list(thresholds)


# -- what it cost others ----------------------------------------------------------------------
@dataclass(frozen=True)
class DoorChange:
    door: str
    before: str  # grant | deposit | refuse
    after: str


@dataclass(frozen=True)
class ContactFate:
    """One contact's month: what happened between you, their score, their doors."""

    contact: str
    fate: str  # reported | dropped | dropped_you | rated_down | added | kept | distant
    start: int
    end: int
    by_you: float  # points of their score moved by your choices
    doors: tuple[DoorChange, ...]
    closed: int  # doors that refuse them or ask a deposit at the end
    judged: int  # doors looked at
    stars: int | None = None  # the last rating they gave you, if they gave one


FATE_ORDER = ("reported", "dropped", "dropped_you", "rated_down", "added", "kept", "distant")


def _fate(relations: list[LedgerEntry], start: str, end: str, rated_down: bool = False) -> str:
    """What happened between you; a friend whose last rating of you was a low one is not
    called a friend who stayed (their face turned cold, whatever Halo's list says)."""
    by_you = {e.after for e in relations if e.cause == "choice"}
    if "reported" in by_you:
        return "reported"
    if "dropped" in by_you:
        return "dropped"
    if any(e.cause != "choice" and e.after == "dropped" for e in relations):
        return "dropped_you"
    if rated_down:
        return "rated_down"
    if start != "friend" and end == "friend":
        return "added"
    return "kept" if end == "friend" else "distant"


def others_view(level: Level, state: SessionState) -> list[ContactFate]:
    """Every contact of the month, those you dropped or reported first, then the rest."""
    ix = index_of(level)
    first = state.contact_history[0] if state.contact_history else {}
    last = state.contact_history[-1] if state.contact_history else {}
    out: list[ContactFate] = []
    for cid, cstate in state.contacts.items():
        contact = ix.contacts[cid]
        relations = [e for e in state.ledger if e.target == "relation" and e.key == cid]
        by_you = sum(
            float(e.after) - float(e.before)
            for e in state.ledger
            if e.target == "contact" and e.key == cid and e.cause == "choice"
        )
        start, end = first.get(cid, contact.score), last.get(cid, round(cstate.score))
        doors = list(contact.doors) or [d.id for d in level.doors]
        changes, closed = [], 0
        for door in doors:
            before = ix.check_door(door, start, set(), NO_LIMIT).outcome
            after = ix.check_door(door, end, set(), NO_LIMIT).outcome
            closed += after != "grant"
            if before != after:
                changes.append(DoorChange(door, before, after))
        stars = next((int(e.after) for e in reversed(state.ledger) if e.target == "rating" and e.before == cid), None)
        low = stars is not None and stars < level.rating.neutral
        fate = _fate(relations, contact.relation, cstate.relation, low)
        out.append(ContactFate(cid, fate, start, end, round(by_you, 1), tuple(changes), closed, len(doors), stars))
    out.sort(key=lambda f: FATE_ORDER.index(f.fate))
    return out


# -- the errors -------------------------------------------------------------------------------
@dataclass(frozen=True)
class ErrorItem:
    """One thing the system got wrong about you, with what it cost."""

    scene: str | None
    option: str | None
    week: int
    whys: tuple[Text, ...]
    points: float
    flags: tuple[str, ...]


@dataclass(frozen=True)
class ErrorsView:
    items: tuple[ErrorItem, ...]
    refused: tuple[DoorMet, ...]  # doors shut because of the blacklist
    dropped_after: tuple[str, ...]  # contacts who dropped you after the first error
    elsewhere: tuple[tuple[str, str, Text], ...]  # (scene, option, why) errors that struck others

    @property
    def points(self) -> float:
        return sum(i.points for i in self.items)


def errors_view(level: Level, state: SessionState) -> ErrorsView:
    errors = [e for e in state.ledger if e.cause == "system_error"]
    groups: dict[tuple[str | None, str | None], list[LedgerEntry]] = {}
    for entry in errors:
        groups.setdefault((entry.scene, entry.option), []).append(entry)
    items = []
    for (scene, option), entries in groups.items():
        whys: list[Text] = []
        for entry in entries:
            if entry.why and entry.why not in whys:
                whys.append(entry.why)
        items.append(
            ErrorItem(
                scene,
                option,
                entries[0].week,
                tuple(whys),
                sum(e.points for e in entries if e.target == "category"),
                tuple(e.key for e in entries if e.target == "flag" and e.after is True),
            )
        )
    first = errors[0].seq if errors else None
    dropped = tuple(
        e.key
        for e in state.ledger
        if first is not None and e.seq > first and e.target == "relation" and e.cause == "contact"
    )
    refused = tuple(d for d in state.doors if d.outcome == "refuse" and d.reason == "blacklisted")
    taken = set(state.choices)
    elsewhere = []
    ix = index_of(level)
    for (scene, option), opt in ix.options.items():
        if (scene, option) in taken:
            continue
        for effect in [*opt.effects, *opt.on_granted, *opt.on_refused]:
            if effect.cause == "system_error" and effect.why:
                elsewhere.append((scene, option, dict(effect.why)))
                break
    return ErrorsView(tuple(items), refused, dropped, tuple(elsewhere))
