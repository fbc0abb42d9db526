"""The bench's frames: each sample draws, and its cold frames change language every frame."""

from __future__ import annotations

import itertools

import pytest

from game.app import App
from game.tools import bench_frames


def test_cold_frames_draw_each_frame_in_another_language(monkeypatch: pytest.MonkeyPatch) -> None:
    drawn: list[str] = []
    draw = App.draw

    def recording(app: App) -> None:
        drawn.append(app.ctx.settings.lang)
        draw(app)

    monkeypatch.setattr(App, "draw", recording)
    frames = bench_frames.cold_frames("scene", (640, 360), 4)
    assert frames.count == 4 and frames.min > 0
    sampled = drawn[-4:]
    assert all(a != b for a, b in itertools.pairwise(sampled))


def test_every_sample_of_a_still_screen_is_a_whole_redraw(monkeypatch: pytest.MonkeyPatch) -> None:
    drawn: list[int] = []
    draw = App.draw

    def counting(app: App) -> None:
        drawn.append(1)
        draw(app)

    monkeypatch.setattr(App, "draw", counting)
    frames = bench_frames.screen_frames("scene", (640, 360), 5)
    assert frames.count == 5 and len(drawn) >= 5
