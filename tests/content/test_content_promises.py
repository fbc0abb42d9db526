"""What every level in levels/ promises about its content, read from the files (issue 14).

Every card, rule, threshold and reveal says whether it is documented, reported or
invented, with its source; reveals write no sub-score numbers; scenes announce no
threshold; every choice gets a visible reaction and every betrayal the strongest one;
what you did to someone changes how they speak to you later; every person, scene and
door has a picture; the facts are told as the sources tell them. Full months (four weeks
or more, the shipped kiosk and workshop) also promise peer ratings, a month without Halo
that lasts the month, a card on what is real here, and China and the West in balance.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import get_args

import pytest

from game.content.art import EXPRESSIONS, art_catalog
from game.content.load import load_level
from game.content.models import Level, Option, Scene
from game.content.types import Mood
from game.content.walk import all_scenes
from game.core.simulate import betrays, count_words
from game.i18n import load_catalog
from game.kinds.effects.join import JoinEffect
from game.kinds.effects.rating import RatingEffect
from game.kinds.effects.relation import RelationEffect
from game.paths import LEVELS_DIR

PATHS = sorted(LEVELS_DIR.glob("*.yaml"))
LEVELS = {p.stem: load_level(p) for p in PATHS}
FULL = {k: lv for k, lv in LEVELS.items() if len(lv.weeks) >= 4}
BASES = {"documented", "reported", "invented"}

every = pytest.mark.parametrize("name", sorted(LEVELS))
full = pytest.mark.parametrize("name", sorted(FULL))


def options(level: Level) -> Iterator[tuple[Scene, Option]]:
    for _, scene in all_scenes(level):
        for option in scene.options:
            yield scene, option


def cards(level: Level) -> list:  # type: ignore[type-arg]
    return [*level.cards, *([level.rights] if level.rights else [])]


def test_the_full_levels_are_found() -> None:
    assert {"kiosk", "workshop"} <= set(FULL)


# -- what is real -------------------------------------------------------------------------------


@every
def test_every_card_rule_threshold_and_reveal_says_what_is_real(name: str) -> None:
    level = LEVELS[name]
    card_ids = {c.id for c in cards(level)}
    for card in cards(level):
        assert card.basis in BASES, card.id
        assert all(text.strip() for text in card.source.values()), card.id

    def sourced(what: str, basis: str | None, source: str | None) -> None:
        assert basis in BASES, f"{what}: no basis"
        if basis != "invented":
            assert source in card_ids, f"{what}: a {basis} rule names the card with its source"

    for door in level.doors:
        sourced(f"door {door.id}", door.basis, door.source)
    for i, rule in enumerate(level.hidden_rules):
        sourced(f"hidden rule {i}", rule.basis, rule.source)
    for scene, option in options(level):
        if option.reveal is not None:
            sourced(f"{scene.id}.{option.id}", option.basis, option.source)


@full
def test_a_card_says_what_is_real_here(name: str) -> None:
    game_cards = [c for c in FULL[name].cards if c.region == "game"]
    text = " ".join(c.body["en"] for c in game_cards)
    for must in ("trade secret", "opt-in", "month", "Liu Hu", "Never confirmed", "Documented", "Reported", "Invented"):
        assert must in text, must
    assert any("Haski" in c.body["en"] for c in game_cards), "the sources' warning against exoticism"


@full
def test_the_weights_are_this_games(name: str) -> None:
    for rules in FULL[name].rules:
        assert "this game" in rules.name["en"].lower() and "ce jeu" in rules.name["fr"], rules.id
    catalog = load_catalog()
    for key, entry in catalog.entries.items():
        assert "real weights" not in entry["en"] and "vrais poids" not in entry["fr"], key


@full
def test_china_and_the_west_side_by_side(name: str) -> None:
    regions = [c.region for c in FULL[name].cards]
    assert abs(regions.count("china") - regions.count("west")) <= 1, regions
    assert any("QG" in c.source["en"] for c in FULL[name].cards), "source 004 (QG) in the level"


@every
def test_reveals_write_no_sub_score_numbers(name: str) -> None:
    for scene, option in options(LEVELS[name]):
        for lang, text in (option.reveal or {}).items():
            assert not re.search(r"[+−-]\s?\d", text), (scene.id, option.id, lang, text)


# -- felt, not calculated ---------------------------------------------------------------------------


def scene_texts(scene: Scene) -> Iterator[dict[str, str]]:
    yield scene.text
    for line in scene.text_when:
        yield line.text


@every
def test_scenes_announce_no_threshold(name: str) -> None:
    level = LEVELS[name]
    thresholds = {t.min for d in level.doors for t in d.tiers if t.min > level.score.min}
    for _, scene in all_scenes(level):
        for text in scene_texts(scene):
            for lang, words in text.items():
                said = {int(n) for n in re.findall(r"(?<![\d,.])\d{3}(?![\d,.])", words)}
                assert not said & thresholds, (scene.id, lang, said & thresholds)


@full
def test_scene_texts_read_in_forty_to_seventy_words(name: str) -> None:
    for week in FULL[name].weeks:
        for scene in week.scenes:
            for text in scene_texts(scene):
                for lang, words in text.items():
                    assert 30 <= count_words(words) <= 75, (scene.id, lang, count_words(words))


@every
def test_every_choice_gets_a_visible_reaction(name: str) -> None:
    for scene, option in options(LEVELS[name]):
        seen = option.reply or option.reply_when or option.notify or option.door or option.goto
        assert seen, f"{scene.id}.{option.id} has no reply, notification, door or scene after it"


@every
def test_betrayals_get_the_strongest_reactions(name: str) -> None:
    found = 0
    for scene, option in options(LEVELS[name]):
        if betrays(option):
            found += 1
            assert option.goto is not None, f"{scene.id}.{option.id}: a betrayal leads to its consequence"
    assert found


def people_and_flags_tested(level: Level, skip: set[str]) -> tuple[set[str], set[str]]:
    people: set[str] = set()
    flags: set[str] = set()
    for _, scene in all_scenes(level):
        if scene.id in skip:
            continue
        conditions = [line.when for line in scene.text_when]
        conditions += [line.when for o in scene.options for line in o.reply_when]
        for cond in conditions:
            for key in ("friends", "not_friends", "contacts", "not_contacts"):
                people |= set(cond.value(key) or [])
            flags |= set(cond.value("flags") or [])
    return people, flags


@every
def test_what_you_did_to_someone_changes_how_they_speak_later(name: str) -> None:
    level = LEVELS[name]
    for scene, option in options(level):
        if not betrays(option):
            continue
        victims = {
            e.contact
            for e in option.all_effects()
            if isinstance(e, RelationEffect) and e.relation in ("dropped", "reported")
        }
        marks = {f for e in option.all_effects() for f in e.sets_flags()}
        people, flags = people_and_flags_tested(level, {scene.id, option.goto or ""})
        if victims:
            assert victims & people or marks & flags, f"{scene.id}.{option.id}: nobody remembers it later"


# -- pictures --------------------------------------------------------------------------------------


def test_a_level_may_name_exactly_the_faces_every_person_has() -> None:
    """speaker_mood's values (types.Mood) are the expressions drawn for everyone."""
    assert get_args(Mood) == EXPRESSIONS


@every
def test_every_person_has_a_portrait_on_disk_in_every_expression(name: str) -> None:
    level, art = LEVELS[name], art_catalog()
    for who in [*level.personas, *level.contacts]:
        pid = who.portrait or who.id
        assert pid in art.people, who.id
        missing = [e for e in EXPRESSIONS if not art.person(pid, e).is_file()]
        assert not missing, f"{who.id}: no {missing} face on disk"


@every
def test_every_goal_and_feed_kind_has_a_picture_on_disk(name: str) -> None:
    level, art = LEVELS[name], art_catalog()
    for persona in level.personas:
        assert persona.goal.picture and art.thing(persona.goal.picture).is_file(), persona.id
    for kind, oid in level.feed_pictures:
        assert oid and art.thing(oid).is_file(), kind


@every
def test_every_scene_shows_a_place_and_what_is_at_stake_and_every_door_an_object(name: str) -> None:
    level = LEVELS[name]
    art = art_catalog()
    for _, scene in all_scenes(level):
        assert 1 <= len(scene.picture) <= 3, scene.id
        assert all(art.thing(oid).is_file() for oid in scene.picture), scene.id
    for door in level.doors:
        assert door.picture and art.thing(door.picture).is_file(), door.id


# -- the full month -----------------------------------------------------------------------------------


@full
def test_people_rate_each_other_in_at_least_two_scenes(name: str) -> None:
    level = FULL[name]
    assert "rating" in level.model_fields_set, "the level says how ratings count"
    rated = {
        scene.id
        for _, scene in all_scenes(level)
        if any(isinstance(e, RatingEffect) for o in scene.options for e in o.all_effects())
    }
    assert len(rated) >= 2, rated


@full
def test_a_month_without_halo_lasts_the_month(name: str) -> None:
    level = FULL[name]
    consent = level.consent
    assert len(consent.declined_weeks) == len(level.weeks)
    assert consent.joined_end is not None
    scenes = consent.scenes_without()
    assert any(isinstance(e, JoinEffect) for s in scenes for o in s.options for e in o.all_effects())
    tiers = [d.declined for d in level.doors if d.declined is not None]
    assert {t.outcome for t in tiers} >= {"deposit", "refuse"}
    said = " ".join(t["en"] for s in scenes for t in scene_texts(s)) + " ".join(
        (o.reply or {}).get("en", "") for s in scenes for o in s.options
    )
    assert "voluntary" in said


# -- facts as the sources tell them ----------------------------------------------------------------


def told(level: Level, lang: str) -> list[str]:
    """Sentences the debrief tells as facts: cards, reveals, hidden rules, whispers' explanations."""
    texts = [c.body[lang] for c in cards(level)]
    texts += [o.reveal[lang] for _, o in options(level) if o.reveal]
    texts += [r.text[lang] for r in level.hidden_rules]
    texts += [w.explain[lang] for week in level.weeks for w in week.whispers]
    return [s for t in texts for s in re.split(r"(?<=[.!?])\s+", t)]


@every
def test_the_facts_are_told_as_the_sources_tell_them(name: str) -> None:
    level = LEVELS[name]
    fr, en = " ".join(told(level, "fr")), " ".join(told(level, "en"))
    if "Acxiom" in fr:
        assert "n’ayant que le niveau bac" in fr and "sans diplôme" not in fr
    for sentence in told(level, "fr"):
        assert not ("Belgrade" in sentence and "63" in sentence), sentence
        if "photographier" in sentence and "Suining" in sentence:
            assert "Avant" in sentence, sentence  # the photo campaign came before the 2010 pilot
    if "Londres" in fr:
        assert "au moins la moitié" in fr and "at least half" in en
    if "Thibout" in fr:
        assert "de plus en plus horizontale" in fr and "more and more horizontal" in en
    for sentence in told(level, "en"):
        if "750" in sentence and "airport" in sentence:
            assert "At one time" in sentence, sentence
        if "Equifax" in sentence:
            assert not re.search(r"\b(fell|fallen|dropped|drop)\b", sentence), sentence
    if "brevet" in fr:
        assert "jamais" in next(c.body["fr"] for c in level.cards if c.id == "patent")
    if level.rights is not None:
        assert "consentement explicite" in level.rights.body["fr"] and "explicit consent" in level.rights.body["en"]
    assert "Roussos" in load_catalog()("debrief.fault.why", "en")


def test_english_quotes_never_sit_inside_french_guillemets() -> None:
    for name, level in LEVELS.items():
        for text in [c.body["fr"] for c in cards(level)] + [s.text["fr"] for _, s in all_scenes(level)]:
            assert "“" not in text and "”" not in text, (name, text)
