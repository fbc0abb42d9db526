"""Pictures: the SVGs of ``assets/art`` rasterised once per size, kept within a byte budget.

``pygame.image.load_sized_svg`` draws an SVG crisply at any size (nanosvg), so faces and
objects stay sharp from a small window to 4K. Nothing is rasterised per frame: a
picture is made the first time a size is asked for, then blitted; the least recently
used are dropped past the budget. A picture a level names but nobody drew (an
educator's level) gets a neutral placeholder instead of an error.
"""

from __future__ import annotations

import logging
from pathlib import Path

import pygame

from game.content.art import ArtCatalog, art_catalog
from game.ui.retained import Budget, SurfaceCache, surface_bytes

log = logging.getLogger("open_sesame")
Colour = tuple[int, int, int]


class Art:
    def __init__(self, catalog: ArtCatalog | None = None, cache_bytes: int | None = None) -> None:
        self.catalog = catalog or art_catalog()
        self._cache: SurfaceCache[tuple[object, ...], pygame.Surface] = SurfaceCache(
            Budget().pictures if cache_bytes is None else cache_bytes, surface_bytes
        )
        self.made = 0  # rasterisations so far (the tests check that frames make none)
        self._failed: set[Path] = set()
        self._people: dict[tuple[str, str], Path] = {}  # where each picture's file is, found once
        self._things: dict[str, Path] = {}

    # -- what screens ask for ---------------------------------------------------------------
    def person(self, pid: str, expression: str, px: int, grey: bool = False) -> pygame.Surface:
        """A face, ``px`` pixels square; greyed for someone gone cold."""
        path = self._people.get((pid, expression))
        if path is None:  # looked up once: a frame asks for every face it shows
            path = self.catalog.person(pid, expression)
            if not path.is_file():
                path = self.catalog.person(pid, "happy")
            self._people[(pid, expression)] = path
        return self._get(("person", path, px, grey), path, px, grey=grey, placeholder="person")

    def thing(self, oid: str, px: int, tint: Colour | None = None) -> pygame.Surface:
        """An object or an icon, ``px`` pixels square; icons may be tinted."""
        path = self._things.get(oid)
        if path is None:
            path = self._things[oid] = self.catalog.thing(oid)
        return self._get(("thing", path, px, tint), path, px, tint=tint, placeholder="thing")

    # -- the cache ----------------------------------------------------------------------------
    @property
    def cached_bytes(self) -> int:
        return self._cache.bytes

    @property
    def cache_bytes(self) -> int:
        return self._cache.cap

    def scale_budget(self, pixels: int) -> None:
        """The pictures' share of :class:`game.ui.retained.Budget`: as many at 4K as at 1080p."""
        self._cache.cap = Budget(pixels).pictures
        self._cache.trim()

    def _get(
        self,
        key: tuple[object, ...],
        path: Path,
        px: int,
        *,
        grey: bool = False,
        tint: Colour | None = None,
        placeholder: str,
    ) -> pygame.Surface:
        found = self._cache.get(key)
        if found is not None:
            return found
        px = max(4, min(px, 4096))
        surf = self._load(path, px) or _placeholder(placeholder, px)
        if grey:
            surf = pygame.transform.grayscale(surf)
            surf.set_alpha(150)
        if tint is not None:
            surf = surf.copy()
            surf.fill((*tint, 0), special_flags=pygame.BLEND_RGBA_MAX)
        self.made += 1
        self._cache.put(key, surf)
        return surf

    def _load(self, path: Path, px: int) -> pygame.Surface | None:
        if path in self._failed or not path.is_file():
            return None
        try:
            surf = pygame.image.load_sized_svg(str(path), (px, px))
        except (pygame.error, OSError, ValueError) as err:
            self._failed.add(path)
            log.warning("picture %s could not be drawn (%s): a placeholder stands in", path, err)
            return None
        return surf.convert_alpha() if pygame.display.get_surface() is not None else surf


def _placeholder(kind: str, px: int) -> pygame.Surface:
    """A neutral stand-in: a soft silhouette for a person, a rounded tile for a thing."""
    surf = pygame.Surface((px, px), pygame.SRCALPHA)
    ink = (150, 158, 170, 255)
    if kind == "person":
        pygame.draw.circle(surf, ink, (px // 2, px * 2 // 5), px // 5)
        pygame.draw.ellipse(surf, ink, pygame.Rect(px // 5, px * 13 // 20, px * 3 // 5, px * 2 // 5))
    else:
        pygame.draw.rect(surf, ink, pygame.Rect(px // 6, px // 6, px * 2 // 3, px * 2 // 3), border_radius=px // 8)
    return surf
