"""Who you are: each persona's life, goal and the data the system already holds on them."""

from __future__ import annotations

from game.screens.base import Screen
from game.ui.canvas import Canvas, Rect
from game.ui.widgets import Button


class PersonaScreen(Screen):
    name = "persona"

    def draw_body(self, canvas: Canvas) -> None:
        theme = canvas.theme
        self.header(canvas, self.t("persona.title"), self.t("persona.subtitle"))
        personas = self.app.level.personas
        n = len(personas)
        gap = 40
        width = (1760 - gap * (n - 1)) // n
        for i, persona in enumerate(personas):
            card = Rect(80 + i * (width + gap), 330, width, 700)
            canvas.rect(card, theme.c("card"), radius=28)
            inner = card.inflate(-56, -56)
            canvas.text(
                self.p(persona.name),
                Rect(inner.x, inner.y, inner.w, 60),
                theme.s("heading"),
                theme.c("card_text"),
                "bold",
            )
            canvas.paragraph(
                self.p(persona.description),
                Rect(inner.x, inner.y + 72, inner.w, 150),
                theme.s("body"),
                theme.c("card_muted"),
            )
            canvas.text(
                self.t("persona.goal"),
                Rect(inner.x, inner.y + 236, inner.w, 40),
                theme.s("small"),
                theme.c("card_muted"),
                "semibold",
            )
            canvas.paragraph(
                self.p(persona.goal.text),
                Rect(inner.x, inner.y + 276, inner.w, 120),
                theme.s("body"),
                theme.c("card_text"),
                "semibold",
            )
            canvas.text(
                self.t("persona.known"),
                Rect(inner.x, inner.y + 410, inner.w, 40),
                theme.s("small"),
                theme.c("card_muted"),
                "semibold",
            )
            facts = " · ".join(self.p(d.label) for d in persona.data)
            canvas.paragraph(
                facts,
                Rect(inner.x, inner.y + 450, inner.w, inner.bottom - inner.y - 450),
                theme.s("small"),
                theme.c("card_text"),
            )
            self.add(Button(f"persona:{persona.id}", self.p(persona.name), card, style="card"))

    def on_button(self, button_id: str) -> None:
        from game.screens.consent import ConsentScreen

        self.app.flow.start(button_id.split(":", 1)[1])
        self.app.goto(ConsentScreen(self.app))
