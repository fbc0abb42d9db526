"""``assets/speech.yaml``: voices by language, engine limits and the text rules, as data.

Which voice speaks French, how fast, and which symbols are said as which words are
decisions a museum may want to change without touching code, so they live in one YAML
file read with the project's hostile-input-proof reader and checked by a schema (errors
as ``file:line:col``, like the levels and the kiosk config).
"""

from __future__ import annotations

from collections.abc import Collection
from functools import lru_cache
from pathlib import Path
from typing import Annotated

from pydantic import BaseModel, ConfigDict, Field, StringConstraints

from game.content.load import ContentInvalid, validate_document
from game.content.yamlsafe import YamlRejected, read_yaml
from game.paths import ASSETS_DIR

SPEECH_FILE = ASSETS_DIR / "speech.yaml"

LangCode = Annotated[str, StringConstraints(pattern=r"^[a-z]{2}$")]
"""A two-letter language code, as in the level files and UI catalogs."""

VoiceName = Annotated[str, StringConstraints(pattern=r"^[A-Za-z0-9][A-Za-z0-9_+.\-]{0,63}$")]
"""An eSpeak voice or language name; it never starts with ``-`` so it cannot pass for an option."""

CatalogKey = Annotated[str, StringConstraints(pattern=r"^[a-z_]+\.[a-z_.]+$")]
"""A key of the UI catalog (``assets/i18n/ui.yaml``)."""

Symbol = Annotated[str, StringConstraints(min_length=1, max_length=1)]


class _Frozen(BaseModel):
    """Unknown keys are errors (a misspelt key must not be silently ignored); values are frozen."""

    model_config = ConfigDict(extra="forbid", frozen=True)


class Voice(_Frozen):
    """One language's voice: eSpeak's name for it, words per minute and pitch."""

    voice: VoiceName
    rate: int = Field(165, ge=80, le=450)
    pitch: int = Field(50, ge=0, le=99)


class Engine(_Frozen):
    """Limits for the engine: how long a check or an utterance may take, loudness, queue length."""

    probe_timeout_s: float = Field(3.0, gt=0, le=30)
    timeout_base_s: float = Field(5.0, gt=0, le=120)
    timeout_per_char_s: float = Field(0.2, gt=0, le=5)
    amplitude: int = Field(100, ge=0, le=200)
    max_queue: int = Field(16, ge=1, le=1000)

    def timeout_for(self, text: str) -> float:
        """The longest an utterance of ``text`` may take before it counts as hung."""
        return self.timeout_base_s + self.timeout_per_char_s * len(text)


class TextRules(_Frozen):
    """How drawn text becomes spoken text; words are catalog keys, said in the visitor's language."""

    ranges: dict[Symbol, CatalogKey] = Field(default_factory=dict)
    joins: dict[Symbol, CatalogKey] = Field(default_factory=dict)
    signs: dict[Symbol, CatalogKey] = Field(default_factory=dict)
    percent: CatalogKey | None = None
    pauses: list[Symbol] = Field(default_factory=list)
    drop: list[Symbol] = Field(default_factory=list)
    abbreviations: dict[LangCode, dict[str, str]] = Field(default_factory=dict)

    def catalog_keys(self) -> set[str]:
        """Every UI string these rules say, so a test can check they all exist."""
        keys = {*self.ranges.values(), *self.joins.values(), *self.signs.values()}
        return keys | ({self.percent} if self.percent else set())


class SpeechConfig(_Frozen):
    """The whole of ``assets/speech.yaml``."""

    voices: dict[LangCode, Voice] = Field(min_length=1)
    engine: Engine = Engine()
    text: TextRules = TextRules()


def read_speech_config(path: Path | str) -> SpeechConfig:
    """Read and check a speech file; raise :class:`ContentInvalid` listing every problem."""
    try:
        doc = read_yaml(path)
    except YamlRejected as err:
        raise ContentInvalid(err.problems) from None
    return validate_document(doc, SpeechConfig)


@lru_cache(maxsize=2)
def load_speech_config(path: Path = SPEECH_FILE) -> SpeechConfig:
    """The shipped speech file, read once."""
    return read_speech_config(path)


def choose_voice(lang: str, voices: dict[str, Voice], installed: Collection[str] | None = None) -> Voice | None:
    """The voice for ``lang``: its own if installed, else the first listed one that is.

    ``installed`` holds the names ``espeak-ng --voices`` reported (``None``: not known, trust
    the table). ``None`` comes back only when no listed voice is installed; eSpeak then
    uses its own default voice. A regional code (``fr-ca``) falls back to its language.
    """

    def usable(voice: Voice) -> bool:
        return installed is None or voice.voice.lower() in installed

    for candidate in (lang.lower(), lang.lower().split("-")[0]):
        voice = voices.get(candidate)
        if voice is not None and usable(voice):
            return voice
    return next((v for v in voices.values() if usable(v)), None)
