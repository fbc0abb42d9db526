"""The level texts an event names: events carry ids, and the edge looks their words up."""

from __future__ import annotations

from game.core.events import DoorChecked, Notified, Reply
from game.core.rules import LevelIndex

Text = dict[str, str]


def reply_text(ix: LevelIndex, event: Reply) -> Text:
    option = ix.options[(event.scene, event.option)]
    if event.variant is not None:
        return dict(option.reply_when[event.variant].text)
    return dict(option.reply or {})


def notify_text(ix: LevelIndex, event: Notified) -> Text:
    return dict(ix.options[(event.scene, event.option)].notify or {})


def door_text(ix: LevelIndex, event: DoorChecked) -> Text:
    """What the door says (it may write ``{amount}``, filled in at the edge)."""
    return dict(ix.tier(event.door, event.tier).text)
