"""Font stacks: the families a language is drawn with, and a text cut into runs per family.

pygame-ce's ``Font`` draws with one file and shows a box for every character that file
lacks. A language names its stack in ``languages.yaml`` (``fonts: [noto_sans_sc, inter]``);
the families and their files are data too (``assets/fonts/fonts.yaml``), so a new
script is files, not code. :meth:`FontStack.runs` cuts a text into runs, each drawn by the
first family of the stack that has its characters; the font book measures and draws the
runs side by side on one baseline.

Nothing here imports pygame: ``python -m game check`` and the tests ask the same stacks
which characters no font would draw (:meth:`FontStack.missing`).
"""

from __future__ import annotations

import logging
import unicodedata
from collections.abc import Mapping
from dataclasses import dataclass
from functools import cached_property, lru_cache
from pathlib import Path
from typing import Any

from game.content.yamlsafe import YamlRejected, read_yaml
from game.paths import FONTS_DIR
from game.ui.cmap import BadFont, coverage

FAMILIES_FILE = "fonts.yaml"
FACES = ("regular", "italic", "semibold", "bold")
NEAREST = {
    "regular": ("regular",),
    "italic": ("italic", "regular"),
    "semibold": ("semibold", "bold", "regular"),
    "bold": ("bold", "semibold", "regular"),
}
"""The faces tried, in order, when a family lacks the one asked for (italic falls back upright)."""

_FOLLOWERS = frozenset("\u200c\u200d\u034f")
"""Joiners that belong with the character before them (like combining marks)."""


@dataclass(frozen=True)
class Family:
    """One typeface: its files per face, in ``folder``."""

    id: str
    name: str
    faces: Mapping[str, str]
    folder: Path = FONTS_DIR
    licence: str = ""

    def file(self, face: str) -> Path:
        """The file for ``face``, or the nearest face this family has."""
        for option in NEAREST.get(face, (face, "regular")):
            if option in self.faces:
                return self.folder / self.faces[option]
        return self.folder / next(iter(self.faces.values()))

    def files(self) -> list[Path]:
        return [self.folder / name for name in self.faces.values()]


DEFAULT = {
    "regular": "Inter-Regular.otf",
    "italic": "Inter-Italic.otf",
    "semibold": "Inter-SemiBold.otf",
    "bold": "Inter-Bold.otf",
}
"""Inter's faces, drawn with when ``fonts.yaml`` cannot be read (the preflight says why)."""


@lru_cache(maxsize=4)
def load_families(folder: Path = FONTS_DIR) -> dict[str, Family]:
    """The families of ``folder/fonts.yaml``, in its order (the first is the default).

    A kiosk must start whatever was done to that file: unreadable or damaged, it is
    logged and Inter alone is used (``kiosk --check`` reports the problem with its line).
    """
    out: dict[str, Family] = {}
    try:
        data: Any = read_yaml(folder / FAMILIES_FILE).data
        for fid, info in data.items():
            faces = {str(k): str(v) for k, v in info["faces"].items() if k in FACES and "/" not in str(v)}
            if "regular" in faces:
                name, licence = str(info.get("name", fid)), str(info.get("licence", ""))
                out[str(fid)] = Family(str(fid), name, faces, folder, licence)
    except (OSError, YamlRejected, AttributeError, KeyError, TypeError) as err:
        logging.getLogger("open_sesame").error("font families not read, drawing with Inter alone: %s", err)
        out = {}
    return out or {"inter": Family("inter", "Inter", DEFAULT, folder, "LICENSE-Inter.txt")}


@dataclass(frozen=True)
class FontStack:
    """The families a language is drawn with, first choice first, and whether it has italics.

    ``fallbacks`` are the other families the game has, asked only for a character none of
    the stack's own has: the name of another language on its button (中文 on an English
    screen), a word quoted in another script. Their files are opened only then.
    """

    families: tuple[Family, ...]
    italic: bool = True
    fallbacks: tuple[Family, ...] = ()

    @cached_property
    def key(self) -> tuple[str, ...]:
        """What caches of rendered text are keyed on besides the text itself (asked per text drawn)."""
        return (*(f.id for f in self.families), "italic" if self.italic else "upright")

    @property
    def single(self) -> bool:
        return len(self.families) == 1

    def face(self, face: str) -> str:
        """The face actually drawn: italic is drawn upright in a script without italics."""
        return "regular" if face == "italic" and not self.italic else face

    def files(self, face: str) -> list[Path]:
        """Each family's file for ``face`` (or its nearest), first choice first (remembered:
        layout asks on every line it measures)."""
        found = self._files.get(face)
        if found is None:
            shown = self.face(face)
            found = self._files[face] = [family.file(shown) for family in self.families]
        return found

    @cached_property
    def _files(self) -> dict[str, list[Path]]:
        return {}

    def runs(self, text: str, face: str) -> list[tuple[Path, str]]:
        """``text`` cut into runs, each with the file that draws it.

        A character goes to the first family of the stack that has it, else to the first
        fallback that has it; a combining mark or a joiner stays with the character before
        it, and a space stays in the run it is in when that family has it, so runs break
        only where the script changes. A character no family has stays in the current run
        (it shows as that font's box: see :meth:`missing`). An ASCII text drawn by a stack
        of one family is one run, with no look at its characters.
        """
        shown = self.face(face)
        own = len(self.families)
        if not text or (own == 1 and text.isascii()):
            return [(self.files(face)[0], text)]
        families = (*self.families, *self.fallbacks)
        maps: list[frozenset[int] | None] = [None] * len(families)

        def has(i: int, code: int) -> bool:
            found = maps[i]
            if found is None:
                found = maps[i] = _drawable(families[i].file("regular"))
            return code in found

        picks: list[int] = []
        current = -1
        for ch in text:
            code = ord(ch)
            follows = ch in _FOLLOWERS or unicodedata.combining(ch) or _is_mark(ch)
            if current < 0 or not (follows or (ch.isspace() and has(current, code))):
                chosen = next((i for i in range(own) if has(i, code)), None)
                if chosen is None:
                    chosen = next((i for i in range(own, len(families)) if has(i, code)), max(current, 0))
                current = chosen
            picks.append(current)
        runs: list[tuple[Path, str]] = []
        start = 0
        for at in range(1, len(text) + 1):
            if at == len(text) or picks[at] != picks[start]:
                runs.append((families[picks[start]].file(shown), text[start:at]))
                start = at
        return runs

    def missing(self, text: str, strict: bool = True) -> list[str]:
        """The characters of ``text`` that no family of the stack has (each once, in order);
        with ``strict=False``, that neither the stack nor its fallbacks have (boxes on screen)."""
        families = self.families if strict else (*self.families, *self.fallbacks)
        maps = [coverage(family.file("regular")) for family in families]
        out: list[str] = []
        for ch in text:
            if ch in "\n\r" or ch in out:
                continue
            if not any(ord(ch) in m for m in maps):
                out.append(ch)
        return out

    @property
    def names(self) -> str:
        return ", ".join(f.name for f in self.families)


@lru_cache(maxsize=16)
def _drawable(path: Path) -> frozenset[int]:
    """``coverage``, or nothing when the file cannot be read: drawing never raises (the
    preflight reports a missing or damaged font with its path)."""
    try:
        return coverage(path)
    except (OSError, BadFont) as err:
        logging.getLogger("open_sesame").error("font not read: %s", err)
        return frozenset()


def _is_mark(ch: str) -> bool:
    return (
        unicodedata.category(ch) in ("Mn", "Mc", "Me") or 0xFE00 <= ord(ch) <= 0xFE0F or 0xE0100 <= ord(ch) <= 0xE01EF
    )


@lru_cache(maxsize=32)
def stack_for(fonts: tuple[str, ...], italic: bool = True, folder: Path = FONTS_DIR) -> FontStack:
    """The stack a language names (unknown names skipped), ending with the default family.

    A language that names no family is drawn with the default alone, exactly as before
    stacks existed; one that names others still falls back to the default last, so the
    digits and punctuation its own fonts lack are drawn rather than boxed.
    """
    families = load_families(folder)
    default = next(iter(families.values()))
    chosen = [families[name] for name in fonts if name in families]
    if default not in chosen:
        chosen.append(default)
    others = tuple(f for f in families.values() if f not in chosen)
    return FontStack(tuple(chosen), italic, others)
