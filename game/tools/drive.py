"""Drive the real App from code (tools and tests): what is on screen, its buttons, the debrief.

The app itself carries no test helpers; these read its stack and its canvas.
"""

from __future__ import annotations

from game.app import App
from game.screens.transitions import Goto
from game.ui.widgets import Button


def texts(app: App) -> list[str]:
    """Every text drawn in the last frame."""
    return [d.text for d in app.canvas.drawn]


def button(app: App, match: str) -> Button:
    """The button with this id or label, topmost screen first."""
    for screen in reversed(app.stack):
        for candidate in screen.buttons:
            if candidate.id == match or candidate.label == match:
                return candidate
    raise LookupError(f"no button {match!r} on {app.screen_names()}: {[b.id for b in app.top.buttons]}")


def centre_of(app: App, target: Button) -> tuple[int, int]:
    """Where a button is in the window, in real pixels."""
    return app.viewport.point(*target.rect.center)


def open_debrief(app: App, panel: str | None = None) -> None:
    """Show the debrief of the month just played, on its first panel or on ``panel``."""
    app.apply(Goto("debrief", {"panel": panel}))


def press(app: App, target: Button | str) -> None:
    """Press a button (or the one with this id) as a tap would, and apply what it asks for."""
    found = button(app, target) if isinstance(target, str) else target
    app.apply(app.top.press(found))


def press_button(app: App, target: Button) -> None:
    """A button pressed by code (not a tap): its transition applied."""
    app.apply(app.top.press(target))


def settle(app: App, steps: int = 200) -> int:
    """Let the top screen's moment play out (a count, a stamp, a door): step until still.

    The app's clock drives it (each step moves at most 0.1 s), so a screenshot or a test
    sees the final frame a visitor sees. Returns the steps taken.
    """
    for taken in range(1, steps + 1):
        app.step(events=[])
        if not app.moving:
            return taken
    return steps
