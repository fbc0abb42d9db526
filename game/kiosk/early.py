"""What the first frame needs from a kiosk config, read before the config is checked.

A kiosk shows its attract loop before anything else: checking the whole config means
pydantic and its models, which take longer to import than a bare window takes to open.
So the game first reads only what its first frame shows — the window, the language,
larger text, reduced motion, audio mode — as plain YAML, each value used only when it has
the right kind. Right after the first frame the whole config is checked (by the
supervisor, beside the starting game, or by the game itself), and a config with
problems still stops the kiosk with every problem as ``file:line``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from game.content.yamlsafe import YamlRejected, read_yaml
from game.i18n import ui_languages
from game.paths import DEFAULT_LEVEL
from game.settings import window_size_problem

_WINDOW = re.compile(r"([1-9][0-9]{0,5})x([1-9][0-9]{0,5})")
_LANG = re.compile(r"[a-z]{2}")


@dataclass(frozen=True)
class FirstFrameConfig:
    """The keys of a kiosk config the first frame uses; the others at their defaults.

    It answers the same questions as :class:`game.kiosk.config.KioskConfig` (the command
    line's merge reads either), but nothing in it has been checked yet.
    """

    languages: list[str] = field(default_factory=lambda: list(ui_languages()))
    default_language: str = ""
    larger_text: bool = False
    reduced_motion: bool = False
    sound: bool = False
    audio: bool = False
    screen_ppi: float = 92.0
    window_size: tuple[int, int] | None = None
    level: Path = DEFAULT_LEVEL
    stats: bool = False  # opened only once the whole config is checked
    log_sessions: bool = False
    admin_pin: str | None = None  # the admin screen waits for the checked config too

    def __post_init__(self) -> None:
        if self.default_language not in self.languages:
            object.__setattr__(self, "default_language", self.languages[0])


def first_frame_config(path: Path | str) -> FirstFrameConfig:
    """The first frame's keys of the config at ``path``; the defaults for anything unreadable."""
    try:
        data = read_yaml(path).data
    except (YamlRejected, OSError):
        return FirstFrameConfig()
    if not isinstance(data, dict):
        return FirstFrameConfig()
    shipped = ui_languages()
    languages = data.get("languages")
    if not (isinstance(languages, list) and languages and all(_is_lang(v, shipped) for v in languages)):
        languages = list(shipped)
    default = data.get("default_language")
    return FirstFrameConfig(
        languages=[str(v) for v in languages],
        default_language=default if isinstance(default, str) else "",
        larger_text=_flag(data, "larger_text"),
        reduced_motion=_flag(data, "reduced_motion"),
        sound=_flag(data, "sound", default=True),
        audio=_flag(data, "audio"),
        screen_ppi=_ppi(data.get("screen_ppi")),
        window_size=_window(data.get("window")),
    )


def _is_lang(value: Any, shipped: list[str]) -> bool:
    return isinstance(value, str) and bool(_LANG.fullmatch(value)) and value in shipped


def _flag(data: dict[str, Any], key: str, default: bool = False) -> bool:
    value = data.get(key, default)
    return value if isinstance(value, bool) else default


def _ppi(value: Any) -> float:
    if isinstance(value, int | float) and not isinstance(value, bool) and 50 <= value <= 600:
        return float(value)
    return 92.0


def _window(value: Any) -> tuple[int, int] | None:
    match = _WINDOW.fullmatch(value) if isinstance(value, str) else None
    if match is None:
        return None
    size = int(match.group(1)), int(match.group(2))
    return None if window_size_problem(*size) else size
