"""A scene as the visitor meets it, and the card that answers their choice.

The scene's text may depend on the month so far (``text_when``), its speaker has a face
that follows what happened between you (unless the level names how they look with the
words shown: ``speaker_mood``, so a face never contradicts its words), and a door's answer
carries its picture and whether an appeal is offered (only against a score decision).
"""

from __future__ import annotations

from dataclasses import dataclass

from game.content.models import Option
from game.core.events import Rated
from game.core.lookup import door_text, notify_text, reply_text
from game.core.rules import holds
from game.present.phone import mood
from game.present.words import Words
from game.visit import AfterChoice, Visit

APPEALABLE = ("score", "blacklisted")  # an appeal answers a score decision, nothing else


@dataclass(frozen=True)
class OptionLine:
    id: str
    text: str
    available: bool
    note: str  # why it is not possible now
    icon: str | None


@dataclass(frozen=True)
class Speaker:
    id: str
    name: str
    role: str
    portrait: str
    mood: str


@dataclass(frozen=True)
class SceneView:
    id: str
    week: int
    header: str  # "Week 2 · Tue 08:05"
    clock: str
    title: str
    text: str
    speaker: Speaker | None
    picture: tuple[str, ...]
    options: tuple[OptionLine, ...]


@dataclass(frozen=True)
class DoorAnswer:
    door: str
    name: str
    outcome: str  # grant | deposit | refuse
    label: str  # "refused"
    body: str
    picture: str | None
    appealable: bool
    reason: str  # score | money | the flag that chose the answer (blacklisted, declined, ...)


@dataclass(frozen=True)
class Reaction:
    """Someone the choice hurt: their face as it is now, and what it did to them."""

    portrait: str
    mood: str
    line: str


@dataclass(frozen=True)
class AfterView:
    chosen: str
    door: DoorAnswer | None
    reply: str
    notify: str
    ratings: tuple[str, ...]
    speaker_mood: str  # the speaker's face once they have heard the choice ("" without a speaker)
    reactions: tuple[Reaction, ...]
    spoken_ratings: tuple[str, ...] = ()  # the ratings as audio mode says them ("3 stars out of 5")


def scene_view(visit: Visit, words: Words) -> SceneView:
    session = visit.session
    scene = session.scene
    assert scene is not None, "no scene in front of the visitor"
    st = session.state
    told = next((line for line in scene.text_when if holds(line.when, st)), None)
    text = words.p(told.text if told is not None else scene.text)
    clock = scene.time or ""
    if clock and scene.day is not None:
        clock = f"{words.t(f'day.{scene.day}')} {clock}"
    week = words.t("scene.week", n=session.week)
    speaker = None
    if scene.speaker is not None:
        contact = session.ix.contacts[scene.speaker]
        face = (told.speaker_mood if told is not None else scene.speaker_mood) or (
            mood(visit, scene.speaker) if scene.speaker in st.contacts else "neutral"
        )
        speaker = Speaker(
            scene.speaker, words.p(contact.name), words.p(contact.role), contact.portrait or contact.id, face
        )
    options = tuple(
        OptionLine(
            view.option.id,
            words.p(view.option.text),
            view.available,
            "" if view.available else words.t("scene.unavailable"),
            view.option.icon,
        )
        for view in session.options()
    )
    return SceneView(
        scene.id,
        session.week,
        f"{week} · {clock}" if clock else week,
        clock,
        words.p(scene.title),
        text,
        speaker,
        tuple(scene.picture),
        options,
    )


def after_view(visit: Visit, words: Words, after: AfterChoice) -> AfterView:
    ix = visit.session.ix
    option = ix.options[(after.scene, after.option)]
    door = None
    if after.door is not None:
        checked = after.door
        level_door = ix.doors[checked.door]
        if checked.reason == "money":
            body = words.t("door.no_money", amount=words.money(checked.amount))
        else:
            body = words.with_amount(door_text(ix, checked), checked.amount)
        door = DoorAnswer(
            checked.door,
            words.p(level_door.name),
            checked.outcome,
            words.t(f"door.{checked.outcome}"),
            body,
            level_door.picture,
            checked.outcome == "refuse" and checked.reason in APPEALABLE,
            checked.reason,
        )

    def rated(stars: str, r: Rated) -> str:
        return words.t(
            "scene.rated" if r.rater == "you" else "scene.rated_by",
            name=words.p(ix.contacts[r.rated if r.rater == "you" else r.rater].name),
            stars=stars,
        )

    ratings = tuple(rated("★" * r.stars + "☆" * (5 - r.stars), r) for r in after.ratings)
    spoken = tuple(rated(words.t("speech.stars", n=r.stars), r) for r in after.ratings)
    scene = ix.scenes[after.scene]
    st = visit.session.state
    speaker = scene.speaker
    return AfterView(
        words.t("scene.you_chose", choice=words.p(option.text)),
        door,
        words.p(reply_text(ix, after.reply)) if after.reply is not None else "",
        words.p(notify_text(ix, after.notify)) if after.notify is not None else "",
        ratings,
        said_mood(option, after) or (mood(visit, speaker) if speaker is not None and speaker in st.contacts else ""),
        tuple(reaction(visit, words, after, cid) for cid in after.hurt if cid in st.contacts and cid != speaker),
        spoken,
    )


def said_mood(option: Option, after: AfterChoice) -> str | None:
    """The face the level gives the speaker with the reply shown: a face goes with its words,
    so a ``reply_when`` line has its own (none: the month's) and the option's goes with ``reply``."""
    variant = after.reply.variant if after.reply is not None else None
    return option.reply_when[variant].speaker_mood if variant is not None else option.speaker_mood


def reaction(visit: Visit, words: Words, after: AfterChoice, contact: str) -> Reaction:
    """A contact this choice dropped or reported: their face, and their score's fall."""
    ix, st = visit.session.ix, visit.session.state
    person = ix.contacts[contact]
    moved = [
        e
        for e in st.ledger
        if e.target == "contact" and e.key == contact and (e.scene, e.option) == (after.scene, after.option)
    ]
    relation = st.contacts[contact].relation
    key = "scene.you_reported" if relation == "reported" else "scene.you_dropped"
    line = words.t(key, name=words.p(person.name), gender=person.gender)
    if moved:
        line += " " + words.t("scene.their_score", before=round(moved[0].before), after=round(moved[-1].after))
    return Reaction(person.portrait or contact, mood(visit, contact), line)
