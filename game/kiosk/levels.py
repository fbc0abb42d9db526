"""The admin's level switch: the next valid level file of levels/, in name order."""

from __future__ import annotations

import logging
from pathlib import Path

from game.content.load import ContentInvalid, load_level
from game.content.models import Level
from game.paths import LEVELS_DIR

log = logging.getLogger("open_sesame")


def next_level(current: Path | None, folder: Path = LEVELS_DIR) -> tuple[Level, Path] | None:
    """The level after ``current`` that loads without a problem (None when there is none)."""
    files = sorted(folder.glob("*.yaml"))
    if not files:
        return None
    here = current.resolve() if current else None
    start = next((i for i, f in enumerate(files) if f.resolve() == here), -1)
    for step in range(1, len(files) + 1):
        candidate = files[(start + step) % len(files)]
        try:
            return load_level(candidate), candidate
        except ContentInvalid as err:
            log.warning("level %s skipped: %s", candidate, err.problems[0])
    return None
