"""The sandbox's strings built at run time exist in every language (the literal ones are checked
by tests/i18n/test_catalog.py)."""

from __future__ import annotations

from game.i18n import load_catalog
from game.paths import I18N_DIR
from game.sandbox.config import load_config
from game.screens.sandbox import TABS
from tests.langs import LANGS


def test_keys_built_at_run_time_exist_in_every_language() -> None:
    catalog = load_catalog(I18N_DIR)
    built = [f"sandbox.tab.{tab}" for tab in TABS]
    built += [f"sandbox.tier.{outcome}" for outcome in ("grant", "deposit", "refuse")]
    for preset in load_config().presets:
        built += [f"sandbox.preset.{preset.id}", f"sandbox.preset.{preset.id}.note"]
    built += ["sandbox.friends.on", "sandbox.friends.off", "sandbox.preset.rules.note"]
    missing = [k for k in built if k not in catalog.entries or set(catalog.entries[k]) != set(LANGS)]
    assert missing == []
