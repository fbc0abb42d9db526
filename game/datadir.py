"""The per-user data directory (statistics, logs), overridable for kiosks and tests.

``OPEN_SESAME_DATA`` wins; otherwise the platform's user data directory from
``platformdirs`` (e.g. ``~/.local/share/open-sesame`` on Linux).

A statistics or log problem must never stop the game, so these functions do not raise:
when the configured directory cannot be used (missing and not creatable, a file where a
directory should be, read-only, no permission), they return a private side directory
under the system's temporary folder instead, and :func:`problem` says why in one line for
the log. Only if that fails too is the configured path returned as it is; whoever writes
there then gets an ``OSError`` and falls back on its own (the statistics to memory, the
log to stderr).
"""

from __future__ import annotations

import os
import stat
import tempfile
from pathlib import Path

from platformdirs import user_data_dir

APP_NAME = "open-sesame"
_resolved: dict[Path, tuple[Path, str | None]] = {}


def configured_dir() -> Path:
    """The data directory as configured, whether or not it exists or can be written."""
    override = os.environ.get("OPEN_SESAME_DATA")
    return Path(override) if override else Path(user_data_dir(APP_NAME, appauthor=False))


def data_dir() -> Path:
    """A usable data directory: the configured one, created if missing, else a side one."""
    return _resolve(configured_dir())[0]


def log_dir() -> Path:
    """``logs`` inside :func:`data_dir`, or a side ``logs`` folder if that cannot be used."""
    base = data_dir()
    logs, _ = _resolve(base / "logs")
    return logs


def problem() -> str | None:
    """Why the configured data directory is not the one in use (one line), or None."""
    configured = configured_dir()
    found = _resolve(configured)[1]
    return found or _resolve(data_dir() / "logs")[1]


def _resolve(wanted: Path) -> tuple[Path, str | None]:
    cached = _resolved.get(wanted)
    if cached is not None and cached[0].is_dir():
        return cached
    why = _usable(wanted, create=True)
    if why is None:
        found: tuple[Path, str | None] = (wanted, None)
    else:
        side = _side_dir(wanted.name if wanted.name == "logs" else "")
        if side is None:
            found = (wanted, f"the data directory {wanted} cannot be used ({why}) and no side directory either")
        else:
            found = (side, f"the data directory {wanted} cannot be used ({why}); using {side} instead")
    _resolved[wanted] = found
    return found


def _usable(path: Path, create: bool = False) -> str | None:
    """None if ``path`` is a directory we can write to (made if ``create``); else the reason."""
    try:
        if create:
            path.mkdir(parents=True, exist_ok=True)
        if not path.is_dir():
            return "not a directory"
        with tempfile.NamedTemporaryFile(dir=path, prefix=".probe-"):
            pass
    except FileExistsError:
        return "a file is in the way"
    except (OSError, ValueError) as err:
        return getattr(err, "strerror", None) or str(err)
    return None


def _side_dir(sub: str) -> Path | None:
    """``<tmp>/open-sesame-<uid>[/sub]``: private to this user, refused if anyone else owns it."""
    uid = os.getuid() if hasattr(os, "getuid") else 0
    base = Path(tempfile.gettempdir()) / f"{APP_NAME}-{uid}"
    try:
        base.mkdir(mode=0o700, exist_ok=True)
        info = os.lstat(base)
        mine = not hasattr(os, "getuid") or info.st_uid == uid
        if not stat.S_ISDIR(info.st_mode) or not mine:
            base = Path(tempfile.mkdtemp(prefix=f"{APP_NAME}-"))
    except OSError:
        try:
            base = Path(tempfile.mkdtemp(prefix=f"{APP_NAME}-"))
        except OSError:
            return None
    side = base / sub if sub else base
    return side if _usable(side, create=True) is None else None
