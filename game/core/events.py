"""Plain events returned by :meth:`Session.choose`: what the UI may show, never how to show it."""

from __future__ import annotations

from dataclasses import dataclass

from game.core.ledger import LedgerEntry

TextRef = dict[str, str]


@dataclass(frozen=True, slots=True)
class OptionChosen:
    scene: str
    option: str


@dataclass(frozen=True, slots=True)
class DoorChecked:
    """A service checked the published score. ``reason`` says why it was refused, if it was."""

    door: str
    outcome: str  # grant | deposit | refuse
    amount: int
    text: TextRef
    reason: str  # score | blacklisted | declined | money
    score: int


@dataclass(frozen=True, slots=True)
class Reply:
    text: TextRef


@dataclass(frozen=True, slots=True)
class Notified:
    """A cheerful notification from the Halo app."""

    text: TextRef


@dataclass(frozen=True, slots=True)
class ContactDropped:
    contact: str
    by: str  # you | them
    relation: str


@dataclass(frozen=True, slots=True)
class WeekStarted:
    week: int  # 1-based
    whisper: int | None  # index into the level week's whispers


@dataclass(frozen=True, slots=True)
class WeekPublished:
    week: int
    before: int
    after: int
    message: int  # index into level.publication


@dataclass(frozen=True, slots=True)
class MonthEnded:
    declined: bool


Event = OptionChosen | DoorChecked | Reply | Notified | ContactDropped | WeekStarted | WeekPublished | MonthEnded

__all__ = [
    "ContactDropped",
    "DoorChecked",
    "Event",
    "LedgerEntry",
    "MonthEnded",
    "Notified",
    "OptionChosen",
    "Reply",
    "WeekPublished",
    "WeekStarted",
]
