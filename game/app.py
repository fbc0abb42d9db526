"""The loop and the screen stack: window, input, idle timer, redraw-on-change.

Screens receive a context (:class:`game.runtime.Runtime`) and answer input with a
transition (:mod:`game.screens.transitions`); this loop applies it. It draws only when
something changed or moves; otherwise it sleeps a frame and looks again, so an idle
kiosk costs almost no CPU. Tests drive the same loop one iteration at a time (:meth:`step`).
"""

from __future__ import annotations

import logging
import time
from collections.abc import Callable
from pathlib import Path

import pygame

from game.content.models import Level
from game.input.intents import Activate, AdminChord, Back, Digit, InputReader, Intent, Move, Poke, Quit, Resize
from game.kiosk import signals
from game.kiosk.fault import maybe_inject_fault
from game.kiosk.idle import IdleTimer
from game.kiosk.levels import next_level
from game.kiosk.watchdog import heartbeat_from_env
from game.runtime import Runtime
from game.screens import router
from game.screens.base import Screen
from game.screens.transitions import Again, Goto, Next, Pop, Push, Reset, Swap, SwitchLevel, Transition
from game.screens.transitions import Quit as QuitGame
from game.settings import Settings
from game.ui.canvas import Canvas, FontBook, Viewport

log = logging.getLogger("open_sesame")
IDLE_POLL_S = 1 / 60  # input is read at least once a frame even when nothing moves


class App:
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
    ) -> None:
        pygame.display.init()
        pygame.font.init()
        pygame.display.set_caption("Open Sesame")
        self.window = pygame.display.set_mode(
            (0, 0) if fullscreen else size, pygame.FULLSCREEN if fullscreen else pygame.RESIZABLE
        )
        self.ctx = Runtime(
            level, settings, clock=clock, admin_pin=admin_pin, level_path=level_path, stats_path=stats_path
        )
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

    @property
    def top(self) -> Screen:
        return self.stack[-1]

    def screen_names(self) -> list[str]:
        return [s.name for s in self.stack]

    # -- the stack --------------------------------------------------------------------------
    def goto(self, screen: Screen) -> None:
        self.stack = [screen]
        self.touch_idle()
        self.dirty = True

    def apply(self, transition: Transition | None) -> None:
        """Do what a screen asked for."""
        ctx = self.ctx
        if isinstance(transition, Goto):
            self.goto(router.build(ctx, transition.screen, transition.args))
        elif isinstance(transition, Push):
            self.stack.append(router.build(ctx, transition.screen, transition.args))
        elif isinstance(transition, Swap):
            self.stack[-1] = router.build(ctx, transition.screen, transition.args)
        elif isinstance(transition, Pop) and len(self.stack) > 1:
            self.stack.pop()
        elif isinstance(transition, Next):
            self.goto(router.next_screen(ctx))
        elif isinstance(transition, Reset):
            self.reset_to_attract()
        elif isinstance(transition, Again):  # window mode: the same visitor, another life
            ctx.reset_visitor(keep_language=True)
            self.goto(router.build(ctx, "persona"))
        elif isinstance(transition, QuitGame):
            log.info("stopped from the admin screen")
            self.running, self.exit_code = False, transition.code
        elif isinstance(transition, SwitchLevel):
            found = next_level(ctx.level_path)
            if found is not None:
                ctx.switch_level(*found)
                self.reset_to_attract()  # nobody can stay inside a month of another level
                self.stack.append(router.build(ctx, "admin"))
        self.dirty = True

    def reset_to_attract(self) -> None:
        """Back to the attract loop, default language, nothing of the visitor kept."""
        self.ctx.reset_visitor()
        self.goto(router.first_screen(self.ctx))
        if self.idle is not None:
            self.idle.set_mode("attract", self.clock())

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
        self.ctx.art.scale_budget(self.window.get_width() * self.window.get_height())
        self.dirty = True

    # -- the loop -----------------------------------------------------------------------------
    def run(self) -> int:
        beat = heartbeat_from_env()  # a supervised game proves its loop still turns
        self.step()
        _ = self.ctx.level  # the first frame is up: now read and check the level
        while self.running and not signals.requested():  # SIGTERM/SIGINT end every mode, kiosk too
            self.step(block=True)
            beat()
            maybe_inject_fault("frame")
        return signals.exit_code()

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
        if self.ctx.needs_redraw:
            self.ctx.needs_redraw, self.dirty = False, True
        if self.dirty:
            self.draw()
            return True
        if moving:
            self.canvas.text_scale = self.text_scale()
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
        return False

    def text_scale(self) -> float:
        return self.ctx.theme.s("larger_text_scale") if self.ctx.settings.larger_text else 1.0

    def draw(self) -> None:
        self.canvas.text_scale = self.text_scale()
        opaque = max((i for i, screen in enumerate(self.stack) if not screen.overlay), default=0)
        for screen in self.stack[opaque:]:  # what lies under a full screen is not seen
            screen.draw(self.canvas)
        pygame.display.flip()
        self.frames += 1
        self.dirty = False

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
        self.apply(self.top.handle(intent))

    def open_admin(self) -> None:
        """The admin screen: behind the PIN pad in kiosk mode, at once in a window."""
        if any(s.name in ("pin", "admin") for s in self.stack):
            return
        if self.ctx.settings.kiosk and not self.ctx.kiosk.admin_pin:
            log.warning("admin gesture ignored: no admin_pin is configured")
            return
        self.apply(Push("pin" if self.ctx.settings.kiosk else "admin"))

    # -- idle (kiosk) ----------------------------------------------------------------------------
    def touch_idle(self) -> None:
        if self.idle is not None:
            self.idle.touch(self.clock())

    def check_idle(self, now: float) -> None:
        """Kiosk only: warn after the idle time, then reset to attract with a fresh session."""
        if self.idle is None:
            return
        shown = next(s for s in reversed(self.stack) if s.name != "idle")
        self.idle.set_mode(shown.idle_mode, now)
        state = self.idle.poll(now)
        warning = next((s for s in self.stack if s.name == "idle"), None)
        if state.phase == "active":
            if warning is not None:
                self.stack.remove(warning)
                self.dirty = True
        elif state.phase == "warning":
            if warning is None:
                self.stack.append(router.build(self.ctx, "idle", {"seconds": state.whole_seconds_left}))
                self.dirty = True
            elif getattr(warning, "seconds", None) != state.whole_seconds_left:
                warning.seconds = state.whole_seconds_left  # type: ignore[attr-defined]
                self.dirty = True
        else:
            self.reset_to_attract()

    def quit(self) -> None:
        """Leave cleanly: an unfinished visitor is recorded as abandoned, the database closed."""
        self.ctx.close()
        pygame.display.quit()
