"""What a session keeps drawn stays within one budget, and what no frame needs is let go:
the caches' byte caps hold, another language or another screen releases its layers, a
dropped layer's pixels are freed even if a layout kept its painter, one backdrop at a time."""

from __future__ import annotations

import gc
import weakref

import pygame

from game.i18n import Language
from game.ui.canvas import Canvas, FontBook, Rect, Viewport
from game.ui.retained import MB, Budget, SurfaceCache, surface_bytes
from game.ui.theme import load_theme

EN = Language("en", "English")
DE = Language("de", "Deutsch")


def canvas(size: tuple[int, int] = (1280, 720)) -> Canvas:
    pygame.display.init()
    pygame.font.init()
    c = Canvas(pygame.Surface(size), Viewport((1920, 1080), size), FontBook(), load_theme())
    c.fonts.use(EN)
    return c


def surfaces(n: int, side: int = 100) -> list[pygame.Surface]:
    return [pygame.Surface((side, side), 0, 32) for _ in range(n)]


def test_a_surface_cache_holds_its_byte_cap_and_keeps_the_newest() -> None:
    one = 100 * 100 * 4
    cache: SurfaceCache[int, pygame.Surface] = SurfaceCache(3 * one, surface_bytes)
    for i, surf in enumerate(surfaces(10)):
        cache.put(i, surf)
        assert cache.bytes <= 3 * one
    assert len(cache) == 3 and 9 in cache and 6 not in cache
    assert cache.get(7) is not None  # used: now the most recent
    cache.put(10, pygame.Surface((100, 100), 0, 32))
    assert 7 in cache and 8 not in cache
    huge = pygame.Surface((400, 400), 0, 32)
    cache.put(11, huge)  # larger than the cap on its own: kept alone, it is what the frame needs
    assert len(cache) == 1 and cache.get(11) is huge


def test_room_is_made_before_a_surface_is_painted_never_after() -> None:
    one = 100 * 100 * 4
    cache: SurfaceCache[int, pygame.Surface] = SurfaceCache(3 * one, surface_bytes)
    for i, surf in enumerate(surfaces(3)):
        cache.put(i, surf)
    cache.make_room(2 * one)
    assert cache.bytes == one and 2 in cache


def test_a_lowered_cap_is_held_at_once() -> None:
    cache: SurfaceCache[int, pygame.Surface] = SurfaceCache(10 * MB, surface_bytes)
    for i, surf in enumerate(surfaces(8)):
        cache.put(i, surf)
    cache.cap = 2 * 100 * 100 * 4
    cache.trim()
    assert len(cache) == 2 and cache.bytes == cache.cap


def test_the_budget_follows_the_window_s_pixels_never_below_1080p_s() -> None:
    hd, uhd, small = Budget(1920 * 1080), Budget(3840 * 2160), Budget(1280 * 720)
    for share in ("texts", "layers", "pictures"):
        assert getattr(uhd, share) == 4 * getattr(hd, share)
        assert getattr(small, share) == getattr(hd, share)
    # the whole of it at 4K, a window's backdrop included, leaves room in a 200 MB session
    assert uhd.texts + uhd.layers + uhd.pictures + 3840 * 2160 * 4 < 120 * MB


def test_the_caches_take_their_caps_from_the_budget() -> None:
    book = FontBook()
    book.scale_budget(3840 * 2160)
    assert (book.cache_bytes, book.layer_bytes) == (Budget(3840 * 2160).texts, Budget(3840 * 2160).layers)


def paint_text(label: str):  # type: ignore[no-untyped-def]
    def paint(sub: Canvas) -> None:
        sub.text(label, Rect(110, 110, 300, 60), 30, (255, 255, 255))

    return paint


def test_another_language_releases_the_texts_and_layers_drawn_in_the_last_one() -> None:
    c = canvas()
    c.text("Hello", Rect(0, 0, 400, 60), 30, (255, 255, 255))
    c.layer(("card", "en"), Rect(100, 100, 400, 100), (0, 0, 0), paint_text("Hello"))
    c.fonts.use(EN)  # the same language, next frame: everything stays
    assert len(c.fonts.layers) == 1 and c.fonts.cached_texts == 1
    c.fonts.use(DE)
    assert len(c.fonts.layers) == 0 and c.fonts.cached_texts == 0 and c.fonts.cached_text_bytes == 0


def test_another_screen_releases_the_layers_painted_for_the_last_one() -> None:
    c = canvas()
    c.fonts.enter("debrief", backdrop=False)
    for i in range(4):
        c.layer(("panel-page", i), Rect(0, 100, 960, 400), (0, 0, 0), paint_text(f"page {i}"))
    c.fonts.enter("debrief", backdrop=False)  # the same screen, another frame
    assert len(c.fonts.layers) == 4
    c.fonts.enter("end", backdrop=False)
    assert len(c.fonts.layers) == 0 and c.fonts.layers.bytes == 0


def test_texts_painted_into_a_layer_are_not_kept_twice() -> None:
    c = canvas()
    c.layer(("card",), Rect(100, 100, 400, 100), (0, 0, 0), paint_text("Only in the layer"))
    assert c.fonts.cached_texts == 0
    assert [d.text for d in c.drawn] == ["Only in the layer"]


def test_a_dropped_layer_is_freed_even_if_a_layout_kept_its_painter() -> None:
    c = canvas()
    kept: list[Canvas] = []

    def paint(sub: Canvas) -> None:
        kept.append(sub)  # what a cached layout does (it measures and draws with the canvas)
        sub.rect(Rect(0, 0, 100, 100), (200, 0, 0))

    c.layer(("kept",), Rect(0, 0, 800, 400), (0, 0, 0), paint)
    pixels = weakref.ref(next(c.fonts.layers.values())[0])
    c.fonts.layers.clear()
    gc.collect()
    assert kept and pixels() is None


def test_one_backdrop_is_kept_and_a_screen_without_one_releases_it() -> None:
    c = canvas()
    painted: list[str] = []

    def paint(name: str):  # type: ignore[no-untyped-def]
        return lambda sub: painted.append(name) or sub.clear((10, 20, 30))

    c.backdrop("phone", paint("phone"))
    c.backdrop("phone", paint("phone"))
    assert painted == ["phone"]
    first = c.fonts.backdrop
    assert first is not None
    pixels = weakref.ref(first[1])
    del first
    c.backdrop("scene", paint("scene"))
    gc.collect()
    assert painted == ["phone", "scene"] and pixels() is None  # never two at once
    c.fonts.enter("scene", backdrop=True)
    assert c.fonts.backdrop is not None
    c.fonts.enter("debrief", backdrop=False)
    assert c.fonts.backdrop is None


def test_a_shade_looks_like_a_veil_blended_over_the_screen() -> None:
    c = canvas((256, 144))
    for x in range(256):
        c.surface.fill((x, (7 * x) % 256, 255 - x), pygame.Rect(x, 0, 1, 144))
    veiled = c.surface.copy()
    veil = pygame.Surface(veiled.get_size(), pygame.SRCALPHA)
    veil.fill((10, 14, 20, 205))
    veiled.blit(veil, (0, 0))
    c.shade(Rect(0, 0, 1920, 1080), (10, 14, 20), 205)
    for x in range(0, 256, 5):
        got, want = c.surface.get_at((x, 70)), veiled.get_at((x, 70))
        assert all(abs(g - w) <= 1 for g, w in zip(got[:3], want[:3], strict=True)), (x, got, want)
