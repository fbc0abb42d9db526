"""The raw figures of one level (which sessions each count covers), built fast and kept up to date.

:func:`build` reads a level's figures with a few grouped queries, each count with the set
of sessions behind it as a bitset (a Python int): at 100,000 sessions this takes about a
second, so the game's store builds it once and then adds each new session to it
(:meth:`RawTable.add`, microseconds). :meth:`RawTable.table` applies secondary suppression
(:mod:`game.stats.disclosure`), a few milliseconds, and remembers the result until the
next change.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Hashable
from dataclasses import dataclass, field

from game.stats.disclosure import Figure, Split, suppress
from game.stats.record import SessionRecord
from game.stats.schema import LEARNING_COLUMNS, columns_of, has_scene_index

Key = tuple[str | None, ...]
ENDS = (("sessions",), ("completed",), ("abandoned",), ("reached",), ("missed",))
# Ranks of importance for secondary suppression: the level's totals are kept first, then
# the grades, scene totals, single options, and the guesses.
RANKS = {"sessions": 0, "completed": 1, "abandoned": 1, "reached": 1, "missed": 1, "grade": 2, "scene": 3, "choice": 4}
RANK_GUESS, RANK_POOLED = 5, 6
# What the visits taught come last, so adding them never hides a figure shown before.
RANKS |= {"answered": 7, "matchable": 7, "before": 8, "after": 8, "matched": 8}
LEARNING_SPLITS = (
    Split(("answered",), (("before", "yes"), ("before", "no"))),
    Split(("answered",), (("after", "yes"), ("after", "no"))),
    Split(("matchable",), (("matched", "yes"), ("matched", "no"))),
)


def yes_no(value: bool | int) -> str:
    return "yes" if value else "no"


@dataclass
class RawTable:
    level: str
    base: int  # bit position = session id - base
    members: dict[Key, int] = field(default_factory=dict)
    options: dict[str, set[str]] = field(default_factory=dict)
    positions: dict[str, list[int]] = field(default_factory=dict)  # scene -> [sum of pos, count]
    sums: dict[tuple[str | None, str], list[float]] = field(default_factory=dict)  # -> [sum of ranks, count]
    _cached: object = None

    def _set(self, key: Key, bit: int) -> None:
        self.members[key] = self.members.get(key, 0) | bit

    def add(self, session_id: int, rec: SessionRecord) -> None:
        """Count one more session (just stored with ``session_id``)."""
        if session_id < self.base:
            raise ValueError("sessions must be added in id order")
        bit = 1 << (session_id - self.base)
        self._set(("sessions",), bit)
        self._set(("completed",) if rec.completed else ("abandoned",), bit)
        if rec.completed:
            self._set(("reached",) if rec.goal_reached else ("missed",), bit)
            self._set(("grade", str(rec.grade)), bit)
        for pos, (scene, option) in enumerate(rec.scene_choices(), 1):
            self._set(("scene", scene), bit)
            self._set(("choice", scene, option), bit)
            self.options.setdefault(scene, set()).add(option)
            place = self.positions.setdefault(scene, [0, 0])
            place[0] += pos
            place[1] += 1
        self.add_learning(bit, rec.joined, rec.join_again, rec.guess_matched)
        for rank, category in enumerate(rec.guess, 1):
            for variant in (rec.variant, None):
                self._set(("guessed", variant), bit)
                self._set(("ranked", variant, category), bit)
                total = self.sums.setdefault((variant, category), [0.0, 0])
                total[0] += rank
                total[1] += 1
        self._cached = None

    def add_learning(
        self, bits: int, joined: bool | int | None, join_again: bool | int | None, matched: bool | int | None
    ) -> None:
        """Count the consent beside the answer after the reveal (both known), and the guess's match."""
        if joined is not None and join_again is not None:
            self._set(("answered",), bits)
            self._set(("before", yes_no(joined)), bits)
            self._set(("after", yes_no(join_again)), bits)
        if matched is not None:
            self._set(("matchable",), bits)
            self._set(("matched", yes_no(matched)), bits)

    def table(self) -> object:
        """The :class:`~game.stats.report.LevelTable` of these figures (cached until the next add)."""
        from game.stats.report import LevelTable

        if isinstance(self._cached, LevelTable):
            return self._cached
        figures, hidden = self.disclosed()
        shown = {f.key: (None if f.key in hidden else f.count) for f in figures}
        scenes = sorted(self.positions, key=lambda s: (self.positions[s][0] / self.positions[s][1], s))
        variants = sorted({str(k[1]) for k in self.members if k[0] == "guessed" and k[1] is not None})
        means = {key: total / n for key, (total, n) in self.sums.items() if n}
        categories = len({c for v, c in self.sums if v is None})
        self._cached = LevelTable(
            self.level,
            shown,  # type: ignore[arg-type]
            means,
            tuple(scenes),
            tuple(variants),
            categories,
        )
        return self._cached

    def disclosed(self) -> tuple[list[Figure], set[Hashable]]:
        """Every figure (with the sessions it counts) and the keys that secondary suppression hides."""
        figures = []
        for key, bits in self.members.items():
            kind = str(key[0])
            rank = RANKS.get(kind, RANK_GUESS if len(key) > 1 and key[1] is not None else RANK_POOLED)
            family = ("mean", key[2]) if kind == "ranked" else "count"
            figures.append(Figure(key, bits, rank, family))
        figures += [Figure(key, 0, 0) for key in ENDS if key not in self.members]
        grades = tuple(k for k in self.members if k[0] == "grade")
        splits = [
            Split(("sessions",), (("completed",), ("abandoned",))),
            Split(("completed",), (("reached",), ("missed",))),
            Split(("completed",), grades),
            *(Split(("scene", s), tuple(("choice", s, o) for o in sorted(opts))) for s, opts in self.options.items()),
            *LEARNING_SPLITS,
        ]
        return figures, suppress(figures, splits)


def _bits(ids: str | None, base: int) -> int:
    """A bitset from SQLite's ``group_concat`` of session ids."""
    if not ids:
        return 0
    data = bytearray()
    for sid in map(int, ids.split(",")):
        p = sid - base
        byte = p >> 3
        if byte >= len(data):
            data.extend(bytes(byte - len(data) + 1 + len(data) // 2))
        data[byte] |= 1 << (p & 7)
    return int.from_bytes(data, "little")


def build(conn: sqlite3.Connection, level: str) -> RawTable:
    """Every raw figure of ``level`` from the database."""
    (base,) = conn.execute("SELECT COALESCE(MIN(id), 0) FROM sessions WHERE level = ?", (level,)).fetchone()
    raw = RawTable(level, int(base))
    ends = conn.execute(
        "SELECT completed, goal_reached, grade, group_concat(id) FROM sessions WHERE level = ? "
        "GROUP BY completed, goal_reached, grade",
        (level,),
    )
    for completed, goal, grade, ids in ends:
        bits = _bits(ids, raw.base)
        raw._set(("sessions",), bits)
        raw._set(("completed",) if completed else ("abandoned",), bits)
        if completed:
            raw._set(("reached",) if goal == 1 else ("missed",), bits)
            raw._set(("grade", str(grade)), bits)
    mine = "session_id IN (SELECT id FROM sessions WHERE level = ?)"
    index = "INDEXED BY choices_by_scene" if has_scene_index(conn) else ""  # in scene order: no sort needed
    choices = conn.execute(
        "SELECT scene_id, option_id, group_concat(session_id), SUM(pos), COUNT(*) "
        f"FROM choices {index} WHERE {mine} GROUP BY scene_id, option_id",
        (level,),
    )
    for scene, option, ids, pos_sum, n in choices:
        bits = _bits(ids, raw.base)
        raw._set(("scene", scene), bits)
        raw._set(("choice", scene, option), bits)
        raw.options.setdefault(scene, set()).add(option)
        place = raw.positions.setdefault(scene, [0, 0])
        place[0] += int(pos_sum)
        place[1] += int(n)
    if set(LEARNING_COLUMNS) <= columns_of(conn, "sessions"):  # a file from before them has none
        learned = conn.execute(
            "SELECT joined, join_again, guess_matched, group_concat(id) FROM sessions WHERE level = ? "
            "GROUP BY joined, join_again, guess_matched",
            (level,),
        )
        for joined, again, matched, ids in learned:
            raw.add_learning(_bits(ids, raw.base), joined, again, matched)
    guesses = conn.execute(
        "SELECT s.variant, g.category, group_concat(g.session_id), SUM(g.rank), COUNT(*) "
        "FROM guess g JOIN sessions s ON s.id = g.session_id WHERE s.level = ? GROUP BY s.variant, g.category",
        (level,),
    )
    for variant, category, ids, rank_sum, n in guesses:
        bits = _bits(ids, raw.base)
        for v in (variant, None):
            raw._set(("guessed", v), bits)
            raw._set(("ranked", v, category), bits)
            total = raw.sums.setdefault((v, category), [0.0, 0])
            total[0] += float(rank_sum)
            total[1] += int(n)
    return raw
