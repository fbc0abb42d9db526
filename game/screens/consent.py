"""Join Halo, or not. Declining is allowed, and honest about what it costs.

Between the promise and the fine print, the doors the score will open or shut: the
level's own door pictures, in a row, still closed.
"""

from __future__ import annotations

import math

from game.screens.base import Screen
from game.screens.transitions import Next, Transition
from game.ui.canvas import Canvas, Rect
from game.ui.pictures import PANEL
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
        used = canvas.paragraph(
            self.p(consent.text), Rect(inner.x, inner.y + 110, inner.w, 220), theme.s("heading"), theme.c("card_text")
        )
        h = round(self.target())
        accept = Rect(inner.x, inner.bottom - 2 * h - 24, inner.w, h)
        # The fine print sits right above the buttons, whole at any text size; the doors
        # take the middle of what is left (they were drawn over by the buttons at larger text).
        fine = self.t("consent.fine_print")
        small = theme.s("small")
        fine_h = math.ceil(
            len(canvas.wrap(fine, inner.w, small, "italic")) * canvas.line_height(small, "italic") * 1.15
        )
        text_bottom = inner.y + 110 + math.ceil(used)
        fine_top = max(text_bottom + 10, accept.y - 24 - fine_h)
        room = fine_top - text_bottom - 24
        if room >= 48:
            row_h = min(84, room)
            self.draw_doors(canvas, Rect(inner.x, text_bottom + 12 + (room - row_h) // 2, inner.w, row_h))
        canvas.paragraph(
            fine, Rect(inner.x, fine_top, inner.w, accept.y - 12 - fine_top), small, theme.c("card_muted"), "italic"
        )
        self.add(Button("accept", self.p(consent.accept), accept, style="primary"))
        self.add(Button("decline", self.p(consent.decline), Rect(inner.x, inner.bottom - h, inner.w, h), style="ghost"))

    def draw_doors(self, canvas: Canvas, row: Rect) -> None:
        """Every door of the level as its object in a disc, each with a small lock."""
        pictures = [door.picture for door in self.ctx.level.doors if door.picture][:9]
        if not pictures:
            return
        step = min(row.w / len(pictures), row.h * 1.5)
        x = row.centerx - step * len(pictures) / 2
        for picture in pictures:
            centre = (x + step / 2, row.centery)
            canvas.circle(centre, row.h / 2, PANEL)
            side = round(row.h * 0.62)
            canvas.thing(picture, Rect(round(centre[0] - side / 2), round(centre[1] - side / 2), side, side))
            lock = round(row.h * 0.34)
            canvas.thing("locked", Rect(round(centre[0] + row.h * 0.2), round(centre[1] + row.h * 0.12), lock, lock))
            x += step

    def on_button(self, button_id: str) -> Transition | None:
        self.visit.consent(button_id == "accept")
        return Next()
