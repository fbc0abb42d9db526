"""The only reader of pygame events: it turns them into intents the screens understand.

Keys named in the tactile keypad's table (``assets/keypad.yaml``) mean what the table
says (up, down, left, right, select, help, stop speech, audio); the other keys keep
their usual meaning. A damaged table is logged and the usual keys still work.

A touch produces one activation: SDL also sends a synthetic mouse event for every touch
(``event.touch`` is true); those are dropped so nothing fires twice. Finger coordinates
are normalised 0..1 to the window and converted here.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass, field
from functools import lru_cache
from typing import TYPE_CHECKING

import pygame

from game.content.yamlsafe import ContentInvalid
from game.settings import WINDOW_MIN

if TYPE_CHECKING:
    from game.speech.keypad import KeypadTable

log = logging.getLogger("open_sesame")


@dataclass(frozen=True)
class Activate:
    """Choose: at a window position (touch, click) or the focused button (pos None).

    ``start`` is where that finger or button went down, when it was seen: a touch that
    went down on one thing and was lifted on another is a drag, not a choice.
    """

    pos: tuple[float, float] | None = None
    start: tuple[float, float] | None = field(default=None, compare=False)


@dataclass(frozen=True)
class Move:
    """Move the keyboard focus by ``step`` (+1 next, -1 previous)."""

    step: int


@dataclass(frozen=True)
class Back:
    pass


@dataclass(frozen=True)
class Quit:
    """The window asked to close (ignored in kiosk mode)."""


@dataclass(frozen=True)
class Resize:
    size: tuple[int, int]


@dataclass(frozen=True)
class Digit:
    """A digit typed (the admin PIN)."""

    value: str


@dataclass(frozen=True)
class AdminChord:
    """Ctrl+Shift+A, or the four corners touched clockwise: opens the admin PIN pad."""


@dataclass(frozen=True)
class Poke:
    """Input that does nothing but proves someone is there (cancels the idle countdown)."""


@dataclass(frozen=True)
class Drag:
    pos: tuple[float, float]
    rel: tuple[float, float]


@dataclass(frozen=True)
class Repeat:
    """The help key: say the screen again, then the focused control (audio mode)."""


@dataclass(frozen=True)
class StopSpeech:
    """Silence at once (audio mode)."""


@dataclass(frozen=True)
class ToggleAudio:
    """Audio mode on or off, from any screen."""


Intent = Activate | Move | Back | Quit | Resize | Digit | AdminChord | Poke | Drag | Repeat | StopSpeech | ToggleAudio

KEYPAD_INTENTS: dict[str, Intent] = {
    "up": Move(-1),
    "down": Move(1),
    "left": Move(-1),
    "right": Move(1),
    "select": Activate(None),
    "help": Repeat(),
    "stop_speech": StopSpeech(),
    "audio": ToggleAudio(),
}
"""What each keypad action does: left and right move the focus like up and down."""


@lru_cache(maxsize=1)
def shipped_keypad() -> KeypadTable | None:
    """``assets/keypad.yaml``, or None (logged once) when it cannot be read."""
    from game.speech.keypad import load_keypad  # pydantic: read on the first key, not before the first frame

    try:
        return load_keypad()
    except ContentInvalid as err:
        log.error("keypad table unusable, the usual keys only: %s", err)
        return None


CORNER_ORDER = ("tl", "tr", "br", "bl")


class InputReader:
    """Stateful translation: remembers corner taps for the admin gesture."""

    def __init__(self, corner_window_s: float = 5.0, keypad: KeypadTable | None = None) -> None:
        self._keypad = keypad
        self.corners: list[tuple[str, float]] = []
        self.corner_window_s = corner_window_s
        self.window_size = (1, 1)
        self.down: tuple[float, float] | None = None  # where the touch or click being made began

    @property
    def keypad(self) -> KeypadTable | None:
        """The keypad's table, read when first needed (a key press, or the loop once its
        first frame is up): the attract loop's first frame waits for no file check."""
        if self._keypad is None:
            self._keypad = shipped_keypad()
        return self._keypad

    def read(self, events: list[pygame.event.Event], now: float) -> list[Intent]:
        out: list[Intent] = []
        for event in events:
            out.extend(self._one(event, now))
        return out

    def _one(self, event: pygame.event.Event, now: float) -> list[Intent]:
        etype = event.type
        if etype == pygame.QUIT or etype == pygame.WINDOWCLOSE:
            return [Quit()]
        if etype == pygame.VIDEORESIZE:
            # Never smaller than the game's smallest window: a storm of resize events (or a
            # window manager's 1x1) must not leave the kiosk a dot on the screen.
            self.window_size = (max(WINDOW_MIN[0], int(event.w)), max(WINDOW_MIN[1], int(event.h)))
            return [Resize(self.window_size)]
        if etype in (pygame.MOUSEBUTTONDOWN, pygame.MOUSEBUTTONUP, pygame.MOUSEMOTION):
            if getattr(event, "touch", False):
                return []  # SDL's synthetic copy of a finger event
            if etype == pygame.MOUSEBUTTONUP and event.button == 1:
                start, self.down = self.down, None
                pos = (float(event.pos[0]), float(event.pos[1]))
                return [*self._corner(event.pos, now), Activate(pos, start)]
            if etype == pygame.MOUSEMOTION and event.buttons and event.buttons[0]:
                return [Drag((float(event.pos[0]), float(event.pos[1])), (float(event.rel[0]), float(event.rel[1])))]
            if etype == pygame.MOUSEBUTTONDOWN:
                if event.button == 1:
                    self.down = (float(event.pos[0]), float(event.pos[1]))
                return [Poke()]
            return []
        if etype == pygame.FINGERUP:
            pos = (event.x * self.window_size[0], event.y * self.window_size[1])
            start, self.down = self.down, None
            return [*self._corner(pos, now), Activate(pos, start)]
        if etype == pygame.FINGERDOWN:
            self.down = (event.x * self.window_size[0], event.y * self.window_size[1])
            return [Poke()]
        if etype == pygame.FINGERMOTION:
            pos = (event.x * self.window_size[0], event.y * self.window_size[1])
            rel = (event.dx * self.window_size[0], event.dy * self.window_size[1])
            return [Drag(pos, rel)]
        if etype == pygame.KEYDOWN:
            return self._key(event)
        return []

    def _key(self, event: pygame.event.Event) -> list[Intent]:
        key, mods = event.key, event.mod
        if key == pygame.K_a and mods & pygame.KMOD_CTRL and mods & pygame.KMOD_SHIFT:
            return [AdminChord()]
        if key == pygame.K_F4 and mods & pygame.KMOD_ALT:
            return [Quit()]
        if self.keypad is not None and not mods & (pygame.KMOD_CTRL | pygame.KMOD_ALT):
            action = self.keypad.action_for(pygame.key.name(key))
            if action is not None:
                return [KEYPAD_INTENTS[action]]
        if key in (pygame.K_RETURN, pygame.K_KP_ENTER, pygame.K_SPACE):
            return [Activate(None)]
        if key in (pygame.K_ESCAPE, pygame.K_BACKSPACE):
            return [Back()]
        if key == pygame.K_TAB:
            return [Move(-1 if mods & pygame.KMOD_SHIFT else 1)]
        if key in (pygame.K_DOWN, pygame.K_RIGHT):
            return [Move(1)]
        if key in (pygame.K_UP, pygame.K_LEFT):
            return [Move(-1)]
        if pygame.K_0 <= key <= pygame.K_9:
            return [Digit(str(key - pygame.K_0))]
        if pygame.K_KP0 <= key <= pygame.K_KP9:
            return [Digit(str(key - pygame.K_KP0))]
        return [Poke()]

    def _corner(self, pos: tuple[float, float], now: float) -> list[Intent]:
        """Four corners touched clockwise within a few seconds: the admin gesture."""
        w, h = self.window_size
        margin = max(60.0, min(w, h) * 0.08)
        x, y = pos
        corner = None
        if x < margin and y < margin:
            corner = "tl"
        elif x > w - margin and y < margin:
            corner = "tr"
        elif x > w - margin and y > h - margin:
            corner = "br"
        elif x < margin and y > h - margin:
            corner = "bl"
        if corner is None:
            self.corners.clear()
            return []
        self.corners = [(c, t) for c, t in self.corners if now - t <= self.corner_window_s]
        expected = CORNER_ORDER[len(self.corners)] if len(self.corners) < 4 else None
        if corner != expected:
            self.corners = [(corner, now)] if corner == "tl" else []
            return []
        self.corners.append((corner, now))
        if len(self.corners) == 4:
            self.corners.clear()
            return [AdminChord()]
        return []
