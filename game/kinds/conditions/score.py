"""``score_below: 600`` and ``score_at_least: 600``: the **published** score, as doors read it."""

from __future__ import annotations

from game.content.types import ScoreValue
from game.kinds.registry import ConditionTest, condition_test

condition_test(
    ConditionTest(
        "score_below", ScoreValue, lambda value, state: state.published < value, "the published score is below N"
    )
)
condition_test(
    ConditionTest(
        "score_at_least", ScoreValue, lambda value, state: state.published >= value, "the published score is N or more"
    )
)
