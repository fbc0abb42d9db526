"""Small entry points the benchmark runs in child processes (and in-process for frame costs)."""

from __future__ import annotations

import itertools
import os
import random
import time

os.environ.setdefault("SDL_VIDEODRIVER", "dummy")
os.environ.setdefault("SDL_AUDIODRIVER", "dummy")

from game.app import App
from game.paths import DEFAULT_LEVEL, LEVELS_DIR
from game.settings import Settings


def bench_level_path() -> object:
    return DEFAULT_LEVEL if DEFAULT_LEVEL.exists() else LEVELS_DIR / "sample.yaml"


def new_app(size: tuple[int, int] = (1920, 1080), real_clock: bool = False) -> App:
    from game.content.load import load_level

    level = load_level(bench_level_path())  # type: ignore[arg-type]
    settings = Settings(lang="fr", default_lang="fr", languages=list(level.languages), seed=4, stats=False)
    ticks = itertools.count()
    clock = time.monotonic if real_clock else (lambda: next(ticks) * 10.0)
    return App(level, settings, size=size, clock=clock)


def first_frame() -> None:
    """What ``python -m game`` does up to its first attract frame (the level loads after it)."""
    from game.cli.play import parser
    from game.cli.setup import build_app, settings_from

    options = settings_from(parser().parse_args(["--window", "1920x1080", "--no-stats"]))

    def load() -> object:
        from game.content.load import load_level

        return load_level(bench_level_path())  # type: ignore[arg-type]

    app = build_app(load, options)  # type: ignore[arg-type]
    app.step()


def staged_app(screen: str, size: tuple[int, int], real_clock: bool = False) -> App:
    """An app showing ``screen`` of a seeded month, reached by playing."""
    from game.cli.screenshot import stage

    app = new_app(size, real_clock)
    if screen != "attract":
        stage(
            app, screen, None, "month" if screen == "debrief" else None, app.ctx.level.personas[0].id, random.Random(2)
        )
    app.draw()
    return app


def full_session() -> None:
    """A whole visitor: attract to the debrief, through the real screens."""
    from game.tools.autoplay import play_until
    from game.tools.drive import open_debrief

    app = new_app()
    app.step()
    play_until(app, lambda s: s.name == "end", random.Random(1))
    open_debrief(app)
    app.draw()
