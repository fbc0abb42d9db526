"""Warnings about a level's continuity: things that are valid but break the fiction.

The linter proper (:mod:`game.content.lint`) reports errors; these are warnings that
``python -m game check`` prints without failing, each with file:line:col:

- a phone clock that runs backwards within a day (the scenes of a week are played in the
  order they are written, so their ``day`` and ``time`` should only move forward);
- an option that makes someone a friend who may already be one, with no
  ``not_friends`` (or ``not_contacts``) condition to rule that out.
"""

from __future__ import annotations

from game.content.models import Level, Scene
from game.content.walk import all_scenes
from game.content.yamlsafe import Document, Problem
from game.kinds.conditions import ConditionBase
from game.kinds.effects.relation import RelationEffect


def continuity_warnings(level: Level, doc: Document) -> list[Problem]:
    out: list[Problem] = []
    for w, week in enumerate(level.weeks):
        last: tuple[int, str] | None = None
        last_id = ""
        for s, scene in enumerate(week.scenes):
            if scene.time is None:
                continue
            day = scene.day if scene.day is not None else (last[0] if last else 1)
            here = (day, scene.time)
            if last is not None and here < last:
                out.append(
                    doc.problem(
                        ("weeks", w, "scenes", s, "time"),
                        f"warning: the phone's clock runs backwards: {scene.id!r} at {scene.time} comes after "
                        f"{last_id!r} at {last[1]} the same day (give it a later time or a later day:)",
                    )
                )
            last, last_id = here, scene.id
    circles = {
        p.id: set(p.contacts) if p.contacts is not None else {c.id for c in level.contacts} for p in level.personas
    }
    friends_at_start = {c.id for c in level.contacts if c.relation == "friend"}
    for path, scene in all_scenes(level):
        for o, option in enumerate(scene.options):
            for group in ("effects", "on_granted", "on_refused"):
                for e, effect in enumerate(getattr(option, group)):
                    if not isinstance(effect, RelationEffect) or effect.relation != "friend":
                        continue
                    who = effect.contact
                    if _rules_out(who, scene, option.when, effect.when):
                        continue
                    personas = _personas(scene, level)
                    if who in friends_at_start and any(who in circles[p] for p in personas):
                        out.append(
                            doc.problem(
                                (*path, "options", o, group, e),
                                f"warning: {who!r} may already be a friend here; add when: {{not_friends: [{who}]}}",
                            )
                        )
    return out


def _rules_out(who: str, scene: Scene, *conditions: ConditionBase | None) -> bool:
    for cond in (scene.when, *conditions):
        if cond is not None and (who in (cond.value("not_friends") or []) or who in (cond.value("not_contacts") or [])):
            return True
    return False


def _personas(scene: Scene, level: Level) -> list[str]:
    if scene.when is not None and scene.when.value("persona"):
        return list(scene.when.value("persona"))
    return [p.id for p in level.personas]
