"""Fonts opened once per size, and what is kept drawn between frames: rendered texts,
painted layers, the one static backdrop (their caps: :mod:`game.ui.retained`).

Kept apart from the canvas that draws with them: this is where a session's drawn
surfaces live, and what lets them go when the language or the screen changes.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, NamedTuple

import pygame

from game.ui.fonts import FontStack, stack_for
from game.ui.retained import Budget, SurfaceCache, return_large_blocks, surface_bytes
from game.ui.textfit import measure_text, render_text
from game.ui.theme import Colour

if TYPE_CHECKING:
    from game.i18n import Language
    from game.ui.canvas import DrawnText

TextKey = tuple[tuple[str, ...], str, int, str, Colour]


class Layer(NamedTuple):
    """A retained layer: its pixels, the texts painted into it, what it is a painting of
    (its version) and what its painting returned (the buttons it laid out)."""

    surface: pygame.Surface
    drawn: list[DrawnText]
    version: object = None
    result: object = None


class FontBook:
    """Fonts opened once per file and pixel size; rendered text cached with a bound.

    Text is drawn with the font stack of the language shown (:meth:`use`): a stack of one
    family (French, English) draws every text in one piece, as pygame does; a longer one
    (Chinese: Noto Sans SC, then Inter) cuts each text into runs by the family that has
    its characters and draws them side by side on one baseline. A family's files are
    opened only when a text is drawn in a language that names it.
    """

    def __init__(self, cache_size: int = 600, budget: Budget | None = None) -> None:
        budget = budget or Budget()
        self._fonts: dict[tuple[str, int], pygame.font.Font] = {}
        self._texts: SurfaceCache[TextKey, pygame.Surface] = SurfaceCache(budget.texts, surface_bytes, cache_size)
        self.cache_size = cache_size
        self.max_fonts = 24  # each open font holds ~350 kB (its face and shaping tables); a frame uses <= 15
        self._sizes: dict[tuple[tuple[str, ...], str, int, str], tuple[int, int]] = {}
        self._linesizes: dict[tuple[tuple[str, ...], str, int], int] = {}
        self.wrapped: dict[tuple[str, int, int, str, str, tuple[str, ...]], tuple[str, ...]] = {}
        self.fitted: dict[tuple[object, ...], float] = {}  # Canvas.fit_size's answers
        self.layers: SurfaceCache[object, Layer] = SurfaceCache(budget.layers, lambda kept: surface_bytes(kept.surface))
        self.backdrop: tuple[object, pygame.Surface] | None = None  # the one static background kept
        self.stack: FontStack = stack_for(())
        self.lang = ""  # the language texts are broken into lines for (UAX #14 tailoring)
        self.screen = ""  # the full screen drawn last (see enter)
        self.painting = 0  # > 0 while a layer or a backdrop is being painted (see render)
        return_large_blocks()

    @property
    def cache_bytes(self) -> int:
        """The text cache's byte cap."""
        return self._texts.cap

    @cache_bytes.setter
    def cache_bytes(self, cap: int) -> None:
        self._texts.cap = cap
        self._texts.trim()

    @property
    def layer_bytes(self) -> int:
        """The retained layers' byte cap."""
        return self.layers.cap

    @layer_bytes.setter
    def layer_bytes(self, cap: int) -> None:
        self.layers.cap = cap
        self.layers.trim()

    def scale_budget(self, pixels: int) -> None:
        """The caps for the window's size (:class:`game.ui.retained.Budget`): a 4K window's
        surfaces take four times the bytes of 1080p's, so the caps follow the pixel count
        and hold as many texts and layers at every size."""
        budget = Budget(pixels)
        self.cache_bytes = budget.texts
        self.layer_bytes = budget.layers

    def use(self, language: Language) -> None:
        """Draw from now on with ``language``'s font stack (cheap: called every frame).

        Another language than the last frame's releases the texts and layers drawn in it:
        the visitor switched, and nothing of them is shown again until they switch back.
        A layer kept for a place under a version (a scene's card, the phone) stays: its
        version names the language, so it is painted again, into the same pixels."""
        if self.lang and language.code != self.lang:
            self._texts.clear()
            self.layers.keep_only(lambda kept: kept.version is not None)
            self.wrapped.clear()
        self.lang = language.code
        self.stack = stack_for(language.fonts, language.italic)

    def enter(self, screen: str, backdrop: bool) -> None:
        """A full screen is drawn: another one than the last releases the layers painted
        for it (the debrief's panels once the visitor left it), and one without a backdrop
        releases the backdrop. An overlay is not a full screen: what lies under it stays."""
        if screen != self.screen:
            self.screen = screen
            self.layers.clear()
        if not backdrop:
            self.backdrop = None

    def _open(self, path: str, px: int) -> pygame.font.Font:
        """A font file at a size, opened once; the least used are closed past a bound
        (each open font holds a file handle, and resizing a window asks for new sizes)."""
        key = (path, max(6, px))
        found = self._fonts.get(key)
        if found is None:
            if len(self._fonts) >= self.max_fonts:
                self._fonts.pop(next(iter(self._fonts)))
            found = self._fonts[key] = pygame.font.Font(path, key[1])
        else:
            self._fonts[key] = self._fonts.pop(key)  # most recently used last
        return found

    def font(self, face: str, px: int) -> pygame.font.Font:
        """The stack's first font for ``face`` at ``px`` (the one a text is mostly drawn with)."""
        return self._open(str(self.stack.files(face)[0]), px)

    def linesize(self, face: str, px: int) -> int:
        """The line height of the stack: its tallest family's, so mixed lines never collide."""
        key = (self.stack.key, face, px)
        found = self._linesizes.get(key)
        if found is None:
            if len(self._linesizes) > 4 * self.cache_size:
                self._linesizes.clear()
            found = max(self._open(str(path), px).get_linesize() for path in self.stack.files(face))
            self._linesizes[key] = found
        return found

    def render(self, face: str, px: int, text: str, colour: Colour) -> pygame.Surface:
        """A text drawn, kept for the next frames; not kept when it is painted into a layer
        or a backdrop, which keep its pixels themselves (it would be held twice)."""
        key = (self.stack.key, face, px, text, colour)
        surf = self._texts.get(key)
        if surf is not None:
            return surf
        runs = self.stack.runs(text, face)
        if len(runs) == 1:
            surf = render_text(self._open(str(runs[0][0]), px), text, colour)
        else:
            surf = self._render_runs(runs, px, colour)
        if not self.painting:
            self._texts.put(key, surf)
        return surf

    def _render_runs(self, runs: list[tuple[Path, str]], px: int, colour: Colour) -> pygame.Surface:
        """Runs drawn side by side on one baseline (the tallest ascent and descent of their fonts)."""
        parts = [(font, render_text(font, part, colour)) for font, part in self._run_fonts(runs, px)]
        ascent = max(font.get_ascent() for font, _ in parts)
        descent = max(-font.get_descent() for font, _ in parts)
        out = pygame.Surface((max(1, sum(s.get_width() for _, s in parts)), ascent + descent), pygame.SRCALPHA)
        x = 0
        for font, surf in parts:  # max, not blend: a run's transparent edge must not darken its neighbour
            out.blit(surf, (x, ascent - font.get_ascent()), special_flags=pygame.BLEND_RGBA_MAX)
            x += surf.get_width()
        return out

    def _run_fonts(self, runs: list[tuple[Path, str]], px: int) -> list[tuple[pygame.font.Font, str]]:
        return [(self._open(str(path), px), part) for path, part in runs]

    def size(self, face: str, px: int, text: str) -> tuple[int, int]:
        """``Font.size``, remembered: layout measures the same strings every frame.

        A text of several runs measures as they are drawn: their widths side by side, and
        the tallest ascent plus the deepest descent of their fonts.
        """
        key = (self.stack.key, face, px, text)
        found = self._sizes.get(key)
        if found is None:
            if len(self._sizes) > 4 * self.cache_size:
                self._sizes.clear()
            runs = self.stack.runs(text, face)
            if len(runs) == 1:
                found = measure_text(self._open(str(runs[0][0]), px), text)
            else:
                fonts = self._run_fonts(runs, px)
                width = sum(measure_text(font, part)[0] for font, part in fonts)
                height = max(f.get_ascent() for f, _ in fonts) + max(-f.get_descent() for f, _ in fonts)
                found = (width, height)
            self._sizes[key] = found
        return found

    @property
    def cached_text_bytes(self) -> int:
        return self._texts.bytes

    @property
    def cached_texts(self) -> int:
        return len(self._texts)

    @property
    def open_fonts(self) -> int:
        return len(self._fonts)
