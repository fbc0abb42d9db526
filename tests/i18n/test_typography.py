"""French strings use no-break spaces before high punctuation and inside « » (catalogs and levels);
no number breaks from its unit in any language."""

from __future__ import annotations

import re

import pytest

from game.content.load import load_level
from game.content.walk import is_text, walk
from game.i18n import load_catalog
from game.paths import I18N_DIR, LEVELS_DIR
from game.tools.frtypo import fix, problems


def test_the_fixer_and_the_check_agree() -> None:
    assert problems("Bonjour : « oui » ?") and problems(fix("Bonjour : « oui » ?")) == []


def test_catalogs() -> None:
    catalog = load_catalog(I18N_DIR)
    texts = [e["fr"] for e in catalog.entries.values() if "fr" in e]
    texts += [f[k] for forms in catalog.plurals.values() for lang, f in forms.items() if lang == "fr" for k in f]
    bad = [(t, problems(t)) for t in texts if problems(t)]
    assert bad == []


@pytest.mark.parametrize("path", sorted(LEVELS_DIR.glob("*.yaml")), ids=lambda p: p.stem)
def test_levels(path) -> None:  # type: ignore[no-untyped-def]
    level = load_level(path)
    bad = [(p, v["fr"]) for p, v in walk(level) if is_text(v) and "fr" in v and problems(v["fr"])]
    assert bad == []


UNIT_AFTER_A_NUMBER = re.compile(r"\} (pts|pt|Pkt\.|points?|Punkte?|%|€)(?![\w])")
"""``{n} pts`` with an ordinary space: a line may end between the number and its unit."""


def test_a_number_never_breaks_from_its_unit_in_any_language() -> None:
    catalog = load_catalog(I18N_DIR)
    texts = [(key, t) for key, e in catalog.entries.items() for t in e.values()]
    texts += [(key, t) for key, forms in catalog.plurals.items() for f in forms.values() for t in f.values()]
    bad = [(key, t) for key, t in texts if UNIT_AFTER_A_NUMBER.search(t)]
    assert bad == [], "write a no-break space (U+00A0) between the number and its unit"
