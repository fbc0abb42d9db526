"""The class's months from the local statistics, and their figures with k ≥ 5.

**Which months.** The newest completed sessions of the level (at most ``class_months`` of
the data file). Each is replayed strictly with its stored seed, and kept only if the
engine gives back exactly the month recorded (its final score, grade and goal): a month
recorded before the game kept seeds (schema version 3) is tried with seed 0, and a month
whose level has changed since will not fit; either is left out rather than guessed. If
only 1–4 months would be left out, a few more (the oldest) are, so the months left out
never point at a small group.

**Which figures.** Every figure is a count of particular sessions, decided by the same
secondary suppression as the level's summary (:mod:`game.stats.disclosure`) and against
the summary's own figures as shown and hidden there, so nothing is learnt by comparing the
sandbox with the facilitator view: per persona, its months, the goal reached or missed
before and after, the months in which a door opened further or closed, and the months
behind its mean scores. A persona's figures appear only when at least five sessions back
each of them.
"""

from __future__ import annotations

from dataclasses import dataclass

from game.content.models import Level
from game.sandbox.level import ModifiedLevels
from game.sandbox.replay import Figures, Month, Result, Sandbox, lived
from game.sandbox.rules import Rules
from game.stats.disclosure import K_MIN, Figure, Split, bitset, suppress
from game.stats.months import ClassMonths
from game.stats.record import SessionRecord

FIXED_SEED = 0
"""The seed a month recorded without one is tried with (kept only if it gives the month back)."""

RANK = 10  # after every figure of the level's summary (ranks 0-6): those are kept first
RANKS = {"months": 0, "persona": 1, "goal_before": 2, "missed_before": 2, "goal_after": 3, "missed_after": 3}


@dataclass(frozen=True)
class PersonaShown:
    """One persona's class figures; None where hidden (fewer than 5, or too close to a hidden group)."""

    persona: str
    months: int | None
    mean_before: float | None
    mean_after: float | None
    goal_before: int | None
    goal_after: int | None
    opened: int | None
    closed: int | None

    @property
    def shown(self) -> bool:
        return self.months is not None

    @property
    def mean_change(self) -> float | None:
        if self.mean_before is None or self.mean_after is None:
            return None
        return self.mean_after - self.mean_before


@dataclass(frozen=True)
class ClassFigures:
    months: int | None  # months replayed (None: hidden)
    left_out: int | None  # completed months of the level not replayed (None: hidden)
    personas: tuple[PersonaShown, ...]


def month_of(rec: SessionRecord) -> Month:
    seed = rec.seed if rec.seed is not None else FIXED_SEED
    return Month(rec.persona, seed, rec.variant, tuple(rec.scene_choices()))


def as_recorded(result: Result, rec: SessionRecord) -> bool:
    return (result.score, result.grade, result.goal) == (rec.final_score, rec.grade, rec.goal_reached)


class ClassSandbox:
    """The class's months, checked once, replayed under any rules with k ≥ 5 figures."""

    def __init__(self, level: Level, found: ClassMonths, levels: ModifiedLevels | None = None) -> None:
        self.level = level
        self.found = found
        kept: list[tuple[int, Month, Result]] = []
        for session_id, rec in found.sessions:
            month = month_of(rec)
            before = lived(level, month)
            if before is not None and as_recorded(before, rec):
                kept.append((found.position(session_id), month, before))
        left_out = found.completed - len(kept)
        if 0 < left_out < K_MIN:  # leave out at least 5, so those left out are no small group
            kept = kept[K_MIN - left_out :]
        self.positions = tuple(p for p, _, _ in kept)
        self.left_out = found.completed - len(kept)
        self.sandbox = Sandbox(level, [m for _, m, _ in kept], [b for _, _, b in kept], levels)

    def __len__(self) -> int:
        return len(self.positions)

    def figures(self, rules: Rules) -> tuple[Figures, ClassFigures]:
        figures = self.sandbox.figures(rules)
        return figures, self.disclose(figures)

    def disclose(self, figures: Figures) -> ClassFigures:
        """The class figures for these replays, hidden where k ≥ 5 asks."""
        members: dict[tuple[str, ...], list[int]] = {("months",): list(self.positions)}
        for position, change in zip(self.positions, figures.changes, strict=True):
            p = change.month.persona
            members.setdefault(("persona", p), []).append(position)
            members.setdefault(("goal_before" if change.before.goal else "missed_before", p), []).append(position)
            members.setdefault(("goal_after" if change.after.goal else "missed_after", p), []).append(position)
            if change.opened:
                members.setdefault(("opened", p), []).append(position)
            if change.closed:
                members.setdefault(("closed", p), []).append(position)
            if change.scored:
                members.setdefault(("scored", p), []).append(position)
        personas = [p.id for p in self.level.personas]
        for p in personas:  # zero counts are figures too (they can complete a split)
            for kind in ("persona", "goal_before", "missed_before", "goal_after", "missed_after", "opened", "closed"):
                members.setdefault((kind, p), [])
        mine = [
            Figure(
                ("sandbox", *key),
                bitset(spots),
                RANK + RANKS.get(key[0], 4),
                ("sandbox mean", key[1]) if key[0] == "scored" else "count",
            )
            for key, spots in members.items()
        ]
        splits = [Split(("sandbox", "months"), tuple(("sandbox", "persona", p) for p in personas))]
        for p in personas:
            for when in ("before", "after"):
                splits.append(
                    Split(("sandbox", "persona", p), (("sandbox", f"goal_{when}", p), ("sandbox", f"missed_{when}", p)))
                )
        hidden = suppress(mine, splits, published=self.found.published, withheld=self.found.withheld)
        count = {f.key: (None if f.key in hidden else f.count) for f in mine}

        def shown(*key: str) -> int | None:
            return count.get(("sandbox", *key))

        out = []
        for p in personas:
            mean = figures.persona(p)
            backed = shown("scored", p) is not None and (mean is not None and mean.scored >= K_MIN)
            out.append(
                PersonaShown(
                    p,
                    shown("persona", p),
                    mean.mean_before if backed and mean else None,
                    mean.mean_after if backed and mean else None,
                    shown("goal_before", p),
                    shown("goal_after", p),
                    shown("opened", p),
                    shown("closed", p),
                )
            )
        total = shown("months")
        return ClassFigures(total, self.left_out if total is not None else None, tuple(out))
