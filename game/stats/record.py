"""One finished or abandoned session, in the only shape the statistics ever store.

The record is anonymous by construction: identifiers from the level file, numbers, and two
coarse times (the hour the session started and its length rounded to 10 s). There is no
free text and no device or player identifier, and :meth:`SessionRecord.make` is the way
to turn real timestamps into the coarse ones, so an exact time never reaches the store.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import datetime

IDENT = re.compile(r"[a-z][a-z0-9_]{0,39}")
"""Level identifiers (same rule as :data:`game.content.models.Ident`): never free text."""

LANGUAGE = re.compile(r"[a-z]{2}")
GRADE = re.compile(r"[A-Z]")
HOUR = re.compile(r"\d{4}-\d{2}-\d{2}T\d{2}")
DURATION_STEP_S = 10
SEED_RANGE = (-(1 << 63), (1 << 63) - 1)
"""A seed is stored as an SQLite integer (64-bit signed)."""


@dataclass(frozen=True)
class SessionRecord:
    """What one session leaves behind; every field is checked so free text cannot slip in.

    ``choices`` holds ``"scene_id.option_id"`` in the order played; ``guess`` the category
    ids the player ranked, most important first (empty if they skipped it). ``final_score``,
    ``grade`` and ``goal_reached`` are None for an abandoned session (``completed=False``).
    ``seed`` is the number the month's random draws came from (drawn for the session, it says
    nothing about the visitor), so the rules sandbox can replay the month exactly; None for
    sessions recorded before it was kept.
    """

    level: str
    persona: str
    language: str
    variant: str
    choices: tuple[str, ...]
    guess: tuple[str, ...]
    final_score: int | None
    grade: str | None
    goal_reached: bool | None
    completed: bool
    duration_s: int
    hour: str
    seed: int | None = None
    joined: bool | None = None
    join_again: bool | None = None
    guess_matched: bool | None = None

    def __post_init__(self) -> None:
        for name in ("level", "persona", "variant"):
            _check(IDENT, getattr(self, name), name)
        _check(LANGUAGE, self.language, "language")
        if not isinstance(self.choices, tuple) or not isinstance(self.guess, tuple):
            raise ValueError("choices and guess must be tuples")
        for choice in self.choices:
            scene, _, option = choice.partition(".") if isinstance(choice, str) else ("", "", "")
            _check(IDENT, scene, "choices (scene id)")
            _check(IDENT, option, "choices (option id)")
        for category in self.guess:
            _check(IDENT, category, "guess")
        if len(set(self.guess)) != len(self.guess):
            raise ValueError("guess: a category is ranked twice")
        if self.grade is not None:
            _check(GRADE, self.grade, "grade")
        _check(HOUR, self.hour, "hour")
        if type(self.completed) is not bool or not (self.goal_reached is None or type(self.goal_reached) is bool):
            raise ValueError("completed and goal_reached must be booleans")
        for name in ("joined", "join_again", "guess_matched"):
            value = getattr(self, name)
            if value is not None and type(value) is not bool:
                raise ValueError(f"{name} must be a boolean or None")
        if type(self.duration_s) is not int or self.duration_s < 0 or self.duration_s % DURATION_STEP_S:
            raise ValueError(f"duration_s must be a non-negative multiple of {DURATION_STEP_S}")
        if self.final_score is not None and (type(self.final_score) is not int or not 0 <= self.final_score <= 10_000):
            raise ValueError("final_score must be an integer from 0 to 10000")
        if self.seed is not None and (type(self.seed) is not int or not SEED_RANGE[0] <= self.seed <= SEED_RANGE[1]):
            raise ValueError("seed must be a 64-bit integer")

    @classmethod
    def make(
        cls,
        *,
        level: str,
        persona: str,
        language: str,
        variant: str,
        choices: tuple[str, ...] | list[str],
        guess: tuple[str, ...] | list[str] = (),
        final_score: int | None = None,
        grade: str | None = None,
        goal_reached: bool | None = None,
        completed: bool,
        started: datetime,
        ended: datetime,
        seed: int | None = None,
        joined: bool | None = None,
        join_again: bool | None = None,
        guess_matched: bool | None = None,
    ) -> SessionRecord:
        """Build a record from real start/end times, keeping only the hour and a rounded length.

        Pass local times (the hour bucket is what a facilitator reads as "when").
        """
        return cls(
            level=level,
            persona=persona,
            language=language,
            variant=variant,
            choices=tuple(choices),
            guess=tuple(guess),
            final_score=final_score,
            grade=grade,
            goal_reached=goal_reached,
            completed=completed,
            duration_s=round_duration((ended - started).total_seconds()),
            hour=hour_bucket(started),
            seed=seed,
            joined=joined,
            join_again=join_again,
            guess_matched=guess_matched,
        )

    def scene_choices(self) -> list[tuple[str, str]]:
        """The choices as ``(scene_id, option_id)`` pairs, in order."""
        return [(scene, option) for scene, _, option in (c.partition(".") for c in self.choices)]


def round_duration(seconds: float) -> int:
    """Round to the nearest 10 s (halves up); negative lengths (clock changes) become 0."""
    steps = int((max(seconds, 0.0) + DURATION_STEP_S / 2) // DURATION_STEP_S)
    return steps * DURATION_STEP_S


def hour_bucket(moment: datetime) -> str:
    """``YYYY-MM-DDTHH``: the hour, never the minute."""
    return moment.strftime("%Y-%m-%dT%H")


def _check(pattern: re.Pattern[str], value: object, name: str) -> None:
    if not isinstance(value, str) or not pattern.fullmatch(value):
        raise ValueError(f"{name}: {value!r} is not an identifier of the expected form")
