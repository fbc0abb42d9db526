"""The rules: formula and weights, every door's thresholds, every hidden effect met.

The long text is set in two columns and turned page by page; the options the player
took are marked and highlighted, and the rules nobody could have guessed come last.
"""

from __future__ import annotations

import math

from game.debrief.rules import DoorRule, MetOption, RuleSetView
from game.present import debrief
from game.screens.debrief.layout import Flow
from game.screens.debrief.panel import FlowPanel
from game.ui.canvas import Canvas, Rect


class RulesPanel(FlowPanel):
    id = "rules"

    def build(self, canvas: Canvas, area: Rect) -> Flow:
        theme = canvas.theme
        view = debrief.rules(self.visit)
        flow = Flow(canvas, self.column_width(area))
        body, small = theme.s("body"), theme.s("small")
        text, muted, accent = theme.c("text"), theme.c("muted"), theme.c("accent")

        flow.group(keep=True).text(self.t("debrief.rules.formula_title"), body, accent, "bold")
        flow.group(gap=8).text(self.t("debrief.rules.formula", lo=view.lo, span=view.span), small, text)
        flow.text(self.t("debrief.rules.your_set", name=self.p(view.mine.name)), small, muted)
        self.weights(flow, canvas, view.mine)
        flow.text(self.t("debrief.rules.per_point_note"), small, muted)
        if len(view.sets) > 1:
            flow.group().text(self.t("debrief.rules.other_sets"), small, theme.c("highlight"), "semibold")
            for other in view.sets[1:]:
                parts = " · ".join(f"{self.category(w.category)} {self.pct(w.share)}" for w in other.weights)
                flow.text(self.t("debrief.rules.set_weights", name=self.p(other.name), weights=parts), small, text)

        flow.group(gap=8, keep=True).text(self.t("debrief.rules.doors_title"), body, accent, "bold")
        for door in view.doors:
            flow.group(gap=10).text(self.p(door.name), small, text, "semibold")
            flow.text(self.tiers(door), small, muted, indent=24)

        flow.group(gap=8, keep=True).text(self.t("debrief.rules.met_title"), body, accent, "bold")
        flow.group(gap=8, keep=True).text(self.t("debrief.rules.met_intro"), small, muted)
        for scene in view.met:
            start = len(flow.groups)
            flow.group(frame=theme.c("surface"), pad=18, gap=14).text(self.p(scene.title), small, text, "bold")
            for option in scene.options:
                self.option(flow, canvas, option)
            if flow.groups[-1].height > area.h:  # taller than a page: each option a card of its own
                del flow.groups[start:]
                flow.group(frame=theme.c("surface"), pad=18, gap=6, keep=True).text(
                    self.p(scene.title), small, text, "bold"
                )
                for option in scene.options:
                    flow.group(frame=theme.c("surface"), pad=18, gap=14)
                    self.option(flow, canvas, option)

        if view.unguessable:
            flow.group(gap=8, keep=True).text(self.t("debrief.rules.unguessable_title"), body, accent, "bold")
            for rule in view.unguessable:
                flow.group(gap=10).text("• " + self.reveal_text(rule.text, rule.points), small, text)

        if view.heard:
            flow.group(gap=8, keep=True).text(self.t("debrief.rules.heard_title"), body, accent, "bold")
            for heard in view.heard:  # the level's whisper carries its own speaker and quotes
                flow.group(gap=12).text(self.p(heard.text), small, text, "italic")
                verdict = self.t("debrief.rules.verdict", truth=self.t(f"debrief.rules.truth_{heard.truth}"))
                flow.text(f"{verdict} {self.p(heard.explain)}", small, muted, indent=24)

        if view.elsewhere:
            flow.group(gap=8, keep=True).text(self.t("debrief.rules.elsewhere_title"), body, accent, "bold")
            flow.group(gap=8, keep=True).text(self.t("debrief.rules.elsewhere_intro"), small, muted, "italic")
            for rule in view.elsewhere:
                flow.group(gap=10).text("• " + self.reveal_text(rule.text, rule.points), small, muted)
        return flow

    def weights(self, flow: Flow, canvas: Canvas, rules: RuleSetView) -> None:
        """A bar per category; names go on their own line when they do not fit beside it."""
        theme = canvas.theme
        small = theme.s("small")
        h = math.ceil(canvas.line_height(small, "semibold")) + 10
        widest = max(w.share for w in rules.weights) or 1.0
        label_w = flow.inner * 45 // 100
        names = [self.category(w.category) for w in rules.weights]
        stacked = any(canvas.measure(n, small, "semibold")[0] > label_w - 12 for n in names)
        share_w = math.ceil(canvas.measure(self.pct(1.0), small, "bold")[0]) + 14
        for weight, name in zip(rules.weights, names, strict=True):
            share = self.pct(weight.share)
            per = self.t("debrief.rules.per_point", n=self.num(weight.per_point, 2).rstrip("0").rstrip(".,"))
            if stacked:
                flow.text(name, small, theme.c("text"), "semibold")

            def draw(
                c: Canvas,
                r: Rect,
                name: str = name,
                share: str = share,
                per: str = per,
                fill: float = weight.share / widest,
            ) -> None:
                left = 24 if stacked else label_w
                if not stacked:
                    c.text(name, Rect(r.x, r.y, left - 12, r.h), small, theme.c("text"), "semibold", valign="center")
                bar_w = r.w * 13 // 100
                bar = Rect(r.x + left, r.y + r.h // 4, bar_w, r.h // 2)
                c.rect(bar, theme.c("surface_alt"), radius=6)
                c.rect(Rect(bar.x, bar.y, max(4, round(bar_w * fill)), bar.h), theme.c("accent"), radius=6)
                c.text(share, Rect(bar.right + 10, r.y, share_w, r.h), small, theme.c("text"), "bold", valign="center")
                x = bar.right + 14 + share_w
                c.text(per, Rect(x, r.y, r.right - x, r.h), small, theme.c("muted"), valign="center")

            flow.row(h, draw)

    def tiers(self, door: DoorRule) -> str:
        same = [(o, a) for _, o, a in door.tiers]
        parts = [
            self.t(
                "debrief.rules.tier",
                min=m,
                outcome=self.outcome(o, a) if same.count((o, a)) == 1 else self.screen.with_amount(text, a).rstrip("."),
            )
            for (m, o, a), text in zip(door.tiers, door.texts, strict=True)
        ]
        if door.blacklisted:
            parts.append(self.t("debrief.rules.tier_blacklisted", outcome=self.outcome(*door.blacklisted)))
        if door.declined:
            parts.append(self.t("debrief.rules.tier_declined", outcome=self.outcome(*door.declined)))
        return " · ".join(parts)

    def option(self, flow: Flow, canvas: Canvas, option: MetOption) -> None:
        theme = canvas.theme
        small = theme.s("small")
        if option.taken:
            flow.text(
                f"✓ {self.p(option.text)} — {self.t('debrief.rules.your_choice')}",
                small,
                theme.c("highlight"),
                "semibold",
            )
        else:
            flow.text(self.p(option.text), small, theme.c("text"), "semibold")
        if option.reveal:
            hidden = self.reveal_text(option.reveal, option.points)
            if not option.taken:  # what would have happened, not what did
                hidden = self.t("debrief.rules.had_you", what=hidden)
        elif option.points:
            hidden = ", ".join(self.effect(c, p) for c, p in option.points)
        else:
            hidden = self.t("debrief.rules.no_effect")
        if option.surprise:
            hidden = f"{hidden} ({self.t('debrief.rules.surprise')})"
        flow.text(hidden, small, theme.c("muted"), indent=24)
