"""Someone whose last rating of you was a low one is not "still your friend" in the debrief:
Mrs Ferreira, who cut you to one star, is said to have rated you down, and drawn cold."""

from __future__ import annotations

import pytest

from game.app import App
from game.content.load import load_level
from game.debrief.views import others_view
from game.paths import LEVELS_DIR
from game.screens.transitions import Goto
from game.tools.drive import open_debrief, texts
from tests.debrief.months import play
from tests.screens.helpers import begin, content_buttons, make_app, press

KIOSK = load_level(LEVELS_DIR / "kiosk.yaml")


@pytest.mark.parametrize(
    ("option", "fate", "stars"),
    [("rate_back", "rated_down", 1), ("not_my_bike", "rated_down", 2), ("flatter", "kept", 4)],
)
def test_the_last_rating_she_gave_decides_what_is_said_of_her(option: str, fate: str, stars: int) -> None:
    state = play(KIOSK, {"building_rating": option}, persona="office").state
    assert ("building_rating", option) in state.choices
    gloria = next(f for f in others_view(KIOSK, state) if f.contact == "gloria")
    assert (gloria.fate, gloria.stars) == (fate, stars)


def month_with(option: str, lang: str) -> App:
    app = make_app(KIOSK, lang=lang)
    begin(app)
    for _ in range(80):
        if app.top.name == "end":
            return app
        ids = [b.id for b in content_buttons(app) if b.id.startswith("option:")]
        other = ids[1] if len(ids) > 1 else ids[0] if ids else "continue"  # a month that keeps her a contact
        press(app, f"option:{option}" if f"option:{option}" in ids else other)
    raise AssertionError(f"the month did not end: {app.screen_names()}")


@pytest.mark.parametrize("lang", ["fr", "en", "de"])
def test_who_paid_and_what_it_cost_others_never_call_her_a_friend_who_stayed(lang: str) -> None:
    app = month_with("rate_back", lang)
    visit = app.ctx.visit
    assert visit is not None and ("building_rating", "rate_back") in visit.session.state.choices
    assert visit.session.state.contacts["gloria"].relation == "friend"  # Halo still lists her as one
    kept = app.ctx.catalog("reveal.paid.kept", lang, gender="f")
    rated = app.ctx.catalog("reveal.paid.rated_down", lang, n=1)
    app.apply(Goto("reveal", {"step": 1}))
    app.draw()
    shown = texts(app)
    name = shown.index(app.ctx.words().p(next(c.name for c in KIOSK.contacts if c.id == "gloria")))
    assert shown[name + 1] == rated != kept, shown  # her card's line under her name
    open_debrief(app, "others")
    app.draw()
    shown = texts(app)
    assert app.ctx.catalog("debrief.others.fate_rated_down", lang, n=1) in shown
