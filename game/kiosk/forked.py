"""The first game of a kiosk boot, forked from the supervisor before it imports anything.

A kiosk is timed from power-on to its attract loop. Started as a second program, the
game would wait for a second interpreter start and for the supervisor's own imports
(logging, threads, subprocesses), about 90 ms before its first line runs. So
``python -m game kiosk`` forks the first game as soon as it has read its options: the
game goes on in the interpreter already running, with the modules both need already
imported, and the supervisor (the parent) imports its own afterwards. The parent has
started no thread and opened no log yet, which is what makes the fork safe. Restarts
after a crash start a fresh interpreter (:class:`subprocess.Popen`): by then the
supervisor has threads. Where there is no ``fork`` (Windows), the first game starts like
a restart.
"""

from __future__ import annotations

import contextlib
import os
import signal
import sys
import time
from collections.abc import Callable, Mapping
from pathlib import Path
from typing import IO, Protocol

FIRST_FRAME_WAIT_S = 3.0
"""How long the supervisor waits for the game's first frame before it goes on anyway."""


class GameProcess(Protocol):
    """What the supervisor needs of a running game: a :class:`subprocess.Popen` or a :class:`ForkedGame`."""

    pid: int
    stdin: IO[bytes] | None
    stderr: IO[bytes] | None

    def wait(self, timeout: float | None = None) -> int: ...
    def poll(self) -> int | None: ...
    def terminate(self) -> None: ...
    def kill(self) -> None: ...


class ForkedGame:
    """A game forked by :func:`fork_game`, waited for and signalled like a :class:`subprocess.Popen`
    (an exit code, or minus the signal that killed it)."""

    def __init__(self, pid: int, stdin: IO[bytes], stderr: IO[bytes]) -> None:
        self.pid = pid
        self.stdin: IO[bytes] | None = stdin
        self.stderr: IO[bytes] | None = stderr
        self.returncode: int | None = None

    def poll(self) -> int | None:
        if self.returncode is None:
            try:
                pid, status = os.waitpid(self.pid, os.WNOHANG)
            except ChildProcessError:  # reaped elsewhere: it is gone, its code unknown
                self.returncode = 255
                return self.returncode
            if pid:
                self.returncode = os.waitstatus_to_exitcode(status)
        return self.returncode

    def wait(self, timeout: float | None = None) -> int:
        """The exit code; :class:`subprocess.TimeoutExpired` if still running after ``timeout`` s."""
        end = None if timeout is None else time.monotonic() + timeout
        delay = 0.0005
        while (code := self.poll()) is None:
            if end is not None and (left := end - time.monotonic()) <= 0:
                import subprocess

                raise subprocess.TimeoutExpired(f"game (pid {self.pid})", timeout or 0.0)
            time.sleep(delay if end is None else min(delay, left))
            delay = min(delay * 2, 0.05)
        return code

    def terminate(self) -> None:
        self._signal(signal.SIGTERM)

    def kill(self) -> None:
        self._signal(getattr(signal, "SIGKILL", signal.SIGTERM))

    def _signal(self, signum: int) -> None:
        if self.poll() is None:
            with contextlib.suppress(ProcessLookupError):
                os.kill(self.pid, signum)


def fork_game(game: Callable[[], int], env: Mapping[str, str]) -> ForkedGame | None:
    """Fork; the child sets ``env``, runs ``game`` with its standard input and error on pipes
    to the parent, and exits with its code (an exception ends it with a traceback on
    stderr and code 1, as a game started by Popen would). The parent gets the child as a
    :class:`ForkedGame`, or None when it cannot fork (then it starts the game itself).

    Call it before starting any thread: a fork copies only the calling thread.
    """
    if not hasattr(os, "fork"):
        return None
    for stream in (sys.stdout, sys.stderr):
        stream.flush()  # or the child would write the parent's pending output again
    stdin_r, stdin_w = os.pipe()
    stderr_r, stderr_w = os.pipe()
    try:
        pid = os.fork()
    except OSError:
        for fd in (stdin_r, stdin_w, stderr_r, stderr_w):
            os.close(fd)
        return None
    if pid == 0:  # the game
        os.dup2(stdin_r, 0)
        os.dup2(stderr_w, 2)
        for fd in (stdin_r, stdin_w, stderr_r, stderr_w):
            os.close(fd)
        os.environ.update(env)
        sys.exit(game())  # up through the command line, as ``python -m game`` ends
    os.close(stdin_r)
    os.close(stderr_w)
    return ForkedGame(pid, os.fdopen(stdin_w, "wb"), os.fdopen(stderr_r, "rb"))


def wait_for_first_frame(game: ForkedGame, beat: Path | None, stop: Callable[[], bool]) -> None:
    """Return once the game has drawn its first frame (its first heartbeat is written, just
    after it), has ended, ``stop()`` is true, or :data:`FIRST_FRAME_WAIT_S` passed.

    Until then the supervisor does nothing but this, so on a one-core or busy machine the
    game's first frame gets the CPU; a look at a file's size every few milliseconds costs
    nothing.
    """
    end = time.monotonic() + FIRST_FRAME_WAIT_S
    while beat is not None and time.monotonic() < end and not stop() and game.poll() is None:
        try:
            if beat.stat().st_size > 0:
                return
        except OSError:
            return  # no heartbeat to wait for
        time.sleep(0.005)
