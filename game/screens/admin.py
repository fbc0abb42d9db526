"""The technician's corner: a PIN pad, then exit, level, default language, statistics, log."""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING

from game.i18n import LANGUAGE_NAMES
from game.input.intents import Activate, Back, Digit, Intent
from game.screens.base import Screen
from game.ui.canvas import Canvas, Rect
from game.ui.widgets import Button, overlay_panel

if TYPE_CHECKING:
    from game.app import App

log = logging.getLogger("open_sesame")


class PinScreen(Screen):
    """A PIN pad over the current screen. In window mode (no PIN set) it opens at once."""

    name = "pin"
    overlay = True
    chrome = False

    idle_mode = "play"  # a half-typed PIN left alone times out like any screen

    def __init__(self, app: App) -> None:
        super().__init__(app)
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
        if self.failed:
            canvas.text(
                self.t("admin.wrong_pin"),
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

    def handle(self, intent: Intent) -> None:
        if isinstance(intent, Digit):
            self.type(intent.value)
        elif isinstance(intent, Activate) and intent.pos is None and self.entered:
            self.submit()  # Enter after typing the PIN
        elif isinstance(intent, Back):
            self.app.pop()
        else:
            super().handle(intent)

    def type(self, digit: str) -> None:
        if len(self.entered) < 12:
            self.entered += digit
        self.failed = False

    def on_button(self, button_id: str) -> None:
        key = button_id.split(":", 1)[1]
        if key == "cancel":
            self.app.pop()
        elif key == "ok":
            self.submit()
        else:
            self.type(key)

    def submit(self) -> None:
        if self.entered == self.app.admin_pin:
            self.app.pop()
            self.app.push(AdminScreen(self.app))
        else:
            self.failed = True
            self.entered = ""
            log.warning("wrong admin PIN entered")


class AdminScreen(Screen):
    name = "admin"
    idle_mode = "reading"
    chrome = False

    def __init__(self, app: App) -> None:
        super().__init__(app)
        self.log_lines = app.log_tail(24)  # read once, not on every frame

    def draw_body(self, canvas: Canvas) -> None:
        theme = canvas.theme
        settings = self.app.settings
        canvas.text(self.t("admin.title"), Rect(80, 60, 1760, 80), theme.s("title"), theme.c("text"), "bold")
        h = round(self.target())
        col = Rect(80, 180, 820, h)
        rows = [
            ("lang_default", self.t("admin.default_language", language=LANGUAGE_NAMES.get(settings.default_lang, ""))),
            ("stats", self.t("admin.stats_on" if settings.stats else "admin.stats_off")),
            ("level", self.t("admin.level", level=self.app.level.id)),
            ("facilitator", self.t("admin.facilitator")),
            ("back", self.t("admin.back")),
            ("exit", self.t("admin.exit")),
        ]
        for i, (bid, label) in enumerate(rows):
            style = "primary" if bid == "back" else "normal"
            self.add(Button(bid, label, Rect(col.x, col.y + i * (h + 24), col.w, h), style=style))
        canvas.text(self.t("admin.log"), Rect(980, 180, 860, 50), theme.s("body"), theme.c("muted"), "semibold")
        box = Rect(980, 240, 860, 780)
        canvas.rect(box, theme.c("surface"), radius=16)
        for i, line in enumerate(self.log_lines):
            canvas.text(
                line, Rect(box.x + 20, box.y + 16 + i * 31, box.w - 40, 31), theme.s("min_text"), theme.c("muted")
            )

    def on_back(self) -> None:
        self.app.pop()

    def on_button(self, button_id: str) -> None:
        settings = self.app.settings
        if button_id == "back":
            self.app.pop()
        elif button_id == "exit":
            self.app.running = False
            self.app.exit_code = 0
        elif button_id == "lang_default":
            langs = settings.languages
            settings.default_lang = langs[(langs.index(settings.default_lang) + 1) % len(langs)]
        elif button_id == "stats":
            settings.stats = not settings.stats
        elif button_id == "level":
            self.app.next_level()
        elif button_id == "facilitator":
            self.app.open_facilitator()
