"""Reading time: words where words are spaced, characters where they are not."""

from __future__ import annotations

from pathlib import Path

import pytest

from game.content.load import load_level
from game.content.walk import is_text, walk
from game.core.reading import describe, minutes, reading_units
from game.core.simulate import count_words
from game.i18n import Language, load_catalog
from game.paths import LEVELS_DIR
from tests.langs import LANGS

ZH = Language("zh", "中文", reading_unit="chars", reading_rate=255)


def old_count(text: str) -> int:
    """The count before scripts without spaces were counted: tokens with a letter or digit."""
    return sum(1 for token in text.split() if any(ch.isalnum() for ch in token))


@pytest.mark.parametrize("path", sorted(LEVELS_DIR.glob("*.yaml")), ids=lambda p: p.stem)
def test_spaced_languages_count_as_before(path: Path) -> None:
    texts = [t for _, v in walk(load_level(path)) if is_text(v) for t in v.values()]
    assert texts and all(count_words(t) == old_count(t) for t in texts)


def test_scripts_without_spaces_count_their_characters() -> None:
    assert reading_units("你好，世界。") == 4
    assert reading_units("Halo 评分下降了 641 分") == 1 + 5 + 1 + 1
    assert reading_units("«\u00a0Oui\u00a0»\u202f! l’été") == 2
    assert reading_units("こんにちは、世界") == 7
    assert reading_units("ภาษาไทย") == 7 and reading_units("ที่") == 1  # marks above and below are not letters
    assert count_words("小梅给您打了两颗星：“你答应过的。”") == 14


def test_minutes_follow_the_language_s_unit_and_rate() -> None:
    assert minutes(510, ZH) == pytest.approx(2.0)
    assert describe(510, ZH) == "510 characters ≈ 2.0 min at 255 characters/min"
    for lang in LANGS:  # the shipped languages read in words, 200 a minute, unless they say otherwise
        info = load_catalog().language(lang)
        assert info.reading_unit in ("words", "chars") and info.reading_rate > 0
    assert describe(1100, "en") == "1100 words ≈ 5.5 min at 200 words/min"
