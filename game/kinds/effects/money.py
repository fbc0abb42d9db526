"""``{money: -20}``: add to the player's money (negative to spend)."""

from __future__ import annotations

from typing import ClassVar

from game.content.types import Money
from game.kinds.base import Because, EffectBase, EffectContext


class MoneyEffect(EffectBase):
    kind: ClassVar[str] = "money"
    selects: ClassVar[tuple[tuple[str, ...], ...]] = (("money",),)
    doc: ClassVar[str] = "money"

    money: Money

    def apply(self, ctx: EffectContext, because: Because) -> None:
        ctx.add_money(self.money, because)
