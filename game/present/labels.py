"""Names of the level's things in the visitor's language: scenes, options, doors, people.

The consent counts as a scene (``consent``: accept / decline), so a choice log reads the
same everywhere it is shown (the debrief, the facilitator, others at this kiosk).
"""

from __future__ import annotations

from game.content.models import Level
from game.core.rules import index_of
from game.present.words import Words


def scene_title(level: Level, words: Words, scene: str) -> str:
    ix = index_of(level)
    if scene not in ix.scenes and scene != "consent":
        return scene
    return words.p(ix.choice_texts(scene)[0])


def option_label(level: Level, words: Words, scene: str | None, option: str | None) -> str:
    if scene is None or option is None:
        return ""
    ix = index_of(level)
    if scene not in ix.scenes and scene != "consent":
        return option
    texts = dict(ix.choice_texts(scene)[1])
    return words.p(texts[option]) if option in texts else option


def option_ids(level: Level, scene: str) -> list[str]:
    return [option for option, _ in index_of(level).choice_texts(scene)[1]]


def category_name(level: Level, words: Words, category: str) -> str:
    found = next((c for c in level.categories if c.id == category), None)
    return words.p(found.name) if found else category


def door_name(level: Level, words: Words, door: str) -> str:
    found = index_of(level).doors.get(door)
    return words.p(found.name) if found else door


def contact_name(level: Level, words: Words, contact: str) -> str:
    found = index_of(level).contacts.get(contact)
    return words.p(found.name) if found else contact


def persona_name(level: Level, words: Words, persona: str) -> str:
    found = index_of(level).personas.get(persona)
    return words.p(found.name) if found else persona
