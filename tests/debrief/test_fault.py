"""The corrected "not your fault" measure, on crafted months whose answers are worked out by hand.

The tiny levels come from :mod:`tests.core.levelkit`: score 300..900 and weights credit 1,
behaviour 1, connections 0 unless a test says otherwise, so one sub-score point in credit
or behaviour is worth 600 × 1/2 / 100 = 3 score points and the blank start is 600.
"""

from __future__ import annotations

from typing import Any

import pytest

from game.content.load import load_level
from game.content.models import Level
from game.core.replay import play_log
from game.core.session import Session
from game.debrief.fault import FAULT_CAUSES, Fault, fault_of, fault_sentence
from game.i18n import load_catalog
from game.paths import LEVELS_DIR
from game.present.words import Words
from tests.core.levelkit import base, build, cat, contact, option, persona, t


def month(level: Level, who: str, picks: list[str], variant: str | None = None) -> Session:
    session = Session(level, who, 1, variant)
    session.choose("accept")
    for pick in picks:
        session.choose(pick)
    assert session.over
    return session


def points(fault: Fault) -> dict[str, float]:
    return {c: round(v.points, 6) for c, v in fault.contributions.items()}


def door_level(grant_from: int, **personas: list[dict[str, Any]]) -> Level:
    """Bike: free from ``grant_from``, else a 300 deposit nobody with 100 can pay (refused)."""
    data = base()
    data["doors"][0]["tiers"] = [
        {"min": grant_from, "outcome": "grant", "text": t("Unlocked.")},
        {"min": 300, "outcome": "deposit", "amount": 300, "text": t("Deposit 300.")},
    ]
    s1 = data["weeks"][0]["scenes"][0]
    s1["options"] = [option("up", effects=[cat("behaviour", 2)]), option("down", effects=[cat("behaviour", -2)])]
    data["personas"] = [persona(pid, data=points) for pid, points in personas.items()]
    return build(data)


def test_a_privileged_persona_is_called_a_privilege_with_the_door_and_goal_it_gave() -> None:
    # bob's employer: +10 credit = +30 pts, so he starts at 630 and the bike (free from 620) opens;
    # without it he would be at 600, asked 300 he does not have: refused, and no ride home
    level = door_level(620, bob=[{"label": t("Employer"), "category": "credit", "delta": 10}])
    fault = fault_of(level, month(level, "bob", ["up", "ride", "walk"]).state)
    assert points(fault) == {**dict.fromkeys(FAULT_CAUSES, 0.0), "choice": 6.0, "persona": 30.0}
    persona_part = fault.contributions["persona"]
    assert [(d.door, d.week, d.outcome, d.without) for d in persona_part.doors] == [("bike", 1, "grant", "refuse")]
    assert persona_part.opened == persona_part.doors and persona_part.shut == ()
    assert persona_part.goal == 1 and fault.goal_reached
    assert fault.contributions["choice"].doors == () and fault.contributions["choice"].goal == 0
    assert fault.verdict == "privilege"


def test_a_handicapped_persona_is_called_a_handicap_with_the_door_and_goal_it_cost() -> None:
    # cat's empty file: −10 credit = −30 pts, start 570, under the 590 the bike asks: refused
    level = door_level(590, cat=[{"label": t("Empty file"), "category": "credit", "delta": -10}])
    fault = fault_of(level, month(level, "cat", ["up", "ride", "ride"]).state)
    assert points(fault) == {**dict.fromkeys(FAULT_CAUSES, 0.0), "choice": 6.0 - 15.0 - 15.0, "persona": -30.0}
    part = fault.contributions["persona"]
    # week 1 at 570 (600 without her file), week 2 at 570 + 6 − 15 = 561 (591 without)
    assert [(d.week, d.outcome, d.without) for d in part.doors] == [(1, "refuse", "grant"), (2, "refuse", "grant")]
    assert part.shut == part.doors and part.goal == -1 and not fault.goal_reached
    assert fault.verdict == "handicap"
    words = Words(load_catalog(), "en", level)
    assert fault_sentence(fault, words) == (
        "What you did not choose pulled you down: −30\u00a0pts, against −24\u00a0pts from your choices."
        " Above all who you are (−30\u00a0pts). That was a handicap, not your fault."
    )


def test_many_small_choices_both_ways_no_longer_outweigh_a_persona_pushing_one_way() -> None:
    # the case of the issue: choices net +8.5 (+18 and −9.5, 27.5 moved), the persona −20.4;
    # summing absolute moves gave 20.4 / 47.9 = 43 % "not chosen", so "mostly you"
    data = base()
    data["personas"] = [persona("dee", data=[{"label": t("Address"), "category": "credit", "delta": -6.8}])]
    data["weeks"][0]["scenes"][0]["options"][0]["effects"] = [cat("behaviour", 6), cat("credit", -9.5 / 3)]
    level = build(data)
    fault = fault_of(level, month(level, "dee", ["up", "walk", "walk"]).state)
    assert fault.chosen == pytest.approx(8.5) and fault.contributions["persona"].points == pytest.approx(-20.4)
    assert fault.not_chosen == pytest.approx(-20.4)
    assert fault.verdict == "handicap"


def test_a_forced_dilemma_counts_the_least_bad_cost_as_the_systems_rule() -> None:
    data = base()
    data["weeks"][0]["scenes"][0]["options"] = [
        option("wait", effects=[cat("behaviour", -1)]),  # −3 pts: the least bad
        option("run", effects=[cat("behaviour", -3)]),  # −9 pts
        option("vip", effects=[cat("behaviour", 5)], when={"flags": ["vip"]}),  # not open: does not count
    ]
    level = build(data)
    fault = fault_of(level, month(level, "ann", ["run", "walk", "walk"]).state)
    assert points(fault) == {**dict.fromkeys(FAULT_CAUSES, 0.0), "choice": -6.0, "forced": -3.0}
    (dilemma,) = fault.forced
    assert (dilemma.scene, dilemma.option, dilemma.chosen, dilemma.floor) == ("s1", "run", -9.0, -3.0)
    assert dilemma.others == (("wait", -3.0),)
    waited = fault_of(level, month(level, "ann", ["wait", "walk", "walk"]).state)
    assert points(waited)["forced"] == -3.0 and points(waited)["choice"] == 0.0
    # a scene with a free way out is no dilemma: going down there is the visitor's own
    free = fault_of(level, month(level, "ann", ["run", "ride", "walk"]).state)
    assert free.forced[0].scene == "s1" and all(f.scene != "s2" for f in free.forced)


def test_friends_who_leave_over_the_blacklist_are_the_spiral_not_their_own_lives() -> None:
    data = base()
    # connections count now: one sub-score point is worth 600 / 3 / 100 = 2 pts everywhere
    data["rules"][0]["weights"] = {"credit": 1, "behaviour": 1, "connections": 1}
    data["contacts"] = [contact("mei", 600, drops_you_if_blacklisted=True)]  # sub-score 50: the start's own
    data["weeks"][0]["scenes"][0]["options"] = [
        option("pay", effects=[{"flag": "blacklisted", "cause": "system_error", "why": t("A swapped digit.")}]),
        option("wait"),
    ]
    level = build(data)
    session = month(level, "ann", ["pay", "walk", "ride"])
    # week 1: Mei leaves you, connections 50 → alone 20: −60; week 2: the bike refuses the
    # blacklisted (on_refused −5 behaviour: −10)
    assert session.state.history == [600, 540, 530]
    fault = fault_of(level, session.state)
    assert points(fault) == {**dict.fromkeys(FAULT_CAUSES, 0.0), "spiral": -70.0}
    assert [(d.contact, d.week, d.reason) for d in fault.spiral] == [("mei", 1, "blacklisted")]
    error = fault.contributions["system_error"]
    # without the error: no blacklist, and at 540 the bike asks its 30 deposit and lets you ride
    assert [(d.door, d.outcome, d.without, d.without_amount) for d in error.doors] == [
        ("bike", "refuse", "deposit", 30)
    ]
    assert error.deposits == 30 and error.goal == -1
    assert fault.contributions["contact"].points == 0.0
    assert fault.verdict == "handicap" and fault.largest().cause == "spiral"


def rule_level() -> Level:
    data = base()
    data["rules"] = [
        {"id": "std", "name": t("Standard"), "weights": {"credit": 1, "behaviour": 1, "connections": 0}},
        {"id": "credit", "name": t("Credit"), "weights": {"credit": 3, "behaviour": 1, "connections": 0}},
        {"id": "conduct", "name": t("Conduct"), "weights": {"credit": 1, "behaviour": 3, "connections": 0}},
    ]
    return build(data)


def test_the_drawn_rule_set_is_a_cause_the_same_choices_under_the_others() -> None:
    # bob (credit 60) goes up (behaviour 70): std 690, credit (180 + 70) / 4 → 675, conduct (60 + 210) / 4 → 705
    level = rule_level()
    finals = {v: month(level, "bob", ["up", "walk", "walk"], v).state.published for v in ("std", "credit", "conduct")}
    assert finals == {"std": 690, "credit": 675, "conduct": 705}
    expected = {"std": 690 - (675 + 705) / 2, "credit": 675 - (690 + 705) / 2, "conduct": 705 - (690 + 675) / 2}
    for variant, rules in expected.items():
        fault = fault_of(level, month(level, "bob", ["up", "walk", "walk"], variant).state)
        assert fault.contributions["rules"].points == pytest.approx(rules)
        assert fault.rule_sets == 3
    assert expected["credit"] == -22.5
    single = build(base())
    assert fault_of(single, month(single, "bob", ["up", "walk", "walk"]).state).contributions["rules"].points == 0


def test_the_starting_connections_are_logged_as_who_you_are() -> None:
    data = base()
    data["rules"][0]["weights"] = {"credit": 1, "behaviour": 1, "connections": 1}
    data["contacts"] = [contact("rich", 900)]  # sub-score 100 against the level's 50
    level = build(data)
    session = Session(level, "ann", 1)
    first = session.state.ledger[0]
    assert (first.week, first.cause, first.target, first.key) == (0, "persona", "category", "connections")
    assert (first.before, first.after, first.points) == (50, 100, pytest.approx(100.0))
    assert session.state.history == [700]
    session.choose("accept")
    play_log(session, [("s1", "up"), ("s2", "walk"), ("s3", "walk")])
    fault = fault_of(level, session.state)
    assert fault.contributions["persona"].points == pytest.approx(100.0)
    assert fault.verdict == "privilege"


def test_a_declined_month_has_its_own_verdict() -> None:
    level = build(base())
    session = Session(level, "ann", 1)
    session.choose("decline")
    play_log(session, [("no_halo", "ask")])
    fault = fault_of(level, session.state)
    assert fault.declined and fault.verdict == "declined" and fault.final is None
    assert all(c.points == 0 for c in fault.contributions.values())
    assert [d.door for d in fault.shut_for_declining] == ["bike"]  # a 50 deposit for no account
    assert "no account, no service" in fault_sentence(fault, Words(load_catalog(), "en", level))


def test_a_workshop_month_the_worked_example_of_the_docs() -> None:
    """docs/debrief.md, "Not your fault: how it is computed": the same month, the same figures."""
    level = load_level(LEVELS_DIR / "workshop.yaml")
    session = Session(level, "rider", 85)
    play_log(session, WORKED)
    assert session.state.variant == "solvency" and session.state.history == [533, 538, 534, 535, 543]
    fault = fault_of(level, session.state)
    got = {c: round(v.points, 1) for c, v in fault.contributions.items()}
    assert got == {
        "choice": 18.1,
        "forced": -1.5,
        "persona": -54.4,
        "rules": 9.5,
        "spiral": -1.5,
        "contact": -2.5,
        "system_error": 0.0,
        "recompute": -2.4,
    }
    assert [(f.scene, f.option, round(f.chosen, 1), f.floor) for f in fault.forced] == [
        ("red_light", "run_light", -1.8, -1.5)
    ]
    assert [(d.contact, d.reason) for d in fault.spiral] == [("victor", "score")]
    door = fault.contributions["persona"].doors
    assert [(d.door, d.week, d.outcome, d.without) for d in door] == [("dating", 4, "refuse", "grant")]
    assert fault.verdict == "handicap"
    assert fault_sentence(fault, Words(load_catalog(), "en", level)).startswith(
        "What you did not choose pulled you down: −53\u00a0pts, against +18\u00a0pts from your choices."
    )


WORKED = [
    ("consent", "accept"),
    ("bike_morning", "scan"),
    ("rider_studio", "plead"),
    ("groceries", "round_up"),
    ("old_classmate", "add_victor"),
    ("face_pay", "card"),
    ("day_log", "smart_day"),
    ("circle_tidy", "five_stars"),
    ("invite_contacts", "invite_nobody"),
    ("mother_sunday", "call_instead"),
    ("red_light", "run_light"),
    ("rider_kemal", "report_kemal"),
    ("kemal_call", "confess_kemal"),
    ("jonas_thread", "report_jonas"),
    ("report_thanks", "stay_silent"),
    ("rider_ratings", "rate_gloria_low"),
    ("blood_drive", "play_online"),
    ("library_book", "keep_book"),
    ("rider_lease", "run_check"),
    ("dating_app", "show_score"),
    ("car_scratch", "pay_repair"),
]


def test_the_ledger_causes_add_up_to_the_month() -> None:
    """Every ledger point lands in exactly one cause: the split loses nothing."""
    level = load_level(LEVELS_DIR / "workshop.yaml")
    session = Session(level, "rider", 85)
    play_log(session, WORKED)
    fault = fault_of(level, session.state)
    ledger = sum(e.points for e in session.state.ledger if e.target == "category")
    assert sum(v.points for c, v in fault.contributions.items() if c != "rules") == pytest.approx(ledger)
