"""``persona: [student, rider]``: the player is one of these personas."""

from __future__ import annotations

from typing import TYPE_CHECKING

from game.content.types import Ident
from game.kinds.registry import ConditionTest, LintContext, Path_, condition_test

if TYPE_CHECKING:
    from game.core.state import SessionState


def _holds(value: list[str], state: SessionState) -> bool:
    return state.persona in value


def _lint(value: list[str], ctx: LintContext, path: Path_) -> bool:
    for i, pid in enumerate(value):
        if pid not in ctx.personas:
            ctx.bad((*path, i), f"unknown persona {pid!r}")
    return True


condition_test(ConditionTest("persona", list[Ident], _holds, "the player is one of these personas", _lint))
