"""Between scenes: a new week with a whispered folk theory, and the weekly publication."""

from __future__ import annotations

from game.screens.common import PhoneScreen
from game.screens.flow import Publication, WeekIntro
from game.ui.canvas import Canvas, Rect
from game.ui.widgets import Button


class WeekIntroScreen(PhoneScreen):
    """ "Week 2" and what a contact whispers about the score (true, false or unknowable)."""

    name = "week"

    def __init__(self, app: object, beat: WeekIntro) -> None:
        super().__init__(app)  # type: ignore[arg-type]
        self.beat = beat

    def draw_body(self, canvas: Canvas) -> None:
        theme = canvas.theme
        session = self.app.flow.session
        assert session is not None
        self.draw_phone(canvas)
        declined = "declined" in session.state.flags
        if declined or self.beat.week > len(self.app.level.weeks):
            title = self.t("week.declined_title")
        else:
            title = self.p(self.app.level.weeks[self.beat.week - 1].title)
        canvas.paragraph(title, Rect(100, 160, 1150, 200), theme.s("title") * 1.3, theme.c("text"), "bold")
        if declined:
            canvas.paragraph(
                self.t("week.declined_text"), Rect(100, 420, 1150, 300), theme.s("heading"), theme.c("text")
            )
        elif self.beat.whisper is not None:
            whisper = self.app.level.weeks[self.beat.week - 1].whispers[self.beat.whisper]
            bubble = Rect(100, 420, 1150, 380)
            canvas.rect(bubble, theme.c("surface_alt"), radius=36)
            canvas.polygon([(180, 800), (260, 800), (170, 860)], theme.c("surface_alt"))
            canvas.text(
                self.t("week.overheard"), Rect(150, 450, 1050, 50), theme.s("body"), theme.c("highlight"), "semibold"
            )
            canvas.paragraph(
                self.p(whisper.text), Rect(150, 520, 1050, 250), theme.s("heading"), theme.c("text"), "italic"
            )
        h = round(self.target())
        self.add(Button("continue", self.t("common.continue"), Rect(100, 1030 - h, 700, h), style="primary"))

    def on_button(self, button_id: str) -> None:
        from game.screens.registry import next_screen

        self.app.goto(next_screen(self.app))


class PublicationScreen(PhoneScreen):
    """The week's recomputation, as the app shows it: a number, an arrow, a vague word."""

    name = "publication"

    def __init__(self, app: object, beat: Publication) -> None:
        super().__init__(app)  # type: ignore[arg-type]
        self.beat = beat
        self.shown = float(beat.before)
        self.app.play("chime")

    def update(self, dt: float) -> bool:
        super().update(dt)
        target = float(self.beat.after)
        if self.app.settings.reduced_motion or abs(self.shown - target) < 0.5:
            moving = self.shown != target
            self.shown = target
            return moving
        self.shown += (target - self.shown) * min(1.0, dt * 4.0)
        return True

    def draw_body(self, canvas: Canvas) -> None:
        theme = canvas.theme
        session = self.app.flow.session
        assert session is not None
        declined = "declined" in session.state.flags
        delta = self.beat.after - self.beat.before
        self.draw_phone(canvas, score=self.shown, delta=delta)
        canvas.text(
            self.t("publication.title", n=self.beat.week),
            Rect(100, 180, 1150, 90),
            theme.s("title"),
            theme.c("text"),
            "bold",
        )
        if declined:
            canvas.paragraph(
                self.t("publication.declined"), Rect(100, 320, 1150, 200), theme.s("heading"), theme.c("text")
            )
        else:
            message = self.app.level.publication[self.beat.message]
            face = "italic" if message.italic else "semibold"
            canvas.paragraph(self.p(message.text), Rect(100, 320, 1150, 200), theme.s("title"), theme.c("accent"), face)
            canvas.paragraph(
                self.t("publication.assessed"), Rect(100, 540, 1150, 120), theme.s("body"), theme.c("muted")
            )
        y = 680
        for cid in self.beat.dropped_by[:3]:
            name = self.p(session.ix.contacts[cid].name)
            canvas.paragraph(
                self.t("feed.dropped_you", name=name), Rect(100, y, 1150, 60), theme.s("body"), theme.c("highlight")
            )
            y += 64
        h = round(self.target())
        self.add(Button("continue", self.t("common.continue"), Rect(100, 1030 - h, 700, h), style="primary"))

    def on_button(self, button_id: str) -> None:
        from game.screens.registry import next_screen

        self.app.goto(next_screen(self.app))
