"""What it cost others: the people you dropped, reported or kept, their scores and doors.

Their doors are judged exactly as the player's were (the same tiers, on their published
score), so a friend dropped just under a threshold loses a door too.
"""

from __future__ import annotations

from game.debrief.views import ContactFate
from game.present import debrief
from game.screens.debrief.layout import Flow, sign_colour
from game.screens.debrief.panel import FlowPanel
from game.ui.canvas import Canvas, Rect


class OthersPanel(FlowPanel):
    id = "others"

    def build(self, canvas: Canvas, area: Rect) -> Flow:
        theme = canvas.theme
        fates = debrief.others(self.visit)
        flow = Flow(canvas, self.column_width(area))
        flow.text(self.t("debrief.others.intro"), theme.s("small"), theme.c("muted"))
        for fate in fates:
            self.card(flow, canvas, fate)
        return flow

    def card(self, flow: Flow, canvas: Canvas, fate: ContactFate) -> None:
        theme = canvas.theme
        small = theme.s("small")
        contact = next(c for c in self.level.contacts if c.id == fate.contact)
        hurt = fate.fate in ("reported", "dropped")
        flow.group(frame=theme.c("surface"), pad=18, gap=16, border=theme.c("warning") if hurt else None)
        flow.text(f"{self.p(contact.name)} — {self.p(contact.role)}", small, theme.c("text"), "bold")
        flow.text(
            self.t(f"debrief.others.fate_{fate.fate}", n=fate.stars or 0),
            small,
            theme.c("warning") if hurt or fate.fate in ("dropped_you", "rated_down") else theme.c("accent"),
            "semibold",
        )
        change = fate.end - fate.start
        line = self.t("debrief.others.score", start=fate.start, end=fate.end, delta=self.signed(change, 0))
        flow.text(line, small, sign_colour(canvas, change))
        if fate.by_you:
            flow.text(
                self.t("debrief.others.by_you", points=self.signed(fate.by_you, 0)),
                small,
                sign_colour(canvas, fate.by_you),
                "semibold",
            )
        for door in fate.doors:
            flow.text(
                self.t(
                    "debrief.others.door",
                    door=self.door(door.door),
                    before=self.outcome(door.before),
                    after=self.outcome(door.after),
                ),
                small,
                theme.c("highlight"),
            )
        if not fate.doors:
            flow.text(self.t("debrief.others.no_door", closed=fate.closed, of=fate.judged), small, theme.c("muted"))
