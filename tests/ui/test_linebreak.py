"""Lines break by the Unicode rules: French as before, Chinese between characters, long words split."""

from __future__ import annotations

import re

import pygame
import pytest

from game.content.load import load_level
from game.content.walk import is_text, walk
from game.i18n import Language
from game.paths import LEVELS_DIR
from game.ui import linebreak
from game.ui.canvas import Canvas, FontBook, Rect, Viewport
from game.ui.theme import load_theme


def canvas(language: Language | None = None) -> Canvas:
    pygame.display.init()
    pygame.font.init()
    fonts = FontBook()
    if language is not None:
        fonts.use(language)
    else:
        fonts.lang = "fr"
    return Canvas(pygame.Surface((1920, 1080)), Viewport((1920, 1080), (1920, 1080)), fonts, load_theme())


def old_wrap(c: Canvas, text: str, width: float, size: float) -> list[str]:
    """The word wrap before the Unicode rules: breaks at ordinary spaces only."""
    lines: list[str] = []
    for para in text.split("\n"):
        words = [w for w in para.split(" ") if w]
        if not words:
            lines.append("")
            continue
        current = words[0]
        for word in words[1:]:
            if c.measure(f"{current} {word}", size)[0] <= width:
                current = f"{current} {word}"
            else:
                lines.append(current)
                current = word
        lines.append(current)
    return lines


def shipped_texts() -> list[str]:
    out = []
    for path in sorted(LEVELS_DIR.glob("*.yaml")):
        out += [v["fr"] for _, v in walk(load_level(path)) if is_text(v) and "fr" in v]
    return out


def test_french_lines_do_not_move_where_only_spaces_break() -> None:
    """Every shipped French text without a hyphen, a slash or a dash wraps exactly as before."""
    c = canvas()
    plain = [t for t in shipped_texts() if not re.search(r"[-/–—‐?!…]", t) and len(t) > 60]
    assert len(plain) > 50
    for text in plain[::3]:
        for width in (380, 700):
            assert c.wrap(text, width, 30) == old_wrap(c, text, width, 30), text


def test_no_break_spaces_hold_guillemets_and_numbers() -> None:
    c = canvas()
    text = "Elle dit\u00a0: «\u00a0oui\u00a0» à 1\u202f234 personnes, puis «\u00a0non\u00a0»\u202f!"
    widest = max(c.measure(piece.strip(" "), 30)[0] for piece in linebreak.pieces(text, "fr"))
    for width in range(int(widest) + 1, 700, 7):  # narrower, a glued piece is split as a last resort
        for line in c.wrap(text, width, 30):
            assert not line.endswith(("«", "\u00a0")) and not line.startswith(("»", ":", "!", "\u202f")), line
            assert "1\u202f" not in line or "1\u202f234" in line
    # with ordinary spaces too, the rules keep « with its word
    assert all(
        not line.endswith("«") for w in range(60, 400, 9) for line in c.wrap("il dit « oui » puis « non »", w, 30)
    )


def test_chinese_breaks_between_characters_but_not_before_closing_punctuation() -> None:
    c = canvas(Language("zh", "中文", fonts=("noto_sans_sc",), italic=False))
    text = "记者刘虎把一笔罚款交到了错误的账号上。他因此被列入黑名单，不能乘坐飞机。“你答应过的。”"
    widest = max(c.measure(piece, 30)[0] for piece in linebreak.pieces(text, "zh"))
    assert widest <= 3.1 * c.measure("中", 30)[0]  # the pieces are characters with their punctuation
    for width in range(int(widest) + 1, 900, 37):
        lines = c.wrap(text, width, 30)
        assert "".join(lines) == text
        assert all(c.measure(line, 30)[0] <= width for line in lines)
        assert not any(line.startswith(("。", "，", "”")) for line in lines)
        assert not any(line.endswith("“") for line in lines)
    assert len(c.wrap(text, 300, 30)) >= 4  # not one long line shrunk and cut


def test_a_word_longer_than_the_line_is_broken_between_characters() -> None:
    c = canvas()
    word = "Anticonstitutionnellement" * 3 + "\u0301ok"
    box = Rect(0, 0, 300, 600)
    lines = c.wrap(f"un {word} là", box.w, 40)
    assert len(lines) > 3 and all(c.measure(line, 40)[0] <= box.w for line in lines)
    assert "".join(lines).replace(" ", "") == f"un{word}là"
    c.paragraph(f"un {word} là", box, 40, (255, 255, 255))
    assert all(box.contains(d.rect) and not d.cut for d in c.drawn)


def test_explicit_newlines_and_blank_paragraphs_are_kept() -> None:
    c = canvas()
    assert c.wrap("un\n\ndeux  trois ", 900, 30) == ["un", "", "deux trois"]


def test_break_opportunities_are_found_once_per_text() -> None:
    calls: list[str] = []
    original = linebreak.LineBreaker

    class Counting(original):  # type: ignore[misc, valid-type]
        def __init__(self, text: str, locale: str) -> None:
            calls.append(text)
            super().__init__(text, locale)

    c = canvas()
    text = "Une phrase unique pour ce test, assez longue pour tenir sur plusieurs lignes à petite taille."
    pytest.MonkeyPatch().setattr(linebreak, "LineBreaker", Counting)
    try:
        for width in (200, 300, 400):
            for size in (20, 30, 40):
                c.wrap(text, width, size)
    finally:
        linebreak.LineBreaker = original  # type: ignore[misc]
    assert calls == [text]
