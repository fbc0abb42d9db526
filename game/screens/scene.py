"""A scene from daily life: the situation, 2–3 options, and what the world answers.

After a choice the same card shows the reply and any door the choice met: a deposit
asked, or "insufficient score" with an appeal button that leads nowhere.
"""

from __future__ import annotations

from typing import Any

from game.present.scene import AfterView, SceneView, after_view, scene_view
from game.screens.common import PhoneScreen
from game.screens.context import Context
from game.screens.transitions import Next, Transition
from game.ui.canvas import Canvas, Rect
from game.ui.widgets import Button
from game.visit import AfterChoice

CARD = Rect(60, 130, 1230, 920)


class SceneScreen(PhoneScreen):
    name = "scene"
    backdrop = "scene"

    def __init__(self, ctx: Context, **_: Any) -> None:
        super().__init__(ctx)
        self.view: SceneView = scene_view(self.visit, self.words)  # the scene, as met (its week kept)
        self.after: AfterChoice | None = None
        self.text_read = False  # a long text at a large size is shown alone first, then the options
        self.appealed = False

    @property
    def scene_id(self) -> str:
        return self.view.id

    def update(self, dt: float) -> bool:
        super().update(dt)
        if self.ctx.settings.reduced_motion:
            return False
        now = self.ctx.now()
        return any(now - item.born < 0.4 for item in self.visit.feed[-2:])

    def paint_backdrop(self, canvas: Canvas) -> None:
        super().paint_backdrop(canvas)
        canvas.rect(CARD, canvas.theme.c("card"), radius=28)

    def draw_body(self, canvas: Canvas) -> None:
        theme = canvas.theme
        if self.after is None:
            self.view = scene_view(self.visit, self.words)  # the language may have changed
        view = self.view
        self.draw_phone(canvas, view.clock, speaker=view.speaker.id if view.speaker else None)
        inner = CARD.inflate(-100, -80)
        ink, muted = theme.c("card_text"), theme.c("card_muted")
        canvas.text(view.header, Rect(inner.x, inner.y, inner.w, 40), theme.s("small"), muted, "semibold")
        canvas.text(view.title, Rect(inner.x, inner.y + 44, inner.w, 70), theme.s("heading"), ink, "bold")
        y = inner.y + 124
        if view.speaker is not None:
            who = f"{view.speaker.name} · {view.speaker.role}"
            canvas.text(who, Rect(inner.x, y, inner.w, 40), theme.s("small"), theme.c("primary"), "semibold")
            y += 48
        if self.after is None:
            self.draw_choice(canvas, inner, y)
        else:
            self.draw_after(canvas, inner, y, after_view(self.visit, self.words, self.after))

    def draw_choice(self, canvas: Canvas, inner: Rect, y: int) -> None:
        theme = canvas.theme
        options = self.view.options
        h, gap = self.target(), self.ctx.gap()
        top = round(inner.bottom - len(options) * h - (len(options) - 1) * gap)
        text = self.view.text
        above = Rect(inner.x, y, inner.w, top - 30 - y)
        wanted = theme.s("body")
        if not self.text_read and canvas.fit_size(text, above, wanted) < wanted * 0.9:
            canvas.paragraph(
                text, Rect(inner.x, y, inner.w, inner.bottom - round(h) - 30 - y), wanted, theme.c("card_text")
            )
            rect = Rect(inner.x, inner.bottom - round(h), inner.w, round(h))
            self.add(Button("read", self.t("scene.to_choices"), rect, style="primary"))
            return
        canvas.paragraph(text, above, wanted, theme.c("card_text"))
        for i, option in enumerate(options):
            rect = Rect(inner.x, round(top + i * (h + gap)), inner.w, round(h))
            self.add(Button(f"option:{option.id}", option.text, rect, option.available, note=option.note))

    def draw_after(self, canvas: Canvas, inner: Rect, y: int, after: AfterView) -> None:
        theme = canvas.theme
        canvas.paragraph(after.chosen, Rect(inner.x, y, inner.w, 80), theme.s("body"), theme.c("card_muted"), "italic")
        y += 100
        h = round(self.target())
        bottom = inner.bottom - h - 30
        door = after.door
        if door is not None:
            colour = {"grant": theme.c("good"), "deposit": theme.c("warning"), "refuse": theme.c("bad")}[door.outcome]
            panel = Rect(inner.x, y, inner.w, 220)
            canvas.rect(panel, colour, radius=20)
            canvas.rect(panel.inflate(-12, -12), theme.c("card"), radius=14)
            title = Rect(panel.x + 30, panel.y + 24, panel.w - 60, 56)
            canvas.text(f"{door.name} — {door.label}", title, theme.s("heading"), theme.c("card_text"), "bold")
            body = Rect(panel.x + 30, panel.y + 90, panel.w - 60, 110)
            canvas.paragraph(door.body, body, theme.s("body"), theme.c("card_text"))
            y = panel.bottom + 30
            if door.appealable:
                if self.appealed:
                    note = Rect(inner.x, bottom - h - 90, inner.w, 70)
                    canvas.paragraph(
                        self.t("door.appeal_registered"), note, theme.s("body"), theme.c("card_muted"), "italic"
                    )
                label = self.t("door.appeal" if not self.appealed else "door.appealed")
                rect = Rect(inner.x, bottom - h + 10, inner.w, h)
                self.add(Button("appeal", label, rect, enabled=not self.appealed, style="ghost"))
                bottom = bottom - h - 110
        lines = [t for t in (after.reply, *after.ratings) if t]
        if lines:
            box = Rect(inner.x, y, inner.w, max(60, bottom - y))
            canvas.paragraph("\n".join(lines), box, theme.s("body"), theme.c("card_text"))
        rect = Rect(inner.x, inner.bottom - h, inner.w, h)
        self.add(Button("continue", self.t("common.continue"), rect, style="primary"))

    def on_back(self) -> Transition | None:
        """From a long scene's choices back to its text; a choice made is never undone."""
        if self.after is None and self.text_read:
            self.text_read = False
        return None

    def on_button(self, button_id: str) -> Transition | None:
        visit = self.visit
        if button_id.startswith("option:"):
            visit.choose(button_id.split(":", 1)[1])
            self.after = visit.take_after_choice()
            if self.after is None:
                return Next()
            if self.after.door is not None and self.after.door.outcome == "refuse":
                self.ctx.play("refuse")
            elif self.after.notify is not None:
                self.ctx.play("chime")
        elif button_id == "read":
            self.text_read = True
        elif button_id == "appeal" and self.after is not None and self.after.door is not None:
            visit.appeal(self.after.door.door)
            self.appealed = True
        elif button_id == "continue":
            return Next()
        return None
