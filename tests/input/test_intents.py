"""The input module: one activation per touch, the keyboard map, the admin gestures."""

from __future__ import annotations

import pygame

from game.input.intents import Activate, AdminChord, Back, Digit, InputReader, Move, Poke, Quit, Resize


def reader(size: tuple[int, int] = (1000, 500)) -> InputReader:
    r = InputReader()
    r.window_size = size
    return r


def finger_up(x: float, y: float) -> pygame.event.Event:
    return pygame.event.Event(pygame.FINGERUP, x=x, y=y, dx=0, dy=0, finger_id=0, touch_id=0)


def test_a_touch_gives_one_activation_and_its_mouse_copy_none() -> None:
    events = [
        pygame.event.Event(pygame.FINGERDOWN, x=0.5, y=0.5, dx=0, dy=0, finger_id=0, touch_id=0),
        pygame.event.Event(pygame.MOUSEBUTTONDOWN, pos=(500, 250), button=1, touch=True),
        finger_up(0.5, 0.5),
        pygame.event.Event(pygame.MOUSEBUTTONUP, pos=(500, 250), button=1, touch=True),
    ]
    intents = reader().read(events, now=0.0)
    assert [i for i in intents if isinstance(i, Activate)] == [Activate((500.0, 250.0))]


def test_a_real_mouse_click_activates() -> None:
    events = [pygame.event.Event(pygame.MOUSEBUTTONUP, pos=(10, 20), button=1, touch=False)]
    assert reader().read(events, now=0.0) == [Activate((10.0, 20.0))]


def key(code: int, mod: int = 0) -> pygame.event.Event:
    return pygame.event.Event(pygame.KEYDOWN, key=code, mod=mod, unicode="", scancode=0)


def test_keyboard_map() -> None:
    r = reader()
    assert r.read([key(pygame.K_RETURN)], 0) == [Activate(None)]
    assert r.read([key(pygame.K_TAB)], 0) == [Move(1)]
    assert r.read([key(pygame.K_TAB, pygame.KMOD_SHIFT)], 0) == [Move(-1)]
    assert r.read([key(pygame.K_UP)], 0) == [Move(-1)]
    assert r.read([key(pygame.K_ESCAPE)], 0) == [Back()]
    assert r.read([key(pygame.K_BACKSPACE)], 0) == [Back()]
    assert r.read([key(pygame.K_7)], 0) == [Digit("7")]
    assert r.read([key(pygame.K_F4, pygame.KMOD_ALT)], 0) == [Quit()]
    assert r.read([key(pygame.K_a, pygame.KMOD_CTRL | pygame.KMOD_SHIFT)], 0) == [AdminChord()]
    assert r.read([key(pygame.K_z)], 0) == [Poke()]


def test_four_corners_clockwise_open_the_admin_pad() -> None:
    r = reader()
    corners = [(0.01, 0.01), (0.99, 0.01), (0.99, 0.99), (0.01, 0.99)]
    out = []
    for t, (x, y) in enumerate(corners):
        out += r.read([finger_up(x, y)], now=float(t))
    assert AdminChord() in out


def test_corners_in_the_wrong_order_or_too_slow_do_nothing() -> None:
    r = reader()
    wrong = [(0.01, 0.01), (0.01, 0.99), (0.99, 0.99), (0.99, 0.01)]
    out = [i for t, (x, y) in enumerate(wrong) for i in r.read([finger_up(x, y)], now=float(t))]
    assert AdminChord() not in out
    slow = [(0.01, 0.01), (0.99, 0.01), (0.99, 0.99), (0.01, 0.99)]
    out = [i for t, (x, y) in enumerate(slow) for i in r.read([finger_up(x, y)], now=t * 4.0)]
    assert AdminChord() not in out


def test_resize_is_reported_with_the_new_size() -> None:
    r = reader()
    event = pygame.event.Event(pygame.VIDEORESIZE, w=800, h=600, size=(800, 600))
    assert r.read([event], 0) == [Resize((800, 600))]
    assert r.window_size == (800, 600)


def test_a_release_says_where_the_touch_began() -> None:
    """Down at one place, up at another: the activation carries both (a drag, for the screen)."""
    r = reader()
    r.window_size = (1000, 500)
    finger = {"dx": 0, "dy": 0, "finger_id": 0, "touch_id": 0}
    down = pygame.event.Event(pygame.FINGERDOWN, x=0.1, y=0.2, **finger)
    up = pygame.event.Event(pygame.FINGERUP, x=0.5, y=0.5, **finger)
    found = [i for i in r.read([down, up], now=0.0) if isinstance(i, Activate)]
    assert found == [Activate((500.0, 250.0))] and found[0].start == (100.0, 100.0)
    later = [i for i in r.read([up], now=1.0) if isinstance(i, Activate)]
    assert later[0].start is None  # a release without its press: nothing known
