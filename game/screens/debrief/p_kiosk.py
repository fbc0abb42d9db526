"""Others at this kiosk: anonymous shares of earlier visitors' choices and guesses.

With no statistics, or fewer than five sessions behind a figure, the panel says so
plainly instead of showing anything that could point at one visitor.
"""

from __future__ import annotations

import math

from game.debrief.kiosk import KioskView, SceneCompare, Share
from game.present import debrief
from game.screens.debrief.layout import Draw, Flow
from game.screens.debrief.panel import Panel
from game.ui.canvas import Canvas, Rect


class KioskPanel(Panel):
    id = "kiosk"

    _view: tuple[object, object, KioskView | None] | None = None

    def view(self) -> KioskView | None:
        """Read once per debrief: the figures do not change while the visitor reads."""
        store, visit = self.ctx.statistics(), self.visit
        if self._view is None or self._view[0] is not store or self._view[1] is not visit:
            self._view = (store, visit, debrief.kiosk(visit, store))
        return self._view[2]

    def draw(self, canvas: Canvas, area: Rect, page: int) -> int:
        theme = canvas.theme
        view = self.view()
        if view is None or view.empty:
            flow = Flow(canvas, area.w - 240)
            flow.space(area.h // 6)
            flow.text(self.t("debrief.kiosk.too_few"), theme.s("heading"), theme.c("highlight"), "bold")
            flow.group().text(self.t("debrief.kiosk.why_hidden"), theme.s("body"), theme.c("muted"))
            pages = flow.layout(area.h)
            flow.draw(area.inflate(-240, 0), page)
            return pages
        flow = Flow(canvas, (area.w - 40) // 2)
        flow.text(self.t("debrief.kiosk.intro"), theme.s("small"), theme.c("muted"))
        for scene in view.scenes:
            self.scene(flow, canvas, scene)
        if view.hidden:
            flow.group().text(
                self.t("debrief.kiosk.hidden", n=view.hidden), theme.s("small"), theme.c("muted"), "italic"
            )
        if view.guesses is not None:
            flow.group(frame=theme.c("surface"), pad=18)
            flow.text(
                self.t("debrief.kiosk.guesses", n=view.guesses.sessions), theme.s("small"), theme.c("text"), "bold"
            )
            for cid, mean in view.guesses.mean_rank.items():
                shown = self.t("debrief.kiosk.too_few_short") if mean is None else f"{mean:.1f}"
                flow.text(
                    self.t("debrief.kiosk.mean_rank", category=self.category(cid), rank=shown),
                    theme.s("small"),
                    theme.c("muted"),
                )
        pages = flow.layout(area.h, columns=2)
        flow.draw(area, page)
        return pages

    def scene(self, flow: Flow, canvas: Canvas, scene: SceneCompare) -> None:
        theme = canvas.theme
        flow.group(frame=theme.c("surface"), pad=18, gap=16)
        flow.text(
            self.t("debrief.kiosk.scene", title=self.p(scene.title), n=scene.total),
            theme.s("small"),
            theme.c("text"),
            "bold",
        )
        h = math.ceil(canvas.line_height(theme.s("small"), "semibold")) + 8
        for share in scene.shares:
            flow.row(h, self.share_row(share))

    def share_row(self, share: Share) -> Draw:
        text = self.p(share.text) + (f" — {self.t('debrief.kiosk.you')}" if share.yours else "")
        figure = self.t("debrief.kiosk.too_few_short") if share.share is None else self.pct(share.share)

        def draw(canvas: Canvas, rect: Rect) -> None:
            theme = canvas.theme
            small = theme.s("small")
            bar = Rect(rect.x, rect.y + rect.h // 4, 160, rect.h // 2)
            canvas.rect(bar, theme.c("surface_alt"), radius=6)
            if share.share:
                canvas.rect(Rect(bar.x, bar.y, max(4, round(bar.w * share.share)), bar.h), theme.c("accent"), radius=6)
            canvas.text(
                figure, Rect(bar.right + 12, rect.y, 90, rect.h), small, theme.c("text"), "bold", valign="center"
            )
            colour = theme.c("highlight") if share.yours else theme.c("text")
            canvas.text(
                text,
                Rect(bar.right + 110, rect.y, rect.right - bar.right - 110, rect.h),
                small,
                colour,
                "semibold" if share.yours else "regular",
                valign="center",
            )

        return draw
