"""Text the font engine never refuses, and fitting text to a box in logarithmic time.

``check`` refuses texts the renderer cannot draw (:mod:`game.content.textcheck`), but a
kiosk must survive whatever reaches it anyway (an old level, a catalog edited in place,
a bug): :func:`render_text` and :func:`measure_text` never raise on a string. A NUL or an
unpaired surrogate is replaced by U+FFFD, and a text with nothing to draw (only zero-width
characters) is drawn as a visible placeholder; each distinct bad string is logged once.

Fitting (:func:`longest_prefix`, :func:`largest_size`) is a binary search, so one
4,000-character word costs a dozen measurements instead of 4,000.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Callable

import pygame

log = logging.getLogger("open_sesame.ui")

PLACEHOLDER = "\ufffd"
_UNENCODABLE = re.compile(r"[\x00\ud800-\udfff]")
_LOGGED_MAX = 256
_logged: set[str] = set()


def _note(text: str, why: str) -> None:
    """One log line per distinct bad string (bounded, so a hostile level cannot fill the log)."""
    if text in _logged or len(_logged) >= _LOGGED_MAX:
        return
    _logged.add(text)
    log.warning("text drawn as a placeholder (%s): %s", why, ascii(text[:120]))


def drawable(text: str) -> str:
    """``text`` with what the font engine refuses to encode (NUL, lone surrogates) replaced."""
    if _UNENCODABLE.search(text) is None:
        return text
    _note(text, "NUL or unpaired surrogate")
    return _UNENCODABLE.sub(PLACEHOLDER, text)


def measure_text(font: pygame.font.Font, text: str) -> tuple[int, int]:
    """``font.size(text)``, never raising; a non-empty text with no width measures as the placeholder."""
    try:
        w, h = font.size(drawable(text))
    except (pygame.error, ValueError, UnicodeError) as err:
        _note(text, str(err))
        return font.size(PLACEHOLDER)
    if w == 0 and text:
        return font.size(PLACEHOLDER)
    return w, h


def render_text(
    font: pygame.font.Font, text: str, colour: tuple[int, int, int], antialias: bool = True
) -> pygame.Surface:
    """``font.render(text)``, never raising: a visible placeholder instead of an exception."""
    try:
        return font.render(drawable(text), antialias, colour)
    except (pygame.error, ValueError, UnicodeError) as err:
        _note(text, str(err))
        return font.render(PLACEHOLDER, antialias, colour)


def longest_prefix(text: str, fits: Callable[[str], bool]) -> int:
    """The length of the longest prefix of ``text`` for which ``fits`` holds (0 if none).

    ``fits`` must be monotonic (a prefix of something that fits fits too), as widths are.
    """
    lo, hi = 0, len(text)
    if fits(text):
        return hi
    while lo < hi:
        mid = (lo + hi + 1) // 2
        if fits(text[:mid]):
            lo = mid
        else:
            hi = mid - 1
    return lo


def largest_size(start: float, floor: float, step: float, fits: Callable[[float], bool]) -> float:
    """The largest of ``start``, ``start - step``, … (never below ``floor``) for which ``fits`` holds.

    ``floor`` itself is returned when nothing larger fits, and ``start`` when it is already
    at or below ``floor``. ``fits`` must be monotonic (a smaller size fits whenever a
    larger one does).
    """
    if start <= floor or fits(start):
        return start
    steps = int((start - floor) // step)  # start - k*step for k in 1..steps stay above floor
    lo, hi = 1, steps  # the smallest k that fits, if any
    found: float | None = None
    while lo <= hi:
        mid = (lo + hi) // 2
        size = start - mid * step
        if fits(size):
            found, hi = size, mid - 1
        else:
            lo = mid + 1
    return floor if found is None else found
