"""``python -m game``: start the game in a window (or fullscreen, or as a kiosk)."""

from __future__ import annotations

import argparse
import logging
import os
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from game.kiosk import signals
from game.kiosk.fault import maybe_inject_fault
from game.paths import DEFAULT_LEVEL
from game.settings import window_size_problem

if TYPE_CHECKING:
    from game.content.models import Level


def parse_size(text: str) -> tuple[int, int]:
    try:
        w, h = (int(v) for v in text.lower().split("x"))
    except ValueError:
        raise argparse.ArgumentTypeError(f"expected WIDTHxHEIGHT, got {text!r}") from None
    if window_size_problem(w, h):
        raise argparse.ArgumentTypeError(f"size {text!r} is out of range ({window_size_problem(w, h)})")
    return w, h


def parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(prog="python -m game", description=__doc__)
    p.add_argument("--level", type=Path, default=None, help="level file (default: levels/kiosk.yaml)")
    p.add_argument("--lang", default=None, help="language to start in (one the level offers: fr, en, de…)")
    p.add_argument("--fullscreen", action="store_true")
    p.add_argument("--window", type=parse_size, default=(1280, 720), help="window size, e.g. 1920x1080")
    p.add_argument("--kiosk", action="store_true", help="unattended mode: fullscreen, idle reset, no way out")
    p.add_argument("--config", type=Path, default=None, help="kiosk config file (YAML)")
    p.add_argument("--seed", type=int, default=None, help="fix the month's random draws")
    p.add_argument("--no-stats", action="store_true", help="do not record anonymous statistics")
    p.add_argument("--stats-db", type=Path, default=None, help="statistics database (default: the data directory)")
    p.add_argument("--ppi", type=float, default=None, help="screen pixels per inch, for 20 mm touch targets")
    p.add_argument("--larger-text", action="store_true")
    p.add_argument("--reduced-motion", action="store_true")
    p.add_argument("--sound", action="store_true")
    p.add_argument("--audio", action="store_true", help="start in audio mode: every screen spoken (eSpeak NG)")
    p.add_argument("--log-sessions", action="store_true", help="log each session's replay line even with --no-stats")
    return p


def setup_logging() -> None:
    from game.logs import setup_logging as setup

    setup()


def hold_logging() -> None:
    """Until the first frame is up: what is logged is kept, then written (:func:`game.logs.hold`)."""
    from game.logs import hold

    hold()


def run(argv: list[str]) -> int:
    """Start the game. The window and the attract screen come first, drawn from the kiosk
    config's display keys; right after the first frame the whole config and the level are
    checked (or taken from the supervisor, which checked them while the game started), so a
    kiosk shows something at once. Problems still stop the game with every problem as
    file:line and exit code 2."""
    maybe_inject_fault("startup")
    args = parser().parse_args(argv)
    signals.install()  # before SDL starts, so SIGTERM ends even a kiosk (and is not an ignored quit event)
    from game.cli.setup import adopt, build_app, first_frame_options

    options = first_frame_options(args)
    if args.config is None and not Path(options.level_path or DEFAULT_LEVEL).is_file():
        print(f"{options.level_path or DEFAULT_LEVEL}:1:1: no such level file", file=sys.stderr)
        return 2  # before any window: a config's level is checked with the config, after the first frame
    hold_logging()
    log = logging.getLogger("open_sesame")
    handed: list[Level] = []

    def check() -> None:
        """After the first frame: the checked config (the supervisor's, or read here), then the level's file."""
        nonlocal options
        setup_logging()
        from game.cli.setup import settings_from
        from game.kiosk.handover import LEVEL_ENV, receive

        was = options
        checked = receive(args.config, os.environ.get(LEVEL_ENV)) if args.kiosk else None
        options = settings_from(args, checked.config if checked else None)
        path = Path(options.level_path or DEFAULT_LEVEL)
        if checked is not None and checked.level_path == str(path.resolve()):
            log.info("config %s and level %s: the copies the supervisor checked", args.config, path)
            handed.append(checked.level)
        elif not path.is_file():
            from game.content.yamlsafe import ContentInvalid, Problem

            raise ContentInvalid([Problem(str(path), 1, 1, "", "no such level file")])
        if options.settings.kiosk and not options.admin_pin:
            log.warning("no admin_pin in a kiosk config: the admin screen cannot be opened")
        adopt(app, options, was)

    def load() -> Level:
        if handed:
            return handed[0]
        from game.content.load import load_level

        return load_level(options.level_path or DEFAULT_LEVEL)

    app = build_app(load, options)
    mode = "kiosk" if options.settings.kiosk else "window"
    log.info("started (%s)", mode)
    try:
        code = app.run(after_first_frame=check)
        why = f" by {signals.name()}" if signals.requested() else ""
        log.info("stopped%s (exit %s)", why, code or app.exit_code)
        return code or app.exit_code
    except Exception as err:
        from game.kiosk.handover import Refused

        if isinstance(err, Refused):  # the supervisor prints the problems and stops the kiosk
            log.info("%s", err)
            return 2
        return _report(err)
    finally:
        setup_logging()  # a game that ended before its first frame still writes what it logged
        app.quit()


def _report(err: Exception) -> int:
    """Print a content problem list and return 2; anything else is a real crash."""
    problems = getattr(err, "problems", None)
    if problems is None:
        raise err
    for problem in problems:
        print(problem, file=sys.stderr)
    return 2
