"""The question after the reveal: knowing this, would you join Halo again?

One question, two big answers, set against the visitor's own consent choice at the
start (a visitor who declined is asked whether they would join *now*). The answer goes
to the visit (:meth:`~game.visit.Visit.answer_join_again`), which the anonymous
statistics keep beside the consent. A thank-you follows (:mod:`game.screens.thanks`),
then the visit ends, as the debrief's Finish did before. Walking away leaves it
unanswered: the idle timer resets the kiosk from here as from any screen that is played.
"""

from __future__ import annotations

import math

from game.kiosk.idle import Mode
from game.screens.base import Screen
from game.screens.transitions import Goto, Transition
from game.ui.canvas import Canvas, Rect
from game.ui.pictures import face
from game.ui.widgets import Button

FACE = 220


class JoinAgainScreen(Screen):
    name = "join_again"
    idle_mode: Mode = "play"

    def draw_body(self, canvas: Canvas) -> None:
        theme = canvas.theme
        declined = self.visit.declined
        persona = next(p for p in self.ctx.level.personas if p.id == self.visit.persona)
        card = Rect(260, 140, 1400, 880)
        canvas.rect(card, theme.c("card"), radius=32)
        inner = card.inflate(-120, -100)
        face(canvas, (inner.x + FACE / 2, inner.y + FACE / 2), FACE, persona.portrait or persona.id, "neutral")
        words = Rect(inner.x + FACE + 48, inner.y, inner.w - FACE - 48, FACE)
        question = self.t("join_again.question_declined" if declined else "join_again.question")
        used = canvas.paragraph(question, words, theme.s("title"), theme.c("card_text"), "bold")
        start = self.t("join_again.start_declined" if declined else "join_again.start_joined")
        below = words.y + math.ceil(used) + 16
        line = math.ceil(canvas.line_height(theme.s("body")) * 1.15)
        start_h = len(canvas.wrap(start, words.w, theme.s("body"))) * line  # whole, at any text size
        canvas.paragraph(start, Rect(words.x, below, words.w, start_h + 4), theme.s("body"), theme.c("card_muted"))
        head = max(FACE, below + start_h - inner.y)  # the note starts under both: they overlapped at larger text
        gap = round(self.ctx.gap())
        h = max(round(self.target()), 200)  # big answers, far above the kiosk's 20 mm
        w = (inner.w - gap) // 2
        y = inner.bottom - h
        canvas.paragraph(
            self.t("join_again.note"),
            Rect(inner.x, inner.y + head + 40, inner.w, y - inner.y - head - 80),
            theme.s("body"),
            theme.c("card_text"),
        )
        self.add(Button("yes", self.t("join_again.yes"), Rect(inner.x, y, w, h), style="primary"))
        self.add(Button("no", self.t("join_again.no"), Rect(inner.x + w + gap, y, w, h), style="primary"))

    def speech(self) -> list[str]:
        """The question, the visitor's own start, and both answers (neither has the focus at first)."""
        declined = self.visit.declined
        return [
            self.t("join_again.question_declined" if declined else "join_again.question"),
            self.t("join_again.start_declined" if declined else "join_again.start_joined"),
            self.t("join_again.note"),
            self.t("join_again.answers", yes=self.t("join_again.yes"), no=self.t("join_again.no")),
        ]

    def default_button(self) -> Button | None:
        """Enter without a focus picks nothing: both answers weigh the same."""
        return None

    def on_button(self, button_id: str) -> Transition | None:
        if button_id in ("yes", "no"):
            self.visit.answer_join_again(button_id == "yes")
            return Goto("thanks")
        return None
