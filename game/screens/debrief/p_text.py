"""Two reading panels: the real world (China and the West side by side) and questions.

The cards and questions are the level's own texts, with their sources; in workshop
levels the questions are set larger, to be read across a room.
"""

from __future__ import annotations

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
        width = (area.w - 40) // 2
        flows = []
        for regions in COLUMNS:
            flow = Flow(canvas, width)
            flow.text(self.t(f"debrief.world.{regions[0]}"), canvas.theme.s("body"), canvas.theme.c("accent"), "bold")
            cards = [c for c in self.level.cards if c.region in regions]
            cards.sort(key=lambda c: regions.index(c.region))
            for card in cards:
                self.card(flow, canvas, card)
            if not cards:
                flow.text(self.t("debrief.world.none"), canvas.theme.s("small"), canvas.theme.c("muted"))
            flows.append(flow)
        pages = max(f.layout(area.h) for f in flows)
        for k, flow in enumerate(flows):
            flow.draw(Rect(area.x + k * (width + 40), area.y, width, area.h), page)
        return pages

    def card(self, flow: Flow, canvas: Canvas, card: Card) -> None:
        theme = canvas.theme
        flow.group(frame=theme.c("card"), pad=22, gap=18)
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
