"""``screenshot --all`` renders every language of the level, or only the one ``--lang`` names."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from game.cli import screenshot
from game.content.load import load_level
from game.paths import LEVELS_DIR

KIOSK = LEVELS_DIR / "kiosk.yaml"


def rendered(monkeypatch: pytest.MonkeyPatch, argv: list[str]) -> set[str]:
    """The languages the command would draw in (the drawing itself left out: it is slow)."""
    langs: set[str] = set()

    def record(level: Any, args: Any, screen: str, lang: str, out: Path, **_: Any) -> None:
        langs.add(lang)

    monkeypatch.setattr(screenshot, "render", record)
    assert screenshot.run(argv) == 0
    return langs


def test_all_alone_renders_every_language_of_the_level(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    found = rendered(monkeypatch, ["--all", "--level", str(KIOSK), "--out", str(tmp_path)])
    capsys.readouterr()
    assert found == set(load_level(KIOSK).languages)


def test_all_with_a_language_renders_only_that_one(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    found = rendered(monkeypatch, ["--all", "--lang", "de", "--level", str(KIOSK), "--out", str(tmp_path)])
    assert found == {"de"}
    assert all(line.endswith("-de.png") for line in capsys.readouterr().out.split())
