"""The level schema: typed, frozen models that a YAML level must fit.

These models *are* the level format; ``docs/levels.md`` explains them to authors.
Field-level rules (types, ranges, unknown keys) live here; rules that need the whole
level (dangling ids, reachability, languages) live in :mod:`game.content.lint`.
"""

from __future__ import annotations

from typing import Annotated, Any, Literal

from pydantic import Field, PrivateAttr, StringConstraints, model_validator

from game.content.types import (
    CauseKind,
    Ident,
    Money,
    Mood,
    Outcome,
    Relation,
    ScoreValue,
    Small,
    Strict,
    SubScore,
    Text,
)
from game.kinds.conditions import Condition
from game.kinds.effects import AnyEffect

Effect = AnyEffect
"""An effect: one of the registered kinds (``game/kinds/effects``), inferred from its keys."""

Basis = Literal["documented", "reported", "invented"]
"""How a rule, threshold or card stands to reality: documented in the sources, only
reported (by the press, unconfirmed), or invented for this game."""

__all__ = [
    "Basis",
    "CauseKind",
    "Condition",
    "Effect",
    "Ident",
    "Money",
    "Outcome",
    "Relation",
    "ScoreValue",
    "Small",
    "Strict",
    "SubScore",
    "Text",
]


class TextWhen(Strict):
    """A line said instead of the usual one when its condition holds (the first that holds wins)."""

    when: Condition
    text: Text
    speaker_mood: Mood | None = None  # the speaker's face while this line is the one shown


class Tier(Strict):
    """What a door does for a score at or above ``min``."""

    min: ScoreValue = 0
    outcome: Outcome
    amount: Money = 0
    text: Text


class Door(Strict):
    """A service that checks the published score: grant, ask a deposit, or refuse.

    ``flags`` answer instead of the score while the player holds one of those flags (the
    first listed wins); ``declined:`` and ``blacklisted:`` are short for the two flags
    the engine sets itself, and are checked in that order.
    """

    id: Ident
    name: Text
    picture: Ident | None = None  # an object of assets/art/objects: what opens or stays locked
    tiers: list[Tier] = Field(min_length=1)
    flags: dict[Ident, Tier] = {}
    basis: Basis | None = None  # how its thresholds stand to reality
    source: Ident | None = None  # the card that tells the real story

    @model_validator(mode="before")
    @classmethod
    def _engine_flags(cls, data: Any) -> Any:
        if isinstance(data, dict) and ("declined" in data or "blacklisted" in data):
            data = dict(data)
            named = {k: data.pop(k) for k in ("declined", "blacklisted") if k in data}
            data["flags"] = {**named, **dict(data.get("flags") or {})}
        return data

    @property
    def declined(self) -> Tier | None:
        return self.flags.get("declined")

    @property
    def blacklisted(self) -> Tier | None:
        return self.flags.get("blacklisted")

    @model_validator(mode="after")
    def _tiers_descend(self) -> Door:
        mins = [t.min for t in self.tiers]
        if mins != sorted(mins, reverse=True) or len(set(mins)) != len(mins):
            raise ValueError("tiers must be listed from the highest min to the lowest, without repeats")
        return self


class Whisper(Strict):
    """A folk theory about the score, told by a contact; the debrief says if it was true."""

    contact: Ident
    text: Text
    truth: Literal["true", "false", "unknown"]
    explain: Text


class Option(Strict):
    """One choice in a scene, with its hidden effects."""

    id: Ident
    text: Text
    icon: Ident | None = None  # an object or icon of assets/art, shown on the button
    tags: list[Ident] = []
    when: Condition | None = None
    door: Ident | None = None
    effects: list[Effect] = []
    on_granted: list[Effect] = []
    on_refused: list[Effect] = []
    goto: Ident | None = None
    reply: Text | None = None
    reply_when: list[TextWhen] = []  # what is said instead, depending on the month so far
    notify: Text | None = None
    reveal: Text | None = None
    surprise: bool = False
    basis: Basis | None = None  # how the rule its reveal tells stands to reality
    source: Ident | None = None  # the card with its source
    speaker_mood: Mood | None = None  # the speaker's face after this choice (none: as the month left them)

    def all_effects(self) -> list[Effect]:
        return [*self.effects, *self.on_granted, *self.on_refused]


class Scene(Strict):
    """A situation from daily life with 1–4 options."""

    id: Ident
    title: Text
    text: Text
    time: Annotated[str, StringConstraints(pattern=r"^\d{2}:\d{2}$")] | None = None
    day: Annotated[int, Field(ge=1, le=7)] | None = None  # day of the week (1 = Monday), shown with the time
    text_when: list[TextWhen] = []  # the situation told otherwise, depending on the month so far
    speaker: Ident | None = None
    speaker_mood: Mood | None = None  # how the speaker looks in this scene (none: as the month left them)
    picture: list[Ident] = []  # the place (first) and what is at stake: objects of assets/art/objects
    when: Condition | None = None
    fixed: bool = False
    options: list[Option] = Field(min_length=1, max_length=4)


class Week(Strict):
    """A week of scenes; the score is recomputed and published when it ends."""

    id: Ident
    title: Text
    scenes: list[Scene] = Field(min_length=1)
    draw: Annotated[int, Field(ge=0, le=50)] | None = None
    whispers: list[Whisper] = []


class Category(Strict):
    id: Ident
    name: Text
    description: Text


class RuleSet(Strict):
    """A hidden set of weights; a level with several draws one per session."""

    id: Ident
    name: Text
    weights: dict[Ident, Annotated[float, Field(ge=0, le=1000)]]


class Connections(Strict):
    """How the connections sub-score follows contacts: friends' mean score, plus a bonus per friend."""

    alone: SubScore = 30
    per_friend: Annotated[float, Field(ge=0, le=50)] = 0
    category: Ident = "connections"


class RatingRule(Strict):
    """How people's ratings of each other count (the rating effects of ``game/kinds``).

    A rating of ``stars`` moves the rated score by (stars − ``neutral``) × the per-star
    figure: ``per_star`` sub-score points of ``category`` when someone rates you,
    ``contact_per_star`` score points when you rate someone.
    """

    category: Ident = "behaviour"
    per_star: Small = 2.0
    contact_per_star: Small = 6.0
    neutral: Annotated[int, Field(ge=1, le=5)] = 3


class Recompute(Strict):
    """What the weekly recomputation does on its own: drift of each category."""

    drift: dict[Ident, Small] = {}
    why: Text | None = None


class Band(Strict):
    min: ScoreValue
    name: Text


class Grade(Strict):
    id: Annotated[str, StringConstraints(pattern=r"^[A-Z]$")]
    min: ScoreValue
    meaning: Text


class Message(Strict):
    """The app's vague weekly message for a change of at least ``min_delta`` points."""

    min_delta: Annotated[int, Field(ge=-1000, le=1000)]
    text: Text
    italic: bool = False


class ScoreRange(Strict):
    min: ScoreValue = 350
    max: ScoreValue = 950

    @model_validator(mode="after")
    def _ordered(self) -> ScoreRange:
        if self.min >= self.max:
            raise ValueError("score.min must be below score.max")
        return self


class DataPoint(Strict):
    """A fact about a persona that the system scores before they do anything."""

    label: Text
    category: Ident
    delta: Small
    why: Text | None = None


class Goal(Strict):
    text: Text
    when: Condition
    reached: Text
    missed: Text
    picture: Ident | None = None  # what the goal opens (assets/art objects): unlocked or stamped at the end


class FeedPictures(Strict):
    """The icon of each kind of line on Halo's feed (assets/art objects or icons); a kind
    left out gets a neutral placeholder. A contact's line shows their face instead."""

    notify: Ident | None = None  # a message from Halo after a choice
    publication: Ident | None = None  # the weekly publication's vague word
    appeal: Ident | None = None  # "your appeal has been registered"


class Persona(Strict):
    id: Ident
    name: Text
    description: Text
    money: Money = 100
    goal: Goal
    data: list[DataPoint] = []
    contacts: list[Ident] | None = None
    key_contacts: list[Ident] = []  # always visible on the phone (the people the goal is about)
    portrait: Ident | None = None  # a person of assets/art/people (their id by default)


class Contact(Strict):
    """A person in the player's circle, with a score of their own."""

    id: Ident
    name: Text
    role: Text
    score: ScoreValue
    relation: Relation = "friend"
    gender: Literal["f", "m", "n"] = "n"  # the grammatical gender of words about them ("signalée")
    closeness: Annotated[float, Field(ge=0, le=10)] = 1.0
    drift: Small = 0
    noise: Annotated[float, Field(ge=0, le=100)] = 0
    drops_you_if_blacklisted: bool = False
    drops_you_below: ScoreValue | None = None
    doors: list[Ident] = []
    portrait: Ident | None = None  # a person of assets/art/people (their id by default)


class Consent(Strict):
    """The opening "Join Halo" question; declining leads to a month of its own.

    ``declined_weeks`` are lived instead of the weeks; ``declined_scenes`` is short for a
    single such week. A ``{join: true}`` effect in them lets the player join later.
    """

    title: Text
    text: Text
    accept: Text
    decline: Text
    declined_scenes: list[Scene] = []
    declined_weeks: list[Week] = Field([], max_length=12)
    declined_end: Text
    joined_end: Text | None = None  # the ending of a visitor who refused, then joined

    @model_validator(mode="after")
    def _one_form(self) -> Consent:
        if bool(self.declined_scenes) == bool(self.declined_weeks):
            raise ValueError("give declined_weeks (a month without Halo) or declined_scenes (one week), not both")
        return self

    def weeks_without(self) -> list[Week]:
        """The weeks lived without Halo."""
        if self.declined_weeks:
            return list(self.declined_weeks)
        return [Week(id="declined", title=self.title, scenes=list(self.declined_scenes))]

    def scenes_without(self) -> list[Scene]:
        return [scene for week in self.weeks_without() for scene in week.scenes]


class HiddenRule(Strict):
    """A rule nobody could have guessed. Tied to ``scenes``, it counts as met only when one was.

    A plain text (``{fr: ..., en: ...}``) is a rule of the whole month.
    """

    text: Text
    scenes: list[Ident] = []
    basis: Basis | None = None
    source: Ident | None = None  # the card with its source

    @model_validator(mode="before")
    @classmethod
    def _plain_text(cls, data: Any) -> Any:
        if isinstance(data, dict) and "text" not in data and all(isinstance(k, str) and len(k) == 2 for k in data):
            return {"text": data}
        return data


class Card(Strict):
    """An "in the real world" fact card for the debrief, with its source."""

    id: Ident
    title: Text
    body: Text
    source: Text
    region: Literal["china", "west", "history", "law", "game"]  # game: what is real in this game itself
    basis: Basis | None = None  # documented, reported or invented: said on the card
    picture: Ident | None = None


class Level(Strict):
    """A whole level: the month, its rules, its people and its debrief content.

    ``_index`` holds what the engine derives from it once (:func:`game.core.rules.index_of`):
    kept with the level, not in a global cache.
    """

    _index: object = PrivateAttr(default=None)

    def __getstate__(self) -> dict[Any, Any]:
        """Pickled without its index: the index holds compiled conditions pickle cannot
        carry, and is derived again, once, wherever the level is unpickled."""
        state = super().__getstate__()
        private = state.get("__pydantic_private__")
        if private and private.get("_index") is not None:
            state["__pydantic_private__"] = {**private, "_index": None}
        return state

    format: Literal[1]
    id: Ident
    mode: Literal["kiosk", "workshop"] = "kiosk"
    debrief: Literal["reveal", "explorer"] | None = None  # the debrief it opens with (by mode when left out)
    languages: list[Annotated[str, StringConstraints(pattern=r"^[a-z]{2}$")]] = Field(min_length=1)
    title: Text
    currency: Text | None = None  # how an amount is written, per language: {fr: "{amount} €", en: "€{amount}"}
    score: ScoreRange = ScoreRange()
    categories: list[Category] = Field(min_length=1, max_length=10)
    start: dict[Ident, SubScore]
    rules: list[RuleSet] = Field(min_length=1)
    connections: Connections = Connections()
    rating: RatingRule = RatingRule()
    recompute: Recompute = Recompute()
    bands: list[Band] = Field(min_length=1)
    grades: list[Grade] = Field(min_length=1)
    publication: list[Message] = Field(min_length=1)
    feed_pictures: FeedPictures = FeedPictures()
    doors: list[Door] = []
    contacts: list[Contact] = []
    personas: list[Persona] = Field(min_length=1)
    consent: Consent
    weeks: list[Week] = Field(min_length=1, max_length=12)
    side_scenes: list[Scene] = []
    hidden_rules: list[HiddenRule] = []
    cards: list[Card] = []
    rights: Card | None = None
    questions: list[Text] = []
