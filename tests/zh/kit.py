"""A Simplified Chinese interface and level for tests, without shipping a half translation.

``catalog_folder`` builds what a translator would add to ``assets/i18n/``: the real
catalogs, the ``zh`` entry of ``languages.yaml`` (its fonts, no italics, reading in
characters) and the language's own catalog files beside them (``zh.yaml``,
``zh_debrief.yaml``). ``zh_app`` runs the real game on
the Chinese copy of the sample level (``tests/zh/level.yaml``) with that catalog.
"""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest

from game.content.load import load_level
from game.content.models import Level
from game.i18n import Catalog, load_catalog
from game.paths import I18N_DIR

HERE = Path(__file__).parent
LEVEL_FILE = HERE / "level.yaml"
CATALOG_FILE = HERE / "zh.yaml"
CATALOG_FILES = (CATALOG_FILE, HERE / "zh_debrief.yaml")
LANGUAGE_ENTRY = HERE / "languages.yaml"


def catalog_folder(into: Path) -> Path:
    """The shipped catalogs plus the zh files, in ``into`` (created)."""
    into.mkdir(parents=True, exist_ok=True)
    for path in I18N_DIR.glob("*.yaml"):
        shutil.copyfile(path, into / path.name)
    with (into / "languages.yaml").open("a", encoding="utf-8") as out:
        out.write("\n" + LANGUAGE_ENTRY.read_text(encoding="utf-8"))
    for path in CATALOG_FILES:
        shutil.copyfile(path, into / path.name)
    return into


def level() -> Level:
    return load_level(LEVEL_FILE)


@contextmanager
def zh_catalog(monkeypatch: pytest.MonkeyPatch, folder: Path) -> Iterator[Catalog]:
    """The game's catalog is the zh one while inside (the runtime, the reading rates, the check)."""
    catalog = load_catalog(catalog_folder(folder))
    monkeypatch.setattr("game.runtime.load_catalog", lambda: catalog)
    monkeypatch.setattr("game.core.reading.load_catalog", lambda: catalog)
    monkeypatch.setattr("game.content.glyphs.load_catalog", lambda: catalog)
    yield catalog
