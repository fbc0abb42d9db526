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
from game.screens.transitions import Pop, Push, Transition
from game.stats.report import Rate, Summary
from game.ui.canvas import Canvas, Rect
from game.ui.widgets import Button


class FacilitatorScreen(Screen):
    name = "facilitator"
    idle_mode: Mode = "reading"
    chrome = False

    def __init__(self, ctx: Context, **_: Any) -> None:
        super().__init__(ctx)
        self.page = 0
        self.learning = False  # the right-hand box: the choices, or what the visits taught
        store = ctx.statistics()  # with statistics off, nothing is opened and nothing is created
        self.summary: Summary | None = store.summary(ctx.level.id) if store is not None else None

    def draw_body(self, canvas: Canvas) -> None:
        theme = canvas.theme
        canvas.text(self.t("facilitator.title"), Rect(80, 50, 1760, 80), theme.s("title"), theme.c("text"), "bold")
        s = self.summary
        h = round(self.target())
        self.add(Button("back", self.t("admin.back"), Rect(1340, 1040 - h, 500, h), style="primary"))
        self.add(Button("sandbox", self.t("sandbox.open"), Rect(80, 1040 - h, 560, h)))
        opening = self.ctx.debrief_opening()  # which debrief this level opens with; a tap switches it
        self.add(Button("opening", self.t(f"reveal.opening.{opening}"), Rect(1280, 40, 560, h)))
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
        label = self.t("facilitator.choices" if self.learning else "facilitator.learning")
        self.add(Button("learning", label, Rect(80, 1040 - h, 560, h)))
        if self.learning:
            self.taught(canvas, s, Rect(700, 260, 1140, 1040 - h - 24 - 260))
            return
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

    def taught(self, canvas: Canvas, s: Summary, box: Rect) -> None:
        """Join rates before and after the reveal, and guesses against chance, each with its interval."""
        theme = canvas.theme
        canvas.text(
            self.t("facilitator.learning"),
            Rect(box.x, box.y, box.w, 50),
            theme.s("heading"),
            theme.c("text"),
            "semibold",
        )
        found = s.learning.get(self.ctx.level.id)
        learned = found.with_categories(len(self.ctx.level.categories)) if found is not None else None
        if learned is None:
            canvas.paragraph(
                self.t("facilitator.too_few"), Rect(box.x, box.y + 70, box.w, 120), theme.s("body"), theme.c("muted")
            )
            return
        rows = [
            (self.t("facilitator.joined_before"), learned.joined_before, None),
            (self.t("facilitator.joined_after"), learned.joined_after, None),
            (self.t("facilitator.matched"), learned.matched, learned.chance),
        ]
        y = box.y + 70
        for label, found_rate, chance in rows:
            canvas.text(label, Rect(box.x, y, box.w, 40), theme.s("body"), theme.c("text"), "semibold")
            self.rate_bar(canvas, Rect(box.x, y + 48, box.w, 44), found_rate, chance)
            y += 130
        hidden = self.t("facilitator.hidden")
        note = self.t(
            "facilitator.learning_note",
            answered=hidden if learned.answered is None else str(learned.answered),
            guessed=hidden if learned.guessed is None else str(learned.guessed),
        )
        canvas.paragraph(note, Rect(box.x, y, box.w, max(40, box.bottom - y)), theme.s("small"), theme.c("muted"))

    def rate_bar(self, canvas: Canvas, row: Rect, found: Rate | None, chance: float | None) -> None:
        """A share as a bar with its 95 % interval drawn across it, and chance as a mark when given."""
        theme = canvas.theme
        bar = Rect(row.x, row.y, 560, row.h)
        words = Rect(bar.right + 24, row.y, row.w - bar.w - 24, row.h)
        canvas.rect(bar, theme.c("surface_alt"), radius=8)
        text = self.t("facilitator.hidden")
        if found is not None:
            canvas.rect(Rect(bar.x, bar.y, max(4, round(bar.w * found.share)), bar.h), theme.c("accent"), radius=8)
            lo, hi = bar.x + round(bar.w * found.low), bar.x + round(bar.w * found.high)
            canvas.rect(Rect(lo, bar.centery - 3, max(2, hi - lo), 6), theme.c("text"))
            for x in (lo, hi):
                canvas.rect(Rect(x - 2, bar.y + 6, 4, bar.h - 12), theme.c("text"))
            text = self.t(
                "facilitator.rate",
                share=self.percent(found.share),
                low=self.percent(found.low),
                high=self.percent(found.high),
                n=found.part,
                of=found.total,
            )
        if chance is not None:
            x = bar.x + round(bar.w * chance)
            canvas.rect(Rect(x - 3, bar.y - 6, 6, bar.h + 12), theme.c("highlight"))
            text += " · " + self.t("facilitator.chance", share=self.percent(chance))
        canvas.text(text, words, theme.s("small"), theme.c("text"), valign="center")

    def percent(self, share: float) -> str:
        return self.t("facilitator.percent", n=round(100 * share))

    def on_button(self, button_id: str) -> Transition | None:
        if button_id == "learning":
            self.learning = not self.learning
            return None
        if button_id == "back":
            return Pop()
        if button_id == "sandbox":
            return Push("sandbox")
        if button_id == "next":
            self.page += 1
        if button_id == "opening":
            self.ctx.choose_debrief_opening("explorer" if self.ctx.debrief_opening() == "reveal" else "reveal")
        return None

    def on_back(self) -> Transition | None:
        return Pop()
