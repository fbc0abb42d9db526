"""A screen written later gets audio mode by drawing (the default) or by one method, ``speech()``."""

from __future__ import annotations

import pytest

from game.content.load import load_level
from game.screens.base import Screen
from game.ui.canvas import Canvas, Rect
from game.ui.widgets import Button
from tests.screens.helpers import SAMPLE
from tests.speech.keys import Ear

LEVEL = load_level(SAMPLE)


class Drawn(Screen):
    """Only draws: its speech is the default, what it drew."""

    name = "drawn"

    def draw_body(self, canvas: Canvas) -> None:
        theme = canvas.theme
        canvas.text("A question", Rect(80, 140, 1000, 80), theme.s("title"), theme.c("text"), "bold")
        canvas.paragraph("Would you join again, knowing the rules?", Rect(80, 240, 300, 400), 40, theme.c("text"))
        with self.quiet(canvas):
            canvas.text("12:04", Rect(1500, 140, 300, 60), theme.s("small"), theme.c("muted"))
        self.add(Button("yes", "Yes", Rect(80, 700, 600, 100), style="primary"))
        self.add(Button("no", "No", Rect(80, 830, 600, 100)))


class Told(Drawn):
    """Says what it chooses; a step changes it (new content)."""

    name = "told"
    step = 0

    def speech(self) -> list[str]:
        return ["Told title", f"Step {self.step}"]

    def on_button(self, button_id: str) -> None:
        self.step += 1


@pytest.fixture
def ear() -> Ear:
    return Ear(LEVEL, "en")


def show(ear: Ear, screen: Screen) -> None:
    ear.forget()
    ear.app.goto(screen)
    ear.app.step(events=[])


def test_the_default_speech_is_what_was_drawn_whole_without_the_quiet_part(ear: Ear) -> None:
    show(ear, Drawn(ear.app.ctx))
    said = ear.heard()
    assert said[0] == "A question.\nWould you join again, knowing the rules?"  # a paragraph whole, not its lines
    assert said[1] == "Yes"  # then the focus: the default button
    assert all("12" not in text for text in said)
    ear.forget()
    ear.press("down")
    assert ear.heard() == ["No"]
    ear.app.dirty = True
    ear.app.step(events=[])  # the same screen drawn again: nothing new to say
    assert ear.heard() == ["No"]


def test_speech_is_one_method_and_new_lines_are_said_again(ear: Ear) -> None:
    screen = Told(ear.app.ctx)
    show(ear, screen)
    assert ear.heard()[0] == "Told title.\nStep 0"
    ear.forget()
    ear.press("select")
    assert ear.heard()[0] == "Told title.\nStep 1"
    assert ear.speaker.calls[0][2], "new content cuts off what was being said"


def test_a_screen_whose_speech_fails_still_plays(ear: Ear, caplog: pytest.LogCaptureFixture) -> None:
    class Broken(Drawn):
        def speech(self) -> list[str]:
            raise KeyError("a missing text")

    show(ear, Broken(ear.app.ctx))
    assert "could not say what it shows" in caplog.text
    ear.press("down")
    assert ear.heard()[-1] == "No"  # the focus still speaks
