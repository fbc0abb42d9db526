"""Buttons and touch-target sizing: every target at least 20 mm on the configured screen."""

from __future__ import annotations

from dataclasses import dataclass

from game.ui.canvas import Canvas, Rect


@dataclass
class Button:
    """A touch target. ``id`` is what the screen acts on; ``label`` what the player reads."""

    id: str
    label: str
    rect: Rect
    enabled: bool = True
    style: str = "normal"  # normal | primary | ghost | chip
    note: str = ""
    selected: bool = False
    on_background: bool = False  # sits on the plain background: its picture can be kept and reused
    icon: str | None = None  # a picture id (assets/art objects or icons) drawn before the label
    speech: str = ""  # audio mode says this when it has the focus ("": the label and the note)
    painted: bool = False  # the screen painted it, in a retained layer with its card: the loop does not

    def spoken(self) -> tuple[str, str]:
        """What audio mode says when this button gets the focus: its words and a note."""
        return (self.speech, "") if self.speech else (self.label, self.note)


def mm_to_logical(mm: float, ppi: float, scale: float) -> float:
    """Logical pixels for ``mm`` millimetres on a screen of ``ppi`` shown at ``scale``."""
    return mm * ppi / 25.4 / max(scale, 1e-6)


def draw_button(canvas: Canvas, button: Button, focused: bool, size: float | None = None) -> None:
    """Draw a button; one on the plain background is painted once per look and then blitted."""
    if button.on_background:
        look = (button.label, button.note, button.style, button.selected, button.enabled, button.icon)
        key = ("button", *look, focused, size)
        area = button.rect.inflate(12, 12)  # room for the focus ring
        canvas.layer(key, area, canvas.theme.c("background"), lambda c: _paint_button(c, button, focused, size))
        return
    _paint_button(canvas, button, focused, size)


def _paint_button(canvas: Canvas, button: Button, focused: bool, size: float | None) -> None:
    theme = canvas.theme
    size = size or theme.s("button")
    r = button.rect
    if button.style == "card":  # the screen drew the card; the button adds only the focus ring
        if focused:
            canvas.rect(r.inflate(10, 10), theme.c("button_focus"), radius=26, width=6)
        return
    if button.style == "primary":
        bg, fg = theme.c("primary"), theme.c("primary_text")
    elif button.style == "ghost":
        bg, fg = theme.c("surface_alt"), theme.c("text")
    else:
        bg, fg = theme.c("button"), theme.c("button_text")
    if button.selected:
        bg, fg = theme.c("accent"), theme.c("card_text")
    if not button.enabled:
        bg, fg = theme.c("button_disabled"), theme.c("button_disabled_text")
    canvas.rect(r, bg, radius=18)
    if focused:
        canvas.rect(r.inflate(10, 10), theme.c("button_focus"), radius=22, width=5)
    pad = 28
    inner = Rect(r.x + pad, r.y + 8, r.w - 2 * pad, r.h - 16)
    if button.icon and button.style != "chip":
        side = min(inner.h, 64)
        canvas.thing(button.icon, Rect(inner.x, inner.centery - side // 2, side, side))
        inner = Rect(inner.x + side + 20, inner.y, inner.w - side - 20, inner.h)
    if button.note:
        top = Rect(inner.x, inner.y, inner.w, inner.h * 6 // 10)
        bottom = Rect(inner.x, inner.y + inner.h * 6 // 10, inner.w, inner.h * 4 // 10)
        canvas.text(button.label, top, size, fg, "semibold", "left", "bottom")
        canvas.text(button.note, bottom, size * 0.72, fg, "italic", "left", "top")
    else:
        align = "left" if button.style == "normal" else "center"
        if canvas.measure(button.label, size, "semibold")[0] > inner.w and button.style != "chip":
            canvas.paragraph(button.label, inner, size, fg, "semibold", align, 1.05, "center")
        else:
            canvas.text(button.label, inner, size, fg, "semibold", align, "center")


def hit(buttons: list[Button], point: tuple[float, float]) -> Button | None:
    """The enabled button under ``point`` (logical), if any."""
    for button in reversed(buttons):
        if button.rect.collidepoint(point) and button.enabled:
            return button
    return None


def overlay_panel(canvas: Canvas, panel: Rect, title: str, title_size: float, pad: int = 50) -> None:
    """A panel over a dimmed screen (idle warning, PIN pad), its title centred on top."""
    theme = canvas.theme
    canvas.shade(Rect(0, 0, theme.width, theme.height), theme.c("overlay"), 205)
    canvas.rect(panel, theme.c("surface"), radius=30)
    box = Rect(panel.x + pad, panel.y + pad // 2 + 10, panel.w - 2 * pad, round(title_size * 1.3))
    canvas.text(title, box, title_size, theme.c("text"), "bold", "center")
