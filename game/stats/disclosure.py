"""Secondary suppression: which figures to hide so that no small group can be worked out.

Hiding every count of 1–4 (primary suppression) is not enough when figures can be
combined. With 20 sessions of which one declined Halo, the consent split shows ``<5`` /
``<5`` but the next scene, reached by the 19 who accepted, says "19 sessions": 20 − 19
gives the decline away. This module decides, for all the figures of one level at once,
which must be hidden so that such subtractions find nothing.

Each figure is a count of sessions together with *which* sessions (a bitset), so the
rules look at the real populations rather than guessing at the level's structure:

1. **primary**: a count of 1–4 is hidden (0 describes nobody and is shown);
2. **splits**: when cells partition a total (completed / abandoned, the grades, the
   options of a scene), a hidden total hides all its cells; with a shown total, the
   hidden cells must be at least two and add up to at least 5, else the smallest shown
   cell is hidden too (or the total, if no cell is left to hide);
3. **differences**: two shown figures where one population contains the other must
   differ by 0 or by at least 5 (the 20 and the 19 above, or a scene total and a figure
   of another scene); otherwise the less important one is hidden. Counts are compared
   with counts; the sessions behind a mean rank with those behind the same category's
   mean in another view (all rule sets pooled, or one), where a difference of one
   player would give that player's answer away;
4. **equal populations**: a shown figure that counts exactly the sessions of a hidden
   one (a side scene reached only through one option, say) is hidden too.

The rules are applied until nothing changes (hiding only ever grows, so this ends). The
order of importance is fixed by the kind of figure, then by size and key, never by the
history of the database, so every view of the same data hides the same cells.

What is not audited: sums of three or more figures from different splits that happen to
isolate a small group. The rules above cover every pair, every split, and the attacks
found so far; they are deliberately conservative (they hide more than the minimum).
"""

from __future__ import annotations

from collections.abc import Hashable, Iterable
from dataclasses import dataclass, field

K_MIN = 5


@dataclass
class Figure:
    """One published count: its key, rank of importance, and the sessions it counts."""

    key: Hashable
    members: int  # a bitset of session positions
    rank: int = 0  # lower is more important (kept in preference)
    family: Hashable = "count"
    """Figures are compared in pairs within a family: published counts with each other, the
    populations behind a mean only with those behind the same kind of mean (a mean over
    20 players and one over 19 of them give away the 20th player's answer)."""
    count: int = field(init=False)

    def __post_init__(self) -> None:
        self.count = self.members.bit_count()


@dataclass(frozen=True)
class Split:
    """Cells that partition a total's sessions (every session of the total in exactly one)."""

    total: Hashable
    cells: tuple[Hashable, ...]


def small(count: int) -> bool:
    """1–4: a count that could point at somebody."""
    return 0 < count < K_MIN


def suppress(
    figures: Iterable[Figure],
    splits: Iterable[Split] = (),
    *,
    published: Iterable[Figure] = (),
    withheld: Iterable[Figure] = (),
) -> set[Hashable]:
    """The keys of the figures that must be hidden; see the module docstring.

    ``published`` and ``withheld`` are figures of the same sessions that another view already
    shows or hides (the rules sandbox beside the level's summary): the new figures are checked
    against them by the same rules, so nothing is recovered by comparing the two views, and
    their own fate is left as it was.
    """
    order = sorted(figures, key=lambda f: (f.rank, -f.count, repr(f.key)))
    by_key = {f.key: f for f in order}
    splits = [s for s in splits if s.total in by_key]
    hidden = {f.key for f in order if small(f.count)}
    shown_elsewhere = list(published)
    hidden_elsewhere = [f for f in withheld if f.count > 0]
    changed = True
    while changed:
        changed = False
        for split in splits:
            changed |= _protect_split(split, by_key, hidden)
        changed |= _protect_pairs(order, hidden, shown_elsewhere, hidden_elsewhere)
    return hidden


def _protect_split(split: Split, by_key: dict[Hashable, Figure], hidden: set[Hashable]) -> bool:
    cells = [by_key[c] for c in split.cells if c in by_key]
    if split.total in hidden:
        newly = {c.key for c in cells} - hidden
        hidden |= newly
        return bool(newly)
    covered = [c for c in cells if c.key in hidden]
    if not covered:
        return False
    if len(covered) >= 2 and not small(sum(c.count for c in covered)):
        return False
    candidates = sorted((c for c in cells if c.key not in hidden and c.count > 0), key=lambda c: (c.count, -c.rank))
    hidden.add(candidates[0].key if candidates else split.total)
    return True


def _protect_pairs(order: list[Figure], hidden: set[Hashable], published: list[Figure], withheld: list[Figure]) -> bool:
    changed = False
    kept: list[Figure] = list(published)
    covered = [*withheld, *(f for f in order if f.key in hidden and f.count > 0)]
    for figure in order:
        if figure.key in hidden:
            continue
        if figure.count > 0 and (_too_close(figure, kept) or _same_as_hidden(figure, covered)):
            hidden.add(figure.key)
            covered.append(figure)
            changed = True
            continue
        kept.append(figure)
    return changed


def _too_close(figure: Figure, kept: list[Figure]) -> bool:
    """Whether ``figure`` and an already shown figure are nested and differ by 1–4."""
    for other in kept:
        if other.family != figure.family or other.count == 0 or not small(abs(other.count - figure.count)):
            continue
        inside = figure.members & other.members
        if inside == figure.members or inside == other.members:
            return True
    return False


def _same_as_hidden(figure: Figure, covered: list[Figure]) -> bool:
    return any(
        other.family == figure.family and other.count == figure.count and other.members == figure.members
        for other in covered
    )


def bitset(positions: Iterable[int]) -> int:
    """An int with bit ``p`` set for each position (fast for many positions)."""
    data = bytearray()
    for p in positions:
        byte = p >> 3
        if byte >= len(data):
            data.extend(bytes(byte - len(data) + 1 + (len(data) >> 1)))
        data[byte] |= 1 << (p & 7)
    return int.from_bytes(data, "little")
