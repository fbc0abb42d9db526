"""Play the real App by ear: the keypad's six keys in, what a recording speaker was asked to say out."""

from __future__ import annotations

import pygame

from game.app import App
from game.content.models import Level
from game.settings import Settings
from game.speech import SIX_KEYS, FakeSpeaker, load_keypad, speakable
from tests.screens.helpers import FakeClock

KEYPAD = load_keypad()


def key_code(action: str) -> int:
    """The pygame key the shipped keypad table gives ``action`` first (what the keypad sends)."""
    return int(pygame.key.key_code(KEYPAD.keys_for(action)[0]))


class Ear:
    """The App in audio mode with a FakeSpeaker, pressed only with the keypad's keys."""

    def __init__(self, level: Level, lang: str = "en", speaker: FakeSpeaker | None = None, **settings: object) -> None:
        self.speaker = speaker or FakeSpeaker()
        opts = Settings(lang=lang, default_lang=lang, languages=list(level.languages), seed=5, stats=False, audio=True)
        for name, value in settings.items():
            setattr(opts, name, value)
        self.app = App(level, opts, size=(1280, 720), clock=FakeClock(), speaker=self.speaker)
        self.app.step()
        self.lang = lang

    def press(self, action: str) -> None:
        assert action in SIX_KEYS or action in ("stop_speech", "audio"), action
        event = pygame.event.Event(pygame.KEYDOWN, key=key_code(action), mod=0, unicode="", scancode=0)
        self.app.step(events=[event])
        self.app.step(events=[])

    def heard(self) -> list[str]:
        """Everything the speaker was asked to say since the last :meth:`forget`."""
        return [text for text, _ in self.speaker.said]

    def forget(self) -> None:
        self.speaker.clear()

    def was_said(self, text: str) -> bool:
        """Whether ``text`` (as the screen shows it) was said, whole, in what was heard."""
        return self.was_said_in(text, self.app.ctx.settings.lang)

    def was_said_in(self, text: str, lang: str) -> bool:
        """Whether ``text`` was said in the voice of ``lang``."""
        wanted = speakable(text, lang)
        return any(wanted in said and said_lang == lang for said, said_lang in self.speaker.said)

    def focus_until(self, wanted: str, limit: int = 30) -> list[str]:
        """Press down until the focus says ``wanted`` (its first line); return every focus heard."""
        heard: list[str] = []
        for _ in range(limit):
            self.forget()
            self.press("down")
            said = self.heard()
            assert said, "moving the focus said nothing"
            heard.append(said[-1])
            if said[-1].split("\n")[0] == speakable(wanted, self.lang):
                return heard
        raise AssertionError(f"the focus never said {wanted!r}; it said {heard}")

    def close(self) -> None:
        self.app.quit()
