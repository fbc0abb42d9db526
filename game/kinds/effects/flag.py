"""``{flag: at_wedding}`` / ``{flag: vip, value: false}``: set or clear a flag conditions test.

Two flags are the engine's own: ``blacklisted`` (doors use their blacklisted tier,
contacts who fear it drop you) and ``declined`` (set by declining the consent).
"""

from __future__ import annotations

from typing import ClassVar

from game.content.types import Ident
from game.kinds.base import Because, EffectBase, EffectContext


class FlagEffect(EffectBase):
    kind: ClassVar[str] = "flag"
    selects: ClassVar[tuple[tuple[str, ...], ...]] = (("flag",),)
    doc: ClassVar[str] = "flag (+ value)"

    flag: Ident
    value: bool = True

    def apply(self, ctx: EffectContext, because: Because) -> None:
        ctx.set_flag(self.flag, self.value, because)

    def sets_flags(self) -> set[str]:
        return {self.flag} if self.value else set()
