"""The sandbox's benchmark measures what it says (a class of 30 kiosk months, a slider moved)
and prints it; how fast is a printed figure (python -m game bench), never a timed test."""

from __future__ import annotations

import pytest

from game.paths import LEVELS_DIR
from game.sandbox import bench
from tests.sandbox.conftest import level


def test_the_figure_is_a_class_of_30_months_after_slider_moves() -> None:
    found = bench.measure(level("kiosk"), moves=2)
    assert found.months == 30
    assert 0 < found.median_ms <= found.slowest_ms and found.open_ms > 0


def test_its_own_command_prints_the_figure(capsys: pytest.CaptureFixture[str]) -> None:
    assert bench.main([str(LEVELS_DIR / "kiosk.yaml")]) == 0
    out = capsys.readouterr().out
    assert out.startswith("sandbox on kiosk: a slider move over 30 months answered in ")
    assert "target under 100 ms" in out
