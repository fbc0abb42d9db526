"""Guess, then see: rank the categories by touch, then meet your own month, then the weights.

Before the reveal the other panels are locked, so the guess is an honest one. Tapping
a category gives it the next rank; tapping it again takes it back. The ranking goes to
the visit (empty if skipped), where the kiosk statistics pick it up. The reveal sets it
first beside what moved this visitor's score (their ledger), then beside the weights,
whose equal values share a rank marked ``=``; every mark has its legend.
"""

from __future__ import annotations

import math
from typing import TYPE_CHECKING

from game.debrief.guess import GuessRow, complete, own_top_match, toggle
from game.present import debrief
from game.screens.debrief.layout import Draw, Flow, sign_colour
from game.screens.debrief.panel import Panel
from game.ui.canvas import Canvas, Rect
from game.ui.widgets import Button

if TYPE_CHECKING:
    from game.screens.debrief.screen import DebriefScreen


class GuessPanel(Panel):
    id = "guess"

    def __init__(self, screen: DebriefScreen) -> None:
        super().__init__(screen)
        self.ranking: list[str] = self.visit.guess
        self.revealed = bool(self.ranking)
        self.skipped = False
        self._others: tuple[object, dict[str, float | None] | None] | None = None  # (store, mean ranks)

    # -- state -----------------------------------------------------------------------------------
    def locked(self) -> bool:
        self.sync()
        return not self.revealed

    def sync(self) -> None:
        """A ranking given to the visit from elsewhere (a documentation view, a guided reveal) is revealed."""
        if not self.revealed and self.visit.guess:
            self.ranking = self.visit.guess
            self.revealed = True

    def reveal(self) -> None:
        self.ranking = complete(self.ranking, [c.id for c in self.level.categories])
        self.visit.set_guess(self.ranking)
        self.revealed = True

    def skip_silently(self) -> None:
        """Another panel was asked for directly: no guess, nothing locked."""
        self.revealed = True
        self.skipped = not self.ranking

    def title(self) -> str:
        return self.t("debrief.guess.title" if not self.revealed else "debrief.guess.title_after")

    def on_button(self, action: str) -> None:
        kind, _, rest = action.partition(":")
        if kind == "cat" and not self.revealed:
            self.ranking = toggle(self.ranking, rest)
        elif action == "skip":
            self.ranking = []
            self.visit.set_guess([])
            self.revealed = self.skipped = True
        elif action == "reveal" and self.ranking:
            self.reveal()

    # -- drawing -----------------------------------------------------------------------------------
    def draw(self, canvas: Canvas, area: Rect, page: int) -> int:
        self.sync()
        if not self.revealed:
            self.draw_input(canvas, area)
            return 1
        return self.draw_reveal(canvas, area, page)

    def draw_input(self, canvas: Canvas, area: Rect) -> None:
        theme = canvas.theme
        key = "debrief.guess.intro_declined" if self.declined else "debrief.guess.intro"
        intro = Flow(canvas, area.w).text(self.t(key), theme.s("body"), theme.c("muted"))
        intro.layout(area.h)
        intro_h = intro.groups[0].height
        intro.draw(area, 0)
        cats = self.level.categories
        gap = 24
        top = area.y + intro_h + 24
        w = (area.w - gap * (len(cats) - 1)) // len(cats)
        order = ""
        if self.ranking:
            order = self.t(
                "debrief.guess.order",
                order=" · ".join(f"{i}. {self.category(c)}" for i, c in enumerate(self.ranking, start=1)),
            )
        order_h = math.ceil(canvas.line_height(theme.s("small"), "semibold") * 1.12) * 2 + 16
        h = max(round(self.screen.target()), min(460, area.bottom - top - order_h))
        if order:
            below = Flow(canvas, area.w).text(order, theme.s("small"), theme.c("highlight"), "semibold")
            below.layout(order_h)
            below.draw(Rect(area.x, top + h + 16, area.w, area.bottom - top - h - 16), 0)
        for i, cat in enumerate(cats):
            rect = Rect(area.x + i * (w + gap), top, w, h)
            rank = self.ranking.index(cat.id) + 1 if cat.id in self.ranking else None
            self.draw_card(canvas, rect, self.p(cat.name), self.p(cat.description), rank)
            self.screen.add(Button(f"guess:cat:{cat.id}", self.p(cat.name), rect, style="card"))

    def draw_card(self, canvas: Canvas, rect: Rect, name: str, description: str, rank: int | None) -> None:
        """A category card, painted once per content and rank, then blitted."""
        key = ("guess-card", name, description, rank, rect.size)
        canvas.layer(
            key, rect, canvas.theme.c("background"), lambda c: self.paint_card(c, rect, name, description, rank)
        )

    def paint_card(self, canvas: Canvas, rect: Rect, name: str, description: str, rank: int | None) -> None:
        theme = canvas.theme
        canvas.rect(rect, theme.c("card") if rank else theme.c("surface_alt"), radius=22)
        ink = theme.c("card_text") if rank else theme.c("text")
        muted = theme.c("card_muted") if rank else theme.c("muted")
        pad = 24
        badge = math.ceil(canvas.line_height(theme.s("title"), "bold"))
        centre = (rect.x + pad + badge / 2, rect.y + pad + badge / 2)
        if rank:
            canvas.circle(centre, badge / 2, theme.c("primary"))
            canvas.text(
                str(rank),
                Rect(rect.x + pad, rect.y + pad, badge, badge),
                theme.s("heading"),
                theme.c("primary_text"),
                "bold",
                "center",
                "center",
            )
        else:
            canvas.circle(centre, badge / 2, theme.c("muted"), width=3)
        body = Rect(rect.x + pad, rect.y + pad + badge + 16, rect.w - 2 * pad, rect.h - 2 * pad - badge - 16)
        flow = Flow(canvas, body.w).text(name, theme.s("body"), ink, "bold")
        flow.group().text(description, theme.s("small"), muted)
        if flow.layout(body.h) > 1:  # a short card: the name alone
            flow = Flow(canvas, body.w).text(name, theme.s("body"), ink, "bold")
            flow.layout(body.h)
        flow.draw(body, 0)

    def draw_bar(self, canvas: Canvas, bar: Rect) -> bool:
        if self.revealed:
            return False
        self.screen.add(
            Button("guess:skip", self.t("debrief.guess.skip"), Rect(bar.x, bar.y, 360, bar.h), style="ghost")
        )
        self.screen.add(
            Button(
                "guess:reveal",
                self.t("debrief.guess.reveal"),
                Rect(bar.x + 384, bar.y, 640, bar.h),
                enabled=bool(self.ranking),
                style="primary",
            )
        )
        self.screen.add(
            Button("finish", self.t("debrief.finish"), Rect(bar.right - 300, bar.y, 300, bar.h), style="ghost")
        )
        return True

    def others(self) -> dict[str, float | None] | None:
        """Earlier visitors' mean ranks, read once per debrief (not on every frame)."""
        store = self.ctx.statistics()
        if store is None:
            return None
        if self._others is None or self._others[0] is not store:
            self._others = (store, debrief.earlier_guesses(self.visit, store))
        return self._others[1]

    def draw_reveal(self, canvas: Canvas, area: Rect, page: int) -> int:
        theme = canvas.theme
        level = self.level
        others = self.others()
        rows = debrief.guess(self.visit, self.ranking, others)
        month = not self.declined  # a declined visitor had no score: nothing of their month moved one
        flow = Flow(canvas, area.w)
        flow.text(self.verdict(rows), theme.s("body"), theme.c("text"), "semibold")
        flow.text(self.weights_line(rows), theme.s("body"), theme.c("muted")).space(12)
        flow.group(gap=0)
        line = math.ceil(canvas.line_height(theme.s("body"), "semibold")) + 14
        cols = self.columns(canvas, rows, area.w, month, others is not None)
        head = math.ceil(canvas.line_height(theme.s("small"), "semibold")) + 8
        flow.row(head, self.group_row(cols, month))
        flow.row(head, self.header_row(cols, month, others))
        scale = max([abs(r.moved) for r in rows] + [1.0])
        for row in rows:
            flow.row(line, self.table_row(row, cols, month, scale, self.widths(canvas, rows)))
        flow.space(8)  # the legends stay on the table's page
        rule = next(r for r in level.rules if r.id == debrief.variant(self.visit))
        legends = [*self.legends(rows, month), self.t("debrief.guess.rule_set", name=self.p(rule.name))]
        flow.text(" ".join(legends), theme.s("small"), theme.c("muted"))
        if len(level.rules) > 1:
            flow.text(self.t("debrief.guess.other_sets"), theme.s("small"), theme.c("muted"))
        pages = flow.layout(area.h)
        flow.draw(area, page)
        return pages

    def verdict(self, rows: list[GuessRow]) -> str:
        """First what the visitor's own month says; a declined visitor had no score to move."""
        first = self.category(self.ranking[0]) if self.ranking else ""
        if self.declined:
            return self.t("debrief.guess.own_declined" if first else "debrief.guess.own_declined_skipped", first=first)
        top = next((r for r in rows if r.own_rank == 1), None)
        if top is None:
            return self.t("debrief.guess.own_none")
        params = {"first": first, "top": self.category(top.category), "points": self.pts(top.moved)}
        if not self.ranking:
            return self.t("debrief.guess.own_skipped", **params)
        return self.t("debrief.guess.own_right" if own_top_match(rows) else "debrief.guess.own_wrong", **params)

    def weights_line(self, rows: list[GuessRow]) -> str:
        """Second, the level's weights: the heaviest named together when they weigh the same."""
        heaviest = [self.category(r.category) for r in rows if r.true_rank == 1]
        share = self.pct(next(r.share for r in rows if r.true_rank == 1))
        key = "debrief.guess.weights_tied" if len(heaviest) > 1 else "debrief.guess.weights_top"
        return self.t(key, top=", ".join(heaviest), share=share)

    def legends(self, rows: list[GuessRow], month: bool) -> list[str]:
        """A legend for every mark the table uses, and only for those."""
        out = []
        if month:
            out.append(self.t("debrief.guess.legend_points"))
        if any(r.own_right or r.right for r in rows if r.yours is not None):
            out.append(self.t("debrief.guess.legend_match"))
        if any(r.places[1] > r.places[0] for r in rows):
            tied = next(r for r in rows if r.places[1] > r.places[0])
            out.append(self.t("debrief.guess.legend_tie", rank=self.rank_text(tied)))
        return out

    @staticmethod
    def rank_text(row: GuessRow) -> str:
        """``2–4`` for places shared by equal weights: never three plain 2s with no 3 or 4 after them."""
        first, last = row.places
        return f"{first}–{last}" if last > first else str(first)

    def widths(self, canvas: Canvas, rows: list[GuessRow]) -> tuple[int, int, int]:
        """The widest points, share and rank texts (larger text and long names move the columns)."""
        body = canvas.theme.s("body")

        def widest(texts: list[str]) -> int:
            return math.ceil(max(canvas.measure(t, body, "bold")[0] for t in texts))

        return (
            widest([self.pts(r.moved) for r in rows]) + 8,
            widest([self.pct(r.share) for r in rows]) + 8,
            widest([self.rank_text(r) for r in rows] + ["—"]) + 24,
        )

    def columns(self, canvas: Canvas, rows: list[GuessRow], width: int, month: bool, others: bool) -> list[int]:
        """x offsets of: category, your guess, month points, month rank, weight, weight rank, visitors, end.

        Each column is as wide as its widest text (header or cell); what is left goes to
        the two bars. Without a month (declined) its two columns have no width; without
        earlier visitors neither has theirs.
        """
        theme = canvas.theme
        small, body = theme.s("small"), theme.s("body")

        def head(key: str) -> int:
            return math.ceil(canvas.measure(self.t(key), small, "semibold")[0])

        pts_w, pct_w, pill_w = self.widths(canvas, rows)
        names = max(canvas.measure(self.category(r.category), body, "semibold")[0] for r in rows)
        cat = max(math.ceil(names), head("debrief.guess.col_category")) + 32
        yours = max(head("debrief.guess.col_yours"), math.ceil(canvas.measure("5", body, "bold")[0])) + 32
        rank = max(head("debrief.guess.col_rank"), head("debrief.guess.col_own_rank"), pill_w) + 32
        moved = max(head("debrief.guess.col_points"), pts_w) + 40 if month else 0
        weight = max(head("debrief.guess.col_weight"), pct_w) + 40
        seen = head("debrief.guess.col_others") + 16 if others else 0
        spare = max(0, width - (cat + yours + moved + (rank if month else 0) + weight + rank + seen))
        bars = 2 if month else 1
        moved += spare // bars if month else 0
        weight += spare // bars
        x = [0, cat, cat + yours]
        x.append(x[-1] + moved)
        x.append(x[-1] + (rank if month else 0))
        x.append(x[-1] + weight)
        x.append(x[-1] + rank if others else width)
        return [*x, width]

    def group_row(self, cols: list[int], month: bool) -> Draw:
        """The two comparisons named above their columns: your month, then Halo's weights."""
        groups = [(4, 6, self.t("debrief.guess.group_weights"))]
        if month:
            groups.insert(0, (2, 4, self.t("debrief.guess.group_month")))

        def draw(canvas: Canvas, rect: Rect) -> None:
            theme = canvas.theme
            for a, b, label in groups:
                box = Rect(rect.x + cols[a], rect.y, cols[b] - cols[a] - 16, rect.h)
                canvas.text(label, box, theme.s("small"), theme.c("text"), "bold")
                canvas.rect(Rect(box.x, rect.bottom - 3, box.w, 2), theme.c("muted"))

        return draw

    def header_row(self, cols: list[int], month: bool, others: dict[str, float | None] | None) -> Draw:
        labels = {0: self.t("debrief.guess.col_category"), 1: self.t("debrief.guess.col_yours")}
        if month:
            labels |= {2: self.t("debrief.guess.col_points"), 3: self.t("debrief.guess.col_own_rank")}
        labels |= {4: self.t("debrief.guess.col_weight"), 5: self.t("debrief.guess.col_rank")}
        if others is not None:
            labels[6] = self.t("debrief.guess.col_others")

        def draw(canvas: Canvas, rect: Rect) -> None:
            for i, label in labels.items():
                box = Rect(rect.x + cols[i], rect.y, cols[i + 1] - cols[i] - 16, rect.h)
                canvas.text(label, box, canvas.theme.s("small"), canvas.theme.c("muted"), "semibold")

        return draw

    def table_row(
        self, row: GuessRow, cols: list[int], month: bool, scale: float, widths: tuple[int, int, int]
    ) -> Draw:
        name = self.category(row.category)
        yours = f"{row.yours}" if row.yours else "—"
        others = "—" if row.others is None else self.num(row.others)
        own = "—" if row.own_rank is None else str(row.own_rank)
        points = self.pts(row.moved)
        share = self.pct(row.share)
        weight_rank = self.rank_text(row)

        pts_w, pct_w, pill_w = widths

        def draw(canvas: Canvas, rect: Rect) -> None:
            theme = canvas.theme
            body = theme.s("body")
            canvas.rect(Rect(rect.x, rect.bottom - 2, rect.w, 2), theme.c("surface_alt"))
            inner = Rect(rect.x, rect.y + 6, rect.w, rect.h - 12)

            def cell(i: int, text: str, colour: tuple[int, int, int], face: str = "semibold") -> None:
                box = Rect(inner.x + cols[i], inner.y, cols[i + 1] - cols[i] - 16, inner.h)
                canvas.text(text, box, body, colour, face, valign="center")

            def mark(i: int, on: bool) -> None:
                """A matched rank: a highlight pill behind it (named in the legend)."""
                if on:
                    canvas.rect(Rect(inner.x + cols[i] - 8, inner.y, pill_w, inner.h), theme.c("highlight"), radius=10)

            cell(0, name, theme.c("text"))
            cell(1, yours, theme.c("text"), "bold")
            if month:
                half = max(0, (cols[3] - cols[2] - pts_w - 40) // 2)  # no room: the points alone
                mid = inner.x + cols[2] + half
                length = round(half * abs(row.moved) / scale)
                if half:
                    bar = Rect(mid - length if row.moved < 0 else mid, inner.y + inner.h // 4, length, inner.h // 2)
                    canvas.rect(Rect(mid - 1, inner.y + 4, 2, inner.h - 8), theme.c("muted"))
                    if length:
                        canvas.rect(bar, sign_colour(canvas, row.moved), radius=6)
                canvas.text(
                    points,
                    Rect(mid + half + 12, inner.y, pts_w, inner.h),
                    body,
                    theme.c("text"),
                    "bold",
                    valign="center",
                )
                mark(3, row.own_right)
                cell(3, own, theme.c("background") if row.own_right else theme.c("text"), "bold")
            bar_w = max(0, cols[5] - cols[4] - pct_w - 40)  # no room: the share alone
            if bar_w:
                bar = Rect(
                    inner.x + cols[4], inner.y + inner.h // 4, round(bar_w * min(1.0, row.share / 0.5)), inner.h // 2
                )
                canvas.rect(Rect(bar.x, bar.y, bar_w, bar.h), theme.c("surface_alt"), radius=6)
                canvas.rect(Rect(bar.x, bar.y, max(4, bar.w), bar.h), theme.c("accent"), radius=6)
            canvas.text(
                share,
                Rect(inner.x + cols[4] + bar_w + (12 if bar_w else 0), inner.y, pct_w, inner.h),
                body,
                theme.c("text"),
                "bold",
                valign="center",
            )
            mark(5, row.right)
            cell(5, weight_rank, theme.c("background") if row.right else theme.c("text"), "bold")
            if cols[6] < cols[7]:
                cell(6, others, theme.c("muted"))

        return draw
