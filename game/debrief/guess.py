"""Guess, then see: the visitor's ranking set beside their own month, then beside the weights.

The ranking is a list of category ids, most important first. A tap adds a category at
the end or, if it is already ranked, takes it out (later ones move up). When only one
category is left, it is obviously last: :func:`complete` adds it.

The question is what moved *your* score most, so the first answer is the visitor's own
ledger (:func:`own_ranking`); the level's weights come second. Weights are often equal
(25/20/20/20/15): equal weights share their places (2–4), and any of those places is
a right guess, so no rank is one a visitor can never get right.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from game.content.models import Level
from game.core.ledger import LedgerEntry
from game.core.rules import index_of
from game.core.state import SessionState

MOVED = 0.05
"""Points below which a category did not move the score (the debrief shows tenths)."""


def toggle(ranking: Sequence[str], category: str) -> list[str]:
    """The ranking after tapping ``category``."""
    if category in ranking:
        return [c for c in ranking if c != category]
    return [*ranking, category]


def complete(ranking: Sequence[str], categories: Sequence[str]) -> list[str]:
    """Add the last category when every other one is ranked."""
    left = [c for c in categories if c not in ranking]
    return [*ranking, *left] if len(left) == 1 else list(ranking)


def true_ranks(weights: Mapping[str, float]) -> dict[str, int]:
    """1 for the heaviest weight; equal weights share a rank (1, 2, 2, 2, 5)."""
    return {c: 1 + sum(1 for w in weights.values() if w > weight) for c, weight in weights.items()}


def _declined(source: SessionState | Sequence[LedgerEntry]) -> bool:
    if isinstance(source, SessionState):
        return "declined" in source.flags
    flags = [bool(e.after) for e in source if e.target == "flag" and e.key == "declined"]
    return bool(flags) and flags[-1]


def own_points(level: Level, source: SessionState | Sequence[LedgerEntry]) -> dict[str, float]:
    """The signed points each category moved this visitor's score, over the whole month.

    Every category entry counts, whatever its cause (a choice, the persona, a contact, an
    error): the question is what moved the score, not who is to blame. A visitor who
    declined Halo had no score, so nothing moved it: every category is 0.
    """
    out = dict.fromkeys(index_of(level).categories, 0.0)
    if _declined(source):
        return out
    ledger = source.ledger if isinstance(source, SessionState) else source
    for entry in ledger:
        if entry.target == "category" and entry.key in out:
            out[entry.key] += entry.points
    return out


def own_ranking(level: Level, source: SessionState | Sequence[LedgerEntry]) -> list[str]:
    """The categories that moved this visitor's score, the one that moved it furthest first.

    Ranked by the size of the *net* movement (``abs`` of the signed sum), not by the sum
    of absolute steps: what a visitor calls "what moved my score most" is where the score
    ended up, and a category that took 8 points and gave them back (friends dropped, then
    regained) left the score where it was. The sign does not matter: −30 moved the score
    further than +5. Categories that did not move it (under :data:`MOVED`) are left out,
    so a declined visitor's list is empty; ties go by the level's order.
    """
    points = own_points(level, source)
    order = list(points)
    moved = [c for c in order if abs(points[c]) >= MOVED]
    return sorted(moved, key=lambda c: (-abs(points[c]), order.index(c)))


def guess_matched(guess: Sequence[str], own: Sequence[str]) -> bool:
    """Whether the visitor's first pick is what moved their score most (False if either is empty)."""
    return bool(guess) and bool(own) and guess[0] == own[0]


@dataclass(frozen=True)
class GuessRow:
    category: str
    share: float  # the true weight, 0..1
    true_rank: int  # by weight; equal weights share it
    yours: int | None  # the player's rank, None if not ranked
    others: float | None  # earlier visitors' mean rank, None when hidden or unknown
    moved: float = 0.0  # signed points this category moved the visitor's score
    own_rank: int | None = None  # its place in :func:`own_ranking`, None if it did not move it
    shared: bool = False  # its weight equals another category's (the rank is shared)
    last: int = 0  # the last place its equal weights share (true_rank when not shared)

    @property
    def places(self) -> tuple[int, int]:
        """The places its weight holds: (2, 4) for three equal weights after the heaviest."""
        return self.true_rank, max(self.true_rank, self.last)

    @property
    def right(self) -> bool:
        """The player's rank is one of the places its weight holds (equal weights share them)."""
        first, last = self.places
        return self.yours is not None and first <= self.yours <= last

    @property
    def own_right(self) -> bool:
        """The player's rank is its place in their own month."""
        return self.yours is not None and self.yours == self.own_rank


def guess_rows(
    level: Level,
    variant: str,
    ranking: Sequence[str],
    others: Mapping[str, float | None] | None = None,
    month: SessionState | Sequence[LedgerEntry] | None = None,
) -> list[GuessRow]:
    """One row per category: by the visitor's own month first when given, else by weight."""
    ix = index_of(level)
    weights = {c: ix.rules[variant].weights.get(c, 0.0) for c in ix.categories}
    total = sum(weights.values()) or 1.0
    ranks = true_ranks(weights)
    points = own_points(level, month) if month is not None else dict.fromkeys(ix.categories, 0.0)
    own = own_ranking(level, month) if month is not None else []
    rows = [
        GuessRow(
            c,
            weights[c] / total,
            ranks[c],
            ranking.index(c) + 1 if c in ranking else None,
            (others or {}).get(c),
            points[c],
            own.index(c) + 1 if c in own else None,
            sum(1 for w in weights.values() if w == weights[c]) > 1,
            ranks[c] - 1 + sum(1 for w in weights.values() if w == weights[c]),
        )
        for c in ix.categories
    ]
    if own:
        rows.sort(key=lambda r: (r.own_rank or len(rows) + 1, r.true_rank, ix.categories.index(r.category)))
    else:
        rows.sort(key=lambda r: (r.true_rank, ix.categories.index(r.category)))
    return rows


def top_match(rows: Sequence[GuessRow]) -> bool:
    """Whether the category the player put first is one of the heaviest."""
    return any(r.yours == 1 and r.true_rank == 1 for r in rows)


def own_top_match(rows: Sequence[GuessRow]) -> bool:
    """Whether the category the player put first is what moved their score most."""
    return any(r.yours == 1 and r.own_rank == 1 for r in rows)
