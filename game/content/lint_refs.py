"""Checks of what a level points outside itself at: pictures, and the cards its rules cite.

- every picture a persona, goal, contact, scene, door, option, feed kind or card names exists in
  ``assets/art`` (a person's portrait defaults to their id, and may be missing: the game
  then draws a neutral placeholder, so educators' levels without pictures still play);
- a rule, threshold or card says whether it is ``documented``, ``reported`` or
  ``invented``; a rule or door that is not invented names the card (``source``) that
  tells the real story.
"""

from __future__ import annotations

from collections.abc import Callable

from game.content.art import ArtCatalog, art_catalog
from game.content.models import Level
from game.content.walk import all_scenes
from game.content.yamlsafe import Path_


def lint_refs(level: Level, bad: Callable[[Path_, str], None], art: ArtCatalog | None = None) -> None:
    art = art or art_catalog()
    things = art.objects | art.icons

    def person(pid: str | None, path: Path_) -> None:
        if pid is not None and pid not in art.people:
            bad(path, f"no portrait {pid!r} in assets/art/people (see tools/art/README.md)")

    def thing(oid: str | None, path: Path_) -> None:
        if oid is not None and oid not in things:
            bad(path, f"no picture {oid!r} in assets/art/objects or assets/art/icons")

    for p, persona in enumerate(level.personas):
        person(persona.portrait, ("personas", p, "portrait"))
        thing(persona.goal.picture, ("personas", p, "goal", "picture"))
    for kind, oid in level.feed_pictures:
        thing(oid, ("feed_pictures", kind))
    for c, contact in enumerate(level.contacts):
        person(contact.portrait, ("contacts", c, "portrait"))
    for d, door in enumerate(level.doors):
        thing(door.picture, ("doors", d, "picture"))
    for path, scene in all_scenes(level):
        for i, oid in enumerate(scene.picture):
            thing(oid, (*path, "picture", i))
        for o, option in enumerate(scene.options):
            thing(option.icon, (*path, "options", o, "icon"))
    cards = {card.id for card in level.cards} | ({level.rights.id} if level.rights else set())
    for k, card in enumerate(level.cards):
        thing(card.picture, ("cards", k, "picture"))

    def source(basis: str | None, cited: str | None, path: Path_) -> None:
        if cited is not None and cited not in cards:
            bad((*path, "source"), f"unknown card {cited!r}")
        elif basis in ("documented", "reported") and cited is None:
            bad((*path, "basis"), f"a {basis} rule names the card with its source (source: card_id)")

    for d, door in enumerate(level.doors):
        source(door.basis, door.source, ("doors", d))
    for r, rule in enumerate(level.hidden_rules):
        source(rule.basis, rule.source, ("hidden_rules", r))
    for path, scene in all_scenes(level):
        for o, option in enumerate(scene.options):
            source(option.basis, option.source, (*path, "options", o))
