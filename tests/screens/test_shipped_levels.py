"""Every screen of the shipped levels renders in both languages with nothing outside its box."""

from __future__ import annotations

import random

import pytest

from game.cli.screenshot import SCREENS, stage
from game.content.load import load_level
from game.paths import LEVELS_DIR
from game.tools.drive import texts
from tests.screens.helpers import make_app
from tests.screens.test_every_screen import overflowing

LEVELS = {path.stem: load_level(path) for path in (LEVELS_DIR / "kiosk.yaml", LEVELS_DIR / "workshop.yaml")}


@pytest.mark.parametrize("screen", [s for s in SCREENS if s not in ("pin", "admin", "idle")])
@pytest.mark.parametrize("lang", ["fr", "en"])
@pytest.mark.parametrize("name", sorted(LEVELS))
def test_screen_of_a_shipped_level(name: str, lang: str, screen: str) -> None:
    level = LEVELS[name]
    app = make_app(level, lang=lang, size=(1280, 720))
    for persona in level.personas:
        stage(app, screen, None, None, persona.id, random.Random(len(persona.id)))
        app.draw()
        assert texts(app)
        assert overflowing(app) == [], persona.id
        app.reset_to_attract()
        if screen == "attract":
            break
