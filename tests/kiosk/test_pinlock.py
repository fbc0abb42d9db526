"""Nobody gets out: wrong PINs make the pad wait longer and longer, then lock it."""

from __future__ import annotations

import pygame
import pytest

from game.tools.drive import texts
from tests.screens.helpers import FakeClock, key, make_app, press

PIN = "604917"


class Clock:
    def __init__(self) -> None:
        self.now = 0.0

    def __call__(self) -> float:
        return self.now


def test_the_first_wrong_pins_are_free_then_the_waits_grow() -> None:
    from game.kiosk.pinlock import PinLock

    clock = Clock()
    lock = PinLock(clock)
    waits = []
    for _ in range(9):
        assert lock.check("000000", PIN) == "refused"
        waits.append(lock.wait_s())
        clock.now += lock.wait_s()
    assert waits == [0, 0, 0, 5, 10, 20, 40, 80, 160]
    assert not lock.locked


def test_while_the_pad_waits_nothing_is_even_compared() -> None:
    from game.kiosk.pinlock import PinLock

    clock = Clock()
    lock = PinLock(clock)
    for _ in range(4):
        lock.check("111111", PIN)
    assert lock.wait_s() == 5
    assert lock.check(PIN, PIN) == "wait"  # not even the right PIN, until the wait is over
    assert lock.failures == 4
    clock.now += 4.9
    assert lock.check(PIN, PIN) == "wait"
    clock.now += 0.1
    assert lock.check(PIN, PIN) == "granted"
    assert lock.failures == 0 and lock.wait_s() == 0


def test_ten_wrong_pins_in_a_row_lock_the_pad_for_half_an_hour() -> None:
    from game.kiosk.pinlock import PinLock

    clock = Clock()
    lock = PinLock(clock)
    for _ in range(10):
        clock.now += lock.wait_s()
        assert lock.check("123450", PIN) == "refused"
    assert lock.locked and lock.wait_s() == 1800
    clock.now += 1800
    assert not lock.locked
    assert lock.check("123450", PIN) == "refused"  # one more wrong PIN: locked again at once
    assert lock.locked and lock.wait_s() == 1800


def test_brute_force_gets_under_fifty_guesses_a_day() -> None:
    from game.kiosk.pinlock import PinLock

    clock = Clock()
    lock = PinLock(clock)
    guesses = 0
    while clock.now < 24 * 3600:
        clock.now += lock.wait_s() + 0.03  # as fast as the pad is ready
        if lock.check(f"{guesses:06d}", PIN) != "wait":
            guesses += 1
    assert guesses < 60  # was: all 10,000 four-digit PINs in about five minutes


def test_the_policy_is_checked() -> None:
    from game.kiosk.pinlock import PinPolicy

    assert PinPolicy().wait_after(100) == 1800
    with pytest.raises(ValueError):
        PinPolicy(free_attempts=10, lock_after=5)
    with pytest.raises(ValueError):
        PinPolicy(first_wait_s=0)


def test_an_empty_pin_never_opens() -> None:
    from game.kiosk.pinlock import PinLock

    assert PinLock(Clock()).check("", "") == "refused"


# --- the pad on screen --------------------------------------------------------------------


def typed(app: object, digits: str) -> None:
    for digit in digits:
        key(app, getattr(pygame, f"K_{digit}"))  # type: ignore[arg-type]
    key(app, pygame.K_RETURN)  # type: ignore[arg-type]


def test_the_pad_shows_the_wait_and_refuses_input_while_waiting() -> None:
    clock = FakeClock(per_read=0.0)
    app = make_app(kiosk=True, clock=clock, lang="en")
    app.ctx.kiosk.admin_pin = PIN
    app.open_admin()
    for _ in range(4):
        typed(app, "999999")
    app.step(events=[])
    assert "Too many attempts: wait 5 s" in texts(app)
    typed(app, PIN)  # the right PIN, but too early
    assert app.top.name == "pin"
    clock.advance(5)
    app.step(events=[])
    assert "Too many attempts: wait 5 s" not in texts(app)
    typed(app, PIN)
    assert app.top.name == "admin"


def test_the_count_survives_closing_and_reopening_the_pad() -> None:
    clock = FakeClock(per_read=0.0)
    app = make_app(kiosk=True, clock=clock, lang="fr")
    app.ctx.kiosk.admin_pin = PIN
    for wait in (0, 0, 0, 5, 10, 20, 40, 80, 160, 0):  # the waits after each wrong PIN (see pinlock)
        app.open_admin()
        typed(app, "999999")
        clock.advance(wait)
        press(app, "key:cancel")
    assert app.screen_names() == ["attract"]
    app.open_admin()
    app.step(events=[])
    assert any(t.startswith("Code bloqué 30\u00a0min") for t in texts(app))


def test_a_kiosk_without_a_pin_has_no_admin_screen() -> None:
    app = make_app(kiosk=True)
    app.ctx.kiosk.admin_pin = ""
    app.open_admin()
    assert app.screen_names() == ["attract"]


def test_exit_needs_a_second_tap_to_stop_the_game() -> None:
    clock = FakeClock(per_read=0.0)
    app = make_app(clock=clock, lang="en")
    app.open_admin()
    app.step(events=[])
    press(app, "exit")
    assert app.running
    assert "Tap again to stop the kiosk" in [b.label for b in app.top.buttons]
    clock.advance(6)  # too late: the confirmation ran out
    app.step(events=[])
    assert "Exit the game" in [b.label for b in app.top.buttons]
    press(app, "exit")
    assert app.running
    press(app, "exit")
    assert not app.running and app.exit_code == 0
