"""Which debrief a level opens with: the guided reveal, or the full explorer.

A kiosk level opens the reveal (two minutes, then "See everything"); a workshop level
opens the explorer, which a class goes through with its teacher. A level file may say
otherwise (``debrief: reveal | explorer``), and the facilitator may choose per level on
the facilitator view: that choice is kept in a small JSON file of the data directory
(level id -> opening). A file that cannot be read is set aside and the defaults apply.
"""

from __future__ import annotations

import contextlib
import json
import logging
import os
from pathlib import Path
from typing import Literal, cast

from game.content.models import Level
from game.safefile import FileRefused, read_regular

Opening = Literal["reveal", "explorer"]
OPENINGS: tuple[Opening, ...] = ("reveal", "explorer")
FILE_NAME = "debrief-openings.json"
MAX_BYTES = 64 * 1024

log = logging.getLogger(__name__)


def level_default(level: Level) -> Opening:
    """What the level asks for, else by its mode."""
    if level.debrief is not None:
        return level.debrief
    return "explorer" if level.mode == "workshop" else "reveal"


def read_choices(path: Path) -> dict[str, Opening]:
    """The facilitator's choices; nothing when the file is missing, set aside when damaged."""
    if not path.exists():
        return {}
    try:
        data = json.loads(read_regular(path, MAX_BYTES).decode("utf-8"))
        if not isinstance(data, dict) or any(v not in OPENINGS for v in data.values()):
            raise ValueError("not a map of level ids to reveal or explorer")
    except (FileRefused, ValueError, UnicodeDecodeError) as err:
        aside = path.with_name(path.name + ".damaged")
        log.warning("debrief openings %s ignored (%s); moved to %s", path, err, aside.name)
        with contextlib.suppress(OSError):  # unreadable and immovable: the defaults apply anyway
            os.replace(path, aside)
        return {}
    return {str(k): cast(Opening, v) for k, v in data.items()}


def opening(level: Level, path: Path | None) -> Opening:
    """The debrief this level opens with now."""
    chosen = read_choices(path) if path is not None else {}
    return chosen.get(level.id, level_default(level))


def choose(level: Level, value: Opening, path: Path) -> None:
    """Keep the facilitator's choice for this level (written whole, then renamed)."""
    choices = read_choices(path)
    choices[level.id] = value
    path.parent.mkdir(parents=True, exist_ok=True)
    part = path.with_name(path.name + ".part")
    part.write_text(json.dumps(choices, indent=1, sort_keys=True), encoding="utf-8")
    os.replace(part, path)
