"""Measurements printed by ``python -m game bench`` that run in child processes.

Nothing here asserts: figures are printed for people to read and compare between runs.
Children inherit the display the bench chose (:mod:`game.tools.bench_display`), so boot
and memory are measured in real windows too; frames and idle CPU are in
:mod:`game.tools.bench_frames`.
"""

from __future__ import annotations

import json
import os
import signal
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import TYPE_CHECKING

from game.paths import LEVELS_DIR

if TYPE_CHECKING:
    from game.sandbox.bench import SliderFigures

BARE_FIRST_FRAME = """
import os, sys, pygame
pygame.init()
from game.ui import framebuffer
framebuffer.choose()
screen = pygame.display.set_mode((1920, 1080))
screen.fill((16, 20, 28)); pygame.display.flip()
open(os.environ["OPEN_SESAME_FIRST_FRAME"], "w").write("up")
pygame.time.wait(100000)
"""

BARE_MEMORY = """
import sys, pygame
pygame.init()
from game.ui import framebuffer
framebuffer.choose()
screen = pygame.display.set_mode((int(sys.argv[1]), int(sys.argv[2])))
for _ in range(30):
    screen.fill((16, 20, 28)); pygame.display.flip()
print(next(int(l.split()[1]) for l in open('/proc/self/status') if l.startswith('VmHWM')), flush=True)
"""


def _env(**extra: str) -> dict[str, str]:
    return {**os.environ, "PYGAME_HIDE_SUPPORT_PROMPT": "1", **extra}


def _until_first_frame(command: list[str], env: dict[str, str], marker: Path) -> float:
    """Seconds from spawning ``command`` to the file its first frame writes; then stop it."""
    marker.unlink(missing_ok=True)
    started = time.perf_counter()
    proc = subprocess.Popen(command, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        while not marker.exists():
            if proc.poll() is not None:
                raise RuntimeError(f"{' '.join(command[:4])} ended before its first frame")
            time.sleep(0.002)
        return time.perf_counter() - started
    finally:
        proc.send_signal(signal.SIGTERM)  # the supervisor forwards it to the game
        try:
            proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()


def kiosk_boot(runs: int = 5) -> tuple[list[float], list[float]]:
    """(kiosk, bare): seconds to the first frame, the kiosk through its supervisor
    (``python -m game kiosk``: config, level and assets checked, then the game started)."""
    level = LEVELS_DIR / "kiosk.yaml"
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        config = folder / "kiosk.yaml"
        config.write_text(
            f'level: {level}\nadmin_pin: "480213"\nwindow: 1920x1080\nstats: false\nsound: false\n', encoding="utf-8"
        )
        marker = folder / "first-frame"
        env = _env(OPEN_SESAME_DATA=str(folder / "data"), OPEN_SESAME_FIRST_FRAME=str(marker))
        kiosk_cmd = [sys.executable, "-m", "game", "kiosk", "--config", str(config)]
        bare_cmd = [sys.executable, "-c", BARE_FIRST_FRAME]
        kiosk, bare = [], []
        for _ in range(runs):  # interleaved, so both see the same machine
            kiosk.append(_until_first_frame(kiosk_cmd, env, marker))
            bare.append(_until_first_frame(bare_cmd, env, marker))
    return kiosk, bare


def memory(size: tuple[int, int]) -> tuple[float, float]:
    """(game, bare): peak resident MB of a full session visiting every debrief panel in
    every language, and of a bare pygame window, both at ``size``."""
    w, h = str(size[0]), str(size[1])
    game = subprocess.run(
        [sys.executable, "-m", "game.cli.bench_child", w, h], env=_env(), check=True, capture_output=True, text=True
    )
    bare = subprocess.run(
        [sys.executable, "-c", BARE_MEMORY, w, h], env=_env(), check=True, capture_output=True, text=True
    )
    return int(game.stdout.split()[-1]) / 1024, int(bare.stdout.split()[-1]) / 1024


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
        env=_env(SDL_VIDEODRIVER="dummy"),
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


def decisive_ms(level_path: Path) -> float:
    """The slowest search for the reveal's decisive what-if on a level."""
    from game.content.load import load_level
    from game.debrief.bench import measure_decisive

    return measure_decisive(load_level(level_path))


def sandbox_slider(level_path: Path, months: int = 30) -> SliderFigures:
    """The rules sandbox answering a slider move over a class of ``months`` (game/sandbox/bench.py)."""
    from game.content.load import load_level
    from game.sandbox.bench import measure

    return measure(load_level(level_path), months)


def grown_workshop(factor: int, folder: Path) -> Path:
    """The workshop level with each week's scenes copied under new ids until the file is
    about ``factor`` times as large (a valid level: ``game check`` passes it)."""
    import copy

    import yaml

    data = yaml.safe_load((LEVELS_DIR / "workshop.yaml").read_text(encoding="utf-8"))
    scenes = sum(len(yaml.safe_dump(w["scenes"], allow_unicode=True, width=10000)) for w in data["weeks"])
    whole = len(yaml.safe_dump(data, allow_unicode=True, sort_keys=False, width=10000))
    copies = round((factor - 1) * whole / scenes)
    for week in data["weeks"]:
        base = list(week["scenes"])
        for k in range(1, copies + 1):
            for scene in base:
                twin = copy.deepcopy(scene)
                twin["id"] = f"{scene['id']}_x{k}"
                week["scenes"].append(twin)
    path = folder / f"workshop_x{factor}.yaml"
    path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False, width=10000), encoding="utf-8")
    return path


def check_series(factors: tuple[int, ...] = (1, 2, 4, 7, 10), runs: int = 3) -> list[tuple[int, int, float, float]]:
    """(factor, bytes, seconds of ``game check`` (median), ms to parse the YAML) per size."""
    from game.content.yamlsafe import read_yaml

    rows = []
    with tempfile.TemporaryDirectory() as tmp:
        for factor in factors:
            path = grown_workshop(factor, Path(tmp))
            walls = []
            for _ in range(runs):
                started = time.perf_counter()
                subprocess.run(
                    [sys.executable, "-m", "game", "check", str(path)], env=_env(), check=True, capture_output=True
                )
                walls.append(time.perf_counter() - started)
            started = time.perf_counter()
            read_yaml(path)
            parse_ms = 1000 * (time.perf_counter() - started)
            rows.append((factor, path.stat().st_size, statistics.median(walls), parse_ms))
    return rows
