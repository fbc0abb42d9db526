"""Text lookup by language, at the edge: the core hands out text *values*, the UI picks a language.

UI strings live in ``assets/i18n/ui.yaml`` as ``key: {fr: ..., en: ...}``; level texts are
the level's own ``{fr: ..., en: ...}`` mappings. Missing languages fall back to English,
then to any language, so a player never sees a blank.
"""

from __future__ import annotations

import logging
from collections.abc import Mapping
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

from game.content.yamlsafe import read_yaml
from game.paths import I18N_DIR

FALLBACK = "en"  # replaced by the language languages.yaml marks `fallback: true` when catalogs load


def ui_languages(folder: Path = I18N_DIR) -> list[str]:
    """The languages the interface speaks, in the order of ``languages.yaml``."""
    return list(load_catalog(folder).known)


def pick(text: Mapping[str, str] | None, lang: str) -> str:
    """The ``lang`` version of a level text, falling back rather than showing nothing."""
    if not text:
        return ""
    return text.get(lang) or text.get(FALLBACK) or next(iter(text.values()))


class Catalog:
    """The UI's own strings, with ``{name}`` parameters.

    A string may have forms per language: ``one``/``other`` picked by the count ``n`` by
    the language's rule (the counts that take "one"), or ``f``/``m``
    picked by a ``gender`` parameter; ``other`` is always there and is the default.
    Each language's name, number writing and plural rule come from ``languages.yaml``.
    """

    def __init__(
        self,
        entries: dict[str, dict[str, str]],
        plurals: dict[str, dict[str, dict[str, str]]] | None = None,
        known: dict[str, Language] | None = None,
    ) -> None:
        self._entries = entries  # the "other" form stands for a plural string here
        self._plurals = plurals or {}
        self.known = known or {}
        self.pending: list[Path] = []  # catalog files not read yet (see :func:`load_catalog`)

    @property
    def entries(self) -> dict[str, dict[str, str]]:
        """Every text by key and language (every file read)."""
        return self.complete()._entries

    @property
    def plurals(self) -> dict[str, dict[str, dict[str, str]]]:
        """The forms of the texts that have them, by key, language and form."""
        return self.complete()._plurals

    def read(self, paths: list[Path]) -> None:
        """Merge catalog files in; a text defined twice is a :class:`ValueError`."""
        for path in paths:
            data = read_yaml(path).data
            if path.name == LANGUAGES_FILE:
                for code, info in data.items():
                    self.known[str(code)] = language_from(str(code), info)
                    if info.get("fallback"):
                        global FALLBACK
                        FALLBACK = str(code)
                continue
            for key, value in data.items():
                texts = self._entries.setdefault(str(key), {})
                twice = sorted(set(texts) & {str(lang) for lang in value})
                if twice:  # a language's texts may live in a file of their own, each text once
                    raise ValueError(f"{path}: UI string {key!r} ({', '.join(twice)}) is defined in two catalogs")
                for lk, lv in value.items():
                    if isinstance(lv, dict):  # forms: one/other by count, f/m by grammatical gender
                        self._plurals.setdefault(str(key), {})[str(lk)] = {str(fk): str(fv) for fk, fv in lv.items()}
                        texts[str(lk)] = str(lv["other"])
                    else:
                        texts[str(lk)] = str(lv)

    def complete(self) -> Catalog:
        """Read the files still pending (right after the first frame, or at the first text
        they hold)."""
        pending, self.pending = self.pending, []
        self.read(pending)
        return self

    def language(self, code: str) -> Language:
        """A language's name and number writing (its code and English habits if unknown)."""
        return self.known.get(code) or Language(code, code)

    def __call__(self, key: str, lang: str, **params: Any) -> str:
        """The text, never an exception on a kiosk: a missing key shows as itself, a bad
        ``{parameter}`` leaves the text unformatted, each logged once (``kiosk --check``
        refuses such catalogs before they get there)."""
        entry = self._entries.get(key)
        if (entry is None or lang not in entry) and self.pending:
            entry = self.complete()._entries.get(key)
        if entry is None:
            _note(f"no UI string {key!r}")
            return key
        forms = self._plurals.get(key)
        use = lang if entry.get(lang) else FALLBACK if entry.get(FALLBACK) else next(iter(entry))
        chosen = None if forms is None else forms.get(use)
        if chosen is None:
            text = pick(entry, lang)
        elif str(params.get("gender", "")) in chosen:
            text = chosen[str(params["gender"])]
        elif "n" in params and "one" in chosen:
            text = chosen["one"] if _count(params["n"]) in self.language(use).one else chosen["other"]
        else:
            text = chosen["other"]
        try:
            return text.format(**params) if params else text
        except (KeyError, IndexError, ValueError) as err:
            _note(f"UI string {key!r} ({lang}) does not fit its parameters: {err!r}")
            return text

    def languages(self) -> set[str]:
        return {lang for entry in self.entries.values() for lang in entry}


def _count(value: Any) -> int | None:
    try:
        return int(value)
    except (TypeError, ValueError):
        return None


LANGUAGES_FILE = "languages.yaml"


@dataclass(frozen=True)
class Language:
    """How a language is named, writes numbers, is drawn and is read (``languages.yaml``).

    ``fonts`` names its font stack (families of ``assets/fonts/fonts.yaml``; none: the
    default family), ``italic`` whether its script has italics (CJK has none: italic is
    drawn upright), and ``reading`` how its reading time is counted: in words for scripts
    written with spaces, in characters for those without (:mod:`game.core.reading`).
    """

    code: str
    name: str
    decimal: str = "."
    group: str = ","
    one: tuple[int, ...] = (1,)
    fonts: tuple[str, ...] = ()
    italic: bool = True
    reading_unit: str = "words"  # or "chars"
    reading_rate: float = 200.0  # units a minute


def language_from(code: str, info: Mapping[str, Any]) -> Language:
    """A ``languages.yaml`` entry as a :class:`Language` (defaults for what it leaves out,
    or gets wrong: the preflight names the mistake, the game still starts)."""
    reading = info.get("reading")
    reading = reading if isinstance(reading, dict) else {}
    fonts = info.get("fonts")
    rate = reading.get("per_minute", 200)
    return Language(
        code,
        str(info["name"]),
        str(info.get("decimal", ".")),
        str(info.get("group", ",")),
        tuple(int(n) for n in info.get("one", [1])),
        tuple(str(f) for f in fonts) if isinstance(fonts, list) else (),
        info.get("italic", True) is not False,
        "chars" if reading.get("unit") == "chars" else "words",
        float(rate) if type(rate) in (int, float) and rate > 0 else 200.0,
    )


_noted: set[str] = set()


def _note(message: str) -> None:
    if message not in _noted and len(_noted) < 100:
        _noted.add(message)
        logging.getLogger("open_sesame").error("%s", message)


def load_catalog(folder: Path = I18N_DIR) -> Catalog:
    """Every ``*.yaml`` catalog in ``folder``, merged; a text defined twice is an error.

    A key's languages may come from several files (``ui.yaml`` with ``fr`` and ``en``, a
    ``zh.yaml`` beside it with the ``zh`` texts of the same keys), so a new language can
    be files added rather than lines written into every entry of the existing ones.
    Read once per folder, however it is named (``load_catalog()`` and
    ``load_catalog(I18N_DIR)`` are the same catalog). The first frame needs only
    ``languages.yaml`` and ``ui.yaml``: the other files are read right after it
    (:meth:`Catalog.complete`), or at the first text asked for that is not there yet.
    """
    return _load_catalog(Path(folder).resolve())


FIRST_FRAME_FILES = (LANGUAGES_FILE, "ui.yaml")


@lru_cache(maxsize=4)
def _load_catalog(folder: Path) -> Catalog:
    catalog = Catalog({}, {}, {})
    paths = sorted(folder.glob("*.yaml"))
    catalog.read([path for path in paths if path.name in FIRST_FRAME_FILES])
    catalog.pending = [path for path in paths if path.name not in FIRST_FRAME_FILES]
    return catalog


def tr(key: str, lang: str, **params: Any) -> str:
    """Shorthand for the default catalog."""
    return load_catalog()(key, lang, **params)
