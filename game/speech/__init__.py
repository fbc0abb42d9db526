"""Speech for audio mode: every screen can be heard, and played with a six-key keypad.

No pygame here: the screens hand text to an :class:`Announcer`, which prepares it
(:func:`speakable`) and passes it to a :class:`Speaker` that speaks on its own thread, so
no frame ever waits for speech. The keypad's keys are data (``assets/keypad.yaml``,
:func:`keypad_action`); voices and text rules too (``assets/speech.yaml``).

    speaker = make_speaker(enabled=True)          # eSpeak NG, or silent with a reason
    announcer = Announcer(speaker, lambda: settings.lang)
    announcer.screen_opened(title, body)
    announcer.focus_moved(button_label)
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

from game.content.yamlsafe import ContentInvalid
from game.speech.announcer import Announcer
from game.speech.base import REASON_BROKEN, REASON_MISSING, REASON_OFF, NullSpeaker, QueuedSpeaker, Speaker, log
from game.speech.fake import FakeSpeaker
from game.speech.text import speakable

if TYPE_CHECKING:
    from game.speech.espeak import EspeakSpeaker
    from game.speech.keypad import ACTIONS, SIX_KEYS, KeypadTable, keypad_action, load_keypad

_LATER = {
    "EspeakSpeaker": "game.speech.espeak",
    "ACTIONS": "game.speech.keypad",
    "SIX_KEYS": "game.speech.keypad",
    "KeypadTable": "game.speech.keypad",
    "keypad_action": "game.speech.keypad",
    "load_keypad": "game.speech.keypad",
}
"""Names whose modules validate files with pydantic: imported when first asked for, so the
package itself (the announcer the first frame needs) stays light."""


def __getattr__(name: str) -> Any:
    if name in _LATER:
        return getattr(importlib.import_module(_LATER[name]), name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


ENGINES = ("auto", "espeak", "none", "fake")

__all__ = [
    "ACTIONS",
    "ENGINES",
    "REASON_BROKEN",
    "REASON_MISSING",
    "REASON_OFF",
    "SIX_KEYS",
    "Announcer",
    "EspeakSpeaker",
    "FakeSpeaker",
    "KeypadTable",
    "NullSpeaker",
    "QueuedSpeaker",
    "Speaker",
    "keypad_action",
    "load_keypad",
    "make_speaker",
    "reads_speech_file",
    "speakable",
]


def reads_speech_file(engine: str) -> bool:
    """Whether :func:`make_speaker` with this engine reads and checks ``assets/speech.yaml``
    (the game makes such a speaker only once its first frame is up)."""
    return engine.strip().lower() in ("auto", "espeak")


def make_speaker(enabled: bool, engine: str = "auto") -> Speaker:
    """The speaker to use; it never raises, and an unusable one says why in ``reason``.

    ``enabled`` False (speech switched off for this kiosk) gives a silent speaker.
    ``engine``: ``auto`` (the best engine installed: today eSpeak NG), ``espeak``,
    ``none``, or ``fake`` (records, for tests and demos).
    """
    name = engine.strip().lower()
    if not enabled or name == "none":
        return NullSpeaker("speech is switched off", REASON_OFF)
    if name == "fake":
        return FakeSpeaker()
    if name not in ("auto", "espeak"):
        log.warning("speech: unknown engine %r (expected one of %s)", engine, ", ".join(ENGINES))
        return NullSpeaker(f"unknown speech engine {engine!r}", REASON_BROKEN)
    from game.speech.espeak import EspeakSpeaker

    try:
        return EspeakSpeaker()
    except ContentInvalid as err:  # a broken assets/speech.yaml: no speech, but the game plays on
        log.error("speech unavailable: %s", err)
        return NullSpeaker(f"assets/speech.yaml is invalid: {err.problems[0]}", REASON_BROKEN)
