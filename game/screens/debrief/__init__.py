"""The debrief: every rule and hidden consequence of the month, panel by panel.

The screen opens on the guess (before anything is revealed); a panel name opens that
panel directly (the screenshot command does), the guess then counting as skipped.
``"guess-reveal"`` shows the guess panel after the reveal, with the level's own category
order as the guess, for documentation screenshots.
"""

from __future__ import annotations

from game.screens.debrief.screen import PANELS, DebriefScreen

__all__ = ["EXTRA", "PANELS", "DebriefScreen"]

EXTRA = "guess-reveal"
