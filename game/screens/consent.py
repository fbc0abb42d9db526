"""Join Halo, or not. Declining is allowed, and honest about what it costs."""

from __future__ import annotations

from game.screens.base import Screen
from game.screens.transitions import Next, Transition
from game.ui.canvas import Canvas, Rect
from game.ui.widgets import Button


class ConsentScreen(Screen):
    name = "consent"

    def draw_body(self, canvas: Canvas) -> None:
        theme = canvas.theme
        consent = self.ctx.level.consent
        card = Rect(360, 150, 1200, 880)
        canvas.rect(card, theme.c("card"), radius=32)
        inner = card.inflate(-120, -100)
        canvas.text(
            self.p(consent.title), Rect(inner.x, inner.y, inner.w, 90), theme.s("title"), theme.c("card_text"), "bold"
        )
        canvas.paragraph(
            self.p(consent.text), Rect(inner.x, inner.y + 110, inner.w, 250), theme.s("heading"), theme.c("card_text")
        )
        canvas.paragraph(
            self.t("consent.fine_print"),
            Rect(inner.x, inner.y + 380, inner.w, 140),
            theme.s("small"),
            theme.c("card_muted"),
            "italic",
        )
        h = round(self.target())
        self.add(
            Button(
                "accept", self.p(consent.accept), Rect(inner.x, inner.bottom - 2 * h - 30, inner.w, h), style="primary"
            )
        )
        self.add(Button("decline", self.p(consent.decline), Rect(inner.x, inner.bottom - h, inner.w, h), style="ghost"))

    def on_button(self, button_id: str) -> Transition | None:
        self.visit.consent(button_id == "accept")
        return Next()
