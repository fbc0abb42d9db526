"""Audio mode in the running game: never a frame held up, the keys, the switch, and no engine at all."""

from __future__ import annotations

import time

import pygame
import pytest

from game.content.load import load_level
from game.speech import REASON_MISSING, FakeSpeaker, NullSpeaker
from game.tools.drive import button
from tests.screens.helpers import SAMPLE, make_app, press
from tests.speech.keys import Ear, key_code

pytestmark = pytest.mark.serial  # it times a game or a speaker: run alone (tests/run.py)

LEVEL = load_level(SAMPLE)
SPEECH_S = 3.0  # every utterance keeps the fake engine busy this long (unless cut off)


def test_speech_never_holds_up_a_frame() -> None:
    """The fake engine "speaks" each sentence for 3 s on its own thread; the loop keeps turning.

    Over 1.5 s of wall time the loop is driven as ``run`` drives it (``step(block=True)``,
    input from the event queue), a focus move every few iterations, each of which draws
    a frame and starts a new 3 s sentence. Were speech on the loop's thread, the first
    sentence alone would take the whole period; here the loop runs dozens of iterations,
    draws a frame for every move, and no iteration takes anywhere near a sentence.
    """
    speaker = FakeSpeaker(delay_s=SPEECH_S)
    ear = Ear(LEVEL, "en", speaker=speaker)
    app = ear.app
    app.clock = app.ctx.clock = time.monotonic
    ear.press("select")  # the persona screen: its title is being "said" for 3 s
    assert speaker.busy
    frames, moves, iterations, busy, longest = app.frames, 0, 0, 0, 0.0
    start = time.monotonic()
    while time.monotonic() - start < 1.5:
        if iterations % 5 == 0:
            pygame.event.post(pygame.event.Event(pygame.KEYDOWN, key=key_code("down"), mod=0, unicode="", scancode=0))
            moves += 1
        before = time.monotonic()
        app.step(block=True)
        longest = max(longest, time.monotonic() - before)
        iterations += 1
        busy += speaker.busy
    assert iterations >= 20, f"only {iterations} loop iterations in 1.5 s"
    assert busy >= iterations - 1, "the fake engine should have been speaking the whole time"
    assert app.frames - frames >= moves - 1, "a focus move should draw a frame at once"
    assert longest < SPEECH_S / 3, f"one iteration took {longest:.2f} s: it waited for speech"
    assert len(speaker.cut_off) + len(speaker.spoken) >= 2, "each move should cut off and start a sentence"
    ear.close()


def test_the_stop_key_silences_at_once_and_help_says_it_again() -> None:
    speaker = FakeSpeaker(delay_s=SPEECH_S)
    ear = Ear(LEVEL, "en", speaker=speaker)
    assert speaker.busy
    ear.press("stop_speech")
    assert speaker.wait_idle(1.0), "the stop key should silence the speaker at once"
    assert not speaker.completed, "nothing should have been said to the end"
    assert speaker.cut_off or speaker.counts.dropped, "what was being said should have been cut off or dropped"
    ear.forget()
    ear.press("help")
    slogan = ear.app.ctx.catalog("attract.slogan", "en")
    assert slogan in ear.heard()[0]
    assert speaker.calls[0][2], "help cuts off whatever was being said"
    ear.close()


def test_audio_mode_switched_from_a_key_and_from_the_toolbar() -> None:
    ear = Ear(LEVEL, "fr", audio=False)
    app = ear.app
    ear.press("select")  # persona
    assert ear.heard() == []  # audio mode off: nothing said
    ear.press("audio")  # F2
    assert app.ctx.settings.audio
    assert ear.was_said(app.ctx.catalog("persona.title", "fr"))
    ear.forget()
    press(app, "tb:audio")  # the toolbar switches it off: silence, nothing more said
    assert not app.ctx.settings.audio
    ear.press("down")
    assert ear.heard() == []
    press(app, "tb:audio")
    assert ear.was_said(app.ctx.catalog("persona.title", "fr"))
    ear.forget()
    ear.press("help")
    assert ear.was_said(app.ctx.catalog("persona.title", "fr"))
    ear.close()


def test_the_visitors_language_is_the_voice_and_another_language_is_said_again() -> None:
    ear = Ear(LEVEL, "en")
    assert {lang for _, lang in ear.speaker.said} == {"en"}
    ear.press("select")
    ear.forget()
    press(ear.app, "tb:lang")
    other = ear.app.ctx.settings.lang
    assert other != "en"
    assert ear.was_said_in(ear.app.ctx.catalog("persona.title", other), other)
    assert {lang for _, lang in ear.speaker.said} == {other}
    ear.close()


def test_toolbar_toggles_say_their_state() -> None:
    ear = Ear(LEVEL, "en")
    ear.press("select")
    sound = button(ear.app, "tb:sound")
    assert sound.spoken() == (f"{sound.label}, off", "")
    ear.close()


def test_without_a_speech_engine_the_button_says_so_and_the_game_plays_on() -> None:
    app = make_app(LEVEL, lang="en", audio=True)
    assert app.ctx.speaker.available  # the tests' fake
    quiet = make_app_without_speech()
    whole = quiet.ctx.catalog(REASON_MISSING, "en")
    for _ in range(2):  # on the attract loop's own button, then in the toolbar
        audio = button(quiet, "tb:audio")
        assert audio.label in (whole, quiet.ctx.catalog("toolbar.audio_unavailable", "en"))
        assert not audio.enabled
        quiet.step(events=[pygame.event.Event(pygame.KEYDOWN, key=key_code("select"), mod=0, unicode="", scancode=0)])
        quiet.step(events=[])
    for action in ("down", "select", "help", "stop_speech", "audio", "up", "select"):
        quiet.step(events=[pygame.event.Event(pygame.KEYDOWN, key=key_code(action), mod=0, unicode="", scancode=0)])
        quiet.step(events=[])
    assert quiet.top.name in ("consent", "persona", "week")  # played on by the keys alone


def make_app_without_speech():  # type: ignore[no-untyped-def]
    from game.app import App
    from game.settings import Settings
    from tests.screens.helpers import FakeClock

    opts = Settings(lang="en", default_lang="en", languages=list(LEVEL.languages), seed=5, stats=False, audio=True)
    app = App(LEVEL, opts, size=(1280, 720), clock=FakeClock(), speaker=NullSpeaker("espeak-ng not installed"))
    app.step()
    return app


def test_another_life_keeps_audio_mode_and_a_new_visitor_gets_the_kiosks_setting() -> None:
    from game.screens.transitions import Again, Reset

    ear = Ear(LEVEL, "en")
    app = ear.app
    app.ctx.defaults = (False, False, False, False)  # this kiosk starts visits with audio off
    app.apply(Again())
    assert app.ctx.settings.audio and app.top.name == "persona"
    app.apply(Reset())
    assert not app.ctx.settings.audio
    ear.close()
