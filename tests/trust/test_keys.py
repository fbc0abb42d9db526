"""The README's key table matches what the keys do, and Esc goes back wherever there is a back."""

from __future__ import annotations

import random
import re
from pathlib import Path

import pygame
import pytest

from game.cli.screenshot import stage
from game.content.load import load_level
from game.input.intents import Activate, AdminChord, Back, Digit, InputReader, Move, Quit
from game.paths import LEVELS_DIR
from tests.langs import LANGS
from tests.screens.helpers import key, make_app, press

README = Path(__file__).resolve().parents[2] / "README.md"
NAMES = {
    "Tab": (pygame.K_TAB, 0),
    "Shift+Tab": (pygame.K_TAB, pygame.KMOD_SHIFT),
    "arrow keys": (pygame.K_DOWN, 0),
    "Enter": (pygame.K_RETURN, 0),
    "Space": (pygame.K_SPACE, 0),
    "Esc": (pygame.K_ESCAPE, 0),
    "Backspace": (pygame.K_BACKSPACE, 0),
    "0–9": (pygame.K_7, 0),
    "Ctrl+Shift+A": (pygame.K_a, pygame.KMOD_CTRL | pygame.KMOD_SHIFT),
    "Alt+F4": (pygame.K_F4, pygame.KMOD_ALT),
}
INTENT = {"move": Move, "press": Activate, "go back": Back, "digits": Digit, "technician": AdminChord, "quit": Quit}


def key_table() -> list[tuple[list[str], str]]:
    text = README.read_text(encoding="utf-8")
    table = text[text.index("| key | what it does |") :].split("\n\n")[0].splitlines()[2:]
    rows = []
    for row in table:
        keys, does = (c.strip() for c in row.strip("|").split("|", 1))
        rows.append(([k.strip() for k in keys.split(",")], does))
    return rows


def test_every_key_in_the_readme_does_what_it_says() -> None:
    rows = key_table()
    assert len(rows) >= 6
    for keys, does in rows:
        kind = next(cls for word, cls in INTENT.items() if does.lower().startswith(word) or f" {word}" in does)
        for name in keys:
            if name.startswith("closing"):
                continue
            code, mod = NAMES[name]
            event = pygame.event.Event(pygame.KEYDOWN, key=code, mod=mod, unicode="", scancode=0)
            intents = InputReader().read([event], 0.0)
            assert intents and isinstance(intents[0], kind), f"{name}: {intents} for {does!r}"


def _long_scene_level(tmp_path):  # type: ignore[no-untyped-def]
    """The kiosk level with its longest scene text made an eighth longer: too long to sit beside the options."""
    path = LEVELS_DIR / "kiosk.yaml"
    kiosk = load_level(path)
    scene = max((s for w in kiosk.weeks for s in w.scenes), key=lambda s: len(s.text["fr"]))
    text = path.read_text(encoding="utf-8")
    said = f'fr: "{scene.text["fr"]}"'
    assert said in text
    copy = tmp_path / "kiosk.yaml"
    more = scene.text["fr"][: len(scene.text["fr"]) // 8].rsplit(" ", 1)[0]
    copy.write_text(text.replace(said, f'fr: "{scene.text["fr"]} {more}"', 1), encoding="utf-8")
    return load_level(copy), scene


def test_esc_on_a_long_scene_goes_back_from_the_choices_to_the_text(tmp_path) -> None:  # type: ignore[no-untyped-def]
    kiosk, scene = _long_scene_level(tmp_path)
    app = make_app(kiosk, lang="fr", size=(1024, 768), larger_text=True)
    stage(app, "scene", scene.id, None, kiosk.personas[0].id, random.Random(1))
    app.draw()
    press(app, "read")
    assert any(b.id.startswith("option:") for b in app.top.buttons)
    key(app, pygame.K_ESCAPE)
    assert "read" in [b.id for b in app.top.buttons]


@pytest.mark.parametrize("lang", LANGS)
def test_esc_closes_an_opened_life(lang: str) -> None:
    level = load_level(LEVELS_DIR / "workshop.yaml")
    app = make_app(level, lang=lang, size=(1280, 720), larger_text=True)
    stage(app, "persona", None, None, level.personas[0].id, random.Random(1))
    app.draw()
    press(app, f"persona:{level.personas[0].id}")
    assert "live" in [b.id for b in app.top.buttons]
    key(app, pygame.K_ESCAPE)
    assert "live" not in [b.id for b in app.top.buttons] and app.top.name == "persona"


def test_the_readme_no_longer_promises_esc_goes_back_everywhere() -> None:
    assert not re.search(r"Esc goes back\.", README.read_text(encoding="utf-8"))
