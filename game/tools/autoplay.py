"""Drive the real screens like a player would: press buttons until a condition holds.

Used by the screenshot command, the soak run and the benchmarks, so they all go
through the same screens and navigation a visitor uses.
"""

from __future__ import annotations

import random
from collections.abc import Callable
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from game.app import App
    from game.screens.base import Screen


def press_something(app: App, rng: random.Random, prefer: str | None = None) -> str:
    """Press one sensible button on the top screen: an option at random, else the default."""
    app.draw()
    top = app.top
    enabled = [b for b in top.buttons if b.enabled and not b.id.startswith("tb:")]
    options = [b for b in enabled if b.id.startswith(("option:", "persona:"))]
    if prefer is not None:
        wanted = [b for b in enabled if b.id == prefer]
        options = wanted or options
    if options:
        button = rng.choice(options)
    else:
        button = top.default_button() or (enabled[0] if enabled else None)
        if button is None:
            raise RuntimeError(f"screen {top.name!r} offers nothing to press")
    app.apply(top.press(button))
    return button.id


def play_until(
    app: App,
    done: Callable[[Screen], bool],
    rng: random.Random,
    limit: int = 400,
    choose: Callable[[App, random.Random], str | None] | None = None,
) -> Screen:
    """Press buttons until ``done(top screen)``; raise if it never happens."""
    for _ in range(limit):
        if done(app.top):
            return app.top
        prefer = choose(app, rng) if choose else None
        press_something(app, rng, prefer)
    raise RuntimeError(f"gave up after {limit} presses on screen {app.top.name!r}")
