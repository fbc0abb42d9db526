"""Which pictures exist: the people, objects and icons of ``assets/art`` (see tools/art).

Levels name pictures by id; the linter checks each against this catalog, so a missing
picture is a ``file:line:col`` problem like any other. Nothing here draws.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from game.paths import ASSETS_DIR

ART_DIR = ASSETS_DIR / "art"
# The faces of every person; a level names one by ``speaker_mood`` (types.Mood, the same
# list: this module is read before the first frame, without pydantic).
EXPRESSIONS = ("happy", "neutral", "worried", "sad", "angry", "cold", "shocked")


@dataclass(frozen=True)
class ArtCatalog:
    people: frozenset[str]
    objects: frozenset[str]
    icons: frozenset[str]

    def person(self, pid: str, expression: str = "happy") -> Path:
        return ART_DIR / "people" / pid / f"{expression}.svg"

    def thing(self, oid: str) -> Path:
        """An object, or failing that an icon, by id."""
        found = ART_DIR / "objects" / f"{oid}.svg"
        return found if oid in self.objects else ART_DIR / "icons" / f"{oid}.svg"


@lru_cache(maxsize=2)
def art_catalog(folder: Path = ART_DIR) -> ArtCatalog:
    def ids(sub: str) -> frozenset[str]:
        return frozenset(p.stem for p in (folder / sub).glob("*.svg"))

    people = (
        frozenset(p.name for p in (folder / "people").iterdir() if (p / "happy.svg").is_file())
        if (folder / "people").is_dir()
        else frozenset()
    )
    return ArtCatalog(people, ids("objects"), ids("icons"))
