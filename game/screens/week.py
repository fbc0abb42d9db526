"""Between scenes: a new week with a whispered folk theory, and the weekly publication."""

from __future__ import annotations

from typing import Any

from game.present.month import publication_view, week_view
from game.screens.common import PhoneScreen
from game.screens.context import Context
from game.screens.transitions import Next, Transition
from game.ui.canvas import Canvas, Rect
from game.ui.widgets import Button
from game.visit import Publication, WeekIntro


class WeekIntroScreen(PhoneScreen):
    """ "Week 2" and what a contact whispers about the score (true, false or unknowable)."""

    name = "week"

    def __init__(self, ctx: Context, beat: WeekIntro, **_: Any) -> None:
        super().__init__(ctx)
        self.beat = beat

    def draw_body(self, canvas: Canvas) -> None:
        theme = canvas.theme
        view = week_view(self.visit, self.words, self.beat)
        self.draw_phone(canvas)
        canvas.paragraph(view.title, Rect(100, 160, 1150, 200), theme.s("title") * 1.3, theme.c("text"), "bold")
        if view.declined_text:
            canvas.paragraph(view.declined_text, Rect(100, 420, 1150, 300), theme.s("heading"), theme.c("text"))
        elif view.whisper is not None:
            bubble = Rect(100, 420, 1150, 380)
            canvas.rect(bubble, theme.c("surface_alt"), radius=36)
            canvas.polygon([(180, 800), (260, 800), (170, 860)], theme.c("surface_alt"))
            canvas.text(view.overheard, Rect(150, 450, 1050, 50), theme.s("body"), theme.c("highlight"), "semibold")
            canvas.paragraph(
                view.whisper.text, Rect(150, 520, 1050, 250), theme.s("heading"), theme.c("text"), "italic"
            )
        h = round(self.target())
        self.add(Button("continue", self.t("common.continue"), Rect(100, 1030 - h, 700, h), style="primary"))

    def on_button(self, button_id: str) -> Transition | None:
        return Next()


class PublicationScreen(PhoneScreen):
    """The week's recomputation, as the app shows it: a number, an arrow, a vague word."""

    name = "publication"

    def __init__(self, ctx: Context, beat: Publication, **_: Any) -> None:
        super().__init__(ctx)
        self.beat = beat
        self.shown = float(beat.before)
        self.ctx.play("chime")

    def update(self, dt: float) -> bool:
        super().update(dt)
        target = float(self.beat.after)
        if self.ctx.settings.reduced_motion or abs(self.shown - target) < 0.5:
            moving = self.shown != target
            self.shown = target
            return moving
        self.shown += (target - self.shown) * min(1.0, dt * 4.0)
        return True

    def draw_body(self, canvas: Canvas) -> None:
        theme = canvas.theme
        view = publication_view(self.visit, self.words, self.beat)
        self.draw_phone(canvas, score=self.shown, delta=view.after - view.before)
        canvas.text(view.title, Rect(100, 180, 1150, 90), theme.s("title"), theme.c("text"), "bold")
        if view.declined:
            canvas.paragraph(view.message, Rect(100, 320, 1150, 200), theme.s("heading"), theme.c("text"))
        else:
            face = "italic" if view.italic else "semibold"
            canvas.paragraph(view.message, Rect(100, 320, 1150, 200), theme.s("title"), theme.c("accent"), face)
            canvas.paragraph(view.assessed, Rect(100, 540, 1150, 120), theme.s("body"), theme.c("muted"))
        y = 680
        for _portrait, line in view.dropped[:3]:
            canvas.paragraph(line, Rect(100, y, 1150, 60), theme.s("body"), theme.c("highlight"))
            y += 64
        h = round(self.target())
        self.add(Button("continue", self.t("common.continue"), Rect(100, 1030 - h, 700, h), style="primary"))

    def on_button(self, button_id: str) -> Transition | None:
        return Next()
