"""The unattended-kiosk idle timer: pure logic with an injected clock, so tests never wait.

A visitor who walks away mid-game leaves the next visitor a half-played month. After
``play_s`` (or ``reading_s`` on text-heavy screens) without input a warning with a visible
countdown appears; any touch cancels it (WCAG 2.2.1: at least 20 s to ask for more time);
when the countdown runs out the game goes back to the attract loop. The attract loop
itself has no timer: it is where an idle kiosk is meant to be.
"""

from __future__ import annotations

import math
import time
from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Literal

if TYPE_CHECKING:
    from game.kiosk.config import IdleTimes

Mode = Literal["attract", "play", "reading"]
Phase = Literal["active", "warning", "reset"]
Clock = Callable[[], float]

MODES: tuple[Mode, ...] = ("attract", "play", "reading")


@dataclass(frozen=True)
class IdleState:
    """What the game should show now.

    ``seconds_left`` is what remains of the countdown: all of it while ``active``, the
    remainder during the ``warning``, 0 at ``reset``.
    """

    phase: Phase
    seconds_left: float

    @property
    def whole_seconds_left(self) -> int:
        """The countdown as shown to the visitor (20, 19, … 1): rounded up, never 0 in a warning."""
        return math.ceil(self.seconds_left)


class IdleTimer:
    """Tracks time since the last input and turns it into active / warning / reset.

    ``now`` arguments are optional: when omitted the injected ``clock`` is read. Call
    :meth:`touch` on any input, :meth:`set_mode` whenever the screen changes (calling it
    again with the same mode is harmless), and :meth:`poll` once a frame.
    """

    def __init__(
        self,
        play_s: float = 60.0,
        reading_s: float = 120.0,
        countdown_s: float = 20.0,
        *,
        clock: Clock = time.monotonic,
        mode: Mode = "attract",
    ) -> None:
        if min(play_s, reading_s, countdown_s) <= 0:
            raise ValueError("idle times must be positive")
        self._limits: dict[Mode, float] = {"play": play_s, "reading": reading_s}
        self._countdown_s = countdown_s
        self._clock = clock
        self._mode: Mode = mode
        self._last_input = clock()

    @classmethod
    def from_config(cls, idle: IdleTimes, *, clock: Clock = time.monotonic, mode: Mode = "attract") -> IdleTimer:
        """A timer with the kiosk config's ``idle`` times."""
        return cls(idle.play_s, idle.reading_s, idle.countdown_s, clock=clock, mode=mode)

    @property
    def mode(self) -> Mode:
        return self._mode

    @property
    def countdown_s(self) -> float:
        return self._countdown_s

    def touch(self, now: float | None = None) -> None:
        """Any input: the visitor is here, so the idle time (and any warning) starts over."""
        self._last_input = self._now(now)

    def set_mode(self, mode: Mode, now: float | None = None) -> None:
        """The kind of screen shown; a change of mode starts the idle time over."""
        if mode not in MODES:
            raise ValueError(f"unknown idle mode {mode!r}; expected one of {', '.join(MODES)}")
        if mode != self._mode:
            self._mode = mode
            self._last_input = self._now(now)

    def poll(self, now: float | None = None) -> IdleState:
        """The phase at ``now``; ``reset`` stays until the game calls :meth:`set_mode` or :meth:`touch`."""
        if self._mode == "attract":
            return IdleState("active", self._countdown_s)
        idle = self._now(now) - self._last_input
        warn_at = self._limits[self._mode]
        if idle < warn_at:
            return IdleState("active", self._countdown_s)
        left = warn_at + self._countdown_s - idle
        if left > 0:
            return IdleState("warning", left)
        return IdleState("reset", 0.0)

    def _now(self, now: float | None) -> float:
        return self._clock() if now is None else now
