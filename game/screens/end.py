"""The end of the month: the visitor's face beside what their goal opens — unlocked, or
stamped shut — then the grade, the final score, how near they came and what weighed most.

The goal's object plays its moment once (the lock opening or the stamp landing);
reduced motion shows it landed.
"""

from __future__ import annotations

from typing import Any

from game.present.month import EndView, end_view
from game.screens.common import PhoneScreen
from game.screens.context import Context
from game.screens.transitions import Goto, Transition
from game.ui.canvas import Canvas, Rect
from game.ui.pictures import door_picture, ease, face
from game.ui.widgets import Button

MOMENT_S = 0.9
SIDE = 280  # the face and the goal's object


class EndScreen(PhoneScreen):
    name = "end"

    def __init__(self, ctx: Context, **_: Any) -> None:
        super().__init__(ctx)
        self.moment = 1.0 if ctx.settings.reduced_motion else 0.0
        self.played = False

    def update(self, dt: float) -> bool:
        super().update(dt)
        if not self.played:  # the cue once, as the screen arrives
            self.played = True
            reached = self.visit.session.outcome().goal_reached
            self.ctx.play("granted" if reached else "refuse")
        return self.play_moment(dt, MOMENT_S)

    def draw_body(self, canvas: Canvas) -> None:
        theme = canvas.theme
        view = end_view(self.visit, self.words)
        self.draw_phone(canvas)
        canvas.text(view.title, Rect(100, 150, 1150, 90), theme.s("title"), theme.c("text"), "bold")
        self.draw_goal(canvas, view, 270)
        self.draw_grade(canvas, view, 600)
        lines = [line for line in (view.near_miss, view.decided) if line]
        h = round(self.target())
        if lines:
            box = Rect(100, 800, 1150, 1030 - h - 24 - 800)
            canvas.paragraph(" ".join(lines), box, theme.s("body"), theme.c("highlight"))
        self.add(Button("debrief", self.t("end.see_why"), Rect(100, 1030 - h, 900, h), style="primary"))

    def draw_goal(self, canvas: Canvas, view: EndView, y: int) -> None:
        theme = canvas.theme
        colour = theme.c("good") if view.goal_reached else theme.c("warning")
        face(canvas, (100 + SIDE / 2, y + SIDE / 2), SIDE, view.portrait, view.mood, ring=colour)
        thing = Rect(100 + SIDE + 30, y, SIDE, SIDE)
        progress = 1.0 if self.ctx.settings.reduced_motion else ease(self.moment)
        outcome = "grant" if view.goal_reached else "refuse"
        door_picture(canvas, thing, view.goal_picture, outcome, progress, view.stamp)
        words = Rect(thing.right + 40, y, 1250 - thing.right - 40, SIDE)
        title_h = round(canvas.line_height(theme.s("heading"), "bold") * 1.25)
        canvas.text(view.goal_line, Rect(words.x, words.y, words.w, title_h), theme.s("heading"), colour, "bold")
        text = Rect(words.x, words.y + title_h + 8, words.w, words.h - title_h - 8)
        canvas.paragraph(view.goal_text, text, theme.s("body"), theme.c("text"))

    def draw_grade(self, canvas: Canvas, view: EndView, y: int) -> None:
        theme = canvas.theme
        if view.grade is None:  # a month without Halo has no grade: what it held instead
            canvas.paragraph(view.meaning, Rect(100, y, 1150, 170), theme.s("body"), theme.c("text"))
            return
        box = Rect(100, y, 170, 170)
        canvas.rect(box, theme.c("surface_alt"), radius=26)
        canvas.text(view.grade, box, 130, theme.c("highlight"), "bold", "center", "center")
        canvas.text(view.grade_line, Rect(300, y + 6, 950, 56), theme.s("heading"), theme.c("text"), "semibold")
        canvas.paragraph(view.meaning, Rect(300, y + 66, 950, 50), theme.s("body"), theme.c("muted"))
        canvas.text(view.score_line, Rect(300, y + 120, 950, 50), theme.s("body"), theme.c("text"))

    def speech(self) -> list[str]:
        view = end_view(self.visit, self.words)
        grade = [view.grade_line, view.meaning, view.score_line] if view.grade is not None else [view.meaning]
        return [view.title, view.goal_line, view.goal_text, *grade, view.near_miss, view.decided]

    def on_button(self, button_id: str) -> Transition | None:
        return Goto("reveal" if self.ctx.debrief_opening() == "reveal" else "debrief")
