"""Speech never makes its caller wait, and stopping or interrupting cancels what is queued.

These run on :class:`FakeSpeaker`, which shares its queue and worker with the real eSpeak
speaker, so what holds here holds on a kiosk. Timings are bounds a slow CI machine still
meets by far, not tight measurements.
"""

from __future__ import annotations

import logging
import threading
import time
from collections.abc import Callable, Iterator

import pytest

from game.speech import REASON_MISSING, REASON_OFF, FakeSpeaker, NullSpeaker, Speaker, make_speaker
from game.speech.base import Utterance

pytestmark = pytest.mark.serial  # it times a game or a speaker: run alone (tests/run.py)

FRAME_S = 1 / 60
SLOW_S = 2.0  # the fake engine takes this long per utterance, unless cut off


@pytest.fixture
def slow() -> Iterator[FakeSpeaker]:
    speaker = FakeSpeaker(delay_s=SLOW_S)
    yield speaker
    speaker.close()


def test_say_returns_at_once_while_the_engine_takes_2_s(slow: FakeSpeaker) -> None:
    start = time.monotonic()
    slow.say("Week 2: down 17", "en")
    took = time.monotonic() - start
    assert took < 0.05
    assert slow.busy
    assert slow.said == [("Week 2: down 17", "en")]


def test_a_frame_loop_that_says_something_every_frame_keeps_its_rate(slow: FakeSpeaker) -> None:
    """60 frames at 60 fps, each calling say: the loop takes about 1 s, not 60 x 2 s."""
    worst = 0.0
    start = time.monotonic()
    for frame in range(60):
        before = time.monotonic()
        slow.say(f"frame {frame}", "fr", interrupt=frame % 2 == 0)
        worst = max(worst, time.monotonic() - before)
        deadline = start + (frame + 1) * FRAME_S
        time.sleep(max(0.0, deadline - time.monotonic()))
    total = time.monotonic() - start
    assert worst < 0.05
    assert total < 2.0  # 1 s of frames; a blocking say would have taken minutes
    assert len(slow.said) == 60


def test_interrupt_cuts_off_the_current_utterance_and_drops_the_queue(slow: FakeSpeaker) -> None:
    slow.say("first", "fr")
    _wait_until(lambda: slow.spoken == [("first", "fr")])
    slow.say("queued 1", "fr", interrupt=False)
    slow.say("queued 2", "fr", interrupt=False)
    slow.say("now", "fr", interrupt=True)
    _wait_until(lambda: ("now", "fr") in slow.spoken)
    assert slow.spoken == [("first", "fr"), ("now", "fr")]
    assert slow.cut_off == [("first", "fr")]
    assert slow.counts.dropped == 2


def test_stop_silences_at_once_and_nothing_queued_is_said(slow: FakeSpeaker) -> None:
    slow.say("one", "en")
    slow.say("two", "en", interrupt=False)
    _wait_until(lambda: slow.spoken == [("one", "en")])
    start = time.monotonic()
    slow.stop()
    assert slow.wait_idle(1.0)
    assert time.monotonic() - start < 0.5  # not the 2 s the utterance would have taken
    assert slow.spoken == [("one", "en")]
    assert slow.completed == []
    assert not slow.busy


def test_without_interrupt_utterances_are_said_in_order() -> None:
    speaker = FakeSpeaker(delay_s=0.01)
    for text in ("a", "b", "c"):
        speaker.say(text, "fr", interrupt=False)
    assert speaker.wait_idle(2.0)
    assert speaker.completed == [("a", "fr"), ("b", "fr"), ("c", "fr")]
    speaker.close()


def test_the_queue_is_bounded_and_keeps_the_newest() -> None:
    small = FakeSpeaker(delay_s=0.1, max_queue=3)
    small.say("speaking", "en")
    _wait_until(lambda: small.spoken == [("speaking", "en")])
    for n in range(10):
        small.say(f"waiting {n}", "en", interrupt=False)
    assert small.counts.dropped == 7
    assert small.wait_idle(2.0)
    assert [text for text, _ in small.completed] == ["speaking", "waiting 7", "waiting 8", "waiting 9"]
    small.close()


def test_an_utterance_taken_just_before_a_stop_is_never_started() -> None:
    """Many rounds of say-then-stop at once: nothing said after its stop ever completes."""
    speaker = FakeSpeaker(delay_s=0.2)
    for n in range(50):
        speaker.say(f"round {n}", "en")
        speaker.stop()
    assert speaker.wait_idle(2.0)
    assert speaker.completed == []
    speaker.close()


def test_a_stop_while_the_engine_is_starting_still_cuts_the_utterance_off() -> None:
    """The worker has taken the utterance and is starting the engine when stop comes."""

    class SlowToStart(FakeSpeaker):
        def __init__(self) -> None:
            super().__init__(delay_s=0.5)
            self.begun = threading.Event()
            self.go = threading.Event()

        def _begin(self, utterance: Utterance) -> threading.Event:
            handle = super()._begin(utterance)
            self.begun.set()
            self.go.wait(2.0)
            return handle

    speaker = SlowToStart()
    speaker.say("starting", "en")
    assert speaker.begun.wait(2.0)
    speaker.stop()
    speaker.go.set()
    assert speaker.wait_idle(2.0)
    assert speaker.completed == []
    assert speaker.cut_off == [("starting", "en")]
    speaker.close()


def test_empty_text_is_not_said_but_still_interrupts(slow: FakeSpeaker) -> None:
    slow.say("something", "en")
    _wait_until(lambda: bool(slow.spoken))
    slow.say("   ", "en")
    assert slow.wait_idle(1.0)
    assert slow.said == [("something", "en")]


def test_failures_are_logged_once_and_never_raised(caplog: pytest.LogCaptureFixture) -> None:
    speaker = FakeSpeaker(failing=True)
    with caplog.at_level(logging.DEBUG, logger="open_sesame.speech"):
        for n in range(2):
            speaker.say(f"try {n}", "en", interrupt=False)
            assert speaker.wait_idle(1.0)
    warnings = [r for r in caplog.records if r.levelno >= logging.WARNING]
    assert len(warnings) == 1
    assert speaker.counts.failed == 2
    assert speaker.available  # two failures can be bad luck
    speaker.say("third", "en")
    assert speaker.wait_idle(1.0)
    assert not speaker.available  # three in a row: the button says so
    assert speaker.reason
    speaker.say("fourth", "en")  # still no exception
    speaker.close()


def test_an_unavailable_speaker_is_a_no_op_with_a_reason() -> None:
    for speaker in (FakeSpeaker(available=False), NullSpeaker()):
        assert isinstance(speaker, Speaker)
        speaker.say("hello", "en")
        speaker.stop()
        assert not speaker.available
        assert not speaker.busy
        assert speaker.reason
        assert speaker.reason_key == REASON_MISSING
        speaker.close()


def test_close_stops_and_later_calls_do_nothing(slow: FakeSpeaker) -> None:
    slow.say("long", "en")
    _wait_until(lambda: bool(slow.spoken))
    start = time.monotonic()
    slow.close()
    assert time.monotonic() - start < 1.0
    slow.say("after", "en")
    slow.stop()
    assert not slow.busy
    assert not slow.available


def test_make_speaker() -> None:
    off = make_speaker(enabled=False)
    assert not off.available
    assert off.reason_key == REASON_OFF
    assert isinstance(make_speaker(True, "fake"), FakeSpeaker)
    assert not make_speaker(True, "none").available
    unknown = make_speaker(True, "festival")
    assert not unknown.available
    assert "festival" in unknown.reason
    auto = make_speaker(True)
    assert isinstance(auto, Speaker)
    auto.close()


def _wait_until(condition: Callable[[], bool], timeout: float = 2.0) -> None:
    deadline = time.monotonic() + timeout
    while not condition():
        assert time.monotonic() < deadline, "timed out"
        time.sleep(0.005)
