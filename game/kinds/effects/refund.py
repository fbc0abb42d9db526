"""``{refund: hotel, delay_weeks: 1}``: give back the deposit last paid at a door.

The amount is what the player actually paid there this month (nothing if the door let
them in without a deposit), so a refund never invents money. Usually delayed: a
deposit comes back after a week, or not at all.
"""

from __future__ import annotations

from typing import ClassVar

from game.content.types import Ident
from game.kinds.base import Because, EffectBase, EffectContext
from game.kinds.registry import LintContext, Path_


class RefundEffect(EffectBase):
    kind: ClassVar[str] = "refund"
    selects: ClassVar[tuple[tuple[str, ...], ...]] = (("refund",),)
    doc: ClassVar[str] = "refund (a door id)"

    refund: Ident

    def apply(self, ctx: EffectContext, because: Because) -> None:
        amount = ctx.paid_at(self.refund)
        if amount:
            ctx.add_money(amount, because, key=f"refund:{self.refund}")

    def lint(self, ctx: LintContext, path: Path_) -> None:
        if self.refund not in ctx.doors:
            ctx.bad((*path, "refund"), f"unknown door {self.refund!r}")
