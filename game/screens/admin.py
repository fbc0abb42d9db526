"""The technician's corner: a PIN pad, then exit, level, default language, statistics, log."""

from __future__ import annotations

import logging
import math
from typing import Any

from game.input.intents import Activate, Back, Digit, Intent
from game.kiosk.idle import Mode
from game.screens.base import Screen
from game.screens.context import Context
from game.screens.transitions import Pop, Push, Quit, Swap, SwitchLevel, Transition
from game.ui.canvas import Canvas, Rect
from game.ui.widgets import Button, overlay_panel

log = logging.getLogger("open_sesame")
EXIT_CONFIRM_S = 5.0


class PinScreen(Screen):
    """A PIN pad over the current screen. In window mode (no PIN set) it opens at once."""

    name = "pin"
    overlay = True
    chrome = False

    idle_mode: Mode = "play"  # a half-typed PIN left alone times out like any screen

    def __init__(self, ctx: Context, **_: Any) -> None:
        super().__init__(ctx)
        self.entered = ""
        self.failed = False

    def draw_body(self, canvas: Canvas) -> None:
        theme = canvas.theme
        panel = Rect(560, 80, 800, 940)
        overlay_panel(canvas, panel, self.t("admin.pin"), theme.s("heading"), pad=40)
        shown = "•" * len(self.entered) or " "
        canvas.text(
            shown,
            Rect(panel.x + 40, panel.y + 100, panel.w - 80, 60),
            theme.s("heading"),
            theme.c("highlight"),
            "bold",
            "center",
        )
        notice = self.notice()
        if notice:
            canvas.text(
                notice,
                Rect(panel.x + 40, panel.y + 160, panel.w - 80, 40),
                theme.s("small"),
                theme.c("warning"),
                "semibold",
                "center",
            )
        size = 150
        keys = ["1", "2", "3", "4", "5", "6", "7", "8", "9", "cancel", "0", "ok"]
        for i, key in enumerate(keys):
            rect = Rect(panel.x + 85 + (i % 3) * (size + 40), panel.y + 220 + (i // 3) * (size + 25), size, size)
            label = self.t(f"admin.{key}") if key in ("cancel", "ok") else key
            self.add(Button(f"key:{key}", label, rect, style="primary" if key == "ok" else "chip"))

    def handle(self, intent: Intent) -> Transition | None:
        if isinstance(intent, Digit):
            self.type(intent.value)
            return None
        if isinstance(intent, Activate) and intent.pos is None and self.entered:
            return self.submit()  # Enter after typing the PIN
        if isinstance(intent, Back):
            return Pop()
        return super().handle(intent)

    def notice(self) -> str:
        """Under the dots: locked, wait N s, or wrong PIN (the lock outlives the pad, see pinlock)."""
        lock = self.ctx.kiosk.pin_lock
        if lock.locked:
            return self.t("admin.pin_locked", n=max(1, round(lock.wait_s() / 60)))
        if lock.wait_s() > 0:
            return self.t("admin.pin_wait", n=lock.whole_seconds_left())
        return self.t("admin.wrong_pin") if self.failed else ""

    def update(self, dt: float) -> bool:
        shown = self.notice()
        if shown != getattr(self, "_shown", None):
            self._shown = shown
            self.ctx.redraw()  # the countdown changed: draw it
        return super().update(dt)

    def type(self, digit: str) -> None:
        if self.ctx.kiosk.pin_lock.wait_s() > 0:
            return  # nothing typed counts while the pad waits
        if len(self.entered) < 12:
            self.entered += digit
        self.failed = False

    def on_button(self, button_id: str) -> Transition | None:
        key = button_id.split(":", 1)[1]
        if key == "cancel":
            return Pop()
        if key == "ok":
            return self.submit()
        self.type(key)
        return None

    def submit(self) -> Transition | None:
        lock = self.ctx.kiosk.pin_lock
        verdict = lock.check(self.entered, self.ctx.kiosk.admin_pin)
        self.entered = ""
        if verdict == "granted":
            return Swap("admin")
        if verdict == "refused":
            self.failed = True
            wait = f"; the pad waits {lock.whole_seconds_left()} s" if lock.wait_s() > 0 else ""
            log.warning("wrong admin PIN entered (%d in a row%s)", lock.failures, wait)
        return None


class AdminScreen(Screen):
    name = "admin"
    idle_mode: Mode = "reading"
    chrome = False

    def __init__(self, ctx: Context, **_: Any) -> None:
        super().__init__(ctx)
        self.log_lines = ctx.kiosk.log_tail(24)  # read once, not on every frame
        self.exit_armed = -math.inf

    def draw_body(self, canvas: Canvas) -> None:
        theme = canvas.theme
        settings = self.ctx.settings
        canvas.text(self.t("admin.title"), Rect(80, 60, 1760, 80), theme.s("title"), theme.c("text"), "bold")
        h = round(self.target())
        col = Rect(80, 180, 820, h)
        rows = [
            (
                "lang_default",
                self.t("admin.default_language", language=self.words.language_name(settings.default_lang)),
            ),
            ("stats", self.t("admin.stats_on" if settings.stats else "admin.stats_off")),
            ("level", self.t("admin.level", level=self.ctx.level.id)),
            ("facilitator", self.t("admin.facilitator")),
            ("save_visit", self.t("admin.save_visit")),
            ("back", self.t("admin.back")),
            ("exit", self.t(self.exit_label())),
        ]
        # one column when the rows fit (with at least a 3 mm gap), two narrower ones when not
        gap = max(self.ctx.gap(), min(24.0, (theme.height - 40 - col.y - len(rows) * h) / max(1, len(rows) - 1)))
        per_column = max(1, int((theme.height - 40 - col.y + gap) // (h + gap)))
        width = col.w if per_column >= len(rows) else (col.w - 20) // 2
        for i, (bid, label) in enumerate(rows):
            style = "primary" if bid == "back" else "normal"
            x = col.x + (i // per_column) * (width + 20)
            y = round(col.y + (i % per_column) * (h + gap))
            self.add(Button(bid, label, Rect(x, y, width, h), style=style))
        canvas.text(self.t("admin.log"), Rect(980, 180, 860, 50), theme.s("body"), theme.c("muted"), "semibold")
        box = Rect(980, 240, 860, 780)
        canvas.rect(box, theme.c("surface"), radius=16)
        for i, line in enumerate(self.log_lines):
            canvas.text(
                line, Rect(box.x + 20, box.y + 16 + i * 31, box.w - 40, 31), theme.s("min_text"), theme.c("muted")
            )

    def exit_label(self) -> str:
        return "admin.exit_confirm" if self.ctx.now() - self.exit_armed <= EXIT_CONFIRM_S else "admin.exit"

    def update(self, dt: float) -> bool:
        label = self.exit_label()
        if label != getattr(self, "_exit_shown", label):
            self.ctx.redraw()  # the confirmation ran out: show "Exit" again
        self._exit_shown = label
        return super().update(dt)

    def on_back(self) -> Transition | None:
        return Pop()

    def on_button(self, button_id: str) -> Transition | None:
        settings = self.ctx.settings
        if button_id == "back":
            return Pop()
        if button_id == "exit":
            # Two taps within EXIT_CONFIRM_S: the only way the game ends with code 0, the one
            # exit code after which the kiosk supervisor does not restart it.
            now = self.ctx.now()
            if now - self.exit_armed <= EXIT_CONFIRM_S:
                return Quit(0)
            self.exit_armed = now
        elif button_id == "lang_default":
            langs = settings.languages
            settings.default_lang = langs[(langs.index(settings.default_lang) + 1) % len(langs)]
        elif button_id == "stats":
            settings.stats = not settings.stats
        elif button_id == "level":
            return SwitchLevel()
        elif button_id == "facilitator":
            return Push("facilitator")
        elif button_id == "save_visit":
            self.ctx.kiosk.save_visit()
            self.log_lines = self.ctx.kiosk.log_tail(24)  # where it went, or why not
        return None
