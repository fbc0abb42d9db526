"""A short, seeded fuzz run of the shipped levels (``make fuzz`` runs thousands): never a traceback."""

from __future__ import annotations

import os

from hypothesis import HealthCheck, given, seed, settings
from hypothesis import strategies as st

from game.tools.fuzz import Tally, run_case

CASES = int(os.environ.get("OPEN_SESAME_FUZZ_CASES", "25"))


def test_mutated_levels_are_refused_with_lines_or_drawn() -> None:
    tally = Tally()

    @seed(20260314)
    @settings(max_examples=CASES, deadline=None, database=None, suppress_health_check=list(HealthCheck))
    @given(st.data())
    def one_case(data: st.DataObject) -> None:
        assert run_case(data.draw, tally) in ("refused", "accepted")

    one_case()  # a failure is shrunk by hypothesis and raised here, with the mutation that caused it
    assert tally.cases >= CASES
    assert tally.outcomes["refused"] > 0 and tally.outcomes["accepted"] > 0, tally.outcomes
