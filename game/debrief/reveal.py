"""The guided reveal's figures: the few things a visitor can take in within two minutes.

Four steps, each a view of the month already in the ledger: the biggest hidden causes on
the weeks they struck, the people who paid, the corrected "not your fault", the decisive
what-if. The screens (:mod:`game.screens.reveal`) only choose the words and pictures.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from game.content.models import Level
from game.core.state import SessionState
from game.debrief.guess import own_points, own_ranking
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


def top_category(level: Level, state: SessionState) -> tuple[str, float] | None:
    """The category that moved this visitor's score furthest (net, as the guess panel and
    the statistics count it, :func:`game.debrief.guess.own_ranking`), with its signed
    points; None when nothing moved it."""
    ranking = own_ranking(level, state)
    if not ranking:
        return None
    return ranking[0], own_points(level, state)[ranking[0]]
