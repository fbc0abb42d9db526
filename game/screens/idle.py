"""The idle warning: a visible countdown that any touch cancels (WCAG 2.2.1: at least 20 s)."""

from __future__ import annotations

from typing import Any

from game.input.intents import Intent
from game.screens.base import Screen
from game.screens.context import Context
from game.screens.transitions import Pop, Transition
from game.ui.canvas import Canvas, Rect
from game.ui.widgets import Button, overlay_panel


class IdleWarningScreen(Screen):
    name = "idle"
    overlay = True
    chrome = False

    def __init__(self, ctx: Context, seconds: int = 20, **_: Any) -> None:
        super().__init__(ctx)
        self.seconds = seconds
        self.first_seconds = seconds  # said once: a countdown said every second would never end

    def draw_body(self, canvas: Canvas) -> None:
        theme = canvas.theme
        panel = Rect(460, 260, 1000, 560)
        overlay_panel(canvas, panel, self.t("idle.title"), theme.s("title"), pad=60)
        canvas.text(
            str(self.seconds),
            Rect(panel.x + 60, panel.y + 150, panel.w - 120, 160),
            150,
            theme.c("highlight"),
            "bold",
            "center",
            "center",
        )
        canvas.paragraph(
            self.t("idle.body", n=self.seconds),
            Rect(panel.x + 60, panel.y + 320, panel.w - 120, 100),
            theme.s("body"),
            theme.c("muted"),
            align="center",
        )
        h = round(self.target())
        self.add(
            Button(
                "stay",
                self.t("idle.stay"),
                Rect(panel.x + 150, panel.bottom - h - 40, panel.w - 300, h),
                style="primary",
            )
        )

    def speech(self) -> list[str]:
        return [self.t("idle.title"), self.t("idle.body", n=self.first_seconds)]

    def handle(self, intent: Intent) -> Transition | None:
        """Any input at all keeps the visitor's session (the app already reset the timer)."""
        return Pop()
