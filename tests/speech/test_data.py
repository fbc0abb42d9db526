"""The speech data files are valid, and cover every language and every word they name."""

from __future__ import annotations

from pathlib import Path

import pytest

from game.content.load import ContentInvalid
from game.i18n import load_catalog
from game.speech.config import Voice, choose_voice, load_speech_config, read_speech_config
from tests.langs import LANGS

CONFIG = load_speech_config()
CATALOG = load_catalog()


def test_there_is_a_voice_for_every_language_of_the_ui_catalogs() -> None:
    languages = CATALOG.languages()
    assert languages >= {"fr", "en"}
    assert languages <= set(CONFIG.voices), f"no voice for {sorted(languages - set(CONFIG.voices))}"


def test_german_has_a_voice_already() -> None:
    assert CONFIG.voices["de"].voice == "de"


def test_every_word_the_text_rules_say_is_in_the_catalog_in_every_language() -> None:
    keys = CONFIG.text.catalog_keys()
    assert {"speech.plus", "speech.minus", "speech.percent"} <= keys
    for key in keys:
        assert set(CATALOG.entries[key]) == set(LANGS), key


def test_choose_voice_falls_back_and_never_fails() -> None:
    voices = {"fr": Voice(voice="fr-fr"), "en": Voice(voice="en-gb")}
    assert choose_voice("fr", voices) == voices["fr"]
    assert choose_voice("fr-CA", voices) == voices["fr"]
    assert choose_voice("de", voices) == voices["fr"]  # unknown: the first listed
    assert choose_voice("fr", voices, installed={"en-gb"}) == voices["en"]  # not installed: the first that is
    assert choose_voice("fr", voices, installed=set()) is None  # none: eSpeak's default voice


def test_a_bad_speech_file_is_reported_with_its_line(tmp_path: Path) -> None:
    path = tmp_path / "speech.yaml"
    path.write_text("voices:\n  fr: {voice: fr-fr, rate: 2000}\n  en: {voice: '-x'}\nengine: {volume: 3}\n")
    with pytest.raises(ContentInvalid) as err:
        read_speech_config(path)
    text = str(err.value)
    assert f"{path}:2:" in text and "voices.fr.rate" in text
    assert "voices.en.voice" in text  # a voice name that could pass for an option
    assert "unknown key 'volume'" in text


def test_the_technicians_check_says_the_sound_check_in_every_language(capsys: pytest.CaptureFixture[str]) -> None:
    """``python -m game.speech``: 0 when every language was said, 1 (with the reason) without an engine."""
    import shutil

    from game.speech.__main__ import run

    code = run(["--null"])
    out = capsys.readouterr().out
    assert "keypad (assets/keypad.yaml):" in out
    if shutil.which("espeak-ng") is None:
        assert code == 1 and "speech unavailable: espeak-ng not installed" in out
    else:
        assert code == 0, out
        for lang in LANGS:
            assert f"saying in {lang}: {CATALOG('speech.test', lang)}" in out
