"""Texts are checked for what the renderer needs; every problem has its file:line:col."""

from __future__ import annotations

import pytest

from game.content.load import ContentInvalid, validate_document
from game.content.models import Level
from game.content.textcheck import has_visible, text_problem
from game.content.yamlsafe import parse_yaml
from tests.content.test_load import MINIMAL

MINIMAL_TEXT = MINIMAL.read_text(encoding="utf-8")


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("a\0b", "control character U+0000 (NUL) at character 2"),
        ("tab\there", "control character U+0009 (TAB)"),
        ("cr\r", "U+000D (CR)"),
        ("esc \x1b[2J", "U+001B (ESC)"),
        ("del \x7f", "U+007F (DEL)"),
        ("c1 \x85", "control character U+0085"),
        ("c1 \x9b", "control character U+009B"),
        ("half \ud83d", "unpaired surrogate U+D83D"),
        ("\udfff", "unpaired surrogate U+DFFF"),
        ("abc \u202eevil", "bidirectional control U+202E (RIGHT-TO-LEFT OVERRIDE)"),
        ("\u2066isolate\u2069", "bidirectional control U+2066"),
        ("mark\u200f", "bidirectional control U+200F"),
        ("bom\ufeff", "byte-order mark"),
        ("line\u2028sep", "line separator"),
        ("non\uffff", "noncharacter U+FFFF"),
        ("non\U0010fffe", "noncharacter U+10FFFE"),
        ("\u200b", "no visible character"),
        ("\u200b\u2060\u00ad", "no visible character"),
        ("\u0301\u0302", "no visible character"),
        ("\ufe0f", "no visible character"),
    ],
)
def test_a_text_the_renderer_cannot_draw_is_refused(text: str, message: str) -> None:
    problem = text_problem(text)
    assert problem is not None and message in problem, problem


@pytest.mark.parametrize(
    "text",
    [
        "Plain text.",
        "Deux lignes\net un saut de ligne final\n",
        "Dix\u00a0000\u202f€ : « guillemets »",
        "soft\u00adhyphen and word\u2060joiner and zero\u200bwidth space",
        "family 👨\u200d👩\u200d👧 and ❤\ufe0f",
        "é composed with a combining accent: e\u0301",
        "   ",  # blank is the linter's own "text is empty", not a second message
        "",
    ],
)
def test_ordinary_texts_pass(text: str) -> None:
    assert text_problem(text) is None


def test_visible_means_something_to_draw() -> None:
    assert has_visible("a") and has_visible(" \u200b x")
    assert not has_visible("\u200b\u00ad \n")


def test_a_lone_surrogate_from_a_yaml_escape_is_refused_with_its_line() -> None:
    """libyaml refuses ``"\\ud83d"`` itself; the pure-Python reader lets it through, the schema does not."""
    doc = parse_yaml(MINIMAL_TEXT, "level.yaml")
    doc.data["title"]["en"] = "Half \ud83d emoji"
    with pytest.raises(ContentInvalid) as err:
        validate_document(doc, Level)
    [problem] = err.value.problems
    line, col = doc.where(("title", "en"))
    assert str(problem).startswith(f"level.yaml:{line}:{col}: title.en: unpaired surrogate")
