"""What each step of the guided reveal shares: its texts, its drawing, its buttons."""

from __future__ import annotations

from typing import TYPE_CHECKING

from game.content.models import Level
from game.present.labels import category_name, door_name, option_label, scene_title
from game.ui.canvas import Canvas, Rect
from game.ui.widgets import Button
from game.visit import Visit

if TYPE_CHECKING:
    from game.screens.reveal.screen import RevealScreen


class RevealStep:
    """One step: a title, a few words (all of them listed by :meth:`texts`), pictures.

    ``texts`` is what the word count and the spoken version read, so a step never
    draws a word it does not list there.
    """

    id = "step"

    def __init__(self, screen: RevealScreen) -> None:
        self.screen = screen

    # -- access -----------------------------------------------------------------------------
    @property
    def visit(self) -> Visit:
        return self.screen.visit

    @property
    def level(self) -> Level:
        return self.screen.ctx.level

    @property
    def declined(self) -> bool:
        return self.visit.declined

    def t(self, key: str, **params: object) -> str:
        return self.screen.t(key, **params)

    def signed(self, value: float) -> str:
        return self.screen.words.signed(value, 0)

    def category(self, cid: str) -> str:
        return category_name(self.level, self.screen.words, cid)

    def door(self, did: str) -> str:
        return door_name(self.level, self.screen.words, did)

    def option(self, scene: str | None, option: str | None) -> str:
        return option_label(self.level, self.screen.words, scene, option)

    def scene(self, scene: str) -> str:
        return scene_title(self.level, self.screen.words, scene)

    def add(self, button: Button) -> None:
        self.screen.add(button)

    @property
    def reduced(self) -> bool:
        return self.screen.ctx.settings.reduced_motion

    # -- the protocol -----------------------------------------------------------------------
    def title(self) -> str:
        return self.t(f"reveal.{self.id}.title")

    def texts(self) -> list[str]:
        """Every word the step shows now, title included."""
        return [self.title()]

    def draw(self, canvas: Canvas, area: Rect, age: float) -> None:
        raise NotImplementedError

    def moving(self, age: float) -> bool:
        """True while the step still animates (``age``: seconds since it opened)."""
        return False

    def tick(self, age: float) -> None:
        """Once a frame while the step is shown: cues as its moments arrive."""

    def on_button(self, action: str) -> None:
        """A button of this step (its id after ``step:``)."""
