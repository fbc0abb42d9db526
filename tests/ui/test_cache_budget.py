"""The text cache holds as many texts at 4K as at 1080p: its byte cap follows the window."""

from __future__ import annotations

from game.ui.canvas import FontBook


def test_the_text_cache_cap_follows_the_pixel_count_never_below_1080p_s() -> None:
    book = FontBook()
    base = book.cache_bytes
    book.scale_budget(3840 * 2160)
    assert book.cache_bytes == 4 * base
    book.scale_budget(1280 * 720)
    assert book.cache_bytes == base
