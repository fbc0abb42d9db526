"""The registries of kinds, and what a condition test and a lint check may use.

Kinds import only this module, :mod:`game.kinds.base` and :mod:`game.content.types`,
never the engine: the engine imports the level models, which import the kinds.
"""

from __future__ import annotations

import importlib
import pkgutil
from collections.abc import Callable
from dataclasses import dataclass
from types import ModuleType
from typing import TYPE_CHECKING, Any, Protocol

if TYPE_CHECKING:
    from game.core.state import SessionState

Path_ = tuple[str | int, ...]


class LintContext(Protocol):
    """What a kind's lint check may look at, and how it reports a problem."""

    categories: set[str]
    contacts: set[str]
    doors: set[str]
    personas: set[str]
    scenes: set[str]
    flags: set[str]  # every flag some effect can set

    def bad(self, path: Path_, message: str) -> None: ...


@dataclass(frozen=True)
class ConditionTest:
    """One test a condition can make: ``{key: value}`` holds when ``holds(value, state)``.

    ``lint`` checks the value's references and returns False when it can never hold.
    """

    key: str
    annotation: Any  # the pydantic type of the value
    holds: Callable[[Any, SessionState], bool]
    doc: str
    lint: Callable[[Any, LintContext, Path_], bool] = lambda value, ctx, path: True


CONDITION_TESTS: dict[str, ConditionTest] = {}


def condition_test(test: ConditionTest) -> ConditionTest:
    """Register a condition test (module level, in ``game/kinds/conditions/``)."""
    if test.key in CONDITION_TESTS:
        raise ValueError(f"condition test {test.key!r} registered twice")
    CONDITION_TESTS[test.key] = test
    return test


def import_all(package: ModuleType) -> list[ModuleType]:
    """Import every module of a kinds package, in name order (their registrations run)."""
    return [
        importlib.import_module(f"{package.__name__}.{info.name}")
        for info in sorted(pkgutil.iter_modules(package.__path__), key=lambda i: i.name)
        if not info.name.startswith("_")
    ]
