"""Every touch target is at least 20 mm on the configured screen, with at least 3 mm between."""

from __future__ import annotations

import itertools
import random

import pytest

from game.cli.screenshot import SCREENS, stage
from game.screens.debrief import PANELS
from game.tools.drive import open_debrief
from tests.screens.helpers import make_app

PPI = 92  # a 24" 1080p screen
MM = PPI / 25.4


def physical_targets(app):  # type: ignore[no-untyped-def]
    return [(b, app.viewport.rect(b.rect)) for b in app.top.buttons if b.enabled]


@pytest.mark.parametrize("screen", SCREENS)
def test_targets_are_at_least_20_mm(screen: str) -> None:
    app = make_app(size=(1920, 1080), ppi=PPI, kiosk=screen in ("pin", "idle"))
    app.ctx.kiosk.admin_pin = "2468"
    stage(app, screen, None, None, app.ctx.level.personas[0].id, random.Random(1))
    app.draw()
    small = [(b.id, r.size) for b, r in physical_targets(app) if min(r.w, r.h) < 20 * MM - 1]
    assert small == []


@pytest.mark.parametrize("panel", PANELS)
def test_debrief_targets_are_at_least_20_mm(panel: str) -> None:
    app = make_app(size=(1920, 1080), ppi=PPI)
    stage(app, "debrief", None, None, app.ctx.level.personas[0].id, random.Random(1))
    open_debrief(app, panel)
    app.draw()
    small = [(b.id, r.size) for b, r in physical_targets(app) if min(r.w, r.h) < 20 * MM - 1]
    assert small == []


def test_scene_options_are_3_mm_apart_on_a_small_window() -> None:
    app = make_app(size=(1280, 720), ppi=PPI)
    stage(app, "scene", None, None, app.ctx.level.personas[0].id, random.Random(1))
    app.draw()
    rects = sorted((r for b, r in physical_targets(app) if b.id.startswith("option:")), key=lambda r: r.y)
    assert len(rects) >= 2
    gaps = [b.y - a.bottom for a, b in itertools.pairwise(rects)]
    assert min(gaps) >= 3 * MM - 1
