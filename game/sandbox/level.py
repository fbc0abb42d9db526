"""A level judged by the sandbox's rules: a new validated level, the shipped one untouched.

What each part of :class:`~game.sandbox.rules.Rules` becomes in the level format:

* the weights: one rule set, ``sandbox`` (or, in a saved copy, a new entry in ``rules:``);
* the thresholds: each door's tiers start where the sandbox says;
* personal data that do not count: those data points are gone from their persona;
* friends' average off: every contact's ``closeness`` is 0, so the connections sub-score no
  longer follows anyone's score (the engine then uses ``connections.alone``, plus offsets,
  as for someone whose friends do not count).

The changed parts are built through their models (so validated), the level around them
with ``Level.model_validate`` (its unchanged parts are shared, being frozen); the copy's
engine index is its own (``_index`` starts empty).
"""

from __future__ import annotations

from collections import OrderedDict
from typing import Any, TypeVar

from pydantic import BaseModel

from game.content.models import Door, Level, Persona, RuleSet, Text
from game.sandbox.rules import Rules

SANDBOX = "sandbox"
"""The id of the rule set the sandbox judges by."""

M = TypeVar("M", bound=BaseModel)


def changed(model: M, **update: Any) -> M:
    """``model`` with ``update``, validated again; what the author wrote stays what is set
    (so a saved copy writes only that, and the changes)."""
    fields = {name: getattr(model, name) for name in model.model_fields_set}
    return type(model).model_validate({**fields, **update})


def rebuild(level: Level, rules: Rules, rule_sets: list[RuleSet], **top: Any) -> Level:
    """``level`` with ``rules``' thresholds, data and connections rule, these rule sets and
    any other top-level field given in ``top`` (an id, a title)."""
    doors = [_door(door, rules.tiers(door.id)) for door in level.doors]
    personas = [_persona(persona, rules) for persona in level.personas]
    contacts = list(level.contacts)
    if not rules.friends_average:
        contacts = [c if c.closeness == 0 else changed(c, closeness=0.0) for c in contacts]
    fields = {name: getattr(level, name) for name in level.model_fields_set}
    update = {"rules": rule_sets, "doors": doors, "personas": personas, "contacts": contacts, **top}
    return Level.model_validate({**fields, **update})


def _door(door: Door, mins: tuple[int, ...]) -> Door:
    if not mins or tuple(t.min for t in door.tiers) == mins:
        return door
    tiers = [t if t.min == m else changed(t, min=m) for t, m in zip(door.tiers, mins, strict=True)]
    return changed(door, tiers=tiers)


def _persona(persona: Persona, rules: Rules) -> Persona:
    kept = [p for i, p in enumerate(persona.data) if rules.counts(persona.id, i, p.category)]
    return persona if len(kept) == len(persona.data) else changed(persona, data=kept)


def rule_set(level: Level, rules: Rules, rule_id: str = SANDBOX, name: Text | None = None) -> RuleSet:
    """The sandbox's weights as a rule set of ``level``."""
    return RuleSet(
        id=rule_id,
        name=name or {lang: rule_id for lang in level.languages},
        weights={category: _plain(weight) for category, weight in rules.weights},
    )


def _plain(value: float) -> float:
    return float(int(value)) if float(value).is_integer() else round(value, 2)


def modified_level(level: Level, rules: Rules) -> Level:
    """``level`` judged by ``rules``: its only rule set is :data:`SANDBOX`."""
    return rebuild(level, rules, [rule_set(level, rules)])


class ModifiedLevels:
    """The modified level per :class:`Rules`, made once and kept (the newest ``size``)."""

    def __init__(self, level: Level, size: int = 32) -> None:
        self.level = level
        self.size = size
        self._kept: OrderedDict[Rules, Level] = OrderedDict()

    def __call__(self, rules: Rules) -> Level:
        found = self._kept.get(rules)
        if found is None:
            found = self._kept[rules] = modified_level(self.level, rules)
            while len(self._kept) > self.size:
                self._kept.popitem(last=False)
        else:
            self._kept.move_to_end(rules)
        return found
