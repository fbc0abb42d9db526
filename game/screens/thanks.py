"""A thank-you after the last question, for a few seconds, before the attract loop.

Without it the visitor's answer was met by the attract loop at once, as if the kiosk had
not heard it. It gives way by itself after :data:`THANKS_S` (:meth:`Screen.due`), or at
once on a touch anywhere or a key (a touch left over from the answer's own double tap is
dropped, as on every screen). The visit still stands behind it, so it speaks the
visitor's language and shows their persona; the reset to attract (which records the
visit) happens when it ends. The idle timer keeps its rules here as everywhere.
"""

from __future__ import annotations

import math
from typing import Any

from game.input.intents import Activate, Back, Digit, Drag, Intent, Move
from game.screens.base import TAP_SETTLE_S, Screen
from game.screens.context import Context
from game.screens.transitions import Reset, Transition
from game.ui.canvas import Canvas, Rect
from game.ui.pictures import ease, face

THANKS_S = 5.0
"""How long the thank-you stays: read at a glance, short enough for the next visitor."""
SPOKEN_MAX_S = 15.0
"""In audio mode it stays until it has been said, up to this long."""
ARRIVE_S = 0.5  # the card rises into place (at once with reduced motion)
RISE = 60
FACE = 220
SKIPS = (Activate, Move, Back, Digit, Drag)  # a touch or a key; presence alone (Poke) changes nothing


class ThanksScreen(Screen):
    name = "thanks"
    chrome = False  # nothing to choose: any touch goes on

    def __init__(self, ctx: Context, **_: Any) -> None:
        super().__init__(ctx)
        self.shown_at = ctx.now()
        self.moment = 1.0 if ctx.settings.reduced_motion else 0.0

    def update(self, dt: float) -> bool:
        super().update(dt)
        if self.moment >= 1.0:
            return False
        self.moment = min(1.0, self.moment + dt / ARRIVE_S)
        return True

    def due(self) -> Transition | None:
        """Its time is the time it has been shown (``age``, from the loop's ``dt``): a clock
        that jumps (a machine woken from sleep) does not cut it short. In audio mode it is
        heard to its end (at most :data:`SPOKEN_MAX_S`): a visitor who cannot see it is
        not cut off mid-sentence."""
        if self.age < THANKS_S or (self.ctx.speaking() and self.age < SPOKEN_MAX_S):
            return None
        return Reset()

    def handle(self, intent: Intent) -> Transition | None:
        if not isinstance(intent, SKIPS) or self.ctx.now() - self.shown_at < TAP_SETTLE_S:
            return None  # the answer's double tap, or nothing a visitor did on purpose
        return Reset()

    def draw_body(self, canvas: Canvas) -> None:
        theme = canvas.theme
        persona = next(p for p in self.ctx.level.personas if p.id == self.visit.persona)
        rise = round(RISE * (1.0 - ease(self.moment)))
        card = Rect(360, 210 + rise, 1200, 660)
        canvas.rect(card, theme.c("card"), radius=32)
        inner = card.inflate(-120, -100)
        face(canvas, (inner.centerx, inner.y + FACE / 2), FACE, persona.portrait or persona.id, "happy")
        y = inner.y + FACE + 36
        title = Rect(inner.x, y, inner.w, math.ceil(canvas.line_height(theme.s("title")) * 2.3))  # two lines at most
        used = canvas.paragraph(self.t("thanks.title"), title, theme.s("title"), theme.c("card_text"), "bold", "center")
        top = y + math.ceil(used) + 16
        body = Rect(inner.x, top, inner.w, max(0, inner.bottom + 20 - top))
        canvas.paragraph(self.t("thanks.body"), body, theme.s("body"), theme.c("card_muted"), align="center")

    def speech(self) -> list[str]:
        return [self.t("thanks.title"), self.t("thanks.body")]
