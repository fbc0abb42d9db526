"""Step 4, what if: the one choice that would have changed the month most, found for the
visitor (:mod:`game.debrief.decisive`), its month beside theirs; one tap shows the same
choices lived by someone else instead. A visitor who refused Halo sees the month had
they joined.
"""

from __future__ import annotations

import math
from typing import TYPE_CHECKING

from game.core.replay import Timeline
from game.core.rules import CONSENT
from game.debrief.decisive import Decisive, decisive, distance
from game.debrief.views import chart_range
from game.debrief.whatif import WhatIf
from game.present import debrief
from game.screens.debrief.chart import Series, draw_chart
from game.screens.reveal.step import RevealStep
from game.ui.canvas import Canvas, Rect
from game.ui.pictures import door_picture, face
from game.ui.widgets import Button

if TYPE_CHECKING:
    from game.screens.reveal.screen import RevealScreen

SIDE = 200
MIN_SIDE = 140  # below this the face and door keep their size and the words get smaller


class WhatIfStep(RevealStep):
    id = "whatif"

    def __init__(self, screen: RevealScreen) -> None:
        super().__init__(screen)
        self.kind = "choice"
        self._found: dict[str, Decisive | None] = {}

    def found(self, kind: str) -> Decisive | None:
        if kind not in self._found:
            whatif = debrief.whatif(self.visit)
            if self.declined:  # without Halo, the one what-if is having joined
                self._found[kind] = self.joined(whatif) if kind == "choice" else None
            else:
                self._found[kind] = decisive(whatif, "choice" if kind == "choice" else "persona")
        return self._found[kind]

    def joined(self, whatif: WhatIf) -> Decisive | None:
        """The month had the visitor said yes to Halo (their first choice, changed)."""
        index = next((i for i, (scene, _) in enumerate(whatif.choices) if scene == CONSENT), None)
        if index is None:
            return None
        other = next((a for a in whatif.alternatives(index) if a.available), None)
        if other is None:
            return None
        month = whatif.option(index, other.option)
        return Decisive("choice", month, distance(self.level, whatif.mine(), month), index, CONSENT, other.option)

    @property
    def current(self) -> Decisive | None:
        return self.found(self.kind) or self.found("persona" if self.kind == "choice" else "choice")

    def on_button(self, action: str) -> None:
        if action == "toggle":
            self.kind = "persona" if self.kind == "choice" else "choice"

    # -- words ------------------------------------------------------------------------------
    def persona_name(self, pid: str) -> str:
        persona = next(p for p in self.level.personas if p.id == pid)
        return self.screen.p(persona.name)

    def sentence(self, found: Decisive | None) -> str:
        if found is None:
            return self.t("reveal.whatif.none")
        if found.kind == "persona":
            return self.t("reveal.whatif.persona", persona=self.persona_name(found.persona or ""))
        if found.scene == CONSENT:
            return self.t("reveal.whatif.joined")
        return self.t(
            "reveal.whatif.choice", scene=self.scene(found.scene or ""), option=self.option(found.scene, found.option)
        )

    def toggle_label(self) -> str:
        if self.current is not None and self.current.kind == "persona":
            return self.t("reveal.whatif.to_choice")
        other = self.found("persona")
        return self.t("reveal.whatif.to_persona", persona=self.persona_name(other.persona or "") if other else "")

    def result_lines(self, month: Timeline) -> tuple[str, str]:
        outcome = month.outcome
        goal = self.t("reveal.whatif.goal_reached" if outcome.goal_reached else "reveal.whatif.goal_missed")
        if outcome.declined or outcome.grade is None:
            return goal, self.t("reveal.whatif.no_score")
        return goal, self.t("reveal.whatif.grade", grade=outcome.grade, score=outcome.final_score)

    def texts(self) -> list[str]:
        found = self.current
        out = [self.title(), self.sentence(found)]
        if found is None:
            return out
        mine = debrief.whatif(self.visit).mine()
        out += [self.t("reveal.whatif.yours"), *self.result_lines(mine)]
        out += [self.t("reveal.whatif.theirs"), *self.result_lines(found.timeline)]
        if not (mine.outcome.goal_reached and found.timeline.outcome.goal_reached):
            out.append(self.t("end.stamp_missed").upper())  # the stamp on a goal left shut
        if self.found("choice") and self.found("persona"):
            out.append(self.toggle_label())
        return out

    # -- drawing ----------------------------------------------------------------------------
    def draw(self, canvas: Canvas, area: Rect, age: float) -> None:
        theme = canvas.theme
        found = self.current
        canvas.paragraph(
            self.sentence(found),
            Rect(area.x, area.y, area.w, 120),
            theme.s("heading"),
            theme.c("highlight"),
            "semibold",
        )
        if found is None:
            return
        mine = debrief.whatif(self.visit).mine()
        top = area.y + 150
        h = round(self.screen.target())
        room = area.bottom - top - h - 24
        w = 560
        self.column(canvas, Rect(area.x, top, w, room), self.t("reveal.whatif.yours"), mine, False)
        self.column(canvas, Rect(area.x + w + 40, top, w, room), self.t("reveal.whatif.theirs"), found.timeline, True)
        chart = Rect(area.x + 2 * w + 80, top, area.w - 2 * w - 80, room)
        months = [m for m in (mine, found.timeline) if not m.outcome.declined]  # no score, no line
        series = [
            Series(m.scores, theme.c("highlight") if m is found.timeline else theme.c("accent"), m is found.timeline)
            for m in months
        ]
        marks = debrief.thresholds(self.visit, months)
        span = chart_range([m.scores for m in months], self.level.score.min, self.level.score.max, marks)
        count = max((len(m.scores) for m in months), default=0)
        labels = ["" if i == 0 else str(i) for i in range(count)]  # a narrow chart: the weeks, numbered
        if months:
            draw_chart(canvas, chart, series, span, marks, labels)
        if self.found("choice") and self.found("persona"):
            label = self.toggle_label()
            bw = max(520, round(canvas.measure(label, theme.s("button"), "semibold")[0]) + 80)
            self.add(Button("step:toggle", label, Rect(area.x, area.bottom - h, bw, h)))

    def column(self, canvas: Canvas, box: Rect, heading: str, month: Timeline, dashed: bool) -> None:
        """One month's ending; its heading carries the chart line's colour and dash (the legend)."""
        theme = canvas.theme
        outcome = month.outcome
        persona = next(p for p in self.level.personas if p.id == month.persona)
        canvas.rect(box, theme.c("surface"), radius=24)
        inner = box.inflate(-48, -40)
        ink = theme.c("highlight") if dashed else theme.c("accent")
        sample_y = inner.y + 26
        for x in range(inner.x, inner.x + 60, 24 if dashed else 60):
            canvas.line((x, sample_y), (x + (14 if dashed else 60), sample_y), ink, 6)
        line = math.ceil(canvas.line_height(theme.s("heading"), "bold"))  # grows with larger text
        canvas.text(heading, Rect(inner.x + 80, inner.y, inner.w - 80, line), theme.s("heading"), ink, "bold")
        # The goal and the grade stay inside the box (with larger text the grade ran out
        # under the next button): the face and the door shrink first, then their words.
        size = theme.s("heading")
        if inner.h - 3 * line - 52 < MIN_SIDE:
            size = theme.s("body")
        row = math.ceil(canvas.line_height(size, "bold"))
        side = max(MIN_SIDE // 2, min(SIDE, inner.h - line - 2 * row - 52))
        y = inner.y + line + 20
        mood = "happy" if outcome.goal_reached else "sad"
        face(canvas, (inner.x + side / 2, y + side / 2), side, persona.portrait or persona.id, mood)
        picture = Rect(inner.x + side + 30, y, side, side)
        verdict = self.t("end.stamp_missed")
        door_picture(canvas, picture, persona.goal.picture, "grant" if outcome.goal_reached else "refuse", 1.0, verdict)
        goal, grade = self.result_lines(month)
        y += side + 16
        colour = theme.c("good") if outcome.goal_reached else theme.c("warning")
        canvas.text(goal, Rect(inner.x, y, inner.w, row), size, colour, "semibold")
        y += row + 8
        canvas.text(grade, Rect(inner.x, y, inner.w, row), size, theme.c("highlight"), "bold")
