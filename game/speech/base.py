"""The speaker interface, the silent speaker, and the worker that keeps speech off the caller's thread.

The game loop must never wait for speech: a frame that blocks for the length of a sentence
(or forever, if the engine hangs) freezes the kiosk. So every real speaker queues what it
is asked to say and speaks on its own thread; ``say`` and ``stop`` only take a lock, touch
a queue and, at most, send a signal. :class:`QueuedSpeaker` is that machinery, shared by
the real engine and the test fake so both interrupt and drop speech the same way.
"""

from __future__ import annotations

import logging
import threading
import time
from abc import ABC, abstractmethod
from collections import deque
from dataclasses import dataclass
from typing import Generic, Protocol, TypeVar, runtime_checkable

log = logging.getLogger("open_sesame.speech")

REASON_MISSING = "speech.unavailable_missing"
REASON_BROKEN = "speech.unavailable_broken"
REASON_OFF = "speech.unavailable_off"
"""UI catalog keys for why speech is unavailable (what the toolbar shows)."""

FAILURES_BEFORE_BROKEN = 3
"""Failures in a row after which the engine counts as broken and ``available`` turns False."""


@runtime_checkable
class Speaker(Protocol):
    """Something that speaks text aloud without ever making its caller wait."""

    def say(self, text: str, lang: str, *, interrupt: bool = True) -> None:
        """Speak ``text`` in language ``lang``; returns at once. ``interrupt`` cuts off what is being said."""

    def stop(self) -> None:
        """Silence at once: the current utterance is cut off and nothing waiting is said."""

    def close(self) -> None:
        """Stop and release the engine; later calls do nothing."""

    @property
    def available(self) -> bool:
        """Whether speech can be heard at all (the toolbar greys its button out otherwise)."""

    @property
    def reason(self) -> str:
        """Why speech is unavailable, in plain English for logs and the admin screen ("" if available)."""

    @property
    def reason_key(self) -> str:
        """The UI catalog key saying the same to a visitor ("" if available)."""

    @property
    def busy(self) -> bool:
        """Whether something is being said or waits to be said."""


class NullSpeaker:
    """No speech: every call does nothing, and ``reason`` says why."""

    def __init__(self, reason: str = "no speech engine", reason_key: str = REASON_MISSING) -> None:
        self._reason = reason
        self._reason_key = reason_key

    def say(self, text: str, lang: str, *, interrupt: bool = True) -> None:
        return None

    def stop(self) -> None:
        return None

    def close(self) -> None:
        return None

    @property
    def available(self) -> bool:
        return False

    @property
    def reason(self) -> str:
        return self._reason

    @property
    def reason_key(self) -> str:
        return self._reason_key

    @property
    def busy(self) -> bool:
        return False


@dataclass(frozen=True)
class Utterance:
    """One thing to say; ``generation`` ties it to the last stop or interruption before it."""

    text: str
    lang: str
    generation: int


class SpeechFailure(Exception):
    """An utterance went wrong; ``kind`` groups failures so each kind is logged only once."""

    def __init__(self, kind: str, message: str) -> None:
        super().__init__(message)
        self.kind = kind


@dataclass
class Counts:
    """What happened to the utterances so far (for tests and the technician's check)."""

    started: int = 0
    completed: int = 0
    interrupted: int = 0
    dropped: int = 0
    failed: int = 0


H = TypeVar("H")


class QueuedSpeaker(ABC, Generic[H]):
    """A queue and one worker thread; subclasses say how to start, wait for and cut off one utterance.

    Interruption works by generations: ``stop`` (or ``say`` with ``interrupt``) bumps the
    generation, empties the queue and cuts off the utterance in progress; the worker skips
    anything from an older generation, so an utterance taken off the queue just before the
    stop is never started.
    """

    def __init__(self, max_queue: int = 16) -> None:
        self.max_queue = max_queue
        self.counts = Counts()
        self._cond = threading.Condition()
        self._queue: deque[Utterance] = deque()
        self._generation = 0
        self._current: Utterance | None = None
        self._handle: H | None = None
        self._closed = False
        self._thread: threading.Thread | None = None
        self._logged: set[str] = set()
        self._failures_in_a_row = 0
        self._broken: str | None = None
        self._broken_key = REASON_BROKEN

    # -- the part every speaker shares -------------------------------------------------

    def say(self, text: str, lang: str, *, interrupt: bool = True) -> None:
        text = text.strip()
        with self._cond:
            if self._closed or not self.available:
                return
            if interrupt:
                self._cancel_locked()
            if not text:
                return
            if len(self._queue) >= self.max_queue:
                self._queue.popleft()
                self.counts.dropped += 1
            self._queue.append(Utterance(text, lang, self._generation))
            self._start_worker_locked()
            self._cond.notify_all()

    def stop(self) -> None:
        with self._cond:
            self._cancel_locked()

    def close(self) -> None:
        with self._cond:
            if self._closed:
                return
            self._cancel_locked()
            self._closed = True
            self._cond.notify_all()
            thread = self._thread
        if thread is not None and thread is not threading.current_thread():
            thread.join(timeout=1.0)

    @property
    def available(self) -> bool:
        return self._broken is None and not self._closed

    @property
    def reason(self) -> str:
        if self._closed:
            return "speech was closed"
        return self._broken or ""

    @property
    def reason_key(self) -> str:
        return "" if self.available else self._broken_key

    @property
    def busy(self) -> bool:
        with self._cond:
            return bool(self._queue) or self._current is not None

    def wait_idle(self, timeout: float) -> bool:
        """Wait until nothing is said or queued (tests, the technician's check); False on timeout."""
        deadline = time.monotonic() + timeout
        with self._cond:
            while self._queue or self._current is not None:
                left = deadline - time.monotonic()
                if left <= 0:
                    return False
                self._cond.wait(left)
            return True

    def _cancel_locked(self) -> None:
        self._generation += 1
        self.counts.dropped += len(self._queue)
        self._queue.clear()
        if self._handle is not None:
            self._interrupt_quietly(self._handle)
        self._cond.notify_all()

    def _start_worker_locked(self) -> None:
        if self._thread is None:
            self._thread = threading.Thread(target=self._run, name="open-sesame-speech", daemon=True)
            self._thread.start()

    def _run(self) -> None:
        """The worker: prepare once, then speak utterances one by one until closed."""
        try:
            self._prepare()
        except Exception as err:  # the engine's check must not kill the worker
            self._fail("prepare", f"speech engine check failed: {err}")
        while True:
            with self._cond:
                while not self._queue and not self._closed:
                    self._cond.wait()
                if self._closed:
                    return
                utterance = self._queue.popleft()
                if utterance.generation != self._generation or not self.available:
                    continue
                self._current = utterance
            try:
                self._speak(utterance)
            finally:
                with self._cond:
                    self._current = None
                    self._handle = None
                    self._cond.notify_all()

    def _speak(self, utterance: Utterance) -> None:
        try:
            handle = self._begin(utterance)
        except SpeechFailure as err:
            self._fail(err.kind, str(err))
            return
        except Exception as err:
            self._fail("start", f"speech could not start: {err}")
            return
        with self._cond:
            cancelled = utterance.generation != self._generation
            if not cancelled:
                self._handle = handle
            self.counts.started += 1
        if cancelled:
            self._interrupt_quietly(handle)
        try:
            completed = self._finish(handle, utterance)
        except SpeechFailure as err:
            self._fail(err.kind, str(err))
            return
        except Exception as err:
            self._fail("error", f"speech failed: {err}")
            return
        with self._cond:
            if completed and utterance.generation == self._generation:
                self.counts.completed += 1
                self._failures_in_a_row = 0
            else:
                self.counts.interrupted += 1

    def _interrupt_quietly(self, handle: H) -> None:
        try:
            self._interrupt(handle)
        except Exception as err:
            self._fail("interrupt", f"speech could not be interrupted: {err}")

    def _fail(self, kind: str, message: str) -> None:
        """Count a failure and log it, once per kind; never raise."""
        with self._cond:
            self.counts.failed += 1
            self._failures_in_a_row += 1
            first = kind not in self._logged
            self._logged.add(kind)
            if self._failures_in_a_row >= FAILURES_BEFORE_BROKEN and self._broken is None:
                self._broken = message
        if first:
            log.warning("%s", message)
        else:
            log.debug("%s", message)

    def _mark_unavailable(self, reason: str, reason_key: str) -> None:
        """The engine cannot speak at all (found missing or broken by ``_prepare``): log it once."""
        with self._cond:
            self._broken = reason
            self._broken_key = reason_key
            self._cancel_locked()
        log.warning("speech unavailable: %s", reason)

    # -- what each speaker does differently ----------------------------------------------

    def _prepare(self) -> None:
        """Run once on the worker thread before the first utterance (e.g. check the engine)."""
        return None

    @abstractmethod
    def _begin(self, utterance: Utterance) -> H:
        """Start saying ``utterance`` without waiting for it; return a handle to wait on or cut off."""

    @abstractmethod
    def _finish(self, handle: H, utterance: Utterance) -> bool:
        """Wait (on the worker thread) until the utterance ends; True if it was said to the end."""

    @abstractmethod
    def _interrupt(self, handle: H) -> None:
        """Cut the utterance off at once; called from any thread, so it must not block."""
