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


def test_the_first_frame_reads_two_catalog_files_and_the_rest_on_need(tmp_path: Path) -> None:
    """``languages.yaml`` and ``ui.yaml`` first; another file is read right after the first
    frame, or as soon as a text it holds (a key, or a language of a key) is asked for."""
    from game.i18n import _load_catalog

    (tmp_path / "languages.yaml").write_text("en: {name: English}\nzh: {name: 中文}\n", encoding="utf-8")
    (tmp_path / "ui.yaml").write_text("a.hello: {en: Hello}\n", encoding="utf-8")
    (tmp_path / "zh.yaml").write_text("a.hello: {zh: 你好}\n", encoding="utf-8")
    (tmp_path / "debrief.yaml").write_text("b.bye: {en: Bye}\n", encoding="utf-8")
    catalog = _load_catalog(tmp_path)
    assert [p.name for p in catalog.pending] == ["debrief.yaml", "zh.yaml"]
    assert catalog("a.hello", "en") == "Hello"
    assert catalog.pending  # a text that is there reads nothing more
    assert catalog("a.hello", "zh") == "你好"  # a language not read yet reads the rest
    assert catalog.pending == [] and catalog("b.bye", "en") == "Bye"
    fresh = Catalog({}, {}, {})
    fresh.pending = [tmp_path / "debrief.yaml"]
    assert "b.bye" in fresh.entries  # reading the texts reads every file
