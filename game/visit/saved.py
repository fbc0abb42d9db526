"""A visit saved for a bug report: one JSON file the replay command reads back whole.

Only on the technician's request (the admin screen), into ``<data dir>/visits``, named by
the hour like the statistics: the choices, the guess and the answers, nothing about the
person. ``python -m game replay --visit FILE`` shows the same month again.
"""

from __future__ import annotations

import json
import logging
import os
import tempfile
from datetime import datetime
from pathlib import Path

from game.datadir import data_dir
from game.visit.visit import Visit

log = logging.getLogger("open_sesame")


def save_visit(visit: Visit, folder: Path | None = None) -> Path | None:
    """Write the visit; its path, or None (and one log line) if it could not be written."""
    folder = folder or data_dir() / "visits"
    stamp = datetime.now().strftime("%Y%m%d-%H")
    try:
        folder.mkdir(parents=True, exist_ok=True)
        path = folder / f"visit-{stamp}-{visit.level.id}-{visit.persona}.json"
        handle, temp = tempfile.mkstemp(dir=folder, prefix=".visit-", suffix=".json")
        with os.fdopen(handle, "w", encoding="utf-8") as out:
            json.dump(visit.to_dict(), out, ensure_ascii=False, indent=1)
        os.replace(temp, path)
    except OSError as err:
        log.warning("the visit could not be saved in %s: %s", folder, err)
        return None
    log.info("visit saved for a bug report: %s", path)
    return path
