"""The primitive types every level model is made of: ids, texts, numbers, the strict base.

They live apart from :mod:`game.content.models` so the registered effect and condition
kinds (:mod:`game.kinds`) can use them while the models use the kinds.
"""

from __future__ import annotations

from typing import Annotated, Literal

from pydantic import AfterValidator, BaseModel, ConfigDict, Field, StringConstraints

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
Mood = Literal["happy", "neutral", "worried", "sad", "angry", "cold", "shocked"]
"""A face: every person of assets/art/people has one picture per mood."""


class Strict(BaseModel):
    """Base for every level model: unknown keys are errors, values are frozen."""

    model_config = ConfigDict(extra="forbid", frozen=True, strict=False, defer_build=True)
