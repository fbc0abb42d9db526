"""Surfaces kept between frames, and the one byte budget they share.

Everything a session keeps drawn (rendered texts, painted layers, pictures, the static
backdrop) is what its peak memory is made of, and at 4K each of them takes four times
the bytes of 1080p. The caps below are the whole budget, set once per window size in
proportion to its pixels, so a cache holds the same entries at every size. Each share
holds what the busiest screen draws in one frame with room to spare (what a frame needs
must fit, or every frame would paint it again); what no frame needs any more is let go
when the screen or the language changes (see :class:`game.ui.fontbook.FontBook`).
"""

from __future__ import annotations

import ctypes
from collections import OrderedDict
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from typing import Generic, TypeVar

import pygame

BASE_PIXELS = 1920 * 1080
MB = 1 << 20
LARGE_BLOCK = 1 * MB  # memory blocks this large go straight back to the system when freed
M_MMAP_THRESHOLD = -3  # mallopt's parameter (malloc.h)

K = TypeVar("K")
V = TypeVar("V")


def surface_bytes(surface: pygame.Surface) -> int:
    return surface.get_bytesize() * surface.get_width() * surface.get_height()


@dataclass(frozen=True)
class Budget:
    """Byte caps of the retained surfaces for a window of ``pixels`` (never below 1080p's).

    At 1080p: texts 4 MB (a frame draws at most ~2 MB of text outside layers), layers
    10 MB (a debrief panel's page, charts and buttons: ~6 MB; a scene's card and phone:
    ~7.5 MB), pictures 6 MB (~4 MB in a whole session); plus one backdrop, a window's worth.
    """

    pixels: int = BASE_PIXELS

    @property
    def scale(self) -> float:
        return max(1.0, self.pixels / BASE_PIXELS)

    @property
    def texts(self) -> int:
        return round(4 * MB * self.scale)

    @property
    def layers(self) -> int:
        return round(10 * MB * self.scale)

    @property
    def pictures(self) -> int:
        return round(6 * MB * self.scale)


class SurfaceCache(Generic[K, V]):
    """Values holding surfaces, by key; the least recently used dropped past ``cap`` bytes
    (and past ``most`` entries, if given). The newest entry is always kept, whatever its size."""

    def __init__(self, cap: int, size_of: Callable[[V], int], most: int | None = None) -> None:
        self.cap = cap
        self.most = most
        self._size_of = size_of
        self._kept: OrderedDict[K, V] = OrderedDict()
        self._bytes = 0

    def get(self, key: K) -> V | None:
        found = self._kept.get(key)
        if found is not None:
            self._kept.move_to_end(key)
        return found

    def put(self, key: K, value: V) -> None:
        old = self._kept.pop(key, None)
        if old is not None:
            self._bytes -= self._size_of(old)
        self._kept[key] = value
        self._bytes += self._size_of(value)
        self.trim()

    def drop(self, key: K) -> None:
        old = self._kept.pop(key, None)
        if old is not None:
            self._bytes -= self._size_of(old)

    def make_room(self, size: int) -> None:
        """Drop the least recently used until ``size`` more bytes fit, before they are
        made: the cache never holds its cap and a new surface at once."""
        while self._kept and self._bytes + size > self.cap:
            _, old = self._kept.popitem(last=False)
            self._bytes -= self._size_of(old)

    def trim(self) -> None:
        """Drop the least recently used until the caps hold (after a cap was lowered too)."""
        while len(self._kept) > 1 and (
            self._bytes > self.cap or (self.most is not None and len(self._kept) > self.most)
        ):
            _, old = self._kept.popitem(last=False)
            self._bytes -= self._size_of(old)

    def clear(self) -> None:
        self._kept.clear()
        self._bytes = 0

    def keep_only(self, wanted: Callable[[V], bool]) -> None:
        """Drop every entry but those ``wanted`` says to keep."""
        for key in [k for k, v in self._kept.items() if not wanted(v)]:
            self.drop(key)

    @property
    def bytes(self) -> int:
        return self._bytes

    def __len__(self) -> int:
        return len(self._kept)

    def __contains__(self, key: object) -> bool:
        return key in self._kept

    def __iter__(self) -> Iterator[K]:
        return iter(list(self._kept))

    def values(self) -> Iterator[V]:
        return iter(list(self._kept.values()))


def return_large_blocks() -> None:
    """Have glibc hand large freed blocks (layers, backdrops) back to the system at once.

    By default glibc raises its mmap threshold to the size of each large block freed, so
    the next layers come from the heap, whose freed holes stay resident: a session that
    paints and drops panels grows by tens of megabytes it no longer uses. A fixed
    threshold keeps every block of ``LARGE_BLOCK`` or more in its own mapping. Nothing
    per frame is that large. Elsewhere than glibc, nothing happens.
    """
    try:
        mallopt = ctypes.CDLL(None).mallopt
    except (OSError, TypeError, AttributeError):
        return
    mallopt(M_MMAP_THRESHOLD, LARGE_BLOCK)
