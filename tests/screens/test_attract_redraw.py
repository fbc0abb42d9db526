"""The attract loop runs all day: each frame presents only what changed (the score pills, a
door's moment), never the whole strip, and leaves the very pixels a whole redraw leaves."""

from __future__ import annotations

from collections.abc import Callable

import pygame
import pytest

from game.app import App
from game.content.load import load_level
from game.paths import LEVELS_DIR
from game.screens.attract_people import Column, People
from tests.screens.helpers import make_app
from tests.screens.looks import compare, frame

KIOSK = load_level(LEVELS_DIR / "kiosk.yaml")
SIZE = (1280, 720)  # a scale that rounds: neighbouring parts must not paint each other's edges
STEPS = 160  # the clock moves up to 0.1 s a step: past a whole cycle of the loop (about 7 s)


def presented(monkeypatch: pytest.MonkeyPatch) -> list[list[pygame.Rect]]:
    """Every partial present's rects, in window pixels (a whole one is a flip, not recorded)."""
    shown: list[list[pygame.Rect]] = []
    real = pygame.display.update

    def update(rects: list[pygame.Rect] | None = None) -> None:
        shown.append(list(rects or []))
        real(rects or [])

    monkeypatch.setattr(pygame.display, "update", update)
    return shown


def attract() -> App:
    app = make_app(KIOSK, lang="en", size=SIZE)
    assert app.top.name == "attract" and app.step(events=[]) and app.moving
    return app


def test_a_frame_presents_a_small_share_of_the_window_and_never_redraws_it_whole(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    app = attract()
    shown = presented(monkeypatch)
    drawn = app.frames
    for _ in range(STEPS):
        assert app.step(events=[])
    assert app.frames == drawn, "an attract frame redrew the whole screen"
    assert len(shown) == STEPS
    window = SIZE[0] * SIZE[1]
    shares = [sum(r.w * r.h for r in rects) / window for rects in shown]
    # the whole strip of people is 27 % of the window: that was every frame's present
    assert max(shares) < 0.10, f"a frame presented {max(shares):.1%} of the window"
    assert sum(shares) / len(shares) < 0.04, f"frames presented {sum(shares) / len(shares):.1%} on average"


def test_what_the_partial_frames_leave_is_what_a_whole_redraw_draws(monkeypatch: pytest.MonkeyPatch) -> None:
    app = attract()
    presented(monkeypatch)
    for checked in range(STEPS // 10):  # through a whole cycle: every door opens and locks
        for _ in range(10):
            app.step(events=[])
        partial = frame(app)
        app.draw()
        found = compare(partial, frame(app))
        assert found.pixels == 0, f"after {checked * 10 + 10} steps, {found.pixels} pixels differ from a whole redraw"


def test_faces_and_doors_are_painted_whole_only_when_they_change(monkeypatch: pytest.MonkeyPatch) -> None:
    """A face is painted whole when its mood changes and a door when it opens or locks; in
    between only a pill, a lock or a stamp is (the parts under them clipped to that)."""
    app = attract()
    presented(monkeypatch)
    whole: dict[str, int] = {"head": 0, "door": 0}

    def counting(part: str, draw: Callable[..., object]) -> Callable[..., object]:
        def wrapped(self: People, canvas: object, level: object, i: int, column: Column, *rest: object) -> object:
            whole[part] += rest[-1] == getattr(column, "head" if part == "head" else "part")
            return draw(self, canvas, level, i, column, *rest)

        return wrapped

    monkeypatch.setattr(People, "head", counting("head", People.head))
    monkeypatch.setattr(People, "door", counting("door", People.door))
    people: People = app.top.people  # type: ignore[attr-defined]
    flips = 0
    for _ in range(STEPS):
        before = list(people.shown)
        app.step(events=[])
        flips += sum(a.opened != b.opened for a, b in zip(before, people.shown, strict=True))
    assert flips >= 6, "the loop should open and lock doors over a whole cycle"
    assert whole == {"head": flips, "door": flips}


def test_a_frame_that_would_change_no_pixel_presents_nothing() -> None:
    app = attract()
    screen = app.top
    screen.update(0.1)
    assert screen.animate(app.canvas), "the scores moved: their pills are presented"
    assert screen.animate(app.canvas) == [], "the same looks again were drawn and presented"
