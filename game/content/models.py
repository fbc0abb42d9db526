"""The level schema: typed, frozen models that a YAML level must fit.

These models *are* the level format; ``docs/levels.md`` explains them to authors.
Field-level rules (types, ranges, unknown keys) live here; rules that need the whole
level (dangling ids, reachability, languages) live in :mod:`game.content.lint`.
"""

from __future__ import annotations

from typing import Annotated, Literal

from pydantic import AfterValidator, BaseModel, ConfigDict, Field, StringConstraints, model_validator

from game.content.textcheck import check_text

Ident = Annotated[str, StringConstraints(pattern=r"^[a-z][a-z0-9_]{0,39}$")]
"""Identifiers: lower-case, digits and underscores, starting with a letter."""

Text = Annotated[
    dict[
        Annotated[str, StringConstraints(pattern=r"^[a-z]{2}$")],
        Annotated[str, Field(max_length=4000), AfterValidator(check_text)],
    ],
    Field(min_length=1),
]
"""A player-facing text, one entry per language code: ``{fr: ..., en: ...}`` (never empty).

Each string must be drawable (:mod:`game.content.textcheck`): no control characters, no
unpaired surrogates, no bidi controls, at least one visible character."""

Small = Annotated[float, Field(ge=-1000, le=1000)]
Money = Annotated[int, Field(ge=-1_000_000, le=1_000_000)]
ScoreValue = Annotated[int, Field(ge=0, le=10_000)]
SubScore = Annotated[float, Field(ge=0, le=100)]

Relation = Literal["friend", "acquaintance", "dropped", "reported"]
CauseKind = Literal["choice", "persona", "contact", "system_error", "recompute"]
Outcome = Literal["grant", "deposit", "refuse"]


class Strict(BaseModel):
    """Base for every level model: unknown keys are errors, values are frozen."""

    model_config = ConfigDict(extra="forbid", frozen=True, strict=False, defer_build=True)


class Condition(Strict):
    """All the given tests must hold (an empty condition always holds)."""

    persona: list[Ident] | None = None
    flags: list[Ident] | None = None
    not_flags: list[Ident] | None = None
    score_below: ScoreValue | None = None
    score_at_least: ScoreValue | None = None
    money_at_least: Money | None = None
    money_below: Money | None = None
    friends: list[Ident] | None = None
    not_friends: list[Ident] | None = None
    week_at_least: Annotated[int, Field(ge=1, le=52)] | None = None


class Effect(Strict):
    """One change to the player's state. Exactly one target: category, contact, money or flag."""

    category: Ident | None = None
    contact: Ident | None = None
    delta: Small | None = None
    relation: Relation | None = None
    money: Money | None = None
    flag: Ident | None = None
    value: bool = True
    delay_scenes: Annotated[int, Field(ge=0, le=100)] = 0
    delay_weeks: Annotated[int, Field(ge=0, le=52)] = 0
    when: Condition | None = None
    cause: CauseKind | None = None
    why: Text | None = None

    @model_validator(mode="after")
    def _one_target(self) -> Effect:
        targets = [
            name
            for name, present in (
                ("category", self.category is not None),
                ("contact", self.contact is not None),
                ("money", self.money is not None),
                ("flag", self.flag is not None),
            )
            if present
        ]
        if len(targets) != 1:
            raise ValueError("an effect needs exactly one of category, contact, money or flag")
        if self.category is not None and self.delta is None:
            raise ValueError("a category effect needs a delta")
        if self.contact is not None and (self.delta is None) == (self.relation is None):
            raise ValueError("a contact effect needs either a delta or a relation")
        if self.relation is not None and self.contact is None:
            raise ValueError("relation is only for contact effects")
        return self


class Tier(Strict):
    """What a door does for a score at or above ``min``."""

    min: ScoreValue = 0
    outcome: Outcome
    amount: Money = 0
    text: Text


class Door(Strict):
    """A service that checks the published score: grant, ask a deposit, or refuse."""

    id: Ident
    name: Text
    tiers: list[Tier] = Field(min_length=1)
    blacklisted: Tier | None = None
    declined: Tier | None = None

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
    tags: list[Ident] = []
    when: Condition | None = None
    door: Ident | None = None
    effects: list[Effect] = []
    on_granted: list[Effect] = []
    on_refused: list[Effect] = []
    goto: Ident | None = None
    reply: Text | None = None
    notify: Text | None = None
    reveal: Text | None = None
    surprise: bool = False


class Scene(Strict):
    """A situation from daily life with 1–4 options."""

    id: Ident
    title: Text
    text: Text
    time: Annotated[str, StringConstraints(pattern=r"^\d{2}:\d{2}$")] | None = None
    speaker: Ident | None = None
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


class Persona(Strict):
    id: Ident
    name: Text
    description: Text
    money: Money = 100
    goal: Goal
    data: list[DataPoint] = []
    contacts: list[Ident] | None = None


class Contact(Strict):
    """A person in the player's circle, with a score of their own."""

    id: Ident
    name: Text
    role: Text
    score: ScoreValue
    relation: Relation = "friend"
    closeness: Annotated[float, Field(ge=0, le=10)] = 1.0
    drift: Small = 0
    noise: Annotated[float, Field(ge=0, le=100)] = 0
    drops_you_if_blacklisted: bool = False
    drops_you_below: ScoreValue | None = None
    doors: list[Ident] = []


class Consent(Strict):
    """The opening "Join Halo" question; declining leads to its own short path."""

    title: Text
    text: Text
    accept: Text
    decline: Text
    declined_scenes: list[Scene] = Field(min_length=1)
    declined_end: Text


class Card(Strict):
    """An "in the real world" fact card for the debrief, with its source."""

    id: Ident
    title: Text
    body: Text
    source: Text
    region: Literal["china", "west", "history", "law"]


class Level(Strict):
    """A whole level: the month, its rules, its people and its debrief content."""

    format: Literal[1]
    id: Ident
    mode: Literal["kiosk", "workshop"] = "kiosk"
    languages: list[Annotated[str, StringConstraints(pattern=r"^[a-z]{2}$")]] = Field(min_length=1)
    title: Text
    score: ScoreRange = ScoreRange()
    categories: list[Category] = Field(min_length=1, max_length=10)
    start: dict[Ident, SubScore]
    rules: list[RuleSet] = Field(min_length=1)
    connections: Connections = Connections()
    recompute: Recompute = Recompute()
    bands: list[Band] = Field(min_length=1)
    grades: list[Grade] = Field(min_length=1)
    publication: list[Message] = Field(min_length=1)
    doors: list[Door] = []
    contacts: list[Contact] = []
    personas: list[Persona] = Field(min_length=1)
    consent: Consent
    weeks: list[Week] = Field(min_length=1, max_length=12)
    side_scenes: list[Scene] = []
    hidden_rules: list[Text] = []
    cards: list[Card] = []
    rights: Card | None = None
    questions: list[Text] = []
