"""All mutable state of a session in one serialisable object (as ink and Yarn Spinner do)."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from game.core.ledger import Cause, LedgerEntry

FORMAT_VERSION = 1


@dataclass(slots=True)
class ContactState:
    score: float
    relation: str


@dataclass(slots=True)
class Pending:
    """A delayed effect, named by where it stands in the level so the state stays plain data."""

    scene: str
    option: str
    group: str
    index: int
    due_scene: int | None
    due_week: int | None
    cause: Cause


@dataclass(slots=True)
class DoorMet:
    door: str
    week: int
    scene: str
    option: str
    outcome: str
    amount: int
    reason: str
    score: int


@dataclass(slots=True)
class SessionState:
    """Everything that changes during a month. ``to_dict``/``from_dict`` round-trip it."""

    level: str
    persona: str
    seed: int
    variant: str
    phase: str = "consent"  # consent | month | week_end (publication held) | ended
    schedule: list[list[str]] = field(default_factory=list)
    whispers: list[int | None] = field(default_factory=list)
    week: int = 0
    pos: int = 0
    detour: list[str] = field(default_factory=list)
    scenes_played: int = 0
    sub: dict[str, float] = field(default_factory=dict)
    conn_offset: float = 0.0
    contacts: dict[str, ContactState] = field(default_factory=dict)
    money: int = 0
    flags: set[str] = field(default_factory=set)
    published: int = 0
    history: list[int] = field(default_factory=list)
    pending: list[Pending] = field(default_factory=list)
    choices: list[tuple[str, str]] = field(default_factory=list)
    ledger: list[LedgerEntry] = field(default_factory=list)
    doors: list[DoorMet] = field(default_factory=list)
    contact_history: list[dict[str, int]] = field(default_factory=list)

    def is_friend(self, contact: str) -> bool:
        found = self.contacts.get(contact)
        return found is not None and found.relation == "friend"

    def to_dict(self) -> dict[str, Any]:
        return {
            "format": FORMAT_VERSION,
            "level": self.level,
            "persona": self.persona,
            "seed": self.seed,
            "variant": self.variant,
            "phase": self.phase,
            "schedule": [list(w) for w in self.schedule],
            "whispers": list(self.whispers),
            "week": self.week,
            "pos": self.pos,
            "detour": list(self.detour),
            "scenes_played": self.scenes_played,
            "sub": dict(self.sub),
            "conn_offset": self.conn_offset,
            "contacts": {k: {"score": v.score, "relation": v.relation} for k, v in self.contacts.items()},
            "money": self.money,
            "flags": sorted(self.flags),
            "published": self.published,
            "history": list(self.history),
            "pending": [_slots_dict(p) for p in self.pending],
            "choices": [list(c) for c in self.choices],
            "ledger": [e.to_dict() for e in self.ledger],
            "doors": [_slots_dict(d) for d in self.doors],
            "contact_history": [dict(h) for h in self.contact_history],
        }

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> SessionState:
        version = data.get("format")
        if version != FORMAT_VERSION:
            raise ValueError(f"session format {version!r} is not supported (expected {FORMAT_VERSION})")
        return cls(
            level=data["level"],
            persona=data["persona"],
            seed=int(data["seed"]),
            variant=data["variant"],
            phase=data["phase"],
            schedule=[list(w) for w in data["schedule"]],
            whispers=list(data["whispers"]),
            week=int(data["week"]),
            pos=int(data["pos"]),
            detour=list(data["detour"]),
            scenes_played=int(data["scenes_played"]),
            sub=dict(data["sub"]),
            conn_offset=float(data["conn_offset"]),
            contacts={k: ContactState(v["score"], v["relation"]) for k, v in data["contacts"].items()},
            money=int(data["money"]),
            flags=set(data["flags"]),
            published=int(data["published"]),
            history=list(data["history"]),
            pending=[Pending(**p) for p in data["pending"]],
            choices=[(c[0], c[1]) for c in data["choices"]],
            ledger=[LedgerEntry.from_dict(e) for e in data["ledger"]],
            doors=[DoorMet(**d) for d in data["doors"]],
            contact_history=[dict(h) for h in data["contact_history"]],
        )


def _slots_dict(obj: Any) -> dict[str, Any]:
    return {name: getattr(obj, name) for name in obj.__slots__}
