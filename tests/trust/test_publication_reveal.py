"""Nothing of a week's publication may appear before its own screen (issue: the reveal was spoiled)."""

from __future__ import annotations

import pytest

from game.content.load import load_level
from game.paths import LEVELS_DIR
from game.screens.scene import SceneScreen
from game.tools.drive import texts
from tests.langs import LANGS
from tests.screens.helpers import content_buttons, make_app, pick_persona, press, shown_phone, tap_at

LEVELS = sorted(LEVELS_DIR.glob("*.yaml"))


def last_scene_card(app) -> list[tuple[int, list[str], float, int]]:  # type: ignore[no-untyped-def]
    """Play the month; at each outcome card, what the visitor sees and what was published."""
    seen = []
    for _ in range(200):
        top = app.top
        if top.name == "end":
            return seen
        if isinstance(top, SceneScreen) and top.after is None:
            week = app.ctx.visit.session.week
            published = app.ctx.visit.session.state.published
            options = [b for b in content_buttons(app) if b.id.startswith("option:")]
            if not options:  # a long text is shown alone first, its choices after
                press(app, "read")
                continue
            press(app, options[len(seen) % len(options)].id)
            if isinstance(app.top, SceneScreen) and app.top.after is not None:
                seen.append((week, texts(app), shown_phone(app).score, published))
            continue
        buttons = [b.id for b in content_buttons(app)]
        press(app, "continue" if "continue" in buttons else buttons[0])
    raise AssertionError("the month did not end")


@pytest.mark.parametrize("path", LEVELS, ids=lambda p: p.stem)
@pytest.mark.parametrize("lang", LANGS)
def test_an_outcome_card_shows_nothing_of_the_publication_to_come(path, lang: str) -> None:  # type: ignore[no-untyped-def]
    level = load_level(path)
    app = make_app(level, lang=lang, seed=11)
    tap_at(app, 600, 300)
    pick_persona(app, level.personas[-1].id)
    press(app, "accept")
    cards = last_scene_card(app)
    assert cards, "no outcome card was shown"
    for week, seen, shown, published in cards:
        label_next = app.ctx.catalog("scene.week", lang, n=week + 1)
        assert not any(t.startswith(label_next) for t in seen), f"week {week} card shows {label_next!r}"
        assert shown == published, f"week {week}: the phone shows {shown}, last published {published}"


def test_the_feed_gets_the_weekly_message_only_with_its_publication() -> None:
    level = load_level(LEVELS_DIR / "kiosk.yaml")
    app = make_app(level, lang="en", seed=3)
    tap_at(app, 600, 300)
    press(app, "persona:office")
    press(app, "accept")
    press(app, "continue")
    messages = {m.text["en"] for m in level.publication}
    for _ in range(100):
        top = app.top
        if top.name == "publication":
            break
        if isinstance(top, SceneScreen) and top.after is None:
            press(app, next(b.id for b in content_buttons(app) if b.id.startswith("option:")))
        else:
            assert not messages & {text for text, *_ in shown_phone(app).feed}, "the weekly message came early"
            press(app, "continue")
    assert app.top.name == "publication"
    assert messages & {text for text, *_ in shown_phone(app).feed}


@pytest.mark.parametrize("seed", range(6))
def test_holding_the_publication_gives_the_same_month(seed: int) -> None:
    import random

    from game.core.session import Session

    level = load_level(LEVELS_DIR / "kiosk.yaml")
    persona = level.personas[seed % len(level.personas)].id
    plain, held = Session(level, persona, seed), Session(level, persona, seed, hold_publication=True)
    rng = random.Random(seed)
    plain.choose("accept")
    held.choose("accept")
    while not plain.over:
        if held.week_over:
            assert held.scene_id is None
            held.publish()
        option = rng.choice(plain.option_ids())
        assert held.option_ids() == plain.option_ids()
        plain.choose(option)
        held.choose(option)
    held.publish()
    assert held.over and held.to_dict() == plain.to_dict()
