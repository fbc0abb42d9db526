"""``python -m game stats``: summarise, export or merge the local statistics.

    python -m game stats [--db PATH] [--level L] [--level-file levels/kiosk.yaml] [--csv FILE]
    python -m game stats merge A.db B.db --into C.db

Bad arguments or an unreadable file give one line on stderr and exit code 2, never a
traceback. The database is only read (a damaged one is reported, not repaired).
"""

from __future__ import annotations

import argparse
import contextlib
import csv
import os
import sqlite3
import sys
from pathlib import Path
from typing import NoReturn

from game.cli.safeout import csv_safe, terminal_safe
from game.datadir import configured_dir
from game.safefile import same_file
from game.stats.aside import family
from game.stats.merge import MergeRefused, merge_with_notes
from game.stats.render import Truth, summary_lines, summary_rows
from game.stats.report import summary
from game.stats.source import StatsUnreadable, open_for_reading
from game.stats.store import FILE_NAME


class UsageError(Exception):
    """A bad command line or input, reported as one line with exit code 2."""


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> NoReturn:
        raise UsageError(f"{self.prog}: {message}")


def run(argv: list[str]) -> int:
    """Entry point used by :mod:`game.cli`; returns the exit code."""
    try:
        if argv[:1] == ["merge"]:
            return _merge(argv[1:])
        return _summary(argv)
    except (UsageError, StatsUnreadable, MergeRefused) as err:
        print(terminal_safe(f"error: {err}", keep_newlines=False), file=sys.stderr)
        return 2
    except sqlite3.Error as err:  # a file that passed the checks and still failed (or ran out of time)
        print(terminal_safe(f"error: the statistics could not be read: {err}", keep_newlines=False), file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        print("error: interrupted", file=sys.stderr)
        return 130
    except SystemExit as done:  # --help
        return done.code if isinstance(done.code, int) else 0


def _summary(argv: list[str]) -> int:
    parser = _Parser(
        prog="python -m game stats",
        description="Summarise the anonymous statistics of this kiosk (or export or merge them).",
        epilog="'python -m game stats merge A.db B.db --into C.db' combines several kiosks.",
    )
    parser.add_argument("--db", type=Path, help="statistics file (default: the game's data folder)")
    parser.add_argument("--level", help="only this level id (default: all levels, or the --level-file's)")
    parser.add_argument("--level-file", type=Path, help="level YAML, to show its true weights beside the guesses")
    parser.add_argument("--csv", type=Path, metavar="FILE", help="also write the summary to FILE as CSV")
    args = parser.parse_args(argv)
    level: str | None = args.level
    truth: Truth | None = None
    if args.level_file is not None:
        level_id, truth = _read_truth(args.level_file)
        if level is not None and level != level_id:
            raise UsageError(f"--level {level!r} does not match {args.level_file} (level {level_id!r})")
        level = level_id
    db: Path = args.db if args.db is not None else configured_dir() / FILE_NAME  # read only: nothing created
    if args.csv is not None:
        inputs = [*family(db), *([args.level_file] if args.level_file is not None else [])]
        clash = next((path for path in inputs if same_file(args.csv, path)), None)
        if clash is not None:
            raise UsageError(f"--csv {args.csv} is {clash}, which this command reads; write the CSV elsewhere")
    conn = open_for_reading(db)
    try:
        result = summary(conn, level)
    finally:
        conn.close()
    if args.csv is not None:
        _write_csv(args.csv, summary_rows(result, truth, level))
    print(terminal_safe(f"Statistics: {db}"))
    print(terminal_safe("\n".join(summary_lines(result, truth, level))))
    if args.csv is not None:
        print(terminal_safe(f"\nCSV written to {args.csv}"))
    return 0


def _write_csv(path: Path, rows: list[list[str]]) -> None:
    """Write ``rows`` to ``path``, every cell defused (see :func:`csv_safe`).

    A file is written whole or not at all (a temporary file renamed over it); a device or
    a pipe (``/dev/stdout``) is written to directly, never replaced.
    """
    cells = [[csv_safe(cell) for cell in row] for row in rows]
    real = Path(os.path.realpath(path))
    direct = real.exists() and not real.is_file()
    temporary = real.with_name(f".{real.name}.writing-{os.getpid()}")
    try:
        with (real if direct else temporary).open("w", newline="", encoding="utf-8") as out:
            csv.writer(out).writerows(cells)
            out.flush()
            if not direct:
                os.fsync(out.fileno())
        if not direct:
            os.replace(temporary, real)
    except OSError as err:
        if not direct:
            with contextlib.suppress(OSError):
                temporary.unlink()
        raise UsageError(f"cannot write {path}: {err.strerror or err}") from None


def _read_truth(path: Path) -> tuple[str, Truth]:
    """The level id and each rule set's weights, from a level file."""
    from game.content.load import ContentInvalid, load_level  # pydantic and YAML only when asked for

    try:
        level = load_level(path)
    except ContentInvalid as err:
        count = len(err.problems)
        first = err.problems[0] if err.problems else f"{path}: invalid level"
        more = f" (and {count - 1} more; see 'python -m game check {path}')" if count > 1 else ""
        raise UsageError(f"{first}{more}") from None
    except OSError as err:
        raise UsageError(f"cannot read {path}: {err.strerror or err}") from None
    return level.id, {rules.id: dict(rules.weights) for rules in level.rules}


def _merge(argv: list[str]) -> int:
    parser = _Parser(
        prog="python -m game stats merge",
        description="Combine the statistics of several kiosks into a new file (counts add up).",
    )
    parser.add_argument("inputs", nargs="+", type=Path, metavar="DB", help="statistics files to combine")
    parser.add_argument("--into", type=Path, required=True, metavar="NEW_DB", help="the new combined file")
    args = parser.parse_args(argv)
    previous = _interrupt_on_sigterm()
    try:
        count, notes = merge_with_notes(args.inputs, args.into)
    except KeyboardInterrupt:
        print(f"error: merge interrupted; nothing was written to {args.into}", file=sys.stderr)
        return 130
    finally:
        _restore(previous)
    for note in notes:
        print(terminal_safe(note))
    print(terminal_safe(f"merged {count} sessions from {len(args.inputs)} files into {args.into}"))
    return 0


def _interrupt_on_sigterm() -> object:
    """SIGTERM during a merge unwinds like Ctrl+C, so the temporary file is removed."""
    import signal

    def stop(signum: int, frame: object) -> None:
        raise KeyboardInterrupt

    try:
        return signal.signal(signal.SIGTERM, stop)
    except (ValueError, OSError):  # not the main thread
        return None


def _restore(previous: object) -> None:
    import signal

    if previous is not None:
        with contextlib.suppress(ValueError, OSError):
            signal.signal(signal.SIGTERM, previous)  # type: ignore[arg-type]
