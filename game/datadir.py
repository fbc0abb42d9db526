"""The per-user data directory (statistics, logs), overridable for kiosks and tests.

``OPEN_SESAME_DATA`` wins; otherwise the platform's user data directory from
``platformdirs`` (e.g. ``~/.local/share/open-sesame`` on Linux).
"""

from __future__ import annotations

import os
from pathlib import Path

from platformdirs import user_data_dir

APP_NAME = "open-sesame"


def data_dir() -> Path:
    """The data directory, created if missing."""
    override = os.environ.get("OPEN_SESAME_DATA")
    path = Path(override) if override else Path(user_data_dir(APP_NAME, appauthor=False))
    path.mkdir(parents=True, exist_ok=True)
    return path


def log_dir() -> Path:
    path = data_dir() / "logs"
    path.mkdir(parents=True, exist_ok=True)
    return path
