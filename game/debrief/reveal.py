"""The guided reveal's figures: the few things a visitor can take in within two minutes.

Four steps, each a view of the month already in the ledger: the biggest hidden causes on
the weeks they struck, the people who paid, the corrected "not your fault", the decisive
what-if. The screens (:mod:`game.screens.reveal`) only choose the words and pictures.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from game.debrief.views import Act, ContactFate, Step

STEPS: tuple[str, ...] = ("mirror", "paid", "fault", "whatif")
STRIKES = 3  # the hidden causes the mirror lifts, one by one
FACES = 4  # the people shown as having paid
HURT = ("reported", "dropped", "dropped_you")


@dataclass(frozen=True)
class Strike:
    """One hidden cause, on the step (0 = your data, n = week n) it struck."""

    step: int
    act: Act


def strikes(steps: Sequence[Step], count: int = STRIKES) -> list[Strike]:
    """The ``count`` movements that moved the score most, in the order they struck.

    Only hidden ones: a visitor saw their own choices but never what Halo made of them,
    so every category movement counts, whatever its cause.
    """
    found = [Strike(step.index, act) for step in steps for act in step.acts if round(act.points)]
    biggest = sorted(found, key=lambda s: -abs(s.act.points))[:count]
    return sorted(biggest, key=lambda s: (s.step, -abs(s.act.points)))


def who_paid(fates: Sequence[ContactFate], count: int = FACES) -> list[ContactFate]:
    """The people the visitor's month moved: those dropped or reported first (by the
    visitor, or by the system's spiral), then those whose score the visitor's choices moved.

    A contact whose score only drifted with their own life did not pay for this month.
    """
    moved = [f for f in fates if f.fate in HURT or round(f.by_you)]
    moved.sort(key=lambda f: (f.fate not in HURT, -abs(f.by_you)))
    return moved[:count]


def top_category(steps: Sequence[Step]) -> tuple[str, float] | None:
    """The category that moved this visitor's score the furthest, every rise and fall
    counted, with how many points it moved (None when nothing moved)."""
    moved: dict[str, float] = {}
    for step in steps:
        for act in step.acts:
            moved[act.category] = moved.get(act.category, 0.0) + abs(act.points)
    top = max(moved, key=lambda c: moved[c], default=None)
    return None if top is None or not round(moved[top]) else (top, moved[top])
