"""The rules laid bare and the guess set beside them, from the level and the month."""

from __future__ import annotations

import pytest

from game.content.models import Level
from game.core.ledger import LedgerEntry
from game.debrief.guess import (
    complete,
    guess_matched,
    guess_rows,
    own_points,
    own_ranking,
    own_top_match,
    toggle,
    top_match,
    true_ranks,
)
from game.debrief.rules import heard_whispers, rule_set, rules_view
from tests.debrief.months import CRUEL, KIND, play, sample


@pytest.fixture(scope="module")
def level() -> Level:
    return sample()


def test_rule_set_shares_and_points_per_subscore(level: Level) -> None:
    view = rule_set(level, "standard")
    shares = {w.category: w.share for w in view.weights}
    assert shares["credit_history"] == pytest.approx(0.35)
    assert sum(shares.values()) == pytest.approx(1.0)
    per = {w.category: w.per_point for w in view.weights}
    assert per["credit_history"] == pytest.approx(600 * 0.35 / 100)


def test_rules_view_shows_every_scene_met_with_the_choice_taken(level: Level) -> None:
    st = play(level, CRUEL).state
    view = rules_view(level, st)
    assert [m.scene for m in view.met] == ["bike", "game", "post", "appeal_note", "fine", "wedding"]
    taken = {(m.scene, o.option) for m in view.met for o in m.options if o.taken}
    assert taken == {c for c in st.choices if c[0] != "consent"}
    fine = next(m for m in view.met if m.scene == "fine")
    ignore = next(o for o in fine.options if o.option == "ignore")
    assert ignore.reveal is None and ignore.points == (("credit_history", pytest.approx(-21.0)),)
    assert len(view.doors) == len(level.doors)
    bike = next(d for d in view.doors if d.door == "bike")
    assert bike.tiers == ((600, "grant", 0), (350, "deposit", 30)) and bike.declined == ("deposit", 30)


def test_rules_nobody_could_guess_are_the_months_own_and_surprises_stay_with_their_scene(level: Level) -> None:
    view = rules_view(level, play(level, KIND).state)
    texts = [r.text["en"] for r in view.unguessable]
    assert texts == ["Your friends' scores count for 15%."]
    game = next(m for m in view.met if m.scene == "game")
    assert {o.option for o in game.options if o.surprise} == {"buy_game", "buy_nappies"}
    assert view.elsewhere == ()


def test_several_rule_sets_are_all_shown_the_sessions_first(level: Level) -> None:
    data = level.model_dump()
    data["rules"].append(
        {
            "id": "strict",
            "name": {"fr": "Strict", "en": "Strict"},
            "weights": {"credit_history": 60, "fulfilment": 10, "personal": 10, "behaviour": 10, "connections": 10},
        }
    )
    two = Level.model_validate(data)
    st = play(two, CRUEL).state
    view = rules_view(two, st)
    assert view.mine.id == st.variant
    assert {s.id for s in view.sets} == {"standard", "strict"}


def test_whispers_heard_come_with_the_truth(level: Level) -> None:
    heard = heard_whispers(level, play(level, CRUEL).state)
    assert [(h.contact, h.truth) for h in heard] == [("mei", "unknown")]
    assert heard_whispers(level, play(level, {}, accept=False).state) == []


def test_toggle_adds_then_takes_back() -> None:
    ranking = toggle([], "b")
    ranking = toggle(ranking, "a")
    assert ranking == ["b", "a"]
    assert toggle(ranking, "b") == ["a"]
    assert complete(["a", "b", "c", "d"], ["a", "b", "c", "d", "e"]) == ["a", "b", "c", "d", "e"]
    assert complete(["a"], ["a", "b", "c"]) == ["a"]


def test_true_ranks_share_ties() -> None:
    assert true_ranks({"a": 25, "b": 20, "c": 20, "d": 20, "e": 15}) == {"a": 1, "b": 2, "c": 2, "d": 2, "e": 5}


def test_guess_rows_set_the_guess_beside_the_weights(level: Level) -> None:
    guess = ["behaviour", "credit_history"]
    rows = guess_rows(level, "standard", guess, {"credit_history": 1.4, "behaviour": None})
    assert rows[0].category == "credit_history"
    by = {r.category: r for r in rows}
    assert by["credit_history"].yours == 2 and by["credit_history"].true_rank == 1
    assert by["behaviour"].yours == 1 and by["behaviour"].true_rank == 5
    assert by["fulfilment"].yours is None
    assert by["credit_history"].others == 1.4 and by["behaviour"].others is None
    assert sum(r.share for r in rows) == pytest.approx(1.0)
    assert not top_match(rows)
    assert top_match(guess_rows(level, "standard", ["credit_history"]))


# -- the guess beside the visitor's own month ---------------------------------------------------------
def entry(seq: int, category: str, points: float, cause: str = "choice") -> LedgerEntry:
    return LedgerEntry(seq, 1, cause, "category", category, 0.0, 0.0, points)  # type: ignore[arg-type]


def test_own_ranking_is_by_net_movement_a_round_trip_moves_nothing(level: Level) -> None:
    ledger = [
        entry(0, "behaviour", +10.0),
        entry(1, "behaviour", -10.0),  # given back: behaviour did not move the score
        entry(2, "personal", -3.0, "persona"),
        entry(3, "credit_history", +5.0, "system_error"),
        entry(4, "fulfilment", +3.0),
        LedgerEntry(5, 1, "choice", "money", "money", 10, 0, 99.0),  # not a category: not a score movement
    ]
    assert own_points(level, ledger)["behaviour"] == 0.0
    # +5 first; equal sizes (+3 and −3) go by the level's order (fulfilment before personal)
    assert own_ranking(level, ledger) == ["credit_history", "fulfilment", "personal"]
    assert guess_matched(["credit_history", "behaviour"], own_ranking(level, ledger))
    assert not guess_matched(["behaviour"], own_ranking(level, ledger))
    assert not guess_matched([], own_ranking(level, ledger)) and not guess_matched(["behaviour"], [])


def test_the_cruel_month_against_its_own_ledger(level: Level) -> None:
    st = play(level, CRUEL).state
    # net points: credit history −31.5, personal −9.0, behaviour −4.8, fulfilment +3.0, connections −1.8
    # (connections moved 16.2 points up and down, but ended 1.8 down: last, not second)
    assert own_ranking(level, st) == ["credit_history", "personal", "behaviour", "fulfilment", "connections"]
    assert own_ranking(level, st.ledger) == own_ranking(level, st)
    assert own_points(level, st)["credit_history"] == pytest.approx(-31.5)
    rows = guess_rows(level, "standard", ["connections", "personal"], month=st)
    assert [r.category for r in rows] == own_ranking(level, st)  # the visitor's month first
    by = {r.category: r for r in rows}
    assert by["personal"].own_rank == 2 and by["personal"].own_right and by["personal"].yours == 2
    assert by["connections"].own_rank == 5 and not by["connections"].own_right
    assert by["credit_history"].moved == pytest.approx(-31.5)
    assert not own_top_match(rows)
    assert own_top_match(guess_rows(level, "standard", ["credit_history"], month=st))


def test_equal_weights_share_their_places_and_each_place_is_right(level: Level) -> None:
    rows = {r.category: r for r in guess_rows(level, "standard", ["a", "b", "c", "connections"])}
    # sample weights 35 / 25 / 15 / 10 / 15: personal and connections share places 3 and 4
    assert rows["personal"].places == rows["connections"].places == (3, 4)
    assert rows["personal"].shared and not rows["credit_history"].shared
    assert rows["connections"].yours == 4 and rows["connections"].right  # place 4 of the shared 3–4
    assert rows["behaviour"].places == (5, 5)


def test_a_declined_month_has_no_own_ranking(level: Level) -> None:
    st = play(level, KIND, accept=False).state
    assert own_ranking(level, st) == [] and own_ranking(level, st.ledger) == []
    assert set(own_points(level, st).values()) == {0.0}
    rows = guess_rows(level, "standard", ["credit_history"], month=st)
    assert all(r.own_rank is None for r in rows) and rows[0].category == "credit_history"  # by weight
    assert not guess_matched(["credit_history"], own_ranking(level, st))
