"""Step 1, the mirror lifts: a guess, then the month on its chart and, one by one, the
hidden causes that moved it most, each on the week it struck.

Guessing first makes the reveal the visitor's own answer to their own question; the
guess is one tap (or none: "Just show me") and is recorded with the visit.
"""

from __future__ import annotations

import math
from typing import TYPE_CHECKING

from game.core.state import DoorMet
from game.debrief.reveal import Strike, strikes, top_category
from game.debrief.views import Act, Step, chart_range
from game.present import debrief
from game.screens.debrief.chart import Series, draw_chart, plot_rect
from game.screens.debrief.layout import sign_colour
from game.screens.reveal.step import RevealStep
from game.ui.canvas import Canvas, Rect
from game.ui.pictures import door_picture, ease, face
from game.ui.widgets import Button

if TYPE_CHECKING:
    from game.screens.reveal.screen import RevealScreen

FIRST_S = 0.5  # the first cause appears this long after the reveal starts
EACH_S = 1.1  # then one more every this many seconds
SLIDE_S = 0.4


class MirrorStep(RevealStep):
    id = "mirror"

    def __init__(self, screen: RevealScreen) -> None:
        super().__init__(screen)
        self.revealed_at: float | None = None  # the screen's age when the chart came alive
        self.guess: str | None = None
        self.cued = 0  # the causes whose cue has played
        self._strikes: list[Strike] | None = None
        self._steps: list[Step] | None = None

    # -- state ------------------------------------------------------------------------------
    @property
    def revealed(self) -> bool:
        return self.revealed_at is not None or self.declined

    def reveal(self, guess: str | None) -> None:
        if self.revealed:
            return
        self.guess = guess
        if guess is not None:
            self.visit.set_guess([guess])  # one pick: what moved it most
        self.revealed_at = self.screen.age

    def steps(self) -> list[Step]:
        """The month's published steps, worked out once (the month is over)."""
        if self._steps is None:
            self._steps = debrief.steps(self.visit)
        return self._steps

    def strikes(self) -> list[Strike]:
        if self._strikes is None:  # the month is over: its causes never change
            self._strikes = strikes(self.steps())
        return self._strikes

    def shown(self, age: float) -> int:
        """How many causes are up at ``age`` (all of them with reduced motion)."""
        count = len(self.strikes())
        if self.revealed_at is None:
            return 0
        if self.reduced:
            return count
        since = age - self.revealed_at - FIRST_S
        return max(0, min(count, int(since // EACH_S) + 1)) if since >= 0 else 0

    def moving(self, age: float) -> bool:
        if self.revealed_at is None or self.reduced:
            return False
        return age - self.revealed_at < FIRST_S + EACH_S * len(self.strikes()) + SLIDE_S

    def tick(self, age: float) -> None:
        """Each cause lands with the publication's sound: up or down."""
        found = self.strikes()
        while self.cued < min(self.shown(age), len(found)):
            self.screen.ctx.play("up" if found[self.cued].act.points >= 0 else "down")
            self.cued += 1

    def on_button(self, action: str) -> None:
        kind, _, rest = action.partition(":")
        if kind == "guess":
            self.reveal(rest or None)

    # -- words ------------------------------------------------------------------------------
    def title(self) -> str:
        return self.t("reveal.mirror.title_declined" if self.declined else "reveal.mirror.title")

    def answer(self) -> str:
        found = top_category(self.level, self.visit.session.state)
        if found is None:
            return self.t("reveal.mirror.nothing")
        top, moved = found
        figure = dict(top=self.category(top), points=self.signed(moved), n=abs(round(moved)))
        if self.guess is None:
            return self.t("reveal.mirror.top", **figure)
        if self.guess == top:
            return self.t("reveal.mirror.right", **figure)
        return self.t("reveal.mirror.wrong", guess=self.category(self.guess), **figure)

    def week_labels(self) -> list[str]:
        """The chart's steps: Start, Week 1, …"""
        steps = self.steps()
        return [self.t("debrief.month.start") if s.index == 0 else self.t("scene.week", n=s.index) for s in steps]

    def strike_lines(self, strike: Strike) -> tuple[str, str, str]:
        """The card of one cause: when and how much, which category, what did it."""
        when = self.t("debrief.month.start") if strike.step == 0 else self.t("scene.week", n=strike.step)
        head = self.t("reveal.mirror.when", when=when, points=self.signed(strike.act.points))
        return head, self.category(strike.act.category), self.why(strike.act)

    def why(self, act: Act) -> str:
        if act.cause == "choice" and act.scene:
            return self.t("reveal.mirror.your_choice", what=self.option(act.scene, act.option))
        if act.cause in ("persona", "system_error") and act.why:
            return self.screen.p(act.why)
        return self.t(f"cause.{act.cause}")

    def texts(self) -> list[str]:
        out = [self.title()]
        if self.declined:
            out.append(self.t("reveal.mirror.declined"))
            out += [f"{self.door(d.door)} {self.t(f'door.{d.outcome}')}" for d in self.doors()]
            if any(d.outcome == "refuse" for d in self.doors()):
                out.append(self.t("door.stamp_declined").upper())
            return out
        if not self.revealed:
            out.append(self.t("reveal.mirror.guess"))
            out += [self.category(c.id) for c in self.level.categories] + [self.t("reveal.mirror.skip")]
            return out
        out.append(self.answer())
        out += self.week_labels()
        for strike in self.strikes():
            out += list(self.strike_lines(strike))
        return out

    # -- drawing ----------------------------------------------------------------------------
    def draw(self, canvas: Canvas, area: Rect, age: float) -> None:
        if self.declined:
            self.draw_declined(canvas, area)
            return
        theme = canvas.theme
        h = round(self.screen.target())
        answer_h = 0
        if not self.revealed:
            canvas.text(
                self.t("reveal.mirror.guess"),
                Rect(area.x, area.y, area.w, 56),
                theme.s("heading"),
                theme.c("highlight"),
                "semibold",
            )
            answer_h = self.guess_row(canvas, Rect(area.x, area.y + 72, area.w, h)) + 72 - 20
        else:
            size = theme.s("heading")
            lines = len(canvas.wrap(self.answer(), area.w, size, "semibold"))
            answer_h = math.ceil(lines * canvas.line_height(size, "semibold") * 1.15)
            canvas.paragraph(
                self.answer(), Rect(area.x, area.y, area.w, answer_h), size, theme.c("highlight"), "semibold"
            )
        top = area.y + answer_h + 20
        below = 230
        if not self.revealed:  # the mirror, still veiled: the visitor's own face in it
            self.draw_veil(canvas, Rect(area.x, top, area.w, area.bottom - top))
            return
        chart = Rect(area.x, top, area.w, area.bottom - top - below - 20)
        self.draw_month(canvas, chart, age, Rect(area.x, area.bottom - below, area.w, below))

    def draw_veil(self, canvas: Canvas, box: Rect) -> None:
        side = min(box.h - 90, 380)
        if side < 120:
            return
        frame = Rect(box.centerx - side // 2 - 40, box.y + (box.h - side) // 2 - 20, side + 80, side + 40)
        canvas.rect(frame, canvas.theme.c("surface_alt"), radius=side // 2)
        persona = next(p for p in self.level.personas if p.id == self.visit.persona)
        face(canvas, (frame.centerx, frame.centery), side - 40, persona.portrait or persona.id, "happy", grey=True)

    def guess_row(self, canvas: Canvas, row: Rect) -> int:
        """The categories as chips, as many rows as their words need; returns the rows' height."""
        cats = [(f"step:guess:{c.id}", self.category(c.id)) for c in self.level.categories]
        cats.append(("step:guess:", self.t("reveal.mirror.skip")))
        gap = max(16, round(self.screen.ctx.gap()))
        size = self.screen.button_size_for(canvas)
        x, y = row.x, row.y
        for bid, label in cats:
            w = min(row.w, round(canvas.measure(label, size, "semibold")[0]) + 80)
            if x > row.x and x + w > row.right:
                x, y = row.x, y + row.h + gap
            style = "ghost" if bid == "step:guess:" else "chip"
            self.add(Button(bid, label, Rect(x, y, w, row.h), style=style))
            x += w + gap
        return y + row.h - row.y

    def draw_month(self, canvas: Canvas, chart: Rect, age: float, cards: Rect) -> None:
        theme = canvas.theme
        steps = self.steps()
        scores = [s.after for s in steps]
        marks = debrief.thresholds(self.visit)
        span = chart_range([scores], self.level.score.min, self.level.score.max, marks)
        labels = self.week_labels()
        xs = draw_chart(canvas, chart, [Series(scores, theme.c("accent"))], span, marks, labels)
        plot = plot_rect(canvas, chart)
        lo, hi = span

        def y_of(v: float) -> float:
            return plot.bottom - (min(hi, max(lo, v)) - lo) * plot.h / max(1, hi - lo)

        found = self.strikes()
        shown = self.shown(age)
        gap = 24
        w = (cards.w - gap * (len(found) - 1)) // max(1, len(found))
        for i, strike in enumerate(found[:shown]):
            arrived = 1.0
            if not self.reduced and self.revealed_at is not None:
                arrived = ease((age - self.revealed_at - FIRST_S - i * EACH_S) / SLIDE_S)
            colour = sign_colour(canvas, strike.act.points)
            twins = [j for j, other in enumerate(found) if other.step == strike.step]
            nudge = (twins.index(i) - (len(twins) - 1) / 2) * 56  # causes of one step side by side
            centre = (xs[strike.step] + nudge, y_of(scores[strike.step]) + 46)  # under the point and its value
            canvas.circle(centre, 24, colour)
            canvas.text(
                str(i + 1),
                Rect(round(centre[0]) - 24, round(centre[1]) - 24, 48, 48),
                theme.s("small"),
                theme.c("background"),
                "bold",
                "center",
                "center",
            )
            card = Rect(cards.x + i * (w + gap), cards.y + round((1 - arrived) * 40), w, cards.h)
            self.strike_card(canvas, card, strike, i + 1)

    def strike_card(self, canvas: Canvas, card: Rect, strike: Strike, number: int) -> None:
        theme = canvas.theme
        head, category, why = self.strike_lines(strike)
        colour = sign_colour(canvas, strike.act.points)
        canvas.rect(card, theme.c("surface"), radius=20)
        canvas.rect(Rect(card.x, card.y, 10, card.h), colour, radius=5)
        inner = card.inflate(-48, -36)
        canvas.text(f"{number}  {head}", Rect(inner.x, inner.y, inner.w, 50), theme.s("heading"), colour, "bold")
        canvas.text(category, Rect(inner.x, inner.y + 58, inner.w, 40), theme.s("body"), theme.c("text"), "semibold")
        canvas.paragraph(why, Rect(inner.x, inner.y + 104, inner.w, inner.h - 104), theme.s("small"), theme.c("muted"))

    # -- a month without Halo -------------------------------------------------------------------
    def doors(self) -> list[DoorMet]:
        return debrief.doors_met(self.visit)[:4]

    def draw_declined(self, canvas: Canvas, area: Rect) -> None:
        theme = canvas.theme
        canvas.paragraph(
            self.t("reveal.mirror.declined"),
            Rect(area.x, area.y, area.w, 130),
            theme.s("heading"),
            theme.c("highlight"),
            "semibold",
        )
        doors = self.doors()
        side = min(380, (area.w - 40 * 3) // 4)
        y = area.y + 170
        for i, met in enumerate(doors):
            box = Rect(area.x + i * (side + 40), y, side, side)
            picture = next((d.picture for d in self.level.doors if d.id == met.door), None)
            door_picture(canvas, box, picture, met.outcome, 1.0, self.t("door.stamp_declined"))
            canvas.text(
                self.door(met.door),
                Rect(box.x, box.bottom + 14, side, 44),
                theme.s("body"),
                theme.c("text"),
                "semibold",
                "center",
            )
            canvas.text(
                self.t(f"door.{met.outcome}"),
                Rect(box.x, box.bottom + 62, side, 40),
                theme.s("small"),
                theme.c("warning") if met.outcome != "grant" else theme.c("good"),
                "semibold",
                "center",
            )
