"""Audio mode in the loop: after a frame is drawn, say what is new on the top screen.

The loop calls :meth:`Narrator.after_draw` after every full draw. It compares the top
screen and its :meth:`~game.screens.base.Screen.speech` with what was last said: another
screen, or the same screen with other lines (an answer card, a page, a language), is said
from the start, cutting off what was being said; then the focused button is said when it
changed. Nothing here waits: the announcer hands text to a speaker that speaks on its own
thread. With audio mode off nothing is computed at all.
"""

from __future__ import annotations

import logging

from game.screens.base import Screen
from game.speech import Announcer

log = logging.getLogger("open_sesame.speech")


class Narrator:
    """What audio mode last said about the top screen, to say only what changed."""

    def __init__(self, announcer: Announcer) -> None:
        self.announcer = announcer
        self.screen: Screen | None = None
        self.lines: tuple[str, ...] = ()

    def after_draw(self, top: Screen, audio: bool) -> None:
        """Follow the top screen; ``audio`` is the visitor's setting (switched on or off)."""
        announcer = self.announcer
        if not audio:
            if announcer.enabled:
                announcer.set_enabled(False)  # silence at once
                self.screen = None
            return
        if not announcer.enabled:
            announcer.enabled = True  # the screen is said from the start below
            self.screen = None
        try:
            lines = tuple(line.strip() for line in top.speech() if line and line.strip())
        except Exception:  # a screen's speech must never cost the visitor the game
            log.exception("speech: the %s screen could not say what it shows", top.name)
            lines = ()
        if top is not self.screen or lines != self.lines:
            self.screen, self.lines = top, lines
            announcer.screen_opened(lines[0] if lines else "", "\n".join(lines[1:]))
        button = top.focused_button()
        if button is not None:
            announcer.focus_moved(*button.spoken())
