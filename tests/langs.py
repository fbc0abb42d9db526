"""The languages found in the data, for tests that walk every one (never a list in a test)."""

from game.i18n import ui_languages

LANGS = ui_languages()
