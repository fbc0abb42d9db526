"""The phone's feed: Halo's notifications and news about people, as ids and parameters."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal

FeedKind = Literal["notify", "publication", "dropped_you", "appeal", "rated"]


@dataclass
class FeedItem:
    """One line on the phone. ``ref`` names what it is about (see :mod:`game.present.phone`).

    - ``notify``: an option's notification, ``ref`` = ``scene.option``
    - ``publication``: the week's message, ``ref`` = its index in the level's publication
    - ``dropped_you``: ``ref`` = the contact who dropped you
    - ``appeal``: your appeal was registered, ``ref`` = the door
    - ``rated``: someone rated you, ``ref`` = the contact, ``stars`` given
    """

    kind: FeedKind
    ref: str
    born: float = 0.0
    stars: int = 0
    week: int = 0  # the publication it came with (0: not a publication's)
    extra: dict[str, str] = field(default_factory=dict)
