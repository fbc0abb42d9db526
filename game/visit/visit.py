"""A visitor's session: the core month plus what the visitor did around it.

It replaces the old flow object: it starts the :class:`~game.core.session.Session`,
sends choices, holds each week's publication until its screen asks for it, turns
events into beats and feed lines, and keeps the appeals, the guess and the answer to
"would you join again?". Everything but the beats (a queue of what to show next) is
serialised, derived from the fields.
"""

from __future__ import annotations

import random
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from pydantic import TypeAdapter

from game.content.models import Level
from game.core.events import (
    ContactDropped,
    DoorChecked,
    Event,
    FlagChanged,
    MonthEnded,
    Notified,
    OptionChosen,
    Rated,
    Reply,
    WeekPublished,
    WeekStarted,
)
from game.core.session import ACCEPT, DECLINE, Session
from game.core.state import SessionState
from game.visit.beats import AfterChoice, Beat, Blacklisted, MonthEnd, Publication, WeekIntro
from game.visit.feed import FeedItem

VISIT_FORMAT = 1


@dataclass
class VisitData:
    """What a visit keeps: everything a replay or a bug report needs, nothing about the person."""

    format: int
    state: SessionState
    feed: list[FeedItem] = field(default_factory=list)
    appeals: list[str] = field(default_factory=list)  # the doors appealed against, in order
    guess: list[str] = field(default_factory=list)  # categories, what the visitor thinks moved them most first
    join_again: bool | None = None  # "knowing this, would you join Halo again?"
    seconds: float = 0.0  # how long the visit lasted, when it was recorded
    revealed: int = 0  # publications the visitor has seen


_ADAPTER: TypeAdapter[VisitData] | None = None


def _adapter() -> TypeAdapter[VisitData]:
    global _ADAPTER
    if _ADAPTER is None:
        _ADAPTER = TypeAdapter(VisitData)
    return _ADAPTER


class Visit:
    """One visitor, from the persona they pick to the end of their debrief."""

    def __init__(self, level: Level, session: Session, clock: Callable[[], float], data: VisitData) -> None:
        self.level = level
        self.session = session
        self.clock = clock
        self.data = data
        self.started_at = clock() - data.seconds
        self.beats: list[Beat] = []
        self.last_delta = 0
        self.recorded = False

    @classmethod
    def begin(cls, level: Level, persona: str, seed: int | None, clock: Callable[[], float]) -> Visit:
        seed = seed if seed is not None else random.SystemRandom().randrange(1 << 30)
        session = Session(level, persona, seed, hold_publication=True)
        return cls(level, session, clock, VisitData(VISIT_FORMAT, session.state))

    # -- what the visitor does ----------------------------------------------------------------
    def consent(self, accept: bool) -> None:
        self.choose(ACCEPT if accept else DECLINE)

    def choose(self, option_id: str) -> None:
        self.beats.extend(self._beats(self.session.choose(option_id)))

    def appeal(self, door: str) -> None:
        """The appeal button: it is registered, and nothing else happens. Ever."""
        self.data.appeals.append(door)
        self.data.feed.append(FeedItem("appeal", door, self.clock()))

    def set_guess(self, ranking: list[str]) -> None:
        self.data.guess = list(ranking)

    def answer_join_again(self, yes: bool) -> None:
        self.data.join_again = yes

    # -- what comes next ------------------------------------------------------------------------
    def next_beat(self) -> Beat | None:
        """The next thing to show; the week's publication is computed only when asked for."""
        if not self.beats and self.session.week_over:
            self.beats.extend(self._beats(self.session.publish()))
        beat = self.beats.pop(0) if self.beats else None
        if isinstance(beat, Publication):
            self.data.revealed = beat.week  # what the phone may show from now on
            self.last_delta = beat.after - beat.before
        return beat

    def take_after_choice(self) -> AfterChoice | None:
        if self.beats and isinstance(self.beats[0], AfterChoice):
            beat = self.beats.pop(0)
            assert isinstance(beat, AfterChoice)
            return beat
        return None

    def settle(self) -> None:
        """Publish a held week now (for scripted months that do not go through the screens)."""
        while self.session.week_over:
            self.beats.extend(self._beats(self.session.publish()))
        for beat in self.beats:
            if isinstance(beat, Publication):
                self.data.revealed = beat.week
                self.last_delta = beat.after - beat.before

    def _beats(self, events: list[Event]) -> list[Beat]:
        beats: list[Beat] = []
        after: dict[str, Any] = {}
        dropped: list[str] = []
        now = self.clock()
        for event in events:
            if isinstance(event, Reply):
                after["reply"] = event
                after.setdefault("where", (event.scene, event.option))
            elif isinstance(event, DoorChecked):
                after["door"] = event
            elif isinstance(event, Notified):
                after["notify"] = event
                after.setdefault("where", (event.scene, event.option))
                self.data.feed.append(FeedItem("notify", f"{event.scene}.{event.option}", now))
            elif isinstance(event, Rated):
                after.setdefault("ratings", []).append(event)
                if event.rated == "you":
                    self.data.feed.append(FeedItem("rated", event.rater, now, event.stars))
            elif isinstance(event, ContactDropped) and event.by == "you":
                after.setdefault("hurt", []).append(event.contact)
            elif isinstance(event, FlagChanged) and event.flag == "blacklisted" and event.value:
                beats.append(Blacklisted(self.session.week))
            elif isinstance(event, ContactDropped) and event.by == "them":
                dropped.append(event.contact)
                week = self.session.state.week + 1
                self.data.feed.append(FeedItem("dropped_you", event.contact, now, week=week))
            elif isinstance(event, WeekPublished):
                beats.append(Publication(event.week, event.before, event.after, event.message, tuple(dropped)))
                if not self.declined:
                    self.data.feed.append(FeedItem("publication", str(event.message), now, week=event.week))
                dropped = []
            elif isinstance(event, WeekStarted):
                beats.append(WeekIntro(event.week, event.whisper))
            elif isinstance(event, MonthEnded):
                beats.append(MonthEnd(event.declined))
        chosen = next((e for e in events if isinstance(e, OptionChosen)), None)
        if chosen is not None and ({"reply", "door", "notify", "ratings", "hurt"} & set(after)):
            scene, option = chosen.scene, chosen.option
            beat = AfterChoice(
                scene,
                option,
                after.get("reply"),
                after.get("door"),
                after.get("notify"),
                tuple(after.get("ratings", ())),
                tuple(after.get("hurt", ())),
            )
            beats.insert(0, beat)
        return beats

    # -- what the visit is ------------------------------------------------------------------------
    @property
    def over(self) -> bool:
        return self.session.over

    @property
    def declined(self) -> bool:
        return self.session.declined

    @property
    def persona(self) -> str:
        return self.session.state.persona

    @property
    def guess(self) -> list[str]:
        return list(self.data.guess)

    @property
    def appeals(self) -> list[str]:
        return list(self.data.appeals)

    @property
    def feed(self) -> list[FeedItem]:
        """What the phone may show: nothing of a publication before its own screen."""
        return [item for item in self.data.feed if item.week <= self.data.revealed]

    @property
    def seconds(self) -> float:
        return max(0.0, self.clock() - self.started_at)

    # -- keeping it ----------------------------------------------------------------------------
    def to_dict(self) -> dict[str, Any]:
        """The whole visit as plain data (derived from the fields, versioned)."""
        self.data.seconds = round(self.seconds, 1)
        data: dict[str, Any] = _adapter().dump_python(self.data, mode="json")
        data["state"] = self.session.state.to_dict()
        return data

    @classmethod
    def from_dict(cls, level: Level, data: dict[str, Any], clock: Callable[[], float]) -> Visit:
        """The same visit again (the same level required)."""
        if data.get("format") != VISIT_FORMAT:
            raise ValueError(f"visit format {data.get('format')!r} is not supported (expected {VISIT_FORMAT})")
        state = SessionState.from_dict(data["state"])
        session = Session.from_dict(level, data["state"])
        kept = _adapter().validate_python({**data, "state": state})
        kept.state = session.state
        return cls(level, session, clock, kept)
