"""``{contact: mei, delta: -10}``: move a contact's score (clamped to the score range).

If they are a friend, the connections sub-score follows, with this effect's cause.
"""

from __future__ import annotations

from typing import ClassVar

from game.content.types import Ident, Small
from game.kinds.base import Because, EffectBase, EffectContext, check_contact
from game.kinds.registry import LintContext, Path_


class ContactScoreEffect(EffectBase):
    kind: ClassVar[str] = "contact_score"
    selects: ClassVar[tuple[tuple[str, ...], ...]] = (("contact", "delta"),)
    doc: ClassVar[str] = "contact + delta"

    contact: Ident
    delta: Small

    def apply(self, ctx: EffectContext, because: Because) -> None:
        ctx.change_contact(self.contact, self.delta, because)

    def lint(self, ctx: LintContext, path: Path_) -> None:
        check_contact(self.contact, ctx, (*path, "contact"))
