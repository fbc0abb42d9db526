"""``audio: true`` in the kiosk config starts every visit in audio mode; a switch that is anything but
a boolean (audio, stats, larger text…) is refused by line."""

from __future__ import annotations

import argparse
from pathlib import Path

import pytest

from game.cli.setup import settings_from
from game.content.load import ContentInvalid
from game.kiosk.config import load_kiosk_config
from game.paths import LEVELS_DIR

LEVEL = LEVELS_DIR / "sample.yaml"


def config(tmp_path: Path, audio_line: str) -> Path:
    path = tmp_path / "kiosk.yaml"
    path.write_text(f'level: {LEVEL}\nadmin_pin: "604917"\nsound: true\n{audio_line}', encoding="utf-8")
    return path


def test_audio_is_off_unless_the_config_says_true(tmp_path: Path) -> None:
    assert load_kiosk_config(config(tmp_path, "")).audio is False
    assert load_kiosk_config(config(tmp_path, "audio: true\n")).audio is True
    assert load_kiosk_config(config(tmp_path, "audio: false\n")).audio is False


@pytest.mark.parametrize(
    "value",
    ['"yes"', "1", "0", '"true"', "[true]", "{on: true}", "null", "!!python/name:os.system", "2.5"],
)
@pytest.mark.parametrize("switch", ["audio", "stats", "log_sessions", "reduced_motion", "larger_text"])
def test_anything_but_true_or_false_is_refused_with_its_line(tmp_path: Path, value: str, switch: str) -> None:
    path = config(tmp_path, f"{switch}: {value}\n")
    with pytest.raises(ContentInvalid) as err:
        load_kiosk_config(path)
    problems = [str(p) for p in err.value.problems]
    assert problems and all(p.startswith(f"{path}:4:") for p in problems), problems
    assert switch in problems[0]


def test_the_kiosk_config_switches_audio_mode_on_for_every_visit(tmp_path: Path) -> None:
    args = argparse.Namespace(
        config=config(tmp_path, "audio: true\n"),
        lang=None,
        larger_text=False,
        reduced_motion=False,
        sound=False,
        kiosk=True,
        ppi=None,
        no_stats=True,
        seed=None,
        level=None,
        window=(1280, 720),
        fullscreen=False,
        stats_db=None,
    )
    options = settings_from(args)
    assert options.settings.audio is True
    args.config = config(tmp_path, "")
    assert settings_from(args).settings.audio is False
    args.audio = True  # python -m game --audio
    assert settings_from(args).settings.audio is True
