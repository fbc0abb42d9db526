"""Turn command-line options and a kiosk config into the game's settings, and build the app."""

from __future__ import annotations

import argparse
import time
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from game.i18n import ui_languages
from game.settings import Settings

if TYPE_CHECKING:
    from collections.abc import Callable

    from game.app import App
    from game.content.models import Level
    from game.kiosk.config import KioskConfig


@dataclass
class Options:
    settings: Settings
    level_path: Path | None
    window: tuple[int, int]
    fullscreen: bool
    config: KioskConfig | None
    admin_pin: str
    stats_path: Path | None = None


def settings_from(args: argparse.Namespace) -> Options:
    """Merge the kiosk config (if any) and the command line; the command line wins."""
    config = None
    if args.config is not None:
        from game.kiosk.config import load_kiosk_config

        config = load_kiosk_config(args.config)
    languages = list(config.languages) if config else ui_languages()
    default = config.default_language if config else languages[0]
    lang = args.lang if args.lang in languages else default
    settings = Settings(
        lang=lang,
        default_lang=lang if args.lang in languages else default,
        languages=languages,
        larger_text=args.larger_text or bool(config and config.larger_text),
        reduced_motion=args.reduced_motion or bool(config and config.reduced_motion),
        sound=args.sound or bool(config and config.sound and args.kiosk),
        kiosk=args.kiosk,
        ppi=args.ppi or (config.screen_ppi if config else 92.0),
        stats=not args.no_stats and (config.stats if config else True),
        seed=args.seed,
        log_sessions=bool(getattr(args, "log_sessions", False) or (config and config.log_sessions)),
        audio=bool(getattr(args, "audio", False) or (config and config.audio)),
    )
    level_path = args.level or (Path(config.level) if config else None)
    window = (config.window_size if config and config.window_size else None) or args.window
    fullscreen = args.fullscreen or (args.kiosk and not (config and config.window_size))
    pin = (config.admin_pin or "") if config else ""
    return Options(settings, level_path, window, fullscreen, config, pin, args.stats_db)


def build_app(level: Level | Callable[[], Level], options: Options, clock: object = time.monotonic) -> App:
    from game.app import App

    idle = None
    if options.settings.kiosk:
        from game.kiosk.config import IdleTimes
        from game.kiosk.idle import IdleTimer

        times = options.config.idle if options.config else IdleTimes()
        idle = IdleTimer.from_config(times, clock=clock)  # type: ignore[arg-type]
    pin = options.admin_pin  # no default PIN: a kiosk without one has no admin screen
    return App(
        level,
        options.settings,
        size=options.window,
        fullscreen=options.fullscreen,
        clock=clock,  # type: ignore[arg-type]
        idle=idle,
        admin_pin=pin,
        level_path=options.level_path,
        stats_path=options.stats_path,
    )
