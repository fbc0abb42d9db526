"""The toolbar on every screen: language, larger text, reduced motion, sound, audio.

Always one touch away; each button shows its state (selected when on), never colour alone.
"""

from __future__ import annotations

from game.present.words import Words
from game.settings import Settings
from game.ui.canvas import Canvas, Rect
from game.ui.widgets import Button

TOOLBAR_IDS = ("tb:lang", "tb:text", "tb:motion", "tb:sound", "tb:audio")


def other_language(settings: Settings) -> str:
    langs = settings.languages
    return langs[(langs.index(settings.lang) + 1) % len(langs)] if settings.lang in langs else langs[0]


def toolbar(canvas: Canvas, words: Words, settings: Settings, height: float, audio: bool = True) -> list[Button]:
    """The buttons, laid out from the right; "Halo" on the left."""
    theme = canvas.theme
    h = min(height, 100)
    labels = [
        ("tb:lang", words.language_name(other_language(settings)), False),
        ("tb:text", words.t("toolbar.larger_text"), settings.larger_text),
        ("tb:motion", words.t("toolbar.reduced_motion"), settings.reduced_motion),
        ("tb:sound", words.t("toolbar.sound"), settings.sound),
    ]
    if audio:
        labels.append(("tb:audio", words.t("toolbar.audio"), settings.audio))
    size = theme.s("small")
    widths = [canvas.measure(label, size, "semibold")[0] + 64 for _, label, _ in labels]
    x = theme.width - 40 - sum(widths) - 16 * (len(widths) - 1)
    buttons = []
    for (bid, label, on), w in zip(labels, widths, strict=True):
        rect = Rect(round(x), 16, round(w), round(h))
        buttons.append(Button(bid, label, rect, style="chip", selected=on, on_background=True))
        x += w + 16
    title = Rect(40, 16, max(1, round(x - sum(widths) - 16 * len(widths) - 80)), round(h))
    canvas.text("Halo", title, theme.s("heading"), theme.c("accent"), "bold", valign="center")
    return buttons


def toolbar_action(settings: Settings, button_id: str) -> None:
    if button_id == "tb:lang":
        settings.lang = other_language(settings)
    elif button_id == "tb:text":
        settings.larger_text = not settings.larger_text
    elif button_id == "tb:motion":
        settings.reduced_motion = not settings.reduced_motion
    elif button_id == "tb:sound":
        settings.sound = not settings.sound
    elif button_id == "tb:audio":
        settings.audio = not settings.audio
