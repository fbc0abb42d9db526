"""Every UI string exists in French and English, none is empty, and every key the code uses exists."""

from __future__ import annotations

import re
from pathlib import Path

from game.i18n import Catalog, Language, load_catalog, pick
from game.paths import I18N_DIR
from tests.langs import LANGS

GAME = Path(__file__).resolve().parents[2] / "game"
CATALOG = load_catalog(I18N_DIR)


def test_every_ui_string_is_in_both_languages_and_not_empty() -> None:
    for key, entry in CATALOG.entries.items():
        assert set(entry) == set(LANGS), key
        for lang, text in entry.items():
            assert text.strip(), f"{key}.{lang} is empty"


def test_parameters_match_between_languages() -> None:
    for key, entry in CATALOG.entries.items():
        names = {lang: set(re.findall(r"\{(\w+)\}", text)) for lang, text in entry.items()}
        assert names["fr"] == names["en"], key


def test_every_literal_key_used_in_the_code_exists() -> None:
    used: set[str] = set()
    pattern = re.compile(r"""(?:\.t|catalog)\(\s*["']([a-z_]+\.[a-z_.]+)["']""")
    for path in GAME.rglob("*.py"):
        used.update(pattern.findall(path.read_text(encoding="utf-8")))
    assert used, "the scan found no keys: the pattern is broken"
    missing = sorted(k for k in used if k not in CATALOG.entries)
    assert missing == []


def test_lookup_falls_back_rather_than_blank() -> None:
    catalog = Catalog({"x.y": {"en": "Hello {name}"}})
    assert catalog("x.y", "fr", name="Ana") == "Hello Ana"
    assert pick({"fr": "Bonjour"}, "en") == "Bonjour"
    assert pick(None, "fr") == ""


def test_keys_built_at_run_time_exist() -> None:
    from typing import get_args

    from game.content.models import Outcome, Relation
    from game.core.ledger import CAUSES

    built = [f"door.{o}" for o in get_args(Outcome)] + [f"relation.{r}" for r in get_args(Relation)]
    built += [f"cause.{c}" for c in CAUSES] + ["admin.ok", "admin.cancel"]
    assert [k for k in built if k not in CATALOG.entries] == []


def test_forms_by_count_and_by_gender() -> None:
    catalog = Catalog(
        {"a.n": {"fr": "{n} fois", "en": "{n} times"}, "a.g": {"fr": "proche", "en": "friend"}},
        {
            "a.n": {"fr": {"one": "{n} fois (un)", "other": "{n} fois"}, "en": {"one": "once", "other": "{n} times"}},
            "a.g": {"fr": {"f": "amie", "m": "ami", "other": "proche"}},
        },
        {"fr": Language("fr", "Français", ",", " ", (0, 1)), "en": Language("en", "English")},
    )
    assert catalog("a.n", "fr", n=0) == "0 fois (un)" and catalog("a.n", "fr", n=2) == "2 fois"
    assert catalog("a.n", "en", n=1) == "once" and catalog("a.n", "en", n=0) == "0 times"
    assert catalog("a.g", "fr", gender="f") == "amie" and catalog("a.g", "fr", gender="n") == "proche"
    assert catalog("a.g", "en", gender="f") == "friend"


def test_the_catalog_is_read_once_however_its_folder_is_named() -> None:
    """The first frame reads it once: ui_languages() and load_catalog() share one reading."""
    from game.i18n import I18N_DIR, load_catalog

    assert load_catalog() is load_catalog(I18N_DIR) is load_catalog(I18N_DIR / ".." / I18N_DIR.name)
