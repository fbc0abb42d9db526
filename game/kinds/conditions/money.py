"""``money_at_least: 50`` and ``money_below: 50``: the player's money."""

from __future__ import annotations

from game.content.types import Money
from game.kinds.registry import ConditionTest, condition_test

condition_test(
    ConditionTest("money_at_least", Money, lambda value, state: state.money >= value, "the player has N or more")
)
condition_test(
    ConditionTest("money_below", Money, lambda value, state: state.money < value, "the player has less than N")
)
