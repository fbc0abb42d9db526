"""The config and level the supervisor checked, handed to the game it starts: checked once per boot.

The supervisor starts the game at once, so the attract loop's first frame waits for no
check, and meanwhile reads and checks the kiosk config and its level on the other core
(a typo still stops the kiosk with every problem, never a restart loop). The game draws
its first frame from the config's display keys (:mod:`game.kiosk.early`), then reads the
supervisor's verdict from its standard input: the checked config and level, pickled, or
"refused" (the supervisor prints the problems and stops the kiosk). The pipe is private
to the two processes (the same user, no file on disk); a game started by hand, or whose
config is another file, reads and checks its files itself.
"""

from __future__ import annotations

import logging
import pickle
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, BinaryIO

if TYPE_CHECKING:
    from game.content.models import Level
    from game.kiosk.config import KioskConfig

LEVEL_ENV = "OPEN_SESAME_LEVEL_ON_STDIN"
"""Set by the supervisor to the config file it checks: the game reads the verdict from stdin."""

REFUSED = pickle.dumps("refused", protocol=pickle.HIGHEST_PROTOCOL)
"""What the supervisor writes when the config or level has problems (it prints them)."""

log = logging.getLogger("open_sesame")


@dataclass(frozen=True)
class Checked:
    """What the supervisor checked: the config file, its contents, the level file and its level."""

    config_path: str
    config: KioskConfig
    level_path: str
    level: Level


class Refused(Exception):
    """The supervisor found problems in the config or level: it prints them and stops the kiosk."""


def pack(config_path: Path, config: KioskConfig, level_path: Path, level: Level) -> bytes:
    """What the supervisor writes to each game it starts (restarts reuse the same bytes)."""
    checked = Checked(str(config_path.resolve()), config, str(level_path.resolve()), level)
    return pickle.dumps(checked, protocol=pickle.HIGHEST_PROTOCOL)


def receive(config_path: Path | None, env_value: str | None, stream: BinaryIO | None = None) -> Checked | None:
    """The supervisor's checked files for ``config_path``; None when not supervised, told
    another config, or the pipe is broken (the game then reads the files itself).

    Raises :class:`Refused` when the supervisor found problems.
    """
    if config_path is None or env_value != str(Path(config_path).resolve()):
        return None
    try:
        sent = pickle.loads((stream or sys.stdin.buffer).read())
    except Exception as err:  # anything wrong with the pipe means: read the files
        log.warning("the supervisor's checked config could not be read (%s); reading %s", err, config_path)
        return None
    if sent == "refused":
        raise Refused(f"the supervisor found problems in {config_path} or its level")
    if not isinstance(sent, Checked) or sent.config_path != env_value:
        log.warning("the supervisor's checked config is not %s; reading the files", config_path)
        return None
    return sent
