"""The attract loop's first frame waits for no check: no pydantic, no level, no other screen."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from game.kiosk.config import load_kiosk_config
from game.kiosk.early import FirstFrameConfig, first_frame_config
from game.paths import LEVELS_DIR, ROOT

UP_TO_THE_FIRST_FRAME = """
import json, sys
import game.app, game.cli

class Up(Exception):
    pass

def first_frame():
    raise Up

game.app._mark_first_frame = first_frame
try:
    game.cli.main(sys.argv[1:])
except Up:
    from game.i18n import load_catalog
    print(json.dumps(sorted(sys.modules)))
    print(json.dumps(sorted(path.name for path in load_catalog().pending)))
"""


def at_first_frame(*args: str) -> tuple[list[str], list[str]]:
    """The modules imported and the UI catalog files not yet read when the first frame is up."""
    env = {**os.environ, "SDL_VIDEODRIVER": "dummy", "SDL_AUDIODRIVER": "dummy", "OPEN_SESAME_SPEECH": "auto"}
    done = subprocess.run(
        [sys.executable, "-c", UP_TO_THE_FIRST_FRAME, *args],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert done.returncode == 0, done.stderr
    modules, pending = done.stdout.strip().splitlines()[-2:]
    return json.loads(modules), json.loads(pending)


@pytest.mark.parametrize("kiosk", [False, True])
def test_the_first_frame_imports_no_validation_and_no_other_screen(kiosk: bool, tmp_path: Path) -> None:
    config = tmp_path / "kiosk.yaml"
    config.write_text(f'level: {LEVELS_DIR / "sample.yaml"}\nadmin_pin: "604917"\nwindow: 800x600\n', encoding="utf-8")
    args = ["--kiosk", "--config", str(config)] if kiosk else ["--window", "800x600", "--no-stats"]
    modules, pending = at_first_frame(*args)
    assert "game.screens.attract" in modules  # it did draw the attract loop
    assert pending == ["debrief.yaml", "reveal.yaml", "sandbox.yaml"]  # read right after it
    heavy = [m for m in modules if m.split(".")[0] == "pydantic" or m.startswith(("game.content.models", "sqlite3"))]
    assert heavy == []
    others = [m for m in modules if m.startswith("game.screens.") and not m.split(".")[2].startswith(ATTRACT)]
    assert others == []


ATTRACT = ("attract", "base", "context", "router", "transitions", "narrate")
"""The attract loop's modules, and what every screen shares."""


def test_the_first_frames_keys_are_those_the_checked_config_gives(tmp_path: Path) -> None:
    config = tmp_path / "kiosk.yaml"
    config.write_text(
        f'level: {LEVELS_DIR / "sample.yaml"}\nadmin_pin: "604917"\nlanguages: [en, fr]\nwindow: 1024x768\n'
        "larger_text: true\nreduced_motion: true\naudio: true\nsound: false\nscreen_ppi: 120\n",
        encoding="utf-8",
    )
    early, checked = first_frame_config(config), load_kiosk_config(config)
    for key in ("languages", "default_language", "larger_text", "reduced_motion", "audio", "sound", "screen_ppi"):
        assert getattr(early, key) == getattr(checked, key), key
    assert early.window_size == checked.window_size == (1024, 768)


@pytest.mark.parametrize(
    "text",
    [
        "",
        "[1, 2]\n",
        "languages: [xx, 3]\nwindow: huge\nlarger_text: maybe\nscreen_ppi: 9000\n",
        "window: 5x5\n",
        ": : :\n",
        "default_language: it\n",
    ],
)
def test_unreadable_keys_fall_back_to_the_defaults(tmp_path: Path, text: str) -> None:
    """The whole check, right after the first frame, names the problem; the first frame just plays safe."""
    config = tmp_path / "kiosk.yaml"
    config.write_text(text, encoding="utf-8")
    early = first_frame_config(config)
    default = FirstFrameConfig()
    assert early.window_size is None and early.languages == default.languages
    assert early.default_language in early.languages and early.larger_text is False
    assert early.screen_ppi == 92.0
    assert first_frame_config(tmp_path / "absent.yaml") == default
