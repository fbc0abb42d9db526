"""The debrief screen: a tab row, the current panel, and a bar to move on or finish.

Every panel is reachable by touch (the tabs, Previous/Next) and by keyboard (Tab or the
arrows move the focus, Enter activates, Esc goes back one panel). Long panels have
pages, turned with the arrow buttons in the bar or by dragging.
"""

from __future__ import annotations

import itertools
import math
from typing import Any

from game.input.intents import Drag
from game.kiosk.idle import Mode
from game.screens.base import Screen
from game.screens.context import Context
from game.screens.debrief.p_errors import ErrorsPanel
from game.screens.debrief.p_fault import FaultPanel
from game.screens.debrief.p_guess import GuessPanel
from game.screens.debrief.p_kiosk import KioskPanel
from game.screens.debrief.p_month import MonthPanel
from game.screens.debrief.p_others import OthersPanel
from game.screens.debrief.p_rules import RulesPanel
from game.screens.debrief.p_text import QuestionsPanel, WorldPanel
from game.screens.debrief.p_whatif import WhatIfPanel
from game.screens.debrief.panel import Panel
from game.screens.transitions import Again, Push, Transition, after_reveal
from game.ui.canvas import Canvas, Rect
from game.ui.widgets import Button

PANELS: list[str] = ["guess", "month", "rules", "fault", "others", "errors", "whatif", "world", "questions", "kiosk"]
MARGIN = 80
TAB_SIZE = 26.0
DRAG_PAGE = 140.0  # logical px of vertical drag that turns a page


PANEL_CLASSES: list[type[Panel]] = [
    GuessPanel,
    MonthPanel,
    RulesPanel,
    FaultPanel,
    OthersPanel,
    ErrorsPanel,
    WhatIfPanel,
    WorldPanel,
    QuestionsPanel,
    KioskPanel,
]


_SERIALS = itertools.count(1)
BAR_BUTTONS = frozenset({"prev", "next", "finish", "again", "sandbox", "page:up", "page:down"})


class DebriefScreen(Screen):
    name = "debrief"
    idle_mode: Mode = "reading"

    def __init__(self, ctx: Context, panel: str | None = None, **_: Any) -> None:
        super().__init__(ctx)
        if panel is not None and panel not in PANELS and panel != "guess-reveal":
            raise LookupError(f"no debrief panel {panel!r}; the panels are {', '.join(PANELS)}")
        self.panels = {cls.id: cls(self) for cls in PANEL_CLASSES}
        # without an account nothing was scored: there is nothing to guess
        self.ids = [p for p in PANELS if not (self.visit.declined and p == "guess")]
        if panel == "guess-reveal":  # documentation: the guess after the reveal, the level's order as the guess
            self.visit.set_guess([c.id for c in ctx.level.categories])
            panel = "guess"
        self.current = panel if panel in self.ids else self.ids[0]
        if panel is not None and panel != "guess":
            guess = self.panels["guess"]
            assert isinstance(guess, GuessPanel)
            guess.skip_silently()  # another panel was asked for directly
        self.pages: dict[str, int] = {}
        self.page_count = 1
        self.drag = 0.0
        self.tab_size = TAB_SIZE
        self.serial = next(_SERIALS)  # this visitor's debrief: another one never shows its layer
        self.inputs = 0  # presses and backs counted: a panel changes only when the visitor acts

    # -- geometry --------------------------------------------------------------------------------
    def frame(self, canvas: Canvas) -> tuple[Rect, Rect, Rect, Rect]:
        """Tabs, title, content and bar rectangles for this window and text size."""
        h = round(self.target())
        top = 16 + round(min(self.ctx.min_target(), 100)) + 14
        width = canvas.theme.width - 2 * MARGIN
        tabs = Rect(MARGIN, top, width, h)
        title_h = math.ceil(canvas.line_height(canvas.theme.s("heading"), "bold"))
        title = Rect(MARGIN, tabs.bottom + 14, width, title_h)
        bar = Rect(MARGIN, canvas.theme.height - 16 - h, width, h)
        content = Rect(MARGIN, title.bottom + 14, width, bar.y - 18 - title.bottom - 14)
        return tabs, title, content, bar

    @property
    def panel(self) -> Panel:
        return self.panels[self.current]

    @property
    def page(self) -> int:
        return self.pages.get(self.current, 0)

    # -- drawing ---------------------------------------------------------------------------------
    def draw_body(self, canvas: Canvas) -> None:
        theme = canvas.theme
        tabs, title, content, bar = self.frame(canvas)
        locked = self.panel.locked()
        page = min(self.page, 99)
        panel = self.panel
        version = (self.serial, self.inputs, self.current, page, repr(self.ctx.settings))
        # the panel first: a kept layer laid before anything else draws is not cleared under
        self.page_count = self.retained(
            canvas, "debrief-panel", content, version, lambda c: panel.draw(c, content, page)
        )
        self.draw_tabs(canvas, tabs, locked)
        drawn = canvas.text(self.panel.title(), title, theme.s("heading"), theme.c("text"), "bold")
        hint = self.panel.hint()
        room = Rect(drawn.right + 40, title.y, title.right - drawn.right - 40, title.h)
        if hint and canvas.measure(hint, theme.s("small"))[0] <= room.w:
            canvas.text(hint, room, theme.s("small"), theme.c("muted"), align="right", valign="bottom")
        if page >= self.page_count:  # the content got shorter (language, text size): show its end
            self.pages[self.current] = self.page_count - 1
            self.buttons = []
            canvas.clear(theme.c("background"))
            self.draw_body(canvas)
            return
        if not self.panel.draw_bar(canvas, bar):
            self.draw_bar(canvas, bar, locked)
        for button in self.buttons:  # the tabs and the bar sit on the plain background
            button.on_background = button.id.startswith("tab:") or button.id in BAR_BUTTONS

    def draw_tabs(self, canvas: Canvas, area: Rect, locked: bool) -> None:
        """Ten tabs of one width, their labels all at the same size (the largest that fits)."""
        gap = 12
        w = (area.w - gap * (len(self.ids) - 1)) / len(self.ids)
        labels = [self.t(f"debrief.tab.{pid}") for pid in self.ids]
        self.tab_size = TAB_SIZE
        while self.tab_size > 14 and any(
            canvas.measure(label, self.tab_size, "semibold")[0] > w - 60 for label in labels
        ):
            self.tab_size -= 1
        for i, (pid, label) in enumerate(zip(self.ids, labels, strict=True)):
            rect = Rect(round(area.x + i * (w + gap)), area.y, round(w), area.h)
            self.add(
                Button(
                    f"tab:{pid}",
                    label,
                    rect,
                    enabled=not locked or pid == self.current,
                    style="chip",
                    selected=pid == self.current,
                )
            )

    def draw_bar(self, canvas: Canvas, bar: Rect, locked: bool) -> None:
        """Previous, the page arrows, Next on the left; Play again and Finish on the right."""
        theme = canvas.theme
        index = self.ids.index(self.current)
        last = index == len(self.ids) - 1
        gap = 24

        def width(label: str, least: int) -> int:
            return max(least, round(canvas.measure(label, theme.s("button"), "semibold")[0]) + 64)

        prev, nxt = "← " + self.t("debrief.prev"), self.t("debrief.next") + " →"
        finish, again = self.t("debrief.finish"), self.t("debrief.again")
        right = [width(finish, 240)] + ([] if self.ctx.settings.kiosk else [width(again, 240)])
        sandbox = self.t("sandbox.short") if self.ctx.level.mode == "workshop" or not self.ctx.settings.kiosk else ""
        right += [width(sandbox, 240)] if sandbox else []  # the rules sandbox: workshops and window mode
        pager = 100 + 150 + 100
        if sum(right) + width(prev, 220) + width(nxt, 280) + pager + gap * (len(right) + 2) > bar.w:
            prev, nxt = "←", "→"  # no room for words: arrows alone, still big targets
        x = bar.x
        if index > 0:
            self.add(Button("prev", prev, Rect(x, bar.y, width(prev, 140), bar.h)))
        x += width(prev, 140) + gap
        if self.page_count > 1:
            self.add(Button("page:up", "↑", Rect(x, bar.y, 100, bar.h), enabled=self.page > 0))
            label = self.t("debrief.page", n=self.page + 1, of=self.page_count)
            canvas.text(
                label,
                Rect(x + 100, bar.y, 150, bar.h),
                theme.s("small"),
                theme.c("muted"),
                "semibold",
                "center",
                "center",
            )
            self.add(
                Button("page:down", "↓", Rect(x + 250, bar.y, 100, bar.h), enabled=self.page < self.page_count - 1)
            )
        x += pager + gap
        if not last:
            self.add(Button("next", nxt, Rect(x, bar.y, width(nxt, 200), bar.h), style="primary"))
        edge = bar.right
        self.add(
            Button(
                "finish", finish, Rect(edge - right[0], bar.y, right[0], bar.h), style="primary" if last else "ghost"
            )
        )
        if not self.ctx.settings.kiosk:
            edge -= right[0] + gap
            self.add(Button("again", again, Rect(edge - right[1], bar.y, right[1], bar.h), style="ghost"))
        if sandbox:
            edge -= right[-2] + gap
            self.add(Button("sandbox", sandbox, Rect(edge - right[-1], bar.y, right[-1], bar.h), style="ghost"))

    def default_button(self) -> Button | None:
        """Enter without a focus: the primary action, else the panel's own first button."""
        enabled = [b for b in self.enabled() if not b.id.startswith("tb:")]
        primary = [b for b in enabled if b.style == "primary"]
        own = [b for b in enabled if b.id.startswith(self.current + ":")]
        for found in (primary, own, enabled):
            if found:
                return found[0]
        return None

    def button_size(self, button: Button) -> float | None:
        """Tabs a little smaller to fit ten; a button with a note larger, so the note stays ≥ 24 px."""
        if button.id.startswith("tab:"):
            return self.tab_size
        if button.note:
            return 34.0
        return super().button_size(button)

    def speech(self) -> list[str]:
        """The panel's own speech after its title, if it has one (the chart); else what was drawn."""
        own = self.panel.speech()
        return [self.panel.title(), *own] if own else super().speech()

    # -- acting ----------------------------------------------------------------------------------
    def press(self, button: Button) -> Transition | None:
        """A press may change what a panel shows (a guess, a what-if, a tab, the toolbar):
        its retained layer is painted again after one; an unchanged panel is only blitted."""
        self.inputs += 1
        return super().press(button)

    def show(self, panel: str) -> None:
        if panel in self.ids and (not self.panel.locked() or panel == self.current):
            self.current = panel
            self.focus = None

    def turn(self, step: int) -> None:
        self.pages[self.current] = max(0, min(self.page_count - 1, self.page + step))

    def on_button(self, button_id: str) -> Transition | None:
        kind, _, rest = button_id.partition(":")
        if kind == "tab":
            self.show(rest)
        elif button_id == "prev":
            self.show(self.ids[max(0, self.ids.index(self.current) - 1)])
        elif button_id == "next":
            self.show(self.ids[min(len(self.ids) - 1, self.ids.index(self.current) + 1)])
        elif kind == "page":
            self.turn(-1 if rest == "up" else 1)
        elif button_id == "finish":
            return after_reveal()  # the question after the reveal, then the visit ends
        elif button_id == "again":
            return Again()  # window mode: the same visitor, another life (the language kept)
        elif button_id == "sandbox":
            return Push("sandbox")
        elif kind in self.panels:
            self.panels[kind].on_button(rest)
        return None

    def on_back(self) -> Transition | None:
        self.inputs += 1  # a panel may step back inside itself
        if not self.panel.on_back() and not self.panel.locked():
            self.show(self.ids[max(0, self.ids.index(self.current) - 1)])
        return None

    def on_drag(self, drag: Drag) -> None:
        self.drag += drag.rel[1] / max(self.ctx.scale(), 1e-6)
        if abs(self.drag) >= DRAG_PAGE:
            self.turn(-1 if self.drag > 0 else 1)
            self.drag = 0.0
