"""The screen stack and the transitions screens ask for, the idle warning and the admin gesture.

:class:`~game.app.App` is this stack plus the window and the loop. Screens never touch
the stack: they return a transition (:mod:`game.screens.transitions`) and this applies it.
"""

from __future__ import annotations

import logging
from collections.abc import Callable

from game.kiosk.idle import IdleTimer
from game.runtime import Runtime
from game.screens import router
from game.screens.base import Screen
from game.screens.transitions import Again, Goto, Next, Pop, Push, Reset, Swap, SwitchLevel, Transition
from game.screens.transitions import Quit as QuitGame

log = logging.getLogger("open_sesame")


class Stack:
    ctx: Runtime
    clock: Callable[[], float]
    idle: IdleTimer | None
    stack: list[Screen]
    dirty: bool
    running: bool
    exit_code: int

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
            audio = ctx.settings.audio  # who plays by ear goes on hearing
            ctx.reset_visitor(keep_language=True)
            ctx.settings.audio = audio
            self.goto(router.build(ctx, "persona"))
        elif isinstance(transition, QuitGame):
            log.info("stopped from the admin screen")
            self.running, self.exit_code = False, transition.code
        elif isinstance(transition, SwitchLevel):
            from game.kiosk.levels import next_level  # the level models: not before the first frame

            found = next_level(ctx.level_path)
            if found is not None:
                ctx.switch_level(*found)
                self.reset_to_attract()  # nobody can stay inside a month of another level
                self.stack.append(router.build(ctx, "admin"))
        self.dirty = True

    def check_due(self) -> None:
        """The top screen's own timed transition, if its time has come (:meth:`Screen.due`)."""
        due = self.top.due()
        if due is not None:
            self.apply(due)

    def reset_to_attract(self) -> None:
        """Back to the attract loop, default language, nothing of the visitor kept."""
        self.ctx.reset_visitor()
        self.goto(router.first_screen(self.ctx))
        if self.idle is not None:
            self.idle.set_mode("attract", self.clock())

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
