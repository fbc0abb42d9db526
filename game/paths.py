"""Where the project's own files are: levels, assets, the UI catalogs."""

from __future__ import annotations

from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
LEVELS_DIR = ROOT / "levels"
ASSETS_DIR = ROOT / "assets"
FONTS_DIR = ASSETS_DIR / "fonts"
I18N_DIR = ASSETS_DIR / "i18n"
DEFAULT_LEVEL = LEVELS_DIR / "kiosk.yaml"
