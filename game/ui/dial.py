"""Halo's half-circle dial: orange when low, sky blue when high, never colour alone.

The number, a band name and an up/down arrow always come with the colour.
"""

from __future__ import annotations

import math
from functools import lru_cache

from game.ui.canvas import Canvas, Rect
from game.ui.theme import Colour, mix


def dial_colour(canvas: Canvas, fraction: float) -> Colour:
    """Orange up to 1/3 of the range, sky blue from 2/3, a blend between."""
    t = (fraction - 1 / 3) / (1 / 3)
    return mix(canvas.theme.c("warning"), canvas.theme.c("accent"), t)


def arrow(canvas: Canvas, centre: tuple[float, float], size: float, up: bool, colour: Colour) -> None:
    x, y = centre
    h = size * 0.9
    if up:
        pts = [(x, y - h / 2), (x + size / 2, y + h / 2), (x - size / 2, y + h / 2)]
    else:
        pts = [(x, y + h / 2), (x + size / 2, y - h / 2), (x - size / 2, y - h / 2)]
    canvas.polygon(pts, colour)


Point = tuple[float, float]


@lru_cache(maxsize=32)
def arc_segments(centre: Point, radius: float, thickness: float, segments: int) -> tuple[list[Point], ...]:
    """The arc's segments as quadrilaterals, worked out once per dial: a count-up redraws
    the same dial every frame and only the colours change."""
    cx, cy = centre
    inner = radius - thickness
    out = []
    for i in range(segments):
        a0 = math.pi * (1 - i / segments)
        a1 = math.pi * (1 - (i + 1) / segments) - 0.004
        out.append(
            [
                (cx + radius * math.cos(a0), cy - radius * math.sin(a0)),
                (cx + radius * math.cos(a1), cy - radius * math.sin(a1)),
                (cx + inner * math.cos(a1), cy - inner * math.sin(a1)),
                (cx + inner * math.cos(a0), cy - inner * math.sin(a0)),
            ]
        )
    return tuple(out)


def draw_dial(
    canvas: Canvas,
    centre: tuple[float, float],
    radius: float,
    thickness: float,
    score: float,
    lo: int,
    hi: int,
    track: Colour,
    segments: int = 72,
) -> Colour:
    """The arc, filled up to ``score``; returns the colour used so labels can match."""
    fraction = min(1.0, max(0.0, (score - lo) / (hi - lo)))
    colour = dial_colour(canvas, fraction)
    cx, cy = centre
    filled = round(segments * fraction)
    for i, pts in enumerate(arc_segments(centre, radius, thickness, segments)):
        canvas.polygon(pts, colour if i < filled else track)
    # the needle tip
    a = math.pi * (1 - fraction)
    canvas.circle(
        (cx + (radius - thickness / 2) * math.cos(a), cy - (radius - thickness / 2) * math.sin(a)),
        thickness * 0.62,
        canvas.theme.c("phone_text"),
    )
    canvas.circle(
        (cx + (radius - thickness / 2) * math.cos(a), cy - (radius - thickness / 2) * math.sin(a)),
        thickness * 0.42,
        colour,
    )
    return colour


def dial_block(
    canvas: Canvas,
    box: Rect,
    score: float,
    lo: int,
    hi: int,
    band: str,
    delta: int | None,
    text_colour: Colour,
    track: Colour,
    score_size: float | None = None,
) -> None:
    """Dial with its number, band name and arrow, fitted inside ``box``."""
    radius = min(box.w / 2 - 10, box.h * 0.62)
    thickness = radius * 0.16
    centre = (box.centerx, box.y + radius + 10)
    draw_dial(canvas, centre, radius, thickness, score, lo, hi, track)
    size = score_size or radius * 0.42
    number = Rect(box.x, round(centre[1] - size * 1.25), box.w, round(size * 1.3))
    canvas.text(str(round(score)), number, size, text_colour, "bold", "center", "center")
    label = Rect(box.x + 10, round(centre[1] + 8), box.w - 20, round(box.bottom - centre[1] - 8))
    label_size = max(canvas.theme.s("small"), size * 0.34)
    if delta:
        w, _ = canvas.measure(band, label_size, "semibold")
        ax = box.centerx - w / 2 - label_size * 0.8
        colour = canvas.theme.c("good") if delta > 0 else canvas.theme.c("bad")
        arrow(canvas, (ax, label.y + label_size * 0.62), label_size * 0.7, delta > 0, colour)
    if band:
        canvas.text(band, label, label_size, text_colour, "semibold", "center", "top")
