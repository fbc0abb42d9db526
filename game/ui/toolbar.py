"""The toolbar on every screen: language, larger text, reduced motion, sound, audio.

Always one touch away; each button shows its state (selected when on), never colour alone,
and says it in audio mode ("Sound, off"). Where speech cannot be heard the audio button
says why and cannot be pressed.
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


TITLE_ROOM = 300  # logical px kept on the left for "Halo"


def toolbar(
    canvas: Canvas, words: Words, settings: Settings, height: float, audio: bool = True, audio_unavailable: str = ""
) -> list[Button]:
    """The buttons, laid out from the right; "Halo" on the left.

    ``audio_unavailable``: the catalog key saying why speech cannot be heard ("" when it
    can); the audio button then says so, whole if it fits, else in short, and is disabled.
    """
    theme = canvas.theme
    h = min(height, 100)
    labels = [
        ("tb:lang", words.language_name(other_language(settings)), False),
        ("tb:text", words.t("toolbar.larger_text"), settings.larger_text),
        ("tb:motion", words.t("toolbar.reduced_motion"), settings.reduced_motion),
        ("tb:sound", words.t("toolbar.sound"), settings.sound),
    ]
    size = theme.s("small")

    def width(label: str) -> float:
        return canvas.measure(label, size, "semibold")[0] + 64

    if audio:
        room = theme.width - 80 - TITLE_ROOM - sum(width(text) + 16 for _, text, _ in labels)
        label = audio_label(canvas, words, audio_unavailable, room)
        labels.append(("tb:audio", label, settings.audio and not audio_unavailable))
    widths = [width(label) for _, label, _ in labels]
    x = theme.width - 40 - sum(widths) - 16 * (len(widths) - 1)
    buttons = []
    for (bid, label, on), w in zip(labels, widths, strict=True):
        rect = Rect(round(x), 16, round(w), round(h))
        button = Button(bid, label, rect, style="chip", selected=on, on_background=True)
        if bid == "tb:audio" and audio_unavailable:
            button.enabled = False
        elif bid != "tb:lang":
            button.speech = f"{label}, {words.t('speech.on' if on else 'speech.off')}"
        buttons.append(button)
        x += w + 16
    title = Rect(40, 16, max(1, round(x - sum(widths) - 16 * len(widths) - 80)), round(h))
    canvas.text("Halo", title, theme.s("heading"), theme.c("accent"), "bold", valign="center")
    return buttons


def audio_label(canvas: Canvas, words: Words, unavailable: str, room: float) -> str:
    """The audio button's words: "Audio", or why speech cannot be heard (``unavailable``, a
    catalog key), whole if it fits in ``room`` logical px, else in short."""
    if not unavailable:
        return words.t("toolbar.audio")
    label = words.t(unavailable)
    if canvas.measure(label, canvas.theme.s("small"), "semibold")[0] + 64 > room:
        label = words.t("toolbar.audio_unavailable")
    return label


def audio_button(canvas: Canvas, words: Words, settings: Settings, rect: Rect, unavailable: str, size: float) -> Button:
    """The audio switch alone, for a screen without the toolbar (the attract loop): its
    width from its label at ``size``, from ``rect``'s left; disabled where speech cannot be heard."""
    label = audio_label(canvas, words, unavailable, rect.w)
    width = min(rect.w, round(canvas.measure(label, size, "semibold")[0]) + 80)
    on = settings.audio and not unavailable
    button = Button("tb:audio", label, Rect(rect.x, rect.y, width, rect.h), style="chip", selected=on)
    if unavailable:
        button.enabled = False
    else:
        button.speech = f"{label}, {words.t('speech.on' if on else 'speech.off')}"
    return button


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
