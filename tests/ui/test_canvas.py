"""Fonts are opened once per size; the rendered-text cache is bounded; text fits its box."""

from __future__ import annotations

from typing import Any

import pygame
import pytest

from game.ui.canvas import Canvas, FontBook, Rect, Viewport
from game.ui.retained import surface_bytes
from game.ui.theme import load_theme


def canvas(size: tuple[int, int] = (1280, 720)) -> Canvas:
    pygame.display.init()
    pygame.font.init()
    surface = pygame.Surface(size)
    return Canvas(surface, Viewport((1920, 1080), size), FontBook(cache_size=50), load_theme())


def test_fonts_are_opened_once_per_size() -> None:
    c = canvas()
    for i in range(500):
        c.text(f"line {i}", Rect(0, 0, 800, 60), 30, (255, 255, 255))
    assert c.fonts.open_fonts <= 3


def test_rendered_text_cache_is_bounded() -> None:
    c = canvas()
    for i in range(500):
        c.text(f"unique {i}", Rect(0, 0, 800, 60), 30, (255, 255, 255))
    assert c.fonts.cached_texts <= 50


def test_paragraph_shrinks_to_fit_and_reports_its_box() -> None:
    c = canvas()
    box = Rect(0, 0, 400, 120)
    at_full_size = len(c.wrap("word " * 30, box.w, 40)) * c.line_height(40)
    assert at_full_size > box.h  # it would not fit without shrinking
    c.paragraph("word " * 30, box, 40, (255, 255, 255))
    whole = c.drawn[-1]
    assert whole.box == box
    assert box.contains(whole.rect)


def test_crisp_text_uses_physical_sizes() -> None:
    small, big = canvas((960, 540)), canvas((1920, 1080))
    assert big.px(30) == 2 * small.px(30)


def test_viewport_letterboxes_4_by_3() -> None:
    vp = Viewport((1920, 1080), (1024, 768))
    full = vp.rect(Rect(0, 0, 1920, 1080))
    assert full.w == 1024 and full.h == 576 and full.y == 96
    assert vp.to_logical(*vp.point(960, 540)) == (960.0, 540.0)


def test_rendered_text_cache_is_bounded_in_bytes_too() -> None:
    c = canvas((1920, 1080))
    c.fonts.cache_bytes = 400_000
    for i in range(200):
        c.text(f"a long line of text number {i} " * 3, Rect(0, 0, 1900, 80), 40, (255, 255, 255))
    assert 0 < c.fonts.cached_text_bytes <= 400_000
    assert c.fonts.cached_text_bytes == sum(map(surface_bytes, c.fonts._texts.values()))


def test_a_layer_is_painted_once_per_key_and_its_texts_stay_readable() -> None:
    c = canvas((1280, 720))
    painted: list[str] = []

    def paint(label: str):  # type: ignore[no-untyped-def]
        def draw(sub: Canvas) -> None:
            painted.append(label)
            sub.text(label, Rect(110, 110, 300, 60), 30, (255, 255, 255))

        return draw

    box = Rect(100, 100, 400, 100)
    for _ in range(3):
        c.drawn = []
        c.layer(("chart", "a"), box, (0, 0, 0), paint("first"))
    assert painted == ["first"]
    assert [d.text for d in c.drawn] == ["first"]
    assert c.drawn[0].rect.x == 110  # recorded in logical coordinates, as drawn
    c.layer(("chart", "b"), box, (0, 0, 0), paint("second"))
    assert painted == ["first", "second"]
    # the pixels really are there: the text is white on black inside the box
    phys = c.vp.rect(Rect(110, 110, 300, 60))
    assert any(c.surface.get_at((x, phys.centery))[:3] != (0, 0, 0) for x in range(phys.x, phys.right))


def test_wrapping_never_breaks_at_a_no_break_space() -> None:
    c = canvas()
    text = "Votre score\u00a0: très bien\u00a0! " * 12
    for width in (200, 333, 500, 777):
        for line in c.wrap(text, width, 30):
            assert not line.startswith((":", "!", "\u00a0"))
    assert any("\u00a0:" in line for line in c.wrap(text, 500, 30))


def test_layers_are_bounded_in_bytes() -> None:
    c = canvas((1280, 720))
    c.fonts.layer_bytes = 1_000_000
    for i in range(40):
        c.layer(("big", i), Rect(0, 0, 800, 400), (0, 0, 0), lambda sub: None)
    held = sum(surface_bytes(layer.surface) for layer in c.fonts.layers.values())
    assert 0 < held <= 1_000_000
    assert held == c.fonts.layers.bytes


def test_a_fitted_size_is_searched_once_per_text_box_and_size(monkeypatch: pytest.MonkeyPatch) -> None:
    """A falling stamp fits the same words into the same boxes on every frame of its moment."""
    c = canvas()
    box = Rect(0, 0, 300, 90)
    words = "SCORE INSUFFISANT " * 3
    first = c.fit_size(words, box, 44, "bold")
    wraps: list[str] = []
    real = Canvas.wrap

    def wrap(self: Canvas, text: str, *args: Any, **kwargs: Any) -> list[str]:
        wraps.append(text)
        return real(self, text, *args, **kwargs)

    monkeypatch.setattr(Canvas, "wrap", wrap)
    assert c.fit_size(words, box, 44, "bold") == first and wraps == []
    assert c.fit_size(words, Rect(0, 0, 600, 90), 44, "bold") >= first and wraps  # another box: searched
    c.text_scale = 1.5
    wraps.clear()
    c.fit_size(words, box, 44, "bold")
    assert wraps, "larger text must fit again"
