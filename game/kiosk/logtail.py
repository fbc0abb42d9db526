"""The last lines of the game's and the supervisor's logs, for the admin screen."""

from __future__ import annotations

import re

from game.datadir import log_dir

STAMP = re.compile(r"^\d{4}-\d{2}-\d{2} ")


def log_tail(lines: int, names: tuple[str, ...] = ("game.log", "kiosk.log")) -> list[str]:
    """Entries in time order; an entry is a timestamped line and what follows it (a
    traceback stays in one piece)."""
    entries: list[list[str]] = []
    for name in names:
        try:
            text = (log_dir() / name).read_text(encoding="utf-8", errors="replace")
        except OSError:
            continue
        for line in text.splitlines()[-400:]:
            if STAMP.match(line) or not entries:
                entries.append([line])
            else:
                entries[-1].append(line)
    entries.sort(key=lambda entry: entry[0][:23] if STAMP.match(entry[0]) else "")
    flat = [line for entry in entries for line in entry]
    return flat[-lines:]  # nothing yet: the screen says so in the visitor's language
