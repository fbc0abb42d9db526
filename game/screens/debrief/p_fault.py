"""Not your fault: what each cause did to the month, signed, and the verdict in one sentence.

A game about hardship can make players blame individuals more; this panel shows the
system's hand. Each cause gets a bar from a zero line (right: it pushed the visitor up;
left: down) with its points, and under it what it did to what they felt: the doors that
answer otherwise without it, the deposits, the money and the goal
(:mod:`game.debrief.fault`).
"""

from __future__ import annotations

import math

from game.debrief.fault import FAULT_CAUSES, Contribution, Fault, fault_sentence
from game.present import debrief
from game.present.words import Words
from game.screens.debrief.layout import Flow, sign_colour
from game.screens.debrief.panel import Panel
from game.ui.canvas import Canvas, Rect


class FaultPanel(Panel):
    id = "fault"

    def view(self) -> Fault:
        return debrief.fault(self.visit)

    def words(self) -> Words:
        return self.screen.words

    def draw(self, canvas: Canvas, area: Rect, page: int) -> int:
        theme = canvas.theme
        view = self.view()
        if view.declined:
            return self.draw_declined(canvas, area, page, view)
        flow = Flow(canvas, area.w)
        flow.text(fault_sentence(view, self.words()), theme.s("heading"), theme.c("highlight"), "bold")
        flow.text(self.t("debrief.fault.bars_note"), theme.s("small"), theme.c("muted"))
        widest = max((abs(c.points) for c in view.contributions.values()), default=0.0) or 1.0
        quiet = [c for c in FAULT_CAUSES if not view.contributions[c].felt]
        for cause in FAULT_CAUSES:
            contribution = view.contributions[cause]
            if not contribution.felt:
                continue
            flow.group(gap=14)
            self.bar(flow, canvas, contribution, widest)
            flow.text(self.describe(view, contribution), theme.s("small"), theme.c("muted"))
            for line in self.felt(contribution):
                flow.text(line, theme.s("small"), theme.c("text"))
        if quiet:
            names = ", ".join(self.t(f"debrief.fault.cause.{c}") for c in quiet)
            flow.group(gap=14).text(self.t("debrief.fault.quiet", causes=names), theme.s("small"), theme.c("muted"))
        flow.group(gap=20).text(self.t("debrief.fault.why"), theme.s("small"), theme.c("muted"), "italic")
        pages = flow.layout(area.h)
        flow.draw(area, page)
        return pages

    def describe(self, view: Fault, contribution: Contribution) -> str:
        if contribution.cause == "rules" and view.rule_sets < 2:
            return self.t("debrief.fault.rules_single")
        return self.t(f"debrief.fault.{contribution.cause}")

    def felt(self, contribution: Contribution) -> list[str]:
        """What the cause did beyond points, each said once: money, then what would differ without it."""
        lines = []
        if contribution.money:
            lines.append(self.t("debrief.fault.money", amount=self.signed_money(contribution.money)))
        without = [
            self.t(
                "debrief.fault.door_flip",
                door=self.door(d.door),
                week=d.week,
                without=self.outcome(d.without, d.without_amount),
                outcome=self.outcome(d.outcome, d.amount),
            )
            for d in contribution.doors
        ]
        if contribution.deposits > 0:
            without.append(self.t("debrief.fault.deposits_more", amount=self.money(contribution.deposits)))
        elif contribution.deposits < 0:
            without.append(self.t("debrief.fault.deposits_less", amount=self.money(-contribution.deposits)))
        if contribution.goal:
            goal = "debrief.fault.goal_missed" if contribution.goal > 0 else "debrief.fault.goal_reached"
            without.append(self.t(goal))
        lines += [self.t("debrief.fault.felt", what=what) for what in without]
        return lines

    def signed_money(self, amount: int) -> str:
        return ("+" if amount > 0 else "−") + self.money(abs(amount))

    def draw_declined(self, canvas: Canvas, area: Rect, page: int, view: Fault) -> int:
        """No score, so no share of it: what shut the doors was the refusal itself."""
        theme = canvas.theme
        flow = Flow(canvas, area.w)
        flow.text(self.t("debrief.fault.declined_headline"), theme.s("heading"), theme.c("highlight"), "bold")
        flow.group(gap=12).text(fault_sentence(view, self.words()), theme.s("body"), theme.c("text"))
        shut = view.shut_for_declining
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

    def bar(self, flow: Flow, canvas: Canvas, contribution: Contribution, widest: float) -> None:
        """One cause: its name, a signed bar from the zero line, its points."""
        theme = canvas.theme
        label = self.t(f"debrief.fault.cause.{contribution.cause}")
        label = label[:1].upper() + label[1:]
        figure = self.pts(contribution.points)
        points = contribution.points
        h = math.ceil(canvas.line_height(theme.s("body"), "semibold")) + 8
        colour = sign_colour(canvas, points)  # the dial's colours: up sky blue, down orange, as everywhere

        def draw(c: Canvas, r: Rect) -> None:
            label_w = min(520, r.w * 34 // 100)
            figure_w = min(240, r.w * 16 // 100)
            name = Rect(r.x, r.y, label_w - 16, r.h)
            c.text(label, name, theme.s("body"), theme.c("text"), "semibold", valign="center")
            track = Rect(r.x + label_w, r.y + r.h // 4, r.w - label_w - figure_w - 24, r.h // 2)
            c.rect(track, theme.c("surface_alt"), radius=6)
            half = track.w // 2
            zero = track.x + half
            if round(points):
                w = max(6, round(half * abs(points) / widest))
                c.rect(Rect(zero if points > 0 else zero - w, track.y, w, track.h), colour, radius=6)
            c.rect(Rect(zero - 1, r.y + 2, 3, r.h - 4), theme.c("text"))
            c.text(
                figure,
                Rect(r.right - figure_w, r.y, figure_w, r.h),
                theme.s("small"),
                sign_colour(c, points),
                "semibold",
                align="right",
                valign="center",
            )

        flow.row(h, draw)
