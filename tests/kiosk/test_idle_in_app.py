"""The kiosk's idle reset, through the real loop with a fake clock: 60 s warning, 80 s reset."""

from __future__ import annotations

from game.kiosk.idle import IdleTimer
from game.tools.drive import texts
from tests.screens.helpers import FakeClock, into_a_scene, make_app, press, tap_at


def kiosk_app(clock: FakeClock):  # type: ignore[no-untyped-def]
    app = make_app(kiosk=True, clock=clock, lang="en")
    app.ctx.settings.default_lang = "fr"
    app.idle = IdleTimer(60, 120, 20, clock=clock)
    return app


def test_warning_at_60_reset_at_80_back_to_attract_in_the_default_language() -> None:
    clock = FakeClock(per_read=0.0)
    app = kiosk_app(clock)
    into_a_scene(app)
    clock.advance(59)
    app.step(events=[])
    assert app.top.name == "scene"
    clock.advance(2)
    app.step(events=[])
    assert app.top.name == "idle"
    assert "19" in texts(app) or "20" in texts(app)
    clock.advance(20)
    app.step(events=[])
    assert app.screen_names() == ["attract"]
    assert app.ctx.visit is None
    assert app.ctx.settings.lang == "fr"


def test_a_touch_at_79_seconds_cancels_the_reset() -> None:
    clock = FakeClock(per_read=0.0)
    app = kiosk_app(clock)
    into_a_scene(app)
    choices = list(app.ctx.visit.session.state.choices)
    clock.advance(79)
    app.step(events=[])
    assert app.top.name == "idle"
    tap_at(app, 10, 10)
    assert app.top.name == "scene"
    clock.advance(5)
    app.step(events=[])
    assert app.top.name == "scene"
    assert app.ctx.visit.session.state.choices == choices


def test_no_timer_on_the_attract_screen() -> None:
    clock = FakeClock(per_read=0.0)
    app = kiosk_app(clock)
    clock.advance(3600)
    app.step(events=[])
    assert app.screen_names() == ["attract"]


def test_reading_screens_wait_120_seconds() -> None:
    clock = FakeClock(per_read=0.0)
    app = kiosk_app(clock)
    into_a_scene(app)
    from game.tools.drive import open_debrief

    for _ in range(60):
        if app.top.name == "end":
            break
        options = [b for b in app.top.buttons if b.enabled and b.id.startswith("option:")]
        press(app, options[0].id if options else "continue")
    open_debrief(app)
    app.step(events=[])
    clock.advance(100)
    app.step(events=[])
    assert app.top.name != "idle"
    clock.advance(21)
    app.step(events=[])
    assert app.top.name == "idle"
