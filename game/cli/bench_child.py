"""Small entry points the benchmark runs in child processes (and in-process for frame costs)."""

from __future__ import annotations

import itertools
import os
import random
import sys
import time
from collections.abc import Callable
from pathlib import Path

if not (os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY")):
    os.environ.setdefault("SDL_VIDEODRIVER", "dummy")  # no screen: no window (on a screen, the bench measures it)
os.environ.setdefault("SDL_AUDIODRIVER", "dummy")

from game.app import App
from game.paths import DEFAULT_LEVEL, LEVELS_DIR
from game.settings import Settings


def bench_level_path() -> Path:
    return DEFAULT_LEVEL if DEFAULT_LEVEL.exists() else LEVELS_DIR / "sample.yaml"


def new_app(
    size: tuple[int, int] = (1920, 1080), real_clock: bool = False, clock: Callable[[], float] | None = None
) -> App:
    from game.content.load import load_level

    level = load_level(bench_level_path())
    settings = Settings(lang="fr", default_lang="fr", languages=list(level.languages), seed=4, stats=False)
    ticks = itertools.count()
    if clock is None:
        clock = time.monotonic if real_clock else (lambda: next(ticks) * 10.0)
    return App(level, settings, size=size, clock=clock)


def staged_app(
    screen: str, size: tuple[int, int], real_clock: bool = False, clock: Callable[[], float] | None = None
) -> App:
    """An app showing ``screen`` of a seeded month, reached by playing, once settled as the
    game's loop settles it after its first frame (:meth:`game.app.App.settle`)."""
    from game.cli.screenshot import stage

    app = new_app(size, real_clock, clock)
    app.step()
    app.settle()
    if screen != "attract":
        stage(
            app, screen, None, "month" if screen == "debrief" else None, app.ctx.level.personas[0].id, random.Random(2)
        )
    app.draw()
    return app


def full_session(size: tuple[int, int] = (1920, 1080)) -> None:
    """A whole visitor: attract to the end through the real screens, then every debrief
    panel in every language of the level, each drawn and shown."""
    from game.screens.debrief import PANELS
    from game.tools.autoplay import play_until
    from game.tools.drive import open_debrief

    app = new_app(size)
    app.step()
    play_until(app, lambda s: s.name == "end", random.Random(1))
    for lang in app.ctx.level.languages:
        app.ctx.settings.lang = lang
        for panel in PANELS:
            open_debrief(app, panel)
            app.draw()


if __name__ == "__main__":  # python -m game.cli.bench_child WIDTH HEIGHT: a full session's peak memory
    full_session((int(sys.argv[1]), int(sys.argv[2])))
    with open("/proc/self/status", encoding="ascii") as status:
        print(next(int(line.split()[1]) for line in status if line.startswith("VmHWM")), flush=True)
