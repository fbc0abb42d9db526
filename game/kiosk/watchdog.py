"""A watchdog for a game whose loop stopped answering (frozen, deadlocked, ``kill -STOP``).

A crash ends the process and the supervisor restarts it; a *freeze* ends nothing. So the
supervised game proves its main loop still turns: every second or so the loop writes a
growing counter into a small heartbeat file whose path the supervisor passes in
``OPEN_SESAME_HEARTBEAT``. The supervisor reads the file while it waits for the game; a
game that has not written for ``timeout_s`` (after a longer grace period at start, while
Python, pygame and the fonts load) is killed with SIGKILL (a stopped process ignores
SIGTERM) and restarted like a crash.

The supervisor only compares the file's *content* with what it read last, on its own
monotonic clock, so changes of the wall clock or a coarse file system time stamp cannot
fool it.
"""

from __future__ import annotations

import contextlib
import os
import time
from collections.abc import Callable
from pathlib import Path
from typing import IO

HEARTBEAT_ENV = "OPEN_SESAME_HEARTBEAT"
BEAT_INTERVAL_S = 1.0
DEFAULT_TIMEOUT_S = 15.0
DEFAULT_STARTUP_GRACE_S = 30.0


class Heartbeat:
    """The game's side: call it from the loop; it writes at most once per ``interval_s``."""

    def __init__(self, path: Path, clock: Callable[[], float] = time.monotonic, interval_s: float = BEAT_INTERVAL_S):
        self.path = path
        self._clock = clock
        self._interval_s = interval_s
        self._last: float | None = None
        self._count = 0
        self._file: IO[bytes] | None = None

    def __call__(self) -> None:
        now = self._clock()
        if self._last is not None and now - self._last < self._interval_s:
            return
        self._last = now
        self._count += 1
        try:
            if self._file is None:
                self._file = self.path.open("r+b" if self.path.exists() else "wb")
            self._file.seek(0)
            self._file.write(f"{self._count}\n".encode())
            self._file.flush()
        except (OSError, ValueError):
            self.close()  # the supervisor will notice the silence; the game must not crash for it

    def close(self) -> None:
        if self._file is not None:
            with contextlib.suppress(OSError):
                self._file.close()
            self._file = None


def _no_beat() -> None:
    """Not supervised: nothing to prove."""


def heartbeat_from_env() -> Callable[[], None]:
    """A :class:`Heartbeat` when the supervisor asked for one, else a no-op."""
    path = os.environ.get(HEARTBEAT_ENV)
    return Heartbeat(Path(path)) if path else _no_beat


class Watchdog:
    """The supervisor's side: decides when a silent game is frozen. Pure logic, injected clock."""

    def __init__(self, timeout_s: float = DEFAULT_TIMEOUT_S, startup_grace_s: float = DEFAULT_STARTUP_GRACE_S):
        if timeout_s <= 0 or startup_grace_s < 0:
            raise ValueError("the watchdog timeout must be positive")
        self.timeout_s = timeout_s
        self.startup_grace_s = max(startup_grace_s, timeout_s)
        self._started = 0.0
        self._last_beat: float | None = None
        self._last_seen: bytes | None = None

    def start(self, now: float) -> None:
        """A new game process started at ``now``."""
        self._started, self._last_beat, self._last_seen = now, None, None

    def observe(self, content: bytes | None, now: float) -> None:
        """What the heartbeat file holds at ``now`` (None: unreadable or absent)."""
        if content and content != self._last_seen:
            self._last_seen = content
            self._last_beat = now

    def silent_for(self, now: float) -> float:
        """Seconds since the last beat (or since the start, before the first one)."""
        return now - (self._last_beat if self._last_beat is not None else self._started)

    def frozen(self, now: float) -> bool:
        """Whether the game has been silent for longer than it is allowed to be."""
        allowed = self.timeout_s if self._last_beat is not None else self.startup_grace_s
        return self.silent_for(now) > allowed


def heartbeat_file() -> Path | None:
    """A fresh, private, empty file for a game's heartbeat (None if none can be made)."""
    import tempfile

    try:
        fd, name = tempfile.mkstemp(prefix="open-sesame-heartbeat-")
    except OSError:
        return None
    os.close(fd)
    return Path(name)


def read_beat(path: Path) -> bytes | None:
    """The heartbeat file's content, or None (a few bytes; never blocks on anything but a disk)."""
    try:
        with path.open("rb") as f:
            return f.read(64)
    except OSError:
        return None
