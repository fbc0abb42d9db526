"""The game's flow around one session: settings, the beats between scenes, the phone's feed.

This is the UI's only link to the core: it starts a :class:`Session`, sends choices and
turns the events that come back into *beats* (what to show next). It never changes
game state itself. It imports no pygame, so tests can drive it directly.
"""

from __future__ import annotations

import random
import time
from dataclasses import dataclass, field

from game.content.models import Level
from game.core.events import (
    ContactDropped,
    DoorChecked,
    Event,
    MonthEnded,
    Notified,
    Reply,
    WeekPublished,
    WeekStarted,
)
from game.core.lookup import notify_text, reply_text
from game.core.session import ACCEPT, DECLINE, Session
from game.settings import Settings

__all__ = ["AfterChoice", "Beat", "FeedItem", "GameFlow", "MonthEnd", "Publication", "Settings", "WeekIntro"]


@dataclass(frozen=True)
class AfterChoice:
    """What the world answered right after a choice, shown on the scene itself."""

    reply: dict[str, str] | None
    door: DoorChecked | None
    notify: dict[str, str] | None


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


Beat = AfterChoice | WeekIntro | Publication | MonthEnd


@dataclass
class FeedItem:
    """A line on the phone: a Halo notification or news about a contact."""

    text: dict[str, str] | None
    key: str | None = None
    params: dict[str, dict[str, str]] = field(default_factory=dict)
    born: float = 0.0


class GameFlow:
    """One visitor's path: persona, consent, the month, the end, the debrief."""

    def __init__(self, level: Level, settings: Settings, clock: object = time.monotonic) -> None:
        self.level = level
        self.settings = settings
        self.clock = clock
        self.session: Session | None = None
        self.beats: list[Beat] = []
        self.feed: list[FeedItem] = []
        self.last_delta = 0
        self.guess: list[str] = []
        self.started_at: float | None = None
        self.appealed = 0
        self.recorded = False

    def now(self) -> float:
        return float(self.clock())  # type: ignore[operator]

    # -- starting ---------------------------------------------------------------------------
    def start(self, persona: str) -> Session:
        seed = self.settings.seed if self.settings.seed is not None else random.SystemRandom().randrange(1 << 30)
        self.session = Session(self.level, persona, seed, hold_publication=True)
        self.beats = []
        self.feed = []
        self.last_delta = 0
        self.guess = []
        self.started_at = self.now()
        self.appealed = 0
        self.recorded = False
        return self.session

    def reset(self) -> None:
        """Forget the visitor entirely (kiosk reset)."""
        self.session = None
        self.beats = []
        self.feed = []
        self.guess = []
        self.last_delta = 0
        self.started_at = None
        self.appealed = 0
        self.recorded = False
        self.settings.lang = self.settings.default_lang

    # -- choosing ---------------------------------------------------------------------------
    def consent(self, accept: bool) -> None:
        self.choose(ACCEPT if accept else DECLINE)

    def choose(self, option_id: str) -> None:
        assert self.session is not None
        events = self.session.choose(option_id)
        self.beats.extend(self._beats(events))

    def _beats(self, events: list[Event]) -> list[Beat]:
        beats: list[Beat] = []
        reply: dict[str, str] | None = None
        door: DoorChecked | None = None
        notify: dict[str, str] | None = None
        dropped: list[str] = []
        now = self.now()
        for event in events:
            if isinstance(event, Reply) and self.session is not None:
                reply = reply_text(self.session.ix, event)
            elif isinstance(event, DoorChecked):
                door = event
            elif isinstance(event, Notified) and self.session is not None:
                notify = notify_text(self.session.ix, event)
                self.feed.append(FeedItem(notify, born=now))
            elif isinstance(event, ContactDropped) and event.by == "them":
                dropped.append(event.contact)
                name = self.session.ix.contacts[event.contact].name if self.session else {}
                self.feed.append(FeedItem(None, "feed.dropped_you", {"name": dict(name)}, now))
            elif isinstance(event, WeekPublished):
                if reply or door or notify:
                    beats.append(AfterChoice(reply, door, notify))
                    reply = door = notify = None
                beats.append(Publication(event.week, event.before, event.after, event.message, tuple(dropped)))
                self.last_delta = event.after - event.before
                if self.session is not None and "declined" not in self.session.state.flags:
                    self.feed.append(FeedItem(self.level.publication[event.message].text, born=now))
                dropped = []
            elif isinstance(event, WeekStarted):
                beats.append(WeekIntro(event.week, event.whisper))
            elif isinstance(event, MonthEnded):
                beats.append(MonthEnd(event.declined))
        if reply or door or notify:
            beats.insert(0, AfterChoice(reply, door, notify))
        return beats

    def settle(self) -> None:
        """Publish a held week now (for scripted months that do not go through the screens)."""
        while self.session is not None and self.session.week_over:
            self.beats.extend(self._beats(self.session.publish()))

    def next_beat(self) -> Beat | None:
        """The next thing to show; the week's publication is computed only when it is asked for."""
        if not self.beats and self.session is not None and self.session.week_over:
            self.beats.extend(self._beats(self.session.publish()))
        return self.beats.pop(0) if self.beats else None

    def peek_after_choice(self) -> AfterChoice | None:
        if self.beats and isinstance(self.beats[0], AfterChoice):
            beat = self.beats.pop(0)
            assert isinstance(beat, AfterChoice)
            return beat
        return None

    def appeal(self) -> None:
        """The appeal button: it is registered, and nothing else happens. Ever."""
        self.appealed += 1
        self.feed.append(FeedItem(None, "feed.appeal_registered", {}, self.now()))

    @property
    def duration_s(self) -> float:
        return 0.0 if self.started_at is None else self.now() - self.started_at
