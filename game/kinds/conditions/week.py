"""``week_at_least: 3``: it is week 3 or later (weeks count from 1)."""

from __future__ import annotations

from typing import Annotated

from pydantic import Field

from game.kinds.registry import ConditionTest, condition_test

condition_test(
    ConditionTest(
        "week_at_least",
        Annotated[int, Field(ge=1, le=52)],
        lambda value, state: state.week + 1 >= value,
        "it is week N or later",
    )
)
