"""The session runtime on small inline levels (see levelkit) and on levels/sample.yaml."""

from __future__ import annotations

import itertools
from collections import Counter
from typing import Any

import pytest

from game.content.lint import lint_level
from game.content.load import load_level
from game.content.yamlsafe import Document
from game.core.events import (
    ContactDropped,
    DoorChecked,
    MonthEnded,
    OptionChosen,
    WeekPublished,
    WeekStarted,
)
from game.core.rules import index_of
from game.core.session import ChoiceError, Session
from game.paths import LEVELS_DIR
from tests.core.levelkit import base, build, cat, contact, finish, option, play, scene, t, week

SAMPLE = load_level(LEVELS_DIR / "sample.yaml")


def doors(events: list[Any]) -> list[DoorChecked]:
    return [e for e in events if isinstance(e, DoorChecked)]


def published(events: list[Any]) -> list[WeekPublished]:
    return [e for e in events if isinstance(e, WeekPublished)]


def test_the_inline_level_is_lint_clean() -> None:
    data = base()
    assert lint_level(build(data), Document("inline", data, {})) == []


# -- start -----------------------------------------------------------------------------------


def test_starting_score_depends_on_persona_data() -> None:
    level = build(base())
    ann, bob = Session(level, "ann"), Session(level, "bob")
    assert ann.state.published == 600
    assert bob.state.published == 630  # credit 50 + 10 -> mean 55 -> 300 + 600 * 0.55
    assert ann.state.history == [600] and bob.state.history == [630]
    circle, *persona_entries = [e for e in bob.state.ledger if e.cause == "persona"]
    assert circle.key == "connections" and circle.why is None  # who your friends are is logged as who you are
    assert len(persona_entries) == 1
    entry = persona_entries[0]
    assert (entry.target, entry.key, entry.before, entry.after) == ("category", "credit", 50, 60)
    assert entry.points == pytest.approx(30)
    assert entry.why == t("Employer: big firm")
    assert [e.key for e in ann.state.ledger if e.cause == "persona"] == ["connections"]


def test_sample_personas_start_apart() -> None:
    starts = {p.id: Session(SAMPLE, p.id).state.published for p in SAMPLE.personas}
    assert starts["worker"] > starts["student"]


def test_unknown_persona_and_variant_are_refused() -> None:
    level = build(base())
    with pytest.raises(ValueError, match="persona"):
        Session(level, "nobody")
    with pytest.raises(ValueError, match="variant"):
        Session(level, "ann", variant="nope")


def test_money_starts_from_the_persona() -> None:
    data = base()
    data["personas"][0]["money"] = 7
    assert Session(build(data), "ann").state.money == 7


# -- score ------------------------------------------------------------------------------------


@pytest.mark.parametrize(("delta", "expected"), [(1000, 900), (-1000, 300)])
def test_score_is_clamped_to_the_range(delta: float, expected: int) -> None:
    data = base()
    data["weeks"][0]["scenes"][0]["options"][0]["effects"] = [cat("credit", delta), cat("behaviour", delta)]
    session = Session(build(data), "ann")
    play(session, "accept", "up")
    assert session.state.sub["credit"] == session.state.sub["behaviour"] == (100 if delta > 0 else 0)
    finish(session, "walk")
    assert session.state.published == expected
    assert all(300 <= s <= 900 for s in session.state.history)


def test_score_formula_rounds_and_clamps() -> None:
    ix = index_of(build(base()))
    assert ix.score({"credit": 50, "behaviour": 50, "connections": 0}, "std") == 600
    assert ix.score({"credit": 50.1, "behaviour": 50, "connections": 0}, "std") == 600  # 600.3 rounds down
    assert ix.score({"credit": 50.2, "behaviour": 50, "connections": 0}, "std") == 601  # 600.6 rounds up
    assert ix.score({"credit": 500, "behaviour": 500, "connections": 0}, "std") == 900
    assert ix.score({"credit": -50, "behaviour": -50, "connections": 0}, "std") == 300


def test_grades_bands_and_messages() -> None:
    ix = index_of(build(base()))
    assert [ix.grade(s) for s in (900, 700, 699, 550, 549, 300)] == ["A", "A", "B", "B", "D", "D"]
    assert [ix.band(s) for s in (900, 600, 599, 300)] == [0, 0, 1, 1]
    assert [ix.message(d) for d in (30, 1, 0, -30)] == [0, 0, 1, 1]


def test_sub_scores_stay_within_0_and_100() -> None:
    data = base()
    data["weeks"][0]["scenes"][0]["options"][1]["effects"] = [cat("behaviour", -300)]
    session = Session(build(data), "ann")
    play(session, "accept", "down")
    assert session.state.sub["behaviour"] == 0
    entry = session.state.ledger[-1]
    assert (entry.before, entry.after) == (50, 0)
    assert entry.points == pytest.approx(-150)  # what actually moved, not the -300 asked


# -- doors ------------------------------------------------------------------------------------


def test_doors_check_the_published_score_not_the_live_one() -> None:
    session = Session(build(base()), "ann")
    events = play(session, "accept", "up")  # behaviour 70 -> live score 660, published still 600
    assert session.ix.score(session.state.sub, session.state.variant) == 660
    assert session.state.published == 600
    events = play(session, "ride")
    (door,) = doors(events)
    assert (door.outcome, door.amount, door.reason, door.score) == ("deposit", 30, "score", 600)
    assert session.state.money == 70
    assert published(events)[0].after == 660  # the end of week 1 publishes it
    (door,) = doors(play(session, "ride"))
    assert (door.outcome, door.amount, door.score) == ("grant", 0, 660)
    assert session.outcome().goal_reached


def test_deposit_is_charged_and_logged() -> None:
    session = Session(build(base()), "ann")
    play(session, "accept", "down", "ride")
    money = [e for e in session.state.ledger if e.target == "money"]
    assert [(e.key, e.before, e.after, e.cause, e.scene, e.option) for e in money] == [
        ("bike", 100, 70, "choice", "s2", "ride")
    ]
    met = session.state.doors[0]
    assert (met.door, met.week, met.scene, met.option, met.outcome, met.amount) == (
        "bike",
        1,
        "s2",
        "ride",
        "deposit",
        30,
    )
    assert "done" in session.state.flags  # a deposit is still a way in: on_granted applies


def test_a_deposit_you_cannot_pay_is_a_refusal() -> None:
    data = base()
    data["personas"][0]["money"] = 10
    session = Session(build(data), "ann")
    (door,) = doors(play(session, "accept", "down", "ride"))
    assert (door.outcome, door.reason, door.amount) == ("refuse", "money", 30)
    assert session.state.money == 10
    assert "done" not in session.state.flags
    assert session.state.sub["behaviour"] == 25  # 50 - 20, then on_refused -5


def test_blacklisted_tier_overrides_the_score() -> None:
    data = base()
    data["weeks"][0]["scenes"][0]["options"].append(option("fine", effects=[{"flag": "blacklisted"}]))
    session = Session(build(data), "bob")
    (door,) = doors(play(session, "accept", "fine", "ride"))
    assert (door.outcome, door.reason) == ("refuse", "blacklisted")
    assert session.ix.tier(door.door, door.tier).text == t("Insufficient score.")
    assert session.outcome().blacklisted
    assert session.state.sub["behaviour"] == 45  # on_refused


def test_a_door_without_a_blacklisted_tier_goes_by_the_score() -> None:
    data = base()
    del data["doors"][0]["blacklisted"]
    data["weeks"][0]["scenes"][0]["options"].append(option("fine", effects=[{"flag": "blacklisted"}]))
    session = Session(build(data), "ann")
    (door,) = doors(play(session, "accept", "fine", "ride"))
    assert (door.outcome, door.reason) == ("deposit", "score")


# -- consent and the declined path --------------------------------------------------------------


def test_consent_comes_first_and_takes_only_accept_or_decline() -> None:
    session = Session(build(base()), "ann")
    assert session.scene_id == "consent" and session.scene is None and session.week == 0
    assert session.option_ids() == ["accept", "decline"]
    with pytest.raises(ChoiceError):
        session.choose("up")
    events = session.choose("accept")
    assert events[0] == OptionChosen("consent", "accept")
    assert WeekStarted(1, None) in events
    assert session.scene_id == "s1" and session.week == 1


def test_declining_leads_to_the_declined_path() -> None:
    session = Session(build(base()), "ann")
    events = play(session, "decline")
    assert session.scene_id == "no_halo"
    assert "declined" in session.state.flags
    events = play(session, "ask")
    (door,) = doors(events)
    assert (door.outcome, door.amount, door.reason) == ("deposit", 50, "declined")
    assert events[-1] == MonthEnded(declined=True)
    (pub,) = published(events)
    assert pub.before == pub.after == 600  # nothing is published for someone outside Halo
    assert session.over and session.scene_id is None and session.options() == []
    outcome = session.outcome()
    assert outcome.declined and outcome.grade is None and outcome.final_score is None
    assert outcome.goal_reached and outcome.money == 50
    assert session.state.choices == [("consent", "decline"), ("no_halo", "ask")]


def test_declined_month_has_no_drift() -> None:
    data = base()
    data["recompute"] = {"drift": {"behaviour": -3}}
    session = Session(build(data), "ann")
    finish(session, "decline")
    assert not [e for e in session.state.ledger if e.cause == "recompute" and e.target == "category"]


def test_nothing_can_be_chosen_once_the_month_is_over() -> None:
    session = Session(build(base()), "ann")
    finish(session)
    with pytest.raises(ChoiceError, match="over"):
        session.choose("walk")


# -- delayed effects -----------------------------------------------------------------------------


@pytest.mark.parametrize("delay", [1, 2])
def test_delay_scenes_applies_after_that_many_more_scenes(delay: int) -> None:
    data = base()
    data["weeks"][0]["scenes"][0]["options"].append(
        option("later", effects=[cat("behaviour", 10, delay_scenes=delay, cause="system_error")])
    )
    session = Session(build(data), "ann")
    play(session, "accept", "later")
    assert session.state.sub["behaviour"] == 50
    assert len(session.state.pending) == 1
    for played in range(1, delay + 1):
        assert session.state.sub["behaviour"] == 50
        play(session, "walk")
        applied = session.state.sub["behaviour"] == 60
        assert applied == (played == delay), played
    entry = next(e for e in session.state.ledger if e.target == "category" and e.key == "behaviour")
    assert (entry.cause, entry.scene, entry.option) == ("system_error", "s1", "later")
    assert session.state.pending == []


def test_delay_weeks_applies_right_after_the_next_publication() -> None:
    data = base()
    data["weeks"][0]["scenes"][0]["options"].append(option("slow", effects=[cat("behaviour", 10, delay_weeks=1)]))
    session = Session(build(data), "ann")
    events = play(session, "accept", "slow", "walk")
    (pub,) = published(events)
    assert pub.after == 600  # the week-1 publication does not include it...
    assert session.state.sub["behaviour"] == 60  # ...but it applies right after
    events = play(session, "walk")
    assert published(events)[0].after == 630


def test_delay_weeks_two_waits_for_the_second_publication() -> None:
    data = base()
    data["weeks"].append(week("w3", [scene("s4", [option("wait")])]))
    data["weeks"][0]["scenes"][0]["options"].append(option("slow", effects=[cat("behaviour", 10, delay_weeks=2)]))
    session = Session(build(data), "ann")
    play(session, "accept", "slow", "walk")
    assert session.state.sub["behaviour"] == 50
    play(session, "walk")  # end of week 2
    assert session.state.sub["behaviour"] == 60
    assert session.state.published == 600
    play(session, "wait")
    assert session.state.history == [600, 600, 600, 630]


def test_a_delayed_effect_checks_its_condition_when_it_fires() -> None:
    data = base()
    data["weeks"][0]["scenes"][0]["options"].append(
        option(
            "gamble",
            effects=[cat("credit", -10, delay_scenes=1, when={"flags": ["caught"]})],
        )
    )
    data["weeks"][0]["scenes"][1]["options"].append(option("cheat", effects=[{"flag": "caught"}]))
    caught, lucky = Session(build(data), "ann"), Session(build(data), "ann")
    play(caught, "accept", "gamble", "cheat")
    play(lucky, "accept", "gamble", "walk")
    assert caught.state.sub["credit"] == 40
    assert lucky.state.sub["credit"] == 50


# -- conditions ---------------------------------------------------------------------------------


def gated_level() -> dict[str, Any]:
    data = base()
    s1 = data["weeks"][0]["scenes"][0]
    s1["options"].append(option("vip", effects=[{"flag": "vip"}]))
    data["weeks"][0]["scenes"].insert(1, scene("lounge", [option("relax")], when={"flags": ["vip"]}))
    return data


def test_a_scene_is_skipped_when_its_condition_fails() -> None:
    level = build(gated_level())
    plain, vip = Session(level, "ann"), Session(level, "ann")
    play(plain, "accept", "up")
    play(vip, "accept", "vip")
    assert plain.scene_id == "s2"
    assert vip.scene_id == "lounge"


def test_an_unavailable_option_is_shown_but_cannot_be_chosen() -> None:
    data = base()
    data["weeks"][0]["scenes"][1]["options"].append(option("premium", when={"score_at_least": 800}))
    session = Session(build(data), "ann")
    play(session, "accept", "up")
    views = {v.option.id: v.available for v in session.options()}
    assert views == {"ride": True, "walk": True, "premium": False}
    assert session.option_ids() == ["ride", "walk"]
    with pytest.raises(ChoiceError, match="not available"):
        session.choose("premium")
    with pytest.raises(ChoiceError, match="no option"):
        session.choose("nonexistent")
    assert session.scene_id == "s2"  # a refused choice changes nothing
    assert session.state.choices == [("consent", "accept"), ("s1", "up")]


def test_a_scene_with_no_available_option_is_skipped() -> None:
    data = base()
    data["weeks"][0]["scenes"].insert(1, scene("locked", [option("enter", when={"money_at_least": 10_000})]))
    session = Session(build(data), "ann")
    play(session, "accept", "up")
    assert session.scene_id == "s2"


@pytest.mark.parametrize(
    ("condition", "expected"),
    [
        ({}, True),
        ({"persona": ["ann"]}, True),
        ({"persona": ["bob"]}, False),
        ({"flags": ["done"]}, False),
        ({"not_flags": ["done"]}, True),
        ({"score_below": 601}, True),
        ({"score_below": 600}, False),
        ({"score_at_least": 600}, True),
        ({"score_at_least": 601}, False),
        ({"money_at_least": 100}, True),
        ({"money_below": 100}, False),
        ({"week_at_least": 1}, True),
        ({"week_at_least": 2}, False),
        ({"friends": ["pal"]}, True),
        ({"not_friends": ["pal"]}, False),
        ({"persona": ["ann"], "money_below": 100}, False),
    ],
)
def test_conditions(condition: dict[str, Any], expected: bool) -> None:
    data = base()
    data["contacts"] = [contact("pal", 500)]
    data["weeks"][0]["scenes"][0]["options"].append(option("test", when=condition))
    session = Session(build(data), "ann")
    play(session, "accept")
    assert ("test" in session.option_ids()) is expected


# -- goto ------------------------------------------------------------------------------------------


def goto_level() -> dict[str, Any]:
    data = base()
    data["side_scenes"] = [scene("note", [option("ok", effects=[cat("credit", 1)])])]
    data["weeks"][0]["scenes"][0]["options"].append(option("tattle", goto="note"))
    data["weeks"][0]["scenes"][1]["options"].append(option("last", goto="note"))
    return data


def test_goto_plays_a_side_scene_next_then_resumes() -> None:
    session = Session(build(goto_level()), "ann")
    play(session, "accept", "tattle")
    assert session.scene_id == "note"
    play(session, "ok")
    assert session.scene_id == "s2"
    entry = session.state.ledger[-1]
    assert (entry.scene, entry.option, entry.key) == ("note", "ok", "credit")
    assert session.state.scenes_played == 2


def test_goto_from_the_last_scene_of_a_week_comes_before_publication() -> None:
    session = Session(build(goto_level()), "ann")
    events = play(session, "accept", "up", "last")
    assert not published(events)
    assert session.scene_id == "note" and session.week == 1
    events = play(session, "ok")
    assert published(events) and session.scene_id == "s3"


# -- the weekly recomputation ---------------------------------------------------------------------


def test_weekly_drift_is_a_recompute_cause() -> None:
    data = base()
    data["recompute"] = {"drift": {"behaviour": -2}, "why": t("Your data ages.")}
    session = Session(build(data), "ann")
    play(session, "accept", "up")
    before = session.state.sub["behaviour"]
    events = play(session, "walk")
    drift = [e for e in session.state.ledger if e.cause == "recompute" and e.target == "category"]
    assert [(e.key, e.before, e.after, e.why) for e in drift] == [
        ("behaviour", before, before - 2, t("Your data ages."))
    ]
    assert drift[0].scene is None and drift[0].option is None
    assert published(events)[0].after == session.ix.score(session.state.sub, "std")
    play(session, "walk")
    assert len([e for e in session.state.ledger if e.cause == "recompute" and e.target == "category"]) == 2


def test_publication_is_logged_and_reported() -> None:
    session = Session(build(base()), "ann")
    events = play(session, "accept", "up", "walk")
    assert WeekPublished(1, 600, 660, 0) in events
    assert WeekStarted(2, None) in events
    pubs = [e for e in session.state.ledger if e.target == "score"]
    assert [(e.cause, e.before, e.after) for e in pubs] == [("recompute", None, 600), ("recompute", 600, 660)]
    events = play(session, "walk")
    assert WeekPublished(2, 660, 660, 1) in events and events[-1] == MonthEnded(False)


def test_contacts_drift_and_feed_connections() -> None:
    data = base()
    data["contacts"] = [contact("mei", 600, drift=-30)]
    data["rules"][0]["weights"]["connections"] = 1
    session = Session(build(data), "ann")
    assert session.state.sub["connections"] == 50  # (600 - 300) / 600 * 100
    play(session, "accept", "up", "walk")
    assert session.state.contacts["mei"].score == 570
    assert session.state.sub["connections"] == 45
    causes = {(e.target, e.cause) for e in session.state.ledger if e.week == 1}
    assert {("contact", "contact"), ("category", "contact")} <= causes


def test_contact_noise_is_seeded_and_bounded() -> None:
    data = base()
    data["contacts"] = [contact("mei", 600, noise=10)]
    level = build(data)

    def month(seed: int) -> list[int]:
        session = Session(level, "ann", seed)
        finish(session, "walk")
        return [h["mei"] for h in session.state.contact_history]

    assert month(3) == month(3)
    runs = [month(seed) for seed in range(20)]
    assert len({tuple(r) for r in runs}) > 1
    for r in runs:
        assert all(abs(b - a) <= 10 + 1 for a, b in itertools.pairwise(r))


# -- connections ----------------------------------------------------------------------------------


def test_connections_is_a_closeness_weighted_mean_plus_per_friend() -> None:
    data = base()
    data["connections"] = {"alone": 20, "per_friend": 2}
    data["contacts"] = [
        contact("rich", 900, closeness=3),
        contact("poor", 300, closeness=1),
        contact("boss", 900, relation="acquaintance"),
    ]
    session = Session(build(data), "ann")
    assert session.state.sub["connections"] == pytest.approx(75 + 2 * 2)


def test_connections_is_alone_without_friends_and_offsets_add() -> None:
    data = base()
    data["weeks"][0]["scenes"][0]["options"].append(option("network", effects=[cat("connections", 7)]))
    session = Session(build(data), "ann")
    assert session.state.sub["connections"] == 20
    play(session, "accept", "network")
    assert session.state.sub["connections"] == 27
    assert session.state.conn_offset == 7


def test_connections_start_is_clamped_to_100() -> None:
    data = base()
    data["connections"] = {"alone": 20, "per_friend": 40}
    data["contacts"] = [contact("a", 900), contact("b", 900)]
    session = Session(build(data), "ann")
    assert session.state.sub["connections"] == 100


def test_persona_circle_limits_contacts() -> None:
    data = base()
    data["contacts"] = [contact("a", 500), contact("b", 500)]
    data["personas"][0]["contacts"] = ["b"]
    assert list(Session(build(data), "ann").state.contacts) == ["b"]
    assert list(Session(build(data), "bob").state.contacts) == ["a", "b"]


def test_unfriending_is_logged_as_your_choice() -> None:
    data = base()
    data["contacts"] = [contact("mei", 400)]
    data["weeks"][0]["scenes"][0]["options"].append(
        option("unfriend", effects=[{"contact": "mei", "relation": "dropped"}])
    )
    session = Session(build(data), "ann")
    events = play(session, "accept", "unfriend")
    assert ContactDropped("mei", "you", "dropped") in events
    assert session.state.sub["connections"] == 20  # alone
    rel = next(e for e in session.state.ledger if e.target == "relation")
    assert (rel.cause, rel.scene, rel.option, rel.before, rel.after) == (
        "choice",
        "s1",
        "unfriend",
        "friend",
        "dropped",
    )


def blacklist_level(per_friend: float = 5) -> dict[str, Any]:
    data = base()
    data["rules"][0]["weights"]["connections"] = 2
    data["connections"] = {"alone": 10, "per_friend": per_friend}
    data["contacts"] = [
        contact("star", 880, drops_you_if_blacklisted=True),
        contact("boss", 820, drops_you_if_blacklisted=True, closeness=2),
        contact("mum", 450),
    ]
    data["weeks"][0]["scenes"][0]["options"] += [option("fine", effects=[{"flag": "blacklisted"}]), option("stay")]
    return data


def test_a_blacklisting_lowers_connections_through_dropped_contacts() -> None:
    level = build(blacklist_level())
    control, victim = Session(level, "ann"), Session(level, "ann")
    play(control, "accept", "stay")
    play(victim, "accept", "fine")
    conn_before = victim.state.sub["connections"]
    assert conn_before == control.state.sub["connections"]
    assert conn_before > 60
    events = play(victim, "walk")
    play(control, "walk")
    dropped = [e for e in events if isinstance(e, ContactDropped)]
    assert dropped == [ContactDropped("star", "them", "dropped"), ContactDropped("boss", "them", "dropped")]
    assert {c: s.relation for c, s in victim.state.contacts.items()} == {
        "star": "dropped",
        "boss": "dropped",
        "mum": "friend",
    }
    assert control.state.contacts["star"].relation == "friend"
    mum_only = (450 - 300) / 600 * 100 + 5
    assert victim.state.sub["connections"] == pytest.approx(mum_only)
    assert victim.state.sub["connections"] < conn_before
    contact_entries = [e for e in victim.state.ledger if e.cause == "contact" and e.week == 1]
    assert {e.key for e in contact_entries if e.target == "relation"} == {"star", "boss"}
    conn = [e for e in contact_entries if e.target == "category" and e.key == "connections"]
    assert conn and all(e.points < 0 for e in conn)
    assert victim.state.published < control.state.published


def test_contacts_drop_you_below_their_threshold() -> None:
    data = base()
    data["contacts"] = [contact("snob", 800, drops_you_below=650), contact("pal", 500, drops_you_below=500)]
    session = Session(build(data), "ann")
    events = play(session, "accept", "up", "walk")  # the drop uses the score published before: 600
    assert [e for e in events if isinstance(e, ContactDropped)] == [ContactDropped("snob", "them", "dropped")]
    assert session.state.contacts["pal"].relation == "friend"


def test_a_declined_player_is_not_dropped() -> None:
    data = blacklist_level()
    data["consent"]["declined_scenes"][0]["options"][0]["effects"] = [{"flag": "blacklisted"}]
    session = Session(build(data), "ann")
    finish(session, "decline")
    assert all(c.relation == "friend" for c in session.state.contacts.values())


# -- week draws, whispers, variants ----------------------------------------------------------------


def draw_level() -> dict[str, Any]:
    data = base()
    free = [scene(f"f{i}", [option("go")]) for i in range(4)]
    data["weeks"][0]["scenes"] = [scene("intro", [option("go")], fixed=True), *free]
    data["weeks"][0]["draw"] = 2
    data["weeks"][0]["whispers"] = [
        {"contact": "pal", "text": t(f"rumour {i}"), "truth": "false", "explain": t("No.")} for i in range(3)
    ]
    data["contacts"] = [contact("pal", 500)]
    return data


def test_week_draw_picks_n_free_scenes_by_seed_in_authored_order() -> None:
    level = build(draw_level())
    seen: Counter[str] = Counter()
    for seed in range(40):
        schedule = Session(level, "ann", seed).state.schedule[0]
        assert len(schedule) == 3 and schedule[0] == "intro"
        assert schedule == sorted(schedule, key=["intro", "f0", "f1", "f2", "f3"].index)
        assert Session(level, "ann", seed).state.schedule == Session(level, "ann", seed).state.schedule
        seen.update(schedule[1:])
    assert set(seen) == {"f0", "f1", "f2", "f3"}


def test_a_week_without_draw_plays_every_scene() -> None:
    data = draw_level()
    del data["weeks"][0]["draw"]
    assert Session(build(data), "ann").state.schedule[0] == ["intro", "f0", "f1", "f2", "f3"]


def test_one_whisper_is_drawn_per_week() -> None:
    level = build(draw_level())
    drawn = set()
    for seed in range(30):
        session = Session(level, "ann", seed)
        events = session.choose("accept")
        (started,) = [e for e in events if isinstance(e, WeekStarted)]
        assert started.whisper is not None and 0 <= started.whisper < 3
        assert session.state.whispers[1] is None  # week 2 has none
        drawn.add(started.whisper)
    assert drawn == {0, 1, 2}


def test_rule_variants_are_drawn_by_seed_and_change_the_score() -> None:
    data = base()
    data["rules"].append(
        {"id": "harsh", "name": t("Harsh"), "weights": {"credit": 3, "behaviour": 1, "connections": 0}}
    )
    data["personas"][1]["data"][0]["delta"] = 20  # bob: credit 70
    level = build(data)
    variants = {Session(level, "bob", seed).state.variant for seed in range(30)}
    assert variants == {"std", "harsh"}
    std, harsh = Session(level, "bob", variant="std"), Session(level, "bob", variant="harsh")
    assert std.state.published == 660  # mean 60
    assert harsh.state.published == 690  # (3 * 70 + 50) / 4 = 65
    same = Session(level, "bob", 5)
    assert Session(level, "bob", 5).state.variant == same.state.variant


# -- the sample level end to end --------------------------------------------------------------------


def test_sample_system_errors_are_logged_with_their_cause() -> None:
    scene_id, option_id = next(
        (s.id, o.id)
        for w in SAMPLE.weeks
        for s in w.scenes
        for o in s.options
        if any(e.cause == "system_error" for e in o.effects)
    )
    session = Session(SAMPLE, SAMPLE.personas[0].id, 0)
    session.choose("accept")
    while not session.over and session.scene_id != scene_id:
        session.choose(session.option_ids()[0])
    assert session.scene_id == scene_id
    session.choose(option_id)
    finish(session)
    errors = [e for e in session.state.ledger if e.cause == "system_error"]
    assert errors
    assert all(e.scene == scene_id and e.option == option_id and e.why for e in errors)


# -- persistence ------------------------------------------------------------------------------


def test_from_dict_refuses_another_level_or_format() -> None:
    session = Session(build(base()), "ann")
    data = session.to_dict()
    with pytest.raises(ValueError, match="level"):
        Session.from_dict(SAMPLE, data)
    with pytest.raises(ValueError, match="format"):
        Session.from_dict(build(base()), {**data, "format": 99})


def test_a_restored_session_carries_on_pending_effects_and_detours() -> None:
    data = goto_level()
    data["weeks"][0]["scenes"][0]["options"].append(
        option("both", goto="note", effects=[cat("credit", 5, delay_scenes=1), cat("behaviour", 4, delay_weeks=1)])
    )
    level = build(data)
    session = Session(level, "ann")
    play(session, "accept", "both")
    restored = Session.from_dict(level, session.to_dict())
    assert restored.scene_id == "note" and len(restored.state.pending) == 2
    play(restored, "ok", "walk")
    assert restored.state.sub["credit"] == 56  # 50 + 1 (note) + 5 (delayed)
    assert restored.state.sub["behaviour"] == 54


def test_a_side_scene_that_leads_back_to_itself_is_played_once() -> None:
    from tests.core.levelkit import base, build, option, scene, week

    data = base()
    data["weeks"] = [week("w1", [scene("a", [option("go", goto="loop"), option("stay")]), scene("b", [option("x")])])]
    data["side_scenes"] = [scene("loop", [option("again", goto="loop")])]
    session = Session(build(data), data["personas"][0]["id"], 1)
    session.choose("accept")
    seen = []
    for _ in range(10):
        if session.over:
            break
        seen.append(session.scene_id)
        session.choose(session.option_ids()[0])
    assert session.over
    assert seen == ["a", "loop", "b"]
