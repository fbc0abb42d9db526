"""The score over the month, drawn in code: axes, door thresholds, one or two lines.

Points sit at the centres of equal columns, so text laid out in those columns below
the chart lines up with its step. A second line is dashed with square markers, so
the two months differ by shape as well as by colour.
"""

from __future__ import annotations

import itertools
import math
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from game.ui.canvas import Canvas, Rect
from game.ui.theme import Colour

BOTTOM = 44  # x-axis labels


@dataclass(frozen=True)
class Series:
    scores: Sequence[int]
    colour: Colour
    dashed: bool = False


def column_centres(plot: Rect, count: int) -> list[float]:
    return [plot.x + (i + 0.5) * plot.w / max(1, count) for i in range(count)]


def margins(canvas: Canvas) -> tuple[int, int]:
    """Room left of the plot (score ticks) and right of it (threshold labels), for this text size."""
    small = canvas.theme.s("small")
    left = max(86, math.ceil(canvas.measure("950", small)[0]) + 30)
    right = max(130, math.ceil(canvas.measure("888–888", small, "semibold")[0]) + 30)
    return left, right


def plot_rect(canvas: Canvas, rect: Rect) -> Rect:
    """The plotting area inside ``rect``, leaving room for axis and threshold labels (the
    week names under it keep a whole line at any text size)."""
    left, right = margins(canvas)
    bottom = max(BOTTOM, math.ceil(canvas.line_height(canvas.theme.s("small"))) + 14)
    return Rect(rect.x + left, rect.y + 24, rect.w - left - right, rect.h - 24 - bottom)


def tick_step(span: int, pixels_per_point: float, line_h: float) -> int:
    """Score ticks 50 or 100 apart, wider when the chart is too short for their labels."""
    tick = 50 if span <= 300 else 100
    while tick * pixels_per_point < line_h * 1.1 and tick < span:
        tick *= 2
    return tick


def _merge_marks(values: list[int], y_of: dict[int, float], room: float) -> list[tuple[float, str]]:
    """Labels far enough apart to read; close thresholds share one label ("588–620")."""
    groups: list[list[int]] = []
    for value in sorted(values, reverse=True):
        if groups and y_of[value] - y_of[groups[-1][0]] < room:
            groups[-1].append(value)
        else:
            groups.append([value])
    out: list[tuple[float, str]] = []
    for group in groups:
        y = sum(y_of[v] for v in group) / len(group)
        if out:
            y = max(y, out[-1][0] + room)
        out.append((y, str(group[0]) if len(group) == 1 else f"{group[-1]}–{group[0]}"))
    return out


def draw_chart(
    canvas: Canvas,
    rect: Rect,
    series: Sequence[Series],
    span: tuple[int, int],
    marks: Sequence[int],
    x_labels: Sequence[str],
) -> list[float]:
    """Draw the chart in ``rect`` (painted once per content, then blitted); return the x
    centre of each step (logical px)."""
    key = (
        "chart",
        tuple((tuple(s.scores), s.colour, s.dashed) for s in series),
        tuple(span),
        tuple(marks),
        tuple(x_labels),
    )
    canvas.layer(
        key, rect, canvas.theme.c("background"), lambda c: _paint_chart(c, rect, series, span, marks, x_labels)
    )
    count = max((len(s.scores) for s in series), default=0)
    return column_centres(plot_rect(canvas, rect), max(count, len(x_labels)))


def _paint_chart(
    canvas: Canvas,
    rect: Rect,
    series: Sequence[Series],
    span: tuple[int, int],
    marks: Sequence[int],
    x_labels: Sequence[str],
) -> list[float]:
    theme = canvas.theme
    small = theme.s("small")
    canvas.rect(rect, theme.c("surface"), radius=20)
    plot = plot_rect(canvas, rect)
    left, right = margins(canvas)
    lo, hi = span
    scale = plot.h / max(1, hi - lo)

    def y_of(v: float) -> float:
        return plot.bottom - (min(hi, max(lo, v)) - lo) * scale

    line_h = math.ceil(canvas.line_height(small))
    tick = tick_step(hi - lo, scale, line_h)
    for value in range(lo - lo % tick + (tick if lo % tick else 0), hi + 1, tick):
        y = y_of(value)
        canvas.line((plot.x, y), (plot.right, y), theme.c("surface_alt"), 1)
        canvas.text(
            str(value),
            Rect(rect.x + 8, round(y - line_h / 2), left - 20, line_h),
            small,
            theme.c("muted"),
            align="right",
        )
    shown = sorted(v for v in set(marks) if lo < v < hi)
    for value in shown:
        y = y_of(value)
        for x in range(plot.x, plot.right, 24):
            canvas.line((x, y), (min(x + 12, plot.right), y), theme.c("muted"), 1)
    for y, text in _merge_marks(shown, {v: y_of(v) for v in shown}, line_h):
        box = Rect(plot.right + 14, round(y - line_h / 2), right - 22, line_h)
        canvas.text(text, box, small, theme.c("muted"), "semibold")
    count = max((len(s.scores) for s in series), default=0)
    xs = column_centres(plot, max(count, len(x_labels)))
    for i, label in enumerate(x_labels):
        w = plot.w / max(1, len(x_labels))
        canvas.text(
            label,
            Rect(round(xs[i] - w / 2), plot.bottom + 10, round(w), line_h),
            small,
            theme.c("muted"),
            "semibold",
            "center",
        )
    canvas.line((plot.x, plot.bottom), (plot.right, plot.bottom), theme.c("muted"), 2)
    for s in series:
        points = [(xs[i], y_of(v)) for i, v in enumerate(s.scores)]
        for a, b in itertools.pairwise(points):
            if s.dashed:
                _dashed(canvas, a, b, s.colour)
            else:
                canvas.line(a, b, s.colour, 5)
        for p in points:
            if s.dashed:
                canvas.rect(Rect(round(p[0] - 9), round(p[1] - 9), 18, 18), s.colour)
            else:
                canvas.circle(p, 10, s.colour)
    _value_labels(canvas, series, xs, y_of, plot)
    return xs


def _dashed(canvas: Canvas, a: tuple[float, float], b: tuple[float, float], colour: Colour) -> None:
    length = math.dist(a, b)
    steps = max(1, int(length // 22))
    for k in range(0, steps, 2):
        t0, t1 = k / steps, min(1.0, (k + 1) / steps)
        canvas.line(
            (a[0] + (b[0] - a[0]) * t0, a[1] + (b[1] - a[1]) * t0),
            (a[0] + (b[0] - a[0]) * t1, a[1] + (b[1] - a[1]) * t1),
            colour,
            4,
        )


def _value_labels(
    canvas: Canvas, series: Sequence[Series], xs: list[float], y_of: Callable[[float], float], plot: Rect
) -> None:
    """Each score written by its point, in its line's colour: the higher above, the lower below."""
    theme = canvas.theme
    small = theme.s("small")
    h = math.ceil(canvas.line_height(small, "bold"))
    for i, x in enumerate(xs):
        values = [(s.scores[i], s) for s in series if i < len(s.scores)]
        if not values:
            continue
        values.sort(key=lambda vs: -vs[0])
        placed: list[int] = []
        for rank, (value, s) in enumerate(values):
            if value in placed:
                continue
            placed.append(value)
            y = y_of(value)
            top = y - 16 - h if rank == 0 else y + 16
            top = max(plot.y - 20, min(plot.bottom - h, top))
            colour = theme.c("text") if len(series) == 1 else s.colour
            canvas.text(str(value), Rect(round(x - 60), round(top), 120, h), small, colour, "bold", "center")
