"""Which screen comes next: the single place that maps the flow's beats to screens."""

from __future__ import annotations

from typing import TYPE_CHECKING

from game.screens.base import Screen

if TYPE_CHECKING:
    from game.app import App


def first_screen(app: App) -> Screen:
    from game.screens.attract import AttractScreen

    return AttractScreen(app)


def next_screen(app: App) -> Screen:
    """After a scene or an interstitial: the next beat's screen, else the next scene."""
    from game.screens.end import EndScreen
    from game.screens.flow import AfterChoice, MonthEnd, Publication, WeekIntro
    from game.screens.scene import SceneScreen
    from game.screens.week import PublicationScreen, WeekIntroScreen

    flow = app.flow
    beat = flow.next_beat()
    while isinstance(beat, AfterChoice):  # shown by the scene screen; skip leftovers
        beat = flow.next_beat()
    if isinstance(beat, WeekIntro):
        return WeekIntroScreen(app, beat)
    if isinstance(beat, Publication):
        return PublicationScreen(app, beat)
    if isinstance(beat, MonthEnd) or (flow.session is not None and flow.session.over):
        return EndScreen(app)
    return SceneScreen(app)
