"""The moments the screens make of a month: the blacklist arrives as its own beat, once,
and a choice that drops or reports someone names them, so their face can answer."""

from __future__ import annotations

import random

from game.cli.screenshot import find_path
from game.content.load import load_level
from game.paths import LEVELS_DIR
from game.visit import Blacklisted, Visit
from tests.screens.helpers import make_app

KIOSK = load_level(LEVELS_DIR / "kiosk.yaml")


def beats_of(visit: Visit, choices: dict[str, str], rng: random.Random) -> list[object]:
    seen: list[object] = []
    while not visit.over:
        here = visit.session.scene_id
        assert here is not None
        visit.choose(choices.get(here) or rng.choice(visit.session.option_ids()))
        while (beat := visit.next_beat()) is not None:
            seen.append(beat)
    return seen


def test_the_blacklist_arrives_once_as_its_own_beat() -> None:
    persona, seed, choices = find_path(make_app(KIOSK, lang="en"), None, "blacklist")
    visit = Visit.begin(KIOSK, persona, seed, lambda: 0.0)
    visit.consent(True)
    seen = beats_of(visit, choices, random.Random(seed))
    assert sum(isinstance(b, Blacklisted) for b in seen) == 1
    assert "blacklisted" in visit.session.state.flags


def test_a_month_without_the_list_has_no_blacklist_beat() -> None:
    visit = Visit.begin(KIOSK, KIOSK.personas[0].id, 1, lambda: 0.0)
    visit.consent(True)
    seen = beats_of(visit, {}, random.Random(1))
    assert ("blacklisted" in visit.session.state.flags) == any(isinstance(b, Blacklisted) for b in seen)


def test_a_choice_that_drops_someone_names_them_in_its_answer() -> None:
    for seed in range(40):
        visit = Visit.begin(KIOSK, KIOSK.personas[seed % 3].id, seed, lambda: 0.0)
        visit.consent(True)
        rng = random.Random(seed)
        while not visit.over:
            before = {c: s.relation for c, s in visit.session.state.contacts.items()}
            visit.choose(rng.choice(visit.session.option_ids()))
            after = visit.take_after_choice()
            now = visit.session.state.contacts
            hurt = {c for c in now if now[c].relation in ("dropped", "reported") and before.get(c) != now[c].relation}
            by_you = {e.key for e in visit.session.state.ledger if e.target == "relation" and e.cause == "choice"}
            if hurt & by_you:
                assert after is not None and set(after.hurt) >= hurt & by_you
                return
            while visit.next_beat() is not None:
                pass
    raise AssertionError("no month dropped or reported anyone")
