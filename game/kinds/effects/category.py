"""``{category: behaviour, delta: -6}``: move a sub-score (clamped 0..100).

On the connections category it adds an offset to what the contacts give.
"""

from __future__ import annotations

from typing import ClassVar

from game.content.types import Ident, Small
from game.kinds.base import Because, EffectBase, EffectContext
from game.kinds.registry import LintContext, Path_


class CategoryEffect(EffectBase):
    kind: ClassVar[str] = "category"
    selects: ClassVar[tuple[tuple[str, ...], ...]] = (("category",),)
    doc: ClassVar[str] = "category (+ delta)"

    category: Ident
    delta: Small

    def apply(self, ctx: EffectContext, because: Because) -> None:
        ctx.change_category(self.category, self.delta, because)

    def lint(self, ctx: LintContext, path: Path_) -> None:
        if self.category not in ctx.categories:
            ctx.bad((*path, "category"), f"unknown category {self.category!r}")

    def score_points(self, per_point: dict[str, float]) -> dict[str, float]:
        return {self.category: self.delta * per_point.get(self.category, 0.0)}
