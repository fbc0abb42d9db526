"""All mutable state of a session in one serialisable object (as ink and Yarn Spinner do)."""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any

from pydantic import TypeAdapter

from game.core.ledger import Cause, LedgerEntry

FORMAT_VERSION = 2  # 2: serialisation derived from the fields; the week_end phase


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
        """Plain JSON-ready data, derived from the fields (no list of them kept by hand)."""
        data: dict[str, Any] = _adapter().dump_python(self, mode="json")
        data["flags"] = sorted(data["flags"])  # a set has no order of its own: the same state, the same data
        return {"format": FORMAT_VERSION, **data}

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> SessionState:
        version = data.get("format")
        if version != FORMAT_VERSION:
            raise ValueError(f"session format {version!r} is not supported (expected {FORMAT_VERSION})")
        return _adapter().validate_python({k: v for k, v in data.items() if k != "format"})


@lru_cache(maxsize=1)
def _adapter() -> TypeAdapter[SessionState]:
    return TypeAdapter(SessionState)
