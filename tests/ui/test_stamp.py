"""A stamp keeps its words inside its frame, in every language and text size."""

from __future__ import annotations

import pygame
import pytest

from game.i18n import load_catalog
from game.ui import pictures
from game.ui.canvas import Canvas, FontBook, Rect, Viewport
from game.ui.theme import load_theme
from tests.langs import LANGS

STAMPS = ("door.stamp", "door.stamp_money", "door.stamp_declined", "end.stamp_missed", "blacklist.stamp")
DOOR = Rect(1000, 480, 240, 240)  # the attract loop's door, in the 1920x1080 layout


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("larger", [False, True])
@pytest.mark.parametrize("size", [(1280, 720), (1920, 1080)])
def test_the_words_fit_the_landed_stamp(lang: str, larger: bool, size: tuple[int, int]) -> None:
    pygame.display.init()
    pygame.font.init()
    theme = load_theme()
    canvas = Canvas(pygame.Surface(size), Viewport((1920, 1080), size), FontBook(), theme)
    canvas.text_scale = theme.s("larger_text_scale") if larger else 1.0
    area = pictures.stamp_area(DOOR)
    for key in STAMPS:
        canvas.drawn = []
        pictures.stamp(canvas, area, load_catalog()(key, lang))
        whole, lines = canvas.drawn[-1], canvas.drawn[:-1]
        assert lines and all(line.part and not line.cut for line in lines), key
        assert whole.rect.h <= whole.box.h + 1, (key, whole)
        assert all(whole.box.x - 1 <= line.rect.x and line.rect.right <= whole.box.right + 1 for line in lines), key
