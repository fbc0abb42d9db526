"""Step 3, not your fault: one sentence and one picture — a balance whose two pans are
what the visitor chose and what they never chose (who they are, the drawn rules, the
system), each pan as heavy as its signed net effect on the month.
"""

from __future__ import annotations

import math

from game.debrief.fault import Fault, fault_sentence
from game.present import debrief
from game.screens.debrief.layout import sign_colour
from game.screens.reveal.step import RevealStep
from game.ui.canvas import Canvas, Rect

MAX_TILT = 10.0  # degrees, when one pan holds everything


class VerdictStep(RevealStep):
    id = "fault"

    def fault(self) -> Fault:
        """The measure replays the month under other choices and rules: made once, kept."""
        return debrief.fault(self.visit)

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
        sentence, size = fault_sentence(fault, self.screen.words), theme.s("heading")
        lines = len(canvas.wrap(sentence, area.w, size, "semibold"))
        used = math.ceil(lines * canvas.line_height(size, "semibold") * 1.15)
        canvas.paragraph(sentence, Rect(area.x, area.y, area.w, used), size, theme.c("highlight"), "semibold")
        top = used + 24
        self.balance(canvas, Rect(area.x, area.y + top, area.w, area.h - top), self.pans(fault))

    def balance(self, canvas: Canvas, box: Rect, pans: list[tuple[str, str, float]]) -> None:
        """A beam on its pivot, tipped toward the pan that moved the month more; the beam,
        the weights and their words all inside ``box`` (larger text makes the weights
        smaller and the tilt gentler, never the words cut or under a button)."""
        theme = canvas.theme
        (_, _, left), (_, _, right) = pans
        heaviest = max(abs(left), abs(right)) or 1.0
        label_h = math.ceil(canvas.line_height(theme.s("body"), "bold") * 1.2)
        what_h = math.ceil(2 * canvas.line_height(theme.s("small")) * 1.15)
        words_h = label_h + 4 + what_h
        half = min(620, box.w // 2 - 260)
        room = box.h - words_h - 16 - 40 - 10  # for the tipped beam's two ends and the heavier weight
        tilt = math.radians(MAX_TILT) * (abs(right) - abs(left)) / heaviest
        rise = abs(half * math.sin(tilt))
        if room - 2 * rise < 120:  # too little room: a gentler tilt
            rise = max(0.0, (room - 120) / 2)
            tilt = math.copysign(math.asin(min(1.0, rise / half)), tilt)
        biggest = max(40, min(170, round(room - 2 * rise)))
        cx, cy = box.centerx, box.y + 10 + rise
        dx, dy = half * math.cos(tilt), half * math.sin(tilt)
        ends = [(cx - dx, cy - dy), (cx + dx, cy + dy)]
        foot = min(170, box.bottom - cy)
        canvas.polygon([(cx, cy), (cx - 60, cy + foot), (cx + 60, cy + foot)], theme.c("surface_alt"))
        canvas.line(ends[0], ends[1], theme.c("muted"), 14)
        canvas.circle((cx, cy), 16, theme.c("text"))
        for (label, what, points), (x, y) in zip(pans, ends, strict=True):
            colour = sign_colour(canvas, points)
            side = round(biggest * (0.47 + 0.53 * abs(points) / heaviest))  # the weight grows with what it moved
            canvas.line((x, y), (x, y + 40), theme.c("muted"), 4)
            weight = Rect(round(x - side / 2), round(y + 40), side, side)
            canvas.rect(weight, colour, radius=min(18, side // 4))
            figure_w, figure_h = canvas.measure(self.signed(points), theme.s("heading"), "bold")
            if (
                figure_w <= side - 12 and figure_h <= side - 12
            ):  # on the weight when whole (it is in the words below too)
                canvas.text(
                    self.signed(points),
                    weight.inflate(-12, -12),
                    theme.s("heading"),
                    theme.c("background"),
                    "bold",
                    "center",
                    "center",
                )
            words = Rect(round(x) - 260, weight.bottom + 16, 520, words_h)
            canvas.text(
                label, Rect(words.x, words.y, words.w, label_h), theme.s("body"), theme.c("text"), "bold", "center"
            )
            canvas.paragraph(
                f"{self.figure(points)} · {what}",
                Rect(words.x, words.y + label_h + 4, words.w, what_h),
                theme.s("small"),
                theme.c("muted"),
                align="center",
            )
