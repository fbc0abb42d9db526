"""The debrief (first version): the month as the system saw it, entry by entry."""

from __future__ import annotations

from typing import TYPE_CHECKING

from game.input.intents import Drag
from game.screens.base import Screen
from game.ui.canvas import Canvas, Rect
from game.ui.widgets import Button

if TYPE_CHECKING:
    from game.app import App


PANELS = ["month"]


def open_debrief(app: App, panel: str | None = None) -> None:
    app.goto(DebriefScreen(app))


class DebriefScreen(Screen):
    name = "debrief"
    idle_mode = "reading"

    def __init__(self, app: App) -> None:
        super().__init__(app)
        self.offset = 0

    def lines(self) -> list[str]:
        session = self.app.flow.session
        assert session is not None
        out = []
        for entry in session.state.ledger:
            if entry.target != "category" or not entry.points:
                continue
            cat = next(c for c in self.app.level.categories if c.id == entry.key)
            cause = self.t(f"cause.{entry.cause}")
            where = ""
            if entry.scene and entry.option:
                option = session.ix.options.get((entry.scene, entry.option))
                where = f" — {self.p(option.text)}" if option else ""
            out.append(
                f"{self.t('scene.week', n=entry.week)} · {cause} · {self.p(cat.name)} {entry.points:+.1f}{where}"
            )
        return out

    def draw_body(self, canvas: Canvas) -> None:
        theme = canvas.theme
        self.header(canvas, self.t("debrief.title"), self.t("debrief.subtitle"))
        lines = self.lines()
        box = Rect(80, 340, 1760, 560)
        canvas.rect(box, theme.c("surface"), radius=20)
        step = 52
        visible = (box.h - 40) // step
        self.offset = max(0, min(self.offset, max(0, len(lines) - visible)))
        for i, line in enumerate(lines[self.offset : self.offset + visible]):
            canvas.text(
                line, Rect(box.x + 30, box.y + 20 + i * step, box.w - 60, step), theme.s("small"), theme.c("text")
            )
        h = round(self.target())
        self.add(Button("up", "↑", Rect(80, 920, 200, h), enabled=self.offset > 0))
        self.add(Button("down", "↓", Rect(300, 920, 200, h), enabled=self.offset + visible < len(lines)))
        self.add(Button("finish", self.t("debrief.finish"), Rect(1240, 920, 600, h), style="primary"))

    def on_drag(self, drag: Drag) -> None:
        if abs(drag.rel[1]) > 20:
            self.offset += -1 if drag.rel[1] > 0 else 1

    def on_button(self, button_id: str) -> None:
        if button_id == "up":
            self.offset -= 5
        elif button_id == "down":
            self.offset += 5
        elif button_id == "finish":
            from game.screens.attract import AttractScreen

            self.app.flow.reset()
            self.app.goto(AttractScreen(self.app))
