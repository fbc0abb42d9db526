"""The k ≥ 5 rule: no figure is shown unless at least five sessions stand behind it.

A count of 1–4 could point at one visitor ("the only person who reported their neighbour
at 3 pm"), so it is hidden; 0 describes nobody and is shown. Hiding more so that nothing
can be recovered by subtraction (secondary suppression, across every figure of a level
and across the level filter) is :mod:`game.stats.disclosure`'s work; :func:`protect` is
the single-split case of it. Hidden figures are None in the API and ``<5`` in text and CSV.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import TypeVar

K_MIN = 5
HIDDEN = f"<{K_MIN}"

Key = TypeVar("Key")


def shown(count: int) -> int | None:
    """``count`` if it may be shown, else None."""
    return count if count == 0 or count >= K_MIN else None


def backed(count: int) -> bool:
    """Whether a figure derived from ``count`` sessions (a mean, a share) may be shown."""
    return count >= K_MIN


def protect(cells: Mapping[Key, int]) -> dict[Key, int | None]:
    """The cells of one split with small counts hidden, and none recoverable from the total."""
    out = {key: shown(n) for key, n in cells.items()}
    hidden = [key for key, value in out.items() if value is None]
    visible = sorted((n, i) for i, (key, n) in enumerate(cells.items()) if out[key])
    if len(hidden) == 1 and visible:
        out[list(cells)[visible[0][1]]] = None
    return out


def text(value: float | None, fmt: str = "{}") -> str:
    """A figure for people: the value, or ``<5`` when hidden."""
    return HIDDEN if value is None else fmt.format(value)
