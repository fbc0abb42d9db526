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
    from game.kiosk.early import FirstFrameConfig
    from game.kiosk.idle import IdleTimer


@dataclass
class Options:
    settings: Settings
    level_path: Path | None
    window: tuple[int, int]
    fullscreen: bool
    config: KioskConfig | FirstFrameConfig | None
    admin_pin: str
    stats_path: Path | None = None


def settings_from(args: argparse.Namespace, config: KioskConfig | FirstFrameConfig | None = None) -> Options:
    """Merge the kiosk config (if any) and the command line; the command line wins.

    Without ``config``, the file named by ``--config`` is read and checked here; the game
    passes the first frame's unchecked keys (:mod:`game.kiosk.early`) first, then the
    checked config (from the supervisor, or read here) once its first frame is up.
    """
    if config is None and args.config is not None:
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


def first_frame_options(args: argparse.Namespace) -> Options:
    """The options the first frame is drawn with: the config's display keys, unchecked."""
    if args.config is None:
        return settings_from(args)
    from game.kiosk.early import first_frame_config

    return settings_from(args, first_frame_config(args.config))


def adopt(app: App, options: Options, was: Options) -> None:
    """The checked options in a running app, whose first frame was drawn with ``was`` (the
    unchecked ones: the same values, unless a value the check refuses stopped the game)."""
    import dataclasses
    import logging

    ctx = app.ctx
    settings = options.settings
    for item in dataclasses.fields(settings):
        setattr(ctx.settings, item.name, getattr(settings, item.name))
    if ctx.loaded_level is not None:  # only those of its languages the level offers
        ctx.adopt_level(ctx.loaded_level)
    ctx.defaults = (settings.larger_text, settings.reduced_motion, settings.sound, settings.audio)
    ctx.kiosk.admin_pin = options.admin_pin
    ctx.level_path = options.level_path
    ctx.stats_path = options.stats_path
    app.idle = idle_timer(options, app.clock)
    if not options.fullscreen and (options.window, options.fullscreen) != (was.window, was.fullscreen):
        logging.getLogger("open_sesame").info("window %sx%s, as the checked config says", *options.window)
        app.resize(options.window)
    app.dirty = True


def idle_timer(options: Options, clock: object) -> IdleTimer | None:
    """The kiosk's idle timer from its config's times; None outside a kiosk."""
    if not options.settings.kiosk:
        return None
    from game.kiosk.config import IdleTimes
    from game.kiosk.idle import IdleTimer

    times = getattr(options.config, "idle", None) or IdleTimes()
    return IdleTimer.from_config(times, clock=clock)  # type: ignore[arg-type]


def build_app(level: Level | Callable[[], Level], options: Options, clock: object = time.monotonic) -> App:
    from game.app import App
    from game.kiosk.early import FirstFrameConfig

    # unchecked keys: the idle timer waits for the checked config (adopt), pydantic too
    idle = None if isinstance(options.config, FirstFrameConfig) else idle_timer(options, clock)
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
