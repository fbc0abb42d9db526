"""The debrief: every rule and hidden consequence of the month, panel by panel.

``open_debrief(app)`` starts on the guess (before anything is revealed); a panel name
opens that panel directly (the screenshot command does), the guess then counting as
skipped. ``"guess-reveal"`` shows the guess panel after the reveal, with the level's own
category order as the guess, for documentation screenshots.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from game.screens.debrief.p_guess import GuessPanel
from game.screens.debrief.screen import PANELS, DebriefScreen

if TYPE_CHECKING:
    from game.app import App

__all__ = ["PANELS", "DebriefScreen", "open_debrief"]

EXTRA = "guess-reveal"


def open_debrief(app: App, panel: str | None = None) -> None:
    """Show the debrief of the month just played, on its first panel or on ``panel``."""
    if panel is not None and panel not in PANELS and panel != EXTRA:
        raise LookupError(f"no debrief panel {panel!r}; the panels are {', '.join(PANELS)}")
    if panel == EXTRA:
        app.flow.guess = [c.id for c in app.level.categories]
    screen = DebriefScreen(app, "guess" if panel in (None, EXTRA) else panel)
    if panel is not None and panel not in ("guess", EXTRA):
        guess = screen.panels["guess"]
        assert isinstance(guess, GuessPanel)
        guess.skip_silently()
    app.goto(screen)
