"""Guess, then see: the player's ranking of the categories against the true weights.

The ranking is a list of category ids, most important first. A tap adds a category at
the end or, if it is already ranked, takes it out (later ones move up). When only one
category is left, it is obviously last: :func:`complete` adds it.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from game.content.models import Level
from game.core.rules import index_of


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


@dataclass(frozen=True)
class GuessRow:
    category: str
    share: float  # the true weight, 0..1
    true_rank: int
    yours: int | None  # the player's rank, None if not ranked
    others: float | None  # earlier visitors' mean rank, None when hidden or unknown

    @property
    def right(self) -> bool:
        return self.yours == self.true_rank


def guess_rows(
    level: Level, variant: str, ranking: Sequence[str], others: Mapping[str, float | None] | None = None
) -> list[GuessRow]:
    """One row per category, heaviest true weight first."""
    ix = index_of(level)
    weights = {c: ix.rules[variant].weights.get(c, 0.0) for c in ix.categories}
    total = sum(weights.values()) or 1.0
    ranks = true_ranks(weights)
    rows = [
        GuessRow(
            c,
            weights[c] / total,
            ranks[c],
            ranking.index(c) + 1 if c in ranking else None,
            (others or {}).get(c),
        )
        for c in ix.categories
    ]
    rows.sort(key=lambda r: (r.true_rank, ix.categories.index(r.category)))
    return rows


def top_match(rows: Sequence[GuessRow]) -> bool:
    """Whether the category the player put first is one of the heaviest."""
    return any(r.yours == 1 and r.true_rank == 1 for r in rows)
