"""The errors: what the system got wrong about the player, and the appeal nobody answered.

On the left, each error with its explanation and its cost, then what followed (doors
refused because of the blacklist, friends who dropped the player). On the right, the
appeals sent, set against the level's rights card (GDPR article 22 in Europe).
"""

from __future__ import annotations

from game.debrief.views import ErrorsView
from game.present import debrief
from game.screens.debrief.layout import Flow, sign_colour
from game.screens.debrief.panel import Panel, retained
from game.ui.canvas import Canvas, Rect

ELSEWHERE = 3  # errors that struck other visitors, shown when none struck this one


class ErrorsPanel(Panel):
    id = "errors"

    def draw(self, canvas: Canvas, area: Rect, page: int) -> int:
        appealed = len(self.visit.appeals)  # the only thing here that is not the month itself
        return retained(self, canvas, area, page, appealed, lambda c: self.draw_page(c, area, page))

    def draw_page(self, canvas: Canvas, area: Rect, page: int) -> int:
        view = debrief.errors(self.visit)
        width = (area.w - 40) // 2
        left, right = self.errors(canvas, width, view), self.rights(canvas, width)
        pages = max(left.layout(area.h), right.layout(area.h))
        left.draw(Rect(area.x, area.y, width, area.h), page)
        right.draw(Rect(area.x + width + 40, area.y, width, area.h), page)
        return pages

    def errors(self, canvas: Canvas, width: int, view: ErrorsView) -> Flow:
        theme = canvas.theme
        small, body = theme.s("small"), theme.s("body")
        flow = Flow(canvas, width)
        flow.text(self.t("debrief.errors.wrong_title"), body, theme.c("accent"), "bold")
        if not view.items:
            flow.text(self.t("debrief.errors.none"), small, theme.c("text"))
            for scene, _, why in view.elsewhere[:ELSEWHERE]:
                flow.group(gap=10).text(f"• {self.scene_title(scene)} — {self.p(why)}", small, theme.c("muted"))
            return flow
        for item in view.items:
            flow.group(frame=theme.c("surface"), pad=18, gap=16)
            where = self.scene_title(item.scene) if item.scene else self.t("cause.system_error")
            flow.text(f"{self.t('scene.week', n=item.week)} · {where}", small, theme.c("text"), "bold")
            for why in item.whys:
                flow.text(self.p(why), small, theme.c("text"))
            if "blacklisted" in item.flags:
                flow.text(self.t("debrief.errors.blacklisted"), small, theme.c("highlight"), "semibold")
            flow.text(
                self.t("debrief.errors.cost", points=self.pts(item.points)),
                small,
                sign_colour(canvas, item.points),
                "semibold",
            )
        if view.refused:
            doors = ", ".join(dict.fromkeys(self.door(d.door) for d in view.refused))
            flow.group(gap=10).text(self.t("debrief.errors.refused", doors=doors), small, theme.c("warning"))
        if view.dropped_after:
            names = ", ".join(dict.fromkeys(self.contact(c) for c in view.dropped_after))
            flow.group(gap=10).text(self.t("debrief.errors.dropped", names=names), small, theme.c("warning"))
        flow.group().text(self.t("debrief.errors.uncontestable"), small, theme.c("muted"), "italic")
        return flow

    def rights(self, canvas: Canvas, width: int) -> Flow:
        theme = canvas.theme
        small, body = theme.s("small"), theme.s("body")
        flow = Flow(canvas, width)
        flow.text(self.t("debrief.errors.appeal_title"), body, theme.c("accent"), "bold")
        appealed = len(self.visit.appeals)
        if appealed:
            flow.text(self.t("debrief.errors.appealed", n=appealed), body, theme.c("highlight"), "semibold")
        else:
            flow.text(self.t("debrief.errors.not_appealed"), small, theme.c("text"))
        rights = self.level.rights
        if rights is not None:
            flow.group(frame=theme.c("card"), pad=22, gap=16)
            flow.text(self.p(rights.title), body, theme.c("card_text"), "bold")
            flow.text(self.p(rights.body), small, theme.c("card_text"))
            flow.text(self.p(rights.source), small, theme.c("card_muted"), "italic")
        return flow
