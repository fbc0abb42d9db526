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
    p.add_argument("--lang", default=None, help="language to start in (fr or en)")
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


def run(argv: list[str]) -> int:
    """Start the game. The window and the attract screen come first; the level is read and
    checked right after the first frame, so a kiosk shows something at once. A level with
    problems still stops the game with every problem as file:line and exit code 2."""
    maybe_inject_fault("startup")
    args = parser().parse_args(argv)
    signals.install()  # before SDL starts, so SIGTERM ends even a kiosk (and is not an ignored quit event)
    from game.cli.setup import build_app, settings_from

    try:
        options = settings_from(args)
    except Exception as err:  # the kiosk config's problems (ContentInvalid), without importing pydantic early
        return _report(err)
    path = options.level_path or DEFAULT_LEVEL
    if not Path(path).is_file():
        print(f"{path}:1:1: no such level file", file=sys.stderr)
        return 2
    setup_logging()
    if options.settings.kiosk and not options.admin_pin:
        logging.getLogger("open_sesame").warning("no admin_pin in a kiosk config: the admin screen cannot be opened")

    def load() -> Level:
        if options.settings.kiosk:  # under the supervisor: the level it already checked
            from game.kiosk.handover import LEVEL_ENV, receive

            handed = receive(Path(path), os.environ.get(LEVEL_ENV))
            if handed is not None:
                logging.getLogger("open_sesame").info("level %s: the copy the supervisor checked", path)
                return handed
        from game.content.load import load_level

        return load_level(path)

    app = build_app(load, options)
    mode = "kiosk" if options.settings.kiosk else "window"
    logging.getLogger("open_sesame").info("started (%s, level %s)", mode, path)
    try:
        code = app.run()
        why = f" by {signals.name()}" if signals.requested() else ""
        logging.getLogger("open_sesame").info("stopped%s (exit %s)", why, code or app.exit_code)
        return code or app.exit_code
    except Exception as err:
        return _report(err)
    finally:
        app.quit()


def _report(err: Exception) -> int:
    """Print a content problem list and return 2; anything else is a real crash."""
    problems = getattr(err, "problems", None)
    if problems is None:
        raise err
    for problem in problems:
        print(problem, file=sys.stderr)
    return 2
