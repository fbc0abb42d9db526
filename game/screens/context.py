"""What a screen may use: a small context, instead of the whole app.

The game's runtime (:mod:`game.runtime`) provides one; tests and the screenshot command
use the same.
A screen reads settings, words, the theme and the visit's view models through it, plays
a sound, and asks for a redraw when an animation it runs changes what it shows.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Protocol

if TYPE_CHECKING:
    from game.content.models import Level
    from game.debrief.opening import Opening
    from game.i18n import Catalog
    from game.kiosk.pinlock import PinLock
    from game.present.words import Words
    from game.settings import Settings
    from game.stats import StatsStore
    from game.ui.art import Art
    from game.ui.canvas import Canvas
    from game.ui.theme import Theme
    from game.ui.widgets import Button
    from game.visit import Visit


class Kiosk(Protocol):
    """The technician's services (the admin and facilitator screens)."""

    admin_pin: str
    pin_lock: PinLock

    def log_tail(self, lines: int) -> list[str]: ...

    def save_visit(self) -> Path | None:
        """Save the visit in progress (or the last) for a bug report; its file, or None."""
        ...


class Context(Protocol):
    settings: Settings
    theme: Theme
    catalog: Catalog
    art: Art
    show_focus: bool

    @property
    def kiosk(self) -> Kiosk: ...

    @property
    def level(self) -> Level: ...

    @property
    def loaded_level(self) -> Level | None:
        """The level if it is already loaded (the first attract frame does not wait for it)."""
        ...

    @property
    def visit(self) -> Visit | None: ...

    last_visit: Visit | None
    """The visit that ended last (until the next begins): the rules sandbox replays it."""

    level_path: Path | None
    """The level's file, when it was read from one (the rules sandbox saves beside it)."""

    def begin_visit(self, persona: str) -> Visit: ...

    def words(self) -> Words: ...

    def now(self) -> float: ...

    def play(self, cue: str) -> None: ...

    def redraw(self) -> None:
        """Something this screen shows changed without input (a countdown): draw again."""
        ...

    def min_target(self) -> float: ...

    def gap(self) -> float: ...

    def to_logical(self, x: float, y: float) -> tuple[float, float]: ...

    def scale(self) -> float: ...

    def toolbar(self, canvas: Canvas) -> list[Button]: ...

    def toolbar_action(self, button_id: str) -> None: ...

    def debrief_opening(self) -> Opening:
        """Which debrief this level opens with: the guided reveal or the explorer."""
        ...

    def choose_debrief_opening(self, value: Opening) -> None:
        """The facilitator's choice for this level, kept across runs."""
        ...

    def audio_unavailable(self) -> str:
        """Why speech cannot be heard, as a catalog key ("" when it can): the audio button says it."""
        ...

    def speaking(self) -> bool:
        """Whether audio mode is saying something, or has something waiting to be said."""
        ...

    def statistics(self) -> StatsStore | None:
        """The local statistics, opened on first use; None when they are off."""
        ...

    clock: Callable[[], float]
