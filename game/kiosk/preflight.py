"""What the kiosk checks before it starts a game: the options, the config, the level, the assets.

All found at once, before any game starts, so nothing restarts forever over a typo.
"""

from __future__ import annotations

import argparse
from collections.abc import Sequence
from pathlib import Path
from typing import NoReturn

from game.cli.play import parser as game_parser
from game.content.load import ContentInvalid, load_level
from game.content.models import Level
from game.content.yamlsafe import Document, Problem
from game.kiosk.assets import asset_problems
from game.kiosk.config import language_problems, read_kiosk_config


class OptionProblem:
    """A game option passed through the supervisor that the game would refuse."""

    def __init__(self, message: str) -> None:
        self.message = message

    def __str__(self) -> str:
        return f"python -m game kiosk: {self.message}"


class _OptionError(Exception):
    pass


def game_options(passthrough: Sequence[str]) -> argparse.Namespace:
    """The game's own parsing of the options the supervisor passes on; :class:`_OptionError` if bad."""
    parser = game_parser()

    def refuse(message: str) -> NoReturn:
        raise _OptionError(message)

    parser.error = refuse  # type: ignore[method-assign]
    if any(arg in ("-h", "--help") for arg in passthrough):
        raise _OptionError("--help is not a game option under the supervisor (try python -m game --help)")
    try:
        return parser.parse_args(["--kiosk", *passthrough])
    except SystemExit:  # pragma: no cover - parse errors go through refuse()
        raise _OptionError(f"bad game options: {' '.join(passthrough)}") from None


Checked = tuple[list[Problem | OptionProblem], Level | None, Path | None]


def preflight(config_path: Path | None, passthrough: Sequence[str] = ()) -> list[Problem | OptionProblem]:
    """Every problem with what the game would start with: its options, the kiosk config, the
    level it would play (the config's, or ``--level`` among the options), fonts, theme and
    catalogs. All found before any game starts, so nothing restarts forever over a typo."""
    return checked(config_path, passthrough)[0]


def checked(config_path: Path | None, passthrough: Sequence[str] = ()) -> Checked:
    """:func:`preflight`'s problems, and the level it validated with its path (handed to the game)."""
    try:
        args = game_options(passthrough)
    except _OptionError as err:
        return [OptionProblem(str(err))], None, None
    if config_path is None:
        needed = "a kiosk needs a config file with its own admin_pin: pass --config (see deploy/kiosk.yaml)"
        return [OptionProblem(needed)], None, None
    doc: Document | None = None
    try:
        config, doc = read_kiosk_config(config_path)
        level_path = args.level if args.level is not None else config.level
        if args.level is not None and not args.level.is_file():
            return [OptionProblem(f"--level {args.level}: no such level file")], None, None
        level = load_level(level_path)
    except ContentInvalid as err:
        return list(err.problems), None, None
    problems: list[Problem | OptionProblem] = []
    problems += language_problems(config, level.languages, doc if args.level is None else None)
    problems += asset_problems(config.languages)
    return problems, level, Path(level_path)


__all__ = ["OptionProblem", "checked", "game_options", "preflight"]
