"""Between scenes: a new week with a whispered folk theory, and the weekly publication."""

from __future__ import annotations

import math
from typing import Any

from game.present.month import PublicationView, publication_view, week_view
from game.screens.common import BESIDE, PhoneScreen
from game.screens.context import Context
from game.screens.transitions import Next, Transition
from game.ui.canvas import Canvas, Rect
from game.ui.dial import dial_block
from game.ui.pictures import face as face_of
from game.ui.widgets import Button
from game.visit import Publication, WeekIntro

DIAL = Rect(100, 290, 540, 400)


class WeekIntroScreen(PhoneScreen):
    """ "Week 2" and what a contact whispers about the score (true, false or unknowable)."""

    name = "week"

    def __init__(self, ctx: Context, beat: WeekIntro, **_: Any) -> None:
        super().__init__(ctx)
        self.beat = beat

    def draw_body(self, canvas: Canvas) -> None:
        theme = canvas.theme
        view = week_view(self.visit, self.words, self.beat)
        self.draw_phone(canvas)
        canvas.paragraph(view.title, Rect(100, 160, 1150, 200), theme.s("title") * 1.3, theme.c("text"), "bold")
        if view.declined_text:
            canvas.paragraph(view.declined_text, Rect(100, 420, 1150, 300), theme.s("heading"), theme.c("text"))
        elif view.whisper is not None:  # the one who whispers, and their words in a bubble
            bubble = Rect(300, 380, 950, 400)
            canvas.rect(bubble, theme.c("surface_alt"), radius=36)
            canvas.polygon([(300, 600), (300, 680), (240, 700)], theme.c("surface_alt"))
            face_of(canvas, (170, 700), 150, view.whisper.portrait, "neutral")
            canvas.text(view.overheard, Rect(350, 410, 850, 50), theme.s("body"), theme.c("highlight"), "semibold")
            canvas.paragraph(view.whisper.text, Rect(350, 480, 850, 270), theme.s("heading"), theme.c("text"), "italic")
        h = round(self.target())
        self.add(Button("continue", self.t("common.continue"), Rect(100, 1030 - h, 700, h), style="primary"))

    def speech(self) -> list[str]:
        view = week_view(self.visit, self.words, self.beat)
        if view.declined_text or view.whisper is None:
            return [view.title, view.declined_text]
        return [view.title, view.overheard, view.whisper.text]

    def on_button(self, button_id: str) -> Transition | None:
        return Next()


class PublicationScreen(PhoneScreen):
    """The week's recomputation as a moment: the old score counts to the new one, the dial
    moves, the band's name changes as it crosses, and the arrow appears when it lands.

    Reduced motion shows the landed frame at once: the same numbers, band, arrow and words.
    """

    name = "publication"

    def __init__(self, ctx: Context, beat: Publication, **_: Any) -> None:
        super().__init__(ctx)
        self.beat = beat
        self.shown = float(beat.before)
        self.landed = False
        self.landing_drawn = False  # the landing frame is drawn whole, once; then only the feed may move
        if ctx.settings.reduced_motion or beat.before == beat.after:
            self.land()

    def land(self) -> None:
        """The count has arrived: the arrow shows, and its cue sounds (never the only sign)."""
        self.shown, self.landed = float(self.beat.after), True
        change = self.beat.after - self.beat.before
        self.ctx.play("up" if change > 0 else "down" if change < 0 else "chime")

    def update(self, dt: float) -> bool:
        super().update(dt)
        if self.landed:  # a small change lands before the week's feed card has slid in
            return self.feed_sliding()
        target = float(self.beat.after)
        if self.ctx.settings.reduced_motion or abs(self.shown - target) < 0.5:
            self.land()
            return True
        step = (target - self.shown) * min(1.0, dt * 3.0)
        self.shown += step if abs(step) >= 0.25 else math.copysign(0.25, step)
        return True

    def draw_body(self, canvas: Canvas) -> None:
        view = publication_view(self.visit, self.words, self.beat)
        delta = view.after - view.before if self.landed else 0
        self.landing_drawn = self.landed
        self.draw_phone(canvas, score=self.shown, delta=delta)
        version = (view, self.shown, delta, self.target())
        self.retained(canvas, "publication", BESIDE, version, lambda c: self.draw_week_end(c, view, delta))

    def draw_week_end(self, canvas: Canvas, view: PublicationView, delta: int) -> None:
        """The title, the dial, Halo's words and who left, beside the phone."""
        theme = canvas.theme
        canvas.text(view.title, Rect(100, 160, 1150, 90), theme.s("title"), theme.c("text"), "bold")
        h = round(self.target())
        if view.declined:
            canvas.paragraph(view.message, Rect(100, 320, 1150, 200), theme.s("heading"), theme.c("text"))
        else:
            self.draw_dial(canvas, view, delta)
            face = "italic" if view.italic else "semibold"
            used = canvas.paragraph(view.message, Rect(720, 290, 530, 290), theme.s("title"), theme.c("accent"), face)
            below = max(560, 290 + math.ceil(used) + 24)  # larger text: the vague word takes more lines
            canvas.paragraph(view.assessed, Rect(720, below, 530, 730 - below), theme.s("body"), theme.c("muted"))
        self.draw_dropped(canvas, view.dropped, Rect(100, 740, 1150, 1030 - h - 20 - 740))
        self.add(Button("continue", self.t("common.continue"), Rect(100, 1030 - h, 700, h), style="primary"))

    def speech(self) -> list[str]:
        """The week's end: the dial said as a sentence (the new score, its change, the band)."""
        view = publication_view(self.visit, self.words, self.beat)
        if view.declined:
            return [view.title, view.message]
        change = view.after - view.before
        moved = (
            self.t("speech.up", n=change)
            if change > 0
            else self.t("speech.down", n=-change)
            if change < 0
            else self.t("speech.same")
        )
        score = self.t("speech.score", score=view.after, change=moved, band=view.band(view.after))
        return [view.title, score, view.message, view.assessed, *(line for _, line in view.dropped)]

    def draw_dial(self, canvas: Canvas, view: PublicationView, delta: int) -> Rect:
        theme = canvas.theme
        panel = DIAL.inflate(40, 30)
        canvas.rect(panel, theme.c("surface_alt"), radius=36)
        dial_block(
            canvas,
            DIAL.inflate(-20, -40),
            self.shown,
            view.lo,
            view.hi,
            view.band(self.shown),
            delta,
            theme.c("text"),
            theme.c("muted"),
            score_size=110,
        )
        return panel

    def animate(self, canvas: Canvas) -> list[Rect] | None:
        """While the count runs only the two dials move: redraw them, not the screen. The
        landing frame (the arrow, the change) is a whole redraw; after it, a feed card still
        sliding in redraws alone."""
        view = publication_view(self.visit, self.words, self.beat)
        if view.declined or (self.landed and not self.landing_drawn):
            return None
        if self.landed:
            return self.phone_parts(canvas, feed=True, score=self.shown, delta=view.after - view.before)
        canvas.rect(DIAL.inflate(40, 30), canvas.theme.c("background"))  # under the panel's round corners
        panel = self.draw_dial(canvas, view, 0)
        feed = self.feed_sliding()
        return [panel, *self.phone_parts(canvas, dial=True, feed=feed, score=self.shown, delta=0)]

    def draw_dropped(self, canvas: Canvas, dropped: tuple[tuple[str, str], ...], area: Rect) -> None:
        """Who left you this week, their faces cold: as many as fit whole."""
        side, step = 72, 84
        rows = max(0, min(len(dropped), (area.h + step - side) // step))
        for i, (portrait, line) in enumerate(dropped[:rows]):
            y = area.y + i * step
            face_of(canvas, (area.x + side / 2, y + side / 2), side, portrait, "cold")
            words = Rect(area.x + side + 20, y, area.w - side - 20, side)
            canvas.paragraph(line, words, canvas.theme.s("body"), canvas.theme.c("highlight"), valign="center")

    def on_button(self, button_id: str) -> Transition | None:
        return Next()
