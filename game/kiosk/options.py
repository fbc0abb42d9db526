"""The game options the kiosk supervisor passes on, parsed as the game will parse them.

Checked before any game starts (they cost nothing to check): a typo in ``ExecStart``
gives one message and exit code 2, never a game that refuses to start in a loop.
"""

from __future__ import annotations

import argparse
from collections.abc import Sequence
from typing import NoReturn

from game.cli.play import parser as game_parser


class OptionProblem:
    """A game option passed through the supervisor that the game would refuse."""

    def __init__(self, message: str) -> None:
        self.message = message

    def __str__(self) -> str:
        return f"python -m game kiosk: {self.message}"


class OptionRefused(Exception):
    """Raised with the reason the game would refuse an option."""


def game_options(passthrough: Sequence[str]) -> argparse.Namespace:
    """The game's own parsing of the options the supervisor passes on; :class:`OptionRefused` if bad."""
    parser = game_parser()

    def refuse(message: str) -> NoReturn:
        raise OptionRefused(message)

    parser.error = refuse  # type: ignore[method-assign]
    if any(arg in ("-h", "--help") for arg in passthrough):
        raise OptionRefused("--help is not a game option under the supervisor (try python -m game --help)")
    try:
        return parser.parse_args(["--kiosk", *passthrough])
    except SystemExit:  # pragma: no cover - parse errors go through refuse()
        raise OptionRefused(f"bad game options: {' '.join(passthrough)}") from None


def option_problems(passthrough: Sequence[str]) -> list[OptionProblem]:
    """What is wrong with the options passed on to the game (no file is read)."""
    try:
        args = game_options(passthrough)
    except OptionRefused as err:
        return [OptionProblem(str(err))]
    if args.level is not None and not args.level.is_file():
        return [OptionProblem(f"--level {args.level}: no such level file")]
    return []
