"""The kiosk config file (``kiosk.yaml``): what a museum technician may set, and nothing more.

It is read with the same hostile-input-proof YAML reader as the levels and reports problems
the same way (``file:line:col: field: message``), so a typo on an unattended machine gives
one clear line in the journal instead of a crash loop. See ``docs/kiosk.md`` and the
commented sample ``deploy/kiosk.yaml``.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Sequence
from pathlib import Path
from typing import Annotated, Any

from pydantic import (
    BaseModel,
    ConfigDict,
    Field,
    StrictBool,
    StringConstraints,
    ValidationInfo,
    field_validator,
    model_validator,
)

from game.content.load import ContentInvalid, validate_document
from game.content.yamlsafe import Document, Problem, YamlRejected, read_yaml
from game.i18n import ui_languages
from game.paths import DEFAULT_LEVEL, ROOT
from game.settings import window_size_problem

LangCode = Annotated[str, StringConstraints(pattern=r"^[a-z]{2}$")]
"""A two-letter language code, as in the level files (``fr``, ``en``)."""

DEFAULT_LANGUAGES = tuple(ui_languages())  # every language the interface speaks, in its order
PIN_MIN_DIGITS, PIN_MAX_DIGITS = 6, 12
WCAG_MIN_COUNTDOWN_S = 20
TOUCH_TARGET_MM = 20.0
TOUCH_GAP_MM = 3.0
MM_PER_INCH = 25.4

_PIN = re.compile(rf"[0-9]{{{PIN_MIN_DIGITS},{PIN_MAX_DIGITS}}}")  # ASCII digits only: what the pad can type
_WINDOW = re.compile(r"([1-9][0-9]{0,5})x([1-9][0-9]{0,5})")
_CONTROL = re.compile(r"[\x00-\x1f\x7f-\x9f]")


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
    # switches are true or false only (not "yes", 1, "on"): what a technician means is never guessed
    stats: StrictBool = True
    log_sessions: StrictBool = False
    admin_pin: str | None = None
    sound: StrictBool = True
    reduced_motion: StrictBool = False
    larger_text: StrictBool = False
    audio: StrictBool = False  # every visit starts in audio mode
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

    @field_validator("level", mode="before")
    @classmethod
    def _level_path_is_plain(cls, value: Any) -> Any:
        if isinstance(value, str) and _CONTROL.search(value):
            raise ValueError("the path contains a control character")
        return value

    @field_validator("admin_pin", mode="before")
    @classmethod
    def _pin_is_quoted(cls, value: Any) -> Any:
        if isinstance(value, int) and not isinstance(value, bool):
            raise ValueError('write the PIN in quotes (admin_pin: "604917"): unquoted, a leading 0 would be lost')
        return value

    @field_validator("admin_pin")
    @classmethod
    def _pin_digits(cls, value: str | None) -> str | None:
        if value is not None:
            problem = pin_problem(value)
            if problem:
                raise ValueError(problem)
        return value

    @field_validator("window")
    @classmethod
    def _window_format(cls, value: str | None) -> str | None:
        if value is None:
            return value
        match = _WINDOW.fullmatch(value)
        if not match:
            raise ValueError("write the window size as WIDTHxHEIGHT, e.g. 1920x1080")
        problem = window_size_problem(int(match.group(1)), int(match.group(2)))
        if problem:
            raise ValueError(problem)
        return value

    @property
    def window_size(self) -> tuple[int, int] | None:
        """``window`` as ``(width, height)``; ``None`` means fullscreen at the screen's size."""
        if self.window is None:
            return None
        match = _WINDOW.fullmatch(self.window)
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


def pin_problem(pin: str) -> str | None:
    """Why ``pin`` is not an acceptable admin PIN, or None.

    The pad types the ASCII digits 0-9 only, so anything else could never be typed (a
    trailing newline from a YAML block scalar would lock the technician out). Six digits
    at least, and not a run anyone would try first (``000000``, ``123456``, ``987654``).
    """
    if "\n" in pin or "\r" in pin:
        return (
            "the PIN contains a line break (a block scalar | or > adds one at the end), so it could "
            'never be typed: write it on one line, in quotes (admin_pin: "604917")'
        )
    if not all("0" <= c <= "9" for c in pin):
        return "the PIN must be made of the digits 0-9 only, as on the PIN pad"
    if not _PIN.fullmatch(pin):
        return f"the PIN must be {PIN_MIN_DIGITS} to {PIN_MAX_DIGITS} digits (it has {len(pin)})"
    steps = {(int(b) - int(a)) % 10 for a, b in itertools.pairwise(pin)}
    if steps in ({0}, {1}, {9}):
        return "the PIN is too easy to guess (one digit repeated, or a run like 123456): choose another"
    return None


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
    if config.admin_pin is None:
        problems.append(
            Problem(
                doc.file,
                1,
                1,
                "admin_pin",
                f"a kiosk needs its own PIN, there is no default: add admin_pin with {PIN_MIN_DIGITS} to "
                f'{PIN_MAX_DIGITS} digits, in quotes (admin_pin: "604917")',
            )
        )
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
