"""The kiosk's supervisor: run the game in a child process and restart it when it crashes.

An unattended kiosk must come back by itself: the supervisor is a tiny process that
imports no pygame and holds no game state, so it survives whatever kills the game. The
first game is forked before the supervisor imports anything (:mod:`game.kiosk.launch`),
and while it draws its first frame the supervisor checks the kiosk config, the level and
the assets on the other core and hands the checked copies to the game (a typo stops the
kiosk with every ``file:line`` problem and exit code 2, never a restart loop). It
restarts a crashed game within 3 s, writes each crash with the game's traceback to
``<data dir>/logs/kiosk.log``, backs off when the game crashes in a loop, forwards
SIGTERM to the game and stops, and stops too when the game exits normally (an admin
chose "exit"). systemd's ``Restart=always`` is the outer layer
(``deploy/open-sesame.service``).
"""

from __future__ import annotations

import contextlib
import logging
import logging.handlers
import os
import signal
import subprocess
import sys
import threading
import time
from argparse import Namespace
from collections import deque
from collections.abc import Callable, Mapping, Sequence
from pathlib import Path
from types import FrameType
from typing import IO, Any

from game.datadir import log_dir
from game.datadir import problem as data_dir_problem
from game.kiosk.backoff import CrashBackoff, RestartPolicy
from game.kiosk.forked import GameProcess
from game.kiosk.handover import LEVEL_ENV, REFUSED
from game.kiosk.launch import STOP_SIGNALS, game_options
from game.kiosk.watchdog import DEFAULT_STARTUP_GRACE_S, HEARTBEAT_ENV, Watchdog, heartbeat_file, read_beat

LOG_FILE = "kiosk.log"
LOG_MAX_BYTES = 1_000_000
LOG_BACKUPS = 5
TAIL_LINES = 80
POLL_S = 0.2
EXIT_OK, EXIT_GAVE_UP, EXIT_USAGE = 0, 1, 2
CHECK_NICENESS = 10


def child_command(passthrough: Sequence[str] = ()) -> list[str]:
    """The real game in kiosk mode, with the same interpreter as the supervisor."""
    return [sys.executable, "-m", "game", "--kiosk", *passthrough]


def describe_exit(code: int) -> str:
    """``exit code 1``, ``exit code 143 (after SIGTERM)`` or ``killed by signal SIGSEGV``.

    Popen reports signal deaths as -N; the game itself exits with 128 + N after a stop signal.
    """
    if code >= 0:
        if code > 128:
            with contextlib.suppress(ValueError):
                return f"exit code {code} (after {signal.Signals(code - 128).name})"
        return f"exit code {code}"
    try:
        return f"killed by signal {signal.Signals(-code).name}"
    except ValueError:
        return f"killed by signal {-code}"


class StderrTail:
    """Reads a child's stderr in a thread: keeps the last lines (the traceback) and echoes them."""

    def __init__(self, pipe: IO[bytes], echo: IO[str] | None, max_lines: int = TAIL_LINES) -> None:
        self._pipe = pipe
        self._echo = echo
        self._lines: deque[str] = deque(maxlen=max_lines)
        self._thread = threading.Thread(target=self._pump, name="kiosk-stderr", daemon=True)
        self._thread.start()

    def _pump(self) -> None:
        with self._pipe:
            for raw in iter(lambda: self._pipe.readline(8192), b""):
                line = raw.decode("utf-8", "replace")
                self._lines.append(line)
                if self._echo is not None:
                    # The journal may be gone while we shut down; the tail still matters.
                    with contextlib.suppress(OSError, ValueError):
                        self._echo.write(line)
                        self._echo.flush()

    def text(self, timeout: float = 1.0) -> str:
        """Everything kept so far, once the pipe is drained (or ``timeout`` passed)."""
        self._thread.join(timeout)
        return "".join(self._lines)


class Supervisor:
    """Starts ``child``, restarts it after crashes, stops on a clean exit or a stop signal.

    ``clock`` and ``sleep`` are injectable so tests can replay a crash loop without
    waiting; ``child`` lets tests supervise a small script instead of the real game.
    """

    def __init__(
        self,
        child: Sequence[str] | None = None,
        *,
        passthrough: Sequence[str] = (),
        policy: RestartPolicy | None = None,
        max_restarts: int | None = None,
        log_path: Path | None = None,
        env: Mapping[str, str] | None = None,
        clock: Callable[[], float] = time.monotonic,
        sleep: Callable[[float], None] | None = None,
        echo_stderr: bool = True,
        handle_signals: bool = True,
        stop_timeout_s: float = 5.0,
        watchdog_s: float | None = None,
        startup_grace_s: float = DEFAULT_STARTUP_GRACE_S,
    ) -> None:
        self.child = list(child) if child is not None else child_command(passthrough)
        self.backoff = CrashBackoff(policy)
        self.max_restarts = max_restarts
        self.log_path = log_path
        self.env = dict(env) if env is not None else None
        self.restarts = 0
        self.child_pid: int | None = None
        self._clock = clock
        self._sleep = sleep or self._interruptible_sleep
        self._echo = sys.stderr if echo_stderr else None
        self._handle_signals = handle_signals
        self._stop_timeout_s = stop_timeout_s
        self._stopping = False
        self._log = logging.getLogger("game.kiosk.supervisor")
        self.watchdog = Watchdog(watchdog_s, startup_grace_s) if watchdog_s else None
        self._froze: float | None = None
        self._stdin: Verdict | None = None
        self._first: tuple[GameProcess, Path | None] | None = None
        self.refused = False

    def adopt(self, game: GameProcess, beat: Path | None) -> None:
        """Supervise ``game``, already started (forked: :mod:`game.kiosk.forked`), as the first run;
        ``beat`` is the heartbeat file it was given."""
        self._first = (game, beat)

    def hand_over(self, verdict: Verdict, config_path: Path) -> None:
        """Write the verdict on ``config_path`` (:mod:`game.kiosk.handover`) to every game's stdin,
        as soon as it is known: the first game starts before the check ends."""
        self._stdin = verdict
        self.env = {**(self.env if self.env is not None else os.environ), LEVEL_ENV: str(config_path.resolve())}

    def refuse(self, problems: Sequence[object]) -> None:
        """The check found ``problems``: say them all, tell the game, stop the kiosk (exit 2)."""
        for problem in problems:  # as they are: file:line:col: field: message
            self._log.error("%s", problem)
            if self._echo is not None:
                with contextlib.suppress(OSError, ValueError):
                    print(problem, file=self._echo, flush=True)
        self._note(logging.ERROR, f"{len(problems)} problem(s) found; the kiosk stops (fix them and start it again)")
        self.refused = True
        self.request_stop()

    def request_stop(self, signum: int | None = None, frame: FrameType | None = None) -> None:
        """Stop: forward SIGTERM to the game and exit. Safe from a signal handler (sets a flag only)."""
        self._stopping = True

    def run(self, beside: Callable[[], None] | None = None) -> int:
        """Supervise until a clean exit (0), a stop request (0), ``max_restarts`` used up (1)
        or a refusal (2). ``beside`` runs on its own thread from the start (the check of what
        the game plays, while the first game starts), once the log is open."""
        handler, why = self._open_log()
        previous = self._install_signal_handlers()
        try:
            if why:
                self._note(logging.WARNING, why)
            self._note(logging.INFO, f"supervisor started; game command: {' '.join(self.child)}")
            if beside is not None:
                threading.Thread(target=beside, name="kiosk-check", daemon=True).start()
            return self._loop()
        finally:
            for signum, old in previous.items():
                signal.signal(signum, old)
            self._log.removeHandler(handler)
            handler.close()

    def _loop(self) -> int:
        while not self._stopping or self._first is not None:  # a game already started is always waited for
            started = self._clock()
            code, tail = self._run_child()
            if self.refused:
                return EXIT_USAGE
            if self._stopping:
                self._note(logging.INFO, f"stopped on request; the game ended with {describe_exit(code)}")
                return EXIT_OK
            if code == 0:  # only a technician's confirmed Exit ends the game with 0
                self._note(logging.INFO, "the game exited normally (admin exit); supervisor stops")
                return EXIT_OK
            now = self._clock()
            run_s = now - started
            if self.max_restarts is not None and self.restarts >= self.max_restarts:
                self._crash(code, run_s, tail, f"giving up after {self.restarts} restart(s)")
                return EXIT_GAVE_UP
            delay = self.backoff.record_crash(now, run_s)
            loop = ""
            if self.backoff.in_crash_loop:
                loop = f" (crash loop: {self.backoff.recent_crashes} crashes in the last window; backing off)"
            self._crash(code, run_s, tail, f"restart {self.restarts + 1} in {delay:g} s{loop}")
            self._sleep(delay)
            self.restarts += 1
        self._note(logging.INFO, "stopped on request")
        return EXIT_USAGE if self.refused else EXIT_OK

    def _run_child(self) -> tuple[int, str]:
        """Run the game once; its exit code (negative: killed by that signal) and stderr tail."""
        proc: GameProcess
        if self._first is not None:
            (proc, beat), self._first = self._first, None
            self._log.info("the first game was forked before the supervisor's own imports (pid %s)", proc.pid)
        else:
            beat = self._heartbeat_file()
            env = self.env
            if beat is not None:
                env = {**(self.env if self.env is not None else os.environ), HEARTBEAT_ENV: str(beat)}
            stdin = subprocess.DEVNULL if self._stdin is None else subprocess.PIPE
            try:
                proc = subprocess.Popen(self.child, stdin=stdin, stderr=subprocess.PIPE, env=env)
            except OSError as err:
                self._forget(beat)
                return 127, f"cannot start {self.child[0]}: {err}\n"
        if beat is None and self.watchdog is not None:
            self._note(logging.WARNING, "no heartbeat file could be made; the watchdog is off for this run")
        self.child_pid = proc.pid
        if proc.stdin is not None and self._stdin is not None:
            threading.Thread(target=_feed, args=(proc.stdin, self._stdin), daemon=True).start()
        assert proc.stderr is not None
        tail = StderrTail(proc.stderr, self._echo)
        try:
            code = self._wait(proc, beat)
        finally:
            self._forget(beat)
        self.child_pid = None
        return code, tail.text()

    def _heartbeat_file(self) -> Path | None:
        """A fresh, private, empty file the game writes its heartbeat into (None: no watchdog)."""
        return heartbeat_file() if self.watchdog is not None else None

    @staticmethod
    def _forget(beat: Path | None) -> None:
        if beat is not None:
            with contextlib.suppress(OSError):
                beat.unlink()

    def _wait(self, proc: GameProcess, beat: Path | None = None) -> int:
        """Wait for the child, forwarding a stop request as SIGTERM (then SIGKILL if it hangs).

        With a watchdog, a child that stops writing its heartbeat is killed (SIGKILL: a
        stopped process does not act on SIGTERM) and the wait returns its exit code.
        """
        term_sent: float | None = None
        self._froze = None
        if self.watchdog is not None:
            self.watchdog.start(time.monotonic())
        while True:
            try:
                return proc.wait(timeout=POLL_S)
            except subprocess.TimeoutExpired:
                pass
            if self.watchdog is not None and beat is not None and not self._stopping and self._froze is None:
                now = time.monotonic()
                self.watchdog.observe(read_beat(beat), now)
                if self.watchdog.frozen(now):
                    self._froze = self.watchdog.silent_for(now)
                    self._note(
                        logging.ERROR,
                        f"the game stopped answering (no heartbeat for {self._froze:.0f} s); "
                        f"killing it (pid {proc.pid})",
                    )
                    proc.kill()
                    continue
            if self._stopping and term_sent is None:
                self._note(logging.INFO, f"forwarding SIGTERM to the game (pid {proc.pid})")
                proc.terminate()
                term_sent = time.monotonic()
            elif term_sent is not None and time.monotonic() - term_sent > self._stop_timeout_s:
                self._note(logging.WARNING, f"the game ignored SIGTERM for {self._stop_timeout_s:g} s; killing it")
                proc.kill()
                term_sent = float("inf")  # killed: just wait now

    def _crash(self, code: int, run_s: float, tail: str, then: str) -> None:
        what = "froze and was killed" if self._froze is not None else "crashed"
        summary = f"the game {what} ({describe_exit(code)}) after {run_s:.1f} s; {then}"
        detail = tail.rstrip() or "(the game wrote nothing to stderr)"
        self._note(logging.ERROR, summary, f"--- last lines of the game's stderr ---\n{detail}")

    def _note(self, level: int, summary: str, detail: str = "") -> None:
        """Full text to the log file; one line to stderr (the game's stderr was echoed live)."""
        self._log.log(level, f"{summary}\n{detail}" if detail else summary)
        if self._echo is not None:
            with contextlib.suppress(OSError, ValueError):
                print(f"open-sesame kiosk: {summary}", file=self._echo, flush=True)

    def _open_log(self) -> tuple[logging.Handler, str | None]:
        """The log file's handler, and a line saying why if it is not the usual one.

        A log problem must not stop the kiosk: an unusable data directory falls back to a
        side directory (see :mod:`game.datadir`), and a log that cannot be opened at all
        leaves stderr (the journal) as the only record.
        """
        why = None if self.log_path else data_dir_problem()
        handler: logging.Handler
        try:
            path = self.log_path or log_dir() / LOG_FILE
            path.parent.mkdir(parents=True, exist_ok=True)
            handler = logging.handlers.RotatingFileHandler(
                path, maxBytes=LOG_MAX_BYTES, backupCount=LOG_BACKUPS, encoding="utf-8"
            )
        except (OSError, ValueError) as err:
            handler = logging.NullHandler()  # stderr gets every line through _note anyway
            why = f"cannot open the supervisor's log ({getattr(err, 'strerror', None) or err}); stderr only"
        handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(message)s"))
        self._log.addHandler(handler)
        self._log.setLevel(logging.INFO)
        self._log.propagate = False
        return handler, why

    def _install_signal_handlers(self) -> dict[int, Any]:
        if not self._handle_signals or threading.current_thread() is not threading.main_thread():
            return {}
        return {signum: signal.signal(signum, self.request_stop) for signum in STOP_SIGNALS}

    def _interruptible_sleep(self, seconds: float) -> None:
        """Sleep in short slices so a stop request during a back-off is honoured at once."""
        end = time.monotonic() + seconds
        while not self._stopping:
            left = end - time.monotonic()
            if left <= 0:
                return
            time.sleep(min(POLL_S, left))


class Verdict:
    """The check's outcome, which games started before it ended wait for: the checked config
    and level (:func:`game.kiosk.handover.pack`), or refused."""

    def __init__(self, data: bytes | None = None) -> None:
        self._known = threading.Event()
        self._data = REFUSED
        if data is not None:
            self.give(data)

    def give(self, data: bytes) -> None:
        self._data = data
        self._known.set()

    def refuse(self) -> None:
        self._data = REFUSED
        self._known.set()

    def wait(self) -> bytes:
        self._known.wait()
        return self._data


def _feed(pipe: IO[bytes], verdict: Verdict) -> None:
    """Write the verdict to a game once it is known (the game reads it after its first frame), then close."""
    with contextlib.suppress(OSError):  # a game that died early: its next run gets it again
        pipe.write(verdict.wait())
    with contextlib.suppress(OSError):
        pipe.close()


def supervise(
    args: Namespace,
    config_path: Path,
    passthrough: Sequence[str],
    first: GameProcess | None,
    beat: Path | None,
    stop: bool = False,
) -> int:
    """Supervise the game until it exits cleanly (:mod:`game.kiosk.launch` parsed ``args``
    and started ``first``, or None; ``stop``: a stop signal came meanwhile), and check what
    it plays: problems stop the kiosk with exit code 2."""
    supervisor = Supervisor(
        passthrough=game_options(config_path, passthrough),
        policy=RestartPolicy(restart_delay_s=args.restart_delay),
        max_restarts=args.max_restarts,
        watchdog_s=args.watchdog,
    )
    verdict = Verdict()
    supervisor.hand_over(verdict, config_path)  # the game checks nothing again
    if first is not None:
        supervisor.adopt(first, beat)
    elif beat is not None:
        beat.unlink(missing_ok=True)  # the first run makes its own
    if stop:
        supervisor.request_stop()  # the game gets SIGTERM as soon as it is waited for
    return supervisor.run(beside=lambda: _check(config_path, passthrough, supervisor, verdict))


def _check(config_path: Path, passthrough: Sequence[str], supervisor: Supervisor, verdict: Verdict) -> None:
    """Check the options, the config, its level and the assets; hand the result to the games."""
    _yield_to_the_game()
    from game.kiosk.handover import pack
    from game.kiosk.preflight import checked

    problems: Sequence[object]
    try:
        problems, config, level, level_path = checked(config_path, passthrough)
        if not problems and config is not None and level is not None and level_path is not None:
            verdict.give(pack(config_path, config, level_path, level))
            return
    except Exception as err:  # a check that crashes must stop the kiosk, not hang its games
        problems = [f"the kiosk's config could not be checked: {err!r}"]
    supervisor.refuse(problems or ["the kiosk's config could not be checked"])
    verdict.refuse()


def _yield_to_the_game() -> None:
    """Lower this thread's priority (Linux: niceness is per thread): on a busy or one-core
    machine the check must not take the CPU the game's first frame needs."""
    with contextlib.suppress(AttributeError, OSError):
        os.setpriority(os.PRIO_PROCESS, threading.get_native_id(), CHECK_NICENESS)


def check_only(config_path: Path | None, passthrough: Sequence[str]) -> int:
    """``--check`` (or no ``--config``): every problem, without starting anything."""
    from game.kiosk.preflight import checked

    problems = checked(config_path, passthrough)[0]
    if problems:
        for problem in problems:
            print(problem, file=sys.stderr)
        print(f"{len(problems)} problem(s) found; the kiosk was not started", file=sys.stderr)
        return EXIT_USAGE
    print("the kiosk config, its level, the game's options, fonts, theme and catalogs are valid")
    return EXIT_OK
