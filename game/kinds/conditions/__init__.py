"""Condition tests, one module each (or a few close ones per module), and the model built from them.

A condition is a mapping of tests that must all hold: ``{persona: [student], score_below:
600}``. Its pydantic model is made from the registered tests, so a new test is a new
module here that calls :func:`~game.kinds.registry.condition_test`.
"""

from __future__ import annotations

import sys
from functools import cached_property
from typing import TYPE_CHECKING, Any

from pydantic import create_model

from game.content.types import Strict
from game.kinds.registry import CONDITION_TESTS, LintContext, Path_, import_all

if TYPE_CHECKING:
    from game.core.state import SessionState

import_all(sys.modules[__name__])


class ConditionBase(Strict):
    """All the given tests must hold (an empty condition always holds)."""

    @cached_property
    def made(self) -> tuple[tuple[str, Any], ...]:
        """The tests this condition makes, found once: a month asks tens of conditions at
        every step, and looking through every registered test each time cost a fifth of
        the engine's time. Kept in the instance's own dictionary, where pydantic's equality,
        hashing and dumps do not look (a private attribute would be slower to read)."""
        return tuple((key, getattr(self, key)) for key in CONDITION_TESTS if getattr(self, key, None) is not None)

    def tests(self) -> list[tuple[str, Any]]:
        """The tests this condition makes, as (key, value), in registry order."""
        return list(self.made)

    def value(self, key: str) -> Any:
        """A test's value, or None when the condition does not make that test."""
        return getattr(self, key, None)

    def holds(self, state: SessionState) -> bool:
        return all(CONDITION_TESTS[key].holds(value, state) for key, value in self.made)

    def lint(self, ctx: LintContext, path: Path_) -> bool:
        """Check every test's references; False when the condition can never hold."""
        possible = True
        for key, value in self.tests():
            possible = CONDITION_TESTS[key].lint(value, ctx, (*path, key)) and possible
        return possible


Condition: type[ConditionBase] = create_model(  # type: ignore[call-overload]
    "Condition",
    __base__=ConditionBase,
    __module__=__name__,
    **{key: (test.annotation | None, None) for key, test in CONDITION_TESTS.items()},
)
Condition.__doc__ = ConditionBase.__doc__

__all__ = ["Condition", "ConditionBase"]
