"""What if (engine replays), others at this kiosk (k ≥ 5), and the what-if timing figure."""

from __future__ import annotations

from pathlib import Path

import pytest

from game.content.models import Level
from game.core.replay import another_persona, replay, timeline_of, what_if
from game.debrief.bench import measure_what_if
from game.debrief.kiosk import kiosk_view
from game.debrief.whatif import WhatIf, choice_items, result
from game.stats import SessionRecord, StatsStore
from game.stats.report import ChoiceShares, GuessRanks
from tests.debrief.months import CRUEL, play, sample


@pytest.fixture(scope="module")
def level() -> Level:
    return sample()


def test_choice_items_list_choices_that_had_another_option(level: Level) -> None:
    session = play(level, CRUEL)
    items = choice_items(session)
    scenes = [i.scene for i in items]
    assert scenes == ["consent", "bike", "game", "post", "fine", "wedding"]  # appeal_note has one option
    consent = items[0]
    assert (consent.option, consent.others) == ("accept", ("decline",))
    assert consent.title["en"] == "Join Halo"
    assert items[1].text["en"] == "Take the bike" and items[1].others == ("walk",)


def test_what_if_is_the_engine_replay_with_that_choice_changed(level: Level) -> None:
    session = play(level, CRUEL)
    probe = WhatIf(session)
    choices = list(session.state.choices)
    index = choices.index(("fine", "pay"))
    other = probe.option(index, "ignore")
    assert other == what_if(level, "student", 3, choices, index, "ignore", session.state.variant)
    again = replay(level, "student", 3, list(other.choices), session.state.variant)
    assert again == other
    assert other.choices[index] == ("fine", "ignore")
    assert other.scores != tuple(session.state.history)
    assert probe.option(index, "ignore") is other  # kept, not replayed twice
    assert probe.mine() == timeline_of(session)


def test_declining_is_a_what_if_too(level: Level) -> None:
    session = play(level, CRUEL)
    declined = WhatIf(session).option(0, "decline")
    assert declined.outcome.declined and result(declined.outcome).score is None
    assert len(set(declined.scores)) == 1


def test_alternatives_say_which_options_were_open_then(level: Level) -> None:
    session = play(level, CRUEL)
    probe = WhatIf(session)
    alternatives = probe.alternatives(1)
    assert [(a.option, a.available) for a in alternatives] == [("walk", True)]


def test_same_choices_as_another_persona(level: Level) -> None:
    session = play(level, CRUEL)
    probe = WhatIf(session)
    worker = probe.as_persona("worker")
    expected = another_persona(level, "worker", 3, list(session.state.choices), session.state.variant)
    assert worker == expected
    assert worker.persona == "worker" and worker.scores[0] != session.state.history[0]


class FakeStats:
    """Answers like the store: None below five sessions."""

    def __init__(self, shares: dict[str, ChoiceShares | None], guesses: GuessRanks | None = None) -> None:
        self.shares, self.guesses = shares, guesses

    def choice_shares(self, level: str, scene_id: str) -> ChoiceShares | None:
        return self.shares.get(scene_id)

    def guess_vs_truth(self, level: str, variant: str | None = None) -> GuessRanks | None:
        return self.guesses


def test_kiosk_view_without_a_store_or_with_too_few_sessions(level: Level, tmp_path: Path) -> None:
    session = play(level, CRUEL)
    assert kiosk_view(None, session) is None
    assert kiosk_view(FakeStats({}), session).empty  # type: ignore[union-attr]
    with StatsStore(tmp_path / "stats.db") as store:
        for _ in range(4):
            store.record(_record(session))
        view = kiosk_view(store, session)
        assert view is not None and view.empty and view.hidden == len(session.state.choices)


def test_kiosk_view_with_enough_sessions(level: Level, tmp_path: Path) -> None:
    session = play(level, CRUEL)
    with StatsStore(tmp_path / "stats.db") as store:
        for _ in range(5):
            store.record(_record(session))
        view = kiosk_view(store, session)
    assert view is not None and not view.empty
    bike = next(s for s in view.scenes if s.scene == "bike")
    assert bike.total == 5
    assert [(s.option, s.share, s.yours) for s in bike.shares] == [("ride", 1.0, True), ("walk", 0.0, False)]
    assert view.guesses is not None and view.guesses.sessions == 5


def test_kiosk_view_keeps_hidden_shares_hidden(level: Level) -> None:
    session = play(level, CRUEL)
    shares = ChoiceShares(7, {"ride": None, "walk": None})
    view = kiosk_view(FakeStats({"bike": shares}), session)
    assert view is not None
    bike = view.scenes[0]
    assert [s.share for s in bike.shares] == [None, None]
    assert view.hidden == len(session.state.choices) - 1


def test_measure_what_if_gives_a_figure(level: Level) -> None:
    figure = measure_what_if(level, seeds=1)
    assert isinstance(figure, float) and figure > 0


def _record(session: object) -> SessionRecord:
    from datetime import datetime

    st = session.state  # type: ignore[attr-defined]
    now = datetime(2026, 1, 1, 10)
    return SessionRecord.make(
        level=st.level,
        persona=st.persona,
        language="en",
        variant=st.variant,
        choices=[f"{s}.{o}" for s, o in st.choices],
        guess=["credit_history", "behaviour"],
        final_score=st.published,
        grade="D",
        goal_reached=False,
        completed=True,
        started=now,
        ended=now,
    )


def test_what_if_replays_months_whose_rule_set_was_drawn() -> None:
    """With several rule sets the seed draws one; the replays must draw the same scenes."""
    from game.content.load import load_level
    from game.core.rules import index_of
    from game.paths import LEVELS_DIR

    path = LEVELS_DIR / "workshop.yaml"
    if not path.exists():
        pytest.skip("no workshop level")
    level = load_level(path)
    assert len(level.rules) > 1
    persona = level.personas[0].id
    variants = set()
    for seed in range(6):
        session = play(level, {}, persona=persona, seed=seed)
        variants.add(session.state.variant)
        probe = WhatIf(session)
        choices = list(session.state.choices)
        assert replay(level, persona, seed, choices, probe.variant) == timeline_of(session)
        for index in range(len(choices)):
            for alternative in probe.alternatives(index):
                if not alternative.available:
                    continue
                other = probe.option(index, alternative.option)
                assert other == what_if(level, persona, seed, choices, index, alternative.option, probe.variant)
                assert other.variant == session.state.variant
                assert other.choices[:index] == tuple(choices[:index])
        assert probe.as_persona(level.personas[1].id).variant == session.state.variant
    assert len(variants) > 1 and variants <= set(index_of(level).rules)
