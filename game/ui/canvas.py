"""Drawing in logical coordinates, rendered at the window's real resolution.

Screens lay out in a fixed logical space (1920x1080). The :class:`Viewport` scales and
letterboxes it into any window; fonts are opened at the *physical* size, so text stays
crisp at every size instead of being a scaled bitmap. The canvas also records every text
it drew with its box, so tests can read what is on screen and check nothing overflows.
"""

from __future__ import annotations

import copy
import itertools
import math
from collections.abc import Callable
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING

import pygame

from game.ui import linebreak
from game.ui.fontbook import FontBook, Layer
from game.ui.textfit import largest_size, longest_prefix
from game.ui.theme import Colour, Theme

if TYPE_CHECKING:
    from game.ui.art import Art

Rect = pygame.Rect
__all__ = ["Canvas", "DrawnText", "FontBook", "Rect", "Viewport", "uncovered"]


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


def uncovered(area: Rect, holes: list[Rect]) -> list[Rect]:
    """``area`` less the ``holes``, as rectangles that do not overlap (bands between the
    holes' top and bottom edges, each cut where holes cross it)."""
    inside = [h.clip(area) for h in holes]
    inside = [h for h in inside if h.w > 0 and h.h > 0]
    edges = sorted({area.top, area.bottom, *(h.top for h in inside), *(h.bottom for h in inside)})
    pieces: list[Rect] = []
    for top, bottom in itertools.pairwise(edges):
        x = area.left
        for hole in sorted((h for h in inside if h.top <= top and h.bottom >= bottom), key=lambda h: h.left):
            if hole.left > x:
                pieces.append(Rect(x, top, hole.left - x, bottom - top))
            x = max(x, hole.right)
        if x < area.right:
            pieces.append(Rect(x, top, area.right - x, bottom - top))
    return pieces


@dataclass(frozen=True)
class DrawnText:
    """A piece of text drawn this frame, in logical coordinates, with the box it belongs in."""

    text: str
    rect: Rect
    box: Rect
    cut: bool = False  # shown shortened with "…": nothing a visitor needs may be
    px: int = 0  # the size it was rendered at, in window pixels
    part: bool = False  # one line of a paragraph recorded whole after its lines (audio mode reads the whole)


_SPENT = pygame.Surface((1, 1))  # what a finished painter draws on, if anything still does


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
        # the backdrop (or a clear's colour) waiting to be laid until something else draws
        self._pending: pygame.Surface | Colour | None = None
        self._holes: list[Rect] = []  # where opaque layers already cover it (window pixels)
        self._bound: Rect | None = None  # what a layer painted in place is held to (see clip)
        self._captures: list[tuple[object, Rect, Layer]] = []  # painted in place, to be kept (see capture)

    def backdrop(self, key: str, paint: Callable[[Canvas], None]) -> None:
        """Blit a static background painted once per window size (clear + large panels).

        Large fills dominate a frame's cost; painting them once and blitting the result
        makes a full redraw cost little more than one full-screen blit. One is kept (a
        window's worth of pixels): another screen's paints again, once. Its blit waits for
        the first drawing that is not an opaque layer (see :meth:`finish`): where such
        layers already lie, the backdrop is not copied only to be covered.
        """
        cache_key = (key, self.surface.get_size(), self.vp.scale, self.fonts.stack.key)
        if self.fonts.backdrop is not None and self.fonts.backdrop[0] == cache_key:
            surf = self.fonts.backdrop[1]
        else:
            self.fonts.backdrop = None  # released before its successor is made: never two at once
            surf = self._painted(self.surface.get_size(), None, self.vp, 1.0, paint).surface
            self.fonts.backdrop = (cache_key, surf)
        self._pending, self._holes = surf, []
        self._captures = []  # the whole window is laid again
        self.drawn = []

    def finish(self) -> None:
        """Lay the backdrop (or the colour of a clear) still waiting, except where opaque
        layers already cover it.

        Every drawing calls it first, and the loop before it presents the frame, so the
        pixels are those of the backdrop laid whole and then covered.
        """
        waiting = self._pending
        if waiting is None:
            return
        self._pending = None
        for piece in uncovered(self.surface.get_rect(), self._holes):
            if isinstance(waiting, pygame.Surface):
                self.surface.blit(waiting, piece.topleft, piece)
            else:
                self.surface.fill(waiting, piece)
        self._holes = []

    def layer(
        self,
        key: object,
        r: Rect,
        background: Colour | None,
        paint: Callable[[Canvas], object],
        fresh: bool = False,
        version: object = None,
    ) -> object:
        """Draw ``paint``'s static content into ``r`` once, then blit it (retained rendering).

        ``key`` must name everything the painting depends on besides the window, the
        text size and the font stack (those are added here); or name a place, with
        ``version`` naming what is painted there: another version paints it again in
        place of the one kept (never two at once). The texts it drew are recorded again
        on every blit, so what is on screen stays readable to tests, and what ``paint``
        returned (the buttons it laid out) is returned again. ``fresh`` paints it again
        in place of the one kept (for what the painting tells besides its pixels).

        A ``background`` of None is what lies under ``r`` (the backdrop, a card's round
        corners): ``paint`` then draws straight onto the window, held inside ``r``, and
        the layer is a copy of what it drew (see :meth:`capture`), so it is what drawing
        in place gives, and the frame that paints it costs what drawing in place costs.
        """
        phys = self.vp.rect(r)
        if phys.w <= 0 or phys.h <= 0:
            return None  # a window too small for this content: draw nothing rather than fail
        full = (key, phys.topleft, phys.size, self.vp.scale, self.text_scale, self.fonts.stack.key)
        kept = self.fonts.layers.get(full)
        found = None if fresh or kept is None or kept.version != version else kept
        if found is None and background is None:
            return self._kept_in_place(full, phys, paint, version, kept)
        if found is None:
            self.fonts.layers.drop(full)
            self.fonts.layers.make_room(phys.w * phys.h * self.surface.get_bytesize())
            found = self._painted(phys.size, background, self.vp.shifted(phys.x, phys.y), self.text_scale, paint)
            found = found._replace(version=version)
            self.fonts.layers.put(full, found)
        if self._pending is not None and self.surface.get_clip() == self.surface.get_rect():
            self._holes.append(phys)  # it covers the backdrop there: that part need not be laid
        else:
            self.finish()
        self._drew(self.surface.blit(found.surface, phys.topleft))
        self.drawn.extend(found.drawn)
        return found.result

    def _kept_in_place(
        self, full: object, phys: Rect, paint: Callable[[Canvas], object], version: object, old: Layer | None
    ) -> object:
        """``paint`` drawn onto the window over what lies there, held inside ``phys``; the
        layer is copied from the window later, once the loop has nothing to draw
        (:meth:`capture`), so a frame that paints costs what drawing in place costs. If
        anything else draws there first (a focus ring, an overlay), it is not kept."""
        self.finish()
        bound, clip = self._bound, self.surface.get_clip()
        self._bound = phys.clip(clip)
        self.surface.set_clip(self._bound)
        start = len(self.drawn)
        try:
            result = paint(self)
        finally:
            self._bound = bound
            self.surface.set_clip(clip)
        self._captures.append((full, phys, Layer(old.surface if old else _SPENT, self.drawn[start:], version, result)))
        return result

    def capture(self) -> None:
        """Keep, as their layers, what the last frame painted in place (the window still
        shows it: call this only before anything else draws). The old version's pixels are
        painted over when they have the same size."""
        for full, phys, painted in self._captures:
            surf = painted.surface
            self.fonts.layers.drop(full)
            if surf.get_size() != phys.size:
                self.fonts.layers.make_room(phys.w * phys.h * self.surface.get_bytesize())
                surf = pygame.Surface(phys.size, 0, self.surface)
            surf.blit(self.surface, (0, 0), phys)
            self.fonts.layers.put(full, painted._replace(surface=surf))
        self._captures = []

    def _drew(self, area: Rect) -> None:
        """What was painted in place under ``area`` is drawn over: it is not the layer any more."""
        if self._captures:
            self._captures = [c for c in self._captures if not c[1].colliderect(area)]

    def forget_captures(self) -> None:
        """Something draws over the last frame: what it painted in place can no longer be copied."""
        self._captures = []

    def _painted(
        self,
        size: tuple[int, int],
        background: Colour | None,
        vp: Viewport,
        text_scale: float,
        paint: Callable[[Canvas], object],
    ) -> Layer:
        """A surface of ``size`` in the window's own format (made so, not converted from a
        copy) with ``paint`` drawn on it; the texts it drew are not kept twice (see render).
        Once painted, the surface belongs to the cache alone: dropped from it, it is freed."""
        surf = pygame.Surface(size, 0, self.surface)
        if background is not None:
            surf.fill(background)
        painter = Canvas(surf, vp, self.fonts, self.theme, self.art)
        painter.text_scale = text_scale
        self.fonts.painting += 1
        try:
            result = paint(painter)
            painter.finish()
        finally:
            self.fonts.painting -= 1
            painter.surface = _SPENT  # a layout that kept the painter must not keep the pixels alive
        return Layer(surf, painter.drawn, None, result)

    # -- shapes ---------------------------------------------------------------------------
    def clip(self, r: Rect | None) -> None:
        """Restrict drawing to ``r`` (logical), or lift the restriction with None (inside a
        layer painted in place, to the layer's rectangle)."""
        self.finish()
        area = self._bound if r is None else self.vp.rect(r)
        if area is not None and self._bound is not None:
            area = area.clip(self._bound)
        self.surface.set_clip(area)

    def clear(self, colour: Colour, letterbox: Colour = (0, 0, 0)) -> None:
        """The window in ``colour``: filled once something else draws, as the backdrop is
        (what opaque layers cover first is not filled only to be covered)."""
        area = self.vp.rect(Rect(0, 0, *self.vp.logical))
        whole = self.surface.get_rect()
        if area.size == whole.size and self.surface.get_clip() == whole:
            self._pending, self._holes = colour, []  # what was drawn before is covered all the same
            self._captures = []
        else:
            self.finish()
            if area.size != self.surface.get_size():
                self._drew(self.surface.fill(letterbox))
            self._drew(self.surface.fill(colour, area))
        self.drawn = []

    def rect(self, r: Rect, colour: Colour, radius: int = 0, width: int = 0) -> None:
        self.finish()
        phys = self.vp.rect(r)
        drawn = pygame.draw.rect(
            self.surface,
            colour,
            phys,
            self.vp.length(width) if width else 0,
            border_radius=self.vp.length(radius) if radius else -1,
        )
        self._drew(drawn)

    def shade(self, r: Rect, colour: Colour, alpha: int) -> None:
        """``colour`` laid over ``r`` at ``alpha``: the pixels scaled down, then the colour's
        share added (two fills, no window-sized veil made on every frame of an overlay)."""
        self.finish()
        phys = self.vp.rect(r)
        keep = 255 - alpha
        self._drew(self.surface.fill((keep, keep, keep), phys, special_flags=pygame.BLEND_RGB_MULT))
        self.surface.fill(tuple(round(c * alpha / 255) for c in colour), phys, special_flags=pygame.BLEND_RGB_ADD)

    def line(self, a: tuple[float, float], b: tuple[float, float], colour: Colour, width: int = 2) -> None:
        self.finish()
        self._drew(pygame.draw.line(self.surface, colour, self.vp.point(*a), self.vp.point(*b), self.vp.length(width)))

    def polygon(self, points: list[tuple[float, float]], colour: Colour) -> None:
        self.finish()
        self._drew(pygame.draw.polygon(self.surface, colour, [self.vp.point(x, y) for x, y in points]))

    def circle(self, centre: tuple[float, float], radius: float, colour: Colour, width: int = 0) -> None:
        self.finish()
        drawn = pygame.draw.circle(
            self.surface, colour, self.vp.point(*centre), self.vp.length(radius), self.vp.length(width) if width else 0
        )
        self._drew(drawn)

    # -- pictures ------------------------------------------------------------------------------
    def picture(self, surf: pygame.Surface, r: Rect) -> None:
        """A rasterised picture, centred in ``r`` (logical)."""
        self.finish()
        phys = self.vp.rect(r)
        self._drew(self.surface.blit(surf, surf.get_rect(center=phys.center)))

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
        self.finish()
        self._drew(self.surface.blit(surf, self.vp.point(x, y)))
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
