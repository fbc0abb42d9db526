"""The kiosk config file (``kiosk.yaml``): what a museum technician may set, and nothing more.

It is read with the same hostile-input-proof YAML reader as the levels and reports problems
the same way (``file:line:col: field: message``), so a typo on an unattended machine gives
one clear line in the journal instead of a crash loop. See ``docs/kiosk.md`` and the
commented sample ``deploy/kiosk.yaml``.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from pathlib import Path
from typing import Annotated, Any

from pydantic import BaseModel, ConfigDict, Field, StringConstraints, ValidationInfo, field_validator, model_validator

from game.content.load import ContentInvalid, validate_document
from game.content.yamlsafe import Document, Problem, YamlRejected, read_yaml
from game.paths import DEFAULT_LEVEL, ROOT

LangCode = Annotated[str, StringConstraints(pattern=r"^[a-z]{2}$")]
"""A two-letter language code, as in the level files (``fr``, ``en``)."""

DEFAULT_LANGUAGES = ("fr", "en")
DEFAULT_PIN = "2468"
WCAG_MIN_COUNTDOWN_S = 20
TOUCH_TARGET_MM = 20.0
TOUCH_GAP_MM = 3.0
MM_PER_INCH = 25.4

_PIN = re.compile(r"^[0-9]{4,8}$")
_WINDOW = re.compile(r"^([1-9][0-9]{2,4})x([1-9][0-9]{2,4})$")


class _Frozen(BaseModel):
    """Unknown keys are errors (a misspelt key must not be silently ignored); values are frozen."""

    model_config = ConfigDict(extra="forbid", frozen=True)


class IdleTimes(_Frozen):
    """Seconds without input before the warning, and the length of the visible countdown."""

    play_s: float = Field(60.0, ge=10, le=3600)
    reading_s: float = Field(120.0, ge=10, le=3600)
    countdown_s: float = Field(20.0, le=600)

    @field_validator("countdown_s")
    @classmethod
    def _wcag_countdown(cls, value: float) -> float:
        if value < WCAG_MIN_COUNTDOWN_S:
            raise ValueError(
                f"must be at least {WCAG_MIN_COUNTDOWN_S} s: WCAG 2.2.1 gives people at least 20 s to ask for more time"
            )
        return value


class KioskConfig(_Frozen):
    """Everything a kiosk install may configure; every field has a sensible default."""

    level: Path = DEFAULT_LEVEL
    languages: list[LangCode] = Field(default_factory=lambda: list(DEFAULT_LANGUAGES), min_length=1)
    default_language: LangCode = DEFAULT_LANGUAGES[0]
    idle: IdleTimes = IdleTimes()
    screen_ppi: float = Field(92.0, ge=50, le=600)
    stats: bool = True
    admin_pin: str = DEFAULT_PIN
    sound: bool = True
    reduced_motion: bool = False
    larger_text: bool = False
    window: str | None = None

    @model_validator(mode="before")
    @classmethod
    def _default_language_is_first(cls, data: Any) -> Any:
        """Without ``default_language``, the first listed language is the default."""
        if isinstance(data, dict) and "default_language" not in data:
            languages = data.get("languages", DEFAULT_LANGUAGES)
            if isinstance(languages, list | tuple) and languages and isinstance(languages[0], str):
                data = {**data, "default_language": languages[0]}
        return data

    @field_validator("languages")
    @classmethod
    def _each_language_once(cls, value: list[str]) -> list[str]:
        if len(set(value)) != len(value):
            raise ValueError("list each language only once")
        return value

    @field_validator("default_language")
    @classmethod
    def _default_is_listed(cls, value: str, info: ValidationInfo) -> str:
        languages = info.data.get("languages")
        if languages is not None and value not in languages:
            raise ValueError(f"{value!r} is not one of the kiosk's languages ({', '.join(languages)})")
        return value

    @field_validator("admin_pin", mode="before")
    @classmethod
    def _pin_is_quoted(cls, value: Any) -> Any:
        if isinstance(value, int) and not isinstance(value, bool):
            raise ValueError('write the PIN in quotes (admin_pin: "2468"): unquoted, a leading 0 would be lost')
        return value

    @field_validator("admin_pin")
    @classmethod
    def _pin_digits(cls, value: str) -> str:
        if not _PIN.match(value):
            raise ValueError("the PIN must be 4 to 8 digits")
        return value

    @field_validator("window")
    @classmethod
    def _window_format(cls, value: str | None) -> str | None:
        if value is not None and not _WINDOW.match(value):
            raise ValueError("write the window size as WIDTHxHEIGHT, e.g. 1920x1080")
        return value

    @property
    def window_size(self) -> tuple[int, int] | None:
        """``window`` as ``(width, height)``; ``None`` means fullscreen at the screen's size."""
        if self.window is None:
            return None
        match = _WINDOW.match(self.window)
        assert match is not None  # guaranteed by the validator
        return int(match.group(1)), int(match.group(2))

    def mm_to_px(self, mm: float) -> int:
        """Physical millimetres on this screen in pixels (px = mm × PPI / 25.4)."""
        return round(mm * self.screen_ppi / MM_PER_INCH)

    @property
    def touch_target_px(self) -> int:
        """The smallest touch target: 20 mm (Colle & Hiszem 2004); 72 px at 92 PPI."""
        return self.mm_to_px(TOUCH_TARGET_MM)

    @property
    def touch_gap_px(self) -> int:
        """The smallest gap between touch targets: 3 mm."""
        return self.mm_to_px(TOUCH_GAP_MM)


def read_kiosk_config(path: Path | str) -> tuple[KioskConfig, Document]:
    """Read and check a kiosk config; also return the document so later checks can cite lines.

    Raises :class:`ContentInvalid` listing every problem (YAML errors included).
    """
    try:
        doc = read_yaml(path)
    except YamlRejected as err:
        raise ContentInvalid(err.problems) from None
    config = validate_document(doc, KioskConfig)
    level, problems = _resolve_level(config, doc, Path(path).resolve().parent)
    if problems:
        raise ContentInvalid(problems)
    return config.model_copy(update={"level": level}), doc


def load_kiosk_config(path: Path | str) -> KioskConfig:
    """Read, validate and cross-check a kiosk config; raise :class:`ContentInvalid` on any problem."""
    return read_kiosk_config(path)[0]


def _resolve_level(config: KioskConfig, doc: Document, config_dir: Path) -> tuple[Path, list[Problem]]:
    """A relative level path is looked up next to the config file, then in the game's folder."""
    level = config.level
    candidates = [level] if level.is_absolute() else [config_dir / level, ROOT / level]
    for candidate in candidates:
        if candidate.is_file():
            return candidate, []
    looked = " or ".join(str(c) for c in candidates)
    return candidates[0], [doc.problem(("level",), f"no such level file (looked for {looked})")]


def language_problems(config: KioskConfig, available: Sequence[str], doc: Document | None = None) -> list[Problem]:
    """The config's languages that the level does not provide, each as a file:line problem."""
    missing = [lang for lang in config.languages if lang not in available]
    if not missing:
        return []
    message = f"the level has no text in {', '.join(missing)} (it offers {', '.join(available)})"
    if doc is None:
        return [Problem(str(config.level), 1, 1, "languages", message)]
    return [doc.problem(("languages",), message)]
