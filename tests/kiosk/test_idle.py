"""The idle timer with a fake clock: warning at 60 s, reset at 80 s, touches cancel, attract never times out."""

from __future__ import annotations

import pytest

from game.kiosk.config import IdleTimes
from game.kiosk.idle import IdleTimer


class FakeClock:
    def __init__(self) -> None:
        self.now = 0.0

    def __call__(self) -> float:
        return self.now


def play_timer(clock: FakeClock | None = None) -> IdleTimer:
    timer = IdleTimer(clock=clock or FakeClock())
    timer.set_mode("play", now=0.0)
    return timer


def test_active_before_60_s() -> None:
    timer = play_timer()
    assert timer.poll(0).phase == "active"
    assert timer.poll(59.9).phase == "active"
    assert timer.poll(59.9).seconds_left == 20


def test_warning_at_60_s_counts_down_20_s() -> None:
    timer = play_timer()
    state = timer.poll(60)
    assert state.phase == "warning"
    assert state.seconds_left == pytest.approx(20)
    assert timer.poll(70.5).seconds_left == pytest.approx(9.5)
    assert timer.poll(70.5).whole_seconds_left == 10
    assert timer.poll(79.99).whole_seconds_left == 1


def test_reset_at_80_s_and_it_stays() -> None:
    timer = play_timer()
    assert timer.poll(80).phase == "reset"
    assert timer.poll(80).seconds_left == 0
    assert timer.poll(500).phase == "reset"


def test_touch_at_79_cancels_the_reset() -> None:
    timer = play_timer()
    assert timer.poll(79).phase == "warning"
    timer.touch(79)
    assert timer.poll(80).phase == "active"
    assert timer.poll(138.9).phase == "active"
    assert timer.poll(139).phase == "warning"
    assert timer.poll(159).phase == "reset"


def test_no_timer_in_attract() -> None:
    timer = IdleTimer(clock=FakeClock())
    assert timer.mode == "attract"
    assert timer.poll(0).phase == "active"
    assert timer.poll(10_000).phase == "active"


def test_reading_screens_warn_after_120_s() -> None:
    timer = play_timer()
    timer.set_mode("reading", now=10)
    assert timer.poll(129.9).phase == "active"
    assert timer.poll(130).phase == "warning"
    assert timer.poll(150).phase == "reset"


def test_same_mode_again_does_not_restart_the_timer() -> None:
    """The game may call set_mode every frame; only a change of screen kind counts as activity."""
    timer = play_timer()
    timer.set_mode("play", now=59)
    assert timer.poll(60).phase == "warning"


def test_back_to_attract_clears_a_reset() -> None:
    timer = play_timer()
    assert timer.poll(80).phase == "reset"
    timer.set_mode("attract", now=80)
    assert timer.poll(1000).phase == "active"
    timer.set_mode("play", now=1000)
    assert timer.poll(1059).phase == "active"
    assert timer.poll(1060).phase == "warning"


def test_injected_clock_is_used_when_now_is_omitted() -> None:
    clock = FakeClock()
    timer = IdleTimer.from_config(IdleTimes(play_s=30, countdown_s=25), clock=clock, mode="play")
    clock.now = 29
    assert timer.poll().phase == "active"
    clock.now = 30
    assert timer.poll().phase == "warning"
    assert timer.poll().seconds_left == 25
    timer.touch()
    clock.now = 55
    assert timer.poll().phase == "active"
    clock.now = 85
    assert timer.poll().phase == "reset"


def test_unknown_mode_is_refused() -> None:
    with pytest.raises(ValueError, match="unknown idle mode"):
        IdleTimer(clock=FakeClock()).set_mode("menu")  # type: ignore[arg-type]
