"""SIGTERM, SIGINT and SIGHUP end the game promptly, in a window and in kiosk mode alike.

Left alone, SDL turns SIGTERM into a window-close event, which kiosk mode must ignore (a
visitor closing the window), so ``systemctl stop`` waited 5 s for a SIGKILL and the
visitor's session left no trace. Instead the game installs its own handlers *before* SDL
starts (and asks SDL, through ``SDL_NO_SIGNAL_HANDLERS``, not to install any): a handler
only records the signal, the main loop sees it at its next iteration (a frame at most)
and leaves, and the normal way out records the session in progress as abandoned.

The game then exits with ``128 + signal number`` (143 for SIGTERM, 130 for SIGINT), the
shell convention: the supervisor tells a game it was asked to stop from one that a
technician stopped (exit code 0).
"""

from __future__ import annotations

import os
import signal
import threading
from types import FrameType

STOP_SIGNALS = tuple(getattr(signal, name) for name in ("SIGTERM", "SIGINT", "SIGHUP") if hasattr(signal, name))

_received: list[int] = []


def _handler(signum: int, frame: FrameType | None) -> None:
    """Only note the signal: the loop does the rest, outside the handler."""
    _received.append(signum)


def install() -> bool:
    """Handle the stop signals from now on; call before pygame starts. False off the main thread."""
    os.environ["SDL_NO_SIGNAL_HANDLERS"] = "1"  # SDL must not turn SIGTERM into an ignorable quit event
    if threading.current_thread() is not threading.main_thread():
        return False
    for signum in STOP_SIGNALS:
        signal.signal(signum, _handler)
    return True


def requested() -> bool:
    """Whether a stop signal arrived since :func:`install` (or :func:`reset`)."""
    return bool(_received)


def received() -> int | None:
    """The first stop signal received, if any."""
    return _received[0] if _received else None


def exit_code() -> int:
    """``128 + signum`` after a stop signal, else 0."""
    first = received()
    return 0 if first is None else 128 + first


def name() -> str:
    first = received()
    if first is None:
        return ""
    try:
        return signal.Signals(first).name
    except ValueError:
        return f"signal {first}"


def reset() -> None:
    """Forget received signals (tests, and a game that keeps running after handling one)."""
    _received.clear()
