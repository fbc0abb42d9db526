"""The attract loop: the Halo dial breathing, one promise, touch anywhere to start."""

from __future__ import annotations

import math
from typing import Any

from game.screens.base import Screen
from game.screens.context import Context
from game.screens.transitions import Goto, Push, Transition
from game.ui.canvas import Canvas, Rect
from game.ui.dial import dial_block
from game.ui.widgets import Button

DIAL_BOX = Rect(1060, 250, 760, 560)


class AttractScreen(Screen):
    name = "attract"
    idle_mode = "attract"
    chrome = False
    fps = 10

    def __init__(self, ctx: Context, **_: Any) -> None:
        super().__init__(ctx)
        self.phase = 0.0

    def dial_range(self) -> tuple[int, int]:
        """The level's score range, or the theme's until the level has loaded."""
        level = self.ctx.loaded_level
        if level is not None:
            return level.score.min, level.score.max
        return int(self.ctx.theme.s("attract_dial_min")), int(self.ctx.theme.s("attract_dial_max"))

    def breathing_score(self) -> float:
        lo, hi = self.dial_range()
        return lo + (hi - lo) * (0.5 + 0.32 * math.sin(self.phase))

    def draw_body(self, canvas: Canvas) -> None:
        theme = canvas.theme
        canvas.text("Halo", Rect(120, 110, 800, 120), 110, theme.c("accent"), "bold")
        canvas.paragraph(
            self.t("attract.slogan"), Rect(120, 270, 860, 260), theme.s("title"), theme.c("text"), "semibold"
        )
        canvas.paragraph(self.t("attract.pitch"), Rect(120, 560, 860, 200), theme.s("body"), theme.c("muted"))
        self.draw_dial(canvas)
        h = self.target()
        canvas.text(
            self.t("attract.touch"), Rect(120, 800, 1680, 60), theme.s("heading"), theme.c("highlight"), "semibold"
        )
        x = 120
        for lang in self.ctx.settings.languages:
            label = self.words.language_name(lang)
            w = max(260, canvas.measure(label, theme.s("button"), "semibold")[0] + 80)
            style = "primary" if lang == self.lang else "chip"
            self.add(Button(f"lang:{lang}", label, Rect(x, 900, round(w), round(h)), style=style))
            x += round(w) + 40
        level = self.ctx.loaded_level
        if level is not None and level.mode == "workshop":
            label = self.t("attract.facilitator")
            w = canvas.measure(label, theme.s("button"), "semibold")[0] + 80
            self.add(Button("facilitator", label, Rect(round(1800 - w), 900, round(w), round(h)), style="ghost"))

    def draw_dial(self, canvas: Canvas) -> None:
        theme = self.ctx.theme
        lo, hi = self.dial_range()
        score = self.breathing_score()
        level = self.ctx.loaded_level
        band = ""
        if level is not None:
            band = self.p(next((b for b in level.bands if score >= b.min), level.bands[-1]).name)
        canvas.rect(DIAL_BOX, theme.c("background"))
        dial_block(canvas, DIAL_BOX, score, lo, hi, band, None, theme.c("text"), theme.c("surface_alt"))

    def update(self, dt: float) -> bool:
        super().update(dt)
        if self.ctx.settings.reduced_motion:
            return False
        self.phase += dt * 0.9
        return True

    def animate(self, canvas: Canvas) -> list[Rect] | None:
        self.draw_dial(canvas)
        return [DIAL_BOX]

    def on_button(self, button_id: str) -> Transition | None:
        if button_id == "facilitator":
            return Push("facilitator")
        if button_id.startswith("lang:"):
            self.ctx.settings.lang = button_id.split(":", 1)[1]
        return Goto("persona")

    def on_empty_touch(self) -> Transition | None:
        return Goto("persona")
