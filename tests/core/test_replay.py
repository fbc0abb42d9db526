"""Replays, "what if" and "another persona": whole months recomputed from a choice log."""

from __future__ import annotations

import pytest

from game.content.load import load_level
from game.core.replay import another_persona, play_log, replay, timeline_of, what_if
from game.core.session import Session
from game.paths import LEVELS_DIR
from tests.core.levelkit import base, build, finish, option, play

SAMPLE = load_level(LEVELS_DIR / "sample.yaml")


def month(level, persona: str, seed: int, pick: str | None = None) -> Session:  # type: ignore[no-untyped-def]
    session = Session(level, persona, seed)
    finish(session, pick)
    return session


@pytest.mark.parametrize("seed", [0, 1, 7])
@pytest.mark.parametrize("persona", ["student", "worker"])
def test_replay_gives_back_the_same_month(persona: str, seed: int) -> None:
    original = month(SAMPLE, persona, seed, "accept")
    again = replay(SAMPLE, persona, seed, original.state.choices)
    assert again == timeline_of(original)
    assert again.scores == tuple(original.state.history)


def test_strict_replay_refuses_a_log_that_does_not_fit() -> None:
    original = month(SAMPLE, "student", 0)
    choices = list(original.state.choices)
    with pytest.raises(ValueError, match="expected"):
        replay(SAMPLE, "student", 0, choices[:1] + choices[2:])
    bad = [*choices[:1], (choices[1][0], "no_such_option"), *choices[2:]]
    with pytest.raises(ValueError, match="not available"):
        replay(SAMPLE, "student", 0, bad)


def test_lenient_play_log_fills_gaps_with_the_first_available_option() -> None:
    session = play_log(Session(SAMPLE, "student", 0), [("consent", "accept")], strict=False)
    assert session.over
    assert session.state.choices == month(SAMPLE, "student", 0).state.choices


def test_what_if_changes_one_choice_and_keeps_the_rest() -> None:
    level = build(base())
    original = Session(level, "ann")
    play(original, "accept", "up", "walk", "ride")
    choices = original.state.choices
    assert timeline_of(original).scores == (600, 660, 660)
    other = what_if(level, "ann", 0, choices, 1, "down")
    assert other.choices == (("consent", "accept"), ("s1", "down"), ("s2", "walk"), ("s3", "ride"))
    assert other.scores == (600, 540, 540)
    assert [d.outcome for d in other.doors] == ["deposit"]
    assert [d.outcome for d in timeline_of(original).doors] == ["grant"]
    stay_home = what_if(level, "ann", 0, choices, 3, "walk")
    assert stay_home.choices[-1] == ("s3", "walk")
    assert timeline_of(original).outcome.goal_reached and not stay_home.outcome.goal_reached


def test_what_if_with_the_same_option_is_the_original() -> None:
    original = month(SAMPLE, "worker", 3, "accept")
    for index in range(len(original.state.choices)):
        scene, chosen = original.state.choices[index]
        assert what_if(SAMPLE, "worker", 3, original.state.choices, index, chosen) == timeline_of(original), scene


def test_what_if_declining_takes_the_declined_path() -> None:
    original = month(SAMPLE, "student", 0, "accept")
    other = what_if(SAMPLE, "student", 0, original.state.choices, 0, "decline")
    assert other.outcome.declined and other.outcome.grade is None
    assert other.choices[0] == ("consent", "decline")
    assert {s for s, _ in other.choices[1:]} <= {s.id for s in SAMPLE.consent.declined_scenes}


def test_what_if_refuses_bad_indexes_and_logs() -> None:
    original = month(SAMPLE, "student", 0)
    choices = original.state.choices
    with pytest.raises(IndexError):
        what_if(SAMPLE, "student", 0, choices, len(choices), "x")
    with pytest.raises(IndexError):
        what_if(SAMPLE, "student", 0, choices, -1, "x")
    with pytest.raises(ValueError):
        what_if(SAMPLE, "student", 0, [choices[0], ("nowhere", "x"), *choices[1:]], 2, "x")


def test_another_persona_lives_the_same_choices_under_the_same_rules() -> None:
    level = build(base())
    original = Session(level, "ann")
    play(original, "accept", "up", "walk", "ride")
    other = another_persona(level, "bob", 0, original.state.choices, original.state.variant)
    assert other.persona == "bob" and other.variant == original.state.variant
    assert other.choices == tuple(original.state.choices)
    assert other.scores == (630, 690, 690)
    assert [d.outcome for d in other.doors] == ["grant"]


def test_another_persona_adapts_when_an_option_is_missing() -> None:
    data = base()
    data["weeks"][0]["scenes"][0]["options"].append(option("perk", when={"persona": ["ann"]}))
    level = build(data)
    original = Session(level, "ann")
    play(original, "accept", "perk", "ride", "walk")
    other = another_persona(level, "bob", 0, original.state.choices, "std")
    assert other.choices == (("consent", "accept"), ("s1", "up"), ("s2", "ride"), ("s3", "walk"))


@pytest.mark.parametrize("persona", ["student", "worker"])
def test_another_persona_as_the_same_persona_is_a_replay(persona: str) -> None:
    original = month(SAMPLE, persona, 11, "accept")
    same = another_persona(SAMPLE, persona, 11, original.state.choices, original.state.variant)
    assert same == timeline_of(original)


def test_replay_with_the_drawn_variant_named_gives_back_the_same_month() -> None:
    """Naming the rule set a month drew must not change the month's other draws."""
    import random as _random

    from game.content.load import load_level
    from game.core.replay import replay
    from game.core.session import Session
    from game.paths import LEVELS_DIR

    level = load_level(LEVELS_DIR / "workshop.yaml")
    assert len(level.rules) > 1
    for seed in range(6):
        session = Session(level, level.personas[0].id, seed)
        rng = _random.Random(seed)
        while not session.over:
            session.choose(rng.choice(session.option_ids()))
        again = replay(level, session.state.persona, seed, list(session.state.choices), session.state.variant)
        assert again.scores == tuple(session.state.history)
        assert again.choices == tuple(session.state.choices)
