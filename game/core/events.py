"""Plain events returned by :meth:`Session.choose`: what the UI may show, never how to show it."""

from __future__ import annotations

from dataclasses import dataclass

from game.core.ledger import LedgerEntry


@dataclass(frozen=True, slots=True)
class OptionChosen:
    scene: str
    option: str


@dataclass(frozen=True, slots=True)
class DoorChecked:
    """A service checked the published score. ``reason`` says why it answered so.

    ``tier`` names the answer (an index into the door's tiers, or the flag that chose
    it); its text is looked up at the edge, in the visitor's language.
    """

    door: str
    outcome: str  # grant | deposit | refuse
    amount: int
    tier: str
    reason: str  # score | money | a flag (blacklisted, declined, ...)
    score: int


@dataclass(frozen=True, slots=True)
class Reply:
    """What the world answered to an option; ``variant`` indexes its ``reply_when`` lines."""

    scene: str
    option: str
    variant: int | None = None


@dataclass(frozen=True, slots=True)
class Notified:
    """A cheerful notification from the Halo app, the option's ``notify``."""

    scene: str
    option: str


@dataclass(frozen=True, slots=True)
class ContactDropped:
    contact: str
    by: str  # you | them
    relation: str


@dataclass(frozen=True, slots=True)
class Rated:
    """Someone gave someone stars (``you`` for the player)."""

    rater: str
    rated: str
    stars: int


@dataclass(frozen=True, slots=True)
class FlagChanged:
    """A flag was set or cleared (``blacklisted`` is the one the screens make an event of)."""

    flag: str
    value: bool


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


Event = (
    OptionChosen
    | DoorChecked
    | Reply
    | Notified
    | ContactDropped
    | Rated
    | FlagChanged
    | WeekStarted
    | WeekPublished
    | MonthEnded
)

__all__ = [
    "ContactDropped",
    "DoorChecked",
    "Event",
    "FlagChanged",
    "LedgerEntry",
    "MonthEnded",
    "Notified",
    "OptionChosen",
    "Rated",
    "Reply",
    "WeekPublished",
    "WeekStarted",
]
