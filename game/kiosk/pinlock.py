"""Throttling the admin PIN pad: growing waits after wrong PINs, then a long lockout.

Without it a visitor types 420 PINs in 12 s and every four-digit PIN in five minutes.
With the default policy:

* the first 3 wrong PINs cost nothing (typos happen);
* each further one makes the pad wait before it accepts the next: 5 s, then 10, 20, 40,
  80, 160 and at most 300 s;
* the 10th wrong PIN in a row locks the pad for 30 minutes, and so does every wrong PIN
  after that until the right one is entered;
* the right PIN resets everything.

So at most 10 guesses in the first 5 minutes and then 2 an hour: under 50 a day, or about
28 years on average to find a six-digit PIN by trying. While the pad waits, typed
digits are ignored and nothing is compared; the comparison itself takes the same time
whatever the PIN entered (:func:`hmac.compare_digest`).

The lock lives in the game process (the pad can be closed and reopened, the visitor can
walk away and come back: the count stays). Pure logic, with an injected clock.
"""

from __future__ import annotations

import math
from collections.abc import Callable
from dataclasses import dataclass
from typing import Literal

Verdict = Literal["granted", "refused", "wait"]


@dataclass(frozen=True)
class PinPolicy:
    free_attempts: int = 3
    """Wrong PINs allowed before any wait."""
    first_wait_s: float = 5.0
    """The wait after the first wrong PIN past the free ones; each further one doubles it…"""
    max_wait_s: float = 300.0
    """…up to this."""
    lock_after: int = 10
    """Wrong PINs in a row that lock the pad for ``lockout_s``."""
    lockout_s: float = 1800.0

    def __post_init__(self) -> None:
        if not 0 <= self.free_attempts < self.lock_after:
            raise ValueError("free attempts must be fewer than the attempts that lock the pad")
        if self.first_wait_s <= 0 or self.max_wait_s < self.first_wait_s or self.lockout_s < self.max_wait_s:
            raise ValueError("waits must be positive, growing, and the lockout the longest")

    def wait_after(self, failures: int) -> float:
        """Seconds the pad waits after ``failures`` wrong PINs in a row."""
        if failures >= self.lock_after:
            return self.lockout_s
        if failures <= self.free_attempts:
            return 0.0
        return float(min(self.max_wait_s, self.first_wait_s * 2 ** (failures - self.free_attempts - 1)))


class PinLock:
    """Counts wrong PINs and says when the pad may take the next one."""

    def __init__(self, clock: Callable[[], float], policy: PinPolicy | None = None) -> None:
        self.policy = policy or PinPolicy()
        self._clock = clock
        self.failures = 0
        self._until = -math.inf

    def wait_s(self) -> float:
        """Seconds before the pad accepts a PIN again (0: now)."""
        return max(0.0, self._until - self._clock())

    def whole_seconds_left(self) -> int:
        """The wait as shown on the pad, rounded up (never 0 while waiting)."""
        return math.ceil(self.wait_s())

    @property
    def locked(self) -> bool:
        """In the long lockout (not just a short wait)."""
        return self.failures >= self.policy.lock_after and self.wait_s() > 0

    def check(self, entered: str, pin: str) -> Verdict:
        """Try ``entered`` against ``pin``: granted, refused (one more failure), or wait (not tried)."""
        if self.wait_s() > 0:
            return "wait"
        import hmac  # here: OpenSSL's import is not for the first frame

        if pin and hmac.compare_digest(entered.encode(), pin.encode()):
            self.failures, self._until = 0, -math.inf
            return "granted"
        self.failures += 1
        self._until = self._clock() + self.policy.wait_after(self.failures)
        return "refused"
