"""The renderer never raises on a string, and fitting text costs a few measurements, not one per character."""

from __future__ import annotations

import logging
import time

import pygame
import pytest

from game.ui.canvas import Canvas, FontBook, Rect, Viewport
from game.ui.theme import load_theme

pytestmark = pytest.mark.serial  # it times a game or a speaker: run alone (tests/run.py)

WHITE = (255, 255, 255)
HOSTILE = [
    "The shared\0 bike",  # a NUL from the YAML escape "\0"
    "\u200b\u2060\ufeff\u00ad",  # only zero-width characters: "Text has zero width"
    "\u200b",
    "\u202e",
    "\ufe0f",
    "half \ud83d of an emoji",  # an unpaired surrogate: cannot be encoded to UTF-8
    "\ud800",
    "\U000e0001",
]


def canvas(size: tuple[int, int] = (1280, 720)) -> Canvas:
    pygame.display.init()
    pygame.font.init()
    return Canvas(pygame.Surface(size), Viewport((1920, 1080), size), FontBook(cache_size=50), load_theme())


@pytest.mark.parametrize("text", HOSTILE, ids=repr)
def test_text_the_font_engine_refuses_is_drawn_as_a_visible_placeholder(text: str) -> None:
    c = canvas()
    drawn = c.text(text, Rect(0, 0, 800, 60), 30, WHITE)
    assert drawn.w > 0  # something visible stands where the text should be
    c.paragraph(f"{text} {text}\n{text}", Rect(0, 100, 800, 300), 30, WHITE)
    assert c.measure(text, 30)[0] > 0


def test_each_bad_string_is_logged_once(caplog: pytest.LogCaptureFixture) -> None:
    c = canvas()
    bad = "logged once \0 please"
    with caplog.at_level(logging.WARNING, logger="open_sesame.ui"):
        for size in (20, 30, 40, 50):
            c.text(bad, Rect(0, 0, 800, 60), size, WHITE)
    lines = [r for r in caplog.records if "placeholder" in r.getMessage() and "logged once" in r.getMessage()]
    assert len(lines) == 1
    assert "\0" not in lines[0].getMessage()  # the log line itself is escaped


def test_the_set_of_logged_strings_is_bounded() -> None:
    from game.ui import textfit

    c = canvas()
    for i in range(textfit._LOGGED_MAX + 50):
        c.measure(f"{i}\0", 30)
    assert len(textfit._logged) <= textfit._LOGGED_MAX


def test_longest_prefix_matches_the_character_by_character_answer() -> None:
    from game.ui.textfit import longest_prefix

    for width in range(0, 60, 7):
        text = "abcdefghij" * 5
        expected = max((n for n in range(len(text) + 1) if n <= width), default=0)
        assert longest_prefix(text, lambda head, w=width: len(head) <= w) == expected


def test_largest_size_matches_stepping_down() -> None:
    from game.ui.textfit import largest_size

    def stepping(start: float, floor: float, limit: float) -> float:
        size = start
        while size > floor:
            if size <= limit:
                return size
            size -= 2
        return floor

    for limit in (5, 11, 20, 29, 30, 31, 100):
        assert largest_size(30, 12, 2, lambda s, lim=limit: s <= lim) == stepping(30, 12, limit)
    assert largest_size(10, 12, 2, lambda s: False) == 10  # already below the floor: unchanged


def test_one_huge_unbreakable_word_costs_milliseconds_not_seconds() -> None:
    c = canvas((1920, 1080))
    word = "x" * 4000
    started = time.perf_counter()
    c.text(word, Rect(0, 0, 900, 60), 40, WHITE)
    c.paragraph(" ".join([word] * 20), Rect(0, 100, 900, 800), 40, WHITE)
    elapsed = time.perf_counter() - started
    assert elapsed < 0.5, f"{elapsed:.2f} s"
    assert c.drawn[0].rect.w <= 900  # ellipsised inside its box
