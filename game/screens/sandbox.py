"""The rules sandbox: a facilitator changes the rules and sees, on the same months, whom they favour.

Left, the controls in four tabs: the five weights (a slider each: − / + buttons, or touch
and drag the track), the doors' thresholds (−50, −10, +10, +50), which personal data and
whether friends' scores count, and the presets. Right, the chart a projector can show:
per persona, the mean score as lived and under these rules, the goal rate before and
after, and the answer to "who do these rules favour?" in one sentence. The months are the
class's (from the local statistics, k ≥ 5) or this visit's choices lived by every life.
"Chart only" gives the chart the whole screen, in large type (the screen is drawn at the
normal text size even after a visitor chose larger text). Reached from the facilitator view
and the debrief; it imports no other screen.
"""

from __future__ import annotations

import math
from typing import Any

from game.input.intents import Activate, Drag, Intent
from game.kiosk.idle import Mode
from game.paths import LEVELS_DIR
from game.present import sandbox as present
from game.present.sandbox import Chart, SandboxView, Slider, Threshold
from game.sandbox.rules import Rules
from game.screens.base import Screen
from game.screens.context import Context
from game.screens.transitions import Pop, Transition
from game.ui.canvas import Canvas, Rect
from game.ui.widgets import Button, hit

TABS = ("weights", "doors", "data", "presets")
EDGE = 60  # logical px from the screen's sides
SPLIT = 960  # where the chart's column starts
GAP = 16


class SandboxScreen(Screen):
    name = "sandbox"
    idle_mode: Mode = "reading"
    chrome = False

    def __init__(self, ctx: Context, **_: Any) -> None:
        super().__init__(ctx)
        store = ctx.statistics()  # with statistics off, nothing is opened and nothing is created
        level = ctx.level
        found = store.class_months(level.id, present.class_limit()) if store is not None else None
        visit = ctx.visit or (None if ctx.settings.kiosk else ctx.last_visit)  # a kiosk shows no one else's month
        self.bench = present.open_workbench(level, visit, found)
        self.rules: Rules = self.bench.start
        self.source = present.default_source(self.bench, self.rules)
        self.tab = TABS[0]
        self.pages: dict[str, int] = {}
        self.page_count = 1
        self.chart_only = False
        self.status = ""
        self.point: tuple[float, float] | None = None  # where the last touch landed (a track's value)
        self.tracks: list[tuple[Button, Slider]] = []
        self.chip_size = self.tab_size = self.source_size = 26.0
        self._view: tuple[tuple[object, ...], SandboxView] | None = None

    # -- the view model ----------------------------------------------------------------------------
    def view(self) -> SandboxView:
        key = (self.rules, self.source, self.lang)
        if self._view is None or self._view[0] != key:
            self._view = (key, present.sandbox_view(self.bench, self.rules, self.source, self.words))
        return self._view[1]

    # -- drawing ------------------------------------------------------------------------------------
    def draw_body(self, canvas: Canvas) -> None:
        # A dense tool for a facilitator, drawn at the normal text size whatever the last
        # visitor chose: "Chart only" is its large type, for the back of the room.
        canvas.text_scale = 1.0
        view = self.view()
        theme = canvas.theme
        h = round(self.target())
        self.tracks = []
        bottom = theme.height - 16 - h
        if self.chart_only:
            area = Rect(EDGE, 16, theme.width - 2 * EDGE, bottom - 16 - GAP)
            self.draw_chart_column(canvas, view, area, h, "controls", "sandbox.controls")
            self.add(Button("back", self.t("sandbox.back"), Rect(area.right - 320, bottom, 320, h), style="primary"))
            return
        left = Rect(EDGE, 16, SPLIT - EDGE - 40, theme.height - 32)
        right = Rect(SPLIT, 16, theme.width - EDGE - SPLIT, bottom - 16 - GAP)
        self.draw_tabs(canvas, Rect(left.x, left.y, left.w, h))
        controls = Rect(left.x, left.y + h + 20, left.w, bottom - 20 - (left.y + h + 20))
        self.page_count = self.draw_controls(canvas, view, controls, h)
        self.draw_pager(canvas, Rect(left.x, bottom, left.w, h))
        self.draw_chart_column(canvas, view, right, h, "chart_only", "sandbox.chart_only")
        self.draw_actions(canvas, Rect(SPLIT, bottom, right.w, h))

    def chips(self, canvas: Canvas, area: Rect, chips: list[tuple[str, str, bool, bool]]) -> None:
        """A row of chips of one width, their labels at one size (the largest that fits)."""
        gap = 12
        w = (area.w - gap * (len(chips) - 1)) // len(chips)
        size = canvas.theme.s("button")
        while size > canvas.theme.s("min_text") and any(
            canvas.measure(label, size, "semibold")[0] > w - 56 for _, label, _, _ in chips
        ):
            size -= 1
        self.chip_size = max(size, canvas.theme.s("min_text"))
        for i, (bid, label, enabled, selected) in enumerate(chips):
            rect = Rect(area.x + i * (w + gap), area.y, w, area.h)
            self.add(Button(bid, label, rect, enabled, style="chip", selected=selected))

    def draw_tabs(self, canvas: Canvas, area: Rect) -> None:
        tabs = [(f"tab:{tab}", self.t(f"sandbox.tab.{tab}"), True, tab == self.tab) for tab in TABS]
        self.chips(canvas, area, tabs)
        self.tab_size = self.chip_size

    def button_size(self, button: Button) -> float | None:
        if button.id.startswith("tab:"):
            return self.tab_size
        if button.id.startswith("source:") or button.id in ("chart_only", "controls"):
            return self.source_size
        if button.note:
            return 28.0
        return super().button_size(button)

    def row_height(self, canvas: Canvas, h: int) -> int:
        """A row of this tab: a stepper has its label above it."""
        if self.tab == "doors":
            return h + math.ceil(canvas.line_height(canvas.theme.s("small")) * 1.15)
        return h

    def draw_controls(self, canvas: Canvas, view: SandboxView, area: Rect, h: int) -> int:
        """This tab's rows, a page at a time; returns how many pages."""
        row_h = self.row_height(canvas, h)
        per = max(1, int((area.h + GAP) // (row_h + GAP)))
        if self.tab == "weights":
            rows: list[Any] = list(view.sliders)
        elif self.tab == "doors":
            rows = list(view.thresholds)
        elif self.tab == "data":
            rows = list(view.toggles)
        else:
            rows = list(view.presets)
        pages = max(1, math.ceil(len(rows) / per))
        page = min(self.pages.get(self.tab, 0), pages - 1)
        self.pages[self.tab] = page
        if self.tab == "doors" and not rows:
            canvas.paragraph(self.t("sandbox.no_doors"), area, canvas.theme.s("body"), canvas.theme.c("muted"))
        for i, row in enumerate(rows[page * per : (page + 1) * per]):
            box = Rect(area.x, area.y + i * (row_h + GAP), area.w, row_h)
            if self.tab == "weights":
                self.draw_slider(canvas, row, box)
            elif self.tab == "doors":
                self.draw_threshold(canvas, row, box, h)
            elif self.tab == "data":
                self.draw_choice(canvas, f"toggle:{row.id}", row.label, row.note, box, row.on, row.enabled)
            else:
                note = f"{self.t('sandbox.active')} · {row.note}" if row.active else row.note
                self.draw_choice(canvas, f"preset:{row.id}", row.label, note, box, row.active)
        return pages

    def draw_choice(
        self, canvas: Canvas, bid: str, label: str, note: str, box: Rect, selected: bool, enabled: bool = True
    ) -> None:
        """A toggle or a preset: a button whose label and note wrap rather than being cut."""
        theme = canvas.theme
        if not enabled:
            bg, fg = theme.c("button_disabled"), theme.c("button_disabled_text")
        elif selected:
            bg, fg = theme.c("accent"), theme.c("card_text")
        else:
            bg, fg = theme.c("button"), theme.c("button_text")
        canvas.rect(box, bg, radius=18)
        inner = Rect(box.x + 24, box.y + 8, box.w - 48, box.h - 16)
        top = round(inner.h * 0.56)
        canvas.paragraph(label, Rect(inner.x, inner.y, inner.w, top), 28, fg, "semibold", spacing=1.0, valign="bottom")
        canvas.paragraph(note, Rect(inner.x, inner.y + top, inner.w, inner.h - top), 20, fg, "italic", spacing=1.0)
        self.add(Button(bid, label, box, enabled, style="card", selected=selected))

    def draw_slider(self, canvas: Canvas, slider: Slider, box: Rect) -> None:
        theme = canvas.theme
        h = box.h
        self.add(Button(f"weight:-:{slider.category}", "−", Rect(box.x, box.y, h, h), style="chip"))
        self.add(Button(f"weight:+:{slider.category}", "+", Rect(box.right - h, box.y, h, h), style="chip"))
        track = Rect(box.x + h + 12, box.y, box.w - 2 * h - 24, h)
        canvas.rect(track, theme.c("surface"), radius=14)
        inner = Rect(track.x + 20, track.y + 6, track.w - 40, track.h - 12)
        label_h = round(inner.h * 0.5)
        colour = theme.c("highlight") if slider.changed else theme.c("text")
        text_w = round(inner.w * 0.62)
        canvas.text(slider.label, Rect(inner.x, inner.y, text_w, label_h), theme.s("small"), colour, "semibold")
        canvas.text(
            slider.text,
            Rect(inner.x + text_w, inner.y, inner.w - text_w, label_h),
            theme.s("small"),
            colour,
            "semibold",
            align="right",
        )
        bar_y = inner.y + label_h + (inner.h - label_h) // 2
        canvas.rect(Rect(inner.x, bar_y - 4, inner.w, 8), theme.c("surface_alt"), radius=4)
        share = 0.0 if slider.top <= 0 else min(1.0, slider.value / slider.top)
        canvas.rect(Rect(inner.x, bar_y - 4, max(8, round(inner.w * share)), 8), theme.c("accent"), radius=4)
        canvas.circle((inner.x + inner.w * share, bar_y), 14, theme.c("accent"))
        button = self.add(Button(f"track:{slider.category}", slider.label, track, style="card"))
        self.tracks.append((button, slider))

    def draw_threshold(self, canvas: Canvas, row: Threshold, box: Rect, h: int) -> None:
        """The door and what it says at this tier, then −50 −10 [the threshold] +10 +50."""
        theme = canvas.theme
        label_h = box.h - h
        canvas.text(
            f"{row.door_name} · {row.says}",
            Rect(box.x, box.y, box.w, label_h),
            theme.s("small"),
            theme.c("muted"),
            "semibold",
        )
        y = box.y + label_h
        widest = max(
            canvas.measure(self.words.signed(step, 0), theme.s("button"), "semibold")[0] for step, _ in row.steps
        )
        width = max(h, 100, round(widest) + 64)
        gap = 10
        middle = Rect(box.x + 2 * (width + gap), y, box.w - 4 * width - 4 * gap, h)
        canvas.rect(middle, theme.c("surface"), radius=14)
        colour = theme.c("highlight") if row.changed else theme.c("text")
        canvas.text(
            row.label,
            Rect(middle.x + 12, middle.y, middle.w - 24, middle.h),
            theme.s("body"),
            colour,
            "semibold",
            "center",
            "center",
        )
        xs = [box.x, box.x + width + gap, middle.right + gap, middle.right + 2 * gap + width]
        for x, (step, possible) in zip(xs, row.steps, strict=True):
            label = self.words.signed(step, 0)
            bid = f"tier:{row.door}:{row.tier}:{step}"
            self.add(Button(bid, label, Rect(x, y, width, h), possible, style="chip"))

    def draw_pager(self, canvas: Canvas, area: Rect) -> None:
        if self.page_count <= 1:
            return
        h = area.h
        page = self.pages.get(self.tab, 0)
        self.add(Button("page:up", "↑", Rect(area.x, area.y, h, h), page > 0, style="chip"))
        canvas.text(
            self.t("sandbox.page", n=page + 1, of=self.page_count),
            Rect(area.x + h, area.y, 130, h),
            canvas.theme.s("small"),
            canvas.theme.c("muted"),
            "semibold",
            "center",
            "center",
        )
        self.add(Button("page:down", "↓", Rect(area.x + h + 130, area.y, h, h), page < self.page_count - 1, "chip"))

    def draw_actions(self, canvas: Canvas, area: Rect) -> None:
        h = area.h
        back_w = 280
        self.add(Button("back", self.t("sandbox.back"), Rect(area.right - back_w, area.y, back_w, h), style="primary"))
        if not self.ctx.settings.kiosk:  # a kiosk's visitors never write files
            self.add(Button("save", self.t("sandbox.save"), Rect(area.x, area.y, area.w - back_w - 24, h)))

    def draw_chart_column(self, canvas: Canvas, view: SandboxView, area: Rect, h: int, mode: str, key: str) -> None:
        """Where the months come from, then the chart, then the answer."""
        theme = canvas.theme
        sources = [(f"source:{sid}", label, ok, sid == view.chart.source) for sid, label, ok in view.chart.sources]
        self.chips(canvas, Rect(area.x, area.y, area.w, h), [*sources, (mode, self.t(key), True, False)])
        self.source_size = self.chip_size
        big = self.chart_only
        y = area.y + h + 12
        kicker_h = math.ceil(canvas.line_height(theme.s("small")) * 1.1)
        canvas.text(view.summary, Rect(area.x, y, area.w, kicker_h), theme.s("small"), theme.c("muted"))
        y += kicker_h
        title = theme.s("title") if big else theme.s("heading")
        title_h = math.ceil(canvas.line_height(title, "bold") * 1.05)
        canvas.text(view.question, Rect(area.x, y, area.w, title_h), title, theme.c("text"), "bold")
        y += title_h + 4
        verdict_h = self.verdict_height(canvas, view, area.w - 40, big, area.h)
        verdict = Rect(area.x, area.bottom - verdict_h, area.w, verdict_h)
        self.draw_chart(canvas, view, view.chart, Rect(area.x, y, area.w, verdict.y - GAP - y))
        self.draw_verdict(canvas, view, verdict)

    def draw_chart(self, canvas: Canvas, view: SandboxView, chart: Chart, area: Rect) -> None:
        theme = canvas.theme
        small = theme.s("small")
        line = math.ceil(canvas.line_height(small) * 1.05)
        foot = [t for t in (view.visit, chart.note) if t]
        if not chart.rows:  # nothing to chart: say why where the chart would be
            y = area.y
            for text in reversed(foot):
                y += round(
                    canvas.paragraph(text, Rect(area.x, y, area.w, area.h // 3), theme.s("body"), theme.c("muted"))
                )
                y += GAP
            return
        foot_line = round(min(2 * line, area.h * 0.14))
        foot_h = len(foot) * foot_line
        canvas.text(chart.legend, Rect(area.x, area.y, area.w, line), small, theme.c("muted"))
        y = area.bottom - foot_h
        for text in foot:
            canvas.paragraph(text, Rect(area.x, y, area.w, foot_line), small, theme.c("muted"))
            y += foot_line
        rows_box = Rect(area.x, area.y + line + 6, area.w, area.h - line - 6 - foot_h - 6)
        row_h = min(rows_box.h // len(chart.rows), 220 if self.chart_only else 150)
        for i, row in enumerate(chart.rows):
            box = Rect(rows_box.x, rows_box.y + i * row_h, rows_box.w, row_h - 8)
            self.draw_row(canvas, chart, row, box)

    def draw_row(self, canvas: Canvas, chart: Chart, row: Any, box: Rect) -> None:
        """Name and mean score; the two bars; the goal rate and the doors."""
        theme = canvas.theme
        size = theme.s("small")
        if self.chart_only:  # larger type for the room: the largest up to body that leaves the bars their height
            trial = theme.s("body")
            while trial > size and box.h - 2 * math.ceil(canvas.line_height(trial) * 1.05) < 32:
                trial -= 1
            size = trial
        text_h = math.ceil(canvas.line_height(size) * 1.05)
        bars_h = max(8, box.h - 2 * text_h)
        half = box.w // 2
        canvas.text(row.name, Rect(box.x, box.y, half, text_h), size, theme.c("text"), "semibold")
        colour = theme.c("muted") if row.hidden else theme.c("text")
        canvas.text(row.score, Rect(box.x + half, box.y, box.w - half, text_h), size, colour, "semibold", "right")
        bars = Rect(box.x, box.y + text_h, box.w, bars_h)
        canvas.rect(bars, theme.c("surface"), radius=6)
        span = max(1, chart.hi - chart.lo)
        bar_h = max(3, (bars.h - 6) // 2)
        for j, (value, colour_name) in enumerate(((row.before, "muted"), (row.after, "accent"))):
            if value is None:
                continue
            width = round(bars.w * min(1.0, max(0.0, (value - chart.lo) / span)))
            canvas.rect(Rect(bars.x, bars.y + 2 + j * (bar_h + 2), max(4, width), bar_h), theme.c(colour_name), 4)
        below = Rect(box.x, bars.bottom, box.w, box.bottom - bars.bottom)
        if row.doors:  # the goal is short: the doors take the rest of the line, so they keep the row's size
            goal_w = min(half, math.ceil(canvas.measure(row.goal, size)[0]) + 24)
            canvas.text(row.goal, Rect(below.x, below.y, goal_w - 10, below.h), size, theme.c("muted"))
            canvas.text(
                row.doors,
                Rect(below.x + goal_w, below.y, below.w - goal_w, below.h),
                size,
                theme.c("muted"),
                align="right",
            )
        else:
            canvas.text(row.goal, below, size, theme.c("muted"))

    def verdict_height(self, canvas: Canvas, view: SandboxView, width: int, big: bool, room: int) -> int:
        """As tall as the answer needs (at least the usual box), never more than 40 % of the column."""
        theme = canvas.theme
        size = theme.s("heading") if big else theme.s("body")
        small_line = math.ceil(canvas.line_height(theme.s("small")) * 1.1)
        answer = len(canvas.wrap(view.answer, width, size, "semibold")) * canvas.line_height(size, "semibold") * 1.15
        gap = min(2, len(canvas.wrap(view.gap, width, theme.s("small")))) * small_line if view.gap else 0
        needed = math.ceil(answer + gap + (small_line if self.status else 0) + 24)
        return min(max(150, needed), round(room * 0.4))

    def draw_verdict(self, canvas: Canvas, view: SandboxView, area: Rect) -> None:
        theme = canvas.theme
        canvas.rect(area, theme.c("surface"), radius=16)
        inner = Rect(area.x + 20, area.y + 10, area.w - 40, area.h - 20)
        small = theme.s("small")
        line = math.ceil(canvas.line_height(small) * 1.1)
        top = self.status or ""
        top_h = line if top else 0
        if top:
            canvas.text(top, Rect(inner.x, inner.y, inner.w, top_h), small, theme.c("good"), "semibold")
        lines = len(canvas.wrap(view.gap, inner.w, small)) if view.gap else 0
        gap_h = min(2, lines) * line
        body = Rect(inner.x, inner.y + top_h, inner.w, inner.h - top_h - gap_h)
        size = theme.s("heading") if self.chart_only else theme.s("body")
        canvas.paragraph(view.answer, body, size, theme.c("highlight"), "semibold", valign="center")
        if view.gap:
            box = Rect(inner.x, inner.bottom - gap_h, inner.w, gap_h)
            canvas.paragraph(view.gap, box, small, theme.c("text"), valign="bottom")

    # -- input ---------------------------------------------------------------------------------------
    def handle(self, intent: Intent) -> Transition | None:
        if isinstance(intent, Activate) and intent.pos is not None:
            self.point = self.ctx.to_logical(*intent.pos)
        elif isinstance(intent, Activate):
            self.point = None
        return super().handle(intent)

    def on_drag(self, drag: Drag) -> None:
        point = self.ctx.to_logical(*drag.pos)
        found = hit([b for b, _ in self.tracks], point)
        if found is not None:
            self.set_from_track(found.id.split(":", 1)[1], point[0])

    def set_from_track(self, category: str, x: float) -> None:
        for button, slider in self.tracks:
            if slider.category == category:
                inner = Rect(button.rect.x + 20, button.rect.y, button.rect.w - 40, button.rect.h)
                share = min(1.0, max(0.0, (x - inner.x) / max(1, inner.w)))
                self.change(self.rules.with_weight(category, round(share * slider.top)))
                return

    def change(self, rules: Rules) -> None:
        if rules != self.rules:
            self.rules = rules
            self.status = ""

    def on_button(self, button_id: str) -> Transition | None:
        kind, _, rest = button_id.partition(":")
        level, config = self.ctx.level, self.bench.config
        if button_id == "back":
            return Pop()
        if kind == "tab":
            self.tab = rest
        elif kind == "page":
            self.pages[self.tab] = max(0, self.pages.get(self.tab, 0) + (-1 if rest == "up" else 1))
        elif kind == "source":
            self.source = rest
        elif button_id == "chart_only":
            self.chart_only = True
        elif button_id == "controls":
            self.chart_only = False
        elif kind == "weight":
            sign, category = rest.split(":", 1)
            step = config.weights.step * (1 if sign == "+" else -1)
            value = self.rules.weight(category) + step
            self.change(self.rules.with_weight(category, round(value / config.weights.step) * config.weights.step))
        elif kind == "track" and self.point is not None:
            self.set_from_track(rest, self.point[0])
        elif kind == "tier":
            door, tier, change = rest.split(":")
            moved = self.rules.tiers(door)[int(tier)] + int(change)
            self.change(self.rules.with_threshold(level, door, int(tier), moved))
        elif kind == "toggle":
            self.toggle(rest)
        elif kind == "preset":
            preset = next(p for p in self.bench.presets if p.id == rest)
            self.change(preset.apply(level, self.rules))
        elif button_id == "save":
            path = self.ctx.level_path
            folder = path.parent if path is not None else LEVELS_DIR
            stem = path.stem if path is not None else level.id
            self.status = present.save_sandbox(self.bench, self.rules, folder, stem, self.words)
        return None

    def toggle(self, which: str) -> None:
        kind, _, rest = which.partition(":")
        if kind == "friends":
            self.change(self.rules.with_friends(not self.rules.friends_average))
        elif kind == "cat":
            self.change(self.rules.with_category(rest, rest in self.rules.data_off))
        elif kind == "point":
            persona, index = rest.rsplit(":", 1)
            key = (persona, int(index))
            self.change(self.rules.with_point(persona, int(index), key in self.rules.points_off))

    def on_back(self) -> Transition | None:
        if self.chart_only:
            self.chart_only = False
            return None
        return Pop()
