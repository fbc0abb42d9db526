"""Layers laid on the backdrop: the backdrop is blitted only where no layer covers it, a
layer over it (its background None) is what drawing in place would have been, held to its
rectangle, and a layer kept under a version is painted again, in place of the old one
(into its very pixels), when the version changes."""

from __future__ import annotations

import random
from collections.abc import Callable

import pygame

from game.ui.canvas import Canvas, Rect, uncovered
from game.ui.theme import Theme
from tests.ui.test_retained import canvas

CARD = Rect(60, 130, 1230, 920)


def paint_backdrop(c: Canvas) -> None:
    c.clear(c.theme.c("background"))
    c.rect(CARD, c.theme.c("card"), radius=28)


def paint_card(c: Canvas) -> str:
    theme: Theme = c.theme
    c.text("Week 1 · Mon 08:05", Rect(100, 162, 500, 40), theme.s("small"), theme.c("card_muted"), "semibold")
    c.paragraph("You're late. Outside your door, shared bikes.", Rect(100, 420, 1150, 200), 40, theme.c("card_text"))
    c.rect(Rect(100, 800, 1150, 96), theme.c("button"), radius=18)
    return "laid out"


def test_what_is_left_uncovered_tiles_the_area_with_the_holes() -> None:
    rng = random.Random(4)
    area = Rect(0, 0, 200, 120)
    for _ in range(200):
        holes = [
            Rect(rng.randint(-20, 190), rng.randint(-20, 110), rng.randint(1, 90), rng.randint(1, 60))
            for _ in range(rng.randint(0, 4))
        ]
        pieces = uncovered(area, holes)
        covered = [[0] * area.w for _ in range(area.h)]
        for piece in pieces:
            assert area.contains(piece) and piece.w > 0 and piece.h > 0
            assert piece.collidelist(holes) < 0  # nothing under a hole is laid
            for y in range(piece.top, piece.bottom):
                for x in range(piece.left, piece.right):
                    covered[y][x] += 1
        for y in range(area.h):
            for x in range(area.w):
                under_hole = any(h.collidepoint(x, y) for h in holes)
                assert covered[y][x] == (0 if under_hole else 1), (x, y, holes)


def test_a_layer_on_the_backdrop_is_what_drawing_in_place_gives() -> None:
    for size in ((960, 540), (1280, 720), (1920, 1080), (1366, 768)):
        direct = canvas(size)
        direct.backdrop("card", paint_backdrop)
        paint_card(direct)
        direct.text("Halo", Rect(40, 40, 200, 60), 40, direct.theme.c("primary"), "bold")
        direct.finish()
        kept = canvas(size)
        for _ in range(2):  # painted in place and captured, then blitted from the cache
            kept.backdrop("card", paint_backdrop)
            assert kept.layer(("card",), CARD, None, paint_card, version=1) == "laid out"
            kept.text("Halo", Rect(40, 40, 200, 60), 40, kept.theme.c("primary"), "bold")
            kept.finish()
            kept.capture()
            assert pygame.image.tobytes(kept.surface, "RGB") == pygame.image.tobytes(direct.surface, "RGB"), size
        assert [d.text for d in kept.drawn] == [d.text for d in direct.drawn]


def test_the_backdrop_under_an_opaque_layer_waits_and_is_laid_around_it() -> None:
    c = canvas()
    c.backdrop("card", paint_backdrop)
    c.layer(("card",), CARD, None, paint_card, version=1)  # painted in place: the backdrop laid first
    assert c._pending is None
    c.capture()
    c.backdrop("card", paint_backdrop)
    c.layer(("card",), CARD, None, paint_card, version=1)  # kept: blitted, the backdrop still waits
    assert c._holes == [c.vp.rect(CARD)]
    c.finish()
    assert c._holes == [] and c._pending is None
    corner = c.vp.point(10, 10)
    assert c.surface.get_at(corner)[:3] == c.theme.c("background")


def test_a_clear_waits_for_what_draws_next_and_a_later_clear_covers_earlier_layers() -> None:
    c = canvas()
    c.layer(("a",), Rect(0, 0, 400, 400), (250, 0, 0), lambda sub: None)
    c.clear((0, 0, 90))
    c.layer(("b",), Rect(800, 0, 400, 400), (0, 250, 0), lambda sub: None)
    c.finish()
    assert c.surface.get_at(c.vp.point(100, 100))[:3] == (0, 0, 90)  # the clear came after layer a
    assert c.surface.get_at(c.vp.point(1000, 100))[:3] == (0, 250, 0)
    assert c.surface.get_at(c.vp.point(1500, 900))[:3] == (0, 0, 90)


def test_a_new_version_paints_again_in_place_and_the_same_one_does_not() -> None:
    c = canvas()
    painted: list[str] = []

    def paint(word: str) -> Callable[[Canvas], str]:
        def draw(sub: Canvas) -> str:
            painted.append(word)
            sub.text(word, Rect(100, 200, 800, 60), 40, sub.theme.c("card_text"))
            return word

        return draw

    c.backdrop("card", paint_backdrop)
    assert c.layer(("card",), CARD, None, paint("first"), version="a") == "first"
    assert len(c.fonts.layers) == 0  # not kept until captured
    c.capture()
    assert c.layer(("card",), CARD, None, paint("unused"), version="a") == "first"
    assert c.layer(("card",), CARD, None, paint("second"), version="b") == "second"
    c.capture()
    assert painted == ["first", "second"]
    assert len(c.fonts.layers) == 1  # the old version was dropped, not kept beside the new
    assert [d.text for d in c.drawn][-1] == "second"


def test_what_was_painted_in_place_is_not_kept_once_something_drew_over_it() -> None:
    c = canvas()
    c.backdrop("card", paint_backdrop)
    c.layer(("card",), CARD, None, paint_card, version=1)
    c.forget_captures()  # an animation frame drew over the window
    c.capture()
    assert len(c.fonts.layers) == 0


def test_a_layer_painted_in_place_is_held_to_its_rectangle_even_when_it_lifts_a_clip() -> None:
    c = canvas()

    def spill(sub: Canvas) -> None:
        sub.clip(Rect(0, 0, 1920, 1080))
        sub.clip(None)
        sub.rect(Rect(0, 0, 1920, 1080), (200, 0, 0))  # far larger than the layer

    c.clear((0, 0, 90))
    c.layer(("spill",), CARD, None, spill, version=1)
    c.finish()
    assert c.surface.get_at(c.vp.point(CARD.centerx, CARD.centery))[:3] == (200, 0, 0)
    assert c.surface.get_at(c.vp.point(20, 20))[:3] == (0, 0, 90)
    assert c.surface.get_clip() == c.surface.get_rect()


def test_a_new_version_of_the_same_size_is_painted_into_the_old_pixels() -> None:
    c = canvas()
    c.backdrop("card", paint_backdrop)
    c.layer(("card",), CARD, None, paint_card, version=1)
    c.capture()
    first = next(c.fonts.layers.values()).surface
    c.layer(("card",), CARD, None, paint_card, version=2)
    c.capture()
    assert next(c.fonts.layers.values()).surface is first and len(c.fonts.layers) == 1
