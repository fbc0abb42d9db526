"""What the engine works out once per level gives what the level's models say, step for step."""

from __future__ import annotations

import itertools
import pickle
import random
from collections.abc import Callable, Iterator
from dataclasses import fields
from typing import Any

import pytest

from game.content.load import load_level
from game.content.models import Condition, Level
from game.core.months import Month, MonthSpec, play_range
from game.core.plan import compile_condition
from game.core.policies import random_policy
from game.core.rules import index_of
from game.core.session import Session
from game.core.simulate import format_report, simulate
from game.core.state import ContactState, SessionState
from game.paths import LEVELS_DIR

LEVELS = {name: load_level(LEVELS_DIR / f"{name}.yaml") for name in ("kiosk", "workshop", "sample")}

# the tests as first written: the engine's faster forms must agree with them
REFERENCE: dict[str, Callable[[list[str], SessionState], bool]] = {
    "flags": lambda v, st: all(f in st.flags for f in v),
    "not_flags": lambda v, st: not any(f in st.flags for f in v),
    "friends": lambda v, st: all(st.is_friend(c) for c in v),
    "not_friends": lambda v, st: not any(st.is_friend(c) for c in v),
    "contacts": lambda v, st: all(c in st.contacts for c in v),
    "not_contacts": lambda v, st: not any(c in st.contacts for c in v),
}


def states() -> Iterator[SessionState]:
    names = ["a", "b", "c"]
    relations = [None, "friend", "acquaintance", "dropped"]
    for flags in itertools.chain.from_iterable(itertools.combinations(names, n) for n in range(4)):
        for rel in itertools.product(relations, repeat=2):
            contacts = {c: ContactState(500.0, r) for c, r in zip(names, rel, strict=False) if r is not None}
            yield SessionState("lv", "ann", 0, "v", flags=set(flags), contacts=contacts)


@pytest.mark.parametrize("key", sorted(REFERENCE))
def test_the_set_and_people_tests_agree_with_their_first_form(key: str) -> None:
    values = [[], ["a"], ["c"], ["a", "b"], ["a", "b", "c"], ["b", "b"]]
    for value in values:
        condition = Condition.model_validate({key: value})
        check = compile_condition(condition)
        for state in states():
            expected = REFERENCE[key](value, state)
            assert condition.holds(state) is expected, (key, value, state)
            assert (check is None or check(state)) is expected, (key, value, state)


def test_no_condition_and_an_empty_one_compile_to_always() -> None:
    assert compile_condition(None) is None
    assert compile_condition(Condition.model_validate({})) is None


def conditions_of(level: Level) -> list[Condition]:
    found: list[Condition] = []
    for scene in index_of(level).scenes.values():
        found += [scene.when] if scene.when else []
        found += [line.when for line in scene.text_when if line.when]
        for option in scene.options:
            found += [option.when] if option.when else []
            found += [line.when for line in option.reply_when if line.when]
            found += [e.when for e in option.all_effects() if e.when]
    found += [p.goal.when for p in level.personas if p.goal.when]
    return found


@pytest.mark.parametrize("name", sorted(LEVELS))
def test_every_compiled_condition_of_a_shipped_level_holds_when_the_model_says(name: str) -> None:
    level = LEVELS[name]
    conditions = conditions_of(level)
    assert conditions
    checks = [(c, compile_condition(c)) for c in conditions]
    seen = {True: 0, False: 0}
    for seed in range(12):
        rng = random.Random(seed)
        session = Session(level, level.personas[seed % len(level.personas)].id, seed)
        session.choose("accept" if seed % 5 else "decline")
        while not session.over:
            for condition, check in checks:
                expected = condition.holds(session.state)
                assert (check is None or check(session.state)) is expected
                seen[expected] += 1
            session.choose(rng.choice(session.option_ids()))
    assert seen[True] and seen[False]  # both answers were put to the test


class Offering:
    """Stands for a session: all a random bot looks at is the ids it may choose."""

    def __init__(self, ids: list[str]) -> None:
        self.ids = ids

    def option_ids(self) -> list[str]:
        return self.ids


@pytest.mark.parametrize("count", [1, 2, 3, 4, 5, 7, 8, 9])
def test_the_random_bot_draws_what_random_choice_draws(count: int) -> None:
    ids = [f"o{i}" for i in range(count)]
    mine, theirs = random.Random(count), random.Random(count)
    for _ in range(300):
        assert random_policy(Offering(ids), mine) == theirs.choice(ids)  # type: ignore[arg-type]
    assert mine.random() == theirs.random()  # the streams stay in step


def test_a_level_pickles_without_its_index_and_plays_the_same() -> None:
    level = LEVELS["workshop"]
    before = format_report(simulate(level, 60, seed=4, lang="en"), level, "en")
    assert index_of(level) is level._index
    again = pickle.loads(pickle.dumps(level, protocol=pickle.HIGHEST_PROTOCOL))
    assert again._index is None and level._index is not None  # the original keeps its own
    assert format_report(simulate(again, 60, seed=4, lang="en"), again, "en") == before


def test_a_month_crosses_between_processes_whole() -> None:
    month = Month("p", True, 612, "B", True, (("door", "grant"),), ("consent", "s1"), (120, 97), "v2", True)
    values: list[Any] = [getattr(month, f.name) for f in fields(Month)]
    assert month.__reduce__()[1] == tuple(values)  # every field, in order
    assert pickle.loads(pickle.dumps(month)) == month
    played = play_range(LEVELS["workshop"], MonthSpec("loyal", 2, 0.2, ("fr", "en"), other_rules=True), 0, 20)
    assert pickle.loads(pickle.dumps(played)) == played
