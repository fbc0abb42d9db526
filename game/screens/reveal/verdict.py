"""Step 3, not your fault: one sentence and one picture — a balance whose two pans are
what the visitor chose and what they never chose (who they are, the drawn rules, the
system), each pan as heavy as its signed net effect on the month.
"""

from __future__ import annotations

import math

from game.debrief.fault import Fault, fault_of, fault_sentence
from game.screens.debrief.layout import sign_colour
from game.screens.reveal.step import RevealStep
from game.ui.canvas import Canvas, Rect

MAX_TILT = 10.0  # degrees, when one pan holds everything


class VerdictStep(RevealStep):
    id = "fault"

    def fault(self) -> Fault:
        return fault_of(self.level, self.visit.session.state)

    def pans(self, fault: Fault) -> list[tuple[str, str, float]]:
        """Each pan: what weighs in it, what that is, its signed net points."""
        return [
            (self.t("reveal.fault.chosen"), self.t("reveal.fault.chosen_what"), fault.chosen),
            (self.t("reveal.fault.not_chosen"), self.t("reveal.fault.not_chosen_what"), fault.not_chosen),
        ]

    def figure(self, points: float) -> str:
        return self.t("reveal.fault.points", points=self.signed(points), n=abs(round(points)))

    def texts(self) -> list[str]:
        fault = self.fault()
        out = [self.title(), fault_sentence(fault, self.screen.words)]
        for label, what, points in self.pans(fault):
            out += [label, what, self.figure(points)]
        return out

    def draw(self, canvas: Canvas, area: Rect, age: float) -> None:
        theme = canvas.theme
        fault = self.fault()
        canvas.paragraph(
            fault_sentence(fault, self.screen.words),
            Rect(area.x, area.y, area.w, 130),
            theme.s("heading"),
            theme.c("highlight"),
            "semibold",
        )
        self.balance(canvas, Rect(area.x, area.y + 150, area.w, area.h - 150), self.pans(fault))

    def balance(self, canvas: Canvas, box: Rect, pans: list[tuple[str, str, float]]) -> None:
        """A beam on its pivot, tipped toward the pan that moved the month more."""
        theme = canvas.theme
        (_, _, left), (_, _, right) = pans
        heaviest = max(abs(left), abs(right)) or 1.0
        tilt = math.radians(MAX_TILT) * (abs(right) - abs(left)) / heaviest
        cx, cy = box.centerx, box.y + 50
        half = min(620, box.w // 2 - 260)
        dx, dy = half * math.cos(tilt), half * math.sin(tilt)
        ends = [(cx - dx, cy - dy), (cx + dx, cy + dy)]
        canvas.polygon([(cx, cy), (cx - 60, cy + 170), (cx + 60, cy + 170)], theme.c("surface_alt"))
        canvas.line(ends[0], ends[1], theme.c("muted"), 14)
        canvas.circle((cx, cy), 16, theme.c("text"))
        for (label, what, points), (x, y) in zip(pans, ends, strict=True):
            colour = sign_colour(canvas, points)
            side = round(80 + 90 * abs(points) / heaviest)  # the weight grows with what it moved
            canvas.line((x, y), (x, y + 40), theme.c("muted"), 4)
            weight = Rect(round(x - side / 2), round(y + 40), side, side)
            canvas.rect(weight, colour, radius=18)
            canvas.text(
                self.signed(points),
                weight.inflate(-12, -12),
                theme.s("heading"),
                theme.c("background"),
                "bold",
                "center",
                "center",
            )
            words = Rect(round(x) - 260, weight.bottom + 16, 520, 150)
            canvas.text(label, Rect(words.x, words.y, words.w, 48), theme.s("body"), theme.c("text"), "bold", "center")
            canvas.paragraph(
                f"{self.figure(points)} · {what}",
                Rect(words.x, words.y + 52, words.w, 96),
                theme.s("small"),
                theme.c("muted"),
                align="center",
            )
