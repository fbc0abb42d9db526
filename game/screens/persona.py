"""Who you are: each persona's life, goal and the data the system already holds on them.

The cards show one kind of text at one size: name, goal, what Halo already knows, and
the description when there is room. When a card cannot hold the essentials (with larger
text, say), touching it opens that life whole, with a button to live it; otherwise
touching a card starts at once.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, replace
from typing import Any

from game.content.models import Persona
from game.screens.base import Screen
from game.screens.context import Context
from game.screens.transitions import Goto, Transition
from game.ui.canvas import Canvas, Rect
from game.ui.pictures import PANEL, face
from game.ui.theme import Colour
from game.ui.widgets import Button

TOP = 290
PAD = 28
FACE_BAND = 190  # the top of each card: the life as a face first, with what the goal opens
ESSENTIAL = 5  # name, goal and what Halo knows: a card without them opens the life first


@dataclass(frozen=True)
class Block:
    """One piece of a persona card: a text at a role's size, with the gap above it."""

    role: str
    text: str
    size: float
    colour: Colour
    face: str
    gap: int


class PersonaScreen(Screen):
    name = "persona"

    def __init__(self, ctx: Context, **_: Any) -> None:
        super().__init__(ctx)
        self.detail: str | None = None  # the persona whose whole card is open
        self.complete = True  # the cards show everything (so a touch starts at once)

    # -- what a card says --------------------------------------------------------------------
    def blocks(self, canvas: Canvas, persona: Persona) -> list[Block]:
        theme = canvas.theme
        ink, muted = theme.c("card_text"), theme.c("card_muted")
        facts = (" · " if self.detail is None else "\n").join(self.p(d.label) for d in persona.data)
        return [
            Block("name", self.p(persona.name), theme.s("heading"), ink, "bold", 0),
            Block("goal_label", self.t("persona.goal"), theme.s("small"), muted, "semibold", 18),
            Block("goal", self.p(persona.goal.text), theme.s("body"), ink, "semibold", 6),
            Block("known_label", self.t("persona.known"), theme.s("small"), muted, "semibold", 18),
            Block("known", facts, theme.s("small"), ink, "regular", 6),
            Block("description", self.p(persona.description), theme.s("small"), muted, "regular", 18),
        ]

    @staticmethod
    def height(canvas: Canvas, block: Block, width: int) -> int:
        lines = canvas.wrap(block.text, width, block.size, block.face)
        return block.gap + math.ceil(len(lines) * canvas.line_height(block.size, block.face) * 1.15)

    def cards(self, canvas: Canvas, personas: list[Persona], width: int) -> list[list[Block]]:
        """Every card's blocks, each kind at one size on every card: the largest at which
        every card's longest word fits the width (a long name shrinks all the names)."""
        cards = [self.blocks(canvas, p) for p in personas]
        for k in range(len(cards[0])):
            size = cards[0][k].size
            floor = canvas.smallest(size)
            words = [w for card in cards for w in card[k].text.split()]
            face = cards[0][k].face
            while size > floor and any(canvas.measure(w, size, face)[0] > width for w in words):
                size = max(floor, size - 2)
            for card in cards:
                card[k] = replace(card[k], size=size)
        return cards

    def fitting(self, canvas: Canvas, personas: list[Persona], width: int, room: int) -> int:
        """How many blocks, in order, every card can show at the same sizes."""
        cards = self.cards(canvas, personas, width)
        count = 0
        for n in range(1, len(cards[0]) + 1):
            if max(sum(self.height(canvas, b, width) for b in card[:n]) for card in cards) > room:
                break
            count = n
        if count in (2, 4):  # never a label without what it labels
            count -= 1
        return max(1, count)

    # -- drawing ---------------------------------------------------------------------------------
    def draw_body(self, canvas: Canvas) -> None:
        if self.detail is not None:
            self.draw_detail(canvas, next(p for p in self.ctx.level.personas if p.id == self.detail))
            return
        theme = canvas.theme
        self.header(canvas, self.t("persona.title"), self.t("persona.subtitle"))
        personas = self.ctx.level.personas
        n = len(personas)
        gap = 40
        width = (1760 - gap * (n - 1)) // n
        card_h = theme.height - 40 - TOP
        inner_w = width - 2 * PAD
        more_h = math.ceil(canvas.line_height(theme.s("small"), "semibold") * 1.2) + 12
        room = card_h - 2 * PAD - FACE_BAND
        shown = self.fitting(canvas, personas, inner_w, room)
        self.complete = shown >= ESSENTIAL  # the description is a bonus when there is room
        if not self.complete:
            shown = self.fitting(canvas, personas, inner_w, room - more_h)
        cards = self.cards(canvas, personas, inner_w)
        for i, persona in enumerate(personas):
            card = Rect(80 + i * (width + gap), TOP, width, card_h)
            canvas.rect(card, theme.c("card"), radius=28)
            self.draw_faces(canvas, Rect(card.x + 14, card.y + 14, card.w - 28, FACE_BAND - 14), persona)
            y = card.y + FACE_BAND + PAD
            for block in cards[i][:shown]:
                h = self.height(canvas, block, inner_w)
                canvas.paragraph(
                    block.text,
                    Rect(card.x + PAD, y + block.gap, inner_w, h - block.gap),
                    block.size,
                    block.colour,
                    block.face,
                )
                y += h
            if not self.complete:
                canvas.text(
                    self.t("persona.more"),
                    Rect(card.x + PAD, card.bottom - PAD - more_h + 12, inner_w, more_h - 12),
                    theme.s("small"),
                    theme.c("primary"),
                    "semibold",
                )
            self.add(Button(f"persona:{persona.id}", self.p(persona.name), card, style="card"))

    def draw_faces(self, canvas: Canvas, band: Rect, persona: Persona) -> None:
        """The person, large, and the object of their goal in a bubble beside them."""
        canvas.rect(band, PANEL, radius=22)
        side = band.h - 16
        face(canvas, (band.centerx - side * 0.25, band.centery + 4), side, persona.portrait or persona.id, "neutral")
        if persona.goal.picture is not None:
            bubble = side * 0.5
            centre = (band.centerx + side * 0.5 + 10, band.y + bubble / 2 + 18)
            canvas.circle(centre, bubble / 2, (255, 255, 255))
            thing = round(bubble * 0.68)
            canvas.thing(
                persona.goal.picture, Rect(round(centre[0] - thing / 2), round(centre[1] - thing / 2), thing, thing)
            )

    def draw_detail(self, canvas: Canvas, persona: Persona) -> None:
        """One life, whole: everything the card could not hold, and the choice to live it."""
        theme = canvas.theme
        card = Rect(80, 130, 1760, theme.height - 160)
        canvas.rect(card, theme.c("card"), radius=28)
        h = round(self.target())
        inner = Rect(card.x + 60, card.y + 40, card.w - 120, card.h - 80 - h - 30)
        blocks = self.blocks(canvas, persona)
        columns = [[blocks[0], blocks[5], *blocks[1:3]], blocks[3:5]]
        width = (inner.w - 60) // 2
        self.draw_faces(canvas, Rect(inner.x + width + 60, inner.y, width, FACE_BAND - 14), persona)
        for k, blocks in enumerate(columns):
            y = inner.y + (FACE_BAND + 10 if k == 1 else 0)
            for block in blocks:
                bh = self.height(canvas, block, width)
                box = Rect(inner.x + k * (width + 60), y + block.gap, width, min(bh - block.gap, inner.bottom - y))
                canvas.paragraph(block.text, box, block.size, block.colour, block.face)
                y += bh
        bottom = card.bottom - 40 - h
        self.add(Button("live", self.t("persona.live"), Rect(card.x + 60, bottom, 860, h), style="primary"))
        self.add(Button("back", self.t("persona.back"), Rect(card.right - 60 - 700, bottom, 700, h), style="ghost"))

    # -- acting ----------------------------------------------------------------------------------
    def on_button(self, button_id: str) -> Transition | None:
        if button_id.startswith("persona:"):
            persona = button_id.split(":", 1)[1]
            if self.complete:
                return self.start(persona)
            self.detail = persona
        elif button_id == "live" and self.detail is not None:
            return self.start(self.detail)
        elif button_id == "back":
            self.detail = None
        return None

    def on_back(self) -> Transition | None:
        self.detail = None
        return None

    def start(self, persona: str) -> Transition:
        self.ctx.begin_visit(persona)
        return Goto("consent")
