"""The blacklist arrives: the visitor's face, shocked, and a stamp that lands on it.

It is an event of its own between scenes (the ``Blacklisted`` beat), not a line in a
paragraph; reduced motion shows the same stamp, already landed.
"""

from __future__ import annotations

from typing import Any

from game.present.month import blacklist_view
from game.screens.common import PhoneScreen
from game.screens.context import Context
from game.screens.transitions import Next, Transition
from game.ui.canvas import Canvas, Rect
from game.ui.pictures import ease, face, stamp
from game.ui.widgets import Button
from game.visit import Blacklisted

MOMENT_S = 0.9
FACE = Rect(100, 300, 520, 520)


class BlacklistScreen(PhoneScreen):
    name = "blacklist"

    def __init__(self, ctx: Context, beat: Blacklisted, **_: Any) -> None:
        super().__init__(ctx)
        self.beat = beat
        self.moment = 1.0 if ctx.settings.reduced_motion else 0.0
        ctx.play("blacklist")

    def update(self, dt: float) -> bool:
        super().update(dt)
        return self.play_moment(dt, MOMENT_S)

    def draw_body(self, canvas: Canvas) -> None:
        theme = canvas.theme
        view = blacklist_view(self.visit, self.words)
        self.draw_phone(canvas)
        canvas.paragraph(view.title, Rect(100, 160, 1150, 110), theme.s("title"), theme.c("text"), "bold")
        face(canvas, FACE.center, FACE.w, view.portrait, "shocked", ring=theme.c("bad"))
        stamp(canvas, Rect(FACE.x - 40, FACE.bottom - 150, FACE.w + 80, 130), view.stamp, ease(self.moment))
        canvas.paragraph(view.body, Rect(700, 320, 550, 480), theme.s("heading"), theme.c("text"))
        h = round(self.target())
        self.add(Button("continue", self.t("common.continue"), Rect(100, 1030 - h, 700, h), style="primary"))

    def speech(self) -> list[str]:
        view = blacklist_view(self.visit, self.words)
        return [view.title, view.stamp, view.body]

    def on_button(self, button_id: str) -> Transition | None:
        return Next()
