"""The loop and the screen stack: window, input, idle timer, redraw-on-change.

Screens receive a context (:class:`game.runtime.Runtime`) and answer input with a
transition (:mod:`game.screens.transitions`); this loop applies it. It draws only when
something changed or moves; otherwise it sleeps a frame and looks again, so an idle
kiosk costs almost no CPU. Tests drive the same loop one iteration at a time (:meth:`step`).
"""

from __future__ import annotations

import gc
import logging
import os
import time
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

import pygame

from game.input.intents import (
    Activate,
    AdminChord,
    Back,
    Digit,
    InputReader,
    Intent,
    Move,
    Poke,
    Quit,
    Repeat,
    Resize,
    StopSpeech,
    ToggleAudio,
)
from game.kiosk import signals
from game.kiosk.fault import maybe_inject_fault
from game.kiosk.idle import IdleTimer
from game.kiosk.watchdog import heartbeat_from_env
from game.runtime import Runtime
from game.screens import router
from game.screens.base import Screen
from game.screens.narrate import Narrator
from game.settings import Settings
from game.speech import Speaker
from game.stack import Stack
from game.ui import framebuffer
from game.ui.canvas import Canvas, FontBook, Viewport

if TYPE_CHECKING:
    from game.content.models import Level

log = logging.getLogger("open_sesame")
FIRST_FRAME_ENV = "OPEN_SESAME_FIRST_FRAME"
"""A file the game writes once its first frame is up (the bench times the kiosk's boot by it)."""
IDLE_POLL_S = 1 / 60  # input is read at least once a frame even when nothing moves


class App(Stack):
    """The running game. One per process; ``step`` is one loop iteration."""

    def __init__(
        self,
        level: Level | Callable[[], Level],
        settings: Settings,
        *,
        size: tuple[int, int] = (1280, 720),
        fullscreen: bool = False,
        clock: Callable[[], float] = time.monotonic,
        idle: IdleTimer | None = None,
        admin_pin: str = "",
        level_path: Path | None = None,
        stats_path: Path | None = None,
        speaker: Speaker | None = None,
    ) -> None:
        pygame.display.init()
        pygame.font.init()
        self.display = framebuffer.choose()  # before the window: SDL reads its hint once
        pygame.display.set_caption("Open Sesame")
        self.window = pygame.display.set_mode(
            (0, 0) if fullscreen else size, pygame.FULLSCREEN if fullscreen else pygame.RESIZABLE
        )
        self.ctx = Runtime(
            level,
            settings,
            clock=clock,
            admin_pin=admin_pin,
            level_path=level_path,
            stats_path=stats_path,
            speaker=speaker,
        )
        self.narrator = Narrator(self.ctx.announcer)
        self.clock = clock
        self.idle = idle
        self.fonts = FontBook()
        self.reader = InputReader()
        self.stack: list[Screen] = []
        self.dirty = True
        self.running = True
        self.moving = False
        self.exit_code = 0
        self.frames = 0
        self.last_tick = clock()
        self.resize(self.window.get_size(), reopen=False)
        self.goto(router.first_screen(self.ctx))

    # -- the window ---------------------------------------------------------------------------
    def resize(self, size: tuple[int, int], reopen: bool = True) -> None:
        surface = pygame.display.get_surface()
        if reopen and (surface is None or not surface.get_flags() & pygame.FULLSCREEN):
            self.window = pygame.display.set_mode(size, pygame.RESIZABLE)
        elif surface is not None:
            self.window = surface
        self.reader.window_size = self.window.get_size()
        theme = self.ctx.theme
        self.viewport = Viewport((theme.width, theme.height), self.window.get_size())
        self.canvas = Canvas(self.window, self.viewport, self.fonts, theme, self.ctx.art)
        self.ctx.scale_now = self.viewport.scale
        self.ctx.viewport_to_logical = self.viewport.to_logical
        pixels = self.window.get_width() * self.window.get_height()
        self.ctx.art.scale_budget(pixels)
        self.fonts.scale_budget(pixels)
        self.dirty = True

    # -- the loop -----------------------------------------------------------------------------
    def run(self, after_first_frame: Callable[[], None] | None = None) -> int:
        """Draw the first frame, then do what waits for it (``after_first_frame``, then
        :meth:`settle`), then loop until asked to stop."""
        beat = heartbeat_from_env()  # a supervised game proves its loop still turns
        self.step()
        _mark_first_frame()
        beat()  # the supervisor waits for this before it does its own work (:mod:`game.kiosk.launch`)
        if after_first_frame is not None:
            after_first_frame()
        self.settle()
        while self.running and not signals.requested():  # SIGTERM/SIGINT end every mode, kiosk too
            self.step(block=True)
            beat()
            maybe_inject_fault("frame")
        return signals.exit_code()

    def settle(self) -> None:
        """Once the first frame is up: the speaker, the statistics and the level are read and
        checked, the keypad's table read, and every screen imported, so no tap waits for it.

        Then what start-up made, which lives as long as the game, is put out of the cyclic
        collector's sight (``gc.freeze``, after one collection so no garbage is kept): a
        full collection walking the level's tens of thousands of objects is a pause of
        20 to 40 ms in the middle of a frame, several times an hour. :meth:`quit` undoes it.
        """
        self.ctx.settle()
        _ = self.reader.keypad
        router.preload()
        self.narrator.screen = None  # audio mode: the screen is said again by the real speaker
        self.dirty = True
        gc.collect()
        gc.freeze()

    def step(self, block: bool = False, events: list[pygame.event.Event] | None = None) -> bool:
        """One iteration: read input, update, draw if needed. Returns whether it drew."""
        now = self.clock()
        if events is None:
            events = pygame.event.get()
            if not events and block and not self.dirty and not self.moving:
                # Sleep, then look again: SDL's own wait polls every millisecond on several
                # video drivers, which costs an idle kiosk ten times more CPU than this.
                time.sleep(IDLE_POLL_S)
                events = pygame.event.get()
                now = self.clock()
        acted = False
        for intent in self.reader.read(events, now):
            if isinstance(intent, Activate):
                if acted:
                    continue  # the buttons on screen are stale until the next draw: wait for it
                acted = True
            self.handle(intent)
        self.check_idle(now)
        dt = min(0.1, max(0.0, now - self.last_tick))
        self.last_tick = now
        moving = self.moving = any([screen.update(dt) for screen in self.stack])
        self.check_due()
        if self.ctx.needs_redraw:
            self.ctx.needs_redraw, self.dirty = False, True
        if self.dirty:
            self.draw()
            return True
        if moving:
            self.canvas.forget_captures()  # the window changes under what the last frame painted
            self.canvas.text_scale = self.text_scale()
            self.fonts.use(self.ctx.catalog.language(self.ctx.settings.lang))
            kept, self.canvas.drawn = self.canvas.drawn, []
            rects = self.top.animate(self.canvas)
            self.canvas.drawn = kept
            if rects is None:
                self.draw()
            else:
                pygame.display.update([self.viewport.rect(r) for r in rects])
            if block:
                pygame.time.wait(max(0, int(1000 / self.top.fps - (self.clock() - now) * 1000)))
            return True
        self.canvas.capture()  # nothing to draw: keep what the last frame painted in place
        return False

    def text_scale(self) -> float:
        return self.ctx.theme.s("larger_text_scale") if self.ctx.settings.larger_text else 1.0

    def draw(self) -> None:
        self.canvas.forget_captures()  # painted again, or anew, in this frame
        self.canvas.text_scale = self.text_scale()
        self.fonts.use(self.ctx.catalog.language(self.ctx.settings.lang))  # its font stack and line breaking
        opaque = max((i for i, screen in enumerate(self.stack) if not screen.overlay), default=0)
        for screen in self.stack[opaque:]:  # what lies under a full screen is not seen
            screen.draw(self.canvas)
        self.canvas.finish()
        pygame.display.flip()
        self.frames += 1
        self.dirty = False
        self.narrator.after_draw(self.top, self.ctx.settings.audio)

    def handle(self, intent: Intent) -> None:
        settings = self.ctx.settings
        if isinstance(intent, Quit):
            if settings.kiosk:
                log.info("quit request ignored in kiosk mode")
            else:
                self.running = False
            return
        if isinstance(intent, Resize):
            self.resize(intent.size)
            return
        self.touch_idle()
        if isinstance(intent, AdminChord):
            self.open_admin()
            return
        if isinstance(intent, Move | Digit) or (isinstance(intent, Activate) and intent.pos is None):
            self.ctx.show_focus = True
        elif isinstance(intent, Activate):
            self.ctx.show_focus = False
        if isinstance(intent, Back) and settings.kiosk and len(self.stack) == 1 and self.top.name == "attract":
            return
        if isinstance(intent, Poke):
            return
        if isinstance(intent, Repeat):
            self.ctx.announcer.repeat()
            return
        if isinstance(intent, StopSpeech):
            self.ctx.announcer.stop()
            return
        if isinstance(intent, ToggleAudio):
            self.ctx.toolbar_action("tb:audio")  # the next frame says the screen, or falls silent
            self.dirty = True
            return
        self.apply(self.top.handle(intent))

    def quit(self) -> None:
        """Leave cleanly: an unfinished visitor is recorded as abandoned, the database closed."""
        self.ctx.close()
        pygame.display.quit()
        gc.unfreeze()  # what settle kept out of the collector's sight may go with this app


def _mark_first_frame() -> None:
    path = os.environ.get(FIRST_FRAME_ENV)
    if path:
        with open(path, "w", encoding="utf-8") as out:
            out.write("up\n")
