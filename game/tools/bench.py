"""Measurements printed by ``python -m game bench``: each figure beside the floor it is compared to.

Nothing here asserts: figures are printed for people to read and compare between runs.
Timings run headless (SDL dummy video driver) so they measure the game's own work.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path

from game.paths import LEVELS_DIR

SIZE = (1920, 1080)
CHILD_ENV = {**os.environ, "SDL_VIDEODRIVER": "dummy", "SDL_AUDIODRIVER": "dummy", "PYGAME_HIDE_SUPPORT_PROMPT": "1"}

BARE_STARTUP = """
import time, pygame
pygame.init()
screen = pygame.display.set_mode((1920, 1080))
screen.fill((16, 20, 28)); pygame.display.flip()
print("ready", flush=True)
"""

GAME_STARTUP = """
from game.cli.bench_child import first_frame
first_frame()
print("ready", flush=True)
"""

# Peak RSS of this process image (VmHWM): ru_maxrss would include the parent's peak on Linux.
PEAK = "print(next(int(l.split()[1]) for l in open('/proc/self/status') if l.startswith('VmHWM')), flush=True)"

BARE_MEMORY = (
    """
import pygame
pygame.init()
screen = pygame.display.set_mode((1920, 1080))
for _ in range(30):
    screen.fill((16, 20, 28)); pygame.display.flip()
"""
    + PEAK
)

GAME_MEMORY = (
    """
from game.cli.bench_child import full_session
full_session()
"""
    + PEAK
)


def _child_seconds(code: str, runs: int = 3) -> float:
    """Best wall time from spawning a Python child to its 'ready' line."""
    best = float("inf")
    for _ in range(runs):
        started = time.perf_counter()
        subprocess.run([sys.executable, "-c", code], env=CHILD_ENV, check=True, capture_output=True)
        best = min(best, time.perf_counter() - started)
    return best


def _child_number(code: str) -> float:
    out = subprocess.run([sys.executable, "-c", code], env=CHILD_ENV, check=True, capture_output=True, text=True)
    return float(out.stdout.strip().splitlines()[-1])


def startup() -> tuple[float, float]:
    """(game, bare): seconds from process start to the first frame."""
    return _child_seconds(GAME_STARTUP), _child_seconds(BARE_STARTUP)


def memory() -> tuple[float, float]:
    """(game, bare): peak resident memory in MB of a full session, and of a bare pygame window."""
    return _child_number(GAME_MEMORY) / 1024, _child_number(BARE_MEMORY) / 1024


def _best_ms(fn: Callable[[], None], repeat: int) -> float:
    times = []
    for _ in range(repeat):
        started = time.perf_counter()
        fn()
        times.append(time.perf_counter() - started)
    times.sort()
    return 1000 * times[len(times) // 2]


def frame_costs(repeat: int = 30) -> tuple[dict[str, float], float]:
    """Median ms of a full redraw of the busiest screens, and of a bare full-screen blit + flip."""
    import pygame

    from game.cli.bench_child import staged_app
    from game.screens.debrief import PANELS
    from game.tools.drive import open_debrief

    results: dict[str, float] = {}
    for screen in ("scene", "publication"):
        app = staged_app(screen, SIZE)
        results[screen] = _best_ms(app.draw, repeat)
        app.quit()
    app = staged_app("debrief", SIZE)
    for panel in PANELS:  # every debrief panel; the report shows the slowest
        open_debrief(app, panel)
        app.draw()
        results[f"debrief {panel}"] = _best_ms(app.draw, repeat)
    app.quit()
    pygame.display.init()
    window = pygame.display.set_mode(SIZE)
    picture = pygame.Surface(SIZE)
    picture.fill((40, 60, 90))

    def bare() -> None:
        window.blit(picture, (0, 0))
        pygame.display.flip()

    floor = _best_ms(bare, repeat)
    pygame.display.quit()
    return results, floor


def idle_cpu(screen: str, seconds: float) -> float:
    """Share of one core the real loop uses while nobody touches ``screen``."""
    from game.cli.bench_child import staged_app

    app = staged_app(screen, SIZE, real_clock=True)
    app.step()
    cpu0, wall0 = time.process_time(), time.perf_counter()
    while time.perf_counter() - wall0 < seconds:
        app.step(block=True)
    share = (time.process_time() - cpu0) / (time.perf_counter() - wall0)
    app.quit()
    return share


SIMULATOR = """
import json, sys
from game.content.load import ContentInvalid, load_level
from game.core.simulate import simulate
runs, jobs, out = int(sys.argv[1]), int(sys.argv[2]), {}
for path in sys.argv[3:]:
    try:
        level = load_level(path)
    except ContentInvalid:
        continue
    simulate(level, 200, seed=1)  # warm: the level's index and word counts
    one = simulate(level, runs, seed=1, jobs=1)
    every = simulate(level, runs * jobs, seed=1, jobs=jobs)
    out[path] = [one.runs / one.seconds, every.runs / every.seconds]
print(json.dumps(out))
"""


def simulator(runs: int = 4000) -> tuple[int, dict[str, tuple[float, float]]]:
    """(processes, per level file: months per second on one core and on every core).

    Measured in a fresh child process: the pool's workers are forked from a process that
    never started SDL or any thread. Every core plays ``runs`` months each, so both
    figures time the same amount of work per core (the pool's start-up included).
    """
    from game.core.parallel import default_jobs

    jobs = default_jobs()
    paths = [str(p) for p in sorted(LEVELS_DIR.glob("*.yaml"))]
    done = subprocess.run(
        [sys.executable, "-c", SIMULATOR, str(runs), str(jobs), *paths],
        env=CHILD_ENV,
        check=True,
        capture_output=True,
        text=True,
    )
    rates = json.loads(done.stdout.strip().splitlines()[-1])
    return jobs, {Path(path).stem: (one, every) for path, (one, every) in rates.items()}


def what_if_ms(level_path: Path) -> float:
    """The slowest single "what if" month on a level (the debrief's instant second line)."""
    from game.content.load import load_level
    from game.debrief.bench import measure_what_if

    return measure_what_if(load_level(level_path))
