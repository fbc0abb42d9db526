"""The scene's card, the week's end and the phone are retained layers over the backdrop:
each frame must be, pixel for pixel, what drawing them in place gives, whatever changed
since the layer was painted (the language, the window, the answer card, the focus ring,
the count of the dial), and the buttons they lay out must still be there to press."""

from __future__ import annotations

import dataclasses
import random
from collections.abc import Callable, Iterator
from contextlib import contextmanager

import pygame
import pytest

from game.app import App
from game.cli.screenshot import stage
from game.input.intents import Move
from game.screens.scene import SceneScreen
from game.screens.week import PublicationScreen
from game.tools.drive import press, texts
from game.ui.canvas import Canvas
from game.ui.phone import phone_look
from tests.screens.helpers import FakeClock, make_app, shown_phone

Paint = Callable[[Canvas], object]


@contextmanager
def drawn_in_place() -> Iterator[None]:
    """Every layer over the backdrop painted straight onto the window, as before layers."""
    kept = Canvas.layer

    def in_place(
        self: Canvas, key: object, r: pygame.Rect, background: object, paint: Paint, *a: object, **k: object
    ) -> object:
        if background is None:
            return paint(self)
        return kept(self, key, r, background, paint, *a, **k)  # type: ignore[arg-type]

    Canvas.layer = in_place  # type: ignore[assignment,method-assign]
    try:
        yield
    finally:
        Canvas.layer = kept  # type: ignore[method-assign]


def frame(app: App) -> bytes:
    """A whole redraw, nothing moved on (an animation's own step would move it)."""
    app.draw()
    return pygame.image.tobytes(app.window, "RGB")


def check_same(app: App) -> None:
    """Drawn from the layers (painted in place and kept, then blitted), then in place: the
    same pixels."""
    frame(app)
    app.canvas.capture()
    retained = frame(app)
    assert not app.canvas._captures, "the frame was blitted from what was kept"
    buttons = [(b.id, tuple(b.rect)) for b in app.top.buttons]
    shown = texts(app)
    with drawn_in_place():
        assert frame(app) == retained, app.top.name
    assert [(b.id, tuple(b.rect)) for b in app.top.buttons] == buttons
    assert texts(app) == shown


def on(
    screen: str,
    size: tuple[int, int] = (960, 540),
    lang: str = "fr",
    clock: FakeClock | None = None,
    **settings: object,
) -> App:
    app = make_app(lang=lang, size=size, clock=clock, **settings)
    stage(app, screen, None, None, app.ctx.level.personas[0].id, random.Random(7))
    app.draw()
    return app


@pytest.mark.parametrize("size", [(960, 540), (1366, 768)])
def test_the_scene_and_its_answer_card_are_what_drawing_in_place_gives(size: tuple[int, int]) -> None:
    app = on("scene", size)
    assert isinstance(app.top, SceneScreen)
    check_same(app)
    assert ("scene-card",) in [key[0] for key in app.fonts.layers]

    door = on("door", size)  # the answer card after a choice, a door refused on it
    assert isinstance(door.top, SceneScreen) and door.top.after is not None
    check_same(door)
    assert any(b.id == "continue" for b in door.top.buttons)


def test_the_card_follows_a_language_change_and_a_resize() -> None:
    app = on("scene")
    frame(app)
    french = texts(app)
    app.ctx.settings.lang = "en"
    frame(app)
    english = texts(app)
    assert english != french
    assert english == texts(on_drawn(on("scene", lang="en")))
    check_same(app)
    app.resize((1280, 720))
    check_same(app)
    assert app.window.get_size() == (1280, 720)


def on_drawn(app: App) -> App:
    frame(app)
    return app


def test_with_the_focus_ring_shown_the_buttons_are_drawn_on_every_frame() -> None:
    app = on("scene")
    frame(app)
    assert all(b.painted for b in app.top.buttons if b.id.startswith("option:"))
    app.handle(Move(1))
    check_same(app)
    assert not any(b.painted for b in app.top.buttons)
    before = frame(app)
    app.handle(Move(1))  # the ring moves: the layer is not asked to know it
    assert frame(app) != before
    check_same(app)


def test_the_week_end_and_its_phone_while_the_count_runs_and_once_landed() -> None:
    clock = FakeClock(per_read=0.0)  # time stands still between the frames compared
    app = on("publication", clock=clock)
    assert isinstance(app.top, PublicationScreen)
    clock.advance(0.2)
    app.step(events=[])
    assert not app.top.landed
    check_same(app)  # mid-count, drawn whole
    clock.advance(0.1)
    app.step(events=[])  # counted on: the dial shows another score, in its panel and on the phone
    assert not app.top.landed
    check_same(app)
    for _ in range(100):
        clock.advance(0.05)
        app.step(events=[])
    assert app.top.landed and not app.moving
    check_same(app)


def test_the_scene_card_is_painted_again_when_the_answer_comes() -> None:
    for index in range(3):
        app = on("scene", reduced_motion=True)  # the answer lands at once: only the card's content changed
        frame(app)
        scene = app.top
        assert isinstance(scene, SceneScreen)
        options = [b for b in scene.buttons if b.id.startswith("option:") and b.enabled]
        press(app, options[index % len(options)])
        if app.top is scene and scene.after is not None:
            app.step(events=[])
            check_same(app)
            assert any(b.id == "continue" for b in scene.buttons)
            return
    raise AssertionError("no option of the first scene answers on its card")


def test_the_phone_is_painted_again_when_anything_it_shows_changes() -> None:
    app = on("publication")
    view = shown_phone(app)
    look = phone_look(view, "fr")
    changed = {
        "clock": "Tue 09:00",
        "score": view.score + 1,
        "lo": view.lo - 1,
        "hi": view.hi + 1,
        "band": view.band + "!",
        "delta": view.delta + 3,
        "feed": [*view.feed, ("another card", 9.0, "bell")],
        "contacts": view.contacts[1:],
        "feed_title": "?",
        "contacts_title": "?",
        "no_account": "?",
        "money": "?",
        "people": frozenset({"someone"}),
    }
    for name in {f.name for f in dataclasses.fields(view)} - {"more"}:
        assert phone_look(dataclasses.replace(view, **{name: changed[name]}), "fr") != look, name
    assert phone_look(view, "en") != look
    aged = [(text, age + 5.0, picture) for text, age, picture in view.feed]
    assert phone_look(dataclasses.replace(view, feed=aged), "fr") == look  # landed cards look the same at any age


def test_the_loop_keeps_what_it_painted_once_it_has_nothing_to_draw() -> None:
    app = on("scene")
    app.draw()
    assert app.canvas._captures  # painted in place, not kept yet
    assert not app.step(events=[])  # a still scene: nothing to draw
    assert not app.canvas._captures
    assert any(key[0] == ("scene-card",) for key in app.fonts.layers)
