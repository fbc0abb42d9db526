"""Hostile command-line values and window events give a message or a sane state, never a traceback."""

from __future__ import annotations

from pathlib import Path

import pygame
import pytest

from game.cli import screenshot, simulate
from game.paths import LEVELS_DIR
from tests.screens.helpers import make_app

SAMPLE = LEVELS_DIR / "sample.yaml"


@pytest.mark.parametrize("rate", ["2", "nan", "-1", "inf", "1.0001", "lots"])
def test_an_impossible_decline_rate_is_refused(rate: str, capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as done:
        simulate.run([str(SAMPLE), "--runs", "5", "--decline-rate", rate])
    assert done.value.code == 2
    assert "--decline-rate" in capsys.readouterr().err


@pytest.mark.parametrize("rate", ["0", "1", "0.5"])
def test_a_possible_decline_rate_runs(rate: str, capsys: pytest.CaptureFixture[str]) -> None:
    assert simulate.run([str(SAMPLE), "--runs", "5", "--decline-rate", rate]) == 0
    capsys.readouterr()


@pytest.mark.parametrize("target", ["/dev/full", "{tmp}", "{tmp}/file/in/the/way.png"])
def test_a_screenshot_that_cannot_be_written_is_a_message(
    tmp_path: Path, target: str, capsys: pytest.CaptureFixture[str]
) -> None:
    if target == "/dev/full" and not Path("/dev/full").exists():
        pytest.skip("no /dev/full")
    (tmp_path / "file").write_text("x")
    out = target.replace("{tmp}", str(tmp_path))
    code = screenshot.run(["--screen", "attract", "--level", str(SAMPLE), "--out", out])
    err = capsys.readouterr().err
    assert code == 2 and err.startswith("screenshot: cannot write") and "Traceback" not in err


def test_a_resize_storm_never_leaves_the_window_at_1x1() -> None:
    app = make_app()
    for w, h in [(800, 600), (1, 1), (0, 0), (5, 3000), (319, 239), (1, 1)]:
        app.step(events=[pygame.event.Event(pygame.VIDEORESIZE, w=w, h=h, size=(w, h))])
    width, height = app.window.get_size()
    assert width >= 320 and height >= 240
    assert app.reader.window_size == (width, height)
    app.step(events=[])  # and it still draws
    app.quit()
