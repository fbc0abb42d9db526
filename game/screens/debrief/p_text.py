"""Two reading panels: the real world (China and the West side by side) and questions.

The cards and questions are the level's own texts, with their sources; in workshop
levels the questions are set larger, to be read across a room.
"""

from __future__ import annotations

import math

from game.content.models import Card
from game.screens.debrief.layout import Flow
from game.screens.debrief.panel import Panel, retained
from game.ui.canvas import Canvas, Rect

COLUMNS = (("china", "history"), ("west", "law"))


class WorldPanel(Panel):
    id = "world"

    def draw(self, canvas: Canvas, area: Rect, page: int) -> int:
        return retained(self, canvas, area, page, None, lambda c: self.draw_page(c, area, page))

    def draw_page(self, canvas: Canvas, area: Rect, page: int) -> int:
        """China on the left, the West on the right, each heading on every page; a card
        too tall for its column (larger text) puts every card in one wide column, each
        carrying its side's name, rather than cutting it across pages."""
        theme = canvas.theme
        head_h = math.ceil(canvas.line_height(theme.s("body"), "bold") * 1.12) + 12
        body = Rect(area.x, area.y + head_h, area.w, area.h - head_h)
        width = (area.w - 40) // 2
        flows = [self.column(canvas, regions, width) for regions in COLUMNS]
        pages = max(f.layout(body.h) for f in flows)
        if any(f.split_card for f in flows):
            wide = Flow(canvas, area.w)
            for regions in COLUMNS:
                for card in self.cards(regions):
                    self.card(wide, canvas, card, self.t(f"debrief.world.{regions[0]}"))
            pages = wide.layout(area.h)
            wide.draw(area, page)
            return pages
        for k, (regions, flow) in enumerate(zip(COLUMNS, flows, strict=True)):
            x = area.x + k * (width + 40)
            heading = self.t(f"debrief.world.{regions[0]}")
            canvas.text(heading, Rect(x, area.y, width, head_h), theme.s("body"), theme.c("accent"), "bold")
            flow.draw(Rect(x, body.y, width, body.h), page)
        return pages

    def cards(self, regions: tuple[str, str]) -> list[Card]:
        cards = [c for c in self.level.cards if c.region in regions]
        cards.sort(key=lambda c: regions.index(c.region))
        return cards

    def column(self, canvas: Canvas, regions: tuple[str, str], width: int) -> Flow:
        flow = Flow(canvas, width)
        cards = self.cards(regions)
        for card in cards:
            self.card(flow, canvas, card)
        if not cards:
            flow.text(self.t("debrief.world.none"), canvas.theme.s("small"), canvas.theme.c("muted"))
        return flow

    def card(self, flow: Flow, canvas: Canvas, card: Card, side: str = "") -> None:
        theme = canvas.theme
        flow.group(frame=theme.c("card"), pad=22, gap=18)
        if side:
            flow.text(side, theme.s("small"), theme.c("primary"), "bold")
        flow.text(self.p(card.title), theme.s("body"), theme.c("card_text"), "bold")
        flow.text(self.p(card.body), theme.s("small"), theme.c("card_text"))
        flow.text(self.p(card.source), theme.s("small"), theme.c("card_muted"), "italic")


class QuestionsPanel(Panel):
    id = "questions"

    def draw(self, canvas: Canvas, area: Rect, page: int) -> int:
        return retained(self, canvas, area, page, None, lambda c: self.draw_page(c, area, page))

    def draw_page(self, canvas: Canvas, area: Rect, page: int) -> int:
        theme = canvas.theme
        workshop = self.level.mode == "workshop"
        size = theme.s("title") if workshop else theme.s("heading")
        flow = Flow(canvas, area.w)
        flow.text(self.t("debrief.questions.intro"), theme.s("body"), theme.c("muted"))
        questions = self.level.questions
        for i, question in enumerate(questions, start=1):
            flow.group(gap=28).text(f"{i}. {self.p(question)}", size, theme.c("text"), "semibold")
        if not questions:
            flow.group().text(self.t("debrief.questions.none"), theme.s("body"), theme.c("text"))
        pages = flow.layout(area.h)
        flow.draw(area, page)
        return pages
