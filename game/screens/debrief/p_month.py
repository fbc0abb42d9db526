"""Your month as the system saw it: the published score, each step with the acts behind it.

Under each point of the chart, its column names the two or three largest movements of
that week (cause, category, points). Touching a column opens the week's whole trace.
"""

from __future__ import annotations

import math
from typing import TYPE_CHECKING

from game.debrief.views import Act, Step, chart_range
from game.present import debrief
from game.screens.debrief.chart import Series, column_centres, draw_chart, plot_rect
from game.screens.debrief.layout import Flow, sign_colour
from game.screens.debrief.panel import Panel
from game.ui.canvas import Canvas, Rect
from game.ui.widgets import Button

if TYPE_CHECKING:
    from game.screens.debrief.screen import DebriefScreen

MIN_CHART = 250


class MonthPanel(Panel):
    id = "month"

    def __init__(self, screen: DebriefScreen) -> None:
        super().__init__(screen)
        self.detail: int | None = None
        self._plans: dict[tuple[object, ...], tuple[int, bool, int]] = {}

    def title(self) -> str:
        return self.t("debrief.title")

    def steps(self) -> list[Step]:
        return debrief.steps(self.visit)

    def on_button(self, action: str) -> None:
        kind, _, rest = action.partition(":")
        if kind == "step":
            self.detail = int(rest)
            self.screen.pages[self.id] = 0
        elif action == "back":
            self.detail = None
            self.screen.pages[self.id] = 0

    def on_back(self) -> bool:
        if self.detail is None:
            return False
        self.detail = None
        return True

    # -- labels ----------------------------------------------------------------------------------
    def step_label(self, step: Step) -> str:
        return self.t("debrief.month.start") if step.index == 0 else self.t("scene.week", n=step.index)

    def act_label(self, act: Act) -> str:
        cause = self.t(f"cause.{act.cause}")
        if act.cause == "choice" and act.scene:
            what = self.option_text(act.scene, act.option)
        elif act.cause in ("persona", "system_error"):
            what = self.p(act.why)
        else:
            what = ""
        return self.t("debrief.month.act", cause=cause, what=what) if what else cause

    def marks(self) -> list[int]:
        return debrief.thresholds(self.visit)

    def hint(self) -> str:
        return "" if self.detail is not None or self.declined else self.t("debrief.month.hint")

    # -- audio mode ------------------------------------------------------------------------------
    def speech(self) -> list[str]:
        """The chart as a sentence per week: "Week 2: down 17, mostly credit history, a system error."

        A week's detail and the month without an account are said as drawn (empty here)."""
        if self.detail is not None or self.declined:
            return []
        return [self.spoken_step(step) for step in self.steps()] + [self.hint()]

    def spoken_step(self, step: Step) -> str:
        if step.index == 0:
            return self.t("speech.week", week=self.step_label(step), what=step.after)
        change = step.delta
        parts = [
            self.t("speech.up", n=change)
            if change > 0
            else self.t("speech.down", n=-change)
            if change < 0
            else self.t("speech.same")
        ]
        by_category: dict[str, float] = {}
        for act in step.acts:
            by_category[act.category] = by_category.get(act.category, 0.0) + act.points
        if by_category and change:
            most = max(by_category, key=lambda c: abs(by_category[c]))
            if round(by_category[most]):
                parts.append(self.t("speech.mostly", category=self.category(most)))
        if any(act.cause == "system_error" and round(act.points) for act in step.acts):
            parts.append(self.t("speech.an_error"))
        return self.t("speech.week", week=self.step_label(step), what=", ".join(parts))

    # -- drawing ---------------------------------------------------------------------------------
    def draw(self, canvas: Canvas, area: Rect, page: int) -> int:
        steps = self.steps()
        if self.detail is not None and self.detail < len(steps):
            return self.draw_detail(canvas, area, steps[self.detail], page)
        self.detail = None
        theme = canvas.theme
        level = self.level
        scores = [s.after for s in steps]
        marks = self.marks()
        span = chart_range([scores], level.score.min, level.score.max, marks)
        labels = [self.step_label(s) for s in steps]
        if self.declined:
            return self.draw_declined(canvas, area, page)
        plan = self.plan(canvas, area, steps)
        count, with_labels, below = plan
        chart = Rect(area.x, area.y, area.w, area.h - below - 16)
        draw_chart(canvas, chart, [Series(scores, theme.c("accent"))], span, marks, labels)
        plot = plot_rect(canvas, chart)
        xs = column_centres(plot, len(steps))
        w = math.floor(plot.w / len(steps)) - 16
        for step, x in zip(steps, xs, strict=True):
            rect = Rect(round(x - w / 2), chart.bottom + 16, w, below)
            self.draw_column(canvas, rect, step, count, with_labels)
            column = self.screen.add(Button(f"month:step:{step.index}", self.step_label(step), rect, style="card"))
            column.speech = self.spoken_step(step)  # the focused week, as a sentence
        return 1

    def draw_declined(self, canvas: Canvas, area: Rect, page: int) -> int:
        """Without an account Halo scored nothing: the month is what the world did instead."""
        theme = canvas.theme
        level = self.level
        flow = Flow(canvas, (area.w - 40) // 2)
        flow.group(gap=18).text(self.t("debrief.month.no_score"), theme.s("heading"), theme.c("highlight"), "bold")
        flow.group(gap=18, keep=True).text(
            self.t("debrief.month.doors_met"), theme.s("body"), theme.c("accent"), "bold"
        )
        met_doors = debrief.doors_met(self.visit)
        for met in met_doors:
            name = self.door(met.door)
            flow.group(gap=10).text(name, theme.s("body"), theme.c("text"), "semibold")
            flow.text(self.outcome(met.outcome, met.amount), theme.s("small"), theme.c("muted"))
        if not met_doors:
            flow.group(gap=10).text(self.t("debrief.month.no_doors"), theme.s("small"), theme.c("muted"))
        start, end = debrief.money_start(self.visit), debrief.money_end(self.visit)
        money = self.t("debrief.month.money", start=self.money(start), end=self.money(end))
        flow.group(gap=24).text(money, theme.s("body"), theme.c("text"))
        flow.group(gap=24).text(self.p(level.consent.declined_end), theme.s("body"), theme.c("text"))
        pages = flow.layout(area.h, columns=2)
        flow.draw(area, page)
        return pages

    def column_flow(self, canvas: Canvas, width: int, step: Step, count: int, labels: bool) -> Flow:
        """A week's card: its change, its ``count`` largest causes whole, and what else moved it."""
        theme = canvas.theme
        small = theme.s("small")
        flow = Flow(canvas, width - 28)
        head = (
            f"{self.step_label(step)} · {step.after}"
            if step.index == 0
            else f"{self.step_label(step)} · {self.signed(step.delta, 0)}"
        )
        flow.group(gap=10).text(head, small, theme.c("text"), "bold")
        for act in step.top(count):
            flow.group(gap=10).text(
                self.effect(act.category, act.points),
                small,
                sign_colour(canvas, act.points),
                "semibold",
            )
            if labels:
                flow.text(self.act_label(act), small, theme.c("muted"))
        more, points = step.rest(count)
        if more:
            line = self.t("debrief.month.more", n=more, points=self.pts(points))
        elif points:
            line = self.t("debrief.month.rounding", points=self.pts(points))
        else:
            line = ""
        if line:
            flow.group(gap=10).text(line, small, theme.c("highlight"), "semibold")
        return flow

    def column_height(self, canvas: Canvas, width: int, step: Step, count: int, labels: bool) -> int:
        flow = self.column_flow(canvas, width, step, count, labels)
        return sum(g.height + g.gap for g in flow.groups) + 28

    def plan(self, canvas: Canvas, area: Rect, steps: list[Step]) -> tuple[int, bool, int]:
        """How many causes per card, and whether with their labels, leave the chart tall enough.

        Nothing is cut: what does not fit is counted on the card ("+ 3 more"), and the card
        opens the week's whole trace. Remembered for this area, text size and language.
        """
        key = (area.w, area.h, canvas.vp.scale, canvas.text_scale, self.screen.lang, len(steps))
        if key not in self._plans:
            self._plans[key] = self._plan(canvas, area, steps)
        return self._plans[key]

    def _plan(self, canvas: Canvas, area: Rect, steps: list[Step]) -> tuple[int, bool, int]:
        width = math.floor(plot_rect(canvas, area).w / max(1, len(steps))) - 16
        below = 0
        for count, labels in ((3, True), (2, True), (1, True), (3, False), (2, False), (1, False), (0, False)):
            below = max(self.column_height(canvas, width, s, count, labels) for s in steps)
            if area.h - below - 16 >= MIN_CHART:
                break
        return count, labels, below

    def draw_column(self, canvas: Canvas, rect: Rect, step: Step, count: int, labels: bool) -> None:
        acts = tuple((act.points, act.category, self.act_label(act)) for act in step.top(count))
        key = (
            "month-column",
            step.index,
            step.after,
            step.delta,
            acts,
            labels,
            step.rest(count),
            self.screen.lang,
        )
        canvas.layer(
            key, rect, canvas.theme.c("background"), lambda c: self._paint_column(c, rect, step, count, labels)
        )

    def _paint_column(self, canvas: Canvas, rect: Rect, step: Step, count: int, labels: bool) -> None:
        canvas.rect(rect, canvas.theme.c("surface"), radius=16)
        flow = self.column_flow(canvas, rect.w, step, count, labels)
        inner = Rect(rect.x + 14, rect.y + 14, rect.w - 28, rect.h - 28)
        flow.layout(inner.h)
        flow.draw(inner, 0)

    def draw_detail(self, canvas: Canvas, area: Rect, step: Step, page: int) -> int:
        theme = canvas.theme
        h = round(self.screen.target())
        back = Rect(area.right - 520, area.y, 520, h)
        self.screen.add(Button("month:back", "← " + self.t("debrief.month.back"), back, style="ghost"))
        if step.index == 0:
            head = self.t("debrief.month.detail_start", score=step.after)
        else:
            head = self.t(
                "debrief.month.detail_week",
                n=step.index,
                before=step.before,
                after=step.after,
                delta=self.signed(step.delta, 0),
            )
        canvas.paragraph(
            head,
            Rect(area.x, area.y, back.x - area.x - 24, h),
            theme.s("body"),
            theme.c("text"),
            "semibold",
            valign="center",
        )
        body = Rect(area.x, area.y + h + 20, area.w, area.h - h - 20)
        flow = Flow(canvas, (body.w - 40) // 2)
        acts = step.top(len(step.acts))
        if not acts:
            flow.text(self.t("debrief.month.nothing"), theme.s("body"), theme.c("muted"))
        for act in acts:
            flow.group(gap=12).text(
                self.effect(act.category, act.points),
                theme.s("body"),
                sign_colour(canvas, act.points),
                "semibold",
            )
            flow.text(self.act_label(act), theme.s("small"), theme.c("muted"))
        _, rounding = step.rest(len(step.acts))
        if rounding and step.index:
            flow.group(gap=12).text(
                self.t("debrief.month.rounding", points=self.pts(rounding)), theme.s("small"), theme.c("muted")
            )
        flow.group(gap=20).text(
            self.t("debrief.units", lo=self.level.score.min, hi=self.level.score.max),
            theme.s("small"),
            theme.c("muted"),
            "italic",
        )
        pages = flow.layout(body.h, columns=2)
        flow.draw(body, page)
        return pages
