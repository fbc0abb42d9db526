"""Months replayed under the sandbox's rules: before and after, per month and per persona.

A month is what a session leaves behind: persona, seed, rule set and choices. *Before* is
the month as it was lived, on the shipped level under its own rule set; *after* is the same
choices replayed by the engine on the modified level (:mod:`game.sandbox.level`). The new
rules may open other scenes (a door granted sets a flag a later scene asks for), so the
replay is not strict: a scene the log does not cover takes the logged option if there is
one, else the first available (:func:`game.core.replay.play_log`). Everything is the engine's
own replay, so the figures are those ``python -m game replay`` / ``simulate`` give.
"""

from __future__ import annotations

from collections import OrderedDict
from collections.abc import Sequence
from dataclasses import dataclass

from game.content.models import Level
from game.core.replay import play_log
from game.core.session import Session
from game.sandbox.level import SANDBOX, ModifiedLevels
from game.sandbox.rules import Rules

Choice = tuple[str, str]
RANK = {"refuse": 0, "deposit": 1, "grant": 2}  # how far a door opened


@dataclass(frozen=True)
class Month:
    persona: str
    seed: int
    variant: str  # the rule set it was lived under
    choices: tuple[Choice, ...]


@dataclass(frozen=True)
class Result:
    """One month's ending under one set of rules."""

    score: int | None  # None: lived without Halo
    grade: str | None
    goal: bool
    doors: tuple[tuple[str, str], ...]  # (door, outcome), in the order met

    def best(self) -> dict[str, int]:
        """How far each door met opened (its best outcome this month)."""
        out: dict[str, int] = {}
        for door, outcome in self.doors:
            out[door] = max(out.get(door, -1), RANK[outcome])
        return out


def result_of(session: Session) -> Result:
    outcome = session.outcome()
    return Result(
        outcome.final_score,
        outcome.grade,
        outcome.goal_reached,
        tuple((d.door, d.outcome) for d in session.state.doors),
    )


def play(level: Level, month: Month, variant: str, *, strict: bool = False) -> Result:
    """The engine's replay of ``month`` on ``level`` under rule set ``variant``."""
    session = Session(level, month.persona, month.seed, variant)
    return result_of(play_log(session, list(month.choices), strict=strict))


def lived(level: Level, month: Month) -> Result | None:
    """The month exactly as it was lived; None if its log no longer fits the level."""
    try:
        return play(level, month, month.variant, strict=True)
    except ValueError:
        return None


@dataclass(frozen=True)
class Change:
    month: Month
    before: Result
    after: Result

    @property
    def opened(self) -> int:
        """Doors met both times that opened further (refused → deposit → granted)."""
        before, after = self.before.best(), self.after.best()
        return sum(1 for d, r in after.items() if d in before and r > before[d])

    @property
    def closed(self) -> int:
        before, after = self.before.best(), self.after.best()
        return sum(1 for d, r in after.items() if d in before and r < before[d])

    @property
    def scored(self) -> bool:
        return self.before.score is not None and self.after.score is not None


@dataclass(frozen=True)
class PersonaFigures:
    """One persona's months: who do these rules favour?"""

    persona: str
    months: int
    scored: int  # months with a score both times (not lived without Halo)
    mean_before: float | None
    mean_after: float | None
    goal_before: int
    goal_after: int
    opened: int  # months in which some door opened further
    closed: int  # months in which some door closed

    @property
    def mean_change(self) -> float | None:
        if self.mean_before is None or self.mean_after is None:
            return None
        return self.mean_after - self.mean_before


@dataclass(frozen=True)
class Figures:
    changes: tuple[Change, ...]
    personas: tuple[PersonaFigures, ...]  # in the level's order, each persona that has months

    def persona(self, persona: str) -> PersonaFigures | None:
        return next((p for p in self.personas if p.persona == persona), None)


def persona_figures(persona: str, changes: Sequence[Change]) -> PersonaFigures:
    scored = [c for c in changes if c.scored]
    return PersonaFigures(
        persona,
        len(changes),
        len(scored),
        sum(c.before.score or 0 for c in scored) / len(scored) if scored else None,
        sum(c.after.score or 0 for c in scored) / len(scored) if scored else None,
        sum(1 for c in changes if c.before.goal),
        sum(1 for c in changes if c.after.goal),
        sum(1 for c in changes if c.opened),
        sum(1 for c in changes if c.closed),
    )


def summarise(level: Level, changes: Sequence[Change]) -> Figures:
    personas = []
    for p in level.personas:
        mine = [c for c in changes if c.month.persona == p.id]
        if mine:
            personas.append(persona_figures(p.id, mine))
    return Figures(tuple(changes), tuple(personas))


class Sandbox:
    """Months of one level, replayed under any :class:`Rules`; each set of rules once.

    ``before`` gives the months as lived when known (a class's months, checked against their
    record); otherwise each is replayed on the shipped level under its own rule set, not
    strictly (the same choices lived by another persona, say).
    """

    def __init__(
        self,
        level: Level,
        months: Sequence[Month],
        before: Sequence[Result] | None = None,
        levels: ModifiedLevels | None = None,
        keep: int = 16,
    ) -> None:
        self.level = level
        self.months = tuple(months)
        self.before = tuple(before) if before is not None else tuple(play(level, m, m.variant) for m in months)
        if len(self.before) != len(self.months):
            raise ValueError("one result before per month")
        self.levels = levels or ModifiedLevels(level)
        self.keep = keep
        self._figures: OrderedDict[Rules, Figures] = OrderedDict()

    def figures(self, rules: Rules) -> Figures:
        found = self._figures.get(rules)
        if found is not None:
            self._figures.move_to_end(rules)
            return found
        modified = self.levels(rules)
        changes = [
            Change(month, before, play(modified, month, SANDBOX))
            for month, before in zip(self.months, self.before, strict=True)
        ]
        found = self._figures[rules] = summarise(self.level, changes)
        while len(self._figures) > self.keep:
            self._figures.popitem(last=False)
        return found


def replay_months(level: Level, months: Sequence[Month], rules: Rules) -> Figures:
    """Each month before (as lived) and after (under ``rules``), and per persona."""
    return Sandbox(level, months).figures(rules)
