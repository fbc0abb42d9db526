"""The screen protocol: draw from view models, hit-test buttons, move focus, answer intents.

Screens are immediate-mode: ``draw`` lays out and records its buttons, so layout always
matches the window, the language and the text size. A screen uses only its context
(:mod:`game.screens.context`) and answers input with a transition
(:mod:`game.screens.transitions`) that the loop applies: it never changes the stack or
the game's state itself (the visit changes through its own verbs: choose, appeal…).
"""

from __future__ import annotations

import math
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import replace
from typing import TYPE_CHECKING, Any, TypeVar, cast

from game.input.intents import Activate, Back, Drag, Intent, Move
from game.kiosk.idle import Mode
from game.present.words import Words
from game.screens.context import Context
from game.screens.transitions import Transition
from game.ui.canvas import Canvas, Rect
from game.ui.widgets import Button, draw_button, hit

if TYPE_CHECKING:
    from game.visit import Visit

T = TypeVar("T")

TOOLBAR_PREFIX = "tb:"
TAP_SETTLE_S = 0.35
"""A touch this soon after the buttons changed under the finger is the second half of a
double tap, not a choice: it is dropped. A visitor's double tap is 0.1 to 0.3 s apart;
nobody reads a new answer card and picks from it faster than this."""


class Screen:
    """Base class. Subclasses implement :meth:`draw_body` and :meth:`on_button`."""

    name = "screen"
    backdrop: str | None = None  # a name: large static panels painted once (see paint_backdrop)
    idle_mode: Mode = "play"  # how long it may stay without input (see game/kiosk/idle.py)
    chrome = True
    overlay = False
    fps = 30

    def __init__(self, ctx: Context, **_: Any) -> None:
        self.ctx = ctx
        self.buttons: list[Button] = []
        self.focus: int | None = None
        self.age = 0.0
        self.drawn_texts: list[str] = []  # what draw_body wrote last frame, outside quiet(): the default speech
        self._quiet: list[tuple[int, int]] = []
        self._layout: tuple[tuple[str, int, int, int, int], ...] = ()
        self.laid_out_at = -math.inf  # when the buttons last changed (see TAP_SETTLE_S)

    # -- helpers ----------------------------------------------------------------------------
    @property
    def lang(self) -> str:
        return self.ctx.settings.lang

    @property
    def words(self) -> Words:
        return self.ctx.words()

    @property
    def visit(self) -> Visit:
        visit = self.ctx.visit
        assert visit is not None, f"the {self.name} screen needs a visit"
        return visit

    def t(self, key: str, **params: object) -> str:
        return self.ctx.catalog(key, self.lang, **params)

    def p(self, text: dict[str, str] | None) -> str:
        return self.words.p(text)

    def money(self, amount: int) -> str:
        return self.words.money(amount)

    def with_amount(self, text: dict[str, str] | None, amount: int) -> str:
        return self.words.with_amount(text, amount)

    def target(self) -> float:
        """The minimum touch-target height in logical pixels for this screen."""
        return self.ctx.min_target()

    # -- the frame --------------------------------------------------------------------------
    def draw(self, canvas: Canvas) -> None:
        self.buttons = []
        if not self.overlay:
            canvas.fonts.enter(self.name, self.backdrop is not None)  # what the last screen kept may go
        if not self.overlay and self.backdrop is None:
            canvas.clear(canvas.theme.c("background"))
        elif not self.overlay and self.backdrop is not None:
            canvas.backdrop(self.backdrop, self.paint_backdrop)
        start = len(canvas.drawn)
        self._quiet = []
        self.draw_body(canvas)
        start = min(start, len(canvas.drawn))  # a body that cleared the canvas and drew again
        quiet = self._quiet
        self.drawn_texts = [
            d.text
            for i, d in enumerate(canvas.drawn[start:], start)
            if d.text.strip() and not d.part and not any(a <= i < b for a, b in quiet)
        ]
        if self.chrome:
            self.buttons.extend(self.ctx.toolbar(canvas))
        layout = tuple((b.id, b.rect.x, b.rect.y, b.rect.w, b.rect.h) for b in self.buttons)
        if layout != self._layout:
            self._layout, self.laid_out_at = layout, self.ctx.now()
        focused = self.focused_button()
        for button in self.buttons:
            if not button.painted:
                draw_button(canvas, button, focused is button and self.ctx.show_focus, self.button_size(button))
        canvas.finish()  # the backdrop, if only layers covered part of it

    def button_size(self, button: Button) -> float | None:
        """The text size ``button`` is drawn at (None: the theme's). The toolbar's chips
        all at the size they were laid out at, so a short label is not drawn larger."""
        toolbar = self.chrome and button.id.startswith(TOOLBAR_PREFIX)
        return self.ctx.theme.s("small") if toolbar else None

    def retained(self, canvas: Canvas, key: str, area: Rect, version: object, paint: Callable[[Canvas], T]) -> T:
        """Draw ``paint`` (a part of the body lying on the backdrop, inside ``area``) as a
        retained layer, painted again only when ``version`` changes: it must name all the
        painting shows but the window, the text size, the language and the focus (those are
        added here). The buttons it adds are painted in the layer too (unless a focus ring
        is shown: those are drawn each frame) and added again on every frame, as are the
        texts it drew; what ``paint`` returned is returned again."""
        painted = not self.ctx.show_focus

        def paint_and_lay(c: Canvas) -> tuple[list[Button], T]:
            start = len(self.buttons)
            result = paint(c)
            made = self.buttons[start:]
            del self.buttons[start:]
            for button in made:
                button.painted = painted
                if painted:
                    draw_button(c, button, False, self.button_size(button))
            return made, result

        laid = canvas.layer((key,), area, None, paint_and_lay, version=(version, canvas.fonts.lang, painted))
        if laid is None:  # a window too small to show it: laid out all the same
            return paint(canvas)
        made, result = cast(tuple[list[Button], T], laid)
        self.buttons.extend(replace(button) for button in made)
        return result

    # -- audio mode -------------------------------------------------------------------------
    def speech(self) -> list[str]:
        """What audio mode says when this screen opens, and again on the help key.

        Return the title first, then the body, in reading order, one text per item, in the
        visitor's language (``self.t``, ``self.p``), written as a sighted visitor reads it:
        symbols such as "+12" or "612 → 595" are turned into words later
        (``assets/speech.yaml``). Leave the buttons out: the focused one is said after
        these lines, from its label and note (or its ``Button.speech``), and each time the
        focus moves.

        The default is every text ``draw_body`` drew in the last frame, in drawing order,
        except what it drew inside ``with self.quiet(canvas):`` (the phone, decoration).
        Override it when that order is not the reading order, when a picture carries the
        meaning (a dial, a chart: say it as a sentence), or when a text changes by itself
        (a countdown, an animated number). The lines must not depend on an animation's
        progress: whenever they change, audio mode takes it as new content (the answer
        card after a choice, a new page, another language) and says them again, cutting
        off what was being said. Called only in audio mode, after the screen was drawn.
        """
        return list(self.drawn_texts)

    @contextmanager
    def quiet(self, canvas: Canvas) -> Iterator[None]:
        """Texts drawn inside this block are not part of the default :meth:`speech`."""
        start = len(canvas.drawn)
        try:
            yield
        finally:
            self._quiet.append((start, len(canvas.drawn)))

    def paint_backdrop(self, canvas: Canvas) -> None:
        """The static background, painted once per window size (see Canvas.backdrop)."""
        canvas.clear(canvas.theme.c("background"))

    def draw_body(self, canvas: Canvas) -> None:
        raise NotImplementedError

    def add(self, button: Button) -> Button:
        self.buttons.append(button)
        return button

    def animate(self, canvas: Canvas) -> list[Rect] | None:
        """Redraw only what moves; return the logical rects to update (None: redraw all)."""
        return None

    def update(self, dt: float) -> bool:
        """Advance animations by ``dt`` seconds; True while something still moves."""
        self.age += dt
        return False

    def due(self) -> Transition | None:
        """What this screen asks for by itself once its time is up (a thank-you that gives
        way to the attract loop), asked once a step after :meth:`update`; None to stay."""
        return None

    # -- input ------------------------------------------------------------------------------
    def enabled(self) -> list[Button]:
        return [b for b in self.buttons if b.enabled]

    def focused_button(self) -> Button | None:
        enabled = self.enabled()
        if not enabled:
            return None
        if self.focus is None:
            return self.default_button()
        return enabled[self.focus % len(enabled)]

    def default_button(self) -> Button | None:
        enabled = [b for b in self.enabled() if not b.id.startswith("tb:")]
        primary = [b for b in enabled if b.style == "primary"]
        found = primary or enabled
        return found[0] if found else None

    def handle(self, intent: Intent) -> Transition | None:
        if isinstance(intent, Activate):
            if intent.pos is None:
                button = self.focused_button()
            elif self.ctx.now() - self.laid_out_at < TAP_SETTLE_S:
                return None  # a double tap's second touch, landing on what the first one opened
            else:
                button = hit(self.buttons, self.ctx.to_logical(*intent.pos))
                if intent.start is not None and hit(self.buttons, self.ctx.to_logical(*intent.start)) is not button:
                    return None  # went down elsewhere and was lifted here: a drag, not a choice
            if button is not None:
                return self.press(button)
            return self.on_empty_touch()
        if isinstance(intent, Move):
            enabled = self.enabled()
            if enabled:
                current = self.focused_button()
                index = enabled.index(current) if current in enabled else -1
                self.focus = (index + intent.step) % len(enabled)
        elif isinstance(intent, Back):
            return self.on_back()
        elif isinstance(intent, Drag):
            self.on_drag(intent)
        return None

    def press(self, button: Button) -> Transition | None:
        self.ctx.play("tap")
        if button.id.startswith("tb:"):
            self.ctx.toolbar_action(button.id)
            return None
        self.focus = None
        return self.on_button(button.id)

    def on_button(self, button_id: str) -> Transition | None:
        """React to a button; subclasses override."""
        return None

    def on_back(self) -> Transition | None:
        """Esc/Backspace; by default nothing (there is no going back in Halo)."""
        return None

    def on_empty_touch(self) -> Transition | None:
        """A touch that hit no button."""
        return None

    def on_drag(self, drag: Drag) -> None:
        """A finger or mouse drag."""

    # -- shared drawing -------------------------------------------------------------------------
    def header(self, canvas: Canvas, title: str, subtitle: str = "") -> None:
        theme = canvas.theme
        canvas.text(title, Rect(80, 140, 1760, 80), theme.s("title"), theme.c("text"), "bold")
        if subtitle:
            canvas.paragraph(subtitle, Rect(80, 228, 1500, 90), theme.s("body"), theme.c("muted"))
