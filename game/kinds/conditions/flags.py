"""``flags: [a, b]`` (every one is set) and ``not_flags: [a]`` (none is set)."""

from __future__ import annotations

from game.content.types import Ident
from game.kinds.registry import ConditionTest, LintContext, Path_, condition_test


def _lint_set(value: list[str], ctx: LintContext, path: Path_) -> bool:
    possible = True
    for i, flag in enumerate(value):
        if flag not in ctx.flags:
            ctx.bad((*path, i), f"flag {flag!r} is never set by any effect, so this never holds")
            possible = False
    return possible


condition_test(
    ConditionTest(
        "flags",
        list[Ident],
        lambda value, state: state.flags.issuperset(value),  # every f in value is in flags
        "every one of these flags is set",
        _lint_set,
    )
)
condition_test(
    ConditionTest(
        "not_flags",
        list[Ident],
        lambda value, state: state.flags.isdisjoint(value),  # no f in value is in flags
        "none of these flags is set",
    )
)
