"""Every text of every language found in the data has its glyphs and wraps inside a paragraph.

Each catalog string and each shipped level's texts, in each language, through that
language's own font stack (not the fallbacks: French and English must never need the
Chinese font) and wrapped in a paragraph of a typical width: no character without a glyph
(which would show as the font's .notdef box), no line outside the box, nothing cut.
The Simplified Chinese test catalog and level (tests/zh/) are walked the same way.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pygame
import pytest

from game.content.load import load_level
from game.content.walk import is_text, walk
from game.i18n import Catalog, load_catalog
from game.paths import LEVELS_DIR
from game.ui.canvas import Canvas, FontBook, Rect, Viewport
from game.ui.theme import load_theme
from tests.langs import LANGS
from tests.zh import kit

BOX = Rect(100, 40, 760, 1000)  # the width of a scene's text or a debrief column
LEVELS = sorted(LEVELS_DIR.glob("*.yaml"))


def catalog_texts(catalog: Catalog, lang: str) -> list[str]:
    texts = [entry[lang] for entry in catalog.entries.values() if lang in entry]
    texts += [t for forms in catalog.plurals.values() for code, f in forms.items() if code == lang for t in f.values()]
    return texts


def level_texts(path: Path, lang: str) -> list[str]:
    return [v[lang] for _, v in walk(load_level(path)) if is_text(v) and lang in v]


def problems(catalog: Catalog, lang: str, texts: list[str]) -> list[str]:
    pygame.display.init()
    pygame.font.init()
    fonts = FontBook()
    fonts.use(catalog.language(lang))
    c = Canvas(pygame.Surface((1920, 1080)), Viewport((1920, 1080), (1920, 1080)), fonts, load_theme())
    size = c.theme.s("body")
    out = []
    for text in texts:
        missing = fonts.stack.missing(text)
        if missing:
            out.append(f"{text!r}: no glyph for {missing} in {fonts.stack.names}")
        c.drawn = []
        c.paragraph(text, BOX, size, (255, 255, 255))
        out += [f"{d.text!r} {d.rect} outside {BOX}" for d in c.drawn if not BOX.contains(d.rect)]
        out += [f"{d.text!r} cut" for d in c.drawn if d.cut]
    return out


@pytest.mark.parametrize("lang", LANGS)
def test_every_catalog_string_has_its_glyphs_and_fits(lang: str) -> None:
    catalog = load_catalog()
    texts = catalog_texts(catalog, lang)
    assert len(texts) > 100
    assert problems(catalog, lang, texts) == []


@pytest.mark.parametrize("path", LEVELS, ids=lambda p: p.stem)
@pytest.mark.parametrize("lang", LANGS)
def test_every_level_text_has_its_glyphs_and_fits(lang: str, path: Path) -> None:
    texts = level_texts(path, lang)
    if not texts:
        pytest.skip(f"{path.name} has no {lang} text")
    assert problems(load_catalog(), lang, texts) == []


@pytest.fixture(scope="module")
def zh(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Catalog]:
    with pytest.MonkeyPatch.context() as mp, kit.zh_catalog(mp, tmp_path_factory.mktemp("i18n")) as found:
        yield found


def test_the_chinese_test_catalog_and_level_have_their_glyphs_and_fit(zh: Catalog) -> None:
    texts = catalog_texts(zh, "zh")
    assert len(texts) > 100
    assert problems(zh, "zh", texts + level_texts(kit.LEVEL_FILE, "zh")) == []


def test_a_missing_glyph_is_found(zh: Catalog) -> None:
    """The check itself: a Chinese word in English text, a character beyond GB 2312 in Chinese."""
    assert problems(zh, "en", ["Sesame Credit (芝麻信用)"]) == [
        "'Sesame Credit (芝麻信用)': no glyph for ['芝', '麻', '信', '用'] in Inter"
    ]
    assert "no glyph for ['𠀀']" in problems(zh, "zh", ["罕见字𠀀"])[0]
