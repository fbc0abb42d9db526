"""The decisive what-if is the single other choice (or life) that changes the ending most.

Checked by brute force: every month that differs from the visitor's by one choice is
played again from scratch, with the options open at that moment, and ranked.
"""

from __future__ import annotations

import random

import pytest

from game.content.load import load_level
from game.content.models import Level
from game.core.replay import Timeline, play_log, timeline_of
from game.core.rules import CONSENT
from game.core.session import Session
from game.debrief.decisive import decisive, distance
from game.debrief.whatif import WhatIf
from game.paths import LEVELS_DIR

SAMPLE = load_level(LEVELS_DIR / "sample.yaml")


def played(level: Level, persona: str, seed: int) -> Session:
    session = Session(level, persona, seed)
    rng = random.Random(seed)
    while not session.over:
        options = session.option_ids()
        session.choose("accept" if session.scene_id == CONSENT else rng.choice(options))
    return session


def every_single_change(session: Session) -> list[tuple[int, str, Timeline]]:
    """Each choice changed to each option that was open then, played out from the start."""
    st = session.state
    out = []
    for index, (scene, chosen) in enumerate(st.choices):
        if scene == CONSENT:
            continue
        probe = Session(session.level, st.persona, st.seed, st.variant)
        for _, option in st.choices[:index]:
            probe.choose(option)
        for other in probe.option_ids():
            if other == chosen:
                continue
            month = Session(session.level, st.persona, st.seed, st.variant)
            for _, option in st.choices[:index]:
                month.choose(option)
            month.choose(other)
            out.append((index, other, timeline_of(play_log(month, list(st.choices[index + 1 :]), strict=False))))
    return out


@pytest.mark.parametrize("seed", range(6))
@pytest.mark.parametrize("persona", [p.id for p in SAMPLE.personas])
def test_the_decisive_choice_is_the_largest_single_change(persona: str, seed: int) -> None:
    session = played(SAMPLE, persona, seed)
    mine = timeline_of(session)
    brute = every_single_change(session)
    found = decisive(WhatIf(session), "choice")
    best = max((distance(SAMPLE, mine, t) for _, _, t in brute), default=0.0)
    if best == 0:
        assert found is None
        return
    assert found is not None and found.distance == best
    # and it is the month that change really gives
    twin = next(t for i, o, t in brute if (i, o) == (found.index, found.option))
    assert twin.outcome == found.timeline.outcome and twin.scores == found.timeline.scores


def test_a_goal_changed_outweighs_any_grade_door_or_points() -> None:
    session = played(SAMPLE, SAMPLE.personas[0].id, 3)
    mine = timeline_of(session)
    others = [t for _, _, t in every_single_change(session)]
    for other in others:
        far = distance(SAMPLE, mine, other)
        if mine.outcome.goal_reached != other.outcome.goal_reached:
            assert far >= 1000
        if mine.outcome.grade != other.outcome.grade:
            assert far >= 100
        if other.outcome == mine.outcome and other.doors == mine.doors:
            assert far == 0
    flips = [t for t in others if t.outcome.goal_reached != mine.outcome.goal_reached]
    found = decisive(WhatIf(session), "choice")
    if flips:
        assert found is not None and found.timeline.outcome.goal_reached != mine.outcome.goal_reached


def test_consenting_is_never_the_decisive_choice_and_another_life_is_offered() -> None:
    for persona in SAMPLE.personas:
        session = played(SAMPLE, persona.id, 1)
        whatif = WhatIf(session)
        found = decisive(whatif, "choice")
        assert found is None or found.scene != CONSENT
        life = decisive(whatif, "persona")
        if life is not None:
            assert life.persona != persona.id and life.persona in {p.id for p in SAMPLE.personas}
