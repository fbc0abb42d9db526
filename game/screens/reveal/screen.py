"""The guided reveal: four steps, about two minutes, then everything behind one button.

1. the mirror lifts (a guess, then the month's chart and its biggest hidden causes),
2. who paid (the faces the month moved), 3. not your fault (the corrected measure in one
sentence and one picture), 4. what if (the decisive choice, found for the visitor).
"See everything" opens the full explorer at any step. The kiosk level opens the debrief
here; a workshop level opens the explorer (see :mod:`game.debrief.opening`).

Every control is a button in one row, so six keys (arrows, select, repeat) play it.
"""

from __future__ import annotations

import math
from typing import Any

from game.kiosk.idle import Mode
from game.screens.base import Screen
from game.screens.context import Context
from game.screens.reveal.mirror import MirrorStep
from game.screens.reveal.paid import PaidStep
from game.screens.reveal.step import RevealStep
from game.screens.reveal.verdict import VerdictStep
from game.screens.reveal.whatif import WhatIfStep
from game.screens.transitions import Goto, Transition, after_reveal
from game.ui.canvas import Canvas, Rect
from game.ui.widgets import Button

MARGIN = 80
DOT = 18


class RevealScreen(Screen):
    name = "reveal"
    idle_mode: Mode = "reading"

    def __init__(self, ctx: Context, step: int = 0, **_: Any) -> None:
        super().__init__(ctx)
        self.steps: list[RevealStep] = [MirrorStep(self), PaidStep(self), VerdictStep(self), WhatIfStep(self)]
        self.index = max(0, min(len(self.steps) - 1, step))

    @property
    def step(self) -> RevealStep:
        return self.steps[self.index]

    def texts(self) -> list[str]:
        """Every word on screen now: the step's, and the bar's."""
        return [*self.step.texts(), *self.bar_labels()]

    def speech(self) -> list[str]:
        """The step's words in reading order, its buttons left to the focus."""
        labels = {b.label for b in self.buttons}
        return [text for text in self.step.texts() if text not in labels]

    def bar_labels(self) -> list[str]:
        last = self.index == len(self.steps) - 1
        labels = [self.t("reveal.everything"), self.t("reveal.finish" if last else "reveal.next")]
        return ([self.t("reveal.back")] if self.index else []) + labels

    # -- frame ------------------------------------------------------------------------------
    def update(self, dt: float) -> bool:
        super().update(dt)
        self.step.tick(self.age)
        return self.step.moving(self.age)

    def draw_body(self, canvas: Canvas) -> None:
        theme = canvas.theme
        h = round(self.target())
        top = 16 + round(min(self.ctx.min_target(), 100)) + 14
        width = theme.width - 2 * MARGIN
        title_h = math.ceil(canvas.line_height(theme.s("title"), "bold"))
        dots_w = len(self.steps) * DOT * 3
        canvas.text(
            self.step.title(),
            Rect(MARGIN, top, width - dots_w - 40, title_h),
            theme.s("title"),
            theme.c("text"),
            "bold",
        )
        self.draw_dots(canvas, Rect(MARGIN + width - dots_w, top, dots_w, title_h))
        bar = Rect(MARGIN, theme.height - 16 - h, width, h)
        area = Rect(MARGIN, top + title_h + 28, width, bar.y - 32 - top - title_h - 28)
        self.step.draw(canvas, area, self.age)
        self.draw_bar(canvas, bar)
        for button in self.buttons:
            button.on_background = button.id in ("back", "next", "everything")

    def draw_dots(self, canvas: Canvas, box: Rect) -> None:
        """Where the visitor is: one dot a step, the current one filled."""
        theme = canvas.theme
        for i in range(len(self.steps)):
            centre = (box.x + DOT * 1.5 + i * DOT * 3, box.centery)
            if i == self.index:
                canvas.circle(centre, DOT, theme.c("highlight"))
            else:
                canvas.circle(centre, DOT, theme.c("muted"), width=3)

    def draw_bar(self, canvas: Canvas, bar: Rect) -> None:
        theme = canvas.theme

        def width(label: str) -> int:
            return max(260, round(canvas.measure(label, theme.s("button"), "semibold")[0]) + 80)

        if self.index:
            back = "← " + self.t("reveal.back")
            self.add(Button("back", back, Rect(bar.x, bar.y, width(back), bar.h)))
        everything = self.t("reveal.everything")
        w = width(everything)
        self.add(Button("everything", everything, Rect(bar.centerx - w // 2, bar.y, w, bar.h), style="ghost"))
        last = self.index == len(self.steps) - 1
        label = self.t("reveal.finish") if last else self.t("reveal.next") + " →"
        w = width(label)
        self.add(Button("next", label, Rect(bar.right - w, bar.y, w, bar.h), style="primary"))

    def button_size_for(self, canvas: Canvas) -> float:
        """The text size buttons are drawn at (the theme's, larger with larger text)."""
        return canvas.theme.s("button")

    # -- acting -----------------------------------------------------------------------------
    def go(self, index: int) -> None:
        self.index = max(0, min(len(self.steps) - 1, index))
        self.focus = None

    def on_button(self, button_id: str) -> Transition | None:
        if button_id.startswith("step:"):
            self.step.on_button(button_id.removeprefix("step:"))
            return None
        if button_id == "back":
            self.go(self.index - 1)
        elif button_id == "everything":
            return Goto("debrief", {"panel": "month"})
        elif button_id == "next":
            mirror = self.steps[0]
            if self.index == 0 and isinstance(mirror, MirrorStep) and not mirror.revealed:
                mirror.reveal(None)  # Next before guessing: show the month first, then move on
            elif self.index == len(self.steps) - 1:
                return after_reveal()  # the question after the reveal, then the visit ends
            else:
                self.go(self.index + 1)
        return None

    def on_back(self) -> Transition | None:
        self.go(self.index - 1)
        return None
