"""Drawing in logical coordinates, rendered at the window's real resolution.

Screens lay out in a fixed logical space (1920x1080). The :class:`Viewport` scales and
letterboxes it into any window; fonts are opened at the *physical* size, so text stays
crisp at every size instead of being a scaled bitmap. The canvas also records every text
it drew with its box, so tests can read what is on screen and check nothing overflows.
"""

from __future__ import annotations

import copy
import math
from collections import OrderedDict
from collections.abc import Callable
from dataclasses import dataclass, replace
from pathlib import Path
from typing import TYPE_CHECKING

import pygame

from game.ui import linebreak
from game.ui.fonts import FontStack, stack_for
from game.ui.textfit import largest_size, longest_prefix, measure_text, render_text
from game.ui.theme import Colour, Theme

if TYPE_CHECKING:
    from game.i18n import Language
    from game.ui.art import Art

Rect = pygame.Rect


class Viewport:
    """Maps the logical space into a window, keeping the aspect ratio (letterboxed)."""

    def __init__(self, logical: tuple[int, int], window: tuple[int, int]) -> None:
        self.logical = logical
        self.window = window
        lw, lh = logical
        ww, wh = max(1, window[0]), max(1, window[1])
        self.scale = min(ww / lw, wh / lh)
        self.ox = (ww - lw * self.scale) / 2
        self.oy = (wh - lh * self.scale) / 2

    def rect(self, r: Rect) -> Rect:
        x0 = math.floor(self.ox + r.x * self.scale)
        y0 = math.floor(self.oy + r.y * self.scale)
        x1 = math.ceil(self.ox + r.right * self.scale)
        y1 = math.ceil(self.oy + r.bottom * self.scale)
        return Rect(x0, y0, x1 - x0, y1 - y0)

    def point(self, x: float, y: float) -> tuple[int, int]:
        return round(self.ox + x * self.scale), round(self.oy + y * self.scale)

    def to_logical(self, px: float, py: float) -> tuple[float, float]:
        return (px - self.ox) / self.scale, (py - self.oy) / self.scale

    def length(self, v: float) -> int:
        return max(1, round(v * self.scale))

    def shifted(self, dx: int, dy: int) -> Viewport:
        """The same mapping drawn onto a surface whose origin is ``(dx, dy)`` in the window."""
        moved = copy.copy(self)
        moved.ox, moved.oy = self.ox - dx, self.oy - dy
        return moved


class FontBook:
    """Fonts opened once per file and pixel size; rendered text cached with a bound.

    Text is drawn with the font stack of the language shown (:meth:`use`): a stack of one
    family (French, English) draws every text in one piece, as pygame does; a longer one
    (Chinese: Noto Sans SC, then Inter) cuts each text into runs by the family that has
    its characters and draws them side by side on one baseline. A family's files are
    opened only when a text is drawn in a language that names it.
    """

    def __init__(self, cache_size: int = 600, cache_bytes: int = 12_000_000) -> None:
        self._fonts: dict[tuple[str, int], pygame.font.Font] = {}
        self._texts: OrderedDict[tuple[tuple[str, ...], str, int, str, Colour], pygame.Surface] = OrderedDict()
        self.cache_size = cache_size
        self.cache_bytes = self.base_text_bytes = cache_bytes
        self.max_fonts = 96
        self._text_bytes = 0
        self._sizes: dict[tuple[tuple[str, ...], str, int, str], tuple[int, int]] = {}
        self._linesizes: dict[tuple[tuple[str, ...], str, int], int] = {}
        self.wrapped: dict[tuple[str, int, int, str, str, tuple[str, ...]], tuple[str, ...]] = {}
        self.fitted: dict[tuple[object, ...], float] = {}
        self.layers: dict[object, tuple[pygame.Surface, list[DrawnText]]] = {}
        self.layer_bytes = 40_000_000
        self._layer_bytes = 0
        self.backdrops: dict[tuple[str, tuple[int, int], float, tuple[str, ...]], pygame.Surface] = {}
        self.stack: FontStack = stack_for(())
        self.lang = ""  # the language texts are broken into lines for (UAX #14 tailoring)

    def scale_budget(self, pixels: int) -> None:
        """The text cache's byte cap for the window's size: a 4K window's texts take four
        times the bytes of 1080p's, so the same cap would hold a quarter as many and render
        text again four times as often. It follows the pixel count, never below 1080p's.
        Retained layers keep their cap: they are whole panels, and at 4K their bytes, not
        their drawing, are what a session's peak memory is made of."""
        self.cache_bytes = round(self.base_text_bytes * max(1.0, pixels / (1920 * 1080)))

    def use(self, language: Language) -> None:
        """Draw from now on with ``language``'s font stack (cheap: called every frame)."""
        self.lang = language.code
        self.stack = stack_for(language.fonts, language.italic)

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
        key = (self.stack.key, face, px, text, colour)
        surf = self._texts.get(key)
        if surf is not None:
            self._texts.move_to_end(key)
            return surf
        runs = self.stack.runs(text, face)
        if len(runs) == 1:
            surf = render_text(self._open(str(runs[0][0]), px), text, colour)
        else:
            surf = self._render_runs(runs, px, colour)
        self._texts[key] = surf
        self._text_bytes += _bytes(surf)
        while len(self._texts) > self.cache_size or (self._text_bytes > self.cache_bytes and len(self._texts) > 1):
            _, old = self._texts.popitem(last=False)
            self._text_bytes -= _bytes(old)
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

    def keep_layer(self, key: object, layer: tuple[pygame.Surface, list[DrawnText]]) -> None:
        """Keep a painted layer, dropping the least recently used past the byte budget."""
        self.layers[key] = layer
        self._layer_bytes += _bytes(layer[0])
        while self._layer_bytes > self.layer_bytes and len(self.layers) > 1:
            old, _texts = self.layers.pop(next(iter(self.layers)))
            self._layer_bytes -= _bytes(old)

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
        return self._text_bytes

    @property
    def cached_texts(self) -> int:
        return len(self._texts)

    @property
    def open_fonts(self) -> int:
        return len(self._fonts)


def _bytes(surface: pygame.Surface) -> int:
    return surface.get_bytesize() * surface.get_width() * surface.get_height()


@dataclass(frozen=True)
class DrawnText:
    """A piece of text drawn this frame, in logical coordinates, with the box it belongs in."""

    text: str
    rect: Rect
    box: Rect
    cut: bool = False  # shown shortened with "…": nothing a visitor needs may be
    px: int = 0  # the size it was rendered at, in window pixels
    part: bool = False  # one line of a paragraph recorded whole after its lines (audio mode reads the whole)


class Canvas:
    """Logical-coordinate drawing onto the window surface."""

    def __init__(
        self, surface: pygame.Surface, viewport: Viewport, fonts: FontBook, theme: Theme, art: Art | None = None
    ) -> None:
        self.surface = surface
        self.vp = viewport
        self.fonts = fonts
        self.theme = theme
        self.art = art
        self.text_scale = 1.0
        self.drawn: list[DrawnText] = []

    def backdrop(self, key: str, paint: Callable[[Canvas], None]) -> None:
        """Blit a static background painted once per window size (clear + large panels).

        Large fills dominate a frame's cost; painting them once and blitting the result
        makes a full redraw cost little more than one full-screen blit.
        """
        cache_key = (key, self.surface.get_size(), self.vp.scale, self.fonts.stack.key)
        surf = self.fonts.backdrops.get(cache_key)
        if surf is None:
            surf = pygame.Surface(self.surface.get_size()).convert(self.surface)
            painter = Canvas(surf, self.vp, self.fonts, self.theme, self.art)
            paint(painter)
            if len(self.fonts.backdrops) > 12:
                self.fonts.backdrops.clear()
            self.fonts.backdrops[cache_key] = surf
        self.surface.blit(surf, (0, 0))
        self.drawn = []

    def layer(self, key: object, r: Rect, background: Colour, paint: Callable[[Canvas], object]) -> None:
        """Draw ``paint``'s static content into ``r`` once, then blit it (retained rendering).

        ``key`` must name everything the painting depends on besides the window, the
        text size and the font stack (those are added here). The texts it drew are recorded again on every
        blit, so what is on screen stays readable to tests.
        """
        phys = self.vp.rect(r)
        if phys.w <= 0 or phys.h <= 0:
            return  # a window too small for this content: draw nothing rather than fail
        full = (key, phys.topleft, phys.size, self.vp.scale, self.text_scale, self.fonts.stack.key)
        found = self.fonts.layers.get(full)
        if found is None:
            surf = pygame.Surface(phys.size).convert(self.surface)
            surf.fill(background)
            painter = Canvas(surf, self.vp.shifted(phys.x, phys.y), self.fonts, self.theme, self.art)
            painter.text_scale = self.text_scale
            paint(painter)
            found = (surf, painter.drawn)
            self.fonts.keep_layer(full, found)
        else:
            self.fonts.layers[full] = self.fonts.layers.pop(full)  # most recently used last
        self.surface.blit(found[0], phys.topleft)
        self.drawn.extend(found[1])

    # -- shapes ---------------------------------------------------------------------------
    def clip(self, r: Rect | None) -> None:
        """Restrict drawing to ``r`` (logical), or lift the restriction with None."""
        self.surface.set_clip(None if r is None else self.vp.rect(r))

    def clear(self, colour: Colour, letterbox: Colour = (0, 0, 0)) -> None:
        area = self.vp.rect(Rect(0, 0, *self.vp.logical))
        if area.size != self.surface.get_size():
            self.surface.fill(letterbox)
        self.surface.fill(colour, area)
        self.drawn = []

    def rect(self, r: Rect, colour: Colour, radius: int = 0, width: int = 0) -> None:
        phys = self.vp.rect(r)
        pygame.draw.rect(
            self.surface,
            colour,
            phys,
            self.vp.length(width) if width else 0,
            border_radius=self.vp.length(radius) if radius else -1,
        )

    def shade(self, r: Rect, colour: Colour, alpha: int) -> None:
        phys = self.vp.rect(r)
        veil = pygame.Surface(phys.size, pygame.SRCALPHA)
        veil.fill((*colour, alpha))
        self.surface.blit(veil, phys.topleft)

    def line(self, a: tuple[float, float], b: tuple[float, float], colour: Colour, width: int = 2) -> None:
        pygame.draw.line(self.surface, colour, self.vp.point(*a), self.vp.point(*b), self.vp.length(width))

    def polygon(self, points: list[tuple[float, float]], colour: Colour) -> None:
        pygame.draw.polygon(self.surface, colour, [self.vp.point(x, y) for x, y in points])

    def circle(self, centre: tuple[float, float], radius: float, colour: Colour, width: int = 0) -> None:
        pygame.draw.circle(
            self.surface, colour, self.vp.point(*centre), self.vp.length(radius), self.vp.length(width) if width else 0
        )

    # -- pictures ------------------------------------------------------------------------------
    def picture(self, surf: pygame.Surface, r: Rect) -> None:
        """A rasterised picture, centred in ``r`` (logical)."""
        phys = self.vp.rect(r)
        self.surface.blit(surf, surf.get_rect(center=phys.center))

    def face(self, pid: str, expression: str, r: Rect, grey: bool = False) -> None:
        """Someone's face, as big as fits ``r`` (a placeholder if the level drew nobody)."""
        if self.art is not None:
            self.picture(self.art.person(pid, expression, self.vp.length(min(r.w, r.h)), grey), r)

    def thing(self, oid: str, r: Rect, tint: Colour | None = None) -> None:
        """An object or an icon, as big as fits ``r``."""
        if self.art is not None:
            self.picture(self.art.thing(oid, self.vp.length(min(r.w, r.h)), tint), r)

    # -- text ---------------------------------------------------------------------------------
    def px(self, size: float) -> int:
        """Physical pixel size for a logical text size, honouring the larger-text switch."""
        return max(6, round(size * self.text_scale * self.vp.scale))

    def smallest(self, size: float) -> float:
        """How far text asked at ``size`` may shrink to fit: never below the theme's minimum,
        and with larger text on, never below what normal text would show."""
        floor = self.theme.s("min_text")
        if self.text_scale > 1.0:
            floor = max(floor, size)
        return floor / self.text_scale

    def measure(self, text: str, size: float, face: str = "regular") -> tuple[float, float]:
        w, h = self.fonts.size(face, self.px(size), text)
        return w / self.vp.scale, h / self.vp.scale

    def line_height(self, size: float, face: str = "regular") -> float:
        return self.fonts.linesize(face, self.px(size)) / self.vp.scale

    def text(
        self,
        text: str,
        box: Rect,
        size: float,
        colour: Colour,
        face: str = "regular",
        align: str = "left",
        valign: str = "top",
        shrink: bool = True,
    ) -> Rect:
        """One line of text inside ``box``; shrinks to fit, then ellipsises. Returns its rect."""
        min_size = self.smallest(size)

        def fits(trial: float) -> bool:
            w, h = self.measure(text, trial, face)
            return w <= box.w and h <= box.h

        if shrink:
            size = largest_size(size, min_size, 2, fits)
        shown = text
        cut = False
        if self.measure(shown, size, face)[0] > box.w:
            cut = True
            keep = longest_prefix(shown, lambda head: self.measure(head + "…", size, face)[0] <= box.w)
            shown = shown[:keep].rstrip() + "…"
        w, h = self.measure(shown, size, face)
        x = box.x if align == "left" else box.centerx - w / 2 if align == "center" else box.right - w
        y = box.y if valign == "top" else box.centery - h / 2 if valign == "center" else box.bottom - h
        surf = self.fonts.render(face, self.px(size), shown, colour)
        self.surface.blit(surf, self.vp.point(x, y))
        drawn = Rect(round(x), round(y), math.ceil(w), math.ceil(h))
        self.drawn.append(DrawnText(text, drawn, box, cut, self.px(size)))
        return drawn

    def wrap(self, text: str, width: float, size: float, face: str = "regular", most: int | None = None) -> list[str]:
        """Break ``text`` into lines no wider than ``width`` (explicit newlines are kept).

        Lines break where the Unicode line-breaking rules allow (:mod:`game.ui.linebreak`:
        at spaces, after hyphens, between CJK characters, never at a no-break space); a
        word longer than the line is broken between characters rather than overflow.
        Remembered per text, width, pixel size and language: screens lay out the same
        paragraphs on every frame they draw. With ``most``, may stop once it has more
        lines than that (what fitting asks: a size that needs more lines cannot fit).
        """
        px = self.px(size)
        limit = width * self.vp.scale
        fonts = self.fonts
        key = (text, round(limit), px, face, fonts.lang, fonts.stack.key)
        found = fonts.wrapped.get(key)
        if found is not None:
            return list(found)

        def fits(line: str) -> bool:
            return fonts.size(face, px, line)[0] <= limit

        lines: list[str] = []
        for para in text.split("\n"):
            lines.extend(linebreak.wrap(para, fonts.lang, fits, None if most is None else most - len(lines)) or [""])
            if most is not None and len(lines) > most:
                return lines  # cut short: not remembered
        if len(fonts.wrapped) > 2000:
            fonts.wrapped.clear()
        fonts.wrapped[key] = tuple(lines)
        return lines

    def fit_size(self, text: str, box: Rect, size: float, face: str = "regular", spacing: float = 1.15) -> float:
        """The largest size up to ``size`` at which ``text`` wraps inside ``box``.

        Remembered, like :meth:`wrap`: a moment that plays (a stamp falling) fits the same
        words into the same few boxes on every frame, each a search of several wraps.
        """
        min_size = self.smallest(size)
        if size <= min_size:
            return min_size
        fonts = self.fonts
        key = (
            text,
            box.size,
            size,
            min_size,
            face,
            spacing,
            self.text_scale,
            self.vp.scale,
            fonts.lang,
            fonts.stack.key,
        )
        found = fonts.fitted.get(key)
        if found is None:
            if len(fonts.fitted) > 2000:
                fonts.fitted.clear()
            found = fonts.fitted[key] = self._fit_size(text, box, size, min_size, face, spacing)
        return found

    def normal_fit(self, text: str, box: Rect, size: float, face: str = "regular", spacing: float = 1.15) -> float:
        """The size normal text shrinks to inside ``box``: asked of a box that does not grow
        (a stamp's frame), larger text then shrinks no further than normal text does."""
        larger, self.text_scale = self.text_scale, 1.0
        try:
            return self.fit_size(text, box, size, face, spacing)
        finally:
            self.text_scale = larger

    def _fit_size(self, text: str, box: Rect, size: float, min_size: float, face: str, spacing: float) -> float:
        def fits(trial: float) -> bool:
            most = int(box.h // (self.line_height(trial, face) * spacing))
            lines = self.wrap(text, box.w, trial, face, most)
            if len(lines) > most:
                return False
            widest = max((self.measure(line, trial, face)[0] for line in lines), default=0)
            return len(lines) * self.line_height(trial, face) * spacing <= box.h and widest <= box.w

        return largest_size(size, min_size, 2, fits)

    def paragraph(
        self,
        text: str,
        box: Rect,
        size: float,
        colour: Colour,
        face: str = "regular",
        align: str = "left",
        spacing: float = 1.15,
        valign: str = "top",
    ) -> float:
        """Wrapped text inside ``box``, shrunk until it fits. Returns the height used."""
        size = self.fit_size(text, box, size, face, spacing)
        lines = self.wrap(text, box.w, size, face)
        step = self.line_height(size, face) * spacing
        total = len(lines) * step
        y = box.y if valign == "top" else box.centery - total / 2 if valign == "center" else box.bottom - total
        first = len(self.drawn)
        for line in lines:
            if line:
                self.text(line, Rect(box.x, round(y), box.w, math.ceil(step)), size, colour, face, align, shrink=False)
            y += step
        self.drawn[first:] = [replace(d, part=True) for d in self.drawn[first:]]
        if lines:
            self.drawn.append(DrawnText(text, Rect(box.x, box.y, box.w, math.ceil(total)), box, px=self.px(size)))
        return total
