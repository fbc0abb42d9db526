"""Animations redraw only what moves, and what they leave on screen is the whole frame's."""

from __future__ import annotations

import dataclasses
import random

from game.cli.screenshot import stage
from game.content.load import load_level
from game.paths import LEVELS_DIR
from game.screens.transitions import Goto
from tests.screens.helpers import FakeClock, make_app
from tests.screens.looks import SIZE, compare, frame

KIOSK = load_level(LEVELS_DIR / "kiosk.yaml")


def test_the_publication_count_redraws_its_dials_only_and_matches_a_whole_redraw() -> None:
    app = make_app(KIOSK, lang="en", size=SIZE)
    stage(app, "publication", None, None, KIOSK.personas[0].id, random.Random(7))
    beat = app.top.beat  # type: ignore[attr-defined]
    app.apply(Goto("publication", {"beat": dataclasses.replace(beat, before=beat.after - 200)}))
    app.draw()
    drawn = app.frames
    for _ in range(4):  # the clock moves 0.1 s a step at most: the count is still running
        assert app.step(events=[])
    assert app.moving and not app.top.landed  # type: ignore[attr-defined]
    assert app.frames == drawn, "a count-up frame redrew the whole screen"
    partial = frame(app)
    app.draw()  # the same moment drawn whole
    found = compare(partial, frame(app))
    assert found.pixels == 0, f"{found.pixels} pixels differ between the partial and the whole redraw"


def test_the_dial_s_geometry_is_worked_out_once() -> None:
    from game.ui.dial import arc_segments

    first = arc_segments((10.0, 20.0), 100.0, 16.0, 72)
    assert arc_segments((10.0, 20.0), 100.0, 16.0, 72) is first and len(first) == 72


def test_a_small_change_lands_before_the_feed_card_and_the_card_still_slides_home() -> None:
    """Two points up land in a frame or two, sooner than the week's feed card slides in: the
    card must still finish its slide (it stayed half off the phone)."""
    app = make_app(KIOSK, lang="en", size=SIZE, clock=FakeClock(per_read=0.004))  # about 30 frames a second
    stage(app, "publication", None, None, KIOSK.personas[0].id, random.Random(7))
    visit = app.ctx.visit
    assert visit is not None and visit.feed
    beat = app.top.beat  # type: ignore[attr-defined]
    visit.feed[-1] = dataclasses.replace(visit.feed[-1], born=app.ctx.now())
    app.apply(Goto("publication", {"beat": dataclasses.replace(beat, before=beat.after - 2)}))
    app.draw()
    for _ in range(400):
        app.step(events=[])
        if not app.moving:
            break
    assert not app.moving
    assert app.top.landed  # type: ignore[attr-defined]
    partial = frame(app)
    app.draw()
    found = compare(partial, frame(app))
    assert found.pixels == 0, f"{found.pixels} pixels differ: the feed card stopped before it landed"


def test_a_refusal_s_stamp_falls_and_leaves_nothing_around_the_door() -> None:
    """The stamp starts larger than its door and shrinks as it lands: the frames it drew on
    the way must not stay around the door (white bars were left on each side)."""
    app = make_app(KIOSK, lang="fr", size=SIZE, clock=FakeClock(per_read=0.004))
    stage(app, "door", None, None, KIOSK.personas[0].id, random.Random(7))
    screen = app.top
    assert screen.name == "scene" and screen.moment < 1.0  # type: ignore[attr-defined]
    app.draw()
    for _ in range(600):
        app.step(events=[])
        if not app.moving:
            break
    assert not app.moving and screen.moment == 1.0  # type: ignore[attr-defined]
    partial = frame(app)
    app.draw()
    found = compare(partial, frame(app))
    assert found.pixels == 0, f"{found.pixels} pixels differ: the falling stamp left a trace"
