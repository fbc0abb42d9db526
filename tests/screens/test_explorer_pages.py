"""The explorer's pages: the World panel names its side on every page, and no card is
ever cut across pages (with larger text a card gets the whole width instead)."""

from __future__ import annotations

import random

import pytest

from game.content.load import load_level
from game.paths import LEVELS_DIR
from game.screens.debrief.layout import Flow
from game.screens.debrief.panel import FlowPanel
from game.tools.autoplay import press_something
from game.tools.drive import open_debrief
from tests.langs import LANGS
from tests.screens.helpers import make_app

LEVELS = sorted(p.stem for p in LEVELS_DIR.glob("*.yaml"))


def month(level: str, lang: str, larger: bool):  # type: ignore[no-untyped-def]
    app = make_app(load_level(LEVELS_DIR / f"{level}.yaml"), lang=lang, size=(1280, 720), larger_text=larger)
    rng = random.Random(3)
    for _ in range(400):
        if app.top.name == "end":
            return app
        press_something(app, rng)
    raise AssertionError("the month did not end")


@pytest.mark.parametrize("larger", [False, True], ids=["normal", "larger"])
@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("level", LEVELS)
def test_every_world_page_says_which_side_it_shows(level: str, lang: str, larger: bool) -> None:
    app = month(level, lang, larger)
    open_debrief(app, "world")
    screen = app.top
    sides = [app.ctx.catalog(f"debrief.world.{side}", lang) for side in ("china", "west")]
    cards = [c for c in app.ctx.level.cards if c.region in ("china", "history", "west", "law")]
    for page in range(40):
        screen.pages["world"] = page  # type: ignore[attr-defined]
        app.draw()
        drawn = [d.text for d in app.canvas.drawn]
        on_page = [c for c in cards if c.title[lang] in drawn]
        assert on_page, f"page {page + 1} shows no card"
        both = all(side in drawn for side in sides)
        assert both or drawn.count(sides[0]) + drawn.count(sides[1]) >= len(on_page), (
            f"page {page + 1}: neither the two headings nor each card's side"
        )
        if page + 1 >= screen.page_count:  # type: ignore[attr-defined]
            break


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("level", LEVELS)
def test_larger_text_never_cuts_a_card_across_pages(level: str, lang: str) -> None:
    app = month(level, lang, larger=True)
    for panel in ("rules", "others"):
        open_debrief(app, panel)
        app.draw()
        found = app.top.panels[panel]  # type: ignore[attr-defined]
        assert isinstance(found, FlowPanel)
        assert found._flow is not None
        flow = found._flow[1]
        assert isinstance(flow, Flow) and not flow.split_card, f"{panel}: a card is cut across pages"


def test_a_card_taller_than_a_column_is_noticed() -> None:
    app = month("sample", "en", larger=False)
    flow = Flow(app.canvas, 300)
    flow.group(frame=(255, 255, 255), pad=10)
    for _ in range(30):
        flow.text("A line of a very long card that will not fit one column.", 24, (0, 0, 0))
    flow.layout(200)
    assert flow.split_card
