"""The facilitator's view: the room's choices and outcomes, anonymous, k ≥ 5 or hidden.

Reached from the admin screen, and from the attract screen in workshop levels so a
teacher can show the class what the group did after everyone has played.
"""

from __future__ import annotations

from typing import Any

from game.kiosk.idle import Mode
from game.present.labels import option_label, scene_title
from game.screens.base import Screen
from game.screens.context import Context
from game.screens.transitions import Pop, Transition
from game.stats.report import Summary
from game.ui.canvas import Canvas, Rect
from game.ui.widgets import Button


class FacilitatorScreen(Screen):
    name = "facilitator"
    idle_mode: Mode = "reading"
    chrome = False

    def __init__(self, ctx: Context, **_: Any) -> None:
        super().__init__(ctx)
        self.page = 0
        store = ctx.statistics()  # with statistics off, nothing is opened and nothing is created
        self.summary: Summary | None = store.summary(ctx.level.id) if store is not None else None

    def draw_body(self, canvas: Canvas) -> None:
        theme = canvas.theme
        canvas.text(self.t("facilitator.title"), Rect(80, 50, 1760, 80), theme.s("title"), theme.c("text"), "bold")
        s = self.summary
        h = round(self.target())
        self.add(Button("back", self.t("admin.back"), Rect(1340, 1040 - h, 500, h), style="primary"))
        opening = self.ctx.debrief_opening()  # which debrief this level opens with; a tap switches it
        self.add(Button("opening", self.t(f"reveal.opening.{opening}"), Rect(80, 1040 - h, 560, h)))
        if s is None or not s.sessions:
            canvas.paragraph(
                self.t("facilitator.too_few"), Rect(80, 200, 1500, 200), theme.s("heading"), theme.c("muted")
            )
            return
        hidden = self.t("facilitator.hidden")

        def n(value: int | None) -> str:
            return hidden if value is None else str(value)

        line = self.t(
            "facilitator.totals",
            sessions=n(s.sessions),
            completed=n(s.completed),
            abandoned=n(s.abandoned),
            goal=n(s.goal_reached),
        )
        canvas.paragraph(line, Rect(80, 150, 1760, 90), theme.s("body"), theme.c("muted"))
        self.grades(canvas, s, Rect(80, 260, 560, 640), hidden)
        self.choices(canvas, s, Rect(700, 260, 1140, 640), hidden)
        if len(self.scene_rows(s)) > 4:
            self.add(Button("next", self.t("facilitator.more"), Rect(700, 1040 - h, 560, h)))

    def grades(self, canvas: Canvas, s: Summary, box: Rect, hidden: str) -> None:
        theme = canvas.theme
        canvas.text(
            self.t("facilitator.grades"), Rect(box.x, box.y, box.w, 50), theme.s("heading"), theme.c("text"), "semibold"
        )
        counts = [v or 0 for v in s.grades.values()]
        top = max(counts, default=0) or 1
        y = box.y + 80
        for grade in self.ctx.level.grades:
            count = s.grades.get(grade.id)
            canvas.text(grade.id, Rect(box.x, y, 60, 70), theme.s("heading"), theme.c("highlight"), "bold")
            width = 0 if count is None else round((box.w - 200) * count / top)
            canvas.rect(Rect(box.x + 70, y + 10, max(4, width), 50), theme.c("accent"), radius=8)
            label = hidden if count is None else str(count)
            canvas.text(
                label, Rect(box.x + 80 + width, y + 10, 120, 50), theme.s("body"), theme.c("text"), valign="center"
            )
            y += 90

    def scene_rows(self, s: Summary) -> list[tuple[str, object]]:
        return [(scene, shares) for (level, scene), shares in s.choices.items() if level == self.ctx.level.id]

    def choices(self, canvas: Canvas, s: Summary, box: Rect, hidden: str) -> None:
        theme = canvas.theme
        canvas.text(
            self.t("facilitator.choices"),
            Rect(box.x, box.y, box.w, 50),
            theme.s("heading"),
            theme.c("text"),
            "semibold",
        )
        rows = self.scene_rows(s)
        if not rows:
            canvas.paragraph(
                self.t("facilitator.too_few"), Rect(box.x, box.y + 70, box.w, 120), theme.s("body"), theme.c("muted")
            )
            return
        start = (self.page * 4) % len(rows)
        level, words = self.ctx.level, self.words
        y = box.y + 70
        for scene_id, shares in rows[start : start + 4]:
            canvas.text(
                scene_title(level, words, scene_id),
                Rect(box.x, y, box.w, 40),
                theme.s("body"),
                theme.c("text"),
                "semibold",
            )
            y += 44
            if shares is None:
                canvas.text(hidden, Rect(box.x, y, box.w, 40), theme.s("small"), theme.c("muted"))
                y += 100
                continue
            parts = []
            for option_id in shares.counts:  # type: ignore[attr-defined]
                share = shares.share(option_id)  # type: ignore[attr-defined]
                percent = hidden if share is None else self.t("facilitator.percent", n=round(100 * share))
                parts.append(
                    self.t("facilitator.share", label=option_label(level, words, scene_id, option_id), share=percent)
                )
            canvas.paragraph(" · ".join(parts), Rect(box.x, y, box.w, 90), theme.s("small"), theme.c("muted"))
            y += 100

    def on_button(self, button_id: str) -> Transition | None:
        if button_id == "back":
            return Pop()
        if button_id == "next":
            self.page += 1
        if button_id == "opening":
            self.ctx.choose_debrief_opening("explorer" if self.ctx.debrief_opening() == "reveal" else "reveal")
        return None

    def on_back(self) -> Transition | None:
        return Pop()
