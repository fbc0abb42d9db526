"""The level texts an event names: events carry ids, and the edge looks their words up."""

from __future__ import annotations

from typing import TYPE_CHECKING

from game.content.models import Scene
from game.core.events import DoorChecked, Notified, Reply
from game.core.rules import LevelIndex, holds

if TYPE_CHECKING:
    from game.core.state import SessionState

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


def scene_text(scene: Scene, state: SessionState) -> Text:
    """The scene's situation as the visitor reads it now: the first ``text_when`` line
    whose condition holds, else its ``text`` (the level's own mapping, not a copy)."""
    for line in scene.text_when:
        if holds(line.when, state):
            return line.text
    return scene.text
