"""The ledger: every hidden change, with its cause. The debrief is a view of it."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Literal

Cause = Literal["choice", "persona", "contact", "system_error", "recompute"]
CAUSES: tuple[Cause, ...] = ("choice", "persona", "contact", "system_error", "recompute")
Target = Literal["category", "contact", "relation", "money", "flag", "score", "rating"]


@dataclass(slots=True)
class LedgerEntry:
    """One hidden change.

    ``points`` is how far the change moved the (unrounded) score, so the debrief can say
    how much of the month came from each cause. ``week`` is 0 before the first week.
    """

    seq: int
    week: int
    cause: Cause
    target: Target
    key: str
    before: Any
    after: Any
    points: float = 0.0
    scene: str | None = None
    option: str | None = None
    why: dict[str, str] | None = None


def points_by_cause(entries: list[LedgerEntry]) -> dict[Cause, float]:
    """Total absolute score movement per cause (how much each kind of cause moved you)."""
    out: dict[Cause, float] = dict.fromkeys(CAUSES, 0.0)
    for entry in entries:
        if entry.target == "category":
            out[entry.cause] += abs(entry.points)
    return out


def net_points_by_cause(entries: list[LedgerEntry]) -> dict[Cause, float]:
    """Signed score movement per cause."""
    out: dict[Cause, float] = dict.fromkeys(CAUSES, 0.0)
    for entry in entries:
        if entry.target == "category":
            out[entry.cause] += entry.points
    return out
