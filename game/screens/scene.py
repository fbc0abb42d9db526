"""A scene from daily life: the situation, 2–3 options, and what the world answers.

After a choice the same card shows the reply and any door the choice met: a deposit
asked, or "insufficient score" with an appeal button that leads nowhere.
"""

from __future__ import annotations

from game.core.lookup import door_text
from game.screens.common import PhoneScreen
from game.screens.flow import AfterChoice
from game.ui.canvas import Canvas, Rect
from game.ui.widgets import Button

CARD = Rect(60, 130, 1230, 920)
APPEALABLE = ("score", "blacklisted")  # an appeal is offered against a score decision only


class SceneScreen(PhoneScreen):
    name = "scene"
    backdrop = "scene"

    def __init__(self, app: object) -> None:
        super().__init__(app)  # type: ignore[arg-type]
        session = self.app.flow.session
        assert session is not None and session.scene is not None
        self.scene = session.scene
        self.after: AfterChoice | None = None
        self.text_read = False  # a long text at a large size is shown alone first, then the options
        self.chosen: str | None = None
        self.appealed = False
        self.week = session.week  # the scene's own week, whatever is published after it

    def update(self, dt: float) -> bool:
        super().update(dt)
        if self.app.settings.reduced_motion:
            return False
        now = self.app.flow.now()
        return any(now - item.born < 0.4 for item in self.app.flow.feed[-2:])

    def clock(self) -> str:
        """The phone's clock: the scene's day and time, as the level gives them."""
        time = self.scene.time or ""
        if self.scene.day is None or not time:
            return time
        return f"{self.t(f'day.{self.scene.day}')} {time}"

    def paint_backdrop(self, canvas: Canvas) -> None:
        super().paint_backdrop(canvas)
        canvas.rect(CARD, canvas.theme.c("card"), radius=28)

    def draw_body(self, canvas: Canvas) -> None:
        theme = canvas.theme
        clock = self.clock()
        self.draw_phone(canvas, clock, speaker=self.scene.speaker)
        inner = CARD.inflate(-100, -80)
        ink, muted = theme.c("card_text"), theme.c("card_muted")
        session = self.app.flow.session
        assert session is not None
        week = self.t("scene.week", n=self.week)
        top = f"{week} · {clock}" if clock else week
        canvas.text(top, Rect(inner.x, inner.y, inner.w, 40), theme.s("small"), muted, "semibold")
        canvas.text(self.p(self.scene.title), Rect(inner.x, inner.y + 44, inner.w, 70), theme.s("heading"), ink, "bold")
        y = inner.y + 124
        if self.scene.speaker:
            contact = session.ix.contacts[self.scene.speaker]
            who = f"{self.p(contact.name)} · {self.p(contact.role)}"
            canvas.text(who, Rect(inner.x, y, inner.w, 40), theme.s("small"), theme.c("primary"), "semibold")
            y += 48
        if self.after is None:
            self.draw_choice(canvas, inner, y)
        else:
            self.draw_after(canvas, inner, y)

    def draw_choice(self, canvas: Canvas, inner: Rect, y: int) -> None:
        theme = canvas.theme
        session = self.app.flow.session
        assert session is not None
        views = session.options()
        h, gap = self.target(), self.app.gap()
        top = round(inner.bottom - len(views) * h - (len(views) - 1) * gap)
        text = self.p(self.scene.text)
        above = Rect(inner.x, y, inner.w, top - 30 - y)
        wanted = theme.s("body")
        if not self.text_read and canvas.fit_size(text, above, wanted) < wanted * 0.9:
            canvas.paragraph(
                text, Rect(inner.x, y, inner.w, inner.bottom - round(h) - 30 - y), wanted, theme.c("card_text")
            )
            self.add(
                Button(
                    "read",
                    self.t("scene.to_choices"),
                    Rect(inner.x, inner.bottom - round(h), inner.w, round(h)),
                    style="primary",
                )
            )
            return
        canvas.paragraph(text, above, wanted, theme.c("card_text"))
        for i, view in enumerate(views):
            rect = Rect(inner.x, round(top + i * (h + gap)), inner.w, round(h))
            note = "" if view.available else self.t("scene.unavailable")
            self.add(Button(f"option:{view.option.id}", self.p(view.option.text), rect, view.available, note=note))

    def draw_after(self, canvas: Canvas, inner: Rect, y: int) -> None:
        theme = canvas.theme
        after = self.after
        assert after is not None
        chosen = next(o for o in self.scene.options if o.id == self.chosen)
        canvas.paragraph(
            self.t("scene.you_chose", choice=self.p(chosen.text)),
            Rect(inner.x, y, inner.w, 80),
            theme.s("body"),
            theme.c("card_muted"),
            "italic",
        )
        y += 100
        h = round(self.target())
        bottom = inner.bottom - h - 30
        if after.door is not None:
            door = after.door
            outcome = door.outcome
            colour = {"grant": theme.c("good"), "deposit": theme.c("warning"), "refuse": theme.c("bad")}[outcome]
            panel = Rect(inner.x, y, inner.w, 220)
            canvas.rect(panel, colour, radius=20)
            canvas.rect(panel.inflate(-12, -12), theme.c("card"), radius=14)
            session = self.app.flow.session
            assert session is not None
            door_name = self.p(session.ix.doors[door.door].name)
            canvas.text(
                f"{door_name} — {self.t('door.' + outcome)}",
                Rect(panel.x + 30, panel.y + 24, panel.w - 60, 56),
                theme.s("heading"),
                theme.c("card_text"),
                "bold",
            )
            if door.reason == "money":
                body = self.t("door.no_money", amount=self.money(door.amount))
            else:
                body = self.with_amount(door_text(session.ix, door), door.amount)
            canvas.paragraph(
                body, Rect(panel.x + 30, panel.y + 90, panel.w - 60, 110), theme.s("body"), theme.c("card_text")
            )
            y = panel.bottom + 30
            if outcome == "refuse" and door.reason in APPEALABLE:
                if self.appealed:
                    canvas.paragraph(
                        self.t("door.appeal_registered"),
                        Rect(inner.x, bottom - h - 90, inner.w, 70),
                        theme.s("body"),
                        theme.c("card_muted"),
                        "italic",
                    )
                self.add(
                    Button(
                        "appeal",
                        self.t("door.appeal" if not self.appealed else "door.appealed"),
                        Rect(inner.x, bottom - h + 10, inner.w, h),
                        enabled=not self.appealed,
                        style="ghost",
                    )
                )
                bottom = bottom - h - 110
        if after.reply is not None:
            canvas.paragraph(
                self.p(after.reply),
                Rect(inner.x, y, inner.w, max(60, bottom - y)),
                theme.s("body"),
                theme.c("card_text"),
            )
        self.add(
            Button("continue", self.t("common.continue"), Rect(inner.x, inner.bottom - h, inner.w, h), style="primary")
        )

    def on_back(self) -> None:
        """From a long scene's choices back to its text; a choice made is never undone."""
        if self.after is None and self.text_read:
            self.text_read = False

    def on_button(self, button_id: str) -> None:
        from game.screens.registry import next_screen

        flow = self.app.flow
        if button_id.startswith("option:"):
            self.chosen = button_id.split(":", 1)[1]
            flow.choose(self.chosen)
            self.after = flow.peek_after_choice()
            if self.after is not None and self.after.door is not None and self.after.door.outcome == "refuse":
                self.app.play("refuse")
            elif self.after is not None and self.after.notify is not None:
                self.app.play("chime")
            if self.after is None:
                self.app.goto(next_screen(self.app))
        elif button_id == "read":
            self.text_read = True
        elif button_id == "appeal":
            flow.appeal()
            self.appealed = True
        elif button_id == "continue":
            self.app.goto(next_screen(self.app))
