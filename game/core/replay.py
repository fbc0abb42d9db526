"""Replays and "what if": whole months recomputed from a choice log, fast.

A choice log is a list of ``(scene_id, option_id)``. Replaying it gives back the same
month. A what-if changes one choice; after it the month may take other scenes, so later
choices follow the original where the same scene comes back, and otherwise the first
available option.
"""

from __future__ import annotations

from dataclasses import dataclass

from game.content.models import Level
from game.core.ledger import LedgerEntry
from game.core.session import Outcome, Session
from game.core.state import DoorMet

Choice = tuple[str, str]


@dataclass(frozen=True)
class Timeline:
    """A whole month as the system saw it."""

    persona: str
    variant: str
    choices: tuple[Choice, ...]
    scores: tuple[int, ...]  # published: at the start, then after each week
    ledger: tuple[LedgerEntry, ...]
    doors: tuple[DoorMet, ...]
    outcome: Outcome


def timeline_of(session: Session) -> Timeline:
    st = session.state
    return Timeline(
        persona=st.persona,
        variant=st.variant,
        choices=tuple(st.choices),
        scores=tuple(st.history),
        ledger=tuple(st.ledger),
        doors=tuple(st.doors),
        outcome=session.outcome(),
    )


def play_log(session: Session, choices: list[Choice], *, strict: bool = True) -> Session:
    """Feed a choice log to ``session`` until the month ends.

    ``strict`` requires each choice to match the scene in front of the player. Otherwise a
    scene the log does not cover takes the logged option for that scene if there is one
    and it is available, else the first available option.
    """
    remembered: dict[str, str] = {}
    for scene, option in choices:
        remembered.setdefault(scene, option)
    queue = list(choices)
    while not session.over:
        here = session.scene_id
        allowed = session.option_ids()
        if queue and queue[0][0] == here:
            pick = queue.pop(0)[1]
        elif strict:
            expected = queue[0] if queue else None
            raise ValueError(f"the log expected {expected} but the month is at scene {here!r}")
        else:
            while queue and queue[0][0] != here:
                queue.pop(0)
            pick = queue.pop(0)[1] if queue else remembered.get(here or "", "")
        if pick not in allowed:
            if strict:
                raise ValueError(f"option {pick!r} is not available at scene {here!r}")
            pick = allowed[0]
        session.choose(pick)
    return session


def replay(level: Level, persona: str, seed: int, choices: list[Choice], variant: str | None = None) -> Timeline:
    """Play ``choices`` again from the start: the same month, exactly."""
    return timeline_of(play_log(Session(level, persona, seed, variant), choices))


def what_if(
    level: Level,
    persona: str,
    seed: int,
    choices: list[Choice],
    index: int,
    other_option: str,
    variant: str | None = None,
) -> Timeline:
    """The month that would have followed had choice ``index`` been ``other_option``."""
    if not 0 <= index < len(choices):
        raise IndexError(f"no choice number {index}")
    session = Session(level, persona, seed, variant)
    _play_prefix(session, choices[:index])
    scene = choices[index][0]
    if session.scene_id != scene:
        raise ValueError(f"choice {index} was made at {scene!r}, not {session.scene_id!r}")
    session.choose(other_option)
    return timeline_of(play_log(session, choices[index + 1 :], strict=False))


def _play_prefix(session: Session, choices: list[Choice]) -> None:
    for scene, option in choices:
        if session.scene_id != scene:
            raise ValueError(f"the log expected scene {scene!r} but the month is at {session.scene_id!r}")
        session.choose(option)


def another_persona(level: Level, persona: str, seed: int, choices: list[Choice], variant: str) -> Timeline:
    """The same choices (as far as they apply) lived by another persona, under the same rules."""
    return timeline_of(play_log(Session(level, persona, seed, variant), choices, strict=False))
