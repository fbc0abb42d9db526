"""Wiring and the main loop: window, screen stack, input, idle timer, redraw-on-change.

The loop draws only when something changed or an animation runs; otherwise it sleeps in
``pygame.event.wait`` so an idle kiosk costs almost no CPU. Tests drive the same loop one
iteration at a time with :meth:`App.step`.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

import pygame

from game.i18n import LANGUAGE_NAMES, Catalog, load_catalog
from game.input.intents import Activate, AdminChord, Back, Digit, InputReader, Intent, Move, Poke, Quit, Resize
from game.screens.base import Screen
from game.settings import Settings
from game.ui.canvas import Canvas, FontBook, Rect, Viewport
from game.ui.sound import Sound
from game.ui.theme import Theme, load_theme
from game.ui.widgets import Button, mm_to_logical

if TYPE_CHECKING:
    from game.content.models import Level
    from game.kiosk.idle import IdleTimer
    from game.screens.flow import GameFlow
    from game.stats import StatsStore

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
        flags = pygame.FULLSCREEN if fullscreen else pygame.RESIZABLE
        self.window = pygame.display.set_mode((0, 0) if fullscreen else size, flags)
        self.theme: Theme = load_theme()
        self.catalog: Catalog = load_catalog()
        self.fonts = FontBook()
        self._level: Level | None = None
        self._load_level: Callable[[], Level] | None = None
        if callable(level):
            self._load_level = level
        else:
            self._level = level
        self._flow: GameFlow | None = None
        self.level_path = level_path
        self.settings = settings
        self.clock = clock
        self.reader = InputReader()
        self.reader.window_size = self.window.get_size()
        self.viewport = Viewport((self.theme.width, self.theme.height), self.window.get_size())
        self.canvas = Canvas(self.window, self.viewport, self.fonts, self.theme)
        self.stack: list[Screen] = []
        self.dirty = True
        self.running = True
        self.show_focus = False
        self.frames = 0
        self.moving = False
        self.exit_code = 0
        self.admin_pin = admin_pin
        self.idle = idle
        self.last_input = clock()
        self.last_tick = clock()
        self.stats_path = stats_path
        self.stats = self.open_stats() if settings.stats else None
        self.default_larger_text = settings.larger_text
        self.default_reduced_motion = settings.reduced_motion
        self.default_sound = settings.sound
        self.sound = Sound()
        from game.screens.registry import first_screen

        self.goto(first_screen(self))

    # -- the level, loaded after the first frame when given as a loader -----------------------
    @property
    def level(self) -> Level:
        if self._level is None:
            assert self._load_level is not None
            self._level = self._load_level()
            self.dirty = True
        return self._level

    @level.setter
    def level(self, level: Level) -> None:
        self._level = level
        self._flow = None

    @property
    def loaded_level(self) -> Level | None:
        """The level if it is already loaded (the first attract frame does not wait for it)."""
        return self._level

    @property
    def flow(self) -> GameFlow:
        if self._flow is None:
            from game.screens.flow import GameFlow

            self._flow = GameFlow(self.level, self.settings, self.clock)
        return self._flow

    @flow.setter
    def flow(self, flow: GameFlow) -> None:
        self._flow = flow

    # -- the stack --------------------------------------------------------------------------
    @property
    def top(self) -> Screen:
        return self.stack[-1]

    def goto(self, screen: Screen) -> None:
        """Replace everything but overlays' base with ``screen``."""
        self.stack = [screen]
        self.touch_idle()
        self.dirty = True

    def push(self, screen: Screen) -> None:
        self.stack.append(screen)
        self.dirty = True

    def pop(self) -> None:
        if len(self.stack) > 1:
            self.stack.pop()
        self.dirty = True

    # -- sizes ------------------------------------------------------------------------------
    def min_target(self) -> float:
        """20 mm at the configured PPI, in logical pixels, never below the theme's button."""
        wanted = max(
            self.theme.s("button_height") * (self.theme.s("larger_button_scale") if self.settings.larger_text else 1.0),
            mm_to_logical(self.theme.s("target_mm"), self.settings.ppi, self.viewport.scale),
        )
        # layouts are fixed logical grids: past this share of the height they would not fit
        return min(wanted, self.theme.height * self.theme.s("max_target_share"))

    def gap(self) -> float:
        return max(24.0, mm_to_logical(self.theme.s("gap_mm"), self.settings.ppi, self.viewport.scale))

    def resize(self, size: tuple[int, int]) -> None:
        if not pygame.display.get_surface() or pygame.display.get_surface().get_flags() & pygame.FULLSCREEN == 0:
            self.window = pygame.display.set_mode(size, pygame.RESIZABLE)
        else:
            self.window = pygame.display.get_surface()
        self.reader.window_size = self.window.get_size()
        self.viewport = Viewport((self.theme.width, self.theme.height), self.window.get_size())
        self.canvas = Canvas(self.window, self.viewport, self.fonts, self.theme)
        self.dirty = True

    # -- the toolbar on every screen ------------------------------------------------------------
    def toolbar(self, canvas: Canvas) -> list[Button]:
        """Language, larger text, reduced motion and sound: always one touch away."""
        h = min(self.min_target(), 100)
        labels = [
            ("tb:lang", LANGUAGE_NAMES.get(self.other_language(), self.other_language())),
            ("tb:text", self.catalog("toolbar.larger_text", self.settings.lang)),
            ("tb:motion", self.catalog("toolbar.reduced_motion", self.settings.lang)),
            ("tb:sound", self.catalog("toolbar.sound", self.settings.lang)),
        ]
        states = [False, self.settings.larger_text, self.settings.reduced_motion, self.settings.sound]
        size = self.theme.s("small")
        widths = [canvas.measure(label, size, "semibold")[0] + 64 for _, label in labels]
        x = self.theme.width - 40 - sum(widths) - 16 * (len(widths) - 1)
        buttons = []
        for (bid, label), w, on in zip(labels, widths, states, strict=True):
            rect = Rect(round(x), 16, round(w), round(h))
            buttons.append(Button(bid, label, rect, style="chip", selected=on, on_background=True))
            x += w + 16
        title = Rect(40, 16, round(x - sum(widths) - 16 * len(widths) - 80), round(h))
        canvas.text("Halo", title, self.theme.s("heading"), self.theme.c("accent"), "bold", valign="center")
        return buttons

    def play(self, sound: str) -> None:
        self.sound.play(sound, self.settings.sound)

    def other_language(self) -> str:
        langs = self.settings.languages
        return langs[(langs.index(self.settings.lang) + 1) % len(langs)] if self.settings.lang in langs else langs[0]

    def toolbar_action(self, button_id: str) -> None:
        if button_id == "tb:lang":
            self.settings.lang = self.other_language()
        elif button_id == "tb:text":
            self.settings.larger_text = not self.settings.larger_text
        elif button_id == "tb:motion":
            self.settings.reduced_motion = not self.settings.reduced_motion
        elif button_id == "tb:sound":
            self.settings.sound = not self.settings.sound
        self.dirty = True

    # -- the loop ---------------------------------------------------------------------------------
    def run(self) -> int:
        from game.kiosk import signals
        from game.kiosk.fault import maybe_inject_fault
        from game.kiosk.watchdog import heartbeat_from_env

        beat = heartbeat_from_env()  # a supervised game proves its loop still turns
        self.step()
        _ = self.level  # the first frame is up: now read and check the level
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
        drew = False
        if self.dirty:
            self.draw()
            drew = True
        elif moving:
            self.canvas.text_scale = self.text_scale()
            kept, self.canvas.drawn = self.canvas.drawn, []
            rects = self.top.animate(self.canvas)
            self.canvas.drawn = kept
            if rects is None:
                self.draw()
            else:
                pygame.display.update([self.viewport.rect(r) for r in rects])
            drew = True
        if block and moving:
            pygame.time.wait(max(0, int(1000 / self.top.fps - (self.clock() - now) * 1000)))
        return drew

    def text_scale(self) -> float:
        return self.theme.s("larger_text_scale") if self.settings.larger_text else 1.0

    def draw(self) -> None:
        self.canvas.text_scale = self.text_scale()
        opaque = max((i for i, screen in enumerate(self.stack) if not screen.overlay), default=0)
        for screen in self.stack[opaque:]:  # what lies under a full screen is not seen
            screen.draw(self.canvas)
        pygame.display.flip()
        self.frames += 1
        self.dirty = False

    def handle(self, intent: Intent) -> None:
        if isinstance(intent, Quit):
            if self.settings.kiosk:
                log.info("quit request ignored in kiosk mode")
                return
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
            self.show_focus = True
        elif isinstance(intent, Activate):
            self.show_focus = False
        if isinstance(intent, Back) and self.settings.kiosk and len(self.stack) == 1 and self.top.name == "attract":
            return
        if isinstance(intent, Poke):
            return
        self.top.handle(intent)
        self.dirty = True

    # -- idle (kiosk) ----------------------------------------------------------------------------
    def touch_idle(self) -> None:
        self.last_input = self.clock()
        if self.idle is not None:
            self.idle.touch(self.last_input)

    def check_idle(self, now: float) -> None:
        """Kiosk only: warn after the idle time, then reset to attract with a fresh session."""
        if self.idle is None:
            return
        from game.screens.idle import IdleWarningScreen

        shown = next(s for s in reversed(self.stack) if not isinstance(s, IdleWarningScreen))
        self.idle.set_mode(shown.idle_mode, now)  # type: ignore[arg-type]
        state = self.idle.poll(now)
        warning = next((s for s in self.stack if isinstance(s, IdleWarningScreen)), None)
        if state.phase == "active":
            if warning is not None:
                self.stack.remove(warning)
                self.dirty = True
        elif state.phase == "warning":
            if warning is None:
                self.push(IdleWarningScreen(self, state.whole_seconds_left))
            elif warning.seconds != state.whole_seconds_left:
                warning.seconds = state.whole_seconds_left
                self.dirty = True
        else:
            self.reset_to_attract(abandoned=True)

    def reset_to_attract(self, abandoned: bool) -> None:
        """Back to the attract loop, default language, nothing of the visitor kept."""
        from game.screens.attract import AttractScreen

        self.session_finished()
        self.flow.reset()
        self.settings.larger_text = self.default_larger_text
        self.settings.reduced_motion = self.default_reduced_motion
        self.settings.sound = self.default_sound
        self.goto(AttractScreen(self))
        if self.idle is not None:
            self.idle.set_mode("attract", self.clock())

    def open_stats(self) -> StatsStore:
        from game.stats import StatsStore

        return StatsStore(self.stats_path, warm=True)

    def session_finished(self) -> None:
        """Record the visitor's session once, anonymously, if statistics are on.

        A month that reached its end counts as completed even if the visitor walked away
        from the debrief; one left mid-month is recorded as abandoned.
        """
        flow = self._flow
        session = flow.session if flow is not None else None
        if flow is None or session is None or flow.recorded:
            return
        flow.recorded = True
        st = session.state
        if self.settings.stats or self.settings.log_sessions:  # the replay line, hour-stamped, in sessions.log
            from game.logs import log_session

            log_session(self.level.id, st.persona, st.seed, st.variant, st.choices)
        if not self.settings.stats:
            return
        if self.stats is None:
            self.stats = self.open_stats()
        from datetime import datetime, timedelta

        from game.stats import SessionRecord

        outcome = session.outcome() if session.over else None
        ended = datetime.now()
        record = SessionRecord.make(
            level=self.level.id,
            persona=session.state.persona,
            language=self.settings.lang,
            variant=session.state.variant,
            choices=tuple(f"{scene}.{option}" for scene, option in session.state.choices),
            guess=tuple(flow.guess),
            final_score=outcome.final_score if outcome else None,
            grade=outcome.grade if outcome else None,
            goal_reached=outcome.goal_reached if outcome else None,
            completed=session.over,
            started=ended - timedelta(seconds=max(0.0, flow.duration_s)),
            ended=ended,
        )
        self.stats.record(record)

    # -- admin ------------------------------------------------------------------------------------
    def log_tail(self, lines: int) -> list[str]:
        """The last lines of the game's and the supervisor's logs, entries in time order.

        An entry is a timestamped line and what follows it (a traceback stays in one piece).
        """
        import re

        from game.datadir import log_dir

        stamp = re.compile(r"^\d{4}-\d{2}-\d{2} ")
        entries: list[list[str]] = []
        for name in ("game.log", "kiosk.log"):
            try:
                text = (log_dir() / name).read_text(encoding="utf-8", errors="replace")
            except OSError:
                continue
            for line in text.splitlines()[-400:]:
                if stamp.match(line) or not entries:
                    entries.append([line])
                else:
                    entries[-1].append(line)
        entries.sort(key=lambda entry: entry[0][:23] if stamp.match(entry[0]) else "")
        flat = [line for entry in entries for line in entry]
        return flat[-lines:] or ["(empty)"]

    def next_level(self) -> None:
        """Switch to the next valid level file in levels/ (admin)."""
        from game.content.load import ContentInvalid, load_level
        from game.paths import LEVELS_DIR

        files = sorted(LEVELS_DIR.glob("*.yaml"))
        if not files:
            return
        current = self.level_path.resolve() if self.level_path else None
        start = next((i for i, f in enumerate(files) if f.resolve() == current), -1)
        for step in range(1, len(files) + 1):
            candidate = files[(start + step) % len(files)]
            try:
                level = load_level(candidate)
            except ContentInvalid as err:
                log.warning("level %s skipped: %s", candidate, err.problems[0])
                continue
            self.session_finished()
            self.level, self.level_path = level, candidate
            log.info("level switched to %s", candidate)
            from game.screens.admin import AdminScreen

            self.reset_to_attract(abandoned=True)  # nobody can stay inside a month of another level
            self.push(AdminScreen(self))
            break
        self.dirty = True

    def open_admin(self) -> None:
        """The admin screen: behind the PIN pad in kiosk mode, at once in a window."""
        from game.screens.admin import AdminScreen, PinScreen

        if any(isinstance(s, PinScreen | AdminScreen) for s in self.stack):
            return
        if self.settings.kiosk and not self.admin_pin:
            log.warning("admin gesture ignored: no admin_pin is configured")
            return
        needs_pin = self.settings.kiosk and bool(self.admin_pin)
        self.push(PinScreen(self) if needs_pin else AdminScreen(self))

    def open_facilitator(self) -> None:
        from game.screens.facilitator import FacilitatorScreen

        self.push(FacilitatorScreen(self))

    # -- for tests and screenshots --------------------------------------------------------------
    def texts(self) -> list[str]:
        return [d.text for d in self.canvas.drawn]

    def screen_names(self) -> list[str]:
        return [s.name for s in self.stack]

    def button(self, match: str) -> Button:
        for screen in reversed(self.stack):
            for button in screen.buttons:
                if button.id == match or button.label == match:
                    return button
        raise LookupError(f"no button {match!r} on {self.screen_names()}: {[b.id for b in self.top.buttons]}")

    def centre_of(self, button: Button) -> tuple[int, int]:
        return self.viewport.point(*button.rect.center)

    def quit(self) -> None:
        """Leave cleanly: an unfinished visitor is recorded as abandoned, the database closed."""
        self.session_finished()
        if self.stats is not None:
            self.stats.close()
        pygame.display.quit()
