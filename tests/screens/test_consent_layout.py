"""The consent's fine print ("the scoring rules are confidential") is never cut by its
buttons, whatever the language or text size, and is not shrunk to get out of their way."""

from __future__ import annotations

import random

import pytest

from game.cli.screenshot import stage
from game.content.load import load_level
from game.paths import LEVELS_DIR
from tests.langs import LANGS
from tests.screens.helpers import button, make_app


@pytest.mark.parametrize("larger", [False, True], ids=["normal", "larger"])
@pytest.mark.parametrize("lang", LANGS)
def test_the_fine_print_stays_above_the_buttons(lang: str, larger: bool) -> None:
    level = load_level(LEVELS_DIR / "kiosk.yaml")
    app = make_app(level, lang=lang, size=(1920, 1080), larger_text=larger)
    stage(app, "consent", None, None, level.personas[0].id, random.Random(7))
    app.draw()
    fine = app.ctx.catalog("consent.fine_print", lang)
    drawn = [d for d in app.canvas.drawn if d.text == fine]
    assert drawn, "no fine print"
    accept = button(app, "accept").rect
    assert drawn[0].rect.bottom <= accept.top, f"the fine print runs under the button: {drawn[0].rect} {accept}"
    smallest = app.canvas.px(app.ctx.theme.s("small")) - 1
    assert drawn[0].px >= smallest, f"the fine print was shrunk to {drawn[0].px} px"
