"""People rate each other, as on Peeple or in Nosedive: one to five stars.

``{rate: nadia, stars: 1}``: you rate Nadia; her score moves by (stars − neutral) ×
the level's ``rating.contact_per_star`` (and your connections with it, if she is a
friend). ``{rated_by: nadia, stars: 5}``: Nadia rates you; your ``rating.category``
sub-score moves by (stars − neutral) × ``rating.per_star``, and the debrief blames her
(cause ``contact``) unless the effect says otherwise. Every rating is logged.
"""

from __future__ import annotations

from typing import Annotated, Any, ClassVar

from pydantic import Field, model_validator

from game.content.types import Ident
from game.kinds.base import Because, EffectBase, EffectContext, check_contact
from game.kinds.registry import LintContext, Path_

Stars = Annotated[int, Field(ge=1, le=5)]


class RatingEffect(EffectBase):
    kind: ClassVar[str] = "rating"
    selects: ClassVar[tuple[tuple[str, ...], ...]] = (("rate",), ("rated_by",))
    doc: ClassVar[str] = "rate or rated_by (+ stars)"

    rate: Ident | None = None
    rated_by: Ident | None = None
    stars: Stars

    @model_validator(mode="before")
    @classmethod
    def _one_side(cls, data: Any) -> Any:
        if isinstance(data, dict) and (data.get("rate") is not None) == (data.get("rated_by") is not None):
            raise ValueError("a rating has either rate (you rate them) or rated_by (they rate you)")
        return data

    def apply(self, ctx: EffectContext, because: Because) -> None:
        category, per_star, contact_per_star, neutral = ctx.rating_rule()
        if self.rate is not None:
            ctx.log_rating("you", self.rate, self.stars, because)
            ctx.change_contact(self.rate, (self.stars - neutral) * contact_per_star, because)
        else:
            assert self.rated_by is not None
            by = because if self.cause is not None else Because("contact", because.scene, because.option, because.why)
            ctx.log_rating(self.rated_by, "you", self.stars, by)
            ctx.change_category(category, (self.stars - neutral) * per_star, by)

    def lint(self, ctx: LintContext, path: Path_) -> None:
        who = self.rate if self.rate is not None else self.rated_by
        assert who is not None
        check_contact(who, ctx, (*path, "rate" if self.rate is not None else "rated_by"))
