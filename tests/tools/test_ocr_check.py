"""OCR reads the screens back: none of the words a visitor must never see (skipped without Tesseract)."""

from __future__ import annotations

from pathlib import Path

import pytest

from game.cli.screenshot import run as screenshot
from game.tools.ocr_check import available, check_folder, findings, packs
from tests.langs import LANGS

pytestmark = pytest.mark.skipif(not available(), reason="tesseract-ocr is not installed")


def test_the_patterns_catch_what_they_are_for() -> None:
    assert findings("You appealed 2 time(s).") and findings("« Faux — Faux : »") and findings("Jonas · signalé·e")
    assert findings("True — True: yes") and not findings("True: your friends' average counted.")
    assert findings("„„Halo beitreten“") and findings("Wahr — Wahr") and findings("Ihre Freund*innen")
    assert not findings("„Halo beitreten“. Selbst dann") and not findings("Beziehungen: Ihre Freunde")


@pytest.mark.slow
@pytest.mark.parametrize("lang", LANGS)
def test_the_debrief_panels_read_back_clean(tmp_path: Path, lang: str) -> None:
    if lang not in packs():
        pytest.skip(f"no Tesseract language pack for {lang}")
    for panel, page in (("rules", 99), ("rules", 2), ("errors", 0), ("others", 0), ("month", 0)):
        out = tmp_path / f"{panel}{page}-{lang}.png"
        args = ["--screen", "debrief", "--panel", panel, "--page", str(page), "--level", "levels/kiosk.yaml"]
        assert screenshot([*args, "--lang", lang, "--out", str(out)]) == 0
    assert check_folder(tmp_path) == {}
