"""The game's handle on the statistics file: record sessions, read "others at this kiosk".

Nothing here raises to the game. Whatever is wrong with the file, the store falls back
and logs (logger ``open_sesame.stats``):

* damaged, truncated, garbage or unreadable: the file and its ``-wal``/``-shm`` are
  renamed ``stats.db.corrupt-<n>`` and a fresh ``stats.db`` is created;
* busy (another process holds a lock), written by a newer game, or the disk is full: the
  file is left alone and this run writes to ``stats.db.side-<n>`` (merge it later with
  ``python -m game stats merge``);
* nothing writable at all: an in-memory database, so the game still runs.

Usage (one store per process, safe to share between threads)::

    store = StatsStore()                        # game.datadir.data_dir() / "stats.db"
    store.record(SessionRecord.make(...))       # -> session id, or None if it could not be kept
    store.choice_shares("kiosk", "w1_rent")     # -> ChoiceShares | None (None under 5 sessions)
    store.guess_vs_truth("kiosk", "standard")   # -> GuessRanks | None
    store.summary("kiosk")                      # -> Summary | None (None if unreadable)
    store.class_months("kiosk", 200)            # -> ClassMonths | None (for the rules sandbox)
    store.close()
"""

from __future__ import annotations

import logging
import os
import sqlite3
import threading
from collections.abc import Callable
from pathlib import Path
from types import TracebackType
from typing import TypeVar

from game.datadir import data_dir
from game.safefile import kind_of
from game.stats import report, schema
from game.stats.aside import free_name, move_aside
from game.stats.months import ClassMonths
from game.stats.record import SessionRecord
from game.stats.report import ChoiceShares, GuessRanks, Summary
from game.stats.rows import insert_record, read_completed
from game.stats.tables import RawTable
from game.stats.tables import build as build_raw

log = logging.getLogger("open_sesame.stats")

T = TypeVar("T")

FILE_NAME = "stats.db"

# SQLite result codes that say "not now" rather than "this file is broken".
_BUSY, _LOCKED, _NOMEM, _INTERRUPT, _FULL = 5, 6, 7, 9, 13
_TRANSIENT = {_BUSY, _LOCKED, _NOMEM, _INTERRUPT, _FULL}


def default_path() -> Path:
    """Where the game keeps its statistics (``OPEN_SESAME_DATA`` overrides the folder)."""
    return data_dir() / FILE_NAME


class NotRegular(Exception):
    """A FIFO, device or socket where the database should be: not ours to open or move."""


def leave_alone(error: BaseException) -> bool:
    """Whether ``error`` means the file is fine but unusable right now (so never move it)."""
    if isinstance(error, NotRegular | schema.SchemaTooNew | sqlite3.IntegrityError | sqlite3.ProgrammingError):
        return True
    code = getattr(error, "sqlite_errorcode", None)
    return isinstance(code, int) and code & 0xFF in _TRANSIENT


class StatsStore:
    """One open statistics database with its fallbacks; see the module docstring.

    ``path`` is the file asked for (default :func:`default_path`); ``active_path`` is the
    file sessions actually go to (None: in memory only). ``timeout_s`` bounds how long a
    write waits for a lock held by another process before falling back.
    """

    def __init__(self, path: Path | None = None, *, timeout_s: float = 1.0, warm: bool = False) -> None:
        self._timeout_s = timeout_s
        self._mutex = threading.Lock()
        self._conn: sqlite3.Connection | None = None
        self.active_path: Path | None = None
        # Each level's raw figures, built once and then kept up to date as sessions are
        # recorded, so "others at this kiosk" costs milliseconds even at 100,000 sessions.
        self._raw: dict[str, RawTable] = {}
        self._version: int | None = None  # SQLite's data_version when they were built
        try:
            self.path: Path | None = path if path is not None else default_path()
        except Exception as err:
            log.error("no data folder for statistics (%s)", err)
            self.path = None
        if self.path is None:
            self._use_memory()
        else:
            self._settle(self.path, self._try(self.path))
        if warm:  # read every level's figures now, in the background, not when a visitor waits
            threading.Thread(target=self._warm, name="stats-warm", daemon=True).start()

    def _warm(self) -> None:
        with self._mutex:
            if self._conn is None:
                return
            try:
                for level in report.levels(self._conn):
                    self._table(self._conn, level)
            except Exception as err:
                log.warning("could not read statistics ahead of time: %s", err)

    # -- writing -------------------------------------------------------------------

    def record(self, rec: SessionRecord) -> int | None:
        """Store one session in a single transaction; return its id, or None if it is lost.

        On a write failure the store falls back (see the module docstring) and tries once
        more, so a damaged file costs no session.
        """
        with self._mutex:
            if self._conn is None:
                log.error("session not recorded: the statistics store is closed")
                return None
            for attempt in (1, 2):
                try:
                    session_id = self._write(self._conn, rec)
                except Exception as err:
                    log.warning("could not record a session in %s: %s", self.active_path or "memory", err)
                    if attempt == 1:
                        self._drop_connection()
                        self._settle(self.active_path, err)
                    continue
                self._counted(session_id, rec)
                return session_id
            log.error("a session could not be recorded anywhere")
            return None

    def _counted(self, session_id: int, rec: SessionRecord) -> None:
        """Add a session just written to the kept figures (other writers are seen by data_version)."""
        raw = self._raw.get(rec.level)
        if raw is not None:
            raw.add(session_id, rec)

    def _write(self, conn: sqlite3.Connection, rec: SessionRecord) -> int:
        conn.execute("BEGIN IMMEDIATE")
        try:
            session_id = insert_record(conn, rec)
            conn.execute("COMMIT")
        except BaseException:
            _rollback(conn)
            raise
        return session_id

    # -- reading (never raises; None when hidden or unreadable) ------------------------

    def choice_shares(self, level: str, scene_id: str) -> ChoiceShares | None:
        """How earlier sessions chose in ``scene_id``; None under 5 sessions (or on error)."""
        return self._read(lambda conn: self._table(conn, level).shares(scene_id))

    def guess_vs_truth(self, level: str, variant: str | None = None) -> GuessRanks | None:
        """Earlier players' mean rank per category, for one rule set (``variant``) or all."""
        return self._read(lambda conn: self._table(conn, level).ranks(variant))

    def summary(self, level: str | None = None) -> Summary | None:
        """Every figure for the facilitator, k ≥ 5 applied; None if the file can't be read."""

        def read(conn: sqlite3.Connection) -> Summary:
            names = [level] if level is not None else report.levels(conn)
            return report.summary_of([self._table(conn, name) for name in names], level)

        return self._read(read)

    def class_months(self, level: str, limit: int) -> ClassMonths | None:
        """The newest ``limit`` completed sessions of ``level`` for the rules sandbox to replay,
        with the level's figures as the other views show and hide them (so the sandbox's own
        figures are decided against them); None if the file can't be read."""

        def read(conn: sqlite3.Connection) -> ClassMonths:
            self._table(conn, level)  # the kept figures, read again if another process wrote
            raw = self._raw[level]
            figures, hidden = raw.disclosed()
            (completed,) = conn.execute(
                "SELECT COUNT(*) FROM sessions WHERE level = ? AND completed = 1", (level,)
            ).fetchone()
            return ClassMonths(
                level,
                raw.base,
                int(completed),
                tuple(read_completed(conn, level, limit)),
                tuple(f for f in figures if f.key not in hidden),
                tuple(f for f in figures if f.key in hidden),
            )

        return self._read(read)

    def _table(self, conn: sqlite3.Connection, level: str) -> report.LevelTable:
        """``level``'s figures with secondary suppression, from the kept raw figures when current."""
        (version,) = conn.execute("PRAGMA data_version").fetchone()  # changes when another process commits
        if version != self._version:
            self._raw.clear()
            self._version = version
        raw = self._raw.get(level)
        if raw is None:
            raw = self._raw[level] = build_raw(conn, level)
        table = raw.table()
        assert isinstance(table, report.LevelTable)
        return table

    def _read(self, query: Callable[[sqlite3.Connection], T]) -> T | None:
        with self._mutex:
            if self._conn is None:
                return None
            try:
                return query(self._conn)
            except Exception as err:
                log.warning("could not read statistics from %s: %s", self.active_path or "memory", err)
                return None

    # -- opening and falling back ----------------------------------------------------

    def _try(self, path: Path) -> Exception | None:
        """Open ``path`` as the active database; return the problem instead of raising."""
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            if os.path.lexists(path) and not os.path.isfile(path) and not os.path.isdir(path):
                raise NotRegular(f"{path} is {kind_of(os.stat(path).st_mode)}, not a database file")
            conn = schema.connect(path, self._timeout_s)
        except Exception as err:
            return err
        try:
            schema.quick_check(conn)
            schema.migrate(conn)
            schema.check_shape(conn)
        except Exception as err:
            _close_quietly(conn)
            return err
        self._conn, self.active_path = conn, path
        return None

    def _settle(self, path: Path | None, problem: Exception | None) -> None:
        """Settle on a database after ``problem`` with ``path`` (None: it opened fine)."""
        if problem is None:
            return
        try:
            if path is not None and self.path is not None:
                self._fall_back(path, problem, side=free_name(self.path, "side"))
                return
        except Exception as err:  # a bug in falling back must not reach the game either
            log.error("falling back from %s failed: %s", path, err)
        self._use_memory()

    def _fall_back(self, path: Path, problem: Exception, side: Path) -> None:
        """Move a broken ``path`` aside and start afresh, else use the ``side`` file, else memory."""
        if leave_alone(problem):
            log.warning("statistics file %s is in use or not ours to change (%s); leaving it alone", path, problem)
        else:
            log.warning("statistics file %s is unusable (%s)", path, problem)
            moved = move_aside(path)
            if moved is None:
                log.warning("could not move %s aside; leaving it in place", path)
            else:
                log.warning("moved the unusable statistics file to %s", moved)
                fresh = self._try(path)
                if fresh is None:
                    return
                log.warning("could not create a fresh %s (%s)", path, fresh)
        side_problem = self._try(side)
        if side_problem is None:
            log.warning("recording statistics in %s for now; merge it later with 'python -m game stats merge'", side)
            return
        log.warning("could not create %s (%s)", side, side_problem)
        self._use_memory()

    def _drop_connection(self) -> None:
        self._raw.clear()
        self._version = None
        if self._conn is not None:
            _close_quietly(self._conn)
            self._conn = None

    def _use_memory(self) -> None:
        log.error("statistics are kept in memory only; they will be lost when the game stops")
        self.active_path = None
        try:
            conn = sqlite3.connect(":memory:", isolation_level=None, check_same_thread=False)
            schema.migrate(conn)
        except Exception as err:  # pragma: no cover - only when out of memory
            log.error("no statistics at all this run: %s", err)
            return
        self._conn = conn

    # -- closing ---------------------------------------------------------------------

    def close(self) -> None:
        """Close the file (a clean close also folds the ``-wal`` back into it)."""
        with self._mutex:
            self._drop_connection()

    def __enter__(self) -> StatsStore:
        return self

    def __exit__(self, kind: type[BaseException] | None, value: BaseException | None, tb: TracebackType | None) -> None:
        self.close()


def _rollback(conn: sqlite3.Connection) -> None:
    try:
        if conn.in_transaction:
            conn.execute("ROLLBACK")
    except sqlite3.Error:
        pass


def _close_quietly(conn: sqlite3.Connection) -> None:
    try:
        conn.close()
    except Exception as err:
        log.warning("closing the statistics file failed: %s", err)
