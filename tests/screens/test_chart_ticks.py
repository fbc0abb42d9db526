"""The score chart's tick labels never stack on one another, however short larger text
leaves the chart (the reveal's first step showed 450 to 700 in one smudge)."""

from __future__ import annotations

from game.screens.debrief.chart import tick_step


def test_ticks_keep_fifty_points_when_there_is_room() -> None:
    assert tick_step(250, 300 / 250, 30) == 50
    assert tick_step(500, 300 / 500, 30) == 100


def test_a_short_chart_spreads_its_ticks_to_a_line_apart() -> None:
    line_h = 44.0  # larger text
    for height in (80, 120, 160, 240):
        scale = height / 250
        tick = tick_step(250, scale, line_h)
        assert tick * scale >= line_h * 1.1 or tick >= 250, (height, tick)
