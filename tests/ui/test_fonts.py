"""Font stacks: runs by the family that has each character, drawn side by side, opened lazily."""

from __future__ import annotations

import pygame
import pytest

from game.i18n import Language
from game.paths import FONTS_DIR
from game.ui.canvas import Canvas, FontBook, Rect, Viewport
from game.ui.cmap import coverage
from game.ui.fonts import load_families, stack_for
from game.ui.retained import surface_bytes
from game.ui.theme import load_theme

ZH = Language("zh", "中文", fonts=("noto_sans_sc",), italic=False)
FR = Language("fr", "Français")
NOTDEF = "\U0010fffd"  # a private-use character no font here has: it draws as the .notdef box


def canvas(language: Language = FR, size: tuple[int, int] = (1920, 1080)) -> Canvas:
    pygame.display.init()
    pygame.font.init()
    fonts = FontBook()
    fonts.use(language)
    return Canvas(pygame.Surface(size), Viewport((1920, 1080), size), fonts, load_theme())


def pixels(font: pygame.font.Font, text: str) -> bytes:
    return pygame.image.tobytes(font.render(text, True, (255, 255, 255), (0, 0, 0)), "RGB")


@pytest.mark.parametrize("family", ["inter", "noto_sans_sc"])
def test_the_character_map_agrees_with_what_the_font_draws(family: str) -> None:
    """A character the cmap lacks draws as the .notdef box; one it has draws something else.

    (pygame-ce's ``Font.metrics()`` cannot tell: with SDL_ttf 2.24 a missing character
    measures as the box rather than as None, so the game reads the cmap.)
    """
    pygame.font.init()
    path = load_families()[family].file("regular")
    font = pygame.font.Font(str(path), 32)
    box = pixels(font, NOTDEF)
    chars = coverage(path)
    for ch in "Aé«€−中文，。“”…丽娜芝麻ก\u0416":
        assert (ord(ch) in chars) == (pixels(font, ch) != box), (family, ch, ord(ch) in chars)


def test_a_stack_cuts_text_into_runs_by_script() -> None:
    stack = stack_for(("noto_sans_sc",), italic=False)
    runs = [(path.name, part) for path, part in stack.runs("分数 641 € 下降", "regular")]
    assert runs == [
        ("NotoSansSC-Regular.ttf", "分数 641 "),
        ("Inter-Regular.otf", "€ "),
        ("NotoSansSC-Regular.ttf", "下降"),
    ]
    assert stack.missing("分数 641 € 下降") == []
    latin = stack_for(())
    assert [p.name for p, _ in latin.runs("Vivez un mois, « oui »", "bold")] == ["Inter-Bold.otf"]
    assert latin.missing("Halo 中文") == ["中", "文"]
    assert latin.missing("Halo 中文", strict=False) == []  # drawn by the fallback family


def test_combining_marks_stay_with_their_letter() -> None:
    stack = stack_for(("noto_sans_sc",))
    runs = stack.runs("中e\u0301", "regular")
    assert len(runs) == 1 and runs[0][1] == "中e\u0301"


def test_a_script_without_italics_draws_italic_upright() -> None:
    zh, fr = stack_for(("noto_sans_sc",), italic=False), stack_for(())
    assert zh.face("italic") == "regular" and zh.files("italic")[0].name == "NotoSansSC-Regular.ttf"
    assert [p.name for p in fr.files("italic")] == ["Inter-Italic.otf"]
    c = canvas(ZH)
    assert pygame.image.tobytes(c.fonts.render("italic", 40, "漂亮 Halo", (255, 255, 255)), "RGBA") == (
        pygame.image.tobytes(c.fonts.render("regular", 40, "漂亮 Halo", (255, 255, 255)), "RGBA")
    )
    # a family without the face asked draws its nearest: Noto Sans SC's bold for semibold
    assert load_families()["noto_sans_sc"].file("semibold").name == "NotoSansSC-Bold.ttf"


def test_runs_are_measured_as_they_are_drawn_on_one_baseline() -> None:
    c = canvas(ZH)
    text = "分数下降 −12 €"
    surf = c.fonts.render("regular", 40, text, (255, 255, 255))
    assert surf.get_size() == c.fonts.size("regular", 40, text)
    noto = pygame.font.Font(str(FONTS_DIR / "NotoSansSC-Regular.ttf"), 40)
    inter = pygame.font.Font(str(FONTS_DIR / "Inter-Regular.otf"), 40)
    assert surf.get_height() == max(noto.get_ascent(), inter.get_ascent()) + max(
        -noto.get_descent(), -inter.get_descent()
    )
    assert c.line_height(40 / c.vp.scale) * c.vp.scale == max(noto.get_linesize(), inter.get_linesize())


def test_french_and_english_never_open_the_chinese_font() -> None:
    c = canvas(FR)
    c.paragraph("Vivez un mois avec Halo, l’appli qui note tout le monde. " * 4, Rect(0, 0, 600, 400), 30, (0, 0, 0))
    c.text("« Tu avais promis. » — 1\u202f234 €", Rect(0, 500, 900, 60), 30, (0, 0, 0), face="italic")
    assert {path for path, _px in c.fonts._fonts} <= {str(p) for p in load_families()["inter"].files()}


def test_the_caches_are_kept_apart_per_stack() -> None:
    fonts = canvas(FR).fonts
    latin = fonts.render("regular", 30, "Halo 641", (0, 0, 0))
    fonts.use(ZH)
    chinese = fonts.render("regular", 30, "Halo 641", (0, 0, 0))
    assert fonts.size("regular", 30, "Halo 641") == chinese.get_size()
    assert pygame.image.tobytes(latin, "RGBA") != pygame.image.tobytes(chinese, "RGBA")
    assert fonts.cached_texts == 1  # the switch released the French one
    assert fonts.cached_text_bytes == surface_bytes(chinese)


def test_a_stack_with_unknown_families_falls_back_to_the_default() -> None:
    stack = stack_for(("no_such_font",))
    assert [f.id for f in stack.families] == ["inter"]


def test_damaged_font_data_never_stops_the_game(tmp_path, caplog) -> None:  # type: ignore[no-untyped-def]
    """An unreadable fonts.yaml leaves Inter alone; a font file that cannot be read draws nothing special."""
    from game.ui.fonts import Family, FontStack

    assert list(load_families(tmp_path)) == ["inter"]
    (tmp_path / "fonts.yaml").write_text("inter: [not, a, mapping]\n", encoding="utf-8")
    load_families.cache_clear()
    assert list(load_families(tmp_path)) == ["inter"]
    load_families.cache_clear()
    gone = Family("gone", "Gone", {"regular": "Gone.ttf"}, tmp_path)
    stack = FontStack((gone, load_families()["inter"]))
    assert [(p.name, part) for p, part in stack.runs("abc 中", "regular")] == [("Inter-Regular.otf", "abc 中")]
