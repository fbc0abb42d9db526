"""What the screens draw becomes what should be heard, in French and English."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from game.speech.config import load_speech_config
from game.speech.text import TextPreparer, speakable
from tests.langs import LANGS

CASES = [
    # (drawn, French, English)
    ("Score : 612 → 595 (−17)", "Score : 612, puis 595 (moins 17)", "Score : 612, then 595 (minus 17)"),
    ("+12 points", "plus 12 points", "plus 12 points"),
    ("−17", "moins 17", "minus 17"),
    ("-3", "moins 3", "minus 3"),
    ("12 %", "12 pour cent", "12 percent"),
    ("12%", "12 pour cent", "12 percent"),
    ("8–10 min", "8 à 10 min", "8 to 10 min"),
    ("a · b · c", "a, b, c", "a, b, c"),
    ("• first\n• second", "first\nsecond", "first\nsecond"),
    ("— Non. Pas ta faute.", "Non. Pas ta faute.", "Non. Pas ta faute."),
    ("Vote — or not", "Vote, or not", "Vote, or not"),
    ("← Retour", "Retour", "Retour"),
    ("Suivant →", "Suivant", "Suivant"),
    ("✓ Appel envoyé", "Appel envoyé", "Appel envoyé"),
    ("3 pts en tout", "3 points en tout", "3 points en tout"),
    ("1 point → 4 pt", "1 point, puis 4 points", "1 point, then 4 points"),
]


@pytest.mark.parametrize(("drawn", "fr", "en"), CASES)
def test_speakable_in_french_and_english(drawn: str, fr: str, en: str) -> None:
    assert speakable(drawn, "fr") == fr
    assert speakable(drawn, "en") == en


@pytest.mark.parametrize(
    "text",
    ["week-2", "10-2", "covid-19", "Semaine 2 : votre score", "1 778 points", "« Bonjour »", "Qui êtes-vous ?"],
)
def test_what_needs_no_change_is_left_alone(text: str) -> None:
    assert speakable(text, "fr") == text
    assert speakable(text, "en") == text


def test_the_words_come_from_the_catalog_not_the_code() -> None:
    rules = load_speech_config().text
    prepare = TextPreparer(rules, lambda key, lang: f"<{key}:{lang}>")
    assert prepare("+1 −2 3 % 4–5 a → b", "de") == (
        "<speech.plus:de> 1 <speech.minus:de> 2 3 <speech.percent:de> 4 <speech.to:de> 5 a, <speech.then:de> b"
    )


def test_an_unknown_language_falls_back_rather_than_failing() -> None:
    assert speakable("+3 pts", "xx") == "plus 3 pts"  # English words, no abbreviations for "xx"


SYMBOLS = "←→↑↓•·—–−-+%|✓ 0123456789ab\n"


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=SYMBOLS, max_size=40), st.sampled_from(LANGS))
def test_any_text_is_prepared_without_error_and_once_is_enough(text: str, lang: str) -> None:
    rules = load_speech_config().text
    spoken = speakable(text, lang)
    assert not set(spoken) & (set(rules.drop) | set(rules.pauses))
    assert speakable(spoken, lang) == spoken
    assert spoken == spoken.strip()
