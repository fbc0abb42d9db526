"""Screens by name, and the visit's next beat as a screen: the one place that knows them all.

Screens ask for one another by name (:mod:`game.screens.transitions`); only this module
imports them, so no screen imports another, and none imports the app. Each screen's module
is imported the first time it is shown: the attract loop's first frame waits for no other
screen (the debrief and the sandbox alone take longer to import than a bare window opens).
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from game.screens.base import Screen
    from game.screens.context import Context

SCREENS: dict[str, tuple[str, str]] = {
    "attract": ("game.screens.attract", "AttractScreen"),
    "persona": ("game.screens.persona", "PersonaScreen"),
    "consent": ("game.screens.consent", "ConsentScreen"),
    "blacklist": ("game.screens.blacklist", "BlacklistScreen"),
    "scene": ("game.screens.scene", "SceneScreen"),
    "week": ("game.screens.week", "WeekIntroScreen"),
    "publication": ("game.screens.week", "PublicationScreen"),
    "end": ("game.screens.end", "EndScreen"),
    "debrief": ("game.screens.debrief", "DebriefScreen"),
    "reveal": ("game.screens.reveal", "RevealScreen"),
    "join_again": ("game.screens.join_again", "JoinAgainScreen"),
    "thanks": ("game.screens.thanks", "ThanksScreen"),
    "idle": ("game.screens.idle", "IdleWarningScreen"),
    "pin": ("game.screens.admin", "PinScreen"),
    "admin": ("game.screens.admin", "AdminScreen"),
    "facilitator": ("game.screens.facilitator", "FacilitatorScreen"),
    "sandbox": ("game.screens.sandbox", "SandboxScreen"),
}
"""Each screen's name, module and class."""


def screen_class(name: str) -> type[Screen]:
    """The class of the screen called ``name``, its module imported on first use."""
    if name not in SCREENS:
        raise LookupError(f"no screen {name!r}; the screens are {', '.join(SCREENS)}")
    module, cls = SCREENS[name]
    found: type[Screen] = getattr(importlib.import_module(module), cls)
    return found


def build(ctx: Context, name: str, args: dict[str, Any] | None = None) -> Screen:
    return screen_class(name)(ctx, **(args or {}))


def next_screen(ctx: Context) -> Screen:
    """After a scene or an interstitial: the next beat's screen, else the next scene."""
    from game.visit import AfterChoice, Blacklisted, MonthEnd, Publication, WeekIntro

    visit = ctx.visit
    assert visit is not None, "the month needs a visit"
    beat = visit.next_beat()
    while isinstance(beat, AfterChoice):  # shown by the scene screen; skip leftovers
        beat = visit.next_beat()
    if isinstance(beat, Blacklisted):
        return build(ctx, "blacklist", {"beat": beat})
    if isinstance(beat, WeekIntro):
        return build(ctx, "week", {"beat": beat})
    if isinstance(beat, Publication):
        return build(ctx, "publication", {"beat": beat})
    if isinstance(beat, MonthEnd) or visit.over:
        return build(ctx, "end")
    return build(ctx, "scene")


def first_screen(ctx: Context) -> Screen:
    return build(ctx, "attract")


def preload() -> None:
    """Import every screen now (after the first frame), so no later tap waits for an import."""
    for name in SCREENS:
        screen_class(name)
