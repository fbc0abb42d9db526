"""What if: touch one of your choices, then another option, and see that month at once.

The other month is an engine replay (:mod:`game.core.replay`), drawn as a dashed line
beside yours, with both endings side by side. "Same choices, another persona" replays
your choices as someone else, under the same rules.
"""

from __future__ import annotations

import math
from typing import TYPE_CHECKING

from game.core.replay import Timeline
from game.debrief.views import chart_range, met_thresholds
from game.debrief.whatif import ChoiceItem, Result, WhatIf, result
from game.present import debrief
from game.present.labels import persona_name
from game.screens.debrief.chart import Series, draw_chart
from game.screens.debrief.panel import Panel
from game.ui.canvas import Canvas, Rect
from game.ui.widgets import Button

if TYPE_CHECKING:
    from game.screens.debrief.screen import DebriefScreen

LIST_W = 780
GAP = 12


class WhatIfPanel(Panel):
    id = "whatif"

    def __init__(self, screen: DebriefScreen) -> None:
        super().__init__(screen)
        self.expanded: int | None = None
        self.picked: tuple[str, ...] | None = None
        self._probe: WhatIf | None = None
        self.jump = False  # turn to the page of the choice just opened

    @property
    def probe(self) -> WhatIf:
        if self._probe is None or self._probe.session is not self.visit.session:
            self._probe = debrief.whatif(self.visit)
            self.expanded = self.picked = None
        return self._probe

    def other(self) -> Timeline | None:
        """The month shown beside the player's, if one was picked."""
        if self.picked is None:
            return None
        if self.picked[0] == "option":
            return self.probe.option(int(self.picked[1]), self.picked[2])
        return self.probe.as_persona(self.picked[1])

    def other_label(self) -> str:
        if self.picked is None:
            return self.t("debrief.whatif.none")
        if self.picked[0] == "option":
            index = int(self.picked[1])
            scene = self.probe.choices[index][0]
            return self.t("debrief.whatif.if_option", option=self.option_text(scene, self.picked[2]))
        return self.t("debrief.whatif.as_persona", name=persona_name(self.level, self.screen.words, self.picked[1]))

    def on_button(self, action: str) -> None:
        parts = action.split(":")
        if parts[0] == "choice":
            index = int(parts[1])
            self.expanded = None if self.expanded == index else index
            self.jump = self.expanded is not None
        elif parts[0] == "alt":
            self.picked = ("option", parts[1], parts[2])
        elif parts[0] == "persona":
            self.picked = ("persona", parts[1])

    # -- drawing -----------------------------------------------------------------------------------
    def draw(self, canvas: Canvas, area: Rect, page: int) -> int:
        left = Rect(area.x, area.y, LIST_W, area.h)
        right = Rect(area.x + LIST_W + 40, area.y, area.w - LIST_W - 40, area.h)
        self.draw_right(canvas, right)
        return self.draw_left(canvas, left, page)

    def draw_left(self, canvas: Canvas, area: Rect, page: int) -> int:
        theme = canvas.theme
        small = theme.s("small")
        h = round(self.screen.target())
        line = math.ceil(canvas.line_height(small, "semibold"))
        y = area.y
        canvas.text(
            self.t("debrief.whatif.personas"), Rect(area.x, y, area.w, line), small, theme.c("muted"), "semibold"
        )
        y += line + 8
        others = [p for p in self.level.personas if p.id != self.visit.persona]
        w = (area.w - GAP * (len(others) - 1)) // max(1, len(others))
        for i, persona in enumerate(others):
            picked = self.picked == ("persona", persona.id)
            self.screen.add(
                Button(
                    f"whatif:persona:{persona.id}",
                    self.p(persona.name),
                    Rect(area.x + i * (w + GAP), y, w, h),
                    selected=picked,
                )
            )
        y += h + 20
        canvas.text(
            self.t("debrief.whatif.choices"), Rect(area.x, y, area.w, line), small, theme.c("muted"), "semibold"
        )
        y += line + 8
        per_page = max(1, (area.bottom - y + GAP) // (h + GAP))
        pages, opened = self.paginate(debrief.choices(self.visit), per_page)
        if self.jump:
            page, self.jump = opened, False
            self.screen.pages[self.id] = page
        page = min(page, len(pages) - 1)
        for row, (kind, item, option) in enumerate(pages[page]):
            rect = Rect(area.x, y + row * (h + GAP), area.w, h)
            if kind == "choice":
                self.choice_card(canvas, rect, item)
            else:
                self.alternative(rect, item, option)
        return len(pages)

    def paginate(self, items: list[ChoiceItem], per_page: int) -> tuple[list[list[tuple[str, ChoiceItem, str]]], int]:
        """Choices (with their alternatives when open) in pages, and the open one's page."""
        pages: list[list[tuple[str, ChoiceItem, str]]] = [[]]
        opened = 0
        for item in items:
            rows = [("choice", item, item.option)]
            if self.expanded == item.index:
                rows += [("alt", item, a.option) for a in self.probe.alternatives(item.index)]
            if pages[-1] and len(pages[-1]) + len(rows) > per_page:
                pages.append([])
            if self.expanded == item.index:
                opened = len(pages) - 1
            pages[-1].extend(rows)
        return pages, opened

    def choice_card(self, canvas: Canvas, rect: Rect, item: ChoiceItem) -> None:
        theme = canvas.theme
        small = theme.s("small")
        open_ = self.expanded == item.index
        canvas.rect(rect, theme.c("card") if open_ else theme.c("surface_alt"), radius=18)
        ink = theme.c("card_text") if open_ else theme.c("text")
        muted = theme.c("card_muted") if open_ else theme.c("muted")
        inner = rect.inflate(-40, -16)
        line = math.ceil(canvas.line_height(small, "semibold"))
        top = inner.y + max(0, (inner.h - 2 * line) // 2)
        canvas.text(self.p(item.title), Rect(inner.x, top, inner.w, line), small, muted, "semibold")
        canvas.text(self.p(item.text), Rect(inner.x, top + line, inner.w, line), small, ink, "semibold")
        self.screen.add(Button(f"whatif:choice:{item.index}", self.p(item.text), rect, style="card"))

    def alternative(self, rect: Rect, item: ChoiceItem, option: str) -> None:
        alt = next(a for a in self.probe.alternatives(item.index) if a.option == option)
        picked = self.picked == ("option", str(item.index), option)
        label = "→ " + self.p(alt.text)
        note = "" if alt.available else self.t("scene.unavailable")
        rect = Rect(rect.x + 60, rect.y, rect.w - 60, rect.h)
        self.screen.add(
            Button(f"whatif:alt:{item.index}:{option}", label, rect, enabled=alt.available, selected=picked, note=note)
        )

    def draw_right(self, canvas: Canvas, area: Rect) -> None:
        theme = canvas.theme
        small = theme.s("small")
        mine = self.probe.mine()
        other = self.other()
        row = math.ceil(canvas.line_height(small, "semibold")) + 10
        col_w = (area.w - area.w * 26 // 100) // 2
        head_lines = max(1, len(canvas.wrap(self.other_label(), col_w - 40, small, "bold")))
        table_h = row * (3 + head_lines) + 8
        chart = Rect(area.x, area.y, area.w, area.h - table_h - 16)
        series = [] if mine.outcome.declined else [Series(mine.scores, theme.c("accent"))]
        if other is not None and not other.outcome.declined:
            series.append(Series(other.scores, theme.c("highlight"), dashed=True))
        level = self.level
        marks = met_thresholds(level, [d.door for t in (mine, other) if t is not None for d in t.doors])
        span = chart_range([s.scores for s in series], level.score.min, level.score.max, marks)
        steps = max((len(s.scores) for s in series), default=len(mine.scores))
        labels = [self.t("debrief.month.start")] + [self.t("debrief.whatif.week_short", n=i) for i in range(1, steps)]
        if series:
            draw_chart(canvas, chart, series, span, marks, labels)
        else:  # no account on either side: Halo scored nothing to draw
            canvas.rect(chart, theme.c("surface"), radius=18)
            canvas.paragraph(
                self.t("debrief.whatif.no_score"),
                chart.inflate(-80, -80),
                theme.s("body"),
                theme.c("muted"),
                align="center",
                valign="center",
            )
        self.table(canvas, Rect(area.x, chart.bottom + 16, area.w, table_h), row, mine, other, head_lines)

    def table(
        self, canvas: Canvas, rect: Rect, row: int, mine: Timeline, other: Timeline | None, head_lines: int = 1
    ) -> None:
        theme = canvas.theme
        small = theme.s("small")
        label_w = rect.w * 26 // 100
        col_w = (rect.w - label_w) // 2
        x1, x2 = rect.x + label_w, rect.x + label_w + col_w
        canvas.circle((x1 + 12, rect.y + row / 2), 10, theme.c("accent"))
        canvas.text(
            self.t("debrief.whatif.yours"),
            Rect(x1 + 32, rect.y, col_w - 40, row),
            small,
            theme.c("accent"),
            "bold",
            valign="center",
        )
        colour = theme.c("highlight")
        if other is not None:
            canvas.rect(Rect(x2 + 3, round(rect.y + row / 2 - 9), 18, 18), colour)
        canvas.paragraph(
            self.other_label(),
            Rect(x2 + 32, rect.y, col_w - 40, row * head_lines),
            small,
            colour if other else theme.c("muted"),
            "bold",
            valign="center",
        )
        rows = [("debrief.whatif.score", "score"), ("debrief.whatif.grade", "grade"), ("debrief.whatif.goal", "goal")]
        results = [result(mine.outcome), result(other.outcome) if other else None]
        for i, (key, field) in enumerate(rows):
            y = rect.y + (i + head_lines) * row + 8
            canvas.rect(Rect(rect.x, y - 4, rect.w, 2), theme.c("surface_alt"))
            canvas.text(
                self.t(key), Rect(rect.x, y, label_w - 16, row), small, theme.c("muted"), "semibold", valign="center"
            )
            for x, res in ((x1, results[0]), (x2, results[1])):
                if res is not None:
                    canvas.text(
                        self.cell(res, field),
                        Rect(x + 32, y, col_w - 40, row),
                        small,
                        theme.c("text"),
                        "bold",
                        valign="center",
                    )

    def cell(self, res: Result, field: str) -> str:
        if field == "score":
            return self.t("debrief.whatif.no_account") if res.score is None else str(res.score)
        if field == "grade":
            return res.grade or self.t("debrief.whatif.no_account")
        return self.t("end.goal_reached" if res.goal else "end.goal_missed")
