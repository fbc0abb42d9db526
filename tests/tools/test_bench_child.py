"""The bench's children draw where the bench draws: on the display there is, headless only without one."""

from __future__ import annotations

import os
import subprocess
import sys

import pytest

from game.paths import ROOT

PROBE = "import os, game.cli.bench_child; print(os.environ.get('SDL_VIDEODRIVER', ''))"


@pytest.mark.parametrize(("display", "driver"), [(":99", ""), ("", "dummy")])
def test_the_video_driver_is_left_to_sdl_when_there_is_a_display(display: str, driver: str) -> None:
    env = {k: v for k, v in os.environ.items() if k not in ("SDL_VIDEODRIVER", "DISPLAY", "WAYLAND_DISPLAY")}
    if display:
        env["DISPLAY"] = display
    done = subprocess.run([sys.executable, "-c", PROBE], cwd=ROOT, env=env, capture_output=True, text=True, timeout=60)
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == driver
