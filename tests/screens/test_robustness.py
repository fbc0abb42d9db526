"""Edge cases a kiosk meets over a long day: double taps, the technician's corner, tiny windows."""

from __future__ import annotations

import random
from pathlib import Path

import pygame
import pytest

from game.app import App
from game.kiosk.idle import IdleTimer
from game.screens.base import TAP_SETTLE_S
from game.screens.debrief import PANELS
from game.screens.transitions import Push
from game.tools.autoplay import play_until
from game.tools.drive import centre_of, open_debrief
from tests.screens.helpers import FakeClock, into_a_scene, key, make_app, press, tap
from tests.screens.helpers import button as button_of


def test_two_taps_in_one_frame_choose_once() -> None:
    app = make_app()
    into_a_scene(app)
    option = next(b for b in app.top.buttons if b.id.startswith("option:"))
    x, y = centre_of(app, option)
    w, h = app.window.get_size()
    up = pygame.event.Event(pygame.FINGERUP, x=x / w, y=y / h, dx=0, dy=0, finger_id=0, touch_id=0)
    before = len(app.ctx.visit.session.state.choices)
    app.clock.advance(TAP_SETTLE_S + 0.05)  # type: ignore[attr-defined]
    app.step(events=[up, up, up])
    app.step(events=[])
    assert len(app.ctx.visit.session.state.choices) == before + 1


def fast_tap(app: App, x: int, y: int, after_s: float) -> None:
    """A finger touch ``after_s`` after the last one, without waiting for the screen to settle."""
    assert isinstance(app.clock, FakeClock)
    app.clock.advance(after_s)
    w, h = app.window.get_size()
    app.step(events=[pygame.event.Event(pygame.FINGERUP, x=x / w, y=y / h, dx=0, dy=0, finger_id=0, touch_id=0)])
    app.step(events=[])


def test_a_double_tap_on_an_option_does_not_skip_its_answer() -> None:
    """The second touch of a double tap lands on the answer card's Continue: it must not
    take the visitor past the answer they have not read."""
    app = make_app(clock=FakeClock(per_read=0.001))
    into_a_scene(app)
    option = next(b for b in app.top.buttons if b.id.startswith("option:"))
    x, y = centre_of(app, option)
    app.clock.advance(1.0)  # type: ignore[attr-defined]
    fast_tap(app, x, y, 0.0)
    screen = app.top
    assert screen.name == "scene" and screen.after is not None  # type: ignore[attr-defined]
    rect = button_of(app, "continue").rect
    cx, cy = app.viewport.point(*rect.center)
    fast_tap(app, cx, cy, 0.15)  # the second half of the double tap
    assert app.top is screen and screen.after is not None, "the answer was skipped"  # type: ignore[attr-defined]
    fast_tap(app, cx, cy, TAP_SETTLE_S + 0.05)  # a deliberate touch, once it is read
    assert app.top is not screen


def test_a_double_tap_on_the_attract_screen_does_not_pick_a_life() -> None:
    app = make_app(clock=FakeClock(per_read=0.001))
    app.clock.advance(1.0)  # type: ignore[attr-defined]
    card = None
    w, h = app.window.get_size()
    fast_tap(app, w // 2, h - 40, 0.0)
    assert app.top.name == "persona"
    card = next(b for b in app.top.buttons if b.id.startswith("persona:"))
    x, y = centre_of(app, card)
    fast_tap(app, x, y, 0.12)
    assert app.top.name == "persona" and app.ctx.visit is None


def test_a_drag_lifted_on_an_option_does_not_choose_it() -> None:
    """A visitor who slides a finger down the card and lifts it on an option has not chosen."""
    app = make_app()
    into_a_scene(app)
    option = next(b for b in app.top.buttons if b.id.startswith("option:"))
    x, y = centre_of(app, option)
    w, h = app.window.get_size()
    app.clock.advance(TAP_SETTLE_S + 0.05)  # type: ignore[attr-defined]
    finger = {"dx": 0, "dy": 0, "finger_id": 0, "touch_id": 0}
    drag = [
        pygame.event.Event(pygame.FINGERDOWN, x=x / w, y=0.3, **finger),
        pygame.event.Event(pygame.FINGERMOTION, x=x / w, y=(0.3 + y / h) / 2, **finger),
        pygame.event.Event(pygame.FINGERUP, x=x / w, y=y / h, **finger),
    ]
    before = len(app.ctx.visit.session.state.choices)
    app.step(events=drag)
    app.step(events=[])
    assert len(app.ctx.visit.session.state.choices) == before, "a drag chose an option"
    tap(app, option)  # a real tap still chooses
    assert len(app.ctx.visit.session.state.choices) == before + 1


def test_switching_level_from_the_admin_screen_mid_month_starts_afresh() -> None:
    app = make_app(kiosk=True)
    app.ctx.kiosk.admin_pin = "2468"
    into_a_scene(app)
    app.open_admin()
    for digit in "2468":
        key(app, getattr(pygame, f"K_{digit}"))
    key(app, pygame.K_RETURN)
    assert app.top.name == "admin"
    before = app.ctx.level.id
    press(app, "level")
    app.step(events=[])
    assert app.ctx.level.id != before
    assert app.screen_names() == ["attract", "admin"]
    press(app, "back")
    assert app.screen_names() == ["attract"]


def test_the_admin_screen_left_open_times_out_in_a_kiosk() -> None:
    clock = FakeClock(per_read=0.0)
    app = make_app(kiosk=True, clock=clock)
    app.idle = IdleTimer(60, 120, 20, clock=clock)
    app.ctx.kiosk.admin_pin = "2468"
    app.open_admin()
    app.step(events=[])
    assert app.top.name == "pin"
    clock.advance(61)
    app.step(events=[])
    clock.advance(21)
    app.step(events=[])
    assert app.screen_names() == ["attract"]


def test_the_chord_does_not_stack_admin_screens() -> None:
    app = make_app()
    app.open_admin()
    app.open_admin()
    assert app.screen_names().count("admin") == 1


def test_the_facilitator_view_with_statistics_off_creates_nothing(tmp_path: Path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.setenv("OPEN_SESAME_DATA", str(tmp_path))
    app = make_app(stats=False)
    app.apply(Push("facilitator"))
    app.draw()
    assert list(tmp_path.iterdir()) == []


@pytest.mark.parametrize("size", [(320, 240), (640, 360)])
def test_every_debrief_panel_survives_a_tiny_window_with_larger_text(size: tuple[int, int]) -> None:
    app = make_app(size=size, larger_text=True, lang="fr")
    play_until(app, lambda s: s.name == "end", random.Random(2))
    for panel in PANELS:
        open_debrief(app, panel)
        app.draw()


def test_touch_targets_stay_on_screen_at_a_very_high_ppi() -> None:
    app = make_app(ppi=300, size=(1920, 1080))
    app.open_admin()
    app.draw()
    for button in app.top.buttons:
        assert button.rect.bottom <= app.ctx.theme.height
