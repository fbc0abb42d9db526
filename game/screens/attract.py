"""The attract loop: one promise, and the idea without words — the level's people, their
scores rising and falling, the doors of their goals opening and locking as they do.

Reduced motion shows the same people still: one door open, one locked, their scores.
Touch anywhere to start.
"""

from __future__ import annotations

import math
from typing import Any

from game.kiosk.idle import Mode
from game.screens.base import Screen
from game.screens.context import Context
from game.screens.transitions import Goto, Push, Transition
from game.ui.canvas import Canvas, Rect
from game.ui.dial import dial_block, dial_colour
from game.ui.pictures import door_picture, ease, face, score_bubble
from game.ui.toolbar import audio_button
from game.ui.widgets import Button

DIAL_BOX = Rect(1060, 250, 760, 560)
STRIP = Rect(1000, 170, 860, 640)  # the people and their doors
OPENS_AT = 0.55  # a door opens above this share of the score range
STILL = (0.85, 0.2, 0.6)  # reduced motion: where each person's score rests (a share of the range)


class AttractScreen(Screen):
    name = "attract"
    idle_mode: Mode = "attract"
    chrome = False
    fps = 10

    def __init__(self, ctx: Context, **_: Any) -> None:
        super().__init__(ctx)
        self.phase = 0.0
        self.opened: list[bool] = []  # each person's door, as last seen
        self.since: list[float] = []  # seconds since it opened or locked (its moment plays)

    def dial_range(self) -> tuple[int, int]:
        """The level's score range, or the theme's until the level has loaded."""
        level = self.ctx.loaded_level
        if level is not None:
            return level.score.min, level.score.max
        return int(self.ctx.theme.s("attract_dial_min")), int(self.ctx.theme.s("attract_dial_max"))

    def breathing_score(self) -> float:
        lo, hi = self.dial_range()
        return lo + (hi - lo) * (0.5 + 0.32 * math.sin(self.phase))

    def draw_body(self, canvas: Canvas) -> None:
        theme = canvas.theme
        canvas.text("Halo", Rect(120, 110, 800, 120), 110, theme.c("accent"), "bold")
        canvas.paragraph(
            self.t("attract.slogan"), Rect(120, 270, 860, 260), theme.s("title"), theme.c("text"), "semibold"
        )
        canvas.paragraph(self.t("attract.pitch"), Rect(120, 560, 860, 200), theme.s("body"), theme.c("muted"))
        self.draw_people(canvas)
        h = self.target()
        canvas.text(
            self.t("attract.touch"), Rect(120, 800, 1680, 60), theme.s("heading"), theme.c("highlight"), "semibold"
        )
        x = 120
        for lang in self.ctx.settings.languages:
            label = self.words.language_name(lang)
            w = max(260, canvas.measure(label, theme.s("button"), "semibold")[0] + 80)
            style = "primary" if lang == self.lang else "chip"
            self.add(Button(f"lang:{lang}", label, Rect(x, 900, round(w), round(h)), style=style))
            x += round(w) + 40
        level = self.ctx.loaded_level
        right = 1800
        if level is not None and level.mode == "workshop":
            label = self.t("attract.facilitator")
            w = canvas.measure(label, theme.s("button"), "semibold")[0] + 80
            right = round(1800 - w)
            self.add(Button("facilitator", label, Rect(right, 900, round(w), round(h)), style="ghost"))
            right -= 40
        # audio mode from the very first screen (there is no toolbar here)
        room = Rect(x, 900, max(1, right - x), round(h))
        words, unavailable = self.words, self.ctx.audio_unavailable()
        self.add(audio_button(canvas, words, self.ctx.settings, room, unavailable, theme.s("button")))

    def draw_people(self, canvas: Canvas) -> None:
        """Up to three lives side by side: face and score above, their goal's door below."""
        level = self.ctx.loaded_level
        if level is None:  # the level is still loading: the dial breathes meanwhile
            self.draw_dial(canvas)
            return
        theme = canvas.theme
        canvas.rect(STRIP, theme.c("background"))
        lo, hi = level.score.min, level.score.max
        threshold = lo + (hi - lo) * OPENS_AT
        people = level.personas[:3]
        column = STRIP.w // max(1, len(people))
        for i, persona in enumerate(people):
            score = self.score_of(i, lo, hi)
            opened = score >= threshold
            x = STRIP.x + i * column + column // 2
            side = min(column - 40, 240)
            centre = (x, STRIP.y + 20 + side / 2)
            face(canvas, centre, side, persona.portrait or persona.id, "happy" if opened else "worried")
            ink = dial_colour(canvas, (score - lo) / max(1, hi - lo))
            anchor = (centre[0] + side * 0.18, centre[1] - side * 0.42)
            score_bubble(canvas, anchor, score, side * 0.13, ink, right=STRIP.right)  # inside what animate redraws
            box = Rect(round(x - side / 2), round(STRIP.y + side + 70), side, side)
            outcome = "grant" if opened else "refuse"
            moment = min(1.0, self.since[i] / 0.8) if i < len(self.since) else 1.0
            door_picture(canvas, box, persona.goal.picture, outcome, ease(moment), self.t("door.stamp"))

    def score_of(self, i: int, lo: int, hi: int) -> int:
        """Person ``i``'s score now: rising and falling out of step with the others."""
        if self.ctx.settings.reduced_motion:
            share = STILL[i % len(STILL)]
        else:
            share = OPENS_AT + 0.32 * math.sin(self.phase + i * 2.1)
        return round(lo + (hi - lo) * share)

    def draw_dial(self, canvas: Canvas) -> None:
        theme = self.ctx.theme
        lo, hi = self.dial_range()
        score = self.breathing_score()
        level = self.ctx.loaded_level
        band = ""
        if level is not None:
            band = self.p(next((b for b in level.bands if score >= b.min), level.bands[-1]).name)
        canvas.rect(DIAL_BOX, theme.c("background"))
        dial_block(canvas, DIAL_BOX, score, lo, hi, band, None, theme.c("text"), theme.c("surface_alt"))

    def update(self, dt: float) -> bool:
        super().update(dt)
        if self.ctx.settings.reduced_motion:
            return False
        self.phase += dt * 0.9
        level = self.ctx.loaded_level
        if level is not None:
            lo, hi = level.score.min, level.score.max
            now = [self.score_of(i, lo, hi) >= lo + (hi - lo) * OPENS_AT for i in range(min(3, len(level.personas)))]
            if len(self.opened) != len(now):
                self.opened, self.since = now, [1.0] * len(now)
            for i, state in enumerate(now):
                self.since[i] = 0.0 if state != self.opened[i] else self.since[i] + dt
            self.opened = now
        return True

    def animate(self, canvas: Canvas) -> list[Rect] | None:
        self.draw_people(canvas)
        return [STRIP if self.ctx.loaded_level is not None else DIAL_BOX]

    def speech(self) -> list[str]:
        """The promise and how to start (the people's scores move: they are not said)."""
        return ["Halo", self.t("attract.slogan"), self.t("attract.pitch"), self.t("attract.touch")]

    def on_button(self, button_id: str) -> Transition | None:
        if button_id == "facilitator":
            return Push("facilitator")
        if button_id.startswith("lang:"):
            self.ctx.settings.lang = button_id.split(":", 1)[1]
        return Goto("persona")

    def on_empty_touch(self) -> Transition | None:
        return Goto("persona")
