"""Read-only figures for the debrief ("others at this kiosk") and the facilitator summary.

Every figure passes the k ≥ 5 rule with secondary suppression (:mod:`game.stats.disclosure`):
a count of 1–4 is None, and so is any figure from which one could be worked out by
subtraction, within a level or across the level filter. A share or a mean rank needs at
least five sessions behind it. The functions take an open connection so the game's
:class:`~game.stats.store.StatsStore` and the ``stats`` command share them.
"""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass, field, replace

from game.stats.interval import wilson
from game.stats.privacy import backed


@dataclass(frozen=True)
class ChoiceShares:
    """How the sessions that reached one scene chose.

    ``total`` sessions reached the scene (always at least 5); ``counts`` maps each option
    chosen to the number of sessions that chose it, None when that is 1–4.
    """

    total: int
    counts: dict[str, int | None]

    def share(self, option_id: str) -> float | None:
        """The fraction (0..1) of ``total`` who chose ``option_id``; None when hidden."""
        count = self.counts.get(option_id, 0)
        return None if count is None else count / self.total


@dataclass(frozen=True)
class GuessRanks:
    """Where earlier players ranked each category (1 = most important), on average.

    ``sessions`` players made a ranking (at least 5); a category ranked by fewer than 5
    of them has a None mean.
    """

    sessions: int
    mean_rank: dict[str, float | None]


@dataclass(frozen=True)
class Rate:
    """``part`` of ``total`` sessions, with its Wilson 95 % interval (``low``..``high``, 0..1)."""

    part: int
    total: int
    low: float
    high: float

    @property
    def share(self) -> float:
        return self.part / self.total


def rate(part: int | None, total: int | None) -> Rate | None:
    """The rate, or None when either count is hidden or fewer than 5 sessions stand behind it."""
    if part is None or total is None or not backed(total):
        return None
    return Rate(part, total, *wilson(part, total))


@dataclass(frozen=True)
class Learning:
    """What the visits taught, in the fiction (None wherever the k ≥ 5 rule hides a figure).

    ``joined_before`` and ``joined_after`` count the same visitors, those who answered
    the question after the reveal: how many had joined Halo at the start, and how many
    would join knowing what they now know. ``matched`` is the share of rankings whose
    first category is what moved the visitor's own score most, to set against
    ``chance`` (1 / the number of categories: a ranking made blind).
    """

    answered: int | None
    joined_before: Rate | None
    joined_after: Rate | None
    guessed: int | None
    matched: Rate | None
    categories: int

    @property
    def chance(self) -> float | None:
        return 1 / self.categories if self.categories else None

    def with_categories(self, categories: int) -> Learning:
        """The same figures with the level's own number of categories (known from its file)."""
        return replace(self, categories=categories)


@dataclass(frozen=True)
class Summary:
    """Everything the facilitator sees; None wherever the k ≥ 5 rule hides a figure.

    ``choices`` is keyed by ``(level, scene_id)`` and ``guesses`` by ``(level, variant)``
    (guesses are only comparable within one rule set), both in a stable order.
    """

    level: str | None
    sessions: int | None
    completed: int | None
    abandoned: int | None
    goal_reached: int | None
    grades: dict[str, int | None]
    choices: dict[tuple[str, str], ChoiceShares | None]
    guesses: dict[tuple[str, str], GuessRanks | None]
    learning: dict[str, Learning] = field(default_factory=dict)  # by level


@dataclass(frozen=True)
class LevelTable:
    """Every figure of one level with secondary suppression applied (None where hidden).

    Keys: ``("sessions",)``, ``("completed",)``, ``("abandoned",)``, ``("reached",)``,
    ``("missed",)``, ``("grade", g)``, ``("scene", s)``, ``("choice", s, o)``,
    ``("guessed", v)`` and ``("ranked", v, c)`` (``v`` None: all rule sets pooled),
    ``("answered",)``, ``("before"|"after", "yes"|"no")``, ``("matchable",)`` and
    ``("matched", "yes"|"no")``. ``categories``: how many categories were ever ranked.
    """

    level: str
    figures: dict[tuple[str | None, ...], int | None]
    means: dict[tuple[str | None, str], float]
    scenes: tuple[str, ...]  # in their usual order of play
    variants: tuple[str, ...]  # rule sets with rankings, sorted
    categories: int = 0

    def get(self, *key: str | None) -> int | None:
        """The figure, 0 if nothing was ever counted there, None if hidden."""
        return self.figures.get(key, 0)

    def grades(self) -> dict[str, int | None]:
        ordered = sorted(self.figures.items(), key=lambda kv: str(kv[0]))
        return {str(k[1]): v for k, v in ordered if k[0] == "grade"}

    def shares(self, scene_id: str) -> ChoiceShares | None:
        total = self.figures.get(("scene", scene_id))
        if not total:
            return None
        counts = {str(k[2]): v for k, v in self.figures.items() if k[0] == "choice" and k[1] == scene_id}
        return ChoiceShares(total, _ordered(counts))

    def ranks(self, variant: str | None) -> GuessRanks | None:
        sessions = self.figures.get(("guessed", variant))
        if not sessions:
            return None
        means = [
            (str(k[2]), self.means.get((variant, str(k[2]))) if v else None)
            for k, v in self.figures.items()
            if k[0] == "ranked" and k[1] == variant
        ]
        return GuessRanks(sessions, dict(sorted(means, key=_hidden_last)))

    def learning(self) -> Learning:
        answered, guessed = self.get("answered"), self.get("matchable")
        return Learning(
            answered,
            rate(self.get("before", "yes"), answered),
            rate(self.get("after", "yes"), answered),
            guessed,
            rate(self.get("matched", "yes"), guessed),
            self.categories,
        )


def level_table(conn: sqlite3.Connection, level: str) -> LevelTable:
    """All of ``level``'s figures from the database, with small and recoverable cells hidden."""
    from game.stats.tables import build

    table = build(conn, level).table()
    assert isinstance(table, LevelTable)
    return table


def levels(conn: sqlite3.Connection) -> list[str]:
    return [str(level) for (level,) in conn.execute("SELECT DISTINCT level FROM sessions ORDER BY level")]


def choice_shares(conn: sqlite3.Connection, level: str, scene_id: str) -> ChoiceShares | None:
    """The split of choices in one scene, or None if fewer than 5 sessions reached it (or hidden)."""
    return level_table(conn, level).shares(scene_id)


def guess_ranks(conn: sqlite3.Connection, level: str, variant: str | None = None) -> GuessRanks | None:
    """Mean rank per category among players of ``level`` (one rule set, or all pooled)."""
    return level_table(conn, level).ranks(variant)


def summary(conn: sqlite3.Connection, level: str | None = None) -> Summary:
    """All figures for one level, or for every level together when ``level`` is None."""
    tables = [level_table(conn, level)] if level is not None else [level_table(conn, lv) for lv in levels(conn)]
    return summary_of(tables, level)


def summary_of(tables: list[LevelTable], level: str | None) -> Summary:
    """The summary of one level's table, or of several levels' tables together.

    An all-levels figure is the sum of the levels' own figures, shown only when every one
    of them is shown: it then says nothing a reader could not add up from the per-level
    views, so comparing "all levels" with "--level kiosk" recovers no hidden session.
    """

    def total(*key: str) -> int | None:
        parts = [t.get(*key) for t in tables]
        return None if any(p is None for p in parts) else sum(p for p in parts if p is not None)

    letters = sorted({g for t in tables for g in t.grades()})
    return Summary(
        level=level,
        sessions=total("sessions"),
        completed=total("completed"),
        abandoned=total("abandoned"),
        goal_reached=total("reached"),
        grades={g: total("grade", g) for g in letters},
        choices={(t.level, scene): t.shares(scene) for t in tables for scene in t.scenes},
        guesses={(t.level, v): t.ranks(v) for t in tables for v in t.variants},
        learning={t.level: t.learning() for t in tables},
    )


def _ordered(counts: dict[str, int | None]) -> dict[str, int | None]:
    """Largest first; hidden options last by id, so their order gives nothing away."""
    return dict(sorted(counts.items(), key=lambda kv: (kv[1] is None, -(kv[1] or 0), kv[0])))


def _hidden_last(item: tuple[str, float | None]) -> tuple[bool, float, str]:
    """Best-ranked first; hidden categories last by id."""
    return item[1] is None, item[1] or 0.0, item[0]
