"""The kinds later content needs: refunds, ratings, joining late, a door answering to any flag,
lines that depend on the month so far; and the registry that holds them."""

from __future__ import annotations

from typing import Any

import pytest
from pydantic import ValidationError

from game.core.events import Rated, Reply
from game.core.lookup import reply_text
from game.core.session import Session
from game.kinds.conditions import CONDITION_TESTS, Condition
from game.kinds.effects import KINDS, infer_kind
from tests.core.levelkit import base, build, cat, contact, option, play, ride, scene, t, week


def with_first_scene(options: list[dict[str, Any]], **level: Any) -> Session:
    data = base()
    data["weeks"][0]["scenes"][0]["options"] = options
    data.update(level)
    return Session(build(data), "ann")


def test_every_effect_kind_is_one_registered_module() -> None:
    assert set(KINDS) == {"category", "contact_score", "relation", "money", "flag", "refund", "rating", "join"}
    for name, cls in KINDS.items():
        assert cls.__module__ == f"game.kinds.effects.{name}"
    assert infer_kind({"category": "x", "delta": 1}) == "effect:category"
    assert infer_kind({"contact": "x", "relation": "dropped"}) == "effect:relation"
    assert infer_kind({"contact": "x", "delta": 1}) == "effect:contact_score"
    assert infer_kind({"category": "x", "money": 1}) is None  # two targets
    assert infer_kind({"contact": "x", "delta": 1, "relation": "dropped"}) is None


def test_every_condition_test_is_registered_and_the_model_is_built_from_them() -> None:
    assert {"persona", "flags", "not_flags", "score_below", "money_at_least", "not_contacts", "week_at_least"} <= set(
        CONDITION_TESTS
    )
    assert set(Condition.model_fields) == set(CONDITION_TESTS)
    with pytest.raises(ValidationError):
        Condition.model_validate({"nonsense": 1})


def test_a_refund_gives_back_what_was_paid_a_week_later() -> None:
    data = base()
    data["weeks"][0]["scenes"][1]["options"][0] = option(
        "ride", door="bike", on_granted=[{"flag": "done"}, {"refund": "bike", "delay_weeks": 1}]
    )
    session = Session(build(data), "ann")  # 600: a 30 deposit
    play(session, "accept", "up", "ride")  # the last scene of week 1: then its publication
    ledger = session.state.ledger
    paid = next(e for e in ledger if e.key == "bike")
    published = next(e for e in ledger if e.key == "published" and e.week == 1)
    (refund,) = [e for e in ledger if e.key == "refund:bike"]
    assert paid.before - paid.after == 30 and refund.after - refund.before == 30
    assert paid.seq < published.seq < refund.seq  # a week later, with the publication
    assert session.state.money == 100


def test_a_refund_never_invents_money_when_nothing_was_paid() -> None:
    data = base()
    data["weeks"][0]["scenes"][0]["options"][0] = option("up", effects=[cat("behaviour", 40)])
    data["weeks"][1]["scenes"][0]["options"][0] = option("ride", door="bike", on_granted=[{"refund": "bike"}])
    session = Session(build(data), "ann")
    play(session, "accept", "up", "walk", "ride")  # 720 by week 2: granted without a deposit
    assert not [e for e in session.state.ledger if e.key == "refund:bike"]


def test_ratings_move_the_rated_score_both_ways() -> None:
    session = with_first_scene(
        [
            option("up", effects=[{"rate": "mei", "stars": 1}]),
            option("down", effects=[{"rated_by": "mei", "stars": 5}]),
        ],
        contacts=[contact("mei", 500)],
        rating={"category": "behaviour", "per_star": 2, "contact_per_star": 6},
    )
    events = play(session, "accept", "up")
    assert Rated("you", "mei", 1) in events
    assert session.state.contacts["mei"].score == 500 - 2 * 6
    other = with_first_scene(
        [option("up"), option("down", effects=[{"rated_by": "mei", "stars": 5}])], contacts=[contact("mei", 500)]
    )
    play(other, "accept", "down")
    entry = next(e for e in other.state.ledger if e.target == "category" and e.key == "behaviour")
    assert entry.after - entry.before == 2 * 2.0 and entry.cause == "contact"  # she rated you: not your choice


def test_a_rating_names_one_side() -> None:
    with pytest.raises(ValidationError, match="union_tag_not_found"):  # two targets: the loader says so
        with_first_scene(
            [option("up", effects=[{"rate": "mei", "rated_by": "mei", "stars": 2}])], contacts=[contact("mei", 500)]
        )


def test_joining_late_starts_the_score_from_the_next_publication() -> None:
    data = base()
    data["consent"].pop("declined_scenes")
    data["consent"]["declined_weeks"] = [
        week("d1", [scene("no_halo", [option("join_now", effects=[{"join": True}]), option("stay_out")])]),
        week("d2", [scene("station", [ride()])]),
    ]
    session = Session(build(data), "ann")
    play(session, "decline", "join_now")
    assert not session.declined and "joined_late" in session.state.flags
    (door,) = [e for e in play(session, "ride") if type(e).__name__ == "DoorChecked"]
    assert door.reason == "score" and door.outcome == "deposit" and door.amount == 30  # not the declined 50
    assert session.over and session.outcome().joined_late and session.outcome().final_score is not None


def test_a_month_without_halo_has_its_own_weeks_and_draws() -> None:
    data = base()
    data["consent"].pop("declined_scenes")
    data["consent"]["declined_weeks"] = [
        week("d1", [scene(f"a{i}", [option("ok")]) for i in range(4)], draw=2),
        week("d2", [scene("b", [option("ok")])]),
    ]
    level = build(data)
    schedules = {tuple(map(tuple, _declined(level, seed))) for seed in range(20)}
    assert len(schedules) > 1 and all(len(s) == 2 and len(s[0]) == 2 for s in schedules)
    assert _declined(level, 3) == _declined(level, 3)


def _declined(level: Any, seed: int) -> list[list[str]]:
    session = Session(level, "ann", seed)
    session.choose("decline")
    return session.state.schedule


def test_a_door_can_answer_to_any_flag_first() -> None:
    data = base()
    data["doors"][0]["flags"] = {"vip": {"outcome": "grant", "text": t("Welcome, VIP.")}}
    data["weeks"][0]["scenes"][0]["options"][0] = option("up", effects=[{"flag": "vip"}])
    session = Session(build(data), "ann")
    (door,) = [e for e in play(session, "accept", "up", "ride") if type(e).__name__ == "DoorChecked"]
    assert (door.outcome, door.reason, door.tier) == ("grant", "vip", "vip")


def test_lines_depend_on_the_month_so_far() -> None:
    data = base()
    data["contacts"] = [contact("mei", 500)]
    data["weeks"][0]["scenes"][0]["options"] = [
        option("up", effects=[{"contact": "mei", "relation": "dropped"}]),
        option("down"),
    ]
    data["weeks"][0]["scenes"][1]["options"][1] = option(
        "walk", reply=t("Mei waves."), reply_when=[{"when": {"not_friends": ["mei"]}, "text": t("Mei looks away.")}]
    )
    level = build(data)
    for first, said in (("up", "Mei looks away."), ("down", "Mei waves.")):
        session = Session(level, "ann")
        (reply,) = [e for e in play(session, "accept", first, "walk") if isinstance(e, Reply)]
        assert reply_text(session.ix, reply) == t(said)


def test_every_effect_survives_a_dump_and_a_reload() -> None:
    """A level dumped to plain data (unset targets as None) validates back to the same level."""
    from game.content.load import load_level
    from game.content.models import Level
    from game.paths import LEVELS_DIR

    for path in sorted(LEVELS_DIR.glob("*.yaml")):
        level = load_level(path)
        again = Level.model_validate(level.model_dump())
        assert again == level, path.name
    assert infer_kind({"rate": None, "rated_by": "mei", "stars": 2}) == "effect:rating"
