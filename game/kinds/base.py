"""What every effect kind shares, and what applying one may do to a month.

An effect is a pydantic model (its YAML form) with behaviour (the type object pattern):
``apply`` changes the month through an :class:`EffectContext`, which the engine
implements and which logs every change with its cause; ``lint`` checks references;
``score_points`` and ``sets_flags`` let the debrief and the linter reason about it.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Annotated, ClassVar, Protocol

from pydantic import Field

from game.content.types import CauseKind, Ident, Strict, Text
from game.kinds.conditions import Condition
from game.kinds.registry import LintContext, Path_


@dataclass(frozen=True, slots=True)
class Because:
    """Why a change happens: the ledger records it with every change."""

    cause: CauseKind
    scene: str | None = None
    option: str | None = None
    why: dict[str, str] | None = None


class EffectContext(Protocol):
    """Everything an effect may do to a month; the engine logs each change with its cause."""

    def change_category(self, category: str, delta: float, because: Because) -> None: ...

    def change_contact(self, contact: str, delta: float, because: Because) -> None: ...

    def set_relation(self, contact: str, relation: str, because: Because) -> None: ...

    def add_money(self, amount: int, because: Because, key: str = "money") -> None: ...

    def set_flag(self, flag: str, value: bool, because: Because) -> None: ...

    def paid_at(self, door: str) -> int:
        """What the player last paid as a deposit at ``door`` this month (0 if nothing)."""
        ...

    def rating_rule(self) -> tuple[str, float, float, int]:
        """The level's rating rule: (category, per star, contact points per star, neutral stars)."""
        ...

    def log_rating(self, rater: str, rated: str, stars: int, because: Because) -> None: ...

    def join_halo(self, because: Because) -> None: ...


class EffectBase(Strict):
    """Fields every effect has: when it applies, whom the debrief blames, and why."""

    kind: ClassVar[str] = ""
    # the sets of YAML keys that name this kind (any one set, all its keys present); the
    # first key of each set is the effect's target: an effect has exactly one target
    selects: ClassVar[tuple[tuple[str, ...], ...]] = ()
    doc: ClassVar[str] = ""

    delay_scenes: Annotated[int, Field(ge=0, le=100)] = 0
    delay_weeks: Annotated[int, Field(ge=0, le=52)] = 0
    when: Condition | None = None
    cause: CauseKind | None = None
    why: Text | None = None

    def apply(self, ctx: EffectContext, because: Because) -> None:
        raise NotImplementedError

    def lint(self, ctx: LintContext, path: Path_) -> None:
        """Check this effect's own references (``when`` is checked by the caller)."""

    def sets_flags(self) -> set[str]:
        """Flags this effect can set (so conditions testing them can hold)."""
        return set()

    def score_points(self, per_point: dict[str, float]) -> dict[str, float]:
        """Score points this effect is worth, per category, before any clamping."""
        return {}


def check_contact(contact: str, ctx: LintContext, path: Path_) -> None:
    if contact not in ctx.contacts:
        ctx.bad(path, f"unknown contact {contact!r}")


__all__ = ["Because", "EffectBase", "EffectContext", "Ident", "check_contact"]
