"""A screen with the Halo phone on the right; its frame belongs to the static backdrop."""

from __future__ import annotations

from game.present.phone import phone_view
from game.screens.base import Screen
from game.ui.canvas import Canvas, Rect
from game.ui.phone import draw_phone, phone_frame

PHONE_BOX = Rect(1330, 130, 540, 920)


class PhoneScreen(Screen):
    backdrop: str | None = "phone"

    def paint_backdrop(self, canvas: Canvas) -> None:
        super().paint_backdrop(canvas)
        phone_frame(canvas, PHONE_BOX)

    def draw_phone(
        self,
        canvas: Canvas,
        clock: str = "",
        score: float | None = None,
        delta: int | None = None,
        speaker: str | None = None,
    ) -> None:
        view = phone_view(self.visit, self.words, self.ctx.now(), clock, score, delta, speaker)
        with self.quiet(canvas):  # the phone's clock and feed are not the screen's text
            draw_phone(canvas, PHONE_BOX, view, self.ctx.settings.reduced_motion)
