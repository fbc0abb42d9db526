"""How long the supervisor waits before restarting a crashed game.

A single crash is restarted quickly (the visitor should barely notice). A game that
crashes again and again — a broken update, a missing display — must not spin the CPU and
flood the log, so after too many crashes in a short window the wait doubles up to a cap,
and only a run that stays up for a while proves the problem gone.
"""

from __future__ import annotations

from collections import deque
from dataclasses import dataclass


@dataclass(frozen=True)
class RestartPolicy:
    """The numbers behind the restart decision (seconds)."""

    restart_delay_s: float = 1.0
    """Normal wait: restart well within the 3 s promised in the kiosk design."""
    loop_crashes: int = 5
    """More crashes than this within ``loop_window_s`` is a crash loop."""
    loop_window_s: float = 60.0
    backoff_start_s: float = 5.0
    """First wait in a crash loop; each further crash doubles it…"""
    backoff_cap_s: float = 60.0
    """…up to this cap."""
    stable_run_s: float = 60.0
    """A run at least this long ends the crash loop."""

    def __post_init__(self) -> None:
        if self.restart_delay_s < 0 or self.backoff_start_s <= 0 or self.backoff_cap_s < self.backoff_start_s:
            raise ValueError("restart delays must be positive and the cap at least the first back-off")
        if self.loop_crashes < 1 or self.loop_window_s <= 0 or self.stable_run_s <= 0:
            raise ValueError("crash-loop window, count and stable-run time must be positive")


class CrashBackoff:
    """Remembers recent crashes and says how long to wait before the next start."""

    def __init__(self, policy: RestartPolicy | None = None) -> None:
        self.policy = policy or RestartPolicy()
        self._crashes: deque[float] = deque()
        self._backoff_s = 0.0

    @property
    def in_crash_loop(self) -> bool:
        return self._backoff_s > 0

    @property
    def recent_crashes(self) -> int:
        """Crashes within the loop window, as of the last one recorded."""
        return len(self._crashes)

    def reset(self) -> None:
        """Forget past crashes (the game ran long enough to be considered healthy)."""
        self._crashes.clear()
        self._backoff_s = 0.0

    def record_crash(self, now: float, run_s: float) -> float:
        """Note a crash at ``now`` after a run of ``run_s`` seconds; return the wait before restarting.

        Once in a crash loop the wait keeps doubling until a stable run, even if the
        growing waits spread the crashes beyond the window.
        """
        policy = self.policy
        if run_s >= policy.stable_run_s:
            self.reset()
        self._crashes.append(now)
        while self._crashes and self._crashes[0] < now - policy.loop_window_s:
            self._crashes.popleft()
        if self._backoff_s > 0 or len(self._crashes) > policy.loop_crashes:
            doubled = self._backoff_s * 2 if self._backoff_s > 0 else policy.backoff_start_s
            self._backoff_s = min(policy.backoff_cap_s, doubled)
            return self._backoff_s
        return policy.restart_delay_s
