"""``python -m game kiosk``: read the supervisor's options, fork the first game, then supervise it.

Everything before the fork is what the game needs anyway (its option parser, to refuse a
bad option before anything starts) or costs nothing, so the game's first frame waits for
no supervisor (:mod:`game.kiosk.forked`). The supervisor's own machinery, in
:mod:`game.kiosk.supervisor`, and its check of the config and level start once the
game's first frame is up: until then a stop signal is only noted, then acted on.
"""

from __future__ import annotations

import argparse
import math
import signal
from collections.abc import Sequence
from pathlib import Path

from game.kiosk.backoff import RestartPolicy
from game.kiosk.forked import fork_game, wait_for_first_frame
from game.kiosk.handover import LEVEL_ENV
from game.kiosk.watchdog import DEFAULT_TIMEOUT_S, HEARTBEAT_ENV, heartbeat_file

EXIT_USAGE = 2
STOP_SIGNALS = tuple(getattr(signal, name) for name in ("SIGTERM", "SIGINT", "SIGHUP") if hasattr(signal, name))
MAX_RESTART_DELAY_S = 2.0
"""A restart must bring the attract loop back within 3 s, and the game takes about 1 s to start."""


def parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="python -m game kiosk",
        description="Run the game in kiosk mode under a supervisor that restarts it after a crash. "
        "Options not listed here are passed to the game.",
        allow_abbrev=False,
    )
    parser.add_argument("--config", type=Path, help="kiosk config file (see deploy/kiosk.yaml)")
    parser.add_argument("--check", action="store_true", help="only validate the config and its level, then exit")
    parser.add_argument(
        "--max-restarts", type=_non_negative_int, default=None, help="give up (exit 1) after N restarts"
    )
    parser.add_argument(
        "--restart-delay",
        type=_delay,
        default=RestartPolicy.restart_delay_s,
        help=f"seconds before a restart (0-{MAX_RESTART_DELAY_S:g})",
    )
    parser.add_argument(
        "--watchdog",
        type=_watchdog,
        default=DEFAULT_TIMEOUT_S,
        metavar="SECONDS",
        help=f"restart a game whose loop has not answered for SECONDS (2-600, default {DEFAULT_TIMEOUT_S:g})",
    )
    return parser


def _non_negative_int(text: str) -> int:
    value = int(text)
    if value < 0:
        raise argparse.ArgumentTypeError("must be 0 or more")
    return value


def _delay(text: str) -> float:
    value = float(text)
    if not math.isfinite(value) or not 0 <= value <= MAX_RESTART_DELAY_S:
        raise argparse.ArgumentTypeError(
            f"must be between 0 and {MAX_RESTART_DELAY_S:g} seconds: the game needs about 1 s to start, "
            "and a kiosk is back in the attract loop within 3 s of a crash"
        )
    return value


def _watchdog(text: str) -> float:
    value = float(text)
    if not math.isfinite(value) or not 2 <= value <= 600:
        raise argparse.ArgumentTypeError("must be between 2 and 600 seconds")
    return value


def run(argv: list[str]) -> int:
    """The ``kiosk`` command: start the game and, meanwhile, check what it plays; then
    supervise it until it exits cleanly. Problems stop the kiosk with exit code 2."""
    from game.kiosk.options import option_problems

    try:
        args, passthrough = parser().parse_known_args(argv)
    except SystemExit as done:  # a bad supervisor option: argparse printed it
        return done.code if isinstance(done.code, int) else EXIT_USAGE
    config_path: Path | None = args.config.resolve() if args.config else None
    if args.check or config_path is None or option_problems(passthrough):
        from game.kiosk.supervisor import check_only

        return check_only(config_path, passthrough)  # nothing is started
    beat = heartbeat_file()
    env = {LEVEL_ENV: str(config_path)} | ({HEARTBEAT_ENV: str(beat)} if beat else {})
    first = fork_game(lambda: _play(game_options(config_path, passthrough)), env)  # its first frame waits for nothing
    stopped: list[int] = []
    if first is not None:
        previous = {signum: signal.signal(signum, lambda signum, _: stopped.append(signum)) for signum in STOP_SIGNALS}
        wait_for_first_frame(first, beat, lambda: bool(stopped))
        for signum, old in previous.items():
            signal.signal(signum, old)
    from game.kiosk.supervisor import supervise

    return supervise(args, config_path, passthrough, first, beat, stop=bool(stopped))


def game_options(config_path: Path, passthrough: Sequence[str]) -> list[str]:
    """The options every game of this kiosk gets (after ``--kiosk``)."""
    return ["--config", str(config_path), *passthrough]


def _play(options: list[str]) -> int:
    """The forked game: what ``python -m game --kiosk …`` runs."""
    from game.cli.play import run as play

    return play(["--kiosk", *options])
