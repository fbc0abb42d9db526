"""A speaker for tests: it records what it was asked to say and "speaks" by waiting.

It runs on the same worker as the real engine (:class:`QueuedSpeaker`), so queueing,
interrupting, stopping and dropping behave exactly as they will on a kiosk; only the
utterance itself is a wait of ``delay_s`` that an interruption ends at once. A test can
make it slow (to prove the caller never waits), unavailable, or failing.
"""

from __future__ import annotations

import threading

from game.speech.base import REASON_MISSING, QueuedSpeaker, SpeechFailure, Utterance


class FakeSpeaker(QueuedSpeaker[threading.Event]):
    """Records ``(text, lang)``: ``said`` at each accepted ``say``, ``spoken`` as the worker starts it.

    ``calls`` has the same as ``said`` with the ``interrupt`` flag; ``completed`` and
    ``cut_off`` tell how each started utterance ended.
    """

    def __init__(
        self,
        delay_s: float = 0.0,
        *,
        available: bool = True,
        reason: str = "espeak-ng not installed",
        failing: bool = False,
        max_queue: int = 16,
    ) -> None:
        super().__init__(max_queue=max_queue)
        self.delay_s = delay_s
        self.failing = failing
        self.said: list[tuple[str, str]] = []
        self.calls: list[tuple[str, str, bool]] = []
        self.spoken: list[tuple[str, str]] = []
        self.completed: list[tuple[str, str]] = []
        self.cut_off: list[tuple[str, str]] = []
        self._record = threading.Lock()
        if not available:
            self._broken = reason
            self._broken_key = REASON_MISSING

    def say(self, text: str, lang: str, *, interrupt: bool = True) -> None:
        if self.available and text.strip():
            with self._record:
                self.said.append((text.strip(), lang))
                self.calls.append((text.strip(), lang, interrupt))
        super().say(text, lang, interrupt=interrupt)

    @property
    def last(self) -> tuple[str, str] | None:
        """The last ``(text, lang)`` accepted, if any."""
        with self._record:
            return self.said[-1] if self.said else None

    def clear(self) -> None:
        """Forget what was recorded (between steps of a test)."""
        with self._record:
            self.said.clear()
            self.calls.clear()
            self.spoken.clear()
            self.completed.clear()
            self.cut_off.clear()

    def _begin(self, utterance: Utterance) -> threading.Event:
        with self._record:
            self.spoken.append((utterance.text, utterance.lang))
        return threading.Event()

    def _finish(self, handle: threading.Event, utterance: Utterance) -> bool:
        cut = handle.wait(self.delay_s) if self.delay_s > 0 else handle.is_set()
        if self.failing:
            raise SpeechFailure("fake", "the fake speech engine failed on purpose")
        with self._record:
            (self.cut_off if cut else self.completed).append((utterance.text, utterance.lang))
        return not cut

    def _interrupt(self, handle: threading.Event) -> None:
        handle.set()
