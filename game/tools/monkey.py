"""A seeded monkey: random touches, drags, keys, toggles, language switches and resizes.

It drives the real loop (``App.step``) headless, in kiosk mode with a fake clock so idle
warnings and resets happen too. Any exception stops it with the seed and event number,
so ``python -m game.tools.monkey --seed S --events N`` replays the failure exactly.

    python -m game.tools.monkey --events 200000        # the long run (make monkey)
"""

from __future__ import annotations

import argparse
import logging
import os
import random
import sys
import time
from dataclasses import dataclass

os.environ.setdefault("SDL_VIDEODRIVER", "dummy")
os.environ.setdefault("SDL_AUDIODRIVER", "dummy")

import pygame

from game.app import App
from game.content.load import load_level
from game.paths import DEFAULT_LEVEL, LEVELS_DIR
from game.settings import Settings
from game.tools.drive import centre_of

SIZES = [(1280, 720), (1920, 1080), (1024, 768), (800, 600), (1680, 1050)]
KEYS = [
    pygame.K_TAB,
    pygame.K_RETURN,
    pygame.K_ESCAPE,
    pygame.K_BACKSPACE,
    pygame.K_UP,
    pygame.K_DOWN,
    pygame.K_LEFT,
    pygame.K_RIGHT,
    pygame.K_SPACE,
    pygame.K_1,
    pygame.K_a,
    pygame.K_F4,
]


class MonkeyClock:
    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


@dataclass
class MonkeyReport:
    events: int
    sessions_started: int
    months_ended: int
    resets: int
    screens: set[str]
    seconds: float


def monkey(events: int, seed: int, level_path: object = None, kiosk: bool = True) -> MonkeyReport:
    """Run ``events`` random inputs; raise on the first exception (with seed and index)."""
    rng = random.Random(seed)
    level = load_level(level_path or (DEFAULT_LEVEL if DEFAULT_LEVEL.exists() else LEVELS_DIR / "sample.yaml"))
    clock = MonkeyClock()
    settings = Settings(
        lang="fr", default_lang="fr", languages=list(level.languages), seed=seed, kiosk=kiosk, stats=False
    )
    from game.kiosk.idle import IdleTimer

    app = App(
        level, settings, size=(1280, 720), clock=clock, idle=IdleTimer(60, 120, 20, clock=clock), admin_pin="604917"
    )
    started = time.perf_counter()
    screens: set[str] = set()
    sessions = ended = resets = 0
    last_session = None
    try:
        for index in range(events):
            batches = _random_batches(app, rng)
            clock.now += rng.choice([0.01, 0.05, 0.3, 2.0, 15.0]) if rng.random() < 0.98 else 70.0
            try:
                for batch in batches:
                    app.step(events=batch)
            except Exception as err:
                raise RuntimeError(f"monkey seed {seed}, event {index}: {err!r} on {app.screen_names()}") from err
            if not app.running:  # the admin's exit: a kiosk would be restarted by its supervisor
                app.running = True
                app.reset_to_attract()
            screens.update(app.screen_names())
            session = app.ctx.visit
            if session is not None and session is not last_session:
                sessions += 1
            if session is None and last_session is not None:
                resets += 1
            if session is not None and session.over and (last_session is not session or not ended):
                ended += 1 if app.top.name == "end" else 0
            last_session = session
    finally:
        app.quit()
    return MonkeyReport(events, sessions, ended, resets, screens, time.perf_counter() - started)


def _random_batches(app: App, rng: random.Random) -> list[list[pygame.event.Event]]:
    """One or more frames of input: most actions fit in one frame, the technician's take several."""
    w, h = app.window.get_size()
    roll = rng.random()
    if roll < 0.45:  # a sensible tap: on one of the visible buttons (now and then twice in one frame)
        buttons = [b for s in app.stack[-1:] for b in s.buttons]
        if buttons:
            x, y = centre_of(app, rng.choice(buttons))
            return [_tap(x / w, y / h) * (2 if rng.random() < 0.1 else 1)]
    if roll < 0.65:  # a tap anywhere
        return [_tap(rng.random(), rng.random())]
    if roll < 0.72:  # a drag
        x, y = rng.random(), rng.random()
        return [
            [
                pygame.event.Event(pygame.FINGERDOWN, x=x, y=y, dx=0, dy=0, finger_id=1, touch_id=0),
                pygame.event.Event(pygame.FINGERMOTION, x=x, y=min(1, y + 0.2), dx=0, dy=0.2, finger_id=1, touch_id=0),
                pygame.event.Event(
                    pygame.MOUSEMOTION, pos=(int(x * w), int(y * h)), rel=(0, 40), buttons=(1, 0, 0), touch=False
                ),
            ]
        ]
    if roll < 0.88:  # a key
        key = rng.choice(KEYS)
        mod = rng.choice([0, 0, 0, pygame.KMOD_SHIFT, pygame.KMOD_ALT, pygame.KMOD_CTRL | pygame.KMOD_SHIFT])
        return [[pygame.event.Event(pygame.KEYDOWN, key=key, mod=mod, unicode="", scancode=0)]]
    if roll < 0.95:  # the toolbar: text size, motion, sound, language
        ids = ["tb:text", "tb:motion", "tb:lang", "tb:sound"]
        for button in app.top.buttons:
            if button.id == rng.choice(ids):
                x, y = centre_of(app, button)
                return [_tap(x / w, y / h)]
        return [[]]
    if roll < 0.955:  # the technician: the admin chord, the right PIN, Enter (one key a frame)
        chord = _key(pygame.K_a, pygame.KMOD_CTRL | pygame.KMOD_SHIFT)
        digits = [_key(getattr(pygame, f"K_{d}")) for d in app.ctx.kiosk.admin_pin]
        return [[chord], *([d] for d in digits), [_key(pygame.K_RETURN)]]
    if roll < 0.98:  # a window resize
        size = rng.choice(SIZES)
        return [[pygame.event.Event(pygame.VIDEORESIZE, w=size[0], h=size[1], size=size)]]
    return [[pygame.event.Event(pygame.QUIT)]]


def _tap(x: float, y: float) -> list[pygame.event.Event]:
    return [
        pygame.event.Event(pygame.FINGERDOWN, x=x, y=y, dx=0, dy=0, finger_id=0, touch_id=0),
        pygame.event.Event(pygame.FINGERUP, x=x, y=y, dx=0, dy=0, finger_id=0, touch_id=0),
    ]


def _key(code: int, mod: int = 0) -> pygame.event.Event:
    return pygame.event.Event(pygame.KEYDOWN, key=code, mod=mod, unicode="", scancode=0)


def main(argv: list[str] | None = None) -> int:
    logging.getLogger("open_sesame").setLevel(logging.ERROR)  # random PINs are expected to be wrong
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--events", type=int, default=20000)
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args(argv)
    report = monkey(args.events, args.seed)
    print(f"monkey: {report.events} events, seed {args.seed}, 0 exceptions, {report.seconds:.0f} s")
    print(f"  sessions started {report.sessions_started}, idle resets {report.resets}")
    print(f"  screens visited: {', '.join(sorted(report.screens))}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
