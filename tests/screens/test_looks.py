"""The screens look as stored: a layout regression fails here with a picture of itself,
and reduced motion ends on the very frame full motion ends on."""

from __future__ import annotations

import pytest

from game.content.load import load_level
from game.paths import LEVELS_DIR
from tests.screens.looks import compare, frame, shown

KIOSK = load_level(LEVELS_DIR / "kiosk.yaml")
LOOKS = [
    ("persona", "en"),
    ("persona", "fr"),
    ("scene", "fr"),
    ("door", "en"),
    ("granted", "fr"),
    ("publication", "en"),
    ("blacklist", "fr"),
    ("end", "en"),
]
MOMENTS = ["door", "granted", "publication", "blacklist", "end"]


@pytest.mark.parametrize(("screen", "lang"), LOOKS, ids=lambda v: str(v))
def test_the_screen_looks_as_stored(screen: str, lang: str) -> None:
    from tests.screens.looks import check_look

    check_look(f"{screen}-{lang}", frame(shown(KIOSK, screen, lang)))


@pytest.mark.parametrize("screen", MOMENTS)
def test_reduced_motion_ends_on_the_frame_full_motion_ends_on(screen: str) -> None:
    moving = shown(KIOSK, screen, "en")
    still = shown(KIOSK, screen, "en", reduced_motion=True)
    found = compare(frame(moving, below_chrome=True), frame(still, below_chrome=True))
    assert found.pixels == 0, f"{screen}: {found.pixels} pixels differ between full and reduced motion"


def test_a_moment_really_moves_before_it_lands() -> None:
    """The comparison above is not empty: mid-moment, the frame differs from the landed one."""
    from tests.screens.helpers import make_app
    from tests.screens.looks import SIZE

    landed = frame(shown(KIOSK, "publication", "en"), below_chrome=True)
    app = make_app(KIOSK, lang="en", size=SIZE)
    import random

    from game.cli.screenshot import stage

    stage(app, "publication", None, None, KIOSK.personas[0].id, random.Random(7))
    app.draw()
    assert compare(frame(app, below_chrome=True), landed).pixels > 0


def test_a_layout_moved_by_a_few_pixels_is_caught() -> None:
    import pygame

    from tests.screens.looks import SHARE, STORED

    stored = pygame.image.load(str(STORED / "persona-en.png"))
    moved = pygame.Surface(stored.get_size())
    moved.fill((0, 0, 0))
    moved.blit(stored, (0, 6))
    assert compare(moved, stored).share > SHARE
    assert compare(stored.copy(), stored).pixels == 0


def test_frames_rasterise_no_picture_once_every_face_and_object_is_made() -> None:
    """The attract loop's people and doors change state for ever: after a whole cycle, no
    frame makes a picture again (each size of each SVG is rasterised once, then blitted)."""
    from game.tools.drive import settle
    from tests.screens.helpers import make_app
    from tests.screens.looks import SIZE

    app = make_app(KIOSK, lang="en", size=SIZE)
    art = app.canvas.art
    assert art is not None
    settle(app, steps=120)  # 12 s: past a whole cycle of the loop (about 7 s)
    made = art.made
    assert made > 0
    assert settle(app, steps=120) == 120  # it is still moving ...
    assert art.made == made  # ... and made nothing new
