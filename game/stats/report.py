"""Read-only figures for the debrief ("others at this kiosk") and the facilitator summary.

Every figure passes the k ≥ 5 rule of :mod:`game.stats.privacy`: a count of 1–4 is None,
and a share or a mean rank needs at least five sessions behind it. The functions take an
open connection so the game's :class:`~game.stats.store.StatsStore` and the ``stats``
command share them.
"""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass

from game.stats.privacy import backed, protect, shown


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


_FILTERS = {"level": "s.level = :level", "variant": "s.variant = :variant", "scene": "c.scene_id = :scene"}


def _where(**params: str | None) -> tuple[str, dict[str, str]]:
    """A WHERE clause for the given non-None filters (literal conditions, so indexes apply)."""
    given = {name: value for name, value in params.items() if value is not None}
    return " AND ".join(["1", *(_FILTERS[name] for name in given)]), given


def choice_shares(conn: sqlite3.Connection, level: str, scene_id: str) -> ChoiceShares | None:
    """The split of choices in one scene, or None if fewer than 5 sessions reached it."""
    return _choice_table(conn, level, scene_id).get((level, scene_id))


def guess_ranks(conn: sqlite3.Connection, level: str, variant: str | None = None) -> GuessRanks | None:
    """Mean rank per category among players of ``level`` (one rule set, or all pooled)."""
    where, params = _where(level=level, variant=variant)
    sessions = conn.execute(
        f"SELECT COUNT(DISTINCT g.session_id) FROM guess g JOIN sessions s ON s.id = g.session_id WHERE {where}",
        params,
    ).fetchone()[0]
    if not backed(sessions):
        return None
    rows = conn.execute(
        "SELECT g.category, AVG(g.rank), COUNT(*) FROM guess g JOIN sessions s ON s.id = g.session_id "
        f"WHERE {where} GROUP BY g.category",
        params,
    )
    means = sorted(((cat, mean if backed(n) else None) for cat, mean, n in rows), key=_hidden_last)
    return GuessRanks(sessions, dict(means))


def summary(conn: sqlite3.Connection, level: str | None = None) -> Summary:
    """All figures for one level, or for every level together when ``level`` is None."""
    where, params = _where(level=level)
    total, completed, reached, missed = conn.execute(
        "SELECT COUNT(*), COALESCE(SUM(completed), 0), COALESCE(SUM(goal_reached = 1), 0), "
        f"COALESCE(SUM(goal_reached = 0), 0) FROM sessions s WHERE {where}",
        params,
    ).fetchone()
    ends = protect({"completed": completed, "abandoned": total - completed})
    goal = protect({"reached": reached, "missed": missed})
    grades = conn.execute(
        f"SELECT grade, COUNT(*) FROM sessions s WHERE {where} AND grade IS NOT NULL GROUP BY grade ORDER BY grade",
        params,
    )
    variants = conn.execute(
        "SELECT DISTINCT s.level, s.variant FROM guess g JOIN sessions s ON s.id = g.session_id "
        f"WHERE {where} ORDER BY 1, 2",
        params,
    ).fetchall()
    return Summary(
        level=level,
        sessions=shown(total),
        completed=ends["completed"],
        abandoned=ends["abandoned"],
        goal_reached=goal["reached"],
        grades=protect(dict(grades.fetchall())),
        choices=_choice_table(conn, level, None),
        guesses={(lvl, var): guess_ranks(conn, lvl, var) for lvl, var in variants},
    )


def _choice_table(
    conn: sqlite3.Connection, level: str | None, scene_id: str | None
) -> dict[tuple[str, str], ChoiceShares | None]:
    """Choice splits keyed by (level, scene), scenes in their usual order of play."""
    where, params = _where(level=level, scene=scene_id)
    join = "FROM choices c JOIN sessions s ON s.id = c.session_id"
    scenes = conn.execute(
        f"SELECT s.level, c.scene_id, COUNT(DISTINCT c.session_id) {join} WHERE {where} "
        "GROUP BY s.level, c.scene_id ORDER BY s.level, AVG(c.pos), c.scene_id",
        params,
    ).fetchall()
    counts: dict[tuple[str, str], dict[str, int]] = {}
    options = conn.execute(
        f"SELECT s.level, c.scene_id, c.option_id, COUNT(DISTINCT c.session_id) {join} WHERE {where} "
        "GROUP BY s.level, c.scene_id, c.option_id",
        params,
    )
    for lvl, scene, option, n in options:
        counts.setdefault((lvl, scene), {})[option] = n
    return {
        (lvl, scene): ChoiceShares(n, _ordered(protect(counts.get((lvl, scene), {})))) if backed(n) else None
        for lvl, scene, n in scenes
    }


def _ordered(counts: dict[str, int | None]) -> dict[str, int | None]:
    """Largest first; hidden options last by id, so their order gives nothing away."""
    return dict(sorted(counts.items(), key=lambda kv: (kv[1] is None, -(kv[1] or 0), kv[0])))


def _hidden_last(item: tuple[str, float | None]) -> tuple[bool, float, str]:
    """Best-ranked first; hidden categories last by id."""
    return item[1] is None, item[1] or 0.0, item[0]
