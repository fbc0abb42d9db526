"""Whole-level checks that a schema cannot express: ids, references, reachability, languages.

Like Ren'Py's linter, each finding names file, line and field, and all are reported at once.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from game.content.lint_refs import lint_refs
from game.content.models import Effect, Level, Option, Scene
from game.content.walk import all_scenes, is_text, walk
from game.content.yamlsafe import Document, Path_, Problem
from game.kinds.base import EffectBase
from game.kinds.conditions import ConditionBase

RESERVED_FLAGS = frozenset({"blacklisted", "declined"})
PLACEHOLDER = re.compile(r"\{([a-z][a-z0-9_]*)\}")  # a reveal's {category}: filled with its score points


@dataclass
class Checks:
    """What the kinds' lint checks see of the level (:class:`game.kinds.registry.LintContext`)."""

    categories: set[str]
    contacts: set[str]
    doors: set[str]
    personas: set[str]
    scenes: set[str]
    flags: set[str]
    bad: Callable[[Path_, str], None]


def lint_level(level: Level, doc: Document) -> list[Problem]:
    """Every cross-reference problem in ``level``; ``doc`` supplies the positions."""
    out: list[Problem] = []

    def bad(path: Path_, message: str) -> None:
        out.append(doc.problem(path, message))

    def unique(items: list[Any], base: Path_, what: str) -> set[str]:
        seen: set[str] = set()
        for i, item in enumerate(items):
            if item.id in seen:
                bad((*base, i, "id"), f"duplicate {what} id {item.id!r}")
            seen.add(item.id)
        return seen

    categories = unique(level.categories, ("categories",), "category")
    doors = unique(level.doors, ("doors",), "door")
    contacts = unique(level.contacts, ("contacts",), "contact")
    personas = unique(level.personas, ("personas",), "persona")
    unique(level.rules, ("rules",), "rule set")
    unique(level.cards, ("cards",), "card")
    scene_ids: set[str] = set()
    for path, scene in all_scenes(level):
        if scene.id in scene_ids:
            bad((*path, "id"), f"duplicate scene id {scene.id!r}")
        scene_ids.add(scene.id)
        unique(scene.options, (*path, "options"), "option")
    side_ids = {s.id for s in level.side_scenes}

    def check_categories(keys: Any, path: Path_, need_all: bool) -> None:
        for key in keys:
            if key not in categories:
                bad((*path, key), f"unknown category {key!r}")
        if need_all:
            for cat in sorted(categories - set(keys)):
                bad(path, f"missing category {cat!r}")

    check_categories(level.start, ("start",), True)
    for r, rules in enumerate(level.rules):
        check_categories(rules.weights, ("rules", r, "weights"), True)
        if sum(rules.weights.values()) <= 0:
            bad(("rules", r, "weights"), "weights must not all be zero")
    check_categories(level.recompute.drift, ("recompute", "drift"), False)
    if level.connections.category not in categories:
        bad(("connections", "category"), f"unknown category {level.connections.category!r}")

    def descending(values: list[int], path: Path_, what: str, floor: int | None) -> None:
        if values != sorted(values, reverse=True) or len(set(values)) != len(values):
            bad(path, f"{what} must go from highest to lowest without repeats")
        elif floor is not None and values[-1] > floor:
            bad(path, f"the lowest {what} ({values[-1]}) must be at most {floor} so every score is covered")

    descending([g.min for g in level.grades], ("grades",), "grade min", level.score.min)
    descending([b.min for b in level.bands], ("bands",), "band min", level.score.min)
    descending([m.min_delta for m in level.publication], ("publication",), "min_delta", None)
    for d, door in enumerate(level.doors):
        if door.tiers[-1].min > level.score.min:
            bad(("doors", d, "tiers"), f"the lowest tier must start at {level.score.min} or below")
    for c, contact in enumerate(level.contacts):
        for i, door_id in enumerate(contact.doors):
            if door_id not in doors:
                bad(("contacts", c, "doors", i), f"unknown door {door_id!r}")

    flags_set = set(RESERVED_FLAGS)
    for _, value in walk(level):
        if isinstance(value, EffectBase):
            flags_set |= value.sets_flags()
    ctx = Checks(categories, contacts, doors, personas, scene_ids, flags_set, bad)

    def check_condition(cond: ConditionBase | None, path: Path_) -> bool:
        """Check references; return False when the condition can never hold."""
        return True if cond is None else cond.lint(ctx, path)

    def check_effects(effects: list[Effect], path: Path_) -> None:
        for e, effect in enumerate(effects):
            effect.lint(ctx, (*path, e))
            check_condition(effect.when, (*path, e, "when"))

    def check_option(option: Option, path: Path_) -> None:
        check_condition(option.when, (*path, "when"))
        if option.door is not None and option.door not in doors:
            bad((*path, "door"), f"unknown door {option.door!r}")
        if option.goto is not None and option.goto not in side_ids:
            bad((*path, "goto"), f"goto {option.goto!r} names no scene in side_scenes")
        if (option.on_granted or option.on_refused) and option.door is None:
            bad(path, "on_granted / on_refused need a door")
        for key in ("effects", "on_granted", "on_refused"):
            check_effects(getattr(option, key), (*path, key))
        for i, line in enumerate(option.reply_when):
            check_condition(line.when, (*path, "reply_when", i, "when"))
        moved = {c for e in option.all_effects() for c in e.score_points({})}
        for lang, text in (option.reveal or {}).items():
            for name in PLACEHOLDER.findall(text):
                if name not in moved:
                    moves = ", ".join(sorted(moved)) or "none"
                    bad((*path, "reveal", lang), f"{{{name}}} names no category this option moves (it moves: {moves})")

    gotos: set[str] = set()
    for path, scene in all_scenes(level):
        if scene.speaker is not None and scene.speaker not in contacts:
            bad((*path, "speaker"), f"unknown contact {scene.speaker!r}")
        if scene.speaker is None:  # a face needs someone to wear it
            for where, face in _faces(scene, path):
                if face is not None:
                    bad((*where, "speaker_mood"), "speaker_mood needs a speaker: this scene names none")
        if not check_condition(scene.when, (*path, "when")):
            bad((*path, "when"), f"scene {scene.id!r} is unreachable")
        for i, line in enumerate(scene.text_when):
            check_condition(line.when, (*path, "text_when", i, "when"))
        for o, option in enumerate(scene.options):
            check_option(option, (*path, "options", o))
            if option.goto:
                gotos.add(option.goto)
    for s, scene in enumerate(level.side_scenes):
        if scene.id not in gotos:
            bad(("side_scenes", s, "id"), f"side scene {scene.id!r} is unreachable: no option goes to it")
    for cycle, path in _goto_cycles(level):
        bad(path, f"goto cycle {' -> '.join(cycle)}: a side scene is played once a month, so this loop is cut short")

    for w, week in enumerate(level.weeks):
        free = sum(1 for s in week.scenes if not s.fixed)
        if week.draw is not None and week.draw > free:
            bad(("weeks", w, "draw"), f"draw {week.draw} is more than the {free} scenes that are not fixed")
        for i, whisper in enumerate(week.whispers):
            if whisper.contact not in contacts:
                bad(("weeks", w, "whispers", i, "contact"), f"unknown contact {whisper.contact!r}")

    for p, persona in enumerate(level.personas):
        for i, point in enumerate(persona.data):
            if point.category not in categories:
                bad(("personas", p, "data", i, "category"), f"unknown category {point.category!r}")
        for i, cid in enumerate(persona.contacts or []):
            if cid not in contacts:
                bad(("personas", p, "contacts", i), f"unknown contact {cid!r}")
        circle = set(persona.contacts) if persona.contacts is not None else contacts
        for i, cid in enumerate(persona.key_contacts):
            if cid not in circle:
                bad(("personas", p, "key_contacts", i), f"{cid!r} is not one of this persona's contacts")
        check_condition(persona.goal.when, ("personas", p, "goal", "when"))

    for lang, pattern in (level.currency or {}).items():
        if pattern.count("{amount}") != 1 or "{" in pattern.replace("{amount}", ""):
            bad(("currency", lang), 'a currency is written with {amount} once, e.g. "{amount} €"')
    for r, rule in enumerate(level.hidden_rules):
        for i, sid in enumerate(rule.scenes):
            if sid not in scene_ids:
                bad(("hidden_rules", r, "scenes", i), f"unknown scene {sid!r}")

    lint_refs(level, bad)

    langs = set(level.languages)
    for path, value in walk(level):
        if not is_text(value):
            continue
        for lang in sorted(langs - set(value)):
            bad(path, f"missing the {lang!r} text")
        for lang in sorted(set(value) - langs):
            bad((*path, lang), f"language {lang!r} is not in the level's languages")
        for lang, text in value.items():
            if not text.strip():
                bad((*path, lang), "text is empty")
    return sorted(set(out))


def _goto_cycles(level: Level) -> list[tuple[list[str], Path_]]:
    """Side scenes that lead back to themselves through gotos, with the goto closing each loop."""
    edges: dict[str, list[tuple[str, Path_]]] = {}
    for s, scene in enumerate(level.side_scenes):
        for o, option in enumerate(scene.options):
            if option.goto is not None:
                edges.setdefault(scene.id, []).append((option.goto, ("side_scenes", s, "options", o, "goto")))
    found: list[tuple[list[str], Path_]] = []
    seen: set[str] = set()

    def visit(start: str) -> None:
        """Depth first from ``start`` with an explicit stack: a chain of any length, no recursion."""
        trail, on_trail = [start], {start: 0}
        stack = [iter(edges.get(start, []))]
        while stack:
            step = next(stack[-1], None)
            if step is None:
                stack.pop()
                del on_trail[trail.pop()]
                continue
            target, path = step
            if target in on_trail:
                found.append(([*trail[on_trail[target] :], target], path))
            elif target not in seen:
                seen.add(target)
                on_trail[target] = len(trail)
                trail.append(target)
                stack.append(iter(edges.get(target, [])))

    for start in sorted(edges):
        if start not in seen:
            seen.add(start)
            visit(start)
    return found


def _faces(scene: Scene, path: Path_) -> list[tuple[Path_, str | None]]:
    """Every ``speaker_mood`` a scene names (on itself, its options, their text variants)."""
    out: list[tuple[Path_, str | None]] = [(path, scene.speaker_mood)]
    out += [((*path, "text_when", i), line.speaker_mood) for i, line in enumerate(scene.text_when)]
    for o, option in enumerate(scene.options):
        out.append(((*path, "options", o), option.speaker_mood))
        out += [((*path, "options", o, "reply_when", i), line.speaker_mood) for i, line in enumerate(option.reply_when)]
    return out
