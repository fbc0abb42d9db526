"""Every screen renders at three window shapes, in both languages, with no text outside its box."""

from __future__ import annotations

import random

import pytest

from game.cli.screenshot import SCREENS, stage
from game.content.load import load_level
from game.tools.drive import button, press_button, texts
from tests.langs import LANGS
from tests.screens.helpers import SAMPLE, make_app

LEVEL = load_level(SAMPLE)
SIZES = [(1280, 720), (1920, 1080), (1024, 768)]


def overflowing(app) -> list[str]:  # type: ignore[no-untyped-def]
    bad = []
    for drawn in app.canvas.drawn:
        if not drawn.box.inflate(4, 4).contains(drawn.rect):
            bad.append(f"{drawn.text!r} {drawn.rect} outside {drawn.box}")
    return bad


@pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s[0]}x{s[1]}")
@pytest.mark.parametrize("screen", SCREENS)
@pytest.mark.parametrize("lang", LANGS)
def test_screen_renders_without_overflow(screen: str, size: tuple[int, int], lang: str) -> None:
    app = make_app(LEVEL, lang=lang, size=size, kiosk=screen in ("pin", "idle"))
    app.ctx.kiosk.admin_pin = "2468"
    stage(app, screen, None, None, LEVEL.personas[0].id, random.Random(3))
    app.draw()
    assert texts(app), f"{screen} drew no text"
    assert overflowing(app) == []


@pytest.mark.parametrize("screen", ["scene", "persona", "consent", "end"])
def test_larger_text_still_fits(screen: str) -> None:
    app = make_app(LEVEL, lang="fr", size=(1280, 720), larger_text=True)
    stage(app, screen, None, None, LEVEL.personas[0].id, random.Random(3))
    app.draw()
    assert overflowing(app) == []


def test_letterboxing_keeps_the_aspect_ratio() -> None:
    app = make_app(LEVEL, size=(1024, 768))
    vp = app.viewport
    assert vp.scale == pytest.approx(1024 / 1920)
    assert vp.oy > 0 and vp.ox == 0


def _levels_dir():  # type: ignore[no-untyped-def]
    from game.paths import LEVELS_DIR

    return LEVELS_DIR


def _long_scene_level(tmp_path):  # type: ignore[no-untyped-def]
    """The kiosk level with its longest scene text made an eighth longer: too long to sit beside the options."""
    path = _levels_dir() / "kiosk.yaml"
    kiosk = load_level(path)
    scene = max((s for w in kiosk.weeks for s in w.scenes), key=lambda s: len(s.text["fr"]))
    text = path.read_text(encoding="utf-8")
    said = f'fr: "{scene.text["fr"]}"'
    assert said in text
    copy = tmp_path / "kiosk.yaml"
    more = scene.text["fr"][: len(scene.text["fr"]) // 8].rsplit(" ", 1)[0]
    copy.write_text(text.replace(said, f'fr: "{scene.text["fr"]} {more}"', 1), encoding="utf-8")
    return load_level(copy), scene


def test_a_long_text_at_a_large_size_is_read_first_then_the_options(tmp_path) -> None:  # type: ignore[no-untyped-def]
    kiosk, scene = _long_scene_level(tmp_path)
    app = make_app(kiosk, lang="fr", size=(1024, 768), larger_text=True)
    stage(app, "scene", scene.id, None, kiosk.personas[0].id, random.Random(1))
    app.draw()
    ids = [b.id for b in app.top.buttons]
    assert "read" in ids and not any(i.startswith("option:") for i in ids)
    press_button(app, button(app, "read"))
    app.draw()
    assert any(b.id.startswith("option:") for b in app.top.buttons)
    assert overflowing(app) == []
