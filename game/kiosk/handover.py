"""The level the supervisor checked, handed to the game it starts: validated once per boot.

The supervisor reads, validates and lints the level before it starts a game (so a typo
never turns into a restart loop). The game then needs the same level: rather than read
and validate the file a second time, it receives the supervisor's :class:`Level` through
its standard input, pickled, and checks that it is the file it was told to play. The
pipe is private to the two processes (the same user, no file on disk); a game started by
hand, or whose level is another file, reads its level from disk as before.
"""

from __future__ import annotations

import logging
import pickle
import sys
from pathlib import Path
from typing import BinaryIO

from game.content.models import Level

LEVEL_ENV = "OPEN_SESAME_LEVEL_ON_STDIN"
"""Set by the supervisor to the checked level's path: the game reads that level from stdin."""

log = logging.getLogger("open_sesame")


def pack(level: Level, path: Path) -> bytes:
    """What the supervisor writes to each game it starts (restarts reuse the same bytes)."""
    return pickle.dumps((str(path.resolve()), level), protocol=pickle.HIGHEST_PROTOCOL)


def receive(path: Path, env_value: str | None, stream: BinaryIO | None = None) -> Level | None:
    """The supervisor's level for ``path``, or None (not supervised, another file, a broken pipe)."""
    wanted = str(Path(path).resolve())
    if env_value != wanted:
        return None
    try:
        sent_path, level = pickle.loads((stream or sys.stdin.buffer).read())
    except Exception as err:  # anything wrong with the pipe means: read the file
        log.warning("the supervisor's checked level could not be read (%s); reading %s", err, path)
        return None
    if sent_path != wanted or not isinstance(level, Level):
        log.warning("the supervisor's checked level is not %s; reading the file", path)
        return None
    return level
