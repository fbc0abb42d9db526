"""What the kiosk checks: the options, the config, the level, the assets.

All found at once, so nothing restarts forever over a typo. The options are checked
before any game starts; the rest while the first game draws its first frame
(:mod:`game.kiosk.handover`), or alone with ``python -m game kiosk --check``.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from game.content.load import ContentInvalid, load_level
from game.content.models import Level
from game.content.yamlsafe import Document, Problem
from game.kiosk.assets import asset_problems
from game.kiosk.config import KioskConfig, language_problems, read_kiosk_config
from game.kiosk.options import OptionProblem, OptionRefused, game_options, option_problems

Checked = tuple[list[Problem | OptionProblem], KioskConfig | None, Level | None, Path | None]


def preflight(config_path: Path | None, passthrough: Sequence[str] = ()) -> list[Problem | OptionProblem]:
    """Every problem with what the game would start with: its options, the kiosk config, the
    level it would play (the config's, or ``--level`` among the options), fonts, theme and
    catalogs. All found at once, so nothing restarts forever over a typo."""
    return checked(config_path, passthrough)[0]


def checked(config_path: Path | None, passthrough: Sequence[str] = ()) -> Checked:
    """:func:`preflight`'s problems, and the config and level it checked, with the level's
    path (handed to the game)."""
    try:
        args = game_options(passthrough)
    except OptionRefused as err:
        return [OptionProblem(str(err))], None, None, None
    if config_path is None:
        needed = "a kiosk needs a config file with its own admin_pin: pass --config (see deploy/kiosk.yaml)"
        return [OptionProblem(needed)], None, None, None
    doc: Document | None = None
    try:
        config, doc = read_kiosk_config(config_path)
        level_path = args.level if args.level is not None else config.level
        if args.level is not None and not args.level.is_file():
            return [OptionProblem(f"--level {args.level}: no such level file")], None, None, None
        level = load_level(level_path)
    except ContentInvalid as err:
        return list(err.problems), None, None, None
    problems: list[Problem | OptionProblem] = []
    problems += language_problems(config, level.languages, doc if args.level is None else None)
    problems += asset_problems(config.languages)
    return problems, config, level, Path(level_path)


__all__ = ["OptionProblem", "checked", "game_options", "option_problems", "preflight"]
