"""Image comparison, as Python Arcade's tests do it: render a screen offscreen, compare it
with a stored PNG within a small tolerance, and on failure write what was drawn and where
it differs, so a layout regression fails a test with a picture of itself.

Refresh the stored images after an intended change of look::

    OPEN_SESAME_UPDATE_LOOKS=1 .venv/bin/python -m pytest tests/screens/test_looks.py
"""

from __future__ import annotations

import os
import random
from dataclasses import dataclass
from pathlib import Path

import pygame

from game.app import App
from game.cli.screenshot import find_path, stage
from game.content.models import Level
from game.tools.drive import settle
from tests.screens.helpers import make_app

STORED = Path(__file__).resolve().parent / "looks"
FAILED = Path(__file__).resolve().parents[2] / "build" / "looks"  # actual and diff images of a failure
SIZE = (960, 540)
CHROME = 130  # the toolbar's height, in logical pixels: it shows the settings themselves
DISTANCE = 0.08  # how far a pixel may drift (anti-aliasing, a font's hinting) and still match
SHARE = 0.004  # the share of pixels that may differ


def shown(level: Level, screen: str, lang: str, reduced_motion: bool = False, persona: str | None = None) -> App:
    """The app on ``screen``, reached through the real screens, its moment played out."""
    app = make_app(level, lang=lang, size=SIZE, reduced_motion=reduced_motion)
    who = persona or level.personas[0].id
    if screen in ("scene", "door", "granted", "blacklist"):
        who, seed, _ = find_path(app, None, screen)
        app.ctx.settings.seed = seed
    stage(app, screen, None, None, who, random.Random(7))
    app.draw()
    settle(app)
    app.draw()
    return app


def frame(app: App, below_chrome: bool = False) -> pygame.Surface:
    surface = app.window.copy()
    if below_chrome:
        top = app.viewport.rect(pygame.Rect(0, CHROME, 1, 1)).y
        surface = surface.subsurface(pygame.Rect(0, top, surface.get_width(), surface.get_height() - top)).copy()
    return surface


@dataclass(frozen=True)
class Difference:
    pixels: int
    total: int
    diff: pygame.Surface | None  # black where the frames differ

    @property
    def share(self) -> float:
        return self.pixels / max(1, self.total)


def compare(actual: pygame.Surface, expected: pygame.Surface) -> Difference:
    if actual.get_size() != expected.get_size():
        return Difference(actual.get_width() * actual.get_height(), actual.get_width() * actual.get_height(), None)
    a, b = pygame.PixelArray(actual.convert(24)), pygame.PixelArray(expected.convert(24))
    try:
        diff = a.compare(b, distance=DISTANCE).make_surface()
    finally:
        a.close()
        b.close()
    differing = pygame.mask.from_threshold(diff, (0, 0, 0), (1, 1, 1, 255)).count()
    return Difference(differing, actual.get_width() * actual.get_height(), diff)


def check_look(name: str, actual: pygame.Surface) -> None:
    """Assert ``actual`` matches the stored ``name``.png (or store it when asked to)."""
    stored = STORED / f"{name}.png"
    if os.environ.get("OPEN_SESAME_UPDATE_LOOKS") == "1" or not stored.exists():
        if not stored.exists() and os.environ.get("OPEN_SESAME_UPDATE_LOOKS") != "1":
            raise AssertionError(f"no stored image {stored}: run with OPEN_SESAME_UPDATE_LOOKS=1 to make it")
        STORED.mkdir(parents=True, exist_ok=True)
        pygame.image.save(actual, str(stored))
        return
    found = compare(actual, pygame.image.load(str(stored)))
    if found.share <= SHARE:
        return
    FAILED.mkdir(parents=True, exist_ok=True)
    pygame.image.save(actual, str(FAILED / f"{name}-actual.png"))
    if found.diff is not None:
        pygame.image.save(found.diff, str(FAILED / f"{name}-diff.png"))
    raise AssertionError(
        f"{name}: {found.share:.2%} of pixels differ from {stored.name} (at most {SHARE:.2%}); "
        f"see {FAILED / (name + '-actual.png')} and {name}-diff.png (black where they differ)"
    )
