"""``{contact: mei, relation: dropped}``: change where a contact stands with you.

``friend``, ``acquaintance``, ``dropped`` or ``reported``; making someone who is not yet
in your contacts a friend or an acquaintance adds them. Dropping or reporting someone
is an event the screens show.
"""

from __future__ import annotations

from typing import ClassVar

from game.content.types import Ident, Relation
from game.kinds.base import Because, EffectBase, EffectContext, check_contact
from game.kinds.registry import LintContext, Path_


class RelationEffect(EffectBase):
    kind: ClassVar[str] = "relation"
    selects: ClassVar[tuple[tuple[str, ...], ...]] = (("contact", "relation"),)
    doc: ClassVar[str] = "contact + relation"

    contact: Ident
    relation: Relation

    def apply(self, ctx: EffectContext, because: Because) -> None:
        ctx.set_relation(self.contact, self.relation, because)

    def lint(self, ctx: LintContext, path: Path_) -> None:
        check_contact(self.contact, ctx, (*path, "contact"))
