"""The attract loop's people, each redrawn only where their look changed since it was shown.

At ten frames a second the scores move on every frame, but a face changes only when its
mood does and a door only while its moment plays (0.8 s after it opens or locks). Drawing
the whole strip on every frame cost a 4K kiosk 5 % of a core all day; here each person's
column is two parts, the head (face and score pill) and the door, each clipped to its own
box, and a frame redraws and presents only what differs from what the window shows: the
pills where the numbers changed, now and then a face or a door. A whole redraw paints the
same parts the same way, so the two leave the same pixels.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from game.ui.canvas import Canvas, Rect
from game.ui.dial import dial_colour
from game.ui.pictures import bubble_box, door_moving, door_picture, face, score_bubble

if TYPE_CHECKING:
    from game.content.models import Level

STRIP = Rect(1000, 170, 860, 640)  # the people and their doors
MARGIN = 2  # logical pixels around what moves (anti-aliased edges)
GAP = 4  # logical pixels between parts: a window's scale rounds their edges, never onto each other


@dataclass(frozen=True)
class Look:
    """What one person's column shows: its mood, score and door at a moment of the loop."""

    score: int
    opened: bool
    moment: float  # the door's moment, 0 → 1 (eased); 1 once it has played

    @property
    def mood(self) -> str:
        return "happy" if self.opened else "worried"


@dataclass(frozen=True)
class Column:
    """Where one person is drawn: their face's centre and size, and the two parts' boxes."""

    centre: tuple[float, float]
    side: int
    head: Rect  # the face and its pill, down to the door
    door: Rect  # the door's own box
    part: Rect  # the door's part: its column's width (a falling stamp is wider than the door)


def columns(count: int) -> list[Column]:
    """Up to three lives side by side: face and score above, their goal's door below."""
    width = STRIP.w // max(1, count)
    out = []
    for i in range(count):
        x = STRIP.x + i * width + width // 2
        side = min(width - 40, 240)
        top = round(STRIP.y + side + 70)
        door = Rect(round(x - side / 2), top, side, side)
        left = STRIP.x + i * width + GAP
        head = Rect(left, STRIP.y, width - 2 * GAP, top - STRIP.y - GAP)
        part = Rect(left, top, width - 2 * GAP, side)
        out.append(Column((x, STRIP.y + 20 + side / 2), side, head, door, part))
    return out


def anchor(column: Column) -> tuple[float, float]:
    """Where a person's pill floats: by the top right of their face."""
    cx, cy = column.centre
    return cx + column.side * 0.18, cy - column.side * 0.42


class People:
    """The strip of people, remembering what each part shows so a frame redraws only changes."""

    def __init__(self) -> None:
        self.shown: list[Look] = []
        self.pills: list[Rect] = []  # each person's pill as last drawn

    def draw(self, canvas: Canvas, level: Level, looks: list[Look], stamp: str) -> None:
        """All of it: the strip's ground, then every part."""
        canvas.rect(STRIP, canvas.theme.c("background"))
        self.shown, self.pills = [], []
        for i, (column, look) in enumerate(zip(columns(len(looks)), looks, strict=True)):
            self.pills.append(self.head(canvas, level, i, column, look, column.head))
            self.door(canvas, level, i, column, look, stamp, column.part)
            self.shown.append(look)

    def redraw(self, canvas: Canvas, level: Level, looks: list[Look], stamp: str) -> list[Rect]:
        """Only the parts whose look changed since they were drawn; returns the areas to show."""
        if len(looks) != len(self.shown):
            self.draw(canvas, level, looks, stamp)
            return [STRIP]
        areas: list[Rect] = []
        for i, (column, look) in enumerate(zip(columns(len(looks)), looks, strict=True)):
            before, self.shown[i] = self.shown[i], look
            head = head_change(canvas, column, before, look, self.pills[i])
            if head is not None:
                self.pills[i] = self.head(canvas, level, i, column, look, head)
                areas.append(head)
            door = door_change(column, before, look, stamp)
            if door is not None:
                self.door(canvas, level, i, column, look, stamp, door)
                areas.append(door)
        return areas

    def head(self, canvas: Canvas, level: Level, i: int, column: Column, look: Look, area: Rect) -> Rect:
        """The face and its pill, painted inside ``area`` only (the rest is left as it is)."""
        persona = level.personas[i]
        lo, hi = level.score.min, level.score.max
        canvas.clip(area)
        canvas.rect(area, canvas.theme.c("background"))
        face(canvas, column.centre, column.side, persona.portrait or persona.id, look.mood)
        ink = dial_colour(canvas, (look.score - lo) / max(1, hi - lo))
        pill = score_bubble(canvas, anchor(column), look.score, column.side * 0.13, ink, column.head.right - 4)
        canvas.clip(None)
        return pill

    def door(self, canvas: Canvas, level: Level, i: int, column: Column, look: Look, stamp: str, area: Rect) -> None:
        """The door, painted inside ``area`` only (a falling stamp is cut at its column's edges)."""
        canvas.clip(area)
        canvas.rect(area, canvas.theme.c("background"))
        door_picture(canvas, column.door, level.personas[i].goal.picture, outcome(look), look.moment, stamp)
        canvas.clip(None)


def head_change(canvas: Canvas, column: Column, before: Look, look: Look, pill: Rect) -> Rect | None:
    """What of a head to redraw: all of it when the mood changed, the pill's old and new boxes
    when only the score did (the face under them is painted again there, clipped)."""
    if look.mood != before.mood:
        return column.head
    if look.score == before.score:
        return None
    new = bubble_box(canvas, anchor(column), look.score, column.side * 0.13, column.head.right - 4)
    return new.union(pill).inflate(2 * MARGIN, 2 * MARGIN).clip(column.head)


def door_change(column: Column, before: Look, look: Look, stamp: str) -> Rect | None:
    """What of a door to redraw: all of it when it opened or locked, what its moment moves
    (the lock, the falling stamp) while that plays."""
    if look.opened != before.opened:
        return column.part
    if look.moment == before.moment:
        return None
    moving = door_moving(column.door, outcome(look), stamp)
    return moving.inflate(2 * MARGIN, 2 * MARGIN).clip(column.part)


def outcome(look: Look) -> str:
    return "grant" if look.opened else "refuse"
