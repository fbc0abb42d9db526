"""Screens by name, and the visit's next beat as a screen: the one place that knows them all.

Screens ask for one another by name (:mod:`game.screens.transitions`); only this module
imports them, so no screen imports another, and none imports the app.
"""

from __future__ import annotations

from typing import Any

from game.screens.admin import AdminScreen, PinScreen
from game.screens.attract import AttractScreen
from game.screens.base import Screen
from game.screens.blacklist import BlacklistScreen
from game.screens.consent import ConsentScreen
from game.screens.context import Context
from game.screens.debrief import DebriefScreen
from game.screens.end import EndScreen
from game.screens.facilitator import FacilitatorScreen
from game.screens.idle import IdleWarningScreen
from game.screens.persona import PersonaScreen
from game.screens.scene import SceneScreen
from game.screens.week import PublicationScreen, WeekIntroScreen
from game.visit import AfterChoice, Blacklisted, MonthEnd, Publication, WeekIntro

SCREENS: dict[str, type[Screen]] = {
    "attract": AttractScreen,
    "persona": PersonaScreen,
    "consent": ConsentScreen,
    "blacklist": BlacklistScreen,
    "scene": SceneScreen,
    "week": WeekIntroScreen,
    "publication": PublicationScreen,
    "end": EndScreen,
    "debrief": DebriefScreen,
    "idle": IdleWarningScreen,
    "pin": PinScreen,
    "admin": AdminScreen,
    "facilitator": FacilitatorScreen,
}


def build(ctx: Context, name: str, args: dict[str, Any] | None = None) -> Screen:
    if name not in SCREENS:
        raise LookupError(f"no screen {name!r}; the screens are {', '.join(SCREENS)}")
    return SCREENS[name](ctx, **(args or {}))


def next_screen(ctx: Context) -> Screen:
    """After a scene or an interstitial: the next beat's screen, else the next scene."""
    visit = ctx.visit
    assert visit is not None, "the month needs a visit"
    beat = visit.next_beat()
    while isinstance(beat, AfterChoice):  # shown by the scene screen; skip leftovers
        beat = visit.next_beat()
    if isinstance(beat, Blacklisted):
        return BlacklistScreen(ctx, beat=beat)
    if isinstance(beat, WeekIntro):
        return WeekIntroScreen(ctx, beat=beat)
    if isinstance(beat, Publication):
        return PublicationScreen(ctx, beat=beat)
    if isinstance(beat, MonthEnd) or visit.over:
        return EndScreen(ctx)
    return SceneScreen(ctx)


def first_screen(ctx: Context) -> Screen:
    return AttractScreen(ctx)
