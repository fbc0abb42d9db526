"""``python -m game stats``: summarise, export or merge the local statistics.

    python -m game stats [--db PATH] [--level L] [--level-file levels/kiosk.yaml] [--csv FILE]
    python -m game stats merge A.db B.db --into C.db

Bad arguments or an unreadable file give one line on stderr and exit code 2, never a
traceback. The database is only read (a damaged one is reported, not repaired).
"""

from __future__ import annotations

import argparse
import csv
import sys
from pathlib import Path
from typing import NoReturn

from game.stats.merge import MergeRefused, merge
from game.stats.render import Truth, summary_lines, summary_rows
from game.stats.report import summary
from game.stats.source import StatsUnreadable, open_for_reading
from game.stats.store import default_path


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
        print(f"error: {err}", file=sys.stderr)
        return 2
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
    db: Path = args.db if args.db is not None else default_path()
    conn = open_for_reading(db)
    try:
        result = summary(conn, level)
    finally:
        conn.close()
    if args.csv is not None:
        try:
            with args.csv.open("w", newline="", encoding="utf-8") as out:
                csv.writer(out).writerows(summary_rows(result, truth, level))
        except OSError as err:
            raise UsageError(f"cannot write {args.csv}: {err.strerror or err}") from None
    print(f"Statistics: {db}")
    print("\n".join(summary_lines(result, truth, level)))
    if args.csv is not None:
        print(f"\nCSV written to {args.csv}")
    return 0


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
    count = merge(args.inputs, args.into)
    print(f"merged {count} sessions from {len(args.inputs)} files into {args.into}")
    return 0
