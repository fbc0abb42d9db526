"""Who do these rules favour? One answer from the figures per persona.

Two readings of the same figures. *Who wins now*: the life with the best mean score under
these rules is ahead of the one with the worst, by the gap between them. *Who gains*: the
life whose mean score gains most (or loses least) against the month as lived is favoured
by the change, the one who gains least (or loses most) is not; when every life moves
alike (within ``alike_within`` score points of the data file) the rules changed nothing
that matters, and only the first reading is said. The gap before and after says whether
the rules widen or narrow it.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Literal


@dataclass(frozen=True)
class Standing:
    """One life's mean score before and after (the figures behind the answer)."""

    persona: str
    before: float
    after: float

    @property
    def change(self) -> float:
        return self.after - self.before


@dataclass(frozen=True)
class Verdict:
    kind: Literal["few", "alike", "favour"]
    best: Standing | None = None  # gains most
    worst: Standing | None = None  # gains least
    top: Standing | None = None  # the best score under these rules
    bottom: Standing | None = None  # the worst
    gap_before: float | None = None
    gap_after: float | None = None


def verdict(standings: Sequence[Standing], alike_within: float) -> Verdict:
    """The answer for these lives (those whose figures may be shown)."""
    if len(standings) < 2:
        return Verdict("few")
    ordered = sorted(standings, key=lambda s: (-s.change, s.persona))
    best, worst = ordered[0], ordered[-1]
    standing = sorted(standings, key=lambda s: (-s.after, s.persona))
    gap_before = max(s.before for s in standings) - min(s.before for s in standings)
    gap_after = max(s.after for s in standings) - min(s.after for s in standings)
    kind: Literal["alike", "favour"] = "alike" if best.change - worst.change < alike_within else "favour"
    return Verdict(kind, best, worst, standing[0], standing[-1], gap_before, gap_after)
