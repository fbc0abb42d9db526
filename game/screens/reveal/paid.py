"""Step 2, who paid: the faces of the people the month moved, their scores and doors.

A dropped friend's face turns cold (greyed), a reported one sad, one who rated you down
cold (never "still your friend"); the number beside each is their published score at the
start and at the end, the doors those scores open below.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from game.debrief.reveal import HURT, who_paid
from game.debrief.views import ContactFate
from game.present import debrief
from game.screens.debrief.layout import sign_colour
from game.screens.reveal.step import RevealStep
from game.ui.canvas import Canvas, Rect
from game.ui.pictures import face

if TYPE_CHECKING:
    from game.screens.reveal.screen import RevealScreen

FACE = 230


class PaidStep(RevealStep):
    id = "paid"

    def __init__(self, screen: RevealScreen) -> None:
        super().__init__(screen)
        self._everyone: list[ContactFate] | None = None

    def everyone(self) -> list[ContactFate]:
        """Every contact's month, worked out once: the month is over (not once a frame)."""
        if self._everyone is None:
            self._everyone = debrief.others(self.visit)
        return self._everyone

    def fates(self) -> list[ContactFate]:
        return who_paid(self.everyone())

    def lines(self, fate: ContactFate) -> list[str]:
        """Name, what happened between you, their score, their doors."""
        contact = next(c for c in self.level.contacts if c.id == fate.contact)
        what = self.t(f"reveal.paid.{fate.fate}", gender=contact.gender, n=fate.stars or 0)
        out = [self.screen.p(contact.name), what]
        out.append(self.t("reveal.paid.score", start=fate.start, end=fate.end))
        if fate.doors:
            lost = [d for d in fate.doors if d.after != "grant"]
            if lost:
                out.append(self.t("reveal.paid.lost", door=self.door(lost[0].door)))
            else:
                out.append(self.t("reveal.paid.opened", door=self.door(fate.doors[0].door)))
        return out

    def texts(self) -> list[str]:
        fates = self.fates()
        out = [self.title(), self.t("reveal.paid.intro" if fates else "reveal.paid.nobody")]
        for fate in fates:
            out += self.lines(fate)
        return out

    def draw(self, canvas: Canvas, area: Rect, age: float) -> None:
        theme = canvas.theme
        fates = self.fates()
        intro = self.t("reveal.paid.intro" if fates else "reveal.paid.nobody")
        canvas.paragraph(intro, Rect(area.x, area.y, area.w, 120), theme.s("heading"), theme.c("highlight"), "semibold")
        if not fates:  # the people of the month, untouched: faces, no words
            people = [c for c in self.level.contacts if c.id in {f.contact for f in self.everyone()}][:4]
            for i, contact in enumerate(people):
                centre = (area.x + area.w * (i + 0.5) / max(1, len(people)), area.y + 160 + FACE / 2)
                face(canvas, centre, FACE, contact.portrait or contact.id, "happy")
            return
        gap = 40
        w = min(420, (area.w - gap * (len(fates) - 1)) // len(fates))
        x0 = area.x + (area.w - (w * len(fates) + gap * (len(fates) - 1))) // 2
        top = area.y + 160
        for i, fate in enumerate(fates):
            self.card(canvas, Rect(x0 + i * (w + gap), top, w, area.bottom - top), fate)

    def card(self, canvas: Canvas, box: Rect, fate: ContactFate) -> None:
        theme = canvas.theme
        contact = next(c for c in self.level.contacts if c.id == fate.contact)
        hurt = fate.fate in HURT
        gone = fate.fate in ("dropped", "dropped_you")
        cold = gone or fate.fate == "rated_down"  # who rated you down is not drawn smiling
        mood = "cold" if cold else "sad" if hurt or fate.by_you < 0 else "happy"
        ring = theme.c("warning") if hurt else None
        face(
            canvas,
            (box.centerx, box.y + FACE / 2),
            FACE,
            contact.portrait or contact.id,
            mood,
            ring=ring,
            grey=gone,
        )
        name, what, score, *doors = self.lines(fate)
        y = box.y + FACE + 20
        canvas.text(name, Rect(box.x, y, box.w, 50), theme.s("heading"), theme.c("text"), "bold", "center")
        y += 60
        used = canvas.paragraph(
            what,
            Rect(box.x, y, box.w, 84),
            theme.s("body"),
            theme.c("warning") if hurt or cold else theme.c("accent"),
            "semibold",
            "center",
        )
        y += round(used) + 14
        canvas.text(
            score,
            Rect(box.x, y, box.w, 50),
            theme.s("heading"),
            sign_colour(canvas, fate.end - fate.start),
            "bold",
            "center",
        )
        y += 62
        for line in doors:
            canvas.paragraph(
                line, Rect(box.x, y, box.w, box.bottom - y), theme.s("small"), theme.c("muted"), align="center"
            )
