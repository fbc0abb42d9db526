"""The sandbox's figures are the engine's own replays: under a level's rule set they equal
``replay`` and ``python -m game replay``; its changes make a new valid level, never touch
the shipped one, and do exactly what they say (no personal data, no friends, thresholds)."""

from __future__ import annotations

import re

import pytest

from game.cli.replay import run as replay_cli
from game.core.replay import play_log, replay
from game.core.rules import index_of
from game.core.session import Session
from game.sandbox import SANDBOX, Month, Rules, Sandbox, modified_level, presets, replay_months
from game.sandbox.config import load_config
from game.sandbox.level import ModifiedLevels
from tests.sandbox.conftest import level, months


@pytest.mark.parametrize("name", ["workshop", "kiosk"])
def test_figures_under_a_rule_set_are_the_engines_replay_under_it(name: str) -> None:
    lv = level(name)
    class_months = months(name, 12, decline_every=6)
    for rule_set in lv.rules:
        figures = replay_months(lv, class_months, Rules.shipped(lv, rule_set.id))
        for change in figures.changes:
            m = change.month
            again = play_log(Session(lv, m.persona, m.seed, rule_set.id), list(m.choices), strict=False)
            outcome = again.outcome()
            assert (change.after.score, change.after.grade, change.after.goal) == (
                outcome.final_score,
                outcome.grade,
                outcome.goal_reached,
            )
            assert change.after.doors == tuple((d.door, d.outcome) for d in again.state.doors)
            lived = replay(lv, m.persona, m.seed, list(m.choices), m.variant).outcome
            assert (change.before.score, change.before.goal) == (lived.final_score, lived.goal_reached)
            if m.variant == rule_set.id:  # the month's own rules: nothing changes, to the last door
                assert change.after == change.before


def test_a_month_replayed_by_the_command_line_gives_the_sandboxs_figure(capsys: pytest.CaptureFixture[str]) -> None:
    lv = level("kiosk")
    m = months("kiosk", 3)[1]
    after = replay_months(lv, [m], Rules.shipped(lv, m.variant)).changes[0].after
    args = ["--level", "kiosk", "--persona", m.persona, "--seed", str(m.seed), "--variant", m.variant]
    assert replay_cli(args + [f"{s}.{o}" for s, o in m.choices]) == 0
    final = re.search(r"final: (\d+) grade (\w); goal (\w+)", capsys.readouterr().out)
    assert final is not None
    assert (int(final[1]), final[2], final[3] == "reached") == (after.score, after.grade, after.goal)


def test_the_same_rules_and_choices_give_the_same_figures() -> None:
    lv = level("workshop")
    rules = Rules.shipped(lv).with_weight("connections", 45).with_threshold(lv, "loan", 0, 610)
    first = replay_months(lv, months("workshop", 8), rules)
    sandbox = Sandbox(lv, months("workshop", 8))
    assert sandbox.figures(rules) == first == replay_months(lv, months("workshop", 8), rules)
    assert sandbox.figures(rules) is sandbox.figures(rules)  # each set of rules is replayed once
    other = sandbox.figures(rules.with_weight("connections", 5))
    assert other != first and other.changes[0].month == first.changes[0].month


def test_the_shipped_level_is_never_changed() -> None:
    lv = level("kiosk")
    dumped = lv.model_dump()
    rules = (
        Rules.shipped(lv)
        .with_weight("credit_history", 80)
        .with_personal_data(lv, False)
        .with_friends(False)
        .with_threshold(lv, "bike", 0, 700)
    )
    changed = modified_level(lv, rules)
    index_of(lv)
    assert [r.id for r in changed.rules] == [SANDBOX]
    assert index_of(changed) is not index_of(lv)
    assert index_of(changed).weights(SANDBOX)["credit_history"] == 80
    assert changed.doors[0].tiers[0].min == 700 and lv.doors[0].tiers[0].min == 600
    assert lv.model_dump() == dumped
    assert changed.weeks[0] is lv.weeks[0]  # what did not change is shared (frozen), not copied


def test_the_fair_preset_removes_every_persona_data_effect() -> None:
    config = load_config()
    fair = next(p for p in presets(level("kiosk"), config) if p.id == "fair")
    assert fair.spec is not None and fair.spec.personal_data is False  # a rule, not a list of ids
    for name in ("kiosk", "workshop", "sample"):
        lv = level(name)
        rules = fair.apply(lv, Rules.shipped(lv))
        changed = modified_level(lv, rules)
        assert all(p.data == [] for p in changed.personas)
        labels = {str(point.label) for p in lv.personas for point in p.data}
        for p in lv.personas:
            session = Session(changed, p.id, 3, SANDBOX)
            data = [e for e in session.state.ledger if e.cause == "persona" and e.why is not None]
            assert data == [], p.id
            assert not labels & {str(e.why) for e in session.state.ledger}
            for category in lv.start:
                if category != lv.connections.category:
                    assert session.state.sub[category] == lv.start[category]


def test_one_data_point_or_one_category_can_be_switched_off() -> None:
    lv = level("kiosk")
    office = lv.personas[0]
    one = modified_level(lv, Rules.shipped(lv).with_point(office.id, 0, False))
    assert one.personas[0].data == office.data[1:]
    by_category = modified_level(lv, Rules.shipped(lv).with_category("personal", False))
    for before, after in zip(lv.personas, by_category.personas, strict=True):
        assert after.data == [d for d in before.data if d.category != "personal"]


def test_without_friends_average_the_connections_no_longer_follow_anyone() -> None:
    lv = level("kiosk")
    changed = modified_level(lv, Rules.shipped(lv).with_friends(False))
    assert {c.closeness for c in changed.contacts} == {0.0}
    conn = lv.connections.category
    for p in lv.personas:
        session = Session(changed, p.id, 5, SANDBOX)
        offsets = sum(d.delta for d in p.data if d.category == conn)
        assert session.state.sub[conn] == max(0.0, min(100.0, lv.connections.alone + offsets))


def test_thresholds_stay_in_order_and_the_lowest_tier_stays() -> None:
    lv = level("kiosk")
    rules = Rules.shipped(lv)
    assert rules.with_threshold(lv, "loan", 1, 9999).tiers("loan") == (650, 649, 350)
    assert rules.with_threshold(lv, "loan", 0, 0).tiers("loan") == (551, 550, 350)
    assert rules.with_threshold(lv, "loan", 2, 300) == rules  # the tier that covers every score
    assert rules.with_threshold(lv, "bike", 0, 5000).tiers("bike")[0] == lv.score.max
    modified_level(lv, rules.with_threshold(lv, "loan", 1, 9999))  # valid: no error


def test_a_higher_threshold_refuses_what_was_granted() -> None:
    lv = level("kiosk")
    found = next(
        (c, door) for c in months("kiosk", 30) for door in ("bike", "hotel") if (door, "grant") in _doors(lv, c)
    )
    month, door = found
    rules = Rules.shipped(lv, month.variant).with_threshold(lv, door, 0, lv.score.max)
    change = replay_months(lv, [month], rules).changes[0]
    assert (door, "grant") not in change.after.doors
    assert change.closed >= 1 and change.opened == 0


def _doors(lv, month: Month) -> tuple[tuple[str, str], ...]:  # type: ignore[no-untyped-def]
    return replay_months(lv, [month], Rules.shipped(lv, month.variant)).changes[0].before.doors


def test_weights_never_all_zero_and_each_rules_level_is_made_once() -> None:
    lv = level("sample")
    rules = Rules.shipped(lv)
    for category, _ in rules.weights:
        rules = rules.with_weight(category, 0)
    assert sum(w for _, w in rules.weights) > 0
    levels = ModifiedLevels(lv)
    assert levels(rules) is levels(rules)
    assert levels(rules) is not levels(rules.with_weight("personal", 30))


def test_presets_come_from_the_level_then_the_data_file() -> None:
    lv = level("workshop")
    found = presets(lv, load_config())
    assert [p.id for p in found][:3] == [f"rules:{r.id}" for r in lv.rules]
    assert {"fair", "no_friends", "equal"} <= {p.id for p in found}
    equal = next(p for p in found if p.id == "equal").apply(lv, Rules.shipped(lv))
    assert len({w for _, w in equal.weights}) == 1
    solvency = next(p for p in found if p.id == "rules:solvency")
    assert solvency.apply(lv, equal) == Rules.shipped(lv, "solvency")
    assert solvency.active(lv, Rules.shipped(lv, "solvency"))
