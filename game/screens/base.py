"""The screen protocol: draw from view data, hit-test buttons, move focus, act on intents.

Screens are immediate-mode: ``draw`` lays out and records its buttons, so layout always
matches the window, the language and the text size. A screen acts only through the
app (navigation) and the flow (choices): it never changes game state itself.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from game.i18n import pick
from game.input.intents import Activate, Back, Drag, Intent, Move
from game.ui.canvas import Canvas, Rect
from game.ui.widgets import Button, draw_button, hit

if TYPE_CHECKING:
    from game.app import App


class Screen:
    """Base class. Subclasses implement :meth:`draw_body` and :meth:`on_button`."""

    name = "screen"
    backdrop: str | None = None  # a name: large static panels painted once (see paint_backdrop)
    idle_mode = "play"  # attract | play | reading
    chrome = True
    overlay = False

    def __init__(self, app: App) -> None:
        self.app = app
        self.buttons: list[Button] = []
        self.focus: int | None = None
        self.age = 0.0

    # -- helpers ----------------------------------------------------------------------------
    @property
    def lang(self) -> str:
        return self.app.settings.lang

    def t(self, key: str, **params: object) -> str:
        return self.app.catalog(key, self.lang, **params)

    def p(self, text: dict[str, str] | None) -> str:
        return pick(text, self.lang)

    def money(self, amount: int) -> str:
        """An amount as the level writes it in this language (its currency)."""
        level = self.app.loaded_level
        pattern = pick(level.currency, self.lang) if level is not None and level.currency else "{amount}"
        return pattern.replace("{amount}", str(amount))

    def with_amount(self, text: dict[str, str] | None, amount: int) -> str:
        """A level text that names an ``{amount}``, with the amount in the level's currency."""
        return self.p(text).replace("{amount}", self.money(amount))

    def target(self) -> float:
        """The minimum touch-target height in logical pixels for this screen."""
        return self.app.min_target()

    # -- the frame --------------------------------------------------------------------------
    def draw(self, canvas: Canvas) -> None:
        self.buttons = []
        if not self.overlay and self.backdrop is None:
            canvas.clear(canvas.theme.c("background"))
        elif not self.overlay:
            canvas.backdrop(self.backdrop, self.paint_backdrop)
        self.draw_body(canvas)
        if self.chrome:
            self.buttons.extend(self.app.toolbar(canvas))
        focused = self.focused_button()
        for button in self.buttons:
            draw_button(canvas, button, focused is button and self.app.show_focus, self.button_size(button))

    def button_size(self, button: Button) -> float | None:
        return None

    def paint_backdrop(self, canvas: Canvas) -> None:
        """The static background, painted once per window size (see Canvas.backdrop)."""
        canvas.clear(canvas.theme.c("background"))

    def draw_body(self, canvas: Canvas) -> None:
        raise NotImplementedError

    def add(self, button: Button) -> Button:
        self.buttons.append(button)
        return button

    fps = 30

    def animate(self, canvas: Canvas) -> list[Rect] | None:
        """Redraw only what moves; return the logical rects to update (None: redraw all)."""
        return None

    def update(self, dt: float) -> bool:
        """Advance animations by ``dt`` seconds; True while something still moves."""
        self.age += dt
        return False

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
        return (primary or enabled or [None])[0]

    def handle(self, intent: Intent) -> None:
        if isinstance(intent, Activate):
            if intent.pos is None:
                button = self.focused_button()
            else:
                button = hit(self.buttons, self.app.viewport.to_logical(*intent.pos))
            if button is not None:
                self.press(button)
            else:
                self.on_empty_touch()
        elif isinstance(intent, Move):
            enabled = self.enabled()
            if enabled:
                current = self.focused_button()
                index = enabled.index(current) if current in enabled else -1
                self.focus = (index + intent.step) % len(enabled)
        elif isinstance(intent, Back):
            self.on_back()
        elif isinstance(intent, Drag):
            self.on_drag(intent)

    def press(self, button: Button) -> None:
        self.app.play("tap")
        if button.id.startswith("tb:"):
            self.app.toolbar_action(button.id)
        else:
            self.focus = None
            self.on_button(button.id)

    def on_button(self, button_id: str) -> None:
        """React to a button; subclasses override."""

    def on_back(self) -> None:
        """Esc/Backspace; by default nothing (there is no going back in Halo)."""

    def on_empty_touch(self) -> None:
        """A touch that hit no button."""

    def on_drag(self, drag: Drag) -> None:
        """A finger or mouse drag."""

    # -- shared drawing -------------------------------------------------------------------------
    def header(self, canvas: Canvas, title: str, subtitle: str = "") -> None:
        theme = canvas.theme
        canvas.text(title, Rect(80, 140, 1760, 80), theme.s("title"), theme.c("text"), "bold")
        if subtitle:
            canvas.paragraph(subtitle, Rect(80, 228, 1500, 90), theme.s("body"), theme.c("muted"))
