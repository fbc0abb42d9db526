"""Not your fault: how much of the score's movement the player never chose.

A game about hardship can make players blame individuals more; this panel shows the
system's hand. Each cause gets a bar: how far it moved the score (every rise and fall
counted) and where it left it (the signed sum), straight from the ledger.
"""

from __future__ import annotations

import math

from game.core.ledger import Cause
from game.debrief.views import NOT_CHOSEN, FaultView
from game.present import debrief
from game.screens.debrief.layout import Flow, sign_colour
from game.screens.debrief.panel import Panel
from game.ui.canvas import Canvas, Rect


class FaultPanel(Panel):
    id = "fault"

    def view(self) -> FaultView:
        return debrief.fault(self.visit)

    def draw(self, canvas: Canvas, area: Rect, page: int) -> int:
        theme = canvas.theme
        view = self.view()
        flow = Flow(canvas, area.w)
        if self.declined:
            return self.draw_declined(canvas, area, page)
        if view.total:
            flow.text(
                self.t("debrief.fault.headline", share=self.pct(view.share_not_chosen)),
                theme.s("heading"),
                theme.c("highlight"),
                "bold",
            )
            flow.text(self.t("debrief.fault.total", total=self.num(view.total, 0)), theme.s("small"), theme.c("muted"))
        else:
            flow.text(self.t("debrief.fault.nothing"), theme.s("body"), theme.c("text"))
        widest = max(view.moved.values()) or 1.0
        flow.group(gap=18)
        self.bar(flow, canvas, view, "choice", widest)
        flow.group(gap=6, keep=True).text(
            self.t("debrief.fault.never_chose"), theme.s("small"), theme.c("accent"), "bold"
        )
        for cause in NOT_CHOSEN:
            flow.group(gap=10)
            self.bar(flow, canvas, view, cause, widest)
        flow.group().text(self.t("debrief.fault.why"), theme.s("small"), theme.c("muted"), "italic")
        pages = flow.layout(area.h)
        flow.draw(area, page)
        return pages

    def draw_declined(self, canvas: Canvas, area: Rect, page: int) -> int:
        """No score, so no share of it: what shut the doors was the refusal itself."""
        theme = canvas.theme
        flow = Flow(canvas, area.w)
        flow.text(self.t("debrief.fault.declined_headline"), theme.s("heading"), theme.c("highlight"), "bold")
        shut = [d for d in debrief.doors_met(self.visit) if d.reason == "declined" and d.outcome != "grant"]
        flow.group(gap=18).text(self.t("debrief.fault.declined_doors", n=len(shut)), theme.s("body"), theme.c("text"))
        for met in shut:
            flow.group(gap=8).text(
                self.t("debrief.door_outcome", door=self.door(met.door), outcome=self.outcome(met.outcome, met.amount)),
                theme.s("small"),
                theme.c("muted"),
            )
        flow.group(gap=24).text(self.t("debrief.fault.declined_why"), theme.s("small"), theme.c("muted"), "italic")
        pages = flow.layout(area.h)
        flow.draw(area, page)
        return pages

    def bar(self, flow: Flow, canvas: Canvas, view: FaultView, cause: Cause, widest: float) -> None:
        """One cause: its name, a bar of how far it moved the score, the figures, what it is."""
        theme = canvas.theme
        small = theme.s("small")
        moved, net = view.moved[cause], view.net[cause]
        label = self.t(f"cause.{cause}")
        figure = self.t("debrief.fault.figure", moved=self.num(moved, 0), net=self.signed(net, 0))
        h = math.ceil(canvas.line_height(theme.s("body"), "semibold")) + 8
        colour = theme.c("accent") if cause == "choice" else theme.c("warning")

        def draw(c: Canvas, r: Rect) -> None:
            label_w = min(460, r.w * 28 // 100)
            figure_w = min(520, r.w * 32 // 100)
            c.text(
                label[:1].upper() + label[1:],
                Rect(r.x, r.y, label_w - 16, r.h),
                theme.s("body"),
                theme.c("text"),
                "semibold",
                valign="center",
            )
            track = Rect(r.x + label_w, r.y + r.h // 4, r.w - label_w - figure_w - 24, r.h // 2)
            c.rect(track, theme.c("surface_alt"), radius=8)
            if moved:
                c.rect(Rect(track.x, track.y, max(6, round(track.w * moved / widest)), track.h), colour, radius=8)
            c.text(
                figure,
                Rect(r.right - figure_w, r.y, figure_w, r.h),
                small,
                sign_colour(c, net),
                "semibold",
                align="right",
                valign="center",
            )

        flow.row(h, draw)
        flow.text(self.t(f"debrief.fault.{cause}"), small, theme.c("muted"))
