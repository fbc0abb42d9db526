"""eSpeak NG through its command line: one short-lived process per utterance, fed on stdin.

Why a process and not a binding: a process can be cut off at once (terminate it) and, if
the engine hangs or crashes, only that process goes, never the game. The text goes on
stdin, never on the command line, so a text starting with ``-`` cannot pass for an
option, and no shell is involved. The engine is checked once, on the worker thread
(``espeak-ng --voices``, with a timeout), so starting the game never waits for it either.
"""

from __future__ import annotations

import contextlib
import re
import shutil
import subprocess
import threading
import time
from dataclasses import dataclass, field

from game.speech.base import REASON_BROKEN, REASON_MISSING, QueuedSpeaker, SpeechFailure, Utterance, log
from game.speech.config import SpeechConfig, Voice, choose_voice, load_speech_config

EXECUTABLE = "espeak-ng"
KILL_AFTER_S = 0.5
"""An interrupted process still running this long after SIGTERM is killed."""

_POLL_S = 0.05
_OTHER_LANGUAGES = re.compile(r"\(([A-Za-z0-9_-]+) \d+\)")
# Without this a console window would flash up for every sentence on Windows.
_NO_WINDOW = getattr(subprocess, "CREATE_NO_WINDOW", 0)


def parse_voices(listing: str) -> frozenset[str]:
    """The names ``-v`` accepts, from ``espeak-ng --voices``: languages, voice names, other languages.

    A line reads ``Pty Language Age/Gender VoiceName File Other-languages``, for example
    `` 2  en-gb  --/M  English_(Great_Britain)  gmw/en  (en 2)``.
    """
    names: set[str] = set()
    for line in listing.splitlines():
        parts = line.split()
        if len(parts) >= 4 and parts[0].isdigit():
            names.add(parts[1].lower())
            names.add(parts[3].lower())
            names.update(m.lower() for m in _OTHER_LANGUAGES.findall(line))
    return frozenset(names)


@dataclass
class _Run:
    """One utterance's process, and when (if ever) it was told to stop."""

    process: subprocess.Popen[bytes]
    interrupted_at: float | None = None
    lock: threading.Lock = field(default_factory=threading.Lock)


class EspeakSpeaker(QueuedSpeaker[_Run]):
    """Speaks with eSpeak NG, off the caller's thread; missing or broken, it is a silent no-op."""

    def __init__(
        self,
        config: SpeechConfig | None = None,
        *,
        executable: str = EXECUTABLE,
        null_output: bool = False,
    ) -> None:
        """``null_output`` sends the sound to nowhere (``--stdout`` into /dev/null): tests, CI."""
        self.config = config or load_speech_config()
        super().__init__(max_queue=self.config.engine.max_queue)
        self.executable = executable
        self.null_output = null_output
        self.path = shutil.which(executable)
        self.installed: frozenset[str] | None = None
        self._ready = threading.Event()
        if self.path is None:
            self._broken = f"{executable} not installed"
            self._broken_key = REASON_MISSING
            self._ready.set()
            log.info("speech unavailable: %s (Debian/Ubuntu: sudo apt install espeak-ng)", self._broken)
        else:
            with self._cond:
                self._start_worker_locked()  # checks the engine now, in the background

    def wait_ready(self, timeout: float) -> bool:
        """Wait for the engine check to finish (the technician's check, tests); False on timeout."""
        return self._ready.wait(timeout)

    def voice_for(self, lang: str) -> Voice | None:
        """The voice that speaks ``lang`` (``None``: eSpeak's own default voice)."""
        return choose_voice(lang, self.config.voices, self.installed)

    def command(self, lang: str) -> list[str]:
        """The command line for one utterance in ``lang``; the text itself goes on stdin."""
        args = [self.path or self.executable, "-b", "1"]  # -b 1: the input is UTF-8, whatever the locale
        voice = self.voice_for(lang)
        if voice is not None:
            args += ["-v", voice.voice, "-s", str(voice.rate), "-p", str(voice.pitch)]
        args += ["-a", str(self.config.engine.amplitude), "--stdin"]
        if self.null_output:
            args.append("--stdout")
        return args

    # -- the worker's side ---------------------------------------------------------------

    def _prepare(self) -> None:
        try:
            self._probe()
        finally:
            self._ready.set()

    def _probe(self) -> None:
        assert self.path is not None
        timeout = self.config.engine.probe_timeout_s
        try:
            done = subprocess.run(
                [self.path, "--voices"],
                stdin=subprocess.DEVNULL,
                capture_output=True,
                timeout=timeout,
                creationflags=_NO_WINDOW,
            )
        except subprocess.TimeoutExpired:
            self._mark_unavailable(f"{self.executable} --voices did not answer within {timeout:g} s", REASON_BROKEN)
            return
        except OSError as err:
            self._mark_unavailable(f"{self.executable} could not be started: {err}", REASON_BROKEN)
            return
        if done.returncode != 0:
            why = _summary(done.stderr) or f"exit code {done.returncode}"
            self._mark_unavailable(f"{self.executable} --voices failed: {why}", REASON_BROKEN)
            return
        installed = parse_voices(done.stdout.decode("utf-8", "replace"))
        if not installed:
            self._mark_unavailable(f"{self.executable} lists no voices", REASON_BROKEN)
            return
        self.installed = installed
        missing = [f"{lang} ({v.voice})" for lang, v in self.config.voices.items() if v.voice.lower() not in installed]
        if missing:
            log.warning("speech: no eSpeak voice installed for %s; another voice will speak", ", ".join(missing))

    def _begin(self, utterance: Utterance) -> _Run:
        try:
            process = subprocess.Popen(
                self.command(utterance.lang),
                stdin=subprocess.PIPE,
                stdout=subprocess.DEVNULL,
                stderr=subprocess.PIPE,
                creationflags=_NO_WINDOW,
            )
        except OSError as err:
            raise SpeechFailure("start", f"{self.executable} could not be started: {err}") from None
        return _Run(process)

    def _finish(self, handle: _Run, utterance: Utterance) -> bool:
        process = handle.process
        timeout = self.config.engine.timeout_for(utterance.text)
        deadline = time.monotonic() + timeout
        data: bytes | None = utterance.text.encode("utf-8") + b"\n"
        while True:
            try:
                _, err = process.communicate(data, timeout=_POLL_S)
                break
            except subprocess.TimeoutExpired:
                data = None  # already handed over; communicate() carries on writing it
            now = time.monotonic()
            with handle.lock:
                interrupted_at = handle.interrupted_at
            if interrupted_at is not None:
                if process.poll() is not None:
                    _abandon(process)  # gone: do not wait for whatever still holds its pipes
                    return False
                if now - interrupted_at > KILL_AFTER_S:
                    process.kill()
            elif now > deadline:
                process.kill()
                _abandon(process)
                raise SpeechFailure(
                    "hang", f"{self.executable} took over {timeout:.0f} s for {len(utterance.text)} characters; stopped"
                )
        with handle.lock:
            if handle.interrupted_at is not None:
                return False
        code = process.returncode
        if code < 0:
            raise SpeechFailure("crash", f"{self.executable} crashed (signal {-code})")
        if code != 0:
            why = _summary(err) or "no message"
            raise SpeechFailure("exit", f"{self.executable} failed with exit code {code}: {why}")
        if err.strip():
            self._note_once("stderr", f"{self.executable} reported (is there a sound device?): {_summary(err)}")
        return True

    def _interrupt(self, handle: _Run) -> None:
        with handle.lock:
            if handle.interrupted_at is None:
                handle.interrupted_at = time.monotonic()
        if handle.process.poll() is None:
            handle.process.terminate()

    def _note_once(self, kind: str, message: str) -> None:
        """Something worth a line in the log, once, that is not a failure (e.g. no sound device)."""
        with self._cond:
            first = kind not in self._logged
            self._logged.add(kind)
        if first:
            log.warning("speech: %s", message)


def _abandon(process: subprocess.Popen[bytes]) -> None:
    """Reap a killed process without waiting on its pipes, which a child of it may still hold."""
    for pipe in (process.stdin, process.stderr):
        if pipe is not None:
            with contextlib.suppress(OSError):
                pipe.close()
    with contextlib.suppress(subprocess.TimeoutExpired):
        process.wait(timeout=1.0)


def _summary(data: bytes) -> str:
    """The last line of an error output (eSpeak and ALSA put the point last), shortened."""
    text = data.decode("utf-8", "replace").strip()
    return text.splitlines()[-1].strip()[:200] if text else ""
