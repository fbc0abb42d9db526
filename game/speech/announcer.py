"""What the screens call in audio mode: a screen opened, the focus moved, repeat, stop.

It keeps the little state speech needs and the screens should not: the last screen's text
(for the help/repeat key), the focused control (so the same label twice in a row is not
said twice), and whether the focus was just placed by the screen opening (that first
focus is said after the screen's text instead of cutting it off). Text goes through
:func:`speakable` in the visitor's current language at the moment it is said.
"""

from __future__ import annotations

import logging
from collections.abc import Callable

from game.speech.base import Speaker
from game.speech.text import speakable

log = logging.getLogger("open_sesame.speech")

_ENDS_A_SENTENCE = tuple('.!?:;…»"”)')


def _sentence(text: str) -> str:
    """A title becomes a sentence, so eSpeak pauses and drops its voice after it."""
    text = text.strip()
    return text if not text or text.endswith(_ENDS_A_SENTENCE) else text + "."


class Announcer:
    """Turns screen events into speech; does nothing while ``enabled`` is False."""

    def __init__(
        self,
        speaker: Speaker,
        lang_getter: Callable[[], str],
        *,
        enabled: bool = True,
        prepare: Callable[[str, str], str] = speakable,
    ) -> None:
        self.speaker = speaker
        self.lang_getter = lang_getter
        self.prepare = prepare
        self.enabled = enabled
        self.screen_text = ""
        self.focus_text = ""
        self._focus: tuple[str, str] | None = None
        self._focus_is_first = True
        self._warned = False

    def screen_opened(self, title: str, body: str = "") -> None:
        """A new screen: say its title and body, cutting off whatever was being said."""
        self.screen_text = "\n".join(part for part in (_sentence(title), body.strip()) if part)
        self._focus = None
        self.focus_text = ""
        self._focus_is_first = True
        self._say(self.screen_text, interrupt=True)

    def focus_moved(self, label: str, note: str = "") -> None:
        """The focus is on a control: say its label (and a note, e.g. "not possible for you").

        The same label and note twice in a row are said once. The first focus after a
        screen opens waits for the screen's text; any later move cuts off what is being said.
        """
        key = (label.strip(), note.strip())
        if key == self._focus:
            return
        self._focus = key
        self.focus_text = ", ".join(part for part in key if part)
        first, self._focus_is_first = self._focus_is_first, False
        self._say(self.focus_text, interrupt=not first)

    def say(self, text: str, *, interrupt: bool = False) -> None:
        """Something else worth hearing (a door's answer, the score's change), after what is being said."""
        self._say(text, interrupt=interrupt)

    def repeat(self) -> None:
        """The help/repeat key: the screen's text again, then the focused control."""
        self._say(self.screen_text, interrupt=True)
        if self.focus_text:
            self._say(self.focus_text, interrupt=False)

    def stop(self) -> None:
        """The stop key: silence at once."""
        self.speaker.stop()

    def set_enabled(self, enabled: bool) -> None:
        """Audio mode switched on (the current screen is read out) or off (silence)."""
        if enabled == self.enabled:
            return
        self.enabled = enabled
        if enabled:
            self.repeat()
        else:
            self.speaker.stop()

    def _say(self, text: str, *, interrupt: bool) -> None:
        if not self.enabled:
            return
        lang = self.lang_getter()
        try:
            spoken = self.prepare(text, lang)
        except Exception as err:  # a bad rule must not cost the visitor the sentence
            if not self._warned:
                log.warning("speech: could not prepare text for speaking: %s", err)
                self._warned = True
            spoken = text
        if spoken or interrupt:
            self.speaker.say(spoken, lang, interrupt=interrupt)
