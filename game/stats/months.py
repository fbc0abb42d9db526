"""A class's months for the rules sandbox: stored sessions, and the figures other views show.

The sandbox (:mod:`game.sandbox.classroom`) replays these sessions under other rules and
publishes figures about them. Those figures count the same sessions as the level's summary
(the facilitator view, the debrief's "others at this kiosk"), so they are decided against
the summary's figures as shown and hidden there: ``published`` and ``withheld`` carry each
figure with the sessions it counts, in the same bit positions (session id − ``base``).
"""

from __future__ import annotations

from dataclasses import dataclass

from game.stats.disclosure import Figure
from game.stats.record import SessionRecord


@dataclass(frozen=True)
class ClassMonths:
    level: str
    base: int  # a session's bit position in the figures is its id minus this
    completed: int  # completed sessions of the level, all of them
    sessions: tuple[tuple[int, SessionRecord], ...]  # (session id, record): the newest completed, oldest first
    published: tuple[Figure, ...]  # the level's figures that its summary shows
    withheld: tuple[Figure, ...]  # ... and those it hides

    def position(self, session_id: int) -> int:
        return session_id - self.base
