"""The game's logs: what a bug report needs, nothing that points at a visitor, never a crash.

* ``logs/game.log`` (logger ``open_sesame``): starts, stops, warnings, the technician's
  actions, with exact times. Nothing in it says what a visitor chose. It is what the admin
  screen's log tail shows, beside the supervisor's ``kiosk.log``.
* ``logs/sessions.log`` (logger ``open_sesame.sessions``): one line per finished or
  abandoned session, enough to replay the month (level, persona, seed, rule set, choices)
  and stamped with the **hour only**, the statistics' own rounding, so a line cannot be
  matched to a visitor seen at a given minute. It is written only when statistics are on
  or the technician asked for it (``log_sessions: true`` in the kiosk config, or
  ``--log-sessions``), and it is not shown on the admin screen.

If a log file cannot be opened (an unwritable or file-shaped data directory), messages go
to stderr instead (the journal, under systemd), with one line saying why.

The files open right after the first frame (:func:`hold` keeps what is logged before), so
a kiosk's attract loop waits neither for the data directory nor for the logging machinery.
"""

from __future__ import annotations

import logging
import sys
import time
from collections.abc import Iterable

GAME_LOG = "game.log"
SESSIONS_LOG = "sessions.log"
LOG_MAX_BYTES = 1_000_000
LOG_BACKUPS = 3

log = logging.getLogger("open_sesame")
sessions = logging.getLogger("open_sesame.sessions")


class HourFormatter(logging.Formatter):
    """``2026-03-14 15h session ended: …``: the hour a line was written, never the minute."""

    def formatTime(self, record: logging.LogRecord, datefmt: str | None = None) -> str:
        return time.strftime("%Y-%m-%d %Hh", self.converter(record.created))


def _file_handler(name: str, formatter: logging.Formatter) -> tuple[logging.Handler, str | None]:
    """A rotating file handler in the log directory, else stderr and the reason."""
    from logging.handlers import RotatingFileHandler

    from game.datadir import log_dir

    try:
        handler: logging.Handler = RotatingFileHandler(
            log_dir() / name, maxBytes=LOG_MAX_BYTES, backupCount=LOG_BACKUPS, encoding="utf-8"
        )
        why = None
    except (OSError, ValueError) as err:
        handler = logging.StreamHandler(sys.stderr)
        why = f"cannot open {name} ({getattr(err, 'strerror', None) or err}); logging to stderr"
    handler.setFormatter(formatter)
    handler.set_name(f"open-sesame:{name}")
    return handler, why


def _ours(logger: logging.Logger) -> bool:
    return any((h.get_name() or "").startswith("open-sesame:") for h in logger.handlers)


HELD_MAX = 1000


class _Held(logging.Handler):
    """What is logged before the files open, kept (at most :data:`HELD_MAX` records) to be written then."""

    def __init__(self) -> None:
        super().__init__()
        self.records: list[logging.LogRecord] = []

    def emit(self, record: logging.LogRecord) -> None:
        if len(self.records) < HELD_MAX:
            self.records.append(record)


def hold() -> None:
    """Keep what ``open_sesame`` logs from now until :func:`setup_logging`, which writes it."""
    log.setLevel(logging.INFO)
    if not _ours(log) and not any(isinstance(h, _Held) for h in log.handlers):
        log.addHandler(_Held())


def setup_logging() -> None:
    """Open ``game.log`` and ``sessions.log`` once per process, then write what was held;
    never raises."""
    from game.datadir import problem

    log.setLevel(logging.INFO)
    if _ours(log):
        return
    handler, why = _file_handler(GAME_LOG, logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    log.addHandler(handler)
    for held in [h for h in log.handlers if isinstance(h, _Held)]:
        log.removeHandler(held)
        for record in held.records:
            log.handle(record)
    moved = problem()
    if moved:
        log.warning("%s", moved)
    if why:
        log.warning("%s", why)
    sessions.setLevel(logging.INFO)
    sessions.propagate = False  # never in game.log, so never on the admin screen
    if not _ours(sessions):
        side, why = _file_handler(SESSIONS_LOG, HourFormatter("%(asctime)s %(message)s"))
        sessions.addHandler(side)
        if why:
            log.warning("%s", why)


def log_session(level: str, persona: str, seed: int | None, variant: str, choices: Iterable[tuple[str, str]]) -> None:
    """The replay line of one session (see ``python -m game replay``), hour-stamped."""
    sessions.info(
        "session ended: level %s persona %s seed %s variant %s choices %s",
        level,
        persona,
        seed,
        variant,
        " ".join(f"{scene}.{option}" for scene, option in choices),
    )
