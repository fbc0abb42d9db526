"""A screen with the Halo phone on the right; its frame belongs to the static backdrop."""

from __future__ import annotations

from game.present.phone import phone_view
from game.screens.base import Screen
from game.ui.canvas import Canvas, Rect
from game.ui.phone import draw_phone, draw_phone_dial, draw_phone_feed, phone_frame, phone_look

PHONE_BOX = Rect(1330, 130, 540, 920)
PHONE_SIDE = Rect(1330, 130, 590, 950)  # the phone and the margins to the window's edges: its retained layer
BESIDE = Rect(0, 130, 1330, 950)  # below the toolbar, left of the phone: a screen's own retained layer
FEED_SLIDE_S = 0.4  # a new feed card slides in for this long (it lands at 0.35 s)


class PhoneScreen(Screen):
    backdrop: str | None = "phone"
    moment = 1.0  # a one-off moment as the screen arrives, 0 → 1 (a stamp landing, a door opening)

    def play_moment(self, dt: float, seconds: float) -> bool:
        """Advance the moment over ``seconds``; whether it still moves. Reduced motion shows
        it at once, landed: the same last picture, without the movement."""
        if self.ctx.settings.reduced_motion or self.moment >= 1.0:
            moving = self.moment < 1.0
            self.moment = 1.0
            return moving
        self.moment = min(1.0, self.moment + dt / seconds)
        return True

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
        speaker_face: str | None = None,
    ) -> None:
        """The phone's content, kept painted (a retained layer over its frame, as wide as the
        window's edge: the backdrop is then blitted in whole rows) until what it shows
        changes; drawn as it is while a feed card slides in."""
        view = phone_view(self.visit, self.words, self.ctx.now(), clock, score, delta, speaker, speaker_face)
        reduced = self.ctx.settings.reduced_motion
        with self.quiet(canvas):  # the phone's clock and feed are not the screen's text
            if self.feed_sliding():
                draw_phone(canvas, PHONE_BOX, view, reduced)
            else:

                def paint(c: Canvas) -> None:
                    draw_phone(c, PHONE_BOX, view, reduced)

                canvas.layer(("phone",), PHONE_SIDE, None, paint, version=phone_look(view, canvas.fonts.lang))

    def feed_sliding(self) -> bool:
        """Whether one of the two feed cards shown is still sliding in (never with reduced motion)."""
        if self.ctx.settings.reduced_motion:
            return False
        now = self.ctx.now()
        return any(now - item.born < FEED_SLIDE_S for item in self.visit.feed[-2:])

    def phone_parts(
        self,
        canvas: Canvas,
        *,
        dial: bool = False,
        feed: bool = False,
        clock: str = "",
        score: float | None = None,
        delta: int | None = None,
        speaker: str | None = None,
    ) -> list[Rect]:
        """Redraw only the phone's moving parts (its dial, its feed cards), for ``animate``."""
        view = phone_view(self.visit, self.words, self.ctx.now(), clock, score, delta, speaker)
        rects = []
        if dial:
            rects.append(draw_phone_dial(canvas, PHONE_BOX, view, clear=True))
        if feed:
            rects.append(draw_phone_feed(canvas, PHONE_BOX, view, self.ctx.settings.reduced_motion, clear=True))
        return rects
