"""Beats: what to show next, made from the core's events (ids, never finished text)."""

from __future__ import annotations

from dataclasses import dataclass

from game.core.events import DoorChecked, Notified, Rated, Reply


@dataclass(frozen=True)
class AfterChoice:
    """What the world answered right after a choice, shown on the scene itself.

    ``hurt`` names the contacts this choice dropped or reported: their faces answer too.
    """

    scene: str
    option: str
    reply: Reply | None
    door: DoorChecked | None
    notify: Notified | None
    ratings: tuple[Rated, ...] = ()
    hurt: tuple[str, ...] = ()


@dataclass(frozen=True)
class Blacklisted:
    """The system put the visitor on the list: an event of its own, not a line in a paragraph."""

    week: int


@dataclass(frozen=True)
class WeekIntro:
    week: int
    whisper: int | None


@dataclass(frozen=True)
class Publication:
    week: int
    before: int
    after: int
    message: int
    dropped_by: tuple[str, ...]


@dataclass(frozen=True)
class MonthEnd:
    declined: bool


Beat = AfterChoice | Blacklisted | WeekIntro | Publication | MonthEnd
