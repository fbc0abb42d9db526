"""What a screen asks the loop to do next: a screen never changes the stack itself.

Screens name the screen to show (the router builds it), so no screen imports another
and none imports the app. ``handle`` returns one of these, or None to stay.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any


@dataclass(frozen=True)
class Goto:
    """Show ``screen`` instead of everything on the stack."""

    screen: str
    args: dict[str, Any] = field(default_factory=dict)


@dataclass(frozen=True)
class Push:
    """Show ``screen`` over the current one (an overlay, or a screen to come back from)."""

    screen: str
    args: dict[str, Any] = field(default_factory=dict)


@dataclass(frozen=True)
class Swap:
    """Show ``screen`` in place of the top one (the PIN pad gives way to the admin screen)."""

    screen: str
    args: dict[str, Any] = field(default_factory=dict)


@dataclass(frozen=True)
class Pop:
    """Close the top screen."""


@dataclass(frozen=True)
class Next:
    """The visit's next beat: a new week, the publication, the next scene, or the end."""


@dataclass(frozen=True)
class Reset:
    """Back to the attract loop, nothing of the visitor kept (their session recorded)."""

    abandoned: bool = False


@dataclass(frozen=True)
class Again:
    """The same visitor, another life: the persona screen, in the same language."""


@dataclass(frozen=True)
class Quit:
    """End the game (the technician's confirmed exit)."""

    code: int = 0


@dataclass(frozen=True)
class SwitchLevel:
    """Load the next valid level in levels/ and start over at attract (admin)."""


Transition = Goto | Push | Swap | Pop | Next | Reset | Again | Quit | SwitchLevel


JOIN_AGAIN = "join_again"
"""The route of the question after the reveal (:mod:`game.screens.join_again`)."""


def after_reveal() -> Goto:
    """Where every way through the reveal ends (the debrief's Finish, the guided reveal's
    last step): "knowing this, would you join Halo again?", then the visit ends."""
    return Goto(JOIN_AGAIN)
