"""The decisive what-if, found for the visitor.

Of every single choice they could have made otherwise (with the options open at that
moment) and every other life lived with the same choices, which would most have changed
how the month ended? The search is brute force over engine replays: a kiosk month has a
few dozen alternatives, each a replay of a millisecond or two.

How far two endings are apart is ranked the way a visitor feels it: the goal first, then
the grade, then the doors, then the score. Consenting or not is left out: refusing Halo
is the month without Halo, a panel of its own, not a what-if of the score.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

from game.content.models import Level
from game.core.replay import Timeline
from game.core.rules import CONSENT
from game.debrief.whatif import WhatIf

GOAL_WEIGHT = 1000.0
GRADE_WEIGHT = 100.0
DOOR_WEIGHT = 50.0
DOOR_RANK = {"refuse": 0, "deposit": 1, "grant": 2}


@dataclass(frozen=True)
class Decisive:
    """One other month, and how far its ending is from the visitor's."""

    kind: Literal["choice", "persona"]
    timeline: Timeline
    distance: float
    index: int | None = None  # the choice changed (kind "choice")
    scene: str | None = None
    option: str | None = None  # the other option taken
    persona: str | None = None  # the other life (kind "persona")


def best_doors(timeline: Timeline) -> dict[str, int]:
    """Each door met, by the best answer it gave this month."""
    out: dict[str, int] = {}
    for met in timeline.doors:
        rank = DOOR_RANK.get(met.outcome, 0)
        out[met.door] = max(rank, out.get(met.door, rank))
    return out


def grade_rank(level: Level, grade: str | None) -> int:
    ids = [g.id for g in level.grades]
    return ids.index(grade) if grade in ids else len(ids)


def distance(level: Level, mine: Timeline, other: Timeline) -> float:
    """How differently ``other`` ended: goal ×1000, grade letters ×100, doors ×50, points ×1."""
    a, b = mine.outcome, other.outcome
    far = GOAL_WEIGHT * (a.goal_reached != b.goal_reached)
    far += GRADE_WEIGHT * abs(grade_rank(level, a.grade) - grade_rank(level, b.grade))
    doors_a, doors_b = best_doors(mine), best_doors(other)
    far += DOOR_WEIGHT * sum(doors_a.get(d, -1) != doors_b.get(d, -1) for d in doors_a.keys() | doors_b.keys())
    far += abs((a.final_score or 0) - (b.final_score or 0))
    return far


def candidates(whatif: WhatIf) -> list[Decisive]:
    """Every single other choice that was open, and every other persona, with its distance."""
    level, mine = whatif.level, whatif.mine()
    found: list[Decisive] = []
    for index, (scene, _) in enumerate(whatif.choices):
        if scene == CONSENT:
            continue
        for alternative in whatif.alternatives(index):
            if not alternative.available:
                continue
            other = whatif.option(index, alternative.option)
            found.append(Decisive("choice", other, distance(level, mine, other), index, scene, alternative.option))
    for persona in level.personas:
        if persona.id == whatif.persona:
            continue
        other = whatif.as_persona(persona.id)
        found.append(Decisive("persona", other, distance(level, mine, other), persona=persona.id))
    return found


def decisive(whatif: WhatIf, kind: Literal["choice", "persona"] | None = None) -> Decisive | None:
    """The alternative that would most have changed the ending (the earliest on a tie).

    None when nothing would have changed it at all (or there was nothing else to try).
    """
    found = [c for c in candidates(whatif) if kind is None or c.kind == kind]
    best = max(found, key=lambda c: c.distance, default=None)
    return best if best is not None and best.distance > 0 else None
