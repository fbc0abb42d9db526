"""``{join: true}``: join Halo after all, in the middle of a month lived without it.

The ``declined`` flag is cleared and ``joined_late`` set; from the next weekly
publication on, the score is computed and doors read it like anyone's.
"""

from __future__ import annotations

from typing import ClassVar, Literal

from game.kinds.base import Because, EffectBase, EffectContext


class JoinEffect(EffectBase):
    kind: ClassVar[str] = "join"
    selects: ClassVar[tuple[tuple[str, ...], ...]] = (("join",),)
    doc: ClassVar[str] = "join: true"

    join: Literal[True]

    def apply(self, ctx: EffectContext, because: Because) -> None:
        ctx.join_halo(because)

    def sets_flags(self) -> set[str]:
        return {"joined_late"}
