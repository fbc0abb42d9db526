"""A refusal's stamp is part of its picture: with larger text its words still fit inside
it (the attract screen cut "INSUFFICIENT SCORE" in half), and the score pills stay on it."""

from __future__ import annotations

import random

import pytest

from game.cli.screenshot import stage
from game.content.load import load_level
from game.paths import LEVELS_DIR
from game.screens.attract_people import STRIP
from game.tools.drive import settle
from tests.langs import LANGS
from tests.screens.helpers import make_app

KIOSK = load_level(LEVELS_DIR / "kiosk.yaml")


@pytest.mark.parametrize("lang", LANGS)
def test_the_attract_screen_s_stamps_and_scores_fit_at_larger_text(lang: str) -> None:
    app = make_app(KIOSK, lang=lang, size=(1920, 1080), larger_text=True, reduced_motion=True)
    app.draw()
    words = app.ctx.catalog("door.stamp", lang)
    stamps = [d for d in app.canvas.drawn if d.text.lower() == words.lower() and not d.part]
    assert stamps, "no refused door on the attract screen"
    assert all(not d.cut and d.rect.bottom <= d.box.bottom + 1 for d in stamps), "the stamp's words run out of it"
    numbers = [d for d in app.canvas.drawn if d.text.isdigit() and STRIP.contains(d.box)]
    assert numbers and all(d.rect.right <= STRIP.right for d in numbers)


@pytest.mark.parametrize("lang", LANGS)
def test_a_refused_door_s_stamp_fits_at_larger_text(lang: str) -> None:
    app = make_app(KIOSK, lang=lang, size=(1920, 1080), larger_text=True)
    stage(app, "door", None, None, KIOSK.personas[0].id, random.Random(7))
    settle(app)
    app.draw()
    stamped = [d for d in app.canvas.drawn if d.text.isupper() and not d.part]
    assert stamped, "no stamp drawn"
    out = [d.text for d in stamped if d.cut or d.rect.bottom > d.box.bottom + 1]
    assert not out, f"the stamp's words run out of it: {out}"
