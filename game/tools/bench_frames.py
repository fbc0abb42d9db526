"""Frame costs and idle CPU in a real window: the loop's own steps, present included.

Each sample is one turn of the game's loop (:meth:`game.app.App.step`) after 1/60 s of a
clock the bench drives: animations advance (``update()``), what moves is redrawn as the
loop redraws it, and the frame is presented to the window. A screen that does not move
is redrawn whole each sample, so every sample draws: the loop's full draw runs (every
screen's layout, its texts and buttons laid out again) and the whole window is presented.
What a whole redraw repaints is what changed: the retained layers (the scene's card, the
phone, the week's end, the debrief's pages and buttons) are blitted as kept while what
they show is unchanged, as after a tap that changes none of it; a language change or a
resize paints them again, once (:func:`cold_frames` measures such frames). The floor is
a bare pygame window of the same size, through the same present path, showing a
full-window picture each frame in the same run.
"""

from __future__ import annotations

import statistics
import time
from dataclasses import dataclass

FRAME_S = 1 / 60


class Ticker:
    """A clock the bench moves by hand, one frame at a time."""

    def __init__(self) -> None:
        self.now = 0.0

    def __call__(self) -> float:
        return self.now


@dataclass(frozen=True)
class Frames:
    """Milliseconds per frame over ``count`` frames, and how many were animation frames."""

    ms: tuple[float, ...]
    moving: int

    @property
    def count(self) -> int:
        return len(self.ms)

    def at(self, share: float) -> float:
        ordered = sorted(self.ms)
        return ordered[min(len(ordered) - 1, int(share * len(ordered)))]

    @property
    def min(self) -> float:
        return min(self.ms)

    @property
    def median(self) -> float:
        return statistics.median(self.ms)

    @property
    def p99(self) -> float:
        return self.at(0.99)

    def line(self) -> str:
        return f"min {self.min:6.2f}  median {self.median:6.2f}  p99 {self.p99:6.2f} ms over {self.count} frames"


def _sample(app: object, ticker: Ticker, count: int) -> Frames:
    from game.app import App

    assert isinstance(app, App)
    times: list[float] = []
    moving = 0
    for _ in range(count):
        ticker.now += FRAME_S
        started = time.perf_counter()
        if app.step():
            moving += int(app.moving)
        else:
            app.dirty = True
            app.step()
        times.append(1000 * (time.perf_counter() - started))
    return Frames(tuple(times), moving)


def screen_frames(screen: str, size: tuple[int, int], count: int) -> Frames:
    """``count`` frames of ``screen`` (``debrief:<panel>`` for one debrief panel)."""
    from game.cli.bench_child import staged_app
    from game.tools.drive import open_debrief

    ticker = Ticker()
    name, _, panel = screen.partition(":")
    app = staged_app(name, size, clock=ticker)
    if panel:
        open_debrief(app, panel)
        app.draw()
    for _ in range(3):  # warm: the first frames fill the caches
        ticker.now += FRAME_S
        app.step()
    frames = _sample(app, ticker, count)
    app.quit()
    return frames


def cold_frames(screen: str, size: tuple[int, int], count: int) -> Frames:
    """``count`` whole redraws of ``screen``, each in another language than the last (its
    first two in turn): nothing the last frame painted can be blitted again."""
    from game.cli.bench_child import staged_app

    ticker = Ticker()
    app = staged_app(screen, size, clock=ticker)
    languages = list(app.ctx.level.languages)[:2]
    times: list[float] = []
    for i in range(count + 3):
        ticker.now += FRAME_S
        app.ctx.settings.lang = languages[i % len(languages)]
        app.dirty = True
        started = time.perf_counter()
        app.step()
        times.append(1000 * (time.perf_counter() - started))
    app.quit()
    return Frames(tuple(times[3:]), 0)


def bare_frames(size: tuple[int, int], count: int) -> Frames:
    """The floor: a bare pygame window showing a full-window picture each frame."""
    import pygame

    from game.ui import framebuffer

    pygame.display.init()
    framebuffer.choose()  # the game's present path, so both present the same way
    window = pygame.display.set_mode(size)
    pictures = [pygame.Surface(size) for _ in range(2)]
    pictures[0].fill((40, 60, 90))
    pictures[1].fill((44, 64, 94))
    times = []
    for i in range(count + 3):
        started = time.perf_counter()
        pygame.event.pump()
        window.blit(pictures[i % 2], (0, 0))
        pygame.display.flip()
        times.append(1000 * (time.perf_counter() - started))
    pygame.display.quit()
    return Frames(tuple(times[3:]), 0)


def idle_cpu(screen: str, size: tuple[int, int], seconds: float) -> float:
    """Share of one core the real loop uses while nobody touches ``screen``."""
    from game.cli.bench_child import staged_app

    app = staged_app(screen, size, real_clock=True)
    app.step()
    cpu0, wall0 = time.process_time(), time.perf_counter()
    while time.perf_counter() - wall0 < seconds:
        app.step(block=True)
    share = (time.process_time() - cpu0) / (time.perf_counter() - wall0)
    app.quit()
    return share


def display_path() -> str:
    """The SDL video driver and the present path the game would get here."""
    import pygame

    from game.ui import framebuffer

    pygame.display.init()
    choice = framebuffer.choose()
    pygame.display.quit()
    return choice.describe()
