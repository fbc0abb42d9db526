"""After a choice Halo only answers on the phone, its words show on the answer card too:
the card was left empty at the very moments (dropping Nadia, reporting Tomasz) its
cheerful word matters most."""

from __future__ import annotations

import random

import pytest

from game.cli.screenshot import stage
from game.content.load import load_level
from game.core.rules import index_of
from game.paths import LEVELS_DIR
from game.screens.scene import CARD
from game.tools.drive import press, settle
from tests.screens.helpers import make_app

KIOSK = load_level(LEVELS_DIR / "kiosk.yaml")


@pytest.mark.parametrize("larger_text", [False, True])
@pytest.mark.parametrize("lang", ["fr", "en", "de"])
def test_halo_s_notification_is_on_the_answer_card(lang: str, larger_text: bool) -> None:
    app = make_app(KIOSK, lang=lang, size=(1920, 1080), larger_text=larger_text)
    stage(app, "scene", "circle_tidy", None, None, random.Random(7))
    app.draw()
    if any(b.id == "read" for b in app.top.buttons):
        press(app, "read")
        app.draw()
    press(app, "option:drop_nadia")
    settle(app)
    app.draw()
    option = index_of(KIOSK).options[("circle_tidy", "drop_nadia")]
    assert option.notify is not None and option.reply is None
    words = option.notify[lang]
    on_card = [d for d in app.canvas.drawn if d.text == words and CARD.contains(d.rect)]
    assert on_card, f"{words!r} is only on the phone"
