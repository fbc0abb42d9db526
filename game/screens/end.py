"""The end of the month: final score, grade A–D, whether the goal was reached, and how near."""

from __future__ import annotations

from game.present.month import end_view
from game.screens.common import PhoneScreen
from game.screens.transitions import Goto, Transition
from game.ui.canvas import Canvas, Rect
from game.ui.widgets import Button


class EndScreen(PhoneScreen):
    name = "end"

    def draw_body(self, canvas: Canvas) -> None:
        theme = canvas.theme
        view = end_view(self.visit, self.words)
        self.draw_phone(canvas)
        canvas.text(view.title, Rect(100, 150, 1150, 90), theme.s("title"), theme.c("text"), "bold")
        if view.grade is None:
            canvas.paragraph(view.meaning, Rect(100, 290, 1150, 260), theme.s("heading"), theme.c("text"))
        else:
            box = Rect(100, 290, 260, 260)
            canvas.rect(box, theme.c("surface_alt"), radius=30)
            canvas.text(view.grade, box, 190, theme.c("highlight"), "bold", "center", "center")
            canvas.text(view.grade_line, Rect(400, 300, 850, 60), theme.s("heading"), theme.c("text"), "semibold")
            canvas.paragraph(view.meaning, Rect(400, 370, 850, 110), theme.s("body"), theme.c("muted"))
            canvas.text(view.score_line, Rect(400, 480, 850, 60), theme.s("body"), theme.c("text"))
        colour = theme.c("good") if view.goal_reached else theme.c("warning")
        canvas.text(view.goal_line, Rect(100, 600, 1150, 60), theme.s("heading"), colour, "bold")
        canvas.paragraph(view.goal_text, Rect(100, 670, 1150, 140), theme.s("heading"), theme.c("text"))
        lines = [line for line in (view.near_miss, view.decided) if line]
        if lines:
            canvas.paragraph(" ".join(lines), Rect(100, 820, 1150, 90), theme.s("body"), theme.c("highlight"))
        h = round(self.target())
        self.add(Button("debrief", self.t("end.see_why"), Rect(100, 1030 - h, 900, h), style="primary"))

    def on_button(self, button_id: str) -> Transition | None:
        return Goto("debrief")
