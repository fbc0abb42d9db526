"""The end of the month: final score, grade A–D, and whether the goal was reached."""

from __future__ import annotations

from game.screens.common import PhoneScreen
from game.ui.canvas import Canvas, Rect
from game.ui.widgets import Button


class EndScreen(PhoneScreen):
    name = "end"

    def draw_body(self, canvas: Canvas) -> None:
        theme = canvas.theme
        session = self.app.flow.session
        assert session is not None
        outcome = session.outcome()
        persona = session.ix.personas[session.state.persona]
        self.draw_phone(canvas)
        canvas.text(self.t("end.title"), Rect(100, 150, 1150, 90), theme.s("title"), theme.c("text"), "bold")
        if outcome.declined:
            canvas.paragraph(
                self.p(self.app.level.consent.declined_end),
                Rect(100, 290, 1150, 260),
                theme.s("heading"),
                theme.c("text"),
            )
        else:
            grade = next(g for g in self.app.level.grades if g.id == outcome.grade)
            box = Rect(100, 290, 260, 260)
            canvas.rect(box, theme.c("surface_alt"), radius=30)
            canvas.text(grade.id, box, 190, theme.c("highlight"), "bold", "center", "center")
            canvas.text(
                self.t("end.grade", grade=grade.id),
                Rect(400, 300, 850, 60),
                theme.s("heading"),
                theme.c("text"),
                "semibold",
            )
            canvas.paragraph(self.p(grade.meaning), Rect(400, 370, 850, 110), theme.s("body"), theme.c("muted"))
            canvas.text(
                self.t("end.score", score=outcome.final_score),
                Rect(400, 480, 850, 60),
                theme.s("body"),
                theme.c("text"),
            )
        goal_key = "end.goal_reached" if outcome.goal_reached else "end.goal_missed"
        canvas.text(
            self.t(goal_key),
            Rect(100, 600, 1150, 60),
            theme.s("heading"),
            theme.c("good") if outcome.goal_reached else theme.c("warning"),
            "bold",
        )
        text = persona.goal.reached if outcome.goal_reached else persona.goal.missed
        canvas.paragraph(self.p(text), Rect(100, 670, 1150, 180), theme.s("heading"), theme.c("text"))
        h = round(self.target())
        self.add(Button("debrief", self.t("end.see_why"), Rect(100, 1030 - h, 900, h), style="primary"))

    def on_button(self, button_id: str) -> None:
        from game.screens.debrief import open_debrief

        open_debrief(self.app)
