"""The player's phone with the Halo app: dial, feed of notifications, contacts and scores."""

from __future__ import annotations

import math
from dataclasses import replace

from game.present.phone import PhoneView
from game.ui.canvas import Canvas, Rect
from game.ui.dial import dial_block
from game.ui.pictures import face, score_bubble
from game.ui.theme import mix


def phone_frame(canvas: Canvas, box: Rect) -> None:
    """The device and its blank screen: static, so screens paint it into their backdrop."""
    canvas.rect(box, canvas.theme.c("phone"), radius=56)
    canvas.rect(box.inflate(-36, -36), canvas.theme.c("phone_screen"), radius=40)


def dial_area(box: Rect) -> Rect:
    """Where the phone's dial is (the count-up redraws only this)."""
    screen = box.inflate(-36, -36)
    return Rect(screen.x + 40, screen.y + 56, screen.w - 80, 250)


def feed_area(box: Rect, view: PhoneView) -> Rect:
    """Where the last two feed cards are (a sliding card redraws only this)."""
    screen = box.inflate(-36, -36)
    y = dial_area(box).bottom + 4 + (44 if view.money else 0) + 38
    return Rect(screen.x, y, screen.w, 2 * 92)


def draw_phone_dial(canvas: Canvas, box: Rect, view: PhoneView, clear: bool = False) -> Rect:
    """The phone's dial (``clear``: over the blank screen first, for a partial redraw)."""
    theme = canvas.theme
    dial = dial_area(box)
    if clear:
        canvas.rect(dial, theme.c("phone_screen"))
    ink, muted = theme.c("phone_text"), theme.c("phone_muted")
    if view.no_account:
        canvas.paragraph(
            view.no_account, dial.inflate(-20, -60), theme.s("heading"), muted, "semibold", "center", valign="center"
        )
    else:
        dial_block(canvas, dial, view.score, view.lo, view.hi, view.band, view.delta, ink, (214, 218, 226))
    return dial


def draw_phone_feed(canvas: Canvas, box: Rect, view: PhoneView, reduced_motion: bool, clear: bool = False) -> Rect:
    """The last two feed cards, the newest sliding in from the right."""
    theme = canvas.theme
    screen = box.inflate(-36, -36)
    area = feed_area(box, view)
    if clear:
        canvas.rect(area, theme.c("phone_screen"))
    ink, small = theme.c("phone_text"), theme.s("small")
    y = area.y
    canvas.clip(screen)
    for text, age, picture in view.feed[-2:]:
        slide = 0.0 if reduced_motion else max(0.0, 1.0 - age / 0.35)
        card = Rect(screen.x + 24 + round(slide * 300), y, screen.w - 48, 84)
        canvas.rect(card, (231, 236, 245), radius=16)
        icon = Rect(card.x + 14, card.y + 14, 56, 56)
        if picture in view.people:
            face(canvas, icon.center, 56, picture, "cold")
        else:
            canvas.thing(picture, icon.inflate(-6, -6))
        words = Rect(icon.right + 14, card.y + 8, card.right - icon.right - 28, card.h - 16)
        canvas.paragraph(text, words, small * 0.92, ink, "regular", spacing=1.05, valign="center")
        y += 92
    canvas.clip(None)
    return area


def phone_look(view: PhoneView, lang: str) -> tuple[object, ...]:
    """Everything the phone's pixels depend on once no feed card slides (its version as a
    retained layer): the view with its feed's ages left out, and the language in place of
    its "+ N" wording."""
    unaged = [(text, 0.0, picture) for text, _, picture in view.feed]
    return replace(view, feed=unaged, more=str), lang


def draw_phone(canvas: Canvas, box: Rect, view: PhoneView, reduced_motion: bool) -> None:
    """The phone's content; the frame comes from :func:`phone_frame`."""
    theme = canvas.theme
    screen = box.inflate(-36, -36)
    ink, muted = theme.c("phone_text"), theme.c("phone_muted")
    small = theme.s("small")
    canvas.text(view.clock, Rect(screen.x + 36, screen.y + 14, 200, 40), small, ink, "semibold")
    canvas.text("Halo", Rect(screen.right - 236, screen.y + 14, 200, 40), small, ink, "bold", "right")
    dial = draw_phone_dial(canvas, box, view)
    y = dial.bottom + 4
    if view.money:
        canvas.text(view.money, Rect(screen.x + 30, y, screen.w - 60, 36), small, ink, "semibold", "center")
        y += 44
    canvas.text(view.feed_title, Rect(screen.x + 30, y, screen.w - 60, 36), small, muted, "semibold")
    y = draw_phone_feed(canvas, box, view, reduced_motion).y + 92 * len(view.feed[-2:])
    y = max(y, dial.bottom + 44 + 38 + 2 * 92 + 6)
    canvas.text(view.contacts_title, Rect(screen.x + 30, y, screen.w - 60, 36), small, muted, "semibold")
    y += 40
    draw_contacts(canvas, Rect(screen.x + 24, y, screen.w - 48, screen.bottom - 10 - y), view)


def draw_contacts(canvas: Canvas, area: Rect, view: PhoneView) -> None:
    """Everyone at a glance, Nosedive-style: a face, its score beside it, the name below.

    The face tells what happened (grey when they dropped you, sad when you dropped them,
    angry when reported, worried when their score fell); words say it too, never the face
    alone. In the view's order, so who speaks and whom the goal is about come first.
    """
    theme = canvas.theme
    ink, muted = theme.c("phone_text"), theme.c("phone_muted")
    small = theme.s("small")
    lines = view.contacts
    cols = 3 if len(lines) <= 6 else 4
    rows = max(1, math.ceil(len(lines) / cols))
    name_h = math.ceil(canvas.line_height(small * 0.82, "semibold"))
    label_size = max(small * 0.7, canvas.smallest(small * 0.7))  # never below the floor text may reach
    label_h = math.ceil(canvas.line_height(label_size)) if any(line.relation_label for line in lines) else 0
    cell_w = area.w // cols
    if any(canvas.measure(line.relation_label, label_size)[0] > cell_w - 4 for line in lines):
        label_h *= 2  # a label too long for one line (larger text) takes two
    cell_h = min(area.h // rows, 168)
    while rows > 1 and cell_h < name_h + label_h + 40:  # too many for the room: the first ones, then "+ N"
        rows -= 1
        cell_h = min(area.h // rows, 168)
    shown = lines[: rows * cols]
    if len(shown) < len(lines):
        shown = lines[: rows * cols - 1]
    size = max(24, min(cell_w * 0.6, cell_h - name_h - label_h - 10))
    for i, line in enumerate(shown):
        x, y = area.x + (i % cols) * cell_w, area.y + (i // cols) * cell_h
        centre = (x + cell_w / 2, y + size / 2 + 4)
        faded = line.relation in ("dropped", "reported")
        face(canvas, centre, size, line.portrait, line.mood, grey=line.grey)
        bubble = (centre[0] + size * 0.22, centre[1] - size * 0.42)
        score_bubble(
            canvas, bubble, line.score, small * 0.78, dial_colour_for(canvas, view, line.score), area.right + 8
        )
        name_box = Rect(x + 2, round(y + size + 8), cell_w - 4, name_h)
        canvas.text(line.name, name_box, small * 0.82, muted if faded else ink, "semibold", "center")
        if line.relation_label:
            label_box = Rect(x + 2, name_box.bottom, cell_w - 4, label_h)
            colour = theme.c("bad") if faded else muted
            canvas.paragraph(line.relation_label, label_box, label_size, colour, align="center", spacing=1.0)
    if len(shown) < len(lines):
        i = len(shown)
        x, y = area.x + (i % cols) * cell_w, area.y + (i // cols) * cell_h
        more = Rect(x, y, cell_w, round(size))
        canvas.text(view.more(len(lines) - len(shown)), more, small * 0.9, muted, "semibold", "center", "center")


def dial_colour_for(canvas: Canvas, view: PhoneView, score: int) -> tuple[int, int, int]:
    """A score's colour on the dial's scale (orange low, sky blue high), for its bubble's ink."""
    fraction = (score - view.lo) / max(1, view.hi - view.lo)
    return mix(canvas.theme.c("warning"), canvas.theme.c("primary"), (fraction - 1 / 3) * 3)
