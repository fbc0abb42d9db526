"""Long debrief content laid out in pages instead of shrunk: text stays at reading size.

A :class:`Flow` is a list of groups (kept on one page when they fit), each a list of
rows of known height: wrapped text lines or custom drawings. :meth:`Flow.layout` cuts
it into columns and pages for an area; :meth:`Flow.draw` draws one page. Because rows
are measured with the canvas, the pages follow the language, window and text size.
"""

from __future__ import annotations

import math
from collections.abc import Callable
from dataclasses import dataclass, field, replace

from game.ui.canvas import Canvas, DrawnText, Rect
from game.ui.theme import Colour

Draw = Callable[[Canvas, Rect], None]


@dataclass
class Row:
    h: int
    draw: Draw
    para: tuple[int, str, int] | None = None  # (paragraph id, its whole text, its line count)


@dataclass
class Group:
    rows: list[Row] = field(default_factory=list)
    frame: Colour | None = None
    border: Colour | None = None
    pad: int = 0
    gap: int = 16
    keep: bool = False  # a heading: never last in a column, stays with what follows

    @property
    def height(self) -> int:
        return sum(r.h for r in self.rows) + 2 * self.pad


Part = tuple[Group, list[Row]]


class Flow:
    """Rows of content for columns ``width`` wide."""

    def __init__(self, canvas: Canvas, width: int) -> None:
        self.canvas = canvas
        self.width = width
        self.groups: list[Group] = []
        self.columns: list[list[Part]] = []
        self.per_page = 1
        self._paras = 0
        self.split_card = False  # the last layout cut a framed card across columns

    # -- building -----------------------------------------------------------------------------
    def group(
        self, frame: Colour | None = None, pad: int = 0, gap: int = 16, border: Colour | None = None, keep: bool = False
    ) -> Flow:
        self.groups.append(Group([], frame, border, pad, gap, keep))
        return self

    @property
    def current(self) -> Group:
        if not self.groups:
            self.group()
        return self.groups[-1]

    @property
    def inner(self) -> int:
        return self.width - 2 * self.current.pad

    def text(
        self, text: str, size: float, colour: Colour, face: str = "regular", indent: int = 0, spacing: float = 1.12
    ) -> Flow:
        """Wrapped text at ``size`` (never shrunk): one row per line."""
        canvas = self.canvas
        width = self.inner - indent
        lines = [line for line in canvas.wrap(text, width, size, face) if line] or [""]
        h = math.ceil(canvas.line_height(size, face) * spacing)
        self._paras += 1
        para = (self._paras, text, len(lines)) if len(lines) > 1 else None
        for line in lines:
            self.current.rows.append(Row(h, _text_row(line, size, colour, face, indent), para))
        return self

    def row(self, height: float, draw: Draw) -> Flow:
        self.current.rows.append(Row(math.ceil(height), draw))
        return self

    def space(self, height: float) -> Flow:
        return self.row(height, lambda c, r: None)

    # -- pages --------------------------------------------------------------------------------
    def layout(self, height: int, columns: int = 1) -> int:
        """Cut the groups into columns ``height`` tall; return the number of pages."""
        self.per_page = columns
        self.split_card = False
        cols: list[list[Part]] = [[]]
        used = 0
        groups = [g for g in self.groups if g.rows]
        under_heading = False  # the group placed last in this column is a heading
        for i, group in enumerate(groups):
            need = self._kept_with_next(groups, i, height, whole=True)
            if need > height:
                need = self._kept_with_next(groups, i, height, whole=False)
            if used and used + need > height and not under_heading:
                cols.append([])
                used = 0
            under_heading = group.keep
            if group.height <= height - used:
                cols[-1].append((group, list(group.rows)))
                used += group.height + group.gap
                continue
            rows = list(group.rows)  # taller than a column: split it across columns
            while rows:
                room = height - used - 2 * group.pad
                taken: list[Row] = []
                while rows and (sum(r.h for r in taken) + rows[0].h <= room or (not taken and not used)):
                    taken.append(rows.pop(0))
                if taken:
                    cols[-1].append((group, taken))
                    used += sum(r.h for r in taken) + 2 * group.pad + group.gap
                if rows:
                    self.split_card |= group.frame is not None and bool(taken)
                    cols.append([])
                    used = 0
        self.columns = cols
        return max(1, math.ceil(len(cols) / columns))

    @staticmethod
    def _kept_with_next(groups: list[Group], i: int, height: int, whole: bool) -> int:
        """How much room group ``i`` needs so a heading never ends a column.

        A heading (``keep``) goes with what follows it: the next headings too, then the
        first ordinary group whole when that group fits a column (it would move whole to
        the next column otherwise), or else (or when that is too much) its first line; a
        group right under a heading is split rather than moved.
        """
        need = groups[i].height
        j = i
        while groups[j].keep and j + 1 < len(groups):
            following = groups[j + 1]
            need += groups[j].gap
            if following.keep or (whole and following.height <= height):
                need += following.height
            else:
                need += following.rows[0].h + 2 * following.pad
            j += 1
            if not following.keep:
                break
        return need

    def draw(self, area: Rect, page: int, gap: int = 40) -> None:
        """Draw page ``page`` of the last :meth:`layout` into ``area``."""
        n = self.per_page
        width = (area.w - gap * (n - 1)) // n
        drawn: dict[int, list[Rect]] = {}
        texts: dict[int, tuple[str, int]] = {}
        lines: dict[int, list[int]] = {}  # where each paragraph's lines went in canvas.drawn
        for k, parts in enumerate(self.columns[page * n : page * n + n]):
            x, y = area.x + k * (width + gap), area.y
            for group, rows in parts:
                h = sum(r.h for r in rows) + 2 * group.pad
                box = Rect(x, y, width, h)
                if group.frame is not None:
                    self.canvas.rect(box, group.frame, radius=18)
                if group.border is not None:
                    self.canvas.rect(box, group.border, radius=18, width=4)
                yy = y + group.pad
                for row in rows:
                    rect = Rect(x + group.pad, yy, width - 2 * group.pad, row.h)
                    first = len(self.canvas.drawn)
                    row.draw(self.canvas, rect)
                    if row.para is not None:
                        lines.setdefault(row.para[0], []).extend(range(first, len(self.canvas.drawn)))
                        drawn.setdefault(row.para[0], []).append(rect)
                        texts[row.para[0]] = (row.para[1], row.para[2])
                    yy += row.h
                y += h + group.gap
        recorded = self.canvas.drawn
        whole_ones: list[tuple[int, DrawnText]] = []
        for pid, rects in drawn.items():
            text, count = texts[pid]
            if len(rects) == count:  # wholly on this page: recorded whole where it starts (tests, audio mode)
                whole = rects[0].unionall(rects[1:])
                for i in lines[pid]:
                    recorded[i] = replace(recorded[i], part=True)
                start = lines[pid][0] if lines[pid] else len(recorded)
                whole_ones.append((start, DrawnText(text, whole, whole)))
        for start, item in sorted(whole_ones, key=lambda found: found[0], reverse=True):
            recorded.insert(start, item)


def _text_row(line: str, size: float, colour: Colour, face: str, indent: int) -> Draw:
    def draw(canvas: Canvas, rect: Rect) -> None:
        canvas.text(line, Rect(rect.x + indent, rect.y, rect.w - indent, rect.h), size, colour, face)

    return draw


def signed(value: float, digits: int = 1) -> str:
    """``+4.8`` / ``−3.6`` with a real minus sign (never colour alone)."""
    text = f"{abs(value):.{digits}f}"
    return ("−" if value < 0 and float(text) != 0 else "+") + text


def sign_colour(canvas: Canvas, value: float) -> Colour:
    """Sky blue up, orange down: the dial's colours, always with a sign beside them."""
    return canvas.theme.c("accent") if value >= 0 else canvas.theme.c("warning")
