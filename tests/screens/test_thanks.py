"""After the last answer, a thank-you in the visitor's language, then the attract loop:
after its few seconds, or at once on a touch anywhere or a key."""

from __future__ import annotations

import pygame
import pytest

from game.app import App
from game.kiosk.idle import IdleTimer
from game.screens.thanks import ARRIVE_S, THANKS_S
from game.tools.drive import open_debrief, texts
from tests.screens.helpers import FakeClock, begin, button, key, make_app, press, tap, tap_at, to_the_end


def thanked(lang: str = "en", answer: str = "yes", clock: FakeClock | None = None, **settings: object) -> App:
    app = make_app(lang=lang, clock=clock, **settings)
    begin(app)
    to_the_end(app)
    open_debrief(app, "kiosk")
    app.step(events=[])
    press(app, "finish")
    tap(app, button(app, answer))
    return app


@pytest.mark.parametrize("lang", ["fr", "en", "de"])
def test_the_answer_is_thanked_in_the_visitors_language_then_the_attract_loop_comes(lang: str) -> None:
    clock = FakeClock(per_read=0.0)
    app = thanked(lang, clock=clock)
    assert app.screen_names() == ["thanks"]
    visit = app.ctx.visit
    assert visit is not None and visit.data.join_again is True  # kept before the thank-you
    shown = texts(app)
    assert app.ctx.catalog("thanks.title", lang) in shown and app.ctx.catalog("thanks.body", lang) in shown

    def wait(seconds: float) -> None:
        for _ in range(round(seconds / 0.1)):  # a frame moves it on by 0.1 s at most
            clock.advance(0.1)
            app.step(events=[])

    wait(THANKS_S - 0.5)
    assert app.screen_names() == ["thanks"], "gone before its time"
    wait(1.0)
    assert app.screen_names() == ["attract"] and app.ctx.visit is None
    assert app.ctx.last_visit is visit and app.ctx.settings.lang == app.ctx.settings.default_lang


def test_a_touch_anywhere_goes_on_at_once() -> None:
    app = thanked()
    tap_at(app, 200, 900)  # nowhere in particular (tap_at waits a visitor's pace first)
    assert app.screen_names() == ["attract"] and app.ctx.visit is None


@pytest.mark.parametrize("code", [pygame.K_RETURN, pygame.K_RIGHT, pygame.K_ESCAPE, pygame.K_5])
def test_a_key_goes_on_at_once(code: int) -> None:
    app = thanked(answer="no")
    app.clock.advance(1.0)  # type: ignore[attr-defined]
    key(app, code)
    assert app.screen_names() == ["attract"]


def test_the_second_half_of_the_answers_double_tap_does_not_skip_it() -> None:
    clock = FakeClock(per_read=0.0)
    app = thanked(clock=clock)
    app.step(events=[pygame.event.Event(pygame.FINGERUP, x=0.5, y=0.8, dx=0, dy=0, finger_id=0, touch_id=0)])
    assert app.screen_names() == ["thanks"]


def test_reduced_motion_shows_it_landed_from_the_first_frame() -> None:
    still = thanked(reduced_motion=True)
    assert not still.moving
    clock = FakeClock(per_read=0.0)
    moving = thanked(clock=clock)
    assert moving.moving  # the card rises into place ...
    for _ in range(round(ARRIVE_S / 0.1) + 2):
        clock.advance(0.1)
        moving.step(events=[])
    assert not moving.moving and moving.screen_names() == ["thanks"]  # ... and then stays still
    assert texts(moving) == texts(still)


def test_the_kiosk_idle_timer_still_resets_from_it() -> None:
    clock = FakeClock(per_read=0.0)
    app = thanked(clock=clock, kiosk=True)
    app.idle = IdleTimer(2, 2, 1, clock=clock)  # shorter than the thank-you, to see that it still holds
    app.step(events=[])
    clock.advance(3.5)
    app.step(events=[])
    clock.advance(1.5)
    app.step(events=[])
    assert app.screen_names() == ["attract"] and app.ctx.visit is None


def test_in_audio_mode_the_thank_you_is_heard_to_its_end(monkeypatch: pytest.MonkeyPatch) -> None:
    """A visitor who listens is not cut off mid-sentence: it stays while speech goes on
    (at most SPOKEN_MAX_S), then gives way as soon as it has been said."""
    from game.screens.thanks import SPOKEN_MAX_S

    clock = FakeClock(per_read=0.0)
    app = thanked(clock=clock)
    still = [True]
    monkeypatch.setattr(type(app.ctx), "speaking", lambda self: still[0])

    def wait(seconds: float) -> None:
        for _ in range(round(seconds / 0.1)):
            clock.advance(0.1)
            app.step(events=[])

    wait(THANKS_S + 1.0)
    assert app.screen_names() == ["thanks"], "cut off while it was being said"
    still[0] = False
    wait(0.2)
    assert app.screen_names() == ["attract"]
    app = thanked(clock=clock)
    still[0] = True
    wait(SPOKEN_MAX_S + 0.5)
    assert app.screen_names() == ["attract"], "a speaker that never ends must not hold the kiosk"


def test_speaking_is_audio_mode_with_something_said() -> None:
    from game.speech.fake import FakeSpeaker

    app = make_app(lang="en")
    speaker = FakeSpeaker(delay_s=5.0)
    app.ctx.speaker = speaker
    speaker.say("Thank you for your answer", "en")
    app.ctx.settings.audio = False
    assert not app.ctx.speaking()
    app.ctx.settings.audio = True
    assert app.ctx.speaking()
    speaker.stop()
    assert speaker.wait_idle(5.0) and not app.ctx.speaking()
    speaker.close()
